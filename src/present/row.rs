//! A row of a listing: what it says, the facts beside it, and what choosing it does.

use crate::game::{Game, Prediction};

/// The listings of the main screen, in the order of the TUI's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Shop,
    Feed,
    Friends,
    Inbox,
    Perks,
    Ledger,
}

impl Listing {
    pub const ALL: [Listing; 6] = [
        Listing::Shop,
        Listing::Feed,
        Listing::Friends,
        Listing::Inbox,
        Listing::Perks,
        Listing::Ledger,
    ];

    pub fn index(self) -> usize {
        Listing::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn name(self) -> &'static str {
        match self {
            Listing::Shop => "Shop",
            Listing::Feed => "Feed",
            Listing::Friends => "Friends",
            Listing::Inbox => "Inbox",
            Listing::Perks => "Perks & sanctions",
            Listing::Ledger => "Ledger",
        }
    }
}

/// What choosing a row does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Nothing,
    Buy(String),
    Compose,
    Post(usize),
    Person(String),
    Event(String),
    Ballot,
    Row(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// Needs the player: an unanswered event, an open draft.
    Waiting,
    Good,
    Bad,
    Faded,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// What a player types to name it in the headless mode (an item's id, a post's number).
    pub key: Option<String>,
    pub label: String,
    /// A short right-hand column: a price, a score, a delta, a state.
    pub aside: String,
    /// More about it: description first, then facts.
    pub detail: Vec<String>,
    pub effect: Option<Prediction>,
    /// Why it cannot be chosen, in words ("blocked by Travel ban (score below 550)").
    pub lock: Option<String>,
    pub target: Target,
    pub mark: Mark,
    /// How the effect is introduced: "If you buy it", "If you unfriend"…
    pub verb: &'static str,
}

impl Row {
    pub(super) fn new(label: impl Into<String>, target: Target) -> Row {
        Row {
            key: None,
            label: label.into(),
            aside: String::new(),
            detail: Vec::new(),
            effect: None,
            lock: None,
            target,
            mark: Mark::Plain,
            verb: "Effect",
        }
    }
}

/// The rows of a listing, as every front end shows them.
pub fn rows(game: &Game, listing: Listing) -> Vec<Row> {
    match listing {
        Listing::Shop => super::shop::rows(game),
        Listing::Feed => super::feed::rows(game),
        Listing::Friends => super::people::rows(game),
        Listing::Inbox => super::inbox::rows(game),
        Listing::Perks => super::perks::rows(game),
        Listing::Ledger => super::ledger::rows(game),
    }
}
