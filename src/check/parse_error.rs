//! A parse error in words: ron's errors turned into our codes, messages and hints, at the
//! place ron found them.

use super::{Found, locate};
use crate::check::MAX_DEPTH;
use crate::check::Severity;
use crate::check::did_you_mean;

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn parse_error(lines: &locate::Lines, e: &ron::error::SpannedError) -> Found {
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
    let width = if e.span.end.line == start.line {
        e.span.end.col.saturating_sub(start.col).max(1)
    } else {
        1
    };
    Found {
        offset: lines.offset(start.line.max(1), start.col.max(1)),
        width,
        severity: Severity::Error,
        code,
        message,
        hint,
    }
}
