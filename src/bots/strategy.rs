//! The built-in strategies, and what each wants of an option.

use serde::Serialize;

use crate::game::Shift;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// Takes whatever the score rewards.
    Conformist,
    /// Does what the persona's values say, whatever the score.
    Authentic,
    /// Does what the values say and the score punishes.
    Rebel,
    /// Picks at random among the possible actions.
    Random,
    /// The conformist, but each decision, 15% of the time, one of the other possible actions
    /// at random.
    #[serde(rename = "mostly-conformist")]
    MostlyConformist,
    /// The authentic player, but each decision, 15% of the time, one of the other possible
    /// actions at random.
    #[serde(rename = "mostly-authentic")]
    MostlyAuthentic,
}

/// How often, in percent, a mostly-* strategy strays from its pure strategy's choice.
pub const STRAY_PERCENT: u64 = 15;

impl Strategy {
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Conformist => "conformist",
            Strategy::Authentic => "authentic",
            Strategy::Rebel => "rebel",
            Strategy::Random => "random",
            Strategy::MostlyConformist => "mostly-conformist",
            Strategy::MostlyAuthentic => "mostly-authentic",
        }
    }

    /// The pure strategy this one follows when it does not stray.
    pub fn base(self) -> Strategy {
        match self {
            Strategy::MostlyConformist => Strategy::Conformist,
            Strategy::MostlyAuthentic => Strategy::Authentic,
            s => s,
        }
    }

    /// Whether the strategy sometimes takes another action than its pure strategy would.
    pub fn strays(self) -> bool {
        self != self.base()
    }

    /// How much the strategy wants an option; it acts only on a positive appetite.
    pub(super) fn appetite(self, p: Shift) -> i32 {
        match self.base() {
            Strategy::Conformist => p.score * 10 + p.integrity,
            Strategy::Authentic => p.integrity * 10 + p.score.signum(),
            Strategy::Rebel => p.integrity * 5 - p.score * 5,
            _ => 1,
        }
    }
}
