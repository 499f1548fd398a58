//! References in an event: its tags, its condition, and what its effects and choices name.

use std::collections::BTreeSet;

use super::Checker;
use super::known::Known;
use crate::game::level::{Effect, Event};

impl Checker<'_> {
    pub(super) fn event(&mut self, e: &Event, k: &Known) {
        let place = ("events", e.id.as_str());
        for t in &e.tags {
            self.reference(place, "tag", t, &k.tags);
        }
        self.condition(place, &e.when, k);
        for c in &e.choices {
            for t in c.tags.iter().chain(&c.betrays) {
                self.reference(place, "tag", t, &k.tags);
            }
        }
        for effect in e
            .effects
            .iter()
            .chain(e.choices.iter().flat_map(|c| &c.effects))
        {
            match effect {
                Effect::Points { dimension, .. } => {
                    self.reference(place, "dimension", dimension, &k.dims)
                }
                Effect::EnableRule(r) | Effect::DisableRule(r) => {
                    self.reference(place, "rule", r, &k.rules)
                }
                Effect::Befriend(n) | Effect::Unfriend(n) | Effect::NpcScore { npc: n, .. } => {
                    self.reference(place, "person", n, &k.npcs)
                }
                Effect::OpenTopic(t) | Effect::CloseTopic(t) => {
                    self.reference(place, "topic", t, &k.topics)
                }
                Effect::OpenItem(i) | Effect::CloseItem(i) => {
                    self.reference(place, "item", i, &k.items)
                }
                Effect::Publish { npc, post } => {
                    self.reference(place, "person", npc, &k.npcs);
                    if let Some(n) = self.level.npc(npc) {
                        let posts: BTreeSet<&str> = n.posts.iter().map(|p| p.id.as_str()).collect();
                        self.reference(place, "post", post, &posts);
                    }
                }
                Effect::Weight { dimension, weight } => {
                    self.reference(place, "dimension", dimension, &k.dims);
                    if *weight > crate::check::limits::MAX_WEIGHT {
                        let at = self.field("events", &e.id, "weight");
                        self.error(
                            at,
                            "C017",
                            format!(
                                "event `{}` sets a weight of {weight}, over {}",
                                e.id,
                                crate::check::limits::MAX_WEIGHT
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
}
