//! Ids as a player types them: in any case, and a near miss answered with "did you mean".

use crate::game::{Action, Game};

/// The action with each id it names spelled as the level spells it, whatever the case typed;
/// `Err` says which id is unknown and, for a likely typo, which one was meant.
pub fn resolve(game: &Game, action: Action) -> Result<Action, String> {
    let level = game.level();
    Ok(match action {
        Action::Buy { item } => Action::Buy {
            item: matched("item", &item, level.items.iter().map(|i| &*i.id).collect())?,
        },
        Action::Draft { topic } => Action::Draft {
            topic: matched(
                "topic",
                &topic,
                level.topics.iter().map(|t| &*t.id).collect(),
            )?,
        },
        Action::Befriend { npc } => Action::Befriend {
            npc: matched("person", &npc, level.npcs.iter().map(|n| &*n.id).collect())?,
        },
        Action::Unfriend { npc } => Action::Unfriend {
            npc: matched("person", &npc, level.npcs.iter().map(|n| &*n.id).collect())?,
        },
        Action::Denounce { npc } => Action::Denounce {
            npc: matched("person", &npc, level.npcs.iter().map(|n| &*n.id).collect())?,
        },
        Action::Vote { proposal } => Action::Vote {
            proposal: matched(
                "proposal",
                &proposal,
                level.proposals.iter().map(|p| &*p.id).collect(),
            )?,
        },
        Action::Answer { event, choice } => {
            let event = matched(
                "event",
                &event,
                level.events.iter().map(|e| &*e.id).collect(),
            )?;
            let choices = level
                .event(&event)
                .map(|e| e.choices.iter().map(|c| &*c.id).collect())
                .unwrap_or_default();
            let choice = matched("choice", &choice, choices)?;
            Action::Answer { event, choice }
        }
        other => other,
    })
}

fn matched(kind: &str, typed: &str, ids: Vec<&str>) -> Result<String, String> {
    if let Some(id) = ids.iter().find(|id| **id == typed) {
        return Ok(id.to_string());
    }
    let mut same = ids.iter().filter(|id| id.eq_ignore_ascii_case(typed));
    if let (Some(id), None) = (same.next(), same.next()) {
        return Ok(id.to_string());
    }
    let shown = super::command::printable(typed);
    let lower = typed.to_ascii_lowercase();
    let folded: Vec<String> = ids.iter().map(|id| id.to_ascii_lowercase()).collect();
    let near = crate::check::did_you_mean(&lower, folded.iter().map(String::as_str))
        .and_then(|n| ids.iter().find(|id| id.eq_ignore_ascii_case(&n)));
    Err(match near {
        Some(id) => format!("Not possible: no {kind} called `{shown}`; did you mean `{id}`?"),
        None => format!("Not possible: no {kind} called `{shown}`."),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::Arc;

    fn game() -> Game {
        let level = crate::check::load_file(Path::new("levels/mandatory.ron")).unwrap();
        Game::new(Arc::new(level), None, 1).unwrap().0
    }

    #[test]
    fn ids_match_in_any_case() {
        let g = game();
        let typed = Action::Buy {
            item: "DYNASTY_TACTICS".into(),
        };
        let item = "dynasty_tactics".to_string();
        assert_eq!(resolve(&g, typed), Ok(Action::Buy { item }));
    }

    #[test]
    fn a_typo_is_answered_with_the_id_meant() {
        let g = game();
        let typed = Action::Buy {
            item: "dynsty_tactics".into(),
        };
        let why = resolve(&g, typed).unwrap_err();
        assert!(why.contains("did you mean `dynasty_tactics`?"), "{why}");
        let far = Action::Draft {
            topic: "zzzzzzzz".into(),
        };
        let why = resolve(&g, far).unwrap_err();
        assert!(!why.contains("did you mean"), "{why}");
    }

    #[test]
    fn a_choice_is_matched_within_its_event() {
        let g = game();
        let event = g
            .level()
            .events
            .iter()
            .find(|e| e.choices.len() > 1)
            .unwrap();
        let typed = Action::Answer {
            event: event.id.to_uppercase(),
            choice: event.choices[1].id.to_uppercase(),
        };
        let want = Action::Answer {
            event: event.id.clone(),
            choice: event.choices[1].id.clone(),
        };
        assert_eq!(resolve(&g, typed), Ok(want));
    }
}
