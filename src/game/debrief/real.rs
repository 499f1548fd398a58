//! What was real: the mechanics the player met, with where each comes from.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::game::Game;
use crate::game::level::{Level, Provenance, Source};

/// A mechanic the player met, with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mechanic {
    pub what: String,
    pub source: Source,
    pub note: String,
}

/// Every mechanic the player met, with its provenance: the score itself, its dimensions, the
/// consent box, the rules that fired, the perks and sanctions met, appeals, coupled income.
pub(super) fn real(level: &Level, game: &Game) -> Vec<Mechanic> {
    let s = game.state();
    let mut out = Vec::new();
    let mut push = |what: String, p: &Provenance| {
        let m = Mechanic {
            what,
            source: p.source,
            note: p.note.clone(),
        };
        if !out.contains(&m) {
            out.push(m);
        }
    };
    if let Some(p) = &level.score.provenance {
        push(format!("The score: {}", level.score.name), p);
    }
    for d in &level.score.dimensions {
        if let Some(p) = &d.provenance {
            push(format!("Dimension: {}", d.name), p);
        }
    }
    if let Some(c) = &level.consent {
        push(format!("Consent screen: {}", c.checkbox), &c.provenance);
    }
    let fired: BTreeSet<&str> = s.ledger.iter().filter_map(|r| r.rule.as_deref()).collect();
    for r in level.rules.iter().filter(|r| fired.contains(r.id.as_str())) {
        push(format!("Rule: {}", r.description), &r.provenance);
    }
    let met: BTreeSet<&str> = s.milestones.iter().map(|m| m.id.as_str()).collect();
    for p in level.perks.iter().filter(|p| met.contains(p.id.as_str())) {
        push(format!("Perk: {}", p.name), &p.provenance);
    }
    for x in level
        .sanctions
        .iter()
        .filter(|x| met.contains(x.id.as_str()))
    {
        push(format!("Sanction: {}", x.name), &x.provenance);
    }
    if let Some(a) = &level.appeals
        && !s.appeals.is_empty()
    {
        push("Appeals".to_string(), &a.provenance);
    }
    if let Some(c) = &level.economy.score_income {
        push(
            "Basic income coupled to the score".to_string(),
            &c.provenance,
        );
    }
    out
}
