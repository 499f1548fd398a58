//! A bot's day: the consent screen, the events waiting, a post or its self-censorship, then
//! turns until the actions run out, and the day's end.

use std::mem;

use rand::Rng;
use rand::rngs::ChaCha8Rng;

use super::choice::{choose, choose_move, pick, stray};
use super::turn::{Turn, pick_allowed, worthy};
use super::watch::{step, step_action};
use super::{Actions, Mark, Strategy, Tally, Watch, take};
use crate::game::{Action, Game, Move};

/// Every purchase and draft of a level, listed once, and the reactions to the feed a turn
/// can offer, listed again only when the feed may have changed, so that a day allocates none.
pub(super) struct Options {
    pub(super) every: Vec<Move>,
    /// How many of `every` are purchases (the drafts follow).
    pub(super) items: usize,
    pub(super) feed: Vec<Move>,
    /// The lengths of the feed and of its visible part that `feed` was listed for; `None`
    /// once a reaction taken has made it stale. Posts arrive only in the morning, and only
    /// the player's reactions change a post.
    pub(super) feed_listed: Option<(usize, usize)>,
    /// Lent to each turn for the candidates its draws moved.
    pub(super) moved: Vec<(usize, Move)>,
    /// Kept from morning to morning: the events waiting for an answer, and an event's open
    /// choices (the strategies other than random still list their actions anew).
    pub(super) pending_events: Vec<usize>,
    pub(super) open_choices: Vec<usize>,
}

pub(super) fn play_day<W: Watch>(
    game: &mut Game,
    actions: &Actions,
    strategy: Strategy,
    rng: &mut ChaCha8Rng,
    tally: &mut Tally,
    options: &mut Options,
    watch: &mut W,
) {
    if game.state().consent == crate::game::state::ConsentState::Pending {
        let consent = [
            Action::Consent { share: true },
            Action::Consent { share: false },
        ];
        if let Some(i) = choose(game, strategy, &consent, rng, false) {
            let i = stray(strategy, rng, consent.len(), i);
            let _ = step_action(game, &consent[i], watch);
        }
    }
    let mut pending = mem::take(&mut options.pending_events);
    let mut open = mem::take(&mut options.open_choices);
    pending.clear();
    pending.extend(game.positions().pending());
    for &at in &pending {
        let choices = game.level().events[at].choices.len();
        open.clear();
        let positions = game.positions();
        open.extend((0..choices).filter(|&c| positions.answerable(at, c)));
        let chosen = if strategy == Strategy::Random {
            pick(rng, open.len()).map(|i| open[i])
        } else {
            let answers: Vec<Move> = (open.iter())
                .map(|&choice| Move::Answer { event: at, choice })
                .collect();
            choose_move(game, strategy, &answers, rng, false)
                .map(|i| open[stray(strategy, rng, open.len(), i)])
        };
        if let Some(choice) = chosen {
            let _ = step(game, actions, Move::Answer { event: at, choice }, watch);
        }
    }
    (options.pending_events, options.open_choices) = (pending, open);
    if strategy != Strategy::Random {
        censor_or_post(game, actions, strategy, rng, tally, watch);
    }
    while game.state().actions_left > 0 && !game.is_over() {
        let mut turn = Turn::of(game, options);
        let picked = if strategy == Strategy::Random {
            pick_allowed(&mut turn, rng)
        } else {
            let candidates: Vec<Move> = (0..turn.len)
                .map(|i| turn.natural(i))
                .filter(|&c| worthy(game, c))
                .collect();
            let best = choose_move(game, strategy, &candidates, rng, true);
            // The day's end is one of the options too, the last: what the pure strategy does
            // when nothing appeals to it.
            let n = candidates.len();
            let i = stray(strategy, rng, n + 1, best.unwrap_or(n));
            candidates.get(i).copied()
        };
        let Some(candidate) = picked else {
            break;
        };
        if let Move::Draft(topic) = candidate {
            let _ = step(game, actions, Move::Draft(topic), watch);
            let (finish, mark) = if strategy == Strategy::Random && rng.next_u64() % 3 == 0 {
                (Move::CancelDraft, None)
            } else {
                (Move::Post, Some(Mark::Posted(topic)))
            };
            if !take(game, actions, finish, mark, tally, watch) {
                let _ = step(game, actions, Move::CancelDraft, watch);
                break;
            }
        } else {
            let mark = match candidate {
                Move::Buy(item) => Some(Mark::Bought(item)),
                _ => None,
            };
            if !take(game, actions, candidate, mark, tally, watch) {
                break;
            }
            if let Move::Like(_) | Move::Share(_) | Move::Report(_) = candidate {
                options.feed_listed = None;
            }
        }
    }
    if step(game, actions, Move::EndDay, watch) {
        watch.day_ended(game);
    }
}

/// Drafts the topic the persona cares most about; a conformist deletes it when the score
/// would punish it. That is the self-censorship the journal records.
fn censor_or_post<W: Watch>(
    game: &mut Game,
    actions: &Actions,
    strategy: Strategy,
    rng: &mut ChaCha8Rng,
    tally: &mut Tally,
    watch: &mut W,
) {
    if game.state().actions_left == 0 || game.state().draft.is_some() {
        return;
    }
    let weigher = game.weigher();
    let best = (0..game.level().topics.len())
        .filter(|&at| game.positions().topic_open(at))
        .map(|at| {
            let p = weigher.shift_move(Move::Draft(at)).unwrap_or_default();
            (p.integrity, p.score, at)
        })
        .filter(|(i, _, _)| *i > 0)
        .max_by_key(|(i, _, _)| *i);
    let Some((_, score, at)) = best else {
        return;
    };
    let wants_post = match strategy.base() {
        Strategy::Conformist => score >= 0,
        _ => true,
    };
    // Posting (0) or deleting (1): a mostly-* strategy may do the other.
    let wants_post = stray(strategy, rng, 2, usize::from(!wants_post)) == 0;
    if !step(game, actions, Move::Draft(at), watch) {
        return;
    }
    let (finish, mark) = if wants_post {
        (Move::Post, Some(Mark::Posted(at)))
    } else {
        (Move::CancelDraft, None)
    };
    if !take(game, actions, finish, mark, tally, watch) {
        let _ = step(game, actions, Move::CancelDraft, watch);
    }
}
