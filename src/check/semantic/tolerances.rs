//! Starting friends who would drop the player the first time the score counts.

use std::sync::Arc;

use super::Checker;
use crate::game::Opening;

impl Checker<'_> {
    /// Starting friends who would drop the player the first time the score counts (C026):
    /// their `tolerance` is above the score the persona starts with.
    pub(super) fn tolerances(&mut self) {
        let l = self.level;
        let minds = |id: &String| l.npc(id).is_some_and(|n| n.tolerance.is_some());
        if !l.personas.iter().any(|p| p.friends.iter().any(minds)) {
            return;
        }
        let level = Arc::new(l.clone());
        for p in &l.personas {
            let Ok(opening) = Opening::new(Arc::clone(&level), Some(&p.id)) else {
                continue;
            };
            let start = opening.starting_score();
            for f in &p.friends {
                let Some(t) = l.npc(f).and_then(|n| n.tolerance) else {
                    continue;
                };
                if start < t {
                    let at = self.value("personas", &p.id, f);
                    self.warn(
                        at,
                        "C026",
                        format!(
                            "`{}` starts with a score of {start}, below the tolerance of their friend `{f}` ({t}): `{f}` drops them as soon as the score counts",
                            p.id
                        ),
                        Some(format!(
                            "lower `{f}`'s `tolerance` to {start} or less, or raise the persona's starting points"
                        )),
                    );
                }
            }
        }
    }
}
