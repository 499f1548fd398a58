//! Hidden items and topics that no effect ever opens.

use super::Checker;
use crate::game::level::Effect;

impl Checker<'_> {
    /// Hidden items and topics that no effect ever opens (C027).
    pub(super) fn offers(&mut self) {
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
}
