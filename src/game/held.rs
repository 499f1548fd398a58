//! What the state holds, mirrored by position in the level, so that play asks by number and
//! not by name. Only the setters here change the mirrored parts of the state, and each changes
//! both; the one exception is perks and sanctions (with their `Standing`), which only
//! `refresh_thresholds` in score.rs changes. Debug builds check after every action that the
//! mirror still matches the state.

mod arrivals;
mod people;
mod points;
mod rules;
mod standing;

use std::sync::Arc;

use super::idset::IdSet;
use super::level::Level;
use super::reading::{Origin, origin_of};
use super::score;
use super::{Game, State};

pub(super) use standing::Standing;

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
    /// Which once-only rules have fired and are spent.
    pub spent: Vec<bool>,
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
            spent: (level.rules.iter())
                .map(|r| r.once && state.fired_once.contains(&r.id))
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
}

pub(super) fn point_ranks(level: &Level, state: &State) -> Vec<Option<usize>> {
    (level.score.dimensions.iter())
        .map(|d| state.points.rank(&d.id))
        .collect()
}

/// Puts a name the level lacks in the set or takes it out; whether that changed the set.
pub(super) fn toggle(set: &mut IdSet, id: &str, member: bool) -> bool {
    if member {
        set.insert(&Arc::from(id))
    } else {
        set.remove(id)
    }
}

/// Puts one of the index's ids in the set or takes it out, the mirror having said that the
/// set changes.
pub(super) fn put(set: &mut IdSet, id: &Arc<str>, member: bool) {
    if member {
        set.insert(id);
    } else {
        set.remove(id);
    }
}
