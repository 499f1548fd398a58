//! The moments that moved the obedience index most: decisions where the player took the
//! score's side at a cost to the self, each once, the largest trade-off first.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::super::journal::{Decision, DecisionKind};
use super::super::level::{Choice, Effect, Level};

/// A decision where the player gave way to the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moment {
    pub day: u32,
    /// How it reads in the debrief.
    pub text: String,
    /// Score points gained against the option truest to the self.
    pub score_gained: i32,
    /// Self points lost against that option.
    pub self_lost: i32,
    /// Score points other people lost by it: a report of a person or a post, informing.
    pub harm: i32,
}

impl Moment {
    /// The size of the trade-off: what the score gained, what the self lost, and what it cost
    /// the people informed on.
    pub fn size(&self) -> i32 {
        (self.score_gained)
            .saturating_add(self.self_lost)
            .saturating_add(self.harm)
    }
}

/// The decision informs on someone: a report of a person or a post, or an event choice that
/// carries one of the level's reporting tags.
pub fn informs(level: &Level, d: &Decision) -> bool {
    let chosen = &d.options[d.chosen];
    match d.kind {
        DecisionKind::Friend | DecisionKind::React => chosen.id == "report",
        DecisionKind::Event => (event_choice(level, d))
            .is_some_and(|c| c.tags.iter().any(|t| level.reporting.tags.contains(t))),
        _ => false,
    }
}

/// The event choice an event decision took, as the level has it.
fn event_choice<'a>(level: &'a Level, d: &Decision) -> Option<&'a Choice> {
    let chosen = &d.options[d.chosen].id;
    (level.event(&d.subject)).and_then(|e| e.choices.iter().find(|c| &c.id == chosen))
}

/// What informing did to the people informed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Harm {
    /// Not informing.
    None,
    /// It took these score points from them.
    Took(i32),
    /// They answered the report and were cleared.
    Cleared,
    /// Nothing taken, or not yet decided when the level ended.
    Open,
}

/// The decision filed a report: of a person or a post, or an informing event choice that
/// takes score from someone (pressing the noise-report button does; carrying on as the
/// estate's known informer, or joining a rota, informs but files nothing).
pub fn files_report(level: &Level, d: &Decision) -> bool {
    informs(level, d) && (d.kind != DecisionKind::Event || takes(level, d) > 0)
}

/// The score points an event choice takes from people.
fn takes(level: &Level, d: &Decision) -> i32 {
    event_choice(level, d).map_or(0, |c| {
        (c.effects.iter())
            .map(|e| match e {
                Effect::NpcScore { delta, .. } if *delta < 0 => delta.saturating_neg(),
                _ => 0,
            })
            .fold(0i32, i32::saturating_add)
    })
}

/// Score points the people informed on lost by the decision (the weight of informing in a
/// moment's size), and what became of them: the level's penalty for a report that stood,
/// what an informing event choice takes from people; a report they answered, one still
/// open and a choice that takes nothing at once (joining a rota) weigh the penalty.
fn harm(level: &Level, d: &Decision) -> (i32, Harm) {
    if !informs(level, d) {
        return (0, Harm::None);
    }
    let penalty = level.reporting.penalty.max(0);
    if d.kind != DecisionKind::Event {
        let verdict = match d.cleared {
            Some(false) => Harm::Took(penalty),
            Some(true) => Harm::Cleared,
            None => Harm::Open,
        };
        return (penalty, verdict);
    }
    let taken = takes(level, d);
    if taken > 0 {
        (taken, Harm::Took(taken))
    } else {
        (penalty, Harm::Open)
    }
}

/// The option truest to the self that the player passed over: (its label, if it was an
/// option of its own, its score, its self). Not buying or not reacting has no label.
fn forgone(d: &Decision) -> (Option<&str>, i32, i32) {
    match d.kind {
        DecisionKind::Buy | DecisionKind::React => (None, 0, 0),
        _ => {
            let best = (d.options.iter())
                .max_by_key(|o| (o.integrity, o.score))
                .expect("a decision has options");
            (Some(best.label.as_str()), best.score, best.integrity)
        }
    }
}

/// What makes two moments the same: the kind of decision, its subject, the option taken and
/// its words.
type Same<'a> = (DecisionKind, &'a str, &'a str, &'a str);

/// Every distinct moment of giving way, the largest trade-off first (journal order among
/// equals): scored decisions settled in the score's favour whose choice cost the self.
/// The same choice about the same thing counts once, at its largest.
pub fn moments(level: &Level, decisions: &[Decision]) -> Vec<Moment> {
    let mut all: Vec<(Moment, Same<'_>)> = decisions
        .iter()
        .filter(|d| d.scored && d.obeyed() && d.options[d.chosen].integrity < 0)
        .map(|d| {
            let chosen = &d.options[d.chosen];
            let (label, score, integrity) = forgone(d);
            let (harm, verdict) = harm(level, d);
            let instead = label.map(|l| (l, score, integrity));
            let moment = Moment {
                day: d.day,
                text: text(level, d, instead, verdict),
                score_gained: chosen.score.saturating_sub(score),
                self_lost: integrity.saturating_sub(chosen.integrity),
                harm,
            };
            let key = (
                d.kind,
                d.subject.as_str(),
                chosen.id.as_str(),
                chosen.label.as_str(),
            );
            (moment, key)
        })
        .collect();
    all.sort_by_key(|(m, _)| std::cmp::Reverse(m.size()));
    let mut seen = BTreeSet::new();
    all.into_iter()
        .filter(|(_, key)| seen.insert(*key))
        .map(|(m, _)| m)
        .collect()
}

fn text(level: &Level, d: &Decision, instead: Option<(&str, i32, i32)>, verdict: Harm) -> String {
    let mut out = super::quote(level, d);
    if let Some((label, score, integrity)) = instead {
        out.push_str(&format!(
            " (rather than “{label}”: score {score:+}, self {integrity:+})"
        ));
    }
    match verdict {
        Harm::Took(points) if points > 0 => out.push_str(&format!(
            "; informing — it cost others {points} score points"
        )),
        Harm::Cleared => out.push_str("; informing — they answered it and were cleared"),
        Harm::None => {}
        _ => out.push_str("; informing"),
    }
    out
}
