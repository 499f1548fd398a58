//! Properties over random play and random input.

use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use scored::check;
use scored::game::level::Level;
use scored::game::{Action, Game};
use scored::headless;

fn level(name: &str) -> Arc<Level> {
    let path = if name == "mini" {
        "tests/fixtures/mini.ron".to_string()
    } else {
        format!("levels/{name}.ron")
    };
    Arc::new(check::load_file(Path::new(&path)).expect("valid level"))
}

/// An action built from random numbers, aimed at things that exist (and some that do not).
fn action(game: &Game, kind: u8, pick: usize) -> Action {
    let l = game.level();
    let nth = |n: usize| if n == 0 { 0 } else { pick % n };
    let npc = || {
        l.npcs
            .get(nth(l.npcs.len()))
            .map_or("nobody".into(), |n| n.id.clone())
    };
    match kind % 14 {
        0 => Action::Buy {
            item: l
                .items
                .get(nth(l.items.len()))
                .map_or("x".into(), |i| i.id.clone()),
        },
        1 => Action::Draft {
            topic: l
                .topics
                .get(nth(l.topics.len()))
                .map_or("x".into(), |t| t.id.clone()),
        },
        2 => Action::Post,
        3 => Action::CancelDraft,
        4 => Action::Like { post: pick % 40 },
        5 => Action::Share { post: pick % 40 },
        6 => Action::Report { post: pick % 40 },
        7 => Action::Befriend { npc: npc() },
        8 => Action::Unfriend { npc: npc() },
        9 => Action::Denounce { npc: npc() },
        10 => {
            let pending: Vec<_> = game.pending_events().collect();
            match pending.get(nth(pending.len())) {
                Some(e) => Action::Answer {
                    event: e.id.clone(),
                    choice: e.choices[nth(e.choices.len())].id.clone(),
                },
                None => Action::Answer {
                    event: "none".into(),
                    choice: "none".into(),
                },
            }
        }
        11 => Action::Appeal { row: pick % 30 },
        12 => Action::Consent {
            share: pick % 2 == 0,
        },
        _ => Action::EndDay,
    }
}

fn play_randomly(name: &str, seed: u64, steps: &[(u8, usize)]) -> Game {
    let level = level(name);
    let (min, max) = (level.score.min, level.score.max);
    let (mut game, _) = Game::new(level, None, seed).unwrap();
    for (kind, pick) in steps {
        let a = action(&game, *kind, *pick);
        let _ = game.play(a);
        let s = game.state();
        if let Some(score) = s.score {
            assert!(
                (min..=max).contains(&score),
                "score {score} outside {min}..={max}"
            );
        }
        assert!((0..=100).contains(&s.integrity));
        for n in s.npcs.values() {
            assert!((min..=max).contains(&n.score));
        }
    }
    game
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_play_never_panics_and_scores_stay_in_range(
        seed in any::<u64>(),
        steps in prop::collection::vec((any::<u8>(), any::<usize>()), 0..400),
        which in 0usize..3,
    ) {
        play_randomly(["mini", "tutorial", "mandatory"][which], seed, &steps);
    }

    #[test]
    fn the_same_seed_and_actions_give_the_same_journal(
        seed in any::<u64>(),
        steps in prop::collection::vec((any::<u8>(), any::<usize>()), 0..200),
    ) {
        let a = play_randomly("mandatory", seed, &steps);
        let b = play_randomly("mandatory", seed, &steps);
        prop_assert_eq!(&a.state().journal, &b.state().journal);
        prop_assert_eq!(a.state(), b.state());
    }

    #[test]
    fn checking_any_text_never_panics(src in ".{0,400}") {
        let _ = check::load_str("fuzz.ron", &src);
    }

    #[test]
    fn checking_a_damaged_level_never_panics(cut in 0usize..4000, len in 0usize..40, insert in ".{0,8}") {
        let src = std::fs::read_to_string("tests/fixtures/mini.ron").unwrap();
        let mut start = cut.min(src.len());
        while !src.is_char_boundary(start) { start -= 1; }
        let mut end = (start + len).min(src.len());
        while !src.is_char_boundary(end) { end -= 1; }
        let damaged = format!("{}{}{}", &src[..start], insert, &src[end..]);
        let _ = check::load_str("damaged.ron", &damaged);
    }

    #[test]
    fn any_headless_input_is_survived(lines in prop::collection::vec("[a-z0-9 _]{0,24}", 0..60)) {
        let (mut game, opening) = Game::new(level("mini"), None, 1).unwrap();
        let input = lines.join("\n");
        let mut out = Vec::new();
        headless::run(&mut game, &opening, input.as_bytes(), &mut out, &mut |_| {}).unwrap();
        prop_assert!(!out.contains(&0x1b));
    }
}
