//! Handing in: the player's name, the names of report files, and the rule that text from a
//! code or a report (anyone can forge one) is cleaned before it is printed or written.

use std::path::Path;

use super::{Report, Summary};

/// The longest name kept, in characters.
pub const MAX_NAME: usize = 32;
/// The longest text field of a code or report kept, in characters.
pub const MAX_FIELD: usize = 80;

fn allowed_in_name(c: char) -> bool {
    c.is_alphanumeric() || c == ' ' || c == '-' || c == '_'
}

/// A name given on the command line: letters, digits, spaces, `-` and `_`, at most
/// [`MAX_NAME`] characters. Anything else is refused with the reason, not silently changed.
pub fn parse_name(raw: &str) -> Result<String, String> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(c) = name.chars().find(|c| !allowed_in_name(*c)) {
        return Err(format!(
            "a name may hold letters, digits, spaces, - and _ only (not {c:?})"
        ));
    }
    if name.is_empty() {
        return Err("the name is empty".into());
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("a name has at most {MAX_NAME} characters"));
    }
    Ok(name)
}

/// A name from somewhere untrusted (a code, a report, a key typed): what is allowed of it,
/// capped; `None` when nothing is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let kept: String = raw.chars().filter(|c| allowed_in_name(*c)).collect();
    let name: String = kept
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_NAME)
        .collect();
    let name = name.trim().to_string();
    (!name.is_empty()).then_some(name)
}

/// Text from a code or a report, safe to print and to put in Markdown: without the
/// characters a level may not contain either (C018), on one line, with no backtick to end a
/// code block, at most `cap` characters.
pub fn untrusted(s: &str, cap: usize) -> String {
    let kept: Vec<char> = s
        .chars()
        .filter(|c| crate::check::safety::forbidden(*c).is_none())
        // Unicode tag characters hide text; line and paragraph separators break lines.
        .filter(|c| !matches!(c, '\u{e0000}'..='\u{e007f}'))
        .map(|c| match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' | '\u{85}' => ' ',
            '`' => '\'',
            c => c,
        })
        .collect();
    if kept.len() <= cap {
        return kept.into_iter().collect();
    }
    // Cut to `cap` characters with the ellipsis, so that cleaning twice changes nothing.
    let mut out: String = kept[..cap.saturating_sub(1)].iter().collect();
    out.push('…');
    out
}

/// A summary from a code or a report file, checked: its text cleaned, its numbers within
/// bounds a real game keeps (no sum or bar can overflow).
pub fn checked_summary(mut s: Summary) -> Result<Summary, String> {
    const MAX_COUNT: u32 = 1_000_000;
    const MAX_MONEY: i64 = 1_000_000_000_000;
    if !(0..=100).contains(&s.integrity) {
        return Err(format!("its self meter ({}) is out of range", s.integrity));
    }
    if s.money.abs() > MAX_MONEY || s.score.abs() > i32::MAX - 1 {
        return Err("a number in it is out of range".into());
    }
    if [s.conflicted, s.obeyed, s.censored, s.reports, s.dropped]
        .iter()
        .any(|n| *n > MAX_COUNT)
    {
        return Err("a count in it is out of range".into());
    }
    if s.obeyed > s.conflicted {
        return Err(format!(
            "it says {} of {} decisions: more than there were",
            s.obeyed, s.conflicted
        ));
    }
    for t in [&mut s.level, &mut s.persona, &mut s.ending] {
        *t = untrusted(t, MAX_FIELD);
    }
    if let Some((k, b, a)) = &mut s.drift {
        *k = untrusted(k, MAX_FIELD);
        *b = (*b).clamp(-1_000_000_000, 1_000_000_000);
        *a = (*a).clamp(-1_000_000_000, 1_000_000_000);
    }
    s.name = s.name.as_deref().and_then(clean_name);
    Ok(s)
}

/// A report file's content, checked like a code's summary, its lists capped.
pub fn checked_report(mut r: Report) -> Result<Report, String> {
    const MAX_ITEMS: usize = 100_000;
    r.summary = checked_summary(r.summary)?;
    if r.choices.len() > MAX_ITEMS || r.dropped.len() > MAX_ITEMS {
        return Err("it lists more decisions than a game can hold".into());
    }
    for c in &mut r.choices {
        for t in [&mut c.subject, &mut c.chosen, &mut c.label, &mut c.title] {
            *t = untrusted(t, MAX_FIELD);
        }
    }
    for (_, what) in &mut r.dropped {
        *what = untrusted(what, MAX_FIELD);
    }
    // A game names at most three shifts; rates are per day, never negative.
    r.shifts.truncate(crate::game::debrief::SHIFTS);
    for (what, b, a) in &mut r.shifts {
        *what = untrusted(what, MAX_FIELD);
        for x in [b, a] {
            *x = if x.is_finite() {
                x.clamp(0.0, 1_000_000_000.0)
            } else {
                0.0
            };
        }
    }
    Ok(r)
}

/// FNV-1a of `text`, six hex digits: a short tag that tells two reports apart.
pub fn short_hash(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{:06x}", h & 0xff_ffff)
}

/// A name as part of a file name: spaces become `_`.
fn file_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if allowed_in_name(c) && c != ' ' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The stem of a student's report files: `LEVEL-SEED-NAME`, or without a name
/// `LEVEL-SEED-PERSONA-HASH` (the hash of the report, so two students never share one). A
/// stem whose `.json` holds another report gets `-2`, `-3`…: another student's files are never
/// overwritten, while exporting the same report again writes the same files.
pub fn report_stem(dir: &Path, report: &Report, json: &str) -> String {
    let s = &report.summary;
    let who = match &s.name {
        Some(name) => file_part(name),
        None => format!("{}-{}", file_part(&s.persona), short_hash(json)),
    };
    let base = format!("{}-{}-{who}", file_part(&s.level), s.seed);
    let mut n = 1;
    loop {
        let stem = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let taken = ["json", "md", "code"]
            .iter()
            .any(|x| std::fs::symlink_metadata(dir.join(format!("{stem}.{x}"))).is_ok());
        let same = crate::input::text(&dir.join(format!("{stem}.json")), 16 * 1024 * 1024)
            .ok()
            .and_then(|t| serde_json::from_str::<Report>(&t).ok())
            .is_some_and(|r| r == *report);
        if !taken || same {
            return stem;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_refused_with_a_reason_or_kept() {
        assert_eq!(parse_name("  Li   Wei ").unwrap(), "Li Wei");
        assert_eq!(parse_name("Zoë_2-b").unwrap(), "Zoë_2-b");
        assert!(parse_name("a/b").unwrap_err().contains("letters, digits"));
        assert!(parse_name("").is_err());
        assert!(parse_name(&"x".repeat(33)).is_err());
        assert_eq!(clean_name("\u{1b}[31mEve/../x").as_deref(), Some("31mEvex"));
        assert_eq!(clean_name("///"), None);
    }

    #[test]
    fn untrusted_text_loses_what_a_terminal_or_markdown_would_act_on() {
        let s = untrusted("a\u{1b}[2J\u{202e}b\n```c", 80);
        assert_eq!(s, "a[2Jb '''c");
        assert_eq!(untrusted(&"x".repeat(100), 5), "xxxx…");
        assert_eq!(untrusted("xxxx…", 5), "xxxx…");
    }
}
