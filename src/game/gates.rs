//! What stands between the player and an action: sanctions that forbid or block, perks that
//! unlock, and which of them the player holds. The one place that decides it: play, the
//! by-name questions and the by-position ones ([`super::Positions`]) all ask here.

use super::held::Held;
use super::level::{ActionKind, Item, Level, Perk, PerkEffect, Sanction, SanctionEffect, Topic};
use super::{Game, Refusal};

/// What could stand in the way of something with certain tags: the sanctions that block one
/// of them, and for each tag that perks unlock, those perks (holding one opens the tag). Made
/// once for each item, topic and choice of a level ([`super::index::Index`]).
#[derive(Debug)]
pub(super) struct Gate {
    blocks: Vec<usize>,
    locks: Vec<Vec<usize>>,
}

/// What stands in the way of an action, in the level's own terms: nothing is copied until a
/// player is to read it ([`Refusal::from`]).
#[derive(Debug, Clone, Copy)]
pub(super) enum Obstacle<'a> {
    /// An active sanction that blocks one of the tags or forbids the kind of action.
    Blocked(&'a Sanction),
    /// A tag that only perks unlock, none of them held: the cheapest of them.
    Locked(&'a Perk),
    NotOnSale(&'a Item),
    SoldOnce(&'a Item),
    TopicClosed(&'a Topic),
    PostedOnce(&'a Topic),
    /// A draft is open already, on the topic of this name.
    DraftOpen(&'a str),
    NotEnoughMoney {
        item: &'a Item,
        price: i64,
        have: i64,
    },
}

impl From<Obstacle<'_>> for Refusal {
    fn from(obstacle: Obstacle<'_>) -> Refusal {
        match obstacle {
            Obstacle::Blocked(s) => Refusal::Blocked {
                sanction: s.name.clone(),
                below: s.below,
            },
            Obstacle::Locked(p) => Refusal::Locked {
                perk: p.name.clone(),
                threshold: p.threshold,
            },
            Obstacle::NotOnSale(i) => Refusal::NotOnSale(i.name.clone()),
            Obstacle::SoldOnce(i) => Refusal::SoldOnce(i.name.clone()),
            Obstacle::TopicClosed(t) => Refusal::TopicClosed(t.name.clone()),
            Obstacle::PostedOnce(t) => Refusal::PostedOnce(t.name.clone()),
            Obstacle::DraftOpen(name) => Refusal::DraftOpen(name.to_string()),
            Obstacle::NotEnoughMoney { item, price, have } => Refusal::NotEnoughMoney {
                what: item.name.clone(),
                price,
                have,
            },
        }
    }
}

impl Gate {
    pub fn of(level: &Level, tags: &[String]) -> Gate {
        let blocks = |s: &Sanction| {
            (s.effects.iter()).any(|e| matches!(e, SanctionEffect::Block(t) if tags.contains(t)))
        };
        let unlockers = |tag: &String| -> Vec<usize> {
            let unlocks = |p: &Perk| {
                (p.effects.iter()).any(|e| matches!(e, PerkEffect::Unlock(t) if t == tag))
            };
            (level.perks.iter().enumerate())
                .filter(|(_, p)| unlocks(p))
                .map(|(i, _)| i)
                .collect()
        };
        Gate {
            blocks: (level.sanctions.iter().enumerate())
                .filter(|(_, s)| blocks(s))
                .map(|(i, _)| i)
                .collect(),
            locks: (tags.iter().map(unlockers))
                .filter(|perks| !perks.is_empty())
                .collect(),
        }
    }

    /// The first active sanction (in the level's order) that blocks one of the tags.
    pub fn blocking<'l>(&self, level: &'l Level, held: &Held) -> Option<&'l Sanction> {
        let &s = self.blocks.iter().find(|&&s| held.sanctions[s])?;
        Some(&level.sanctions[s])
    }

    /// What stands in the way with these perks and sanctions held: the first active sanction
    /// (in the level's order) that blocks a tag, else for the first tag no held perk unlocks,
    /// the cheapest perk that would (the first of equals).
    pub fn obstacle<'l>(&self, level: &'l Level, held: &Held) -> Option<Obstacle<'l>> {
        if let Some(sanction) = self.blocking(level, held) {
            return Some(Obstacle::Blocked(sanction));
        }
        let locked = (self.locks.iter()).find(|perks| !perks.iter().any(|&p| held.perks[p]))?;
        let cheapest = (locked.iter().map(|&p| &level.perks[p])).min_by_key(|p| p.threshold);
        cheapest.map(Obstacle::Locked)
    }
}

impl Game {
    /// Refuses an action kind that an active sanction forbids.
    pub fn check_allowed(&self, kind: ActionKind) -> Result<(), Refusal> {
        match self.forbidden(kind) {
            Some(obstacle) => Err(obstacle.into()),
            None => Ok(()),
        }
    }

    /// The active sanction that forbids this kind of action, if one does.
    pub(super) fn forbidden(&self, kind: ActionKind) -> Option<Obstacle<'_>> {
        if !self.held.standing.forbids(kind) {
            return None;
        }
        let forbids = |s: &&Sanction| s.effects.contains(&SanctionEffect::Forbid(kind));
        self.active_sanctions().find(forbids).map(Obstacle::Blocked)
    }

    pub(super) fn active_sanctions(&self) -> impl Iterator<Item = &Sanction> {
        held(&self.level.sanctions, &self.held.sanctions)
    }

    /// Refuses something carrying a tag that a sanction blocks or a missing perk locks.
    pub fn check_tags(&self, tags: &[String]) -> Result<(), Refusal> {
        match Gate::of(&self.level, tags).obstacle(&self.level, &self.held) {
            Some(obstacle) => Err(obstacle.into()),
            None => Ok(()),
        }
    }

    /// [`Game::check_tags`] without the words: whether the tags are open to the player.
    pub fn tags_open(&self, tags: &[String]) -> bool {
        Gate::of(&self.level, tags)
            .obstacle(&self.level, &self.held)
            .is_none()
    }
}

/// The entries of `all` whose flag in `held` is set.
fn held<'a, T>(all: &'a [T], held: &'a [bool]) -> impl Iterator<Item = &'a T> {
    all.iter().zip(held).filter(|(_, h)| **h).map(|(x, _)| x)
}
