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

    /// Which shifts the students had (each student's largest three; a code carries only its
    /// largest), counted group by group: `spent on leisure fell: 14 of 30`.
    pub(super) fn drift(&self) -> Vec<(String, Vec<String>)> {
        /// One shift the class had: how many had it, for how many it was the largest, and
        /// the sums of their rates before and after.
        struct Had {
            what: String,
            n: usize,
            largest: usize,
            before: f64,
            after: f64,
        }
        let mut out = Vec::new();
        for (g, list) in self.groups() {
            // In the order first met (a stable sort later): never ranked by name.
            let mut had: Vec<Had> = Vec::new();
            let (mut none, mut codes) = (0, 0);
            for h in &list {
                if matches!(h.entry, ClassEntry::Code(_)) {
                    codes += 1;
                }
                let shifts = h.entry.shifts();
                if shifts.is_empty() {
                    none += 1;
                }
                for (i, (k, b, a)) in shifts.iter().enumerate() {
                    let what = format!("{k} {}", direction(*b, *a));
                    let at = match had.iter().position(|x| x.what == what) {
                        Some(at) => at,
                        None => {
                            had.push(Had {
                                what,
                                n: 0,
                                largest: 0,
                                before: 0.0,
                                after: 0.0,
                            });
                            had.len() - 1
                        }
                    };
                    let x = &mut had[at];
                    x.n += 1;
                    x.largest += usize::from(i == 0);
                    x.before += b;
                    x.after += a;
                }
            }
            had.sort_by_key(|x| (std::cmp::Reverse(x.n), std::cmp::Reverse(x.largest)));
            let of = list.len();
            let mut lines = vec![format!(
                "Shifts once the score switched on (each student's largest three), and how many of the {of} had each:"
            )];
            for x in had.iter().take(10) {
                let avg = |sum: f64| super::super::debrief_sections::rate(sum / x.n as f64);
                lines.push(format!(
                    "  {}: {} of {of} (the largest for {}); {} a day before, {} after, on average",
                    x.what,
                    x.n,
                    x.largest,
                    avg(x.before),
                    avg(x.after)
                ));
            }
            if had.len() > 10 {
                let more = had.len() - 10;
                lines.push(format!(
                    "  … and {more} more {}, each had by {} of {of} or fewer.",
                    if more == 1 { "shift" } else { "shifts" },
                    had[10].n
                ));
            }
            if had.is_empty() {
                lines.push(
                    "  Nobody had a shift to name (or the level has no days without a score)."
                        .into(),
                );
            } else if none > 0 {
                lines.push(format!(
                    "  No shift to name: {none} of {of} (nothing they did before the score happened often enough and changed)."
                ));
            }
            if codes > 0 {
                lines.push(format!(
                    "  {codes} handed in as result codes: a code carries only its largest shift."
                ));
            }
            out.push((format!("Drift in {}", g.label()), lines));
        }
        out
    }

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

/// Which way a shift went: `rose` or `fell` (`changed` when the rates shown are equal, as in
/// an old code rounded to tenths).
fn direction(before: f64, after: f64) -> &'static str {
    if after > before {
        "rose"
    } else if after < before {
        "fell"
    } else {
        "changed"
    }
}
