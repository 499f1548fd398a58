//! The balance report as text: every strategy side by side.

use std::fmt::Write;

use super::{Behaviour, QUIET_DAYS, Reached, Report, unreached};
use crate::game::Level;
use crate::trace;

fn percent(n: u32, of: u32) -> String {
    format!("{:>3.0}%", f64::from(n) * 100.0 / f64::from(of.max(1)))
}

/// The balance report for one persona: every strategy side by side, then what no run reached.
pub fn report_text(level: &Level, reports: &[Report]) -> String {
    let mut out = String::new();
    let Some(first) = reports.first() else {
        return out;
    };
    // The strategy column and each strategy's column: as wide as the longest name needs.
    let longest = reports
        .iter()
        .map(|r| r.strategy.name().len())
        .max()
        .unwrap_or(0);
    let w = longest.max(11);
    let c = (longest + 2).max(11);
    let _ = writeln!(
        out,
        "Balance of `{}` for persona `{}`: {} runs per strategy, seeds {}..{}",
        level.id,
        first.persona,
        first.runs,
        first.seed,
        first.seed + u64::from(first.runs.max(1)) - 1
    );
    let _ = writeln!(
        out,
        "\n{:<w$} {:>22} {:>18} {:>10}",
        "strategy", "score mean (min..max)", "self mean (min..max)", "money"
    );
    for r in reports {
        let _ = writeln!(
            out,
            "{:<w$} {:>8.1} ({:>4}..{:<4})   {:>6.1} ({:>3}..{:<3})   {:>8.1}",
            r.strategy.name(),
            r.score.mean,
            r.score.min,
            r.score.max,
            r.integrity.mean,
            r.integrity.min,
            r.integrity.max,
            r.money.mean
        );
    }
    let header: String = reports
        .iter()
        .map(|r| format!("{:>c$}", r.strategy.name()))
        .collect();
    let _ = writeln!(out, "\nEndings (share of runs)\n{:<30}{header}", "");
    for e in &level.endings {
        let row: String = reports
            .iter()
            .map(|r| {
                format!(
                    "{:>c$}",
                    percent(r.endings.get(&e.id).copied().unwrap_or(0), r.runs)
                )
            })
            .collect();
        let _ = writeln!(out, "{:<30}{row}", e.id);
    }
    let _ = writeln!(
        out,
        "\nPerks and sanctions met at least once (share of runs)\n{:<30}{header}",
        ""
    );
    for (id, kind) in level
        .perks
        .iter()
        .map(|p| (&p.id, "perk"))
        .chain(level.sanctions.iter().map(|s| (&s.id, "sanction")))
    {
        let row: String = reports
            .iter()
            .map(|r| {
                let n = if kind == "perk" {
                    r.perks.get(id)
                } else {
                    r.sanctions.get(id)
                };
                format!("{:>c$}", percent(n.copied().unwrap_or(0), r.runs))
            })
            .collect();
        let _ = writeln!(out, "{:<30}{row}", format!("{id} ({kind})"));
    }
    behaviour_text(&mut out, reports, c);
    let mut all = Reached::default();
    for r in reports {
        all.extend(&r.reached);
    }
    let _ = writeln!(out, "\nNever reached in any run");
    out.push_str(&unreached(level, &all));
    out
}

/// The report's sections on behaviour, for the reports that watched it: actions taken,
/// the most repeated, the obedience index and the quiet stretches. `c` is a column's width.
fn behaviour_text(out: &mut String, reports: &[Report], c: usize) {
    let watched: Vec<(&Report, &Behaviour)> = (reports.iter())
        .filter_map(|r| Some((r, r.behaviour.as_ref()?)))
        .collect();
    if watched.is_empty() {
        return;
    }
    let header: String = (watched.iter())
        .map(|(r, _)| format!("{:>c$}", r.strategy.name()))
        .collect();
    let _ = writeln!(out, "\nActions taken (mean per run)\n{:<30}{header}", "");
    for kind in trace::KINDS {
        let row: String = (watched.iter())
            .map(|(_, b)| format!("{:>c$.1}", b.actions.get(kind).copied().unwrap_or(0.0)))
            .collect();
        let _ = writeln!(out, "{kind:<30}{row}");
    }
    let _ = writeln!(out, "\nMost repeated actions (mean count per run)");
    for (r, b) in &watched {
        let top: Vec<String> = (b.top_actions.iter())
            .map(|(what, n)| format!("{what} ×{n:.1}"))
            .collect();
        let top = if top.is_empty() {
            "none".to_string()
        } else {
            top.join("; ")
        };
        let _ = writeln!(out, "  {}: {top}", r.strategy.name());
    }
    let _ = writeln!(
        out,
        "\nObedience index (0–100: how often a conflicted decision went the score's way)"
    );
    for (r, _) in &watched {
        let spread = r.obedience.as_ref().map_or_else(
            || "no run had a conflicted decision".to_string(),
            |o| format!("mean {:.1} (min {:.1}, max {:.1})", o.mean, o.min, o.max),
        );
        let _ = writeln!(
            out,
            "  {}: {spread}; {} of {} runs without one",
            r.strategy.name(),
            r.obedience_na,
            r.runs
        );
    }
    let _ = writeln!(
        out,
        "\nQuiet stretches (more than {QUIET_DAYS} days in a row with nothing happening to the player; the 5 most common)"
    );
    for (r, b) in &watched {
        let name = r.strategy.name();
        if b.quiet.is_empty() {
            let _ = writeln!(out, "  {name}: none");
            continue;
        }
        let _ = writeln!(
            out,
            "  {name}: {} of runs have one",
            percent(b.quiet_runs, r.runs).trim_start()
        );
        for q in b.quiet.iter().take(5) {
            let _ = writeln!(
                out,
                "    days {}–{} quiet in {} of {name} runs",
                q.from,
                q.to,
                percent(q.runs, r.runs).trim_start()
            );
        }
    }
}
