//! The file work the app asks for, carried out between keys: loading a save, writing one,
//! writing the end-of-level report.

use std::path::{Path, PathBuf};

use super::app::{self, App, Effect};

/// Carries out the effects `App::update` returned, in order.
pub fn perform(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::Resume(path) => resume(app, path),
            Effect::Save => save(app),
            Effect::Export => export(app),
        }
    }
}

fn resume(app: &mut App, path: PathBuf) {
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

fn export(app: &mut App) {
    let dir = (app.store.as_ref())
        .map_or(PathBuf::from("saves"), |s| s.dir.clone())
        .join("reports");
    let Some(play) = app.playing_mut() else {
        return;
    };
    let Some(end) = &mut play.end else { return };
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

fn save(app: &mut App) {
    let store = app.store.clone();
    let Some(play) = app.playing_mut() else {
        return;
    };
    let Some(store) = store else { return };
    let slot = (play.origin.slot)
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
