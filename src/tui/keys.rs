//! Keys to messages. Only presses count (Windows also reports releases).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    /// Home, End, PgUp, PgDn: jump in a list.
    First,
    Last,
    PageUp,
    PageDown,
    Left,
    Right,
    NextPanel,
    PrevPanel,
    Choose,
    /// Space: chooses like Enter, except where it ticks a box.
    Space,
    Back,
    Quit,
    ForceQuit,
    Yes,
    EndDay,
    Help,
    Inspector,
    /// `e`: export the end-of-level report.
    Export,
    /// Any other key: skips a slow-loading feed, dismisses a summary.
    Other,
    /// Time passed while something was loading.
    Tick,
    /// A character typed into a text field (the player's name).
    Type(char),
    /// Backspace in a text field.
    Erase,
}

pub fn to_msg(key: KeyEvent) -> Option<Msg> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('c' | 'C'))
    {
        return Some(Msg::ForceQuit);
    }
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        KeyCode::Left | KeyCode::Char('h') => Msg::Left,
        KeyCode::Right | KeyCode::Char('l') => Msg::Right,
        KeyCode::Home => Msg::First,
        KeyCode::End => Msg::Last,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::Tab => Msg::NextPanel,
        KeyCode::BackTab => Msg::PrevPanel,
        KeyCode::Enter => Msg::Choose,
        KeyCode::Char(' ') => Msg::Space,
        KeyCode::Esc => Msg::Back,
        KeyCode::Char('q' | 'Q') => Msg::Quit,
        KeyCode::Char('y' | 'Y') => Msg::Yes,
        KeyCode::Char('n' | 'N') => Msg::EndDay,
        KeyCode::Char('?') => Msg::Help,
        KeyCode::Char('i' | 'I') => Msg::Inspector,
        KeyCode::Char('e' | 'E') => Msg::Export,
        _ => Msg::Other,
    })
}

/// Keys while a text field is open: characters are text, not commands.
pub fn to_text_msg(key: KeyEvent) -> Option<Msg> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c' | 'C')).then_some(Msg::ForceQuit);
    }
    Some(match key.code {
        KeyCode::Char(c) => Msg::Type(c),
        KeyCode::Backspace => Msg::Erase,
        KeyCode::Enter => Msg::Choose,
        KeyCode::Esc => Msg::Back,
        _ => Msg::Other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: KeyCode, kind: KeyEventKind) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn only_presses_count() {
        assert_eq!(
            to_msg(key(KeyCode::Enter, KeyEventKind::Press)),
            Some(Msg::Choose)
        );
        assert_eq!(to_msg(key(KeyCode::Enter, KeyEventKind::Release)), None);
        assert_eq!(to_msg(key(KeyCode::Enter, KeyEventKind::Repeat)), None);
    }

    #[test]
    fn vim_keys_and_arrows_agree() {
        for (a, b) in [
            (KeyCode::Up, 'k'),
            (KeyCode::Down, 'j'),
            (KeyCode::Left, 'h'),
            (KeyCode::Right, 'l'),
        ] {
            let p = |c| to_msg(key(c, KeyEventKind::Press));
            assert_eq!(p(a), p(KeyCode::Char(b)));
        }
    }

    #[test]
    fn ctrl_c_always_quits() {
        let mut k = key(KeyCode::Char('c'), KeyEventKind::Press);
        k.modifiers = KeyModifiers::CONTROL;
        assert_eq!(to_msg(k), Some(Msg::ForceQuit));
    }
}
