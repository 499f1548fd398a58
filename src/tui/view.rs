//! Drawing: a pure read of the app. Every area is clipped to the frame, so any size is safe.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Overlay, Screen};
use super::theme::Theme;
use super::{end, overlay, play, setup, title};
use crate::game::{Game, Prediction};

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, app.theme);
        return;
    }
    let [body, footer_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    match &app.screen {
        Screen::Title { selected } => title::render(frame, body, app, *selected),
        Screen::Persona { level, selected } => {
            setup::persona(frame, body, app.theme, level, *selected)
        }
        Screen::Intro(intro) => setup::intro(frame, body, app.theme, intro),
        Screen::Play(p) => play::render(frame, body, app.theme, p),
        Screen::End(p) => end::render(frame, body, app.theme, p),
        Screen::Changed(p) => changed(frame, body, app.theme, p),
    }
    match app.overlay {
        Some(Overlay::Help) => overlay::help(frame, body, app),
        Some(Overlay::Inspector { scroll }) => {
            if let Screen::Play(p) | Screen::End(p) = &app.screen {
                overlay::inspector(frame, body, app, &p.game, scroll);
            }
        }
        Some(Overlay::QuitConfirm) => overlay::quit(frame, body, app),
        None => {}
    }
    if let Some(w) = &app.watch
        && !w.errors.is_empty()
    {
        broken_level(frame, body, app.theme, w);
    }
    footer(frame, footer_area, app);
}

/// Watch mode, while the file does not load: its diagnostics, until it is fixed.
fn broken_level(frame: &mut Frame, area: Rect, theme: Theme, watch: &super::app::Watch) {
    let rect = centered(
        area,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    let title = format!("{} does not load", watch.path.display());
    let inner = popup(frame, rect, &title, theme);
    let mut lines = vec![
        Line::styled(
            "Fix the file and save it: the game reloads by itself.",
            theme.warn(),
        ),
        Line::from(""),
    ];
    for d in &watch.errors {
        for l in d.lines() {
            lines.push(Line::from(l.to_string()));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn changed(frame: &mut Frame, area: Rect, theme: Theme, play: &super::app::Play) {
    let rect = centered(area, 70, 9);
    let inner = popup(frame, rect, "The level changed", theme);
    let text = vec![
        Line::from(format!(
            "{} was edited after this game was saved (on day {}).",
            play.origin.level_path.display(),
            play.game.state().day
        )),
        Line::from(""),
        Line::from("The game can go on with the new version, but things may not fit."),
        Line::from(""),
        Line::styled(
            "Enter: continue anyway    Esc: back to the title",
            theme.key(),
        ),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}

fn too_small(frame: &mut Frame, area: Rect, theme: Theme) {
    let text = vec![
        Line::styled("Scored", theme.title()),
        Line::from(format!(
            "too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
            area.width, area.height
        )),
        Line::from("Make the window bigger; Ctrl-C quits."),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// The keys of the current screen, always on the last line (from the keymap).
fn footer(frame: &mut Frame, area: Rect, app: &App) {
    let mut spans = Vec::new();
    for (key, what) in super::keymap::footer(app) {
        spans.push(Span::styled(format!(" {} ", key.label), app.theme.key()));
        spans.push(Span::raw(format!("{what}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A box in the middle of `area`, at most `w`×`h`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A cleared, bordered pop-up with a title; returns its inner area.
pub fn popup(frame: &mut Frame, area: Rect, title: &str, theme: Theme) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A predicted effect as coloured, signed spans — or nothing where the level hides it.
pub fn effect_spans(game: &Game, p: &Prediction, theme: Theme) -> Vec<Span<'static>> {
    // What a choice pays or takes is a fact, shown whatever the level hides.
    let money = (p.money != 0).then(|| {
        let m = i32::try_from(p.money.signum()).unwrap_or(0);
        Span::styled(format!("money {:+}", p.money), theme.delta(m))
    });
    if !game.rules_visible() {
        return money.into_iter().collect();
    }
    let mut spans = Vec::new();
    if game.scored() {
        spans.push(Span::styled(
            format!("score {:+}", p.score),
            theme.delta(p.score),
        ));
        let dims: Vec<String> = (p.dimensions.iter())
            .map(|(id, pts)| {
                let name = crate::present::names::dimension(game.level(), id);
                crate::present::effect::dimension_points(name, *pts)
            })
            .collect();
        if !dims.is_empty() {
            spans.push(Span::styled(format!(" ({})", dims.join(", ")), theme.dim()));
        }
        spans.push(Span::raw("  "));
    }
    spans.push(Span::styled(
        format!("self {:+}", p.integrity),
        theme.delta(p.integrity),
    ));
    if let Some(m) = money {
        spans.push(Span::raw("  "));
        spans.push(m);
    }
    spans
}

/// A text bar for a value in 0..=100.
pub fn bar(value: i32, width: usize) -> String {
    let filled = (value.clamp(0, 100) as usize * width + 50) / 100;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

pub fn plain(style: Style, s: impl Into<String>) -> Line<'static> {
    Line::styled(s.into(), style)
}
