//! Counting what the player did by kind of act and tag, for `Did` conditions. Only the pairs
//! the level's conditions ask about are counted, so a level without them counts nothing.

use std::sync::Arc;

use super::Game;
use super::level::{ActionKind, Condition, Level};
use super::predict::Act;
use super::state::{Author, Reaction, Tally};

/// One entry at 0 for each (act, tag) a `Did` condition of the level asks about, in the order
/// the events' and then the endings' conditions first ask.
pub(super) fn tallies(level: &Level) -> Vec<Tally> {
    let mut out: Vec<Tally> = Vec::new();
    let conditions =
        (level.events.iter().map(|e| &e.when)).chain(level.endings.iter().map(|e| &e.when));
    for c in conditions {
        collect(c, &mut out);
    }
    out
}

fn collect(c: &Condition, out: &mut Vec<Tally>) {
    match c {
        Condition::Did { act, tag, .. } if !out.iter().any(|t| t.act == *act && t.tag == *tag) => {
            out.push(Tally {
                act: *act,
                tag: tag.clone(),
                count: 0,
            });
        }
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| collect(c, out)),
        Condition::Not(c) => collect(c, out),
        _ => {}
    }
}

impl Game {
    /// How often the player did this kind of act to something with this tag (`"*"`: anything).
    pub fn did(&self, act: ActionKind, tag: &str) -> u32 {
        (self.state.tallies.iter())
            .find(|t| t.act == act && t.tag == tag)
            .map_or(0, |t| t.count)
    }

    /// Counts an act the player did in the tallies that ask about it. The tags are those
    /// rules on the act see: a report carries the post's (or person's), its author's and the
    /// level's reporting tags; an event choice counts as a report if it carries a reporting tag.
    #[inline]
    pub(super) fn tally(&mut self, act: Act) {
        if !self.state.tallies.is_empty() {
            self.count_act(act);
        }
    }

    #[inline(never)]
    fn count_act(&mut self, act: Act) {
        let level = Arc::clone(&self.level);
        let reporting = &level.reporting.tags[..];
        let mut post_tags: Option<Arc<[String]>> = None;
        let mut author: &[String] = &[];
        let (kind, tags): (ActionKind, [&[String]; 2]) = match act {
            Act::Buy(at) => (ActionKind::Buy, [&level.items[at].tags, &[]]),
            Act::Post(at, true) => (ActionKind::Post, [&level.topics[at].tags, &[]]),
            Act::Befriend(at) => (ActionKind::Befriend, [&level.npcs[at].tags, &[]]),
            Act::Unfriend(at) => (ActionKind::Unfriend, [&level.npcs[at].tags, &[]]),
            Act::Denounce(at) => (ActionKind::Report, [&level.npcs[at].tags, reporting]),
            Act::Answer(e, c) => {
                let tags = &level.events[e].choices[c].tags;
                if !tags.iter().any(|t| reporting.contains(t)) {
                    return;
                }
                (ActionKind::Report, [tags, &[]])
            }
            Act::React(post, how) => {
                let Some(p) = self.state.feed.get(post) else {
                    return;
                };
                post_tags = Some(Arc::clone(&p.tags));
                let kind = match how {
                    Reaction::Liked => ActionKind::Like,
                    Reaction::Shared => ActionKind::Share,
                    Reaction::Reported => {
                        if let Author::Npc(id) = &p.author {
                            author = level.npc(id).map_or(&[], |n| &n.tags[..]);
                        }
                        ActionKind::Report
                    }
                };
                (kind, [&[], &[]])
            }
            Act::Post(_, false) | Act::Consent { .. } | Act::Vote(_) => return,
        };
        let extra: &[String] = match (kind, &post_tags) {
            (ActionKind::Report, Some(_)) => reporting,
            _ => &[],
        };
        let own = post_tags.as_deref().unwrap_or(&[]);
        let all = [tags[0], tags[1], own, author, extra];
        for t in &mut self.state.tallies {
            if t.act == kind && (t.tag == "*" || all.iter().any(|tags| tags.contains(&t.tag))) {
                super::consistency::bump(&mut t.count);
            }
        }
    }
}
