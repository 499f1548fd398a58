//! What an action would do to the score and the self, worked out without doing it. The
//! handlers use the same anatomy, so a prediction and the real effect cannot disagree on rules.

mod act;

use std::borrow::Cow;

use super::level::{DueProcess, Effect};
use super::reading::{Origin, Parts, PostReadings, Reading, parts, post_readings};
use super::state::{Author, Reaction};
use super::{Action, Game};

pub(super) use act::Act;

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
    /// A person's score the act moves at once, with their position in the level.
    pub nudge: Option<(usize, i32)>,
    pub act: Act,
}

const NONE: Parts<'static> = [&[], &[], &[]];

impl<'a> Anatomy<'a> {
    fn of(act: Act, reading: &'a Reading, affirms: Parts<'a>, betrays: Parts<'a>) -> Anatomy<'a> {
        Anatomy {
            reading: Cow::Borrowed(reading),
            affirms,
            betrays,
            friend: None,
            nudge: None,
            act,
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
    /// Money an event's choice pays or takes (a purchase's price is shown as its price).
    pub money: i64,
}

impl Game {
    pub(super) fn anatomy(&self, action: &Action) -> Option<Anatomy<'_>> {
        self.anatomy_of(self.act_of(action)?)
    }

    // Inlined, an act builds the anatomy in place rather than copying it back.
    #[inline(always)]
    pub(super) fn anatomy_of(&self, act: Act) -> Option<Anatomy<'_>> {
        let (level, read) = (&self.level, &self.index.readings);
        let a = match act {
            Act::Consent { share } => {
                let betrays = parts(&level.consent.as_ref()?.betrays);
                if share {
                    Anatomy::of(act, &read.share_data, NONE, betrays)
                } else {
                    Anatomy::of(act, &read.withhold_data, betrays, NONE)
                }
            }
            Act::Buy(at) => Anatomy::of(act, &read.buy[at], parts(&level.items[at].tags), NONE),
            Act::Post(at, post) => {
                let tags = parts(&level.topics[at].tags);
                if post {
                    Anatomy::of(act, &read.post[at], tags, NONE)
                } else {
                    Anatomy::of(act, &read.censor[at], NONE, tags)
                }
            }
            Act::React(post, how) => {
                let p = self.state.feed.get(post)?;
                let origin = self.held.feed.get(post).copied().flatten();
                // The author's tags, if the level has the author; by position if it has the post.
                let author = || match (&p.author, origin) {
                    (Author::Npc(_), Some(Origin::Npc { npc, .. })) => {
                        Some(&level.npcs[npc].tags[..])
                    }
                    (Author::Npc(id), _) => level.npc(id).map(|n| &n.tags[..]),
                    (Author::News(_), _) => Some(&[][..]),
                };
                let tags = parts(&p.tags);
                let (affirms, betrays, pick): (_, _, fn(&PostReadings) -> &Reading) = match how {
                    Reaction::Liked => (tags, NONE, |r| &r.like),
                    Reaction::Shared => (tags, NONE, |r| &r.share),
                    Reaction::Reported => (
                        parts(&level.reporting.tags),
                        [&p.tags[..], author()?, &[]],
                        |r| &r.report,
                    ),
                };
                let reading = match origin {
                    Some(origin) => Cow::Borrowed(pick(read.of_post(origin))),
                    // A post the level no longer has, from an old save: read it now.
                    None => {
                        let values = &self.persona().values;
                        let all = post_readings(level, values, &p.tags, author().unwrap_or(&[]));
                        Cow::Owned(pick(&all).clone())
                    }
                };
                // A report without due process costs its author at once.
                let author_at = match (&p.author, origin) {
                    (_, Some(Origin::Npc { npc, .. })) => Some(npc),
                    (Author::Npc(id), _) => level.npcs.iter().position(|n| *n.id == **id),
                    (Author::News(_), _) => None,
                };
                let penalty = level.reporting.penalty;
                let nudge = match (how, &level.reporting.due_process) {
                    (Reaction::Reported, DueProcess::None) => author_at.map(|at| (at, -penalty)),
                    _ => None,
                };
                Anatomy {
                    reading,
                    affirms,
                    betrays,
                    friend: None,
                    nudge,
                    act,
                }
            }
            Act::Befriend(at) => Anatomy {
                friend: Some((at, true)),
                ..Anatomy::of(act, &read.befriend[at], parts(&level.npcs[at].tags), NONE)
            },
            Act::Unfriend(at) => Anatomy {
                friend: Some((at, false)),
                ..Anatomy::of(act, &read.unfriend[at], NONE, parts(&level.npcs[at].tags))
            },
            Act::Denounce(at) => Anatomy {
                friend: self.is_friend(at).then_some((at, false)),
                ..Anatomy::of(
                    act,
                    &read.denounce[at],
                    parts(&level.reporting.tags),
                    parts(&level.npcs[at].tags),
                )
            },
            Act::Answer(e, c) => {
                let choice = &level.events[e].choices[c];
                let (tags, betrays) = (parts(&choice.tags), parts(&choice.betrays));
                // What the choice does to people: its first friendship and its first score.
                let npc = |id: &str| level.npcs.iter().position(|n| n.id == id);
                let friend = choice.effects.iter().find_map(|e| match e {
                    Effect::Befriend(id) => Some((npc(id)?, true)),
                    Effect::Unfriend(id) => Some((npc(id)?, false)),
                    _ => None,
                });
                let nudge = choice.effects.iter().find_map(|e| match e {
                    Effect::NpcScore { npc: id, delta } => Some((npc(id)?, *delta)),
                    _ => None,
                });
                Anatomy {
                    friend,
                    nudge,
                    ..Anatomy::of(act, &read.answer[e][c], tags, betrays)
                }
            }
            Act::Vote(at) => {
                let tags = &level.proposals[at].tags;
                Anatomy {
                    reading: Cow::Owned(Reading {
                        verdict: super::reading::weigh(&self.persona().values, tags),
                        gain: super::reading::gain(&self.persona().values, parts(tags), NONE),
                        ..Reading::default()
                    }),
                    affirms: parts(tags),
                    betrays: NONE,
                    friend: None,
                    nudge: None,
                    act,
                }
            }
        };
        // A deleted draft's verdict is only ever the cost (reading.rs).
        debug_assert!(
            matches!(act, Act::Post(_, false))
                || a.reading.verdict
                    == super::score::verdict(
                        &self.persona().values,
                        &a.affirms.concat(),
                        &a.betrays.concat()
                    ),
            "a reading's verdict is the persona's"
        );
        Some(a)
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
        let money = match a.act {
            Act::Answer(e, c) => (self.level.events[e].choices[c].effects.iter())
                .map(|effect| match effect {
                    Effect::Money(m) => *m,
                    _ => 0,
                })
                .fold(0i64, i64::saturating_add),
            _ => 0,
        };
        Some(Prediction {
            score: shift.score,
            integrity: shift.integrity,
            dimensions,
            money,
        })
    }
}
