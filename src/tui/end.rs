//! The end of a level: the ending, the score and the self over time, the summary.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Wrap};

use super::app::Play;
use super::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, theme: Theme, play: &Play) {
    let Some(end) = &play.end else {
        overview(frame, area, theme, play);
        return;
    };
    // Once exported, where the files went and the result code stay in sight on every page.
    let mut report: Vec<Line> = (end.exported.iter())
        .map(|l| Line::styled(l.clone(), theme.good()))
        .collect();
    if end.again {
        report.push(Line::from(
            "Already written (above): e does not write another copy.",
        ));
    }
    let inner = usize::from(area.width.saturating_sub(2)).max(1);
    let strip = if report.is_empty() {
        0
    } else {
        let rows: usize = (report.iter())
            .map(|l| super::text::width(&l.to_string()).div_ceil(inner).max(1))
            .sum();
        (rows as u16 + 2).min(area.height / 3)
    };
    let [tabs, body, written] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(strip),
    ])
    .areas(area);
    if !report.is_empty() {
        frame.render_widget(
            Paragraph::new(report).wrap(Wrap { trim: true }).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" Your report "),
            ),
            written,
        );
    }
    // Every page by number, the current one by name: it fits at 80 columns.
    let mut spans = vec![Span::styled("Debrief ", theme.dim())];
    for i in 0..end.pages() {
        let name = if i == 0 {
            "Overview"
        } else {
            end.sections[i - 1].0.as_str()
        };
        if i == end.page {
            spans.push(Span::styled(format!(" {} {name} ", i + 1), theme.tab(true)));
        } else {
            spans.push(Span::raw(format!(" {} ", i + 1)));
        }
    }
    spans.push(Span::styled("  (← →)", theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
    match end.sections.get(end.page.wrapping_sub(1)) {
        Some((title, lines)) if end.page > 0 => {
            let text: Vec<Line> = lines.iter().map(|l| Line::from(l.clone())).collect();
            frame.render_widget(
                Paragraph::new(text)
                    .wrap(Wrap { trim: false })
                    .scroll((end.scroll, 0))
                    .block(
                        Block::default()
                            .borders(Borders::ALL)
                            .title(format!(" {title} ")),
                    ),
                body,
            );
        }
        _ => overview(frame, body, theme, play),
    }
}

/// The ending's words first, whole; then the summary; the charts in what room is left (the
/// debrief has them on a page of their own).
fn overview(frame: &mut Frame, area: Rect, theme: Theme, play: &Play) {
    let game = &play.game;
    let mut text = Vec::new();
    if let Some(e) = game.ending() {
        text.push(Line::styled(e.title.clone(), theme.title()));
        text.push(Line::from(e.text.clone()));
    }
    let story = Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::ALL).title(" The end "));
    let mut lines: Vec<Line> = (game.summary().shown_lines().into_iter())
        .map(Line::from)
        .collect();
    let hint = if play.end.as_ref().is_some_and(|e| e.written) {
        "← → for the debrief: obedience, drift, ghost run, what was real."
    } else {
        "← → for the debrief: obedience, drift, ghost run, what was real. e exports your report."
    };
    lines.push(Line::styled(hint, theme.dim()));
    let facts = Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::ALL).title(" Summary "));
    let rows = |p: &Paragraph| u16::try_from(p.line_count(area.width)).unwrap_or(u16::MAX);
    let story_height = rows(&story).min(area.height);
    let mut facts_height = rows(&facts).min(area.height - story_height);
    // Charts need a few rows to say anything; without them the summary takes the room.
    let room = area.height - story_height - facts_height;
    if room < CHART_HEIGHT {
        facts_height += room;
    }
    let [top, charts, bottom] = Layout::vertical([
        Constraint::Length(story_height),
        Constraint::Min(0),
        Constraint::Length(facts_height),
    ])
    .areas(area);
    frame.render_widget(story, top);
    frame.render_widget(facts, bottom);
    if charts.height >= CHART_HEIGHT {
        self::charts(frame, charts, theme, game);
    }
}

const CHART_HEIGHT: u16 = 6;

fn charts(frame: &mut Frame, area: Rect, theme: Theme, game: &crate::game::Game) {
    let level = game.level();
    let timeline = &game.state().timeline;
    let score: Vec<(f64, f64)> = timeline
        .iter()
        .filter_map(|m| m.score.map(|s| (f64::from(m.day), f64::from(s))))
        .collect();
    let integrity: Vec<(f64, f64)> = timeline
        .iter()
        .map(|m| (f64::from(m.day), f64::from(m.integrity)))
        .collect();
    // The marks run from day 1 to the level's last day.
    let days = level.days;
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let (lo, hi) = (f64::from(level.score.min), f64::from(level.score.max));
    frame.render_widget(chart(&score, "Score", [lo, hi], days, theme.score()), left);
    frame.render_widget(
        chart(&integrity, "Self", [0.0, 100.0], days, theme.good()),
        right,
    );
}

fn chart<'a>(
    data: &'a [(f64, f64)],
    name: &str,
    range: [f64; 2],
    days: u32,
    style: Style,
) -> Chart<'a> {
    let dataset = Dataset::default()
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(style)
        .data(data);
    Chart::new(vec![dataset])
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {name} over time ")),
        )
        .x_axis(
            Axis::default()
                .bounds([1.0, f64::from(days.max(2))])
                .labels(vec![Line::from("day 1"), Line::from(format!("day {days}"))]),
        )
        .y_axis(Axis::default().bounds(range).labels(vec![
            Line::from(format!("{}", range[0])),
            Line::from(format!("{}", range[1])),
        ]))
}
