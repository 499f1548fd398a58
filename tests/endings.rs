//! Endings judge how the month was lived: on every shipped level a player who keeps to one
//! style reaches that style's ending, and the two styles' endings differ. The full check of
//! the tension targets (200 runs a strategy, seed 11) is `scripts/tension-check.py`; this is
//! the same question on fewer runs, so that the test suite notices a level that drifts.

use std::path::Path;
use std::sync::Arc;

use scored::balance::{Detail, Report, simulate};
use scored::bots::Strategy;
use scored::check;
use scored::game::level::{Condition, Level};

use scored::launch::SHIPPED;

fn run(level: &Arc<Level>, strategy: Strategy, runs: u32) -> Report {
    simulate(level.clone(), None, strategy, runs, 11, 1, Detail::Plain)
}

fn top(report: &Report) -> &str {
    let most = report.endings.values().max().copied().unwrap_or(0);
    report
        .endings
        .iter()
        .find(|(_, n)| **n == most)
        .map(|(e, _)| e.as_str())
        .unwrap()
}

#[test]
fn a_consistent_style_reaches_its_own_ending_and_never_the_fallback() {
    for id in SHIPPED {
        let level = Arc::new(check::load_file(Path::new(&format!("levels/{id}.ron"))).unwrap());
        let fallback: Vec<&str> = (level.endings.iter())
            .filter(|e| e.when == Condition::Always)
            .map(|e| e.id.as_str())
            .collect();
        let conformist = run(&level, Strategy::Conformist, 30);
        let authentic = run(&level, Strategy::Authentic, 30);
        for (name, r) in [("conformist", &conformist), ("authentic", &authentic)] {
            assert!(
                !fallback.contains(&top(r)),
                "{id}: the {name}'s usual ending is the fallback: {:?}",
                r.endings
            );
        }
        for (pure, mostly) in [
            (&conformist, Strategy::MostlyConformist),
            (&authentic, Strategy::MostlyAuthentic),
        ] {
            let want = top(pure);
            let r = run(&level, mostly, 40);
            let got = r.endings.get(want).copied().unwrap_or(0);
            // 50% on 200 runs in the full check; some slack on 40.
            assert!(
                got * 100 >= 40 * 40,
                "{id}: {} reaches {want} in {got} of 40: {:?}",
                mostly.name(),
                r.endings
            );
        }
        if *id == "plain-credit" {
            continue; // the control: score and values rarely conflict
        }
        assert_ne!(
            top(&conformist),
            top(&authentic),
            "{id}: a month for the score and a month for the self end alike"
        );
        assert!(conformist.score.mean > authentic.score.mean, "{id}: score");
        assert!(
            conformist.integrity.mean + 20.0 < authentic.integrity.mean,
            "{id}: self"
        );
    }
}
