//! Drawing the pop-up menu over the main screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::Play;
use super::theme::Theme;
use super::view::{centered, effect_spans, popup};

pub fn render(frame: &mut Frame, area: Rect, theme: Theme, play: &Play) {
    let Some(menu) = &play.menu else { return };
    // Wide enough to cover the panels beneath at 80 columns.
    let width = area.width.saturating_sub(2).min(100);
    let text_lines: u16 = menu
        .text
        .iter()
        .map(|t| (super::text::width(t) as u16 / width.saturating_sub(4).max(1)) + 1)
        .sum();
    let height = (text_lines + 2 + menu.choices.len() as u16 * 2 + 2).min(area.height);
    let rect = centered(area, width, height);
    let inner = popup(frame, rect, &menu.title, theme);
    let mut lines: Vec<Line> = menu.text.iter().map(|t| Line::from(t.clone())).collect();
    lines.push(Line::from(""));
    for (i, c) in menu.choices.iter().enumerate() {
        let selected = i == menu.selected;
        let style = match (selected, c.lock.is_some()) {
            (true, _) => theme.selected(),
            (false, true) => theme.locked(),
            _ => theme.text(),
        };
        let pointer = if selected { "> " } else { "  " };
        lines.push(Line::styled(format!("{pointer}{}", c.label), style));
        let mut info = vec![Span::raw("    ")];
        match (&c.lock, &c.effect) {
            (Some(lock), _) => info.push(Span::styled(lock.clone(), theme.bad())),
            (None, Some(p)) => info.extend(effect_spans(&play.game, p, theme)),
            _ => {}
        }
        if info.len() > 1 {
            lines.push(Line::from(info));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
