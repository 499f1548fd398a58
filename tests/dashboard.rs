//! The teacher's dashboard of `scored serve`, drawn to ratatui's `TestBackend` from a fixed
//! class: what a projector shows at 80×24 and 160×48.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use scored::serve::dashboard::{Board, render, write_summary};
use scored::serve::watch::{ClassView, Student};
use scored::tui::theme::Theme;

fn student(
    name: &str,
    connected: bool,
    day: u32,
    score: Option<i32>,
    integrity: i32,
    ending: Option<&str>,
    obedience: Option<Option<f64>>,
) -> Student {
    Student {
        name: name.into(),
        connected,
        day,
        score,
        integrity,
        ending: ending.map(Into::into),
        obedience,
    }
}

fn class() -> ClassView {
    ClassView {
        days: 10,
        students: vec![
            student("anna", true, 7, Some(702), 41, None, None),
            student("ben", true, 4, Some(655), 63, None, None),
            student(
                "chen",
                false,
                11,
                Some(811),
                22,
                Some("Adjusted"),
                Some(Some(0.86)),
            ),
            student("dara", true, 2, None, 60, None, None),
            student(
                "eli",
                false,
                11,
                Some(590),
                74,
                Some("Unbowed"),
                Some(Some(0.25)),
            ),
            student(
                "fatima",
                true,
                11,
                Some(760),
                38,
                Some("Adjusted"),
                Some(Some(0.67)),
            ),
            student("gus", true, 0, None, 0, None, None),
            student(
                "hana",
                false,
                11,
                Some(640),
                55,
                Some("Plain credit"),
                Some(None),
            ),
        ],
    }
}

fn board() -> Board {
    Board {
        theme: Theme::from_env(false),
        level_title: "Mandatory".into(),
        seed: 2026,
        how_to_join: "ssh -p 2222 NAME@THIS-COMPUTER (then the class password)".into(),
        view: class(),
        log: vec![
            "`fatima` finished: adjusted; report class/reports/mandatory-2026-fatima.json".into(),
            "`gus` started from 192.0.2.14".into(),
            "`anna` reconnected from 192.0.2.11".into(),
        ],
        notice: None,
        confirm: false,
    }
}

fn draw(board: &Board, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| render(f, board)).unwrap();
    terminal
}

#[test]
fn the_dashboard_at_80x24() {
    insta::assert_snapshot!("dashboard_80x24", draw(&board(), 80, 24).backend());
}

#[test]
fn the_dashboard_at_160x48() {
    insta::assert_snapshot!("dashboard_160x48", draw(&board(), 160, 48).backend());
}

#[test]
fn stopping_asks_first() {
    let mut b = board();
    b.confirm = true;
    insta::assert_snapshot!("dashboard_confirm_80x24", draw(&b, 80, 24).backend());
}

#[test]
fn an_empty_class_and_tiny_terminals_draw() {
    let mut b = board();
    b.view = ClassView {
        days: 10,
        students: Vec::new(),
    };
    insta::assert_snapshot!("dashboard_empty_80x24", draw(&b, 80, 24).backend());
    for (w, h) in [(0, 0), (1, 1), (10, 5), (40, 12), (300, 120)] {
        draw(&board(), w, h);
        b.confirm = true;
        draw(&b, w, h);
    }
}

#[test]
fn the_summary_key_writes_what_scored_class_writes() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        write_summary(dir.path())
            .unwrap()
            .starts_with("No reports yet")
    );
    let level = std::sync::Arc::new(
        scored::levels::load(&scored::levels::built_in_path("tutorial")).unwrap(),
    );
    let (mut game, _) = scored::game::Game::new(level, None, 3).unwrap();
    game.set_name(Some("ana".into()));
    while !game.is_over() {
        game.play(scored::game::Action::EndDay).unwrap();
    }
    scored::classroom::write_report(&dir.path().join("reports"), &game).unwrap();
    let said = write_summary(dir.path()).unwrap();
    assert!(said.contains("1 report(s)"), "{said}");
    let md = std::fs::read_to_string(dir.path().join("summary.md")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_scored"))
        .arg("class")
        .arg(dir.path().join("reports"))
        .arg("--markdown")
        .arg(dir.path().join("cli.md"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        md,
        std::fs::read_to_string(dir.path().join("cli.md")).unwrap()
    );
    let txt = std::fs::read_to_string(dir.path().join("summary.txt")).unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.starts_with(&txt), "{printed}\n---\n{txt}");
}
