//! Settling the ledger: rows waiting for a recomputation are applied to the score.

use std::fmt::Display;

use super::Dim;
use crate::game::level::DimensionSource;
use crate::game::{Game, Log, Outcome};

impl Game {
    /// Brings the score up to date: a row for whatever the friends' scores moved, then every
    /// queued row in order. `did` words the friends row.
    pub(in crate::game) fn settle(&mut self, did: &dyn Display, log: &mut Log) {
        let inference = "The company you keep";
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
}
