//! What the bots found: outcomes per strategy, what each run met, and the content that no run
//! ever reached — the author's balance report and, across personas, the fairness report.

mod fairness;
mod figures;
mod observed;
mod reached;
mod report_text;
mod simulate;
mod sums;
mod unreached;

use std::collections::BTreeMap;

use serde::Serialize;

pub use fairness::fairness_text;
pub use figures::{Behaviour, Quiet, Spread, Stats};
pub use observed::{QUIET_DAYS, quiet_stretches};
pub use reached::Reached;
pub use report_text::report_text;
pub use simulate::simulate;
pub use unreached::unreached;

use crate::bots::Strategy;

/// How much a simulation records beyond each run's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Detail {
    /// Nothing: silent games, as fast as they go.
    Plain,
    /// The obedience index and the score and self by day (games that keep a journal).
    Numbers,
    /// Those, and the actions taken and the quiet stretches (games that tell what happened).
    Full,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub level: String,
    pub strategy: Strategy,
    pub persona: String,
    pub runs: u32,
    pub seed: u64,
    pub score: Stats,
    #[serde(rename = "self")]
    pub integrity: Stats,
    pub money: Stats,
    pub endings: BTreeMap<String, u32>,
    /// How many runs met each perk and each sanction at least once.
    pub perks: BTreeMap<String, u32>,
    pub sanctions: BTreeMap<String, u32>,
    pub runs_per_second: f64,
    /// The debrief's obedience index (0–100) over the runs with a conflicted decision; `None`
    /// when no run had one. Worked out only from [`Detail::Numbers`] on, as are the three
    /// fields after it (the JSON output always asks for them).
    pub obedience: Option<Spread>,
    /// Runs with no conflicted decision, left out of `obedience`.
    pub obedience_na: u32,
    /// Mean score at the end of each day (day 1 first): the day's mark in the game's timeline,
    /// after its night and before the next morning, as the debrief lists it; before the score
    /// is switched on, the score the state implies.
    pub score_by_day: Vec<f64>,
    /// Mean self at the end of each day.
    pub self_by_day: Vec<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub behaviour: Option<Behaviour>,
    #[serde(skip)]
    pub reached: Reached,
}
