//! One turn of a bot's day: the candidates it may consider, listed lazily, and which of them
//! are worth taking.

use rand::rngs::ChaCha8Rng;

use super::choice::pick;
use super::day::Options;
use crate::game::level::ActionKind;
use crate::game::state::{Author, FeedPost, Reaction};
use crate::game::{Game, Move};

/// A random one of the turn's candidates worth taking; tests only as many as it draws, each
/// drawn one leaving the list as `Vec::swap_remove` would.
pub(super) fn pick_allowed(turn: &mut Turn<'_>, rng: &mut ChaCha8Rng) -> Option<Move> {
    while let Some(i) = pick(rng, turn.len) {
        let candidate = turn.swap_remove(i);
        if worthy(turn.game, candidate) {
            return Some(candidate);
        }
    }
    None
}

/// Every action a bot might consider now, in order: the purchases, the drafts (unless one is
/// open), reactions to the newest posts, then for each person a friendship made or ended and
/// a report; [`worthy`] says which to take seriously. Listed only where it is looked at: the
/// random bot draws two or three of some seventy.
pub(super) struct Turn<'a> {
    pub(super) game: &'a Game,
    pub(super) buy_or_draft: &'a [Move],
    pub(super) feed: &'a [Move],
    pub(super) len: usize,
    /// The places `swap_remove` moved a candidate to, latest last.
    pub(super) moved: &'a mut Vec<(usize, Move)>,
}

impl<'a> Turn<'a> {
    pub(super) fn of(game: &'a Game, options: &'a mut Options) -> Turn<'a> {
        let Options {
            every,
            items,
            feed,
            feed_listed,
            moved,
            ..
        } = options;
        let visible = game.visible_feed();
        let lengths = (game.state().feed.len(), visible.len());
        if *feed_listed != Some(lengths) {
            list_reactions(visible, feed);
            *feed_listed = Some(lengths);
        }
        debug_assert!({
            let mut fresh = Vec::new();
            list_reactions(visible, &mut fresh);
            fresh == *feed
        });
        let buy_or_draft = match game.state().draft {
            None => &every[..],
            Some(_) => &every[..*items],
        };
        moved.clear();
        Turn {
            game,
            len: buy_or_draft.len() + feed.len() + 2 * game.level().npcs.len(),
            buy_or_draft,
            feed,
            moved,
        }
    }

    /// The candidate at this place in the list as it was made.
    pub(super) fn natural(&self, i: usize) -> Move {
        let Some(i) = i.checked_sub(self.buy_or_draft.len()) else {
            return self.buy_or_draft[i];
        };
        let Some(i) = i.checked_sub(self.feed.len()) else {
            return self.feed[i];
        };
        let npc = i / 2;
        match (i % 2, self.game.positions().is_friend(npc)) {
            (0, true) => Move::Unfriend(npc),
            (0, false) => Move::Befriend(npc),
            _ => Move::Denounce(npc),
        }
    }

    fn at(&self, i: usize) -> Move {
        (self.moved.iter().rev())
            .find(|(at, _)| *at == i)
            .map_or_else(|| self.natural(i), |(_, c)| *c)
    }

    /// Takes the candidate at `i` out, the last one taking its place.
    fn swap_remove(&mut self, i: usize) -> Move {
        let taken = self.at(i);
        self.len -= 1;
        if i != self.len {
            let last = self.at(self.len);
            self.moved.push((i, last));
        }
        taken
    }
}

/// The reactions a turn offers: to the six newest posts the player can see, those not yet
/// made.
pub(super) fn list_reactions(visible: &[FeedPost], feed: &mut Vec<Move>) {
    feed.clear();
    for p in visible.iter().rev().take(6) {
        if !p.reactions.contains(&Reaction::Liked) {
            feed.push(Move::Like(p.id));
        }
        if !p.reactions.contains(&Reaction::Shared) {
            feed.push(Move::Share(p.id));
        }
        if matches!(p.author, Author::Npc(_)) && !p.reactions.contains(&Reaction::Reported) {
            feed.push(Move::Report(p.id));
        }
    }
}

/// Whether the game allows the candidate and it is sensible: a bot keeps the rent in hand
/// and does not ask people who would refuse. Decides by position.
pub(super) fn worthy(game: &Game, candidate: Move) -> bool {
    let (s, at) = (game.state(), game.positions());
    match candidate {
        Move::Buy(i) => at
            .purchasable(i)
            .is_some_and(|price| s.money - price >= s.rent.max(0)),
        Move::Draft(i) => at.draftable(i),
        Move::Befriend(i) => at.may(Some(ActionKind::Befriend)) && at.would_befriend(i),
        Move::Unfriend(_) => at.may(Some(ActionKind::Unfriend)),
        Move::Denounce(i) => at.may(Some(ActionKind::Report)) && at.reportable(i),
        // Reactions to the feed: nothing but a sanction or the day's end stands in the way.
        _ => at.may(candidate.kind()),
    }
}
