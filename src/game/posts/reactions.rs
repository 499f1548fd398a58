//! Reacting to the feed: liking, sharing and reporting a post the player can see.

use crate::game::posts::DecisionKind;
use crate::game::predict::Act;
use crate::game::reading::Origin;
use crate::game::state::{Author, Reaction};
use crate::game::{Action, Game, Log, Outcome, Refusal, consistency};

impl Game {
    pub(in crate::game) fn react(
        &mut self,
        post: usize,
        how: Reaction,
        log: &mut Log,
    ) -> Result<(), Refusal> {
        self.react_refusal(post, how)?;
        let p = &self.state.feed[post];
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
        let report = self.last_decision();
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
                consistency::bump(&mut self.state.reports_filed);
                log.push(|| Outcome::Reported { post });
                match (author_at, &author_id) {
                    (Some(npc), _) => self.accuse(npc, report),
                    // Someone the level lacks is accused but not penalised.
                    (None, Some(id)) => self.file_accusation(id, None),
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
