//! Friends and the people's records: who the player counts as a friend, their scores,
//! and whom the player reported.

use super::{put, toggle};
use crate::game::Game;
use crate::game::state::NpcState;

impl Game {
    /// Makes (`true`) or ends a friendship; whether anything changed.
    pub(in crate::game) fn set_friend(&mut self, npc: &str, friends: bool) -> bool {
        match self.level.npcs.iter().position(|n| n.id == npc) {
            Some(at) => self.set_friend_at(at, friends),
            // Someone the level does not have counts in no score, but among the friends.
            None => {
                self.forget_friends();
                toggle(&mut self.state.friends, npc, friends)
            }
        }
    }

    /// [`Game::set_friend`] with the person at this position in the level.
    pub(in crate::game) fn set_friend_at(&mut self, npc: usize, friends: bool) -> bool {
        if self.held.friends[npc] == friends {
            return false;
        }
        put(&mut self.state.friends, &self.index.npc_ids[npc], friends);
        self.held.friends[npc] = friends;
        self.forget_friends();
        true
    }

    /// The record of the person at this position in the level, for what the mirror does not
    /// hold (trust, the next post): a score changes only through [`Game::nudge_npc`].
    pub(in crate::game) fn npc_state(&mut self, npc: usize) -> Option<&mut NpcState> {
        let rank = self.held.npc_rank[npc]?;
        self.state.npcs.at_mut(rank)
    }

    /// Moves the score of the person at this position in the level, within the level's range.
    pub(in crate::game) fn nudge_npc(&mut self, npc: usize, delta: i32) {
        let (min, max) = (self.level.score.min, self.level.score.max);
        if let Some(s) = self.npc_state(npc) {
            s.score = s.score.saturating_add(delta).clamp(min, max);
            let score = s.score;
            self.held.npc_scores[npc] = Some(score);
        }
        // Only friends' scores count in the player's.
        if self.held.friends[npc] {
            self.forget_friends();
        }
    }

    /// The friends or their scores changed: what was worked out from them is stale.
    pub(in crate::game) fn forget_friends(&mut self) {
        self.memo.implied = None;
    }

    /// Notes that the player reported the person at this position today.
    pub(in crate::game) fn note_report(&mut self, npc: usize) {
        let day = self.state.day;
        (self.state.denounced).insert(self.level.npcs[npc].id.clone(), day);
        self.held.denounced[npc] = Some(day);
    }
}
