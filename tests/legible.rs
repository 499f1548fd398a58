//! The systems legible on screen, at 80×24 and 100×30: the ballot pop-up shows every option
//! with its effect (scrolling to the one selected when they do not all fit), help explains
//! voting, the rules view says what counts.

use std::path::Path;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use scored::check;
use scored::game::{Action, Game};
use scored::present::{Listing, Target};
use scored::tui::app::{App, Origin};
use scored::tui::keys::Msg;
use scored::tui::theme::Theme;
use scored::tui::view;

const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|frame| view::render(frame, app)).unwrap();
    terminal
}

fn text(app: &App, w: u16, h: u16) -> String {
    let t = draw(app, w, h);
    let buffer = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn playing(path: &str) -> App {
    let level = Arc::new(check::load_file(Path::new(path)).expect("valid level"));
    let (mut game, _) = Game::new(level, None, 5).unwrap();
    let _ = game.play(Action::Consent { share: true });
    let mut app = App::new(Vec::new(), Theme { color: false }, 5);
    app.resumed(game, Origin::default(), false);
    app
}

/// The ballot of the people's ledger, open.
fn ballot() -> App {
    let mut app = playing("levels/peoples-ledger.ron");
    let p = app.playing_mut().unwrap();
    p.panel = Listing::Inbox;
    let rows = scored::present::rows(&p.game, Listing::Inbox);
    p.cursor[Listing::Inbox.index()] = rows
        .iter()
        .position(|r| r.target == Target::Ballot)
        .unwrap();
    app.update(Msg::Choose);
    app
}

#[test]
fn the_ballot_shows_each_option_and_its_effect_at_every_size() {
    let mut app = ballot();
    let choices = app
        .playing_mut()
        .unwrap()
        .menu
        .as_ref()
        .unwrap()
        .choices
        .len();
    for (w, h) in [(80, 24), (100, 30), (110, 34), (110, 50)] {
        let mut app = ballot();
        for i in 0..choices {
            let menu = app.playing_mut().unwrap().menu.clone().unwrap();
            assert_eq!(menu.selected, i);
            let c = &menu.choices[i];
            let screen = text(&app, w, h);
            let start: String = c.label.chars().take(20).collect();
            assert!(
                screen.contains(&start),
                "{w}x{h}: option {i} `{start}` not shown:\n{screen}"
            );
            if let Some(p) = &c.effect {
                let self_ = format!("self {:+}", p.integrity);
                assert!(
                    screen.contains(&self_),
                    "{w}x{h}: the effect of {i} not shown:\n{screen}"
                );
            }
            app.update(Msg::Down);
        }
    }
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("ballot_{w}x{h}"), draw(&app, w, h).backend());
    }
}

#[test]
fn help_explains_voting() {
    let mut app = playing("levels/peoples-ledger.ron");
    app.update(Msg::Help);
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("help_voting_{w}x{h}"), draw(&app, w, h).backend());
    }
}

#[test]
fn the_rules_view_says_what_counts_and_who_sets_it() {
    let mut app = playing("levels/peoples-ledger.ron");
    app.update(Msg::Inspector);
    for (w, h) in SIZES {
        let screen = text(&app, w, h);
        assert!(screen.contains("Who sets the rules: citizens"), "{screen}");
        assert!(screen.contains("Rules in force:"), "{screen}");
        insta::assert_snapshot!(format!("rules_{w}x{h}"), draw(&app, w, h).backend());
    }
}

/// Every place a dimension's name is followed by a signed number, that number is in points
/// (`Conduct -3 pts`); no score change is written as `+7 Conduct`.
fn dimension_forms_are_distinct(text: &str, dims: &[String]) -> Result<(), String> {
    for d in dims {
        for (at, _) in text.match_indices(d.as_str()) {
            let after = &text[at + d.len()..];
            let signed = after
                .strip_prefix(" +")
                .or_else(|| after.strip_prefix(" -"));
            if let Some(rest) = signed {
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                if digits > 0 && !rest[digits..].starts_with(" pts") {
                    return Err(format!(
                        "`{d}` with a bare number: …{}",
                        &text[at..(at + 40).min(text.len())]
                    ));
                }
            }
            let before = text[..at].trim_end_matches(' ');
            let tail: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let sign = before[..before.len() - tail.len()].chars().last();
            if !tail.is_empty() && matches!(sign, Some('+' | '-')) {
                return Err(format!(
                    "a score change written as dimension points: …{}",
                    &text[at.saturating_sub(10)..(at + d.len()).min(text.len())]
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn score_points_and_dimension_points_never_share_a_form() {
    let mut app = playing("levels/mandatory.ron");
    let mut screens = Vec::new();
    for _ in 0..3 {
        for _ in 0..6 {
            app.update(Msg::NextPanel);
            for (w, h) in SIZES {
                screens.push(text(&app, w, h));
            }
        }
        app.update(Msg::Choose);
        screens.push(text(&app, 100, 30));
        app.update(Msg::Yes);
        for m in [Msg::EndDay, Msg::Yes] {
            app.update(m);
        }
        screens.push(text(&app, 100, 30));
        app.update(Msg::Other);
    }
    let game = app.playing_mut().unwrap().game.clone();
    let dims: Vec<String> = game
        .level()
        .score
        .dimensions
        .iter()
        .map(|d| d.name.clone())
        .collect();
    for command in [
        "shop",
        "feed",
        "people",
        "inbox all",
        "ledger",
        "rules",
        "status",
    ] {
        let mut out = Vec::new();
        let c = scored::headless::parse(command).unwrap().unwrap();
        scored::headless::execute(&mut game.clone(), c, &mut out).unwrap();
        screens.push(String::from_utf8(out).unwrap());
    }
    let mut ledger_seen = false;
    for s in &screens {
        ledger_seen |= s.contains(" pts (score ");
        if let Err(e) = dimension_forms_are_distinct(s, &dims) {
            panic!("{e}\n{s}");
        }
    }
    assert!(ledger_seen, "a ledger row shows both forms side by side");
}

#[test]
fn persona_values_are_in_words_not_tag_ids() {
    let path = "levels/mandatory.ron";
    let level = Arc::new(check::load_file(Path::new(path)).unwrap());
    let mut app = App::new(Vec::new(), Theme { color: false }, 5);
    app.start(level.clone(), None);
    let persona = &level.personas[0];
    // The strongest value comes first (the first of equals, in the level's order of ids).
    let mut values: Vec<_> = persona.values.iter().collect();
    values.sort_by_key(|(_, v)| -v.abs());
    let top = values.iter().find(|(_, v)| **v > 0).unwrap().0;
    let words = scored::present::names::tag(&level, top);
    assert_ne!(&words, top);
    for (w, h) in SIZES {
        let screen = text(&app, w, h);
        assert!(screen.contains(&format!("+ {words}")), "{screen}");
        assert!(!screen.contains(&format!("Cares about: {top}")), "{screen}");
    }
}

#[test]
fn header_labels_fit_or_shorten_by_whole_words() {
    let mut app = playing("levels/mandatory.ron");
    send_end_day(&mut app);
    let game = app.playing_mut().unwrap().game.clone();
    let level = game.level();
    for (w, h) in SIZES {
        let screen = text(&app, w, h);
        let header: Vec<&str> = screen.lines().take(4).collect();
        let joined = header.join("\n");
        assert!(
            !joined.contains('…'),
            "{w}x{h}: a label cut mid-word:\n{joined}"
        );
        for d in &level.score.dimensions {
            let first = d.name.split_whitespace().next().unwrap();
            assert!(
                joined.contains(first),
                "{w}x{h}: {} missing:\n{joined}",
                d.name
            );
        }
        assert!(joined.contains("Lantern Credit"), "{joined}");
        insta::assert_snapshot!(format!("header_{w}x{h}"), draw(&app, w, h).backend());
    }
}

fn send_end_day(app: &mut App) {
    for m in [
        Msg::EndDay,
        Msg::Yes,
        Msg::Other,
        Msg::EndDay,
        Msg::Yes,
        Msg::Other,
    ] {
        app.update(m);
    }
}

#[test]
fn a_long_night_scrolls_and_shows_the_vote_count() {
    for (w, h) in SIZES {
        let mut app = playing("levels/peoples-ledger.ron");
        for _ in 0..3 {
            for m in [Msg::EndDay, Msg::Yes] {
                app.update(m);
            }
            if app.playing_mut().unwrap().game.state().day < 4 {
                app.update(Msg::Other);
            }
        }
        let lines = app
            .playing_mut()
            .unwrap()
            .summary
            .clone()
            .expect("the night's summary");
        let count = lines
            .iter()
            .find(|l| l.starts_with("The vote is in"))
            .expect("a count");
        let last = lines.last().unwrap().clone();
        let mut seen = String::new();
        for _ in 0..lines.len() + 2 {
            seen.push_str(&text(&app, w, h));
            app.update(Msg::Down);
        }
        assert!(
            app.playing_mut().unwrap().summary.is_some(),
            "scrolling keeps it open"
        );
        let start: String = last.chars().take(30).collect();
        assert!(
            seen.contains(&start),
            "{w}x{h}: the last line never shown: {last}"
        );
        assert!(seen.contains(count.as_str()), "{w}x{h}: no count");
        app.update(Msg::First);
        insta::assert_snapshot!(
            format!("night_of_the_vote_{w}x{h}"),
            draw(&app, w, h).backend()
        );
        app.update(Msg::Other);
        assert!(app.playing_mut().unwrap().summary.is_none());
    }
}

/// Scrolls the night's summary until a line starting with `start` is on screen; the screen.
fn scroll_to(app: &mut App, w: u16, h: u16, start: &str) -> String {
    let lines = app.playing_mut().unwrap().summary.clone().unwrap();
    for _ in 0..lines.len() + 2 {
        let screen = text(app, w, h);
        if screen.contains(start) {
            return screen;
        }
        app.update(Msg::Down);
    }
    panic!("{w}x{h}: `{start}` never on screen");
}

/// After a count, the night shows every proposal's votes (the player's marked) and, where the
/// level puts the count on a public board, who voted for what by name.
#[test]
fn after_a_count_the_night_shows_the_tally_and_the_board() {
    for (w, h) in SIZES {
        let mut app = playing("levels/peoples-ledger.ron");
        let game = &mut app.playing_mut().unwrap().game;
        game.play(Action::Vote {
            proposal: "fair_shares".into(),
        })
        .unwrap();
        let level = game.level().clone();
        for _ in 0..3 {
            for m in [Msg::EndDay, Msg::Yes] {
                app.update(m);
            }
            if app.playing_mut().unwrap().game.state().day < 4 {
                app.update(Msg::Other);
            }
        }
        let lines = app.playing_mut().unwrap().summary.clone().unwrap();
        let at = lines
            .iter()
            .position(|l| l == "The count:")
            .expect("a tally");
        let rows: Vec<(u32, &str)> = lines[at + 1..]
            .iter()
            .take(level.proposals.len())
            .map(|l| {
                let (n, name) = l.trim_start().split_once("  ").unwrap();
                (n.parse().unwrap(), name)
            })
            .collect();
        for (p, (_, name)) in level.proposals.iter().zip(&rows) {
            assert!(name.starts_with(&p.name), "{name} for {}", p.name);
        }
        let fair = level
            .proposals
            .iter()
            .position(|p| p.id == "fair_shares")
            .unwrap();
        assert!(rows[fair].1.ends_with("(your vote)"), "{rows:?}");
        let headline = lines
            .iter()
            .find(|l| l.starts_with("The vote is in"))
            .unwrap();
        let of: u32 = rows.iter().map(|(n, _)| n).sum();
        assert!(headline.contains(&format!(" of {of} votes")), "{headline}");
        let board = lines
            .iter()
            .position(|l| l.starts_with("On the public board"))
            .unwrap();
        let named = lines[board..].join("\n");
        for npc in &level.npcs {
            assert_eq!(
                named.matches(&npc.name).count(),
                1,
                "{} on the board once",
                npc.name
            );
        }
        let fair_name = &level.proposals[fair].name;
        assert!(named.contains(&format!("  {fair_name}: you")), "{named}");
        let screen = scroll_to(&mut app, w, h, "The count:");
        assert!(screen.contains("(your vote)"), "{w}x{h}:\n{screen}");
        insta::assert_snapshot!(format!("count_{w}x{h}"), draw(&app, w, h).backend());
        scroll_to(&mut app, w, h, "On the public board");
        insta::assert_snapshot!(format!("board_{w}x{h}"), draw(&app, w, h).backend());
    }
}

/// Peer ratings: the night names the thing the player did that weighed most for them and the
/// one that weighed most against, with who rated it.
#[test]
fn peer_ratings_show_who_rated_and_for_what() {
    'sizes: for (w, h) in SIZES {
        let mut app = playing("levels/peer-prestige.ron");
        for _ in 0..2 {
            let game = &mut app.playing_mut().unwrap().game;
            for item in ["skewers", "garden_fund"] {
                let _ = game.play(Action::Buy { item: item.into() });
            }
            for m in [Msg::EndDay, Msg::Yes] {
                app.update(m);
            }
            let lines = app.playing_mut().unwrap().summary.clone().unwrap();
            if !lines
                .iter()
                .any(|l| l.contains("What weighed most with them"))
            {
                app.update(Msg::Other);
                continue;
            }
            let game = &app.playing_mut().unwrap().game;
            let level = game.level();
            let deeds: Vec<&String> = (lines.iter())
                .filter(|l| l.starts_with("  For you: ") || l.starts_with("  Against you: "))
                .collect();
            assert!(!deeds.is_empty(), "{lines:?}");
            for deed in &deeds {
                let (_, what) = deed.split_once(": ").unwrap();
                assert!(
                    what.starts_with("Bought Gate skewers (")
                        || what.starts_with("Bought Garden Fund donation ("),
                    "{deed}"
                );
                let named = level.npcs.iter().filter(|n| deed.contains(&n.name));
                assert!(named.count() >= 1, "{deed}");
            }
            let side = deeds[0].trim().split_once(": ").unwrap().0;
            let screen = scroll_to(&mut app, w, h, &format!("{side}: Bought"));
            assert!(screen.contains("What weighed most"), "{w}x{h}:\n{screen}");
            insta::assert_snapshot!(format!("ratings_{w}x{h}"), draw(&app, w, h).backend());
            continue 'sizes;
        }
        panic!("{w}x{h}: no night showed who rated the day");
    }
}

/// Before the score is switched on, the header still says so at 80 columns: a long score name
/// loses its bracket, not the words after it.
#[test]
fn the_header_says_the_score_is_not_yet_on_at_every_size() {
    let app = playing("levels/mandatory.ron");
    for (w, h) in SIZES {
        let screen = text(&app, w, h);
        let first = screen.lines().next().unwrap();
        assert!(first.contains("Lantern Credit"), "{first}");
        assert!(first.contains("not yet switched on"), "{w}x{h}: {first}");
        insta::assert_snapshot!(format!("header_off_{w}x{h}"), draw(&app, w, h).backend());
    }
}

/// The messages under the panels: the newest whole, wrapped, as many as fit; none cut off at
/// the edge of the screen.
#[test]
fn the_message_log_shows_the_newest_messages_whole() {
    let long = "You ticked “Show raters my activity” — score +7 (Good Form: An open profile), \
                self -2, money -10, and the rest of a line long enough to wrap at 100 columns.";
    for (w, h) in SIZES {
        let mut app = playing("levels/peer-prestige.ron");
        let toasts = ["Oldest.", long, "Newest."].map(String::from).to_vec();
        app.playing_mut().unwrap().toasts = toasts;
        let screen = text(&app, w, h);
        let rows: Vec<&str> = screen.lines().collect();
        // The three rows above the footer.
        let log = rows[rows.len() - 4..rows.len() - 1].join(" ");
        let log = log.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(log, format!("{long} Newest."), "{w}x{h}:\n{screen}");
    }
}

/// The header's second row keeps what is waiting and an open draft whole at 80 columns.
#[test]
fn the_header_names_a_waiting_event_and_an_open_draft_whole() {
    for (w, h) in SIZES {
        let mut app = playing("levels/peer-prestige.ron");
        let game = &mut app.playing_mut().unwrap().game;
        assert!(
            game.pending_events().count() > 0,
            "day 1 has an event waiting"
        );
        let topic = game.level().topics[0].id.clone();
        game.play(Action::Draft { topic }).unwrap();
        let screen = text(&app, w, h);
        let second = screen.lines().nth(1).unwrap();
        assert!(second.contains(" waiting"), "{w}x{h}: {second}");
        assert!(
            second.trim_end().ends_with("draft open"),
            "{w}x{h}: {second}"
        );
    }
}

/// The end screen gives the ending's words the room they need before the charts: a long
/// ending is read to its last word at 80x24.
#[test]
fn the_ending_is_shown_to_its_last_word() {
    let mut level = check::load_file(Path::new("tests/fixtures/mini.ron")).unwrap();
    let long = format!("{}Last word.", "The ending goes on a while. ".repeat(14));
    for e in &mut level.endings {
        e.text = long.clone();
    }
    for (w, h) in SIZES {
        let (mut game, _) = Game::new(Arc::new(level.clone()), None, 5).unwrap();
        let _ = game.play(Action::Consent { share: true });
        while !game.is_over() {
            game.play(Action::EndDay).unwrap();
        }
        let mut app = App::new(Vec::new(), Theme { color: false }, 5);
        app.resumed(game, Origin::default(), false);
        app.update(Msg::Other);
        let screen = text(&app, w, h);
        assert!(screen.contains("Last word."), "{w}x{h}:\n{screen}");
        assert!(screen.contains("Summary"), "{w}x{h}:\n{screen}");
        let footer = screen.lines().last().unwrap().trim_end();
        assert!(footer.ends_with("q quit"), "{w}x{h}: {footer}");
    }
}
