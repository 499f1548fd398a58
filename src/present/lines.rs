//! The lines for what a step did: an act with its effects on one line, a night's effects
//! grouped by reason, new rules listed together.

use super::count::count_lines;
use super::outcome_line;
use super::ratings::rating_lines;
use crate::game::{Game, Outcome};

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
    // A line just written for a choice made by default: the effects that follow with its
    // reason are its own (an answer's choice, or the consent box's words in quotes).
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
            let quoted = reason.split_once('“').map(|(_, q)| q);
            let owns = |at: &usize| match &entries[*at] {
                Entry::Line(line) => {
                    line.contains(choice.trim_end_matches('.'))
                        || quoted.is_some_and(|q| line.contains(q))
                }
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
            let mut group = Group {
                reason,
                effects: vec![],
                owner,
            };
            group.add(effect);
            groups.push(group);
            continue;
        }
        let Some(mut line) = outcome_line(game, o) else {
            continue;
        };
        if let Outcome::RuleEnabled { rule } = o
            && let Some(r) = game.level().rule(rule)
        {
            let entry = match r.points.signum() {
                1 => format!("{} (rewarded)", listed(&r.description)),
                -1 => format!("{} (penalised)", listed(&r.description)),
                _ => listed(&r.description),
            };
            if let Some(Entry::Line(last)) = entries.last_mut()
                && let Some(list) = (last.strip_prefix("New rules in force: "))
                    .or_else(|| last.strip_prefix("New rule in force: "))
            {
                *last = format!(
                    "New rules in force: {}; {entry}.",
                    list.trim_end_matches('.')
                );
                continue;
            }
            line = format!("New rule in force: {entry}.");
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
        defaulted = by_default.then_some(entries.len());
        if !night && !by_default && act_line.is_none() && is_act(o) {
            act_line = Some(entries.len());
        }
        entries.push(Entry::Line(line));
        let details = count_lines(game, o)
            .into_iter()
            .chain(rating_lines(game, o));
        entries.extend(details.map(Entry::Line));
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

/// An outcome that is the player's own act (as against what it set off: a perk, a sanction).
fn is_act(o: &Outcome) -> bool {
    matches!(
        o,
        Outcome::Bought { .. }
            | Outcome::Drafted { .. }
            | Outcome::Posted { .. }
            | Outcome::DraftCancelled { .. }
            | Outcome::Liked { .. }
            | Outcome::Shared { .. }
            | Outcome::Reported { .. }
            | Outcome::Befriended { .. }
            | Outcome::Unfriended { .. }
            | Outcome::Denounced { .. }
            | Outcome::Answered { .. }
            | Outcome::ConsentGiven { .. }
            | Outcome::AppealFiled { .. }
            | Outcome::Voted { .. }
    )
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
        match self.effects.iter_mut().find(|e| e.what == fx.what) {
            Some(e) => {
                e.delta = e.delta.saturating_add(fx.delta);
                for n in fx.notes {
                    if !e.notes.contains(&n) {
                        e.notes.push(n);
                    }
                }
            }
            None => self.effects.push(fx),
        }
    }

    fn listed(&self) -> String {
        let mut effects: Vec<&Fx> = self.effects.iter().collect();
        effects.sort_by_key(|e| e.rank());
        let shown: Vec<String> = effects.iter().map(|e| e.to_string()).collect();
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
struct Fx {
    what: &'static str,
    delta: i64,
    notes: Vec<String>,
}

impl Fx {
    /// Score first, then the self, then money: the same order on every line.
    fn rank(&self) -> u8 {
        match self.what {
            "score" => 0,
            "self" => 1,
            _ => 2,
        }
    }
}

impl std::fmt::Display for Fx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {:+}", self.what, self.delta)?;
        if !self.notes.is_empty() {
            write!(f, " ({})", self.notes.join("; "))?;
        }
        Ok(())
    }
}

/// What the core adds to the reason of an act repeated within the self's window.
const AGAIN: &str = " (again: it means less each time)";

/// An outcome that changes the score, the self or money, with its reason.
fn effect_of(game: &Game, o: &Outcome) -> Option<(String, Fx)> {
    let fx = |what, delta, notes: Vec<String>| Fx { what, delta, notes };
    Some(match o {
        Outcome::IntegrityChanged { delta, reason } => {
            // A repeated act's reason says so; it is still the act's reason.
            let notes = match reason.strip_suffix(AGAIN) {
                Some(did) => {
                    return Some((
                        did.into(),
                        fx("self", (*delta).into(), vec!["again".into()]),
                    ));
                }
                None => vec![],
            };
            (reason.clone(), fx("self", i64::from(*delta), notes))
        }
        Outcome::MoneyChanged { delta, reason } => (reason.clone(), fx("money", *delta, vec![])),
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
                name.to_string()
            } else {
                format!("{name}: {why}")
            };
            (did.to_string(), fx("score", i64::from(*delta), vec![note]))
        }
        _ => return None,
    })
}

/// "Nappies — For the baby", or the name alone when the level gives no description.
pub fn named(name: &str, description: &str) -> String {
    if description.trim().is_empty() {
        name.to_string()
    } else {
        format!("{name} — {description}")
    }
}
