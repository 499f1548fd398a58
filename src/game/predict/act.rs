//! An act: what an action or a move is done to, its names looked up, by position in the level.

use crate::game::state::Reaction;
use crate::game::{Action, Game, Move};

/// An act with its names looked up: what it is done to, by position in the level (a feed
/// post by its id). Handlers look a name up once and act by position from then on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::game) enum Act {
    Consent {
        share: bool,
    },
    Buy(usize),
    /// A topic posted on (`true`) or a draft on it deleted.
    Post(usize, bool),
    React(usize, Reaction),
    Befriend(usize),
    Unfriend(usize),
    Denounce(usize),
    Answer(usize, usize),
    Vote(usize),
}

impl Game {
    /// The act an action is, its names looked up; `None` for actions that are no act (ending
    /// the day, appeals) or that name nothing that exists.
    pub(in crate::game) fn act_of(&self, action: &Action) -> Option<Act> {
        let level = &self.level;
        let npc = |id: &str| level.npcs.iter().position(|n| n.id == id);
        let topic = |id: &str| level.topics.iter().position(|t| t.id == id);
        Some(match action {
            Action::Consent { share } => Act::Consent { share: *share },
            Action::Buy { item } => Act::Buy(level.items.iter().position(|i| &i.id == item)?),
            Action::Draft { topic: t } => Act::Post(topic(t)?, true),
            Action::Post | Action::CancelDraft => Act::Post(
                topic(self.state.draft.as_deref()?)?,
                *action == Action::Post,
            ),
            Action::Like { post } => Act::React(*post, Reaction::Liked),
            Action::Share { post } => Act::React(*post, Reaction::Shared),
            Action::Report { post } => Act::React(*post, Reaction::Reported),
            Action::Befriend { npc: n } => Act::Befriend(npc(n)?),
            Action::Unfriend { npc: n } => Act::Unfriend(npc(n)?),
            Action::Denounce { npc: n } => Act::Denounce(npc(n)?),
            Action::Answer { event, choice } => {
                let e = level.events.iter().position(|e| &e.id == event)?;
                let c = (level.events[e].choices.iter()).position(|c| &c.id == choice)?;
                Act::Answer(e, c)
            }
            Action::Vote { proposal } => {
                Act::Vote(level.proposals.iter().position(|p| &p.id == proposal)?)
            }
            Action::Appeal { .. } | Action::EndDay => return None,
        })
    }

    /// The act a move is: [`Game::act_of`] for a move, which names things by position already;
    /// `None` for the day's end and for a position the level's list does not have.
    pub(in crate::game) fn act_of_move(&self, m: Move) -> Option<Act> {
        let level = &self.level;
        let within = |at: usize, len: usize| (at < len).then_some(at);
        let draft = || self.held.draft;
        Some(match m {
            Move::Buy(i) => Act::Buy(within(i, level.items.len())?),
            Move::Draft(t) => Act::Post(within(t, level.topics.len())?, true),
            Move::Post => Act::Post(draft()?, true),
            Move::CancelDraft => Act::Post(draft()?, false),
            Move::Like(post) => Act::React(post, Reaction::Liked),
            Move::Share(post) => Act::React(post, Reaction::Shared),
            Move::Report(post) => Act::React(post, Reaction::Reported),
            Move::Befriend(n) => Act::Befriend(within(n, level.npcs.len())?),
            Move::Unfriend(n) => Act::Unfriend(within(n, level.npcs.len())?),
            Move::Denounce(n) => Act::Denounce(within(n, level.npcs.len())?),
            Move::Answer { event, choice } => {
                let choices = level.events.get(event)?.choices.len();
                Act::Answer(event, within(choice, choices)?)
            }
            Move::EndDay => return None,
        })
    }
}
