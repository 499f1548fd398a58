//! Whether [`Game::play`] would refuse an action, and why, asked without playing it: the
//! question every front end asks before it offers a choice (a locked shop row, a greyed
//! answer). It asks what `play` asks, in the same order, of the state as it is.

use super::level::{Event, Sanction, SanctionEffect};
use super::state::{Author, ConsentState, Reaction};
use super::{Action, Game, Refusal};

impl Game {
    /// The refusal [`Game::play`] would give for this action now, or `None` when it would
    /// accept it. Nothing is cloned or played. While the consent screen is unanswered, the
    /// first other action answers it with the box as it stands, which may move the score
    /// before the action is weighed: this answers of the state as it is (the TUI asks for
    /// consent before play begins, so it never asks in that state).
    pub fn refusal(&self, action: &Action) -> Option<Refusal> {
        self.would_refuse(action).err()
    }

    fn would_refuse(&self, action: &Action) -> Result<(), Refusal> {
        if self.is_over() {
            return Err(Refusal::LevelOver);
        }
        if let Action::Consent { .. } = action {
            return match self.state.consent {
                ConsentState::Pending => Ok(()),
                _ => Err(Refusal::ConsentDone),
            };
        }
        if let Some(kind) = action.kind() {
            self.check_allowed(kind)?;
        }
        if action.costs_action() && self.state.actions_left == 0 {
            return Err(Refusal::NoActionsLeft);
        }
        let level = &self.level;
        let unknown = |kind: &'static str, id: &str| Refusal::Unknown {
            kind,
            id: id.to_string(),
        };
        match action {
            Action::Consent { .. } | Action::EndDay => Ok(()),
            Action::Buy { item } => {
                let item = level.item(item).ok_or_else(|| unknown("item", item))?;
                self.can_buy(item).map(|_| ())
            }
            Action::Draft { topic } => {
                let topic = level.topic(topic).ok_or_else(|| unknown("topic", topic))?;
                if let Some(open) = &self.state.draft {
                    let name = level
                        .topic(open)
                        .map_or(open.to_string(), |t| t.name.clone());
                    return Err(Refusal::DraftOpen(name));
                }
                self.check_allowed(super::level::ActionKind::Post)?;
                self.check_topic(topic)?;
                self.check_tags(&topic.tags)
            }
            Action::Post | Action::CancelDraft => match self.state.draft {
                Some(_) => Ok(()),
                None => Err(Refusal::NoDraft),
            },
            Action::Like { post } => self.react_refusal(*post, Reaction::Liked),
            Action::Share { post } => self.react_refusal(*post, Reaction::Shared),
            Action::Report { post } => self.react_refusal(*post, Reaction::Reported),
            Action::Befriend { npc } => {
                let n = level.npc(npc).ok_or_else(|| unknown("person", npc))?;
                if self.state.friends.contains(npc) {
                    return Err(Refusal::AlreadyFriends(n.name.clone()));
                }
                match self.refuses_friendship(npc) {
                    Some(reason) => Err(Refusal::Declined {
                        name: n.name.clone(),
                        reason,
                    }),
                    None => Ok(()),
                }
            }
            Action::Unfriend { npc } => {
                let n = level.npc(npc).ok_or_else(|| unknown("person", npc))?;
                match self.state.friends.contains(npc) {
                    true => Ok(()),
                    false => Err(Refusal::NotFriends(n.name.clone())),
                }
            }
            Action::Denounce { npc } => {
                let n = level.npc(npc).ok_or_else(|| unknown("person", npc))?;
                match self.state.denounced.get(npc).copied() {
                    Some(day) if !self.reportable(npc) => Err(self.already_reported(&n.name, day)),
                    _ => Ok(()),
                }
            }
            Action::Answer { event, choice } => {
                let e = level.event(event).ok_or_else(|| unknown("event", event))?;
                if !self.pending_events().any(|p| p.id == *event) {
                    return Err(Refusal::NotPending(e.title.clone()));
                }
                let c = (e.choices.iter().find(|c| c.id == *choice))
                    .ok_or_else(|| unknown("choice", choice))?;
                self.check_tags(&c.tags)
            }
            Action::Appeal { row } => {
                if level.appeals.is_none() {
                    return Err(Refusal::NoAppeals);
                }
                if !self.rules_visible() {
                    return Err(Refusal::LedgerHidden);
                }
                match self.state.ledger.get(*row) {
                    Some(r) if r.applied && !r.appealed && r.rule.is_some() => Ok(()),
                    _ => Err(Refusal::NotAppealable(*row)),
                }
            }
            Action::Vote { proposal } => {
                if !matches!(level.rule_setter, super::level::RuleSetter::Vote { .. }) {
                    return Err(Refusal::NoVote);
                }
                let p = (level.proposal(proposal)).ok_or_else(|| unknown("proposal", proposal))?;
                if self.next_count().is_none() {
                    return Err(Refusal::NoCountLeft);
                }
                match self.state.vote.as_deref() == Some(proposal.as_str()) {
                    true => Err(Refusal::AlreadyVoted(p.name.clone())),
                    false => Ok(()),
                }
            }
        }
    }

    /// Why reacting to this post would be refused; `react` asks it before reacting.
    pub(super) fn react_refusal(&self, post: usize, how: Reaction) -> Result<(), Refusal> {
        // A post's id is its place in the feed; the visible feed is its newest posts.
        let feed = self.state.feed.len();
        let visible = (feed - self.visible_feed().len()..feed).contains(&post);
        debug_assert_eq!(visible, self.visible_feed().iter().any(|p| p.id == post));
        let p = match self.state.feed.get(post) {
            Some(p) if visible => p,
            _ => return Err(Refusal::NoSuchPost(post)),
        };
        if p.reactions.contains(&how) {
            return Err(Refusal::AlreadyReacted);
        }
        if how == Reaction::Reported && matches!(p.author, Author::News(_)) {
            return Err(Refusal::NoAuthor);
        }
        Ok(())
    }

    /// The sanction in force that keeps this event from the player, if one does: the one
    /// that held it back when it was due.
    pub fn withheld_by(&self, event: &Event) -> Option<&Sanction> {
        self.active_sanctions().find(|s| {
            (s.effects.iter())
                .any(|e| matches!(e, SanctionEffect::Block(t) if event.tags.contains(t)))
        })
    }
}
