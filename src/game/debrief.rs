//! The debrief, computed from the journal and the record of the game alone: how often the
//! score won against the persona's values, how the player changed once the score switched on,
//! what they kept to themselves, whom they dropped, and what was real.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::journal::{Decision, DecisionKind};
use super::level::{Level, Provenance, Source};
use super::state::{MilestoneKind, Verdict};
use super::{Action, Game};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    pub level: String,
    pub persona: String,
    pub seed: u64,
    pub ending: Option<String>,
    pub score: Option<i32>,
    pub integrity: i32,
    pub money: i64,
    /// Score and self at the end of every day played, as [`super::state::DayMark`] has them.
    pub timeline: Vec<(u32, Option<i32>, i32)>,
    pub obedience: Obedience,
    pub drift: Option<Drift>,
    /// Drafts deleted unposted: (day, topic name).
    pub censored: Vec<(u32, String)>,
    /// Friends the player dropped: (day, what the journal says, e.g. "Unfriend Jo (score 430)").
    pub dropped: Vec<(u32, String)>,
    /// People and posts reported: (day, what).
    pub reports: Vec<(u32, String)>,
    /// Perks and sanctions met and lost: (day, description).
    pub milestones: Vec<(u32, String)>,
    /// Appeals and their outcomes: (row, what it was about, verdict or "pending").
    pub appeals: Vec<(usize, String, String)>,
    pub real: Vec<Mechanic>,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Obedience {
    /// Scored decisions where the score-best option went against the values-best one.
    pub conflicted: u32,
    /// Of those, the ones where the player took the score's side.
    pub obeyed: u32,
    /// `obeyed / conflicted`, 0 when nothing was conflicted.
    pub index: f64,
    /// The three obedient decisions that cost the self most, quoted from the journal.
    pub moments: Vec<String>,
}

/// The baseline days against the scored days, per day so they compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drift {
    pub baseline_days: u32,
    pub scored_days: u32,
    /// (what, per day before, per day after): spending by category, posts by topic, reports.
    pub rows: Vec<(String, f64, f64)>,
    /// Friends kept, on average, before and after.
    pub friends: (f64, f64),
    /// The row that shifted most (as a share of its larger side).
    pub largest: Option<(String, f64, f64)>,
}

/// A mechanic the player met, with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mechanic {
    pub what: String,
    pub source: Source,
    pub note: String,
}

impl Game {
    pub fn debrief(&self) -> Debrief {
        let s = &self.state;
        let level = &self.level;
        Debrief {
            level: level.id.clone(),
            persona: s.persona.clone(),
            seed: s.seed,
            ending: s.ending.clone(),
            score: s.score,
            integrity: s.integrity,
            money: s.money,
            timeline: s
                .timeline
                .iter()
                .map(|m| (m.day, m.score, m.integrity))
                .collect(),
            obedience: obedience(level, &s.journal.decisions),
            drift: drift(level, self),
            censored: s
                .journal
                .decisions
                .iter()
                .filter(|d| d.kind == DecisionKind::Post && d.options[d.chosen].id == "cancel")
                .map(|d| {
                    (
                        d.day,
                        level
                            .topic(&d.subject)
                            .map_or(d.subject.clone(), |t| t.name.clone()),
                    )
                })
                .collect(),
            dropped: chosen(s, DecisionKind::Friend, "unfriend"),
            reports: s
                .journal
                .decisions
                .iter()
                .filter(|d| {
                    let id = &d.options[d.chosen].id;
                    (d.kind == DecisionKind::Friend || d.kind == DecisionKind::React)
                        && id == "report"
                })
                .map(|d| (d.day, d.options[d.chosen].label.clone()))
                .collect(),
            milestones: s
                .milestones
                .iter()
                .map(|m| {
                    let name = match m.kind {
                        MilestoneKind::PerkOpened | MilestoneKind::PerkClosed => {
                            level.perk(&m.id).map_or(m.id.clone(), |p| p.name.clone())
                        }
                        _ => level
                            .sanction(&m.id)
                            .map_or(m.id.clone(), |x| x.name.clone()),
                    };
                    let what = match m.kind {
                        MilestoneKind::PerkOpened => "perk opened",
                        MilestoneKind::PerkClosed => "perk lost",
                        MilestoneKind::SanctionImposed => "sanction imposed",
                        MilestoneKind::SanctionLifted => "sanction lifted",
                    };
                    (m.day, format!("{what}: {name}"))
                })
                .collect(),
            appeals: s
                .appeals
                .iter()
                .map(|a| {
                    let about = s.ledger.get(a.row).map_or(String::new(), |r| r.did.clone());
                    let verdict = match a.verdict {
                        None => "pending",
                        Some(Verdict::Upheld) => "upheld",
                        Some(Verdict::Partial) => "half reversed",
                        Some(Verdict::Denied) => "denied",
                    };
                    (a.row, about, verdict.to_string())
                })
                .collect(),
            real: real(level, self),
            questions: level.questions.clone(),
        }
    }
}

fn chosen(s: &super::State, kind: DecisionKind, id: &str) -> Vec<(u32, String)> {
    s.journal
        .decisions
        .iter()
        .filter(|d| d.kind == kind && d.options[d.chosen].id == id)
        .map(|d| (d.day, d.options[d.chosen].label.clone()))
        .collect()
}

/// How a decision reads in a sentence.
pub fn quote(level: &Level, d: &Decision) -> String {
    let o = &d.options[d.chosen];
    let what = match d.kind {
        DecisionKind::Buy => format!("bought {}", o.label),
        DecisionKind::Event => {
            let title = level
                .event(&d.subject)
                .map_or(d.subject.as_str(), |e| e.title.as_str());
            format!("{title}: {}", o.label)
        }
        _ => o.label.clone(),
    };
    format!(
        "Day {}: {what} — score {:+}, self {:+}",
        d.day, o.score, o.integrity
    )
}

fn obedience(level: &Level, decisions: &[Decision]) -> Obedience {
    let conflicted: Vec<&Decision> = decisions
        .iter()
        .filter(|d| d.scored && d.conflicted())
        .collect();
    let mut obeyed: Vec<&Decision> = conflicted.iter().copied().filter(|d| d.obeyed()).collect();
    let n = conflicted.len() as u32;
    let k = obeyed.len() as u32;
    // The moments that moved it most: the self given up for the score's sake.
    obeyed.sort_by_key(|d| {
        let chosen = &d.options[d.chosen];
        let values = &d.options[d.values_best];
        std::cmp::Reverse((values.integrity - chosen.integrity) * 10 + chosen.score)
    });
    Obedience {
        conflicted: n,
        obeyed: k,
        index: if n == 0 {
            0.0
        } else {
            f64::from(k) / f64::from(n)
        },
        moments: obeyed.iter().take(3).map(|d| quote(level, d)).collect(),
    }
}

fn drift(level: &Level, game: &Game) -> Option<Drift> {
    let s = game.state();
    let baseline = level.baseline_days.min(s.day.saturating_sub(1));
    if baseline == 0 {
        return None;
    }
    let last = s.day.min(level.days);
    let scored_days = last.saturating_sub(baseline).max(1);
    let mut before: BTreeMap<String, f64> = BTreeMap::new();
    let mut after: BTreeMap<String, f64> = BTreeMap::new();
    for d in &s.journal.decisions {
        let key = match d.kind {
            DecisionKind::Buy => {
                let price = level.item(&d.options[d.chosen].id).map_or(0, |i| i.price);
                Some((format!("spent on {}", d.subject), price as f64))
            }
            DecisionKind::Post if d.options[d.chosen].id == "post" => {
                let topic = level
                    .topic(&d.subject)
                    .map_or(d.subject.as_str(), |t| t.name.as_str());
                Some((format!("posts on {topic}"), 1.0))
            }
            DecisionKind::Post => Some(("drafts deleted".to_string(), 1.0)),
            DecisionKind::React | DecisionKind::Friend if d.options[d.chosen].id == "report" => {
                Some(("reports filed".to_string(), 1.0))
            }
            DecisionKind::React => Some(("likes and shares".to_string(), 1.0)),
            _ => None,
        };
        if let Some((k, v)) = key {
            let side = if d.scored { &mut after } else { &mut before };
            *side.entry(k).or_insert(0.0) += v;
        }
    }
    let keys: BTreeSet<String> = before.keys().chain(after.keys()).cloned().collect();
    let rows: Vec<(String, f64, f64)> = keys
        .into_iter()
        .map(|k| {
            let b = before.get(&k).copied().unwrap_or(0.0) / f64::from(baseline);
            let a = after.get(&k).copied().unwrap_or(0.0) / f64::from(scored_days);
            (k, round(b), round(a))
        })
        .collect();
    let avg = |range: &dyn Fn(u32) -> bool| {
        let days: Vec<f64> = s
            .timeline
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
    // Shifts compare as shares of the larger side, so money and counts can be ranked together.
    let largest = rows
        .iter()
        .filter(|(_, b, a)| b != a)
        .max_by(|x, y| shift(x).total_cmp(&shift(y)))
        .cloned();
    Some(Drift {
        baseline_days: baseline,
        scored_days,
        rows,
        friends,
        largest,
    })
}

fn shift((_, b, a): &(String, f64, f64)) -> f64 {
    (a - b).abs() / a.max(*b).max(1.0)
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Every mechanic the player met, with its provenance: the score itself, its dimensions, the
/// consent box, the rules that fired, the perks and sanctions met, appeals, coupled income.
fn real(level: &Level, game: &Game) -> Vec<Mechanic> {
    let s = game.state();
    let mut out = Vec::new();
    let mut push = |what: String, p: &Provenance| {
        let m = Mechanic {
            what,
            source: p.source,
            note: p.note.clone(),
        };
        if !out.contains(&m) {
            out.push(m);
        }
    };
    if let Some(p) = &level.score.provenance {
        push(format!("The score: {}", level.score.name), p);
    }
    for d in &level.score.dimensions {
        if let Some(p) = &d.provenance {
            push(format!("Dimension: {}", d.name), p);
        }
    }
    if let Some(c) = &level.consent {
        push(format!("Consent screen: {}", c.checkbox), &c.provenance);
    }
    let fired: BTreeSet<&str> = s.ledger.iter().filter_map(|r| r.rule.as_deref()).collect();
    for r in level.rules.iter().filter(|r| fired.contains(r.id.as_str())) {
        push(format!("Rule: {}", r.description), &r.provenance);
    }
    let met: BTreeSet<&str> = s.milestones.iter().map(|m| m.id.as_str()).collect();
    for p in level.perks.iter().filter(|p| met.contains(p.id.as_str())) {
        push(format!("Perk: {}", p.name), &p.provenance);
    }
    for x in level
        .sanctions
        .iter()
        .filter(|x| met.contains(x.id.as_str()))
    {
        push(format!("Sanction: {}", x.name), &x.provenance);
    }
    if let Some(a) = &level.appeals
        && !s.appeals.is_empty()
    {
        push("Appeals".to_string(), &a.provenance);
    }
    if let Some(c) = &level.economy.score_income {
        push(
            "Basic income coupled to the score".to_string(),
            &c.provenance,
        );
    }
    out
}

/// Where the same behaviour led another persona.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ghost {
    pub persona: String,
    pub score: Option<i32>,
    pub integrity: i32,
    pub money: i64,
    pub perks: Vec<String>,
    pub sanctions: Vec<String>,
    pub ending: Option<String>,
    /// Decisions the other persona could not make (refused: no money, locked, blocked…).
    pub refused: u32,
}

/// Replays the player's decisions, day by day, as `persona`.
pub fn ghost(level: Arc<Level>, original: &Game, persona: &str) -> Option<Ghost> {
    let (mut game, _) = Game::new(level, Some(persona), original.state().seed).ok()?;
    let mut refused = 0;
    for d in &original.state().journal.decisions {
        // Days the player ended: the ghost ends them too (its own defaults follow).
        while game.state().day < d.day && !game.is_over() {
            let _ = game.play(Action::EndDay);
        }
        if d.defaulted || game.is_over() {
            continue;
        }
        let Some(action) = d.action.clone() else {
            continue;
        };
        if d.kind == DecisionKind::Post {
            let _ = game.play(Action::Draft {
                topic: d.subject.clone(),
            });
        }
        if game.play(action).is_err() {
            refused += 1;
        }
    }
    while !game.is_over() {
        let _ = game.play(Action::EndDay);
    }
    let s = game.state();
    let met = |kind: MilestoneKind| -> Vec<String> {
        let ids: BTreeSet<&String> = s
            .milestones
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| &m.id)
            .collect();
        ids.into_iter().cloned().collect()
    };
    Some(Ghost {
        persona: persona.to_string(),
        score: s.score,
        integrity: s.integrity,
        money: s.money,
        perks: met(MilestoneKind::PerkOpened),
        sanctions: met(MilestoneKind::SanctionImposed),
        ending: s.ending.clone(),
        refused,
    })
}
