//! A predicted effect in words, where the level's visibility allows it.

use super::names;
use crate::game::{Action, Game, Prediction};

/// Points of a dimension, never in the form of score points: `Behaviour +8 pts`.
pub fn dimension_points(name: &str, points: i32) -> String {
    format!("{name} {points:+} pts")
}

/// A change of the score itself: `score +12`.
pub fn score_points(delta: i32) -> String {
    format!("score {delta:+}")
}

/// A predicted effect in words, e.g. `score +12 (Behaviour +8 pts), self -3`; `None` where the
/// level hides it. Before the score is switched on only the self is shown.
pub fn effect_text(game: &Game, p: &Prediction) -> Option<String> {
    if !game.rules_visible() {
        return money_text(p);
    }
    let mut parts = Vec::new();
    if game.scored() {
        let dims: Vec<String> = (p.dimensions.iter())
            .map(|(id, pts)| dimension_points(names::dimension(game.level(), id), *pts))
            .collect();
        if dims.is_empty() {
            parts.push(score_points(p.score));
        } else {
            parts.push(format!("{} ({})", score_points(p.score), dims.join(", ")));
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

/// The short form the headless listings use: `score +12, self -3` (empty where the level
/// hides everything a prediction says).
pub fn short(game: &Game, p: &Prediction) -> String {
    let mut parts = Vec::new();
    if game.rules_visible() {
        if game.scored() {
            parts.push(score_points(p.score));
        }
        parts.push(format!("self {:+}", p.integrity));
    }
    parts.extend(money_text(p));
    parts.join(", ")
}

/// [`short`] of an action's prediction, in brackets after a space: ` (score +12, self -3)`.
pub fn action_effect(game: &Game, action: &Action) -> String {
    bracketed(game, game.predict(action).as_ref())
}

/// [`short`] in brackets after a space, or nothing.
pub fn bracketed(game: &Game, p: Option<&Prediction>) -> String {
    match p.map(|p| short(game, p)) {
        Some(s) if !s.is_empty() => format!(" ({s})"),
        _ => String::new(),
    }
}
