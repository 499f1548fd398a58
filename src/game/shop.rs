//! Buying things, and what perks and sanctions do to prices.

use super::action::Target;
use super::gates::Obstacle;
use super::journal::{DecisionKind, OptionRecord};
use super::level::{Item, Level, PerkEffect, SanctionEffect};
use super::play::resolve;
use super::predict::Act;
use super::{Action, Game, Log, Outcome, Refusal};

/// What prices come to, in percent, with the perks and sanctions held (by position).
pub(super) fn price_percent(level: &Level, perks: &[bool], sanctions: &[bool]) -> i64 {
    let discount = (level.perks.iter().zip(perks))
        .filter(|(_, h)| **h)
        .flat_map(|(p, _)| &p.effects)
        .filter_map(|e| match e {
            PerkEffect::Discount(d) => Some(*d),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let surcharge: u32 = (level.sanctions.iter().zip(sanctions))
        .filter(|(_, h)| **h)
        .flat_map(|(s, _)| &s.effects)
        .filter_map(|e| match e {
            SanctionEffect::Surcharge(s) => Some(*s),
            _ => None,
        })
        .sum();
    (100 + i64::from(surcharge) - i64::from(discount.min(100))).max(0)
}

impl Game {
    /// The price the player pays today, after discounts and surcharges.
    pub fn price(&self, item: &Item) -> i64 {
        item.price * self.held.standing.price_percent / 100
    }

    /// Whether the player could buy this item now, and if not, why.
    pub fn can_buy(&self, item: &Item) -> Result<i64, Refusal> {
        match self.level.items.iter().position(|i| i.id == item.id) {
            Some(at) => Ok(self.purchase(at)?),
            None => Err(Refusal::Unknown {
                kind: "item",
                id: item.id.clone(),
            }),
        }
    }

    /// The price of the item at this position in the level, or what keeps the player from
    /// buying it now: it is off sale or sold, its tags are closed, or the money is short.
    pub(super) fn purchase(&self, at: usize) -> Result<i64, Obstacle<'_>> {
        let item = &self.level.items[at];
        if let Some(obstacle) = self.item_stock(item) {
            return Err(obstacle);
        }
        if let Some(obstacle) = self.index.item_gates[at].obstacle(&self.level, &self.held) {
            return Err(obstacle);
        }
        let (price, have) = (self.price(item), self.state.money);
        if price > have {
            return Err(Obstacle::NotEnoughMoney { item, price, have });
        }
        Ok(price)
    }

    pub(super) fn buy(&mut self, item: Target<'_>, log: &mut Log) -> Result<(), Refusal> {
        let level = self.level.clone();
        let at = resolve(&level.items, item, "item", |i| &i.id)?;
        let item = &level.items[at];
        let id = &item.id;
        let price = self.purchase(at)?;
        if self.journals() {
            let action = Action::Buy {
                item: id.to_string(),
            };
            self.record_purchase(&level, id, action);
        }
        self.change_money(-price, &format_args!("bought {}", item.name), log);
        log.push(|| Outcome::Bought {
            item: id.to_string(),
            price,
        });
        self.note_bought(at);
        self.act(Act::Buy(at), &format_args!("Bought {}", item.name), log);
        Ok(())
    }

    /// Writes the purchase into the journal with every item the player could have bought
    /// instead, weighed as a prediction would.
    fn record_purchase(&mut self, level: &Level, id: &str, action: Action) {
        let weigher = self.weigher();
        let mut moves = Vec::new();
        let options: Vec<OptionRecord> = (level.items.iter().enumerate())
            .filter(|&(at, i)| i.id == id || self.purchase(at).is_ok())
            .map(|(at, i)| {
                let shift = weigher.shift_of_item(at, &mut moves);
                OptionRecord {
                    id: i.id.clone(),
                    label: i.name.clone(),
                    score: shift.score,
                    integrity: shift.integrity,
                }
            })
            .collect();
        let chosen = options.iter().position(|o| o.id == id).unwrap_or(0);
        let category = level.item(id).map_or("", |i| &i.category);
        self.write_decision(
            DecisionKind::Buy,
            category,
            options,
            chosen,
            false,
            Some(action),
        );
    }
}
