//! The debrief and the classroom: computed from the journal alone, different by play style,
//! carried by a result code, merged into a class summary.

use std::path::Path;
use std::sync::Arc;

use scored::bots::{self, Strategy};
use scored::check;
use scored::classroom::{self, Class, ClassEntry, Report, decode, encode};
use scored::game::{Action, Game, Level};

fn load(path: &str) -> Arc<Level> {
    Arc::new(check::load_file(Path::new(path)).unwrap())
}

fn mean_obedience(level: &Arc<Level>, strategy: Strategy) -> f64 {
    let mut total = 0.0;
    let mut n = 0.0;
    for persona in &level.personas {
        for seed in 1..=4 {
            let game = bots::play(level.clone(), Some(&persona.id), seed, strategy);
            total += game.debrief().obedience.index;
            n += 1.0;
        }
    }
    total / n
}

#[test]
fn the_obedience_index_orders_conformist_random_authentic() {
    let level = load("levels/mandatory.ron");
    let conformist = mean_obedience(&level, Strategy::Conformist);
    let random = mean_obedience(&level, Strategy::Random);
    let authentic = mean_obedience(&level, Strategy::Authentic);
    assert!(
        conformist > random,
        "conformist {conformist:.2} vs random {random:.2}"
    );
    assert!(
        random > authentic,
        "random {random:.2} vs authentic {authentic:.2}"
    );
}

#[test]
fn the_debrief_reads_differently_for_a_conformist_and_a_rebel() {
    let level = load("levels/mandatory.ron");
    let text = |s| {
        let game = bots::play(level.clone(), None, 3, s);
        let (_, sections) = classroom::debrief(&game);
        sections
            .into_iter()
            .flat_map(|(t, l)| std::iter::once(t).chain(l))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (conformist, rebel) = (text(Strategy::Conformist), text(Strategy::Rebel));
    assert_ne!(conformist, rebel);
    assert!(
        conformist.contains("The moments that moved it most:"),
        "{conformist}"
    );
    for section in [
        "Obedience",
        "Drift mirror",
        "Ghost run",
        "What was real?",
        "To discuss",
    ] {
        assert!(rebel.contains(section), "{section} missing");
    }
}

#[test]
fn the_drift_mirror_compares_the_baseline_with_the_scored_days() {
    let level = load("tests/fixtures/mini.ron");
    let (mut game, _) = Game::new(level, Some("student"), 1).unwrap();
    // Day 1 (no score): a game and a post on the press. Then, scored: nothing like it.
    game.play(Action::Buy {
        item: "game".into(),
    })
    .unwrap();
    game.play(Action::Draft {
        topic: "story".into(),
    })
    .unwrap();
    game.play(Action::Post).unwrap();
    while !game.is_over() {
        game.play(Action::EndDay).unwrap();
    }
    let drift = game.debrief().drift.expect("mini has a baseline day");
    assert_eq!(drift.baseline_days, 1);
    let row = |k: &str| drift.rows.iter().find(|r| r.0 == k).cloned();
    assert_eq!(
        row("spent on leisure"),
        Some(("spent on leisure".into(), 30.0, 0.0))
    );
    assert_eq!(
        row("posts on A story"),
        Some(("posts on A story".into(), 1.0, 0.0))
    );
    assert!(drift.largest.is_some());
}

#[test]
fn the_ghost_run_replays_the_same_decisions_as_another_persona() {
    let level = load("tests/fixtures/mini.ron");
    let game = bots::play(level.clone(), Some("student"), 2, Strategy::Conformist);
    let ghost = scored::game::debrief::ghost(level.clone(), &game, "heir").unwrap();
    assert_eq!(ghost.persona, "heir");
    assert!(ghost.ending.is_some());
    // The heir starts richer, with other values: the same choices end elsewhere.
    assert!(
        ghost.money > game.state().money + 500,
        "{} vs {}",
        ghost.money,
        game.state().money
    );
    assert_ne!(ghost.integrity, game.state().integrity);
    assert_eq!(classroom::ghost_persona(&game).as_deref(), Some("heir"));
}

#[test]
fn a_result_code_round_trips_and_a_typo_is_caught() {
    let level = load("levels/mandatory.ron");
    for strategy in [Strategy::Conformist, Strategy::Rebel, Strategy::Random] {
        let game = bots::play(level.clone(), None, 5, strategy);
        let (report, _) = classroom::debrief(&game);
        let code = encode(&report.summary);
        assert!(code.starts_with("SCORED1~mandatory~5~"));
        assert!(
            code.chars().all(|c| c.is_ascii_graphic()),
            "one line of printable text: {code}"
        );
        assert_eq!(decode(&code).unwrap(), report.summary);
        let typo = code.replacen("~5~", "~6~", 1);
        assert!(decode(&typo).unwrap_err().contains("checksum"));
    }
    assert!(decode("hello").is_err());
}

#[test]
fn the_class_summary_counts_what_the_reports_say() {
    let level = load("levels/mandatory.ron");
    let mut entries = Vec::new();
    let mut indices = Vec::new();
    for (strategy, n) in [(Strategy::Conformist, 3), (Strategy::Authentic, 2)] {
        for i in 0..n {
            let mut game = bots::play(level.clone(), Some("lin_wei"), 2026, strategy);
            // The same seed and strategy give the same game: names tell the students apart.
            game.set_name(Some(format!("{} {i}", strategy.name())));
            let (report, _) = classroom::debrief(&game);
            indices.push(report.summary.obedience());
            entries.push(ClassEntry::Report(report));
        }
    }
    // One more handed in as a code only.
    let game = bots::play(level.clone(), Some("lin_wei"), 2026, Strategy::Rebel);
    let code = encode(&classroom::debrief(&game).0.summary);
    entries.push(ClassEntry::Code(decode(&code).unwrap()));
    let class = Class::new(entries);
    let text = class.text();
    assert!(
        text.contains("6 result(s): 5 full report(s), 1 code(s)."),
        "{text}"
    );
    // The same seed and strategy give the same game: three conformists alike but for the name.
    let conformist_bucket = ((indices[0] * 5.0) as usize).min(4);
    let line = text
        .lines()
        .filter(|l| {
            l.contains('%')
                && l.trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
        })
        .nth(conformist_bucket)
        .unwrap()
        .to_string();
    let count: usize = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(count >= 3, "{line}");
    assert!(
        text.contains("== Shared decisions in mandatory · seed 2026\n5 full report(s)"),
        "{text}"
    );
    let endings = class
        .sections()
        .into_iter()
        .find(|(t, _)| t == "Endings in mandatory · seed 2026 · lin_wei")
        .unwrap()
        .1;
    let total: usize = endings
        .iter()
        .map(|l| {
            l.split_whitespace()
                .rev()
                .nth(3)
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, 6);
    assert!(class.markdown().starts_with("# Scored — class summary"));
}

#[test]
fn a_report_is_markdown_json_and_a_code() {
    let dir = tempfile::tempdir().unwrap();
    let level = load("tests/fixtures/mini.ron");
    let game = bots::play(level, None, 1, Strategy::Conformist);
    let written = classroom::write_report(dir.path(), &game).unwrap();
    assert_eq!(written.len(), 3);
    let md = std::fs::read_to_string(&written[0]).unwrap();
    assert!(md.contains("## Obedience") && md.contains("Result code: `SCORED1~"));
    let json: Report =
        serde_json::from_str(&std::fs::read_to_string(&written[1]).unwrap()).unwrap();
    let code = std::fs::read_to_string(&written[2]).unwrap();
    assert_eq!(decode(&code).unwrap(), json.summary);
    // A second export of the same game writes the same files, not another copy.
    let again = classroom::write_report(dir.path(), &game).unwrap();
    assert_eq!(again, written);
}
