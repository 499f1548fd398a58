//! The ghost run: the player's decisions replayed as another persona.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::super::journal::DecisionKind;
use super::super::level::Level;
use super::super::state::MilestoneKind;
use super::super::{Action, Game};

/// Where the same behaviour led another persona.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ghost {
    pub persona: String,
    pub score: Option<i32>,
    pub integrity: i32,
    pub money: i64,
    /// Perks and sanctions met, by name, in the level's order.
    pub perks: Vec<String>,
    pub sanctions: Vec<String>,
    pub ending: Option<String>,
    /// Decisions the other persona could not make (refused: no money, locked, blocked…).
    pub refused: u32,
}

/// A persona's starting line: money over the level (savings and income), starting score,
/// friends.
fn start_line(level: &Arc<Level>, persona: &str, seed: u64) -> Option<[f64; 3]> {
    let p = level.persona(persona)?;
    let (game, _) = Game::new(level.clone(), Some(persona), seed).ok()?;
    let score = game.state().score.unwrap_or_else(|| game.implied_score());
    Some([
        (p.money + p.income * i64::from(level.days)) as f64,
        f64::from(score),
        p.friends.len() as f64,
    ])
}

/// The persona whose starting line differs most from the player's: money over the level,
/// starting score and friends, each as a share of its spread over the level's personas,
/// added up. Equal distances go to the one the level lists first.
pub fn ghost_persona(game: &Game) -> Option<String> {
    let level = game.level_arc();
    let seed = game.state().seed;
    let lines: Vec<(&str, [f64; 3])> = (level.personas.iter())
        .filter_map(|p| Some((p.id.as_str(), start_line(level, &p.id, seed)?)))
        .collect();
    let mine = lines.iter().find(|(id, _)| *id == game.state().persona)?.1;
    let spread: Vec<f64> = (0..3)
        .map(|k| {
            let (lo, hi) = (lines.iter()).fold((f64::MAX, f64::MIN), |(lo, hi), (_, l)| {
                (lo.min(l[k]), hi.max(l[k]))
            });
            (hi - lo).max(1.0)
        })
        .collect();
    let mut best: Option<(f64, &str)> = None;
    for (id, line) in lines.iter().filter(|(id, _)| *id != game.state().persona) {
        let distance: f64 = (0..3).map(|k| (line[k] - mine[k]).abs() / spread[k]).sum();
        if best.is_none_or(|(d, _)| distance > d) {
            best = Some((distance, id));
        }
    }
    best.map(|(_, id)| id.to_string())
}

/// Replays the player's decisions, day by day, as `persona`.
pub fn ghost(level: Arc<Level>, original: &Game, persona: &str) -> Option<Ghost> {
    let (mut game, _) = Game::new(level.clone(), Some(persona), original.state().seed).ok()?;
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
    let met =
        |kind: MilestoneKind, id: &str| s.milestones.iter().any(|m| m.kind == kind && m.id == id);
    Some(Ghost {
        persona: persona.to_string(),
        score: s.score,
        integrity: s.integrity,
        money: s.money,
        perks: (level.perks.iter())
            .filter(|p| met(MilestoneKind::PerkOpened, &p.id))
            .map(|p| p.name.clone())
            .collect(),
        sanctions: (level.sanctions.iter())
            .filter(|x| met(MilestoneKind::SanctionImposed, &x.id))
            .map(|x| x.name.clone())
            .collect(),
        ending: s.ending.clone(),
        refused,
    })
}
