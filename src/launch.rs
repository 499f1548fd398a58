//! Starting and resuming games from the command line: finding the level, choosing the mode,
//! and saving as play goes on. The edge where files and terminals meet the game.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};

use crate::check;
use crate::game::{Game, Level};
use crate::headless;
use crate::save::{self, SaveFile, Store};
use crate::tui::{self, App, theme::Theme};

/// Where a new game starts.
pub struct Start {
    pub level: String,
    pub seed: u64,
    pub persona: Option<String>,
}

impl Start {
    pub fn tutorial() -> Start {
        Start {
            level: "tutorial".into(),
            seed: 1,
            persona: None,
        }
    }
}

/// A level id (`mandatory`) or a path (`levels/mandatory.ron`) to a path.
pub fn level_path(level: &str) -> PathBuf {
    let direct = Path::new(level);
    if level.ends_with(".ron") || direct.is_file() {
        return direct.to_path_buf();
    }
    Path::new("levels").join(format!("{level}.ron"))
}

pub fn load_level(level: &str) -> Result<Arc<Level>> {
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

pub fn check_persona(level: &Level, persona: Option<&str>) -> Result<()> {
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

/// `TERM=dumb` asks for plain lines: the full-screen game would be unreadable there.
pub fn line_mode() -> bool {
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

fn app(saves: Option<PathBuf>, seed: u64) -> Result<App> {
    let store = Store::locate(saves).context("finding a folder for saves")?;
    Ok(App::new(tui::catalog(Path::new("levels")), theme(), seed).with_saves(store))
}

pub fn title_screen(saves: Option<PathBuf>) -> Result<()> {
    need_terminal()?;
    tui::run(app(saves, 1)?).context("running the terminal interface")
}

pub fn play_tui(
    start: &Start,
    saves: Option<PathBuf>,
    slot: Option<PathBuf>,
    watch: bool,
) -> Result<()> {
    let level = load_level(&start.level)?;
    check_persona(&level, start.persona.as_deref())?;
    if let Some(slot) = &slot {
        refuse_to_overwrite(slot)?;
    }
    need_terminal()?;
    let path = level_path(&start.level);
    let mut app = app(saves, start.seed)?;
    app.start(level, start.persona.as_deref());
    if watch {
        app.watch = Some(tui::app::Watch {
            modified: std::fs::metadata(&path).and_then(|m| m.modified()).ok(),
            path: path.clone(),
            errors: Vec::new(),
        });
    }
    app.set_origin(path, slot);
    tui::run(app).context("running the terminal interface")
}

pub fn resume_tui(path: &Path, saves: Option<PathBuf>) -> Result<()> {
    need_terminal()?;
    let mut app = app(saves, 1)?;
    app.request_resume(path.to_path_buf());
    tui::run(app).context("running the terminal interface")
}

/// A file that exists but is not a readable save is somebody's lost game: never overwrite it.
fn refuse_to_overwrite(slot: &Path) -> Result<()> {
    if std::fs::symlink_metadata(slot).is_ok()
        && let Err(e) = SaveFile::read(slot)
    {
        bail!(
            "{} already exists and {e}; it is kept as it is. Choose another --save path.",
            slot.display()
        );
    }
    Ok(())
}

/// The headless autosave: the game to `slot`, reporting (not hiding) a failure.
fn autosaver(slot: Option<PathBuf>, level_path: PathBuf) -> Result<impl FnMut(&Game)> {
    let hash = match &slot {
        Some(_) => save::level_hash(&level_path).context("reading the level to save it")?,
        None => String::new(),
    };
    Ok(move |game: &Game| {
        if let Some(slot) = &slot
            && let Err(e) = save::write(slot, &SaveFile::of(game, &level_path, hash.clone()))
        {
            eprintln!("scored: could not save to {}: {e}", slot.display());
        }
    })
}

pub fn play_headless(start: &Start, slot: Option<PathBuf>, report: Option<PathBuf>) -> Result<()> {
    let level = load_level(&start.level)?;
    check_persona(&level, start.persona.as_deref())?;
    if let Some(slot) = &slot {
        refuse_to_overwrite(slot)?;
    }
    let mut autosave = autosaver(slot, level_path(&start.level))?;
    let (mut game, opening) = Game::new(level, start.persona.as_deref(), start.seed)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    headless::run(&mut game, &opening, stdin.lock(), &mut out, &mut autosave)
        .context("writing to standard output")?;
    if let Some(dir) = report
        && game.is_over()
    {
        let written = crate::classroom::write_report(&dir, &game).context("writing the report")?;
        for p in written {
            writeln!(out, "Report written: {}", p.display())?;
        }
    }
    out.flush()?;
    Ok(())
}

/// `scored report SAVE`: the debrief of a saved game, and its report files.
pub fn report(save: &Path, out: Option<PathBuf>) -> Result<()> {
    let resumed = save::resume(save, Path::new("levels"))
        .map_err(|e| anyhow::anyhow!("the save {} {e}; it is kept as it is", save.display()))?;
    let game = resumed.game;
    if !game.is_over() {
        println!(
            "This game is not finished (day {}); the debrief covers the days played.",
            game.state().day
        );
    }
    print!("{}", crate::classroom::debrief_text(&game));
    let dir = out.unwrap_or_else(|| PathBuf::from("saves/reports"));
    for p in crate::classroom::write_report(&dir, &game).context("writing the report")? {
        println!("Report written: {}", p.display());
    }
    Ok(())
}

/// `scored class`: reports and codes merged into the class summary.
pub fn class(paths: &[PathBuf], codes: Option<&Path>, markdown: Option<&Path>) -> Result<()> {
    use crate::classroom::{Class, ClassEntry, Report, decode};
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let mut code_lines: Vec<(String, String)> = Vec::new();
    for p in paths {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        if let Some(d) = crate::check::unsafe_text("", &text).first() {
            problems.push(format!(
                "{}:{}:{}: {}",
                p.display(),
                d.line,
                d.col,
                d.message
            ));
            continue;
        }
        if text.trim_start().starts_with('{') {
            match serde_json::from_str::<Report>(&text) {
                Ok(r) => entries.push(ClassEntry::Report(r)),
                Err(e) => problems.push(format!("{}: not a Scored report ({e})", p.display())),
            }
        } else {
            code_lines.extend(
                text.lines()
                    .enumerate()
                    .map(|(i, l)| (format!("{}:{}", p.display(), i + 1), l.to_string())),
            );
        }
    }
    if let Some(c) = codes {
        let text =
            std::fs::read_to_string(c).with_context(|| format!("reading {}", c.display()))?;
        if let Some(d) = crate::check::unsafe_text("", &text).first() {
            bail!("{}:{}:{}: {}", c.display(), d.line, d.col, d.message);
        }
        code_lines.extend(
            text.lines()
                .enumerate()
                .map(|(i, l)| (format!("{}:{}", c.display(), i + 1), l.to_string())),
        );
    }
    for (at, line) in code_lines {
        // A pasted line may carry a name or a bullet before the code.
        let Some(start) = line.find("SCORED1~") else {
            if !line.trim().is_empty() {
                problems.push(format!("{at}: no result code on this line"));
            }
            continue;
        };
        let code = line[start..].split_whitespace().next().unwrap_or("");
        match decode(code) {
            Ok(s) => entries.push(ClassEntry::Code(s)),
            Err(e) => problems.push(format!("{at}: {e}")),
        }
    }
    if entries.is_empty() {
        for p in &problems {
            eprintln!("{p}");
        }
        bail!("no reports or result codes to summarise");
    }
    let class = Class { entries };
    print!("{}", class.text());
    for p in &problems {
        println!("skipped {p}");
    }
    if let Some(md) = markdown {
        std::fs::write(md, class.markdown())
            .with_context(|| format!("writing {}", md.display()))?;
        println!("Markdown written: {}", md.display());
    }
    Ok(())
}

pub fn resume_headless(path: &Path) -> Result<()> {
    let resumed = save::resume(path, Path::new("levels"))
        .map_err(|e| anyhow::anyhow!("the save {} {e}; it is kept as it is", path.display()))?;
    if resumed.level_changed {
        eprintln!(
            "scored: warning: {} changed since this game was saved; continuing on the new version",
            resumed.level_path.display()
        );
    }
    let mut game = resumed.game;
    let mut autosave = autosaver(Some(path.to_path_buf()), resumed.level_path)?;
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    if game.is_over() {
        writeln!(out, "This game is over.")?;
        return Ok(());
    }
    headless::resume(&mut game, stdin.lock(), &mut out, &mut autosave)
        .context("writing to standard output")?;
    out.flush()?;
    Ok(())
}
