//! Everything that changes during a game. Serialisable so a save can hold it whole.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::habits::Habits;
use super::idset::IdSet;
use super::journal::Journal;
use super::level::{ActionKind, Visibility};
use super::roster::Roster;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub seed: u64,
    pub persona: String,
    /// Who plays, as the player gave it (`--name`, or asked for on a class seed): it goes into
    /// the report and the result code, and changes nothing in the game.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 1-based; `days + 1` once the level has ended.
    pub day: u32,
    pub actions_left: u32,
    pub ending: Option<String>,
    pub money: i64,
    pub income: i64,
    pub rent: i64,
    /// The self meter, 0–100.
    pub integrity: i32,
    /// Points of every dimension; for a friends dimension, what rules added on top.
    pub points: Roster<i32>,
    /// The score as last computed; `None` while the score is not yet switched on.
    pub score: Option<i32>,
    pub visibility: Visibility,
    pub consent: ConsentState,
    pub friends: IdSet,
    pub npcs: Roster<NpcState>,
    pub feed: Vec<FeedPost>,
    /// The open draft's topic; shared with the game's index.
    pub draft: Option<Arc<str>>,
    pub inbox: Vec<InboxEntry>,
    /// Events that have arrived (or been withheld, noted once).
    pub arrived: IdSet,
    pub withheld: BTreeSet<String>,
    pub flags: BTreeSet<String>,
    pub active_rules: IdSet,
    pub perks: IdSet,
    pub sanctions: IdSet,
    pub ledger: Vec<LedgerRow>,
    pub appeals: Vec<Appeal>,
    pub accusations: Vec<Accusation>,
    pub vote: Option<String>,
    pub reports_filed: u32,
    pub drafts_cancelled: u32,
    /// How often each rule has fired for the player today (for `per_day` limits).
    pub fired_today: Roster<u32, Arc<str>>,
    /// The day the player last reported each person.
    pub denounced: Roster<u32>,
    /// Tags the player acted for and against today (peer ratings judge these).
    pub today: Vec<Deed>,
    pub journal: Journal,
    /// The days each value (tag) raised the self, within the level's window (habituation).
    #[serde(default)]
    pub affirmed: Habits,
    /// The days each rewarding rule fired, within the level's window (rising demands).
    #[serde(default)]
    pub rewarded: Habits,
    pub timeline: Vec<DayMark>,
    pub milestones: Vec<Milestone>,
    /// Once-only items bought, topics posted on and rules fired (see `once` in the level).
    /// The fields below are left out of a save while empty, so older saves load.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub bought_once: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub posted_once: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub fired_once: BTreeSet<String>,
    /// Items off sale and topics closed to drafting (`hidden`, or closed by an effect).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub closed_items: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub closed_topics: BTreeSet<String>,
    /// Dimension weights set by a `Weight` effect, by dimension id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, u32>,
    /// What the player did, counted by act and tag: one entry for each pair a `Did`
    /// condition of the level asks about, in the order the level first asks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tallies: Vec<Tally>,
}

/// How often the player did one kind of act to something with one tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub act: ActionKind,
    pub tag: String,
    pub count: u32,
}

impl State {
    /// This state as a silent game (`Opening::start_silent`) keeps it: no journal (nor
    /// accusations pointing into one), and ledger rows without their words. A silent game of the same moves must end in exactly this.
    pub fn wordless(&self) -> State {
        let mut state = self.clone();
        state.journal = Journal::default();
        for row in &mut state.ledger {
            row.did.clear();
            row.inference.clear();
        }
        for deed in &mut state.today {
            deed.what.clear();
        }
        for accusation in &mut state.accusations {
            accusation.decision = None;
        }
        state
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentState {
    NotAsked,
    Pending,
    Given { share: bool, defaulted: bool },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NpcState {
    pub score: i32,
    /// How the person feels about the player: falls when reported, rises when supported.
    pub trust: i32,
    pub next_post: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedPost {
    /// Position in the feed, shown to the player and used by like / share / report.
    pub id: usize,
    pub day: u32,
    pub author: Author,
    /// Shared with the level's post.
    pub text: Arc<str>,
    pub tags: Arc<[String]>,
    pub reactions: Vec<Reaction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Author {
    /// The person's id and the news source, shared with the game's index.
    Npc(Arc<str>),
    News(Arc<str>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reaction {
    Liked,
    Shared,
    Reported,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxEntry {
    /// Shared with the game's index.
    pub event: Arc<str>,
    pub day: u32,
    pub answer: Option<Answer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub choice: String,
    pub defaulted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerRow {
    pub id: usize,
    pub day: u32,
    /// What the player did, or what happened to them.
    pub did: String,
    /// What the system concluded from it.
    pub inference: String,
    /// Shared with the level's ids, so that writing a row copies no name.
    pub dimension: Arc<str>,
    /// The dimension's share of the score, in percent.
    pub weight: u32,
    pub points: i32,
    /// The score change it caused; 0 until applied.
    pub delta: i32,
    pub applied: bool,
    pub rule: Option<Arc<str>>,
    pub appealed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appeal {
    pub row: usize,
    pub filed: u32,
    pub due: u32,
    pub verdict: Option<Verdict>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Upheld,
    Partial,
    Denied,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accusation {
    pub npc: String,
    pub due: u32,
    /// The journal's record of the report, to note its verdict on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deed {
    pub affirms: Vec<String>,
    pub betrays: Vec<String>,
    /// What the player did, as the ledger words it ("Bought Kerb dumplings").
    #[serde(default)]
    pub what: String,
}

/// The state at the end of a day (after its night; the last day's after the last
/// recomputation), for charts and the debrief. Days run 1 to the level's last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayMark {
    pub day: u32,
    pub score: Option<i32>,
    pub integrity: i32,
    pub money: i64,
    pub friends: u32,
}

/// A perk or sanction met or lost, with the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub day: u32,
    pub id: String,
    pub kind: MilestoneKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MilestoneKind {
    PerkOpened,
    PerkClosed,
    SanctionImposed,
    SanctionLifted,
}
