//! Overlays: help, the state inspector for level authors, and the quit confirmation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Screen};
use super::theme::Theme;
use super::view::{centered, popup};
use crate::game::Game;

pub fn help(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let rect = centered(area, 78, 22);
    let inner = popup(frame, rect, "Help", theme);
    let about = match &app.screen {
        Screen::Title { .. } => "Choose a level. Each one is a different scoring system.",
        Screen::Persona { .. } => "Choose who you are. Money, standing, friends and values differ.",
        Screen::Intro(_) => "Read how the system is explained to citizens. Mind the box.",
        Screen::Play(_) => {
            "Your score (top) opens and closes doors; your self meter measures how true you stay to your values. Every option shows what it would do to both, where the system lets you see."
        }
        Screen::End(_) => {
            "How the level ended, then the debrief page by page (← →): how often the score won against your values, how you changed once it switched on, where the same choices led another persona, and what was real. Press e to export your report and its result code for the class."
        }
        Screen::Changed(_) => "The level file changed after this game was saved.",
    };
    let keys = [
        ("↑↓ or j k", "move"),
        (
            "Tab, Shift-Tab, ←→ or h l",
            "switch panel: Shop, Feed, Friends, Inbox, Perks, Ledger",
        ),
        (
            "Enter or Space",
            "choose: buy, open a post or a person, answer an event, appeal",
        ),
        ("n", "end the day (unanswered events take their default)"),
        (
            "i",
            "state inspector: every variable and flag (for level authors)",
        ),
        ("?", "this help"),
        ("Esc", "back, close a pop-up"),
        ("q", "quit (asks first if the day is not finished)"),
        ("Ctrl-C", "quit at once"),
    ];
    let mut lines = vec![Line::from(about), Line::from("")];
    for (k, what) in keys {
        lines.push(Line::from(vec![
            ratatui::text::Span::styled(format!("{k:<26}"), theme.key()),
            ratatui::text::Span::raw(what),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        "Buying, posting, liking, sharing, reporting, befriending, unfriending and appealing each take one action.",
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

pub fn quit(frame: &mut Frame, area: Rect, theme: Theme) {
    let rect = centered(area, 50, 6);
    let inner = popup(frame, rect, "Quit?", theme);
    let lines = vec![
        Line::from("The day is not finished."),
        Line::from(""),
        Line::styled("y or q: quit    n or Esc: stay", theme.key()),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Every variable and flag of the state, one a line.
pub fn inspector_lines(game: &Game) -> Vec<String> {
    let s = game.state();
    let mut out = vec![
        format!(
            "level {}  persona {}  seed {}",
            game.level().id,
            s.persona,
            s.seed
        ),
        format!(
            "day {} of {}  actions_left {}",
            s.day,
            game.level().days,
            s.actions_left
        ),
        format!(
            "score {:?}  implied {}  visibility {:?}",
            s.score,
            game.implied_score(),
            s.visibility
        ),
        format!(
            "integrity {}  money {}  income {}  rent {}",
            s.integrity, s.money, s.income, s.rent
        ),
        format!(
            "consent {:?}  draft {:?}  vote {:?}",
            s.consent, s.draft, s.vote
        ),
        format!(
            "reports_filed {}  drafts_cancelled {}",
            s.reports_filed, s.drafts_cancelled
        ),
    ];
    for d in &game.level().score.dimensions {
        out.push(format!(
            "dimension {}: points {}  value {}  weight {}",
            d.id,
            s.points.get(&d.id).copied().unwrap_or(0),
            game.dimension_value(&d.id),
            game.dimension_weight(&d.id)
        ));
    }
    fn join<'a>(names: impl Iterator<Item = &'a str>) -> String {
        names.collect::<Vec<_>>().join(", ")
    }
    out.push(format!(
        "flags: {}",
        join(s.flags.iter().map(String::as_str))
    ));
    out.push(format!("friends: {}", join(s.friends.iter())));
    out.push(format!("perks: {}", join(s.perks.iter())));
    out.push(format!("sanctions: {}", join(s.sanctions.iter())));
    out.push(format!("active_rules: {}", join(s.active_rules.iter())));
    out.push(format!("events arrived: {}", join(s.arrived.iter())));
    out.push(format!(
        "events withheld: {}",
        join(s.withheld.iter().map(String::as_str))
    ));
    for (id, n) in &s.npcs {
        out.push(format!(
            "npc {id}: score {}  trust {}  next_post {}",
            n.score, n.trust, n.next_post
        ));
    }
    for (rule, n) in &s.fired_today {
        out.push(format!("fired today: {rule} ×{n}"));
    }
    for a in &s.appeals {
        out.push(format!(
            "appeal row {}: filed day {}, due day {}, verdict {:?}",
            a.row, a.filed, a.due, a.verdict
        ));
    }
    for a in &s.accusations {
        out.push(format!("accusation against {}: due day {}", a.npc, a.due));
    }
    out.push(format!(
        "ledger rows {} ({} pending)  journal decisions {}  feed posts {}",
        s.ledger.len(),
        s.ledger.iter().filter(|r| !r.applied).count(),
        s.journal.decisions.len(),
        s.feed.len()
    ));
    out
}

pub fn inspector(frame: &mut Frame, area: Rect, theme: Theme, game: &Game, scroll: u16) {
    let rect = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    let inner = popup(frame, rect, "State inspector", theme);
    let lines: Vec<Line> = inspector_lines(game).into_iter().map(Line::from).collect();
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}
