//! Drafting, posting and self-censorship; reacting to the feed.

mod reactions;

use std::fmt::Display;
use std::sync::Arc;

use super::action::Target;
use super::gates::Obstacle;
use super::journal::DecisionKind;
use super::level::ActionKind;
use super::play::resolve;
use super::predict::Act;
use super::state::Deed;
use super::{Action, Game, Log, Outcome, Refusal};

impl Game {
    pub(super) fn draft(&mut self, topic: Target<'_>, log: &mut Log) -> Result<(), Refusal> {
        let level = self.level.clone();
        let at = resolve(&level.topics, topic, "topic", |t| &t.id)?;
        if let Some(obstacle) = self.drafting(at) {
            return Err(obstacle.into());
        }
        self.set_draft(Some(at));
        log.push(|| Outcome::Drafted {
            topic: level.topics[at].id.to_string(),
        });
        Ok(())
    }

    /// What keeps the player from drafting on the topic at this position in the level: a
    /// draft open already, a sanction forbidding posts, the topic closed or spent, its tags
    /// closed.
    pub(super) fn drafting(&self, at: usize) -> Option<Obstacle<'_>> {
        let level = &self.level;
        if let Some(open) = &self.state.draft {
            let name = level.topic(open).map_or(&**open, |t| &t.name);
            return Some(Obstacle::DraftOpen(name));
        }
        (self.forbidden(ActionKind::Post))
            .or_else(|| self.topic_stock(&level.topics[at]))
            .or_else(|| self.index.topic_gates[at].obstacle(level, &self.held))
    }

    pub(super) fn post(&mut self, log: &mut Log) -> Result<(), Refusal> {
        self.close_draft(true, false, log)
    }

    pub(super) fn cancel_draft(&mut self, defaulted: bool, log: &mut Log) -> Result<(), Refusal> {
        self.close_draft(false, defaulted, log)
    }

    fn close_draft(&mut self, post: bool, defaulted: bool, log: &mut Log) -> Result<(), Refusal> {
        let level = self.level.clone();
        let draft = self.state.draft.as_deref().ok_or(Refusal::NoDraft)?;
        // An open draft on a topic the level no longer has (an old save) is no draft of it.
        let at = self.held.draft.ok_or_else(|| Refusal::Unknown {
            kind: "topic",
            id: draft.to_string(),
        })?;
        let topic = &level.topics[at];
        let id = &topic.id;
        let options = || {
            vec![
                (
                    "post".into(),
                    format!("Post on {}", topic.name),
                    Some(Action::Post),
                ),
                (
                    "cancel".into(),
                    format!("Delete the draft on {}", topic.name),
                    Some(Action::CancelDraft),
                ),
            ]
        };
        self.record(
            DecisionKind::Post,
            id,
            options,
            usize::from(!post),
            defaulted,
        );
        if post {
            let did = format_args!("Posted on {}", topic.name);
            self.note_posted(at);
            self.act(Act::Post(at, true), &did, log);
            log.push(|| Outcome::Posted { topic: id.clone() });
        } else {
            super::consistency::bump(&mut self.state.drafts_cancelled);
            let what = format_args!("Deleted a draft on {}", topic.name);
            self.act(Act::Post(at, false), &what, log);
            log.push(|| Outcome::DraftCancelled { topic: id.clone() });
        }
        self.set_draft(None);
        Ok(())
    }

    /// Fires the rules an action triggers and lets the persona's values judge it.
    pub(super) fn act(&mut self, act: Act, did: &dyn Display, log: &mut Log) {
        let Some(a) = self.anatomy_of(act) else {
            return;
        };
        // Held apart from the reading, whose borrow of the game ends before the rules fire.
        let rules = Arc::clone(&a.reading.rules);
        let verdict = self.felt(act, &a.reading);
        let worn = verdict < a.reading.verdict;
        let deed = self.remembers_deeds().then(|| {
            let (affirms, betrays) = a.deed();
            Deed {
                affirms,
                betrays,
                what: self.words(|| did.to_string()),
            }
        });
        let gained = a.reading.gain > 0;
        self.fire_rules(&rules, did, log);
        if worn {
            let again = format_args!("{did} (again: it means less each time)");
            self.apply_verdict(verdict, deed, &again, log);
        } else {
            self.apply_verdict(verdict, deed, did, log);
        }
        if gained {
            self.note_gain(act);
        }
        self.tally(act);
    }
}
