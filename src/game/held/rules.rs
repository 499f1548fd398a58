//! Which rules are active, and how often each has fired today.

use super::{put, toggle};
use crate::game::Game;

impl Game {
    /// Switches a rule on or off, by name; whether anything changed.
    pub(in crate::game) fn set_rule(&mut self, rule: &str, active: bool) -> bool {
        let Some(&i) = self.index.rule_at.get(rule) else {
            return toggle(&mut self.state.active_rules, rule, active);
        };
        if self.held.rules[i] == active {
            return false;
        }
        put(
            &mut self.state.active_rules,
            &self.index.rule_ids[i],
            active,
        );
        self.held.rules[i] = active;
        true
    }

    /// Counts a firing of the rule at this position for today's limit.
    pub(in crate::game) fn count_firing(&mut self, rule: usize) {
        crate::game::consistency::bump(&mut self.held.fired[rule]);
        let id = &self.index.rule_ids[rule];
        crate::game::consistency::bump(self.state.fired_today.entry(id, || id.clone(), 0));
    }

    pub(in crate::game) fn new_day_of_firings(&mut self) {
        self.state.fired_today.clear();
        self.held.fired.iter_mut().for_each(|n| *n = 0);
    }
}
