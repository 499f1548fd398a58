//! The content no run ever reached, as text.

use std::fmt::Write;

use super::Reached;
use super::reached::marked;
use crate::game::Level;

/// Content of the level that no run reached, one line per kind.
pub fn unreached(level: &Level, all: &Reached) -> String {
    let missing = |ids: Vec<&String>, seen: &[bool]| -> Vec<String> {
        (ids.into_iter().enumerate())
            .filter(|(i, _)| !marked(seen, *i))
            .map(|(_, id)| id.clone())
            .collect()
    };
    let choices: Vec<String> = (level.events.iter().enumerate())
        .filter(|(i, _)| marked(&all.events, *i))
        .flat_map(|(i, e)| {
            let seen = all.choices.get(i).map_or(&[][..], Vec::as_slice);
            (e.choices.iter().enumerate())
                .filter(move |(c, _)| !marked(seen, *c))
                .map(move |(_, c)| format!("{}.{}", e.id, c.id))
        })
        .collect();
    let lines = [
        (
            "items never bought",
            missing(level.items.iter().map(|i| &i.id).collect(), &all.items),
        ),
        (
            "topics never posted",
            missing(level.topics.iter().map(|t| &t.id).collect(), &all.topics),
        ),
        (
            "events never arrived",
            missing(level.events.iter().map(|e| &e.id).collect(), &all.events),
        ),
        ("choices never taken", choices),
        (
            "endings never reached",
            missing(level.endings.iter().map(|e| &e.id).collect(), &all.endings),
        ),
        (
            "perks never opened",
            missing(level.perks.iter().map(|p| &p.id).collect(), &all.perks),
        ),
        (
            "sanctions never imposed",
            missing(
                level.sanctions.iter().map(|s| &s.id).collect(),
                &all.sanctions,
            ),
        ),
    ];
    let mut out = String::new();
    let mut any = false;
    for (what, ids) in lines {
        if !ids.is_empty() {
            any = true;
            let _ = writeln!(out, "  {what}: {}", ids.join(", "));
        }
    }
    if !any {
        out.push_str(
            "  nothing: every item, topic, event, choice, ending, perk and sanction was reached\n",
        );
    }
    out
}
