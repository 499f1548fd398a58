//! Golden playthroughs: a scripted headless game of each level on a fixed seed, and each bot
//! strategy's final state, pinned as insta snapshots. A change in how a level plays shows up
//! here as a reviewable diff (`cargo insta review`, or `INSTA_UPDATE=always cargo test`).

use std::path::Path;
use std::sync::Arc;

use scored::bots::{self, Strategy};
use scored::check;
use scored::game::{Game, Level};
use scored::headless;

fn load(path: &str) -> Arc<Level> {
    Arc::new(check::load_file(Path::new(path)).expect("valid level"))
}

fn transcript(level: &str, script: &str, seed: u64) -> String {
    let level = load(level);
    let (mut game, opening) = Game::new(level, None, seed).unwrap();
    let input = std::fs::read_to_string(script).unwrap();
    let mut out = Vec::new();
    headless::run(&mut game, &opening, input.as_bytes(), &mut out, &mut |_| {}).unwrap();
    String::from_utf8(out).unwrap()
}

fn bot_results(level: &str) -> String {
    let level = load(level);
    let mut out = String::new();
    for persona in &level.personas {
        for strategy in [
            Strategy::Conformist,
            Strategy::Authentic,
            Strategy::Rebel,
            Strategy::Random,
        ] {
            let game = bots::play(level.clone(), Some(&persona.id), 42, strategy);
            let r = bots::result(&game);
            let s = game.state();
            out.push_str(&format!(
                "{:<12} {:<10} score {:>4}  self {:>3}  money {:>5}  friends {}  decisions {:>3}  ending {}\n",
                persona.id,
                strategy.name(),
                r.score,
                r.integrity,
                r.money,
                s.friends.len(),
                s.journal.decisions.len(),
                r.ending
            ));
        }
    }
    out
}

macro_rules! golden {
    ($name:ident, $level:expr, $script:expr) => {
        mod $name {
            #[test]
            fn scripted_playthrough() {
                insta::assert_snapshot!(super::transcript($level, $script, 42));
            }

            #[test]
            fn every_strategy_and_persona() {
                insta::assert_snapshot!(super::bot_results($level));
            }
        }
    };
}

golden!(mini, "tests/fixtures/mini.ron", "tests/golden/mini.txt");
golden!(tutorial, "levels/tutorial.ron", "tests/golden/tutorial.txt");
golden!(
    mandatory,
    "levels/mandatory.ron",
    "tests/golden/mandatory.txt"
);
