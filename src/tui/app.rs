//! The UI's state and its one way to change: `App::update(Msg)`. No I/O here; the run loop
//! reads keys and draws.

use std::path::PathBuf;
use std::sync::Arc;

use super::theme::Theme;
use crate::game::{Game, Level, Outcome};

mod end;
mod play;
mod screens;

pub use end::EndView;
pub use play::{Confirm, Play};

/// What the app asks of the world outside it, returned by [`App::update`] for the run loop
/// to carry out between keys: the app itself does no I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Load this save and play on.
    Resume(PathBuf),
    /// Write the game in progress to its save.
    Save,
    /// Write the end-of-level report.
    Export,
}

/// A level found in `levels/`, or the reason it could not be loaded.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub path: PathBuf,
    pub level: Result<Arc<Level>, String>,
}

/// A saved game on the title screen: its description, or why it cannot be read.
#[derive(Debug, Clone)]
pub struct SaveEntry {
    pub path: PathBuf,
    /// Its line in the list: level, persona and day ("Mandatory · Lin Wei · day 4").
    pub name: String,
    /// Its details (with the score and the date it was saved), or why it cannot be read.
    pub label: Result<String, String>,
}

/// Where a game came from and where it is saved.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub level_path: PathBuf,
    /// The save file; chosen at the first save when `None`.
    pub slot: Option<PathBuf>,
}

pub enum Screen {
    Title {
        selected: usize,
    },
    Persona {
        level: Arc<Level>,
        selected: usize,
    },
    Intro(Box<Intro>),
    Play(Box<Play>),
    End(Box<Play>),
    /// A resumed game whose level changed since it was saved: go on, or go back.
    Changed(Box<Play>),
}

pub struct Intro {
    pub origin: Origin,
    pub game: Game,
    pub opening: Vec<Outcome>,
    /// The consent box as the player leaves it.
    pub ticked: bool,
    /// Lines the intro text is scrolled by.
    pub scroll: u16,
    /// The name as typed, while the player is asked for it (a class seed was given).
    pub naming: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Inspector { scroll: u16 },
    QuitConfirm,
}

pub struct App {
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub theme: Theme,
    pub catalog: Vec<Entry>,
    pub seed: u64,
    pub quit: bool,
    pub saves: Vec<SaveEntry>,
    pub store: Option<crate::save::Store>,
    /// Effects asked for before the run loop began (`scored resume`), for it to perform.
    outbox: Vec<Effect>,
    /// Something the title screen must tell the player (a save that cannot be read).
    pub notice: Option<String>,
    /// The origin of the next game begun.
    origin: Origin,
    /// Watch mode: the level file is reloaded when it changes.
    pub watch: Option<Watch>,
    /// The player's name (`--name`), given to every game begun or resumed.
    pub name: Option<String>,
    /// Ask for a name before a game begins (a class seed was given).
    pub ask_name: bool,
}

/// An author's watch on the level file they are editing.
#[derive(Debug, Clone)]
pub struct Watch {
    pub path: PathBuf,
    pub modified: Option<std::time::SystemTime>,
    /// The file's diagnostics while it does not load.
    pub errors: Vec<String>,
}

impl App {
    pub fn new(catalog: Vec<Entry>, theme: Theme, seed: u64) -> App {
        App {
            screen: Screen::Title { selected: 0 },
            overlay: None,
            theme,
            catalog,
            seed,
            quit: false,
            saves: Vec::new(),
            store: None,
            outbox: Vec::new(),
            notice: None,
            origin: Origin::default(),
            watch: None,
            name: None,
            ask_name: false,
        }
    }

    /// Saves go to `store`; its games are offered on the title screen.
    pub fn with_saves(mut self, store: crate::save::Store) -> App {
        let listed = store.list();
        self.saves = listed.into_iter().map(|l| self.save_entry(l)).collect();
        self.store = Some(store);
        self
    }

    /// A save as the title lists it: the level's title and the persona's name where the
    /// level is in the catalogue, the day, and the date it was saved.
    fn save_entry(&self, l: crate::save::Listed) -> SaveEntry {
        let stem = (l.path.file_stem()).map_or(String::new(), |s| s.to_string_lossy().to_string());
        let date = std::fs::metadata(&l.path)
            .and_then(|m| m.modified())
            .ok()
            .map(date);
        let Ok(s) = l.save else {
            let why = l.save.err().map(|e| e.to_string()).unwrap_or_default();
            return SaveEntry {
                path: l.path,
                name: format!("{stem} (unreadable)"),
                label: Err(why),
            };
        };
        let level = (self.catalog.iter())
            .filter_map(|e| e.level.as_ref().ok())
            .find(|level| level.id == s.level_id);
        let title = level.map_or(s.level_id.clone(), |l| l.title.clone());
        let persona = (level.and_then(|l| l.persona(&s.persona)))
            .map_or(s.persona.clone(), |p| p.name.clone());
        let days = level.map_or(String::new(), |l| format!(" of {}", l.days));
        let score = s
            .score
            .map_or("no score yet".into(), |x| format!("score {x}"));
        let saved = date.map_or(String::new(), |d| format!(" · saved {d}"));
        SaveEntry {
            name: format!("{title} · {persona} · day {}", s.day),
            label: Ok(format!(
                "{title} as {persona}, day {}{days} · {score}{saved}",
                s.day
            )),
            path: l.path,
        }
    }

    /// The level file and save slot of the game `start` begins.
    pub fn set_origin(&mut self, level_path: PathBuf, slot: Option<PathBuf>) {
        let origin = Origin { level_path, slot };
        match &mut self.screen {
            Screen::Intro(intro) => intro.origin = origin,
            _ => self.origin = origin,
        }
    }

    pub fn request_resume(&mut self, path: PathBuf) {
        self.outbox.push(Effect::Resume(path));
    }

    /// The effects asked for outside `update` (a resume requested before the loop began).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.outbox)
    }

    /// Ends the app; a game in progress is saved first.
    fn leave(&mut self) {
        self.quit = true;
        if self.playing_mut().is_some() {
            self.outbox.push(Effect::Save);
        }
    }

    /// A loaded save: play on, or first confirm when its level changed.
    pub fn resumed(&mut self, mut game: Game, origin: Origin, level_changed: bool) {
        if self.name.is_some() {
            game.set_name(self.name.clone());
        }
        let mut play = Play::new(game, &[], origin);
        play.toasts = vec![format!(
            "Resumed on day {}. Saved to {}.",
            play.game.state().day,
            play.origin
                .slot
                .as_ref()
                .map_or(String::new(), |p| p.display().to_string())
        )];
        self.screen = if level_changed {
            Screen::Changed(Box::new(play))
        } else if play.game.is_over() {
            Screen::End(Box::new(play))
        } else {
            Screen::Play(Box::new(play))
        };
    }

    /// Swaps in a new version of the level: a fresh game replayed through the same actions.
    pub fn reload(&mut self, level: Arc<Level>) {
        let Some(play) = self.playing_mut() else {
            return;
        };
        let (persona, seed) = (play.game.state().persona.clone(), play.game.state().seed);
        let Ok((mut game, _)) = Game::new(level, Some(&persona), seed) else {
            play.toasts = vec![format!("The reloaded level has no persona `{persona}`.")];
            return;
        };
        let mut kept = Vec::new();
        for action in play.history.drain(..) {
            if game.play(action.clone()).is_ok() {
                kept.push(action);
            }
        }
        play.toasts = vec![format!(
            "Reloaded the level and replayed {} action(s): day {}.",
            kept.len(),
            game.state().day
        )];
        play.history = kept;
        play.game = game;
        play.menu = None;
        play.day_start = play.game.state().score;
    }

    /// The game in progress, if any.
    pub fn playing_mut(&mut self) -> Option<&mut Play> {
        match &mut self.screen {
            Screen::Play(p) | Screen::End(p) => Some(p),
            _ => None,
        }
    }

    /// Starts straight into a level (from `scored play LEVEL`).
    pub fn start(&mut self, level: Arc<Level>, persona: Option<&str>) {
        match persona {
            Some(p) => self.begin(level, p),
            None if level.personas.len() > 1 => {
                self.screen = Screen::Persona { level, selected: 0 };
            }
            None => {
                let first = level
                    .personas
                    .first()
                    .map(|p| p.id.clone())
                    .unwrap_or_default();
                self.begin(level, &first);
            }
        }
    }

    fn begin(&mut self, level: Arc<Level>, persona: &str) {
        let pre_ticked = level.consent.as_ref().is_some_and(|c| c.pre_ticked);
        if let Ok((mut game, opening)) = Game::new(level, Some(persona), self.seed) {
            game.set_name(self.name.clone());
            self.screen = Screen::Intro(Box::new(Intro {
                origin: std::mem::take(&mut self.origin),
                game,
                opening,
                ticked: pre_ticked,
                scroll: 0,
                naming: self.ask_name.then(String::new),
            }));
        }
    }

    /// Whether keys are text (the name is being typed).
    pub fn typing(&self) -> bool {
        self.overlay.is_none() && matches!(&self.screen, Screen::Intro(i) if i.naming.is_some())
    }

    /// Whether the run loop should wake up on its own (a feed is loading).
    pub fn wants_tick(&self) -> bool {
        matches!(&self.screen, Screen::Play(p) if p.loading > 0 && p.summary.is_none())
    }
}

/// A moment as its date in UTC, `2026-12-03` (days from the civil calendar, no time zone).
fn date(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn dates_are_civil() {
        assert_eq!(super::date(UNIX_EPOCH), "1970-01-01");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(super::date(leap), "2000-02-29");
        let day = UNIX_EPOCH + Duration::from_secs(1_796_256_000 + 3_600);
        assert_eq!(super::date(day), "2026-12-03");
    }
}
