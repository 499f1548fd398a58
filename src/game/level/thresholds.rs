//! What the score opens and closes: perks above a threshold, sanctions below one.

use serde::{Deserialize, Serialize};

use super::{PerkEffect, Provenance, SanctionEffect};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Perk {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Open while the score is at or above this.
    pub threshold: i32,
    #[serde(default)]
    pub effects: Vec<PerkEffect>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sanction {
    pub id: String,
    pub name: String,
    pub description: String,
    /// In force while the score is below this.
    pub below: i32,
    #[serde(default)]
    pub effects: Vec<SanctionEffect>,
    pub provenance: Provenance,
}
