//! The line-based mode: one command per line in, plain text out. Tests, pipes, bots'
//! transcripts and screen readers use it. No escape codes, ever.

pub mod command;
mod resolve;
mod view;

use std::io::{self, BufRead, BufReader, Cursor, Read, Write};
use std::time::{Duration, Instant};

use crate::game::{Action, Game, Outcome, Refusal};
pub use command::{Command, parse};

/// Headless input: lines, and whether the next one is already there.
pub trait Input: BufRead {
    /// Whether a whole line is already waiting, so that no one is waiting for an answer.
    /// False when unsure.
    fn ahead(&self) -> bool;
}

/// A script in memory: all of it is there.
impl Input for &[u8] {
    fn ahead(&self) -> bool {
        true
    }
}

impl<T: AsRef<[u8]>> Input for Cursor<T> {
    fn ahead(&self) -> bool {
        true
    }
}

/// Standard input, read through a buffer larger than the one `std` keeps (so that `std`'s
/// stays empty and every byte read ahead is seen here).
pub struct Stdin(BufReader<io::Stdin>);

impl Stdin {
    pub fn new() -> Self {
        Stdin(BufReader::with_capacity(64 * 1024, io::stdin()))
    }
}

impl Default for Stdin {
    fn default() -> Self {
        Self::new()
    }
}

impl Read for Stdin {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl BufRead for Stdin {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.0.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        self.0.consume(amount);
    }
}

/// A line already read ahead into the buffer. At a terminal, the buffer holds what was typed
/// and nothing more; from a file or a pipe, up to 64 KiB of it.
impl Input for Stdin {
    fn ahead(&self) -> bool {
        self.0.buffer().contains(&b'\n')
    }
}

/// While the input runs ahead of the game (a script, a pipe), a day's save waits for the
/// first of: a line not yet there, this long since the last save, or [`HELD_OUTPUT`] bytes of
/// answers. Saving every day of a long scripted game cost more than the game (a save a day,
/// each synced to disk: seconds for a year-long level, a minute from a save at the size cap).
pub const SAVE_EVERY: Duration = Duration::from_millis(500);
/// Answers held back while a day's save waits: nothing is shown before the save of the day
/// it shows is written, so a game killed at any moment has saved every day its player saw.
pub const HELD_OUTPUT: usize = 1024 * 1024;

/// Plays `game` from `input` to `out` until the level ends, `quit`, or the input ends;
/// `autosave` runs at the end of every day (at the next pause while the input runs ahead, see
/// [`SAVE_EVERY`]) and when play stops.
pub fn run(
    game: &mut Game,
    opening: &[Outcome],
    input: impl Input,
    out: &mut impl Write,
    autosave: &mut dyn FnMut(&Game),
) -> io::Result<()> {
    view::intro(game, out)?;
    print_outcomes(game, opening, out)?;
    view::status(game, out)?;
    commands(game, input, out, autosave)
}

/// Goes on with a resumed game: where it stands, then the commands.
pub fn resume(
    game: &mut Game,
    input: impl Input,
    out: &mut impl Write,
    autosave: &mut dyn FnMut(&Game),
) -> io::Result<()> {
    let (title, name) = (&game.level().title, &game.persona().name);
    writeln!(out, "Resumed {title} as {name}.")?;
    view::status(game, out)?;
    commands(game, input, out, autosave)
}

fn commands(
    game: &mut Game,
    mut input: impl Input,
    out: &mut impl Write,
    autosave: &mut dyn FnMut(&Game),
) -> io::Result<()> {
    out.flush()?;
    let mut bytes = Vec::new();
    let mut number = 0u64;
    // Answers not yet shown, and whether a day ended since the last save.
    let mut held = Vec::new();
    let mut unsaved = false;
    let mut saved_at = Instant::now();
    loop {
        if unsaved
            && (saved_at.elapsed() >= SAVE_EVERY || held.len() >= HELD_OUTPUT || !input.ahead())
        {
            autosave(game);
            unsaved = false;
            saved_at = Instant::now();
        }
        if !unsaved {
            // Someone may be reading each answer before typing the next command.
            out.write_all(&held)?;
            out.flush()?;
            held.clear();
        }
        bytes.clear();
        if input.read_until(b'\n', &mut bytes)? == 0 {
            break;
        }
        number += 1;
        // A line that is not UTF-8 is named and skipped; the game goes on.
        let Ok(line) = std::str::from_utf8(&bytes) else {
            writeln!(held, "Line {number} is not UTF-8 text: skipped.")?;
            continue;
        };
        let line = line.trim_end_matches(['\n', '\r']);
        match parse(line) {
            Ok(None) => {}
            Ok(Some(Command::Quit)) => {
                autosave(game);
                writeln!(held, "You leave the game on day {}.", game.state().day)?;
                return out.write_all(&held);
            }
            Ok(Some(command)) => {
                let day = game.state().day;
                let over = execute(game, command, &mut held)?;
                if over {
                    autosave(game);
                    return out.write_all(&held);
                }
                if game.state().day != day {
                    unsaved = true;
                }
            }
            Err(message) => writeln!(held, "{message}")?,
        }
    }
    autosave(game);
    out.write_all(&held)
}

/// Runs one command; true when the level has ended.
pub fn execute(game: &mut Game, command: Command, out: &mut impl Write) -> io::Result<bool> {
    match command {
        Command::Help => view::help(out)?,
        Command::Status => view::status(game, out)?,
        Command::Shop => view::shop(game, out)?,
        Command::Topics => view::topics(game, out)?,
        Command::Feed => view::feed(game, out)?,
        Command::People => view::people(game, out)?,
        Command::Inbox => view::inbox(game, out)?,
        Command::Ledger => view::ledger(game, out)?,
        Command::Perks => view::perks(game, out)?,
        Command::Rules => view::rules(game, out)?,
        Command::Proposals => view::proposals(game, out)?,
        Command::Quit => {}
        Command::Play(action) => {
            let action = match resolve::resolve(game, action) {
                Ok(action) => action,
                Err(why) => {
                    writeln!(out, "{why}")?;
                    return Ok(false);
                }
            };
            let ending_day = action == Action::EndDay;
            let drafting = matches!(action, Action::Draft { .. });
            match game.play(action) {
                Ok(outcomes) => {
                    print_outcomes(game, &outcomes, out)?;
                    if game.is_over() {
                        view::summary(game, out)?;
                        return Ok(true);
                    }
                    if drafting {
                        view::draft(game, out)?;
                    }
                    if ending_day {
                        view::status(game, out)?;
                    }
                }
                Err(Refusal::LevelOver) => return Ok(true),
                Err(refusal) => writeln!(
                    out,
                    "Not possible: {}.",
                    command::clean(&refusal.to_string())
                )?,
            }
        }
    }
    Ok(false)
}

fn print_outcomes(game: &Game, outcomes: &[Outcome], out: &mut impl Write) -> io::Result<()> {
    for line in crate::present::outcome_lines(game, outcomes) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
