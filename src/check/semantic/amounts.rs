//! Amounts in the content: discounts, news days, rule limits, prices, the reporting penalty and
//! recomputation periods set by events.

use super::Checker;
use crate::game::level::{Effect, PerkEffect, Visibility};

impl Checker<'_> {
    /// Percentages, days, prices and penalties of the content are in range.
    pub(super) fn amounts(&mut self) {
        let l = self.level;
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
    }
}
