//! Headless autosaves in bounded work (issue 20, "every command within 2 s"): a script that
//! runs ahead of the game is not saved to disk after every one of its days (a year-long level
//! took seconds, a save at the size cap a minute), yet nothing is shown before the save of the
//! day it shows, and a player typing at a terminal still gets a save every day. The tests
//! count saves; times are in docs/reliability.md.

use std::cell::RefCell;
use std::io::{self, BufRead, Read, Write};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use scored::check;
use scored::game::{Game, Level};
use scored::headless::{self, HELD_OUTPUT, Input, SAVE_EVERY};

/// The mandatory level, lasting `days` (its later days quiet).
fn level(days: u32) -> Arc<Level> {
    let mut level = check::load_file(std::path::Path::new("levels/mandatory.ron")).unwrap();
    level.days = days;
    Arc::new(level)
}

/// Output shared between the game and the autosave, to see what was shown at each save.
#[derive(Clone, Default)]
struct Shown(Rc<RefCell<Vec<u8>>>);

impl Write for Shown {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Shown {
    /// The last "-- Day N of" shown.
    fn last_day(&self) -> u32 {
        let text = String::from_utf8_lossy(&self.0.borrow()).into_owned();
        text.lines()
            .rev()
            .filter_map(|l| l.strip_prefix("-- Day "))
            .find_map(|r| r.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    }
}

/// A player at a terminal: each line arrives only once asked for.
struct Typing<'a>(&'a [u8]);

impl Read for Typing<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl BufRead for Typing<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.0.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        self.0.consume(amount);
    }
}

impl Input for Typing<'_> {
    fn ahead(&self) -> bool {
        false
    }
}

/// Plays `script` on a fresh game; the days saved, in order, checking at every save that
/// nothing past the day saved was shown.
fn play(days: u32, input: impl Input) -> (Game, Vec<u32>, Shown) {
    let (mut game, opening) = Game::new(level(days), None, 7).unwrap();
    let shown = Shown::default();
    let saved = RefCell::new(Vec::new());
    let seen = shown.clone();
    let mut autosave = |g: &Game| {
        let day = g.state().day;
        assert!(
            seen.last_day() <= day,
            "day {} was shown before its save (saving day {day})",
            seen.last_day()
        );
        saved.borrow_mut().push(day);
    };
    headless::run(
        &mut game,
        &opening,
        input,
        &mut shown.clone(),
        &mut autosave,
    )
    .unwrap();
    (game, saved.into_inner(), shown)
}

#[test]
fn a_script_ahead_of_the_game_is_saved_at_pauses_not_every_day() {
    let script = "next\n".repeat(200);
    let started = Instant::now();
    let (game, saved, shown) = play(150, script.as_bytes());
    let elapsed = started.elapsed();
    assert!(game.is_over());
    assert_eq!(shown.last_day(), 150);
    // The end is saved; before it, one save per SAVE_EVERY at most (and per HELD_OUTPUT of
    // answers, far more than 150 days of `next` print).
    assert_eq!(saved.last(), Some(&game.state().day));
    let bound = 1 + (elapsed.as_millis() / SAVE_EVERY.as_millis()) as usize;
    assert!(
        saved.len() <= bound,
        "{} saves in {elapsed:?}: {saved:?}",
        saved.len()
    );
    assert!(shown.0.borrow().len() < 150 * HELD_OUTPUT);
}

#[test]
fn a_player_typing_gets_a_save_every_day() {
    let script = "next\n".repeat(12);
    let (game, saved, _) = play(10, Typing(script.as_bytes()));
    assert!(game.is_over());
    // Days 2 to 10 begun, each saved before it was shown, then the end.
    let mut every: Vec<u32> = (2..=10).collect();
    every.push(game.state().day);
    assert_eq!(saved, every);
}

#[test]
fn answers_held_for_a_save_are_all_shown_in_the_end() {
    // A lot of output a day (the ledger and the feed every day): saves come with the held
    // output's cap, and every answer is shown in order.
    let day = "feed\nledger\npeople\nnext\n";
    let script = day.repeat(40);
    let (game, saved, shown) = play(40, script.as_bytes());
    assert!(game.is_over());
    assert_eq!(shown.last_day(), 40);
    let text = String::from_utf8_lossy(&shown.0.borrow()).into_owned();
    let days: Vec<u32> = text
        .lines()
        .filter_map(|l| l.strip_prefix("-- Day "))
        .filter_map(|r| r.split_whitespace().next()?.parse().ok())
        .collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
    assert!(saved.len() <= 41, "{saved:?}");
}
