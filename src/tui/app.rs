//! The UI's state and its one way to change: `App::update(Msg)`. No I/O here; the run loop
//! reads keys and draws.

use std::path::PathBuf;
use std::sync::Arc;

use super::keys::Msg;
use super::menu::{self, Menu, Then};
use super::panels::{self, Panel, Target};
use super::theme::Theme;
use crate::game::{Action, Game, Level, Outcome};
use crate::present;

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

pub struct Play {
    pub game: Game,
    pub panel: Panel,
    pub cursor: [usize; 6],
    pub menu: Option<Menu>,
    /// What the last action did, one line each.
    pub toasts: Vec<String>,
    /// The end-of-day summary, shown until a key is pressed.
    pub summary: Option<Vec<String>>,
    /// Steps left of a throttled feed's slow loading.
    pub loading: u8,
    /// The score when the day began, for "today's change".
    pub day_start: Option<i32>,
    pub origin: Origin,
    /// The game should be written to its save (the day ended, or the player is leaving).
    pub save_due: bool,
    /// Where it was last saved, shown to the player.
    pub saved_to: Option<String>,
    /// Every action that was accepted, to replay on a reloaded level (watch mode).
    pub history: Vec<Action>,
    /// The debrief, once the level is over.
    pub end: Option<EndView>,
}

/// The debrief's pages on the end screen.
pub struct EndView {
    pub report: crate::classroom::Report,
    pub sections: Vec<(String, Vec<String>)>,
    /// 0 is the overview (ending, charts, summary); then one page per section.
    pub page: usize,
    pub scroll: u16,
    /// The report should be written (the run loop does it).
    pub export_due: bool,
    /// What the export wrote (where, and the result code), or why it failed: shown on
    /// every page.
    pub exported: Vec<String>,
    /// The report is written: another `e` says where instead of writing a copy.
    pub written: bool,
    /// `e` was pressed again after the report was written.
    pub again: bool,
}

impl EndView {
    pub fn of(game: &Game) -> EndView {
        let (report, sections) = crate::classroom::debrief(game);
        EndView {
            report,
            sections,
            page: 0,
            scroll: 0,
            export_due: false,
            exported: Vec::new(),
            written: false,
            again: false,
        }
    }

    /// Notes what the export wrote: where the files went and the result code.
    pub fn written_to(&mut self, paths: &[PathBuf]) {
        // One name and its endings: "saves/reports/mandatory-lin_wei-seed5 (.md, .json, .code)".
        let stem = paths.first().map(|p| p.with_extension(""));
        let endings: Vec<String> = (paths.iter())
            .filter_map(|p| p.extension())
            .map(|x| format!(".{}", x.to_string_lossy()))
            .collect();
        self.exported = vec![
            format!(
                "Report written: {} ({})",
                stem.map_or(String::new(), |s| s.display().to_string()),
                endings.join(", ")
            ),
            format!(
                "Result code: {}",
                crate::classroom::encode(&self.report.summary)
            ),
        ];
        self.written = true;
        self.again = false;
    }

    pub fn pages(&self) -> usize {
        self.sections.len() + 1
    }
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
    /// A save the run loop should load (the title's "continue", or `scored resume`).
    pub resume_request: Option<PathBuf>,
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

/// How many steps a throttled feed takes to load.
const LOADING_STEPS: u8 = 4;

impl Play {
    pub fn new(game: Game, opening: &[Outcome], origin: Origin) -> Play {
        let toasts = present::outcome_lines(&game, opening);
        let day_start = game.state().score;
        Play {
            game,
            panel: Panel::Shop,
            cursor: [0; 6],
            menu: None,
            toasts,
            summary: None,
            loading: 0,
            day_start,
            origin,
            save_due: false,
            saved_to: None,
            history: Vec::new(),
            end: None,
        }
    }

    pub fn cursor(&self) -> usize {
        self.cursor[self.panel.index()]
    }

    fn throttled(&self) -> bool {
        self.game.visible_feed().len() < self.game.state().feed.len()
    }

    fn switch(&mut self, step: isize) {
        let n = Panel::ALL.len() as isize;
        let i = (self.panel.index() as isize + step).rem_euclid(n) as usize;
        self.panel = Panel::ALL[i];
        if self.panel == Panel::Feed && self.throttled() {
            self.loading = LOADING_STEPS;
        }
    }

    fn play(&mut self, action: Action) {
        let ending_day = action == Action::EndDay;
        match self.game.play(action.clone()) {
            Ok(outcomes) => {
                self.history.push(action);
                let lines = present::outcome_lines(&self.game, &outcomes);
                if ending_day {
                    self.summary = Some(lines.clone());
                    self.day_start = self.game.state().score;
                    self.save_due = true;
                }
                self.toasts = lines;
            }
            Err(refusal) => self.toasts = vec![format!("Not possible: {refusal}.")],
        }
    }

    fn choose_row(&mut self) {
        let rows = panels::rows(&self.game, self.panel);
        let Some(row) = rows.get(self.cursor()) else {
            return;
        };
        if let Some(lock) = &row.lock {
            self.toasts = vec![format!("Not possible: {lock}.")];
            return;
        }
        let game = &self.game;
        self.menu = match &row.target {
            Target::Nothing => None,
            Target::Buy(item) => {
                self.play(Action::Buy { item: item.clone() });
                None
            }
            Target::Compose => menu::draft(game).or_else(|| Some(menu::topics(game))),
            Target::Post(id) => menu::post(game, *id),
            Target::Person(id) => menu::person(game, id),
            Target::Event(id) => menu::event(game, id),
            Target::Ballot => Some(menu::ballot(game)),
            Target::Row(id) => menu::appeal(game, *id),
        };
    }

    fn choose_in_menu(&mut self) {
        let Some(menu) = &self.menu else { return };
        let Some(choice) = menu.choices.get(menu.selected) else {
            return;
        };
        if let Some(lock) = &choice.lock {
            self.toasts = vec![format!("Not possible: {lock}.")];
            return;
        }
        match choice.then.clone() {
            Then::Close => self.menu = None,
            Then::Play(action) => {
                self.menu = None;
                self.play(action);
            }
            Then::Draft(topic) => {
                self.menu = None;
                self.play(Action::Draft { topic });
                self.menu = menu::draft(&self.game);
            }
        }
    }

    /// The day is not finished: actions left, or something waiting for an answer.
    pub fn day_unfinished(&self) -> bool {
        self.game.state().actions_left > 0 || self.game.pending_events().next().is_some()
    }

    fn update(&mut self, msg: Msg) {
        if self.summary.is_some() {
            self.summary = None;
            return;
        }
        if self.loading > 0 {
            self.loading = if msg == Msg::Tick {
                self.loading - 1
            } else {
                0
            };
            return;
        }
        if let Some(menu) = &mut self.menu {
            let n = menu.choices.len();
            match msg {
                Msg::Up => menu.selected = (menu.selected + n - 1) % n.max(1),
                Msg::Down => menu.selected = (menu.selected + 1) % n.max(1),
                Msg::Choose => self.choose_in_menu(),
                Msg::Back => self.menu = None,
                _ => {}
            }
            return;
        }
        let len = panels::rows(&self.game, self.panel).len().max(1);
        let i = self.panel.index();
        match msg {
            Msg::Up => self.cursor[i] = (self.cursor[i] + len - 1) % len,
            Msg::Down => self.cursor[i] = (self.cursor[i] + 1) % len,
            Msg::Right | Msg::NextPanel => self.switch(1),
            Msg::Left | Msg::PrevPanel => self.switch(-1),
            Msg::Choose => self.choose_row(),
            Msg::EndDay => self.play(Action::EndDay),
            _ => {}
        }
        let len = panels::rows(&self.game, self.panel).len().max(1);
        let i = self.panel.index();
        self.cursor[i] = self.cursor[i].min(len - 1);
    }
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
            resume_request: None,
            notice: None,
            origin: Origin::default(),
            watch: None,
            name: None,
            ask_name: false,
        }
    }

    /// Saves go to `store`; its games are offered on the title screen.
    pub fn with_saves(mut self, store: crate::save::Store) -> App {
        self.saves = store
            .list()
            .into_iter()
            .map(|l| SaveEntry {
                label: l
                    .save
                    .map(|s| {
                        let score = s
                            .score
                            .map_or("no score yet".into(), |x| format!("score {x}"));
                        format!("{} · {} · day {} · {score}", s.level_id, s.persona, s.day)
                    })
                    .map_err(|e| e.to_string()),
                path: l.path,
            })
            .collect();
        self.store = Some(store);
        self
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
        self.resume_request = Some(path);
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

    pub fn update(&mut self, msg: Msg) {
        let msg = match (&self.screen, msg) {
            (Screen::Intro(_), Msg::Space) => Msg::Space,
            (_, Msg::Space) => Msg::Choose,
            (_, m) => m,
        };
        if msg == Msg::ForceQuit {
            self.quit = true;
            if let Some(play) = self.playing_mut() {
                play.save_due = true;
            }
            return;
        }
        if let Some(overlay) = self.overlay {
            self.overlay = match (overlay, msg) {
                (Overlay::QuitConfirm, Msg::Yes | Msg::Quit) => {
                    self.quit = true;
                    if let Some(play) = self.playing_mut() {
                        play.save_due = true;
                    }
                    None
                }
                (Overlay::Inspector { scroll }, Msg::Down) => Some(Overlay::Inspector {
                    scroll: scroll.saturating_add(1),
                }),
                (Overlay::Inspector { scroll }, Msg::Up) => Some(Overlay::Inspector {
                    scroll: scroll.saturating_sub(1),
                }),
                (Overlay::Help, Msg::Inspector) | (Overlay::Inspector { .. }, Msg::Help) => {
                    Some(if msg == Msg::Help {
                        Overlay::Help
                    } else {
                        Overlay::Inspector { scroll: 0 }
                    })
                }
                (_, Msg::Tick) => Some(overlay),
                _ => None,
            };
            return;
        }
        match msg {
            Msg::Help => {
                self.overlay = Some(Overlay::Help);
                return;
            }
            Msg::Inspector if matches!(self.screen, Screen::Play(_) | Screen::End(_)) => {
                self.overlay = Some(Overlay::Inspector { scroll: 0 });
                return;
            }
            _ => {}
        }
        // While a watched level does not load, the game behind its errors stays still.
        let broken = self.watch.as_ref().is_some_and(|w| !w.errors.is_empty());
        if broken && matches!(self.screen, Screen::Play(_) | Screen::End(_)) && msg != Msg::Quit {
            return;
        }
        let screen = std::mem::replace(&mut self.screen, Screen::Title { selected: 0 });
        self.screen = self.next_screen(screen, msg);
    }

    fn choose_on_title(&mut self, selected: usize) -> Screen {
        if let Some(entry) = self.catalog.get(selected) {
            if let Ok(level) = entry.level.clone() {
                self.origin = Origin {
                    level_path: entry.path.clone(),
                    slot: None,
                };
                self.start(level, None);
                return std::mem::replace(&mut self.screen, Screen::Title { selected });
            }
            return Screen::Title { selected };
        }
        match self.saves.get(selected - self.catalog.len()) {
            Some(SaveEntry { path, label: Ok(_) }) => self.resume_request = Some(path.clone()),
            // The details beside the list already say why it cannot be read.
            Some(SaveEntry { label: Err(_), .. }) | None => {}
        }
        Screen::Title { selected }
    }

    fn next_screen(&mut self, screen: Screen, msg: Msg) -> Screen {
        match screen {
            Screen::Title { selected } => {
                let n = (self.catalog.len() + self.saves.len()).max(1);
                match msg {
                    Msg::Up => Screen::Title {
                        selected: (selected + n - 1) % n,
                    },
                    Msg::Down => Screen::Title {
                        selected: (selected + 1) % n,
                    },
                    Msg::Quit | Msg::Back => {
                        self.quit = true;
                        Screen::Title { selected }
                    }
                    Msg::Choose => self.choose_on_title(selected),
                    _ => Screen::Title { selected },
                }
            }
            Screen::Changed(play) => match msg {
                Msg::Choose => Screen::Play(play),
                Msg::Back | Msg::Quit => Screen::Title { selected: 0 },
                _ => Screen::Changed(play),
            },
            Screen::Persona { level, selected } => {
                let n = level.personas.len().max(1);
                match msg {
                    Msg::Up => Screen::Persona {
                        level,
                        selected: (selected + n - 1) % n,
                    },
                    Msg::Down => Screen::Persona {
                        level,
                        selected: (selected + 1) % n,
                    },
                    Msg::Back => Screen::Title { selected: 0 },
                    Msg::Quit => {
                        self.quit = true;
                        Screen::Persona { level, selected }
                    }
                    Msg::Choose => {
                        let id = level
                            .personas
                            .get(selected)
                            .map(|p| p.id.clone())
                            .unwrap_or_default();
                        self.begin(level, &id);
                        std::mem::replace(&mut self.screen, Screen::Title { selected: 0 })
                    }
                    _ => Screen::Persona { level, selected },
                }
            }
            Screen::Intro(mut intro) if intro.naming.is_some() => {
                let typed = intro.naming.get_or_insert_with(String::new);
                match msg {
                    Msg::Type(c)
                        if (crate::classroom::clean_name(&c.to_string()).is_some()
                            || (c == ' ' && !typed.is_empty()))
                            && typed.chars().count() < crate::classroom::MAX_NAME =>
                    {
                        typed.push(c);
                    }
                    Msg::Erase => {
                        typed.pop();
                    }
                    Msg::Choose => {
                        let name = crate::classroom::clean_name(typed);
                        intro.game.set_name(name);
                        intro.naming = None;
                    }
                    Msg::Back => intro.naming = None,
                    _ => {}
                }
                Screen::Intro(intro)
            }
            Screen::Intro(mut intro) => {
                let has_consent = intro.game.level().consent.is_some();
                match msg {
                    Msg::Up => intro.scroll = intro.scroll.saturating_sub(1),
                    Msg::Down => intro.scroll = intro.scroll.saturating_add(1),
                    Msg::Space if has_consent => intro.ticked = !intro.ticked,
                    Msg::Choose => {
                        let mut opening = std::mem::take(&mut intro.opening);
                        if has_consent
                            && let Ok(more) = intro.game.play(Action::Consent {
                                share: intro.ticked,
                            })
                        {
                            opening.extend(more);
                        }
                        let origin = std::mem::take(&mut intro.origin);
                        let mut play = Play::new(intro.game, &opening, origin);
                        if has_consent {
                            play.history.push(Action::Consent {
                                share: intro.ticked,
                            });
                        }
                        return Screen::Play(Box::new(play));
                    }
                    Msg::Back => return Screen::Title { selected: 0 },
                    Msg::Quit => self.quit = true,
                    _ => {}
                }
                Screen::Intro(intro)
            }
            Screen::Play(mut play) => {
                if msg == Msg::Quit && play.menu.is_none() && play.summary.is_none() {
                    if play.day_unfinished() {
                        self.overlay = Some(Overlay::QuitConfirm);
                    } else {
                        self.quit = true;
                        play.save_due = true;
                    }
                    return Screen::Play(play);
                }
                play.update(msg);
                if play.game.is_over() && play.summary.is_none() {
                    play.end = Some(EndView::of(&play.game));
                    return Screen::End(play);
                }
                Screen::Play(play)
            }
            Screen::End(mut play) => {
                let end = play.end.get_or_insert_with(|| EndView::of(&play.game));
                let pages = end.pages();
                match msg {
                    Msg::Quit | Msg::Back => {
                        self.quit = true;
                        play.save_due = true;
                    }
                    Msg::Choose => return Screen::Title { selected: 0 },
                    Msg::Right | Msg::NextPanel => {
                        end.page = (end.page + 1) % pages;
                        end.scroll = 0;
                    }
                    Msg::Left | Msg::PrevPanel => {
                        end.page = (end.page + pages - 1) % pages;
                        end.scroll = 0;
                    }
                    Msg::Down => end.scroll = end.scroll.saturating_add(1),
                    Msg::Up => end.scroll = end.scroll.saturating_sub(1),
                    Msg::Export if end.written => end.again = true,
                    Msg::Export => end.export_due = true,
                    _ => {}
                }
                Screen::End(play)
            }
        }
    }
}
