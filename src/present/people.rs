//! The people around the player: friends first, their scores, and what befriending or
//! unfriending them would do.

use super::row::{Mark, Row, Target};
use crate::game::{Action, Game, Refusal};

pub fn rows(game: &Game) -> Vec<Row> {
    let s = game.state();
    let mut npcs: Vec<_> = game.level().npcs.iter().collect();
    npcs.sort_by_key(|n| !s.friends.contains(&n.id));
    npcs.into_iter()
        .map(|n| {
            let friend = s.friends.contains(&n.id);
            let score = s.npcs.get(&n.id).map_or(n.score, |x| x.score);
            let star = if friend { "★ " } else { "  " };
            let mut row = Row::new(format!("{star}{}", n.name), Target::Person(n.id.clone()));
            row.key = Some(n.id.clone());
            row.aside = score.to_string();
            let yours = if friend { ", your friend" } else { "" };
            row.detail = vec![format!("{} — score {score}{yours}", n.name), n.bio.clone()];
            if let Some(t) = n.tolerance {
                row.detail
                    .push(format!("Keeps company with scores of {t} or more."));
            }
            let action = if friend {
                row.verb = "If you unfriend";
                row.mark = Mark::Good;
                Action::Unfriend { npc: n.id.clone() }
            } else {
                row.verb = "If you befriend";
                Action::Befriend { npc: n.id.clone() }
            };
            row.effect = game.predict(&action);
            row.lock = match game.refusal(&action) {
                Some(Refusal::Declined { reason, .. }) => {
                    Some(format!("would refuse you: {reason}"))
                }
                _ => super::shop::lock(game, &action),
            };
            row
        })
        .collect()
}
