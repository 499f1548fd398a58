//! Writing decisions into the journal, with every option's predicted effects (a silent game
//! keeps none unless started journaled).

use super::journal::{Decision, DecisionKind, OptionRecord};
use super::{Action, Game};

/// An option offered: its id, its label, and the action it stands for (`None`: do nothing).
pub(super) type Offer = (String, String, Option<Action>);

impl Game {
    /// Whether decisions go into the journal: in a shown game, or a silent one started
    /// journaled.
    pub(super) fn journals(&self) -> bool {
        !self.silent || self.journaled
    }

    pub(super) fn record(
        &mut self,
        kind: DecisionKind,
        subject: &str,
        offers: impl FnOnce() -> Vec<Offer>,
        chosen: usize,
        defaulted: bool,
    ) {
        if !self.journals() {
            return;
        }
        let offers = offers();
        let action = offers.get(chosen).and_then(|o| o.2.clone());
        let weigher = self.weigher();
        let options = offers
            .into_iter()
            .map(|(id, label, action)| {
                let p = action.and_then(|a| weigher.shift(&a)).unwrap_or_default();
                OptionRecord {
                    id,
                    label,
                    score: p.score,
                    integrity: p.integrity,
                }
            })
            .collect();
        self.write_decision(kind, subject, options, chosen, defaulted, action);
    }

    /// Records a decision whose options are already weighed.
    pub(super) fn write_decision(
        &mut self,
        kind: DecisionKind,
        subject: &str,
        options: Vec<OptionRecord>,
        chosen: usize,
        defaulted: bool,
        action: Option<Action>,
    ) {
        if !self.journals() {
            return;
        }
        let mut decision = Decision::new(
            self.state.day,
            self.scored(),
            kind,
            subject.to_string(),
            options,
            chosen,
            defaulted,
        );
        decision.action = action;
        self.state.journal.decisions.push(decision);
    }

    /// Notes on the decision just recorded (of this kind, about this subject, today) that
    /// it ended the friendship with `npc`.
    pub(super) fn note_ended(&mut self, kind: DecisionKind, subject: &str, npc: &str) {
        let day = self.state.day;
        if let Some(d) = self.state.journal.decisions.last_mut()
            && d.day == day
            && d.kind == kind
            && d.subject == subject
        {
            d.ended.push(npc.to_string());
        }
    }
}
