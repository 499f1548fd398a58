//! The level format: plain data, deserialised from RON and never mutated in play.
//! Every field is documented in `docs/levels.md`.

mod condition;
mod effect;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use condition::Condition;
pub use effect::{ActionKind, Effect, PerkEffect, SanctionEffect, Trigger};

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
    Vote { every: u32 },
}

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

/// The self meter's own movement: habituation to repeated affirmations, and a nightly pull
/// back toward the persona's starting self.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Conscience {
    /// Days over which affirming the same value again gives half what it gave the time
    /// before. 0: every affirmation gives its full value.
    #[serde(default = "seven")]
    pub repeat_window: u32,
    /// Percent of the distance to the persona's starting self that the meter closes each
    /// night (at least one point while it is away from it). 0: no pull.
    #[serde(default = "ten")]
    pub pull: u32,
}

fn ten() -> u32 {
    10
}

impl Default for Conscience {
    fn default() -> Self {
        Conscience {
            repeat_window: 7,
            pull: 10,
        }
    }
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Source {
    /// Documented.
    Real,
    /// Claimed in the press, denied or unconfirmed.
    Reported,
    /// Speculation.
    Fiction,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub source: Source,
    pub note: String,
}

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

fn seven() -> u32 {
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

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    pub title: String,
    pub text: String,
    pub checkbox: String,
    /// The dark pattern: a box already ticked, so doing nothing means agreeing.
    pub pre_ticked: bool,
    /// Tags that sharing the data goes against (the persona's values judge it).
    #[serde(default)]
    pub betrays: Vec<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Appeals {
    /// Days between filing an appeal and its answer.
    pub days: u32,
    /// Chance in percent that an appeal is upheld in full.
    pub full: u32,
    /// Chance in percent that half of the change is reversed.
    pub partial: u32,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    /// Score points a reported person loses.
    #[serde(default = "twenty")]
    pub penalty: i32,
    /// Tags every report carries, so rules can pay for the act and values can judge it.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub due_process: DueProcess,
}

fn twenty() -> i32 {
    20
}

impl Default for Reporting {
    fn default() -> Self {
        Reporting {
            penalty: 20,
            tags: Vec::new(),
            due_process: DueProcess::None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum DueProcess {
    /// The penalty lands at once.
    #[default]
    None,
    /// The accused has this many days to answer; half of defences succeed.
    Window { days: u32 },
}

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
