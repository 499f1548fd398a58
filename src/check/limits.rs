//! Caps on the size of everything in a level (C024), so that a hostile or mistaken file can
//! neither make the game allocate without bound nor overflow its arithmetic. The caps sit
//! far above anything a real level needs; docs/levels.md §6 lists them.

use serde_json::Value;

use super::{Diagnostic, at, locate};
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

pub fn scan(path: &str, src: &str, level: &Level) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if let Ok(value) = serde_json::to_value(level) {
        walk(&value, "", &mut found);
    }
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
    found
        .into_iter()
        .map(|(place, message)| {
            let (offset, width) = whereabouts(src, &place);
            let message = format!("{message} (at `{place}`)");
            let hint = "see the limits in docs/levels.md §6".to_string();
            at(path, src, offset, width, "C024", message, Some(hint))
        })
        .collect()
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

/// Every text, list and number in the level, with where it is.
fn walk(v: &Value, place: &str, found: &mut Vec<(String, String)>) {
    let within = |key: &str| {
        if place.is_empty() {
            key.to_string()
        } else {
            format!("{place}.{key}")
        }
    };
    match v {
        Value::String(s) if s.chars().count() > MAX_TEXT => found.push((
            place.to_string(),
            format!(
                "a text of {} characters; at most {MAX_TEXT}",
                s.chars().count()
            ),
        )),
        Value::Number(n) => {
            let big = match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => i.abs() > MAX_NUMBER,
                (None, Some(f)) => f.is_nan() || f.abs() > MAX_NUMBER as f64,
                (None, None) => true,
            };
            if big {
                found.push((
                    place.to_string(),
                    format!("the number {n} is beyond ±{MAX_NUMBER}"),
                ));
            }
        }
        Value::Array(items) => {
            if items.len() > MAX_LIST {
                found.push((
                    place.to_string(),
                    format!("a list of {} entries; at most {MAX_LIST}", items.len()),
                ));
            }
            for (i, item) in items.iter().enumerate() {
                let name = item
                    .get("id")
                    .and_then(Value::as_str)
                    .map_or(i.to_string(), str::to_string);
                walk(item, &within(&name), found);
            }
        }
        Value::Object(fields) => {
            if fields.len() > MAX_LIST {
                found.push((
                    place.to_string(),
                    format!("{} entries; at most {MAX_LIST}", fields.len()),
                ));
            }
            for (key, value) in fields {
                walk(value, &within(key), found);
            }
        }
        _ => {}
    }
}
