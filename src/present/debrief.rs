//! The debrief as titled sections of plain lines: the TUI's pages, line mode's parts and the
//! report's sections, from this one place.

use super::names::source;
use crate::game::Game;
use crate::game::debrief::{Debrief, Ghost};

/// The debrief as plain lines: the end of headless play, the report, the UI's pages.
pub fn debrief_sections(
    game: &Game,
    d: &Debrief,
    ghost: Option<&Ghost>,
) -> Vec<(String, Vec<String>)> {
    let level = game.level();
    let mut sections = Vec::new();
    let mut lines = Vec::new();
    let scores: Vec<String> = d
        .timeline
        .iter()
        .map(|(day, s, _)| s.map_or(format!("{day}:-"), |s| format!("{day}:{s}")))
        .collect();
    let selves: Vec<String> = d
        .timeline
        .iter()
        .map(|(day, _, i)| format!("{day}:{i}"))
        .collect();
    lines.push(format!("Score by day: {}", scores.join(" ")));
    lines.push(format!("Self by day:  {}", selves.join(" ")));
    sections.push(("Over time".to_string(), lines));

    let o = &d.obedience;
    let mut lines = vec![match o.index {
        Some(index) => format!(
            "Obedience index: {:.0}% — in {} of {} decisions where the score and your values pulled apart, you took the score's side.",
            index * 100.0,
            o.obeyed,
            o.conflicted
        ),
        None => "Obedience index: n/a — no decision of yours had the score and your values pointing different ways.".to_string(),
    }];
    if o.moments.is_empty() {
        lines.push("No moment where you gave way.".into());
    } else {
        lines.push("The moments that moved it most:".into());
        lines.extend(o.moments.iter().map(|m| format!("  {m}")));
    }
    sections.push(("Obedience".to_string(), lines));

    let mut lines = Vec::new();
    match &d.drift {
        None => lines.push("This level had no days without a score to compare with.".into()),
        Some(dr) => {
            lines.push(format!(
                "Per day, in the {} days before the score against the {} days with it:",
                dr.baseline_days, dr.scored_days
            ));
            let widest = dr.rows.iter().map(|r| r.1.max(r.2)).fold(1.0, f64::max);
            for (what, b, a) in &dr.rows {
                let bar = |x: f64| "█".repeat(((x / widest) * 20.0).round() as usize);
                if dr.new.contains(what) {
                    lines.push(format!(
                        "  {what} (not on offer before the score: not compared)"
                    ));
                } else {
                    lines.push(format!("  {what}"));
                }
                lines.push(format!("    before {:>7} {}", rate(*b), bar(*b)));
                lines.push(format!("    after  {:>7} {}", rate(*a), bar(*a)));
            }
            lines.push(format!(
                "  friends kept: {:.1} before, {:.1} after",
                dr.friends.0, dr.friends.1
            ));
            if dr.shifts.is_empty() {
                lines.push(format!(
                    "No shift to name: nothing you did before the score happened at least {} times in all and changed once it switched on.",
                    crate::game::debrief::MIN_SUPPORT
                ));
            } else {
                lines.push(
                    "The largest shifts, of what you could already do before the score:".into(),
                );
                for (k, b, a) in &dr.shifts {
                    lines.push(format!(
                        "  {k}: {} a day before, {} after",
                        rate(*b),
                        rate(*a)
                    ));
                }
            }
        }
    }
    sections.push(("Drift mirror".to_string(), lines));

    let mut lines = Vec::new();
    let list = |title: &str, items: &[(u32, String)], lines: &mut Vec<String>| {
        if items.is_empty() {
            lines.push(format!("{title}: none."));
        } else {
            lines.push(format!("{title}:"));
            lines.extend(
                items
                    .iter()
                    .map(|(day, what)| format!("  Day {day}: {what}")),
            );
        }
    };
    list("Drafts you deleted unposted", &d.censored, &mut lines);
    list("Friends you dropped", &d.dropped, &mut lines);
    list("Reports you filed", &d.reports, &mut lines);
    list("Perks and sanctions", &d.milestones, &mut lines);
    if d.appeals.is_empty() {
        lines.push("Appeals: none.".into());
    } else {
        lines.push("Appeals:".into());
        lines.extend(
            d.appeals
                .iter()
                .map(|(row, what, verdict)| format!("  Row {row} ({what}): {verdict}")),
        );
    }
    sections.push(("What you did".to_string(), lines));

    sections.push(("The ledger".to_string(), ledger_lines(game)));

    if let Some(g) = ghost {
        let name = |id: &str| level.persona(id).map_or(id.to_string(), |p| p.name.clone());
        let ending = |e: &Option<String>| {
            e.as_deref()
                .and_then(|id| level.ending(id))
                .map_or("-".to_string(), |e| e.title.clone())
        };
        let sc = |s: Option<i32>| s.map_or("-".to_string(), |s| s.to_string());
        let lines = vec![
            format!(
                "The same decisions, made by {} instead of {}:",
                name(&g.persona),
                name(&d.persona)
            ),
            format!(
                "  {:<12} {:<24} {:<24}",
                "",
                name(&d.persona),
                name(&g.persona)
            ),
            format!(
                "  {:<12} {:<24} {:<24}",
                "final score",
                sc(d.score),
                sc(g.score)
            ),
            format!("  {:<12} {:<24} {:<24}", "self", d.integrity, g.integrity),
            format!("  {:<12} {:<24} {:<24}", "money", d.money, g.money),
            format!(
                "  {:<12} {:<24} {:<24}",
                "ending",
                ending(&d.ending),
                ending(&g.ending)
            ),
            format!(
                "  Perks met by {}: {}",
                name(&g.persona),
                list_or_none(&g.perks)
            ),
            format!(
                "  Sanctions met by {}: {}",
                name(&g.persona),
                list_or_none(&g.sanctions)
            ),
            format!(
                "  Decisions {} could not make (money, locks, sanctions): {}",
                name(&g.persona),
                g.refused
            ),
        ];
        sections.push(("Ghost run".to_string(), lines));
    }

    let mut lines = Vec::new();
    for m in &d.real {
        lines.push(format!("  [{}] {} — {}", source(m.source), m.what, m.note));
    }
    if lines.is_empty() {
        lines.push("  Nothing in this level claims to be real.".into());
    }
    sections.push(("What was real?".to_string(), lines));

    if !d.questions.is_empty() {
        sections.push((
            "To discuss".to_string(),
            d.questions.iter().map(|q| format!("  - {q}")).collect(),
        ));
    }
    sections
}

/// The inference ledger, biggest changes first. A black box shows it to citizens only now.
fn ledger_lines(game: &Game) -> Vec<String> {
    let level = game.level();
    let rows = &game.state().ledger;
    let mut lines = Vec::new();
    if !game.rules_visible() {
        lines.push(
            "The ledger was not available to citizens. This is what the system wrote about you:"
                .into(),
        );
    } else {
        lines.push("What the system inferred, the biggest changes first:".into());
    }
    let mut sorted: Vec<_> = rows.iter().filter(|r| r.applied && r.delta != 0).collect();
    sorted.sort_by_key(|r| (std::cmp::Reverse(r.delta.abs()), r.id));
    for r in sorted.iter().take(15) {
        let dim = level
            .dimension(&r.dimension)
            .map_or(&*r.dimension, |d| d.name.as_str());
        lines.push(format!(
            "  Day {:>2} {:>+5} {dim}: {} — inferred: {}",
            r.day, r.delta, r.did, r.inference
        ));
    }
    if sorted.len() > 15 {
        lines.push(format!("  … and {} smaller changes.", sorted.len() - 15));
    }
    if sorted.is_empty() {
        lines.push("  Nothing moved your score.".into());
    }
    lines
}

/// A rate a day: one decimal, two below 1 (one report in 27 days is 0.04, not 0.0).
pub(crate) fn rate(x: f64) -> String {
    if x > 0.0 && x < 1.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.1}")
    }
}

fn list_or_none(xs: &[String]) -> String {
    if xs.is_empty() {
        "none".into()
    } else {
        xs.join(", ")
    }
}
