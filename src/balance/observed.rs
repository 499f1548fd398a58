//! What the balance report watches in a run beyond its end: the score and self at the end of
//! each day, the obedience index, the actions taken and the days on which nothing happened to
//! the player.

use std::collections::BTreeMap;

use crate::bots::{self, Played, Watch};
use crate::game::{Action, Game, Outcome};
use crate::trace;

/// Runs of more than this many days with nothing happening to the player are reported.
pub const QUIET_DAYS: usize = 3;

/// The score and the self at the end of each day: the day's mark in the game's timeline, the
/// figures the debrief lists and the player saw at the end of the day (before the score is
/// switched on, the score the state implies).
#[derive(Default)]
pub struct Days {
    pub ends: Vec<(i32, i32)>,
}

impl Watch for Days {
    fn day_ended(&mut self, game: &Game) {
        let state = game.state();
        let mark = state.timeline.last();
        let score = mark.and_then(|m| m.score);
        let integrity = mark.map_or(state.integrity, |m| m.integrity);
        self.ends
            .push((score.unwrap_or_else(|| bots::score_now(game)), integrity));
    }
}

/// Everything the full report watches: [`Days`], the actions taken, and the eventful days.
#[derive(Default)]
pub struct Observer {
    pub days: Days,
    /// How many actions of each kind, by position in [`trace::KINDS`].
    pub kinds: Vec<u32>,
    /// How many times each action but drafting, named as in the trace.
    pub named: BTreeMap<String, u32>,
    /// Whether something happened to the player, by day (day 1 first).
    pub eventful: Vec<bool>,
}

impl Observer {
    fn mark(&mut self, day: u32) {
        let at = (day as usize).saturating_sub(1);
        if self.eventful.len() <= at {
            self.eventful.resize(at + 1, false);
        }
        self.eventful[at] = true;
    }

    /// Marks `day` (moved on by each `DayStarted`) eventful for every outcome that happened to
    /// the player. `own` is the player's action that caused them, if any: its own mirror (a
    /// friendship the player made or ended) is not something that happened to them.
    fn note(&mut self, mut day: u32, outcomes: &[Outcome], own: Option<&Action>) {
        for o in outcomes {
            let eventful = match o {
                Outcome::DayStarted { day: d } => {
                    day = *d;
                    false
                }
                Outcome::Befriended { .. } => !matches!(own, Some(Action::Befriend { .. })),
                Outcome::Unfriended { .. } => {
                    !matches!(own, Some(Action::Unfriend { .. } | Action::Denounce { .. }))
                }
                // The peer rating is the only change worded this way (npcs.rs).
                Outcome::ScoreChanged { reason, .. } | Outcome::ChangeQueued { reason, .. } => {
                    reason.starts_with("Rated by your neighbours")
                }
                Outcome::EventArrived { .. }
                | Outcome::EventWithheld { .. }
                | Outcome::BulletinIssued { .. }
                | Outcome::Dropped { .. }
                | Outcome::AccusationResolved { .. }
                | Outcome::RuleEnabled { .. }
                | Outcome::RuleDisabled { .. }
                | Outcome::VoteHeld { .. }
                | Outcome::ScoreSwitchedOn { .. }
                | Outcome::PerkOpened { .. }
                | Outcome::PerkClosed { .. }
                | Outcome::SanctionImposed { .. }
                | Outcome::SanctionLifted { .. } => true,
                _ => false,
            };
            if eventful {
                self.mark(day);
            }
        }
    }
}

impl Watch for Observer {
    const ACTIONS: bool = true;

    fn began(&mut self, _game: &Game, outcomes: &[Outcome]) {
        self.note(1, outcomes, None);
    }

    fn played(&mut self, game: &Game, played: &Played<'_>, outcomes: &[Outcome]) {
        let ended = *played.action == Action::EndDay;
        // After the day's end the state's day is the next one; the outcomes start in the old.
        let day = game.state().day - u32::from(ended);
        self.note(day, outcomes, Some(played.action));
        if let Some(k) = trace::kind(played.action) {
            if self.kinds.len() < trace::KINDS.len() {
                self.kinds.resize(trace::KINDS.len(), 0);
            }
            self.kinds[k] += 1;
            // A draft is half of a post or of a deleted draft, which are named.
            if !matches!(played.action, Action::Draft { .. }) {
                *self.named.entry(trace::label(game, played)).or_insert(0) += 1;
            }
        }
    }

    fn day_ended(&mut self, game: &Game) {
        self.days.day_ended(game);
    }
}

/// The quiet stretches of a run: maximal runs of more than [`QUIET_DAYS`] days of `days`
/// that were not `eventful`, as (first day, last day).
pub fn quiet_stretches(eventful: &[bool], days: u32) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut start = None;
    for day in 1..=days + 1 {
        let quiet = day <= days && !eventful.get(day as usize - 1).copied().unwrap_or(false);
        match (quiet, start) {
            (true, None) => start = Some(day),
            (false, Some(s)) => {
                if (day - s) as usize > QUIET_DAYS {
                    out.push((s, day - 1));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The debrief's obedience counts from a finished game's journal, the way
/// `game::debrief` computes them: (obeyed, conflicted) over the scored decisions.
pub fn obedience(game: &Game) -> (u32, u32) {
    let decisions = &game.state().journal.decisions;
    let conflicted = decisions.iter().filter(|d| d.scored && d.conflicted());
    let (mut obeyed, mut n) = (0, 0);
    for d in conflicted {
        n += 1;
        obeyed += u32::from(d.obeyed());
    }
    (obeyed, n)
}

#[cfg(test)]
mod tests {
    use super::quiet_stretches;

    #[test]
    fn stretches_are_maximal_and_longer_than_three_days() {
        let e = [true, false, false, false, true, false, false, false, false];
        assert_eq!(quiet_stretches(&e, 9), vec![(6, 9)]);
        assert_eq!(quiet_stretches(&[], 5), vec![(1, 5)]);
        assert_eq!(quiet_stretches(&[false; 3], 3), vec![]);
    }
}
