//! The one way in: actions the player (or a bot) asks for.

use serde::{Deserialize, Serialize};

use super::level::ActionKind;
use super::state::Reaction;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    Consent { share: bool },
    Buy { item: String },
    Draft { topic: String },
    Post,
    CancelDraft,
    Like { post: usize },
    Share { post: usize },
    Report { post: usize },
    Befriend { npc: String },
    Unfriend { npc: String },
    Denounce { npc: String },
    Answer { event: String, choice: String },
    Appeal { row: usize },
    Vote { proposal: String },
    EndDay,
}

impl Action {
    /// The kind a sanction may forbid, and whether it spends one of the day's actions.
    pub fn kind(&self) -> Option<ActionKind> {
        Step::from(self).kind()
    }

    pub fn costs_action(&self) -> bool {
        Action::kind_costs(self.kind())
    }

    /// Whether actions of this kind spend one of the day's actions (`None`: of no kind).
    pub fn kind_costs(kind: Option<ActionKind>) -> bool {
        !matches!(kind, None | Some(ActionKind::Vote))
    }
}

/// An action that names what it acts on by its place in the level's list instead of by id (a
/// post, as in [`Action`], by its place in the feed): bots, which hold the level's lists, play
/// these ([`super::Game::play_move`]) and compare no names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Buy(usize),
    Draft(usize),
    Post,
    CancelDraft,
    Like(usize),
    Share(usize),
    Report(usize),
    Befriend(usize),
    Unfriend(usize),
    Denounce(usize),
    Answer { event: usize, choice: usize },
    EndDay,
}

impl Move {
    /// The kind a sanction may forbid (`None`: of no kind), as [`Action::kind`].
    pub fn kind(self) -> Option<ActionKind> {
        Step::from(self).kind()
    }
}

/// What an action names: an id, as players and files give it, or a position in the level.
#[derive(Debug, Clone, Copy)]
pub(super) enum Target<'a> {
    Id(&'a str),
    At(usize),
}

/// An [`Action`] or a [`Move`], as the game carries either out: one way in for both.
#[derive(Debug, Clone, Copy)]
pub(super) enum Step<'a> {
    Consent(bool),
    Buy(Target<'a>),
    Draft(Target<'a>),
    Post,
    CancelDraft,
    React(usize, Reaction),
    Befriend(Target<'a>),
    Unfriend(Target<'a>),
    Denounce(Target<'a>),
    Answer(Target<'a>, Target<'a>),
    Appeal(usize),
    Vote(&'a str),
    EndDay,
}

impl Step<'_> {
    pub fn kind(self) -> Option<ActionKind> {
        Some(match self {
            Step::Buy(_) => ActionKind::Buy,
            Step::Post => ActionKind::Post,
            Step::React(_, Reaction::Liked) => ActionKind::Like,
            Step::React(_, Reaction::Shared) => ActionKind::Share,
            Step::React(_, Reaction::Reported) | Step::Denounce(_) => ActionKind::Report,
            Step::Befriend(_) => ActionKind::Befriend,
            Step::Unfriend(_) => ActionKind::Unfriend,
            Step::Appeal(_) => ActionKind::Appeal,
            Step::Vote(_) => ActionKind::Vote,
            _ => return None,
        })
    }

    pub fn costs_action(self) -> bool {
        Action::kind_costs(self.kind())
    }
}

impl<'a> From<&'a Action> for Step<'a> {
    fn from(action: &'a Action) -> Step<'a> {
        use Target::Id;
        match action {
            Action::Consent { share } => Step::Consent(*share),
            Action::Buy { item } => Step::Buy(Id(item)),
            Action::Draft { topic } => Step::Draft(Id(topic)),
            Action::Post => Step::Post,
            Action::CancelDraft => Step::CancelDraft,
            Action::Like { post } => Step::React(*post, Reaction::Liked),
            Action::Share { post } => Step::React(*post, Reaction::Shared),
            Action::Report { post } => Step::React(*post, Reaction::Reported),
            Action::Befriend { npc } => Step::Befriend(Id(npc)),
            Action::Unfriend { npc } => Step::Unfriend(Id(npc)),
            Action::Denounce { npc } => Step::Denounce(Id(npc)),
            Action::Answer { event, choice } => Step::Answer(Id(event), Id(choice)),
            Action::Appeal { row } => Step::Appeal(*row),
            Action::Vote { proposal } => Step::Vote(proposal),
            Action::EndDay => Step::EndDay,
        }
    }
}

impl From<Move> for Step<'static> {
    fn from(m: Move) -> Step<'static> {
        use Target::At;
        match m {
            Move::Buy(i) => Step::Buy(At(i)),
            Move::Draft(i) => Step::Draft(At(i)),
            Move::Post => Step::Post,
            Move::CancelDraft => Step::CancelDraft,
            Move::Like(post) => Step::React(post, Reaction::Liked),
            Move::Share(post) => Step::React(post, Reaction::Shared),
            Move::Report(post) => Step::React(post, Reaction::Reported),
            Move::Befriend(i) => Step::Befriend(At(i)),
            Move::Unfriend(i) => Step::Unfriend(At(i)),
            Move::Denounce(i) => Step::Denounce(At(i)),
            Move::Answer { event, choice } => Step::Answer(At(event), At(choice)),
            Move::EndDay => Step::EndDay,
        }
    }
}
