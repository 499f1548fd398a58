//! `scored serve` started for real on 127.0.0.1, and the system's OpenSSH client connecting
//! to it in a pseudo-terminal, read back through a terminal emulator.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

/// A running `scored serve --no-dashboard`.
pub struct Server {
    pub child: Child,
    pub port: u16,
    pub class: PathBuf,
    /// Every line the server wrote to standard error.
    pub log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// `scored serve LEVEL --seed SEED` on a free port of 127.0.0.1 (`--port 0`), the port read
    /// back from its banner.
    pub fn start(class: &Path, level: &str, seed: u64, password: Option<&str>) -> Server {
        Server::start_with(class, level, seed, password, &[])
    }

    /// The same, with more arguments.
    pub fn start_with(
        class: &Path,
        level: &str,
        seed: u64,
        password: Option<&str>,
        more: &[&str],
    ) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_scored"));
        cmd.args(["serve", level, "--seed", &seed.to_string()])
            .args(more)
            .args(["--bind", "127.0.0.1", "--port", "0", "--no-dashboard"])
            .arg("--class")
            .arg(class)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(p) = password {
            cmd.args(["--password", p]);
        }
        let mut child = cmd.spawn().expect("scored serve starts");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let l = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(addr) = line.strip_prefix("scored serve: listening on ") {
                    let _ = tx.send(addr.rsplit(':').next().unwrap().parse::<u16>().unwrap());
                }
                l.lock().unwrap().push(line);
            }
        });
        let port = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the server says where it listens");
        Server {
            child,
            port,
            class: class.to_path_buf(),
            log,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits until a log line contains `text`.
    pub fn wait_log(&self, text: &str, secs: u64) -> String {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if let Some(l) = self.log.lock().unwrap().iter().find(|l| l.contains(text)) {
                return l.clone();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "`{text}` never logged; the log was:\n{}",
            self.log.lock().unwrap().join("\n")
        );
    }

    pub fn count_log(&self, text: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(text))
            .count()
    }

    /// SIGTERM, and the exit.
    pub fn stop(&mut self) -> std::process::ExitStatus {
        // SAFETY: a signal to our own child.
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGTERM);
        }
        self.child.wait().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An OpenSSH client in a pseudo-terminal.
pub struct Client {
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    _askpass: tempfile::TempDir,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Client {
    /// `ssh -p PORT USER@127.0.0.1`, the password (if any) given by SSH_ASKPASS.
    pub fn connect(port: u16, user: &str, password: Option<&str>, args: &[&str]) -> Client {
        let (cols, rows) = (100, 30);
        let askpass = tempfile::tempdir().unwrap();
        let script = askpass.path().join("askpass.sh");
        std::fs::write(
            &script,
            format!("#!/bin/sh\necho '{}'\n", password.unwrap_or("")),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        let pair = native_pty_system().openpty(size(cols, rows)).unwrap();
        let mut cmd = CommandBuilder::new("ssh");
        cmd.args(["-p", &port.to_string()]);
        for opt in [
            "StrictHostKeyChecking=no",
            "UserKnownHostsFile=/dev/null",
            "GlobalKnownHostsFile=/dev/null",
            "LogLevel=ERROR",
            "PubkeyAuthentication=no",
            "KbdInteractiveAuthentication=no",
            "GSSAPIAuthentication=no",
            "NumberOfPasswordPrompts=1",
            "BatchMode=no",
        ] {
            cmd.args(["-o", opt]);
        }
        cmd.args(["-F", "/dev/null"]);
        cmd.arg(format!("{user}@127.0.0.1"));
        cmd.args(args);
        cmd.env("SSH_ASKPASS", &script);
        cmd.env("SSH_ASKPASS_REQUIRE", "force");
        cmd.env("DISPLAY", ":0");
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("ssh starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let p = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        Client {
            child,
            master: pair.master,
            writer,
            parser,
            _askpass: askpass,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, text: &str, secs: u64) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!(
            "`{text}` never appeared; the screen was:\n{}",
            self.screen()
        );
    }

    pub fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master.resize(size(cols, rows)).unwrap();
    }

    /// The client's exit code, waiting at most `secs`.
    pub fn wait_exit(&mut self, secs: u64) -> Option<u32> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.exit_code());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// Quits the game with `q` (confirming with `y` when it asks), past any pop-up; the
    /// client's exit code.
    pub fn quit(&mut self) -> Option<u32> {
        for _ in 0..5 {
            self.keys("q");
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(2) {
                if self.screen().contains("n/Esc") {
                    self.keys("y");
                    return self.wait_exit(20);
                }
                if let Ok(Some(status)) = self.child.try_wait() {
                    return Some(status.exit_code());
                }
                std::thread::sleep(Duration::from_millis(30));
            }
        }
        None
    }

    /// Plays the days until `until_day` begins (the intro first, if it shows), or to the end
    /// of the level with `None`: `n` ends each day, any key goes past each summary.
    pub fn play_days(&mut self, until_day: Option<u32>, secs: u64) {
        let start = Instant::now();
        let mut last = String::new();
        let mut same_since = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            let screen = self.screen();
            if screen != last {
                last = screen.clone();
                same_since = Instant::now();
            }
            if same_since.elapsed() < Duration::from_millis(150) {
                // Let the screen settle before reading it: a redraw may be half done.
                std::thread::sleep(Duration::from_millis(30));
                continue;
            }
            if screen.contains("export report") {
                assert!(until_day.is_none(), "the level ended early:\n{screen}");
                return;
            }
            if let Some(day) = until_day
                && screen.contains(&format!("Day {day} of"))
                && screen.contains("n end day")
            {
                return;
            }
            if screen.contains("y: yes") {
                // "End day N?" with actions or events left: yes.
                self.keys("y");
            } else if screen.contains("any key") {
                self.keys(" ");
            } else if screen.contains("n end day") {
                self.keys("n");
            } else if screen.contains("Enter play as") || screen.contains("Enter begins day 1") {
                self.keys("\r");
            } else {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
            // The key's answer, before the next look.
            let start = Instant::now();
            while self.screen() == last && start.elapsed() < Duration::from_secs(3) {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        panic!("the days did not go by; the screen was:\n{}", self.screen());
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// The report files of `name` in the class folder.
pub fn reports(class: &Path, stem: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(class.join("reports"))
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_stem().is_some_and(|s| s.to_string_lossy() == stem))
        .collect();
    found.sort();
    found
}

/// The day a save is on.
pub fn saved_day(save: &Path) -> u32 {
    scored::save::SaveFile::read(save)
        .expect("a readable save")
        .day
}

/// Whether OpenSSH's client is here (`.ci/run` installs it).
pub fn have_ssh() -> bool {
    Command::new("ssh")
        .arg("-V")
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
