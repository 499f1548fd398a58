//! What arrives and is opened: feed posts, inbox entries, the open draft, events arrived.

use crate::game::Game;
use crate::game::reading::Origin;
use crate::game::state::{Answer, FeedPost, InboxEntry};

impl Game {
    /// Adds a post to the feed; returns its id.
    pub(in crate::game) fn add_to_feed(&mut self, mut post: FeedPost, origin: Origin) -> usize {
        let id = self.state.feed.len();
        post.id = id;
        self.state.feed.push(post);
        self.held.feed.push(Some(origin));
        id
    }

    /// Puts the event at this position in the inbox, answered already if `answer` says so.
    pub(in crate::game) fn add_to_inbox(&mut self, event: usize, answer: Option<Answer>) {
        self.state.inbox.push(InboxEntry {
            event: self.index.event_ids[event].clone(),
            day: self.state.day,
            answer,
        });
        self.held.inbox.push(Some(event));
    }

    /// Opens a draft on the topic at this position, or (`None`) closes the open one.
    pub(in crate::game) fn set_draft(&mut self, topic: Option<usize>) {
        self.state.draft = topic.map(|at| self.index.topic_ids[at].clone());
        self.held.draft = topic;
    }

    /// Notes that the event at this position has arrived.
    pub(in crate::game) fn mark_arrived(&mut self, event: usize) {
        self.state.arrived.insert(&self.index.event_ids[event]);
        self.held.arrived[event] = true;
    }
}
