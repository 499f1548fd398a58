//! The score's thresholds in order: tiers, perks and sanctions.

use super::Checker;
use crate::game::level::DimensionSource;

impl Checker<'_> {
    pub(super) fn score_order(&mut self) {
        let l = self.level;
        let (min, max) = (l.score.min, l.score.max);
        if let Some(first) = l.score.tiers.first()
            && first.from > min
        {
            let at = self.field("tiers", &first.id, "from");
            self.error(
                at,
                "C014",
                format!(
                    "the first tier `{}` starts at {}, above the minimum score {min}",
                    first.id, first.from
                ),
                Some(format!(
                    "start it at `from: {min}` so every score has a tier"
                )),
            );
        }
        for pair in l.score.tiers.windows(2) {
            if pair[1].from <= pair[0].from {
                let at = self.field("tiers", &pair[1].id, "from");
                self.error(
                    at,
                    "C014",
                    format!(
                        "tier `{}` (from {}) is not above `{}` (from {})",
                        pair[1].id, pair[1].from, pair[0].id, pair[0].from
                    ),
                    Some("list tiers in ascending order of `from`".into()),
                );
            }
        }
        for t in &l.score.tiers {
            if t.from < min || t.from > max {
                let at = self.field("tiers", &t.id, "from");
                self.error(
                    at,
                    "C015",
                    format!(
                        "tier `{}` starts at {}, outside the score range {min}–{max}",
                        t.id, t.from
                    ),
                    None,
                );
            }
        }
        for p in &l.perks {
            if p.threshold <= min || p.threshold > max {
                let at = self.field("perks", &p.id, "threshold");
                self.error(
                    at,
                    "C015",
                    format!(
                        "perk `{}` opens at {}, outside the score range {min}–{max}",
                        p.id, p.threshold
                    ),
                    Some(format!("use a threshold in {}–{max}", min + 1)),
                );
            }
        }
        for s in &l.sanctions {
            if s.below <= min || s.below > max {
                let at = self.field("sanctions", &s.id, "below");
                self.error(
                    at,
                    "C015",
                    format!(
                        "sanction `{}` applies below {}, outside the score range {min}–{max}",
                        s.id, s.below
                    ),
                    Some(format!("use a value in {}–{max}", min + 1)),
                );
            }
        }
        let friends_dims = l
            .score
            .dimensions
            .iter()
            .filter(|d| matches!(d.source, DimensionSource::Friends { .. }))
            .count();
        if friends_dims > 1 {
            let at = (self.section("dimensions"), 10);
            self.error(
                at,
                "C017",
                "more than one dimension follows friends' scores".into(),
                Some("keep one `Friends` dimension".into()),
            );
        }
    }
}
