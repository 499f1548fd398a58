//! The `scored` command: play, check, simulate.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

use scored::bots::{self, Strategy};
use scored::check;
use scored::game::{Game, Level};
use scored::headless;
use scored::tui::{self, App, theme::Theme};

#[derive(Parser)]
#[command(
    name = "scored",
    version,
    about = "A terminal game about gamified obedience."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Play a level (LEVEL is a path to a .ron file or the id of a level in levels/).
    Play {
        level: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        persona: Option<String>,
        /// Line-based play on standard input and output (for scripts and screen readers).
        #[arg(long)]
        headless: bool,
    },
    /// Check level files and report every problem with file:line:col.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Let a built-in strategy play a level many times and summarise the outcomes.
    Simulate {
        level: String,
        #[arg(long, value_enum)]
        strategy: Strategy,
        #[arg(long, default_value_t = 100)]
        runs: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        persona: Option<String>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("scored: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None if line_mode() => play_headless("tutorial", 1, None),
        None => title_screen(),
        Some(Command::Play {
            level,
            seed,
            persona,
            headless,
        }) => {
            if headless || line_mode() {
                play_headless(&level, seed, persona.as_deref())
            } else {
                play_tui(&level, seed, persona.as_deref())
            }
        }
        Some(Command::Check { files }) => Ok(check_files(&files)),
        Some(Command::Simulate {
            level,
            strategy,
            runs,
            seed,
            persona,
            json,
        }) => simulate(&level, strategy, runs, seed, persona.as_deref(), json),
    }
}

/// A level id (`mandatory`) or a path (`levels/mandatory.ron`) to a path.
fn level_path(level: &str) -> PathBuf {
    let direct = Path::new(level);
    if level.ends_with(".ron") || direct.is_file() {
        return direct.to_path_buf();
    }
    Path::new("levels").join(format!("{level}.ron"))
}

fn load_level(level: &str) -> Result<Arc<Level>> {
    let path = level_path(level);
    if !path.exists() {
        bail!(
            "no level `{level}` (looked for {}); give a path to a .ron file or the id of a level in levels/",
            path.display()
        );
    }
    match check::load_file(&path) {
        Ok(level) => Ok(Arc::new(level)),
        Err(diagnostics) => {
            for d in diagnostics.iter().filter(|d| d.is_error()) {
                eprint!("{d}");
            }
            bail!("{} has problems; fix them and try again", path.display())
        }
    }
}

/// `TERM=dumb` asks for plain lines: the full-screen game would be unreadable there.
fn line_mode() -> bool {
    std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

/// The full-screen game needs a terminal on both ends; say so plainly rather than fail.
fn need_terminal() -> Result<()> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        bail!(
            "this is not a terminal, so the full-screen game cannot start.\n\
             For line-by-line play (scripts, pipes, screen readers) use:\n    \
             scored play tutorial --headless"
        );
    }
    Ok(())
}

fn theme() -> Theme {
    Theme::from_env(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
}

fn title_screen() -> Result<ExitCode> {
    need_terminal()?;
    let app = App::new(tui::catalog(Path::new("levels")), theme(), 1);
    tui::run(app).context("running the terminal interface")?;
    Ok(ExitCode::SUCCESS)
}

fn play_tui(level: &str, seed: u64, persona: Option<&str>) -> Result<ExitCode> {
    let level = load_level(level)?;
    check_persona(&level, persona)?;
    need_terminal()?;
    let mut app = App::new(tui::catalog(Path::new("levels")), theme(), seed);
    app.start(level, persona);
    tui::run(app).context("running the terminal interface")?;
    Ok(ExitCode::SUCCESS)
}

fn check_persona(level: &Level, persona: Option<&str>) -> Result<()> {
    if let Some(p) = persona
        && level.persona(p).is_none()
    {
        let ids: Vec<&str> = level.personas.iter().map(|p| p.id.as_str()).collect();
        bail!(
            "no persona `{p}` in {}; choose one of: {}",
            level.id,
            ids.join(", ")
        );
    }
    Ok(())
}

fn play_headless(level: &str, seed: u64, persona: Option<&str>) -> Result<ExitCode> {
    let level = load_level(level)?;
    check_persona(&level, persona)?;
    let (mut game, opening) =
        Game::new(level, persona, seed).map_err(|e| anyhow::anyhow!("{e}"))?;
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    headless::run(&mut game, &opening, stdin.lock(), &mut out)
        .context("writing to standard output")?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn check_files(files: &[PathBuf]) -> ExitCode {
    let mut failed = 0;
    let mut stderr = io::stderr().lock();
    for f in files {
        let (level, diagnostics) = check::check_file(f);
        if level.is_none() {
            failed += 1;
        }
        for d in &diagnostics {
            let _ = write!(stderr, "{d}");
        }
    }
    let ok = files.len() - failed;
    let _ = writeln!(
        stderr,
        "checked {} file(s): {ok} ok, {failed} with errors",
        files.len()
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn simulate(
    level: &str,
    strategy: Strategy,
    runs: u32,
    seed: u64,
    persona: Option<&str>,
    json: bool,
) -> Result<ExitCode> {
    let level = load_level(level)?;
    check_persona(&level, persona)?;
    let started = Instant::now();
    let mut report = bots::simulate(level, persona, strategy, runs, seed);
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    report.runs_per_second = (f64::from(runs) / secs).round();
    if json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "Level {}, persona {}, strategy {}, {} runs from seed {}",
        report.level,
        report.persona,
        strategy.name(),
        runs,
        seed
    );
    for (name, s) in [
        ("score", &report.score),
        ("self", &report.integrity),
        ("money", &report.money),
    ] {
        println!(
            "{name:<6} mean {:>8.1}  min {:>6}  max {:>6}",
            s.mean, s.min, s.max
        );
    }
    println!("endings:");
    for (id, n) in &report.endings {
        println!(
            "  {id:<20} {n:>5}  ({:.0}%)",
            f64::from(*n) * 100.0 / f64::from(runs.max(1))
        );
    }
    println!("runs per second: {}", report.runs_per_second);
    Ok(ExitCode::SUCCESS)
}
