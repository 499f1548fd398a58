//! The inbox in lines: what is open (the ballot, events waiting with each answer's effect,
//! withheld messages), then, with `inbox all`, what was answered and announced.

use std::io::{self, Write};

use crate::game::{Action, Game};
use crate::present::effect::bracketed;
use crate::present::{Target, Then, inbox, menu};

pub fn inbox(game: &Game, all: bool, out: &mut impl Write) -> io::Result<()> {
    let open = inbox::open(game);
    let past = inbox::past(game);
    if open.is_empty() && past.is_empty() {
        return writeln!(out, "Your inbox is empty.");
    }
    if open.is_empty() {
        writeln!(out, "Nothing is waiting for you.")?;
    }
    for row in &open {
        match &row.target {
            Target::Ballot if row.aside == "closed" => {
                let why = row.detail.last().map_or("", String::as_str);
                writeln!(out, "  {} (closed): {why}", row.label)?;
            }
            Target::Ballot => {
                let voted = match row.aside.is_empty() {
                    true => "you have not voted",
                    false => row.detail.last().map_or("", String::as_str),
                };
                writeln!(
                    out,
                    "  {} ({voted}): `proposals`, then `vote PROPOSAL`",
                    row.label
                )?;
            }
            Target::Event(id) => {
                writeln!(
                    out,
                    "  {id} (waiting): {}",
                    row.label.trim_end_matches(" (waiting)")
                )?;
                for d in &row.detail {
                    writeln!(out, "    {d}")?;
                }
                answers(game, id, out)?;
            }
            _ => writeln!(out, "  {}: {}", row.label, row.detail.join(" "))?,
        }
    }
    match (all, past.len()) {
        (_, 0) => {}
        (false, n) => writeln!(
            out,
            "{n} answered event(s) and bulletin(s): `inbox all` lists them."
        )?,
        (true, _) => {
            writeln!(out, "Answered and announced, newest first:")?;
            for row in &past {
                let key = row.key.as_deref().unwrap_or("");
                let last = row.detail.last().map_or("", String::as_str);
                writeln!(out, "  {key} ({}): {} — {last}", row.aside, row.label)?;
            }
        }
    }
    Ok(())
}

/// Each answer to a waiting event: what to type, its effect (or why it is locked), its text.
fn answers(game: &Game, id: &str, out: &mut impl Write) -> io::Result<()> {
    let Some(menu) = menu::event(game, id) else {
        return Ok(());
    };
    for c in &menu.choices {
        let Then::Play(Action::Answer { event, choice }) = &c.then else {
            continue;
        };
        let note = match &c.lock {
            Some(lock) => format!(" [{lock}]"),
            None => bracketed(game, c.effect.as_ref()),
        };
        writeln!(out, "    answer {event} {choice}{note} — {}", c.label)?;
    }
    Ok(())
}
