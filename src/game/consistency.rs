//! Whether a state could have come out of playing its level. A save is untrusted input: the
//! core indexes its lists and looks up its ids, so a state that breaks these rules is
//! refused at load rather than allowed to crash the game later.

use super::level::Level;
use super::state::{Author, State};

/// The largest amount of money a state may hold, either way; far beyond any level. The core
/// saturates money, income and rent here, so every state a game reaches fits.
pub const MONEY_CAP: i64 = 1_000_000_000_000;

/// The largest any counter of the state may be (reports filed, drafts deleted, firings, acts
/// tallied): the core saturates them here, and a save beyond it is refused, so no sum or
/// difference the debrief takes of them can wrap.
pub const COUNT_CAP: u32 = 1_000_000;

/// Counts one more, saturating at [`COUNT_CAP`].
pub(super) fn bump(n: &mut u32) {
    *n = n.saturating_add(1).min(COUNT_CAP);
}

/// Money, income or rent changed by `delta`, saturating at [`MONEY_CAP`] either way.
pub(super) fn add_money(v: i64, delta: i64) -> i64 {
    v.saturating_add(delta).clamp(-MONEY_CAP, MONEY_CAP)
}

/// The largest size of any ledger row's points, either way (the level's numbers are capped at
/// ±1 000 000 000 by C024).
const POINTS_CAP: i64 = 1_000_000_000;

/// The largest weight a `Weight` effect can set (a number of the level, capped by C024).
const WEIGHT_CAP: u32 = 1_000_000_000;

impl State {
    /// The first way this state does not fit `level`, if any.
    pub fn inconsistency(&self, level: &Level) -> Option<String> {
        let fail = |what: String| Some(what);
        let last = level.days + 1;
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
            if d.day > last
                || (d.options.iter()).any(|o| {
                    i64::from(o.score).abs() > POINTS_CAP
                        || i64::from(o.integrity).abs() > POINTS_CAP
                })
            {
                return fail(format!("a decision on day {} is out of range", d.day));
            }
        }
        self.impossible_values(level)
    }

    /// Values no game of `level` can reach: people, rules and days the level does not have,
    /// counts beyond [`COUNT_CAP`], ledger numbers beyond the score's range.
    fn impossible_values(&self, level: &Level) -> Option<String> {
        let fail = |what: String| Some(what);
        let last = level.days + 1;
        let width = i64::from(level.score.max) - i64::from(level.score.min);
        if let Some(a) = self
            .accusations
            .iter()
            .find(|a| level.npc(&a.npc).is_none())
        {
            return fail(format!(
                "an accusation against `{}`, a person the level does not have",
                a.npc
            ));
        }
        let decisions = &self.journal.decisions;
        let reported = |i: usize| {
            decisions
                .get(i)
                .is_some_and(|d| d.options[d.chosen].id == "report")
        };
        if let Some(a) =
            (self.accusations.iter()).find(|a| a.decision.is_some_and(|i| !reported(i)))
        {
            return fail(format!(
                "an accusation against `{}` that names no report of the player's",
                a.npc
            ));
        }
        if let Some((id, _)) = (self.denounced.iter())
            .find(|(id, day)| level.npc(id).is_none() || **day == 0 || **day > last)
        {
            return fail(format!("a report of `{id}` the level cannot have"));
        }
        if let Some((id, n)) =
            (self.fired_today.iter()).find(|(id, n)| level.rule(id).is_none() || **n > COUNT_CAP)
        {
            return fail(format!(
                "rule `{id}` fired {n} times today, which cannot be"
            ));
        }
        for (what, n) in [
            ("reports filed", self.reports_filed),
            ("drafts deleted", self.drafts_cancelled),
        ]
        .into_iter()
        .chain(self.tallies.iter().map(|t| ("an act tallied", t.count)))
        {
            if n > COUNT_CAP {
                return fail(format!("{what}: {n}, more than any game can count"));
            }
        }
        for (id, n) in &self.npcs {
            let posts = level.npc(id).map_or(0, |p| p.posts.len());
            if n.next_post > posts {
                return fail(format!("`{id}` has posted more posts than they have"));
            }
        }
        for r in &self.ledger {
            if r.day == 0
                || r.day > last
                || i64::from(r.points).abs() > POINTS_CAP
                || i64::from(r.delta).abs() > width
                || r.weight > 100
                || r.rule.as_deref().is_some_and(|id| level.rule(id).is_none())
            {
                return fail(format!("ledger row {} holds impossible values", r.id));
            }
        }
        let people = level.npcs.len() as u32;
        for m in &self.timeline {
            let range = level.score.min..=level.score.max;
            if m.day == 0
                || m.day > last
                || m.friends > people
                || !(0..=100).contains(&m.integrity)
                || m.money.unsigned_abs() > MONEY_CAP.unsigned_abs()
                || m.score.is_some_and(|s| !range.contains(&s))
            {
                return fail(format!("the mark of day {} holds impossible values", m.day));
            }
        }
        if self.timeline.windows(2).any(|w| w[0].day >= w[1].day) {
            return fail("the day marks are out of order".into());
        }
        if let Some(m) = self.milestones.iter().find(|m| {
            m.day > last || (level.perk(&m.id).is_none() && level.sanction(&m.id).is_none())
        }) {
            return fail(format!(
                "a perk or sanction `{}` the level does not have",
                m.id
            ));
        }
        if let Some(p) = self.feed.iter().find(|p| p.day > last) {
            return fail(format!("feed post {} is from day {}", p.id, p.day));
        }
        if let Some((d, _)) =
            (self.weights.iter()).find(|(d, w)| level.dimension(d).is_none() || **w > WEIGHT_CAP)
        {
            return fail(format!("a weight for `{d}` the level cannot set"));
        }
        None
    }
}
