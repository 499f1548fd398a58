//! The title screen: the name, the premise, and the levels found in `levels/`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::app::App;

const ART: &str = include_str!("../../assets/title.txt");
const PREMISE: &str = "Live inside a social-credit score. Every purchase, post and friendship moves your number; the number opens and closes doors.";

pub fn render(frame: &mut Frame, area: Rect, app: &App, selected: usize) {
    let theme = app.theme;
    let art_height = ART.lines().count() as u16;
    let [art_area, premise_area, list_area] = Layout::vertical([
        Constraint::Length(art_height + 1),
        Constraint::Length(3),
        Constraint::Min(5),
    ])
    .areas(area);
    // Pad every line to the widest, so centring keeps the letters aligned.
    let width = ART.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let art: Vec<Line> = ART
        .lines()
        .map(|l| Line::styled(format!("{l:<width$}"), theme.title()))
        .collect();
    frame.render_widget(Paragraph::new(art).centered(), art_area);
    frame.render_widget(
        Paragraph::new(PREMISE).wrap(Wrap { trim: true }).centered(),
        premise_area,
    );

    let [list, detail] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
            .areas(list_area);
    let mut lines = Vec::new();
    for (i, entry) in app.catalog.iter().enumerate() {
        let name = match &entry.level {
            Ok(l) => l.title.clone(),
            Err(_) => format!("{} (broken)", entry.id),
        };
        let style = if i == selected {
            theme.selected()
        } else {
            theme.text()
        };
        let marker = if i == selected { "> " } else { "  " };
        lines.push(Line::from(Span::styled(format!("{marker}{name}"), style)));
    }
    if lines.is_empty() {
        lines.push(Line::from("No levels found in levels/."));
    }
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(" Levels ")),
        list,
    );
    let text = match app.catalog.get(selected).map(|e| &e.level) {
        Some(Ok(l)) => vec![
            Line::styled(l.title.clone(), theme.title()),
            Line::styled(l.setting.clone(), theme.dim()),
            Line::from(""),
            Line::from(l.description.clone()),
            Line::from(""),
            Line::styled(
                format!(
                    "{} days · {} persona(s) · seed {}",
                    l.days,
                    l.personas.len(),
                    app.seed
                ),
                theme.dim(),
            ),
        ],
        Some(Err(e)) => vec![
            Line::styled("This level has problems:", theme.bad()),
            Line::from(e.clone()),
            Line::from("Run `scored check` on it to see them all."),
        ],
        None => vec![],
    };
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::ALL).title(" About ")),
        detail,
    );
}
