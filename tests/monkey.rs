//! Random keys at random terminal sizes, driven through the whole app and drawn after every
//! key: nothing may panic, and nothing but printable text may reach the screen.
//! `SCORED_MONKEY_KEYS=1000000 cargo test --release --test monkey` is the long run
//! recorded in docs/reliability.md; the default is short enough for every test run.

use std::path::Path;
use std::sync::Arc;

use rand::rngs::ChaCha8Rng;
use rand::{Rng, RngExt, SeedableRng};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use scored::check;
use scored::tui::app::{App, Entry};
use scored::tui::keys::Msg;
use scored::tui::theme::Theme;

const KEYS: [Msg; 27] = [
    Msg::Up,
    Msg::Down,
    Msg::Left,
    Msg::Right,
    Msg::NextPanel,
    Msg::PrevPanel,
    Msg::Choose,
    Msg::Space,
    Msg::Back,
    Msg::Quit,
    Msg::Yes,
    Msg::EndDay,
    Msg::Help,
    Msg::Inspector,
    Msg::Export,
    Msg::Other,
    Msg::Tick,
    Msg::First,
    Msg::Last,
    Msg::PageUp,
    Msg::PageDown,
    // Choosing, ending days and confirming are what move a game on; give them more chances.
    Msg::Choose,
    Msg::EndDay,
    Msg::Yes,
    Msg::EndDay,
    Msg::Yes,
    Msg::Yes,
];

fn catalog() -> Vec<Entry> {
    let mut entries: Vec<Entry> = std::fs::read_dir("levels")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|path| {
            let level = check::load_file(&path).expect("shipped levels are valid");
            Entry {
                id: level.id.clone(),
                path,
                level: Ok(Arc::new(level)),
            }
        })
        .collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    entries.push(Entry {
        id: "broken".into(),
        path: Path::new("levels/broken.ron").into(),
        level: Err("levels/broken.ron:1:1: error[C001]: the file is empty".into()),
    });
    entries
}

#[test]
fn random_keys_at_random_sizes_never_panic() {
    let keys: u64 = std::env::var("SCORED_MONKEY_KEYS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3_000);
    let catalog = catalog();
    let mut rng = ChaCha8Rng::seed_from_u64(0x4D4F_4E4B);
    let new_app = |rng: &mut ChaCha8Rng| {
        App::new(
            catalog.clone(),
            Theme {
                color: rng.random(),
            },
            rng.next_u64(),
        )
    };
    let mut app = new_app(&mut rng);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let (mut games, mut ends) = (0u64, 0u64);
    for i in 0..keys {
        if i % 500 == 0 {
            let (w, h) = (rng.random_range(0..=220), rng.random_range(0..=70));
            terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        }
        let key = if rng.random_range(0..2_000) == 0 {
            Msg::ForceQuit
        } else {
            KEYS[rng.random_range(0..KEYS.len())]
        };
        app.update(key);
        if app.quit {
            app = new_app(&mut rng);
            games += 1;
        }
        if matches!(app.screen, scored::tui::app::Screen::End(_)) {
            ends += 1;
        }
        terminal
            .draw(|frame| scored::tui::view::render(frame, &app))
            .unwrap();
        if i % 64 == 0 {
            for cell in terminal.backend().buffer().content() {
                assert!(
                    !cell.symbol().chars().any(char::is_control),
                    "a control character on screen after key {i}"
                );
            }
        }
    }
    eprintln!("{keys} keys, {games} apps quit, {ends} frames on an end screen");
    assert!(keys < 3_000 || ends > 0, "the monkey never got anywhere");
}
