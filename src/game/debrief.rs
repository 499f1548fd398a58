//! The debrief, computed from the journal and the record of the game alone: how often the
//! score won against the persona's values, how the player changed once the score switched on,
//! what they kept to themselves, whom they dropped, and what was real.

mod drift;
mod ghost;
mod moments;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Game;
use super::journal::{Decision, DecisionKind};
use super::level::{Level, Provenance, Source};
use super::state::{MilestoneKind, Verdict};

pub use drift::{Drift, MIN_SUPPORT, Offered, SHIFTS, measure, shift};
pub use ghost::{Ghost, ghost, ghost_persona};
pub use moments::{Moment, informs, moments};

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
    /// Friends the player dropped, by unfriending, reporting them or an event's choice:
    /// (day, what the journal says, e.g. "Unfriend Jo (score 430)").
    pub dropped: Vec<(u32, String)>,
    /// Every report: of people, of posts, and event choices that inform: (day, what).
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
    /// `obeyed / conflicted`; `None` when nothing was conflicted.
    pub index: Option<f64>,
    /// The three largest moments of giving way ([`moments`]), as the debrief words them.
    pub moments: Vec<String>,
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
            obedience: obedience(level, &s.journal),
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
            dropped: dropped(level, &s.journal.decisions),
            reports: reports(level, &s.journal.decisions),
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

/// The friendships the player's decisions ended, with what each decision was.
fn dropped(level: &Level, decisions: &[Decision]) -> Vec<(u32, String)> {
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

/// Every report the player filed: of people, of posts, and event choices that inform.
fn reports(level: &Level, decisions: &[Decision]) -> Vec<(u32, String)> {
    (decisions.iter())
        .filter(|d| informs(level, d))
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
fn plain(level: &Level, d: &Decision) -> String {
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

fn obedience(level: &Level, journal: &super::journal::Journal) -> Obedience {
    let (obeyed, conflicted) = journal.obedience();
    Obedience {
        conflicted,
        obeyed,
        index: journal.obedience_index(),
        moments: moments(level, &journal.decisions)
            .into_iter()
            .take(3)
            .map(|m| m.text)
            .collect(),
    }
}

/// The drift mirror of a game, if its level had days without a score.
fn drift(level: &Level, game: &Game) -> Option<Drift> {
    let s = game.state();
    let baseline = level.baseline_days.min(s.day.saturating_sub(1));
    if baseline == 0 {
        return None;
    }
    let last = s.day.min(level.days);
    let scored_days = last.saturating_sub(baseline).max(1);
    let offered = offered_before(game, baseline);
    Some(measure(
        level,
        &s.journal.decisions,
        baseline,
        scored_days,
        &offered,
        &s.timeline,
    ))
}

/// What was on offer before the score switched on: what the first morning of the same
/// persona and seed offers, and whatever the player's baseline decisions had to choose from.
fn offered_before(game: &Game, baseline: u32) -> Offered {
    let level = game.level();
    let mut offered = Offered {
        reports: !level.npcs.is_empty(),
        reactions: !level.npcs.is_empty() || !level.news.is_empty(),
        ..Offered::default()
    };
    let s = game.state();
    if let Ok((first, _)) = Game::new(game.level_arc().clone(), Some(&s.persona), s.seed) {
        for i in level.items.iter().filter(|i| first.tags_open(&i.tags)) {
            offered.items.insert(i.id.clone());
        }
        for t in level.topics.iter().filter(|t| first.tags_open(&t.tags)) {
            offered.topics.insert(t.id.clone());
        }
    }
    for d in s.journal.decisions.iter().filter(|d| d.day <= baseline) {
        match d.kind {
            DecisionKind::Buy => {
                offered.items.extend(d.options.iter().map(|o| o.id.clone()));
            }
            DecisionKind::Post => {
                offered.topics.insert(d.subject.clone());
            }
            _ => {}
        }
    }
    offered
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
