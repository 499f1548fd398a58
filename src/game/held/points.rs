//! The player's points, weights and the implied score worked out from them.

use super::point_ranks;
use crate::game::level::DimensionSource;
use crate::game::{Game, Implied, score};

impl Game {
    /// [`Game::implied_score`], kept until the points, the friends or their scores change.
    pub(in crate::game) fn implied(&mut self) -> i32 {
        if let Some(implied) = self.memo.implied {
            return implied.score;
        }
        let level = &self.level;
        let mut friends = None;
        let weighted = (level.score.dimensions.iter().enumerate())
            .map(|(i, d)| {
                let mean = || *friends.get_or_insert_with(|| self.friends_mean(None));
                let weight = self.held.weights[i];
                score::weighed(level, d, weight, self.held.points[i].unwrap_or(0), mean)
            })
            .sum();
        let score = score::scaled(level, self.held.total_weight, weighted);
        self.memo.implied = Some(Implied { score, weighted });
        score
    }

    /// Sets a dimension's points: by position if the level has it and the state has points
    /// for it, else under the name `dimension` gives.
    pub(in crate::game) fn set_points(
        &mut self,
        at: Option<usize>,
        value: i32,
        dimension: impl FnOnce(&Game) -> String,
    ) {
        let rank = at.and_then(|i| self.held.point_rank[i]);
        match rank.and_then(|r| self.state.points.at_mut(r)) {
            Some(v) => *v = value,
            None => {
                let name = dimension(self);
                self.state.points.insert(name, value);
                self.held.point_rank = point_ranks(&self.level, &self.state);
            }
        }
        let level = &self.level;
        // A rules dimension moves the kept score by its own part alone.
        match (at, &mut self.memo.implied) {
            (Some(i), Some(implied))
                if level.score.dimensions[i].source == DimensionSource::Rules =>
            {
                let (d, w) = (&level.score.dimensions[i], self.held.weights[i]);
                let before = score::weighed(level, d, w, self.held.points[i].unwrap_or(0), || None);
                implied.weighted += score::weighed(level, d, w, value, || None) - before;
                implied.score = score::scaled(level, self.held.total_weight, implied.weighted);
            }
            _ => self.memo.implied = None,
        }
        if let Some(i) = at {
            self.held.points[i] = Some(value);
        }
    }

    /// Sets the weight of the dimension at this position in the player's score.
    pub(in crate::game) fn set_weight(&mut self, at: usize, weight: u32) {
        let id = &self.level.score.dimensions[at].id;
        self.state.weights.insert(id.clone(), weight);
        let mut weights = self.held.weights.to_vec();
        weights[at] = weight;
        self.held.weights = weights.into();
        self.held.total_weight = score::total_weight(&self.held.weights);
        self.memo.implied = None;
    }
}
