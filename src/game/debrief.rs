//! The debrief, computed from the journal and the record of the game alone: how often the
//! score won against the persona's values, how the player changed once the score switched on,
//! what they kept to themselves, whom they dropped, and what was real.

mod baseline;
mod decisions;
mod drift;
mod ghost;
mod moments;
mod obedience;
mod real;

use serde::{Deserialize, Serialize};

use super::Game;
use super::journal::DecisionKind;
use super::state::{MilestoneKind, Verdict};

pub use decisions::quote;
pub use drift::{Drift, MIN_SUPPORT, Offered, SHIFTS, measure, shift};
pub use ghost::{Ghost, ghost, ghost_persona};
pub use moments::{Moment, files_report, informs, moments};
pub use obedience::Obedience;
pub use real::Mechanic;

use baseline::drift;
use decisions::{dropped, reports};
use obedience::obedience;
use real::real;

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
