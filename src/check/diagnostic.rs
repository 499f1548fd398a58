//! A problem found in a level file, printed like a compiler's. Nothing of the level's own text
//! reaches the output raw: messages quote it escaped (`\u{1b}`), excerpts show `�` in place of
//! a character a terminal would act on, and an excerpt is a window around the column, not the
//! whole line.

use std::fmt;

use super::safety::{escaped, forbidden};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// Said once, after the last diagnostic shown: how many more were found.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    /// 1-based line and column (columns count characters).
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
    /// The source around the column, for the excerpt under the message.
    pub excerpt: Option<Excerpt>,
}

/// Characters of a source line shown in an excerpt, at most (ellipses aside).
pub const EXCERPT_CHARS: usize = 80;

/// A window of a source line, safe to print, and what in it to underline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    text: String,
    /// Characters before the underline.
    caret: usize,
    /// Characters underlined.
    width: usize,
}

impl Excerpt {
    /// The part of `line` around the 1-based character column `col`: at most
    /// [`EXCERPT_CHARS`] characters, `…` where it was cut, tabs as spaces, and `�` in place of
    /// every character level text may not hold.
    pub fn around(line: &str, col: usize, width: usize) -> Excerpt {
        let at = col.saturating_sub(1);
        let n = line.chars().count();
        let start = if n <= EXCERPT_CHARS {
            0
        } else {
            at.saturating_sub(EXCERPT_CHARS / 2).min(n - EXCERPT_CHARS)
        };
        let end = (start + EXCERPT_CHARS).min(n);
        let mut text = String::new();
        if start > 0 {
            text.push('…');
        }
        text.extend(line.chars().skip(start).take(end - start).map(|c| match c {
            '\t' => ' ',
            c if forbidden(c).is_some() => '\u{fffd}',
            c => c,
        }));
        if end < n {
            text.push('…');
        }
        let caret = at.saturating_sub(start) + usize::from(start > 0);
        let width = width.clamp(1, end.saturating_sub(at).max(1));
        Excerpt { text, caret, width }
    }
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line alone: `path:line:col: error[Cnnn]: message`.
    pub fn headline(&self) -> String {
        let path = escaped(&self.path);
        let message = escaped(&self.message);
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => return format!("{path}: note: {message}"),
        };
        format!(
            "{path}:{}:{}: {kind}[{}]: {message}",
            self.line, self.col, self.code
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline())?;
        if let Some(e) = &self.excerpt {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            writeln!(f, " {number} | {}", e.text)?;
            let caret = "^".repeat(e.width);
            writeln!(f, " {pad} | {}{caret}", " ".repeat(e.caret))?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  hint: {}", escaped(hint))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_shown_whole() {
        let e = Excerpt::around("a\tb\u{1b}c", 3, 2);
        assert_eq!((e.text.as_str(), e.caret, e.width), ("a b\u{fffd}c", 2, 2));
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_column() {
        let line: String = (0..10_000)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let e = Excerpt::around(&line, 5_000, 3);
        assert_eq!(e.text.chars().count(), EXCERPT_CHARS + 2);
        assert!(e.text.starts_with('…') && e.text.ends_with('…'));
        let under: String = e.text.chars().skip(e.caret).take(3).collect();
        assert_eq!(under, line[4_999..5_002]);
        let end = Excerpt::around(&line, 10_000, 9);
        assert_eq!(end.caret, EXCERPT_CHARS, "after the leading ellipsis");
        assert_eq!(end.width, 1, "the underline stops at the line's end");
        assert!(!end.text.ends_with('…'));
        let start = Excerpt::around(&line, 1, 1);
        assert_eq!(start.caret, 0);
        assert!(start.text.ends_with('…') && !start.text.starts_with('…'));
    }
}
