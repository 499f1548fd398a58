//! The levels a command can name. The shipped levels are built into the binary, so `scored`
//! works from any folder; level files add to them or override them. A LEVEL argument is looked
//! up in this order, the first found wins:
//!
//! 1. a path to a file (it ends in `.ron`, or names a file that exists);
//! 2. `ID.ron` in each `--levels DIR`, in the order given;
//! 3. `ID.ron` in `./levels`;
//! 4. the level built in under that id.
//!
//! A built-in level has no file: it is named by the pseudo-path `built-in:ID` wherever a level
//! path is kept (a game's origin, a save), and [`text`], [`load`] and [`hash`] read it like a
//! file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::check::{self, Diagnostic};
use crate::game::Level;
use crate::input::ReadError;

/// The shipped levels, compiled in (the same files as `levels/`, in `launch::SHIPPED`'s order).
pub const BUILT_IN: &[(&str, &str)] = &[
    ("tutorial", include_str!("../levels/tutorial.ron")),
    ("opt-in", include_str!("../levels/opt-in.ron")),
    ("mandatory", include_str!("../levels/mandatory.ron")),
    (
        "coupled-income",
        include_str!("../levels/coupled-income.ron"),
    ),
    ("black-box", include_str!("../levels/black-box.ron")),
    ("peer-prestige", include_str!("../levels/peer-prestige.ron")),
    (
        "peoples-ledger",
        include_str!("../levels/peoples-ledger.ron"),
    ),
    ("plain-credit", include_str!("../levels/plain-credit.ron")),
];

/// How a built-in level is named where a path is expected.
pub const BUILT_IN_PREFIX: &str = "built-in:";

/// The text of the level built in under `id`.
pub fn built_in(id: &str) -> Option<&'static str> {
    BUILT_IN.iter().find(|(i, _)| *i == id).map(|(_, t)| *t)
}

/// The pseudo-path of a built-in level.
pub fn built_in_path(id: &str) -> PathBuf {
    PathBuf::from(format!("{BUILT_IN_PREFIX}{id}"))
}

/// The id of the built-in level a pseudo-path names.
pub fn built_in_id(path: &Path) -> Option<&str> {
    path.to_str()?
        .strip_prefix(BUILT_IN_PREFIX)
        .filter(|id| built_in(id).is_some())
}

/// A level's text: the built-in one, or the file's (bounded, regular files only).
pub fn text(path: &Path) -> Result<String, ReadError> {
    match built_in_id(path).and_then(built_in) {
        Some(text) => Ok(text.to_string()),
        None => crate::input::text(path, check::MAX_FILE_BYTES as u64),
    }
}

/// SHA-256 of a level's text, in hex: what a save records to find its level again.
pub fn hash(path: &Path) -> std::io::Result<String> {
    let text = text(path).map_err(std::io::Error::other)?;
    Ok(hash_text(&text))
}

pub fn hash_text(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads and checks a level, built in or a file.
pub fn load(path: &Path) -> Result<Level, Vec<Diagnostic>> {
    match built_in_id(path).and_then(built_in) {
        Some(text) => match check::load_str(&path.display().to_string(), text) {
            (Some(level), _) => Ok(level),
            (None, diagnostics) => Err(diagnostics),
        },
        None => check::load_file(path),
    }
}

/// Where a level on the shelf comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A `--levels` folder or `./levels`.
    Folder(PathBuf),
    BuiltIn,
}

/// One id on the shelf: the level that wins, and those it hides.
#[derive(Debug, Clone)]
pub struct Listing {
    pub id: String,
    pub path: PathBuf,
    pub source: Source,
    /// Levels of the same id further down the order.
    pub overrides: Vec<PathBuf>,
}

/// The folders searched for a level id, before the built-in levels.
#[derive(Debug, Clone)]
pub struct Shelf {
    pub folders: Vec<PathBuf>,
}

impl Default for Shelf {
    fn default() -> Shelf {
        Shelf::new(&[])
    }
}

impl Shelf {
    /// `--levels` folders in the order given, then `./levels`.
    pub fn new(extra: &[PathBuf]) -> Shelf {
        let mut folders = extra.to_vec();
        folders.push(PathBuf::from("levels"));
        Shelf { folders }
    }

    /// The shelf of one folder (then the built-in levels).
    pub fn of_folder(folder: &Path) -> Shelf {
        Shelf {
            folders: vec![folder.to_path_buf()],
        }
    }

    /// Every place `id` is found, in the order of precedence.
    fn places(&self, id: &str) -> Vec<(PathBuf, Source)> {
        let mut found: Vec<(PathBuf, Source)> = self
            .folders
            .iter()
            .map(|f| (f.join(format!("{id}.ron")), Source::Folder(f.clone())))
            // Anything of that name, even a pipe or a device: loading it says what is wrong.
            .filter(|(p, _)| std::fs::symlink_metadata(p).is_ok())
            .collect();
        if built_in(id).is_some() {
            found.push((built_in_path(id), Source::BuiltIn));
        }
        found
    }

    /// A LEVEL argument to the path (or pseudo-path) of the level it names.
    pub fn resolve(&self, level: &str) -> Option<PathBuf> {
        let direct = Path::new(level);
        if level.ends_with(".ron") || direct.is_file() {
            return Some(direct.to_path_buf());
        }
        if level.starts_with(BUILT_IN_PREFIX) {
            return built_in_id(direct).map(built_in_path);
        }
        self.places(level).into_iter().next().map(|(p, _)| p)
    }

    /// Every id available, shipped levels first in their order, then the others by name.
    pub fn list(&self) -> Vec<Listing> {
        let mut ids: Vec<String> = BUILT_IN.iter().map(|(id, _)| id.to_string()).collect();
        let mut others: Vec<String> = self
            .folders
            .iter()
            .flat_map(|f| std::fs::read_dir(f).into_iter().flatten())
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().to_string()))
            .filter(|id| built_in(id).is_none())
            .collect();
        others.sort();
        others.dedup();
        ids.extend(others);
        ids.into_iter()
            .filter_map(|id| {
                let mut places = self.places(&id).into_iter();
                let (path, source) = places.next()?;
                Some(Listing {
                    id,
                    path,
                    source,
                    overrides: places.map(|(p, _)| p).collect(),
                })
            })
            .collect()
    }

    /// Every level the shelf holds, hidden ones included: where a save's level is looked for
    /// by its content.
    pub fn everything(&self) -> Vec<PathBuf> {
        self.list()
            .into_iter()
            .flat_map(|l| std::iter::once(l.path).chain(l.overrides))
            .collect()
    }

    /// Every level on the shelf loaded, one thread per level (checking is most of the time to
    /// the first frame): the title screen's catalog.
    pub fn load_all(&self) -> Vec<(Listing, Result<Arc<Level>, String>)> {
        std::thread::scope(|scope| {
            let loading: Vec<_> = self
                .list()
                .into_iter()
                .map(|l| {
                    scope.spawn(move || {
                        let level = load(&l.path).map(Arc::new).map_err(|d| {
                            d.iter()
                                .find(|d| d.is_error())
                                .map_or("it does not load".to_string(), |d| d.headline())
                        });
                        (l, level)
                    })
                })
                .collect();
            loading
                .into_iter()
                .map(|h| h.join().expect("checking a level does not panic"))
                .collect()
        })
    }
}

/// `scored levels`: what is available and where each comes from.
pub fn listing_text(shelf: &Shelf) -> String {
    use std::fmt::Write;
    let folders: Vec<String> = shelf
        .folders
        .iter()
        .map(|f| format!("{}/", f.display()))
        .collect();
    let mut out = format!(
        "Levels (an id is looked for in {}, then among those built in; the first found wins):\n",
        folders.join(", ")
    );
    for (l, level) in shelf.load_all() {
        let from = match &l.source {
            Source::BuiltIn => "built in".to_string(),
            Source::Folder(_) => l.path.display().to_string(),
        };
        let title = match &level {
            Ok(level) => level.title.clone(),
            Err(why) => format!("does not load: {why}"),
        };
        let _ = writeln!(out, "  {:<16} {:<32} {title}", l.id, from);
        let same_text = |p: &Path| text(p).ok() == text(&l.path).ok();
        for hidden in &l.overrides {
            let said = match (built_in_id(hidden), same_text(hidden)) {
                (Some(_), true) => "(the same text as the built-in one)".to_string(),
                (Some(_), false) => "(overrides the built-in one)".to_string(),
                (None, _) => format!("(overrides {})", hidden.display()),
            };
            let _ = writeln!(out, "  {:<16} {said}", "");
        }
    }
    out.push_str("A path to a .ron file is also accepted wherever a LEVEL is.\n");
    out
}
