//! Friendships: making them, ending them, reporting people, and being dropped.

use std::fmt::Display;

use super::journal::DecisionKind;
use super::level::DueProcess;
use super::state::Accusation;
use super::{Action, Game, Log, Outcome, Refusal};

/// Why a person turns the player down.
enum Reluctance {
    Distrust,
    /// Their tolerance: they keep to people scoring this or more.
    Tolerance(i32),
}

/// Days before the same person can be reported again.
pub const REPORT_AGAIN_AFTER: u32 = 7;

impl Game {
    fn npc_name(&self, id: &str) -> Result<String, Refusal> {
        self.level
            .npc(id)
            .map(|n| n.name.clone())
            .ok_or_else(|| Refusal::Unknown {
                kind: "person",
                id: id.to_string(),
            })
    }

    /// Why a person would turn the player down, if they would.
    pub fn refuses_friendship(&self, id: &str) -> Option<String> {
        self.reluctance(id).map(|r| match r {
            Reluctance::Distrust => "they remember what you did".into(),
            Reluctance::Tolerance(t) => format!("they keep to people scoring {t} or more"),
        })
    }

    /// [`Game::refuses_friendship`] without the words.
    pub fn would_befriend(&self, id: &str) -> bool {
        self.reluctance(id).is_none()
    }

    fn reluctance(&self, id: &str) -> Option<Reluctance> {
        let npc = self.level.npc(id)?;
        let state = self.state.npcs.get(id)?;
        if state.trust < 0 {
            return Some(Reluctance::Distrust);
        }
        match (npc.tolerance, self.state.score) {
            (Some(t), Some(s)) if s < t => Some(Reluctance::Tolerance(t)),
            _ => None,
        }
    }

    pub(super) fn befriend(&mut self, id: &str, log: &mut Log) -> Result<(), Refusal> {
        let name = self.npc_name(id)?;
        if self.state.friends.contains(id) {
            return Err(Refusal::AlreadyFriends(name));
        }
        if let Some(reason) = self.refuses_friendship(id) {
            return Err(Refusal::Declined { name, reason });
        }
        let action = Action::Befriend {
            npc: id.to_string(),
        };
        let offers = || {
            vec![
                (
                    "befriend".into(),
                    format!("Befriend {name}"),
                    Some(action.clone()),
                ),
                ("leave".into(), "Leave it".into(), None),
            ]
        };
        self.record(DecisionKind::Friend, id, offers, 0, false);
        self.act(&action, &format_args!("Befriended {name}"), log);
        self.set_friend(id, true);
        log.push(|| Outcome::Befriended {
            npc: id.to_string(),
        });
        self.settle_if_immediate(&format_args!("Befriended {name}"), log);
        Ok(())
    }

    pub(super) fn unfriend(&mut self, id: &str, log: &mut Log) -> Result<(), Refusal> {
        let name = self.npc_name(id)?;
        if !self.state.friends.contains(id) {
            return Err(Refusal::NotFriends(name));
        }
        let action = Action::Unfriend {
            npc: id.to_string(),
        };
        let their = self.state.npcs.get(id).map_or(0, |n| n.score);
        let offers = || {
            vec![
                ("keep".into(), format!("Keep {name}"), None),
                (
                    "unfriend".into(),
                    format!("Unfriend {name} (score {their})"),
                    Some(action.clone()),
                ),
            ]
        };
        self.record(DecisionKind::Friend, id, offers, 1, false);
        self.act(&action, &format_args!("Unfriended {name}"), log);
        self.set_friend(id, false);
        if let Some(n) = self.state.npcs.get_mut(id) {
            n.trust -= 1;
        }
        log.push(|| Outcome::Unfriended {
            npc: id.to_string(),
        });
        self.settle_if_immediate(&format_args!("Unfriended {name}"), log);
        Ok(())
    }

    pub(super) fn denounce(&mut self, id: &str, log: &mut Log) -> Result<(), Refusal> {
        let name = self.npc_name(id)?;
        if let Some(&day) = self.state.denounced.get(id)
            && self.state.day < day + REPORT_AGAIN_AFTER
        {
            return Err(Refusal::AlreadyReported { name, day });
        }
        self.state.denounced.insert(id.to_string(), self.state.day);
        let action = Action::Denounce {
            npc: id.to_string(),
        };
        let offers = || {
            vec![
                ("leave".into(), format!("Leave {name} alone"), None),
                (
                    "report".into(),
                    format!("Report {name}"),
                    Some(action.clone()),
                ),
            ]
        };
        self.record(DecisionKind::Friend, id, offers, 1, false);
        self.act(&action, &format_args!("Reported {name}"), log);
        self.state.reports_filed += 1;
        if let Some(n) = self.state.npcs.get_mut(id) {
            n.trust -= 3;
        }
        if self.set_friend(id, false) {
            log.push(|| Outcome::Unfriended {
                npc: id.to_string(),
            });
        }
        log.push(|| Outcome::Denounced {
            npc: id.to_string(),
        });
        self.accuse(id);
        self.settle_if_immediate(&format_args!("Reported {name}"), log);
        Ok(())
    }

    /// A report against a person: the penalty lands now, or after their defence window.
    pub(super) fn accuse(&mut self, id: &str) {
        match self.level.reporting.due_process {
            DueProcess::None => self.penalise(id),
            DueProcess::Window { days } => self.state.accusations.push(Accusation {
                npc: id.to_string(),
                due: self.state.day + days.max(1),
            }),
        }
    }

    pub(super) fn penalise(&mut self, id: &str) {
        if let Some(i) = self.level.npcs.iter().position(|n| n.id == id) {
            self.nudge_npc(i, -self.level.reporting.penalty);
        }
    }

    /// Friendship changes move a transparent score at once; elsewhere at the next recomputation.
    pub(super) fn settle_if_immediate(&mut self, did: &dyn Display, log: &mut Log) {
        if self.state.visibility == super::level::Visibility::Transparent {
            self.settle(did, "You are judged by the company you keep", log);
        }
    }

    /// People whose tolerance the player's score has fallen below drop them.
    pub(super) fn drop_low_scorers(&mut self, log: &mut Log) {
        let Some(score) = self.state.score else {
            return;
        };
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
            .cloned()
            .collect();
        for id in leaving {
            self.set_friend(&id, false);
            log.push(|| Outcome::Dropped { npc: id, score });
        }
    }
}
