//! What the class handed in: each entry (a report or a result code), and the groups of
//! entries that played the same level and persona.

use crate::classroom::{Report, Summary};

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
            ClassEntry::Code(s) => crate::classroom::report::summary_shift(s),
        }
    }

    pub(super) fn kind(&self) -> &'static str {
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
    pub(super) fn of(s: &Summary) -> Group {
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

/// Two entries are one result: the same summary, and the same decisions where both list them.
pub(super) fn same(a: &ClassEntry, b: &ClassEntry) -> bool {
    match (a, b) {
        (ClassEntry::Report(x), ClassEntry::Report(y)) => x == y,
        _ => a.summary() == b.summary(),
    }
}
