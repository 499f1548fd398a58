//! Finding where in the source a value sits, for diagnostics found after parsing.

/// Where every line of a source starts, found in one pass, so that any byte offset becomes a
/// line and column by a binary search instead of a rescan of the file.
pub struct Lines<'a> {
    src: &'a str,
    /// Byte offset of each line's first byte; the first is 0.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(src: &'a str) -> Lines<'a> {
        let breaks = src
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i + 1);
        Lines {
            src,
            starts: std::iter::once(0).chain(breaks).collect(),
        }
    }

    /// A byte offset as a 1-based line and character column.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|s| *s <= offset);
        let start = self.starts[line - 1];
        (line, self.src[start..offset].chars().count() + 1)
    }

    /// A 1-based line and character column as a byte offset (the line's end at most).
    pub fn offset(&self, line: usize, col: usize) -> usize {
        let Some(text) = self.text(line) else {
            return self.src.len();
        };
        let start = self.starts[line - 1];
        start
            + text
                .char_indices()
                .nth(col.saturating_sub(1))
                .map_or(text.len(), |(i, _)| i)
    }

    /// The text of a 1-based line, without its line end.
    pub fn text(&self, line: usize) -> Option<&'a str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self
            .starts
            .get(line)
            .map_or(self.src.len(), |next| next - 1);
        if start > end || (start == self.src.len() && line > 1) {
            return None;
        }
        let text = &self.src[start..end];
        Some(text.strip_suffix('\r').unwrap_or(text))
    }
}

/// Byte offset of `field:` as a field name at or after `from`.
pub fn field(src: &str, name: &str, from: usize) -> Option<usize> {
    let mut at = from.min(src.len());
    while let Some(i) = src[at..].find(name) {
        let start = at + i;
        let end = start + name.len();
        let before_ok = src[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let after = src[end..].trim_start();
        if before_ok && after.starts_with(':') {
            return Some(start);
        }
        at = end;
    }
    None
}

/// Byte offset of the string literal `"value"` at or after `from`.
pub fn quoted(src: &str, value: &str, from: usize) -> Option<usize> {
    let needle = format!("\"{value}\"");
    src.get(from..)?.find(&needle).map(|i| from + i)
}

/// Byte offset of `id: "value"` (an entity's id) at or after `from`; `nth` skips earlier ones.
pub fn id(src: &str, value: &str, from: usize, nth: usize) -> Option<usize> {
    let mut at = from;
    let mut seen = 0;
    while let Some(start) = quoted(src, value, at) {
        let before = src[..start].trim_end();
        if before.ends_with(':') && before[..before.len() - 1].trim_end().ends_with("id") {
            if seen == nth {
                return Some(start);
            }
            seen += 1;
        }
        at = start + value.len() + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn offsets_become_lines_and_columns_and_back() {
        let src = "ab\r\nçd\n\nx";
        let lines = Lines::new(src);
        assert_eq!(lines.line_col(0), (1, 1));
        assert_eq!(lines.line_col(4), (2, 1));
        assert_eq!(lines.line_col(6), (2, 2));
        assert_eq!(lines.line_col(5), (2, 1), "inside a character: its start");
        assert_eq!(lines.line_col(99), (4, 2));
        assert_eq!(lines.text(1), Some("ab"));
        assert_eq!(lines.text(2), Some("çd"));
        assert_eq!(lines.text(3), Some(""));
        assert_eq!(lines.text(4), Some("x"));
        assert_eq!(lines.text(5), None);
        assert_eq!(lines.text(0), None);
        assert_eq!(lines.offset(2, 2), 6);
        assert_eq!(lines.offset(4, 9), src.len());
        // As `str::lines` counts: a final line end opens no further line.
        assert_eq!(Lines::new("a\n").text(2), None);
    }
}
