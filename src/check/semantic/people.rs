//! People and personas start within the level's ranges.

use super::Checker;

impl Checker<'_> {
    /// People and personas start within range.
    pub(super) fn people(&mut self) {
        let l = self.level;
        for n in &l.npcs {
            if n.post_chance > 100 {
                let at = self.field("npcs", &n.id, "post_chance");
                self.error(
                    at,
                    "C017",
                    format!("`post_chance` of `{}` is {}%", n.id, n.post_chance),
                    Some("use 0–100".into()),
                );
            }
            if n.score < l.score.min || n.score > l.score.max {
                let at = self.field("npcs", &n.id, "score");
                self.error(
                    at,
                    "C017",
                    format!(
                        "`{}` starts with score {}, outside {}–{}",
                        n.id, n.score, l.score.min, l.score.max
                    ),
                    None,
                );
            }
        }
        for p in &l.personas {
            if !(0..=100).contains(&p.integrity) {
                let at = self.field("personas", &p.id, "integrity");
                self.error(
                    at,
                    "C017",
                    format!("`integrity` of `{}` is {}", p.id, p.integrity),
                    Some("the self meter runs 0–100".into()),
                );
            }
            for (dim, v) in &p.dimensions {
                if !(0..=100).contains(v) {
                    let at = self.value("personas", &p.id, dim);
                    self.error(
                        at,
                        "C017",
                        format!("`{}` starts `{dim}` at {v}", p.id),
                        Some("dimension points run 0–100".into()),
                    );
                }
            }
        }
    }
}
