//! References: every id a level names (a tag, a dimension, a person, a rule…) is one it
//! declares; a misspelt one gets a did-you-mean.

use std::collections::BTreeSet;

use super::Checker;
use super::known::{Known, sample};
use crate::check::did_you_mean;
use crate::game::level::{ActionKind, Condition, PerkEffect, RuleSetter, SanctionEffect};

impl Checker<'_> {
    /// One reference to check: where it sits, what it names, and what it may name.
    pub(super) fn reference(
        &mut self,
        place: (&str, &str),
        kind: &str,
        value: &str,
        known: &BTreeSet<&str>,
    ) {
        if value == "*" && kind == "tag" || known.contains(value) {
            return;
        }
        if self.full() {
            // Counted only: no place, no suggestion.
            self.dropped.count += 1;
            self.dropped.errors = true;
            return;
        }
        let at = self.value(place.0, place.1, value);
        let hint = match did_you_mean(value, known.iter().copied()) {
            Some(m) => format!("did you mean `{m}`?"),
            None if known.is_empty() => format!("this level declares no {kind}s"),
            None => format!("declare it, or use one of: {}", sample(known)),
        };
        let code = match kind {
            "dimension" => "C012",
            "tag" => "C013",
            _ => "C011",
        };
        self.error(at, code, format!("unknown {kind} `{value}`"), Some(hint));
    }

    pub(super) fn references(&mut self) {
        let l = self.level;
        let known = Known::of(l);
        let k = &known;
        if let RuleSetter::Peers { dimension, .. } = &l.rule_setter {
            self.reference(("rule_setter", ""), "dimension", dimension, &k.dims);
        }
        for t in &l.reporting.tags {
            self.reference(("reporting", ""), "tag", t, &k.tags);
        }
        if let Some(c) = &l.consent {
            for t in &c.betrays {
                self.reference(("consent", ""), "tag", t, &k.tags);
            }
        }
        for p in &l.personas {
            for f in &p.friends {
                self.reference(("personas", &p.id), "person", f, &k.npcs);
            }
            for d in p.dimensions.keys() {
                self.reference(("personas", &p.id), "dimension", d, &k.dims);
            }
            for t in p.values.keys() {
                self.reference(("personas", &p.id), "tag", t, &k.tags);
            }
        }
        for r in &l.rules {
            self.reference(("rules", &r.id), "dimension", &r.dimension, &k.dims);
            if let Some(t) = r.on.tag() {
                self.reference(("rules", &r.id), "tag", t, &k.tags);
            }
        }
        for i in &l.items {
            for t in &i.tags {
                self.reference(("items", &i.id), "tag", t, &k.tags);
            }
        }
        for t in &l.topics {
            for tag in &t.tags {
                self.reference(("topics", &t.id), "tag", tag, &k.tags);
            }
        }
        for n in &l.npcs {
            for t in n.tags.iter().chain(n.values.keys()) {
                self.reference(("npcs", &n.id), "tag", t, &k.tags);
            }
            for p in &n.posts {
                for t in p.tags.iter() {
                    self.reference(("npcs", &p.id), "tag", t, &k.tags);
                }
            }
        }
        for n in &l.news {
            for t in n.tags.iter() {
                self.reference(("news", &n.id), "tag", t, &k.tags);
            }
        }
        for p in &l.proposals {
            for t in &p.tags {
                self.reference(("proposals", &p.id), "tag", t, &k.tags);
            }
            for r in p.enables.iter().chain(&p.disables) {
                self.reference(("proposals", &p.id), "rule", r, &k.rules);
            }
        }
        for p in &l.perks {
            for e in &p.effects {
                if let PerkEffect::Unlock(t) = e {
                    self.reference(("perks", &p.id), "tag", t, &k.tags);
                }
            }
        }
        for s in &l.sanctions {
            for e in &s.effects {
                if let SanctionEffect::Block(t) = e {
                    self.reference(("sanctions", &s.id), "tag", t, &k.tags);
                }
            }
        }
        for e in &l.events {
            self.event(e, &known);
        }
        for e in &l.endings {
            self.condition(("endings", &e.id), &e.when, &known);
        }
    }

    pub(super) fn condition(&mut self, place: (&str, &str), c: &Condition, k: &Known) {
        match c {
            Condition::Flag(f) => self.reference(place, "flag", f, &k.flags),
            Condition::Perk(p) => self.reference(place, "perk", p, &k.perks),
            Condition::Sanction(s) => self.reference(place, "sanction", s, &k.sanctions),
            Condition::Persona(p) => self.reference(place, "persona", p, &k.personas),
            Condition::FriendOf(n)
            | Condition::NpcScoreAtLeast(n, _)
            | Condition::NpcScoreBelow(n, _) => self.reference(place, "person", n, &k.npcs),
            Condition::DimensionAtLeast(d, _) | Condition::DimensionBelow(d, _) => {
                self.reference(place, "dimension", d, &k.dims)
            }
            Condition::Did { act, tag, .. } => {
                self.reference(place, "tag", tag, &k.tags);
                if matches!(act, ActionKind::Appeal | ActionKind::Vote) {
                    let at = self.act_field(place, &format!("{act:?}"));
                    self.error(
                        at,
                        "C025",
                        format!("`Did` cannot count `{act:?}`: it has no tags"),
                        Some(
                            "count `Buy`, `Post`, `Like`, `Share`, `Report`, `Befriend` or `Unfriend`"
                                .into(),
                        ),
                    );
                }
            }
            Condition::All(cs) | Condition::Any(cs) => {
                for c in cs {
                    self.condition(place, c, k);
                }
            }
            Condition::Not(c) => self.condition(place, c, k),
            _ => {}
        }
    }
}
