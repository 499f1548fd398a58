//! `Game::refusal` answers what `Game::play` would, without playing: for random games of
//! every shipped level, before each action, the query and a played copy agree.

use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use scored::check;
use scored::game::state::ConsentState;
use scored::game::{Action, Game};

const LEVELS: [&str; 8] = [
    "tutorial",
    "mandatory",
    "opt-in",
    "black-box",
    "coupled-income",
    "peer-prestige",
    "peoples-ledger",
    "plain-credit",
];

/// An action built from random numbers, aimed at things that exist (and some that do not).
fn action(game: &Game, kind: u8, pick: usize) -> Action {
    let l = game.level();
    let nth = |n: usize| if n == 0 { 0 } else { pick % n };
    let id = |ids: Vec<&String>| {
        ids.get(nth(ids.len()))
            .map_or("x".into(), |s| s.to_string())
    };
    match kind % 16 {
        0 | 14 => Action::Buy {
            item: id(l.items.iter().map(|i| &i.id).collect()),
        },
        1 => Action::Draft {
            topic: id(l.topics.iter().map(|t| &t.id).collect()),
        },
        2 => Action::Post,
        3 => Action::CancelDraft,
        4 => Action::Like { post: pick % 40 },
        5 => Action::Share { post: pick % 40 },
        6 => Action::Report { post: pick % 40 },
        7 => Action::Befriend {
            npc: id(l.npcs.iter().map(|n| &n.id).collect()),
        },
        8 => Action::Unfriend {
            npc: id(l.npcs.iter().map(|n| &n.id).collect()),
        },
        9 => Action::Denounce {
            npc: id(l.npcs.iter().map(|n| &n.id).collect()),
        },
        10 => match l.events.get(nth(l.events.len())) {
            Some(e) if !e.choices.is_empty() => Action::Answer {
                event: e.id.clone(),
                choice: e.choices[nth(e.choices.len())].id.clone(),
            },
            _ => Action::Answer {
                event: "none".into(),
                choice: "none".into(),
            },
        },
        11 => Action::Appeal { row: pick % 30 },
        12 => Action::Consent {
            share: pick % 2 == 0,
        },
        13 => Action::Vote {
            proposal: id(l.proposals.iter().map(|p| &p.id).collect()),
        },
        _ => Action::EndDay,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn refusal_says_what_play_would(
        seed in any::<u64>(),
        steps in prop::collection::vec((any::<u8>(), any::<usize>()), 0..300),
        which in 0usize..LEVELS.len(),
    ) {
        let path = format!("levels/{}.ron", LEVELS[which]);
        let level = Arc::new(check::load_file(Path::new(&path)).expect("valid level"));
        let (mut game, _) = Game::new(level, None, seed).unwrap();
        for (kind, pick) in steps {
            let a = action(&game, kind, pick);
            // An unanswered consent screen is answered by the first other action, first.
            let consent_open = game.state().consent == ConsentState::Pending;
            let asked = game.refusal(&a).map(|r| r.to_string());
            let played = game.play(&a).err().map(|r| r.to_string());
            if !consent_open {
                prop_assert_eq!(asked, played, "{:?} on day {}", a, game.state().day);
            }
        }
    }
}
