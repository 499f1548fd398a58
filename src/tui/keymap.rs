//! Every key the game answers to, described once. The footer and the `?` help are drawn
//! from here, so what the screen says a key does and what it does cannot drift apart.

use super::app::{App, Overlay, Screen};

/// A key (or a pair that works as one, ↑↓), as the footer names it and the help explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// As the footer shows it.
    pub label: &'static str,
    /// Every key that does it, for the help.
    pub keys: &'static str,
    /// What it does, for the help.
    pub does: &'static str,
}

pub const MOVE: Key = Key {
    label: "↑↓",
    keys: "↑↓ j k",
    does: "move; PgUp PgDn Home End jump",
};
pub const PANEL: Key = Key {
    label: "Tab/←→",
    keys: "Tab ←→ h l",
    does: "switch panel: Shop, Feed, Friends, Inbox, Perks, Ledger",
};
pub const CHOOSE: Key = Key {
    label: "Enter",
    keys: "Enter Space",
    does: "choose: buy, open a post, a person, an event",
};
pub const YES: Key = Key {
    label: "y",
    keys: "y",
    does: "confirm a purchase, an answer, ending the day, quitting",
};
pub const END_DAY: Key = Key {
    label: "n",
    keys: "n",
    does: "end the day (asks first if actions or events are left)",
};
pub const PAGES: Key = Key {
    label: "←→",
    keys: "←→ Tab",
    does: "turn the debrief's pages",
};
pub const INSPECT: Key = Key {
    label: "i",
    keys: "i",
    does: "the rules that count now, and where you stand",
};
pub const HELP: Key = Key {
    label: "?",
    keys: "?",
    does: "this help",
};
pub const BACK: Key = Key {
    label: "Esc",
    keys: "Esc",
    does: "back, close a pop-up; on the title, asks to quit",
};
pub const QUIT: Key = Key {
    label: "q",
    keys: "q",
    does: "quit (asks first if the day is not finished)",
};
pub const FORCE_QUIT: Key = Key {
    label: "Ctrl-C",
    keys: "Ctrl-C",
    does: "quit at once (the game is saved)",
};
pub const TICK: Key = Key {
    label: "Space",
    keys: "Space",
    does: "tick or untick the consent box",
};
pub const EXPORT: Key = Key {
    label: "e",
    keys: "e",
    does: "export your report and its result code",
};
pub const ANY: Key = Key {
    label: "any key",
    keys: "any other key",
    does: "close a pop-up or a summary, skip a slow feed",
};

/// Every key, in the order the help lists them.
pub const ALL: [Key; 14] = [
    MOVE, PANEL, CHOOSE, YES, END_DAY, INSPECT, HELP, BACK, QUIT, FORCE_QUIT, TICK, PAGES, EXPORT,
    ANY,
];

/// The keys of the screen as it is, each with what it does there.
pub fn footer(app: &App) -> Vec<(Key, &'static str)> {
    let broken = app.watch.as_ref().is_some_and(|w| !w.errors.is_empty());
    if broken {
        return vec![(QUIT, "quit")];
    }
    match app.overlay {
        Some(Overlay::QuitConfirm) => vec![(YES, "quit"), (BACK, "stay")],
        Some(Overlay::Inspector { .. }) => {
            vec![(MOVE, "scroll"), (HELP, "help"), (ANY, "close")]
        }
        Some(Overlay::Help) => vec![(ANY, "close"), (FORCE_QUIT, "quit")],
        None => screen_keys(app),
    }
}

/// The keys the help explains on this screen: the footer's, and the ones that always work.
pub fn help_keys(app: &App) -> Vec<Key> {
    let mut keys: Vec<Key> = screen_keys(app).into_iter().map(|(k, _)| k).collect();
    if matches!(app.screen, Screen::Play(_)) {
        keys.push(YES);
    }
    for k in [HELP, BACK, FORCE_QUIT] {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys.retain(|k| *k != ANY);
    keys
}

/// The keys of the screen beneath any overlay.
fn screen_keys(app: &App) -> Vec<(Key, &'static str)> {
    match (&app.overlay, &app.screen) {
        (_, Screen::Play(p)) if p.confirm.is_some() => vec![(YES, "yes"), (ANY, "no")],
        (_, Screen::Title { .. }) => vec![
            (MOVE, "choose level"),
            (CHOOSE, "play"),
            (HELP, "help"),
            (QUIT, "quit"),
        ],
        (_, Screen::Persona { .. }) => vec![
            (MOVE, "choose"),
            (CHOOSE, "play as"),
            (BACK, "back"),
            (QUIT, "quit"),
        ],
        (_, Screen::Intro(i)) if i.naming.is_some() => {
            vec![(CHOOSE, "continue"), (BACK, "no name")]
        }
        (_, Screen::Intro(_)) => vec![
            (MOVE, "read on"),
            (TICK, "tick/untick"),
            (CHOOSE, "begin"),
            (BACK, "back"),
        ],
        (_, Screen::Play(p)) if p.summary.is_some() => vec![(MOVE, "scroll"), (ANY, "continue")],
        (_, Screen::Play(p)) if p.loading > 0 => vec![(ANY, "skip the wait")],
        (_, Screen::Play(p)) if p.menu.is_some() => {
            vec![(MOVE, "move"), (CHOOSE, "choose"), (BACK, "back")]
        }
        (_, Screen::Play(_)) => vec![
            (MOVE, "move"),
            (PANEL, "panel"),
            (CHOOSE, "choose"),
            (END_DAY, "end day"),
            (INSPECT, "inspect"),
            (HELP, "help"),
            (QUIT, "quit"),
        ],
        (_, Screen::End(_)) => vec![
            (PAGES, "pages"),
            (MOVE, "scroll"),
            (EXPORT, "export report"),
            (CHOOSE, "title"),
            (INSPECT, "inspect"),
            (QUIT, "quit"),
        ],
        (_, Screen::Changed(_)) => vec![(CHOOSE, "continue anyway"), (BACK, "back to the title")],
    }
}
