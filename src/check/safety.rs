//! Level text must never reach a terminal raw: control characters, bidi overrides, zero-width,
//! line-separator and tag characters are refused, whether typed raw, written as escapes, or
//! produced by escapes once parsed (the decoded texts are checked too, see `limits::walk`).

use std::borrow::Cow;

use super::{Found, at};

/// Why a character is refused in text, if it is. Newline and tab are the only controls
/// allowed: a lone carriage return moves the cursor back over what was printed.
pub fn forbidden(c: char) -> Option<&'static str> {
    match c {
        ' '..='~' | '\n' | '\t' => None,
        '\u{1b}' => Some("an escape character (it can take over the terminal)"),
        c if c.is_control() => Some("a control character"),
        '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{061c}' => Some("a bidirectional override (it can disguise text)"),
        '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{180e}' | '\u{feff}' => {
            Some("a zero-width character (it hides in plain sight)")
        }
        '\u{2028}' | '\u{2029}' => Some("a line or paragraph separator (it breaks lines unseen)"),
        '\u{e0000}'..='\u{e007f}' => Some("a tag character (invisible, it can carry hidden text)"),
        _ => None,
    }
}

/// `s` with every refused character, and every line break and tab, written as an escape like
/// `\u{1b}`: safe to print on one line, and still saying what was there.
pub fn escaped(s: &str) -> Cow<'_, str> {
    let quote = |c: char| matches!(c, '\n' | '\t') || forbidden(c).is_some();
    if !s.chars().any(quote) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if quote(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn hint() -> Option<String> {
    Some("remove it; level text must be plain printable characters".to_string())
}

/// The refused characters of `src`, raw or escaped, in the order they stand: at most `cap` of
/// each kind, and how many more there were.
pub fn scan(src: &str, cap: usize) -> (Vec<Found>, usize) {
    let mut out = Vec::new();
    let mut more = 0;
    // Printable ASCII is most of any level and always fine; decode only the rest. A carriage
    // return is a line end here; one inside a text is caught in the decoded text.
    let suspect = |b: &u8| !matches!(b, b' '..=b'~' | b'\n' | b'\r' | b'\t');
    let mut from = 0;
    let mut raw = 0;
    while let Some(skip) = src.as_bytes()[from..].iter().position(suspect) {
        let offset = from + skip;
        let c = src[offset..]
            .chars()
            .next()
            .expect("a char starts at a non-ASCII byte");
        from = offset + c.len_utf8();
        if let Some(why) = forbidden(c) {
            raw += 1;
            if raw > cap {
                more += 1;
                continue;
            }
            let message = format!("the text contains {why}, U+{:04X}", c as u32);
            out.push(at(offset, 1, "C018", message, hint()));
        }
    }
    // Escapes that would produce the same characters once parsed.
    let bytes = src.as_bytes();
    let mut escapes = 0;
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' {
            let hex = |h: Option<&str>| h.and_then(|h| u32::from_str_radix(h, 16).ok());
            let decoded = match bytes[i + 1] {
                b'x' => hex(src.get(i + 2..i + 4)),
                // `\u{…}` has at most six digits: look no further for the brace.
                b'u' if bytes.get(i + 2) == Some(&b'{') => src
                    .get(i + 3..(i + 10).min(src.len()))
                    .and_then(|s| s.find('}').map(|end| &s[..end]))
                    .and_then(|h| u32::from_str_radix(h, 16).ok()),
                b'u' => hex(src.get(i + 2..i + 6)),
                b'0' => Some(0),
                b'r' => Some(u32::from('\r')),
                b'\\' => {
                    i += 2;
                    continue;
                }
                _ => None,
            };
            let bad = decoded
                .and_then(char::from_u32)
                .and_then(|c| Some((c, forbidden(c)?)));
            if let Some((c, why)) = bad {
                escapes += 1;
                if escapes > cap {
                    more += 1;
                } else {
                    let message =
                        format!("an escape in the text produces {why}, U+{:04X}", c as u32);
                    out.push(at(i, 2, "C018", message, hint()));
                }
            }
        }
        i += 1;
    }
    (out, more)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_keeps_what_it_says_and_loses_what_acts() {
        assert_eq!(escaped("plain `x` é"), "plain `x` é");
        assert_eq!(
            escaped("a\u{1b}[2J\r\n\u{202e}\u{e0041}\u{2028}\u{85}"),
            "a\\u{1b}[2J\\u{d}\\u{a}\\u{202e}\\u{e0041}\\u{2028}\\u{85}"
        );
    }

    #[test]
    fn the_scan_stops_describing_at_the_cap_and_counts_the_rest() {
        let src = format!("{}{}", "\u{1b}".repeat(70), "\\u{202e}".repeat(60));
        let (found, more) = scan(&src, 50);
        assert_eq!(found.len(), 100);
        assert_eq!(more, 30);
        let (first, _) = scan("ok \\0 and \\r", 1);
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].offset, 3);
    }

    #[test]
    fn an_unclosed_unicode_escape_is_not_searched_to_the_end() {
        let src = "\\u{".repeat(10_000);
        assert_eq!(scan(&src, 50).0.len(), 0);
    }
}
