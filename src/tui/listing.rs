//! A panel of the main screen: its rows (which part of a long list, in the title) and the
//! details of the row under the cursor, with its effect or why it is locked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::app::Play;
use super::panels::{self, Mark};
use super::theme::Theme;
use super::view::effect_spans;

pub fn render(frame: &mut Frame, area: Rect, theme: Theme, play: &Play) {
    let rows = panels::rows(&play.game, play.panel);
    let cursor = play.cursor().min(rows.len().saturating_sub(1));
    let [list_area, detail_area] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let height = list_area.height.saturating_sub(2) as usize;
    let first = cursor.saturating_sub(height.saturating_sub(1));
    // A list longer than its box says so, and which part is shown.
    let title = if rows.len() > height && height > 0 {
        let last = (first + height).min(rows.len());
        let (up, down) = (first > 0, last < rows.len());
        let arrows = match (up, down) {
            (true, true) => " ↑↓",
            (true, false) => " ↑",
            (false, true) => " ↓",
            _ => "",
        };
        format!(
            " {} {}-{last} of {}{arrows} ",
            play.panel.name(),
            first + 1,
            rows.len()
        )
    } else {
        format!(" {} ", play.panel.name())
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    let width = inner.width as usize;
    // Labels on the left and asides right-aligned, as two paragraphs: padding each row
    // with spaces to the full width would cost a grapheme per blank cell on every frame.
    let (mut labels, mut asides) = (Vec::new(), Vec::new());
    for (i, row) in rows.iter().enumerate().skip(first).take(height) {
        let room = width.saturating_sub(super::text::width(&row.aside) + 3);
        let label = super::text::truncate(&row.label, room);
        let pointer = if i == cursor { "> " } else { "  " };
        let style = match (i == cursor, row.mark, row.lock.is_some()) {
            (true, _, _) => theme.selected(),
            (_, _, true) => theme.locked(),
            (_, Mark::Waiting, _) => theme.warn(),
            (_, Mark::Good, _) => theme.good(),
            (_, Mark::Bad, _) => theme.bad(),
            (_, Mark::Faded, _) => theme.dim(),
            _ => theme.text(),
        };
        labels.push(Line::styled(format!("{pointer}{label}"), style));
        asides.push(Line::styled(row.aside.as_str(), style));
    }
    frame.render_widget(Paragraph::new(labels), inner);
    frame.render_widget(Paragraph::new(asides).right_aligned(), inner);

    let mut detail: Vec<Line> = Vec::new();
    if let Some(row) = rows.get(cursor) {
        // A thing the level gives no description has no blank line for one.
        for d in row.detail.iter().filter(|d| !d.trim().is_empty()) {
            detail.push(Line::from(d.clone()));
        }
        if let Some(lock) = &row.lock {
            detail.push(Line::from(""));
            detail.push(Line::styled(format!("Not available: {lock}"), theme.bad()));
        } else if let Some(p) = &row.effect {
            let spans = effect_spans(&play.game, p, theme);
            if !spans.is_empty() {
                detail.push(Line::from(""));
                let mut line = vec![Span::styled(format!("{}: ", row.verb), theme.dim())];
                line.extend(spans);
                detail.push(Line::from(line));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(detail)
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::ALL).title(" Details ")),
        detail_area,
    );
}
