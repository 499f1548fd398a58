//! Names for ids, each looked up one way: the name the level gives a thing, else its id.

use crate::game::Level;
use crate::game::level::{Provenance, Source};
use crate::game::state::{Author, FeedPost, Reaction};

/// A person's name, else their id.
pub fn npc(level: &Level, id: &str) -> String {
    level.npc(id).map_or(id.to_string(), |n| n.name.clone())
}

/// A dimension's name, else its id.
pub fn dimension<'a>(level: &'a Level, id: &'a str) -> &'a str {
    level.dimension(id).map_or(id, |d| d.name.as_str())
}

/// A topic's name, else its id.
pub fn topic(level: &Level, id: &str) -> String {
    level.topic(id).map_or(id.to_string(), |t| t.name.clone())
}

/// Who wrote a post: a person's name, or the news source.
pub fn author(level: &Level, author: &Author) -> String {
    match author {
        Author::Npc(id) => npc(level, id),
        Author::News(source) => source.to_string(),
    }
}

/// Where a perk, sanction or rule comes from: "Real", "Reported" or "Fiction".
pub fn source(s: Source) -> &'static str {
    match s {
        Source::Real => "Real",
        Source::Reported => "Reported",
        Source::Fiction => "Fiction",
    }
}

/// "Real: Sesame Credit, 2015".
pub fn provenance(p: &Provenance) -> String {
    format!("{}: {}", source(p.source), p.note)
}

/// The reactions still open on a post, in the order they are offered: like, share, and
/// report where there is a person to report.
pub fn open_reactions(post: &FeedPost) -> Vec<Reaction> {
    [Reaction::Liked, Reaction::Shared, Reaction::Reported]
        .into_iter()
        .filter(|r| !post.reactions.contains(r))
        .filter(|r| *r != Reaction::Reported || matches!(post.author, Author::Npc(_)))
        .collect()
}

/// What the player did to a post, in the past tense: "liked", "shared", "reported".
pub fn reacted(r: Reaction) -> &'static str {
    match r {
        Reaction::Liked => "liked",
        Reaction::Shared => "shared",
        Reaction::Reported => "reported",
    }
}

/// A tag in words: the first clause of the level's description of it ("Video games and game
/// streaming"), else its id.
pub fn tag(level: &Level, id: &str) -> String {
    let Some(t) = level.tags.iter().find(|t| t.id == id) else {
        return id.to_string();
    };
    let first = t.description.split([':', '.']).next().unwrap_or("").trim();
    if first.is_empty() {
        id.to_string()
    } else {
        first.to_string()
    }
}
