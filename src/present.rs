//! Words for the player, shared by the headless mode and the terminal UI: what an outcome
//! says, and what a predicted effect shows where the level's visibility allows it.

use crate::game::state::Author;
use crate::game::{Action, Game, Outcome, Prediction};

/// One line for an outcome, or `None` when the player is not shown it.
pub fn outcome_line(game: &Game, o: &Outcome) -> Option<String> {
    let hidden = !game.rules_visible();
    match o {
        Outcome::FlagSet { .. } | Outcome::DayStarted { .. } => None,
        Outcome::NewsArrived { .. } | Outcome::NpcPosted { .. } => None,
        Outcome::ChangeQueued { .. } if hidden => None,
        Outcome::RuleEnabled { .. } | Outcome::RuleDisabled { .. } if hidden => None,
        Outcome::Recomputed { score, delta } if hidden => Some(format!(
            "Your score was recomputed: {score} ({delta:+}). No reasons are given."
        )),
        Outcome::Liked { post } => Some(format!("Liked {}.", post_words(game, *post))),
        Outcome::Shared { post } => Some(format!("Shared {}.", post_words(game, *post))),
        Outcome::Reported { post } => Some(format!("Reported {}.", post_words(game, *post))),
        _ => Some(o.describe(game.level())),
    }
}

/// The lines for what one step did. An action's line carries its effects ("Liked Kiki Chen's
/// post “…” — self +2, score +3 (Behaviour: Amplifies partners)"); effects with no line of
/// their own (a night's income, rent, pull) are grouped by their reason, one line each.
pub fn outcome_lines(game: &Game, outcomes: &[Outcome]) -> Vec<String> {
    let night = outcomes
        .iter()
        .any(|o| matches!(o, Outcome::DayEnded { .. } | Outcome::DayStarted { .. }));
    let mut lines: Vec<String> = Vec::new();
    // Effects waiting for a line, with their reason.
    let mut pending: Vec<(String, String)> = Vec::new();
    // The line the waiting effects belong to: the step's act, or at night an event answered
    // by default just before them.
    let mut owner: Option<usize> = None;
    for o in outcomes {
        if let Some(effect) = effect_of(game, o) {
            if night && pending.last().is_some_and(|(r, _)| *r != effect.0) {
                flush(&mut lines, &mut pending, owner.take());
            }
            pending.push(effect);
            continue;
        }
        let Some(line) = outcome_line(game, o) else {
            continue;
        };
        if let Outcome::RuleEnabled { rule } = o
            && let Some(last) = lines.last_mut().filter(|l| l.starts_with("New rule"))
            && pending.is_empty()
        {
            let name = game
                .level()
                .rule(rule)
                .map_or(rule.as_str(), |r| &r.description);
            let list = last
                .trim_start_matches("New rules: ")
                .trim_start_matches("New rule: ");
            *last = format!("New rules: {}; {}.", listed(list), listed(name));
            continue;
        }
        if night {
            flush(&mut lines, &mut pending, owner.take());
            if matches!(o, Outcome::Answered { .. }) {
                owner = Some(lines.len());
            }
        } else {
            owner.get_or_insert(lines.len());
        }
        lines.push(line);
    }
    flush(&mut lines, &mut pending, owner);
    lines
}

/// A rule's description as one entry of a list: "Reporting panic, once a day".
fn listed(description: &str) -> String {
    description.trim_end_matches('.').replace(". ", ", ")
}

/// Puts the waiting effects on their owner's line ("… — self +2"), or on a line of their own
/// under their reason ("Paid the rent: score +3 (Contracts: Pays on time)").
fn flush(lines: &mut Vec<String>, pending: &mut Vec<(String, String)>, owner: Option<usize>) {
    let Some((reason, _)) = pending.first() else {
        return;
    };
    let reason = reason.trim_end_matches('.').to_string();
    let effects: Vec<String> = pending.drain(..).map(|(_, e)| e).collect();
    let effects = effects.join(", ");
    match owner.and_then(|at| lines.get_mut(at)) {
        Some(line) => *line = format!("{} — {effects}", line.trim_end_matches('.')),
        None => {
            let mut chars = reason.chars();
            let reason: String = chars
                .next()
                .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect());
            lines.push(format!("{reason}: {effects}"));
        }
    }
}

/// A change to the score, the self or money as (its reason, `score +3 (Behaviour: why)`).
fn effect_of(game: &Game, o: &Outcome) -> Option<(String, String)> {
    Some(match o {
        Outcome::IntegrityChanged { delta, reason } => (reason.clone(), format!("self {delta:+}")),
        Outcome::MoneyChanged { delta, reason } => (reason.clone(), format!("money {delta:+}")),
        Outcome::ScoreChanged {
            delta,
            dimension,
            reason,
        } => {
            let name = game
                .level()
                .dimension(dimension)
                .map_or(dimension.as_str(), |d| d.name.as_str());
            // The core writes "did (inference)": the did is the reason the other effects share.
            let (did, why) = match reason.rsplit_once(" (") {
                Some((did, why)) if why.ends_with(')') => (did, why.trim_end_matches(')')),
                _ => (reason.as_str(), ""),
            };
            let why = if why.is_empty() {
                name.to_string()
            } else {
                format!("{name}: {why}")
            };
            (did.to_string(), format!("score {delta:+} ({why})"))
        }
        _ => return None,
    })
}

/// A feed post as a player knows it: whose it is and how it starts ("Kiki Chen's post
/// “Cleaned out my friends list…”"), never its number.
pub fn post_words(game: &Game, post: usize) -> String {
    let Some(p) = game.state().feed.get(post) else {
        return "a post".into();
    };
    let level = game.level();
    let author = match &p.author {
        Author::Npc(id) => level.npc(id).map_or(id.to_string(), |n| n.name.clone()),
        Author::News(source) => source.to_string(),
    };
    // About five words, cut at a space, enough to know the post again.
    let mut start: String = p.text.chars().take(30).collect();
    if start.len() < p.text.len() {
        if let Some(at) = start.rfind(' ').filter(|&at| at > 12) {
            start.truncate(at);
        }
        start = format!("{}…", start.trim_end_matches([' ', ',', '.', ':', ';']));
    }
    format!("{author}'s post “{start}”")
}

/// A predicted effect in words, e.g. `score +12 (Behaviour +8), self -3`; `None` where the
/// level hides it. Before the score is switched on only the self is shown.
pub fn effect_text(game: &Game, p: &Prediction) -> Option<String> {
    if !game.rules_visible() {
        return money_text(p);
    }
    let mut parts = Vec::new();
    if game.scored() {
        let dims: Vec<String> = p
            .dimensions
            .iter()
            .map(|(id, pts)| {
                let name = game
                    .level()
                    .dimension(id)
                    .map_or(id.as_str(), |d| d.name.as_str());
                format!("{name} {pts:+}")
            })
            .collect();
        if dims.is_empty() {
            parts.push(format!("score {:+}", p.score));
        } else {
            parts.push(format!("score {:+} ({})", p.score, dims.join(", ")));
        }
    }
    parts.push(format!("self {:+}", p.integrity));
    parts.extend(money_text(p));
    Some(parts.join(", "))
}

/// What a choice pays or takes: a fact, shown whatever the level hides about the score.
fn money_text(p: &Prediction) -> Option<String> {
    (p.money != 0).then(|| format!("money {:+}", p.money))
}

/// The short form the headless listings use: ` (score +12, self -3)`.
pub fn action_effect(game: &Game, action: &Action) -> String {
    match game.predict(action) {
        Some(p) if game.rules_visible() => {
            let mut parts = Vec::new();
            if game.scored() {
                parts.push(format!("score {:+}", p.score));
            }
            parts.push(format!("self {:+}", p.integrity));
            parts.extend(money_text(&p));
            format!(" ({})", parts.join(", "))
        }
        Some(p) => money_text(&p).map_or(String::new(), |m| format!(" ({m})")),
        _ => String::new(),
    }
}

/// "1 action left", "3 actions left".
pub fn actions_left(n: u32) -> String {
    if n == 1 {
        "1 action left".into()
    } else {
        format!("{n} actions left")
    }
}
