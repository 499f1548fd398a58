//! The level's own settings: days, actions, the score's range and dimensions, recomputation,
//! votes and appeals in range, and the lists every level needs not empty.

use super::Checker;
use crate::game::level::{RuleSetter, Visibility};

impl Checker<'_> {
    /// The level's settings are in range, and its lists that must have something do.
    pub(super) fn settings(&mut self) {
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
        if let RuleSetter::Vote { every: 0, .. } = l.rule_setter {
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
    }
}
