//! Refusals: why the game turns an action down, as ordinary values a front end shows.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Refusal {
    #[error("the level is over")]
    LevelOver,
    #[error("no actions left today; end the day to go on")]
    NoActionsLeft,
    #[error("not enough money: {what} costs {price}, you have {have}")]
    NotEnoughMoney { what: String, price: i64, have: i64 },
    #[error("blocked by {sanction} (score below {below})")]
    Blocked { sanction: String, below: i32 },
    #[error("locked: needs {perk} (requires {threshold})")]
    Locked { perk: String, threshold: i32 },
    #[error("no {kind} called `{id}`")]
    Unknown { kind: &'static str, id: String },
    /// A [`super::Move`] naming a place the level's list does not have.
    #[error("the level has no {kind} number {at}")]
    NoSuchPlace { kind: &'static str, at: usize },
    #[error("no post number {0} in the feed")]
    NoSuchPost(usize),
    #[error("there is no draft; draft a topic first")]
    NoDraft,
    #[error("a draft on {0} is already open; post or cancel it first")]
    DraftOpen(String),
    #[error("{0} is already your friend")]
    AlreadyFriends(String),
    #[error("{0} is not your friend")]
    NotFriends(String),
    #[error("{name} turns you down: {reason}")]
    Declined { name: String, reason: String },
    #[error("you reported {name} on day {day}; {}", report_again(*.again))]
    AlreadyReported {
        name: String,
        day: u32,
        /// The day another report becomes possible, if the level lasts that long.
        again: Option<u32>,
    },
    #[error("you already did that to this post")]
    AlreadyReacted,
    #[error("news has no author to report")]
    NoAuthor,
    #[error("{0} is not waiting for an answer")]
    NotPending(String),
    #[error("appeals are not possible in this level")]
    NoAppeals,
    #[error("the ledger is not available to citizens")]
    LedgerHidden,
    #[error("ledger row {0} cannot be appealed")]
    NotAppealable(usize),
    #[error("you already voted for {0}")]
    AlreadyVoted(String),
    #[error("there is no vote in this level")]
    NoVote,
    #[error("no count is left in this level, so no vote would be counted")]
    NoCountLeft,
    #[error("the consent screen has already been answered")]
    ConsentDone,
    #[error("{0} is not on sale")]
    NotOnSale(String),
    #[error("{0} is sold only once, and you bought it")]
    SoldOnce(String),
    #[error("{0} is not open for posts")]
    TopicClosed(String),
    #[error("you posted on {0} already; it can be posted only once")]
    PostedOnce(String),
}

fn report_again(again: Option<u32>) -> String {
    match again {
        Some(day) => format!("another report is possible from day {day}"),
        None => "not again before the level ends".into(),
    }
}
