//! What runs reached: items, topics, events and choices, endings, perks and sanctions.

use crate::bots::Tally;
use crate::game::Game;
use crate::game::state::MilestoneKind;

/// Everything a run touched, by kind, each marked by its position in the level.
#[derive(Debug, Clone, Default)]
pub struct Reached {
    pub items: Vec<bool>,
    pub topics: Vec<bool>,
    pub events: Vec<bool>,
    /// Each event's choices, by the event's position; empty, or short, for an event no run
    /// answered so far.
    pub choices: Vec<Vec<bool>>,
    pub endings: Vec<bool>,
    pub perks: Vec<bool>,
    pub sanctions: Vec<bool>,
}

impl Reached {
    /// Becomes what a finished bot run reached: its tally, the events that arrived and how
    /// they were answered (by the bot or by default), and the perks, sanctions and ending it
    /// met. Reuses the lists it had, so that a thread's runs allocate none.
    pub(super) fn record(&mut self, game: &Game, tally: &Tally) {
        let s = game.state();
        let level = game.level();
        let fill = |marks: &mut Vec<bool>, n: usize, at: Option<usize>| {
            marks.clear();
            marks.resize(n, false);
            if let Some(i) = at {
                marks[i] = true;
            }
        };
        let r = self;
        r.items.clone_from(&tally.bought);
        r.topics.clone_from(&tally.posted);
        r.events.clear();
        r.events
            .extend((0..level.events.len()).map(|e| game.positions().has_arrived(e)));
        // Filled in only for the events answered.
        r.choices.resize(level.events.len(), Vec::new());
        r.choices.iter_mut().for_each(Vec::clear);
        let ending =
            (s.ending.as_ref()).and_then(|id| level.endings.iter().position(|e| &e.id == id));
        fill(&mut r.endings, level.endings.len(), ending);
        fill(&mut r.perks, level.perks.len(), None);
        fill(&mut r.sanctions, level.sanctions.len(), None);
        for (entry, at) in game.inbox() {
            let Some(at) = at else {
                continue;
            };
            // A bulletin is filed as answered, but nobody chose anything.
            let event = &level.events[at];
            let asked = !event.bulletin && !event.choices.is_empty();
            if let Some(answer) = entry.answer.as_ref().filter(|_| asked)
                && let Some(c) = event.choices.iter().position(|c| c.id == answer.choice)
            {
                let marks = &mut r.choices[at];
                marks.resize(event.choices.len(), false);
                marks[c] = true;
            }
        }
        for m in &s.milestones {
            let (marks, at) = match m.kind {
                MilestoneKind::PerkOpened => {
                    (&mut r.perks, level.perks.iter().position(|p| p.id == m.id))
                }
                MilestoneKind::SanctionImposed => (
                    &mut r.sanctions,
                    level.sanctions.iter().position(|x| x.id == m.id),
                ),
                _ => continue,
            };
            if let Some(i) = at {
                marks[i] = true;
            }
        }
    }

    pub(super) fn extend(&mut self, other: &Reached) {
        let or = |a: &mut Vec<bool>, b: &[bool]| {
            if a.len() < b.len() {
                a.resize(b.len(), false);
            }
            a.iter_mut().zip(b).for_each(|(x, y)| *x |= y);
        };
        or(&mut self.items, &other.items);
        or(&mut self.topics, &other.topics);
        or(&mut self.events, &other.events);
        or(&mut self.endings, &other.endings);
        or(&mut self.perks, &other.perks);
        or(&mut self.sanctions, &other.sanctions);
        if self.choices.len() < other.choices.len() {
            self.choices.resize(other.choices.len(), Vec::new());
        }
        for (a, b) in self.choices.iter_mut().zip(&other.choices) {
            or(a, b);
        }
    }
}

/// Whether the thing at this position was marked.
pub(super) fn marked(marks: &[bool], at: usize) -> bool {
    marks.get(at) == Some(&true)
}
