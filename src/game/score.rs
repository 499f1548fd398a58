//! The score: dimensions, their weights, and the perks and sanctions that follow it.

mod meters;
mod thresholds;

use super::Game;
use super::level::{Dimension, DimensionSource, Level};

pub use meters::verdict;

/// The score from dimension points and the friends' scores, each dimension counting with its
/// weight in `weights` (by position: the level's, or as a `Weight` effect set them); integer
/// maths, so it is the same on every machine, and always inside the level's range.
pub fn compute(
    level: &Level,
    weights: &[u32],
    points: impl Fn(usize, &Dimension) -> i32,
    friend_scores: impl Fn() -> Option<i32>,
) -> i32 {
    let mut friends_mean = None;
    let weighted = (level.score.dimensions.iter().zip(weights).enumerate())
        .map(|(i, (d, &w))| {
            let friends = || *friends_mean.get_or_insert_with(&friend_scores);
            weighed(level, d, w, points(i, d), friends)
        })
        .sum();
    scaled(level, total_weight(weights), weighted)
}

/// What these weights add up to.
pub(super) fn total_weight(weights: &[u32]) -> i64 {
    weights.iter().copied().map(i64::from).sum()
}

/// A dimension's part of the score: its value, 0–100, times its weight. `friends` is the
/// mean score of the player's friends, asked only of a friends dimension.
pub(super) fn weighed(
    level: &Level,
    d: &Dimension,
    weight: u32,
    own: i32,
    friends: impl FnOnce() -> Option<i32>,
) -> i64 {
    let own = i64::from(own);
    let value = match d.source {
        DimensionSource::Rules => own,
        DimensionSource::Friends { alone } => {
            let base = match friends() {
                Some(m) => normalise(level, m),
                None => i64::from(alone),
            };
            base + own
        }
    };
    value.clamp(0, 100) * i64::from(weight)
}

/// The score the dimensions' weighed parts add up to, the weights adding up to `total_weight`.
pub(super) fn scaled(level: &Level, total_weight: i64, weighted: i64) -> i32 {
    let model = &level.score;
    if total_weight == 0 {
        return model.min;
    }
    let range = i64::from(model.max) - i64::from(model.min);
    let score =
        i64::from(model.min) + (range * weighted + 50 * total_weight) / (100 * total_weight);
    score.clamp(i64::from(model.min), i64::from(model.max)) as i32
}

/// A score mapped to 0–100 within the level's range.
fn normalise(level: &Level, score: i32) -> i64 {
    let range = (i64::from(level.score.max) - i64::from(level.score.min)).max(1);
    (i64::from(score) - i64::from(level.score.min)) * 100 / range
}

/// The score-point change `points` on a dimension would make, before clamping.
pub fn points_to_score(level: &Level, dimension: &str, points: i32) -> i32 {
    let total: i64 = level
        .score
        .dimensions
        .iter()
        .map(|d| i64::from(d.weight))
        .sum();
    let weight = level
        .dimension(dimension)
        .map_or(0, |d| i64::from(d.weight));
    if total == 0 {
        return 0;
    }
    let range = i64::from(level.score.max) - i64::from(level.score.min);
    (i64::from(points) * weight * range / (100 * total)) as i32
}

impl Game {
    /// The mean score of the player's friends; with a friendship made (`true`) or ended first
    /// with the person at this position in the level, if `change` asks.
    pub(super) fn friends_mean(&self, change: Option<(usize, bool)>) -> Option<i32> {
        self.friends_mean_after(change, None)
    }

    /// [`Game::friends_mean`], also with the score of the person at this position moved by
    /// `nudge`'s amount (a report's penalty, an event's effect), as it would be.
    pub(super) fn friends_mean_after(
        &self,
        change: Option<(usize, bool)>,
        nudge: Option<(usize, i32)>,
    ) -> Option<i32> {
        self.friends_mean_from(self.friends_sum(), change, nudge)
    }

    /// The sum of the friends' scores now (a friend with no score counts 0).
    pub(super) fn friends_sum(&self) -> i64 {
        let held = &self.held;
        (0..held.friends.len())
            .filter(|&i| held.friends[i])
            .filter_map(|i| held.npc_scores[i])
            .map(i64::from)
            .sum()
    }

    /// [`Game::friends_mean_after`] from the sum of the friends' scores now: only the person
    /// befriended or dropped and the person nudged can change it, so a weigher asking about
    /// every person in turn does not add up every friend each time.
    pub(super) fn friends_mean_from(
        &self,
        sum_now: i64,
        change: Option<(usize, bool)>,
        nudge: Option<(usize, i32)>,
    ) -> Option<i32> {
        let mut count = self.state.friends.len();
        let mut toggled = None;
        if let Some((npc, add)) = change
            && self.is_friend(npc) != add
        {
            count = if add { count + 1 } else { count - 1 };
            toggled = Some(npc);
        }
        if count == 0 {
            return None;
        }
        let held = &self.held;
        let (min, max) = (self.level.score.min, self.level.score.max);
        let now = |i: usize| held.npc_scores[i].map_or(0, i64::from);
        let after = |i: usize| {
            let score = match nudge {
                Some((at, delta)) if at == i => {
                    held.npc_scores[i].map(|s| (s + delta).clamp(min, max))
                }
                _ => held.npc_scores[i],
            };
            score.map_or(0, i64::from)
        };
        let nudged = nudge.map(|(at, _)| at).filter(|at| Some(*at) != toggled);
        let mut sum = sum_now;
        for i in [toggled, nudged].into_iter().flatten() {
            if held.friends[i] {
                sum -= now(i);
            }
            if held.friends[i] != (toggled == Some(i)) {
                sum += after(i);
            }
        }
        Some((sum / count as i64) as i32)
    }

    /// The score the state implies right now (even while it is not yet switched on).
    pub fn implied_score(&self) -> i32 {
        let points = |i: usize, _: &Dimension| self.held.points[i].unwrap_or(0);
        compute(&self.level, &self.held.weights, points, || {
            self.friends_mean(None)
        })
    }

    /// A dimension's value now, 0–100, as the score counts it.
    pub fn dimension_value(&self, id: &str) -> i32 {
        let own = self.state.points.get(id).copied().unwrap_or(0);
        let value = match self.level.dimension(id).map(|d| d.source) {
            Some(DimensionSource::Friends { alone }) => match self.friends_mean(None) {
                Some(m) => normalise(&self.level, m) as i32 + own,
                None => alone + own,
            },
            _ => own,
        };
        value.clamp(0, 100)
    }

    /// The score is live: past the baseline days.
    pub fn scored(&self) -> bool {
        self.state.score.is_some()
    }
}
