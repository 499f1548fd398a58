//! The figures a report gives over many runs: spreads, statistics, quiet stretches and the
//! actions taken.

use std::collections::BTreeMap;

use serde::Serialize;

/// A spread of fractional values over runs.
#[derive(Debug, Clone, Serialize)]
pub struct Spread {
    pub mean: f64,
    pub min: f64,
    pub max: f64,
}

/// A quiet stretch and how many runs had it.
#[derive(Debug, Clone, Serialize)]
pub struct Quiet {
    pub from: u32,
    pub to: u32,
    pub runs: u32,
}

/// What a [`Detail::Full`] simulation adds to the report.
#[derive(Debug, Clone, Serialize)]
pub struct Behaviour {
    /// Actions of each kind, mean per run.
    pub actions: BTreeMap<String, f64>,
    /// The five actions taken most, mean count per run.
    pub top_actions: Vec<(String, f64)>,
    /// Every quiet stretch (more than [`QUIET_DAYS`] days in a row with nothing happening to
    /// the player) seen, most frequent first.
    pub quiet: Vec<Quiet>,
    /// How many runs had at least one quiet stretch.
    pub quiet_runs: u32,
}

pub(super) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Summary statistics over many runs.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub mean: f64,
    pub min: i64,
    pub max: i64,
}

impl Stats {
    pub(super) fn of(xs: &[i64]) -> Stats {
        let n = xs.len().max(1) as f64;
        Stats {
            mean: (xs.iter().sum::<i64>() as f64 / n * 10.0).round() / 10.0,
            min: xs.iter().copied().min().unwrap_or(0),
            max: xs.iter().copied().max().unwrap_or(0),
        }
    }
}
