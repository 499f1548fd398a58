//! A game in progress on the main screen: panels, cursors, the open menu, and what the last
//! action did. Keys arrive here from `App::update` while the game is on screen.

use super::Origin;
use crate::game::{Action, Game, Outcome};
use crate::present;
use crate::present::menu::{self, Menu, Then};
use crate::tui::keys::Msg;
use crate::tui::panels::{self, Panel, Target};

use super::EndView;

pub struct Play {
    pub game: Game,
    pub panel: Panel,
    pub cursor: [usize; 6],
    pub menu: Option<Menu>,
    /// What the last action did, one line each.
    pub toasts: Vec<String>,
    /// The end-of-day summary, shown until a key other than a scroll is pressed.
    pub summary: Option<Vec<String>>,
    /// Lines the summary is scrolled by.
    pub summary_scroll: u16,
    /// Steps left of a throttled feed's slow loading.
    pub loading: u8,
    /// The score when the day began, for "today's change".
    pub day_start: Option<i32>,
    pub origin: Origin,
    /// Effects asked for by the last key (a save at the end of a day), for `App::update`.
    outbox: Vec<super::Effect>,
    /// Where it was last saved, shown to the player.
    pub saved_to: Option<String>,
    /// Every action that was accepted, to replay on a reloaded level (watch mode).
    pub history: Vec<Action>,
    /// The debrief, once the level is over.
    pub end: Option<EndView>,
    /// A step waiting for the player's `y`.
    pub confirm: Option<Confirm>,
}

/// An action held until the player confirms it, with the question that asks.
#[derive(Debug, Clone)]
pub struct Confirm {
    pub question: present::confirm::Question,
    pub action: Action,
}

/// Rows PgUp and PgDn move by.
const PAGE: usize = 10;

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
            summary_scroll: 0,
            loading: 0,
            day_start,
            origin,
            outbox: Vec::new(),
            saved_to: None,
            history: Vec::new(),
            end: None,
            confirm: None,
        }
    }

    /// The effects the last key asked for.
    pub(super) fn take_effects(&mut self) -> Vec<super::Effect> {
        std::mem::take(&mut self.outbox)
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

    /// Plays the action, or first asks when it is hard to take back.
    fn ask_then_play(&mut self, action: Action) {
        match present::confirm::question(&self.game, &action) {
            Some(question) if self.game.refusal(&action).is_none() => {
                self.confirm = Some(Confirm { question, action })
            }
            _ => self.play(action),
        }
    }

    fn play(&mut self, action: Action) {
        let held = self.held_rows();
        let waiting: Vec<String> = self.game.pending_events().map(|e| e.id.clone()).collect();
        self.act(action);
        self.keep_cursors(&held, &waiting);
    }

    /// What each panel's cursor is on, where it is on something.
    fn held_rows(&self) -> Vec<Option<Target>> {
        (Panel::ALL.iter())
            .map(|p| {
                let rows = panels::rows(&self.game, *p);
                let row = rows.get(self.cursor[p.index()])?;
                (row.target != Target::Nothing).then(|| row.target.clone())
            })
            .collect()
    }

    /// After an action, each cursor stays on the same thing (a post, not a row number: new
    /// posts arrive at the top), and the inbox's moves to the first event that just arrived.
    fn keep_cursors(&mut self, held: &[Option<Target>], waiting: &[String]) {
        for (p, target) in Panel::ALL.iter().zip(held) {
            let rows = panels::rows(&self.game, *p);
            if let Some(at) = target
                .as_ref()
                .and_then(|t| rows.iter().position(|r| r.target == *t))
            {
                self.cursor[p.index()] = at;
            }
        }
        let arrived = (self.game.pending_events())
            .map(|e| e.id.clone())
            .find(|id| !waiting.contains(id));
        if let Some(id) = arrived {
            let rows = panels::rows(&self.game, Panel::Inbox);
            if let Some(at) = rows
                .iter()
                .position(|r| r.target == Target::Event(id.clone()))
            {
                self.cursor[Panel::Inbox.index()] = at;
            }
        }
    }

    fn act(&mut self, action: Action) {
        let ending_day = action == Action::EndDay;
        match self.game.play(action.clone()) {
            Ok(outcomes) => {
                self.history.push(action);
                let lines = present::outcome_lines(&self.game, &outcomes);
                if ending_day {
                    self.summary = Some(lines.clone());
                    self.day_start = self.game.state().score;
                    self.outbox.push(super::Effect::Save);
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
                self.ask_then_play(Action::Buy { item: item.clone() });
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
            // Answers, ending a friendship and reporting someone are asked about first, with
            // the menu still open behind the question.
            Then::Play(
                action
                @ (Action::Answer { .. } | Action::Unfriend { .. } | Action::Denounce { .. }),
            ) => self.ask_then_play(action),
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

    pub(super) fn update(&mut self, msg: Msg) {
        if self.summary.is_some() {
            let at = self.summary_scroll;
            match msg {
                Msg::Down => self.summary_scroll = at.saturating_add(1),
                Msg::PageDown => self.summary_scroll = at.saturating_add(PAGE as u16),
                Msg::Up => self.summary_scroll = at.saturating_sub(1),
                Msg::PageUp => self.summary_scroll = at.saturating_sub(PAGE as u16),
                Msg::First => self.summary_scroll = 0,
                _ => {
                    self.summary = None;
                    self.summary_scroll = 0;
                }
            }
            return;
        }
        if let Some(confirm) = self.confirm.take() {
            if msg == Msg::Yes {
                self.menu = None;
                self.play(confirm.action);
            }
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
                Msg::First | Msg::PageUp => menu.selected = 0,
                Msg::Last | Msg::PageDown => menu.selected = n.saturating_sub(1),
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
            Msg::First => self.cursor[i] = 0,
            Msg::Last => self.cursor[i] = len - 1,
            Msg::PageUp => self.cursor[i] = self.cursor[i].saturating_sub(PAGE),
            Msg::PageDown => self.cursor[i] = (self.cursor[i] + PAGE).min(len - 1),
            Msg::Right | Msg::NextPanel => self.switch(1),
            Msg::Left | Msg::PrevPanel => self.switch(-1),
            Msg::Choose => self.choose_row(),
            Msg::EndDay => self.ask_then_play(Action::EndDay),
            _ => {}
        }
        let len = panels::rows(&self.game, self.panel).len().max(1);
        let i = self.panel.index();
        self.cursor[i] = self.cursor[i].min(len - 1);
    }
}
