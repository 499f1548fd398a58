//! What is on offer: items on sale and topics open for posts (`hidden` ones start closed;
//! effects open and close them), and what can be had only once (`once` on an item, a topic
//! or a rule). The state keeps it by name; a level without any of it asks only whether the
//! state's sets are empty.

use super::gates::Obstacle;
use super::level::{Item, Topic};
use super::{Game, Refusal};

impl Game {
    /// The item is on sale (not hidden or closed); one sold once may still be listed.
    pub fn item_listed(&self, item: &Item) -> bool {
        !self.state.closed_items.contains(&item.id)
    }

    /// The topic is open for posts (not hidden or closed).
    pub fn topic_listed(&self, topic: &Topic) -> bool {
        !self.state.closed_topics.contains(&topic.id)
    }

    /// The rule at this position may fire once and has.
    pub(super) fn rule_spent(&self, rule: usize) -> bool {
        self.held.spent[rule]
    }

    /// Refuses an item that is off sale, or sold once and already bought.
    pub fn check_item(&self, item: &Item) -> Result<(), Refusal> {
        self.item_stock(item).map_or(Ok(()), |o| Err(o.into()))
    }

    /// Refuses a topic that is closed, or posted once already when it may be posted once.
    pub fn check_topic(&self, topic: &Topic) -> Result<(), Refusal> {
        self.topic_stock(topic).map_or(Ok(()), |o| Err(o.into()))
    }

    /// What keeps the item from the player: it is off sale, or sold once and bought.
    pub(super) fn item_stock<'a>(&self, item: &'a Item) -> Option<Obstacle<'a>> {
        let s = &self.state;
        if s.closed_items.is_empty() && s.bought_once.is_empty() {
            None
        } else if !self.item_listed(item) {
            Some(Obstacle::NotOnSale(item))
        } else if s.bought_once.contains(&item.id) {
            Some(Obstacle::SoldOnce(item))
        } else {
            None
        }
    }

    /// What keeps the topic from the player: it is closed, or posted on once already when it
    /// may be posted on once.
    pub(super) fn topic_stock<'a>(&self, topic: &'a Topic) -> Option<Obstacle<'a>> {
        let s = &self.state;
        if s.closed_topics.is_empty() && s.posted_once.is_empty() {
            None
        } else if !self.topic_listed(topic) {
            Some(Obstacle::TopicClosed(topic))
        } else if s.posted_once.contains(&topic.id) {
            Some(Obstacle::PostedOnce(topic))
        } else {
            None
        }
    }

    /// Notes that the item at this position was bought: a once-only item is then spent.
    pub(super) fn note_bought(&mut self, at: usize) {
        let item = &self.level.items[at];
        if item.once {
            self.state.bought_once.insert(item.id.clone());
        }
    }

    /// Notes that the topic at this position was posted on.
    pub(super) fn note_posted(&mut self, at: usize) {
        let topic = &self.level.topics[at];
        if topic.once {
            self.state.posted_once.insert(topic.id.clone());
        }
    }

    /// Notes that the rule at this position fired: a once-only rule is then spent.
    pub(super) fn note_fired(&mut self, rule: usize) {
        let r = &self.level.rules[rule];
        if r.once {
            self.state.fired_once.insert(r.id.clone());
            self.held.spent[rule] = true;
        }
    }

    /// Puts an item on sale or takes it off, by id; whether anything changed.
    pub(super) fn set_item_open(&mut self, id: &str, open: bool) -> bool {
        let closed = &mut self.state.closed_items;
        if open {
            closed.remove(id)
        } else {
            closed.insert(id.to_string())
        }
    }

    /// Opens a topic for posts or closes it, by id; whether anything changed.
    pub(super) fn set_topic_open(&mut self, id: &str, open: bool) -> bool {
        let closed = &mut self.state.closed_topics;
        if open {
            closed.remove(id)
        } else {
            closed.insert(id.to_string())
        }
    }
}
