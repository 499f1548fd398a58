//! The bots and the balance report: the mostly-* strategies, the obedience index, the score
//! by day and the quiet stretches.

use std::path::Path;
use std::sync::Arc;

use scored::balance::{Detail, Report, simulate};
use scored::bots::{self, Strategy};
use scored::check;
use scored::game::Level;
use scored::game::journal::Decision;
use scored::game::{Game, Opening};

fn load(path: &str) -> Arc<Level> {
    Arc::new(check::load_file(Path::new(path)).expect("the level is valid"))
}

fn decisions(game: &Game) -> &[Decision] {
    &game.state().journal.decisions
}

#[test]
fn mostly_strategies_are_deterministic_and_sometimes_stray_from_the_pure_one() {
    let level = load("levels/mandatory.ron");
    for (mostly, pure) in [
        (Strategy::MostlyConformist, Strategy::Conformist),
        (Strategy::MostlyAuthentic, Strategy::Authentic),
    ] {
        let mut differ = 0;
        for seed in 1..=6 {
            let a = bots::play(level.clone(), None, seed, mostly);
            let b = bots::play(level.clone(), None, seed, mostly);
            assert_eq!(a.state(), b.state(), "{mostly:?} seed {seed}");
            let p = bots::play(level.clone(), None, seed, pure);
            differ += usize::from(decisions(&a) != decisions(&p));
        }
        assert!(
            differ > 0,
            "{mostly:?} played exactly as {pure:?} in every run"
        );
    }
}

#[test]
fn a_journaled_silent_game_decides_as_a_shown_one() {
    // The obedience index of bot runs comes from silent games that keep a journal: their
    // decisions must be the shown game's, weighed alike.
    let level = load("levels/mandatory.ron");
    let opening = Opening::new(level.clone(), None).unwrap();
    let actions = bots::Actions::of(&level);
    for strategy in [Strategy::Random, Strategy::MostlyConformist] {
        let shown = bots::play(level.clone(), None, 11, strategy);
        let game = opening.start_journaled(11);
        let (quiet, _) = bots::play_watched(game, &[], &actions, 11, strategy, &mut ());
        let key = |d: &Decision| {
            (
                d.day,
                d.scored,
                d.kind,
                d.chosen,
                d.score_best,
                d.values_best,
            )
        };
        let a: Vec<_> = decisions(&shown).iter().map(key).collect();
        let b: Vec<_> = decisions(&quiet).iter().map(key).collect();
        assert!(!a.is_empty());
        assert_eq!(a, b, "{strategy:?}");
    }
}

fn report(level: &Arc<Level>, strategy: Strategy, detail: Detail) -> Report {
    simulate(level.clone(), None, strategy, 8, 1, 2, detail)
}

#[test]
fn the_conformist_obeys_more_than_the_authentic_player_on_mandatory() {
    let level = load("levels/mandatory.ron");
    let obedience = |s| {
        let r = report(&level, s, Detail::Numbers);
        assert_eq!(r.score_by_day.len(), level.days as usize);
        assert_eq!(r.self_by_day.len(), level.days as usize);
        let o = r.obedience.expect("runs with conflicted decisions");
        assert!(0.0 <= o.min && o.min <= o.mean && o.mean <= o.max && o.max <= 100.0);
        o.mean
    };
    let (conformist, authentic) = (
        obedience(Strategy::Conformist),
        obedience(Strategy::Authentic),
    );
    assert!(
        conformist > authentic,
        "conformist {conformist}, authentic {authentic}"
    );
}

#[test]
fn the_plain_simulation_records_nothing_extra() {
    let level = load("levels/mandatory.ron");
    let r = report(&level, Strategy::Random, Detail::Plain);
    assert!(r.obedience.is_none() && r.score_by_day.is_empty() && r.behaviour.is_none());
}

/// The test level made quiet: nobody else, no news, perks, sanctions or votes, the score on
/// from the start, and one bulletin on day 5.
fn quiet_level() -> Arc<Level> {
    let mut level = check::load_file(Path::new("tests/fixtures/mini.ron")).unwrap();
    level.days = 12;
    level.baseline_days = 0;
    level.npcs.clear();
    level.news.clear();
    level.proposals.clear();
    level.perks.clear();
    level.sanctions.clear();
    for p in &mut level.personas {
        p.friends.clear();
    }
    level.events.retain(|e| e.id == "crackdown");
    level.events[0].day = 5;
    Arc::new(level)
}

#[test]
fn quiet_stretches_are_found_on_a_quiet_level() {
    let level = quiet_level();
    for strategy in [Strategy::Conformist, Strategy::Random] {
        let r = report(&level, strategy, Detail::Full);
        let b = r.behaviour.expect("a full report watches behaviour");
        let stretches: Vec<(u32, u32, u32)> =
            b.quiet.iter().map(|q| (q.from, q.to, q.runs)).collect();
        assert_eq!(stretches, vec![(1, 4, 8), (6, 12, 8)], "{strategy:?}");
        assert_eq!(b.quiet_runs, 8);
        let per_run: f64 = b.actions.values().sum();
        assert!(per_run > 0.0, "{strategy:?} took no action");
    }
    // Where every day brings something, there is none.
    let busy = load("levels/mandatory.ron");
    let b = report(&busy, Strategy::Conformist, Detail::Full)
        .behaviour
        .unwrap();
    assert!(b.quiet.is_empty() && b.quiet_runs == 0);
}
