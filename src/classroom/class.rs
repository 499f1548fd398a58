//! `scored class`: a class's reports and result codes merged offline into one summary.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{Report, Summary};

/// One student's result: a full report (with every decision), or just a code's summary.
#[derive(Debug, Clone)]
pub enum ClassEntry {
    Report(Report),
    Code(Summary),
}

impl ClassEntry {
    pub fn summary(&self) -> &Summary {
        match self {
            ClassEntry::Report(r) => &r.summary,
            ClassEntry::Code(s) => s,
        }
    }
}

pub struct Class {
    pub entries: Vec<ClassEntry>,
}

fn pct(n: usize, of: usize) -> String {
    format!("{:.0}%", n as f64 * 100.0 / of.max(1) as f64)
}

fn bar(n: usize, of: usize) -> String {
    "█".repeat((n * 30).div_ceil(of.max(1)))
}

impl Class {
    /// The summary as sections of plain lines (for the terminal, and inside Markdown).
    pub fn sections(&self) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        let n = self.entries.len();
        let mut by_level: BTreeMap<&str, Vec<&Summary>> = BTreeMap::new();
        for e in &self.entries {
            by_level
                .entry(&e.summary().level)
                .or_default()
                .push(e.summary());
        }
        let mut lines = vec![format!(
            "{n} result(s): {} full report(s), {} code(s).",
            self.entries
                .iter()
                .filter(|e| matches!(e, ClassEntry::Report(_)))
                .count(),
            self.entries
                .iter()
                .filter(|e| matches!(e, ClassEntry::Code(_)))
                .count()
        )];
        lines.push(format!(
            "{:<18} {:>4} {:>7} {:>6} {:>10}  most common ending",
            "level", "n", "score", "self", "obedience"
        ));
        for (level, list) in &by_level {
            let k = list.len() as f64;
            let mean = |f: &dyn Fn(&Summary) -> f64| list.iter().map(|s| f(s)).sum::<f64>() / k;
            let mut endings: BTreeMap<&str, usize> = BTreeMap::new();
            for s in list {
                *endings.entry(&s.ending).or_default() += 1;
            }
            let top = endings
                .iter()
                .max_by_key(|(_, c)| **c)
                .map_or("", |(e, _)| e);
            lines.push(format!(
                "{level:<18} {:>4} {:>7.0} {:>6.0} {:>9.0}%  {top}",
                list.len(),
                mean(&|s| f64::from(s.score)),
                mean(&|s| f64::from(s.integrity)),
                mean(&|s| s.obedience()) * 100.0
            ));
        }
        out.push(("The class".to_string(), lines));

        let mut lines = vec![
            "Share of decisions where the score and the values pulled apart and the score won:"
                .to_string(),
        ];
        let mut buckets = [0usize; 5];
        for e in &self.entries {
            let i = ((e.summary().obedience() * 5.0) as usize).min(4);
            buckets[i] += 1;
        }
        for (i, count) in buckets.iter().enumerate() {
            lines.push(format!(
                "  {:>3}–{:<3}% {:>3}  {}",
                i * 20,
                i * 20 + 20,
                count,
                bar(*count, n)
            ));
        }
        out.push(("Obedience index".to_string(), lines));

        let mut drift: BTreeMap<&str, (usize, i32, i32)> = BTreeMap::new();
        for s in self.entries.iter().map(ClassEntry::summary) {
            if let Some((k, b, a)) = &s.drift {
                let e = drift.entry(k).or_default();
                e.0 += 1;
                e.1 += b;
                e.2 += a;
            }
        }
        let mut lines =
            vec!["The largest shift once the score switched on, and how many had it:".to_string()];
        let mut rows: Vec<_> = drift.into_iter().collect();
        rows.sort_by_key(|(_, (c, _, _))| std::cmp::Reverse(*c));
        for (k, (c, b, a)) in rows.iter().take(8) {
            let avg = |x: i32| f64::from(x) / 10.0 / *c as f64;
            lines.push(format!(
                "  {c:>3} × {k}: {:.1} a day before, {:.1} after (on average)",
                avg(*b),
                avg(*a)
            ));
        }
        if rows.is_empty() {
            lines.push("  (no level played had days without a score)".into());
        }
        out.push(("Drift".to_string(), lines));

        for (level, list) in &by_level {
            let mut endings: BTreeMap<&str, usize> = BTreeMap::new();
            for s in list {
                *endings.entry(&s.ending).or_default() += 1;
            }
            let lines = endings
                .iter()
                .map(|(e, c)| {
                    format!(
                        "  {e:<24} {c:>3} {:>5}  {}",
                        pct(*c, list.len()),
                        bar(*c, list.len())
                    )
                })
                .collect();
            out.push((format!("Endings in {level}"), lines));
        }

        out.push(("Shared decisions".to_string(), self.shared_decisions()));

        let mut dropped: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for e in &self.entries {
            if let ClassEntry::Report(r) = e {
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
        let codes: u32 = self
            .entries
            .iter()
            .filter(|e| matches!(e, ClassEntry::Code(_)))
            .map(|e| e.summary().dropped)
            .sum();
        if codes > 0 {
            lines.push(format!(
                "  Friends dropped in results handed in as codes: {codes}."
            ));
        }
        out.push(("Who dropped which friend".to_string(), lines));
        out
    }

    /// The share of the class that took each option at each decision shared by at least two
    /// players of the same level and seed.
    fn shared_decisions(&self) -> Vec<String> {
        let mut groups: BTreeMap<(String, u64), Vec<&Report>> = BTreeMap::new();
        for e in &self.entries {
            if let ClassEntry::Report(r) = e {
                groups
                    .entry((r.summary.level.clone(), r.summary.seed))
                    .or_default()
                    .push(r);
            }
        }
        let mut lines = Vec::new();
        for ((level, seed), reports) in groups.iter().filter(|(_, r)| r.len() >= 2) {
            lines.push(format!("{level}, seed {seed} ({} players):", reports.len()));
            let mut decisions: BTreeMap<(u32, String, String), BTreeMap<String, usize>> =
                BTreeMap::new();
            for r in reports {
                for c in &r.choices {
                    let key = (c.day, format!("{:?}", c.kind), c.subject.clone());
                    *decisions
                        .entry(key)
                        .or_default()
                        .entry(c.label.clone())
                        .or_default() += 1;
                }
            }
            let mut shown = 0;
            for ((day, kind, subject), options) in &decisions {
                let total: usize = options.values().sum();
                if total < 2 || kind == "Buy" || kind == "React" {
                    continue;
                }
                let mut opts: Vec<_> = options.iter().collect();
                opts.sort_by_key(|(_, c)| std::cmp::Reverse(**c));
                let parts: Vec<String> = opts
                    .iter()
                    .map(|(label, c)| format!("{label} {}", pct(**c, total)))
                    .collect();
                lines.push(format!(
                    "  Day {day} {} {subject}: {}",
                    kind.to_lowercase(),
                    parts.join("; ")
                ));
                shown += 1;
                if shown >= 25 {
                    lines.push("  …".into());
                    break;
                }
            }
        }
        if lines.is_empty() {
            lines.push(
                "  Needs at least two full reports (.json) of the same level and seed.".into(),
            );
        }
        lines
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        for (title, lines) in self.sections() {
            let _ = writeln!(out, "== {title}");
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
            out.push('\n');
        }
        out
    }

    pub fn markdown(&self) -> String {
        let mut out = String::from("# Scored — class summary\n\n");
        for (title, lines) in self.sections() {
            let _ = writeln!(out, "## {title}\n\n```text");
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
            out.push_str("```\n\n");
        }
        out
    }
}
