//! Loading a level file: parsing, then every semantic check, reported all at once as
//! `path:line:col: error[Cnnn]: message` with a hint.

mod diagnostic;
mod limits;
pub use limits::{MAX_SAVE_ESTIMATE, save_estimate};
mod locate;
mod reach;
pub(crate) mod safety;
mod semantic;

use std::io::Read;
use std::path::Path;

use ron::Options;
use ron::extensions::Extensions;

pub use diagnostic::{Diagnostic, Severity};

use crate::game::Level;

/// Control, bidi and zero-width characters in `text`, raw or escaped (C018).
pub fn unsafe_text(path: &str, text: &str) -> Vec<Diagnostic> {
    safety::scan(path, text)
}

/// Level files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Nesting deeper than this is refused by the parser.
pub const MAX_DEPTH: usize = 64;

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
    // Read at most one byte past the cap, so a huge file costs no memory.
    let read = std::fs::File::open(path).and_then(|f| {
        let mut bytes = Vec::new();
        f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
        Ok(bytes)
    });
    let bytes = match read {
        Ok(b) => b,
        Err(e) => {
            let d = whole_file(&shown, "C006", format!("cannot read the file: {e}"), None);
            return (None, vec![d]);
        }
    };
    if bytes.len() > MAX_FILE_BYTES {
        return load_str(&shown, &String::from_utf8_lossy(&bytes));
    }
    match String::from_utf8(bytes) {
        Ok(src) => load_str(&shown, &src),
        Err(e) => {
            let d = whole_file(
                &shown,
                "C006",
                format!(
                    "the file is not UTF-8 text (bad byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
                Some("save the file as UTF-8".into()),
            );
            (None, vec![d])
        }
    }
}

/// Checks level source text. Returns the level when there is no error, and every
/// diagnostic (warnings too) either way.
pub fn load_str(path: &str, src: &str) -> (Option<Level>, Vec<Diagnostic>) {
    if src.len() > MAX_FILE_BYTES {
        let d = whole_file(
            path,
            "C006",
            format!("the file is over {MAX_FILE_BYTES} bytes, the most a level may be"),
            Some("split long texts or remove unused content".into()),
        );
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
    let mut out = safety::scan(path, src);
    let options = Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_DEPTH);
    let level: Level = match options.from_str(src) {
        Ok(level) => level,
        Err(e) => {
            out.push(parse_error(path, src, &e));
            return (None, out);
        }
    };
    let beyond = limits::scan(path, src, &level);
    if beyond.is_empty() {
        out.extend(semantic::check(path, src, &level));
    } else {
        // The other checks do arithmetic on these numbers; past the caps it could overflow.
        out.extend(beyond);
    }
    out.sort_by_key(|d| (d.line, d.col, d.severity));
    out.dedup();
    let ok = !out.iter().any(Diagnostic::is_error);
    (ok.then_some(level), out)
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
        source_line: None,
        width: 1,
    }
}

/// A diagnostic at a byte offset of the source.
pub(crate) fn at(
    path: &str,
    src: &str,
    offset: usize,
    width: usize,
    code: &'static str,
    message: String,
    hint: Option<String>,
) -> Diagnostic {
    let (line, col) = locate::line_col(src, offset);
    Diagnostic {
        path: path.to_string(),
        line,
        col,
        severity: Severity::Error,
        code,
        message,
        hint,
        source_line: locate::line_text(src, line),
        width,
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

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn parse_error(path: &str, src: &str, e: &ron::error::SpannedError) -> Diagnostic {
    use ron::Error as E;
    let list = |xs: &[&str]| {
        xs.iter()
            .map(|x| format!("`{x}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (code, message, hint) = match &e.code {
        E::NoSuchStructField {
            expected, found, ..
        } => (
            "C002",
            format!("unknown field `{found}`"),
            Some(match did_you_mean(found, expected.iter().copied()) {
                Some(m) => format!("did you mean `{m}`?"),
                None => format!("expected one of {}", list(expected)),
            }),
        ),
        E::MissingStructField { field, outer } => (
            "C003",
            match outer {
                Some(o) => format!("missing field `{field}` in `{o}`"),
                None => format!("missing field `{field}`"),
            },
            Some(format!("add `{field}: ...` (see docs/levels.md)")),
        ),
        E::DuplicateStructField { field, .. } => (
            "C002",
            format!("field `{field}` is given twice"),
            Some("remove one of them".into()),
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => (
            "C005",
            format!("unknown value `{found}`"),
            Some(match did_you_mean(found, expected.iter().copied()) {
                Some(m) => format!("did you mean `{m}`? allowed: {}", list(expected)),
                None => format!("allowed: {}", list(expected)),
            }),
        ),
        E::InvalidValueForType { expected, found } => {
            ("C004", format!("expected {expected}, found {found}"), None)
        }
        E::ExceededRecursionLimit => (
            "C006",
            format!("nesting deeper than {MAX_DEPTH} levels"),
            Some("conditions rarely need more than a few levels of All/Any/Not".into()),
        ),
        E::IntegerOutOfBounds => (
            "C004",
            "this number is out of range for the field (negative where only 0 or more is allowed, or far too large)".into(),
            Some("see the field's row in docs/levels.md for its range".into()),
        ),
        E::ExpectedIdentifier => (
            "C004",
            "expected a name written without quotes".into(),
            Some("kinds and variants are written bare: `behaviour: Rebel`, not `behaviour: \"Rebel\"`".into()),
        ),
        E::ExpectedArray => (
            "C004",
            "expected a list in `[` `]`".into(),
            Some("even one entry is a list: `tags: [\"sweets\"]`".into()),
        ),
        E::ExpectedMap => (
            "C004",
            "expected a map in `{` `}`".into(),
            Some("values and starting dimensions are maps: `values: {\"games\": 3}`".into()),
        ),
        E::Eof => (
            "C001",
            "unexpected end of file".into(),
            Some("a bracket or parenthesis is probably not closed".into()),
        ),
        E::ExpectedComma => (
            "C001",
            "expected a comma".into(),
            Some("separate fields and list entries with `,`".into()),
        ),
        E::ExpectedString | E::ExpectedStringEnd => (
            "C004",
            e.code.to_string().to_lowercase(),
            Some("text goes in double quotes: \"like this\"".into()),
        ),
        E::ExpectedInteger | E::ExpectedFloat => (
            "C004",
            "expected a number".into(),
            Some("numbers are written without quotes: `days: 30`".into()),
        ),
        E::ExpectedBoolean => ("C004", "expected `true` or `false`".into(), None),
        E::ExpectedNamedStructLike(_) | E::ExpectedStructLike => (
            "C001",
            "expected `(` opening a structure".into(),
            Some("a level file is one `( ... )` with `field: value,` inside".into()),
        ),
        other => ("C001", lowercase_first(&other.to_string()), None),
    };
    let start = e.span.start;
    let line = start.line.max(1);
    let col = start.col.max(1);
    let width = if e.span.end.line == start.line {
        e.span.end.col.saturating_sub(start.col).max(1)
    } else {
        1
    };
    Diagnostic {
        path: path.to_string(),
        line,
        col,
        severity: Severity::Error,
        code,
        message,
        hint,
        source_line: locate::line_text(src, line),
        width,
    }
}
