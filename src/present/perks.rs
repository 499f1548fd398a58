//! Perks and sanctions: what the score opens and closes, at which threshold, and where each
//! comes from.

use super::names;
use super::row::{Mark, Row, Target};
use crate::game::Game;

pub fn rows(game: &Game) -> Vec<Row> {
    let s = game.state();
    let mut out = Vec::new();
    for p in &game.level().perks {
        let open = s.perks.contains(&p.id);
        let mut row = Row::new(p.name.clone(), Target::Nothing);
        row.key = Some(p.id.clone());
        row.aside = if open {
            "open".into()
        } else {
            format!("requires {}", p.threshold)
        };
        row.mark = if open { Mark::Good } else { Mark::Faded };
        row.detail = vec![p.description.clone(), names::provenance(&p.provenance)];
        out.push(row);
    }
    for x in &game.level().sanctions {
        let on = s.sanctions.contains(&x.id);
        let mut row = Row::new(x.name.clone(), Target::Nothing);
        row.key = Some(x.id.clone());
        row.aside = if on {
            "IN FORCE".into()
        } else {
            format!("below {}", x.below)
        };
        row.mark = if on { Mark::Bad } else { Mark::Faded };
        row.detail = vec![x.description.clone(), names::provenance(&x.provenance)];
        out.push(row);
    }
    out
}

/// How many perks come first in [`rows`]: the rest are sanctions.
pub fn perk_count(game: &Game) -> usize {
    game.level().perks.len()
}
