//! What an action tells while it runs: its outcomes, collected unless the game is silent.

use super::Outcome;

/// A silent log builds no outcome at all: each is pushed as a closure, called only to keep it.
pub(super) struct Log {
    outcomes: Vec<Outcome>,
    silent: bool,
}

impl Log {
    pub fn new(silent: bool) -> Log {
        Log {
            outcomes: Vec::new(),
            silent,
        }
    }

    pub fn push(&mut self, outcome: impl FnOnce() -> Outcome) {
        if !self.silent {
            self.outcomes.push(outcome());
        }
    }

    pub fn into_outcomes(self) -> Vec<Outcome> {
        self.outcomes
    }
}
