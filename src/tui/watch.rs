//! An author's watch: the level file reloaded when it changes, its errors shown until fixed.

use std::sync::Arc;

use super::app::{self, App};

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
