//! What an event's or a choice's effects do to the game.

use std::fmt::Display;

use crate::game::level::Effect;
use crate::game::{Game, Log, Outcome, consistency};

impl Game {
    pub(in crate::game) fn apply_effects(
        &mut self,
        effects: &[Effect],
        did: &dyn Display,
        log: &mut Log,
    ) {
        for effect in effects {
            match effect {
                Effect::Money(m) => self.change_money(*m, did, log),
                Effect::Integrity(d) => self.change_integrity(*d, did, log),
                Effect::Points {
                    dimension,
                    points,
                    inference,
                } => self.add_points(self.dim(dimension), *points, did, inference, None, log),
                Effect::Income(d) => {
                    self.state.income = consistency::add_money(self.state.income, *d);
                }
                Effect::Rent(d) => {
                    self.state.rent = consistency::add_money(self.state.rent, *d);
                }
                Effect::SetFlag(f) => {
                    if self.state.flags.insert(f.clone()) {
                        log.push(|| Outcome::FlagSet { flag: f.clone() });
                    }
                }
                Effect::ClearFlag(f) => {
                    self.state.flags.remove(f);
                }
                Effect::EnableRule(r) => {
                    if self.set_rule(r, true) {
                        log.push(|| Outcome::RuleEnabled { rule: r.clone() });
                    }
                }
                Effect::DisableRule(r) => {
                    if self.set_rule(r, false) {
                        log.push(|| Outcome::RuleDisabled { rule: r.clone() });
                    }
                }
                Effect::Befriend(n) => {
                    if self.set_friend(n, true) {
                        log.push(|| Outcome::Befriended { npc: n.clone() });
                    }
                }
                Effect::Unfriend(n) => {
                    if self.set_friend(n, false) {
                        log.push(|| Outcome::Unfriended { npc: n.clone() });
                    }
                }
                Effect::NpcScore { npc, delta } => {
                    if let Some(i) = self.level.npcs.iter().position(|n| &n.id == npc) {
                        self.nudge_npc(i, *delta);
                    }
                }
                Effect::Visibility(v) => self.state.visibility = *v,
                Effect::OpenTopic(t) | Effect::CloseTopic(t) => {
                    let open = matches!(effect, Effect::OpenTopic(_));
                    if self.set_topic_open(t, open) {
                        log.push(|| Outcome::TopicOpened {
                            topic: t.clone(),
                            open,
                        });
                    }
                }
                Effect::OpenItem(i) | Effect::CloseItem(i) => {
                    let open = matches!(effect, Effect::OpenItem(_));
                    if self.set_item_open(i, open) {
                        log.push(|| Outcome::ItemOpened {
                            item: i.clone(),
                            open,
                        });
                    }
                }
                Effect::Publish { npc, post } => self.publish(npc, post, log),
                Effect::Weight { dimension, weight } => {
                    if let Some(at) = self.dim(dimension).at {
                        self.reweigh(at, *weight, did, log);
                    }
                }
            }
        }
    }
}
