//! Evaluating a level's conditions against the state.

use super::Game;
use super::level::Condition;

impl Game {
    pub fn holds(&self, c: &Condition) -> bool {
        let s = &self.state;
        // Before the score is switched on, score tests see the score it would have.
        let score = || s.score.unwrap_or_else(|| self.implied_score());
        match c {
            Condition::Always => true,
            Condition::Never => false,
            Condition::DayAtLeast(d) => s.day >= *d,
            Condition::ScoreAtLeast(n) => score() >= *n,
            Condition::ScoreBelow(n) => score() < *n,
            Condition::SelfAtLeast(n) => s.integrity >= *n,
            Condition::SelfBelow(n) => s.integrity < *n,
            Condition::MoneyAtLeast(n) => s.money >= *n,
            Condition::MoneyBelow(n) => s.money < *n,
            Condition::FriendsAtLeast(n) => s.friends.len() >= *n as usize,
            Condition::FriendsBelow(n) => s.friends.len() < *n as usize,
            Condition::ReportsAtLeast(n) => s.reports_filed >= *n,
            Condition::CensoredAtLeast(n) => s.drafts_cancelled >= *n,
            Condition::Did { act, tag, at_least } => self.did(*act, tag) >= *at_least,
            Condition::DimensionAtLeast(d, n) => self.dimension_value(d) >= *n,
            Condition::DimensionBelow(d, n) => self.dimension_value(d) < *n,
            Condition::NpcScoreAtLeast(id, n) => s.npcs.get(id).is_some_and(|p| p.score >= *n),
            Condition::NpcScoreBelow(id, n) => s.npcs.get(id).is_some_and(|p| p.score < *n),
            Condition::Flag(f) => s.flags.contains(f),
            Condition::Perk(p) => s.perks.contains(p),
            Condition::Sanction(x) => s.sanctions.contains(x),
            Condition::Persona(p) => &s.persona == p,
            Condition::FriendOf(n) => s.friends.contains(n),
            Condition::All(cs) => cs.iter().all(|c| self.holds(c)),
            Condition::Any(cs) => cs.iter().any(|c| self.holds(c)),
            Condition::Not(c) => !self.holds(c),
        }
    }
}
