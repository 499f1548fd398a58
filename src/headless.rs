//! The line-based mode: one command per line in, plain text out. Tests, pipes, bots'
//! transcripts and screen readers use it. No escape codes, ever.

pub mod command;
mod view;

use std::io::{self, BufRead, Write};

use crate::game::{Action, Game, Outcome, Refusal};
pub use command::{Command, parse};

/// Plays `game` from `input` to `out` until the level ends, `quit`, or the input ends;
/// `autosave` runs at the end of every day and when play stops.
pub fn run(
    game: &mut Game,
    opening: &[Outcome],
    input: impl BufRead,
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
    input: impl BufRead,
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
    mut input: impl BufRead,
    out: &mut impl Write,
    autosave: &mut dyn FnMut(&Game),
) -> io::Result<()> {
    out.flush()?;
    let mut bytes = Vec::new();
    let mut number = 0u64;
    loop {
        bytes.clear();
        if input.read_until(b'\n', &mut bytes)? == 0 {
            break;
        }
        number += 1;
        // A line that is not UTF-8 is named and skipped; the game goes on.
        let Ok(line) = std::str::from_utf8(&bytes) else {
            writeln!(out, "Line {number} is not UTF-8 text: skipped.")?;
            out.flush()?;
            continue;
        };
        let line = line.trim_end_matches(['\n', '\r']);
        match parse(line) {
            Ok(None) => {}
            Ok(Some(Command::Quit)) => {
                autosave(game);
                writeln!(out, "You leave the game on day {}.", game.state().day)?;
                return Ok(());
            }
            Ok(Some(command)) => {
                let day = game.state().day;
                let over = execute(game, command, out)?;
                if over || game.state().day != day {
                    autosave(game);
                }
                if over {
                    return Ok(());
                }
            }
            Err(message) => writeln!(out, "{message}")?,
        }
        // Someone may be reading each answer before typing the next command.
        out.flush()?;
    }
    autosave(game);
    Ok(())
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
    for o in outcomes {
        if let Some(line) = crate::present::outcome_line(game, o) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
