//! The self meter and the score keep costing to the last day: no free self, habituation, the
//! night's pull, fines at a dimension's floor, and rewards that wear down.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use scored::check;
use scored::game::level::Level;
use scored::game::state::{Author, ConsentState};
use scored::game::{Action, Game, Outcome};

fn mini() -> Level {
    check::load_file(Path::new("tests/fixtures/mini.ron")).expect("the test level is valid")
}

fn start(level: Level, persona: &str) -> Game {
    Game::new(Arc::new(level), Some(persona), 7).unwrap().0
}

fn buy(item: &str) -> Action {
    Action::Buy { item: item.into() }
}

fn shipped() -> Vec<Level> {
    let mut files: Vec<_> = std::fs::read_dir("levels")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| check::load_file(p).expect("shipped levels pass check"))
        .collect()
}

#[test]
fn drafting_and_deleting_never_raises_the_self_on_any_shipped_level() {
    for level in shipped() {
        let level = Arc::new(level);
        for persona in &level.personas {
            for topic in &level.topics {
                let mut game = Game::new(level.clone(), Some(&persona.id), 11).unwrap().0;
                // Past the baseline, where the score is live too.
                while game.state().day <= level.baseline_days {
                    game.play(Action::EndDay).unwrap();
                }
                if game.state().consent == ConsentState::Pending {
                    game.play(Action::Consent { share: false }).unwrap();
                }
                let start = game.state().integrity;
                for round in 0..4 {
                    let draft = Action::Draft {
                        topic: topic.id.clone(),
                    };
                    if game.play(draft).is_err() {
                        break;
                    }
                    game.play(Action::CancelDraft).unwrap();
                    assert!(
                        game.state().integrity <= start,
                        "{}: {} deleting a draft on {} (round {round}) raised the self {} -> {}",
                        level.id,
                        persona.id,
                        topic.id,
                        start,
                        game.state().integrity
                    );
                }
            }
        }
    }
}

#[test]
fn headless_draft_and_cancel_four_times_leaves_the_self_where_it_was() {
    // peoples-ledger's first persona loathes the slogan the council wants posted.
    let mut child = Command::new(env!("CARGO_BIN_EXE_scored"))
        .args([
            "play",
            "peoples-ledger",
            "--headless",
            "--seed",
            "1",
            "--no-save",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let level = check::load_file(Path::new("levels/peoples-ledger.ron")).unwrap();
    let mut script = String::from("consent no\nstatus\n");
    for topic in &level.topics {
        for _ in 0..4 {
            script += &format!("draft {}\ncancel\n", topic.id);
        }
    }
    script += "status\nquit\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let selves: Vec<i32> = text
        .lines()
        .filter_map(|l| l.strip_prefix("Self: "))
        .map(|l| l.split('/').next().unwrap().trim().parse().unwrap())
        .collect();
    // The intro shows the status once; then the two asked for.
    let [.., first, last] = selves[..] else {
        panic!("status lines with the self in:\n{text}");
    };
    assert!(text.contains("Deleted your draft"), "{text}");
    assert!(last <= first, "self rose from {first} to {last}");
}

#[test]
fn affirming_the_same_value_again_gives_half_each_time_and_predictions_agree() {
    let mut game = start(mini(), "student");
    game.play(Action::EndDay).unwrap();
    let mut gains = Vec::new();
    for _ in 0..3 {
        let predicted = game.predict(&buy("game")).unwrap().integrity;
        let before = game.state().integrity;
        game.play(buy("game")).unwrap();
        let gained = game.state().integrity - before;
        assert_eq!(gained, predicted, "the prediction shows the worn-down gain");
        gains.push(gained);
    }
    assert_eq!(gains, [4, 2, 1], "games are worth 4 to the student");
}

#[test]
fn habituation_wears_off_after_the_window() {
    let mut level = mini();
    level.conscience.repeat_window = 2;
    level.conscience.pull = 0;
    let mut game = start(level, "student");
    game.play(buy("game")).unwrap();
    game.play(Action::EndDay).unwrap();
    let before = game.state().integrity;
    game.play(buy("game")).unwrap();
    assert_eq!(game.state().integrity - before, 2, "bought yesterday: half");
    game.play(Action::EndDay).unwrap();
    game.play(Action::EndDay).unwrap();
    let before = game.state().integrity;
    game.play(buy("game")).unwrap();
    assert_eq!(
        game.state().integrity - before,
        4,
        "out of the window: whole"
    );
}

#[test]
fn each_night_pulls_the_self_back_toward_the_persona() {
    let mut level = mini();
    level.conscience.pull = 50;
    let mut game = start(level, "student");
    let home = game.persona().integrity;
    // Report a friend's post: the student loathes informing.
    while game.state().integrity > home - 10 {
        let Some(post) = (game.visible_feed().iter())
            .find(|p| p.reactions.is_empty() && matches!(p.author, Author::Npc(_)))
            .map(|p| p.id)
        else {
            break;
        };
        game.play(Action::Report { post }).unwrap();
    }
    let low = game.state().integrity;
    assert!(low < home, "reporting cost the self");
    let outcomes = game.play(Action::EndDay).unwrap();
    let after = game.state().integrity;
    assert_eq!(
        after,
        low + (home - low) / 2,
        "half the way home in one night"
    );
    assert!(outcomes.iter().any(|o| matches!(
        o,
        Outcome::IntegrityChanged { reason, .. } if reason.contains("more like yourself")
    )));
}

#[test]
fn a_penalty_at_a_dimensions_floor_is_fined_instead_of_free() {
    let mut level = mini();
    level.score.floor_fine = 2;
    level.economy.rent = 0;
    level.personas[0].money = 10_000;
    let mut game = start(level, "student");
    game.play(Action::EndDay).unwrap();
    // Games cost 10 behaviour points each: 60 points take six purchases over two days.
    let mut fined = 0;
    for _ in 0..12 {
        if game.state().actions_left == 0 {
            game.play(Action::EndDay).unwrap();
        }
        let rows = game.state().ledger.len();
        let outcomes = game.play(buy("game")).unwrap();
        let fine: i64 = (outcomes.iter())
            .filter_map(|o| match o {
                Outcome::MoneyChanged { delta, reason } if reason.contains("floor") => Some(*delta),
                _ => None,
            })
            .sum();
        // What each rule asked for, against what the dimension could still give.
        let unpaid: i64 = (game.state().ledger[rows..].iter())
            .filter_map(|r| {
                let rules = &game.level().rules;
                let rule = rules.iter().find(|x| Some(&*x.id) == r.rule.as_deref())?;
                Some(i64::from(r.points - rule.points))
            })
            .sum();
        assert_eq!(
            fine,
            -2 * unpaid,
            "2 money a point the floor could not take"
        );
        if fine != 0 {
            fined += 1;
        }
    }
    assert!(
        fined >= 5,
        "every purchase past the floor is fined ({fined})"
    );
    assert_eq!(game.dimension_value("behaviour"), 0);
}

#[test]
fn a_reward_repeated_within_the_window_halves() {
    let mut level = mini();
    level.score.repeat_window = 7;
    let mut game = start(level, "student");
    game.play(Action::EndDay).unwrap();
    let mut moved = Vec::new();
    for _ in 0..3 {
        let rows = game.state().ledger.len();
        game.play(buy("nappies")).unwrap();
        let row = (game.state().ledger[rows..].iter())
            .find(|r| r.rule.as_deref() == Some("buy_baby"))
            .unwrap();
        moved.push(row.points);
        game.play(Action::EndDay).unwrap();
    }
    assert_eq!(moved, [8, 4, 2]);
}
