//! The inbox: the ballot where citizens vote, events waiting for an answer, messages a
//! sanction kept back, then what was answered and announced, newest first.

use super::row::{Mark, Row, Target};
use crate::game::Game;
use crate::game::level::{ActionKind, RuleSetter};

pub fn rows(game: &Game) -> Vec<Row> {
    let mut out = open(game);
    out.extend(past(game));
    if out.is_empty() {
        out.push(Row::new("Nothing in your inbox.", Target::Nothing));
    }
    out
}

/// What is open: the ballot, events waiting for an answer, withheld messages.
pub fn open(game: &Game) -> Vec<Row> {
    let level = game.level();
    let s = game.state();
    let mut out = Vec::new();
    if matches!(level.rule_setter, RuleSetter::Vote { .. }) {
        let mut row = Row::new("Ballot: vote on the next rules", Target::Ballot);
        row.detail = vec!["Citizens vote on one of the proposals; the winner's rules take effect as soon as the votes are counted.".into()];
        let barred = game.check_allowed(ActionKind::Vote).err();
        if game.next_count().is_none() {
            row.aside = "closed".into();
            row.detail
                .push("No count is left in this level, so no vote would be counted.".into());
        } else if let Some(v) = s.vote.as_deref().and_then(|v| level.proposal(v)) {
            row.aside = "voted".into();
            row.detail.push(match &barred {
                Some(why) => format!(
                    "Your vote: {}. It will not be counted while you may not vote: {why}.",
                    v.name
                ),
                None => format!("Your vote: {}. You may change it until the count.", v.name),
            });
        } else if let Some(why) = &barred {
            row.detail.push(format!("You may not vote now: {why}."));
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
        row.key = Some(e.id.clone());
        row.mark = Mark::Waiting;
        row.detail = vec![e.text.clone()];
        out.push(row);
    }
    for id in &s.withheld {
        if s.arrived.contains(id) {
            continue;
        }
        let Some(e) = level.event(id) else { continue };
        let reason = game.withheld_by(e).map_or("a sanction".to_string(), |x| {
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
    out
}

/// What is past: events answered (or left to their default) and bulletins, newest first.
pub fn past(game: &Game) -> Vec<Row> {
    let level = game.level();
    let mut out = Vec::new();
    for entry in game
        .state()
        .inbox
        .iter()
        .rev()
        .filter(|e| e.answer.is_some())
    {
        let Some(e) = level.event(&entry.event) else {
            continue;
        };
        let mut row = Row::new(e.title.clone(), Target::Nothing);
        row.key = Some(e.id.clone());
        row.aside = format!("day {}", entry.day);
        row.mark = Mark::Faded;
        row.detail = vec![e.text.clone()];
        if let Some((a, c)) = (entry.answer.as_ref())
            .and_then(|a| Some((a, e.choices.iter().find(|c| c.id == a.choice)?)))
        {
            let how = if a.defaulted {
                "Unanswered, so"
            } else {
                "You chose"
            };
            row.detail.push(format!("{how}: {}", c.text));
        }
        out.push(row);
    }
    out
}
