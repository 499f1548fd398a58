//! Playing many runs of a level, on several threads, into one report.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::figures::round1;
use super::observed::{Days, Observer};
use super::sums::{DaySum, Sums};
use super::{Behaviour, Detail, Quiet, Reached, Report, Spread, Stats};
use crate::bots::{self, Strategy};
use crate::game::{Level, Opening};
use crate::trace;

/// Plays `runs` games with seeds `seed`, `seed + 1`, … on `threads` threads. Each run's
/// seed depends only on its index and results are merged in index order, so the report is
/// the same for any number of threads.
pub fn simulate(
    level: Arc<Level>,
    persona: Option<&str>,
    strategy: Strategy,
    runs: u32,
    seed: u64,
    threads: usize,
    detail: Detail,
) -> Report {
    let persona = persona
        .map(str::to_string)
        .or_else(|| level.personas.first().map(|p| p.id.clone()))
        .unwrap_or_default();
    let opening =
        Opening::new(level.clone(), Some(&persona)).expect("persona checked by the caller");
    let actions = bots::Actions::of(&level);
    let share = |runs: std::ops::Range<u64>| {
        let mut sums = Sums::default();
        let mut run = Reached::default();
        for i in runs {
            let seed = seed.wrapping_add(i);
            let (game, tally) = match detail {
                Detail::Plain => bots::play_silently(&opening, &actions, seed, strategy),
                Detail::Numbers => {
                    let mut days = Days::default();
                    let game = opening.start_journaled(seed);
                    let (game, tally) =
                        bots::play_watched(game, &[], &actions, seed, strategy, &mut days);
                    sums.observe(&game, &days, None);
                    (game, tally)
                }
                Detail::Full => {
                    let mut observer = Observer::default();
                    let (game, outcomes) = opening.start(seed);
                    let (game, tally) = bots::play_watched(
                        game,
                        &outcomes,
                        &actions,
                        seed,
                        strategy,
                        &mut observer,
                    );
                    sums.observe(&game, &observer.days, Some(&observer));
                    (game, tally)
                }
            };
            run.record(&game, &tally);
            sums.add(&game, &run);
        }
        sums
    };
    let mut all = Sums::default();
    for sums in in_parallel(u64::from(runs), threads, share) {
        all.merge(sums);
    }
    let Sums {
        scores,
        selves,
        money,
        endings,
        perks,
        sanctions,
        reached,
        obedience,
        days,
        kinds,
        named,
        quiet,
        quiet_runs,
    } = all;
    let indices: Vec<f64> = (obedience.iter())
        .filter(|(_, n)| *n > 0)
        .map(|&(k, n)| f64::from(k) * 100.0 / f64::from(n))
        .collect();
    let obedience_na = (obedience.iter()).filter(|(_, n)| *n == 0).count() as u32;
    let obedience = (!indices.is_empty()).then(|| Spread {
        mean: round1(indices.iter().sum::<f64>() / indices.len() as f64),
        min: round1(indices.iter().copied().fold(f64::INFINITY, f64::min)),
        max: round1(indices.iter().copied().fold(f64::NEG_INFINITY, f64::max)),
    });
    let by_day = |pick: fn(&DaySum) -> i64| -> Vec<f64> {
        (days.iter())
            .map(|d| round1(pick(d) as f64 / f64::from(d.runs.max(1))))
            .collect()
    };
    let per_run = |n: u32| round1(f64::from(n) / f64::from(runs.max(1)));
    let behaviour = (detail == Detail::Full).then(|| {
        let mut top: Vec<(String, f64)> = (named.iter())
            .map(|(what, &n)| (what.clone(), per_run(n)))
            .collect();
        // Most first; ties in the order of the names, so the list is the same every time.
        top.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top.truncate(5);
        let mut quiet: Vec<Quiet> = (quiet.into_iter())
            .map(|((from, to), runs)| Quiet { from, to, runs })
            .collect();
        quiet.sort_by(|a, b| {
            b.runs
                .cmp(&a.runs)
                .then((a.from, a.to).cmp(&(b.from, b.to)))
        });
        Behaviour {
            actions: (trace::KINDS.iter().enumerate())
                .map(|(k, name)| {
                    (
                        name.to_string(),
                        per_run(kinds.get(k).copied().unwrap_or(0)),
                    )
                })
                .collect(),
            top_actions: top,
            quiet,
            quiet_runs,
        }
    });
    let count = |ids: Vec<&String>, counts: &[u32]| -> BTreeMap<String, u32> {
        let counts = counts.iter().copied().chain(std::iter::repeat(0));
        ids.into_iter().cloned().zip(counts).collect()
    };
    Report {
        level: level.id.clone(),
        strategy,
        persona,
        runs,
        seed,
        score: Stats::of(&scores),
        integrity: Stats::of(&selves),
        money: Stats::of(&money),
        endings,
        perks: count(level.perks.iter().map(|p| &p.id).collect(), &perks),
        sanctions: count(level.sanctions.iter().map(|s| &s.id).collect(), &sanctions),
        runs_per_second: 0.0,
        obedience,
        obedience_na,
        score_by_day: by_day(|d| d.score),
        self_by_day: by_day(|d| d.integrity),
        behaviour,
        reached,
    }
}

/// `0..n` split into contiguous chunks, one for each of `threads` threads: `f` of each
/// chunk, in order.
fn in_parallel<T: Send>(
    n: u64,
    threads: usize,
    f: impl Fn(std::ops::Range<u64>) -> T + Sync,
) -> Vec<T> {
    let threads = (threads.max(1) as u64).min(n.max(1));
    let chunk = |t: u64| (n * t / threads)..(n * (t + 1) / threads);
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = (0..threads)
            .map(|t| scope.spawn(move || f(chunk(t))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a bot run panicked"))
            .collect()
    })
}
