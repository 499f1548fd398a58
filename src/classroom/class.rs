//! `scored class`: a class's reports and result codes merged offline into one summary.
//! Entries are checked (anyone can forge one), duplicates counted once, and results of another
//! level, seed or persona kept in groups of their own: never averaged together.

mod sections;
mod shared;

use std::collections::BTreeMap;
use std::fmt::Write;

use super::handin::{checked_report, checked_summary, untrusted};
use super::{Report, Summary};

/// Duplicates and unreadable entries listed by name, each; the rest are counted. A pasted
/// chat of forty thousand lines would otherwise list each one.
pub const SHOWN_SKIPPED: usize = 50;

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

    /// The student's largest shifts, largest first (a code carries only the first).
    pub fn shifts(&self) -> Vec<(String, f64, f64)> {
        match self {
            ClassEntry::Report(r) => r.shifts(),
            ClassEntry::Code(s) => super::report::summary_shift(s),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            ClassEntry::Report(_) => "report",
            ClassEntry::Code(_) => "code",
        }
    }
}

/// An entry and where it came from (a file, a file's line).
#[derive(Debug, Clone)]
pub struct Handed {
    pub at: String,
    pub entry: ClassEntry,
}

/// Results of one level, seed and persona: the unit every average is taken over.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Group {
    pub level: String,
    pub seed: u64,
    pub persona: String,
}

impl Group {
    fn of(s: &Summary) -> Group {
        Group {
            level: s.level.clone(),
            seed: s.seed,
            persona: s.persona.clone(),
        }
    }

    pub fn label(&self) -> String {
        format!("{} · seed {} · {}", self.level, self.seed, self.persona)
    }
}

pub struct Class {
    /// Each result once, in the order handed in.
    pub entries: Vec<Handed>,
    /// Entries that were the same result as an earlier one: where, and where the first was.
    pub duplicates: Vec<(String, String)>,
    /// Entries that could not be read or did not pass the checks: where, and why.
    pub unreadable: Vec<(String, String)>,
    /// What was passed over without being an entry.
    pub notes: Vec<String>,
    /// Every shared decision instead of the ten most evenly split.
    pub all_decisions: bool,
}

/// Two entries are one result: the same summary, and the same decisions where both list them.
fn same(a: &ClassEntry, b: &ClassEntry) -> bool {
    match (a, b) {
        (ClassEntry::Report(x), ClassEntry::Report(y)) => x == y,
        _ => a.summary() == b.summary(),
    }
}

impl Class {
    /// Entries as handed in: each checked, duplicates set apart (a report is kept over a code
    /// of the same result).
    pub fn of(intake: super::Intake) -> Class {
        // File names and parser messages quote what was handed in: cleaned like its fields.
        let place = |s: &str| untrusted(s, 300);
        let mut class = Class {
            entries: Vec::new(),
            duplicates: Vec::new(),
            unreadable: (intake.unreadable.iter())
                .map(|(at, why)| (place(at), place(why)))
                .collect(),
            notes: intake.notes.iter().map(|n| untrusted(n, 2_000)).collect(),
            all_decisions: false,
        };
        for mut h in intake.handed {
            h.at = place(&h.at);
            let entry = match h.entry {
                ClassEntry::Report(r) => checked_report(r).map(ClassEntry::Report),
                ClassEntry::Code(s) => checked_summary(s).map(ClassEntry::Code),
            };
            let entry = match entry {
                Ok(e) => e,
                Err(why) => {
                    class.unreadable.push((h.at, why));
                    continue;
                }
            };
            match class.entries.iter_mut().find(|e| same(&e.entry, &entry)) {
                Some(first) => {
                    if matches!(
                        (&first.entry, &entry),
                        (ClassEntry::Code(_), ClassEntry::Report(_))
                    ) {
                        let code_at = std::mem::replace(&mut first.at, h.at);
                        first.entry = entry;
                        for d in &mut class.duplicates {
                            if d.1 == code_at {
                                d.1.clone_from(&first.at);
                            }
                        }
                        class.duplicates.push((code_at, first.at.clone()));
                    } else {
                        class.duplicates.push((h.at, first.at.clone()));
                    }
                }
                None => class.entries.push(Handed { at: h.at, entry }),
            }
        }
        class
    }

    /// A class of results given directly (tests, tools): each at `entry N`.
    pub fn new(entries: Vec<ClassEntry>) -> Class {
        let handed = entries
            .into_iter()
            .enumerate()
            .map(|(i, entry)| Handed {
                at: format!("entry {}", i + 1),
                entry,
            })
            .collect();
        Class::of(super::Intake {
            handed,
            ..Default::default()
        })
    }

    /// Results by group, groups in order.
    pub fn groups(&self) -> BTreeMap<Group, Vec<&Handed>> {
        let mut groups: BTreeMap<Group, Vec<&Handed>> = BTreeMap::new();
        for h in &self.entries {
            groups
                .entry(Group::of(h.entry.summary()))
                .or_default()
                .push(h);
        }
        groups
    }

    /// The group most results are in (the first of equals): the others are "grouped apart".
    pub fn main_group(&self) -> Option<Group> {
        let groups = self.groups();
        let most = groups.values().map(Vec::len).max()?;
        groups
            .into_iter()
            .find(|(_, list)| list.len() == most)
            .map(|(g, _)| g)
    }

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

    /// The summary as sections of plain lines (for the terminal, and inside Markdown).
    pub fn sections(&self) -> Vec<(String, Vec<String>)> {
        let mut out = vec![("The class".to_string(), self.table())];
        out.extend(self.obedience());
        out.extend(self.endings());
        out.extend(self.drift());
        out.extend(self.shared_decisions());
        out.push(("Who dropped which friend".to_string(), self.dropped()));
        out.push(("Handed in".to_string(), self.names()));
        out
    }

    /// The lines before the sections: the header, what was set apart, the warnings.
    fn front(&self) -> Vec<String> {
        let mut lines = vec![self.header()];
        lines.extend(self.skipped());
        lines.extend(self.warnings());
        lines
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        for l in self.front() {
            let _ = writeln!(out, "{l}");
        }
        out.push('\n');
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
        let mut out = String::from("# Scored — class summary\n\n```text\n");
        for l in self.front() {
            let _ = writeln!(out, "{l}");
        }
        out.push_str("```\n\n");
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
