//! What the rules and the persona make of each act the level allows, worked out once when a
//! game begins: play and prediction look an act up by position instead of matching its tags
//! against every rule and every value by name.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::level::{Effect, Level, Trigger};
use super::state::Author;

/// The tags of an act, in up to three parts (a report carries the post's, its author's and the
/// level's reporting tags), so that reading it joins no lists.
pub(super) type Parts<'a> = [&'a [String]; 3];

pub(super) fn parts<'a>(a: &'a [String]) -> Parts<'a> {
    [a, &[], &[]]
}

/// The rules that could answer an act (active or not, in the level's order) and the
/// persona's verdict on what it stands for and against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Reading {
    /// Shared, so that an act holds on to its rules while they fire without copying them.
    pub rules: Arc<[usize]>,
    pub verdict: i32,
    /// Direct changes an event's choice makes: points by dimension position, and the self.
    pub points: Vec<(usize, i32)>,
    pub integrity: i32,
    /// The part of the verdict that raises the self (values affirmed, loathed ones acted
    /// against): it wears down when the same act is repeated (conscience.rs).
    pub gain: i32,
}

impl Reading {
    pub fn of(
        level: &Level,
        values: &BTreeMap<String, i32>,
        trigger: &Trigger,
        tags: Parts<'_>,
        affirms: Parts<'_>,
        betrays: Parts<'_>,
    ) -> Reading {
        let rules: Vec<usize> = (level.rules.iter().enumerate())
            .filter(|(_, r)| tags.iter().any(|t| r.on.matches(trigger, t)))
            .map(|(i, _)| i)
            .collect();
        let rules = Arc::from(rules);
        let weigh = |p: Parts<'_>| -> i32 { p.iter().map(|t| weigh(values, t)).sum() };
        Reading {
            rules,
            verdict: weigh(affirms) - weigh(betrays),
            gain: gain(values, affirms, betrays),
            ..Reading::default()
        }
    }
}

/// The part of a verdict that raises the self: what affirming valued tags and acting against
/// loathed ones adds, before anything it costs.
pub(super) fn gain(values: &BTreeMap<String, i32>, affirms: Parts<'_>, betrays: Parts<'_>) -> i32 {
    let part = |sign: i32| move |t: &String| (sign * values.get(t).copied().unwrap_or(0)).max(0);
    let affirmed: i32 = affirms.into_iter().flatten().map(part(1)).sum();
    affirmed + betrays.into_iter().flatten().map(part(-1)).sum::<i32>()
}

/// What values make of a list of tags.
pub(super) fn weigh(values: &BTreeMap<String, i32>, tags: &[String]) -> i32 {
    tags.iter().filter_map(|t| values.get(t)).sum()
}

/// Where a feed post came from, by position in the level. Posts alike in author, text and
/// tags read alike, so each is named by the first of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    Npc { npc: usize, post: usize },
    News(usize),
}

/// Where a post of this author, text and tags comes from: the first of its kind in the level.
pub(super) fn origin_of(
    level: &Level,
    author: &Author,
    text: &str,
    tags: &[String],
) -> Option<Origin> {
    match author {
        Author::Npc(id) => {
            let npc = level.npcs.iter().position(|n| *n.id == **id)?;
            let post = (level.npcs[npc].posts.iter())
                .position(|p| *p.text == *text && *p.tags == *tags)?;
            Some(Origin::Npc { npc, post })
        }
        Author::News(source) => (level.news.iter())
            .position(|n| *n.source == **source && *n.text == *text && *n.tags == *tags)
            .map(Origin::News),
    }
}

/// The readings of what can be done with one feed post, and of its being posted.
#[derive(Debug, Clone, Default)]
pub(super) struct PostReadings {
    pub like: Reading,
    pub share: Reading,
    pub report: Reading,
    /// What the system makes of the post itself (it moves the author's score).
    pub posted: Reading,
    /// The rules on a friend's post, for the player.
    pub friend: Reading,
}

/// Every act's reading, by position in the level.
#[derive(Debug, Default)]
pub(super) struct Readings {
    pub buy: Vec<Reading>,
    pub post: Vec<Reading>,
    pub censor: Vec<Reading>,
    pub befriend: Vec<Reading>,
    pub unfriend: Vec<Reading>,
    pub denounce: Vec<Reading>,
    /// By event, then choice.
    pub answer: Vec<Vec<Reading>>,
    pub share_data: Reading,
    pub withhold_data: Reading,
    pub rent_paid: Reading,
    pub rent_missed: Reading,
    /// By person, then post.
    pub npc_posts: Vec<Vec<PostReadings>>,
    pub news: Vec<PostReadings>,
}

impl Readings {
    pub fn of_post(&self, origin: Origin) -> &PostReadings {
        match origin {
            Origin::Npc { npc, post } => &self.npc_posts[npc][post],
            Origin::News(k) => &self.news[k],
        }
    }

    pub fn new(level: &Level, values: &BTreeMap<String, i32>) -> Readings {
        let read = |trigger: Trigger, tags: Parts<'_>, affirms: Parts<'_>, betrays: Parts<'_>| {
            Reading::of(level, values, &trigger, tags, affirms, betrays)
        };
        let t = String::new;
        let none: Parts<'_> = [&[], &[], &[]];
        let act = &level.reporting.tags[..];
        let report = |target: Parts<'_>| {
            let tags = [target[0], target[1], act];
            read(Trigger::Report(t()), tags, parts(act), target)
        };
        let consent = level.consent.as_ref().map_or(&[][..], |c| &c.betrays[..]);
        Readings {
            buy: (level.items.iter())
                .map(|i| read(Trigger::Buy(t()), parts(&i.tags), parts(&i.tags), none))
                .collect(),
            post: (level.topics.iter())
                .map(|x| read(Trigger::Post(t()), parts(&x.tags), parts(&x.tags), none))
                .collect(),
            // Not posting is no virtue: deleting a draft can cost the self, never raise it.
            censor: (level.topics.iter())
                .map(|x| {
                    let r = read(Trigger::Censor(t()), parts(&x.tags), none, parts(&x.tags));
                    Reading {
                        verdict: r.verdict.min(0),
                        gain: 0,
                        ..r
                    }
                })
                .collect(),
            befriend: (level.npcs.iter())
                .map(|n| read(Trigger::Befriend(t()), parts(&n.tags), parts(&n.tags), none))
                .collect(),
            unfriend: (level.npcs.iter())
                .map(|n| read(Trigger::Unfriend(t()), parts(&n.tags), none, parts(&n.tags)))
                .collect(),
            denounce: (level.npcs.iter())
                .map(|n| report(parts(&n.tags)))
                .collect(),
            answer: (level.events.iter())
                .map(|e| {
                    (e.choices.iter())
                        .map(|c| Reading {
                            points: choice_points(level, &c.effects),
                            integrity: (c.effects.iter())
                                .map(|e| match e {
                                    Effect::Integrity(d) => *d,
                                    _ => 0,
                                })
                                .sum(),
                            ..read(
                                Trigger::Choice(t()),
                                parts(&c.tags),
                                parts(&c.tags),
                                parts(&c.betrays),
                            )
                        })
                        .collect()
                })
                .collect(),
            share_data: read(Trigger::DataShared, none, none, parts(consent)),
            withhold_data: read(Trigger::DataWithheld, none, parts(consent), none),
            rent_paid: read(Trigger::RentPaid, none, none, none),
            rent_missed: read(Trigger::RentMissed, none, none, none),
            npc_posts: (level.npcs.iter())
                .map(|n| (n.posts.iter()).map(|p| post_readings(level, values, &p.tags, &n.tags)))
                .map(Iterator::collect)
                .collect(),
            news: (level.news.iter())
                .map(|n| post_readings(level, values, &n.tags, &[]))
                .collect(),
        }
    }
}

/// What can be done with a post of these tags by an author of these (none for news).
pub(super) fn post_readings(
    level: &Level,
    values: &BTreeMap<String, i32>,
    tags: &[String],
    author: &[String],
) -> PostReadings {
    let read = |trigger: Trigger, tags: Parts<'_>, affirms: Parts<'_>, betrays: Parts<'_>| {
        Reading::of(level, values, &trigger, tags, affirms, betrays)
    };
    let (t, none) = (String::new, [&[][..], &[], &[]]);
    let act = &level.reporting.tags[..];
    PostReadings {
        like: read(Trigger::Like(t()), parts(tags), parts(tags), none),
        share: read(Trigger::Share(t()), parts(tags), parts(tags), none),
        report: read(
            Trigger::Report(t()),
            [tags, author, act],
            parts(act),
            [tags, author, &[]],
        ),
        posted: read(Trigger::Post(t()), parts(tags), none, none),
        friend: read(Trigger::FriendPost(t()), parts(tags), none, none),
    }
}

/// A choice's direct changes to dimensions the level has, by position.
fn choice_points(level: &Level, effects: &[Effect]) -> Vec<(usize, i32)> {
    let dims = &level.score.dimensions;
    (effects.iter())
        .filter_map(|e| match e {
            Effect::Points {
                dimension, points, ..
            } => Some((dims.iter().position(|d| &d.id == dimension)?, *points)),
            _ => None,
        })
        .collect()
}
