//! Before and after: the drift measured against what was on offer before the score switched on.

use crate::game::Game;
use crate::game::debrief::{Drift, Offered, measure};
use crate::game::journal::DecisionKind;
use crate::game::level::Level;

/// The drift mirror of a game, if its level had days without a score.
pub(super) fn drift(level: &Level, game: &Game) -> Option<Drift> {
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
pub(super) fn offered_before(game: &Game, baseline: u32) -> Offered {
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
