//! The ids a level declares, list by list: what a reference may name.

use std::collections::BTreeSet;

use crate::game::level::{Effect, Level};

pub(super) struct Known<'a> {
    pub items: BTreeSet<&'a str>,
    pub topics: BTreeSet<&'a str>,
    pub tags: BTreeSet<&'a str>,
    pub dims: BTreeSet<&'a str>,
    pub npcs: BTreeSet<&'a str>,
    pub rules: BTreeSet<&'a str>,
    pub personas: BTreeSet<&'a str>,
    pub perks: BTreeSet<&'a str>,
    pub sanctions: BTreeSet<&'a str>,
    /// The flags some event's effect sets.
    pub flags: BTreeSet<&'a str>,
}

impl<'a> Known<'a> {
    pub fn of(l: &'a Level) -> Known<'a> {
        Known {
            tags: l.tags.iter().map(|t| t.id.as_str()).collect(),
            dims: l.score.dimensions.iter().map(|d| d.id.as_str()).collect(),
            npcs: l.npcs.iter().map(|n| n.id.as_str()).collect(),
            rules: l.rules.iter().map(|r| r.id.as_str()).collect(),
            personas: l.personas.iter().map(|p| p.id.as_str()).collect(),
            perks: l.perks.iter().map(|p| p.id.as_str()).collect(),
            sanctions: l.sanctions.iter().map(|s| s.id.as_str()).collect(),
            flags: (l.events.iter())
                .flat_map(|e| {
                    e.effects
                        .iter()
                        .chain(e.choices.iter().flat_map(|c| &c.effects))
                })
                .filter_map(|e| match e {
                    Effect::SetFlag(f) => Some(f.as_str()),
                    _ => None,
                })
                .collect(),
            items: l.items.iter().map(|i| i.id.as_str()).collect(),
            topics: l.topics.iter().map(|t| t.id.as_str()).collect(),
        }
    }
}

/// The first few of the known ids, for a hint.
pub(super) fn sample(known: &BTreeSet<&str>) -> String {
    let mut s: Vec<String> = known.iter().take(6).map(|k| format!("`{k}`")).collect();
    if known.len() > 6 {
        s.push("…".into());
    }
    s.join(", ")
}
