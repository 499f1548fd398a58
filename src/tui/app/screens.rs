//! How each screen answers a key: `App::update`, the one way the UI changes.

use super::{App, Effect, EndView, Origin, Overlay, Play, SaveEntry, Screen};
use crate::game::Action;
use crate::tui::keys::Msg;

impl App {
    /// The one way the UI changes; returns what the run loop should do outside it.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        self.step(msg);
        if let Some(play) = self.playing_mut() {
            let asked = play.take_effects();
            self.outbox.extend(asked);
        }
        std::mem::take(&mut self.outbox)
    }

    fn step(&mut self, msg: Msg) {
        let msg = match (&self.screen, msg) {
            (Screen::Intro(_), Msg::Space) => Msg::Space,
            (_, Msg::Space) => Msg::Choose,
            (_, m) => m,
        };
        if msg == Msg::ForceQuit {
            self.leave();
            return;
        }
        if let Some(overlay) = self.overlay {
            self.overlay = match (overlay, msg) {
                (Overlay::QuitConfirm, Msg::Yes | Msg::Quit) => {
                    self.leave();
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
            Some(SaveEntry {
                path, label: Ok(_), ..
            }) => self.outbox.push(Effect::Resume(path.clone())),
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
                    Msg::Quit => {
                        self.quit = true;
                        Screen::Title { selected }
                    }
                    // Esc means "back"; on the first screen there is nothing behind it.
                    Msg::Back => {
                        self.overlay = Some(Overlay::QuitConfirm);
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
                        let opening = std::mem::take(&mut intro.opening);
                        let mut consented = Vec::new();
                        if has_consent
                            && let Ok(more) = intro.game.play(Action::Consent {
                                share: intro.ticked,
                            })
                        {
                            consented = more;
                        }
                        let origin = std::mem::take(&mut intro.origin);
                        let mut play = Play::new(intro.game, &opening, origin);
                        // The box is the player's first act: its line carries its effects.
                        let lines = crate::present::outcome_lines(&play.game, &consented);
                        play.toasts.extend(lines);
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
                let idle = play.menu.is_none() && play.summary.is_none() && play.confirm.is_none();
                if msg == Msg::Quit && idle {
                    if play.day_unfinished() {
                        self.overlay = Some(Overlay::QuitConfirm);
                    } else {
                        self.quit = true;
                        self.outbox.push(Effect::Save);
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
                    Msg::Quit => {
                        self.quit = true;
                        self.outbox.push(Effect::Save);
                    }
                    Msg::Back => self.overlay = Some(Overlay::QuitConfirm),
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
                    Msg::Export => self.outbox.push(Effect::Export),
                    _ => {}
                }
                Screen::End(play)
            }
        }
    }
}
