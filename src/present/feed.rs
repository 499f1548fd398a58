//! The feed: the draft (or a new post), then the posts the player can see, newest first.

use super::names;
use super::row::{Mark, Row, Target};
use crate::game::Game;
use crate::game::level::ActionKind;
use crate::game::state::Author;

pub fn rows(game: &Game) -> Vec<Row> {
    let level = game.level();
    let mut out = Vec::new();
    let mut compose = match game.state().draft.as_deref().and_then(|t| level.topic(t)) {
        Some(topic) => {
            let label = format!("Your draft on {} (open)", topic.name);
            let mut r = Row::new(label, Target::Compose);
            r.mark = Mark::Waiting;
            r.detail = vec![
                format!("\"{}\"", topic.text),
                "Post it or delete it.".into(),
            ];
            r
        }
        None => {
            let mut r = Row::new("Write a post…", Target::Compose);
            r.detail = vec![
                "Choose a topic, read your draft and what it would do, then post or delete it."
                    .into(),
            ];
            r
        }
    };
    if let Err(refusal) = game.check_allowed(ActionKind::Post) {
        compose.lock = Some(refusal.to_string());
        compose.mark = Mark::Faded;
    }
    out.push(compose);
    let visible = game.visible_feed();
    let hidden = game.state().feed.len() - visible.len();
    for p in visible.iter().rev() {
        let author = names::author(level, &p.author);
        let mut row = Row::new(format!("{author}: {}", p.text), Target::Post(p.id));
        row.key = Some(p.id.to_string());
        row.aside = format!("day {}", p.day);
        row.detail = vec![format!("{author}, day {}", p.day), p.text.to_string()];
        let reacted: Vec<String> = (p.reactions.iter())
            .map(|r| format!("you {} it", names::reacted(*r)))
            .collect();
        if !reacted.is_empty() {
            row.detail.push(format!("({})", reacted.join(", ")));
        }
        if matches!(p.author, Author::News(_)) {
            row.mark = Mark::Faded;
        }
        out.push(row);
    }
    if hidden > 0 {
        let posts = if hidden == 1 { "post" } else { "posts" };
        let label = format!("{hidden} older {posts} did not load (throttled)");
        let mut row = Row::new(label, Target::Nothing);
        row.mark = Mark::Bad;
        out.push(row);
    }
    out
}
