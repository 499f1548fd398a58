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

/// The question before a step that is hard to take back, sized to its words.
pub fn confirm(frame: &mut Frame, area: Rect, theme: Theme, q: &crate::present::confirm::Question) {
    let width = area.width.saturating_sub(8).min(72);
    let room = width.saturating_sub(2).max(1) as usize;
    let text_rows: usize = (q.lines.iter())
        .map(|l| super::text::width(l).div_ceil(room).max(1))
        .sum();
    let height = (text_rows as u16 + 4).min(area.height);
    let inner = popup(frame, centered(area, width, height), &q.title, theme);
    let mut lines: Vec<Line> = q.lines.iter().map(|l| Line::from(l.clone())).collect();
    lines.push(Line::from(""));
    lines.push(Line::styled("y: yes    any other key: no", theme.key()));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
