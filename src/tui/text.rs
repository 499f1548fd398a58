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

/// An indented line wrapped to `cols` with a hanging indent: the lines after the first begin
/// two columns further in, so a wrapped list row stays visibly one row. A line that is not
/// indented is left for the paragraph to wrap.
pub fn hanging(line: &str, cols: usize) -> Vec<String> {
    if line.starts_with(' ') {
        wrap(line, cols)
    } else {
        vec![line.to_string()]
    }
}

/// `line` wrapped to `cols` at spaces, the lines after the first two columns further in than
/// the first.
pub fn wrap(line: &str, cols: usize) -> Vec<String> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if line.width() <= cols {
        return vec![line.to_string()];
    }
    let more = " ".repeat(indent + 2);
    let mut out = vec![" ".repeat(indent)];
    for word in line.split_whitespace() {
        let last = out.last_mut().expect("one line at least");
        let fresh = last.trim().is_empty();
        if !fresh && last.width() + 1 + word.width() > cols {
            out.push(format!("{more}{word}"));
        } else {
            if !fresh {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    out
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
    fn indented_lines_wrap_with_a_hanging_indent() {
        assert_eq!(
            hanging("  Quiet Lane: Wen Guolin, Hua Lan, Kong Wei.", 24),
            vec!["  Quiet Lane: Wen", "    Guolin, Hua Lan,", "    Kong Wei."]
        );
        assert_eq!(hanging("Not indented, not wrapped here.", 10).len(), 1);
        assert_eq!(hanging("  Short.", 24), vec!["  Short."]);
        assert_eq!(
            wrap("Not indented, wrapped here.", 14),
            vec!["Not indented,", "  wrapped", "  here."]
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
