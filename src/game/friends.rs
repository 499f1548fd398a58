//! Friendships: making them, ending them, reporting people, and being dropped.

mod reports;

use std::fmt::Display;
use std::sync::Arc;

use super::action::Target;
use super::journal::DecisionKind;
use super::play::resolve;
use super::predict::Act;
use super::{Action, Game, Log, Outcome, Refusal};

/// Why a person turns the player down.
pub(super) enum Reluctance {
    Distrust,
    /// Their tolerance: they keep to people scoring this or more.
    Tolerance(i32),
}

impl Reluctance {
    fn words(self) -> String {
        match self {
            Reluctance::Distrust => "they remember what you did".into(),
            Reluctance::Tolerance(t) => format!("they keep to people scoring {t} or more"),
        }
    }
}

/// Days before the same person can be reported again.
pub const REPORT_AGAIN_AFTER: u32 = 7;

impl Game {
    /// The position of the person the target names, their id (shared with the index), and
    /// their name (unless the game is silent), or why there is none.
    fn npc_named(&self, npc: Target<'_>) -> Result<(usize, Arc<str>, String), Refusal> {
        let at = resolve(&self.level.npcs, npc, "person", |n| &n.id)?;
        let name = self.words(|| self.level.npcs[at].name.clone());
        Ok((at, self.index.npc_ids[at].clone(), name))
    }

    /// Why a person would turn the player down, if they would.
    pub fn refuses_friendship(&self, id: &str) -> Option<String> {
        self.reluctance(id).map(Reluctance::words)
    }

    fn reluctance(&self, id: &str) -> Option<Reluctance> {
        self.reluctance_of(self.level.npcs.iter().position(|n| n.id == id)?)
    }

    pub(super) fn reluctance_of(&self, at: usize) -> Option<Reluctance> {
        let npc = self.level.npcs.get(at)?;
        let state = self.state.npcs.at(self.held.npc_rank[at]?)?;
        if state.trust < 0 {
            return Some(Reluctance::Distrust);
        }
        match (npc.tolerance, self.state.score) {
            (Some(t), Some(s)) if s < t => Some(Reluctance::Tolerance(t)),
            _ => None,
        }
    }

    // A silent game's `name` is empty: a refusal names the person from the level itself.
    pub(super) fn befriend(&mut self, npc: Target<'_>, log: &mut Log) -> Result<(), Refusal> {
        let (at, id, name) = self.npc_named(npc)?;
        let id = &*id;
        if self.is_friend(at) {
            return Err(Refusal::AlreadyFriends(self.level.npcs[at].name.clone()));
        }
        if let Some(why) = self.reluctance_of(at) {
            let name = self.level.npcs[at].name.clone();
            let reason = why.words();
            return Err(Refusal::Declined { name, reason });
        }
        let offers = || {
            vec![
                (
                    "befriend".into(),
                    format!("Befriend {name}"),
                    Some(Action::Befriend { npc: id.into() }),
                ),
                ("leave".into(), "Leave it".into(), None),
            ]
        };
        self.record(DecisionKind::Friend, id, offers, 0, false);
        self.act(Act::Befriend(at), &format_args!("Befriended {name}"), log);
        self.set_friend_at(at, true);
        log.push(|| Outcome::Befriended {
            npc: id.to_string(),
        });
        self.settle_if_immediate(&format_args!("Befriended {name}"), log);
        Ok(())
    }

    pub(super) fn unfriend(&mut self, npc: Target<'_>, log: &mut Log) -> Result<(), Refusal> {
        let (at, id, name) = self.npc_named(npc)?;
        let id = &*id;
        if !self.is_friend(at) {
            return Err(Refusal::NotFriends(self.level.npcs[at].name.clone()));
        }
        let their = self.held.npc_scores[at].unwrap_or(0);
        let offers = || {
            vec![
                ("keep".into(), format!("Keep {name}"), None),
                (
                    "unfriend".into(),
                    format!("Unfriend {name} (score {their})"),
                    Some(Action::Unfriend { npc: id.into() }),
                ),
            ]
        };
        self.record(DecisionKind::Friend, id, offers, 1, false);
        self.note_ended(DecisionKind::Friend, id, id);
        self.act(Act::Unfriend(at), &format_args!("Unfriended {name}"), log);
        self.set_friend_at(at, false);
        if let Some(n) = self.npc_state(at) {
            n.trust -= 1;
        }
        log.push(|| Outcome::Unfriended {
            npc: id.to_string(),
        });
        self.settle_if_immediate(&format_args!("Unfriended {name}"), log);
        Ok(())
    }

    /// Friendship changes move a transparent score at once; elsewhere at the next recomputation.
    pub(super) fn settle_if_immediate(&mut self, did: &dyn Display, log: &mut Log) {
        if self.state.visibility == super::level::Visibility::Transparent {
            self.settle(did, log);
        }
    }

    /// People whose tolerance the player's score has fallen below drop them.
    pub(super) fn drop_low_scorers(&mut self, log: &mut Log) {
        let Some(score) = self.state.score else {
            return;
        };
        let below = |at: usize| (self.level.npcs[at].tolerance).is_some_and(|t| score < t);
        if !(0..self.level.npcs.len()).any(|at| self.held.friends[at] && below(at)) {
            // Nobody in the level who minds: the usual evening, decided by position.
            return;
        }
        let leaving: Vec<String> = self
            .state
            .friends
            .iter()
            .filter(|f| {
                self.level
                    .npc(f)
                    .and_then(|n| n.tolerance)
                    .is_some_and(|t| score < t)
            })
            .map(str::to_string)
            .collect();
        for id in leaving {
            self.set_friend(&id, false);
            log.push(|| Outcome::Dropped { npc: id, score });
        }
    }
}
