//! The lines under the neighbours' ratings: the thing the player did that weighed most for
//! them, and the one that weighed most against, with who rated it, heaviest thumbs first.

use super::names;
use crate::game::{Game, Outcome, Rating};

/// Raters named beside a deed; the rest are counted.
const NAMED: usize = 3;

pub fn rating_lines(game: &Game, o: &Outcome) -> Vec<String> {
    let Outcome::PeersRated { deeds, ratings, .. } = o else {
        return Vec::new();
    };
    let level = game.level();
    let weight = |r: &Rating| r.weight(level.score.min);
    [(true, "For you"), (false, "Against you")]
        .into_iter()
        .filter_map(|(approved, side)| {
            let raters = |deed: usize| {
                (ratings.iter()).filter(move |r| r.approved == approved && r.because == deed)
            };
            let heaviest = (0..deeds.len())
                .map(|d| (d, raters(d).map(weight).sum::<i64>(), raters(d).count()))
                .filter(|(_, _, count)| *count > 0)
                .fold(None, |best: Option<(usize, i64, usize)>, now| match best {
                    Some(b) if (b.1, b.2) >= (now.1, now.2) => Some(b),
                    _ => Some(now),
                })?;
            let deed = match deeds[heaviest.0].trim().trim_end_matches('.') {
                "" => "Something you did",
                d => d,
            };
            let mut by: Vec<&Rating> = raters(heaviest.0).collect();
            by.sort_by_key(|r| std::cmp::Reverse(r.score));
            let mut names: Vec<String> = (by.iter().take(NAMED))
                .map(|r| names::npc(level, &r.npc))
                .collect();
            if by.len() > NAMED {
                names.push(format!("{} more", by.len() - NAMED));
            }
            Some(format!("  {side}: {deed} ({}).", and_list(&names)))
        })
        .collect()
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
