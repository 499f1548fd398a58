//! How the self meter and the rewards move besides each act's verdict and points: repeats
//! wear down (habits.rs) and, each night, the self drifts back toward the persona's own.

use std::fmt::Display;

use super::habits::worn;
use super::predict::Act;
use super::reading::Reading;
use super::{Game, Log};

impl Game {
    /// The self change an act with this reading makes now: its verdict, with the part that
    /// raises the self worn down by how often the same act was done within the window.
    pub(super) fn felt(&self, act: Act, reading: &Reading) -> i32 {
        let window = self.level.conscience.repeat_window;
        if window == 0 || reading.gain <= 0 {
            return reading.verdict;
        }
        let Some((kind, id)) = self.habit(act) else {
            return reading.verdict;
        };
        let repeats = self.state.affirmed.recent(kind, id, self.state.day, window);
        reading.verdict - (reading.gain - worn(reading.gain, repeats))
    }

    /// The acts that can be repeated, by kind and the id of what they are done to. A feed
    /// post is liked or shared once, an event answered once: those wear nothing down.
    fn habit(&self, act: Act) -> Option<(&'static str, &str)> {
        let level = &self.level;
        Some(match act {
            Act::Buy(at) => ("buy", &level.items[at].id),
            Act::Post(at, true) => ("post", &level.topics[at].id),
            Act::Befriend(at) => ("befriend", &level.npcs[at].id),
            Act::Unfriend(at) => ("unfriend", &level.npcs[at].id),
            Act::Denounce(at) => ("report", &level.npcs[at].id),
            Act::Vote(at) => ("vote", &level.proposals[at].id),
            _ => return None,
        })
    }

    /// Remembers an act that raised the self, so that doing it again gives less.
    pub(super) fn note_gain(&mut self, act: Act) {
        if self.level.conscience.repeat_window == 0 {
            return;
        }
        if let Some((kind, id)) = self.habit(act) {
            let (kind, id) = (kind, id.to_string());
            let day = self.state.day;
            self.state.affirmed.note(kind, &id, day);
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
        let repeats = self
            .state
            .rewarded
            .recent("rule", &r.id, self.state.day, window);
        worn(r.points, repeats)
    }

    /// Remembers that the rule at this position rewarded the player today.
    pub(super) fn note_reward(&mut self, rule: usize) {
        let r = &self.level.rules[rule];
        if self.level.score.repeat_window > 0 && r.points > 0 {
            self.state.rewarded.note("rule", &r.id, self.state.day);
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
                &"Overnight, you feel more like yourself"
            } else {
                &"Overnight, your resolve settles"
            };
            self.change_integrity(step, why, log);
        }
        let tomorrow = self.state.day + 1;
        self.state.affirmed.forget_before(tomorrow, c.repeat_window);
        let window = self.level.score.repeat_window;
        self.state.rewarded.forget_before(tomorrow, window);
    }
}
