//! The game asked by position in the level's lists instead of by name: the vocabulary of
//! bots, which hold the level's lists and compare no names. Each answer is the one play
//! gives: the same functions decide both (the obstacles in gates.rs, shop.rs, posts.rs,
//! events.rs and friends.rs), here without the words of a refusal.

use super::level::ActionKind;
use super::{Action, Game};

/// The by-position questions on a game ([`Game::positions`]); [`Game::play_move`] plays by
/// position.
#[derive(Clone, Copy)]
pub struct Positions<'g> {
    game: &'g Game,
}

impl Game {
    /// Asks the game by position (bots): see [`Positions`].
    pub fn positions(&self) -> Positions<'_> {
        Positions { game: self }
    }

    /// What [`Game::allows`] asks of any action of this kind (`None`: of no kind a sanction
    /// can forbid): the game is on, no sanction forbids it, and a day's action is left if it
    /// costs one.
    pub(super) fn may(&self, kind: Option<ActionKind>) -> bool {
        !self.is_over()
            && kind.is_none_or(|k| !self.held.standing.forbids(k))
            && (!Action::kind_costs(kind) || self.state.actions_left > 0)
    }

    /// The events in the inbox still waiting for an answer, by position in the level.
    pub(super) fn pending_at(&self) -> impl Iterator<Item = usize> {
        (self.state.inbox.iter().zip(&self.held.inbox))
            .filter(|(entry, _)| entry.answer.is_none())
            .filter_map(|(_, at)| *at)
    }

    /// Whether the player counts the person at this position in the level as a friend.
    pub(super) fn is_friend(&self, npc: usize) -> bool {
        self.held.friends.get(npc) == Some(&true)
    }
}

impl<'g> Positions<'g> {
    /// Whether an action of this kind may be taken now (`None`: of no kind a sanction can
    /// forbid), whatever it acts on.
    pub fn may(self, kind: Option<ActionKind>) -> bool {
        self.game.may(kind)
    }

    /// The price of the item, if the player may buy it now.
    pub fn purchasable(self, item: usize) -> Option<i64> {
        let game = self.game;
        if item >= game.level.items.len() || !game.may(Some(ActionKind::Buy)) {
            return None;
        }
        game.purchase(item).ok()
    }

    /// Whether the player may draft on the topic now.
    pub fn draftable(self, topic: usize) -> bool {
        let game = self.game;
        topic < game.level.topics.len() && game.may(None) && game.drafting(topic).is_none()
    }

    /// Whether the topic's tags are open to the player (whatever else keeps them from it).
    pub fn topic_open(self, topic: usize) -> bool {
        let game = self.game;
        let gate = &game.index.topic_gates[topic];
        gate.obstacle(&game.level, &game.held).is_none()
    }

    /// Whether the player may take this choice of this event.
    pub fn answerable(self, event: usize, choice: usize) -> bool {
        let game = self.game;
        let exists = (game.level.events.get(event)).is_some_and(|e| choice < e.choices.len());
        exists && game.may(None) && game.choosing(event, choice).is_none()
    }

    /// Whether the person may be reported again: it is not too soon since the last report.
    pub fn reportable(self, npc: usize) -> bool {
        let last = self.game.held.denounced.get(npc).copied().flatten();
        self.game.may_report_again(last)
    }

    /// Whether the person would accept the player's friendship.
    pub fn would_befriend(self, npc: usize) -> bool {
        self.game.reluctance_of(npc).is_none()
    }

    pub fn is_friend(self, npc: usize) -> bool {
        self.game.is_friend(npc)
    }

    /// Whether the event has arrived.
    pub fn has_arrived(self, event: usize) -> bool {
        self.game.held.arrived.get(event) == Some(&true)
    }

    /// The events waiting for an answer.
    pub fn pending(self) -> impl Iterator<Item = usize> + 'g {
        self.game.pending_at()
    }
}
