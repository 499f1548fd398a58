//! The self meter and money: how they change, and the verdict of the persona's values on a
//! deed.

use std::collections::BTreeMap;
use std::fmt::Display;

use crate::game::level::RuleSetter;
use crate::game::state::Deed;
use crate::game::{Game, Log, Outcome, consistency};

impl Game {
    pub(in crate::game) fn change_integrity(
        &mut self,
        delta: i32,
        reason: &dyn Display,
        log: &mut Log,
    ) {
        let old = self.state.integrity;
        self.state.integrity = (old + delta).clamp(0, 100);
        let actual = self.state.integrity - old;
        if actual != 0 {
            log.push(|| Outcome::IntegrityChanged {
                delta: actual,
                reason: reason.to_string(),
            });
        }
    }

    pub(in crate::game) fn change_money(
        &mut self,
        delta: i64,
        reason: &dyn Display,
        log: &mut Log,
    ) {
        let old = self.state.money;
        self.state.money = consistency::add_money(old, delta);
        // What actually moved: money saturates, so every state a game reaches saves.
        let delta = self.state.money - old;
        if delta == 0 {
            return;
        }
        log.push(|| Outcome::MoneyChanged {
            delta,
            reason: reason.to_string(),
        });
    }

    /// The persona's verdict on acting for some tags and against others.
    pub fn conscience(&self, affirms: &[String], betrays: &[String]) -> i32 {
        verdict(&self.persona().values, affirms, betrays)
    }

    /// Applies the persona's verdict to the self meter and remembers the deed for peer raters.
    pub(in crate::game) fn judge(
        &mut self,
        affirms: &[String],
        betrays: &[String],
        what: &dyn Display,
        log: &mut Log,
    ) {
        let verdict = self.conscience(affirms, betrays);
        let deed = self.remembers_deeds().then(|| Deed {
            affirms: affirms.to_vec(),
            betrays: betrays.to_vec(),
            what: self.words(|| what.to_string()),
        });
        self.apply_verdict(verdict, deed, what, log);
    }

    /// [`Game::judge`] with the verdict already reached and the deed, if kept, already written.
    pub(in crate::game) fn apply_verdict(
        &mut self,
        verdict: i32,
        deed: Option<Deed>,
        what: &dyn Display,
        log: &mut Log,
    ) {
        self.change_integrity(verdict, what, log);
        self.state.today.extend(deed);
    }

    /// Only peers judge the day's deeds; no other system needs them kept.
    pub(in crate::game) fn remembers_deeds(&self) -> bool {
        matches!(self.level.rule_setter, RuleSetter::Peers { .. })
    }
}

/// What values make of acting for some tags and against others.
pub fn verdict(values: &BTreeMap<String, i32>, affirms: &[String], betrays: &[String]) -> i32 {
    let weigh = |tags: &[String]| -> i32 { tags.iter().filter_map(|t| values.get(t)).sum() };
    weigh(affirms) - weigh(betrays)
}
