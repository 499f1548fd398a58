//! The full-screen terminal game: a thin ratatui layer that renders the core's state and
//! turns keys into core actions. It holds no game rules of its own.

pub mod app;
mod end;
pub mod keymap;
pub mod keys;
mod menu_view;
pub mod overlay;
pub mod panels;
mod play;
mod setup;
mod text;
pub mod theme;
mod title;
pub mod view;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

pub use app::{App, Entry};

use crate::launch::SHIPPED;
use keys::Msg;

/// Every `.ron` file in `dir`, loaded and checked.
pub fn catalog(dir: &Path) -> Vec<Entry> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort_by_key(|p| {
        let stem = p
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let rank = SHIPPED
            .iter()
            .position(|o| *o == stem)
            .unwrap_or(SHIPPED.len());
        (rank, stem)
    });
    let load = |p: PathBuf| {
        let id = p
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let level = crate::check::load_file(&p).map(Arc::new).map_err(|d| {
            d.iter()
                .find(|d| d.is_error())
                .map_or("it does not load".to_string(), |d| d.headline())
        });
        Entry { id, path: p, level }
    };
    // Checking every level is most of the time to the first frame: one thread per file.
    std::thread::scope(|scope| {
        let loading: Vec<_> = paths
            .into_iter()
            .map(|p| scope.spawn(move || load(p)))
            .collect();
        loading
            .into_iter()
            .map(|h| h.join().expect("checking a level does not panic"))
            .collect()
    })
}

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

/// The file work the app asks for between keys: loading a save, writing one.
pub fn service(app: &mut App) {
    if let Some(path) = app.resume_request.take() {
        match crate::save::resume(&path, Path::new("levels")) {
            Ok(r) => {
                let origin = app::Origin {
                    level_path: r.level_path,
                    slot: Some(path),
                };
                app.resumed(r.game, origin, r.level_changed);
            }
            Err(e) => {
                app.notice = Some(format!("{} {e}. It is kept as it is.", path.display()));
                app.screen = app::Screen::Title { selected: 0 };
            }
        }
    }
    let store = app.store.clone();
    let Some(play) = app.playing_mut() else {
        return;
    };
    if let Some(end) = &mut play.end
        && end.export_due
    {
        end.export_due = false;
        let dir = store
            .as_ref()
            .map_or(std::path::PathBuf::from("saves"), |s| s.dir.clone())
            .join("reports");
        match crate::classroom::write_report(&dir, &play.game) {
            Ok(paths) => end.written_to(&paths),
            Err(e) => {
                end.exported = vec![format!(
                    "The report could not be written to {}: {e}",
                    dir.display()
                )]
            }
        }
    }
    if !play.save_due {
        return;
    }
    play.save_due = false;
    let Some(store) = store else { return };
    let slot = play
        .origin
        .slot
        .get_or_insert_with(|| store.new_slot(&play.game.level().id, &play.game.state().persona))
        .clone();
    let written = crate::save::level_hash(&play.origin.level_path).and_then(|hash| {
        let file = crate::save::SaveFile::of(&play.game, &play.origin.level_path, hash);
        crate::save::write(&slot, &file)
    });
    match written {
        Ok(()) => {
            play.toasts.push(format!("Saved to {}.", slot.display()));
            play.saved_to = Some(slot.display().to_string());
        }
        Err(e) => play
            .toasts
            .push(format!("Not saved to {}: {e}", slot.display())),
    }
}

/// Reloads the watched level when its file changed: its diagnostics while it is broken, else a
/// fresh game replayed through the player's actions.
pub fn watch(app: &mut App) {
    let Some(w) = &mut app.watch else { return };
    let modified = std::fs::metadata(&w.path).and_then(|m| m.modified()).ok();
    if modified == w.modified {
        return;
    }
    w.modified = modified;
    let (level, diagnostics) = crate::check::check_file(&w.path);
    w.errors = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    if let Some(level) = level {
        app.reload(Arc::new(level));
        if let app::Screen::End(play) = &app.screen
            && !play.game.is_over()
        {
            let screen = std::mem::replace(&mut app.screen, app::Screen::Title { selected: 0 });
            if let app::Screen::End(play) = screen {
                app.screen = app::Screen::Play(play);
            }
        }
    }
}

/// Waits for keys; wakes on its own only while a throttled feed is "loading".
fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    // For the end-to-end test that a panic still gives the terminal back.
    let panic_for_test = std::env::var_os("SCORED_TEST_PANIC").is_some();
    loop {
        service(app);
        terminal.draw(|frame| view::render(frame, app))?;
        if panic_for_test {
            panic!("SCORED_TEST_PANIC is set");
        }
        if app.quit {
            service(app);
            return Ok(());
        }
        if app.wants_tick() && !event::poll(Duration::from_millis(350))? {
            app.update(Msg::Tick);
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
            app.update(msg);
        }
    }
}
