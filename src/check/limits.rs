//! Caps on the size of everything in a level (C024), so that a hostile or mistaken file can
//! neither make the game allocate without bound nor overflow its arithmetic. The caps sit
//! far above anything a real level needs; docs/levels.md §6 lists them.

mod budget;
pub(super) mod walk;

pub use budget::{MAX_DAY_WORK, MAX_GAME_WORK, MAX_SAVE_ESTIMATE, MAX_WEIGHED, save_estimate};

use super::{Found, at, locate};
use crate::game::Level;

/// Characters in any one text.
pub const MAX_TEXT: usize = 4_000;
/// Entries in any one list.
pub const MAX_LIST: usize = 500;
/// The size of any number, either way.
pub const MAX_NUMBER: i64 = 1_000_000_000;
/// The score range's ends, either way.
pub const MAX_SCORE: i32 = 1_000_000;
/// A dimension's weight.
pub const MAX_WEIGHT: u32 = 1_000;
/// A discount or a surcharge, in percent.
pub const MAX_PERCENT: u32 = 1_000;

/// What the walk over a level found, each list capped, with how many more there were.
pub struct Scan {
    /// Values beyond a cap (C024).
    pub beyond: Vec<Found>,
    pub more_beyond: usize,
    /// Texts that hold, once decoded, a character level text may not (C018).
    pub unsafe_texts: Vec<Found>,
    pub more_unsafe: usize,
}

pub fn scan(src: &str, level: &Level, cap: usize) -> Scan {
    let walked = walk::walk(level, cap, cap);
    let mut found = walked.beyond;
    found.extend(budget::problems(level));
    let s = &level.score;
    if s.min.abs() > MAX_SCORE || s.max.abs() > MAX_SCORE {
        found.push((
            "score".into(),
            format!("the score range must lie within ±{MAX_SCORE}"),
        ));
    }
    for d in s.dimensions.iter().filter(|d| d.weight > MAX_WEIGHT) {
        found.push((
            format!("score.dimensions.{}", d.id),
            format!("weight {} is over {MAX_WEIGHT}", d.weight),
        ));
    }
    let percents = level
        .perks
        .iter()
        .flat_map(|p| p.effects.iter().map(move |e| (&p.id, e.percent())))
        .chain(
            level
                .sanctions
                .iter()
                .flat_map(|s| s.effects.iter().map(move |e| (&s.id, e.percent()))),
        );
    for (id, percent) in percents {
        if percent.is_some_and(|p| p > MAX_PERCENT) {
            found.push((
                id.clone(),
                format!("a discount or surcharge over {MAX_PERCENT}%"),
            ));
        }
    }
    // Locating a place reads the source: only as many as can be shown.
    let more_beyond = walked.more_beyond + found.len().saturating_sub(cap);
    found.truncate(cap);
    let beyond = found
        .into_iter()
        .map(|(place, message)| {
            let (offset, width) = whereabouts(src, &place);
            let message = format!("{message} (at `{place}`)");
            let hint = "see the limits in docs/levels.md §6".to_string();
            at(offset, width, "C024", message, Some(hint))
        })
        .collect();
    let unsafe_texts = walked
        .unsafe_texts
        .into_iter()
        .map(|(place, message)| {
            let (offset, width) = whereabouts(src, &place);
            let message = format!("{message} (at `{place}`)");
            let hint = "remove it; level text must be plain printable characters".to_string();
            at(offset, width, "C018", message, Some(hint))
        })
        .collect();
    Scan {
        beyond,
        more_beyond,
        unsafe_texts,
        more_unsafe: walked.more_unsafe,
    }
}

/// The source position of a place like `items.game.description`: the section, then the
/// entity by its id, then the field, as far as each can be found.
fn whereabouts(src: &str, place: &str) -> (usize, usize) {
    let parts: Vec<&str> = place.split('.').collect();
    let Some(mut offset) = locate::field(src, parts[0], 0) else {
        return (0, 1);
    };
    let mut width = parts[0].len();
    if let Some(id) = parts.get(1).and_then(|id| locate::id(src, id, offset, 0)) {
        offset = id;
        width = parts[1].len() + 2;
        if let Some(last) = parts.get(2..).and_then(|rest| rest.last())
            && let Some(field) = locate::field(src, last, offset)
        {
            (offset, width) = (field, last.len());
        }
    }
    (offset, width)
}
