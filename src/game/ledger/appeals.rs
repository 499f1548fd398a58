//! Appeals against ledger rows: filing one, and the ruling after the level's days.

use crate::game::rng::{Dice, Stream};
use crate::game::state::{Appeal, Verdict};
use crate::game::{Game, Log, Outcome, Refusal};

impl Game {
    pub(in crate::game) fn appeal(&mut self, row: usize, log: &mut Log) -> Result<(), Refusal> {
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
    pub(in crate::game) fn resolve_appeals(&mut self, log: &mut Log) {
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
