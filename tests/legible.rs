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
