//! What an action would do to the score and the self, worked out without doing it. The
//! handlers use the same anatomy, so a prediction and the real effect cannot disagree on rules.

use std::borrow::Cow;

use super::level::Trigger;
use super::reading::{Parts, PostReadings, Reading, parts};
use super::state::Author;
use super::{Action, Game};

/// The parts of an action that rules and values look at: its reading, looked up by position
/// in the level, and the tags it stands for and against.
#[derive(Debug, Clone)]
pub(super) struct Anatomy<'a> {
    pub reading: Cow<'a, Reading>,
    /// What the act stands for and against, for peers who judge the day's deeds.
    pub affirms: Parts<'a>,
    pub betrays: Parts<'a>,
    /// A friendship made (`true`) or ended, with the person's position in the level.
    pub friend: Option<(usize, bool)>,
}

const NONE: Parts<'static> = [&[], &[], &[]];

impl<'a> Anatomy<'a> {
    fn of(reading: &'a Reading, affirms: Parts<'a>, betrays: Parts<'a>) -> Anatomy<'a> {
        Anatomy {
            reading: Cow::Borrowed(reading),
            affirms,
            betrays,
            friend: None,
        }
    }

    /// The tags the act stands for and against, each list joined.
    pub fn deed(&self) -> (Vec<String>, Vec<String>) {
        (self.affirms.concat(), self.betrays.concat())
    }
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
        let (level, read) = (&self.level, &self.index.readings);
        let a = match action {
            Action::Consent { share } => {
                let betrays = parts(&level.consent.as_ref()?.betrays);
                if *share {
                    Anatomy::of(&read.share_data, NONE, betrays)
                } else {
                    Anatomy::of(&read.withhold_data, betrays, NONE)
                }
            }
            Action::Buy { item } => {
                let at = level.items.iter().position(|i| &i.id == item)?;
                let tags = parts(&level.items[at].tags);
                Anatomy::of(&read.buy[at], tags, NONE)
            }
            Action::Draft { topic } => self.anatomy_of_post(topic, true)?,
            Action::Post | Action::CancelDraft => {
                self.anatomy_of_post(self.state.draft.as_deref()?, *action == Action::Post)?
            }
            Action::Like { post } | Action::Share { post } | Action::Report { post } => {
                let p = self.state.feed.get(*post)?;
                let author = match &p.author {
                    Author::Npc(id) => level.npc(id).map(|n| &n.tags[..]),
                    Author::News(_) => Some(&[][..]),
                };
                let tags = parts(&p.tags);
                let known = self.held.feed.get(*post).copied().flatten();
                let reading = known.map(|o| read.of_post(o));
                let act = &level.reporting.tags[..];
                let (trigger, affirms, betrays, pick): (_, _, _, fn(&PostReadings) -> &Reading) =
                    match action {
                        Action::Like { .. } => {
                            (Trigger::Like(String::new()), tags, NONE, |r| &r.like)
                        }
                        Action::Share { .. } => {
                            (Trigger::Share(String::new()), tags, NONE, |r| &r.share)
                        }
                        _ => (
                            Trigger::Report(String::new()),
                            parts(act),
                            [&p.tags[..], author?, &[]],
                            |r| &r.report,
                        ),
                    };
                let reading = match reading {
                    Some(r) => Cow::Borrowed(pick(r)),
                    // A post the level no longer has, from an old save: read it now.
                    None => {
                        let values = &self.persona().values;
                        let tags = match action {
                            Action::Report { .. } => [&p.tags[..], betrays[1], act],
                            _ => tags,
                        };
                        Cow::Owned(Reading::of(level, values, &trigger, tags, affirms, betrays))
                    }
                };
                Anatomy {
                    reading,
                    affirms,
                    betrays,
                    friend: None,
                }
            }
            Action::Befriend { npc } | Action::Unfriend { npc } | Action::Denounce { npc } => {
                let at = level.npcs.iter().position(|n| &n.id == npc)?;
                let tags = parts(&level.npcs[at].tags);
                match action {
                    Action::Befriend { .. } => Anatomy {
                        friend: Some((at, true)),
                        ..Anatomy::of(&read.befriend[at], tags, NONE)
                    },
                    Action::Unfriend { .. } => Anatomy {
                        friend: Some((at, false)),
                        ..Anatomy::of(&read.unfriend[at], NONE, tags)
                    },
                    _ => Anatomy {
                        friend: self.is_friend(at).then_some((at, false)),
                        ..Anatomy::of(&read.denounce[at], parts(&level.reporting.tags), tags)
                    },
                }
            }
            Action::Answer { event, choice } => {
                let e = level.events.iter().position(|e| &e.id == event)?;
                let events = &level.events[e].choices;
                let c = events.iter().position(|c| &c.id == choice)?;
                let (tags, betrays) = (parts(&events[c].tags), parts(&events[c].betrays));
                Anatomy::of(&read.answer[e][c], tags, betrays)
            }
            Action::Vote { proposal } => Anatomy {
                reading: Cow::Owned(Reading {
                    verdict: super::reading::weigh(
                        &self.persona().values,
                        &level.proposal(proposal)?.tags,
                    ),
                    ..Reading::default()
                }),
                affirms: parts(&level.proposal(proposal)?.tags),
                betrays: NONE,
                friend: None,
            },
            Action::Appeal { .. } | Action::EndDay => return None,
        };
        debug_assert_eq!(
            a.reading.verdict,
            super::score::verdict(
                &self.persona().values,
                &a.affirms.concat(),
                &a.betrays.concat()
            ),
            "a reading's verdict is the persona's"
        );
        Some(a)
    }

    fn anatomy_of_post<'a>(&'a self, topic: &str, post: bool) -> Option<Anatomy<'a>> {
        let at = self.level.topics.iter().position(|t| t.id == topic)?;
        let tags = parts(&self.level.topics[at].tags);
        let read = &self.index.readings;
        Some(if post {
            Anatomy::of(&read.post[at], tags, NONE)
        } else {
            Anatomy::of(&read.censor[at], NONE, tags)
        })
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
