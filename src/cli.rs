//! The `scored` command line: its commands and flags, and what each one runs.

mod files;
mod simulate;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::author;
use crate::launch::{self, SaveTo, Start};
use crate::levels::Shelf;
use simulate::SimulateArgs;

#[derive(Parser)]
#[command(
    name = "scored",
    version,
    about = "A terminal game about gamified obedience."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Where saves go (default: ./saves when usable, else the per-user data folder).
    #[arg(long, global = true)]
    saves_dir: Option<PathBuf>,
    /// A folder of level files, searched before ./levels and the built-in levels (may be
    /// repeated; the first given wins). `scored levels` shows the result.
    #[arg(long = "levels", global = true, value_name = "DIR")]
    levels: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// List the levels available and where each comes from (built in, ./levels, --levels).
    Levels,
    /// Play a level (LEVEL is the id of a level, see `scored levels`, or a path to a .ron file).
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
        /// Keep no save (the title screen's Continue list is then empty too).
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
    /// Run a class: an SSH server on which every student plays LEVEL (`ssh -p PORT NAME@HOST`),
    /// saving into the class folder, with a live dashboard here.
    Serve(ServeArgs),
}

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The level every student plays (an id or a path; default: tutorial).
    #[arg(default_value = "tutorial")]
    level: String,
    /// The class's world seed: every student plays the same world.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The same persona for everyone (default: each student chooses on screen).
    #[arg(long)]
    persona: Option<String>,
    #[arg(long, default_value_t = 2222)]
    port: u16,
    /// The address to listen on (default: every address of this computer).
    #[arg(long, default_value = "0.0.0.0")]
    bind: std::net::IpAddr,
    /// The class folder: saves, reports (reports/) and the server's host key.
    #[arg(long, value_name = "DIR", default_value = "class")]
    class: PathBuf,
    /// The class password students type. Required unless --bind is a loopback address.
    #[arg(long, value_name = "WORD")]
    password: Option<String>,
    /// Students playing at once.
    #[arg(long, default_value_t = 40)]
    max_sessions: usize,
    /// Minutes without a key before a game is stopped (it keeps its last save).
    #[arg(long, default_value_t = 20)]
    idle_minutes: u64,
    /// Game output per student, in KiB a second.
    #[arg(long, default_value_t = 256)]
    output_kib: u32,
    /// Log lines on standard error instead of the dashboard.
    #[arg(long)]
    no_dashboard: bool,
}

impl ServeArgs {
    fn options(self) -> crate::serve::Options {
        crate::serve::Options {
            level: self.level,
            seed: self.seed,
            persona: self.persona,
            port: self.port,
            bind: self.bind,
            class: self.class,
            password: self.password,
            limits: crate::serve::ssh::Limits {
                sessions: self.max_sessions,
                idle: std::time::Duration::from_secs(self.idle_minutes.saturating_mul(60)),
                output_rate: self.output_kib.saturating_mul(1024),
            },
            no_dashboard: self.no_dashboard,
        }
    }
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let saves = cli.saves_dir;
    let shelf = Shelf::new(&cli.levels);
    let shelf = &shelf;
    match cli.command {
        None if launch::line_mode() => {
            launch::play_headless(shelf, &Start::tutorial(), SaveTo::Folder(saves), None)?
        }
        None => launch::title_screen(shelf, saves)?,
        Some(Command::Levels) => print!("{}", crate::levels::listing_text(shelf)),
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
            let save_to = match (save, no_save) {
                (Some(file), _) => SaveTo::File(file),
                (None, true) => SaveTo::Nowhere,
                (None, false) => SaveTo::Folder(saves),
            };
            if headless || launch::line_mode() {
                launch::play_headless(shelf, &start, save_to, report)?;
            } else {
                launch::play_tui(shelf, &start, save_to, watch)?;
            }
        }
        Some(Command::Resume {
            save,
            headless,
            name,
        }) => {
            if headless || launch::line_mode() {
                launch::resume_headless(shelf, &save, name)?;
            } else {
                launch::resume_tui(shelf, &save, saves, name)?;
            }
        }
        Some(Command::Check { files }) => return Ok(files::check_files(&files)),
        Some(Command::Report { save, out, name }) => {
            launch::report(shelf, &save, out, saves, name)?
        }
        Some(Command::Class {
            paths,
            codes,
            markdown,
            all,
        }) => launch::class(&paths, codes.as_deref(), markdown.as_deref(), all)?,
        Some(Command::NewLevel { name, from }) => {
            let source = match &from {
                Some(f) => Some((launch::level_path(shelf, f)?, launch::load_level(shelf, f)?)),
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
        }) => return files::transcripts_test(shelf, &level, &transcripts, update),
        Some(Command::Simulate(args)) => return simulate::simulate(shelf, args),
        Some(Command::Serve(args)) => crate::serve::run(shelf, args.options())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `--name`: refused with the reason when it is not a name.
fn name_arg(raw: &str) -> Result<String, String> {
    crate::classroom::parse_name(raw)
}
