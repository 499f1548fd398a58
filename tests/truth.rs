//! One truth for every number: a figure told to the player (an outcome, the day list, the
//! summary) is the figure the state holds at that moment.

use std::path::Path;
use std::sync::Arc;

use scored::bots::{self, Strategy};
use scored::check;
use scored::classroom;
use scored::game::state::Verdict;
use scored::game::{Action, Game, Level, Outcome};

fn load(path: &str) -> Arc<Level> {
    Arc::new(check::load_file(Path::new(path)).expect("the level is valid"))
}

fn start(level: &Arc<Level>, persona: Option<&str>, seed: u64) -> Game {
    Game::new(level.clone(), persona, seed)
        .expect("persona exists")
        .0
}

use scored::launch::SHIPPED as LEVELS;

/// Ends days until the score is switched on; the figure it was announced with.
fn announced_switch_on(game: &mut Game) -> Option<i32> {
    while !game.is_over() {
        let outcomes = game.play(Action::EndDay).unwrap();
        if let Some(score) = outcomes.iter().find_map(|o| match o {
            Outcome::ScoreSwitchedOn { score } => Some(*score),
            _ => None,
        }) {
            return Some(score);
        }
    }
    None
}

#[test]
fn the_switched_on_score_is_the_one_the_header_shows() {
    // The cases reported: "Yours is 637" over a header of 638.
    let mandatory = load("levels/mandatory.ron");
    for (seed, persona) in [(1, None), (2026, Some("lin_wei"))] {
        let mut game = start(&mandatory, persona, seed);
        let told = announced_switch_on(&mut game).expect("mandatory switches the score on");
        assert_eq!(game.state().day, mandatory.baseline_days + 1);
        assert_eq!(Some(told), game.state().score, "seed {seed}");
    }
    for id in LEVELS {
        let level = load(&format!("levels/{id}.ron"));
        for persona in &level.personas {
            let mut game = start(&level, Some(&persona.id), 3);
            if let Some(told) = announced_switch_on(&mut game) {
                assert_eq!(Some(told), game.state().score, "{id}, {}", persona.id);
            }
        }
    }
}

#[test]
fn the_headless_switch_on_line_agrees_with_the_status_under_it() {
    let exe = env!("CARGO_BIN_EXE_scored");
    let output = std::process::Command::new(exe)
        .args([
            "play",
            "mandatory",
            "--headless",
            "--seed",
            "2026",
            "--no-save",
        ])
        .args(["--persona", "lin_wei"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"next\nnext\nnext\n")?;
            child.wait_with_output()
        })
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let told = text
        .lines()
        .find_map(|l| l.strip_prefix("The score is switched on. Yours is "))
        .expect("the switch-on line")
        .trim_end_matches('.');
    let after = text.split("The score is switched on.").nth(1).unwrap();
    let header = after
        .lines()
        .find_map(|l| l.strip_prefix("Lantern Credit (Citizen Edition): "))
        .expect("the status after it");
    assert!(
        header.starts_with(&format!("{told} ")),
        "told {told}, the status says {header}"
    );
}

/// Plays a level to its end, buying what it can each day; every outcome, in order.
fn play_buying(game: &mut Game) -> Vec<Outcome> {
    let items: Vec<String> = game.level().items.iter().map(|i| i.id.clone()).collect();
    let mut all = Vec::new();
    let mut next = 0;
    while !game.is_over() {
        for _ in 0..items.len() {
            if game.state().actions_left == 0 {
                break;
            }
            let item = items[next % items.len()].clone();
            next += 1;
            if let Ok(o) = game.play(Action::Buy { item }) {
                all.extend(o);
            }
        }
        all.extend(game.play(Action::EndDay).unwrap());
    }
    all
}

#[test]
fn in_the_black_box_the_last_recomputation_is_the_final_score_and_the_last_day_listed() {
    let level = load("levels/black-box.ron");
    for persona in &level.personas {
        for seed in [1, 2, 2026] {
            let mut game = start(&level, Some(&persona.id), seed);
            let outcomes = play_buying(&mut game);
            let last = outcomes
                .iter()
                .rev()
                .find_map(|o| match o {
                    Outcome::Recomputed { score, .. } => Some(*score),
                    _ => None,
                })
                .expect("recomputed at least once");
            let summary = game.summary();
            let mark = game.state().timeline.last().unwrap();
            let case = format!("{}, seed {seed}", persona.id);
            assert_eq!(last, summary.score, "{case}");
            assert_eq!(mark.day, level.days, "{case}");
            assert_eq!(mark.score, Some(summary.score), "{case}");
            let (_, sections) = classroom::debrief(&game);
            let over_time = &sections.iter().find(|(t, _)| t == "Over time").unwrap().1;
            assert!(
                over_time[0].ends_with(&format!(" {}:{}", level.days, summary.score)),
                "{case}: {}",
                over_time[0]
            );
        }
    }
}

#[test]
fn day_lists_run_from_day_1_to_the_last_day_and_end_on_the_final_figures() {
    for id in LEVELS {
        let level = load(&format!("levels/{id}.ron"));
        for strategy in [Strategy::Conformist, Strategy::Rebel, Strategy::Random] {
            let game = bots::play(level.clone(), None, 5, strategy);
            let s = game.state();
            let days: Vec<u32> = s.timeline.iter().map(|m| m.day).collect();
            let expected: Vec<u32> = (1..=level.days).collect();
            assert_eq!(days, expected, "{id} {strategy:?}");
            let last = s.timeline.last().unwrap();
            let summary = game.summary();
            assert_eq!(last.score.unwrap_or(summary.score), summary.score);
            assert_eq!(last.integrity, summary.integrity, "{id} {strategy:?}");
            assert_eq!(last.money, summary.money, "{id} {strategy:?}");
            let debrief = game.debrief();
            assert_eq!(debrief.timeline.last().unwrap().0, level.days);
            let (_, sections) = classroom::debrief(&game);
            let over_time = &sections.iter().find(|(t, _)| t == "Over time").unwrap().1;
            let beyond = format!(" {}:", level.days + 1);
            assert!(
                over_time.iter().all(|l| !l.contains(&beyond)),
                "{id}: {over_time:?}"
            );
        }
    }
}

#[test]
fn a_days_mark_is_that_day_after_its_night() {
    let level = load("tests/fixtures/mini.ron");
    let mut game = start(&level, Some("student"), 7);
    game.play(Action::EndDay).unwrap();
    game.play(Action::Buy {
        item: "game".into(),
    })
    .unwrap();
    let (score, integrity) = (game.state().score.unwrap(), game.state().integrity);
    let outcomes = game.play(Action::EndDay).unwrap();
    // The night: what happened before day 3 began.
    let night = outcomes
        .iter()
        .take_while(|o| !matches!(o, Outcome::DayStarted { .. }));
    let (mut moved, mut self_moved) = (0, 0);
    for o in night {
        match o {
            Outcome::ScoreChanged { delta, .. } => moved += delta,
            Outcome::IntegrityChanged { delta, .. } => self_moved += delta,
            _ => {}
        }
    }
    assert_eq!(game.state().day, 3);
    let mark = *game.state().timeline.last().unwrap();
    assert_eq!(mark.day, 2, "day 3 has begun: day 2 is the last marked");
    assert_eq!(mark.score, Some(score + moved));
    assert_eq!(mark.integrity, integrity + self_moved);
}

/// Files an appeal against the rule row "game" writes on day 2 of mini, and answers it.
fn appeal_in_mini(seed: u64) -> (Game, Vec<Outcome>, usize, i32) {
    let level = load("tests/fixtures/mini.ron");
    let mut game = start(&level, Some("student"), seed);
    game.play(Action::EndDay).unwrap();
    game.play(Action::Buy {
        item: "game".into(),
    })
    .unwrap();
    let row = game.state().ledger.last().unwrap().clone();
    game.play(Action::Appeal { row: row.id }).unwrap();
    game.play(Action::EndDay).unwrap();
    let outcomes = game.play(Action::EndDay).unwrap();
    (game, outcomes, row.id, row.points)
}

#[test]
fn an_appeal_gives_back_the_points_it_says_and_tells_the_score_it_moved() {
    let mut seen = Vec::new();
    for seed in 1..=30 {
        let (game, outcomes, row, points) = appeal_in_mini(seed);
        let told = outcomes
            .iter()
            .find(|o| matches!(o, Outcome::AppealResolved { .. }))
            .expect("answered after two days");
        let Outcome::AppealResolved {
            verdict,
            points: given,
            of,
            delta,
            took,
            ..
        } = told.clone()
        else {
            unreachable!()
        };
        assert_eq!(of, points);
        assert_eq!(took, game.state().ledger[row].delta);
        let expected = match verdict {
            Verdict::Upheld => -points,
            Verdict::Partial => -points / 2,
            Verdict::Denied => 0,
        };
        assert_eq!(given, expected, "seed {seed}");
        if verdict != Verdict::Denied {
            let correction = game
                .state()
                .ledger
                .iter()
                .find(|r| r.inference == "Correction after review")
                .unwrap();
            assert_eq!(Some(correction.delta), delta, "seed {seed}");
            assert_eq!(correction.points, given, "what moved on the dimension");
            // Told in the ledger's units, and the score line beside it says the same.
            let changed = outcomes.iter().find_map(|o| match o {
                Outcome::ScoreChanged { delta, reason, .. }
                    if reason.starts_with(&format!("Appeal on row {row}")) =>
                {
                    Some(*delta)
                }
                _ => None,
            });
            assert_eq!(changed, delta);
            let text = told.describe(game.level());
            assert!(
                text.contains(&format!("score {:+}", delta.unwrap())),
                "{text}"
            );
            if verdict == Verdict::Upheld {
                // Mini's points are worth whole score points: all of it comes back.
                assert_eq!(delta, Some(-took), "seed {seed}: {text}");
            }
        }
        assert_eq!(game.state().score, Some(game.implied_score()));
        seen.push(verdict);
    }
    assert!(seen.contains(&Verdict::Upheld) && seen.contains(&Verdict::Partial));
}

#[test]
fn an_upheld_appeal_that_moves_the_score_less_than_the_row_says_so() {
    let level = load("tests/fixtures/mini.ron");
    let said = |delta, took| {
        Outcome::AppealResolved {
            row: 4,
            verdict: Verdict::Upheld,
            dimension: "behaviour".into(),
            points: 4,
            of: -4,
            delta: Some(delta),
            took,
        }
        .describe(&level)
    };
    assert_eq!(
        said(6, -6),
        "Appeal on row 4 upheld: Behaviour +4 points, score +6."
    );
    let short = said(5, -6);
    assert!(
        short.starts_with(
            "Appeal on row 4 upheld: Behaviour +4 points, score +5 (the row moved it -6"
        )
    );
}

#[test]
fn an_event_choice_shows_the_money_it_pays_or_takes() {
    use scored::game::level::Effect;
    let mut seen = 0;
    for id in LEVELS {
        let level = load(&format!("levels/{id}.ron"));
        let game = start(&level, None, 1);
        for e in &level.events {
            for c in &e.choices {
                let money: i64 = (c.effects.iter())
                    .map(|x| if let Effect::Money(m) = x { *m } else { 0 })
                    .sum();
                let answer = Action::Answer {
                    event: e.id.clone(),
                    choice: c.id.clone(),
                };
                let p = game.predict(&answer).expect("a choice has an effect");
                assert_eq!(p.money, money, "{id}: {} / {}", e.id, c.id);
                let shown = scored::present::action_effect(&game, &answer);
                if money != 0 {
                    seen += 1;
                    assert!(shown.contains(&format!("money {money:+}")), "{shown}");
                }
            }
        }
    }
    assert!(seen > 5, "only {seen} choices with money");
}
