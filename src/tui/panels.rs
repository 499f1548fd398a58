//! The rows of each panel of the main screen. Rendering and key handling both read these,
//! so what the player sees is exactly what Enter acts on.

use crate::game::level::Visibility;
use crate::game::state::{Author, Reaction};
use crate::game::{Action, Game, Prediction};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Shop,
    Feed,
    Friends,
    Inbox,
    Perks,
    Ledger,
}

impl Panel {
    pub const ALL: [Panel; 6] = [
        Panel::Shop,
        Panel::Feed,
        Panel::Friends,
        Panel::Inbox,
        Panel::Perks,
        Panel::Ledger,
    ];

    pub fn index(self) -> usize {
        Panel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn name(self) -> &'static str {
        match self {
            Panel::Shop => "Shop",
            Panel::Feed => "Feed",
            Panel::Friends => "Friends",
            Panel::Inbox => "Inbox",
            Panel::Perks => "Perks & sanctions",
            Panel::Ledger => "Ledger",
        }
    }
}

/// What Enter does on a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Nothing,
    Buy(String),
    Compose,
    Post(usize),
    Person(String),
    Event(String),
    Ballot,
    Row(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// Needs the player: an unanswered event, an open draft.
    Waiting,
    Good,
    Bad,
    Faded,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    /// A short right-hand column: a price, a score, a delta.
    pub aside: String,
    pub detail: Vec<String>,
    pub effect: Option<Prediction>,
    /// Why it cannot be chosen, in words ("blocked by Travel ban (score below 550)").
    pub lock: Option<String>,
    pub target: Target,
    pub mark: Mark,
    /// How the effect is introduced: "If you buy", "If you unfriend"…
    pub verb: &'static str,
}

impl Row {
    fn new(label: impl Into<String>, target: Target) -> Row {
        Row {
            label: label.into(),
            aside: String::new(),
            detail: Vec::new(),
            effect: None,
            lock: None,
            target,
            mark: Mark::Plain,
            verb: "Effect",
        }
    }
}

pub fn rows(game: &Game, panel: Panel) -> Vec<Row> {
    match panel {
        Panel::Shop => shop(game),
        Panel::Feed => feed(game),
        Panel::Friends => friends(game),
        Panel::Inbox => inbox(game),
        Panel::Perks => perks(game),
        Panel::Ledger => ledger(game),
    }
}

fn shop(game: &Game) -> Vec<Row> {
    game.level()
        .items
        .iter()
        .filter(|item| game.item_listed(item))
        .map(|item| {
            let mut row = Row::new(item.name.clone(), Target::Buy(item.id.clone()));
            row.verb = "If you buy it";
            row.aside = game.price(item).to_string();
            row.detail = vec![
                item.description.clone(),
                format!("Category: {}", item.category),
            ];
            match game.can_buy(item) {
                Ok(_) => {
                    row.effect = game.predict(&Action::Buy {
                        item: item.id.clone(),
                    })
                }
                Err(refusal) => {
                    row.lock = Some(refusal.to_string());
                    row.mark = Mark::Faded;
                }
            }
            row
        })
        .collect()
}

fn feed(game: &Game) -> Vec<Row> {
    let level = game.level();
    let mut out = Vec::new();
    let mut compose = match game.state().draft.as_deref().and_then(|t| level.topic(t)) {
        Some(topic) => {
            let mut r = Row::new(
                format!("Your draft on {} (open)", topic.name),
                Target::Compose,
            );
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
    if let Err(refusal) = game.check_allowed(crate::game::level::ActionKind::Post) {
        compose.lock = Some(refusal.to_string());
        compose.mark = Mark::Faded;
    }
    out.push(compose);
    let visible = game.visible_feed();
    let hidden = game.state().feed.len() - visible.len();
    for p in visible.iter().rev() {
        let author = match &p.author {
            Author::Npc(id) => level.npc(id).map_or(id.to_string(), |n| n.name.clone()),
            Author::News(source) => source.to_string(),
        };
        let mut row = Row::new(format!("{author}: {}", p.text), Target::Post(p.id));
        row.aside = format!("day {}", p.day);
        row.detail = vec![format!("{author}, day {}", p.day), p.text.to_string()];
        let reacted: Vec<&str> = p
            .reactions
            .iter()
            .map(|r| match r {
                Reaction::Liked => "you liked it",
                Reaction::Shared => "you shared it",
                Reaction::Reported => "you reported it",
            })
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
        let mut row = Row::new(
            format!("{hidden} older posts did not load (throttled)"),
            Target::Nothing,
        );
        row.mark = Mark::Bad;
        out.push(row);
    }
    out
}

fn friends(game: &Game) -> Vec<Row> {
    let s = game.state();
    let mut npcs: Vec<_> = game.level().npcs.iter().collect();
    npcs.sort_by_key(|n| !s.friends.contains(&n.id));
    npcs.into_iter()
        .map(|n| {
            let friend = s.friends.contains(&n.id);
            let score = s.npcs.get(&n.id).map_or(n.score, |x| x.score);
            let mark = if friend { "★ " } else { "  " };
            let mut row = Row::new(format!("{mark}{}", n.name), Target::Person(n.id.clone()));
            row.aside = score.to_string();
            row.detail = vec![
                format!(
                    "{} — score {score}{}",
                    n.name,
                    if friend { ", your friend" } else { "" }
                ),
                n.bio.clone(),
            ];
            if let Some(t) = n.tolerance {
                row.detail
                    .push(format!("Keeps company with scores of {t} or more."));
            }
            if friend {
                row.effect = game.predict(&Action::Unfriend { npc: n.id.clone() });
                row.verb = "If you unfriend";
                row.mark = Mark::Good;
            } else if let Some(reason) = game.refuses_friendship(&n.id) {
                row.lock = Some(format!("would refuse you: {reason}"));
            } else {
                row.effect = game.predict(&Action::Befriend { npc: n.id.clone() });
                row.verb = "If you befriend";
            }
            row
        })
        .collect()
}

fn inbox(game: &Game) -> Vec<Row> {
    let level = game.level();
    let s = game.state();
    let mut out = Vec::new();
    if matches!(
        level.rule_setter,
        crate::game::level::RuleSetter::Vote { .. }
    ) {
        let mut row = Row::new("Ballot: vote on the next rules", Target::Ballot);
        row.detail = vec!["Citizens vote on one of the proposals; the winner's rules take effect at the next vote.".into()];
        if let Some(v) = s.vote.as_deref().and_then(|v| level.proposal(v)) {
            row.aside = format!("voted: {}", v.name);
        } else {
            row.mark = Mark::Waiting;
        }
        out.push(row);
    }
    for e in game.pending_events() {
        let mut row = Row::new(
            format!("{} (waiting)", e.title),
            Target::Event(e.id.clone()),
        );
        row.mark = Mark::Waiting;
        row.detail = vec![e.text.clone()];
        out.push(row);
    }
    for id in &s.withheld {
        if s.arrived.contains(id) {
            continue;
        }
        let Some(e) = level.event(id) else { continue };
        let reason = level
            .sanctions
            .iter()
            .find(|x| s.sanctions.contains(&x.id) && e.tags.iter().any(|t| blocks(x, t)))
            .map_or("a sanction".to_string(), |x| {
                format!("{} (score below {})", x.name, x.below)
            });
        let mut row = Row::new("[withheld] a message did not reach you", Target::Nothing);
        row.mark = Mark::Bad;
        row.detail = vec![
            format!("Kept from you by {reason}."),
            format!("It was about: {}.", e.description),
        ];
        out.push(row);
    }
    for entry in s.inbox.iter().rev().filter(|e| e.answer.is_some()) {
        let Some(e) = level.event(&entry.event) else {
            continue;
        };
        let mut row = Row::new(e.title.clone(), Target::Nothing);
        row.aside = format!("day {}", entry.day);
        row.mark = Mark::Faded;
        row.detail = vec![e.text.clone()];
        if let Some(c) = entry
            .answer
            .as_ref()
            .and_then(|a| e.choices.iter().find(|c| c.id == a.choice))
        {
            let how = if entry.answer.as_ref().is_some_and(|a| a.defaulted) {
                "Unanswered, so"
            } else {
                "You chose"
            };
            row.detail.push(format!("{how}: {}", c.text));
        }
        out.push(row);
    }
    if out.is_empty() {
        out.push(Row::new("Nothing in your inbox.", Target::Nothing));
    }
    out
}

fn blocks(s: &crate::game::level::Sanction, tag: &str) -> bool {
    s.effects
        .iter()
        .any(|e| matches!(e, crate::game::level::SanctionEffect::Block(t) if t == tag))
}

fn provenance(p: &crate::game::level::Provenance) -> String {
    let kind = match p.source {
        crate::game::level::Source::Real => "Real",
        crate::game::level::Source::Reported => "Reported",
        crate::game::level::Source::Fiction => "Fiction",
    };
    format!("{kind}: {}", p.note)
}

fn perks(game: &Game) -> Vec<Row> {
    let s = game.state();
    let mut out = Vec::new();
    for p in &game.level().perks {
        let open = s.perks.contains(&p.id);
        let mut row = Row::new(p.name.clone(), Target::Nothing);
        row.aside = if open {
            "open".into()
        } else {
            format!("requires {}", p.threshold)
        };
        row.mark = if open { Mark::Good } else { Mark::Faded };
        row.detail = vec![p.description.clone(), provenance(&p.provenance)];
        out.push(row);
    }
    for x in &game.level().sanctions {
        let on = s.sanctions.contains(&x.id);
        let mut row = Row::new(x.name.clone(), Target::Nothing);
        row.aside = if on {
            "IN FORCE".into()
        } else {
            format!("below {}", x.below)
        };
        row.mark = if on { Mark::Bad } else { Mark::Faded };
        row.detail = vec![x.description.clone(), provenance(&x.provenance)];
        out.push(row);
    }
    out
}

fn ledger(game: &Game) -> Vec<Row> {
    if !game.rules_visible() {
        let mut row = Row::new("The ledger is not available to citizens.", Target::Nothing);
        row.detail = vec!["Your score moves; the reasons are not published.".into()];
        return vec![row];
    }
    let level = game.level();
    let rows = &game.state().ledger;
    if rows.is_empty() {
        return vec![Row::new(
            "Nothing yet: every change to your score will be written here.",
            Target::Nothing,
        )];
    }
    rows.iter()
        .rev()
        .map(|r| {
            let dim = level
                .dimension(&r.dimension)
                .map_or(&*r.dimension, |d| d.name.as_str());
            let mut row = Row::new(format!("Day {}: {}", r.day, r.did), Target::Row(r.id));
            row.aside = if r.applied {
                format!("{:+}", r.delta)
            } else {
                "pending".into()
            };
            row.mark = match (r.applied, r.delta.signum()) {
                (false, _) => Mark::Waiting,
                (_, 1) => Mark::Good,
                (_, -1) => Mark::Bad,
                _ => Mark::Plain,
            };
            row.detail = vec![
                format!("What you did: {}", r.did),
                format!("What the system inferred: {}", r.inference),
                if r.points == 0 {
                    format!("Dimension: {dim} (weight {}%)", r.weight)
                } else {
                    format!(
                        "Dimension: {dim} (weight {}%), points {:+}",
                        r.weight, r.points
                    )
                },
            ];
            if r.appealed {
                row.detail.push("You appealed this row.".into());
            }
            if matches!(game.state().visibility, Visibility::Delayed { .. }) && !r.applied {
                row.detail.push("Applies at the next recomputation.".into());
            }
            row
        })
        .collect()
}
