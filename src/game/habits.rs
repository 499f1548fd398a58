//! Repetition remembered over a window of days. The self grows used to the same gesture (the
//! same purchase, the same post) made again and again, and a system that raises its demands
//! gives less for a gesture it has already rewarded: both halve what a repeat gives within
//! the window.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The days each act was done, by kind of act ("buy", "post", "rule", …) and the id of
/// what it was done to, within the window kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Habits(BTreeMap<String, BTreeMap<String, Vec<u32>>>);

impl Habits {
    /// How often the act was noted in the `window` days up to and including `today`.
    pub fn recent(&self, kind: &str, id: &str, today: u32, window: u32) -> u32 {
        let days = self.0.get(kind).and_then(|ids| ids.get(id));
        days.map_or(0, |days| {
            days.iter().filter(|&&d| d + window > today).count() as u32
        })
    }

    pub fn note(&mut self, kind: &str, id: &str, today: u32) {
        let ids = self.0.entry(kind.to_string()).or_default();
        match ids.get_mut(id) {
            Some(days) => days.push(today),
            None => {
                ids.insert(id.to_string(), vec![today]);
            }
        }
    }

    /// Forgets what is out of a `window` of days that ends on `today`.
    pub fn forget_before(&mut self, today: u32, window: u32) {
        self.0.retain(|_, ids| {
            ids.retain(|_, days| {
                days.retain(|&d| d + window > today);
                !days.is_empty()
            });
            !ids.is_empty()
        });
    }
}

/// What a gain worth `value` gives after `repeats` within the window: half each time.
pub fn worn(value: i32, repeats: u32) -> i32 {
    if value <= 0 {
        value
    } else {
        value >> repeats.min(31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_within_the_window_halve_and_old_ones_are_forgotten() {
        let mut h = Habits::default();
        assert_eq!(h.recent("buy", "games", 1, 7), 0);
        h.note("buy", "games", 1);
        h.note("buy", "games", 3);
        assert_eq!(h.recent("buy", "games", 3, 7), 2);
        assert_eq!(h.recent("post", "games", 3, 7), 0, "another kind of act");
        assert_eq!(worn(5, h.recent("buy", "games", 3, 7)), 1);
        // Day 1 leaves the window on day 8; day 3 on day 10.
        assert_eq!(h.recent("buy", "games", 8, 7), 1);
        h.forget_before(10, 7);
        assert_eq!(h, Habits::default());
        assert_eq!(worn(-4, 3), -4, "a cost is never worn down");
    }
}
