use serde::{Deserialize, Serialize};

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
