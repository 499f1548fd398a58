//! What a thread's runs add up to, merged in run order.

use std::collections::BTreeMap;

use super::observed::{Days, Observer};
use super::{Reached, observed, quiet_stretches};
use crate::bots;
use crate::game::Game;

/// What a share of the runs adds up to. Shares add up alike in any order, so the report is
/// the same for any number of threads.
#[derive(Default)]
pub(super) struct Sums {
    pub(super) scores: Vec<i64>,
    pub(super) selves: Vec<i64>,
    pub(super) money: Vec<i64>,
    pub(super) endings: BTreeMap<String, u32>,
    /// How many runs met each perk and each sanction, by position in the level.
    pub(super) perks: Vec<u32>,
    pub(super) sanctions: Vec<u32>,
    pub(super) reached: Reached,
    /// Each run's obedience counts, (obeyed, conflicted), in the order of the runs.
    pub(super) obedience: Vec<(u32, u32)>,
    /// Sums of the end-of-day values, by day.
    pub(super) days: Vec<DaySum>,
    /// Actions taken, by kind ([`trace::KINDS`]) and by name.
    pub(super) kinds: Vec<u32>,
    pub(super) named: BTreeMap<String, u32>,
    /// How many runs had each quiet stretch, and how many any.
    pub(super) quiet: BTreeMap<(u32, u32), u32>,
    pub(super) quiet_runs: u32,
}

/// The end-of-day values of one day, summed over the runs that reached it.
#[derive(Default, Clone, Copy)]
pub(super) struct DaySum {
    pub(super) score: i64,
    pub(super) integrity: i64,
    pub(super) runs: u32,
}

impl Sums {
    /// Adds what was watched of a finished run: its journal's obedience, its days, and (from
    /// a full observer) its actions and quiet stretches.
    pub(super) fn observe(&mut self, game: &Game, days: &Days, observer: Option<&Observer>) {
        self.obedience.push(observed::obedience(game));
        if self.days.len() < days.ends.len() {
            self.days.resize(days.ends.len(), DaySum::default());
        }
        for (sum, &(score, integrity)) in self.days.iter_mut().zip(&days.ends) {
            sum.score += i64::from(score);
            sum.integrity += i64::from(integrity);
            sum.runs += 1;
        }
        let Some(o) = observer else {
            return;
        };
        add_counts(&mut self.kinds, o.kinds.iter().copied());
        for (what, n) in &o.named {
            *self.named.entry(what.clone()).or_insert(0) += n;
        }
        let stretches = quiet_stretches(&o.eventful, game.level().days);
        self.quiet_runs += u32::from(!stretches.is_empty());
        for s in stretches {
            *self.quiet.entry(s).or_insert(0) += 1;
        }
    }

    /// Adds a finished run, `run` being what it reached.
    pub(super) fn add(&mut self, game: &Game, run: &Reached) {
        let r = bots::result(game);
        self.scores.push(i64::from(r.score));
        self.selves.push(i64::from(r.integrity));
        self.money.push(r.money);
        *self.endings.entry(r.ending).or_insert(0) += 1;
        add_counts(&mut self.perks, run.perks.iter().map(|&m| u32::from(m)));
        add_counts(
            &mut self.sanctions,
            run.sanctions.iter().map(|&m| u32::from(m)),
        );
        self.reached.extend(run);
    }

    pub(super) fn merge(&mut self, other: Sums) {
        self.scores.extend(other.scores);
        self.selves.extend(other.selves);
        self.money.extend(other.money);
        for (ending, n) in other.endings {
            *self.endings.entry(ending).or_insert(0) += n;
        }
        add_counts(&mut self.perks, other.perks.iter().copied());
        add_counts(&mut self.sanctions, other.sanctions.iter().copied());
        self.reached.extend(&other.reached);
        self.obedience.extend(other.obedience);
        if self.days.len() < other.days.len() {
            self.days.resize(other.days.len(), DaySum::default());
        }
        for (a, b) in self.days.iter_mut().zip(&other.days) {
            a.score += b.score;
            a.integrity += b.integrity;
            a.runs += b.runs;
        }
        add_counts(&mut self.kinds, other.kinds.iter().copied());
        for (what, n) in other.named {
            *self.named.entry(what).or_insert(0) += n;
        }
        for (s, n) in other.quiet {
            *self.quiet.entry(s).or_insert(0) += n;
        }
        self.quiet_runs += other.quiet_runs;
    }
}

/// Adds `more` to `counts`, place by place, making room for any place `counts` lacks.
fn add_counts(counts: &mut Vec<u32>, more: impl ExactSizeIterator<Item = u32>) {
    if counts.len() < more.len() {
        counts.resize(more.len(), 0);
    }
    counts.iter_mut().zip(more).for_each(|(n, m)| *n += m);
}
