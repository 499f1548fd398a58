//! What never changes during a game, worked out when it begins: positions in the level, so
//! that play looks things up by number instead of comparing names.

use super::level::{Level, Perk, PerkEffect, Persona, Sanction, SanctionEffect, Trigger};
use std::sync::Arc;

use super::held::Held;
use super::score;

#[derive(Debug)]
pub(super) struct Index {
    /// Rules by the kind of trigger they listen for, in the level's order.
    pub rules_on: Vec<Vec<usize>>,
    /// Each rule's dimension, by position (`None`: the level has no such dimension).
    pub rule_dimension: Vec<Option<usize>>,
    /// For each item, the rules buying it answers to (active or not), in the level's order.
    pub item_rules: Vec<Vec<usize>>,
    /// The ids of the rules and the dimensions, shared by every ledger row that names them.
    pub rule_ids: Vec<Arc<str>>,
    pub dimension_ids: Vec<Arc<str>>,
    /// For each item, what buying it says to the persona's values.
    pub item_verdict: Vec<i32>,
    /// What stands in the way of each item, each topic and each event's choices.
    pub item_gates: Vec<Gate>,
    pub topic_gates: Vec<Gate>,
    pub choice_gates: Vec<Vec<Gate>>,
}

/// What could stand in the way of something with certain tags: the sanctions that block one
/// of them, and for each tag that perks unlock, those perks (holding one opens the tag).
#[derive(Debug)]
pub(super) struct Gate {
    blocks: Vec<usize>,
    locks: Vec<Vec<usize>>,
}

impl Gate {
    fn of(level: &Level, tags: &[String]) -> Gate {
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

    /// Open with these perks and sanctions held (by position): [`super::Game::tags_open`].
    pub fn open(&self, held: &Held) -> bool {
        !self.blocks.iter().any(|&s| held.sanctions[s])
            && (self.locks.iter()).all(|perks| perks.iter().any(|&p| held.perks[p]))
    }
}

impl Index {
    pub fn new(level: &Level, persona: Option<&Persona>) -> Index {
        let mut rules_on = vec![Vec::new(); Trigger::KINDS];
        for (i, r) in level.rules.iter().enumerate() {
            rules_on[r.on.kind()].push(i);
        }
        let dims = &level.score.dimensions;
        let rule_dimension = (level.rules.iter())
            .map(|r| dims.iter().position(|d| d.id == r.dimension))
            .collect();
        let buy = Trigger::Buy(String::new());
        let item_rules = (level.items.iter())
            .map(|item| {
                let on = &rules_on[buy.kind()];
                let hits = on
                    .iter()
                    .filter(|&&r| level.rules[r].on.matches(&buy, &item.tags));
                hits.copied().collect()
            })
            .collect();
        let item_verdict = (level.items.iter())
            .map(|item| persona.map_or(0, |p| score::verdict(&p.values, &item.tags, &[])))
            .collect();
        let gates = |tags: &[String]| Gate::of(level, tags);
        Index {
            rule_ids: level
                .rules
                .iter()
                .map(|r| Arc::from(r.id.as_str()))
                .collect(),
            dimension_ids: (dims.iter()).map(|d| Arc::from(d.id.as_str())).collect(),
            rules_on,
            rule_dimension,
            item_rules,
            item_verdict,
            item_gates: level.items.iter().map(|i| gates(&i.tags)).collect(),
            topic_gates: level.topics.iter().map(|t| gates(&t.tags)).collect(),
            choice_gates: (level.events.iter())
                .map(|e| e.choices.iter().map(|c| gates(&c.tags)).collect())
                .collect(),
        }
    }
}
