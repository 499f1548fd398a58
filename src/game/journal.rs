//! Every decision the player made, with the options they had. The debrief and the class
//! summary are computed from this alone.

use serde::{Deserialize, Serialize};

use super::Action;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    pub decisions: Vec<Decision>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub day: u32,
    /// False during the baseline days, when there was no score yet.
    pub scored: bool,
    pub kind: DecisionKind,
    /// What the decision was about: an item category, a topic, a person, an event…
    pub subject: String,
    pub options: Vec<OptionRecord>,
    pub chosen: usize,
    /// The option was taken for the player because the day ended.
    pub defaulted: bool,
    pub score_best: usize,
    pub values_best: usize,
    /// What was done, so the same decisions can be replayed as another persona.
    #[serde(default)]
    pub action: Option<Action>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DecisionKind {
    Consent,
    Buy,
    Post,
    React,
    Friend,
    Event,
    Vote,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionRecord {
    pub id: String,
    pub label: String,
    /// Predicted change of the score (what it would have been, in baseline days).
    pub score: i32,
    /// Predicted change of the self meter.
    pub integrity: i32,
}

impl Decision {
    /// Builds a decision, working out which option the score and the values would pick.
    pub fn new(
        day: u32,
        scored: bool,
        kind: DecisionKind,
        subject: String,
        options: Vec<OptionRecord>,
        chosen: usize,
        defaulted: bool,
    ) -> Decision {
        let best = |key: fn(&OptionRecord) -> i32| {
            let mut best = 0;
            for (i, o) in options.iter().enumerate() {
                if key(o) > key(&options[best]) {
                    best = i;
                }
            }
            best
        };
        let score_best = best(|o| o.score);
        let values_best = best(|o| o.integrity);
        Decision {
            day,
            scored,
            kind,
            subject,
            options,
            chosen,
            defaulted,
            score_best,
            values_best,
            action: None,
        }
    }

    /// The score would have the player do something other than what their values would: the
    /// score-best option scores strictly more, the values-best one is strictly truer to the self.
    /// A choice the day made for the player counts only on the consent screen, where leaving
    /// the box as it is was the choice the screen was built for.
    pub fn conflicted(&self) -> bool {
        let s = &self.options[self.score_best];
        let v = &self.options[self.values_best];
        (!self.defaulted || self.kind == DecisionKind::Consent)
            && self.score_best != self.values_best
            && s.score > v.score
            && v.integrity > s.integrity
    }

    /// A conflicted decision settled in the score's favour.
    pub fn obeyed(&self) -> bool {
        self.conflicted() && self.chosen == self.score_best
    }
}
