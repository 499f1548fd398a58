//! The headless mode's listings: plain text, deterministic, one thing a line.

use std::io::{self, Write};

use crate::game::level::{Source, Visibility};
use crate::game::state::{Author, Reaction};
use crate::game::{Action, Game};
use crate::present::action_effect as effect;

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
    let perks: Vec<&str> = level
        .perks
        .iter()
        .filter(|p| s.perks.contains(&p.id))
        .map(|p| p.name.as_str())
        .collect();
    let sanctions: Vec<&str> = level
        .sanctions
        .iter()
        .filter(|x| s.sanctions.contains(&x.id))
        .map(|x| x.name.as_str())
        .collect();
    if !perks.is_empty() {
        writeln!(out, "Perks: {}", perks.join(", "))?;
    }
    if !sanctions.is_empty() {
        writeln!(out, "Sanctions: {}", sanctions.join(", "))?;
    }
    if let Some(d) = &s.draft {
        let topic = game.level().topic(d).map_or(&**d, |t| t.name.as_str());
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

pub fn shop(game: &Game, out: &mut impl Write) -> R {
    writeln!(out, "Shop (you have {}):", game.state().money)?;
    for item in game.level().items.iter().filter(|i| game.item_listed(i)) {
        let action = Action::Buy {
            item: item.id.clone(),
        };
        let note = match game.check_item(item).and(game.check_tags(&item.tags)) {
            Err(refusal) => format!(" [{refusal}]"),
            Ok(()) => effect(game, &action),
        };
        writeln!(
            out,
            "  {:<16} {:>6}  {}{note}",
            item.id,
            game.price(item),
            crate::present::named(&item.name, &item.description)
        )?;
    }
    Ok(())
}

pub fn topics(game: &Game, out: &mut impl Write) -> R {
    writeln!(out, "Topics you could post about:")?;
    for t in game.level().topics.iter().filter(|t| game.topic_listed(t)) {
        let note = match game.check_topic(t).and(game.check_tags(&t.tags)) {
            Err(refusal) => format!(" [{refusal}]"),
            Ok(()) => effect(
                game,
                &Action::Draft {
                    topic: t.id.clone(),
                },
            ),
        };
        let named = crate::present::named(&t.name, &t.description);
        writeln!(out, "  {:<16} {named}{note}", t.id)?;
    }
    Ok(())
}

pub fn draft(game: &Game, out: &mut impl Write) -> R {
    let Some(topic) = game
        .state()
        .draft
        .as_deref()
        .and_then(|t| game.level().topic(t))
    else {
        return Ok(());
    };
    writeln!(out, "Your draft: \"{}\"", topic.text)?;
    writeln!(out, "  post{}", effect(game, &Action::Post))?;
    writeln!(out, "  cancel{}", effect(game, &Action::CancelDraft))
}

pub fn feed(game: &Game, out: &mut impl Write) -> R {
    let level = game.level();
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
    for p in feed.iter().rev().take(12) {
        let author = match &p.author {
            Author::Npc(id) => level.npc(id).map_or(id.to_string(), |n| n.name.clone()),
            Author::News(source) => source.to_string(),
        };
        let mut marks = Vec::new();
        for r in &p.reactions {
            marks.push(match r {
                Reaction::Liked => "liked",
                Reaction::Shared => "shared",
                Reaction::Reported => "reported",
            });
        }
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!(" [{}]", marks.join(", "))
        };
        writeln!(
            out,
            "  [{}] day {}, {author}: {}{marks}",
            p.id, p.day, p.text
        )?;
        if game.rules_visible() {
            let like = effect(game, &Action::Like { post: p.id });
            let share = effect(game, &Action::Share { post: p.id });
            let report = match p.author {
                Author::Npc(_) => {
                    format!(", report{}", effect(game, &Action::Report { post: p.id }))
                }
                Author::News(_) => String::new(),
            };
            writeln!(out, "       like{like}, share{share}{report}")?;
        }
    }
    Ok(())
}

pub fn people(game: &Game, out: &mut impl Write) -> R {
    let s = game.state();
    writeln!(out, "People:")?;
    for n in &game.level().npcs {
        let score = s.npcs.get(&n.id).map_or(n.score, |x| x.score);
        let friend = s.friends.contains(&n.id);
        let mark = if friend { "friend" } else { "      " };
        writeln!(
            out,
            "  {:<12} {mark} score {score:>4}  {} — {}",
            n.id, n.name, n.bio
        )?;
        let action = if friend {
            Action::Unfriend { npc: n.id.clone() }
        } else {
            Action::Befriend { npc: n.id.clone() }
        };
        let verb = if friend { "unfriend" } else { "befriend" };
        let refusal = if friend {
            None
        } else {
            game.refuses_friendship(&n.id)
        };
        match refusal {
            Some(reason) => writeln!(out, "               {verb}: refused, {reason}")?,
            None => writeln!(
                out,
                "               {verb}{}, denounce{}",
                effect(game, &action),
                effect(game, &Action::Denounce { npc: n.id.clone() })
            )?,
        }
    }
    Ok(())
}

pub fn inbox(game: &Game, out: &mut impl Write) -> R {
    let level = game.level();
    let s = game.state();
    if s.inbox.is_empty() {
        return writeln!(out, "Your inbox is empty.");
    }
    for entry in s.inbox.iter().rev() {
        let Some(e) = level.event(&entry.event) else {
            continue;
        };
        match &entry.answer {
            None => {
                writeln!(out, "  {} (day {}, waiting): {}", e.id, entry.day, e.title)?;
                writeln!(out, "    {}", e.text)?;
                for c in &e.choices {
                    let action = Action::Answer {
                        event: e.id.clone(),
                        choice: c.id.clone(),
                    };
                    let lock = match game.check_tags(&c.tags) {
                        Err(refusal) => format!(" [{refusal}]"),
                        Ok(()) => effect(game, &action),
                    };
                    let default = if e.default.as_deref() == Some(&c.id) {
                        " (default)"
                    } else {
                        ""
                    };
                    writeln!(
                        out,
                        "    answer {} {} — {}{default}{lock}",
                        e.id, c.id, c.text
                    )?;
                }
            }
            Some(_) if e.choices.is_empty() => writeln!(
                out,
                "  {} (day {}, bulletin): {} — {}",
                e.id, entry.day, e.title, e.text
            )?,
            Some(a) => writeln!(
                out,
                "  {} (day {}, answered {}): {}",
                e.id, entry.day, a.choice, e.title
            )?,
        }
    }
    Ok(())
}

pub fn ledger(game: &Game, out: &mut impl Write) -> R {
    if !game.rules_visible() {
        return writeln!(out, "The ledger is not available to citizens.");
    }
    let level = game.level();
    let rows = &game.state().ledger;
    if rows.is_empty() {
        return writeln!(out, "The ledger is empty.");
    }
    for r in rows {
        let dim = level
            .dimension(&r.dimension)
            .map_or(&*r.dimension, |d| d.name.as_str());
        let delta = if r.applied {
            format!("{:+}", r.delta)
        } else {
            "pending".into()
        };
        let appealed = if r.appealed { " [appealed]" } else { "" };
        writeln!(
            out,
            "  #{:<3} day {:>2}  {delta:>7}  {dim} ({}%)  {} — inferred: {}{appealed}",
            r.id, r.day, r.weight, r.did, r.inference
        )?;
    }
    Ok(())
}

fn provenance_label(s: Source) -> &'static str {
    match s {
        Source::Real => "real",
        Source::Reported => "reported",
        Source::Fiction => "fiction",
    }
}

pub fn perks(game: &Game, out: &mut impl Write) -> R {
    let s = game.state();
    writeln!(out, "Perks:")?;
    for p in &game.level().perks {
        let state = if s.perks.contains(&p.id) {
            "open".to_string()
        } else {
            format!("requires {}", p.threshold)
        };
        writeln!(
            out,
            "  {} [{state}] — {} ({})",
            p.name,
            p.description,
            provenance_label(p.provenance.source)
        )?;
    }
    writeln!(out, "Sanctions:")?;
    for x in &game.level().sanctions {
        let state = if s.sanctions.contains(&x.id) {
            "IN FORCE".to_string()
        } else {
            format!("below {}", x.below)
        };
        writeln!(
            out,
            "  {} [{state}] — {} ({})",
            x.name,
            x.description,
            provenance_label(x.provenance.source)
        )?;
    }
    Ok(())
}

pub fn rules(game: &Game, out: &mut impl Write) -> R {
    if !game.rules_visible() {
        return writeln!(out, "The rules are not published.");
    }
    let s = game.state();
    for r in game
        .level()
        .rules
        .iter()
        .filter(|r| s.active_rules.contains(&r.id))
    {
        let level = game.level();
        let dim = level
            .dimension(&r.dimension)
            .map_or(&*r.dimension, |d| d.name.as_str());
        writeln!(
            out,
            "  {:+} {}: {} [{}: {}]",
            r.points,
            dim,
            r.description,
            provenance_label(r.provenance.source),
            r.provenance.note
        )?;
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
        let named = crate::present::named(&p.name, &p.description);
        writeln!(out, "  {:<16} {named}{mine}", p.id)?;
    }
    Ok(())
}

pub fn summary(game: &Game, out: &mut impl Write) -> R {
    writeln!(out)?;
    if let Some(e) = game.ending() {
        writeln!(out, "=== {} ===", e.title)?;
        writeln!(out, "{}", e.text)?;
        writeln!(out)?;
    }
    write!(out, "{}", crate::classroom::debrief_text(game))?;
    Ok(())
}
