//! People: tags of value, the personas a player can be, and the people around them.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub id: String,
    pub description: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub id: String,
    pub name: String,
    pub description: String,
    pub money: i64,
    pub income: i64,
    /// Starting points of each rules dimension (0–100); missing ones start at 50.
    #[serde(default)]
    pub dimensions: BTreeMap<String, i32>,
    /// Starting self meter, 0–100.
    #[serde(default = "sixty")]
    pub integrity: i32,
    /// How much the persona cares about each tag: positive cherishes it, negative loathes it.
    pub values: BTreeMap<String, i32>,
    #[serde(default)]
    pub friends: Vec<String>,
}

fn sixty() -> i32 {
    60
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum Behaviour {
    /// Posts safe things, climbs slowly.
    #[default]
    Conformist,
    /// Posts what they think, whatever it costs.
    Authentic,
    /// Posts against the system on purpose.
    Rebel,
    /// Reports others when the system pays for it.
    Informer,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Npc {
    pub id: String,
    pub name: String,
    pub bio: String,
    pub description: String,
    pub score: i32,
    #[serde(default)]
    pub behaviour: Behaviour,
    #[serde(default)]
    pub values: BTreeMap<String, i32>,
    /// What the person is, for rules on befriending (`journalist`, `gamer`…).
    #[serde(default)]
    pub tags: Vec<String>,
    /// The person drops the player (and refuses them) below this score.
    #[serde(default)]
    pub tolerance: Option<i32>,
    /// Chance in percent of posting on a given day.
    #[serde(default = "forty")]
    pub post_chance: u32,
    #[serde(default)]
    pub posts: Vec<NpcPost>,
}

fn forty() -> u32 {
    40
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NpcPost {
    pub id: String,
    /// Shared with the feed posts made from it, which would otherwise copy it every day.
    pub text: Arc<str>,
    #[serde(default)]
    pub tags: Arc<[String]>,
}
