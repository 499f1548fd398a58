//! Finding where in the source a value sits, for diagnostics found after parsing.

/// A byte offset turned into a 1-based line and character column.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = src[line_start..offset].chars().count() + 1;
    (line, col)
}

/// The text of a 1-based line, without its line end.
pub fn line_text(src: &str, line: usize) -> Option<String> {
    src.lines()
        .nth(line.saturating_sub(1))
        .map(|l| l.trim_end_matches('\r').to_string())
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
