//! Starting and resuming games from the command line: finding the level, choosing the mode,
//! and saving as play goes on. The edge where files and terminals meet the game.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};

use crate::levels::Shelf;

/// The shipped levels in the order a newcomer should meet them (the title screen's order;
/// other levels follow by name).
pub const SHIPPED: &[&str] = &[
    "tutorial",
    "opt-in",
    "mandatory",
    "coupled-income",
    "black-box",
    "peer-prestige",
    "peoples-ledger",
    "plain-credit",
];
use crate::game::{Game, Level};
use crate::headless;
use crate::save::{self, SaveFile, Store};
use crate::tui::{self, App, theme::Theme};

/// Where a new game starts.
pub struct Start {
    pub level: String,
    pub seed: u64,
    pub persona: Option<String>,
    /// The player's name for the report (`--name`).
    pub name: Option<String>,
    /// A class seed was given (`--seed`): the full-screen game asks for a name.
    pub ask_name: bool,
}

impl Start {
    pub fn tutorial() -> Start {
        Start {
            level: "tutorial".into(),
            seed: 1,
            persona: None,
            name: None,
            ask_name: false,
        }
    }
}

/// A LEVEL argument (an id or a path) to the path of the level it names, on `shelf` (see
/// `levels` for the order); a pseudo-path for a built-in level.
pub fn level_path(shelf: &Shelf, level: &str) -> Result<PathBuf> {
    shelf.resolve(level).with_context(|| {
        let folders: Vec<String> = shelf
            .folders
            .iter()
            .map(|f| format!("{}/{level}.ron", f.display()))
            .collect();
        format!(
            "no level `{level}` (looked for {} and among the built-in levels); \
             `scored levels` lists them; a path to a .ron file works too",
            folders.join(", ")
        )
    })
}

pub fn load_level(shelf: &Shelf, level: &str) -> Result<Arc<Level>> {
    let path = level_path(shelf, level)?;
    match crate::levels::load(&path) {
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

/// The title screen's levels: every level on the shelf, built in or a file.
fn catalog(shelf: &Shelf) -> Vec<tui::Entry> {
    shelf
        .load_all()
        .into_iter()
        .map(|(l, level)| tui::Entry {
            id: l.id,
            path: l.path,
            level,
        })
        .collect()
}

fn app(shelf: &Shelf, saves: Option<PathBuf>, seed: u64) -> Result<App> {
    let store = Store::locate(saves).context("finding a folder for saves")?;
    Ok(App::new(catalog(shelf), theme(), seed).with_saves(store))
}

pub fn title_screen(shelf: &Shelf, saves: Option<PathBuf>) -> Result<()> {
    need_terminal()?;
    tui::run(app(shelf, saves, 1)?).context("running the terminal interface")
}

pub fn play_tui(shelf: &Shelf, start: &Start, save_to: SaveTo, watch: bool) -> Result<()> {
    let level = load_level(shelf, &start.level)?;
    let path = level_path(shelf, &start.level)?;
    if watch && crate::levels::built_in_id(&path).is_some() {
        bail!(
            "`{}` is built in, so there is no file to watch; \
             `scored new-level NAME --from {}` copies it into levels/",
            start.level,
            level.id
        );
    }
    check_persona(&level, start.persona.as_deref())?;
    let (saves, slot, keep) = match save_to {
        SaveTo::File(file) => (None, Some(file), true),
        SaveTo::Folder(saves) => (saves, None, true),
        SaveTo::Nowhere => (None, None, false),
    };
    if let Some(slot) = &slot {
        refuse_to_overwrite(slot)?;
    }
    need_terminal()?;
    let mut app = match keep {
        true => app(shelf, saves, start.seed)?,
        false => App::new(catalog(shelf), theme(), start.seed),
    };
    app.name = start.name.clone();
    app.ask_name = start.ask_name && start.name.is_none();
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

pub fn resume_tui(
    shelf: &Shelf,
    path: &Path,
    saves: Option<PathBuf>,
    name: Option<String>,
) -> Result<()> {
    need_terminal()?;
    let mut app = app(shelf, saves, 1)?;
    app.name = name;
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

/// Where headless play saves: `--save FILE`, else a new slot in the saves folder like the
/// full-screen game's, or nowhere with `--no-save`.
pub enum SaveTo {
    File(PathBuf),
    Folder(Option<PathBuf>),
    Nowhere,
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

pub fn play_headless(
    shelf: &Shelf,
    start: &Start,
    save_to: SaveTo,
    report: Option<PathBuf>,
) -> Result<()> {
    let level = load_level(shelf, &start.level)?;
    check_persona(&level, start.persona.as_deref())?;
    let (mut game, opening) = Game::new(level, start.persona.as_deref(), start.seed)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    game.set_name(start.name.clone());
    let slot = match save_to {
        SaveTo::File(slot) => {
            refuse_to_overwrite(&slot)?;
            Some(slot)
        }
        SaveTo::Folder(dir) => {
            let store = Store::locate(dir).context("finding a folder for saves")?;
            let slot = store.new_slot(&game.level().id, &game.state().persona);
            // Said on stderr, where it does not mix with the game's own lines.
            eprintln!(
                "scored: saving to {} after every day (`scored resume {0} --headless` goes on; --no-save keeps no save)",
                slot.display()
            );
            Some(slot)
        }
        SaveTo::Nowhere => None,
    };
    let mut autosave = autosaver(slot, level_path(shelf, &start.level)?)?;
    // The slot is taken at once, so an interrupted first day is not lost either.
    autosave(&game);
    let mut out = BufWriter::new(io::stdout().lock());
    let stdin = headless::Stdin::new();
    headless::run(&mut game, &opening, stdin, &mut out, &mut autosave)
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

/// `scored report SAVE`: the debrief of a saved game, and its report files (into `out`, else
/// the saves folder's `reports`). `name` names the player in the report, not in the save.
pub fn report(
    shelf: &Shelf,
    save: &Path,
    out: Option<PathBuf>,
    saves: Option<PathBuf>,
    name: Option<String>,
) -> Result<()> {
    let resumed = save::resume_on(save, shelf)
        .map_err(|e| anyhow::anyhow!("the save {} {e}; it is kept as it is", save.display()))?;
    let mut game = resumed.game;
    if name.is_some() {
        game.set_name(name);
    }
    if !game.is_over() {
        println!(
            "This game is not finished (day {}); the debrief covers the days played.",
            game.state().day
        );
    }
    print!("{}", crate::classroom::debrief_text(&game));
    let dir = match out {
        Some(dir) => dir,
        None => Store::locate(saves)
            .context("finding a folder for saves")?
            .dir
            .join("reports"),
    };
    for p in crate::classroom::write_report(&dir, &game).context("writing the report")? {
        println!("Report written: {}", p.display());
    }
    Ok(())
}

/// `scored class`: reports and codes (files, folders, pasted lines) merged into the class
/// summary. A bad entry is reported and the rest are read on.
pub fn class(
    paths: &[PathBuf],
    codes: Option<&Path>,
    markdown: Option<&Path>,
    all: bool,
) -> Result<()> {
    use crate::classroom::{Class, read_class};
    let mut class = Class::of(read_class(paths, codes));
    class.all_decisions = all;
    if class.entries.is_empty() {
        for l in std::iter::once(class.header()).chain(class.skipped()) {
            eprintln!("{l}");
        }
        bail!("no reports or result codes to summarise");
    }
    print!("{}", class.text());
    if let Some(md) = markdown {
        std::fs::write(md, class.markdown())
            .with_context(|| format!("writing {}", md.display()))?;
        println!("Markdown written: {}", md.display());
    }
    Ok(())
}

pub fn resume_headless(shelf: &Shelf, path: &Path, name: Option<String>) -> Result<()> {
    let resumed = save::resume_on(path, shelf)
        .map_err(|e| anyhow::anyhow!("the save {} {e}; it is kept as it is", path.display()))?;
    if resumed.level_changed {
        eprintln!(
            "scored: warning: {} changed since this game was saved; continuing on the new version",
            resumed.level_path.display()
        );
    }
    let mut game = resumed.game;
    if name.is_some() {
        game.set_name(name);
    }
    let mut autosave = autosaver(Some(path.to_path_buf()), resumed.level_path)?;
    let stdin = headless::Stdin::new();
    let mut out = BufWriter::new(io::stdout().lock());
    if game.is_over() {
        writeln!(out, "This game is over.")?;
        return Ok(());
    }
    headless::resume(&mut game, stdin, &mut out, &mut autosave)
        .context("writing to standard output")?;
    out.flush()?;
    Ok(())
}
