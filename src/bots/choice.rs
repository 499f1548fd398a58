//! How a strategy chooses among options: the best for it, one at random, or, for the
//! mostly-* strategies, now and then another.

use rand::Rng;
use rand::rngs::ChaCha8Rng;

use super::{STRAY_PERCENT, Strategy};
use crate::game::{Action, Game, Move, Shift};

/// A random position in a list of `len`, if it has any.
pub(super) fn pick(rng: &mut ChaCha8Rng, len: usize) -> Option<usize> {
    (len > 0).then(|| (rng.next_u64() % len as u64) as usize)
}

/// For the mostly-* strategies, `STRAY_PERCENT` of the time: a uniformly random one of
/// `n` options other than `chosen` (`n` counting it), instead of it. Other strategies draw
/// nothing, so their runs are as before.
pub(super) fn stray(strategy: Strategy, rng: &mut ChaCha8Rng, n: usize, chosen: usize) -> usize {
    if !strategy.strays() || n < 2 || rng.next_u64() % 100 >= STRAY_PERCENT {
        return chosen;
    }
    let other = (rng.next_u64() % (n as u64 - 1)) as usize;
    if other >= chosen { other + 1 } else { other }
}

/// The position of the best of `options` for the strategy (first on ties), or a random one.
pub(super) fn choose(
    game: &Game,
    strategy: Strategy,
    options: &[Action],
    rng: &mut ChaCha8Rng,
    need_appetite: bool,
) -> Option<usize> {
    let weigher = game.weigher();
    let shift = |i: usize| weigher.shift(&options[i]);
    best(strategy, options.len(), shift, rng, need_appetite)
}

/// [`choose`] among moves, which name things by position.
pub(super) fn choose_move(
    game: &Game,
    strategy: Strategy,
    options: &[Move],
    rng: &mut ChaCha8Rng,
    need_appetite: bool,
) -> Option<usize> {
    let weigher = game.weigher();
    let shift = |i: usize| weigher.shift_move(options[i]);
    best(strategy, options.len(), shift, rng, need_appetite)
}

/// The best of `n` options, each weighed by `shift`, for the strategy (first on ties; only
/// one it has an appetite for if `need_appetite`), or for the random strategy a random one.
fn best(
    strategy: Strategy,
    n: usize,
    shift: impl Fn(usize) -> Option<Shift>,
    rng: &mut ChaCha8Rng,
    need_appetite: bool,
) -> Option<usize> {
    if strategy == Strategy::Random {
        return pick(rng, n);
    }
    let mut best: Option<(i32, usize)> = None;
    for i in 0..n {
        let want = strategy.appetite(shift(i).unwrap_or_default());
        if need_appetite && want <= 0 {
            continue;
        }
        if best.is_none_or(|(w, _)| want > w) {
            best = Some((want, i));
        }
    }
    best.map(|(_, i)| i)
}
