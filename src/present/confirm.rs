//! The questions asked before a step that is hard to take back: spending money, answering an
//! event, ending a friendship or reporting someone, ending a day with actions or events left.
//! Each says what the step will do.

use super::effect::effect_text;
use crate::game::{Action, Game};

/// A question to confirm before an action is played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub title: String,
    pub lines: Vec<String>,
}

/// The question to ask before `action`, or `None` when it needs no confirmation.
pub fn question(game: &Game, action: &Action) -> Option<Question> {
    let level = game.level();
    let s = game.state();
    let effect = || {
        (game.predict(action).as_ref())
            .and_then(|p| effect_text(game, p))
            .map(|e| format!("Effect: {e}"))
    };
    match action {
        Action::Buy { item } => {
            let item = level.item(item)?;
            let price = game.price(item);
            let mut lines = vec![format!(
                "Price {price}: your money goes from {} to {}.",
                s.money,
                s.money - price
            )];
            lines.extend(effect());
            Some(Question {
                title: format!("Buy {}?", item.name),
                lines,
            })
        }
        Action::Answer { event, choice } => {
            let e = level.event(event)?;
            let c = e.choices.iter().find(|c| c.id == *choice)?;
            let mut lines = vec![format!("“{}”", c.text)];
            lines.extend(effect());
            Some(Question {
                title: format!("Answer “{}”?", e.title),
                lines,
            })
        }
        // A friend's row stays under the cursor when the list re-sorts: a second Enter after
        // befriending must not end the friendship unasked.
        Action::Unfriend { npc } | Action::Denounce { npc } => {
            let name = super::names::npc(level, npc);
            let title = match action {
                Action::Unfriend { .. } => format!("End your friendship with {name}?"),
                _ => format!("Report {name} to the authorities?"),
            };
            Some(Question {
                title,
                lines: effect().into_iter().collect(),
            })
        }
        Action::EndDay => {
            let mut lines = Vec::new();
            if s.actions_left > 0 {
                lines.push(format!(
                    "You have {} today.",
                    super::actions_left(s.actions_left)
                ));
            }
            for e in game.pending_events() {
                let default = (e.default.as_deref())
                    .and_then(|d| e.choices.iter().find(|c| c.id == d))
                    .map_or(".".into(), |c| format!(": “{}”", c.text));
                lines.push(format!(
                    "{} is unanswered and takes its default{default}",
                    e.title
                ));
            }
            if let Some(topic) = s.draft.as_deref() {
                let name = super::names::topic(level, topic);
                lines.push(format!("Your draft on {name} is deleted unposted."));
            }
            (!lines.is_empty()).then(|| Question {
                title: format!("End day {}?", s.day),
                lines,
            })
        }
        _ => None,
    }
}
