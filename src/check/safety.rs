//! Level text must never reach a terminal raw: control characters, bidi overrides and
//! zero-width characters are refused, whether typed raw or written as escapes.

use super::{Diagnostic, at};

/// Why a character is refused in level text, if it is.
pub fn forbidden(c: char) -> Option<&'static str> {
    match c {
        ' '..='~' | '\n' | '\r' | '\t' => None,
        '\u{1b}' => Some("an escape character (it can take over the terminal)"),
        c if c.is_control() => Some("a control character"),
        '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{061c}' => Some("a bidirectional override (it can disguise text)"),
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {
            Some("a zero-width character (it hides in plain sight)")
        }
        _ => None,
    }
}

pub fn scan(path: &str, src: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let hint = || Some("remove it; level text must be plain printable characters".to_string());
    // Printable ASCII is most of any level and always fine; decode only the rest.
    let suspect = |b: &u8| !matches!(b, b' '..=b'~' | b'\n' | b'\r' | b'\t');
    let mut from = 0;
    while let Some(skip) = src.as_bytes()[from..].iter().position(suspect) {
        let offset = from + skip;
        let c = src[offset..]
            .chars()
            .next()
            .expect("a char starts at a non-ASCII byte");
        from = offset + c.len_utf8();
        if let Some(why) = forbidden(c) {
            let message = format!("the text contains {why}, U+{:04X}", c as u32);
            out.push(at(path, src, offset, 1, "C018", message, hint()));
        }
    }
    // Escapes that would produce the same characters once parsed.
    let bytes = src.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' {
            let decoded = match bytes[i + 1] {
                b'x' => src
                    .get(i + 2..i + 4)
                    .and_then(|h| u32::from_str_radix(h, 16).ok()),
                b'u' if bytes.get(i + 2) == Some(&b'{') => src[i + 3..]
                    .find('}')
                    .and_then(|end| u32::from_str_radix(&src[i + 3..i + 3 + end], 16).ok()),
                b'u' => src
                    .get(i + 2..i + 6)
                    .and_then(|h| u32::from_str_radix(h, 16).ok()),
                b'\\' => {
                    i += 2;
                    continue;
                }
                _ => None,
            };
            if let Some(why) = decoded.and_then(char::from_u32).and_then(forbidden) {
                let message = format!("an escape in the text produces {why}");
                out.push(at(path, src, i, 2, "C018", message, hint()));
            }
        }
        i += 1;
    }
    out
}
