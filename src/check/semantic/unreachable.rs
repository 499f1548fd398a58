//! Content nothing can reach (warnings): items too dear for any persona, events whose
//! condition cannot hold, proposals nobody votes on, appeals in a black box.

use super::Checker;
use crate::check::reach;
use crate::game::level::{RuleSetter, Visibility};

impl Checker<'_> {
    /// Content nothing can reach: items too dear for anyone, events whose condition
    /// cannot hold, proposals nobody votes on, appeals nobody can make.
    pub(super) fn unreachable(&mut self) {
        let l = self.level;
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
}
