//! Drafting, posting and self-censorship; reacting to the feed.

use std::fmt::Display;
use std::sync::Arc;

use super::action::Target;
use super::gates::Obstacle;
use super::journal::DecisionKind;
use super::level::ActionKind;
use super::play::resolve;
use super::predict::Act;
use super::reading::Origin;
use super::state::{Author, Deed, Reaction};
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

    pub(super) fn react(
        &mut self,
        post: usize,
        how: Reaction,
        log: &mut Log,
    ) -> Result<(), Refusal> {
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
        let actions = [
            ("like", Action::Like { post }),
            ("share", Action::Share { post }),
            ("report", Action::Report { post }),
        ];
        let chosen = match how {
            Reaction::Liked => 0,
            Reaction::Shared => 1,
            Reaction::Reported => 2,
        };
        let author_name = self.words(|| match &p.author {
            Author::Npc(id) => self
                .level
                .npc(id)
                .map_or(id.to_string(), |n| n.name.clone()),
            Author::News(source) => source.to_string(),
        });
        let author_id = match &p.author {
            Author::Npc(id) => Some(id.clone()),
            Author::News(_) => None,
        };
        // The author's place in the level: known from where the post came from, else by name.
        let author_at = match self.held.feed[post] {
            Some(Origin::Npc { npc, .. }) => Some(npc),
            _ => (author_id.as_deref())
                .and_then(|id| self.level.npcs.iter().position(|n| *n.id == *id)),
        };
        let tags = p.tags.clone();
        let subject = tags.first().map_or("", String::as_str);
        // Named by its author and its first words, as the player saw it, never by number.
        let text = p.text.clone();
        let options = || {
            let start = excerpt(&text, 40);
            actions
                .into_iter()
                .map(|(id, a)| {
                    let verb = match id {
                        "like" => "Like",
                        "share" => "Share",
                        _ => "Report",
                    };
                    let label = format!("{verb} a post by {author_name}: “{start}”");
                    (id.to_string(), label, Some(a))
                })
                .collect()
        };
        self.record(DecisionKind::React, subject, options, chosen, false);
        let author = author_name;
        self.state.feed[post].reactions.push(how);
        let act = Act::React(post, how);
        match how {
            Reaction::Liked => {
                self.act(act, &format_args!("Liked a post by {author}"), log);
                log.push(|| Outcome::Liked { post });
            }
            Reaction::Shared => {
                self.act(act, &format_args!("Shared a post by {author}"), log);
                log.push(|| Outcome::Shared { post });
            }
            Reaction::Reported => {
                self.act(act, &format_args!("Reported a post by {author}"), log);
                super::consistency::bump(&mut self.state.reports_filed);
                log.push(|| Outcome::Reported { post });
                match (author_at, &author_id) {
                    (Some(npc), _) => self.accuse(npc),
                    // Someone the level lacks is accused but not penalised.
                    (None, Some(id)) => self.file_accusation(id),
                    (None, None) => {}
                }
            }
        }
        let trust = if how == Reaction::Reported { -3 } else { 1 };
        let record = match (author_at, &author_id) {
            (Some(npc), _) => self.npc_state(npc),
            (None, Some(id)) => self.state.npcs.get_mut(id),
            (None, None) => None,
        };
        if let Some(n) = record {
            n.trust += trust;
        }
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
            Deed { affirms, betrays }
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

/// The first words of `text`, at most `max` characters, cut at a word with "…" if longer.
fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let words = cut.rsplit_once(' ').map_or(cut.as_str(), |(w, _)| w);
    format!("{}…", words.trim_end_matches([',', '.', ';', ':']))
}
