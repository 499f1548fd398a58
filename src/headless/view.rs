//! The headless mode's listings: plain text, deterministic, one thing a line.

use std::io::{self, Write};

use crate::game::Game;
use crate::game::level::Visibility;
use crate::present::{self, names, standing};

use super::command::HELP;

type R = io::Result<()>;

pub fn intro(game: &Game, out: &mut impl Write) -> R {
    let level = game.level();
    writeln!(out, "{} — {}", level.title, level.setting)?;
    writeln!(out)?;
    for p in &level.intro {
        writeln!(out, "{p}")?;
        writeln!(out)?;
    }
    let persona = game.persona();
    writeln!(out, "You are {}: {}", persona.name, persona.description)?;
    if let Some(c) = &level.consent {
        writeln!(out)?;
        writeln!(out, "{}", c.title)?;
        writeln!(out, "{}", c.text)?;
        let mark = if c.pre_ticked { "[x]" } else { "[ ]" };
        writeln!(out, "{mark} {}", c.checkbox)?;
        writeln!(
            out,
            "Answer with `consent yes` or `consent no`; doing anything else leaves the box as it is."
        )?;
    }
    if level.baseline_days > 0 {
        writeln!(out)?;
        let days = match level.baseline_days {
            1 => "day".to_string(),
            n => format!("{n} days"),
        };
        writeln!(
            out,
            "For the first {days} there is no score. Live as you like."
        )?;
    }
    writeln!(out, "Type `help` for the commands.")?;
    writeln!(out)
}

pub fn help(out: &mut impl Write) -> R {
    writeln!(out, "Commands:")?;
    for (cmd, what) in HELP {
        writeln!(out, "  {cmd:<22} {what}")?;
    }
    Ok(())
}

pub fn status(game: &Game, out: &mut impl Write) -> R {
    let s = game.state();
    let level = game.level();
    writeln!(
        out,
        "-- Day {} of {} — {} --",
        s.day.min(level.days),
        level.days,
        crate::present::actions_left(s.actions_left)
    )?;
    match (s.score, game.tier()) {
        (Some(score), Some(tier)) => {
            writeln!(out, "{}: {score} ({})", level.score.name, tier.name)?
        }
        (Some(score), None) => writeln!(out, "{}: {score}", level.score.name)?,
        (None, _) => writeln!(out, "{}: not yet switched on", level.score.name)?,
    }
    writeln!(
        out,
        "Self: {}/100   Money: {}   Friends: {}",
        s.integrity,
        s.money,
        s.friends.len()
    )?;
    if let Some(dims) = standing::dimensions(game).filter(|_| s.score.is_some()) {
        let dims: Vec<String> = (dims.iter())
            .map(|d| format!("{} {} ({}%)", d.name, d.value, d.weight))
            .collect();
        writeln!(out, "Dimensions (0-100, weight): {}", dims.join(", "))?;
    }
    let perks = standing::perks_open(game);
    let sanctions = standing::sanctions_in_force(game);
    if !perks.is_empty() {
        writeln!(out, "Perks: {}", perks.join(", "))?;
    }
    if !sanctions.is_empty() {
        writeln!(out, "Sanctions: {}", sanctions.join(", "))?;
    }
    if let Some(d) = &s.draft {
        let topic = names::topic(game.level(), d);
        writeln!(out, "Open draft: {topic} (`post` or `cancel`)")?;
    }
    // The title to read, the id to type after `answer`.
    let pending: Vec<String> = (game.pending_events())
        .map(|e| format!("{} (`{}`)", e.title, e.id))
        .collect();
    if !pending.is_empty() {
        writeln!(out, "Waiting in your inbox: {}", pending.join(", "))?;
    }
    let pending_rows = s.ledger.iter().filter(|r| !r.applied).count();
    if pending_rows > 0 && matches!(s.visibility, Visibility::Delayed { .. }) {
        writeln!(
            out,
            "Changes pending until the next recomputation: {pending_rows}"
        )?;
    }
    Ok(())
}

pub fn rules(game: &Game, out: &mut impl Write) -> R {
    writeln!(out, "{}", present::rules::setter(game))?;
    if let Some(w) = present::rules::weights(game) {
        writeln!(out, "{w}")?;
    }
    for line in present::rules::in_force(game) {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

pub fn proposals(game: &Game, out: &mut impl Write) -> R {
    let level = game.level();
    if level.proposals.is_empty() {
        return writeln!(out, "There is nothing to vote on.");
    }
    for p in &level.proposals {
        let mine = if game.state().vote.as_deref() == Some(&p.id) {
            " [your vote]"
        } else {
            ""
        };
        let vote = crate::game::Action::Vote {
            proposal: p.id.clone(),
        };
        let effect = crate::present::action_effect(game, &vote);
        writeln!(
            out,
            "  {:<16} {}{effect} — {}{mine}",
            p.id, p.name, p.description
        )?;
    }
    Ok(())
}

/// The ending, the summary and the result code, then the debrief unless it comes in parts.
pub fn summary(game: &Game, out: &mut impl Write, in_parts: bool) -> R {
    writeln!(out)?;
    if let Some(e) = game.ending() {
        writeln!(out, "=== {} ===", e.title)?;
        writeln!(out, "{}", e.text)?;
        writeln!(out)?;
    }
    let text = crate::classroom::debrief_text(game);
    let shown = match in_parts {
        // The summary and the code come before the first part.
        true => text.split("\n--- ").next().unwrap_or_default(),
        false => &text,
    };
    write!(out, "{shown}")?;
    Ok(())
}
