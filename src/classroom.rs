//! The class mirror: a player's report (Markdown to read, JSON to aggregate, a result code to
//! paste), and `scored class`, which merges a class's reports offline.

mod class;
mod code;
mod handin;
mod intake;

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::game::Game;
use crate::game::debrief::{Debrief, Ghost};
use crate::game::journal::DecisionKind;
use crate::game::level::Source;

pub use class::{Class, ClassEntry, Handed, SHOWN_SKIPPED};
pub use code::{codes_in, decode, encode};
pub use handin::{MAX_NAME, clean_name, parse_name, untrusted};
pub use intake::{Intake, MAX_TOTAL_BYTES, read_class};

/// The summary a report, a result code and the class summary share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub level: String,
    pub seed: u64,
    pub persona: String,
    pub ending: String,
    pub score: i32,
    pub integrity: i32,
    pub money: i64,
    pub conflicted: u32,
    pub obeyed: u32,
    pub censored: u32,
    pub reports: u32,
    pub dropped: u32,
    /// The largest drift, e.g. "posts on The smog", with before and after per day (×10).
    pub drift: Option<(String, i32, i32)>,
    /// The player's name, when they gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Summary {
    pub fn obedience(&self) -> f64 {
        if self.conflicted == 0 {
            0.0
        } else {
            f64::from(self.obeyed) / f64::from(self.conflicted)
        }
    }

    /// The obedience index, or `None` (n/a) when no decision set the score against the values.
    pub fn obedience_index(&self) -> Option<f64> {
        (self.conflicted > 0).then(|| f64::from(self.obeyed) / f64::from(self.conflicted))
    }
}

/// One decision, reduced to what a class compares: when, what about, what was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub day: u32,
    pub kind: DecisionKind,
    pub subject: String,
    pub chosen: String,
    pub label: String,
    /// What the decision was about, in words (an event's title, a person's name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
}

/// The data file of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub summary: Summary,
    pub choices: Vec<Choice>,
    /// Friends dropped: (day, the journal's words, with their score then).
    pub dropped: Vec<(u32, String)>,
    /// The largest drift shifts (at most three), largest first, each with its rates a day
    /// before and after as the debrief shows them. The summary's `drift` is the first (a result
    /// code carries only that one). Reports written before this field have none: see
    /// [`Report::shifts`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shifts: Vec<(String, f64, f64)>,
}

impl Report {
    pub fn of(game: &Game, debrief: &Debrief) -> Report {
        let drift = debrief
            .drift
            .as_ref()
            .and_then(|d| d.largest.as_ref())
            .map(|(k, b, a)| {
                (
                    k.clone(),
                    (b * 10.0).round() as i32,
                    (a * 10.0).round() as i32,
                )
            });
        let summary = Summary {
            level: debrief.level.clone(),
            seed: debrief.seed,
            persona: debrief.persona.clone(),
            ending: debrief.ending.clone().unwrap_or_default(),
            score: debrief.score.unwrap_or_else(|| game.implied_score()),
            integrity: debrief.integrity,
            money: debrief.money,
            conflicted: debrief.obedience.conflicted,
            obeyed: debrief.obedience.obeyed,
            censored: debrief.censored.len() as u32,
            reports: debrief.reports.len() as u32,
            dropped: debrief.dropped.len() as u32,
            drift,
            name: game.state().name.as_deref().and_then(clean_name),
        };
        let level = game.level();
        let choices = game
            .state()
            .journal
            .decisions
            .iter()
            .map(|d| Choice {
                day: d.day,
                kind: d.kind,
                subject: d.subject.clone(),
                chosen: d.options[d.chosen].id.clone(),
                label: d.options[d.chosen].label.clone(),
                title: match d.kind {
                    DecisionKind::Event => level.event(&d.subject).map(|e| e.title.clone()),
                    DecisionKind::Friend => level.npc(&d.subject).map(|n| n.name.clone()),
                    DecisionKind::Post => level.topic(&d.subject).map(|t| t.name.clone()),
                    DecisionKind::Vote => Some("The vote".to_string()),
                    DecisionKind::Consent => Some("Consent to share data".to_string()),
                    _ => None,
                }
                .unwrap_or_default(),
            })
            .collect();
        let shifts = debrief
            .drift
            .as_ref()
            .map(|d| d.shifts.clone())
            .unwrap_or_default();
        Report {
            summary,
            choices,
            dropped: debrief.dropped.clone(),
            shifts,
        }
    }

    /// The student's largest shifts, largest first: those the report lists, or for a report
    /// written before it listed them, the summary's one.
    pub fn shifts(&self) -> Vec<(String, f64, f64)> {
        if self.shifts.is_empty() {
            summary_shift(&self.summary)
        } else {
            self.shifts.clone()
        }
    }
}

/// A summary's one shift (the largest), its rates back from tenths.
fn summary_shift(s: &Summary) -> Vec<(String, f64, f64)> {
    s.drift
        .iter()
        .map(|(k, b, a)| (k.clone(), f64::from(*b) / 10.0, f64::from(*a) / 10.0))
        .collect()
}

fn source(s: Source) -> &'static str {
    match s {
        Source::Real => "Real",
        Source::Reported => "Reported",
        Source::Fiction => "Fiction",
    }
}

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
fn rate(x: f64) -> String {
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

/// The persona a ghost run uses: the one whose starting line differs most from the player's.
pub use crate::game::debrief::ghost_persona;

/// The report as Markdown, to read or print.
pub fn markdown(game: &Game, report: &Report, sections: &[(String, Vec<String>)]) -> String {
    let s = &report.summary;
    let level = game.level();
    let ending = level
        .ending(&s.ending)
        .map_or(s.ending.clone(), |e| e.title.clone());
    let persona = level
        .persona(&s.persona)
        .map_or(s.persona.clone(), |p| p.name.clone());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Scored — {} ({} as {})\n",
        level.title, ending, persona
    );
    if let Some(name) = &s.name {
        let _ = writeln!(out, "Player: {name}\n");
    }
    let _ = writeln!(
        out,
        "Level `{}`, seed {}, persona `{}`.\n",
        s.level, s.seed, s.persona
    );
    let _ = writeln!(out, "Result code: `{}`\n", encode(s));
    let _ = writeln!(
        out,
        "| final score | self | money | obedience index | drafts deleted | reports | friends dropped |\n|---|---|---|---|---|---|---|\n| {} | {} | {} | {} | {} | {} | {} |\n",
        s.score,
        s.integrity,
        s.money,
        s.obedience_index()
            .map_or("n/a".to_string(), |o| format!("{:.0}%", o * 100.0)),
        s.censored,
        s.reports,
        s.dropped
    );
    for (title, lines) in sections {
        let _ = writeln!(out, "## {title}\n\n```text");
        for l in lines {
            let _ = writeln!(out, "{l}");
        }
        let _ = writeln!(out, "```\n");
    }
    out
}

/// Everything the end of a level shows: the debrief, a ghost run as the persona whose
/// starting line differs most, and the report built from them.
pub fn debrief(game: &Game) -> (Report, Vec<(String, Vec<String>)>) {
    let d = game.debrief();
    let ghost = ghost_persona(game)
        .and_then(|p| crate::game::debrief::ghost(game.level_arc().clone(), game, &p));
    let sections = debrief_sections(game, &d, ghost.as_ref());
    (Report::of(game, &d), sections)
}

/// Writes `STEM.md`, `STEM.json` and `STEM.code` into `dir` (`LEVEL-SEED-NAME`, see
/// [`handin::report_stem`]); returns the paths written.
pub fn write_report(
    dir: &std::path::Path,
    game: &Game,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let (report, sections) = debrief(game);
    let json_text = serde_json::to_string_pretty(&report).map_err(std::io::Error::other)?;
    let stem = handin::report_stem(dir, &report, &json_text);
    let md = dir.join(format!("{stem}.md"));
    let json = dir.join(format!("{stem}.json"));
    let code = dir.join(format!("{stem}.code"));
    std::fs::write(&md, markdown(game, &report, &sections))?;
    std::fs::write(&json, json_text)?;
    std::fs::write(&code, format!("{}\n", encode(&report.summary)))?;
    Ok(vec![md, json, code])
}

/// The end-of-level text: the summary, the result code, then the debrief's sections.
pub fn debrief_text(game: &Game) -> String {
    let (report, sections) = debrief(game);
    let mut out = String::new();
    for line in game.summary().lines() {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "Result code: {}", encode(&report.summary));
    for (title, lines) in sections {
        let _ = writeln!(out, "\n--- {title} ---");
        for l in lines {
            let _ = writeln!(out, "{l}");
        }
    }
    out
}
