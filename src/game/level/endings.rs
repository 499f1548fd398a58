//! Endings: the first whose condition holds at the end is the level's.

use serde::{Deserialize, Serialize};

use super::Condition;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub id: String,
    pub title: String,
    pub description: String,
    pub text: String,
    /// The first ending, in file order, whose condition holds on the last day is reached.
    pub when: Condition,
}
