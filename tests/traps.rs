//! No traps in the terminal UI: steps that are hard to take back ask first, Esc never quits
//! without asking, cursors stay on what they were on, lists show that they scroll, the
//! inspector keeps a black box black, and the footer and help come from one keymap.

use std::path::Path;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use scored::check;
use scored::game::Game;
use scored::present::{self, Listing, Target};
use scored::tui::app::{App, Entry, Origin, Screen};
use scored::tui::keymap;
use scored::tui::keys::Msg;
use scored::tui::theme::Theme;
use scored::tui::view;

fn text(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::render(frame, app)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A game of this level in progress on the main screen, consent given.
fn playing(path: &str) -> App {
    let level = Arc::new(check::load_file(Path::new(path)).expect("valid level"));
    let (mut game, _) = Game::new(level, None, 3).unwrap();
    let _ = game.play(scored::game::Action::Consent { share: true });
    let mut app = App::new(Vec::new(), Theme { color: false }, 3);
    app.resumed(game, Origin::default(), false);
    app
}

fn play(app: &mut App) -> &mut scored::tui::app::Play {
    app.playing_mut().expect("a game on screen")
}

fn send(app: &mut App, msgs: &[Msg]) {
    for m in msgs {
        app.update(*m);
    }
}

#[test]
fn buying_asks_first_and_only_y_buys() {
    let mut app = playing("levels/mandatory.ron");
    let money = play(&mut app).game.state().money;
    app.update(Msg::Choose);
    assert!(text(&app, 80, 24).contains("your money goes from"));
    send(&mut app, &[Msg::Choose]);
    assert_eq!(
        play(&mut app).game.state().money,
        money,
        "Enter, Enter buys nothing"
    );
    send(&mut app, &[Msg::Choose, Msg::Yes]);
    assert!(play(&mut app).game.state().money < money, "y buys");
}

#[test]
fn ending_an_unfinished_day_asks_and_says_what_is_left() {
    let mut app = playing("levels/mandatory.ron");
    app.update(Msg::EndDay);
    let screen = text(&app, 100, 30);
    assert!(screen.contains("End day 1?"), "{screen}");
    assert!(screen.contains("actions left"), "{screen}");
    app.update(Msg::Other);
    assert_eq!(
        play(&mut app).game.state().day,
        1,
        "any other key keeps the day"
    );
    send(&mut app, &[Msg::EndDay, Msg::Yes]);
    assert_eq!(play(&mut app).game.state().day, 2);
}

#[test]
fn answering_an_event_takes_a_deliberate_key() {
    let mut app = playing("levels/mandatory.ron");
    for _ in 0..6 {
        if play(&mut app).game.pending_events().next().is_some() {
            break;
        }
        send(&mut app, &[Msg::EndDay, Msg::Yes, Msg::Other]);
    }
    let p = play(&mut app);
    let event = p
        .game
        .pending_events()
        .next()
        .expect("an event arrives")
        .id
        .clone();
    p.panel = Listing::Inbox;
    let rows = present::rows(&p.game, Listing::Inbox);
    p.cursor[Listing::Inbox.index()] = rows
        .iter()
        .position(|r| r.target == Target::Event(event.clone()))
        .unwrap();
    send(&mut app, &[Msg::Choose, Msg::Choose]);
    let waiting = |app: &mut App| play(app).game.pending_events().any(|e| e.id == event);
    assert!(waiting(&mut app), "Enter, Enter answers nothing");
    let screen = text(&app, 80, 24);
    assert!(screen.contains("y: yes"), "{screen}");
    app.update(Msg::Yes);
    assert!(!waiting(&mut app), "y answers");
}

#[test]
fn esc_never_quits_without_asking() {
    let entry = Entry {
        id: "mini".into(),
        path: "tests/fixtures/mini.ron".into(),
        level: Ok(Arc::new(
            check::load_file(Path::new("tests/fixtures/mini.ron")).unwrap(),
        )),
    };
    let mut app = App::new(vec![entry], Theme { color: false }, 1);
    app.update(Msg::Back);
    assert!(!app.quit, "Esc on the title asks");
    assert!(text(&app, 80, 24).contains("Leave Scored?"));
    app.update(Msg::Back);
    assert!(!app.quit, "Esc again stays");
    send(&mut app, &[Msg::Back, Msg::Yes]);
    assert!(app.quit);

    let mut app = playing("tests/fixtures/mini.ron");
    for _ in 0..10 {
        send(&mut app, &[Msg::EndDay, Msg::Yes, Msg::Other]);
    }
    assert!(matches!(app.screen, Screen::End(_)));
    app.update(Msg::Back);
    assert!(!app.quit, "Esc on the debrief asks");
}

#[test]
fn the_feed_cursor_stays_on_the_same_post_across_days() {
    let mut app = playing("levels/mandatory.ron");
    let p = play(&mut app);
    p.panel = Listing::Feed;
    p.cursor[Listing::Feed.index()] = 3;
    let before = present::rows(&p.game, Listing::Feed)[3].target.clone();
    assert!(matches!(before, Target::Post(_)));
    let posts = p.game.state().feed.len();
    // Nights until new posts arrive (a quiet night brings none).
    for _ in 0..5 {
        send(&mut app, &[Msg::EndDay, Msg::Yes, Msg::Other]);
        if play(&mut app).game.state().feed.len() > posts {
            break;
        }
    }
    let p = play(&mut app);
    assert!(
        p.game.state().feed.len() > posts,
        "new posts arrived overnight"
    );
    let rows = present::rows(&p.game, Listing::Feed);
    assert_eq!(rows[p.cursor()].target, before);
}

#[test]
fn the_inbox_cursor_follows_a_new_event() {
    let mut app = playing("levels/mandatory.ron");
    play(&mut app).panel = Listing::Inbox;
    for _ in 0..20 {
        // The cursor on the last row, below anything that arrives at the top.
        let p = play(&mut app);
        let waiting: Vec<String> = p.game.pending_events().map(|e| e.id.clone()).collect();
        let rows = present::rows(&p.game, Listing::Inbox).len();
        p.cursor[Listing::Inbox.index()] = rows - 1;
        send(&mut app, &[Msg::EndDay, Msg::Yes, Msg::Other]);
        let p = play(&mut app);
        let new = p.game.pending_events().find(|e| !waiting.contains(&e.id));
        if let Some(e) = new
            && rows > 1
        {
            let rows = present::rows(&p.game, Listing::Inbox);
            assert_eq!(rows[p.cursor()].target, Target::Event(e.id.clone()));
            return;
        }
    }
    panic!("no event arrived above other rows");
}

#[test]
fn long_lists_say_they_scroll_and_jump_with_home_end_and_pages() {
    let mut app = playing("levels/mandatory.ron");
    let n = present::rows(&play(&mut app).game, Listing::Shop).len();
    assert!(n > 14, "the shop is longer than the box at 80×24");
    let screen = text(&app, 80, 24);
    assert!(screen.contains("Shop 1-"), "{screen}");
    assert!(screen.contains(&format!("of {n} ↓")), "{screen}");
    app.update(Msg::Last);
    assert_eq!(play(&mut app).cursor(), n - 1);
    assert!(text(&app, 80, 24).contains(&format!("-{n} of {n} ↑")));
    app.update(Msg::First);
    assert_eq!(play(&mut app).cursor(), 0);
    app.update(Msg::PageDown);
    assert_eq!(play(&mut app).cursor(), 10);
    app.update(Msg::PageUp);
    assert_eq!(play(&mut app).cursor(), 0);
}

#[test]
fn the_inspector_keeps_a_black_box_black() {
    let mut app = playing("levels/black-box.ron");
    app.update(Msg::Inspector);
    let screen = text(&app, 120, 40);
    assert!(screen.contains("The rules are not published."), "{screen}");
    assert!(!screen.contains("weight"), "{screen}");
    let level = play(&mut app).game.level().clone();
    for rule in &level.rules {
        assert!(
            !screen.contains(&rule.id),
            "rule id {} shown:\n{screen}",
            rule.id
        );
    }
    // A published level shows its rules in words, still without ids.
    let mut app = playing("levels/mandatory.ron");
    app.update(Msg::Inspector);
    let screen = text(&app, 120, 40);
    assert!(screen.contains("Rules in force:"), "{screen}");
    assert!(screen.contains(" pts: "), "{screen}");
}

#[test]
fn the_footer_and_help_come_from_the_keymap() {
    let mut apps = vec![playing("tests/fixtures/mini.ron")];
    let mut a = playing("tests/fixtures/mini.ron");
    a.update(Msg::Choose);
    apps.push(a);
    let mut a = playing("tests/fixtures/mini.ron");
    for _ in 0..10 {
        send(&mut a, &[Msg::EndDay, Msg::Yes, Msg::Other]);
    }
    apps.push(a);
    for mut app in apps {
        let footer = keymap::footer(&app);
        assert!(!footer.is_empty());
        let screen = text(&app, 120, 40);
        let last = screen.lines().last().unwrap().to_string();
        for (key, what) in &footer {
            assert!(last.contains(&format!("{} {what}", key.label)), "{last}");
            assert!(keymap::ALL.contains(key), "{key:?} is in the keymap");
        }
        app.update(Msg::Help);
        let help = text(&app, 120, 40);
        for (key, _) in footer.iter().filter(|(k, _)| *k != keymap::ANY) {
            assert!(help.contains(key.keys), "help lacks {}:\n{help}", key.keys);
            assert!(help.contains(key.does), "help lacks {}:\n{help}", key.does);
        }
    }
}

#[test]
fn voting_is_explained_in_help_where_the_level_votes() {
    let mut app = playing("levels/peoples-ledger.ron");
    app.update(Msg::Help);
    for (w, h) in [(80, 24), (100, 30)] {
        let screen = text(&app, w, h);
        assert!(
            screen.contains("Voting: Inbox → Ballot"),
            "{w}x{h}:\n{screen}"
        );
    }
    let mut app = playing("levels/mandatory.ron");
    app.update(Msg::Help);
    assert!(!text(&app, 100, 30).contains("Voting:"));
}

/// Befriending moves the person to the top of the list with the cursor on them: a second
/// Enter asks before ending the friendship just made, and only `y` ends it.
#[test]
fn befriending_then_enter_again_asks_before_unfriending() {
    use scored::present::{Listing, Target};
    let mut app = playing("levels/peoples-ledger.ron");
    let p = play(&mut app);
    p.panel = Listing::Friends;
    let rows = scored::present::rows(&p.game, Listing::Friends);
    let (at, id) = rows
        .iter()
        .enumerate()
        .find_map(|(i, r)| match &r.target {
            Target::Person(id)
                if p.game
                    .refusal(&scored::game::Action::Befriend { npc: id.clone() })
                    .is_none() =>
            {
                Some((i, id.clone()))
            }
            _ => None,
        })
        .expect("someone who would be a friend");
    p.cursor[Listing::Friends.index()] = at;
    for _ in 0..4 {
        app.update(Msg::Choose);
        if play(&mut app).game.state().friends.contains(id.as_str()) {
            break;
        }
        if text(&app, 80, 24).contains("y: yes") {
            app.update(Msg::Yes);
        }
    }
    assert!(
        play(&mut app).game.state().friends.contains(id.as_str()),
        "befriended:\n{}",
        text(&app, 80, 24)
    );
    send(&mut app, &[Msg::Choose, Msg::Choose]);
    assert!(
        play(&mut app).game.state().friends.contains(id.as_str()),
        "Enter, Enter ends no friendship"
    );
    assert!(
        text(&app, 80, 24).contains("End your friendship with"),
        "{}",
        text(&app, 80, 24)
    );
}
