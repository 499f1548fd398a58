//! A level begun as a persona but not yet played. Nothing in it depends on the seed, so any
//! number of games can start from one: bots playing thousands of runs build it once.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::held::Held;
use super::idset::IdSet;
use super::index::Index;
use super::level::{DimensionSource, Level};
use super::log::Log;
use super::roster::Roster;
use super::state::{ConsentState, NpcState, State};
use super::{Game, Outcome, Refusal, journal};

#[derive(Debug, Clone)]
pub struct Opening(Game);

impl Opening {
    /// The persona is the level's first when `None`; the level is one the checker accepted
    /// (see [`Game::new`]).
    pub fn new(level: Arc<Level>, persona: Option<&str>) -> Result<Opening, Refusal> {
        let persona = match persona {
            Some(id) => level.persona(id).ok_or_else(|| Refusal::Unknown {
                kind: "persona",
                id: id.to_string(),
            })?,
            None => level.personas.first().ok_or_else(|| Refusal::Unknown {
                kind: "persona",
                id: String::new(),
            })?,
        };
        let points: Roster<i32> = level
            .score
            .dimensions
            .iter()
            .map(|d| {
                let start = match d.source {
                    DimensionSource::Rules => *persona.dimensions.get(&d.id).unwrap_or(&50),
                    DimensionSource::Friends { .. } => *persona.dimensions.get(&d.id).unwrap_or(&0),
                };
                (d.id.clone(), start)
            })
            .collect();
        let npcs = level
            .npcs
            .iter()
            .map(|n| {
                let state = NpcState {
                    score: n.score,
                    trust: 0,
                    next_post: 0,
                };
                (n.id.clone(), state)
            })
            .collect();
        let mut state = State {
            seed: 0,
            persona: persona.id.clone(),
            name: None,
            day: 0,
            actions_left: 0,
            ending: None,
            money: persona.money,
            income: persona.income,
            rent: level.economy.rent,
            integrity: persona.integrity.clamp(0, 100),
            points,
            score: None,
            visibility: level.visibility,
            consent: if level.consent.is_some() {
                ConsentState::Pending
            } else {
                ConsentState::NotAsked
            },
            friends: persona.friends.iter().collect(),
            npcs,
            feed: Vec::new(),
            draft: None,
            inbox: Vec::new(),
            arrived: IdSet::default(),
            withheld: BTreeSet::new(),
            flags: BTreeSet::new(),
            active_rules: level
                .rules
                .iter()
                .filter(|r| r.active)
                .map(|r| &r.id)
                .collect(),
            perks: IdSet::default(),
            sanctions: IdSet::default(),
            ledger: Vec::new(),
            appeals: Vec::new(),
            accusations: Vec::new(),
            vote: None,
            reports_filed: 0,
            drafts_cancelled: 0,
            fired_today: Roster::default(),
            denounced: Roster::default(),
            today: Vec::new(),
            journal: journal::Journal::default(),
            affirmed: Default::default(),
            rewarded: Default::default(),
            timeline: Vec::new(),
            milestones: Vec::new(),
            bought_once: BTreeSet::new(),
            posted_once: BTreeSet::new(),
            fired_once: BTreeSet::new(),
            closed_items: (level.items.iter())
                .filter(|i| i.hidden)
                .map(|i| i.id.clone())
                .collect(),
            closed_topics: (level.topics.iter())
                .filter(|t| t.hidden)
                .map(|t| t.id.clone())
                .collect(),
            weights: BTreeMap::new(),
            tallies: super::tally::tallies(&level),
        };
        // Room for every id the level has, kept by each game's copy (`IdSet`'s `Clone`).
        state.friends.make_room(level.npcs.len());
        state.arrived.make_room(level.events.len());
        state.active_rules.make_room(level.rules.len());
        state.perks.make_room(level.perks.len());
        state.sanctions.make_room(level.sanctions.len());
        let held = Held::of(&level, &state);
        let index = Arc::new(Index::new(&level, Some(persona)));
        Ok(Opening(Game {
            level,
            state,
            held,
            index,
            memo: Default::default(),
            silent: false,
            journaled: false,
        }))
    }

    pub fn level(&self) -> &Level {
        self.0.level()
    }

    /// The score the persona starts with, before the first morning: what the dimensions'
    /// starting points and the starting friends' scores come to.
    pub fn starting_score(&self) -> i32 {
        self.0.implied_score()
    }

    /// A game with this seed, after its first morning.
    pub fn start(&self, seed: u64) -> (Game, Vec<Outcome>) {
        self.begin(seed, false)
    }

    /// [`Opening::start`] for a game that keeps no words, for bots' statistics: the same rules
    /// and numbers, but no outcomes, no journal and no wording in the ledger, so such a game is
    /// not to be saved, debriefed or shown ([`Game::is_silent`]).
    pub fn start_silent(&self, seed: u64) -> Game {
        self.begin(seed, true).0
    }

    /// [`Opening::start_silent`], but the game keeps its journal: what the bots need for
    /// statistics computed from the decisions (the debrief's obedience index).
    pub fn start_journaled(&self, seed: u64) -> Game {
        let mut game = self.start_silent(seed);
        game.journaled = true;
        game
    }

    fn begin(&self, seed: u64, silent: bool) -> (Game, Vec<Outcome>) {
        let mut game = self.0.clone();
        game.state.seed = seed;
        // Room for a whole game's worth, so that no list grows by copying itself as it plays.
        let days = self.0.level.days as usize;
        let state = &mut game.state;
        state.ledger.reserve(4 * days);
        state.feed.reserve(2 * days);
        game.held.feed.reserve(2 * days);
        state.timeline.reserve(days);
        state.inbox.reserve(days);
        state.accusations.reserve(days);
        state.milestones.reserve(days);
        game.held.inbox.reserve(days);
        game.silent = silent;
        let mut log = Log::new(silent);
        game.start_day(1, &mut log);
        game.check_mirror();
        (game, log.into_outcomes())
    }
}
