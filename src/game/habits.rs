//! Repetition remembered over a window of days. The self grows used to affirming the same
//! value again and again, and a system that raises its demands gives less for a gesture it
//! has already rewarded: both halve what a repeat gives within the window.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The days each thing (a tag, a rule: by id) was last done, within the window kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Habits(BTreeMap<String, Vec<u32>>);

impl Habits {
    /// How often `key` was noted in the `window` days up to and including `today`.
    pub fn recent(&self, key: &str, today: u32, window: u32) -> u32 {
        self.0.get(key).map_or(0, |days| {
            days.iter().filter(|&&d| d + window > today).count() as u32
        })
    }

    pub fn note(&mut self, key: &str, today: u32) {
        match self.0.get_mut(key) {
            Some(days) => days.push(today),
            None => {
                self.0.insert(key.to_string(), vec![today]);
            }
        }
    }

    /// Forgets what is out of a `window` of days that ends on `today`.
    pub fn forget_before(&mut self, today: u32, window: u32) {
        self.0.retain(|_, days| {
            days.retain(|&d| d + window > today);
            !days.is_empty()
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
        assert_eq!(h.recent("games", 1, 7), 0);
        h.note("games", 1);
        h.note("games", 3);
        assert_eq!(h.recent("games", 3, 7), 2);
        assert_eq!(worn(5, h.recent("games", 3, 7)), 1);
        // Day 1 leaves the window on day 8; day 3 on day 10.
        assert_eq!(h.recent("games", 8, 7), 1);
        h.forget_before(10, 7);
        assert_eq!(h, Habits::default());
        assert_eq!(worn(-4, 3), -4, "a cost is never worn down");
    }
}
