//! Endings: each can be reached (none after one that always holds, none whose condition
//! cannot hold).

use super::Checker;
use crate::check::reach;
use crate::game::level::Condition;

impl Checker<'_> {
    pub(super) fn endings(&mut self) {
        let l = self.level;
        let mut always: Option<&str> = None;
        for e in &l.endings {
            // Locating text is slow; only a diagnostic needs it.
            let at = || (self.entity("endings", &e.id), e.id.chars().count() + 2);
            if let Some(first) = always {
                self.error(
                    at(),
                    "C016",
                    format!("ending `{}` can never be reached", e.id),
                    Some(format!(
                        "`{first}` comes first and always holds; move this one above it"
                    )),
                );
            } else if !reach::satisfiable(l, &e.when) {
                self.error(
                    at(),
                    "C016",
                    format!(
                        "ending `{}` can never be reached: its condition cannot hold",
                        e.id
                    ),
                    Some(format!(
                        "scores run {}–{}, self 0–100",
                        l.score.min, l.score.max
                    )),
                );
            }
            if e.when == Condition::Always && always.is_none() {
                always = Some(&e.id);
            }
        }
    }
}
