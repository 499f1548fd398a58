//! Every action that names something in a level, made once, for watchers: bots play and weigh
//! [`Move`]s, which name things by position; a watcher is shown the action by name.

use std::borrow::Cow;

use crate::game::level::{Choice, Level};
use crate::game::{Action, Move};

/// Every action that names something in a level, made once, so that a watched run copies no
/// names. Make one for all the runs of a level.
pub struct Actions {
    pub(super) buy: Vec<Action>,
    pub(super) draft: Vec<Action>,
    pub(super) befriend: Vec<Action>,
    pub(super) unfriend: Vec<Action>,
    pub(super) denounce: Vec<Action>,
    /// Each event's choices, by the event's position.
    pub(super) answer: Vec<Vec<Action>>,
}

impl Actions {
    /// The move as the action it is, for a watcher.
    pub(super) fn named(&self, m: Move) -> Cow<'_, Action> {
        match m {
            Move::Buy(i) => Cow::Borrowed(&self.buy[i]),
            Move::Draft(i) => Cow::Borrowed(&self.draft[i]),
            Move::Post => Cow::Owned(Action::Post),
            Move::CancelDraft => Cow::Owned(Action::CancelDraft),
            Move::Like(post) => Cow::Owned(Action::Like { post }),
            Move::Share(post) => Cow::Owned(Action::Share { post }),
            Move::Report(post) => Cow::Owned(Action::Report { post }),
            Move::Befriend(i) => Cow::Borrowed(&self.befriend[i]),
            Move::Unfriend(i) => Cow::Borrowed(&self.unfriend[i]),
            Move::Denounce(i) => Cow::Borrowed(&self.denounce[i]),
            Move::Answer { event, choice } => Cow::Borrowed(&self.answer[event][choice]),
            Move::EndDay => Cow::Owned(Action::EndDay),
        }
    }

    pub fn of(level: &Level) -> Actions {
        let npcs =
            |make: fn(String) -> Action| level.npcs.iter().map(|n| make(n.id.clone())).collect();
        Actions {
            buy: (level.items.iter())
                .map(|i| Action::Buy { item: i.id.clone() })
                .collect(),
            draft: (level.topics.iter())
                .map(|t| Action::Draft {
                    topic: t.id.clone(),
                })
                .collect(),
            befriend: npcs(|npc| Action::Befriend { npc }),
            unfriend: npcs(|npc| Action::Unfriend { npc }),
            denounce: npcs(|npc| Action::Denounce { npc }),
            answer: (level.events.iter())
                .map(|e| {
                    let answer = |c: &Choice| Action::Answer {
                        event: e.id.clone(),
                        choice: c.id.clone(),
                    };
                    e.choices.iter().map(answer).collect()
                })
                .collect(),
        }
    }
}
