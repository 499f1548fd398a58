//! `cargo bench`: the figures in docs/performance.md. Each measures one thing a player,
//! an author or a teacher waits for.

use std::hint::black_box;
use std::io::Cursor;
use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use scored::bots::{self, Strategy};
use scored::classroom::{self, Class, ClassEntry, Report};
use scored::game::{Action, Game, Level, Opening};
use scored::tui::app::{App, Origin};
use scored::tui::keys::Msg;
use scored::tui::theme::Theme;
use scored::{check, headless};

const MANDATORY: &str = include_str!("../levels/mandatory.ron");
const TUTORIAL: &str = include_str!("../levels/tutorial.ron");
const TUTORIAL_TRANSCRIPT: &str = include_str!("../levels/transcripts/tutorial.txt");

fn load(path: &str, src: &str) -> Arc<Level> {
    Arc::new(check::load_str(path, src).0.expect("a shipped level"))
}

/// A game in the middle of the level: what a player has in front of them most of the time.
fn midgame() -> Game {
    let (mut game, _) = Game::new(load("mandatory.ron", MANDATORY), None, 42).unwrap();
    for _ in 0..8 {
        game.play(Action::EndDay).unwrap();
    }
    game
}

fn playing(game: Game) -> App {
    let mut app = App::new(Vec::new(), Theme { color: true }, 42);
    app.resumed(game, Origin::default(), false);
    app.update(Msg::Other);
    app
}

fn level_load(c: &mut Criterion) {
    c.bench_function("level parse + validate (mandatory)", |b| {
        b.iter(|| check::load_str("levels/mandatory.ron", black_box(MANDATORY)))
    });
}

fn play_action(c: &mut Criterion) {
    let game = midgame();
    let post = game.state().feed.last().expect("a feed by day 9").id;
    c.bench_function("play(like a post)", |b| {
        b.iter_batched(
            || game.clone(),
            |mut g| {
                let out = g.play(Action::Like { post });
                (g, out)
            },
            BatchSize::SmallInput,
        )
    });
    c.bench_function("play(end the day)", |b| {
        b.iter_batched(
            || game.clone(),
            |mut g| {
                let out = g.play(Action::EndDay);
                (g, out)
            },
            BatchSize::SmallInput,
        )
    });
}

fn playthroughs(c: &mut Criterion) {
    let tutorial = load("tutorial.ron", TUTORIAL);
    let commands: String = TUTORIAL_TRANSCRIPT
        .lines()
        .filter_map(|l| l.strip_prefix("> "))
        .map(|l| format!("{l}\n"))
        .collect();
    c.bench_function("headless playthrough (tutorial transcript)", |b| {
        b.iter(|| {
            let (mut game, opening) = Game::new(tutorial.clone(), None, 42).unwrap();
            let input = Cursor::new(commands.as_bytes());
            headless::run(
                &mut game,
                &opening,
                input,
                &mut std::io::sink(),
                &mut |_| {},
            )
            .unwrap();
            game
        })
    });
    let mandatory = load("mandatory.ron", MANDATORY);
    let mut seed = 0;
    c.bench_function("bot playthrough (mandatory, random)", |b| {
        b.iter(|| {
            seed += 1;
            bots::play(mandatory.clone(), None, seed, Strategy::Random)
        })
    });
    // What `scored simulate` plays: a silent game from one opening.
    let opening = Opening::new(mandatory.clone(), None).unwrap();
    let actions = bots::Actions::of(&mandatory);
    c.bench_function("silent bot playthrough (mandatory, random)", |b| {
        b.iter(|| {
            seed += 1;
            bots::play_silently(&opening, &actions, seed, Strategy::Random)
        })
    });
}

fn frames(c: &mut Criterion) {
    let app = playing(midgame());
    for (w, h) in [(80, 24), (200, 60)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        c.bench_function(&format!("draw main screen {w}x{h}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| scored::tui::view::render(frame, &app))
                    .unwrap();
            })
        });
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("draw an empty frame 200x60 (ratatui's own cost)", |b| {
        b.iter(|| {
            terminal.draw(|_| {}).unwrap();
        })
    });
    let game = midgame();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    c.bench_function("key to frame: buy from the shop, 80x24", |b| {
        b.iter_batched(
            || playing(game.clone()),
            |mut app| {
                app.update(Msg::Choose);
                terminal
                    .draw(|frame| scored::tui::view::render(frame, &app))
                    .unwrap();
                app
            },
            BatchSize::SmallInput,
        )
    });
}

fn debrief_and_class(c: &mut Criterion) {
    let level = load("mandatory.ron", MANDATORY);
    let done = bots::play(level.clone(), None, 7, Strategy::Conformist);
    c.bench_function("debrief of a finished game", |b| {
        b.iter(|| classroom::debrief(black_box(&done)))
    });
    let strategies = [
        Strategy::Conformist,
        Strategy::Authentic,
        Strategy::Rebel,
        Strategy::Random,
    ];
    c.bench_function("class over 1,000 reports (parse + summarise)", |b| {
        // Built here, so that filtering to another benchmark skips the 1,000 games.
        let reports: Vec<String> = (0..1000)
            .map(|i| {
                let game = bots::play(level.clone(), None, i, strategies[i as usize % 4]);
                serde_json::to_string(&classroom::debrief(&game).0).unwrap()
            })
            .collect();
        b.iter(|| {
            let entries = reports
                .iter()
                .map(|r| ClassEntry::Report(serde_json::from_str::<Report>(r).unwrap()))
                .collect();
            Class::new(entries).text()
        })
    });
}

criterion_group!(
    benches,
    level_load,
    play_action,
    playthroughs,
    frames,
    debrief_and_class
);
criterion_main!(benches);
