//! The dashboard drawn: a pure read of [`Board`]. Meant to be projected: plots first, large
//! and plain; never colour alone to carry meaning.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Block, Borders, Chart, Clear, Dataset, GraphType, Paragraph,
    Row, Table, Wrap,
};

use super::Board;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, board: &Board) {
    let theme = board.theme;
    let area = frame.area();
    let [top, body, log, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(if area.height >= 40 { 4 } else { 1 }),
        Constraint::Length(1),
    ])
    .areas(area);
    header(frame, board, top);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
    students(frame, board, left);
    let [scatter, below] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(right);
    score_against_self(frame, board, scatter);
    let [endings_area, spread_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(below);
    endings(frame, board, endings_area);
    spread(frame, board, spread_area);
    let lines: Vec<Line> = board
        .log
        .iter()
        .take(usize::from(log.height))
        .map(|l| Line::styled(l.clone(), theme.dim()))
        .collect();
    frame.render_widget(Paragraph::new(lines), log);
    let keys = [("s", "write the class summary"), ("q", "stop the server")];
    let mut spans = Vec::new();
    for (k, what) in keys {
        spans.push(Span::styled(format!(" {k} "), theme.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    if let Some(n) = &board.notice {
        spans.push(Span::styled(n.clone(), theme.warn()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), footer);
    if board.confirm {
        confirm(frame, board, area);
    }
}

fn header(frame: &mut Frame, board: &Board, area: Rect) {
    let theme = board.theme;
    let v = &board.view;
    let first = Line::from(vec![
        Span::styled("Scored class  ", theme.title()),
        Span::raw(format!(
            "{} · seed {} · {} connected · {} finished · {} in the class",
            board.level_title,
            board.seed,
            v.connected(),
            v.finished(),
            v.students.len()
        )),
    ]);
    let second = Line::styled(format!("Students type: {}", board.how_to_join), theme.dim());
    frame.render_widget(Paragraph::new(vec![first, second]), area);
}

fn students(frame: &mut Frame, board: &Board, area: Rect) {
    let theme = board.theme;
    let v = &board.view;
    let rows = v.students.iter().map(|s| {
        let day = match &s.ending {
            Some(_) => "done".to_string(),
            None if s.day == 0 => "—".to_string(),
            None => format!("{}/{}", s.day.min(v.days), v.days),
        };
        let score = s.score.map_or("—".to_string(), |n| n.to_string());
        let me = if s.day == 0 {
            "—".to_string()
        } else {
            s.integrity.to_string()
        };
        let ending = s.ending.clone().unwrap_or_default();
        let style = if s.connected {
            theme.text()
        } else {
            theme.dim()
        };
        Row::new(vec![
            if s.connected { "●" } else { "○" }.to_string(),
            s.name.clone(),
            day,
            score,
            me,
            ending,
        ])
        .style(style)
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(1),
            Constraint::Length(14),
            Constraint::Length(5),
            Constraint::Length(5),
            Constraint::Length(4),
            Constraint::Min(6),
        ],
    )
    .header(
        Row::new(vec!["", "student", "day", "score", "self", "ending"])
            .style(theme.title().add_modifier(Modifier::BOLD)),
    )
    .block(
        Block::default()
            .borders(Borders::ALL)
            .title(" Students (● connected) "),
    );
    frame.render_widget(table, area);
}

fn score_against_self(frame: &mut Frame, board: &Board, area: Rect) {
    let theme = board.theme;
    let points: Vec<(f64, f64)> = board
        .view
        .students
        .iter()
        .filter_map(|s| s.score.map(|n| (f64::from(n), f64::from(s.integrity))))
        .collect();
    let (lo, hi) = points
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), (x, _)| {
            (lo.min(*x), hi.max(*x))
        });
    let (lo, hi) = if points.is_empty() {
        (300.0, 1000.0)
    } else {
        let lo = ((lo - 50.0) / 50.0).floor() * 50.0;
        let hi = ((hi + 50.0) / 50.0).ceil() * 50.0;
        (lo, hi)
    };
    let dataset = Dataset::default()
        .marker(Marker::Dot)
        .graph_type(GraphType::Scatter)
        .style(theme.score())
        .data(&points);
    let chart = Chart::new(vec![dataset])
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(" Score against self (one dot a student) "),
        )
        .x_axis(
            Axis::default()
                .title("score")
                .bounds([lo, hi])
                .labels([format!("{lo:.0}"), format!("{hi:.0}")]),
        )
        .y_axis(
            Axis::default()
                .title("self")
                .bounds([0.0, 100.0])
                .labels(["0", "50", "100"]),
        );
    frame.render_widget(chart, area);
}

fn bar<'a>(label: String, n: u64, theme: Theme) -> Bar<'a> {
    Bar::default()
        .label(Line::from(label))
        .value(n)
        .style(theme.score())
        .value_style(theme.selected())
}

fn endings(frame: &mut Frame, board: &Board, area: Rect) {
    let theme = board.theme;
    let list = board.view.endings();
    let block = Block::default().borders(Borders::ALL).title(" Endings ");
    if list.is_empty() {
        let p = Paragraph::new("No one has finished yet.")
            .style(theme.dim())
            .block(block);
        frame.render_widget(p, area);
        return;
    }
    // Horizontal bars: an ending's title fits beside its bar.
    let label_width = area.width.saturating_sub(10) / 2;
    let bars: Vec<Bar> = list
        .into_iter()
        .map(|(title, n)| {
            let short: String = title.chars().take(usize::from(label_width)).collect();
            bar(short, n, theme)
        })
        .collect();
    let chart = BarChart::default()
        .block(block)
        .direction(ratatui::layout::Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}

fn spread(frame: &mut Frame, board: &Board, area: Rect) {
    let theme = board.theme;
    let (bands, na) = board.view.obedience_bands();
    // Each band named by where it starts: 0 is 0-19%, 80 is 80-100%.
    let labels = ["0", "20", "40", "60", "80"];
    let mut bars: Vec<Bar> = labels
        .iter()
        .zip(bands)
        .map(|(l, n)| bar(l.to_string(), n, theme))
        .collect();
    let inner_width = area.width.saturating_sub(2);
    let width = (inner_width / 6).saturating_sub(1).clamp(1, 8);
    bars.push(bar(if width >= 3 { "n/a" } else { "na" }.into(), na, theme));
    let chart = BarChart::default()
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(" Obedience index % "),
        )
        .bar_width(width)
        .bar_gap(1)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}

fn confirm(frame: &mut Frame, board: &Board, area: Rect) {
    let theme = board.theme;
    let w = area.width.min(60);
    let h = area.height.min(7);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let playing = board.view.connected();
    let text = vec![
        Line::from(format!("Stop the server? {playing} student(s) playing.")),
        Line::from("Each keeps their save (the end of their last day) and"),
        Line::from("every report stays in the class folder."),
        Line::styled("y stops · any other key goes back", theme.key()),
    ];
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .style(Style::default())
            .block(Block::default().borders(Borders::ALL).title(" Stop ")),
        r,
    );
}
