//! What an action would do to the score and the self, worked out without doing it. The
//! handlers use the same anatomy, so a prediction and the real effect cannot disagree on rules.

use std::borrow::Cow;

use super::level::{Effect, Item, Trigger};
use super::state::Author;
use super::{Action, Game};

/// The parts of an action that rules and values look at.
/// It borrows from the level and the state where it can: bots and the journal predict
/// every option of every decision, so this is the game's hottest path.
#[derive(Debug, Clone, Default)]
pub(super) struct Anatomy<'a> {
    pub trigger: Option<Trigger>,
    pub tags: Cow<'a, [String]>,
    pub affirms: Cow<'a, [String]>,
    pub betrays: Cow<'a, [String]>,
    /// Direct changes to dimensions (event choices).
    pub points: Vec<(&'a str, i32)>,
    /// A friendship made (`true`) or ended (`false`).
    pub friend: Option<(&'a str, bool)>,
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
    pub(super) fn anatomy<'a>(&'a self, action: &'a Action) -> Option<Anatomy<'a>> {
        let level = &self.level;
        Some(match action {
            Action::Consent { share } => {
                let betrays = Cow::from(&level.consent.as_ref()?.betrays[..]);
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
            Action::Buy { item } => Game::anatomy_of_item(level.item(item)?),
            Action::Draft { topic } => self.anatomy_of_post(&level.topic(topic)?.tags, true),
            Action::Post | Action::CancelDraft => {
                let topic = level.topic(self.state.draft.as_deref()?)?;
                self.anatomy_of_post(&topic.tags, *action == Action::Post)
            }
            Action::Like { post } | Action::Share { post } | Action::Report { post } => {
                let p = self.state.feed.get(*post)?;
                match action {
                    Action::Report { .. } => {
                        let mut target = Cow::from(&p.tags[..]);
                        if let Author::Npc(id) = &p.author {
                            target.to_mut().extend(level.npc(id)?.tags.iter().cloned());
                        }
                        self.anatomy_of_report(target)
                    }
                    _ => Anatomy {
                        trigger: Some(if matches!(action, Action::Like { .. }) {
                            Trigger::Like(String::new())
                        } else {
                            Trigger::Share(String::new())
                        }),
                        tags: Cow::from(&p.tags[..]),
                        affirms: Cow::from(&p.tags[..]),
                        ..Anatomy::default()
                    },
                }
            }
            Action::Befriend { npc } | Action::Unfriend { npc } | Action::Denounce { npc } => {
                let tags = Cow::from(&level.npc(npc)?.tags[..]);
                match action {
                    Action::Befriend { .. } => Anatomy {
                        trigger: Some(Trigger::Befriend(String::new())),
                        affirms: tags.clone(),
                        tags,
                        friend: Some((npc, true)),
                        ..Anatomy::default()
                    },
                    Action::Unfriend { .. } => Anatomy {
                        trigger: Some(Trigger::Unfriend(String::new())),
                        betrays: tags.clone(),
                        tags,
                        friend: Some((npc, false)),
                        ..Anatomy::default()
                    },
                    _ => Anatomy {
                        friend: self
                            .state
                            .friends
                            .contains(npc)
                            .then_some((npc.as_str(), false)),
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
                        } => Some((dimension.as_str(), *points)),
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
                    tags: Cow::from(&c.tags[..]),
                    affirms: Cow::from(&c.tags[..]),
                    betrays: Cow::from(&c.betrays[..]),
                    points,
                    ..Anatomy::default()
                }
            }
            Action::Vote { proposal } => Anatomy {
                affirms: Cow::from(&level.proposal(proposal)?.tags[..]),
                ..Anatomy::default()
            },
            Action::Appeal { .. } | Action::EndDay => return None,
        })
    }

    pub(super) fn anatomy_of_item(item: &Item) -> Anatomy<'_> {
        let tags = Cow::from(&item.tags[..]);
        Anatomy {
            trigger: Some(Trigger::Buy(String::new())),
            affirms: tags.clone(),
            tags,
            ..Anatomy::default()
        }
    }

    /// A report goes against what its target stands for, and is itself an act (the level's
    /// reporting tags) that rules may pay for and values may judge.
    fn anatomy_of_report<'a>(&'a self, target: Cow<'a, [String]>) -> Anatomy<'a> {
        let act = Cow::from(&self.level.reporting.tags[..]);
        let mut tags = target.clone();
        if !act.is_empty() {
            tags.to_mut().extend(act.iter().cloned());
        }
        Anatomy {
            trigger: Some(Trigger::Report(String::new())),
            tags,
            affirms: act,
            betrays: target,
            ..Anatomy::default()
        }
    }

    fn anatomy_of_post<'a>(&self, tags: &'a [String], post: bool) -> Anatomy<'a> {
        if post {
            Anatomy {
                trigger: Some(Trigger::Post(String::new())),
                tags: Cow::from(tags),
                affirms: Cow::from(tags),
                ..Anatomy::default()
            }
        } else {
            Anatomy {
                trigger: Some(Trigger::Censor(String::new())),
                tags: Cow::from(tags),
                betrays: Cow::from(tags),
                ..Anatomy::default()
            }
        }
    }

    /// The predicted effect of an action on the score and the self; `None` for actions
    /// without one (ending the day, appeals) or naming nothing that exists.
    pub fn predict(&self, action: &Action) -> Option<Prediction> {
        let a = self.anatomy(action)?;
        let mut moves = Vec::new();
        let shift = self.weigher().shift_of(&a, &mut moves);
        let dimensions = self
            .level
            .score
            .dimensions
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let sum: i32 = moves
                    .iter()
                    .filter(|(at, _)| *at == i)
                    .map(|(_, p)| p)
                    .sum();
                (sum != 0).then(|| (d.id.clone(), sum))
            })
            .collect();
        Some(Prediction {
            score: shift.score,
            integrity: shift.integrity,
            dimensions,
        })
    }
}
