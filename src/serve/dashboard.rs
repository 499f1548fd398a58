//! The teacher's dashboard while the server runs: who is connected, each student's day, score
//! and self, a score-against-self scatter, the endings so far and the obedience spread, drawn
//! to be projected. `s` writes the class summary, `q` stops the server after asking.

mod view;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use super::Banner;
use super::roster::Roster;
use super::watch::{ClassView, Watcher};
use crate::game::Level;
use crate::tui::theme::Theme;

pub use view::render;

/// Everything the dashboard shows: plain data, drawn by [`render`].
#[derive(Debug, Clone)]
pub struct Board {
    pub theme: Theme,
    pub level_title: String,
    pub seed: u64,
    /// What students type, e.g. `ssh -p 2222 NAME@192.168.1.20`.
    pub how_to_join: String,
    pub view: ClassView,
    /// The latest server events, newest first.
    pub log: Vec<String>,
    pub notice: Option<String>,
    /// Asking whether to stop the server.
    pub confirm: bool,
}

impl Board {
    pub fn new(banner: &Banner, level: &Level, theme: Theme) -> Board {
        Board {
            theme,
            level_title: level.title.clone(),
            seed: banner.seed,
            how_to_join: banner.how_to_join(),
            view: ClassView::default(),
            log: Vec::new(),
            notice: None,
            confirm: false,
        }
    }
}

/// `scored class CLASS/reports --markdown CLASS/summary.md`, and its text into summary.txt.
pub fn write_summary(class: &Path) -> Result<String> {
    use crate::classroom::{Class, read_class};
    let reports = class.join("reports");
    let summary = Class::of(read_class(std::slice::from_ref(&reports), None));
    if summary.entries.is_empty() {
        return Ok("No reports yet: nothing to summarise.".into());
    }
    let md = class.join("summary.md");
    let txt = class.join("summary.txt");
    std::fs::write(&md, summary.markdown()).with_context(|| format!("writing {}", md.display()))?;
    std::fs::write(&txt, summary.text()).with_context(|| format!("writing {}", txt.display()))?;
    Ok(format!(
        "Summary of {} report(s) written: {} and {}",
        summary.entries.len(),
        md.display(),
        txt.display()
    ))
}

pub fn run(roster: &Roster, banner: &Banner, level: Arc<Level>) -> Result<()> {
    let theme = Theme::from_env(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()));
    let mut board = Board::new(banner, &level, theme);
    let mut watcher = Watcher::new(&banner.class, level, banner.seed);
    let stop = Arc::new(AtomicBool::new(false));
    {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        signal_hook::flag::register(SIGTERM, stop.clone())?;
        signal_hook::flag::register(SIGHUP, stop.clone())?;
    }
    ratatui::crossterm::style::force_color_output(true);
    let mut terminal = ratatui::try_init().context("taking over the terminal")?;
    let result = (|| -> Result<()> {
        let mut read_at = Instant::now() - Duration::from_secs(5);
        while !stop.load(Ordering::Relaxed) {
            if read_at.elapsed() >= Duration::from_secs(1) {
                let connected = roster.seats().into_keys().collect();
                board.view = watcher.read(&connected);
                board.log = roster.recent(4).into_iter().map(|(_, l)| l).collect();
                read_at = Instant::now();
            }
            terminal.draw(|f| render(f, &board))?;
            if !event::poll(Duration::from_millis(500))? {
                continue;
            }
            let Event::Key(key) = event::read()? else {
                continue;
            };
            if key.kind != KeyEventKind::Press {
                continue;
            }
            let ctrl_c =
                key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
            if board.confirm {
                if key.code == KeyCode::Char('y') || ctrl_c {
                    return Ok(());
                }
                board.confirm = false;
                continue;
            }
            match key.code {
                KeyCode::Char('q') | KeyCode::Esc => board.confirm = true,
                _ if ctrl_c => board.confirm = true,
                KeyCode::Char('s') => {
                    board.notice = Some(match write_summary(&banner.class) {
                        Ok(said) => said,
                        Err(e) => format!("The summary could not be written: {e:#}"),
                    });
                }
                _ => {}
            }
        }
        Ok(())
    })();
    ratatui::restore();
    result
}
