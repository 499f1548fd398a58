//! The class summary's sections: the table of groups, the obedience spread of each level, the
//! endings of each group, drift, dropped friends and who handed in.

use std::collections::BTreeMap;

use super::{Class, ClassEntry, Handed};
use crate::classroom::Summary;

pub(super) fn bar(n: usize, of: usize) -> String {
    "█".repeat((n.saturating_mul(30)).div_ceil(of.max(1)))
}

/// The most common of `counts`, every one of them when tied: `ordinary (12)` or
/// `ordinary, rebel (10 each, a tie)`.
pub(super) fn most_common(counts: &BTreeMap<&str, usize>) -> String {
    let Some(most) = counts.values().copied().max() else {
        return "-".into();
    };
    let top: Vec<&str> = counts
        .iter()
        .filter(|(_, c)| **c == most)
        .map(|(e, _)| *e)
        .collect();
    if top.len() == 1 {
        format!("{} ({most})", top[0])
    } else {
        format!("{} ({most} each, a tie)", top.join(", "))
    }
}

fn endings<'a>(list: &[&'a Handed]) -> BTreeMap<&'a str, usize> {
    let mut endings: BTreeMap<&str, usize> = BTreeMap::new();
    for h in list {
        let e = h.entry.summary().ending.as_str();
        *endings
            .entry(if e.is_empty() { "(not over)" } else { e })
            .or_default() += 1;
    }
    endings
}

fn mean(list: &[&Handed], f: impl Fn(&Summary) -> f64) -> f64 {
    list.iter().map(|h| f(h.entry.summary())).sum::<f64>() / list.len().max(1) as f64
}

impl Class {
    /// One row per group: never an average over two levels, seeds or personas.
    pub(super) fn table(&self) -> Vec<String> {
        let groups = self.groups();
        let width = groups
            .keys()
            .map(|g| g.label().chars().count())
            .max()
            .unwrap_or(5)
            .max(5);
        let mut lines = vec![format!(
            "{:<width$} {:>4} {:>6} {:>5} {:>16}  most common ending",
            "group", "n", "score", "self", "obedience"
        )];
        for (g, list) in &groups {
            let indices: Vec<f64> = list
                .iter()
                .filter_map(|h| h.entry.summary().obedience_index())
                .collect();
            let na = list.len() - indices.len();
            let obedience = if indices.is_empty() {
                format!("n/a ({na})")
            } else {
                let m = indices.iter().sum::<f64>() / indices.len() as f64 * 100.0;
                if na > 0 {
                    format!("{m:.0}% ({na} n/a)")
                } else {
                    format!("{m:.0}%")
                }
            };
            lines.push(format!(
                "{:<width$} {:>4} {:>6.0} {:>5.0} {:>16}  {}",
                g.label(),
                list.len(),
                mean(list, |s| f64::from(s.score)),
                mean(list, |s| f64::from(s.integrity)),
                obedience,
                most_common(&endings(list))
            ));
        }
        let codes = self
            .entries
            .iter()
            .filter(|h| matches!(h.entry, ClassEntry::Code(_)))
            .count();
        lines.push(format!(
            "{} result(s): {} full report(s), {codes} code(s). Score and self are means of each group.",
            self.entries.len(),
            self.entries.len() - codes
        ));
        lines
    }

    /// The spread of the obedience index, level by level; players without a conflicting
    /// decision in a bar of their own.
    pub(super) fn obedience(&self) -> Vec<(String, Vec<String>)> {
        let mut by_level: BTreeMap<&str, Vec<&Summary>> = BTreeMap::new();
        for h in &self.entries {
            let s = h.entry.summary();
            by_level.entry(&s.level).or_default().push(s);
        }
        let mut out = Vec::new();
        for (level, list) in by_level {
            let n = list.len();
            let mut buckets = [0usize; 5];
            let mut na = 0;
            for s in &list {
                match s.obedience_index() {
                    Some(o) => buckets[((o * 5.0) as usize).min(4)] += 1,
                    None => na += 1,
                }
            }
            let mut lines = vec![
                "Of the decisions where the score and the values pulled apart, the share where the score won:"
                    .to_string(),
            ];
            for (i, count) in buckets.iter().enumerate() {
                let range = format!("{}–{}%", i * 20, i * 20 + 20);
                lines.push(format!("  {range:>8} {count:>4}  {}", bar(*count, n)));
            }
            lines.push(format!("  {:>8} {na:>4}  {}", "n/a", bar(na, n)));
            lines.push(format!(
                "  {} of {n} had an index; n/a: no decision set the score against their values.",
                n - na
            ));
            out.push((format!("Obedience index in {level}"), lines));
        }
        out
    }

    pub(super) fn endings(&self) -> Vec<(String, Vec<String>)> {
        self.groups()
            .iter()
            .map(|(g, list)| {
                let lines = endings(list)
                    .iter()
                    .map(|(e, c)| {
                        format!(
                            "  {e:<24} {c:>4} of {:<4} {}",
                            list.len(),
                            bar(*c, list.len())
                        )
                    })
                    .collect();
                (format!("Endings in {}", g.label()), lines)
            })
            .collect()
    }
}
