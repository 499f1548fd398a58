//! Whether a state could have come out of playing its level. A save is untrusted input: the
//! core indexes its lists and looks up its ids, so a state that breaks these rules is
//! refused at load rather than allowed to crash the game later.

use super::level::Level;
use super::state::{Author, State};

/// The largest amount of money a state may hold, either way; far beyond any level.
const MONEY_CAP: i64 = 1_000_000_000_000;

impl State {
    /// The first way this state does not fit `level`, if any.
    pub fn inconsistency(&self, level: &Level) -> Option<String> {
        let fail = |what: String| Some(what);
        if level.persona(&self.persona).is_none() {
            return fail(format!("the level has no persona `{}`", self.persona));
        }
        if self.day == 0 || self.day > level.days + 1 {
            return fail(format!(
                "day {} is outside the level's {} days",
                self.day, level.days
            ));
        }
        if self.actions_left > level.actions_per_day {
            return fail(format!("{} actions left in a day", self.actions_left));
        }
        if !(0..=100).contains(&self.integrity) {
            return fail(format!("the self meter is {}", self.integrity));
        }
        for (what, v) in [
            ("money", self.money),
            ("income", self.income),
            ("rent", self.rent),
        ] {
            if v.unsigned_abs() > MONEY_CAP.unsigned_abs() {
                return fail(format!("{what} is {v}"));
            }
        }
        let range = level.score.min..=level.score.max;
        if self.score.is_some_and(|s| !range.contains(&s)) {
            return fail("the score is outside the level's range".into());
        }
        let dims: Vec<&str> = level
            .score
            .dimensions
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        if self.points.len() != dims.len()
            || self
                .points
                .iter()
                .any(|(d, p)| !dims.contains(&d.as_str()) || !(-100..=100).contains(p))
        {
            return fail("the dimension points do not match the level".into());
        }
        if self.npcs.len() != level.npcs.len()
            || self.npcs.iter().any(|(id, n)| {
                level.npc(id).is_none() || n.trust.abs() > 1_000 || !range.contains(&n.score)
            })
        {
            return fail("the people do not match the level".into());
        }
        if let Some(id) = self.friends.iter().find(|f| level.npc(f).is_none()) {
            return fail(format!("a friend `{id}` the level does not have"));
        }
        for (i, post) in self.feed.iter().enumerate() {
            let author_known = match &post.author {
                Author::Npc(id) => level.npc(id).is_some(),
                Author::News(_) => true,
            };
            if post.id != i || !author_known {
                return fail(format!("feed post {i} is out of place"));
            }
        }
        if let Some(topic) = self.draft.as_deref().filter(|t| level.topic(t).is_none()) {
            return fail(format!("a draft on an unknown topic `{topic}`"));
        }
        for entry in &self.inbox {
            let Some(event) = level.event(&entry.event) else {
                return fail(format!("an unknown event `{}` in the inbox", entry.event));
            };
            // A bulletin is "answered" with no choice when it is read.
            if let Some(a) = &entry.answer
                && !a.choice.is_empty()
                && !event.choices.iter().any(|c| c.id == a.choice)
            {
                return fail(format!("an unknown answer to `{}`", entry.event));
            }
        }
        let known =
            |ids: &super::idset::IdSet, exists: &dyn Fn(&str) -> bool| ids.iter().all(exists);
        if !known(&self.active_rules, &|id| level.rule(id).is_some())
            || !known(&self.perks, &|id| level.perk(id).is_some())
            || !known(&self.sanctions, &|id| level.sanction(id).is_some())
        {
            return fail("rules, perks or sanctions the level does not have".into());
        }
        if self
            .vote
            .as_deref()
            .is_some_and(|p| level.proposal(p).is_none())
        {
            return fail("a vote for an unknown proposal".into());
        }
        if self
            .ending
            .as_deref()
            .is_some_and(|e| level.ending(e).is_none())
        {
            return fail("an unknown ending".into());
        }
        if self.ledger.iter().enumerate().any(|(i, r)| r.id != i) {
            return fail("the ledger rows are out of order".into());
        }
        if self.appeals.iter().any(|a| a.row >= self.ledger.len()) {
            return fail("an appeal against a ledger row that does not exist".into());
        }
        for d in &self.journal.decisions {
            let n = d.options.len();
            if d.chosen >= n || d.score_best >= n || d.values_best >= n {
                return fail(format!("a decision on day {} is out of range", d.day));
            }
        }
        None
    }
}
