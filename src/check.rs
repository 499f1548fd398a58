//! Loading a level file: parsing, then every semantic check, reported all at once as
//! `path:line:col: error[Cnnn]: message` with a hint.

mod diagnostic;
mod limits;
pub use limits::{MAX_DAY_WORK, MAX_GAME_WORK, MAX_SAVE_ESTIMATE, MAX_WEIGHED, save_estimate};
mod locate;
mod parse_error;
mod reach;
pub(crate) mod safety;
mod semantic;

use std::path::Path;

use ron::Options;
use ron::extensions::Extensions;
use serde::Serialize;

pub use diagnostic::{Diagnostic, EXCERPT_CHARS, Excerpt, Severity};
pub use safety::escaped;

use crate::game::Level;
use crate::input::ReadError;
use parse_error::parse_error;

/// Level files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Nesting deeper than this is refused by the parser.
pub const MAX_DEPTH: usize = 64;
/// Diagnostics shown per file, at most; a last note counts the rest. A file with a hundred
/// thousand problems is checked, and reported, in bounded time and space.
pub const MAX_SHOWN: usize = 50;

/// A problem at a byte offset of the source. Only those shown are placed (line, column,
/// excerpt), all from one index of the source's lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub offset: usize,
    /// Characters to underline.
    pub width: usize,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

impl Found {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn place(self, path: &str, lines: &locate::Lines) -> Diagnostic {
        let (line, col) = lines.line_col(self.offset);
        Diagnostic {
            path: path.to_string(),
            line,
            col,
            severity: self.severity,
            code: self.code,
            message: self.message,
            hint: self.hint,
            excerpt: lines
                .text(line)
                .map(|text| Excerpt::around(text, col, self.width)),
        }
    }
}

/// A problem at a byte offset of the source.
pub(crate) fn at(
    offset: usize,
    width: usize,
    code: &'static str,
    message: String,
    hint: Option<String>,
) -> Found {
    Found {
        offset,
        width,
        severity: Severity::Error,
        code,
        message,
        hint,
    }
}

/// The first control, bidi, zero-width, separator or tag character in `text`, raw or
/// escaped (C018), as a diagnostic; the scan stops there.
pub fn first_unsafe(path: &str, text: &str) -> Option<Diagnostic> {
    let (found, _) = safety::scan(text, 1);
    let first = found.into_iter().min_by_key(|f| f.offset)?;
    Some(first.place(path, &locate::Lines::new(text)))
}

/// The first text of `value`, once decoded, holding a character level text may not: where it
/// is (`state.posts.3.text`) and what it holds. Escapes a source scan cannot foresee (RON's
/// byte escapes joined into one character, `\r`, tag characters) are caught here.
pub fn first_unsafe_decoded<T: Serialize>(value: &T) -> Option<(String, String)> {
    limits::walk::walk(value, 0, 1)
        .unsafe_texts
        .into_iter()
        .next()
}

/// Reads and checks a level file. Any error means no level.
pub fn load_file(path: &Path) -> Result<Level, Vec<Diagnostic>> {
    match check_file(path) {
        (Some(level), _) => Ok(level),
        (None, diagnostics) => Err(diagnostics),
    }
}

/// Reads and checks a level file: the level if it has no error, and every diagnostic,
/// warnings included.
pub fn check_file(path: &Path) -> (Option<Level>, Vec<Diagnostic>) {
    let shown = path.display().to_string();
    // At most one byte past the cap is read; a pipe or a device is refused unread.
    match crate::input::text(path, MAX_FILE_BYTES as u64) {
        Ok(src) => load_str(&shown, &src),
        Err(e) => {
            let (message, hint) = match &e {
                ReadError::TooLarge(_) => (too_large(), Some(split_hint())),
                ReadError::NotText(at) => (
                    format!("the file is not UTF-8 text (bad byte at offset {at})"),
                    Some("save the file as UTF-8".into()),
                ),
                ReadError::NotRegular(_) => (
                    format!("the file {e}"),
                    Some("a level is a plain .ron file".into()),
                ),
                ReadError::Io(e) => (format!("cannot read the file: {e}"), None),
            };
            (None, vec![whole_file(&shown, "C006", message, hint)])
        }
    }
}

fn too_large() -> String {
    format!("the file is over {MAX_FILE_BYTES} bytes, the most a level may be")
}

fn split_hint() -> String {
    "split long texts or remove unused content".into()
}

/// Checks level source text. Returns the level when there is no error, and the diagnostics
/// (warnings too) either way: the first [`MAX_SHOWN`] in file order, then a note of how many
/// more there were.
pub fn load_str(path: &str, src: &str) -> (Option<Level>, Vec<Diagnostic>) {
    if src.len() > MAX_FILE_BYTES {
        let d = whole_file(path, "C006", too_large(), Some(split_hint()));
        return (None, vec![d]);
    }
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    if src.trim().is_empty() {
        let d = whole_file(
            path,
            "C001",
            "the file is empty".into(),
            Some("copy a level from levels/ to start from (see docs/levels.md)".into()),
        );
        return (None, vec![d]);
    }
    let lines = locate::Lines::new(src);
    let (mut found, mut more) = safety::scan(src, MAX_SHOWN);
    // Whether a problem not kept is an error (past the caps, only semantic warnings are not).
    let mut dropped_errors = more > 0;
    let options = Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_DEPTH);
    let level: Option<Level> = match options.from_str(src) {
        Ok(level) => Some(level),
        Err(e) => {
            found.push(parse_error(&lines, &e));
            None
        }
    };
    if let Some(level) = &level {
        let scan = limits::scan(src, level, MAX_SHOWN);
        // A character the source scan refused is refused again once decoded: say it once, at
        // the character itself.
        if found.is_empty() {
            found.extend(scan.unsafe_texts);
            more += scan.more_unsafe;
            dropped_errors |= scan.more_unsafe > 0;
        }
        if scan.beyond.is_empty() {
            let (problems, dropped) = semantic::check(src, level, MAX_SHOWN);
            found.extend(problems);
            more += dropped.count;
            dropped_errors |= dropped.errors;
        } else {
            // The other checks do arithmetic on these numbers; past the caps it could overflow.
            found.extend(scan.beyond);
            more += scan.more_beyond;
            dropped_errors |= scan.more_beyond > 0;
        }
    }
    found.sort_by_key(|d| (d.offset, d.severity));
    found.dedup();
    let ok = !dropped_errors && !found.iter().any(Found::is_error);
    more += found.len().saturating_sub(MAX_SHOWN);
    found.truncate(MAX_SHOWN);
    let mut out: Vec<Diagnostic> = found.into_iter().map(|f| f.place(path, &lines)).collect();
    if more > 0 {
        out.push(Diagnostic {
            severity: Severity::Note,
            ..whole_file(
                path,
                "",
                format!("and {more} more problem(s), not shown; fix these and check again"),
                None,
            )
        });
    }
    (level.filter(|_| ok), out)
}

fn whole_file(path: &str, code: &'static str, message: String, hint: Option<String>) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        line: 1,
        col: 1,
        severity: Severity::Error,
        code,
        message,
        hint,
        excerpt: None,
    }
}

/// The closest of `candidates` to `wrong`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let limit = (wrong.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(wrong, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c.to_string())
}
