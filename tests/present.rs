//! One source for both front ends: every row of every listing, printed by the headless mode
//! and drawn by the terminal UI (cursor on the row, details beside it), shows the same facts:
//! its name, its price or state, why it is locked, and its predicted effect.

use std::path::Path;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use scored::check;
use scored::game::{Action, Game};
use scored::headless::{self, Command};
use scored::present::{self, Listing, Row, Target};
use scored::tui::app::{App, Origin};
use scored::tui::theme::Theme;
use scored::tui::view;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 70;

fn game(path: &str, seed: u64) -> Game {
    let level = Arc::new(check::load_file(Path::new(path)).expect("valid level"));
    let (mut game, _) = Game::new(level, None, seed).unwrap();
    let _ = game.play(Action::Consent { share: true });
    game
}

/// A few days of play: the first thing that can be bought, a like, a friend; events left open.
fn played(mut game: Game, days: u32) -> Game {
    for _ in 0..days {
        for listing in [Listing::Shop, Listing::Friends] {
            let row = (present::rows(&game, listing).into_iter()).find(|r| {
                r.lock.is_none() && matches!(r.target, Target::Buy(_) | Target::Person(_))
            });
            let action = match row.map(|r| r.target) {
                Some(Target::Buy(item)) => Action::Buy { item },
                Some(Target::Person(npc)) if !game.state().friends.contains(&npc) => {
                    Action::Befriend { npc }
                }
                _ => continue,
            };
            let _ = game.play(action);
        }
        if let Some(p) = game.visible_feed().last() {
            let _ = game.play(Action::Like { post: p.id });
        }
        let _ = game.play(Action::EndDay);
    }
    game
}

fn headless_text(game: &Game, listing: Listing) -> String {
    let command = match listing {
        Listing::Shop => Command::Shop,
        Listing::Feed => Command::Feed,
        Listing::Friends => Command::People,
        Listing::Inbox => Command::InboxAll,
        Listing::Perks => Command::Perks,
        Listing::Ledger => Command::Ledger,
    };
    let mut out = Vec::new();
    headless::execute(&mut game.clone(), command, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The screen as text, and the words of the details pane joined by single spaces.
fn tui_text(app: &App) -> (String, String) {
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    terminal.draw(|frame| view::render(frame, app)).unwrap();
    let buffer = terminal.backend().buffer();
    let lines: Vec<String> = (0..HEIGHT)
        .map(|y| (0..WIDTH).map(|x| buffer[(x, y)].symbol()).collect())
        .collect();
    let (top, left) = (lines.iter().enumerate())
        .find_map(|(y, l)| l.find("┌ Details").map(|x| (y, l[..x].chars().count())))
        .expect("a details pane");
    let mut words = Vec::new();
    for line in &lines[top + 1..] {
        let pane: String = line.chars().skip(left + 1).collect();
        if pane.starts_with('─') {
            break;
        }
        words.extend(
            pane.trim_end_matches(['│', ' '])
                .split_whitespace()
                .map(String::from),
        );
    }
    (lines.join("\n"), words.join(" "))
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The label as headless prints it: without the TUI's friend star and "(waiting)".
fn headless_label(row: &Row) -> &str {
    (row.label.trim_start_matches(['★', ' '])).trim_end_matches(" (waiting)")
}

fn compare(game: Game) {
    let mut app = App::new(Vec::new(), Theme { color: false }, 1);
    app.resumed(game.clone(), Origin::default(), false);
    let mut checked = 0;
    for listing in Listing::ALL {
        let printed = headless_text(&game, listing);
        for (i, row) in present::rows(&game, listing).iter().enumerate() {
            // The feed's "write a post" row and empty-listing notes are the TUI's alone.
            if matches!(row.target, Target::Compose)
                || (listing == Listing::Feed && row.target == Target::Nothing)
            {
                continue;
            }
            let play = app.playing_mut().unwrap();
            play.panel = listing;
            play.cursor[listing.index()] = i;
            let (screen, details) = tui_text(&app);
            let what = format!("{} row {i} `{}`", listing.name(), row.label);
            let start: String = row.label.chars().take(30).collect();
            assert!(screen.contains(start.trim_end()), "TUI lacks {what}");
            // The headless feed prints the newest posts, and says how many more there are.
            if listing == Listing::Feed && i > 12 {
                assert!(printed.contains("older posts not shown"), "{printed}");
                continue;
            }
            if !row.label.starts_with("Nothing") && !row.label.starts_with("The ledger") {
                assert!(
                    printed.contains(headless_label(row)),
                    "headless lacks {what}:\n{printed}"
                );
            }
            if !row.aside.is_empty() && !row.aside.starts_with("voted") {
                assert!(
                    screen.contains(&row.aside),
                    "TUI lacks {}: {what}",
                    row.aside
                );
                assert!(
                    printed.contains(&row.aside),
                    "headless lacks {}: {what}",
                    row.aside
                );
            }
            match (&row.lock, &row.effect) {
                (Some(lock), _) => {
                    assert!(
                        details.contains(&words(lock)),
                        "TUI lacks lock {lock}: {what}\n{details}"
                    );
                    assert!(
                        printed.contains(&format!("[{lock}]")),
                        "headless lacks lock {lock}: {what}"
                    );
                }
                (None, Some(p)) if game.rules_visible() => {
                    let self_ = format!("self {:+}", p.integrity);
                    assert!(
                        details.contains(&self_),
                        "TUI lacks {self_}: {what}\n{details}"
                    );
                    assert!(printed.contains(&self_), "headless lacks {self_}: {what}");
                }
                _ => {}
            }
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} rows compared");
}

#[test]
fn both_front_ends_show_the_same_facts_for_every_row() {
    for (path, days) in [
        ("tests/fixtures/mini.ron", 2),
        ("levels/mandatory.ron", 3),
        ("levels/black-box.ron", 2),
        ("levels/peoples-ledger.ron", 2),
        ("levels/peer-prestige.ron", 3),
    ] {
        compare(played(game(path, 7), days));
    }
}

#[test]
fn a_row_locked_by_money_is_locked_in_both() {
    let game = game("tests/fixtures/mini.ron", 7);
    let yacht = (present::rows(&game, Listing::Shop).into_iter())
        .find(|r| r.target == Target::Buy("yacht".into()))
        .unwrap();
    let lock = yacht
        .lock
        .expect("the yacht costs more than the player has");
    assert!(lock.contains("not enough money"), "{lock}");
    assert!(headless_text(&game, Listing::Shop).contains(&format!("[{lock}]")));
}

/// The count's lines in the night: a tie named as a tie, the player among those who did not
/// vote, and a vote kept off the board said to be the one unnamed vote the count still shows.
#[test]
fn the_count_names_ties_absences_and_the_unnamed_vote() {
    use scored::game::level::RuleSetter;
    let count = |share: bool, vote: Option<&str>| -> Vec<String> {
        let mut level = check::load_file(Path::new("tests/fixtures/mini.ron")).unwrap();
        level.rule_setter = RuleSetter::Vote {
            every: 2,
            board: true,
        };
        let (mut game, _) = Game::new(Arc::new(level), Some("student"), 7).unwrap();
        game.play(Action::Consent { share }).unwrap();
        if let Some(p) = vote {
            game.play(Action::Vote { proposal: p.into() }).unwrap();
        }
        game.play(Action::EndDay).unwrap();
        let outcomes = game.play(Action::EndDay).unwrap();
        present::outcome_lines(&game, &outcomes)
    };
    // Max for Mercy, Pan for Order, Jo stays home: without you, a tie of one vote each.
    let lines = count(true, None);
    assert!(
        lines.iter().any(|l| l
            == "The vote is in: a tie, 1 vote each for Mercy and Order; the tie goes to the one listed first, Mercy."),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|l| l == "    2  did not vote"),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|l| l == "  Did not vote: you, Jo."),
        "{lines:#?}"
    );
    let lines = count(false, Some("order"));
    assert!(
        lines.iter().any(|l| l == "    2  Order (your vote)"),
        "{lines:#?}"
    );
    assert!(lines.iter().any(|l| l == "  Order: Pan."), "{lines:#?}");
    assert!(
        lines.iter().any(|l| l
            == "  Your name is not on the board, but the count has one Order vote with no name beside it."),
        "{lines:#?}"
    );
}
