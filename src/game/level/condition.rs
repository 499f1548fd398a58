use serde::{Deserialize, Serialize};

use super::ActionKind;

/// A test on the state, used by events (when they arrive) and endings (which one is reached).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum Condition {
    #[default]
    Always,
    Never,
    DayAtLeast(u32),
    ScoreAtLeast(i32),
    ScoreBelow(i32),
    SelfAtLeast(i32),
    SelfBelow(i32),
    MoneyAtLeast(i64),
    MoneyBelow(i64),
    FriendsAtLeast(u32),
    FriendsBelow(u32),
    /// The player has filed at least this many reports.
    ReportsAtLeast(u32),
    /// The player has cancelled at least this many drafts.
    CensoredAtLeast(u32),
    /// The player has done this kind of act at least `at_least` times to things with this tag
    /// (`"*"`: anything). Counted acts: `Buy`, `Post`, `Like`, `Share`, `Report` (posts,
    /// people, and event choices carrying one of the level's reporting tags), `Befriend`,
    /// `Unfriend`.
    Did {
        act: ActionKind,
        tag: String,
        at_least: u32,
    },
    /// A dimension's value (0–100, as the score counts it) is at least this.
    DimensionAtLeast(String, i32),
    DimensionBelow(String, i32),
    /// A person's own score is at least this.
    NpcScoreAtLeast(String, i32),
    NpcScoreBelow(String, i32),
    Flag(String),
    Perk(String),
    Sanction(String),
    Persona(String),
    /// The player is friends with this person.
    FriendOf(String),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}
