use serde::{Deserialize, Serialize};

/// What a rule listens for. Tags match the tags of the item, topic, post, person or choice;
/// the tag `"*"` matches anything.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum Trigger {
    Buy(String),
    Post(String),
    /// A draft on a topic with this tag was cancelled.
    Censor(String),
    Like(String),
    Share(String),
    /// Reporting a post or a person with this tag.
    Report(String),
    Befriend(String),
    Unfriend(String),
    Choice(String),
    /// A friend of the player posted something with this tag.
    FriendPost(String),
    RentPaid,
    RentMissed,
    DataShared,
    DataWithheld,
}

/// What an event choice or bulletin does.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum Effect {
    Money(i64),
    /// Change the self meter.
    Integrity(i32),
    /// Move a dimension, with the ledger's wording of why.
    Points {
        dimension: String,
        points: i32,
        inference: String,
    },
    Income(i64),
    Rent(i64),
    SetFlag(String),
    ClearFlag(String),
    EnableRule(String),
    DisableRule(String),
    Befriend(String),
    Unfriend(String),
    /// Move a person's own score.
    NpcScore {
        npc: String,
        delta: i32,
    },
    /// Change who can see the rules from now on.
    Visibility(super::Visibility),
    /// Put a topic up for drafting (a `hidden` one too), or take it down.
    OpenTopic(String),
    CloseTopic(String),
    /// Put an item on sale (a `hidden` one too), or take it off.
    OpenItem(String),
    CloseItem(String),
    /// One of a person's posts appears in the feed now, like any post of theirs.
    Publish {
        npc: String,
        post: String,
    },
    /// Set a dimension's weight in the player's score from now on.
    Weight {
        dimension: String,
        weight: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum PerkEffect {
    /// Percent off every shop price.
    Discount(u32),
    /// Added to income each day.
    Income(i64),
    /// Items and choices with this tag need this perk.
    Unlock(String),
}

impl PerkEffect {
    pub fn percent(&self) -> Option<u32> {
        match self {
            PerkEffect::Discount(p) => Some(*p),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum SanctionEffect {
    /// Items, choices and events with this tag are out of reach.
    Block(String),
    /// This kind of action is refused.
    Forbid(ActionKind),
    /// Money taken each day.
    Fine(i64),
    /// The feed shows at most this many posts, and loads slowly in the UI.
    Throttle(u32),
    /// Percent added to every shop price.
    Surcharge(u32),
}

impl SanctionEffect {
    pub fn percent(&self) -> Option<u32> {
        match self {
            SanctionEffect::Surcharge(p) => Some(*p),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum ActionKind {
    Buy,
    Post,
    Like,
    Share,
    Report,
    Befriend,
    Unfriend,
    Appeal,
    Vote,
}

impl Trigger {
    /// The tag a tagged trigger listens for.
    pub fn tag(&self) -> Option<&str> {
        match self {
            Trigger::Buy(t)
            | Trigger::Post(t)
            | Trigger::Censor(t)
            | Trigger::Like(t)
            | Trigger::Share(t)
            | Trigger::Report(t)
            | Trigger::Befriend(t)
            | Trigger::Unfriend(t)
            | Trigger::Choice(t)
            | Trigger::FriendPost(t) => Some(t),
            _ => None,
        }
    }

    /// Whether this rule trigger answers to `event` (built with any tag) on a thing with `tags`.
    pub fn matches(&self, event: &Trigger, tags: &[String]) -> bool {
        if std::mem::discriminant(self) != std::mem::discriminant(event) {
            return false;
        }
        match self.tag() {
            None => true,
            Some("*") => true,
            Some(t) => tags.iter().any(|x| x == t),
        }
    }
}
