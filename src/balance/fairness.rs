//! The fairness report: across personas, who gains and who loses.

use std::fmt::Write;

use super::{Reached, Report, unreached};
use crate::game::Level;

/// Who gains and who loses under these rules: every persona under every strategy.
pub fn fairness_text(level: &Level, by_persona: &[(String, Vec<Report>)]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Fairness of `{}`: mean final score / self, by persona and strategy",
        level.id
    );
    let Some((_, first)) = by_persona.first() else {
        return out;
    };
    let longest = first
        .iter()
        .map(|r| r.strategy.name().len())
        .max()
        .unwrap_or(0);
    let c = (longest + 2).max(14);
    let header: String = first
        .iter()
        .map(|r| format!("{:>c$}", r.strategy.name()))
        .collect();
    let _ = writeln!(out, "{:<16}{header}", "persona");
    for (persona, reports) in by_persona {
        let row: String = reports
            .iter()
            .map(|r| {
                format!(
                    "{:>c$}",
                    format!("{:.0} / {:.0}", r.score.mean, r.integrity.mean)
                )
            })
            .collect();
        let _ = writeln!(out, "{persona:<16}{row}");
    }
    let mut all = Reached::default();
    for r in by_persona.iter().flat_map(|(_, rs)| rs) {
        all.extend(&r.reached);
    }
    for (i, r) in first.iter().enumerate() {
        let column: Vec<(&String, f64)> = by_persona
            .iter()
            .map(|(p, rs)| (p, rs[i].score.mean))
            .collect();
        let best = column.iter().max_by(|a, b| a.1.total_cmp(&b.1));
        let worst = column.iter().min_by(|a, b| a.1.total_cmp(&b.1));
        if let (Some(b), Some(w)) = (best, worst) {
            let _ = writeln!(
                out,
                "Playing {}: `{}` ends highest ({:.0}), `{}` lowest ({:.0}), a gap of {:.0}.",
                r.strategy.name(),
                b.0,
                b.1,
                w.0,
                w.1,
                b.1 - w.1
            );
        }
    }
    let _ = writeln!(out, "\nNever reached by any persona in any run");
    out.push_str(&unreached(level, &all));
    out
}
