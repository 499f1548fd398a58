//! Overlays: help, the state inspector for level authors, and the quit confirmation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Screen};
use super::view::{centered, popup};
use crate::game::Game;

pub fn help(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
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
    let mut lines = vec![Line::from(about), Line::from("")];
    let keys = super::keymap::help_keys(app);
    let pad = keys
        .iter()
        .map(|k| k.keys.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for k in keys {
        lines.push(Line::from(vec![
            ratatui::text::Span::styled(format!("{:<pad$}", k.keys), theme.key()),
            ratatui::text::Span::raw(k.does),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        "Buying, posting, liking, sharing, reporting, befriending, unfriending and appealing each take one action.",
        theme.dim(),
    ));
    if let Screen::Play(p) | Screen::End(p) = &app.screen
        && let crate::game::level::RuleSetter::Vote { every, .. } = p.game.level().rule_setter
    {
        lines.push(Line::styled(voting(every), theme.dim()));
    }
    // Sized to its words: as tall as they wrap to, within the screen.
    let width = area.width.saturating_sub(2).min(78);
    let rows: u16 = (lines.iter())
        .map(|l| super::menu_view::rows(l, width.saturating_sub(2)))
        .fold(0, u16::saturating_add);
    let rect = centered(area, width, rows.saturating_add(2));
    let inner = popup(frame, rect, "Help", theme);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// How voting works, from the terminal: where the ballot is and when votes are counted.
fn voting(every: u32) -> String {
    let when = match every.max(1) {
        1 => "every morning".to_string(),
        n => format!("every {n} days, in the morning"),
    };
    format!(
        "Voting: Inbox → Ballot, choose a proposal (no action spent; you may change your vote). Votes are counted {when}: the winner's rules replace the old ones and the day's summary gives the count."
    )
}

pub fn quit(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let rect = centered(area, 50, 6);
    let inner = popup(frame, rect, "Quit?", theme);
    let why = match &app.screen {
        Screen::Play(p) if p.day_unfinished() => "The day is not finished.",
        Screen::Play(_) | Screen::End(_) => "Your game is saved as it is.",
        _ => "Leave Scored?",
    };
    let lines = vec![
        Line::from(why),
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

/// What a citizen may know: where they stand and the rules, as far as the level publishes
/// them (in a black box: no rules, weights or ids).
pub fn citizen_lines(game: &Game) -> Vec<String> {
    use crate::present::{rules, standing};
    let s = game.state();
    let score = match (s.score, game.tier()) {
        (Some(x), Some(t)) => format!("{} {x} ({})", game.level().score.name, t.name),
        (Some(x), None) => format!("{} {x}", game.level().score.name),
        (None, _) => format!("{}: not yet switched on", game.level().score.name),
    };
    let mut out = vec![
        format!("{score} · self {}/100 · money {}", s.integrity, s.money),
        String::new(),
        rules::setter(game),
    ];
    out.extend(rules::weights(game));
    out.push(String::new());
    out.push("Rules in force:".into());
    out.extend(rules::in_force(game).into_iter().map(|l| format!("  {l}")));
    for (title, names) in [
        ("Perks open", standing::perks_open(game)),
        ("Sanctions in force", standing::sanctions_in_force(game)),
    ] {
        if !names.is_empty() {
            out.push(format!("{title}: {}", names.join(", ")));
        }
    }
    out
}

/// The inspector: every variable and flag in an author's watch; otherwise the citizen's view.
pub fn inspector(frame: &mut Frame, area: Rect, app: &App, game: &Game, scroll: u16) {
    let rect = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    let (title, lines) = match app.watch {
        Some(_) => ("State inspector", inspector_lines(game)),
        None => ("Rules and standing", citizen_lines(game)),
    };
    let inner = popup(frame, rect, title, app.theme);
    let lines: Vec<Line> = lines.into_iter().map(Line::from).collect();
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}
