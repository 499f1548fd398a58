//! Whether play would accept an action, asked by name: the by-position questions
//! ([`super::Positions`]) with the names looked up.

use super::{Action, Game};

impl Game {
    /// A cheap test of whether `play` would accept the action (bots and menus use it): the
    /// by-position questions ([`Positions`]) with the names looked up.
    pub fn allows(&self, action: &Action) -> bool {
        let (level, at) = (&self.level, self.positions());
        match action {
            Action::Buy { item } => (position(&level.items, item, |i| &i.id))
                .is_some_and(|i| at.purchasable(i).is_some()),
            Action::Draft { topic } => {
                (position(&level.topics, topic, |t| &t.id)).is_some_and(|t| at.draftable(t))
            }
            Action::Answer { event, choice } => (position(&level.events, event, |e| &e.id))
                .and_then(|e| Some((e, position(&level.events[e].choices, choice, |c| &c.id)?)))
                .is_some_and(|(e, c)| at.answerable(e, c)),
            Action::Denounce { npc } => self.may(action.kind()) && self.reportable(npc),
            _ => self.may(action.kind()),
        }
    }

    /// The person may be reported again: it is not too soon since the last report.
    pub fn reportable(&self, npc: &str) -> bool {
        self.may_report_again(self.state.denounced.get(npc).copied())
    }

    /// Whether someone last reported on this day (if ever) may be reported today.
    pub(super) fn may_report_again(&self, last: Option<u32>) -> bool {
        last.is_none_or(|day| self.state.day >= day + super::friends::REPORT_AGAIN_AFTER)
    }
}

/// The position of the first of `things` with this id.
fn position<T>(things: &[T], id: &str, id_of: impl Fn(&T) -> &String) -> Option<usize> {
    things.iter().position(|t| id_of(t) == id)
}
