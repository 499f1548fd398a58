//! Words for the player, shared by the headless mode and the terminal UI: what an outcome
//! says, and what a predicted effect shows where the level's visibility allows it.

use crate::game::state::Author;
use crate::game::{Action, Game, Outcome, Prediction};

/// One line for an outcome, or `None` when the player is not shown it.
pub fn outcome_line(game: &Game, o: &Outcome) -> Option<String> {
    let hidden = !game.rules_visible();
    match o {
        Outcome::FlagSet { .. } | Outcome::DayStarted { .. } => None,
        Outcome::NewsArrived { .. } | Outcome::NpcPosted { .. } => None,
        Outcome::ChangeQueued { .. } if hidden => None,
        Outcome::RuleEnabled { .. } | Outcome::RuleDisabled { .. } if hidden => None,
        Outcome::Recomputed { score, delta } if hidden => Some(format!(
            "Your score was recomputed: {score} ({delta:+}). No reasons are given."
        )),
        Outcome::Liked { post } => Some(format!("Liked {}.", post_words(game, *post))),
        Outcome::Shared { post } => Some(format!("Shared {}.", post_words(game, *post))),
        Outcome::Reported { post } => Some(format!("Reported {}.", post_words(game, *post))),
        _ => Some(o.describe(game.level())),
    }
}

/// The lines for what one step did. An act's line carries its effects ("Liked Kiki Chen's
/// post “…” — self +2, score +3 (Behaviour: Amplifies partners)"), and so does an event
/// answered by default; other effects (a night's income, rent, pull, friends' drift) are
/// grouped by their reason, one line each.
pub fn outcome_lines(game: &Game, outcomes: &[Outcome]) -> Vec<String> {
    let night = outcomes
        .iter()
        .any(|o| matches!(o, Outcome::DayEnded { .. } | Outcome::DayStarted { .. }));
    let mut entries: Vec<Entry> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    // The step's act (one action's own outcome), and its effects.
    let (mut act_line, mut act_group) = (None, None);
    // A line just written for a choice made by default: the effects that follow are its own.
    let mut defaulted: Option<usize> = None;
    for o in outcomes {
        if let Some((reason, effect)) = effect_of(game, o) {
            let same = if night {
                match entries.last() {
                    Some(Entry::Group(g)) if groups[*g].reason == reason => Some(*g),
                    _ => None,
                }
            } else {
                // "bought Nappies" (money) and "Bought Nappies" (self) are one reason.
                groups
                    .iter()
                    .position(|g| g.reason.eq_ignore_ascii_case(&reason))
            };
            if let Some(g) = same {
                groups[g].add(effect);
                continue;
            }
            // "Co-host tonight?: Co-host the stream." belongs to "Co-host tonight?: no answer
            // given, so: Co-host the stream."
            let choice = reason.rsplit(": ").next().unwrap_or_default();
            let owns = |at: &usize| match &entries[*at] {
                Entry::Line(line) => line.contains(choice.trim_end_matches('.')),
                Entry::Group(_) => false,
            };
            let owner = match defaulted.take().filter(owns) {
                Some(line) => Owner::Line(line),
                None if !night && act_group.is_none() => {
                    act_group = Some(groups.len());
                    Owner::Act
                }
                None => Owner::Alone,
            };
            entries.push(Entry::Group(groups.len()));
            groups.push(Group {
                reason,
                effects: vec![effect],
                owner,
            });
            continue;
        }
        let Some(line) = outcome_line(game, o) else {
            continue;
        };
        if let Outcome::RuleEnabled { rule } = o
            && let Some(Entry::Line(last)) = entries.last_mut()
            && last.starts_with("New rule")
        {
            let name = game
                .level()
                .rule(rule)
                .map_or(rule.as_str(), |r| &r.description);
            let list = last
                .trim_start_matches("New rules: ")
                .trim_start_matches("New rule: ");
            *last = format!("New rules: {}; {}.", listed(list), listed(name));
            continue;
        }
        let by_default = matches!(
            o,
            Outcome::Answered {
                defaulted: true,
                ..
            } | Outcome::ConsentGiven {
                defaulted: true,
                ..
            }
        );
        let answered = matches!(o, Outcome::Answered { .. });
        defaulted = (by_default && answered).then_some(entries.len());
        if !night && !by_default && act_line.is_none() {
            act_line = Some(entries.len());
        }
        entries.push(Entry::Line(line));
    }
    let effects_of = |line: usize| -> Vec<&Group> {
        (groups.iter().enumerate())
            .filter(|(g, group)| match group.owner {
                Owner::Line(l) => l == line,
                Owner::Act => act_line == Some(line) && act_group == Some(*g),
                Owner::Alone => false,
            })
            .map(|(_, group)| group)
            .collect()
    };
    let mut lines = Vec::new();
    for (at, entry) in entries.iter().enumerate() {
        match entry {
            Entry::Line(line) => {
                let effects: Vec<String> = effects_of(at).iter().map(|g| g.listed()).collect();
                lines.push(if effects.is_empty() {
                    line.clone()
                } else {
                    format!("{} — {}", line.trim_end_matches('.'), effects.join(", "))
                });
            }
            Entry::Group(g) => {
                let group = &groups[*g];
                let owned = match group.owner {
                    Owner::Line(_) => true,
                    Owner::Act => act_line.is_some(),
                    Owner::Alone => false,
                };
                if !owned {
                    lines.push(group.alone());
                }
            }
        }
    }
    lines
}

/// What a step shows, in order: lines, and groups of effects by reason.
enum Entry {
    Line(String),
    Group(usize),
}

/// Effects with one reason, and the line they are written on.
struct Group {
    reason: String,
    effects: Vec<Fx>,
    owner: Owner,
}

enum Owner {
    /// The line at this place among the entries.
    Line(usize),
    /// The step's act, if it wrote a line.
    Act,
    /// A line of its own: "Paid the rent: score +3 (Contracts: Pays on time)".
    Alone,
}

impl Group {
    /// Adds an effect; two of one kind with one note are one ("self +3, self +3" is "self +6").
    fn add(&mut self, fx: Fx) {
        let same = |e: &&mut Fx| e.what == fx.what && e.note == fx.note;
        match self.effects.iter_mut().find(same) {
            Some(e) => e.delta = e.delta.saturating_add(fx.delta),
            None => self.effects.push(fx),
        }
    }

    fn listed(&self) -> String {
        let shown: Vec<String> = self.effects.iter().map(Fx::to_string).collect();
        shown.join(", ")
    }

    fn alone(&self) -> String {
        let reason = self.reason.trim_end_matches('.');
        let mut chars = reason.chars();
        let reason: String = chars
            .next()
            .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect());
        format!("{reason}: {}", self.listed())
    }
}

/// A rule's description as one entry of a list: "Reporting panic, once a day".
fn listed(description: &str) -> String {
    description.trim_end_matches('.').replace(". ", ", ")
}

/// One change to the score, the self or money, as shown: `score +3 (Behaviour: why)`.
#[derive(PartialEq)]
struct Fx {
    what: &'static str,
    delta: i64,
    note: String,
}

impl std::fmt::Display for Fx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {:+}{}", self.what, self.delta, self.note)
    }
}

/// An outcome that changes the score, the self or money, with its reason.
fn effect_of(game: &Game, o: &Outcome) -> Option<(String, Fx)> {
    let fx = |what, delta, note: String| Fx { what, delta, note };
    Some(match o {
        Outcome::IntegrityChanged { delta, reason } => {
            (reason.clone(), fx("self", i64::from(*delta), String::new()))
        }
        Outcome::MoneyChanged { delta, reason } => {
            (reason.clone(), fx("money", *delta, String::new()))
        }
        Outcome::ScoreChanged {
            delta,
            dimension,
            reason,
        } => {
            let name = game
                .level()
                .dimension(dimension)
                .map_or(dimension.as_str(), |d| d.name.as_str());
            // The core writes "did (inference)": the did is the reason the other effects share.
            let (did, why) = match reason.rsplit_once(" (") {
                Some((did, why)) if why.ends_with(')') => (did, why.trim_end_matches(')')),
                _ => (reason.as_str(), ""),
            };
            let note = if why.is_empty() {
                format!(" ({name})")
            } else {
                format!(" ({name}: {why})")
            };
            (did.to_string(), fx("score", i64::from(*delta), note))
        }
        _ => return None,
    })
}

/// A feed post as a player knows it: whose it is and how it starts ("Kiki Chen's post
/// “Cleaned out my friends list…”"), never its number.
pub fn post_words(game: &Game, post: usize) -> String {
    let Some(p) = game.state().feed.get(post) else {
        return "a post".into();
    };
    let level = game.level();
    let author = match &p.author {
        Author::Npc(id) => level.npc(id).map_or(id.to_string(), |n| n.name.clone()),
        Author::News(source) => source.to_string(),
    };
    // About five words, cut at a space, enough to know the post again.
    let mut start: String = p.text.chars().take(30).collect();
    if start.len() < p.text.len() {
        if let Some(at) = start.rfind(' ').filter(|&at| at > 12) {
            start.truncate(at);
        }
        start = format!("{}…", start.trim_end_matches([' ', ',', '.', ':', ';']));
    }
    format!("{author}'s post “{start}”")
}

/// A predicted effect in words, e.g. `score +12 (Behaviour +8), self -3`; `None` where the
/// level hides it. Before the score is switched on only the self is shown.
pub fn effect_text(game: &Game, p: &Prediction) -> Option<String> {
    if !game.rules_visible() {
        return money_text(p);
    }
    let mut parts = Vec::new();
    if game.scored() {
        let dims: Vec<String> = p
            .dimensions
            .iter()
            .map(|(id, pts)| {
                let name = game
                    .level()
                    .dimension(id)
                    .map_or(id.as_str(), |d| d.name.as_str());
                format!("{name} {pts:+}")
            })
            .collect();
        if dims.is_empty() {
            parts.push(format!("score {:+}", p.score));
        } else {
            parts.push(format!("score {:+} ({})", p.score, dims.join(", ")));
        }
    }
    parts.push(format!("self {:+}", p.integrity));
    parts.extend(money_text(p));
    Some(parts.join(", "))
}

/// What a choice pays or takes: a fact, shown whatever the level hides about the score.
fn money_text(p: &Prediction) -> Option<String> {
    (p.money != 0).then(|| format!("money {:+}", p.money))
}

/// The short form the headless listings use: ` (score +12, self -3)`.
pub fn action_effect(game: &Game, action: &Action) -> String {
    match game.predict(action) {
        Some(p) if game.rules_visible() => {
            let mut parts = Vec::new();
            if game.scored() {
                parts.push(format!("score {:+}", p.score));
            }
            parts.push(format!("self {:+}", p.integrity));
            parts.extend(money_text(&p));
            format!(" ({})", parts.join(", "))
        }
        Some(p) => money_text(&p).map_or(String::new(), |m| format!(" ({m})")),
        _ => String::new(),
    }
}

/// "Nappies — For the baby", or the name alone when the level gives no description.
pub fn named(name: &str, description: &str) -> String {
    if description.trim().is_empty() {
        name.to_string()
    } else {
        format!("{name} — {description}")
    }
}

/// "1 action left", "3 actions left".
pub fn actions_left(n: u32) -> String {
    if n == 1 {
        "1 action left".into()
    } else {
        format!("{n} actions left")
    }
}
