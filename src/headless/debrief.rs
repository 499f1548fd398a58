//! The debrief in parts, for line mode at a terminal (a screen reader takes ~150 lines better
//! a part at a time): `debrief` for all of it, `debrief PART` for one.

use std::io::{self, Write};

use crate::game::Game;

/// A part's short name, as typed: "Drift mirror" is `drift-mirror`, "The ledger" `ledger`.
fn slug(title: &str) -> String {
    let title = title.to_lowercase();
    let title = title.strip_prefix("the ").unwrap_or(&title);
    let words: Vec<String> = title
        .split_whitespace()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect())
        .collect();
    words.join("-")
}

/// Whether `typed` names the part: its short name, the start of it, or one of its words.
fn names(slug: &str, typed: &str) -> bool {
    slug.starts_with(typed) || slug.split('-').any(|w| w == typed)
}

/// After the ending: the parts there are and how to read them.
pub fn contents(game: &Game, out: &mut impl Write) -> io::Result<()> {
    let (_, sections) = crate::classroom::debrief(game);
    let parts: Vec<String> = sections.iter().map(|(t, _)| slug(t)).collect();
    writeln!(
        out,
        "The debrief has {} parts: {}.",
        parts.len(),
        parts.join(", ")
    )?;
    writeln!(
        out,
        "Type `debrief` for all of it, `debrief PART` for one (e.g. `debrief {}`), or `quit`.",
        parts.get(1).map_or("obedience", String::as_str)
    )
}

/// `debrief` (every part) or `debrief PART`; before the end, says when it comes.
pub fn show(game: &Game, part: Option<&str>, out: &mut impl Write) -> io::Result<()> {
    if !game.is_over() {
        let s = game.state();
        return writeln!(
            out,
            "The debrief comes when the level is over (this is day {} of {}).",
            s.day,
            game.level().days
        );
    }
    let (_, sections) = crate::classroom::debrief(game);
    let typed = part.map(|p| p.to_lowercase());
    let chosen: Vec<&(String, Vec<String>)> = sections
        .iter()
        .filter(|(title, _)| typed.as_deref().is_none_or(|t| names(&slug(title), t)))
        .take(if typed.is_some() { 1 } else { usize::MAX })
        .collect();
    if chosen.is_empty() {
        let parts: Vec<String> = sections.iter().map(|(t, _)| slug(t)).collect();
        let shown = super::command::printable(part.unwrap_or_default());
        return writeln!(
            out,
            "No part of the debrief called `{shown}`; the parts are: {}.",
            parts.join(", ")
        );
    }
    for (title, lines) in chosen {
        writeln!(out, "--- {title} ---")?;
        for l in lines {
            writeln!(out, "{l}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{names, slug};

    #[test]
    fn parts_are_named_by_short_names_their_starts_or_a_word() {
        assert_eq!(slug("The ledger"), "ledger");
        assert_eq!(slug("What was real?"), "what-was-real");
        assert!(names(&slug("Drift mirror"), "drift"));
        assert!(names(&slug("What was real?"), "real"));
        assert!(names(&slug("Ghost run"), "gh"));
        assert!(!names(&slug("Ghost run"), "run-"));
    }
}
