//! The main listings in lines: the same rows the terminal UI draws (`crate::present`), each
//! with what to type, its effect or why it is locked, then its description.

use std::io::{self, Write};

use crate::game::state::Reaction;
use crate::game::{Action, Game};
use crate::present::effect::bracketed;
use crate::present::{self, Listing, Row, Target, names};

type R = io::Result<()>;

/// How many of the newest posts `feed` prints.
pub const FEED_SHOWN: usize = 12;

/// The effect of a row in brackets, or why it is locked in square brackets.
fn note(game: &Game, row: &Row) -> String {
    match &row.lock {
        Some(lock) => format!(" [{lock}]"),
        None => bracketed(game, row.effect.as_ref()),
    }
}

/// A description after what a row does (" — Thirty years of broth."), none when it is empty.
fn flavour(description: &str) -> String {
    match description.trim() {
        "" => String::new(),
        d => format!(" — {d}"),
    }
}

pub fn shop(game: &Game, out: &mut impl Write) -> R {
    writeln!(out, "Shop (you have {}):", game.state().money)?;
    for row in present::rows(game, Listing::Shop) {
        let key = row.key.as_deref().unwrap_or("");
        let description = row.detail.first().map_or("", String::as_str);
        writeln!(
            out,
            "  {key:<16} {:>6}  {}{}{}",
            row.aside,
            row.label,
            note(game, &row),
            flavour(description)
        )?;
    }
    Ok(())
}

pub fn topics(game: &Game, out: &mut impl Write) -> R {
    writeln!(out, "Topics you could post about:")?;
    for t in game.level().topics.iter().filter(|t| game.topic_listed(t)) {
        let draft = Action::Draft {
            topic: t.id.clone(),
        };
        let note = match game.refusal(&draft) {
            Some(refusal) => format!(" [{refusal}]"),
            None => present::action_effect(game, &draft),
        };
        let flavour = flavour(&t.description);
        writeln!(out, "  {:<16} {}{note}{flavour}", t.id, t.name)?;
    }
    Ok(())
}

pub fn draft(game: &Game, out: &mut impl Write) -> R {
    let Some(topic) = (game.state().draft.as_deref()).and_then(|t| game.level().topic(t)) else {
        return Ok(());
    };
    writeln!(out, "Your draft: \"{}\"", topic.text)?;
    writeln!(out, "  post{}", present::action_effect(game, &Action::Post))?;
    let cancel = present::action_effect(game, &Action::CancelDraft);
    writeln!(out, "  cancel{cancel}")
}

pub fn feed(game: &Game, out: &mut impl Write) -> R {
    let feed = game.visible_feed();
    if feed.len() < game.state().feed.len() {
        writeln!(
            out,
            "Your connection is throttled: only the newest {} posts load.",
            feed.len()
        )?;
    }
    if feed.is_empty() {
        return writeln!(out, "The feed is empty.");
    }
    let rows = present::rows(game, Listing::Feed);
    let posts: Vec<(&Row, usize)> = (rows.iter())
        .filter_map(|r| match r.target {
            Target::Post(id) => Some((r, id)),
            _ => None,
        })
        .collect();
    for &(row, id) in posts.iter().take(FEED_SHOWN) {
        let Some(p) = game.state().feed.get(id) else {
            continue;
        };
        let done: Vec<&str> = p.reactions.iter().map(|r| names::reacted(*r)).collect();
        let done = match done.is_empty() {
            true => String::new(),
            false => format!(" [{}]", done.join(", ")),
        };
        writeln!(out, "  [{id}] {}, {}{done}", row.aside, row.label)?;
        let open: Vec<String> = (names::open_reactions(p).into_iter())
            .map(|r| {
                let (verb, action) = match r {
                    Reaction::Liked => ("like", Action::Like { post: id }),
                    Reaction::Shared => ("share", Action::Share { post: id }),
                    Reaction::Reported => ("report", Action::Report { post: id }),
                };
                match game.refusal(&action) {
                    Some(refusal) => format!("{verb} [{refusal}]"),
                    None => format!("{verb}{}", present::action_effect(game, &action)),
                }
            })
            .collect();
        if !open.is_empty() {
            writeln!(out, "       {}", open.join(", "))?;
        }
    }
    if posts.len() > FEED_SHOWN {
        let older = posts.len() - FEED_SHOWN;
        writeln!(out, "  ({older} older posts not shown)")?;
    }
    Ok(())
}

pub fn people(game: &Game, out: &mut impl Write) -> R {
    writeln!(out, "People:")?;
    for row in present::rows(game, Listing::Friends) {
        let key = row.key.as_deref().unwrap_or("");
        let friend = game.state().friends.contains(key);
        let mark = if friend { "friend" } else { "      " };
        let name = row.label.trim_start_matches(['★', ' ']);
        let verb = if friend { "unfriend" } else { "befriend" };
        let denounce = Action::Denounce {
            npc: key.to_string(),
        };
        let denounce = match game.refusal(&denounce) {
            Some(refusal) => format!("denounce [{refusal}]"),
            None => format!("denounce{}", present::action_effect(game, &denounce)),
        };
        writeln!(
            out,
            "  {key:<12} {mark} score {:>4}  {name}: {verb}{}, {denounce}",
            row.aside,
            note(game, &row)
        )?;
        if let Some(bio) = row.detail.get(1) {
            writeln!(out, "               {bio}")?;
        }
    }
    Ok(())
}

pub fn ledger(game: &Game, out: &mut impl Write) -> R {
    if !game.rules_visible() {
        return writeln!(out, "The ledger is not available to citizens.");
    }
    if game.state().ledger.is_empty() {
        return writeln!(out, "The ledger is empty.");
    }
    // Oldest first, as a log reads.
    for row in present::rows(game, Listing::Ledger).iter().rev() {
        let key = row.key.as_deref().unwrap_or("");
        writeln!(
            out,
            "  #{key:<3} {:>7}  {} — {}",
            row.aside,
            row.label,
            row.detail.get(1..).unwrap_or_default().join("; ")
        )?;
    }
    Ok(())
}

pub fn perks(game: &Game, out: &mut impl Write) -> R {
    let rows = present::rows(game, Listing::Perks);
    let (perks, sanctions) = rows.split_at(present::perks::perk_count(game).min(rows.len()));
    for (title, rows) in [("Perks:", perks), ("Sanctions:", sanctions)] {
        writeln!(out, "{title}")?;
        for row in rows {
            writeln!(
                out,
                "  {} [{}] — {} ({})",
                row.label,
                row.aside,
                row.detail.first().map_or("", String::as_str),
                row.detail.get(1).map_or("", String::as_str)
            )?;
        }
    }
    Ok(())
}
