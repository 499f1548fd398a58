//! What arrives: news, and events with their choices.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Condition, Effect, Provenance};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct News {
    pub id: String,
    pub day: u32,
    pub source: String,
    pub text: Arc<str>,
    #[serde(default)]
    pub tags: Arc<[String]>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub description: String,
    pub text: String,
    /// A bulletin is news from the system: it has no choices and its effects apply at once.
    #[serde(default)]
    pub bulletin: bool,
    /// The first day it may arrive.
    #[serde(default = "one")]
    pub day: u32,
    #[serde(default)]
    pub when: Condition,
    /// Events with this tag are kept from players under a sanction that blocks the tag.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub effects: Vec<Effect>,
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// The choice taken when the day ends unanswered.
    #[serde(default)]
    pub default: Option<String>,
    #[serde(default)]
    pub provenance: Option<Provenance>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub description: String,
    /// Tags the choice stands for: rules on `Choice(tag)` score it, values judge it.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Tags the choice goes against: the persona's values judge it in reverse.
    #[serde(default)]
    pub betrays: Vec<String>,
    #[serde(default)]
    pub effects: Vec<Effect>,
}
