//! The main screen: the score and the self at the top, the panels, what just happened.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::app::Play;
use super::panels::Panel;
use super::theme::Theme;
use super::view::{bar, centered, popup};
use crate::game::Game;

/// Big digits need this much room.
const BIG_WIDTH: u16 = 100;
const BIG_HEIGHT: u16 = 34;

pub fn render(frame: &mut Frame, area: Rect, theme: Theme, play: &Play) {
    let big = area.width >= BIG_WIDTH && area.height >= BIG_HEIGHT;
    let header_height = if big { 6 } else { 4 };
    let [header, tabs, body, toasts] = Layout::vertical([
        Constraint::Length(header_height),
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(3),
    ])
    .areas(area);
    if big {
        let [digits, rest] =
            Layout::horizontal([Constraint::Length(30), Constraint::Min(40)]).areas(header);
        big_score(frame, digits, theme, play);
        header_lines(frame, rest, theme, play, false);
    } else {
        header_lines(frame, header, theme, play, true);
    }
    tab_line(frame, tabs, theme, play);
    super::listing::render(frame, body, theme, play);
    toast_lines(frame, toasts, theme, play);
    if play.loading > 0 {
        loading(frame, body, theme, play);
    } else if let Some(lines) = &play.summary {
        super::summary::render(frame, area, theme, play, lines);
    } else {
        if play.menu.is_some() {
            super::menu_view::render(frame, area, theme, play);
        }
        if let Some(c) = &play.confirm {
            super::menu_view::confirm(frame, area, theme, &c.question);
        }
    }
}

fn big_score(frame: &mut Frame, area: Rect, theme: Theme, play: &Play) {
    let text = play
        .game
        .state()
        .score
        .map_or("--".to_string(), |s| s.to_string());
    let tier = play.game.tier().map_or(String::new(), |t| t.name.clone());
    let [digits, label] =
        Layout::vertical([Constraint::Length(4), Constraint::Length(2)]).areas(area);
    let widget = BigText::builder()
        .pixel_size(PixelSize::HalfHeight)
        .style(theme.score())
        .lines(vec![Line::from(text)])
        .build();
    // The widget writes past small areas: give it only what lies inside the frame.
    let safe = digits.intersection(frame.area());
    if safe.width >= 8 && safe.height >= 4 {
        frame.render_widget(widget, safe);
    }
    frame.render_widget(Paragraph::new(Line::styled(tier, theme.warn())), label);
}

fn header_lines(frame: &mut Frame, area: Rect, theme: Theme, play: &Play, score_line: bool) {
    let game = &play.game;
    let s = game.state();
    let level = game.level();
    let day = format!(
        "Day {} of {} · {}",
        s.day.min(level.days),
        level.days,
        crate::present::actions_left(s.actions_left)
    );
    let [left, right] = Layout::horizontal([
        Constraint::Min(20),
        Constraint::Length(super::text::width(&day) as u16 + 2),
    ])
    .areas(Rect { height: 1, ..area });
    frame.render_widget(
        Paragraph::new(Span::styled(day, theme.dim())).right_aligned(),
        right,
    );
    let mut first = Vec::new();
    match s.score {
        Some(score) => {
            if score_line {
                first.push(Span::styled(format!("{score} "), theme.score()));
            }
            if let Some(t) = game.tier() {
                first.push(Span::styled(t.name.clone(), theme.warn()));
            }
            let today = play.day_start.map_or(0, |d| score - d);
            first.push(Span::raw(" · today "));
            first.push(Span::styled(format!("{today:+}"), theme.delta(today)));
            // The score's name in the room left, shortened a word at a time.
            let used: usize = first.iter().map(Span::width).sum();
            let room = usize::from(left.width).saturating_sub(used + 3);
            let name = super::text::abbreviate(&level.score.name, room);
            first.push(Span::styled(format!(" · {name}"), theme.dim()));
        }
        None => {
            let tail = ": not yet switched on";
            let room = usize::from(left.width).saturating_sub(tail.len());
            let name = super::text::abbreviate(&level.score.name, room);
            first.push(Span::styled(format!("{name}{tail}"), theme.dim()));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(first)), left);
    let waiting = game.pending_events().count();
    let mut second = vec![
        Span::raw("Self "),
        Span::styled(bar(s.integrity, 10), theme.good()),
        Span::raw(format!(
            " {}/100   Money {}   Friends {}",
            s.integrity,
            s.money,
            s.friends.len()
        )),
    ];
    let draft = if s.draft.is_some() {
        "   draft open"
    } else {
        ""
    };
    if waiting > 0 {
        // Shorter where the whole line would not fit ("1 waiting in the inbox   draft o").
        let used: usize = second.iter().map(Span::width).sum::<usize>() + draft.len();
        let long = format!("   {waiting} waiting in the inbox");
        let fits = used + super::text::width(&long) <= usize::from(area.width);
        let inbox = if fits {
            long
        } else {
            format!("   {waiting} waiting")
        };
        second.push(Span::styled(inbox, theme.warn()));
    }
    second.push(Span::styled(draft, theme.warn()));
    let rest = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(second),
            dimension_line(game, theme, area.width),
        ]),
        rest,
    );
    if area.height >= 4 {
        let row = Rect {
            y: area.y + 3,
            height: 1,
            ..area
        };
        history(frame, row, theme, game);
    }
}

/// Each dimension with its value (and a bar where there is room); hidden in a black box,
/// where citizens see only the total.
fn dimension_line(game: &Game, theme: Theme, width: u16) -> Line<'static> {
    let Some(dims) = crate::present::standing::dimensions(game) else {
        return Line::styled("How the score is made is not published.", theme.dim());
    };
    let each = width as usize / dims.len().max(1);
    let with_bar = each >= 22;
    let name_width = each.saturating_sub(if with_bar { 12 } else { 5 }).max(3);
    let mut spans = Vec::new();
    for d in dims {
        let name = super::text::abbreviate(&d.name, name_width);
        spans.push(Span::raw(super::text::pad(&name, name_width)));
        spans.push(Span::styled(format!("{:>3} ", d.value), theme.title()));
        if with_bar {
            spans.push(Span::styled(format!("{} ", bar(d.value, 5)), theme.title()));
        }
    }
    Line::from(spans)
}

fn history(frame: &mut Frame, area: Rect, theme: Theme, game: &Game) {
    let min = game.level().score.min;
    let mut data: Vec<u64> = game
        .state()
        .timeline
        .iter()
        .filter_map(|m| m.score)
        .map(|s| (s - min).max(0) as u64)
        .collect();
    // The days played end in their marks; today, still running, in the score now.
    if !game.is_over()
        && let Some(s) = game.state().score
    {
        data.push((s - min).max(0) as u64);
    }
    let label = "Score history ";
    let [l, spark, perks] = Layout::horizontal([
        Constraint::Length(label.len() as u16),
        Constraint::Length(40.min(area.width / 2)),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Span::styled(label, theme.dim())), l);
    let max = (game.level().score.max - min).max(1) as u64;
    frame.render_widget(
        Sparkline::default()
            .data(&data)
            .max(max)
            .style(theme.score()),
        spark,
    );
    let s = game.state();
    let sanctions: Vec<&str> = game
        .level()
        .sanctions
        .iter()
        .filter(|x| s.sanctions.contains(&x.id))
        .map(|x| x.name.as_str())
        .collect();
    let text = if sanctions.is_empty() {
        let n = s.perks.len();
        let perks = if n == 1 { "perk" } else { "perks" };
        Span::styled(format!(" {n} {perks} open"), theme.good())
    } else {
        Span::styled(
            sanctions_in(&sanctions, usize::from(perks.width)),
            theme.bad(),
        )
    };
    frame.render_widget(Paragraph::new(text), perks);
}

/// The sanctions in force, as many names as fit in `cols` and how many more, so that no name
/// is cut: " Sanctions: On the watchlist, Lane levy +1 more".
fn sanctions_in(names: &[&str], cols: usize) -> String {
    let all = format!(" Sanctions: {}", names.join(", "));
    if super::text::width(&all) <= cols {
        return all;
    }
    for shown in (1..names.len()).rev() {
        let more = names.len() - shown;
        let line = format!(" Sanctions: {} +{more} more", names[..shown].join(", "));
        if super::text::width(&line) <= cols {
            return line;
        }
    }
    match names.len() {
        1 => " 1 sanction in force".into(),
        n => format!(" {n} sanctions in force"),
    }
}

fn tab_line(frame: &mut Frame, area: Rect, theme: Theme, play: &Play) {
    let mut spans = Vec::new();
    for p in Panel::ALL {
        let mut name = p.name().to_string();
        if p == Panel::Inbox {
            let waiting = play.game.pending_events().count();
            if waiting > 0 {
                name = format!("{name} ({waiting})");
            }
        }
        spans.push(Span::styled(
            format!(" {name} "),
            theme.tab(p == play.panel),
        ));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The newest messages, each whole and wrapped, as many as fit; one too long for the area
/// alone ends in `…` (the overnight summary and the ledger have it in full).
fn toast_lines(frame: &mut Frame, area: Rect, theme: Theme, play: &Play) {
    let (rows, cols) = (usize::from(area.height), usize::from(area.width));
    let mut shown: Vec<Line> = Vec::new();
    for t in play.toasts.iter().rev() {
        let style = if t.starts_with('+') {
            theme.good()
        } else if t.starts_with('-') || t.starts_with("Not possible") {
            theme.bad()
        } else {
            theme.text()
        };
        let mut wrapped = super::text::wrap(t, cols);
        if !shown.is_empty() && shown.len() + wrapped.len() > rows {
            break;
        }
        if wrapped.len() > rows {
            wrapped.truncate(rows);
            if let Some(last) = wrapped.last_mut() {
                let more = format!("{last} …");
                *last = if super::text::width(&more) <= cols {
                    more
                } else {
                    super::text::truncate(&format!("{last}  "), cols)
                };
            }
        }
        let lines = wrapped.into_iter().map(|w| Line::styled(w, style));
        shown.splice(0..0, lines);
    }
    frame.render_widget(Paragraph::new(shown), area);
}

fn loading(frame: &mut Frame, area: Rect, theme: Theme, play: &Play) {
    let rect = centered(area, 54, 5);
    let inner = popup(frame, rect, "Loading", theme);
    let dots = ".".repeat(usize::from(5 - play.loading.min(4)));
    let text = vec![
        Line::from(format!("Your connection is throttled{dots}")),
        Line::styled("Press any key to stop waiting.", theme.dim()),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}

#[cfg(test)]
mod tests {
    use super::sanctions_in;

    #[test]
    fn sanctions_are_named_whole_or_counted() {
        let names = ["On the watchlist", "Lane levy", "Traders' fee"];
        assert_eq!(
            sanctions_in(&names, 60),
            " Sanctions: On the watchlist, Lane levy, Traders' fee"
        );
        assert_eq!(
            sanctions_in(&names, 47),
            " Sanctions: On the watchlist, Lane levy +1 more"
        );
        assert_eq!(
            sanctions_in(&names, 36),
            " Sanctions: On the watchlist +2 more"
        );
        assert_eq!(sanctions_in(&names, 20), " 3 sanctions in force");
        assert_eq!(sanctions_in(&names[..1], 10), " 1 sanction in force");
    }
}
