//! The run loop: takes over the terminal, draws, reads keys, carries out the effects the app
//! asks for, and gives the terminal back (also on a panic or a signal).

use std::io;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use super::app::App;
use super::effects::perform;
use super::keys::{self, Msg};
use super::view;
use super::watch::watch;

/// Takes over the terminal, plays, and gives it back — also on a panic or a signal.
pub fn run(mut app: App) -> io::Result<()> {
    // crossterm drops bold and reverse under NO_COLOR; our own theme handles colour instead.
    ratatui::crossterm::style::force_color_output(true);
    let mut terminal = ratatui::try_init()?;
    restore_on_signals();
    let result = event_loop(&mut terminal, &mut app);
    give_back();
    result
}

/// The terminal as it was: raw mode off, the main screen, the cursor shown again.
fn give_back() {
    ratatui::restore();
    let _ = ratatui::crossterm::execute!(io::stdout(), ratatui::crossterm::cursor::Show);
}

fn restore_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) {
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                give_back();
                std::process::exit(128 + signal);
            }
        });
    }
}

/// Waits for keys; wakes on its own only while a throttled feed is "loading".
fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    // For the end-to-end test that a panic still gives the terminal back.
    let panic_for_test = std::env::var_os("SCORED_TEST_PANIC").is_some();
    let asked = app.take_effects();
    perform(app, asked);
    loop {
        terminal.draw(|frame| view::render(frame, app))?;
        if panic_for_test {
            panic!("SCORED_TEST_PANIC is set");
        }
        if app.quit {
            return Ok(());
        }
        if app.wants_tick() && !event::poll(Duration::from_millis(350))? {
            let asked = app.update(Msg::Tick);
            perform(app, asked);
            continue;
        }
        // An author's watch checks the level file between keys; otherwise we block on input.
        if app.watch.is_some() && !event::poll(Duration::from_millis(400))? {
            watch(app);
            continue;
        }
        // Anything but a key (a resize, focus) simply redraws at the top of the loop.
        if let Event::Key(key) = event::read()?
            && let Some(msg) = if app.typing() {
                keys::to_text_msg(key)
            } else {
                keys::to_msg(key)
            }
        {
            let asked = app.update(msg);
            perform(app, asked);
        }
    }
}
