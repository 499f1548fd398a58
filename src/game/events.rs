//! Events, bulletins, their effects, the consent screen and votes.

mod consent;
mod effects;
mod vote;

use super::action::Target;
use super::gates::Obstacle;
use super::journal::DecisionKind;
use super::level::Effect;
use super::play::resolve;
use super::predict::Act;
use super::state::Answer;
use super::{Action, Game, Log, Outcome, Refusal};

impl Game {
    /// Events that may arrive today arrive: bulletins apply at once, the rest wait in the inbox.
    pub(super) fn deliver_events(&mut self, log: &mut Log) {
        let level = self.level.clone();
        for (at, event) in level.events.iter().enumerate() {
            if event.day > self.state.day || self.held.arrived[at] || !self.holds(&event.when) {
                continue;
            }
            let blocking = self.index.event_gates[at].blocking(&level, &self.held);
            if let Some(sanction) = blocking.map(|s| s.id.clone()) {
                if self.state.withheld.insert(event.id.clone()) {
                    log.push(|| Outcome::EventWithheld {
                        event: event.id.clone(),
                        sanction,
                    });
                }
                continue;
            }
            self.mark_arrived(at);
            if event.bulletin || event.choices.is_empty() {
                log.push(|| Outcome::BulletinIssued {
                    event: event.id.clone(),
                });
                let answered = Answer {
                    choice: String::new(),
                    defaulted: false,
                };
                self.add_to_inbox(at, Some(answered));
                self.apply_effects(&event.effects, &event.title, log);
            } else {
                log.push(|| Outcome::EventArrived {
                    event: event.id.clone(),
                });
                self.add_to_inbox(at, None);
                self.apply_effects(&event.effects, &event.title, log);
            }
        }
    }

    /// What keeps the player from the choice at `choice` of the event at `event` (positions
    /// in the level): its tags are closed.
    pub(super) fn choosing(&self, event: usize, choice: usize) -> Option<Obstacle<'_>> {
        let gate = &self.index.choice_gates[event][choice];
        gate.obstacle(&self.level, &self.held)
    }

    pub(super) fn answer(
        &mut self,
        event: Target<'_>,
        choice: Target<'_>,
        defaulted: bool,
        log: &mut Log,
    ) -> Result<(), Refusal> {
        let level = self.level.clone();
        let e = resolve(&level.events, event, "event", |e| &e.id)?;
        let event = &level.events[e];
        let event_id = &event.id;
        let slot = (self.state.inbox.iter().zip(&self.held.inbox))
            .position(|(entry, at)| *at == Some(e) && entry.answer.is_none())
            .ok_or_else(|| Refusal::NotPending(event.title.clone()))?;
        let chosen = resolve(&event.choices, choice, "choice", |c| &c.id)?;
        let choice = &event.choices[chosen];
        let choice_id = &choice.id;
        if !defaulted && let Some(obstacle) = self.choosing(e, chosen) {
            return Err(obstacle.into());
        }
        // The journal lists the choices the player had: a locked or blocked one was none.
        let had: Vec<usize> = (0..event.choices.len())
            .filter(|&c| c == chosen || self.choosing(e, c).is_none())
            .collect();
        let taken = had.iter().position(|&c| c == chosen).unwrap_or(0);
        let offers = || {
            had.iter()
                .map(|&c| {
                    let c = &event.choices[c];
                    let action = Action::Answer {
                        event: event_id.to_string(),
                        choice: c.id.clone(),
                    };
                    (c.id.clone(), c.text.clone(), Some(action))
                })
                .collect()
        };
        self.record(DecisionKind::Event, event_id, offers, taken, defaulted);
        for effect in &choice.effects {
            if let Effect::Unfriend(npc) = effect
                && self.state.friends.contains(npc)
            {
                self.note_ended(DecisionKind::Event, event_id, npc);
            }
        }
        self.state.inbox[slot].answer = Some(Answer {
            choice: choice_id.to_string(),
            defaulted,
        });
        log.push(|| Outcome::Answered {
            event: event_id.to_string(),
            choice: choice_id.to_string(),
            defaulted,
        });
        let did = format_args!("{}: {}", event.title, choice.text);
        self.act(Act::Answer(e, chosen), &did, log);
        self.apply_effects(&choice.effects, &did, log);
        Ok(())
    }

    /// Unanswered events take their default choice when the day ends.
    pub(super) fn answer_defaults(&mut self, log: &mut Log) {
        if self.pending_at().next().is_none() {
            return;
        }
        let level = self.level.clone();
        let pending: Vec<usize> = self.pending_at().collect();
        for e in pending {
            let event = &level.events[e];
            let Some(choice) = (event.default.as_ref()).or(event.choices.first().map(|c| &c.id))
            else {
                continue;
            };
            // The default was checked to exist when the level loaded.
            let _ = self.answer(Target::At(e), Target::Id(choice), true, log);
        }
    }
}
