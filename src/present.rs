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
    let mut start: String = p.text.chars().take(40).collect();
    if start.len() < p.text.len() {
        start = format!("{}…", start.trim_end());
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
