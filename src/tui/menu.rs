//! Pop-up choices: an event's answers, what to do with a post or a person, the draft.

use crate::game::level::ActionKind;
use crate::game::state::{Author, Reaction};
use crate::game::{Action, Game, Prediction};
use crate::present;

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

fn choice(game: &Game, label: impl Into<String>, action: Action) -> Choice {
    let lock = if game.allows(&action) {
        None
    } else {
        refusal_of(game, &action)
    };
    Choice {
        label: label.into(),
        effect: game.predict(&action),
        lock,
        then: Then::Play(action),
    }
}

/// Why an action would be refused, in the words of the refusal itself.
fn refusal_of(game: &Game, action: &Action) -> Option<String> {
    let mut probe = game.clone();
    probe.play(action.clone()).err().map(|r| r.to_string())
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
            let lock = match game
                .check_topic(t)
                .and(game.check_tags(&t.tags))
                .and(game.check_allowed(ActionKind::Post))
            {
                Err(r) => Some(r.to_string()),
                Ok(()) => None,
            };
            Choice {
                label: present::named(&t.name, &t.description),
                effect: game.predict(&draft),
                lock,
                then: Then::Draft(t.id.clone()),
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
    let author = match &p.author {
        Author::Npc(n) => game
            .level()
            .npc(n)
            .map_or(n.to_string(), |x| x.name.clone()),
        Author::News(s) => s.to_string(),
    };
    let mut choices = Vec::new();
    if !p.reactions.contains(&Reaction::Liked) {
        choices.push(choice(game, "Like", Action::Like { post: id }));
    }
    if !p.reactions.contains(&Reaction::Shared) {
        choices.push(choice(game, "Share", Action::Share { post: id }));
    }
    if matches!(p.author, Author::Npc(_)) && !p.reactions.contains(&Reaction::Reported) {
        choices.push(choice(
            game,
            format!("Report {author} to the authorities"),
            Action::Report { post: id },
        ));
    }
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
        let mut c = choice(
            game,
            format!("Befriend {}", npc.name),
            Action::Befriend { npc: id.into() },
        );
        if let Some(reason) = game.refuses_friendship(id) {
            c.lock = Some(format!("{} would refuse: {reason}", npc.name));
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
            let mut ch = choice(
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
            );
            if ch.lock.is_none()
                && let Err(r) = game.check_tags(&c.tags)
            {
                ch.lock = Some(r.to_string());
            }
            ch
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
                present::named(&p.name, &p.description),
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
