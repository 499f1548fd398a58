//! Votes on proposals, where the level's rules are set by vote.

use crate::game::journal::DecisionKind;
use crate::game::level::RuleSetter;
use crate::game::{Action, Game, Log, Outcome, Refusal};

impl Game {
    /// The day whose morning holds the next count, if one is left in the level.
    pub fn next_count(&self) -> Option<u32> {
        let RuleSetter::Vote { every, .. } = self.level.rule_setter else {
            return None;
        };
        let every = every.max(1);
        // Counts are held on the mornings of days 1 + every, 1 + 2 × every, …
        let next = (self.state.day.saturating_sub(1) / every + 1) * every + 1;
        (next <= self.level.days).then_some(next)
    }

    pub(in crate::game) fn vote(&mut self, id: &str, log: &mut Log) -> Result<(), Refusal> {
        let action = Action::Vote {
            proposal: id.to_string(),
        };
        if let Some(refusal) = self.refusal(&action) {
            return Err(refusal);
        }
        let level = self.level.clone();
        let Some(proposal) = level.proposal(id) else {
            return Err(Refusal::NoVote);
        };
        let offers = || {
            level
                .proposals
                .iter()
                .map(|p| {
                    let a = Action::Vote {
                        proposal: p.id.clone(),
                    };
                    (p.id.clone(), p.name.clone(), Some(a))
                })
                .collect()
        };
        let chosen = level.proposals.iter().position(|p| p.id == id).unwrap_or(0);
        self.record(DecisionKind::Vote, "vote", offers, chosen, false);
        if self.state.vote.is_none() {
            let what = format_args!("Voted for {}", proposal.name);
            self.judge(&proposal.tags, &[], &what, log);
        }
        self.state.vote = Some(id.to_string());
        log.push(|| Outcome::Voted {
            proposal: id.to_string(),
        });
        Ok(())
    }
}
