//! Drawing the pop-up menu over the main screen: sized to its words, and scrolled to keep
//! the selected choice and its effect in sight when they do not all fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::Play;
use super::theme::Theme;
use super::view::{centered, effect_spans, popup};

/// How many rows a line takes when wrapped to `width` columns, as the paragraph wraps it.
pub fn rows(line: &Line, width: u16) -> u16 {
    let count = Paragraph::new(line.clone())
        .wrap(Wrap { trim: false })
        .line_count(width.max(1));
    u16::try_from(count.max(1)).unwrap_or(u16::MAX)
}

pub fn render(frame: &mut Frame, area: Rect, theme: Theme, play: &Play) {
    let Some(menu) = &play.menu else { return };
    // Wide enough to cover the panels beneath at 80 columns.
    let width = area.width.saturating_sub(2).min(100);
    let inner_width = width.saturating_sub(2);
    let mut lines: Vec<Line> = menu.text.iter().map(|t| Line::from(t.clone())).collect();
    lines.push(Line::from(""));
    // Where the selected choice's lines begin and end.
    let mut selected = (0, 0);
    for (i, c) in menu.choices.iter().enumerate() {
        let is_selected = i == menu.selected;
        let style = match (is_selected, c.lock.is_some()) {
            (true, _) => theme.selected(),
            (false, true) => theme.locked(),
            _ => theme.text(),
        };
        let first = lines.len();
        let pointer = if is_selected { "> " } else { "  " };
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
        if is_selected {
            selected = (first, lines.len());
        }
    }
    let heights: Vec<u16> = lines.iter().map(|l| rows(l, inner_width)).collect();
    let total: u16 = heights.iter().copied().fold(0, u16::saturating_add);
    let height = total.saturating_add(2).min(area.height);
    let room = height.saturating_sub(2);
    // Scroll just enough to show the whole selected choice.
    let top = |n: usize| heights[..n].iter().copied().fold(0u16, u16::saturating_add);
    let (start, end) = (top(selected.0), top(selected.1));
    let scroll = end.saturating_sub(room).min(start);
    let title = match (scroll > 0, scroll + room < total) {
        (false, false) => menu.title.clone(),
        (true, true) => format!("{} (more ↑↓)", menu.title),
        (true, false) => format!("{} (more ↑)", menu.title),
        (false, true) => format!("{} (more ↓)", menu.title),
    };
    let inner = popup(frame, centered(area, width, height), &title, theme);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}

/// The question before a step that is hard to take back, sized to its words.
pub fn confirm(frame: &mut Frame, area: Rect, theme: Theme, q: &crate::present::confirm::Question) {
    let width = area.width.saturating_sub(8).min(72);
    let mut lines: Vec<Line> = q.lines.iter().map(|l| Line::from(l.clone())).collect();
    lines.push(Line::from(""));
    lines.push(Line::styled("y: yes    any other key: no", theme.key()));
    let total: u16 = (lines.iter())
        .map(|l| rows(l, width.saturating_sub(2)))
        .fold(0, u16::saturating_add);
    let height = total.saturating_add(2).min(area.height);
    let inner = popup(frame, centered(area, width, height), &q.title, theme);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
