//! Events, bulletins, their effects, the consent screen and votes.

use std::fmt::Display;

use super::action::Target;
use super::gates::Obstacle;
use super::journal::DecisionKind;
use super::level::{Effect, RuleSetter};
use super::play::resolve;
use super::predict::Act;
use super::state::{Answer, ConsentState};
use super::{Action, Game, Log, Outcome, Refusal};

impl Game {
    pub(super) fn give_consent(&mut self, share: bool, defaulted: bool, log: &mut Log) {
        let offers = || {
            vec![
                (
                    "share".into(),
                    "Share my data".into(),
                    Some(Action::Consent { share: true }),
                ),
                (
                    "withhold".into(),
                    "Keep my data".into(),
                    Some(Action::Consent { share: false }),
                ),
            ]
        };
        self.record(
            DecisionKind::Consent,
            "consent",
            offers,
            usize::from(!share),
            defaulted,
        );
        let what = if share {
            "Shared your data"
        } else {
            "Withheld your data"
        };
        self.act(Act::Consent { share }, &what, log);
        self.state.consent = ConsentState::Given { share, defaulted };
        log.push(|| Outcome::ConsentGiven { share, defaulted });
    }

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

    pub(super) fn apply_effects(&mut self, effects: &[Effect], did: &dyn Display, log: &mut Log) {
        for effect in effects {
            match effect {
                Effect::Money(m) => self.change_money(*m, did, log),
                Effect::Integrity(d) => self.change_integrity(*d, did, log),
                Effect::Points {
                    dimension,
                    points,
                    inference,
                } => self.add_points(self.dim(dimension), *points, did, inference, None, log),
                Effect::Income(d) => {
                    self.state.income = super::consistency::add_money(self.state.income, *d);
                }
                Effect::Rent(d) => {
                    self.state.rent = super::consistency::add_money(self.state.rent, *d);
                }
                Effect::SetFlag(f) => {
                    if self.state.flags.insert(f.clone()) {
                        log.push(|| Outcome::FlagSet { flag: f.clone() });
                    }
                }
                Effect::ClearFlag(f) => {
                    self.state.flags.remove(f);
                }
                Effect::EnableRule(r) => {
                    if self.set_rule(r, true) {
                        log.push(|| Outcome::RuleEnabled { rule: r.clone() });
                    }
                }
                Effect::DisableRule(r) => {
                    if self.set_rule(r, false) {
                        log.push(|| Outcome::RuleDisabled { rule: r.clone() });
                    }
                }
                Effect::Befriend(n) => {
                    if self.set_friend(n, true) {
                        log.push(|| Outcome::Befriended { npc: n.clone() });
                    }
                }
                Effect::Unfriend(n) => {
                    if self.set_friend(n, false) {
                        log.push(|| Outcome::Unfriended { npc: n.clone() });
                    }
                }
                Effect::NpcScore { npc, delta } => {
                    if let Some(i) = self.level.npcs.iter().position(|n| &n.id == npc) {
                        self.nudge_npc(i, *delta);
                    }
                }
                Effect::Visibility(v) => self.state.visibility = *v,
                Effect::OpenTopic(t) | Effect::CloseTopic(t) => {
                    let open = matches!(effect, Effect::OpenTopic(_));
                    if self.set_topic_open(t, open) {
                        log.push(|| Outcome::TopicOpened {
                            topic: t.clone(),
                            open,
                        });
                    }
                }
                Effect::OpenItem(i) | Effect::CloseItem(i) => {
                    let open = matches!(effect, Effect::OpenItem(_));
                    if self.set_item_open(i, open) {
                        log.push(|| Outcome::ItemOpened {
                            item: i.clone(),
                            open,
                        });
                    }
                }
                Effect::Publish { npc, post } => self.publish(npc, post, log),
                Effect::Weight { dimension, weight } => {
                    if let Some(at) = self.dim(dimension).at {
                        self.reweigh(at, *weight, did, log);
                    }
                }
            }
        }
    }

    pub(super) fn vote(&mut self, id: &str, log: &mut Log) -> Result<(), Refusal> {
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
