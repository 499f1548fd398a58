//! The class folder read for the dashboard, as plain data: each student's day, score and
//! self from their save (written at the end of every day), and, once they finished, the
//! ending and obedience index from their report.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::classroom::Report;
use crate::game::Level;
use crate::save::SaveFile;

/// One student, as the dashboard shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Student {
    pub name: String,
    pub connected: bool,
    /// The day being played (`days + 1` once over).
    pub day: u32,
    /// `None` while the score is not switched on yet.
    pub score: Option<i32>,
    /// The self meter, 0–100.
    pub integrity: i32,
    /// The ending's title, once the level is over.
    pub ending: Option<String>,
    /// From the report: `Some(None)` is n/a (no decision set score against self).
    pub obedience: Option<Option<f64>>,
}

/// The whole class at one moment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassView {
    pub days: u32,
    pub students: Vec<Student>,
}

impl ClassView {
    /// Endings reached so far, by title, most frequent first.
    pub fn endings(&self) -> Vec<(String, u64)> {
        let mut count: BTreeMap<&str, u64> = BTreeMap::new();
        for s in &self.students {
            if let Some(e) = &s.ending {
                *count.entry(e).or_default() += 1;
            }
        }
        let mut list: Vec<(String, u64)> =
            count.into_iter().map(|(e, n)| (e.to_string(), n)).collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        list
    }

    /// The obedience spread of those who finished: five bands of 20%, then n/a.
    pub fn obedience_bands(&self) -> ([u64; 5], u64) {
        let mut bands = [0u64; 5];
        let mut na = 0;
        for s in &self.students {
            match s.obedience {
                Some(Some(o)) => bands[((o * 5.0).floor() as usize).min(4)] += 1,
                Some(None) => na += 1,
                None => {}
            }
        }
        (bands, na)
    }

    pub fn connected(&self) -> usize {
        self.students.iter().filter(|s| s.connected).count()
    }

    pub fn finished(&self) -> usize {
        self.students.iter().filter(|s| s.ending.is_some()).count()
    }
}

/// Reads the class folder again and again, parsing only files that changed.
pub struct Watcher {
    class: PathBuf,
    prefix: String,
    level: std::sync::Arc<Level>,
    saves: HashMap<PathBuf, (SystemTime, Option<SaveFile>)>,
    reports: HashMap<PathBuf, (SystemTime, Option<Report>)>,
}

fn modified(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect()
}

impl Watcher {
    pub fn new(class: &Path, level: std::sync::Arc<Level>, seed: u64) -> Watcher {
        Watcher {
            class: class.to_path_buf(),
            prefix: format!("{}-{seed}-", level.id),
            level,
            saves: HashMap::new(),
            reports: HashMap::new(),
        }
    }

    /// The class now: everyone with a save of this level and seed, and everyone connected.
    pub fn read(&mut self, connected: &BTreeSet<String>) -> ClassView {
        let saves: Vec<PathBuf> = files(&self.class, "ron")
            .into_iter()
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&self.prefix))
            })
            .collect();
        self.saves.retain(|p, _| saves.contains(p));
        for p in saves {
            let m = modified(&p).unwrap_or(SystemTime::UNIX_EPOCH);
            if self.saves.get(&p).is_none_or(|(t, _)| *t != m) {
                self.saves.insert(p.clone(), (m, SaveFile::read(&p).ok()));
            }
        }
        let reports = files(&self.class.join("reports"), "json");
        self.reports.retain(|p, _| reports.contains(p));
        for p in reports {
            let m = modified(&p).unwrap_or(SystemTime::UNIX_EPOCH);
            if self.reports.get(&p).is_none_or(|(t, _)| *t != m) {
                let r = crate::input::text(&p, 4 * 1024 * 1024)
                    .ok()
                    .and_then(|t| serde_json::from_str::<Report>(&t).ok());
                self.reports.insert(p.clone(), (m, r));
            }
        }
        let mut by_name: BTreeMap<String, Student> = BTreeMap::new();
        for (_, save) in self.saves.values() {
            let Some(save) = save else { continue };
            let Some(name) = save.state.name.clone() else {
                continue;
            };
            let ending = save.state.ending.as_ref().map(|id| {
                self.level
                    .endings
                    .iter()
                    .find(|e| &e.id == id)
                    .map_or(id.clone(), |e| e.title.clone())
            });
            by_name.insert(
                name.clone(),
                Student {
                    connected: connected.contains(&name),
                    name,
                    day: save.day,
                    score: save.score,
                    integrity: save.state.integrity,
                    ending,
                    obedience: None,
                },
            );
        }
        for (_, report) in self.reports.values() {
            let Some(r) = report else { continue };
            let s = &r.summary;
            if s.level != self.level.id || format!("{}-{}-", s.level, s.seed) != self.prefix {
                continue;
            }
            if let Some(student) = s.name.as_ref().and_then(|n| by_name.get_mut(n)) {
                student.obedience = Some(s.obedience_index());
            }
        }
        for name in connected {
            by_name.entry(name.clone()).or_insert_with(|| Student {
                name: name.clone(),
                connected: true,
                day: 0,
                score: None,
                integrity: 0,
                ending: None,
                obedience: None,
            });
        }
        ClassView {
            days: self.level.days,
            students: by_name.into_values().collect(),
        }
    }
}
