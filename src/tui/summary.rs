//! The overnight summary: what the night did, sized to its lines and scrolling when longer
//! than the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::Play;
use super::theme::Theme;
use super::view::{centered, popup};

pub fn render(frame: &mut Frame, area: Rect, theme: Theme, play: &Play, lines: &[String]) {
    let width = area.width.saturating_sub(2).min(100);
    let mut text: Vec<Line> = lines
        .iter()
        .flat_map(|l| super::text::hanging(l, usize::from(width.saturating_sub(2))))
        .map(|l| {
            // Coloured by the sign of the change, whether of the score, the self or money.
            let style = match l.strip_prefix("score ").unwrap_or(&l).chars().next() {
                Some('+') => theme.good(),
                Some('-') => theme.bad(),
                _ => theme.text(),
            };
            Line::styled(l, style)
        })
        .collect();
    if text.is_empty() {
        text.push(Line::from("A quiet night."));
    }
    let rows = |text: &[Line]| -> u16 {
        (text.iter())
            .map(|l| super::menu_view::rows(l, width.saturating_sub(2)))
            .fold(0, u16::saturating_add)
    };
    let room = area.height.saturating_sub(2);
    let overflows = rows(&text) + 1 > room;
    text.push(Line::styled(
        if overflows {
            "↑↓ to read on; any other key continues."
        } else {
            "Press any key."
        },
        theme.dim(),
    ));
    let total = rows(&text);
    let scroll = play.summary_scroll.min(total.saturating_sub(room));
    let height = total.saturating_add(2).min(area.height);
    let day = play.game.state().day;
    let mut title = if play.game.is_over() {
        "The last night".to_string()
    } else {
        format!("Overnight — day {day} begins")
    };
    if overflows {
        let lower = scroll + room < total;
        title.push_str(match (scroll > 0, lower) {
            (true, true) => " (more ↑↓)",
            (true, false) => " (more ↑)",
            _ => " (more ↓)",
        });
    }
    let inner = popup(frame, centered(area, width, height), &title, theme);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}
