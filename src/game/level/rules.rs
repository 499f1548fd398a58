//! Rules, how they are set (by the state, by peers, by vote) and shown, and proposals.

use serde::{Deserialize, Serialize};

use super::{Provenance, Trigger};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum Visibility {
    /// Rules, predicted effects and the ledger are shown; the score moves at once.
    #[default]
    Transparent,
    /// Predicted effects are shown, but changes queue and apply every `every` days.
    Delayed { every: u32 },
    /// No predictions, no ledger until the debrief; changes apply every `every` days.
    BlackBox { every: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum RuleSetter {
    /// The level's rules, as written, decide.
    #[default]
    State,
    /// Every person rates the player's day by their own values, weighted by their own score.
    Peers { dimension: String, strength: u32 },
    /// Every `every` days citizens vote on one of the level's proposals.
    /// With `board`, the count goes up on a public board: every resident's vote by name, and
    /// the player's unless they withheld consent.
    Vote {
        every: u32,
        #[serde(default)]
        board: bool,
    },
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub on: Trigger,
    /// What the system concludes about the player, as the ledger words it.
    pub inference: String,
    pub dimension: String,
    pub points: i32,
    /// The rule fires at most this many times a day (repeats after that count for nothing).
    #[serde(default)]
    pub per_day: Option<u32>,
    #[serde(default = "yes")]
    pub active: bool,
    /// The rule fires at most once in a game.
    #[serde(default)]
    pub once: bool,
    pub provenance: Provenance,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub enables: Vec<String>,
    #[serde(default)]
    pub disables: Vec<String>,
}
