//! The inference ledger: every score change, why, and the appeals against it.

mod appeals;
mod settle;
mod weights;

use std::fmt::Display;
use std::sync::Arc;

use super::level::{DimensionSource, Visibility};
use super::state::LedgerRow;
use super::{Game, Log, Outcome};

/// A dimension by name, and by position when the level has it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Dim<'a> {
    pub name: &'a str,
    pub at: Option<usize>,
}

impl Game {
    /// Those of these rules (positions in the level) that are switched on.
    pub(super) fn active<'s>(&'s self, rules: &'s [usize]) -> impl Iterator<Item = usize> + 's {
        rules.iter().copied().filter(|&i| self.held.rules[i])
    }

    /// Those of these rules that would count for the player now: switched on, and not yet at
    /// their limit for today.
    pub(super) fn counting<'s>(&'s self, rules: &'s [usize]) -> impl Iterator<Item = usize> + 's {
        self.active(rules).filter(|&i| self.counts_today(i))
    }

    fn counts_today(&self, rule: usize) -> bool {
        (self.level.rules[rule].per_day).is_none_or(|limit| self.held.fired[rule] < limit)
            && !self.rule_spent(rule)
    }

    /// Fires those of these rules that count for the player, each adding a ledger row. A
    /// firing changes no other rule's standing, so each can be asked in turn.
    pub(super) fn fire_rules(&mut self, rules: &[usize], did: &dyn Display, log: &mut Log) {
        let level = self.level.clone();
        for &i in rules {
            if !self.held.rules[i] || !self.counts_today(i) {
                continue;
            }
            let r = &level.rules[i];
            let points = self.rule_points(i);
            if self.scored() {
                self.count_firing(i);
                self.note_reward(i);
                self.note_fired(i);
            }
            let dim = Dim {
                name: &r.dimension,
                at: self.index.rule_dimension[i],
            };
            self.add_points(dim, points, did, &r.inference, Some(i), log);
        }
    }

    /// The dimension of this name, with its position if the level has it.
    pub(super) fn dim<'a>(&self, name: &'a str) -> Dim<'a> {
        let at = (self.level.score.dimensions.iter()).position(|d| d.id == name);
        Dim { name, at }
    }

    fn immediate(&self) -> bool {
        self.state.visibility == Visibility::Transparent
    }

    /// Records a change on a dimension; applies it now or queues it, as the level's visibility says.
    pub(super) fn add_points(
        &mut self,
        dimension: Dim<'_>,
        points: i32,
        did: &dyn Display,
        inference: &str,
        rule: Option<usize>,
        log: &mut Log,
    ) {
        if !self.scored() || points == 0 {
            return;
        }
        let id = self.push_row(dimension, did, inference, points, rule);
        let Dim {
            name: dimension,
            at,
        } = dimension;
        if self.immediate() {
            let delta = self.apply_row(id, at, log);
            if self.memo.settled == id {
                // Applied at once and nothing before it waits: `settle` has nothing to do.
                self.memo.settled = id + 1;
            }
            self.state.score = Some(self.state.score.unwrap_or(0) + delta);
            log.push(|| Outcome::ScoreChanged {
                delta,
                dimension: dimension.to_string(),
                reason: format!("{did} ({inference})"),
            });
            self.refresh_thresholds(log);
        } else {
            log.push(|| Outcome::ChangeQueued {
                dimension: dimension.to_string(),
                reason: format!("{did} ({inference})"),
            });
        }
    }

    /// Writes a new, not yet applied row; returns its id.
    fn push_row(
        &mut self,
        dimension: Dim<'_>,
        did: &dyn Display,
        inference: &str,
        points: i32,
        rule: Option<usize>,
    ) -> usize {
        let weight = dimension.at.map_or(0, |i| self.weight_percent(i));
        let index = &self.index;
        let id = self.state.ledger.len();
        self.state.ledger.push(LedgerRow {
            id,
            day: self.state.day,
            did: self.words(|| did.to_string()),
            inference: self.words(|| inference.to_string()),
            dimension: match dimension.at {
                Some(i) => index.dimension_ids[i].clone(),
                None => Arc::from(dimension.name),
            },
            weight,
            points,
            delta: 0,
            applied: false,
            rule: rule.map(|i| index.rule_ids[i].clone()),
            appealed: false,
        });
        id
    }

    /// Moves the row's points into its dimension; returns the change in the implied score.
    /// `at`: the row's dimension's position in the level, if it has it.
    /// A penalty that the dimension, at its floor, cannot take is fined instead (the level's
    /// `floor_fine` for each point).
    fn apply_row(&mut self, id: usize, at: Option<usize>, log: &mut Log) -> i32 {
        let before = self.implied();
        let row = &self.state.ledger[id];
        let (dimension, points) = (&row.dimension, row.points);
        let dims = &self.level.score.dimensions;
        let (lo, hi) = match at.map(|i| dims[i].source) {
            Some(DimensionSource::Friends { .. }) => (-100, 100),
            _ => (0, 100),
        };
        let old = match at {
            Some(i) => self.held.points[i],
            None => self.state.points.get(dimension).copied(),
        };
        let new = (old.unwrap_or(0) + points).clamp(lo, hi);
        self.set_points(at, new, |g| g.state.ledger[id].dimension.to_string());
        let old = old.unwrap_or(0);
        let moved = new - old;
        let unpaid = i64::from(moved - points);
        if points < 0 && unpaid > 0 && self.level.score.floor_fine > 0 {
            let fine = unpaid.saturating_mul(self.level.score.floor_fine);
            let level = self.level.clone();
            let name = Arc::clone(&self.state.ledger[id].dimension);
            let name = level.dimension(&name).map_or(&*name, |d| &d.name);
            let why = format_args!("fine: {name} is already at its floor");
            self.change_money(-fine, &why, log);
        }
        let delta = self.implied() - before;
        let row = &mut self.state.ledger[id];
        // What actually moved, so an appeal reverses no more than the row did.
        row.points = moved;
        row.delta = delta;
        row.applied = true;
        delta
    }
}
