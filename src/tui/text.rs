//! Text measured in terminal columns, not characters: a CJK name or an emoji takes two.

use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `cols` columns, with `…` where it was cut.
pub fn truncate(s: &str, cols: usize) -> String {
    if s.width() <= cols {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > cols {
            break;
        }
        out.push(c);
        used += w;
    }
    if cols > 0 {
        out.push('…');
    }
    out
}

/// `s` padded with spaces to `cols` columns (cut first if wider).
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = truncate(s, cols);
    out.push_str(&" ".repeat(cols.saturating_sub(out.width())));
    out
}

/// A label shortened to `cols` a word at a time ("Credit history" → "Credit", never
/// "Credit hi…"), not ending on a little word ("Behaviour and" → "Behaviour"); a first word
/// that alone does not fit is cut with `…`.
pub fn abbreviate(s: &str, cols: usize) -> String {
    if s.width() <= cols {
        return s.to_string();
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    for n in (1..words.len()).rev() {
        let mut kept = &words[..n];
        while let [rest @ .., last] = kept
            && !rest.is_empty()
            && matches!(
                last.to_lowercase().as_str(),
                "and" | "of" | "the" | "to" | "in" | "&"
            )
        {
            kept = rest;
        }
        let mut short = kept.join(" ");
        // Never an opened bracket left unclosed: "Lantern Credit (Citizen" → "Lantern Credit".
        if short.matches('(').count() > short.matches(')').count()
            && let Some(at) = short.rfind('(')
        {
            short = short[..at].trim_end().to_string();
        }
        if !short.is_empty() && short.width() <= cols {
            return short;
        }
    }
    truncate(s, cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_shorten_by_whole_words() {
        assert_eq!(abbreviate("Credit history", 11), "Credit");
        assert_eq!(abbreviate("Behaviour and preferences", 14), "Behaviour");
        assert_eq!(abbreviate("Connections", 11), "Connections");
        assert_eq!(abbreviate("Connections", 6), "Conne…");
        assert_eq!(
            abbreviate("Lantern Credit (Citizen Edition)", 26),
            "Lantern Credit"
        );
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("李伟"), 4);
        assert_eq!(truncate("李伟明", 5), "李伟…");
        assert_eq!(width(&truncate("李伟明", 5)), 5);
        assert_eq!(pad("🎉a", 5), "🎉a  ");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("abcd", 0), "");
    }
}
