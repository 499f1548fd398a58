//! Money: rent, and income that follows the score.

use serde::{Deserialize, Serialize};

use super::Provenance;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Economy {
    #[serde(default)]
    pub rent: i64,
    /// Rent falls due every this many days.
    #[serde(default = "seven")]
    pub rent_every: u32,
    /// A basic income coupled to the score, paid each day on top of the persona's income.
    #[serde(default)]
    pub score_income: Option<ScoreIncome>,
}

/// Income that rises and falls with the score: `per_100` for every 100 points above (or
/// below) `pivot`, never less than `floor`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreIncome {
    pub pivot: i32,
    pub per_100: i64,
    #[serde(default)]
    pub floor: i64,
    pub provenance: Provenance,
}

pub(super) fn seven() -> u32 {
    7
}

impl Default for Economy {
    fn default() -> Self {
        Economy {
            rent: 0,
            rent_every: 7,
            score_income: None,
        }
    }
}
