//! What the summary says of the class as handed in: the header, what was skipped, and warnings.

use std::collections::BTreeMap;

use super::{Class, Group};
use crate::classroom::SHOWN_SKIPPED;

impl Class {
    /// `Read 34 entries: 30 merged, 2 duplicates, 1 other seed (grouped apart), 1 unreadable
    /// (see below)`.
    pub fn header(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let main = self.main_group();
        let (mut merged, mut level, mut seed, mut persona) = (0, 0, 0, 0);
        for h in &self.entries {
            let g = Group::of(h.entry.summary());
            match &main {
                Some(m) if *m == g => merged += 1,
                Some(m) if m.level != g.level => level += 1,
                Some(m) if m.seed != g.seed => seed += 1,
                _ => persona += 1,
            }
        }
        let read = self.entries.len() + self.duplicates.len() + self.unreadable.len();
        let mut parts = vec![format!("{merged} merged")];
        if !self.duplicates.is_empty() {
            let n = self.duplicates.len();
            parts.push(format!(
                "{} (counted once)",
                plural(n, "duplicate", "duplicates")
            ));
        }
        for (n, one, many) in [
            (level, "other level", "other levels"),
            (seed, "other seed", "other seeds"),
            (persona, "other persona", "other personas"),
        ] {
            if n > 0 {
                parts.push(format!("{} (grouped apart)", plural(n, one, many)));
            }
        }
        if !self.unreadable.is_empty() {
            parts.push(format!("{} unreadable", self.unreadable.len()));
        }
        let below = if self.duplicates.is_empty() && self.unreadable.is_empty() {
            ""
        } else {
            " (see below)"
        };
        format!(
            "Read {}: {}{below}",
            plural(read, "entry", "entries"),
            parts.join(", ")
        )
    }

    /// What was set apart and why, right under the header (before the summary, where a
    /// projector still shows it).
    pub fn skipped(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for (at, first) in self.duplicates.iter().take(SHOWN_SKIPPED) {
            lines.push(format!(
                "  duplicate: {at} is the same result as {first} (counted once)"
            ));
        }
        if let Some(more) = self.duplicates.len().checked_sub(SHOWN_SKIPPED)
            && more > 0
        {
            lines.push(format!("  … and {more} more duplicate(s)"));
        }
        if !self.duplicates.is_empty() {
            lines.push(
                "    (two students who played exactly alike look the same: ask them to hand in with --name)"
                    .into(),
            );
        }
        for (at, why) in self.unreadable.iter().take(SHOWN_SKIPPED) {
            lines.push(format!("  unreadable: {at}: {why}"));
        }
        if let Some(more) = self.unreadable.len().checked_sub(SHOWN_SKIPPED)
            && more > 0
        {
            lines.push(format!("  … and {more} more unreadable"));
        }
        lines.extend(self.notes.iter().map(|n| format!("  note: {n}")));
        lines
    }

    /// One line per level played on more than one seed or persona: its groups are never
    /// averaged together.
    pub fn warnings(&self) -> Vec<String> {
        let mut by_level: BTreeMap<&str, Vec<(&Group, usize)>> = BTreeMap::new();
        let groups = self.groups();
        for (g, list) in &groups {
            by_level.entry(&g.level).or_default().push((g, list.len()));
        }
        let mut lines = Vec::new();
        for (level, gs) in by_level.iter().filter(|(_, gs)| gs.len() > 1) {
            let mut seeds: BTreeMap<u64, usize> = BTreeMap::new();
            let mut personas: BTreeMap<&str, usize> = BTreeMap::new();
            for (g, n) in gs {
                *seeds.entry(g.seed).or_default() += n;
                *personas.entry(&g.persona).or_default() += n;
            }
            let list = |m: Vec<(String, usize)>| {
                m.iter()
                    .map(|(k, n)| format!("{k} ({n})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut what = Vec::new();
            if seeds.len() > 1 {
                what.push(format!(
                    "seeds {}",
                    list(seeds.iter().map(|(k, n)| (k.to_string(), *n)).collect())
                ));
            }
            if personas.len() > 1 {
                what.push(format!(
                    "personas {}",
                    list(personas.iter().map(|(k, n)| (k.to_string(), *n)).collect())
                ));
            }
            lines.push(format!(
                "Warning: {level} was played with mixed {}: each group is summarised on its own, never averaged together.",
                what.join(" and ")
            ));
        }
        lines
    }
}
