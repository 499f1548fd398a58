//! The score: dimensions, their weights, and the perks and sanctions that follow it.

use std::collections::BTreeMap;
use std::fmt::Display;

use super::held::Standing;
use super::level::{Dimension, DimensionSource, Level, RuleSetter};
use super::state::{Deed, Milestone, MilestoneKind};
use super::{Game, Log, Outcome};

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
        let score = |i: usize| match nudge {
            Some((at, delta)) if at == i => held.npc_scores[i].map(|s| (s + delta).clamp(min, max)),
            _ => held.npc_scores[i],
        };
        let sum: i64 = (0..held.friends.len())
            .filter(|&i| held.friends[i] != (toggled == Some(i)))
            .filter_map(score)
            .map(i64::from)
            .sum();
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

    /// Opens and closes perks and sanctions to match the score.
    pub(super) fn refresh_thresholds(&mut self, log: &mut Log) {
        let Some(score) = self.state.score else {
            return;
        };
        // Only the score moves perks and sanctions, and only this does.
        self.memo.refreshed = Some(score);
        if self
            .memo
            .band
            .is_some_and(|(lo, hi)| lo <= score && score < hi)
        {
            return;
        }
        let thresholds = (self.level.perks.iter().map(|p| p.threshold))
            .chain(self.level.sanctions.iter().map(|s| s.below));
        let (lo, hi) = thresholds.fold((i32::MIN, i32::MAX), |(lo, hi), t| {
            if t <= score {
                (lo.max(t), hi)
            } else {
                (lo, hi.min(t))
            }
        });
        self.memo.band = Some((lo, hi));
        let day = self.state.day;
        let mut changed = false;
        for (i, p) in self.level.perks.iter().enumerate() {
            let open = score >= p.threshold;
            if open && !self.held.perks[i] {
                self.state.perks.insert(&self.index.perk_ids[i]);
                self.held.perks[i] = true;
                changed = true;
                log.push(|| Outcome::PerkOpened { perk: p.id.clone() });
                self.state
                    .milestones
                    .push(milestone(day, &p.id, MilestoneKind::PerkOpened));
            } else if !open && self.held.perks[i] {
                self.state.perks.remove(&p.id);
                self.held.perks[i] = false;
                changed = true;
                log.push(|| Outcome::PerkClosed { perk: p.id.clone() });
                self.state
                    .milestones
                    .push(milestone(day, &p.id, MilestoneKind::PerkClosed));
            }
        }
        for (i, s) in self.level.sanctions.iter().enumerate() {
            let on = score < s.below;
            if on && !self.held.sanctions[i] {
                self.state.sanctions.insert(&self.index.sanction_ids[i]);
                self.held.sanctions[i] = true;
                changed = true;
                log.push(|| Outcome::SanctionImposed {
                    sanction: s.id.clone(),
                });
                self.state
                    .milestones
                    .push(milestone(day, &s.id, MilestoneKind::SanctionImposed));
            } else if !on && self.held.sanctions[i] {
                self.state.sanctions.remove(&s.id);
                self.held.sanctions[i] = false;
                changed = true;
                log.push(|| Outcome::SanctionLifted {
                    sanction: s.id.clone(),
                });
                self.state
                    .milestones
                    .push(milestone(day, &s.id, MilestoneKind::SanctionLifted));
            }
        }
        if changed {
            let held = &self.held;
            self.held.standing = Standing::of(&self.level, &held.perks, &held.sanctions);
        }
    }

    pub(super) fn change_integrity(&mut self, delta: i32, reason: &dyn Display, log: &mut Log) {
        let old = self.state.integrity;
        self.state.integrity = (old + delta).clamp(0, 100);
        let actual = self.state.integrity - old;
        if actual != 0 {
            log.push(|| Outcome::IntegrityChanged {
                delta: actual,
                reason: reason.to_string(),
            });
        }
    }

    pub(super) fn change_money(&mut self, delta: i64, reason: &dyn Display, log: &mut Log) {
        let old = self.state.money;
        self.state.money = super::consistency::add_money(old, delta);
        // What actually moved: money saturates, so every state a game reaches saves.
        let delta = self.state.money - old;
        if delta == 0 {
            return;
        }
        log.push(|| Outcome::MoneyChanged {
            delta,
            reason: reason.to_string(),
        });
    }

    /// The persona's verdict on acting for some tags and against others.
    pub fn conscience(&self, affirms: &[String], betrays: &[String]) -> i32 {
        verdict(&self.persona().values, affirms, betrays)
    }

    /// Applies the persona's verdict to the self meter and remembers the deed for peer raters.
    pub(super) fn judge(
        &mut self,
        affirms: &[String],
        betrays: &[String],
        what: &dyn Display,
        log: &mut Log,
    ) {
        let verdict = self.conscience(affirms, betrays);
        let deed = self.remembers_deeds().then(|| Deed {
            affirms: affirms.to_vec(),
            betrays: betrays.to_vec(),
        });
        self.apply_verdict(verdict, deed, what, log);
    }

    /// [`Game::judge`] with the verdict already reached and the deed, if kept, already written.
    pub(super) fn apply_verdict(
        &mut self,
        verdict: i32,
        deed: Option<Deed>,
        what: &dyn Display,
        log: &mut Log,
    ) {
        self.change_integrity(verdict, what, log);
        self.state.today.extend(deed);
    }

    /// Only peers judge the day's deeds; no other system needs them kept.
    pub(super) fn remembers_deeds(&self) -> bool {
        matches!(self.level.rule_setter, RuleSetter::Peers { .. })
    }
}

/// What values make of acting for some tags and against others.
pub fn verdict(values: &BTreeMap<String, i32>, affirms: &[String], betrays: &[String]) -> i32 {
    let weigh = |tags: &[String]| -> i32 { tags.iter().filter_map(|t| values.get(t)).sum() };
    weigh(affirms) - weigh(betrays)
}

fn milestone(day: u32, id: &str, kind: MilestoneKind) -> Milestone {
    Milestone {
        day,
        id: id.to_string(),
        kind,
    }
}
