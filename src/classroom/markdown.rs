//! The report written out: as Markdown, to a file, and the debrief as text.

use std::fmt::Write;

use super::{Report, debrief_sections, encode, handin};
use crate::game::Game;
use crate::game::debrief::ghost_persona;

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
