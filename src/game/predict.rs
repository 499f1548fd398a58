//! What an action would do to the score and the self, worked out without doing it. The
//! handlers use the same anatomy, so a prediction and the real effect cannot disagree on rules.

use super::level::{Effect, Trigger};
use super::state::Author;
use super::{Action, Game, score};

/// The parts of an action that rules and values look at.
#[derive(Debug, Clone, Default)]
pub(super) struct Anatomy {
    pub trigger: Option<Trigger>,
    pub tags: Vec<String>,
    pub affirms: Vec<String>,
    pub betrays: Vec<String>,
    /// Direct changes to dimensions (event choices).
    pub points: Vec<(String, i32)>,
    /// A friendship made (`true`) or ended (`false`).
    pub friend: Option<(String, bool)>,
    /// Direct changes to the self meter (event choices).
    pub integrity: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prediction {
    /// Change of the score (what it would be, during the baseline days).
    pub score: i32,
    /// Change of the self meter.
    pub integrity: i32,
    /// Points each dimension would move, in the level's order of dimensions.
    pub dimensions: Vec<(String, i32)>,
}

impl Game {
    pub(super) fn anatomy(&self, action: &Action) -> Option<Anatomy> {
        let level = &self.level;
        Some(match action {
            Action::Consent { share } => {
                let betrays = level.consent.as_ref()?.betrays.clone();
                if *share {
                    Anatomy {
                        trigger: Some(Trigger::DataShared),
                        betrays,
                        ..Anatomy::default()
                    }
                } else {
                    Anatomy {
                        trigger: Some(Trigger::DataWithheld),
                        affirms: betrays,
                        ..Anatomy::default()
                    }
                }
            }
            Action::Buy { item } => {
                let tags = level.item(item)?.tags.clone();
                Anatomy {
                    trigger: Some(Trigger::Buy(String::new())),
                    affirms: tags.clone(),
                    tags,
                    ..Anatomy::default()
                }
            }
            Action::Draft { topic } => self.anatomy_of_post(&level.topic(topic)?.tags, true),
            Action::Post | Action::CancelDraft => {
                let topic = level.topic(self.state.draft.as_deref()?)?;
                self.anatomy_of_post(&topic.tags, *action == Action::Post)
            }
            Action::Like { post } | Action::Share { post } | Action::Report { post } => {
                let p = self.state.feed.get(*post)?;
                match action {
                    Action::Report { .. } => {
                        let mut target = p.tags.clone();
                        if let Author::Npc(id) = &p.author {
                            target.extend(level.npc(id)?.tags.iter().cloned());
                        }
                        self.anatomy_of_report(target)
                    }
                    _ => Anatomy {
                        trigger: Some(if matches!(action, Action::Like { .. }) {
                            Trigger::Like(String::new())
                        } else {
                            Trigger::Share(String::new())
                        }),
                        tags: p.tags.clone(),
                        affirms: p.tags.clone(),
                        ..Anatomy::default()
                    },
                }
            }
            Action::Befriend { npc } | Action::Unfriend { npc } | Action::Denounce { npc } => {
                let tags = level.npc(npc)?.tags.clone();
                match action {
                    Action::Befriend { .. } => Anatomy {
                        trigger: Some(Trigger::Befriend(String::new())),
                        affirms: tags.clone(),
                        tags,
                        friend: Some((npc.clone(), true)),
                        ..Anatomy::default()
                    },
                    Action::Unfriend { .. } => Anatomy {
                        trigger: Some(Trigger::Unfriend(String::new())),
                        betrays: tags.clone(),
                        tags,
                        friend: Some((npc.clone(), false)),
                        ..Anatomy::default()
                    },
                    _ => Anatomy {
                        friend: self
                            .state
                            .friends
                            .contains(npc)
                            .then(|| (npc.clone(), false)),
                        ..self.anatomy_of_report(tags)
                    },
                }
            }
            Action::Answer { event, choice } => {
                let c = level
                    .event(event)?
                    .choices
                    .iter()
                    .find(|c| &c.id == choice)?;
                let points = c
                    .effects
                    .iter()
                    .filter_map(|e| match e {
                        Effect::Points {
                            dimension, points, ..
                        } => Some((dimension.clone(), *points)),
                        _ => None,
                    })
                    .collect();
                let integrity = c
                    .effects
                    .iter()
                    .map(|e| match e {
                        Effect::Integrity(d) => *d,
                        _ => 0,
                    })
                    .sum();
                Anatomy {
                    integrity,
                    trigger: Some(Trigger::Choice(String::new())),
                    tags: c.tags.clone(),
                    affirms: c.tags.clone(),
                    betrays: c.betrays.clone(),
                    points,
                    ..Anatomy::default()
                }
            }
            Action::Vote { proposal } => Anatomy {
                affirms: level.proposal(proposal)?.tags.clone(),
                ..Anatomy::default()
            },
            Action::Appeal { .. } | Action::EndDay => return None,
        })
    }

    /// A report goes against what its target stands for, and is itself an act (the level's
    /// reporting tags) that rules may pay for and values may judge.
    fn anatomy_of_report(&self, target: Vec<String>) -> Anatomy {
        let act = self.level.reporting.tags.clone();
        let mut tags = target.clone();
        tags.extend(act.iter().cloned());
        Anatomy {
            trigger: Some(Trigger::Report(String::new())),
            tags,
            affirms: act,
            betrays: target,
            ..Anatomy::default()
        }
    }

    fn anatomy_of_post(&self, tags: &[String], post: bool) -> Anatomy {
        if post {
            Anatomy {
                trigger: Some(Trigger::Post(String::new())),
                tags: tags.to_vec(),
                affirms: tags.to_vec(),
                ..Anatomy::default()
            }
        } else {
            Anatomy {
                trigger: Some(Trigger::Censor(String::new())),
                tags: tags.to_vec(),
                betrays: tags.to_vec(),
                ..Anatomy::default()
            }
        }
    }

    /// The predicted effect of an action on the score and the self; `None` for actions
    /// without one (ending the day, appeals) or naming nothing that exists.
    pub fn predict(&self, action: &Action) -> Option<Prediction> {
        let a = self.anatomy(action)?;
        Some(self.predict_anatomy(&a))
    }

    pub(super) fn predict_anatomy(&self, a: &Anatomy) -> Prediction {
        let integrity = self.conscience(&a.affirms, &a.betrays) + a.integrity;
        let mut moves: Vec<(&str, i32)> = a.points.iter().map(|(d, p)| (d.as_str(), *p)).collect();
        if let Some(trigger) = &a.trigger {
            for r in self.rules_for_player(trigger, &a.tags) {
                moves.push((&r.dimension, r.points));
            }
        }
        if moves.is_empty() && a.friend.is_none() {
            return Prediction {
                integrity,
                ..Prediction::default()
            };
        }
        let dimensions = self
            .level
            .score
            .dimensions
            .iter()
            .filter_map(|d| {
                let sum: i32 = moves
                    .iter()
                    .filter(|(id, _)| *id == d.id)
                    .map(|(_, p)| p)
                    .sum();
                (sum != 0).then(|| (d.id.clone(), sum))
            })
            .collect();
        let mut points = self.state.points.clone();
        for (dim, p) in moves {
            if let Some(v) = points.get_mut(dim) {
                *v = (*v + p).clamp(-100, 100);
            }
        }
        let friends = &self.state.friends;
        let after = score::compute(&self.level, &points, || match &a.friend {
            None => self.friends_mean(friends),
            Some((npc, add)) => {
                let mut changed = friends.clone();
                if *add {
                    changed.insert(npc.clone());
                } else {
                    changed.remove(npc);
                }
                self.friends_mean(&changed)
            }
        });
        Prediction {
            score: after - self.implied_score(),
            integrity,
            dimensions,
        }
    }
}
