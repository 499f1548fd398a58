//! Before day 1: choosing a persona, then the level's intro and its consent screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::app::Intro;
use super::theme::Theme;
use crate::game::Level;

pub fn persona(frame: &mut Frame, area: Rect, theme: Theme, level: &Level, selected: usize) {
    let [head, list_area] =
        Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(level.title.clone(), theme.title()),
            Line::from("Who are you? Each persona starts with different money, standing, friends and values."),
        ])
        .wrap(Wrap { trim: true }),
        head,
    );
    let [list, detail] =
        Layout::horizontal([Constraint::Percentage(35), Constraint::Percentage(65)])
            .areas(list_area);
    let lines: Vec<Line> = level
        .personas
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let style = if i == selected {
                theme.selected()
            } else {
                theme.text()
            };
            let marker = if i == selected { "> " } else { "  " };
            Line::styled(format!("{marker}{}", p.name), style)
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(" Personas ")),
        list,
    );
    if let Some(p) = level.personas.get(selected) {
        let mut text = vec![
            Line::styled(p.name.clone(), theme.title()),
            Line::from(p.description.clone()),
            Line::from(""),
            Line::from(format!(
                "Money {} · income {} a day · self {}/100",
                p.money, p.income, p.integrity
            )),
        ];
        let mut values: Vec<(&String, &i32)> = p.values.iter().collect();
        values.sort_by_key(|(_, v)| -v.abs());
        // Values in words, strongest first: what the persona cares about and dislikes.
        let list = |positive: bool| -> Vec<String> {
            (values.iter())
                .filter(|(_, v)| (**v > 0) == positive && **v != 0)
                .take(3)
                .map(|(t, _)| crate::present::names::tag(level, t))
                .collect()
        };
        for (title, mark, words) in [
            ("Cares about:", "+", list(true)),
            ("Dislikes:", "−", list(false)),
        ] {
            if words.is_empty() {
                continue;
            }
            text.push(Line::from(""));
            text.push(Line::from(title));
            for w in words {
                text.push(Line::from(format!("  {mark} {w}")));
            }
        }
        if !p.friends.is_empty() {
            let names: Vec<&str> = p
                .friends
                .iter()
                .filter_map(|f| level.npc(f).map(|n| n.name.as_str()))
                .collect();
            text.push(Line::from(""));
            text.push(Line::from(format!("Friends: {}", names.join(", "))));
        }
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(Block::default().borders(Borders::ALL)),
            detail,
        );
    }
}

pub fn intro(frame: &mut Frame, area: Rect, theme: Theme, intro: &Intro) {
    let level = intro.game.level();
    // The consent box is as tall as its wrapped text, and never hides the story entirely.
    let inner_width = usize::from(area.width.saturating_sub(2)).max(1);
    let consent_height = match &level.consent {
        Some(c) => {
            let wrapped = |s: &str| super::text::width(s).div_ceil(inner_width) as u16;
            (wrapped(&c.text) + wrapped(&c.checkbox) + 2 + 3).min(area.height * 2 / 3)
        }
        None => 3,
    };
    let consent_height = if intro.naming.is_some() {
        consent_height.max(5)
    } else {
        consent_height
    };
    let [story, consent] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(consent_height)]).areas(area);
    let mut lines = vec![
        Line::styled(level.setting.clone(), theme.dim()),
        Line::from(""),
    ];
    for p in &level.intro {
        lines.push(Line::from(p.clone()));
        lines.push(Line::from(""));
    }
    let persona = intro.game.persona();
    lines.push(Line::styled(
        format!("You are {}: {}", persona.name, persona.description),
        theme.warn(),
    ));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .scroll((intro.scroll, 0))
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} (↑↓ to read on) ", level.title)),
            ),
        story,
    );
    if let Some(typed) = &intro.naming {
        let text = vec![
            Line::from("Your name for the class report (optional: Enter with none is fine):"),
            Line::styled(format!("> {typed}_"), theme.selected()),
        ];
        let block = Block::default()
            .borders(Borders::ALL)
            .title(" Your name ")
            .title_bottom(Line::styled(
                " Enter continues · Esc leaves it empty ",
                theme.key(),
            ));
        frame.render_widget(
            Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
            consent,
        );
        return;
    }
    match &level.consent {
        Some(c) => {
            let mark = if intro.ticked { "[x]" } else { "[ ]" };
            let text = vec![
                Line::from(c.text.clone()),
                Line::from(""),
                Line::styled(format!("{mark} {}", c.checkbox), theme.selected()),
            ];
            let block = Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", c.title))
                .title_bottom(Line::styled(
                    " Space ticks or unticks · Enter begins day 1 ",
                    theme.key(),
                ));
            frame.render_widget(
                Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
                consent,
            );
        }
        None => {
            let begin = Line::from(vec![
                Span::styled(" Enter ", theme.key()),
                Span::raw("begin day 1"),
            ]);
            frame.render_widget(Paragraph::new(vec![Line::from(""), begin]), consent);
        }
    }
}
