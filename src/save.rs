//! Saved games: versioned RON files that hold the whole state, written so that a crash at any
//! instant leaves the old save or the new one, never a torn file. A save that cannot be read is
//! reported with its reason and left exactly where it is.

mod store;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::game::{Game, Level, State};

pub use store::{Listed, Store, write};

/// The save format this build writes, and the newest it reads.
pub const SAVE_VERSION: u32 = 1;

/// Saves larger than this are not read.
const MAX_SAVE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SaveFile {
    pub version: u32,
    pub level_id: String,
    /// Where the level was loaded from, to find it again.
    pub level_path: String,
    /// SHA-256 of the level file, to notice a level that changed since.
    pub level_hash: String,
    pub seed: u64,
    pub persona: String,
    pub day: u32,
    pub score: Option<i32>,
    /// Everything else. All chance comes from (seed, day), so this is the generator's state too.
    pub state: State,
}

#[derive(Debug, Deserialize)]
struct Header {
    version: u32,
}

#[derive(Debug)]
pub enum SaveError {
    Io(std::io::Error),
    TooLarge,
    /// A folder, a named pipe, a device: what it is.
    NotAFile(&'static str),
    /// Not a Scored save, or damaged: the parser's position and message.
    Damaged(String),
    Newer {
        found: u32,
    },
    /// The save names a persona or day the level does not have.
    Mismatch(String),
    NoLevel(String),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Io(e) => write!(f, "cannot be read: {e}"),
            SaveError::TooLarge => write!(f, "is too large to be a save"),
            SaveError::NotAFile(what) => write!(f, "is {what}, not a regular file"),
            SaveError::Damaged(why) => write!(f, "is damaged or not a Scored save ({why})"),
            SaveError::Newer { found } => write!(
                f,
                "comes from a newer version of Scored (save format {found}; this one reads up to {SAVE_VERSION})"
            ),
            SaveError::Mismatch(why) => write!(f, "does not fit its level: {why}"),
            SaveError::NoLevel(why) => write!(f, "is of a level that cannot be loaded: {why}"),
        }
    }
}

impl std::error::Error for SaveError {}

fn damaged(e: &ron::error::SpannedError) -> SaveError {
    let what = e
        .code
        .to_string()
        .replace("struct `Header`", "a saved game");
    // The parser quotes what it found, which may be anything a forged save holds.
    SaveError::Damaged(format!(
        "line {}, column {}: {}",
        e.span.start.line,
        e.span.start.col,
        crate::check::escaped(&what)
    ))
}

/// SHA-256 of a level file, in hex.
pub fn level_hash(path: &Path) -> std::io::Result<String> {
    let bytes = crate::input::bytes(path, crate::check::MAX_FILE_BYTES as u64)
        .map_err(std::io::Error::other)?;
    Ok(Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

impl SaveFile {
    pub fn of(game: &Game, level_path: &Path, level_hash: String) -> SaveFile {
        debug_assert!(
            !game.is_silent(),
            "a silent game keeps nothing worth saving"
        );
        let state = game.state().clone();
        SaveFile {
            version: SAVE_VERSION,
            level_id: game.level().id.clone(),
            // Absolute, so that the save resumes from any folder.
            level_path: std::fs::canonicalize(level_path)
                .unwrap_or_else(|_| level_path.to_path_buf())
                .display()
                .to_string(),
            level_hash,
            seed: state.seed,
            persona: state.persona.clone(),
            day: state.day,
            score: state.score,
            state,
        }
    }

    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().depth_limit(3);
        ron::ser::to_string_pretty(self, config).expect("a save always serialises")
    }

    pub fn parse(text: &str) -> Result<SaveFile, SaveError> {
        // Saves travel between students; their text reaches the terminal like a level's.
        if let Some(d) = crate::check::first_unsafe("save", text) {
            return Err(SaveError::Damaged(format!(
                "line {}, column {}: {}",
                d.line, d.col, d.message
            )));
        }
        let header: Header = ron::from_str(text).map_err(|e| damaged(&e))?;
        if header.version > SAVE_VERSION {
            return Err(SaveError::Newer {
                found: header.version,
            });
        }
        let save: SaveFile = ron::from_str(text).map_err(|e| damaged(&e))?;
        // Escapes the text scan cannot foresee are caught in the texts they make.
        if let Some((place, why)) = crate::check::first_unsafe_decoded(&save) {
            return Err(SaveError::Damaged(format!("{why} (at `{place}`)")));
        }
        Ok(save)
    }

    pub fn read(path: &Path) -> Result<SaveFile, SaveError> {
        use crate::input::ReadError;
        let text = crate::input::text(path, MAX_SAVE_BYTES).map_err(|e| match e {
            ReadError::TooLarge(_) => SaveError::TooLarge,
            ReadError::NotRegular(what) => SaveError::NotAFile(what),
            ReadError::NotText(at) => {
                SaveError::Damaged(format!("not UTF-8 text: bad byte at offset {at}"))
            }
            ReadError::Io(e) => SaveError::Io(e),
        })?;
        SaveFile::parse(&text)
    }

    /// The level file this save was made with: its recorded path, else `levels/ID.ron`, else
    /// the file in `levels` with the recorded content hash (a level renamed or copied).
    pub fn level_file(&self, levels: &Path) -> PathBuf {
        let recorded = PathBuf::from(&self.level_path);
        let by_id = levels.join(format!("{}.ron", self.level_id));
        if recorded.is_file() {
            return recorded;
        }
        if by_id.is_file() {
            return by_id;
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(levels)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()))
            .collect();
        files.sort();
        files
            .into_iter()
            .find(|p| level_hash(p).is_ok_and(|h| h == self.level_hash))
            .unwrap_or(by_id)
    }

    /// The game again, on its level. Refuses a state that does not fit the level.
    pub fn into_game(self, level: Arc<Level>) -> Result<Game, SaveError> {
        if level.id != self.level_id {
            return Err(SaveError::Mismatch(format!(
                "it is a save of `{}`, not `{}`",
                self.level_id, level.id
            )));
        }
        if let Some(why) = self.state.inconsistency(&level) {
            return Err(SaveError::Mismatch(why));
        }
        Ok(Game::from_state(level, self.state))
    }
}

/// The largest save a game of `level` can write: `check`'s estimate from above, with room for
/// the parts it leaves out. A larger save was not written by the game, and playing on from it
/// could outgrow what a save may be (16 MiB): twice the largest estimate and the room fit.
pub fn most_bytes(level: &Level) -> u64 {
    (crate::check::save_estimate(level) + SAVE_ROOM) as u64
}

const SAVE_ROOM: usize = 256 * 1024;
const _: () = assert!(
    2 * crate::check::MAX_SAVE_ESTIMATE + SAVE_ROOM <= MAX_SAVE_BYTES as usize,
    "a save at the most, played on to the end, must still be readable"
);

/// A loaded save, with a warning when its level changed since it was written.
pub struct Resumed {
    pub game: Game,
    pub level_path: PathBuf,
    pub level_changed: bool,
}

/// Reads a save and its level.
pub fn resume(path: &Path, levels: &Path) -> Result<Resumed, SaveError> {
    let save = SaveFile::read(path)?;
    let level_path = save.level_file(levels);
    let level = crate::check::load_file(&level_path).map_err(|d| {
        SaveError::NoLevel(
            d.first()
                .map_or_else(|| level_path.display().to_string(), |d| d.headline()),
        )
    })?;
    let hash = level_hash(&level_path).map_err(SaveError::Io)?;
    let level_changed = hash != save.level_hash;
    let size = std::fs::metadata(path).map_err(SaveError::Io)?.len();
    let most = most_bytes(&level);
    if size > most {
        return Err(SaveError::Mismatch(format!(
            "it is {size} bytes, more than any game of this level writes (at most {most})"
        )));
    }
    let game = save.into_game(Arc::new(level))?;
    Ok(Resumed {
        game,
        level_path,
        level_changed,
    })
}
