//! What the state holds, mirrored by position in the level, so that play asks by number and
//! not by name. Only the setters here change the mirrored parts of the state, and each changes
//! both; the one exception is perks and sanctions (with their `Standing`), which only
//! `refresh_thresholds` in score.rs changes. Debug builds check after every action that the
//! mirror still matches the state.

use std::sync::Arc;

use super::idset::IdSet;
use super::level::{ActionKind, DimensionSource, Level, PerkEffect, SanctionEffect};
use super::reading::{Origin, origin_of};
use super::score;
use super::shop::price_percent;
use super::state::{Answer, FeedPost, InboxEntry, NpcState};
use super::{Game, Implied, State};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Held {
    pub perks: Vec<bool>,
    pub sanctions: Vec<bool>,
    /// Each dimension's points (`None`: the state has none for it).
    pub points: Vec<Option<i32>>,
    /// Where each dimension's points come in `state.points`.
    pub point_rank: Vec<Option<usize>>,
    pub friends: Vec<bool>,
    /// Each person's score (`None`: the state has no record of them).
    pub npc_scores: Vec<Option<i32>>,
    /// Where each person's record comes in `state.npcs` (a roster, which gains or loses no
    /// one during a game), so that it is reached without comparing names.
    pub npc_rank: Vec<Option<usize>>,
    /// Which rules are active.
    pub rules: Vec<bool>,
    /// How often each rule has fired for the player today.
    pub fired: Vec<u32>,
    pub arrived: Vec<bool>,
    /// The event of each inbox entry, by position (`None`: one the level no longer has).
    pub inbox: Vec<Option<usize>>,
    /// Where each feed post comes from (`None`: a post the level no longer has).
    pub feed: Vec<Option<Origin>>,
    /// The day the player last reported each person.
    pub denounced: Vec<Option<u32>>,
    /// The topic of the open draft (`None` also for a topic the level no longer has).
    pub draft: Option<usize>,
    pub standing: Standing,
    /// Each dimension's weight in the player's score (the level's, unless an effect set it),
    /// and what they add up to; only [`Game::set_weight`] changes them. Shared by the games
    /// begun from one opening until one changes them.
    pub weights: Arc<[u32]>,
    pub total_weight: i64,
}

/// What the perks and sanctions held do to play, worked out again whenever they change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Standing {
    /// What prices come to, in percent.
    pub price_percent: i64,
    /// The kinds of action a sanction forbids, a bit for each.
    forbidden: u32,
    /// How many of the newest feed posts a throttling sanction leaves visible.
    pub throttle: Option<usize>,
    /// What the perks add to the daily income, and the sanctions' daily fines.
    pub bonus: i64,
    pub fines: i64,
}

impl Standing {
    pub fn of(level: &Level, perks: &[bool], sanctions: &[bool]) -> Standing {
        let effects = || {
            (level.sanctions.iter().zip(sanctions))
                .filter(|(_, h)| **h)
                .flat_map(|(s, _)| &s.effects)
        };
        let perk_effects = (level.perks.iter().zip(perks))
            .filter(|(_, h)| **h)
            .flat_map(|(p, _)| &p.effects);
        Standing {
            price_percent: price_percent(level, perks, sanctions),
            forbidden: (effects())
                .filter_map(|e| match e {
                    SanctionEffect::Forbid(kind) => Some(1 << *kind as u32),
                    _ => None,
                })
                .fold(0, |all, bit| all | bit),
            throttle: (effects())
                .filter_map(|e| match e {
                    SanctionEffect::Throttle(n) => Some(*n as usize),
                    _ => None,
                })
                .min(),
            bonus: (perk_effects)
                .filter_map(|e| match e {
                    PerkEffect::Income(i) => Some(*i),
                    _ => None,
                })
                .sum(),
            fines: (effects())
                .filter_map(|e| match e {
                    SanctionEffect::Fine(f) => Some(*f),
                    _ => None,
                })
                .sum(),
        }
    }

    pub fn forbids(&self, kind: ActionKind) -> bool {
        self.forbidden & (1 << kind as u32) != 0
    }
}

impl Held {
    pub fn of(level: &Level, state: &State) -> Held {
        let flags = |ids: Vec<&String>, set: &IdSet| -> Vec<bool> {
            ids.into_iter().map(|id| set.contains(id)).collect()
        };
        let perks = flags(level.perks.iter().map(|p| &p.id).collect(), &state.perks);
        let sanctions = flags(
            level.sanctions.iter().map(|s| &s.id).collect(),
            &state.sanctions,
        );
        let weights: Arc<[u32]> = (level.score.dimensions.iter())
            .map(|d| state.weights.get(&d.id).copied().unwrap_or(d.weight))
            .collect();
        Held {
            standing: Standing::of(level, &perks, &sanctions),
            perks,
            sanctions,
            points: (level.score.dimensions.iter())
                .map(|d| state.points.get(&d.id).copied())
                .collect(),
            point_rank: point_ranks(level, state),
            friends: flags(level.npcs.iter().map(|n| &n.id).collect(), &state.friends),
            npc_scores: (level.npcs.iter())
                .map(|n| state.npcs.get(&n.id).map(|s| s.score))
                .collect(),
            npc_rank: (level.npcs.iter())
                .map(|n| state.npcs.rank(&n.id))
                .collect(),
            rules: flags(
                level.rules.iter().map(|r| &r.id).collect(),
                &state.active_rules,
            ),
            fired: (level.rules.iter())
                .map(|r| state.fired_today.get(r.id.as_str()).copied().unwrap_or(0))
                .collect(),
            arrived: flags(level.events.iter().map(|e| &e.id).collect(), &state.arrived),
            inbox: (state.inbox.iter())
                .map(|e| level.events.iter().position(|x| *x.id == *e.event))
                .collect(),
            feed: (state.feed.iter())
                .map(|p| origin_of(level, &p.author, &p.text, &p.tags))
                .collect(),
            denounced: (level.npcs.iter())
                .map(|n| state.denounced.get(&n.id).copied())
                .collect(),
            draft: (state.draft.as_ref())
                .and_then(|d| level.topics.iter().position(|t| *t.id == **d)),
            total_weight: score::total_weight(&weights),
            weights,
        }
    }
}

impl Game {
    /// Debug builds only: the mirror has not drifted from the state.
    pub(super) fn check_mirror(&self) {
        debug_assert_eq!(
            self.held,
            Held::of(&self.level, &self.state),
            "the mirror of the state drifted"
        );
        let memo = &self.memo;
        debug_assert!(memo.implied.is_none_or(|i| i.score == self.implied_score()));
        debug_assert!(self.state.ledger[..memo.settled].iter().all(|r| r.applied));
        if let Some(score) = memo.refreshed {
            let level = &self.level;
            let perks = level.perks.iter().map(|p| score >= p.threshold);
            let sanctions = level.sanctions.iter().map(|s| score < s.below);
            debug_assert!(
                perks.eq(self.held.perks.iter().copied())
                    && sanctions.eq(self.held.sanctions.iter().copied()),
                "perks and sanctions are those of the score they were last brought in line with"
            );
            debug_assert!(memo.band.is_none_or(|(lo, hi)| lo <= score && score < hi));
        }
    }

    /// [`Game::implied_score`], kept until the points, the friends or their scores change.
    pub(super) fn implied(&mut self) -> i32 {
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
    pub(super) fn set_points(
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

    /// Makes (`true`) or ends a friendship; whether anything changed.
    pub(super) fn set_friend(&mut self, npc: &str, friends: bool) -> bool {
        match self.level.npcs.iter().position(|n| n.id == npc) {
            Some(at) => self.set_friend_at(at, friends),
            // Someone the level does not have counts in no score, but among the friends.
            None => {
                self.forget_friends();
                toggle(&mut self.state.friends, npc, friends)
            }
        }
    }

    /// [`Game::set_friend`] with the person at this position in the level.
    pub(super) fn set_friend_at(&mut self, npc: usize, friends: bool) -> bool {
        if self.held.friends[npc] == friends {
            return false;
        }
        put(&mut self.state.friends, &self.index.npc_ids[npc], friends);
        self.held.friends[npc] = friends;
        self.forget_friends();
        true
    }

    /// The record of the person at this position in the level, for what the mirror does not
    /// hold (trust, the next post): a score changes only through [`Game::nudge_npc`].
    pub(super) fn npc_state(&mut self, npc: usize) -> Option<&mut NpcState> {
        let rank = self.held.npc_rank[npc]?;
        self.state.npcs.at_mut(rank)
    }

    /// Moves the score of the person at this position in the level, within the level's range.
    pub(super) fn nudge_npc(&mut self, npc: usize, delta: i32) {
        let (min, max) = (self.level.score.min, self.level.score.max);
        if let Some(s) = self.npc_state(npc) {
            s.score = s.score.saturating_add(delta).clamp(min, max);
            let score = s.score;
            self.held.npc_scores[npc] = Some(score);
        }
        // Only friends' scores count in the player's.
        if self.held.friends[npc] {
            self.forget_friends();
        }
    }

    /// The friends or their scores changed: what was worked out from them is stale.
    fn forget_friends(&mut self) {
        self.memo.implied = None;
    }

    /// Switches a rule on or off, by name; whether anything changed.
    pub(super) fn set_rule(&mut self, rule: &str, active: bool) -> bool {
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
    pub(super) fn count_firing(&mut self, rule: usize) {
        super::consistency::bump(&mut self.held.fired[rule]);
        let id = &self.index.rule_ids[rule];
        super::consistency::bump(self.state.fired_today.entry(id, || id.clone(), 0));
    }

    pub(super) fn new_day_of_firings(&mut self) {
        self.state.fired_today.clear();
        self.held.fired.iter_mut().for_each(|n| *n = 0);
    }

    /// Adds a post to the feed; returns its id.
    pub(super) fn add_to_feed(&mut self, mut post: FeedPost, origin: Origin) -> usize {
        let id = self.state.feed.len();
        post.id = id;
        self.state.feed.push(post);
        self.held.feed.push(Some(origin));
        id
    }

    /// Puts the event at this position in the inbox, answered already if `answer` says so.
    pub(super) fn add_to_inbox(&mut self, event: usize, answer: Option<Answer>) {
        self.state.inbox.push(InboxEntry {
            event: self.index.event_ids[event].clone(),
            day: self.state.day,
            answer,
        });
        self.held.inbox.push(Some(event));
    }

    /// Opens a draft on the topic at this position, or (`None`) closes the open one.
    pub(super) fn set_draft(&mut self, topic: Option<usize>) {
        self.state.draft = topic.map(|at| self.index.topic_ids[at].clone());
        self.held.draft = topic;
    }

    /// Notes that the player reported the person at this position today.
    pub(super) fn note_report(&mut self, npc: usize) {
        let day = self.state.day;
        (self.state.denounced).insert(self.level.npcs[npc].id.clone(), day);
        self.held.denounced[npc] = Some(day);
    }

    /// Sets the weight of the dimension at this position in the player's score.
    pub(super) fn set_weight(&mut self, at: usize, weight: u32) {
        let id = &self.level.score.dimensions[at].id;
        self.state.weights.insert(id.clone(), weight);
        let mut weights = self.held.weights.to_vec();
        weights[at] = weight;
        self.held.weights = weights.into();
        self.held.total_weight = score::total_weight(&self.held.weights);
        self.memo.implied = None;
    }

    /// Notes that the event at this position has arrived.
    pub(super) fn mark_arrived(&mut self, event: usize) {
        self.state.arrived.insert(&self.index.event_ids[event]);
        self.held.arrived[event] = true;
    }
}

fn point_ranks(level: &Level, state: &State) -> Vec<Option<usize>> {
    (level.score.dimensions.iter())
        .map(|d| state.points.rank(&d.id))
        .collect()
}

/// Puts a name the level lacks in the set or takes it out; whether that changed the set.
fn toggle(set: &mut IdSet, id: &str, member: bool) -> bool {
    if member {
        set.insert(&Arc::from(id))
    } else {
        set.remove(id)
    }
}

/// Puts one of the index's ids in the set or takes it out, the mirror having said that the
/// set changes.
fn put(set: &mut IdSet, id: &Arc<str>, member: bool) {
    if member {
        set.insert(id);
    } else {
        set.remove(id);
    }
}
