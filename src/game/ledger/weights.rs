//! The dimensions' weights in the player's score: changed by effects, asked by the views.

use std::fmt::Display;
use std::sync::Arc;

use super::Dim;
use crate::game::{Game, Log, Outcome};

impl Game {
    /// Sets a dimension's weight (by position) in the player's score. A transparent score moves
    /// at once, with a ledger row on that dimension for the change; elsewhere the change shows
    /// at the next recomputation.
    pub(in crate::game) fn reweigh(
        &mut self,
        at: usize,
        weight: u32,
        did: &dyn Display,
        log: &mut Log,
    ) {
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
    pub(in crate::game) fn weight_percent(&self, at: usize) -> u32 {
        let total = self.held.total_weight.max(1);
        (i64::from(self.held.weights[at]) * 100 / total) as u32
    }
}
