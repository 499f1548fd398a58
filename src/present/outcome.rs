//! What an outcome says to the player, in one line.

use super::names;
use crate::game::{Game, Outcome};

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
        // Score points, in their own form: dimension points are written `Conduct -3 pts`.
        Outcome::ScoreChanged {
            delta,
            dimension,
            reason,
        } => Some(format!(
            "{} ({}): {reason}",
            super::effect::score_points(*delta),
            names::dimension(game.level(), dimension)
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
    let author = names::author(game.level(), &p.author);
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

/// "1 action left", "3 actions left".
pub fn actions_left(n: u32) -> String {
    if n == 1 {
        "1 action left".into()
    } else {
        format!("{n} actions left")
    }
}
