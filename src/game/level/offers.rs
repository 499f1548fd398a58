//! What is on offer: items to buy and topics to post on.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub name: String,
    pub description: String,
    pub category: String,
    pub price: i64,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Sold at most once in a game.
    #[serde(default)]
    pub once: bool,
    /// Not on sale until an `OpenItem` effect opens it.
    #[serde(default)]
    pub hidden: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub name: String,
    pub description: String,
    /// The text of the post as drafted.
    pub text: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Posted at most once in a game.
    #[serde(default)]
    pub once: bool,
    /// Not open for drafting until an `OpenTopic` effect opens it.
    #[serde(default)]
    pub hidden: bool,
}
