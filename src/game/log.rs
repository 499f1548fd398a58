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

    /// Where the next outcome goes: to [`Log::insert`] one there once its figures are known.
    pub fn len(&self) -> usize {
        self.outcomes.len()
    }

    /// An outcome placed before those pushed since `at` (a [`Log::len`]).
    pub fn insert(&mut self, at: usize, outcome: impl FnOnce() -> Outcome) {
        if !self.silent {
            self.outcomes.insert(at, outcome());
        }
    }

    pub fn into_outcomes(self) -> Vec<Outcome> {
        self.outcomes
    }
}
