//! The obedience index: how often, when the score and the persona's values pulled apart, the
//! score won.

use serde::{Deserialize, Serialize};

use super::moments;
use crate::game::journal::Journal;
use crate::game::level::Level;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Obedience {
    /// Scored decisions where the score-best option went against the values-best one.
    pub conflicted: u32,
    /// Of those, the ones where the player took the score's side.
    pub obeyed: u32,
    /// `obeyed / conflicted`; `None` when nothing was conflicted.
    pub index: Option<f64>,
    /// The three largest moments of giving way ([`moments`]), as the debrief words them.
    pub moments: Vec<String>,
}

pub(super) fn obedience(level: &Level, journal: &Journal) -> Obedience {
    let (obeyed, conflicted) = journal.obedience();
    Obedience {
        conflicted,
        obeyed,
        index: journal.obedience_index(),
        moments: moments(level, &journal.decisions)
            .into_iter()
            .take(3)
            .map(|m| m.text)
            .collect(),
    }
}
