//! Votes on proposals, where the level's rules are set by vote.

use crate::game::journal::DecisionKind;
use crate::game::level::RuleSetter;
use crate::game::{Action, Game, Log, Outcome, Refusal};

impl Game {
    pub(in crate::game) fn vote(&mut self, id: &str, log: &mut Log) -> Result<(), Refusal> {
        if !matches!(self.level.rule_setter, RuleSetter::Vote { .. }) {
            return Err(Refusal::NoVote);
        }
        let level = self.level.clone();
        let proposal = level.proposal(id).ok_or_else(|| Refusal::Unknown {
            kind: "proposal",
            id: id.to_string(),
        })?;
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
        if self.state.vote.as_deref() == Some(id) {
            return Err(Refusal::AlreadyVoted(proposal.name.clone()));
        }
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
