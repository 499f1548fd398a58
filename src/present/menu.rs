//! Menus of choices: an event's answers, what to do with a post or a person, the draft, the
//! ballot. Each choice carries its predicted effect and, where the core would refuse it, why.

use super::names;
use crate::game::state::Reaction;
use crate::game::{Action, Game, Prediction, Refusal};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    Play(Action),
    /// Draft on this topic, then show the draft.
    Draft(String),
    Close,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub label: String,
    pub effect: Option<Prediction>,
    pub lock: Option<String>,
    pub then: Then,
}

#[derive(Debug, Clone)]
pub struct Menu {
    pub title: String,
    pub text: Vec<String>,
    pub choices: Vec<Choice>,
    pub selected: usize,
}

/// A choice that plays `action`: its prediction, and the core's refusal if it would refuse.
fn choice(game: &Game, label: impl Into<String>, action: Action) -> Choice {
    Choice {
        label: label.into(),
        effect: game.predict(&action),
        lock: game.refusal(&action).map(|r| r.to_string()),
        then: Then::Play(action),
    }
}

fn back() -> Choice {
    Choice {
        label: "Back".into(),
        effect: None,
        lock: None,
        then: Then::Close,
    }
}

pub fn topics(game: &Game) -> Menu {
    let choices = game
        .level()
        .topics
        .iter()
        .filter(|t| game.topic_listed(t))
        .map(|t| {
            let draft = Action::Draft {
                topic: t.id.clone(),
            };
            Choice {
                then: Then::Draft(t.id.clone()),
                ..choice(game, super::named(&t.name, &t.description), draft)
            }
        })
        .chain(std::iter::once(back()))
        .collect();
    Menu {
        title: "Write a post".into(),
        text: vec!["What is on your mind?".into()],
        choices,
        selected: 0,
    }
}

pub fn draft(game: &Game) -> Option<Menu> {
    let topic = game.level().topic(game.state().draft.as_deref()?)?;
    Some(Menu {
        title: format!("Your draft: {}", topic.name),
        text: vec![format!("\"{}\"", topic.text)],
        choices: vec![
            choice(game, "Post it", Action::Post),
            choice(game, "Delete it unposted", Action::CancelDraft),
            Choice {
                label: "Keep it for later (deleted at the end of the day)".into(),
                ..back()
            },
        ],
        selected: 0,
    })
}

pub fn post(game: &Game, id: usize) -> Option<Menu> {
    let p = game.state().feed.get(id)?;
    let author = names::author(game.level(), &p.author);
    let mut choices: Vec<Choice> = (names::open_reactions(p).into_iter())
        .map(|r| match r {
            Reaction::Liked => choice(game, "Like", Action::Like { post: id }),
            Reaction::Shared => choice(game, "Share", Action::Share { post: id }),
            Reaction::Reported => choice(
                game,
                format!("Report {author} to the authorities"),
                Action::Report { post: id },
            ),
        })
        .collect();
    choices.push(back());
    Some(Menu {
        title: format!("{author}, day {}", p.day),
        text: vec![p.text.to_string()],
        choices,
        selected: 0,
    })
}

pub fn person(game: &Game, id: &str) -> Option<Menu> {
    let npc = game.level().npc(id)?;
    let s = game.state();
    let score = s.npcs.get(id).map_or(npc.score, |n| n.score);
    let mut choices = Vec::new();
    if s.friends.contains(id) {
        choices.push(choice(
            game,
            format!("Unfriend {}", npc.name),
            Action::Unfriend { npc: id.into() },
        ));
    } else {
        let befriend = Action::Befriend { npc: id.into() };
        let mut c = choice(game, format!("Befriend {}", npc.name), befriend.clone());
        if let Some(Refusal::Declined { name, reason }) = game.refusal(&befriend) {
            c.lock = Some(format!("{name} would refuse: {reason}"));
        }
        choices.push(c);
    }
    choices.push(choice(
        game,
        format!("Report {} to the authorities", npc.name),
        Action::Denounce { npc: id.into() },
    ));
    choices.push(back());
    Some(Menu {
        title: format!("{} — score {score}", npc.name),
        text: vec![npc.bio.clone()],
        choices,
        selected: 0,
    })
}

pub fn event(game: &Game, id: &str) -> Option<Menu> {
    let e = game.level().event(id)?;
    let choices = e
        .choices
        .iter()
        .map(|c| {
            choice(
                game,
                if e.default.as_deref() == Some(&c.id) {
                    format!("{} (if you do not answer)", c.text)
                } else {
                    c.text.clone()
                },
                Action::Answer {
                    event: id.into(),
                    choice: c.id.clone(),
                },
            )
        })
        .chain(std::iter::once(Choice {
            label: "Decide later".into(),
            ..back()
        }))
        .collect();
    Some(Menu {
        title: e.title.clone(),
        text: vec![e.text.clone()],
        choices,
        selected: 0,
    })
}

pub fn ballot(game: &Game) -> Menu {
    let choices = game
        .level()
        .proposals
        .iter()
        .map(|p| {
            choice(
                game,
                super::named(&p.name, &p.description),
                Action::Vote {
                    proposal: p.id.clone(),
                },
            )
        })
        .chain(std::iter::once(back()))
        .collect();
    Menu {
        title: "Ballot".into(),
        text: vec!["Which rules should the city live by next?".into()],
        choices,
        selected: 0,
    }
}

pub fn appeal(game: &Game, row: usize) -> Option<Menu> {
    let r = game.state().ledger.get(row)?;
    Some(Menu {
        title: format!("Ledger row {row}"),
        text: vec![
            format!("{} — inferred: {}", r.did, r.inference),
            format!("Score change: {:+}", r.delta),
        ],
        choices: vec![
            choice(game, "Appeal this row", Action::Appeal { row }),
            back(),
        ],
        selected: 0,
    })
}
