//! A player's report: the summary a result code and the class summary share, the
//! decisions, and the report itself.

use serde::{Deserialize, Serialize};

use super::clean_name;
use crate::game::Game;
use crate::game::debrief::Debrief;
use crate::game::journal::DecisionKind;

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
pub(super) fn summary_shift(s: &Summary) -> Vec<(String, f64, f64)> {
    s.drift
        .iter()
        .map(|(k, b, a)| (k.clone(), f64::from(*b) / 10.0, f64::from(*a) / 10.0))
        .collect()
}
