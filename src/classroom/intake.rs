//! What `scored class` is given, read: report files (`.json`), code files (`.code`), folders
//! of them, and pasted codes. Nothing in it stops the rest: a file that cannot be read is
//! noted with its reason and the others are read on.

use std::path::{Path, PathBuf};

use super::{ClassEntry, Handed, Report, codes_in};

/// Files larger than this are not a report or a list of codes.
const MAX_BYTES: u64 = 4 * 1024 * 1024;
/// What one summary reads in all: the files after it are listed as not read. A class of a
/// thousand real reports is a few MiB; a hundred forged ones at the cap would hold 400 MiB
/// and more in memory.
pub const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;

/// Everything read, in the order given.
#[derive(Debug, Default)]
pub struct Intake {
    pub handed: Vec<Handed>,
    /// Entries that could not be read: where, and why.
    pub unreadable: Vec<(String, String)>,
    /// What was passed over without being an entry (lines without a code, subfolders).
    pub notes: Vec<String>,
    /// Bytes read so far, against [`MAX_TOTAL_BYTES`].
    pub read: u64,
}

/// Reads `paths` (files or folders) and the `--codes` file.
pub fn read_class(paths: &[PathBuf], codes: Option<&Path>) -> Intake {
    let mut intake = Intake::default();
    for p in paths {
        match std::fs::metadata(p) {
            Err(e) => intake
                .unreadable
                .push((p.display().to_string(), format!("cannot be read: {e}"))),
            Ok(m) if m.is_dir() => intake.folder(p),
            Ok(_) => intake.file(p, true),
        }
    }
    if let Some(c) = codes {
        intake.file(c, false);
    }
    intake
}

impl Intake {
    /// A folder's `.json` and `.code` files, by name; its subfolders are not searched.
    fn folder(&mut self, dir: &Path) {
        let listed = match std::fs::read_dir(dir) {
            Ok(l) => l,
            Err(e) => {
                let why = format!("cannot be read: {e}");
                self.unreadable.push((dir.display().to_string(), why));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = listed.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let mut subfolders = Vec::new();
        let mut companions = 0;
        let before = self.handed.len() + self.unreadable.len();
        for p in &paths {
            let wanted = p.extension().is_some_and(|x| x == "json" || x == "code");
            // `x.code` beside `x.json` is the same export: the report says more.
            let beside = p.extension().is_some_and(|x| x == "code")
                && paths.contains(&p.with_extension("json"));
            if beside && std::fs::metadata(p).is_ok_and(|m| m.is_file()) {
                companions += 1;
                continue;
            }
            let is_dir = std::fs::metadata(p).is_ok_and(|m| m.is_dir());
            match (wanted, is_dir) {
                (true, true) => self.unreadable.push((
                    p.display().to_string(),
                    "is a folder, not a report".to_string(),
                )),
                (true, false) => self.file(p, true),
                (false, true) => subfolders.push(p.display().to_string()),
                (false, false) => {}
            }
        }
        if companions > 0 {
            self.notes.push(format!(
                "{}: {companions} .code file(s) beside their .json report read once, as the report",
                dir.display()
            ));
        }
        if !subfolders.is_empty() {
            self.notes.push(format!(
                "subfolders are not searched; name them to include them: {}",
                subfolders.join(", ")
            ));
        }
        if self.handed.len() + self.unreadable.len() == before && companions == 0 {
            self.notes
                .push(format!("{}: no .json or .code file in it", dir.display()));
        }
    }

    /// One file: a report, or text with result codes in it. `entry`: the file itself is an
    /// entry (a file with no code in it is unreadable, not just passed over).
    fn file(&mut self, path: &Path, entry: bool) {
        let at = path.display().to_string();
        let left = MAX_TOTAL_BYTES.saturating_sub(self.read);
        if left == 0 {
            self.unreadable.push((
                at,
                format!(
                    "not read: {} MiB were read already, the most one summary reads",
                    MAX_TOTAL_BYTES / 1024 / 1024
                ),
            ));
            return;
        }
        let text = match read_text(path, left) {
            Ok(t) => {
                self.read += t.len() as u64;
                t
            }
            Err(why) => {
                self.unreadable.push((at, why));
                return;
            }
        };
        if text.trim_start().starts_with('{') {
            match serde_json::from_str::<Report>(&text) {
                Ok(r) => self.handed.push(Handed {
                    at,
                    entry: ClassEntry::Report(r),
                }),
                Err(e) => self
                    .unreadable
                    .push((at, format!("not a Scored report ({e})"))),
            }
            return;
        }
        let (found, without) = codes_in(&text);
        if found.is_empty() && entry {
            self.unreadable
                .push((at, "no result code and not a report".to_string()));
            return;
        }
        for (line, result) in found {
            let at = format!("{at}:{line}");
            match result {
                Ok(s) => self.handed.push(Handed {
                    at,
                    entry: ClassEntry::Code(s),
                }),
                Err(why) => self.unreadable.push((at, why)),
            }
        }
        if without > 0 {
            self.notes.push(format!(
                "{at}: {without} line(s) without a result code passed over"
            ));
        }
    }
}

/// A file's text, or why it is not text worth reading.
fn read_text(path: &Path, left: u64) -> Result<String, String> {
    let bytes = crate::input::bytes(path, MAX_BYTES.min(left)).map_err(|e| match e {
        crate::input::ReadError::TooLarge(_) if left < MAX_BYTES => format!(
            "not read: it would take the class past {} MiB, the most one summary reads",
            MAX_TOTAL_BYTES / 1024 / 1024
        ),
        crate::input::ReadError::TooLarge(_) => format!(
            "is larger than {} MB: not a report",
            MAX_BYTES / 1024 / 1024
        ),
        e => e.to_string(),
    })?;
    if bytes.contains(&0) {
        return Err("is not a text file (a binary file?)".into());
    }
    let text = String::from_utf8(bytes).map_err(|_| "is not UTF-8 text".to_string())?;
    Ok(text.trim_start_matches('\u{feff}').to_string())
}
