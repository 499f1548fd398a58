//! How the self meter and the rewards move besides each act's verdict and points: repeats
//! wear down (habits.rs) and, each night, the self drifts back toward the persona's own.

use std::fmt::Display;

use super::habits::worn;
use super::reading::Reading;
use super::{Game, Log};

impl Game {
    /// The self change an act with this reading makes now: its verdict, with each gain worn
    /// down by how often the same value raised the self within the level's window.
    pub(super) fn felt(&self, reading: &Reading) -> i32 {
        let window = self.level.conscience.repeat_window;
        if window == 0 || reading.gains.is_empty() {
            return reading.verdict;
        }
        let day = self.state.day;
        let lost: i32 = (reading.gains.iter())
            .map(|(tag, v)| v - worn(*v, self.state.affirmed.recent(tag, day, window)))
            .sum();
        reading.verdict - lost
    }

    /// Remembers the values an act just affirmed, so that a repeat gives less.
    pub(super) fn note_gains(&mut self, gains: &[(String, i32)]) {
        if self.level.conscience.repeat_window == 0 {
            return;
        }
        let day = self.state.day;
        for (tag, _) in gains {
            self.state.affirmed.note(tag, day);
        }
    }

    /// The points the rule at this position gives now: a reward halves with each firing
    /// within the level's window, a penalty never does.
    pub(super) fn rule_points(&self, rule: usize) -> i32 {
        let r = &self.level.rules[rule];
        let window = self.level.score.repeat_window;
        if window == 0 || r.points <= 0 {
            return r.points;
        }
        worn(
            r.points,
            self.state.rewarded.recent(&r.id, self.state.day, window),
        )
    }

    /// Remembers that the rule at this position rewarded the player today.
    pub(super) fn note_reward(&mut self, rule: usize) {
        let r = &self.level.rules[rule];
        if self.level.score.repeat_window > 0 && r.points > 0 {
            self.state.rewarded.note(&r.id, self.state.day);
        }
    }

    /// The night: the self drifts back toward where the persona started, and what fell out of
    /// the windows is forgotten.
    pub(super) fn night(&mut self, log: &mut Log) {
        let c = self.level.conscience;
        let home = self.persona().integrity.clamp(0, 100);
        let gap = home - self.state.integrity;
        if c.pull > 0 && gap != 0 {
            let step = gap * c.pull.min(100) as i32 / 100;
            let step = if step == 0 { gap.signum() } else { step };
            let why: &dyn Display = if step > 0 {
                &"A night's sleep: you feel more like yourself"
            } else {
                &"The glow of standing firm fades overnight"
            };
            self.change_integrity(step, why, log);
        }
        let tomorrow = self.state.day + 1;
        self.state.affirmed.forget_before(tomorrow, c.repeat_window);
        let window = self.level.score.repeat_window;
        self.state.rewarded.forget_before(tomorrow, window);
    }
}
