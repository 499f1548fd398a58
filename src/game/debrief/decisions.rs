//! What the player's decisions say in words: the friendships they ended, the reports they
//! filed, and a decision quoted.

use super::files_report;
use crate::game::journal::{Decision, DecisionKind};
use crate::game::level::Level;

/// The friendships the player's decisions ended, with what each decision was.
pub(super) fn dropped(level: &Level, decisions: &[Decision]) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for d in decisions.iter().filter(|d| !d.ended.is_empty()) {
        let label = &d.options[d.chosen].label;
        let names: Vec<&str> = (d.ended.iter())
            .map(|id| level.npc(id).map_or(id.as_str(), |n| n.name.as_str()))
            .collect();
        let what = match d.kind {
            DecisionKind::Friend if d.options[d.chosen].id == "unfriend" => label.clone(),
            DecisionKind::Friend => format!("{label}: a friend, reported, is a friend no more"),
            _ => format!(
                "{} — your friendship with {} ended{}",
                plain(level, d),
                names.join(", "),
                if d.defaulted {
                    " (the default, when the day ended)"
                } else {
                    ""
                }
            ),
        };
        out.push((d.day, what));
    }
    out
}

/// Every report the player filed: of people, of posts, and event choices that report someone.
pub(super) fn reports(level: &Level, decisions: &[Decision]) -> Vec<(u32, String)> {
    (decisions.iter())
        .filter(|d| files_report(level, d))
        .map(|d| {
            let default = if d.defaulted {
                " (the default, when the day ended)"
            } else {
                ""
            };
            (d.day, format!("{}{default}", plain(level, d)))
        })
        .collect()
}

/// What was chosen, in words: an event's title and the choice, a purchase, or the label.
pub(super) fn plain(level: &Level, d: &Decision) -> String {
    let o = &d.options[d.chosen];
    match d.kind {
        DecisionKind::Buy => format!("bought {}", o.label),
        DecisionKind::Event => {
            let title = level
                .event(&d.subject)
                .map_or(d.subject.as_str(), |e| e.title.as_str());
            format!("{title}: {}", o.label)
        }
        _ => o.label.clone(),
    }
}

/// How a decision reads in a sentence.
pub fn quote(level: &Level, d: &Decision) -> String {
    let o = &d.options[d.chosen];
    let what = plain(level, d);
    format!(
        "Day {}: {what} — score {:+}, self {:+}",
        d.day, o.score, o.integrity
    )
}
