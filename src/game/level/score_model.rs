//! The score: its range, its dimensions and their weights, its tiers.

use serde::{Deserialize, Serialize};

use super::Provenance;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreModel {
    pub name: String,
    pub min: i32,
    pub max: i32,
    pub dimensions: Vec<Dimension>,
    /// Named bands of the score, in ascending order of `from`.
    pub tiers: Vec<Tier>,
    /// Money taken for each point a penalty could not take from a dimension already at its
    /// floor: a bottomed-out dimension does not make further penalties free.
    #[serde(default = "one_i64")]
    pub floor_fine: i64,
    /// Days over which a rule that rewards gives half as much each time it fires again: the
    /// system raises its demands. 0: every firing gives the rule's full points.
    #[serde(default)]
    pub repeat_window: u32,
    #[serde(default)]
    pub provenance: Option<Provenance>,
}

fn one_i64() -> i64 {
    1
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Relative weight in the score (any positive integers; they are normalised).
    pub weight: u32,
    #[serde(default)]
    pub source: DimensionSource,
    #[serde(default)]
    pub provenance: Option<Provenance>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum DimensionSource {
    /// Points (0–100) moved by rules and events.
    #[default]
    Rules,
    /// The average score of the player's friends, plus whatever rules add; `alone` with no friends.
    Friends { alone: i32 },
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: String,
    pub name: String,
    pub description: String,
    pub from: i32,
}
