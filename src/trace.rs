//! One bot playthrough told day by day (`scored simulate LEVEL --strategy S --trace SEED`):
//! each action with what the game predicted and what it did, the events answered, each day's
//! end, and the ending. Names come from the level.

use std::fmt::Write;
use std::sync::Arc;

use crate::bots::{self, Played, Strategy, Watch};
use crate::game::state::Author;
use crate::game::{Action, Game, Level, Opening, Outcome};

/// The kinds of action a bot can take, in the order reports list them.
pub const KINDS: [&str; 13] = [
    "consent",
    "buy",
    "draft",
    "post",
    "cancel draft",
    "like",
    "share",
    "report post",
    "befriend",
    "unfriend",
    "denounce",
    "answer",
    "vote",
];

/// The kind of an action, as a position in [`KINDS`]; `None` for ending the day and appeals
/// (no bot appeals).
pub fn kind(action: &Action) -> Option<usize> {
    Some(match action {
        Action::Consent { .. } => 0,
        Action::Buy { .. } => 1,
        Action::Draft { .. } => 2,
        Action::Post => 3,
        Action::CancelDraft => 4,
        Action::Like { .. } => 5,
        Action::Share { .. } => 6,
        Action::Report { .. } => 7,
        Action::Befriend { .. } => 8,
        Action::Unfriend { .. } => 9,
        Action::Denounce { .. } => 10,
        Action::Answer { .. } => 11,
        Action::Vote { .. } => 12,
        Action::Appeal { .. } | Action::EndDay => return None,
    })
}

/// What an action was, in the level's words: "buy Blood-pressure pills", "post on Unions",
/// "like Jo's post", "Strike: Join it". `game` is the game the action was played in.
pub fn label(game: &Game, played: &Played<'_>) -> String {
    let level = game.level();
    let npc = |id: &str| level.npc(id).map_or(id.to_string(), |n| n.name.clone());
    let topic = |id: &str| level.topic(id).map_or(id.to_string(), |t| t.name.clone());
    let post = |at: usize| match game.state().feed.get(at).map(|p| &p.author) {
        Some(Author::Npc(id)) => format!("{}'s post", npc(id)),
        Some(Author::News(source)) => format!("a news item ({source})"),
        None => format!("post {at}"),
    };
    let draft = played.draft.map_or_else(|| "?".to_string(), topic);
    match played.action {
        Action::Consent { share: true } => "consent: share the data".to_string(),
        Action::Consent { share: false } => "consent: withhold the data".to_string(),
        Action::Buy { item } => {
            format!(
                "buy {}",
                level.item(item).map_or(item.clone(), |i| i.name.clone())
            )
        }
        Action::Draft { topic: t } => format!("draft on {}", topic(t)),
        Action::Post => format!("post on {draft}"),
        Action::CancelDraft => format!("delete the draft on {draft}"),
        Action::Like { post: p } => format!("like {}", post(*p)),
        Action::Share { post: p } => format!("share {}", post(*p)),
        Action::Report { post: p } => format!("report {}", post(*p)),
        Action::Befriend { npc: n } => format!("befriend {}", npc(n)),
        Action::Unfriend { npc: n } => format!("unfriend {}", npc(n)),
        Action::Denounce { npc: n } => format!("denounce {}", npc(n)),
        Action::Answer { event, choice } => match level.event(event) {
            Some(e) => {
                let c = e.choices.iter().find(|c| &c.id == choice);
                format!(
                    "answer {} — {}",
                    e.title,
                    c.map_or(choice.as_str(), |c| c.text.as_str())
                )
            }
            None => format!("answer {event}: {choice}"),
        },
        Action::Vote { proposal } => format!("vote for {proposal}"),
        Action::Appeal { row } => format!("appeal ledger row {row}"),
        Action::EndDay => "end the day".to_string(),
    }
}

/// Writes the trace as the game goes.
struct Trace {
    out: String,
}

impl Trace {
    /// The morning's news: events and bulletins that arrived, the score switched on.
    fn morning(&mut self, level: &Level, outcomes: &[Outcome]) {
        for o in outcomes {
            match o {
                Outcome::DayStarted { day } => {
                    let _ = writeln!(self.out, "\nDay {day}");
                }
                Outcome::EventArrived { .. }
                | Outcome::BulletinIssued { .. }
                | Outcome::EventWithheld { .. }
                | Outcome::ScoreSwitchedOn { .. }
                | Outcome::Dropped { .. }
                | Outcome::PerkOpened { .. }
                | Outcome::PerkClosed { .. }
                | Outcome::SanctionImposed { .. }
                | Outcome::SanctionLifted { .. }
                | Outcome::RuleEnabled { .. }
                | Outcome::RuleDisabled { .. }
                | Outcome::LevelEnded { .. } => {
                    let _ = writeln!(self.out, "  * {}", o.describe(level));
                }
                _ => {}
            }
        }
    }
}

impl Watch for Trace {
    const ACTIONS: bool = true;

    fn began(&mut self, game: &Game, outcomes: &[Outcome]) {
        self.morning(game.level(), outcomes);
    }

    fn played(&mut self, game: &Game, played: &Played<'_>, outcomes: &[Outcome]) {
        let s = game.state();
        if *played.action == Action::EndDay {
            // The day's mark: after its night, before the next morning, as the debrief lists it.
            let Some(mark) = s.timeline.last() else {
                return;
            };
            let score = match mark.score {
                Some(score) => score.to_string(),
                None => format!("{} (implied; not switched on)", bots::score_now(game)),
            };
            let _ = writeln!(
                self.out,
                "  end of day: score {score}, self {}, money {}",
                mark.integrity, mark.money
            );
            self.morning(game.level(), outcomes);
            return;
        }
        let (score, integrity) = played.before;
        let done = (bots::score_now(game) - score, s.integrity - integrity);
        let what = label(game, played);
        if let Action::Draft { .. } = played.action {
            let _ = writeln!(self.out, "  - {what}");
            return;
        }
        let predicted = played.predicted.as_ref().map_or_else(
            || "no prediction".to_string(),
            |p| format!("predicted score {:+}, self {:+}", p.score, p.integrity),
        );
        let _ = writeln!(
            self.out,
            "  - {what}  [{predicted} | actual score {:+}, self {:+}]",
            done.0, done.1
        );
        // What the action set off that the player did not do themselves.
        for o in outcomes {
            if matches!(
                o,
                Outcome::PerkOpened { .. }
                    | Outcome::PerkClosed { .. }
                    | Outcome::SanctionImposed { .. }
                    | Outcome::SanctionLifted { .. }
                    | Outcome::RuleEnabled { .. }
                    | Outcome::RuleDisabled { .. }
            ) {
                let _ = writeln!(self.out, "      * {}", o.describe(game.level()));
            }
        }
    }
}

/// The trace of one run: `strategy` playing `level` as `persona` (the level's first when
/// `None`) with `seed`, the same run `simulate` plays for that seed.
pub fn trace_text(
    level: Arc<Level>,
    persona: Option<&str>,
    strategy: Strategy,
    seed: u64,
) -> String {
    let opening = Opening::new(level.clone(), persona).expect("persona checked by the caller");
    let actions = bots::Actions::of(&level);
    let (game, outcomes) = opening.start(seed);
    let mut trace = Trace {
        out: format!(
            "Trace of `{}`, persona `{}`, strategy {}, seed {seed}\n",
            level.id,
            game.state().persona,
            strategy.name()
        ),
    };
    let (game, _) = bots::play_watched(game, &outcomes, &actions, seed, strategy, &mut trace);
    let s = game.state();
    let ending = game.ending().map_or_else(
        || s.ending.clone().unwrap_or_default(),
        |e| format!("{} ({})", e.title, e.id),
    );
    let _ = writeln!(
        trace.out,
        "\nEnding: {ending}\nFinal: score {}, self {}, money {}",
        bots::score_now(&game),
        s.integrity,
        s.money
    );
    trace.out
}
