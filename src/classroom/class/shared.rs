//! Shared decisions: every decision the whole class met (an event, the vote, consent) on one
//! level and seed, ranked by how evenly the class split over it, each with its counts.

use std::collections::BTreeMap;

use super::{Class, ClassEntry};
use crate::classroom::Report;
use crate::game::journal::DecisionKind;

/// How many decisions are shown without `--all`.
pub const SHOWN: usize = 10;

/// One decision as the class made it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub title: String,
    /// The earliest day anyone met it.
    pub day: u32,
    /// How many decided, and how many there were in the group.
    pub n: usize,
    pub of: usize,
    /// Each option taken, with how many took it, most first.
    pub options: Vec<(String, usize)>,
}

impl Shared {
    /// How evenly the class split: 1 − the largest share (0 when everyone agreed).
    pub fn split(&self) -> f64 {
        let most = self.options.first().map_or(0, |o| o.1);
        1.0 - most as f64 / self.n.max(1) as f64
    }

    pub fn line(&self) -> String {
        let of = if self.n < self.of {
            format!(" of {}", self.of)
        } else {
            String::new()
        };
        let options: Vec<String> = self
            .options
            .iter()
            // A label's own "; " would read as the end of an option.
            .map(|(label, c)| {
                let label = label.trim_end_matches(['.', ' ']).replace("; ", ", ");
                format!("{label} {c}")
            })
            .collect();
        format!(
            "  {} (day {}) — n={}{of}: {}",
            self.title,
            self.day,
            self.n,
            options.join("; ")
        )
    }
}

/// Decisions everyone is offered (as against buying, posting or befriending, which only
/// those who chose to act meet).
fn shared_kind(kind: DecisionKind) -> bool {
    matches!(
        kind,
        DecisionKind::Event | DecisionKind::Vote | DecisionKind::Consent
    )
}

/// The decisions of one group of reports, most evenly split first; decided by at least two.
pub fn ranked(reports: &[&Report]) -> Vec<Shared> {
    type Key = (DecisionKind, String);
    // Per decision: its title, first day, and per option id its label and count.
    type Options = BTreeMap<String, (String, usize)>;
    let mut found: BTreeMap<Key, (String, u32, Options)> = BTreeMap::new();
    for r in reports {
        // A player meets each decision once; count them once even if a report says otherwise.
        let mut seen = std::collections::BTreeSet::new();
        for c in r.choices.iter().filter(|c| shared_kind(c.kind)) {
            let key = (c.kind, c.subject.clone());
            if !seen.insert(key.clone()) {
                continue;
            }
            let e = found.entry(key).or_insert_with(|| {
                let title = if c.title.is_empty() {
                    c.subject.clone()
                } else {
                    c.title.clone()
                };
                (title, c.day, BTreeMap::new())
            });
            e.1 = e.1.min(c.day);
            let label = if c.label.is_empty() {
                &c.chosen
            } else {
                &c.label
            };
            e.2.entry(c.chosen.clone())
                .or_insert_with(|| (label.clone(), 0))
                .1 += 1;
        }
    }
    let mut shared: Vec<Shared> = found
        .into_values()
        .map(|(title, day, options)| {
            let mut options: Vec<(String, usize)> = options.into_values().collect();
            options.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            Shared {
                title,
                day,
                n: options.iter().map(|o| o.1).sum(),
                of: reports.len(),
                options,
            }
        })
        .filter(|s| s.n >= 2)
        .collect();
    shared.sort_by(|a, b| {
        b.split()
            .total_cmp(&a.split())
            .then(b.n.cmp(&a.n))
            .then(a.day.cmp(&b.day))
            .then(a.title.cmp(&b.title))
    });
    shared
}

impl Class {
    /// One section per level and seed with at least two full reports.
    pub(super) fn shared_decisions(&self) -> Vec<(String, Vec<String>)> {
        let mut groups: BTreeMap<(&str, u64), (Vec<&Report>, usize)> = BTreeMap::new();
        for h in &self.entries {
            let s = h.entry.summary();
            let g = groups.entry((&s.level, s.seed)).or_default();
            match &h.entry {
                ClassEntry::Report(r) => g.0.push(r),
                ClassEntry::Code(_) => g.1 += 1,
            }
        }
        let mut out = Vec::new();
        for ((level, seed), (reports, codes)) in groups {
            let mut lines = vec![format!(
                "{} full report(s), the decisions they shared, the most evenly split first (counts of players):",
                reports.len()
            )];
            if codes > 0 {
                lines.push(format!(
                    "  ({codes} result(s) handed in as codes carry no decisions and are not in these counts.)"
                ));
            }
            let shared = ranked(&reports);
            let shown = if self.all_decisions {
                shared.len()
            } else {
                SHOWN
            };
            lines.extend(shared.iter().take(shown).map(Shared::line));
            if shared.len() > shown {
                lines.push(format!(
                    "  … and {} more (--all lists every one).",
                    shared.len() - shown
                ));
            }
            if shared.is_empty() {
                lines.push(
                    "  None yet: needs at least two full reports (.json) of this level and seed."
                        .into(),
                );
            }
            out.push((format!("Shared decisions in {level} · seed {seed}"), lines));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Shared;

    #[test]
    fn a_label_with_a_semicolon_stays_one_option() {
        let shared = Shared {
            title: "Mei's sensor".into(),
            day: 3,
            n: 5,
            of: 5,
            options: vec![
                ("Say yes; tell the committee.".into(), 3),
                ("No.".into(), 2),
            ],
        };
        let line = shared.line();
        let options = line.split_once(": ").unwrap().1;
        assert_eq!(
            options.split("; ").collect::<Vec<_>>(),
            ["Say yes, tell the committee 3", "No 2"]
        );
    }
}
