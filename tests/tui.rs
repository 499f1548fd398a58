//! The terminal UI, driven by messages and drawn to ratatui's `TestBackend`: what a player
//! would see at each step of a scripted game, pinned as insta snapshots, plus properties
//! that hold at any size and in any state.

use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use scored::check;
use scored::tui::app::{App, Effect, Entry, Screen};
use scored::tui::keys::Msg;
use scored::tui::theme::Theme;
use scored::tui::view;

fn entry(path: &str) -> Entry {
    let level = check::load_file(Path::new(path)).expect("valid level");
    Entry {
        id: level.id.clone(),
        path: path.into(),
        level: Ok(Arc::new(level)),
    }
}

fn app(color: bool) -> App {
    let broken = Entry {
        id: "broken".into(),
        path: "levels/broken.ron".into(),
        level: Err("levels/broken.ron:3:1: error[C001]: expected a comma".into()),
    };
    App::new(
        vec![entry("tests/fixtures/mini.ron"), broken],
        Theme { color },
        42,
    )
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::render(frame, app)).unwrap();
    terminal
}

fn screen_text(app: &App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn send(app: &mut App, msgs: &[Msg]) {
    for m in msgs {
        app.update(*m);
    }
}

macro_rules! snap {
    ($name:expr, $app:expr) => {
        insta::assert_snapshot!(concat!($name, "_80x24"), draw($app, 80, 24).backend());
    };
    ($name:expr, $app:expr, both) => {
        insta::assert_snapshot!(concat!($name, "_80x24"), draw($app, 80, 24).backend());
        insta::assert_snapshot!(concat!($name, "_120x40"), draw($app, 120, 40).backend());
    };
}

/// Title → level → persona → consent → the main screen.
fn into_game() -> App {
    let mut app = app(true);
    send(
        &mut app,
        &[Msg::Choose, Msg::Choose, Msg::Space, Msg::Choose],
    );
    assert!(matches!(app.screen, Screen::Play(_)));
    app
}

#[test]
fn a_scripted_game_screen_by_screen() {
    let mut app = app(true);
    snap!("01_title", &app, both);
    app.update(Msg::Down);
    snap!("02_title_broken_level", &app);
    app.update(Msg::Up);
    app.update(Msg::Choose);
    snap!("03_persona", &app, both);
    app.update(Msg::Choose);
    snap!("04_intro_consent", &app, both);
    app.update(Msg::Space);
    snap!("05_consent_unticked", &app);
    app.update(Msg::Choose);
    snap!("06_main_shop", &app, both);
    app.update(Msg::Choose);
    snap!("06b_buy_confirm", &app, both);
    app.update(Msg::Yes);
    snap!("07_bought", &app);
    send(&mut app, &[Msg::Down, Msg::Down]);
    snap!("08_locked_item", &app);
    send(&mut app, &[Msg::NextPanel, Msg::Choose]);
    snap!("09_topics", &app);
    app.update(Msg::Choose);
    snap!("10_draft", &app, both);
    app.update(Msg::Choose);
    snap!("11_posted", &app);
    send(&mut app, &[Msg::Down, Msg::Choose]);
    snap!("12_post_menu", &app);
    send(&mut app, &[Msg::Back, Msg::NextPanel]);
    snap!("13_friends", &app, both);
    app.update(Msg::Choose);
    snap!("14_person_menu", &app);
    send(&mut app, &[Msg::Back, Msg::EndDay]);
    snap!("14b_end_day_confirm", &app, both);
    app.update(Msg::Yes);
    snap!("15_day_summary", &app, both);
    send(&mut app, &[Msg::Other, Msg::NextPanel]);
    snap!("16_inbox", &app);
    // The cursor followed the event that arrived overnight.
    app.update(Msg::Choose);
    snap!("17_event", &app, both);
    send(&mut app, &[Msg::Down, Msg::Choose]);
    snap!("17b_answer_confirm", &app);
    send(&mut app, &[Msg::Yes, Msg::NextPanel]);
    snap!("18_perks", &app);
    app.update(Msg::NextPanel);
    snap!("19_ledger", &app, both);
    app.update(Msg::Help);
    snap!("20_help", &app);
    app.update(Msg::Other);
    app.update(Msg::Inspector);
    snap!("21_inspector", &app, both);
    send(&mut app, &[Msg::Other, Msg::Quit]);
    snap!("22_quit_confirm", &app);
    app.update(Msg::Back);
    assert!(!app.quit, "Esc keeps playing");
    for _ in 0..10 {
        send(&mut app, &[Msg::EndDay, Msg::Yes, Msg::Other]);
    }
    assert!(
        matches!(app.screen, Screen::End(_)),
        "six days end the level"
    );
    snap!("23_end", &app, both);
    app.update(Msg::Right);
    snap!("24_debrief_over_time", &app);
    app.update(Msg::Right);
    snap!("25_debrief_obedience", &app, both);
    send(&mut app, &[Msg::Right, Msg::Right, Msg::Right]);
    snap!("26_debrief_ghost", &app, both);
    app.update(Msg::Right);
    snap!("27_debrief_real", &app);
    assert_eq!(app.update(Msg::Export), vec![Effect::Export]);
    app.update(Msg::Quit);
    assert!(app.quit);
}

/// After `e`, where the report went and its code stay on every page; a second `e` writes
/// no copy and says so.
#[test]
fn the_export_stays_in_sight_and_is_written_once() {
    let mut app = into_game();
    for _ in 0..10 {
        send(&mut app, &[Msg::EndDay, Msg::Yes, Msg::Other]);
    }
    assert_eq!(app.update(Msg::Export), vec![Effect::Export]);
    let Screen::End(play) = &mut app.screen else {
        panic!("the level is over");
    };
    let end = play.end.as_mut().unwrap();
    // What the run loop does once it has written the files.
    let dir = std::path::Path::new("saves/reports");
    let paths: Vec<_> = ["md", "json", "code"]
        .iter()
        .map(|x| dir.join(format!("mini-student-seed42.{x}")))
        .collect();
    end.written_to(&paths);
    app.update(Msg::Right);
    app.update(Msg::Right);
    snap!("28_exported_obedience", &app);
    assert!(
        app.update(Msg::Export).is_empty(),
        "a second e writes no other copy"
    );
    let Screen::End(play) = &app.screen else {
        panic!("still the end");
    };
    let end = play.end.as_ref().unwrap();
    assert!(end.again);
    app.update(Msg::Left);
    app.update(Msg::Left);
    snap!("29_exported_again_overview", &app, both);
}

#[test]
fn a_small_terminal_gets_a_message_that_recovers() {
    let app = into_game();
    let small = screen_text(&app, 60, 20);
    assert!(
        small.contains("too small: need 80×24, have 60×20"),
        "{small}"
    );
    let fine = screen_text(&app, 80, 24);
    assert!(!fine.contains("too small"));
    assert!(fine.contains("Shop"));
}

#[test]
fn a_throttled_feed_loads_slowly_but_any_key_skips() {
    let mut app = into_game();
    // Sink the score until the ban (which throttles the feed to one post) is in force.
    for _ in 0..3 {
        let Screen::Play(p) = &mut app.screen else {
            panic!()
        };
        if p.game.state().sanctions.contains("ban") {
            break;
        }
        send(&mut app, &[Msg::EndDay, Msg::Yes, Msg::Other]);
        let Screen::Play(p) = &mut app.screen else {
            panic!()
        };
        for a in [
            scored::game::Action::Draft {
                topic: "story".into(),
            },
            scored::game::Action::Post,
            scored::game::Action::Buy {
                item: "game".into(),
            },
            scored::game::Action::Buy {
                item: "game".into(),
            },
        ] {
            let _ = p.game.play(a);
        }
    }
    let Screen::Play(p) = &app.screen else {
        panic!()
    };
    assert!(
        p.game.state().sanctions.contains("ban"),
        "the score fell below 500"
    );
    app.update(Msg::NextPanel);
    assert!(app.wants_tick(), "the feed is loading");
    assert!(screen_text(&app, 80, 24).contains("Your connection is throttled"));
    app.update(Msg::Tick);
    assert!(app.wants_tick());
    app.update(Msg::Down);
    assert!(!app.wants_tick(), "a key skips the wait");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("did not load (throttled)"), "{text}");
}

#[test]
fn without_colour_the_selection_is_still_visible() {
    let mut app = app(false);
    send(&mut app, &[Msg::Choose, Msg::Choose, Msg::Choose]);
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let mut reversed = 0;
    for y in 0..24 {
        for x in 0..80 {
            let cell = &buffer[(x, y)];
            assert_eq!(
                cell.fg,
                ratatui::style::Color::Reset,
                "no colour at {x},{y}"
            );
            if cell.modifier.contains(Modifier::REVERSED) {
                reversed += 1;
            }
        }
    }
    assert!(reversed > 10, "the selected row is drawn in reverse");
}

#[test]
fn the_footer_always_lists_the_keys() {
    let mut app = app(true);
    let last_line = |app: &App| screen_text(app, 80, 24).lines().last().unwrap().to_string();
    assert!(last_line(&app).contains("q quit"));
    send(&mut app, &[Msg::Choose, Msg::Choose, Msg::Choose]);
    assert!(last_line(&app).contains("n end day"));
    app.update(Msg::Choose);
    assert!(last_line(&app).contains("y yes"), "buying asks first");
    app.update(Msg::Yes);
    app.update(Msg::EndDay);
    assert!(
        last_line(&app).contains("y yes"),
        "ending an unfinished day asks first"
    );
    app.update(Msg::Yes);
    assert!(last_line(&app).contains("continue"));
}

#[test]
fn quitting_asks_only_when_the_day_is_unfinished() {
    let mut app = into_game();
    app.update(Msg::Quit);
    assert!(!app.quit);
    app.update(Msg::Yes);
    assert!(app.quit);

    let mut app = into_game();
    app.update(Msg::ForceQuit);
    assert!(app.quit, "Ctrl-C never asks");
}

/// Screens to draw at random sizes: every kind the app can show.
fn states() -> Vec<App> {
    let mut out = vec![app(true)];
    let mut a = app(true);
    send(&mut a, &[Msg::Choose]);
    out.push(a);
    let mut a = app(true);
    send(&mut a, &[Msg::Choose, Msg::Choose]);
    out.push(a);
    let mut a = into_game();
    send(&mut a, &[Msg::NextPanel, Msg::Choose]);
    out.push(a);
    let mut a = into_game();
    send(&mut a, &[Msg::EndDay]);
    out.push(a);
    let mut a = into_game();
    send(&mut a, &[Msg::EndDay, Msg::Yes]);
    out.push(a);
    let mut a = into_game();
    send(&mut a, &[Msg::Inspector]);
    out.push(a);
    let mut a = into_game();
    for _ in 0..10 {
        send(&mut a, &[Msg::EndDay, Msg::Yes, Msg::Other]);
    }
    out.push(a);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_state_renders_at_any_size(width in 0u16..=300, height in 0u16..=120) {
        for app in states() {
            let terminal = draw(&app, width, height);
            for cell in terminal.backend().buffer().content() {
                prop_assert!(!cell.symbol().chars().any(char::is_control), "control character on screen");
            }
        }
    }

    #[test]
    fn random_keys_never_panic(keys in prop::collection::vec(0u8..21, 0..300), width in 0u16..=200, height in 0u16..=60) {
        let all = [Msg::Up, Msg::Down, Msg::Left, Msg::Right, Msg::NextPanel, Msg::PrevPanel, Msg::Choose,
            Msg::Space, Msg::Back, Msg::Quit, Msg::Yes, Msg::EndDay, Msg::Help, Msg::Inspector, Msg::Other, Msg::Tick, Msg::Choose,
            Msg::First, Msg::Last, Msg::PageUp, Msg::PageDown];
        let mut app = app(true);
        for k in keys {
            if app.quit {
                break;
            }
            app.update(all[k as usize]);
            draw(&app, width, height);
        }
    }
}

#[test]
fn edge_sizes_render() {
    for app in states() {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (79, 23),
            (80, 24),
            (300, 120),
            (300, 1),
            (1, 120),
        ] {
            draw(&app, w, h);
        }
    }
}

#[test]
fn the_title_offers_to_continue_saves_and_explains_broken_ones() {
    let dir = tempfile::tempdir().unwrap();
    let store = scored::save::Store {
        dir: dir.path().to_path_buf(),
    };
    // Play a day and quit: the run loop's service writes the save.
    let mut playing = into_game().with_saves(store.clone());
    let asked: Vec<Effect> = [Msg::EndDay, Msg::Yes, Msg::Other, Msg::Quit, Msg::Yes]
        .into_iter()
        .flat_map(|m| playing.update(m))
        .collect();
    assert!(asked.contains(&Effect::Save), "{asked:?}");
    scored::tui::perform(&mut playing, asked);
    let saved = dir.path().join("mini-student.ron");
    assert!(saved.exists(), "quitting saved the game");
    std::fs::write(dir.path().join("torn.ron"), "(version: 1, level_id: \"mi").unwrap();

    let mut app = app(true).with_saves(store);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Continue"), "{text}");
    // Named by level, persona and day, not by file name; the date it was saved beside it.
    assert!(text.contains("Mini · Sam · day 2"), "{text}");
    assert!(!text.contains("mini-student"), "{text}");
    let saved = app.saves.iter().position(|s| s.label.is_ok()).unwrap() + 2;
    app.screen = Screen::Title { selected: saved };
    let details = screen_text(&app, 100, 30);
    assert!(details.contains("Mini as Sam, day 2 of 6"), "{details}");
    assert!(details.contains("saved 20"), "{details}");
    app.screen = Screen::Title { selected: 0 };
    assert!(text.contains("torn (unreadable)"), "{text}");
    // The broken save: explained, kept.
    let torn = app.saves.iter().position(|s| s.label.is_err()).unwrap() + 2;
    for _ in 0..torn {
        app.update(Msg::Down);
    }
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("This save cannot be read"), "{text}");
    app.update(Msg::Choose);
    assert!(
        matches!(app.screen, Screen::Title { .. }),
        "an unreadable save does not start"
    );
    assert!(text.contains("kept as it is"), "{text}");
    assert!(dir.path().join("torn.ron").exists());
    // The good one: back in the game on day 2.
    let good = app.saves.iter().position(|s| s.label.is_ok()).unwrap() + 2;
    app.screen = Screen::Title { selected: good };
    let asked = app.update(Msg::Choose);
    scored::tui::perform(&mut app, asked);
    let Screen::Play(p) = &app.screen else {
        panic!("not resumed")
    };
    assert_eq!(p.game.state().day, 2);
}

#[test]
fn watch_mode_reloads_the_level_and_shows_its_errors_until_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("watched.ron");
    std::fs::copy("tests/fixtures/mini.ron", &path).unwrap();
    let level = Arc::new(check::load_file(&path).unwrap());
    let mut app = App::new(vec![], Theme { color: true }, 42);
    app.start(level, Some("student"));
    app.watch = Some(scored::tui::app::Watch {
        path: path.clone(),
        modified: None,
        errors: Vec::new(),
    });
    send(
        &mut app,
        &[
            Msg::Choose,
            Msg::Choose,
            Msg::Yes,
            Msg::EndDay,
            Msg::Yes,
            Msg::Other,
        ],
    );
    let day = |app: &App| match &app.screen {
        Screen::Play(p) => p.game.state().day,
        _ => panic!("not playing"),
    };
    assert_eq!(day(&app), 2);

    let edit = |from: &str, to: &str| {
        let text = std::fs::read_to_string(&path).unwrap().replace(from, to);
        std::fs::write(&path, text).unwrap();
    };
    edit(
        "name: \"Game\", description: \"A game.\"",
        "name: \"Console\", description: \"A console.\"",
    );
    scored::tui::watch(&mut app);
    assert_eq!(day(&app), 2, "the actions were replayed on the new version");
    let text = screen_text(&app, 100, 30);
    assert!(
        text.contains("Console") && text.contains("Reloaded the level and replayed 3 action(s)"),
        "{text}"
    );

    edit("    days: 6,\n", "    days: 6\n");
    app.watch.as_mut().unwrap().modified = None;
    scored::tui::watch(&mut app);
    let text = screen_text(&app, 100, 30);
    assert!(text.contains("watched.ron does not load"), "{text}");
    assert!(text.contains("error[C001]: expected a comma"), "{text}");

    edit("    days: 6\n", "    days: 6,\n");
    app.watch.as_mut().unwrap().modified = None;
    scored::tui::watch(&mut app);
    assert!(app.watch.as_ref().unwrap().errors.is_empty());
    assert!(!screen_text(&app, 100, 30).contains("does not load"));
}

/// Names in CJK and emoji take two columns each: rows are cut by columns, so the price and
/// the panel's border stay where they belong.
#[test]
fn wide_characters_keep_their_columns() {
    let src = std::fs::read_to_string("tests/fixtures/mini.ron")
        .unwrap()
        .replace(
            r#"name: "Game""#,
            r#"name: "李伟的游戏机🎮，限量版，附赠两个手柄和一整年的会员资格🎉🎉🎉""#,
        );
    let (level, diagnostics) = check::load_str("wide.ron", &src);
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    let level = Arc::new(level.unwrap());
    let wide = Entry {
        id: level.id.clone(),
        path: "wide.ron".into(),
        level: Ok(level),
    };
    let mut app = App::new(vec![wide], Theme { color: true }, 42);
    send(
        &mut app,
        &[Msg::Choose, Msg::Choose, Msg::Space, Msg::Choose],
    );
    assert!(matches!(app.screen, Screen::Play(_)));
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let terminal = draw(&app, w, h);
        let buffer = terminal.backend().buffer();
        let rows: Vec<Vec<&str>> = (0..h)
            .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect())
            .collect();
        let find = |needle: &str| {
            rows.iter()
                .find(|r| r.contains(&needle))
                .unwrap_or_else(|| panic!("`{needle}` on screen at {w}x{h}"))
        };
        let (row, plain) = (find("李"), find("N"));
        let borders =
            |r: &Vec<&str>| -> Vec<usize> { (0..r.len()).filter(|&x| r[x] == "│").collect() };
        assert_eq!(borders(row), borders(plain), "borders at {w}x{h}");
        let text: String = row.concat();
        assert!(text.contains("30"), "price kept at {w}x{h}: {text}");
        if w <= 120 {
            assert!(
                text.contains('…'),
                "the long name is cut at {w}x{h}: {text}"
            );
        }
    }
}
