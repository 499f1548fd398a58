//! The pure, deterministic core. No terminal, files, clock or global randomness: the same
//! level, seed and actions give the same game on every machine. One way to change it:
//! [`Game::play`] (or [`Game::play_move`], the same for an action naming things by position).

pub mod action;
mod allowed;
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
mod play;
mod positions;
mod posts;
mod predict;
mod reading;
mod record;
mod refusal;
mod rng;
pub mod roster;
mod score;
mod shop;
pub mod state;
mod stock;
mod summary;
mod tally;
mod weigher;

use std::sync::Arc;

pub use action::{Action, Move};
pub use level::Level;
pub use opening::Opening;
pub use outcome::{Ballot, Outcome, Rating, Refusal, Voter};
pub use positions::Positions;
pub use predict::Prediction;
pub use state::State;
pub use summary::Summary;
pub use weigher::{Shift, Weigher};

use held::Held;
use index::Index;
use log::Log;

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
