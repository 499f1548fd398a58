//! What the perks and sanctions held do to play, worked out again whenever they change.

use crate::game::level::{ActionKind, Level, PerkEffect, SanctionEffect};
use crate::game::shop::price_percent;

/// What the perks and sanctions held do to play, worked out again whenever they change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(in crate::game) struct Standing {
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
