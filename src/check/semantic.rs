//! Checks after parsing: ids, references, orders, ranges and reachability.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::{Found, at, did_you_mean, locate, reach};
use crate::game::Opening;
use crate::game::level::{
    ActionKind, Condition, DimensionSource, Effect, Event, Level, PerkEffect, RuleSetter,
    SanctionEffect, Visibility,
};

struct Checker<'a> {
    src: &'a str,
    level: &'a Level,
    out: Vec<Found>,
    /// Problems kept, at most; the rest are counted, and not located (locating reads the
    /// source, which a level with a hundred thousand problems must not do for each).
    cap: usize,
    dropped: Dropped,
}

/// Problems found past the cap: how many, and whether any of them is an error.
#[derive(Debug, Default, Clone, Copy)]
pub struct Dropped {
    pub count: usize,
    pub errors: bool,
}

/// Every check after parsing: the first `cap` problems found, and what was found past them.
pub fn check(src: &str, level: &Level, cap: usize) -> (Vec<Found>, Dropped) {
    let mut c = Checker {
        src,
        level,
        out: Vec::new(),
        cap,
        dropped: Dropped::default(),
    };
    c.numbers();
    c.more_numbers();
    c.duplicates();
    c.references();
    c.score_order();
    c.endings();
    c.offers();
    if !c.dropped.errors && !c.out.iter().any(Found::is_error) {
        // Starting a game needs a level without errors.
        c.tolerances();
    }
    (c.out, c.dropped)
}

impl Checker<'_> {
    /// No more problems are kept: where one is does not matter any more.
    fn full(&self) -> bool {
        self.out.len() >= self.cap
    }

    /// Byte offset of a top-level section of the file.
    fn section(&self, name: &str) -> usize {
        if self.full() {
            return 0;
        }
        top_field(self.src, name)
            .or_else(|| locate::field(self.src, name, 0))
            .unwrap_or(0)
    }

    /// Byte offset of an entity (by id) inside a section.
    fn entity(&self, section: &str, id: &str) -> usize {
        let base = self.section(section);
        if self.full() {
            return base;
        }
        locate::id(self.src, id, base, 0).unwrap_or(base)
    }

    /// Byte offset of `value` in quotes inside an entity, else of the entity.
    fn value(&self, section: &str, id: &str, value: &str) -> (usize, usize) {
        let base = self.entity(section, id);
        if self.full() {
            return (base, 1);
        }
        match locate::quoted(self.src, value, base) {
            Some(o) => (o, value.chars().count() + 2),
            None => (base, id.chars().count() + 2),
        }
    }

    /// Byte offset of a field inside an entity.
    fn field(&self, section: &str, id: &str, field: &str) -> (usize, usize) {
        let base = if id.is_empty() {
            self.section(section)
        } else {
            self.entity(section, id)
        };
        if self.full() {
            return (base, 1);
        }
        match locate::field(self.src, field, base) {
            Some(o) => (o, field.len()),
            None => (base, 1),
        }
    }

    fn error(
        &mut self,
        (offset, width): (usize, usize),
        code: &'static str,
        message: String,
        hint: Option<String>,
    ) {
        if self.full() {
            self.dropped.count += 1;
            self.dropped.errors = true;
            return;
        }
        self.out.push(at(offset, width, code, message, hint));
    }

    fn numbers(&mut self) {
        let l = self.level;
        if l.days == 0 || l.days > 365 {
            let at = self.field("days", "", "days");
            self.error(
                at,
                "C017",
                format!("`days` is {}; it must be 1–365", l.days),
                None,
            );
        }
        if l.actions_per_day == 0 || l.actions_per_day > 20 {
            let at = self.field("actions_per_day", "", "actions_per_day");
            self.error(
                at,
                "C017",
                format!(
                    "`actions_per_day` is {}; it must be 1–20",
                    l.actions_per_day
                ),
                None,
            );
        }
        if l.baseline_days >= l.days {
            let at = self.field("baseline_days", "", "baseline_days");
            self.error(
                at,
                "C017",
                format!(
                    "`baseline_days` ({}) must be fewer than `days` ({})",
                    l.baseline_days, l.days
                ),
                Some("the score has to switch on before the level ends".into()),
            );
        }
        if l.score.min >= l.score.max {
            let at = self.field("score", "", "min");
            self.error(
                at,
                "C017",
                format!(
                    "score `min` ({}) must be below `max` ({})",
                    l.score.min, l.score.max
                ),
                None,
            );
        }
        for d in &l.score.dimensions {
            if d.weight == 0 {
                let at = self.field("dimensions", &d.id, "weight");
                self.error(
                    at,
                    "C017",
                    format!("dimension `{}` has weight 0", d.id),
                    Some("use a positive weight, or remove the dimension".into()),
                );
            }
        }
        let empties = [
            ("dimensions", l.score.dimensions.is_empty()),
            ("tiers", l.score.tiers.is_empty()),
            ("personas", l.personas.is_empty()),
            ("endings", l.endings.is_empty()),
        ];
        for (name, empty) in empties {
            if empty {
                let at = (self.section(name), name.len());
                self.error(
                    at,
                    "C020",
                    format!("`{name}` is empty; a level needs at least one"),
                    None,
                );
            }
        }
        let every = match l.visibility {
            Visibility::Delayed { every } | Visibility::BlackBox { every } => Some(every),
            Visibility::Transparent => None,
        };
        if every == Some(0) {
            let at = self.field("visibility", "", "every");
            self.error(
                at,
                "C017",
                "recomputing `every` 0 days is impossible".into(),
                Some("use 1 or more".into()),
            );
        }
        if let RuleSetter::Vote { every: 0 } = l.rule_setter {
            let at = self.field("rule_setter", "", "every");
            self.error(
                at,
                "C017",
                "voting `every` 0 days is impossible".into(),
                Some("use 1 or more".into()),
            );
        }
        if let Some(a) = &l.appeals
            && a.full + a.partial > 100
        {
            let at = self.field("appeals", "", "full");
            self.error(
                at,
                "C017",
                format!("appeal chances add up to {}%", a.full + a.partial),
                Some("`full` + `partial` must be at most 100".into()),
            );
        }
        for n in &l.npcs {
            if n.post_chance > 100 {
                let at = self.field("npcs", &n.id, "post_chance");
                self.error(
                    at,
                    "C017",
                    format!("`post_chance` of `{}` is {}%", n.id, n.post_chance),
                    Some("use 0–100".into()),
                );
            }
            if n.score < l.score.min || n.score > l.score.max {
                let at = self.field("npcs", &n.id, "score");
                self.error(
                    at,
                    "C017",
                    format!(
                        "`{}` starts with score {}, outside {}–{}",
                        n.id, n.score, l.score.min, l.score.max
                    ),
                    None,
                );
            }
        }
        for p in &l.personas {
            if !(0..=100).contains(&p.integrity) {
                let at = self.field("personas", &p.id, "integrity");
                self.error(
                    at,
                    "C017",
                    format!("`integrity` of `{}` is {}", p.id, p.integrity),
                    Some("the self meter runs 0–100".into()),
                );
            }
            for (dim, v) in &p.dimensions {
                if !(0..=100).contains(v) {
                    let at = self.value("personas", &p.id, dim);
                    self.error(
                        at,
                        "C017",
                        format!("`{}` starts `{dim}` at {v}", p.id),
                        Some("dimension points run 0–100".into()),
                    );
                }
            }
        }
        for p in &l.perks {
            for e in &p.effects {
                if let PerkEffect::Discount(d) = e
                    && *d > 100
                {
                    let at = self.field("perks", &p.id, "effects");
                    self.error(
                        at,
                        "C017",
                        format!("perk `{}` gives a {d}% discount", p.id),
                        Some("use 0–100".into()),
                    );
                }
            }
        }
    }

    fn warn(
        &mut self,
        at: (usize, usize),
        code: &'static str,
        message: String,
        hint: Option<String>,
    ) {
        if self.full() {
            self.dropped.count += 1;
            return;
        }
        let mut d = super::at(at.0, at.1, code, message, hint);
        d.severity = super::Severity::Warning;
        self.out.push(d);
    }

    fn more_numbers(&mut self) {
        let l = self.level;
        for n in &l.news {
            if n.day == 0 || n.day > l.days {
                let at = self.field("news", &n.id, "day");
                self.error(
                    at,
                    "C017",
                    format!(
                        "news `{}` is set for day {}, outside 1–{}",
                        n.id, n.day, l.days
                    ),
                    None,
                );
            }
        }
        for r in &l.rules {
            if r.per_day == Some(0) {
                let at = self.field("rules", &r.id, "per_day");
                self.error(
                    at,
                    "C017",
                    format!("rule `{}` has `per_day: 0`, so it never counts", r.id),
                    Some("use 1 or more, or `active: false`".into()),
                );
            }
        }
        for i in &l.items {
            if i.price < 0 {
                let at = self.field("items", &i.id, "price");
                self.error(
                    at,
                    "C017",
                    format!("item `{}` has a negative price", i.id),
                    Some("prices are 0 or more".into()),
                );
            }
        }
        if l.reporting.penalty < 0 {
            let at = self.field("reporting", "", "penalty");
            self.error(
                at,
                "C017",
                "the reporting penalty is negative".into(),
                Some("use 0 or more".into()),
            );
        }
        for e in &l.events {
            for effect in e
                .effects
                .iter()
                .chain(e.choices.iter().flat_map(|c| &c.effects))
            {
                if let Effect::Visibility(
                    Visibility::Delayed { every: 0 } | Visibility::BlackBox { every: 0 },
                ) = effect
                {
                    let at = self.field("events", &e.id, "Visibility");
                    self.error(
                        at,
                        "C017",
                        format!("event `{}` sets recomputation every 0 days", e.id),
                        Some("use 1 or more".into()),
                    );
                }
            }
        }
        let ids = l
            .items
            .iter()
            .map(|x| ("items", x.id.as_str()))
            .chain(l.topics.iter().map(|x| ("topics", x.id.as_str())))
            .chain(l.npcs.iter().map(|x| ("npcs", x.id.as_str())))
            .chain(l.events.iter().map(|x| ("events", x.id.as_str())))
            .chain(
                l.events
                    .iter()
                    .flat_map(|e| e.choices.iter().map(|c| ("events", c.id.as_str()))),
            )
            .chain(l.proposals.iter().map(|x| ("proposals", x.id.as_str())))
            .chain(l.personas.iter().map(|x| ("personas", x.id.as_str())));
        for (section, id) in ids {
            if id.is_empty() || id.chars().any(char::is_whitespace) {
                let offset = self.entity(section, id);
                self.error(
                    (offset, id.chars().count() + 2),
                    "C017",
                    format!("id `{id}` is empty or has spaces; players type ids"),
                    Some("use letters, digits, `_` or `-`, e.g. `baby_formula`".into()),
                );
            }
        }
        // Content nothing can reach.
        let richest = l
            .personas
            .iter()
            .map(|p| p.money + p.income.max(0) * i64::from(l.days))
            .max()
            .unwrap_or(0);
        for i in &l.items {
            if i.price > richest {
                let at = self.field("items", &i.id, "price");
                self.warn(
                    at,
                    "C022",
                    format!(
                        "item `{}` costs {}, more than any persona can ever have ({richest})",
                        i.id, i.price
                    ),
                    Some("lower the price, or raise a persona's money or income".into()),
                );
            }
        }
        for e in &l.events {
            if !reach::satisfiable(l, &e.when) {
                let at = self.field("events", &e.id, "when");
                self.warn(
                    at,
                    "C023",
                    format!(
                        "event `{}` can never arrive: its condition cannot hold",
                        e.id
                    ),
                    Some(format!(
                        "scores run {}–{}, self 0–100",
                        l.score.min, l.score.max
                    )),
                );
            }
        }
        if !l.proposals.is_empty() && !matches!(l.rule_setter, RuleSetter::Vote { .. }) {
            let at = (self.section("proposals"), 9);
            self.warn(
                at,
                "C021",
                "there are proposals but nobody votes on them".into(),
                Some("set `rule_setter: Vote(every: 7)`, or remove the proposals".into()),
            );
        }
        if l.appeals.is_some() && matches!(l.visibility, Visibility::BlackBox { .. }) {
            let at = (self.section("appeals"), 7);
            self.warn(
                at,
                "C021",
                "appeals are set, but citizens of a black box cannot see the ledger to appeal"
                    .into(),
                None,
            );
        }
    }

    fn duplicates(&mut self) {
        let l = self.level;
        let lists: Vec<(&str, Vec<&str>)> = vec![
            ("tags", l.tags.iter().map(|x| x.id.as_str()).collect()),
            (
                "dimensions",
                l.score.dimensions.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "tiers",
                l.score.tiers.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "personas",
                l.personas.iter().map(|x| x.id.as_str()).collect(),
            ),
            ("rules", l.rules.iter().map(|x| x.id.as_str()).collect()),
            ("items", l.items.iter().map(|x| x.id.as_str()).collect()),
            ("topics", l.topics.iter().map(|x| x.id.as_str()).collect()),
            ("npcs", l.npcs.iter().map(|x| x.id.as_str()).collect()),
            (
                "npcs",
                l.npcs
                    .iter()
                    .flat_map(|n| n.posts.iter().map(|p| p.id.as_str()))
                    .collect(),
            ),
            ("news", l.news.iter().map(|x| x.id.as_str()).collect()),
            ("events", l.events.iter().map(|x| x.id.as_str()).collect()),
            (
                "proposals",
                l.proposals.iter().map(|x| x.id.as_str()).collect(),
            ),
            ("perks", l.perks.iter().map(|x| x.id.as_str()).collect()),
            (
                "sanctions",
                l.sanctions.iter().map(|x| x.id.as_str()).collect(),
            ),
            ("endings", l.endings.iter().map(|x| x.id.as_str()).collect()),
        ];
        for (section, ids) in lists {
            self.unique(section, "", &ids);
        }
        for e in &l.events {
            let ids: Vec<&str> = e.choices.iter().map(|c| c.id.as_str()).collect();
            self.unique("events", &e.id, &ids);
        }
    }

    fn unique(&mut self, section: &str, within: &str, ids: &[&str]) {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for id in ids {
            let count = seen.entry(id).or_insert(0);
            *count += 1;
            if *count == 2 {
                let base = if within.is_empty() {
                    self.section(section)
                } else {
                    self.entity(section, within)
                };
                let second = (!self.full()).then(|| locate::id(self.src, id, base, 1));
                let offset = second.flatten().unwrap_or(base);
                let at = (offset, id.chars().count() + 2);
                self.error(
                    at,
                    "C010",
                    format!("duplicate id `{id}` in `{section}`"),
                    Some("every id in a list must be unique".into()),
                );
            }
        }
    }

    /// One reference to check: where it sits, what it names, and what it may name.
    fn reference(&mut self, place: (&str, &str), kind: &str, value: &str, known: &BTreeSet<&str>) {
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

    fn references(&mut self) {
        let l = self.level;
        let tags: BTreeSet<&str> = l.tags.iter().map(|t| t.id.as_str()).collect();
        let dims: BTreeSet<&str> = l.score.dimensions.iter().map(|d| d.id.as_str()).collect();
        let npcs: BTreeSet<&str> = l.npcs.iter().map(|n| n.id.as_str()).collect();
        let rules: BTreeSet<&str> = l.rules.iter().map(|r| r.id.as_str()).collect();
        let personas: BTreeSet<&str> = l.personas.iter().map(|p| p.id.as_str()).collect();
        let perks: BTreeSet<&str> = l.perks.iter().map(|p| p.id.as_str()).collect();
        let sanctions: BTreeSet<&str> = l.sanctions.iter().map(|s| s.id.as_str()).collect();
        let flags: BTreeSet<&str> = l
            .events
            .iter()
            .flat_map(|e| {
                e.effects
                    .iter()
                    .chain(e.choices.iter().flat_map(|c| &c.effects))
            })
            .filter_map(|e| match e {
                Effect::SetFlag(f) => Some(f.as_str()),
                _ => None,
            })
            .collect();
        let items: BTreeSet<&str> = l.items.iter().map(|i| i.id.as_str()).collect();
        let topics: BTreeSet<&str> = l.topics.iter().map(|t| t.id.as_str()).collect();
        let known = Known {
            items: &items,
            topics: &topics,
            tags: &tags,
            dims: &dims,
            npcs: &npcs,
            rules: &rules,
            personas: &personas,
            perks: &perks,
            sanctions: &sanctions,
            flags: &flags,
        };

        if let RuleSetter::Peers { dimension, .. } = &l.rule_setter {
            self.reference(("rule_setter", ""), "dimension", dimension, &dims);
        }
        for t in &l.reporting.tags {
            self.reference(("reporting", ""), "tag", t, &tags);
        }
        if let Some(c) = &l.consent {
            for t in &c.betrays {
                self.reference(("consent", ""), "tag", t, &tags);
            }
        }
        for p in &l.personas {
            for f in &p.friends {
                self.reference(("personas", &p.id), "person", f, &npcs);
            }
            for d in p.dimensions.keys() {
                self.reference(("personas", &p.id), "dimension", d, &dims);
            }
            for t in p.values.keys() {
                self.reference(("personas", &p.id), "tag", t, &tags);
            }
        }
        for r in &l.rules {
            self.reference(("rules", &r.id), "dimension", &r.dimension, &dims);
            if let Some(t) = r.on.tag() {
                self.reference(("rules", &r.id), "tag", t, &tags);
            }
        }
        for i in &l.items {
            for t in &i.tags {
                self.reference(("items", &i.id), "tag", t, &tags);
            }
        }
        for t in &l.topics {
            for tag in &t.tags {
                self.reference(("topics", &t.id), "tag", tag, &tags);
            }
        }
        for n in &l.npcs {
            for t in n.tags.iter().chain(n.values.keys()) {
                self.reference(("npcs", &n.id), "tag", t, &tags);
            }
            for p in &n.posts {
                for t in p.tags.iter() {
                    self.reference(("npcs", &p.id), "tag", t, &tags);
                }
            }
        }
        for n in &l.news {
            for t in n.tags.iter() {
                self.reference(("news", &n.id), "tag", t, &tags);
            }
        }
        for p in &l.proposals {
            for t in &p.tags {
                self.reference(("proposals", &p.id), "tag", t, &tags);
            }
            for r in p.enables.iter().chain(&p.disables) {
                self.reference(("proposals", &p.id), "rule", r, &rules);
            }
        }
        for p in &l.perks {
            for e in &p.effects {
                if let PerkEffect::Unlock(t) = e {
                    self.reference(("perks", &p.id), "tag", t, &tags);
                }
            }
        }
        for s in &l.sanctions {
            for e in &s.effects {
                if let SanctionEffect::Block(t) = e {
                    self.reference(("sanctions", &s.id), "tag", t, &tags);
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

    fn event(&mut self, e: &Event, k: &Known) {
        let place = ("events", e.id.as_str());
        for t in &e.tags {
            self.reference(place, "tag", t, k.tags);
        }
        self.condition(place, &e.when, k);
        for c in &e.choices {
            for t in c.tags.iter().chain(&c.betrays) {
                self.reference(place, "tag", t, k.tags);
            }
        }
        for effect in e
            .effects
            .iter()
            .chain(e.choices.iter().flat_map(|c| &c.effects))
        {
            match effect {
                Effect::Points { dimension, .. } => {
                    self.reference(place, "dimension", dimension, k.dims)
                }
                Effect::EnableRule(r) | Effect::DisableRule(r) => {
                    self.reference(place, "rule", r, k.rules)
                }
                Effect::Befriend(n) | Effect::Unfriend(n) | Effect::NpcScore { npc: n, .. } => {
                    self.reference(place, "person", n, k.npcs)
                }
                Effect::OpenTopic(t) | Effect::CloseTopic(t) => {
                    self.reference(place, "topic", t, k.topics)
                }
                Effect::OpenItem(i) | Effect::CloseItem(i) => {
                    self.reference(place, "item", i, k.items)
                }
                Effect::Publish { npc, post } => {
                    self.reference(place, "person", npc, k.npcs);
                    if let Some(n) = self.level.npc(npc) {
                        let posts: BTreeSet<&str> = n.posts.iter().map(|p| p.id.as_str()).collect();
                        self.reference(place, "post", post, &posts);
                    }
                }
                Effect::Weight { dimension, weight } => {
                    self.reference(place, "dimension", dimension, k.dims);
                    if *weight > super::limits::MAX_WEIGHT {
                        let at = self.field("events", &e.id, "weight");
                        self.error(
                            at,
                            "C017",
                            format!(
                                "event `{}` sets a weight of {weight}, over {}",
                                e.id,
                                super::limits::MAX_WEIGHT
                            ),
                            Some("use 0–1000; weights are relative".into()),
                        );
                    }
                }
                _ => {}
            }
        }
        let choices: BTreeSet<&str> = e.choices.iter().map(|c| c.id.as_str()).collect();
        if e.bulletin && !e.choices.is_empty() {
            let at = self.field("events", &e.id, "bulletin");
            self.error(
                at,
                "C019",
                format!(
                    "bulletin `{}` has choices, but bulletins apply at once",
                    e.id
                ),
                Some(
                    "remove `bulletin: true` to let the player choose, or remove the choices"
                        .into(),
                ),
            );
            return;
        }
        match &e.default {
            Some(d) => self.reference(place, "choice", d, &choices),
            None if !e.choices.is_empty() => {
                let at = (self.entity("events", &e.id), e.id.chars().count() + 2);
                self.error(
                    at,
                    "C019",
                    format!("event `{}` has choices but no `default`", e.id),
                    Some(format!(
                        "add `default: \"{}\"`: it is taken when the day ends unanswered",
                        e.choices[0].id
                    )),
                );
            }
            None => {}
        }
        if e.day > self.level.days {
            let at = self.field("events", &e.id, "day");
            self.error(
                at,
                "C017",
                format!(
                    "event `{}` is set for day {}, after the last day ({})",
                    e.id, e.day, self.level.days
                ),
                None,
            );
        }
    }

    fn condition(&mut self, place: (&str, &str), c: &Condition, k: &Known) {
        match c {
            Condition::Flag(f) => self.reference(place, "flag", f, k.flags),
            Condition::Perk(p) => self.reference(place, "perk", p, k.perks),
            Condition::Sanction(s) => self.reference(place, "sanction", s, k.sanctions),
            Condition::Persona(p) => self.reference(place, "persona", p, k.personas),
            Condition::FriendOf(n)
            | Condition::NpcScoreAtLeast(n, _)
            | Condition::NpcScoreBelow(n, _) => self.reference(place, "person", n, k.npcs),
            Condition::DimensionAtLeast(d, _) | Condition::DimensionBelow(d, _) => {
                self.reference(place, "dimension", d, k.dims)
            }
            Condition::Did { act, tag, .. } => {
                self.reference(place, "tag", tag, k.tags);
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

    fn score_order(&mut self) {
        let l = self.level;
        let (min, max) = (l.score.min, l.score.max);
        if let Some(first) = l.score.tiers.first()
            && first.from > min
        {
            let at = self.field("tiers", &first.id, "from");
            self.error(
                at,
                "C014",
                format!(
                    "the first tier `{}` starts at {}, above the minimum score {min}",
                    first.id, first.from
                ),
                Some(format!(
                    "start it at `from: {min}` so every score has a tier"
                )),
            );
        }
        for pair in l.score.tiers.windows(2) {
            if pair[1].from <= pair[0].from {
                let at = self.field("tiers", &pair[1].id, "from");
                self.error(
                    at,
                    "C014",
                    format!(
                        "tier `{}` (from {}) is not above `{}` (from {})",
                        pair[1].id, pair[1].from, pair[0].id, pair[0].from
                    ),
                    Some("list tiers in ascending order of `from`".into()),
                );
            }
        }
        for t in &l.score.tiers {
            if t.from < min || t.from > max {
                let at = self.field("tiers", &t.id, "from");
                self.error(
                    at,
                    "C015",
                    format!(
                        "tier `{}` starts at {}, outside the score range {min}–{max}",
                        t.id, t.from
                    ),
                    None,
                );
            }
        }
        for p in &l.perks {
            if p.threshold <= min || p.threshold > max {
                let at = self.field("perks", &p.id, "threshold");
                self.error(
                    at,
                    "C015",
                    format!(
                        "perk `{}` opens at {}, outside the score range {min}–{max}",
                        p.id, p.threshold
                    ),
                    Some(format!("use a threshold in {}–{max}", min + 1)),
                );
            }
        }
        for s in &l.sanctions {
            if s.below <= min || s.below > max {
                let at = self.field("sanctions", &s.id, "below");
                self.error(
                    at,
                    "C015",
                    format!(
                        "sanction `{}` applies below {}, outside the score range {min}–{max}",
                        s.id, s.below
                    ),
                    Some(format!("use a value in {}–{max}", min + 1)),
                );
            }
        }
        let friends_dims = l
            .score
            .dimensions
            .iter()
            .filter(|d| matches!(d.source, DimensionSource::Friends { .. }))
            .count();
        if friends_dims > 1 {
            let at = (self.section("dimensions"), 10);
            self.error(
                at,
                "C017",
                "more than one dimension follows friends' scores".into(),
                Some("keep one `Friends` dimension".into()),
            );
        }
    }

    fn endings(&mut self) {
        let l = self.level;
        let mut always: Option<&str> = None;
        for e in &l.endings {
            // Locating text is slow; only a diagnostic needs it.
            let at = || (self.entity("endings", &e.id), e.id.chars().count() + 2);
            if let Some(first) = always {
                self.error(
                    at(),
                    "C016",
                    format!("ending `{}` can never be reached", e.id),
                    Some(format!(
                        "`{first}` comes first and always holds; move this one above it"
                    )),
                );
            } else if !reach::satisfiable(l, &e.when) {
                self.error(
                    at(),
                    "C016",
                    format!(
                        "ending `{}` can never be reached: its condition cannot hold",
                        e.id
                    ),
                    Some(format!(
                        "scores run {}–{}, self 0–100",
                        l.score.min, l.score.max
                    )),
                );
            }
            if e.when == Condition::Always && always.is_none() {
                always = Some(&e.id);
            }
        }
    }
}

impl Checker<'_> {
    /// Byte offset of `act: NAME` inside an entity, else of its first `act:`.
    fn act_field(&self, place: (&str, &str), name: &str) -> (usize, usize) {
        let first = self.field(place.0, place.1, "act");
        if self.full() {
            return first;
        }
        let mut from = first.0;
        while let Some(o) = locate::field(self.src, "act", from) {
            let value = self.src[o + 3..].trim_start_matches([' ', ':']);
            if value.starts_with(name) {
                return (o, 3);
            }
            from = o + 3;
        }
        first
    }

    /// Hidden items and topics that no effect ever opens (C027).
    fn offers(&mut self) {
        let l = self.level;
        let effects: Vec<&Effect> = (l.events.iter())
            .flat_map(|e| {
                e.effects
                    .iter()
                    .chain(e.choices.iter().flat_map(|c| &c.effects))
            })
            .collect();
        let opens_item = |id: &str| {
            effects
                .iter()
                .any(|e| matches!(e, Effect::OpenItem(i) if i == id))
        };
        let opens_topic = |id: &str| {
            effects
                .iter()
                .any(|e| matches!(e, Effect::OpenTopic(t) if t == id))
        };
        for i in l.items.iter().filter(|i| i.hidden && !opens_item(&i.id)) {
            let at = self.field("items", &i.id, "hidden");
            self.warn(
                at,
                "C027",
                format!("item `{}` is hidden and nothing opens it", i.id),
                Some(format!(
                    "add `OpenItem(\"{}\")` to an event's effects, or remove `hidden`",
                    i.id
                )),
            );
        }
        for t in l.topics.iter().filter(|t| t.hidden && !opens_topic(&t.id)) {
            let at = self.field("topics", &t.id, "hidden");
            self.warn(
                at,
                "C027",
                format!("topic `{}` is hidden and nothing opens it", t.id),
                Some(format!(
                    "add `OpenTopic(\"{}\")` to an event's effects, or remove `hidden`",
                    t.id
                )),
            );
        }
    }

    /// Starting friends who would drop the player the first time the score counts (C026):
    /// their `tolerance` is above the score the persona starts with.
    fn tolerances(&mut self) {
        let l = self.level;
        let minds = |id: &String| l.npc(id).is_some_and(|n| n.tolerance.is_some());
        if !l.personas.iter().any(|p| p.friends.iter().any(minds)) {
            return;
        }
        let level = Arc::new(l.clone());
        for p in &l.personas {
            let Ok(opening) = Opening::new(Arc::clone(&level), Some(&p.id)) else {
                continue;
            };
            let start = opening.starting_score();
            for f in &p.friends {
                let Some(t) = l.npc(f).and_then(|n| n.tolerance) else {
                    continue;
                };
                if start < t {
                    let at = self.value("personas", &p.id, f);
                    self.warn(
                        at,
                        "C026",
                        format!(
                            "`{}` starts with a score of {start}, below the tolerance of their friend `{f}` ({t}): `{f}` drops them as soon as the score counts",
                            p.id
                        ),
                        Some(format!(
                            "lower `{f}`'s `tolerance` to {start} or less, or raise the persona's starting points"
                        )),
                    );
                }
            }
        }
    }
}

struct Known<'a> {
    items: &'a BTreeSet<&'a str>,
    topics: &'a BTreeSet<&'a str>,
    tags: &'a BTreeSet<&'a str>,
    dims: &'a BTreeSet<&'a str>,
    npcs: &'a BTreeSet<&'a str>,
    rules: &'a BTreeSet<&'a str>,
    personas: &'a BTreeSet<&'a str>,
    perks: &'a BTreeSet<&'a str>,
    sanctions: &'a BTreeSet<&'a str>,
    flags: &'a BTreeSet<&'a str>,
}

fn sample(known: &BTreeSet<&str>) -> String {
    let mut s: Vec<String> = known.iter().take(6).map(|k| format!("`{k}`")).collect();
    if known.len() > 6 {
        s.push("…".into());
    }
    s.join(", ")
}

/// Byte offset of a field at the top level of the file (nesting depth 1).
fn top_field(src: &str, name: &str) -> Option<usize> {
    let bytes = src.as_bytes();
    let mut depth = 0i32;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            _ if depth == 1 && src[i..].starts_with(name) => {
                let before_ok =
                    i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
                let after = src[i + name.len()..].trim_start();
                if before_ok && after.starts_with(':') {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}
