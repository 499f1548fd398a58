//! One student's game: this same binary (`scored play …` or `scored resume …`) in its own
//! process under a pseudo-terminal, the ordinary synchronous program. Its output is read on a
//! thread of its own and handed to the SSH session; keys go the other way.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use anyhow::{Context, Result};
use portable_pty::{ChildKiller, CommandBuilder, MasterPty, PtySize};
use tokio::sync::{mpsc, oneshot};

use crate::save::SaveFile;

/// What every student's game is started with.
#[derive(Debug, Clone)]
pub struct Launch {
    /// This binary.
    pub exe: PathBuf,
    /// The LEVEL argument for the child: an absolute path or `built-in:ID`.
    pub level: String,
    pub level_id: String,
    pub seed: u64,
    /// The same persona for everyone, or each student chooses.
    pub persona: Option<String>,
    /// The class folder (absolute): saves in it, reports in its `reports/`.
    pub class: PathBuf,
}

impl Launch {
    /// The student's save: `LEVEL-SEED-NAME.ron` in the class folder.
    pub fn save_path(&self, name: &str) -> PathBuf {
        self.class.join(format!(
            "{}-{}-{}.ron",
            self.level_id,
            self.seed,
            file_part(name)
        ))
    }

    /// `resume` when the student has a save, else `play` into that save.
    pub fn command(&self, name: &str, term: &str) -> CommandBuilder {
        let save = self.save_path(name);
        let mut cmd = CommandBuilder::new(&self.exe);
        if save.exists() {
            cmd.arg("resume");
            cmd.arg(&save);
        } else {
            cmd.args(["play", &self.level, "--seed", &self.seed.to_string()]);
            if let Some(p) = &self.persona {
                cmd.args(["--persona", p]);
            }
            cmd.arg("--save");
            cmd.arg(&save);
        }
        cmd.args(["--name", name]);
        cmd.arg("--saves-dir");
        cmd.arg(&self.class);
        // Nothing of the server's environment but what a terminal program needs.
        cmd.env_clear();
        cmd.env("TERM", term);
        cmd.env("LANG", "C.UTF-8");
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        cmd.cwd(&self.class);
        cmd
    }
}

/// A name as a part of a file name (names hold letters, digits, spaces, `-`, `_`).
pub fn file_part(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The SSH user name as a student's name: what is allowed of it (letters, digits, `-`, `_`),
/// at most 32 characters; `None` when nothing is left.
pub fn student_name(user: &str) -> Option<String> {
    let kept: String = user
        .chars()
        .map(|c| if c == '.' || c == ' ' { '_' } else { c })
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .take(32)
        .collect();
    let kept = kept.trim_matches(['-', '_']).to_string();
    (!kept.is_empty()).then_some(kept)
}

/// A terminal type from the client, or a safe default.
pub fn term(requested: &str) -> String {
    let ok = !requested.is_empty()
        && requested.len() <= 64
        && requested
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        requested.to_string()
    } else {
        "xterm-256color".to_string()
    }
}

/// The game's side that the SSH session holds: keys in, resizes, a way to stop it.
pub struct Controls {
    master: Mutex<Box<dyn MasterPty + Send>>,
    input: std::sync::mpsc::Sender<Vec<u8>>,
    killer: Mutex<Box<dyn ChildKiller + Send + Sync>>,
    pid: Option<u32>,
    pub last_input: Mutex<Instant>,
}

impl Controls {
    pub fn keys(&self, bytes: &[u8]) {
        *self.last_input.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
        let _ = self.input.send(bytes.to_vec());
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        let master = self.master.lock().unwrap_or_else(|e| e.into_inner());
        let _ = master.resize(size(cols, rows));
    }

    pub fn idle(&self) -> std::time::Duration {
        self.last_input
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .elapsed()
    }

    /// SIGHUP, as a terminal that went away: the game gives its terminal back and ends; its
    /// last save (the end of the previous day) stands.
    pub fn hang_up(&self) {
        let _ = self.killer.lock().unwrap_or_else(|e| e.into_inner()).kill();
    }

    /// SIGKILL, for a game that did not end on a hang-up.
    pub fn kill_hard(&self) {
        #[cfg(unix)]
        if let Some(pid) = self.pid.and_then(|p| i32::try_from(p).ok()) {
            // SAFETY: a plain signal to our own child's process id.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
        }
    }
}

/// A started game: its controls, its output, and its exit code when it ends.
pub struct Started {
    pub controls: Arc<Controls>,
    pub output: mpsc::Receiver<Vec<u8>>,
    pub exited: oneshot::Receiver<u32>,
}

pub fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows: rows.clamp(1, 500),
        cols: cols.clamp(1, 500),
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// Starts `cmd` under a new pseudo-terminal of `cols`×`rows`.
pub fn start(cmd: CommandBuilder, cols: u16, rows: u16) -> Result<Started> {
    let pair = portable_pty::native_pty_system()
        .openpty(size(cols, rows))
        .context("opening a pseudo-terminal")?;
    let child = pair.slave.spawn_command(cmd).context("starting the game")?;
    // Only the child keeps the terminal's other end: its reads end when the game does.
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader()?;
    let mut writer = pair.master.take_writer()?;
    let (out_tx, output) = mpsc::channel::<Vec<u8>>(8);
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if out_tx.blocking_send(buf[..n].to_vec()).is_err() {
                        break;
                    }
                }
            }
        }
    });
    let (in_tx, in_rx) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        for bytes in in_rx {
            if writer
                .write_all(&bytes)
                .and_then(|()| writer.flush())
                .is_err()
            {
                break;
            }
        }
    });
    let killer = child.clone_killer();
    let pid = child.process_id();
    let (exit_tx, exited) = oneshot::channel();
    let mut child = child;
    std::thread::spawn(move || {
        let code = child.wait().map_or(255, |s| s.exit_code());
        let _ = exit_tx.send(code);
    });
    Ok(Started {
        controls: Arc::new(Controls {
            master: Mutex::new(pair.master),
            input: in_tx,
            killer: Mutex::new(killer),
            pid,
            last_input: Mutex::new(Instant::now()),
        }),
        output,
        exited,
    })
}

/// After a game ends: when its save says the level is over, its report into the class
/// folder's `reports/` (the same files as `e` on the end screen; writing them again changes
/// nothing). Returns the ending and the files, or `None` for an unfinished game.
pub fn report_if_over(save: &Path, class: &Path) -> Option<(String, Vec<PathBuf>)> {
    let shelf = crate::levels::Shelf::of_folder(&class.join("levels"));
    let resumed = crate::save::resume_on(save, &shelf).ok()?;
    if !resumed.game.is_over() {
        return None;
    }
    let ending = resumed.game.state().ending.clone().unwrap_or_default();
    let written = crate::classroom::write_report(&class.join("reports"), &resumed.game).ok()?;
    Some((ending, written))
}

/// The day and whether it is over, from a save (for the log).
pub fn progress(save: &Path) -> Option<(u32, bool)> {
    let s = SaveFile::read(save).ok()?;
    Some((s.day, s.state.ending.is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssh_user_names_become_student_names() {
        assert_eq!(student_name("anna").as_deref(), Some("anna"));
        assert_eq!(student_name("ana.l").as_deref(), Some("ana_l"));
        assert_eq!(student_name("Zoë-2").as_deref(), Some("Zoë-2"));
        assert_eq!(student_name("../../etc").as_deref(), Some("etc"));
        assert_eq!(student_name("\u{1b}[31m").as_deref(), Some("31m"));
        assert_eq!(student_name("///"), None);
        assert_eq!(student_name(&"x".repeat(99)).map(|n| n.len()), Some(32));
        assert!(crate::classroom::parse_name(&student_name("a b.c").unwrap()).is_ok());
    }

    #[test]
    fn terminal_types_are_passed_only_when_plain() {
        assert_eq!(term("xterm-256color"), "xterm-256color");
        assert_eq!(term("screen.xterm"), "screen.xterm");
        assert_eq!(term("x;rm -rf"), "xterm-256color");
        assert_eq!(term(""), "xterm-256color");
    }
}
