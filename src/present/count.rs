//! The lines under a count: every proposal's votes, and the public board where the level
//! puts one up.

use super::names;
use crate::game::{Ballot, Game, Outcome, Voter};

/// The lines that follow a vote's headline: the tally, then the board (if any).
pub fn count_lines(game: &Game, o: &Outcome) -> Vec<String> {
    let Outcome::VoteHeld {
        tally,
        yours,
        barred,
        home,
        board,
        ..
    } = o
    else {
        return Vec::new();
    };
    let level = game.level();
    let name = |id: &str| {
        level
            .proposal(id)
            .map_or(id.to_string(), |p| p.name.clone())
    };
    let counted = yours.as_deref().filter(|_| barred.is_none());
    let row = |n: u32, what: String| format!("  {n:>3}  {what}");
    let mut lines = vec!["The count:".to_string()];
    for (id, n) in tally {
        let mine = if counted == Some(id.as_str()) {
            " (your vote)"
        } else {
            ""
        };
        lines.push(row(*n, format!("{}{mine}", name(id))));
    }
    let away = home + u32::from(counted.is_none());
    if away > 0 {
        lines.push(row(away, "did not vote".into()));
    }
    if let (Some(id), Some(why)) = (yours, barred) {
        lines.push(format!(
            "  Your vote for {} was not counted: {why}.",
            name(id)
        ));
    }
    if board.is_empty() {
        return lines;
    }
    lines.push("On the public board:".into());
    let voters = |pick: Option<&str>| -> Vec<String> {
        (board.iter())
            .filter(|b| b.proposal.as_deref() == pick)
            .map(|b| voter(game, b))
            .collect()
    };
    for (id, _) in tally {
        let who = voters(Some(id));
        if !who.is_empty() {
            lines.push(format!("  {}: {}.", name(id), who.join(", ")));
        }
    }
    let away = voters(None);
    if !away.is_empty() {
        lines.push(format!("  Did not vote: {}.", away.join(", ")));
    }
    if !board.iter().any(|b| b.voter == Voter::You) {
        // Everyone else is named, so a counted vote is the one name missing.
        lines.push(match counted {
            Some(id) => format!(
                "  Your name is not on the board, but the count has one {} vote with no name beside it.",
                name(id)
            ),
            None => "  Your name is not on the board.".into(),
        });
    }
    lines
}

fn voter(game: &Game, b: &Ballot) -> String {
    match &b.voter {
        Voter::You => "you".into(),
        Voter::Person(id) => names::npc(game.level(), id),
    }
}
