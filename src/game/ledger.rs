//! The inference ledger: every score change, why, and the appeals against it.

use std::fmt::Display;
use std::sync::Arc;

use super::level::{DimensionSource, Visibility};
use super::rng::{Dice, Stream};
use super::state::{Appeal, LedgerRow, Verdict};
use super::{Game, Log, Outcome, Refusal};

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

    /// Sets a dimension's weight (by position) in the player's score. A transparent score moves
    /// at once, with a ledger row on that dimension for the change; elsewhere the change shows
    /// at the next recomputation.
    pub(super) fn reweigh(&mut self, at: usize, weight: u32, did: &dyn Display, log: &mut Log) {
        let before = self.implied();
        self.set_weight(at, weight);
        let delta = self.implied() - before;
        if !self.scored() || !self.immediate() || delta == 0 {
            return;
        }
        let level = Arc::clone(&self.level);
        let dimension = Dim {
            name: &level.score.dimensions[at].id,
            at: Some(at),
        };
        let inference = "The weight of what counts was changed";
        let id = self.push_row(dimension, did, inference, 0, None);
        let row = &mut self.state.ledger[id];
        row.delta = delta;
        row.applied = true;
        if self.memo.settled == id {
            self.memo.settled = id + 1;
        }
        self.state.score = Some(self.state.score.unwrap_or(0) + delta);
        log.push(|| Outcome::ScoreChanged {
            delta,
            dimension: level.score.dimensions[at].id.clone(),
            reason: format!("{did} ({inference})"),
        });
        self.refresh_thresholds(log);
    }

    /// A dimension's weight in the player's score now (the level's, unless an effect set it).
    pub fn dimension_weight(&self, id: &str) -> u32 {
        let at = self.level.score.dimensions.iter().position(|d| d.id == id);
        at.map_or(0, |i| self.held.weights[i])
    }

    /// The share of the score, in percent, of the dimension at this position.
    pub(super) fn weight_percent(&self, at: usize) -> u32 {
        let total = self.held.total_weight.max(1);
        (i64::from(self.held.weights[at]) * 100 / total) as u32
    }

    /// Brings the score up to date: a row for whatever the friends' scores moved, then every
    /// queued row in order. `did` and `inference` word the friends row.
    pub(super) fn settle(&mut self, did: &dyn Display, inference: &str, log: &mut Log) {
        let Some(old) = self.state.score else {
            return;
        };
        let memo = &self.memo;
        let nothing_new = memo.settled == self.state.ledger.len() && memo.refreshed == Some(old);
        if nothing_new && memo.implied.is_some_and(|i| i.score == old) && self.immediate() {
            // Nothing moved since the score was last brought up to date.
            return;
        }
        let implied = self.implied();
        let drift = implied - old;
        let queued: Vec<usize> = self.state.ledger[self.memo.settled..]
            .iter()
            .filter(|r| !r.applied)
            .map(|r| r.id)
            .collect();
        if drift != 0 {
            let level = self.level.clone();
            let dims = &level.score.dimensions;
            let at = dims
                .iter()
                .position(|d| matches!(d.source, DimensionSource::Friends { .. }));
            let dimension = at.map_or("", |i| &dims[i].id);
            let id = self.push_row(
                Dim {
                    name: dimension,
                    at,
                },
                did,
                inference,
                0,
                None,
            );
            let row = &mut self.state.ledger[id];
            row.delta = drift;
            row.applied = true;
            if self.immediate() {
                log.push(|| Outcome::ScoreChanged {
                    delta: drift,
                    dimension: dimension.to_string(),
                    reason: format!("{did} ({inference})"),
                });
            }
        }
        let new = if queued.is_empty() {
            implied
        } else {
            for &id in &queued {
                let at = self.dim(&self.state.ledger[id].dimension).at;
                self.apply_row(id, at, log);
            }
            self.implied()
        };
        self.memo.settled = self.state.ledger.len();
        self.state.score = Some(new);
        if !self.immediate() {
            log.push(|| Outcome::Recomputed {
                score: new,
                delta: new - old,
            });
        }
        self.refresh_thresholds(log);
    }

    pub(super) fn appeal(&mut self, row: usize, log: &mut Log) -> Result<(), Refusal> {
        let Some(rules) = &self.level.appeals else {
            return Err(Refusal::NoAppeals);
        };
        if !self.rules_visible() {
            return Err(Refusal::LedgerHidden);
        }
        let days = rules.days;
        match self.state.ledger.get(row) {
            Some(r) if r.applied && !r.appealed && r.rule.is_some() => {}
            _ => return Err(Refusal::NotAppealable(row)),
        }
        self.state.ledger[row].appealed = true;
        let due = self.state.day + days.max(1);
        self.state.appeals.push(Appeal {
            row,
            filed: self.state.day,
            due,
            verdict: None,
        });
        log.push(|| Outcome::AppealFiled { row, due });
        Ok(())
    }

    /// Answers the appeals that fall due today. Few are upheld in full.
    pub(super) fn resolve_appeals(&mut self, log: &mut Log) {
        let Some((full, partial)) = self.level.appeals.as_ref().map(|a| (a.full, a.partial)) else {
            return;
        };
        let day = self.state.day;
        let due = |a: &Appeal| a.verdict.is_none() && a.due <= day;
        if !self.state.appeals.iter().any(due) {
            return;
        }
        let mut dice = Dice::new(self.state.seed, day, Stream::Appeals);
        for i in 0..self.state.appeals.len() {
            let appeal = &self.state.appeals[i];
            if appeal.verdict.is_some() || appeal.due > day {
                continue;
            }
            let row = self.state.ledger[appeal.row].clone();
            let roll = dice.below(100);
            let (verdict, undo) = if roll < full {
                (Verdict::Upheld, -row.points)
            } else if roll < full + partial {
                (Verdict::Partial, -row.points / 2)
            } else {
                (Verdict::Denied, 0)
            };
            self.state.appeals[i].verdict = Some(verdict);
            // The verdict is told first, with what the correction actually gave back.
            let (at, correction) = (log.len(), self.state.ledger.len());
            let did = format_args!("Appeal on row {}", row.id);
            self.add_points(
                self.dim(&row.dimension),
                undo,
                &did,
                "Correction after review",
                None,
                log,
            );
            // Points move back exactly (unless the dimension is at its limit); the score, a
            // rounded sum, moves by what it moves, and that is the figure told.
            let (points, delta) = match self.state.ledger.get(correction) {
                Some(c) if c.applied => (c.points, Some(c.delta)),
                Some(c) => (c.points, None),
                None => (0, Some(0)),
            };
            log.insert(at, || Outcome::AppealResolved {
                row: row.id,
                verdict,
                dimension: row.dimension.to_string(),
                points,
                of: row.points,
                delta,
                took: row.delta,
            });
        }
    }
}
