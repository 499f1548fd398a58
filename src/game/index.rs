//! What never changes during a game, worked out when it begins: positions in the level, so
//! that play looks things up by number instead of comparing names.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::gates::Gate;
use super::level::{Behaviour, Level, Npc, Persona};
use super::reading::{Origin, Readings, origin_of};
use super::roster::Roster;
use super::score;
use super::state::Author;

#[derive(Debug)]
pub(super) struct Index {
    /// Each rule's dimension, by position (`None`: the level has no such dimension).
    pub rule_dimension: Vec<Option<usize>>,
    /// What each rule's points come to on a score (before clamping).
    pub rule_score: Vec<i32>,
    /// The ids of the rules and the dimensions, shared by every ledger row that names them.
    pub rule_ids: Vec<Arc<str>>,
    /// Each rule's position by its id.
    pub rule_at: Roster<usize, Arc<str>>,
    pub dimension_ids: Vec<Arc<str>>,
    /// The people's ids and the news sources, shared by every feed post they write.
    pub npc_ids: Vec<Arc<str>>,
    pub news_sources: Vec<Arc<str>>,
    /// The ids of the events, topics, perks and sanctions, shared by the state's sets of them,
    /// its inbox and its open draft.
    pub event_ids: Vec<Arc<str>>,
    pub topic_ids: Vec<Arc<str>>,
    pub perk_ids: Vec<Arc<str>>,
    pub sanction_ids: Vec<Arc<str>>,
    /// What the rules and the persona make of every act.
    pub readings: Readings,
    /// Where each person's posts and each piece of news come from, as the feed names them.
    pub post_origins: Vec<Vec<Origin>>,
    pub news_origins: Vec<Origin>,
    /// For each person, whom they would report were they an informer, by position: anyone
    /// but themselves and the conformists.
    pub informed_on: Vec<Vec<usize>>,
    /// What stands in the way of each item, each topic and each event's choices.
    pub item_gates: Vec<Gate>,
    /// What keeps each event from arriving (only a sanction's block can).
    pub event_gates: Vec<Gate>,
    pub topic_gates: Vec<Gate>,
    pub choice_gates: Vec<Vec<Gate>>,
}

impl Index {
    pub fn new(level: &Level, persona: Option<&Persona>) -> Index {
        let dims = &level.score.dimensions;
        let rule_dimension = (level.rules.iter())
            .map(|r| dims.iter().position(|d| d.id == r.dimension))
            .collect();
        let no_values = BTreeMap::new();
        let values = persona.map_or(&no_values, |p| &p.values);
        // A post is named by the first alike; one the lookup cannot place (a level the checker
        // would refuse, with two people of one id) is named by itself.
        let origin = |author: Author, text: &str, tags: &[String], own: Origin| {
            origin_of(level, &author, text, tags).unwrap_or(own)
        };
        let gates = |tags: &[String]| Gate::of(level, tags);
        fn ids<'a>(of: impl Iterator<Item = &'a String>) -> Vec<Arc<str>> {
            of.map(|id| Arc::from(id.as_str())).collect()
        }
        Index {
            rule_at: {
                // The first rule of an id, as a search through the level would find.
                let mut at = Roster::default();
                for (i, r) in level.rules.iter().enumerate() {
                    at.entry(&r.id, || Arc::from(r.id.as_str()), i);
                }
                at
            },
            rule_ids: level
                .rules
                .iter()
                .map(|r| Arc::from(r.id.as_str()))
                .collect(),
            dimension_ids: (dims.iter()).map(|d| Arc::from(d.id.as_str())).collect(),
            npc_ids: (level.npcs.iter())
                .map(|n| Arc::from(n.id.as_str()))
                .collect(),
            news_sources: (level.news.iter())
                .map(|n| Arc::from(n.source.as_str()))
                .collect(),
            event_ids: ids(level.events.iter().map(|e| &e.id)),
            topic_ids: ids(level.topics.iter().map(|t| &t.id)),
            perk_ids: ids(level.perks.iter().map(|p| &p.id)),
            sanction_ids: ids(level.sanctions.iter().map(|s| &s.id)),
            informed_on: (level.npcs.iter())
                .map(|npc| {
                    let other = |o: &&Npc| o.id != npc.id && o.behaviour != Behaviour::Conformist;
                    let others = level.npcs.iter().enumerate().filter(|(_, o)| other(o));
                    others.map(|(i, _)| i).collect()
                })
                .collect(),
            rule_score: (level.rules.iter())
                .map(|r| score::points_to_score(level, &r.dimension, r.points))
                .collect(),
            rule_dimension,
            readings: Readings::new(level, values),
            post_origins: (level.npcs.iter().enumerate())
                .map(|(npc, n)| {
                    let author = || Author::Npc(Arc::from(n.id.as_str()));
                    (n.posts.iter().enumerate())
                        .map(|(post, p)| {
                            origin(author(), &p.text, &p.tags, Origin::Npc { npc, post })
                        })
                        .collect()
                })
                .collect(),
            news_origins: (level.news.iter().enumerate())
                .map(|(k, n)| {
                    let author = Author::News(Arc::from(n.source.as_str()));
                    origin(author, &n.text, &n.tags, Origin::News(k))
                })
                .collect(),
            item_gates: level.items.iter().map(|i| gates(&i.tags)).collect(),
            topic_gates: level.topics.iter().map(|t| gates(&t.tags)).collect(),
            event_gates: level.events.iter().map(|e| gates(&e.tags)).collect(),
            choice_gates: (level.events.iter())
                .map(|e| e.choices.iter().map(|c| gates(&c.tags)).collect())
                .collect(),
        }
    }
}
