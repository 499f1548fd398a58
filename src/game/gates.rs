//! What stands between the player and an action: sanctions that forbid or block, perks that
//! unlock, and which of them the player holds.

use super::level::{ActionKind, Perk, PerkEffect, Sanction, SanctionEffect};
use super::{Game, Refusal};

/// A sanction blocking, or a perk not yet held unlocking, a tag.
enum Barrier<'a> {
    Blocked(&'a Sanction),
    Locked(&'a Perk),
}

impl Game {
    /// Refuses an action kind that an active sanction forbids.
    pub fn check_allowed(&self, kind: ActionKind) -> Result<(), Refusal> {
        if !self.held.standing.forbids(kind) {
            return Ok(());
        }
        match self.forbidding(kind) {
            Some(s) => Err(Refusal::Blocked {
                sanction: s.name.clone(),
                below: s.below,
            }),
            None => Ok(()),
        }
    }

    /// The active sanction that forbids this kind of action, if one does.
    pub(super) fn forbidding(&self, kind: ActionKind) -> Option<&Sanction> {
        (self.active_sanctions()).find(|s| s.effects.contains(&SanctionEffect::Forbid(kind)))
    }

    pub(super) fn active_sanctions(&self) -> impl Iterator<Item = &Sanction> {
        held(&self.level.sanctions, &self.held.sanctions)
    }

    /// Refuses something carrying a tag that a sanction blocks or a missing perk locks.
    pub fn check_tags(&self, tags: &[String]) -> Result<(), Refusal> {
        match self.barrier(tags) {
            None => Ok(()),
            Some(Barrier::Blocked(s)) => Err(Refusal::Blocked {
                sanction: s.name.clone(),
                below: s.below,
            }),
            Some(Barrier::Locked(p)) => Err(Refusal::Locked {
                perk: p.name.clone(),
                threshold: p.threshold,
            }),
        }
    }

    /// [`Game::check_tags`] without the words: whether the tags are open to the player.
    pub fn tags_open(&self, tags: &[String]) -> bool {
        self.barrier(tags).is_none()
    }

    /// What stands in the way of something carrying these tags, if anything does.
    fn barrier(&self, tags: &[String]) -> Option<Barrier<'_>> {
        for s in self.active_sanctions() {
            for e in &s.effects {
                if let SanctionEffect::Block(tag) = e
                    && tags.contains(tag)
                {
                    return Some(Barrier::Blocked(s));
                }
            }
        }
        for tag in tags {
            // A tag some perk unlocks is locked until the player holds one of those perks.
            let mut cheapest: Option<&Perk> = None;
            for (i, p) in self.level.perks.iter().enumerate() {
                let unlocks = p
                    .effects
                    .iter()
                    .any(|e| matches!(e, PerkEffect::Unlock(t) if t == tag));
                if !unlocks {
                    continue;
                }
                if self.held.perks.get(i) == Some(&true) {
                    cheapest = None;
                    break;
                }
                if cheapest.is_none_or(|c| p.threshold < c.threshold) {
                    cheapest = Some(p);
                }
            }
            if let Some(p) = cheapest {
                return Some(Barrier::Locked(p));
            }
        }
        None
    }
}

/// The entries of `all` whose flag in `held` is set.
fn held<'a, T>(all: &'a [T], held: &'a [bool]) -> impl Iterator<Item = &'a T> {
    all.iter().zip(held).filter(|(_, h)| **h).map(|(x, _)| x)
}
