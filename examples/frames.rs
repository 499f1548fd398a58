//! Draws the main screen N times at W×H, for instruction counts under
//! `valgrind --tool=callgrind`, which unlike timings repeat exactly on a busy machine:
//!   cargo build --release --example frames
//!   valgrind --tool=callgrind target/release/examples/frames 200 60 100

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use scored::check;
use scored::game::{Action, Game};
use scored::tui::app::{App, Origin};
use scored::tui::keys::Msg;
use scored::tui::theme::Theme;

fn main() {
    let args: Vec<u16> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("W H N"))
        .collect();
    let (w, h, n) = match args[..] {
        [w, h, n] => (w, h, n),
        _ => (200, 60, 100),
    };
    let src = include_str!("../levels/mandatory.ron");
    let level = Arc::new(check::load_str("mandatory.ron", src).0.expect("valid"));
    let (mut game, _) = Game::new(level, None, 42).expect("persona");
    for _ in 0..8 {
        game.play(Action::EndDay).expect("a day passes");
    }
    let mut app = App::new(Vec::new(), Theme { color: true }, 42);
    app.resumed(game, Origin::default(), false);
    app.update(Msg::Other);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    for _ in 0..n {
        terminal
            .draw(|frame| scored::tui::view::render(frame, &app))
            .expect("drawn");
    }
}
