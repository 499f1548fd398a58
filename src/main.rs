//! The `scored` command: the title screen, play, resume, check, simulate.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use clap::{Parser, Subcommand};

use scored::author::{self, Transcript};
use scored::balance::{self, Detail};
use scored::bots::Strategy;
use scored::check;
use scored::launch::{self, SaveTo, Start};

#[derive(Parser)]
#[command(
    name = "scored",
    version,
    about = "A terminal game about gamified obedience."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Where saves go (default: ./saves when usable, else the per-user data folder).
    #[arg(long, global = true)]
    saves_dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Play a level (LEVEL is a path to a .ron file or the id of a level in levels/).
    Play {
        level: String,
        /// The world's seed (default 1). A class plays one seed; given, the game asks for a name.
        #[arg(long)]
        seed: Option<u64>,
        #[arg(long)]
        persona: Option<String>,
        /// Your name for the report and the result code (letters, digits, spaces, - and _).
        #[arg(long, value_parser = name_arg)]
        name: Option<String>,
        /// Line-based play on standard input and output (for scripts and screen readers).
        #[arg(long)]
        headless: bool,
        /// Save the game to this file at the end of every day and when play stops (default: a
        /// new file in the saves folder).
        #[arg(long)]
        save: Option<PathBuf>,
        /// Headless: keep no save.
        #[arg(long, conflicts_with = "save")]
        no_save: bool,
        /// Headless: write the end-of-level report (Markdown, data, result code) into DIR.
        #[arg(long, value_name = "DIR")]
        report: Option<PathBuf>,
        /// For authors: reload the level whenever its file is saved, replaying your actions.
        #[arg(long, conflicts_with = "headless")]
        watch: bool,
    },
    /// Continue a saved game.
    Resume {
        save: PathBuf,
        /// Line-based play on standard input and output.
        #[arg(long)]
        headless: bool,
        /// Your name for the report and the result code; kept in the save.
        #[arg(long, value_parser = name_arg)]
        name: Option<String>,
    },
    /// Write levels/NAME.ron: a commented template, or a copy of an existing level.
    NewLevel {
        name: String,
        /// Start from this level instead of the template.
        #[arg(long)]
        from: Option<String>,
    },
    /// Replay golden transcripts against a level and report the first difference of each.
    Test {
        level: String,
        #[arg(required = true)]
        transcripts: Vec<PathBuf>,
        /// Rewrite the transcripts with the output the level gives now.
        #[arg(long)]
        update: bool,
    },
    /// The debrief of a saved game; writes its report (Markdown, data, result code).
    Report {
        save: PathBuf,
        /// Where the report files go (default: the saves folder's reports/).
        #[arg(long)]
        out: Option<PathBuf>,
        /// The player's name for the report and the result code.
        #[arg(long, value_parser = name_arg)]
        name: Option<String>,
    },
    /// Merge a class's reports (.json) and result codes into one summary, offline.
    Class {
        /// Report files (.json), result-code files (.code), or folders of them.
        paths: Vec<PathBuf>,
        /// A text file with one result code per line (pasted from a chat or a document).
        #[arg(long)]
        codes: Option<PathBuf>,
        /// Also write the summary as Markdown to this file.
        #[arg(long)]
        markdown: Option<PathBuf>,
        /// List every shared decision, not only the ten most evenly split.
        #[arg(long)]
        all: bool,
    },
    /// Check level files and report every problem with file:line:col.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Let built-in strategies play a level many times and summarise the outcomes.
    Simulate(SimulateArgs),
}

/// A playthrough allocates hundreds of small strings and lists; mimalloc serves them in a
/// fraction of the time glibc takes (simulate: 1.2x with LTO). Built without transparent huge
/// pages (`no_thp` in Cargo.toml): with them a game's resident memory doubled, to 27 MB.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Piped into `head` or `less` that quits early, end quietly like any Unix tool.
    #[cfg(unix)]
    // SAFETY: setting the dispositions of SIGPIPE and SIGXFSZ before any thread starts.
    // A file-size limit (`ulimit -f`) fails the write that passes it with EFBIG, reported like
    // any write error, instead of killing the game with SIGXFSZ.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
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
    let saves = cli.saves_dir;
    match cli.command {
        None if launch::line_mode() => {
            launch::play_headless(&Start::tutorial(), SaveTo::Folder(saves), None)?
        }
        None => launch::title_screen(saves)?,
        Some(Command::Play {
            level,
            seed,
            persona,
            name,
            headless,
            save,
            no_save,
            report,
            watch,
        }) => {
            let start = Start {
                level,
                seed: seed.unwrap_or(1),
                persona,
                name,
                ask_name: seed.is_some(),
            };
            if headless || launch::line_mode() {
                let save_to = match (save, no_save) {
                    (Some(file), _) => SaveTo::File(file),
                    (None, true) => SaveTo::Nowhere,
                    (None, false) => SaveTo::Folder(saves),
                };
                launch::play_headless(&start, save_to, report)?;
            } else {
                launch::play_tui(&start, saves, save, watch)?;
            }
        }
        Some(Command::Resume {
            save,
            headless,
            name,
        }) => {
            if headless || launch::line_mode() {
                launch::resume_headless(&save, name)?;
            } else {
                launch::resume_tui(&save, saves, name)?;
            }
        }
        Some(Command::Check { files }) => return Ok(check_files(&files)),
        Some(Command::Report { save, out, name }) => launch::report(&save, out, saves, name)?,
        Some(Command::Class {
            paths,
            codes,
            markdown,
            all,
        }) => launch::class(&paths, codes.as_deref(), markdown.as_deref(), all)?,
        Some(Command::NewLevel { name, from }) => {
            let source = match &from {
                Some(f) => Some((launch::level_path(f), launch::load_level(f)?)),
                None => None,
            };
            let from = source.as_ref().map(|(p, l)| (p.as_path(), l.as_ref()));
            let path = author::new_level(std::path::Path::new("levels"), &name, from)?;
            println!("Wrote {}. Next:", path.display());
            println!("  scored check {}", path.display());
            println!("  scored play {name} --watch");
        }
        Some(Command::Test {
            level,
            transcripts,
            update,
        }) => return transcripts_test(&level, &transcripts, update),
        Some(Command::Simulate(args)) => return simulate(args),
    }
    Ok(ExitCode::SUCCESS)
}

/// `--name`: refused with the reason when it is not a name.
fn name_arg(raw: &str) -> Result<String, String> {
    scored::classroom::parse_name(raw)
}

fn transcripts_test(level: &str, files: &[PathBuf], update: bool) -> Result<ExitCode> {
    let level = launch::load_level(level)?;
    let mut failed = 0;
    for file in files {
        // A transcript replays a game; none is near this long.
        let text = scored::input::text(file, 16 * 1024 * 1024)
            .map_err(|e| anyhow::anyhow!("{} {e}", file.display()))?;
        let transcript =
            Transcript::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        let (outputs, difference) = transcript.replay(level.clone())?;
        if update {
            std::fs::write(file, transcript.blessed(&outputs))?;
            println!(
                "updated {} ({} commands)",
                file.display(),
                transcript.steps.len()
            );
            continue;
        }
        match difference {
            None => println!(
                "ok {} ({} commands)",
                file.display(),
                transcript.steps.len()
            ),
            Some(d) => {
                failed += 1;
                println!(
                    "FAILED {}:{}: after `> {}`",
                    file.display(),
                    d.line,
                    d.command
                );
                println!("  expected: {}", d.expected);
                println!("  actual:   {}", d.actual);
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn check_files(files: &[PathBuf]) -> ExitCode {
    let mut failed = 0;
    let mut warnings = 0;
    let mut stderr = io::stderr().lock();
    for f in files {
        let (level, diagnostics) = check::check_file(f);
        if level.is_none() {
            failed += 1;
        }
        warnings += diagnostics
            .iter()
            .filter(|d| d.severity == check::Severity::Warning)
            .count();
        for d in &diagnostics {
            let _ = write!(stderr, "{d}");
        }
    }
    let ok = files.len() - failed;
    let warned = if warnings > 0 {
        format!(", {warnings} warning(s)")
    } else {
        String::new()
    };
    let _ = writeln!(
        stderr,
        "checked {} file(s): {ok} ok, {failed} with errors{warned}",
        files.len()
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[derive(clap::Args)]
struct SimulateArgs {
    level: String,
    /// The strategy to play (a --report plays all six unless one is given). The mostly-*
    /// strategies play as conformist or authentic but take another possible action at random
    /// 15% of the time, from the run's seed.
    #[arg(long, value_enum)]
    strategy: Option<Strategy>,
    #[arg(long, default_value_t = 100)]
    runs: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long)]
    persona: Option<String>,
    /// Print one JSON object instead of text (a list of them with --report or --personas),
    /// with the obedience index ("obedience": mean, min, max; "obedience_na": runs without a
    /// conflicted decision) and the mean score and self at the end of each day
    /// ("score_by_day", "self_by_day"; the implied score before the score is switched on).
    #[arg(long)]
    json: bool,
    /// The balance report: every strategy side by side, perks and sanctions met, the actions
    /// taken (by kind and the most repeated), quiet stretches (more than 3 days with nothing
    /// happening to the player), and the content no run ever reached.
    #[arg(long)]
    report: bool,
    /// Print one playthrough day by day instead, the run of this seed: each action with its
    /// predicted and actual effect, events answered, each day's end, and the ending.
    #[arg(long, value_name = "SEED", conflicts_with_all = ["report", "personas", "json"])]
    trace: Option<u64>,
    /// Run every persona of the level: the fairness report, who gains and who loses.
    #[arg(long)]
    personas: bool,
    /// Threads to play on (0: one per core). Results are the same for any number.
    #[arg(long, default_value_t = 1)]
    threads: usize,
}

impl SimulateArgs {
    fn threads(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        }
    }
}

fn simulate(args: SimulateArgs) -> Result<ExitCode> {
    let level = launch::load_level(&args.level)?;
    launch::check_persona(&level, args.persona.as_deref())?;
    if !args.report && !args.personas {
        let Some(strategy) = args.strategy else {
            anyhow::bail!(
                "choose a --strategy (conformist, authentic, rebel, random, mostly-conformist, \
                 mostly-authentic), or ask for a --report"
            );
        };
        if let Some(seed) = args.trace {
            let persona = args.persona.as_deref();
            print!(
                "{}",
                scored::trace::trace_text(level, persona, strategy, seed)
            );
            return Ok(ExitCode::SUCCESS);
        }
        return simulate_one(&level, strategy, &args);
    }
    let strategies: Vec<Strategy> = match args.strategy {
        Some(s) => vec![s],
        None => vec![
            Strategy::Conformist,
            Strategy::Authentic,
            Strategy::Rebel,
            Strategy::Random,
            Strategy::MostlyConformist,
            Strategy::MostlyAuthentic,
        ],
    };
    let detail = if args.report {
        Detail::Full
    } else if args.json {
        Detail::Numbers
    } else {
        Detail::Plain
    };
    let personas: Vec<String> = if args.personas {
        level.personas.iter().map(|p| p.id.clone()).collect()
    } else {
        vec![
            args.persona
                .clone()
                .unwrap_or_else(|| level.personas[0].id.clone()),
        ]
    };
    let mut by_persona = Vec::new();
    for persona in personas {
        let reports: Vec<balance::Report> = strategies
            .iter()
            .map(|s| {
                let persona = Some(persona.as_str());
                balance::simulate(
                    level.clone(),
                    persona,
                    *s,
                    args.runs,
                    args.seed,
                    args.threads(),
                    detail,
                )
            })
            .collect();
        if args.report && !args.json {
            println!("{}", balance::report_text(&level, &reports));
        }
        by_persona.push((persona, reports));
    }
    if args.json {
        let all: Vec<&balance::Report> = by_persona.iter().flat_map(|(_, r)| r).collect();
        println!("{}", serde_json::to_string(&all)?);
    } else if args.personas {
        print!("{}", balance::fairness_text(&level, &by_persona));
    }
    Ok(ExitCode::SUCCESS)
}

fn simulate_one(
    level: &std::sync::Arc<scored::game::Level>,
    strategy: Strategy,
    args: &SimulateArgs,
) -> Result<ExitCode> {
    let started = Instant::now();
    let mut report = balance::simulate(
        level.clone(),
        args.persona.as_deref(),
        strategy,
        args.runs,
        args.seed,
        args.threads(),
        if args.json {
            Detail::Numbers
        } else {
            Detail::Plain
        },
    );
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    report.runs_per_second = (f64::from(args.runs) / secs).round();
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "Level {}, persona {}, strategy {}, {} runs from seed {} on {} thread(s)",
        report.level,
        report.persona,
        strategy.name(),
        args.runs,
        args.seed,
        args.threads()
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
            f64::from(*n) * 100.0 / f64::from(args.runs.max(1))
        );
    }
    println!("runs per second: {}", report.runs_per_second);
    Ok(ExitCode::SUCCESS)
}
