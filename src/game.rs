//! The pure, deterministic core. No terminal, files, clock or global randomness: the same
//! level, seed and actions give the same game on every machine. One way to change it:
//! [`Game::play`] (or [`Game::play_move`], the same for an action naming things by position).

pub mod action;
mod condition;
mod conscience;
mod consistency;
mod day;
pub mod debrief;
mod events;
mod friends;
mod gates;
pub mod habits;
mod held;
pub mod idset;
mod index;
pub mod journal;
mod ledger;
pub mod level;
mod log;
mod npcs;
mod opening;
pub mod outcome;
mod positions;
mod posts;
mod predict;
mod reading;
mod record;
mod rng;
pub mod roster;
mod score;
mod shop;
pub mod state;
mod stock;
mod summary;
mod tally;
mod weigher;

use std::borrow::Borrow;
use std::sync::Arc;

pub use action::{Action, Move};
pub use level::Level;
pub use opening::Opening;
pub use outcome::{Outcome, Refusal};
pub use positions::Positions;
pub use predict::Prediction;
pub use state::State;
pub use summary::Summary;
pub use weigher::{Shift, Weigher};

use action::{Step, Target};
use held::Held;
use index::Index;
use log::Log;
use state::ConsentState;

#[derive(Debug, Clone, Copy)]
struct Implied {
    score: i32,
    weighted: i64,
}

/// What is worked out from the state and kept until it changes.
#[derive(Debug, Clone, Default)]
struct Memo {
    /// The implied score, with the weighed parts it adds up to; the setters in held.rs keep
    /// it or clear it.
    implied: Option<Implied>,
    /// The score that perks and sanctions were last brought in line with.
    refreshed: Option<i32>,
    /// The scores around it that cross no threshold, `lo..hi`: perks and sanctions stay as
    /// they are for any score in there.
    band: Option<(i32, i32)>,
    /// Every ledger row before this one is applied.
    settled: usize,
    /// The day's [`rng::Stream::People`] where the morning left it, for that day's evening.
    evening: Option<(u32, rng::Dice)>,
}

#[derive(Debug, Clone)]
pub struct Game {
    level: Arc<Level>,
    state: State,
    held: Held,
    index: Arc<Index>,
    memo: Memo,
    /// Plays by the same rules but keeps no words: no outcomes, no journal, no wording in the
    /// ledger. Bots gathering statistics play like this; nothing can be shown of such a game.
    silent: bool,
    /// A silent game that keeps its journal all the same ([`Opening::start_journaled`]): for
    /// bots' statistics computed from the decisions (the obedience index).
    journaled: bool,
}

/// The position of the thing the target names among `things`, or the refusal that says it
/// is not there.
fn resolve<T>(
    things: &[T],
    target: Target<'_>,
    kind: &'static str,
    id_of: impl Fn(&T) -> &str,
) -> Result<usize, Refusal> {
    match target {
        Target::Id(id) => {
            (things.iter())
                .position(|t| id_of(t) == id)
                .ok_or_else(|| Refusal::Unknown {
                    kind,
                    id: id.to_string(),
                })
        }
        Target::At(at) if at < things.len() => Ok(at),
        Target::At(at) => Err(Refusal::NoSuchPlace { kind, at }),
    }
}

/// The position of the first of `things` with this id.
fn position<T>(things: &[T], id: &str, id_of: impl Fn(&T) -> &String) -> Option<usize> {
    things.iter().position(|t| id_of(t) == id)
}

impl Game {
    /// Starts a level as a persona (the level's first when `None`) and runs the first morning.
    /// The level is one [`crate::check`] accepted: within each list its ids are unique, so a
    /// thing found by id and the same thing found by position are one.
    pub fn new(
        level: Arc<Level>,
        persona: Option<&str>,
        seed: u64,
    ) -> Result<(Game, Vec<Outcome>), Refusal> {
        Ok(Opening::new(level, persona)?.start(seed))
    }

    /// Resumes a game from a saved state.
    pub fn from_state(level: Arc<Level>, mut state: State) -> Game {
        // A save from before the level counted acts: count from here on.
        for t in tally::tallies(&level) {
            if !state
                .tallies
                .iter()
                .any(|s| s.act == t.act && s.tag == t.tag)
            {
                state.tallies.push(t);
            }
        }
        let held = Held::of(&level, &state);
        let index = Arc::new(Index::new(&level, level.persona(&state.persona)));
        Game {
            level,
            state,
            held,
            index,
            memo: Memo::default(),
            silent: false,
            journaled: false,
        }
    }

    /// A silent game (see `silent`) is for statistics only: it has nothing to save or show.
    pub fn is_silent(&self) -> bool {
        self.silent
    }

    /// Text only a shown game needs: made unless the game is silent.
    fn words(&self, text: impl FnOnce() -> String) -> String {
        if self.silent { String::new() } else { text() }
    }

    pub fn level(&self) -> &Level {
        &self.level
    }

    pub fn level_arc(&self) -> &Arc<Level> {
        &self.level
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn persona(&self) -> &level::Persona {
        self.level
            .persona(&self.state.persona)
            .expect("the persona was checked when the game began")
    }

    /// Names the player for their report and result code; play is unchanged by it.
    pub fn set_name(&mut self, name: Option<String>) {
        self.state.name = name;
    }

    pub fn is_over(&self) -> bool {
        self.state.ending.is_some()
    }

    /// The way to change the game. Takes an action or a reference to one (the strategies
    /// keep theirs made); [`Game::play_move`] is the same for an action naming things by
    /// position.
    pub fn play(&mut self, action: impl Borrow<Action>) -> Result<Vec<Outcome>, Refusal> {
        self.perform(Step::from(action.borrow()))
    }

    /// [`Game::play`] for an action naming things by position: the same checks and effects,
    /// without looking ids up (bots).
    pub fn play_move(&mut self, m: Move) -> Result<Vec<Outcome>, Refusal> {
        self.perform(Step::from(m))
    }

    fn perform(&mut self, step: Step<'_>) -> Result<Vec<Outcome>, Refusal> {
        if self.is_over() {
            return Err(Refusal::LevelOver);
        }
        let mut log = Log::new(self.silent);
        if let Step::Consent(share) = step {
            if self.state.consent != ConsentState::Pending {
                return Err(Refusal::ConsentDone);
            }
            self.give_consent(share, false, &mut log);
            self.check_mirror();
            return Ok(log.into_outcomes());
        }
        if let Some(kind) = step.kind() {
            self.check_allowed(kind)?;
        }
        if step.costs_action() && self.state.actions_left == 0 {
            return Err(Refusal::NoActionsLeft);
        }
        // Doing anything else first leaves the consent box as it was: the dark pattern.
        if self.state.consent == ConsentState::Pending && !matches!(step, Step::EndDay) {
            let share = self.level.consent.as_ref().is_some_and(|c| c.pre_ticked);
            self.give_consent(share, true, &mut log);
        }
        match step {
            Step::Consent(_) => unreachable!("handled above"),
            Step::Buy(item) => self.buy(item, &mut log)?,
            Step::Draft(topic) => self.draft(topic, &mut log)?,
            Step::Post => self.post(&mut log)?,
            Step::CancelDraft => self.cancel_draft(false, &mut log)?,
            Step::React(post, how) => self.react(post, how, &mut log)?,
            Step::Befriend(npc) => self.befriend(npc, &mut log)?,
            Step::Unfriend(npc) => self.unfriend(npc, &mut log)?,
            Step::Denounce(npc) => self.denounce(npc, &mut log)?,
            Step::Answer(event, choice) => self.answer(event, choice, false, &mut log)?,
            Step::Appeal(row) => self.appeal(row, &mut log)?,
            Step::Vote(proposal) => self.vote(proposal, &mut log)?,
            Step::EndDay => {
                if self.state.consent == ConsentState::Pending {
                    let share = self.level.consent.as_ref().is_some_and(|c| c.pre_ticked);
                    self.give_consent(share, true, &mut log);
                }
                self.end_day(&mut log);
            }
        }
        if step.costs_action() {
            self.state.actions_left -= 1;
        }
        if !self.is_over() {
            // Reports and events can move people's scores, and with them the player's.
            self.settle_if_immediate(&"Your friends' scores moved", &mut log);
        }
        self.check_mirror();
        Ok(log.into_outcomes())
    }

    /// A cheap test of whether `play` would accept the action (bots and menus use it): the
    /// by-position questions ([`Positions`]) with the names looked up.
    pub fn allows(&self, action: &Action) -> bool {
        let (level, at) = (&self.level, self.positions());
        match action {
            Action::Buy { item } => (position(&level.items, item, |i| &i.id))
                .is_some_and(|i| at.purchasable(i).is_some()),
            Action::Draft { topic } => {
                (position(&level.topics, topic, |t| &t.id)).is_some_and(|t| at.draftable(t))
            }
            Action::Answer { event, choice } => (position(&level.events, event, |e| &e.id))
                .and_then(|e| Some((e, position(&level.events[e].choices, choice, |c| &c.id)?)))
                .is_some_and(|(e, c)| at.answerable(e, c)),
            Action::Denounce { npc } => self.may(action.kind()) && self.reportable(npc),
            _ => self.may(action.kind()),
        }
    }

    /// The person may be reported again: it is not too soon since the last report.
    pub fn reportable(&self, npc: &str) -> bool {
        self.may_report_again(self.state.denounced.get(npc).copied())
    }

    /// Whether someone last reported on this day (if ever) may be reported today.
    fn may_report_again(&self, last: Option<u32>) -> bool {
        last.is_none_or(|day| self.state.day >= day + friends::REPORT_AGAIN_AFTER)
    }

    /// The feed as the player can see it: a throttling sanction shows only the newest few.
    pub fn visible_feed(&self) -> &[state::FeedPost] {
        let feed = &self.state.feed;
        match self.held.standing.throttle {
            Some(n) if n < feed.len() => &feed[feed.len() - n..],
            _ => feed,
        }
    }

    /// Events in the inbox still waiting for an answer.
    pub fn pending_events(&self) -> impl Iterator<Item = &level::Event> {
        self.pending_at().map(|e| &self.level.events[e])
    }

    /// The inbox, each entry with its event's position in the level (`None`: an event the
    /// level no longer has).
    pub fn inbox(&self) -> impl Iterator<Item = (&state::InboxEntry, Option<usize>)> {
        self.state.inbox.iter().zip(self.held.inbox.iter().copied())
    }

    /// The level's choice of ending once it is over.
    pub fn ending(&self) -> Option<&level::Ending> {
        self.state
            .ending
            .as_deref()
            .and_then(|id| self.level.ending(id))
    }

    pub fn tier(&self) -> Option<&level::Tier> {
        self.state.score.and_then(|s| self.level.tier(s))
    }

    /// Rules, reasons and predicted effects may be shown to the player.
    pub fn rules_visible(&self) -> bool {
        !matches!(self.state.visibility, level::Visibility::BlackBox { .. })
    }
}
