//! Result codes found in pasted text: in backticks or quotes, ending in punctuation, or wrapped
//! over lines.

use super::{PREFIX, PREFIX2, decode};
use crate::classroom::Summary;

/// The characters a code is made of: anything else ends it (a backtick, a quote, a full stop).
fn in_code(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '~' | '%' | '_' | '-')
}

/// Where a code starts in `line`, if one does.
fn code_start(line: &str) -> Option<usize> {
    [PREFIX, PREFIX2]
        .iter()
        .filter_map(|p| line.find(&format!("{p}~")))
        .min()
}

/// A code found on a line (1-based): what it decodes to, or why it does not.
pub type Found = (usize, Result<Summary, String>);

/// Every result code in pasted text, each with its line (1-based) and what it decodes to. A
/// code may sit in backticks or quotes, end in punctuation, or be wrapped over lines; a line
/// with no code is passed over (`blank` counts those with text on them).
pub fn codes_in(text: &str) -> (Vec<Found>, usize) {
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            l.chars()
                .filter(|c| crate::check::safety::forbidden(*c).is_none())
                .collect()
        })
        .collect();
    let mut found = Vec::new();
    let mut without = 0;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let mut rest = line.as_str();
        let mut any = false;
        let mut next = i + 1;
        while let Some(start) = code_start(rest) {
            any = true;
            let tail = &rest[start..];
            let end = tail.find(|c| !in_code(c)).unwrap_or(tail.len());
            let code = &tail[..end];
            let mut result = decode(code);
            // Wrapped: the code runs to the end of the line and goes on on the next ones.
            if result.is_err() && tail[end..].trim().is_empty() {
                let mut joined = code.to_string();
                for (k, more) in lines.iter().enumerate().skip(i + 1).take(3) {
                    let more = more.trim_start_matches(|c: char| !in_code(c));
                    let piece_end = more.find(|c| !in_code(c)).unwrap_or(more.len());
                    if piece_end == 0 || code_start(more).is_some_and(|s| s == 0) {
                        break;
                    }
                    joined.push_str(&more[..piece_end]);
                    if let Ok(s) = decode(&joined) {
                        result = Ok(s);
                        next = k + 1;
                        break;
                    }
                }
            }
            found.push((i + 1, result));
            rest = &tail[end..];
            if next > i + 1 {
                break;
            }
        }
        if !any && !line.trim().is_empty() {
            without += 1;
        }
        i = next;
    }
    (found, without)
}
