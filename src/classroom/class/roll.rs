//! Who is in the summary: the names handed in, and what was dropped.

use std::collections::BTreeMap;

use super::{Class, ClassEntry};

impl Class {
    pub(super) fn dropped(&self) -> Vec<String> {
        let mut dropped: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for h in &self.entries {
            if let ClassEntry::Report(r) = &h.entry {
                for (_, what) in &r.dropped {
                    let (who, score) = what.split_once(" (score ").unwrap_or((what, ""));
                    dropped
                        .entry(who.to_string())
                        .or_default()
                        .push(score.trim_end_matches(')').to_string());
                }
            }
        }
        let mut lines: Vec<String> = dropped
            .iter()
            .map(|(who, scores)| {
                format!(
                    "  {who}: {} time(s), at scores {}",
                    scores.len(),
                    scores.join(", ")
                )
            })
            .collect();
        if lines.is_empty() {
            lines.push("  Nobody dropped a friend (or only codes were collected: they carry counts, not names).".into());
        }
        let codes: u64 = self
            .entries
            .iter()
            .filter(|h| matches!(h.entry, ClassEntry::Code(_)))
            .map(|h| u64::from(h.entry.summary().dropped))
            .sum();
        if codes > 0 {
            lines.push(format!(
                "  Friends dropped in results handed in as codes: {codes}."
            ));
        }
        lines
    }

    /// Who handed in what, group by group; a name handed in twice with different results is
    /// pointed out (both are counted).
    pub(super) fn names(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for (g, list) in self.groups() {
            lines.push(format!("{} ({}):", g.label(), list.len()));
            for h in list {
                let s = h.entry.summary();
                if let Some(n) = &s.name {
                    *names.entry(n).or_default() += 1;
                }
                let obedience = s
                    .obedience_index()
                    .map_or("n/a".to_string(), |o| format!("{:.0}%", o * 100.0));
                lines.push(format!(
                    "  {:<20} {:<16} score {:>5}  self {:>3}  obedience {:>4}  ({}: {})",
                    s.name.as_deref().unwrap_or("(no name)"),
                    if s.ending.is_empty() {
                        "(not over)"
                    } else {
                        &s.ending
                    },
                    s.score,
                    s.integrity,
                    obedience,
                    h.entry.kind(),
                    h.at
                ));
            }
        }
        for (name, n) in names.into_iter().filter(|(_, n)| *n > 1) {
            lines.push(format!(
                "Note: {name} handed in {n} different results; each is counted."
            ));
        }
        lines
    }
}
