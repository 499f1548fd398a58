//! Built-in players: they read the same predictions a player sees and play whole levels
//! headless, for balance reports and tests.

mod actions;
mod choice;
mod day;
mod strategy;
mod turn;
mod watch;

use std::sync::Arc;

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;

pub use actions::Actions;
pub use strategy::{STRAY_PERCENT, Strategy};
pub use watch::{Played, Watch};

use crate::game::{Game, Level, Move, Opening, Outcome};
use day::{Options, play_day};
use watch::step;

/// One finished run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunResult {
    pub score: i32,
    pub integrity: i32,
    pub money: i64,
    pub ending: String,
}

/// What a bot bought and posted, by position in the level: what a silent game, which keeps
/// no journal, cannot say afterwards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub bought: Vec<bool>,
    pub posted: Vec<bool>,
}

/// Plays a whole level; returns the finished game.
pub fn play(level: Arc<Level>, persona: Option<&str>, seed: u64, strategy: Strategy) -> Game {
    let actions = Actions::of(&level);
    let (game, _) = Game::new(level, persona, seed).expect("persona checked by the caller");
    finish(game, &actions, seed, strategy, &mut ()).0
}

/// [`play`] in a silent game ([`Opening::start_silent`]): the same moves, without the words.
/// `actions` are the opening's level's.
pub fn play_silently(
    opening: &Opening,
    actions: &Actions,
    seed: u64,
    strategy: Strategy,
) -> (Game, Tally) {
    let level = opening.level();
    debug_assert!(
        actions.buy.len() == level.items.len()
            && actions.befriend.len() == level.npcs.len()
            && actions.answer.len() == level.events.len()
    );
    finish(opening.start_silent(seed), actions, seed, strategy, &mut ())
}

/// The score as it stands, or as it would be before it is switched on.
pub fn score_now(game: &Game) -> i32 {
    game.state().score.unwrap_or_else(|| game.implied_score())
}

/// Plays a whole `game` just begun (with the first morning's `outcomes`), showing `watch`
/// what happens.
pub fn play_watched<W: Watch>(
    game: Game,
    outcomes: &[Outcome],
    actions: &Actions,
    seed: u64,
    strategy: Strategy,
    watch: &mut W,
) -> (Game, Tally) {
    watch.began(&game, outcomes);
    finish(game, actions, seed, strategy, watch)
}

fn finish<W: Watch>(
    mut game: Game,
    actions: &Actions,
    seed: u64,
    strategy: Strategy,
    watch: &mut W,
) -> (Game, Tally) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5EED_B075);
    let mut tally = Tally {
        bought: vec![false; game.level().items.len()],
        posted: vec![false; game.level().topics.len()],
    };
    let mut guard = 0;
    let level = game.level();
    let mut options = Options {
        every: ((0..level.items.len()).map(Move::Buy))
            .chain((0..level.topics.len()).map(Move::Draft))
            .collect(),
        items: level.items.len(),
        feed: Vec::new(),
        feed_listed: None,
        moved: Vec::new(),
        pending_events: Vec::new(),
        open_choices: Vec::new(),
    };
    while !game.is_over() && guard < 10_000 {
        guard += 1;
        play_day(
            &mut game,
            actions,
            strategy,
            &mut rng,
            &mut tally,
            &mut options,
            watch,
        );
    }
    (game, tally)
}

/// What a taken action adds to the [`Tally`]: the item bought or the topic posted, by
/// position in the level.
#[derive(Debug, Clone, Copy)]
enum Mark {
    Bought(usize),
    Posted(usize),
}

/// Plays the move and tallies what `mark` says; whether the game took it.
fn take<W: Watch>(
    game: &mut Game,
    actions: &Actions,
    m: Move,
    mark: Option<Mark>,
    tally: &mut Tally,
    watch: &mut W,
) -> bool {
    if !step(game, actions, m, watch) {
        return false;
    }
    match mark {
        Some(Mark::Bought(i)) => tally.bought[i] = true,
        Some(Mark::Posted(i)) => tally.posted[i] = true,
        None => {}
    }
    true
}

pub fn result(game: &Game) -> RunResult {
    let s = game.state();
    RunResult {
        score: s.score.unwrap_or_else(|| game.implied_score()),
        integrity: s.integrity,
        money: s.money,
        ending: s.ending.clone().unwrap_or_default(),
    }
}
