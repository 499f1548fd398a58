//! Words for the player, shared by the headless mode and the terminal UI: what an outcome
//! says, and what a predicted effect shows where the level's visibility allows it.

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
        _ => Some(o.describe(game.level())),
    }
}

/// A predicted effect in words, e.g. `score +12 (Behaviour +8), self -3`; `None` where the
/// level hides it. Before the score is switched on only the self is shown.
pub fn effect_text(game: &Game, p: &Prediction) -> Option<String> {
    if !game.rules_visible() {
        return None;
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
    Some(parts.join(", "))
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
            format!(" ({})", parts.join(", "))
        }
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
