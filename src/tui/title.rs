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
    let width = ART.lines().map(super::text::width).max().unwrap_or(0);
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
        lines.push(item(theme, i == selected, name));
    }
    if lines.is_empty() {
        lines.push(Line::from("No levels found in levels/."));
    }
    if !app.saves.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::styled("Continue", theme.title()));
        for (j, save) in app.saves.iter().enumerate() {
            let i = app.catalog.len() + j;
            lines.push(item(theme, i == selected, save.name.clone()));
        }
    }
    // Scrolled so that the selection stays in view (8 built-in levels and a few saves pass
    // the height of an 80x24 screen).
    let levels_shown = app.catalog.len().max(1);
    let at = match selected.checked_sub(app.catalog.len()) {
        None => selected,
        Some(j) => levels_shown + 2 + j,
    };
    let offset = (at + 1).saturating_sub(usize::from(list.height.saturating_sub(2)));
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((u16::try_from(offset).unwrap_or(u16::MAX), 0))
            .block(Block::default().borders(Borders::ALL).title(" Levels ")),
        list,
    );
    let mut text = match app.catalog.get(selected).map(|e| &e.level) {
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
        None => match app.saves.get(selected.saturating_sub(app.catalog.len())) {
            Some(save) => match &save.label {
                Ok(label) => vec![
                    Line::styled("Continue a saved game", theme.title()),
                    Line::from(label.clone()),
                    Line::styled(save.path.display().to_string(), theme.dim()),
                ],
                Err(why) => vec![
                    Line::styled("This save cannot be read", theme.bad()),
                    Line::from(format!("{} {why}.", save.path.display())),
                    Line::from("It is kept as it is; you can still start a new game."),
                ],
            },
            None => vec![],
        },
    };
    if let Some(notice) = &app.notice {
        text.push(Line::from(""));
        text.push(Line::styled(notice.clone(), theme.bad()));
    }
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::ALL).title(" About ")),
        detail,
    );
}

fn item(theme: super::theme::Theme, selected: bool, name: String) -> Line<'static> {
    let style = if selected {
        theme.selected()
    } else {
        theme.text()
    };
    let marker = if selected { "> " } else { "  " };
    Line::from(Span::styled(format!("{marker}{name}"), style))
}
