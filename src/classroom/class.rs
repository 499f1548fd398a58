//! `scored class`: a class's reports and result codes merged offline into one summary.
//! Entries are checked (anyone can forge one), duplicates counted once, and results of another
//! level, seed or persona kept in groups of their own: never averaged together.

mod drift;
mod entries;
mod notes;
mod output;
mod roll;
mod sections;
mod shared;

use std::collections::BTreeMap;

use super::handin::{checked_report, checked_summary, untrusted};

pub use entries::{ClassEntry, Group, Handed};

use entries::same;

/// Duplicates and unreadable entries listed by name, each; the rest are counted. A pasted
/// chat of forty thousand lines would otherwise list each one.
pub const SHOWN_SKIPPED: usize = 50;

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
}
