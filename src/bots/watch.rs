//! Watching a bot play: what a watcher is shown, and each move played with its prediction
//! when a watcher looks at actions.

use super::{Actions, score_now};
use crate::game::{Action, Game, Move, Outcome, Prediction};

/// One action a watched bot took, as [`Watch::played`] sees it.
pub struct Played<'a> {
    pub action: &'a Action,
    /// The topic of the draft open before the action (what `Post` and `CancelDraft` act on).
    pub draft: Option<&'a str>,
    /// What the game predicted the action would do, before it was taken.
    pub predicted: Option<Prediction>,
    /// The score (implied, before it is switched on) and the self before the action.
    pub before: (i32, i32),
}

/// What looks at a bot's game as it plays. The no-op `()` costs nothing: a plain run is the
/// same code as before there were watchers.
pub trait Watch {
    /// Whether [`Watch::played`] is called (each action's prediction is worked out for it).
    const ACTIONS: bool = false;
    /// The outcomes of the first morning (only a game that is not silent has any).
    fn began(&mut self, _game: &Game, _outcomes: &[Outcome]) {}
    /// An action taken, with its outcomes, `game` being the game after it.
    fn played(&mut self, _game: &Game, _played: &Played<'_>, _outcomes: &[Outcome]) {}
    /// A day just ended (the next morning, if any, has begun).
    fn day_ended(&mut self, _game: &Game) {}
}

impl Watch for () {}

/// Plays the move, showing `watch` when it looks at actions; whether the game took it.
pub(super) fn step<W: Watch>(game: &mut Game, actions: &Actions, m: Move, watch: &mut W) -> bool {
    if !W::ACTIONS {
        return game.play_move(m).is_ok();
    }
    let action = actions.named(m).into_owned();
    step_action(game, &action, watch)
}

/// [`step`] for an action that is no move (the consent screen).
pub(super) fn step_action<W: Watch>(game: &mut Game, action: &Action, watch: &mut W) -> bool {
    if !W::ACTIONS {
        return game.play(action).is_ok();
    }
    let draft = game.state().draft.clone();
    let predicted = game.predict(action);
    let before = (score_now(game), game.state().integrity);
    match game.play(action) {
        Ok(outcomes) => {
            let played = Played {
                action,
                draft: draft.as_deref(),
                predicted,
                before,
            };
            watch.played(game, &played, &outcomes);
            true
        }
        Err(_) => false,
    }
}
