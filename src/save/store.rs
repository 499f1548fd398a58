//! Where saves live, and writing them safely: temp file in the same folder, fsync, rename,
//! fsync the folder.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{SaveError, SaveFile};

#[derive(Debug, Clone)]
pub struct Store {
    pub dir: PathBuf,
}

/// A file in the saves folder, read or not.
pub struct Listed {
    pub path: PathBuf,
    pub save: Result<SaveFile, SaveError>,
}

impl Store {
    /// `./saves` when it can be used, else the per-user data folder; `dir` overrides both.
    pub fn locate(dir: Option<PathBuf>) -> io::Result<Store> {
        let store = Store::find(dir)?;
        store.clean_stale();
        Ok(store)
    }

    fn find(dir: Option<PathBuf>) -> io::Result<Store> {
        if let Some(dir) = dir {
            fs::create_dir_all(&dir)?;
            return Ok(Store { dir });
        }
        let local = PathBuf::from("saves");
        if fs::create_dir_all(&local).is_ok() && writable(&local) {
            return Ok(Store { dir: local });
        }
        let user = directories::ProjectDirs::from("", "", "scored")
            .map(|d| d.data_dir().join("saves"))
            .ok_or_else(|| io::Error::other("no folder for saves could be found"))?;
        fs::create_dir_all(&user)?;
        Ok(Store { dir: user })
    }

    /// Removes temporary files a save left behind when the game was killed while writing
    /// (`.tmpXXXXXX`, as `tempfile` names them): those older than a minute, so that another
    /// game saving into the same folder right now keeps its own.
    pub fn clean_stale(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let minute = std::time::Duration::from_secs(60);
        for e in entries.filter_map(Result::ok) {
            let stale = e.file_name().to_string_lossy().starts_with(".tmp")
                && e.metadata().is_ok_and(|m| {
                    m.is_file()
                        && m.modified()
                            .is_ok_and(|t| t.elapsed().is_ok_and(|a| a > minute))
                });
            if stale {
                let _ = fs::remove_file(e.path());
            }
        }
    }

    /// Every `.ron` file in the folder, newest first, each read or with the reason it cannot be.
    pub fn list(&self) -> Vec<Listed> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .map(|p| {
                let modified = fs::metadata(&p)
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                (modified, p)
            })
            .collect();
        files.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        files
            .into_iter()
            .map(|(_, path)| Listed {
                save: SaveFile::read(&path),
                path,
            })
            .collect()
    }

    /// A fresh slot for a new game: `LEVEL-PERSONA.ron`, or `-2`, `-3`… when taken. A taken
    /// name is never reused, so an unreadable save is never overwritten.
    pub fn new_slot(&self, level: &str, persona: &str) -> PathBuf {
        let base = format!("{level}-{persona}");
        let mut n = 1;
        loop {
            let name = if n == 1 {
                format!("{base}.ron")
            } else {
                format!("{base}-{n}.ron")
            };
            let path = self.dir.join(name);
            if fs::symlink_metadata(&path).is_err() {
                return path;
            }
            n += 1;
        }
    }
}

fn writable(dir: &Path) -> bool {
    tempfile::NamedTempFile::new_in(dir).is_ok()
}

/// Writes `save` to `path` atomically and durably. A symlink at `path` is replaced by the new
/// file, never written through. A read-only file at `path` is not replaced: the error says so.
pub fn write(path: &Path, save: &SaveFile) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.permissions().readonly()) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the save file is read-only, so it was not replaced (make it writable, or start a new game)",
        ));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
    tmp.write_all(save.to_ron().as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself must reach the disk too.
    File::open(&dir)?.sync_all()?;
    Ok(())
}
