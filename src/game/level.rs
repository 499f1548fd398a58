//! The level format: plain data, deserialised from RON and never mutated in play.
//! Every field is documented in `docs/levels.md`.

mod condition;
mod conscience;
mod economy;
mod effect;
mod endings;
mod events;
mod offers;
mod people;
mod procedures;
mod provenance;
mod rules;
mod score_model;
mod thresholds;

use serde::{Deserialize, Serialize};

pub use condition::Condition;
pub use conscience::Conscience;
pub use economy::{Economy, ScoreIncome};
pub use effect::{ActionKind, Effect, PerkEffect, SanctionEffect, Trigger};
pub use endings::Ending;
pub use events::{Choice, Event, News};
pub use offers::{Item, Topic};
pub use people::{Behaviour, Npc, NpcPost, Persona, Tag};
pub use procedures::{Appeals, Consent, DueProcess, Reporting};
pub use provenance::{Provenance, Source};
pub use rules::{Proposal, Rule, RuleSetter, Visibility};
pub use score_model::{Dimension, DimensionSource, ScoreModel, Tier};
pub use thresholds::{Perk, Sanction};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub title: String,
    pub setting: String,
    pub description: String,
    /// Paragraphs shown before day 1: the scene and the rules as a citizen is told them.
    pub intro: Vec<String>,
    pub days: u32,
    pub actions_per_day: u32,
    /// Days at the start with no score at all (the drift mirror's baseline).
    #[serde(default)]
    pub baseline_days: u32,
    #[serde(default)]
    pub visibility: Visibility,
    #[serde(default)]
    pub rule_setter: RuleSetter,
    pub score: ScoreModel,
    #[serde(default)]
    pub economy: Economy,
    /// How the self meter moves besides each act's verdict.
    #[serde(default)]
    pub conscience: Conscience,
    #[serde(default)]
    pub consent: Option<Consent>,
    #[serde(default)]
    pub appeals: Option<Appeals>,
    #[serde(default)]
    pub reporting: Reporting,
    /// Every tag an item, topic, post, person or choice may carry.
    pub tags: Vec<Tag>,
    pub personas: Vec<Persona>,
    pub rules: Vec<Rule>,
    #[serde(default)]
    pub items: Vec<Item>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    #[serde(default)]
    pub npcs: Vec<Npc>,
    #[serde(default)]
    pub news: Vec<News>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub proposals: Vec<Proposal>,
    #[serde(default)]
    pub perks: Vec<Perk>,
    #[serde(default)]
    pub sanctions: Vec<Sanction>,
    pub endings: Vec<Ending>,
    #[serde(default)]
    pub questions: Vec<String>,
}

impl Level {
    pub fn persona(&self, id: &str) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
    pub fn npc(&self, id: &str) -> Option<&Npc> {
        self.npcs.iter().find(|n| n.id == id)
    }
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.score.dimensions.iter().find(|d| d.id == id)
    }
    pub fn perk(&self, id: &str) -> Option<&Perk> {
        self.perks.iter().find(|p| p.id == id)
    }
    pub fn sanction(&self, id: &str) -> Option<&Sanction> {
        self.sanctions.iter().find(|s| s.id == id)
    }
    pub fn ending(&self, id: &str) -> Option<&Ending> {
        self.endings.iter().find(|e| e.id == id)
    }
    pub fn proposal(&self, id: &str) -> Option<&Proposal> {
        self.proposals.iter().find(|p| p.id == id)
    }
    pub fn tier(&self, score: i32) -> Option<&Tier> {
        self.score.tiers.iter().rev().find(|t| score >= t.from)
    }
}
