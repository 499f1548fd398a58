//! Buying things, and what perks and sanctions do to prices.

use super::action::Target;
use super::journal::{DecisionKind, OptionRecord};
use super::level::{Item, Level, PerkEffect, SanctionEffect};
use super::predict::Act;
use super::{Action, Game, Log, Outcome, Refusal, resolve};

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
        self.check_item(item)?;
        self.check_tags(&item.tags)?;
        let price = self.price(item);
        if price > self.state.money {
            return Err(Refusal::NotEnoughMoney {
                what: item.name.clone(),
                price,
                have: self.state.money,
            });
        }
        Ok(price)
    }

    /// The price, if the player could buy the item now ([`Game::can_buy`] without the why).
    pub fn buyable_at(&self, item: &Item) -> Option<i64> {
        let price = self.price(item);
        let open = self.tags_open(&item.tags) && self.check_item(item).is_ok();
        (open && price <= self.state.money).then_some(price)
    }

    pub(super) fn buy(&mut self, item: Target<'_>, log: &mut Log) -> Result<(), Refusal> {
        let level = self.level.clone();
        let at = resolve(&level.items, item, "item", |i| &i.id)?;
        let item = &level.items[at];
        let id = &item.id;
        let price = match self.purchasable(at) {
            Some(price) => price,
            None => self.can_buy(item)?,
        };
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
            .filter(|(_, i)| i.id == id || self.buyable_at(i).is_some())
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
