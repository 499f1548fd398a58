//! The one way in: actions the player (or a bot) asks for.

use serde::{Deserialize, Serialize};

use super::level::ActionKind;

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
        Some(match self {
            Action::Buy { .. } => ActionKind::Buy,
            Action::Post => ActionKind::Post,
            Action::Like { .. } => ActionKind::Like,
            Action::Share { .. } => ActionKind::Share,
            Action::Report { .. } | Action::Denounce { .. } => ActionKind::Report,
            Action::Befriend { .. } => ActionKind::Befriend,
            Action::Unfriend { .. } => ActionKind::Unfriend,
            Action::Appeal { .. } => ActionKind::Appeal,
            Action::Vote { .. } => ActionKind::Vote,
            _ => return None,
        })
    }

    pub fn costs_action(&self) -> bool {
        Action::kind_costs(self.kind())
    }

    /// Whether actions of this kind spend one of the day's actions (`None`: of no kind).
    pub fn kind_costs(kind: Option<ActionKind>) -> bool {
        !matches!(kind, None | Some(ActionKind::Vote))
    }
}
