//! Ids: spelled so that a player can type them, and unique within their list.

use std::collections::BTreeMap;

use super::Checker;
use crate::check::locate;

impl Checker<'_> {
    /// Ids are words a player can type: not empty, without spaces.
    pub(super) fn id_spelling(&mut self) {
        let l = self.level;
        let ids = l
            .items
            .iter()
            .map(|x| ("items", x.id.as_str()))
            .chain(l.topics.iter().map(|x| ("topics", x.id.as_str())))
            .chain(l.npcs.iter().map(|x| ("npcs", x.id.as_str())))
            .chain(l.events.iter().map(|x| ("events", x.id.as_str())))
            .chain(
                l.events
                    .iter()
                    .flat_map(|e| e.choices.iter().map(|c| ("events", c.id.as_str()))),
            )
            .chain(l.proposals.iter().map(|x| ("proposals", x.id.as_str())))
            .chain(l.personas.iter().map(|x| ("personas", x.id.as_str())));
        for (section, id) in ids {
            if id.is_empty() || id.chars().any(char::is_whitespace) {
                let offset = self.entity(section, id);
                self.error(
                    (offset, id.chars().count() + 2),
                    "C017",
                    format!("id `{id}` is empty or has spaces; players type ids"),
                    Some("use letters, digits, `_` or `-`, e.g. `baby_formula`".into()),
                );
            }
        }
    }

    pub(super) fn duplicates(&mut self) {
        let l = self.level;
        let lists: Vec<(&str, Vec<&str>)> = vec![
            ("tags", l.tags.iter().map(|x| x.id.as_str()).collect()),
            (
                "dimensions",
                l.score.dimensions.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "tiers",
                l.score.tiers.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "personas",
                l.personas.iter().map(|x| x.id.as_str()).collect(),
            ),
            ("rules", l.rules.iter().map(|x| x.id.as_str()).collect()),
            ("items", l.items.iter().map(|x| x.id.as_str()).collect()),
            ("topics", l.topics.iter().map(|x| x.id.as_str()).collect()),
            ("npcs", l.npcs.iter().map(|x| x.id.as_str()).collect()),
            (
                "npcs",
                l.npcs
                    .iter()
                    .flat_map(|n| n.posts.iter().map(|p| p.id.as_str()))
                    .collect(),
            ),
            ("news", l.news.iter().map(|x| x.id.as_str()).collect()),
            ("events", l.events.iter().map(|x| x.id.as_str()).collect()),
            (
                "proposals",
                l.proposals.iter().map(|x| x.id.as_str()).collect(),
            ),
            ("perks", l.perks.iter().map(|x| x.id.as_str()).collect()),
            (
                "sanctions",
                l.sanctions.iter().map(|x| x.id.as_str()).collect(),
            ),
            ("endings", l.endings.iter().map(|x| x.id.as_str()).collect()),
        ];
        for (section, ids) in lists {
            self.unique(section, "", &ids);
        }
        for e in &l.events {
            let ids: Vec<&str> = e.choices.iter().map(|c| c.id.as_str()).collect();
            self.unique("events", &e.id, &ids);
        }
    }

    pub(super) fn unique(&mut self, section: &str, within: &str, ids: &[&str]) {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for id in ids {
            let count = seen.entry(id).or_insert(0);
            *count += 1;
            if *count == 2 {
                let base = if within.is_empty() {
                    self.section(section)
                } else {
                    self.entity(section, within)
                };
                let second = (!self.full()).then(|| locate::id(self.src, id, base, 1));
                let offset = second.flatten().unwrap_or(base);
                let at = (offset, id.chars().count() + 2);
                self.error(
                    at,
                    "C010",
                    format!("duplicate id `{id}` in `{section}`"),
                    Some("every id in a list must be unique".into()),
                );
            }
        }
    }
}
