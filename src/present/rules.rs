//! The rules as a citizen may see them: who sets them, what counts now and since when, and
//! how the dimensions add up to the score. Nothing where the level keeps it secret.

use super::names;
use crate::game::Game;
use crate::game::level::RuleSetter;

/// Who decides what counts, in words.
pub fn setter(game: &Game) -> String {
    match &game.level().rule_setter {
        RuleSetter::State => "Who sets the rules: the scoring authority.".into(),
        RuleSetter::Peers { dimension, .. } => format!(
            "Who sets the rules: your neighbours. Each night every person rates your day by their own values; their verdict moves {}.",
            names::dimension(game.level(), dimension)
        ),
        RuleSetter::Vote { every, .. } => match every.max(&1) {
            1 => "Who sets the rules: citizens, by a vote on the proposals every day.".into(),
            n => {
                format!("Who sets the rules: citizens, by a vote on the proposals every {n} days.")
            }
        },
    }
}

/// The rules in force, one a line: `Behaviour -10 pts: Games are idle. [Reported: …]`.
/// Dimension points, never score points: the ledger says what they did to the score.
pub fn in_force(game: &Game) -> Vec<String> {
    if !game.rules_visible() {
        return vec!["The rules are not published.".into()];
    }
    let s = game.state();
    let level = game.level();
    let mut out: Vec<String> = (level.rules.iter())
        .filter(|r| s.active_rules.contains(&r.id))
        .map(|r| {
            // The rules the level began with go without saying; the others say so.
            let since = if r.active { "" } else { " (brought in later)" };
            format!(
                "{}: {} [{}]{since}",
                super::effect::dimension_points(names::dimension(level, &r.dimension), r.points),
                r.description,
                names::provenance(&r.provenance)
            )
        })
        .collect();
    if out.is_empty() {
        out.push("No rule is in force.".into());
    }
    out
}

/// How the dimensions make the score, where that is published.
pub fn weights(game: &Game) -> Option<String> {
    let dims = super::standing::dimensions(game)?;
    let parts: Vec<String> = (dims.iter())
        .map(|d| format!("{} {}%", d.name, d.weight))
        .collect();
    Some(format!(
        "The score weighs each dimension (0-100): {}.",
        parts.join(", ")
    ))
}
