//! Playing an action: the one way to change the game. An action names things by id, a move by
//! position; both become one step, checked and carried out alike.

use std::borrow::Borrow;

use super::action::{Step, Target};
use super::log::Log;
use super::state::ConsentState;
use super::{Action, Game, Move, Outcome, Refusal};

/// The position of the thing the target names among `things`, or the refusal that says it
/// is not there.
pub(super) fn resolve<T>(
    things: &[T],
    target: Target<'_>,
    kind: &'static str,
    id_of: impl Fn(&T) -> &str,
) -> Result<usize, Refusal> {
    match target {
        Target::Id(id) => {
            (things.iter())
                .position(|t| id_of(t) == id)
                .ok_or_else(|| Refusal::Unknown {
                    kind,
                    id: id.to_string(),
                })
        }
        Target::At(at) if at < things.len() => Ok(at),
        Target::At(at) => Err(Refusal::NoSuchPlace { kind, at }),
    }
}

impl Game {
    /// The way to change the game. Takes an action or a reference to one (the strategies
    /// keep theirs made); [`Game::play_move`] is the same for an action naming things by
    /// position.
    pub fn play(&mut self, action: impl Borrow<Action>) -> Result<Vec<Outcome>, Refusal> {
        self.perform(Step::from(action.borrow()))
    }

    /// [`Game::play`] for an action naming things by position: the same checks and effects,
    /// without looking ids up (bots).
    pub fn play_move(&mut self, m: Move) -> Result<Vec<Outcome>, Refusal> {
        self.perform(Step::from(m))
    }

    pub(super) fn perform(&mut self, step: Step<'_>) -> Result<Vec<Outcome>, Refusal> {
        if self.is_over() {
            return Err(Refusal::LevelOver);
        }
        let mut log = Log::new(self.silent);
        if let Step::Consent(share) = step {
            if self.state.consent != ConsentState::Pending {
                return Err(Refusal::ConsentDone);
            }
            self.give_consent(share, false, &mut log);
            self.check_mirror();
            return Ok(log.into_outcomes());
        }
        if let Some(kind) = step.kind() {
            self.check_allowed(kind)?;
        }
        if step.costs_action() && self.state.actions_left == 0 {
            return Err(Refusal::NoActionsLeft);
        }
        // Doing anything else first leaves the consent box as it was: the dark pattern.
        if self.state.consent == ConsentState::Pending && !matches!(step, Step::EndDay) {
            let share = self.level.consent.as_ref().is_some_and(|c| c.pre_ticked);
            self.give_consent(share, true, &mut log);
        }
        match step {
            Step::Consent(_) => unreachable!("handled above"),
            Step::Buy(item) => self.buy(item, &mut log)?,
            Step::Draft(topic) => self.draft(topic, &mut log)?,
            Step::Post => self.post(&mut log)?,
            Step::CancelDraft => self.cancel_draft(false, &mut log)?,
            Step::React(post, how) => self.react(post, how, &mut log)?,
            Step::Befriend(npc) => self.befriend(npc, &mut log)?,
            Step::Unfriend(npc) => self.unfriend(npc, &mut log)?,
            Step::Denounce(npc) => self.denounce(npc, &mut log)?,
            Step::Answer(event, choice) => self.answer(event, choice, false, &mut log)?,
            Step::Appeal(row) => self.appeal(row, &mut log)?,
            Step::Vote(proposal) => self.vote(proposal, &mut log)?,
            Step::EndDay => {
                if self.state.consent == ConsentState::Pending {
                    let share = self.level.consent.as_ref().is_some_and(|c| c.pre_ticked);
                    self.give_consent(share, true, &mut log);
                }
                self.end_day(&mut log);
            }
        }
        if step.costs_action() {
            self.state.actions_left -= 1;
        }
        if !self.is_over() {
            // Reports and events can move people's scores, and with them the player's.
            self.settle_if_immediate(&"Your friends' scores moved", &mut log);
        }
        self.check_mirror();
        Ok(log.into_outcomes())
    }
}
