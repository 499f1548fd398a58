//! What happened (outcomes, past tense) and why an action was refused.

mod describe;
mod refusals;

use serde::{Deserialize, Serialize};

use super::state::Verdict;

pub use refusals::Refusal;

/// One line of a public vote board: a voter and the proposal they chose (`None`: stayed
/// home, or the player did not vote).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub voter: Voter,
    pub proposal: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Voter {
    You,
    Person(String),
}

/// One person's verdict on the player's day, and the deed (its place in the day's deeds) that
/// weighed most with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub npc: String,
    /// The rater's own score, which their thumb counts by.
    pub score: i32,
    pub approved: bool,
    pub because: usize,
}

impl Rating {
    /// What the thumb counts for: the rater's score above `min`, the lowest score there is.
    pub fn weight(&self, min: i32) -> i64 {
        i64::from(self.score) - i64::from(min)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    DayStarted {
        day: u32,
    },
    /// The day is over, night included: the figures its day's mark keeps.
    DayEnded {
        day: u32,
        score: Option<i32>,
        integrity: i32,
    },
    ScoreSwitchedOn {
        score: i32,
    },
    ConsentGiven {
        share: bool,
        defaulted: bool,
    },
    Bought {
        item: String,
        price: i64,
    },
    Drafted {
        topic: String,
    },
    Posted {
        topic: String,
    },
    DraftCancelled {
        topic: String,
    },
    Liked {
        post: usize,
    },
    Shared {
        post: usize,
    },
    Reported {
        post: usize,
    },
    Befriended {
        npc: String,
    },
    Unfriended {
        npc: String,
    },
    Denounced {
        npc: String,
    },
    /// A person dropped the player: their score fell below what the person tolerates.
    Dropped {
        npc: String,
        score: i32,
    },
    /// An accused person's defence was heard.
    AccusationResolved {
        npc: String,
        cleared: bool,
    },
    /// One person reported another.
    NpcReported {
        by: String,
        target: String,
    },
    NewsArrived {
        post: usize,
    },
    NpcPosted {
        npc: String,
        post: usize,
    },
    ScoreChanged {
        delta: i32,
        dimension: String,
        reason: String,
    },
    /// A change was queued for the next recomputation (delayed and black-box levels).
    ChangeQueued {
        dimension: String,
        reason: String,
    },
    Recomputed {
        score: i32,
        delta: i32,
    },
    IntegrityChanged {
        delta: i32,
        reason: String,
    },
    MoneyChanged {
        delta: i64,
        reason: String,
    },
    PerkOpened {
        perk: String,
    },
    PerkClosed {
        perk: String,
    },
    SanctionImposed {
        sanction: String,
    },
    SanctionLifted {
        sanction: String,
    },
    EventArrived {
        event: String,
    },
    EventWithheld {
        event: String,
        sanction: String,
    },
    BulletinIssued {
        event: String,
    },
    Answered {
        event: String,
        choice: String,
        defaulted: bool,
    },
    RuleEnabled {
        rule: String,
    },
    RuleDisabled {
        rule: String,
    },
    FlagSet {
        flag: String,
    },
    /// An item put on sale (`open`) or taken off.
    ItemOpened {
        item: String,
        open: bool,
    },
    /// A topic opened for posts (`open`) or closed.
    TopicOpened {
        topic: String,
        open: bool,
    },
    AppealFiled {
        row: usize,
        due: u32,
    },
    /// An appeal answered, with what the correction gave back: `points` of the row's `of` on
    /// `dimension`, moving the score by `delta` (`None` until the next recomputation). `took`
    /// is what the row had moved the score.
    AppealResolved {
        row: usize,
        verdict: Verdict,
        dimension: String,
        points: i32,
        of: i32,
        delta: Option<i32>,
        took: i32,
    },
    Voted {
        proposal: String,
    },
    /// The neighbours' verdicts on the day (peer ratings): the day's deeds, and each person
    /// who approved or disapproved with the deed that weighed most with them.
    PeersRated {
        deeds: Vec<String>,
        ratings: Vec<Rating>,
        /// What the verdicts came to, in points of the peers' dimension.
        points: i32,
    },
    VoteHeld {
        winner: String,
        votes: u32,
        of: u32,
        /// Every proposal's votes, in the order of the ballot.
        #[serde(default)]
        tally: Vec<(String, u32)>,
        /// The player's vote, if they cast one.
        #[serde(default)]
        yours: Option<String>,
        /// Why the player's vote was not counted (a sanction forbids voting), if it was not.
        #[serde(default)]
        barred: Option<String>,
        /// The people who stayed home, with no stake in any proposal.
        #[serde(default)]
        home: u32,
        /// Who voted for what, where the level puts the count on a public board.
        #[serde(default)]
        board: Vec<Ballot>,
    },
    LevelEnded {
        ending: String,
    },
}
