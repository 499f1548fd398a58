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
    /// The friendships this decision ended (people's ids): an unfriending, a report of a
    /// friend, an event choice that drops one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ended: Vec<String>,
    /// A report's verdict: `Some(true)` the person answered it and was cleared, `Some(false)`
    /// the penalty landed, `None` not decided (or not a report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleared: Option<bool>,
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
            ended: Vec::new(),
            cleared: None,
        }
    }

    /// What the decision weighed, as (score, self) pairs: for a purchase or a reaction, doing
    /// it or not (other items stay on sale and a post can be liked and shared, so taking one
    /// is no choice against the others); elsewhere every option the player had.
    fn alternatives(&self) -> Vec<(i32, i32)> {
        let pair = |o: &OptionRecord| (o.score, o.integrity);
        match self.kind {
            DecisionKind::Buy | DecisionKind::React => {
                vec![pair(&self.options[self.chosen]), (0, 0)]
            }
            _ => self.options.iter().map(pair).collect(),
        }
    }

    /// The score would have the player do something other than what their values would: no
    /// alternative is both the best for the score and the truest to the self. A choice the day
    /// made for the player counts only on the consent screen, where leaving the box as it is
    /// was the choice the screen was built for.
    pub fn conflicted(&self) -> bool {
        if self.defaulted && self.kind != DecisionKind::Consent {
            return false;
        }
        let alternatives = self.alternatives();
        let score = alternatives.iter().map(|a| a.0).max();
        let values = alternatives.iter().map(|a| a.1).max();
        let (Some(score), Some(values)) = (score, values) else {
            return false;
        };
        !alternatives.contains(&(score, values))
    }

    /// A conflicted decision settled in the score's favour: the option taken scores as much
    /// as any (an option tied with the score-best one is the score's side too).
    pub fn obeyed(&self) -> bool {
        let best = self.alternatives().iter().map(|a| a.0).max();
        self.conflicted() && Some(self.options[self.chosen].score) == best
    }
}

impl Journal {
    /// The obedience counts, (obeyed, conflicted), over the decisions made once the score
    /// was on: the one definition the debrief, the summary and the balance runs share.
    pub fn obedience(&self) -> (u32, u32) {
        let conflicted = self.decisions.iter().filter(|d| d.scored && d.conflicted());
        let (mut obeyed, mut n) = (0, 0);
        for d in conflicted {
            n += 1;
            obeyed += u32::from(d.obeyed());
        }
        (obeyed, n)
    }

    /// `obeyed / conflicted` from [`Journal::obedience`]; `None` when no decision was
    /// conflicted (an index of nothing is no index).
    pub fn obedience_index(&self) -> Option<f64> {
        let (obeyed, n) = self.obedience();
        (n > 0).then(|| f64::from(obeyed) / f64::from(n))
    }
}
