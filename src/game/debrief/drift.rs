//! The drift mirror: the days before the score against the days with it, per day so they
//! compare, and the shifts that compare like with like.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::super::journal::{Decision, DecisionKind};
use super::super::level::Level;
use super::super::state::DayMark;
use super::moments::files_report;

/// A shift is ranked only with at least this many occurrences, before and after together:
/// one purchase is an anecdote, not a change of habit.
pub const MIN_SUPPORT: u32 = 2;

/// How many of the largest shifts the debrief names.
pub const SHIFTS: usize = 3;

/// The baseline days against the scored days, per day so they compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drift {
    pub baseline_days: u32,
    pub scored_days: u32,
    /// (what, per day before, per day after), in the level's order: spending by category (on
    /// what was on sale before; what opened later apart), posts by topic, drafts deleted,
    /// reports filed, likes and shares.
    pub rows: Vec<(String, f64, f64)>,
    /// Rows of things that were not on offer before the score switched on: nothing to compare
    /// them with, so they are never a shift.
    #[serde(default)]
    pub new: Vec<String>,
    /// Friends kept, on average, before and after.
    pub friends: (f64, f64),
    /// The largest shifts (at most [`SHIFTS`]), largest first: rows that existed before the
    /// score, with at least [`MIN_SUPPORT`] occurrences. See [`shift`].
    #[serde(default)]
    pub shifts: Vec<(String, f64, f64)>,
    /// The first of `shifts`.
    pub largest: Option<(String, f64, f64)>,
}

/// What was on offer before the score switched on: the rows that have a "before".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offered {
    /// Items the player could have bought (by id).
    pub items: BTreeSet<String>,
    /// Topic ids the player could have posted on.
    pub topics: BTreeSet<String>,
    /// There was anyone to report.
    pub reports: bool,
    /// There was a feed to like and share.
    pub reactions: bool,
}

impl Offered {
    /// Everything in the level, as if all of it had been on offer from day 1.
    pub fn everything(level: &Level) -> Offered {
        Offered {
            items: level.items.iter().map(|i| i.id.clone()).collect(),
            topics: level.topics.iter().map(|t| t.id.clone()).collect(),
            reports: true,
            reactions: true,
        }
    }
}

/// One row of the mirror while it is counted.
struct Row {
    what: String,
    existed: bool,
    /// Amount (money or count) and occurrences, before and after.
    before: (f64, u32),
    after: (f64, u32),
}

/// The size of a shift from `before` a day over `baseline` days to `after` a day over
/// `scored` days, for a row whose occurrences are worth `unit` each on average: the distance
/// of the two rates on a log scale, each padded by half an occurrence over its own days (how
/// finely so many days can tell a rate). Each row compares with itself, so money and counts
/// rank together; a change from nothing stays finite, and a short baseline claims little.
pub fn shift(before: f64, after: f64, unit: f64, baseline: u32, scored: u32) -> f64 {
    let pad = |days: u32| 0.5 * unit / f64::from(days.max(1));
    ((after + pad(scored)) / (before + pad(baseline)))
        .ln()
        .abs()
}

/// The mirror of `decisions`, the first `baseline` days against the `scored_days` after.
pub fn measure(
    level: &Level,
    decisions: &[Decision],
    baseline: u32,
    scored_days: u32,
    offered: &Offered,
    timeline: &[DayMark],
) -> Drift {
    let mut rows: Vec<Row> = Vec::new();
    // The rows in the level's order, so that equal shifts keep it.
    // Spending compares what was on sale before with the same things after; what the score
    // opened (a perk's desk, a new ticket) is a row of its own, with nothing to compare.
    let spent = |i: &super::super::level::Item| {
        if offered.items.contains(&i.id) {
            format!("spent on {}", i.category)
        } else {
            format!("spent on {}: new offers", i.category)
        }
    };
    for i in &level.items {
        slot(&mut rows, spent(i), offered.items.contains(&i.id));
    }
    for t in &level.topics {
        let existed = offered.topics.contains(&t.id);
        slot(&mut rows, format!("posts on {}", t.name), existed);
    }
    let any_topic = !offered.topics.is_empty();
    slot(&mut rows, "drafts deleted".into(), any_topic);
    slot(&mut rows, "reports filed".into(), offered.reports);
    slot(&mut rows, "likes and shares".into(), offered.reactions);
    for d in decisions.iter().filter(|d| d.day <= baseline + scored_days) {
        let chosen = &d.options[d.chosen];
        let (what, amount) = if files_report(level, d) {
            ("reports filed".to_string(), 1.0)
        } else {
            match d.kind {
                DecisionKind::Buy => {
                    let Some(item) = level.item(&chosen.id) else {
                        continue;
                    };
                    (spent(item), item.price as f64)
                }
                DecisionKind::Post if chosen.id == "post" => {
                    let Some(topic) = level.topic(&d.subject) else {
                        continue;
                    };
                    (format!("posts on {}", topic.name), 1.0)
                }
                DecisionKind::Post => ("drafts deleted".to_string(), 1.0),
                DecisionKind::React => ("likes and shares".to_string(), 1.0),
                _ => continue,
            }
        };
        let at = slot(&mut rows, what, false);
        let side = if d.scored {
            &mut rows[at].after
        } else {
            &mut rows[at].before
        };
        side.0 += amount;
        side.1 += 1;
    }
    let rows: Vec<Row> = rows
        .into_iter()
        .filter(|r| r.before.1 + r.after.1 > 0)
        .collect();
    let per_day = |r: &Row| {
        (
            r.before.0 / f64::from(baseline.max(1)),
            r.after.0 / f64::from(scored_days.max(1)),
        )
    };
    let mut ranked: Vec<(f64, (String, f64, f64))> = rows
        .iter()
        .filter(|r| r.existed && r.before.1 + r.after.1 >= MIN_SUPPORT)
        .filter_map(|r| {
            let (b, a) = per_day(r);
            let (shown_b, shown_a) = (round(b), round(a));
            if shown_b == shown_a {
                return None;
            }
            let unit = (r.before.0 + r.after.0) / f64::from(r.before.1 + r.after.1);
            let size = shift(b, a, unit, baseline, scored_days);
            Some((size, (r.what.clone(), shown_b, shown_a)))
        })
        .collect();
    // Largest first; equal shifts stay in the level's order (a stable sort), never by name.
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0));
    let shifts: Vec<(String, f64, f64)> = ranked.into_iter().take(SHIFTS).map(|(_, r)| r).collect();
    let avg = |range: &dyn Fn(u32) -> bool| {
        let days: Vec<f64> = timeline
            .iter()
            .filter(|m| range(m.day))
            .map(|m| f64::from(m.friends))
            .collect();
        if days.is_empty() {
            0.0
        } else {
            round(days.iter().sum::<f64>() / days.len() as f64)
        }
    };
    let friends = (avg(&|d| d <= baseline), avg(&|d| d > baseline));
    Drift {
        baseline_days: baseline,
        scored_days,
        new: (rows.iter())
            .filter(|r| !r.existed)
            .map(|r| r.what.clone())
            .collect(),
        rows: (rows.iter())
            .map(|r| {
                let (b, a) = per_day(r);
                (r.what.clone(), round(b), round(a))
            })
            .collect(),
        friends,
        largest: shifts.first().cloned(),
        shifts,
    }
}

/// The place of the row named `what`, added (as existing before or not) if it is new.
fn slot(rows: &mut Vec<Row>, what: String, existed: bool) -> usize {
    match rows.iter().position(|r| r.what == what) {
        Some(at) => at,
        None => {
            rows.push(Row {
                what,
                existed,
                before: (0.0, 0),
                after: (0.0, 0),
            });
            rows.len() - 1
        }
    }
}

/// Rates to two decimals: one report in 27 days is 0.04 a day, not nothing.
fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
