//! The inference ledger: every change to the score, newest first, with what the system
//! inferred from it.

use super::effect::{dimension_points, score_points};
use super::names;
use super::row::{Mark, Row, Target};
use crate::game::Game;
use crate::game::level::Visibility;

pub fn rows(game: &Game) -> Vec<Row> {
    if !game.rules_visible() {
        let mut row = Row::new("The ledger is not available to citizens.", Target::Nothing);
        row.detail = vec!["Your score moves; the reasons are not published.".into()];
        return vec![row];
    }
    let level = game.level();
    let rows = &game.state().ledger;
    if rows.is_empty() {
        return vec![Row::new(
            "Nothing yet: every change to your score will be written here.",
            Target::Nothing,
        )];
    }
    let delayed = matches!(game.state().visibility, Visibility::Delayed { .. });
    (rows.iter().rev())
        .map(|r| {
            let dim = names::dimension(level, &r.dimension);
            let mut row = Row::new(format!("Day {}: {}", r.day, r.did), Target::Row(r.id));
            row.key = Some(r.id.to_string());
            row.aside = if r.applied {
                format!("{:+}", r.delta)
            } else {
                "pending".into()
            };
            row.mark = match (r.applied, r.delta.signum()) {
                (false, _) => Mark::Waiting,
                (_, 1) => Mark::Good,
                (_, -1) => Mark::Bad,
                _ => Mark::Plain,
            };
            row.detail = vec![
                format!("What you did: {}", r.did),
                format!("What the system inferred: {}", r.inference),
                // A dimension made of friends' scores moves with no points of its own.
                match r.points {
                    0 => format!("{dim} ({}), weight {}%", score_points(r.delta), r.weight),
                    n => format!(
                        "{} ({}), weight {}%",
                        dimension_points(dim, n),
                        score_points(r.delta),
                        r.weight
                    ),
                },
            ];
            if r.appealed {
                row.detail.push("You appealed this row.".into());
            }
            if delayed && !r.applied {
                row.detail.push("Applies at the next recomputation.".into());
            }
            row
        })
        .collect()
}
