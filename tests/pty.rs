//! The real binary in a pseudo-terminal, read back through a terminal emulator: it starts,
//! plays, redraws on resize, and always gives the terminal back — on quit, on a panic and
//! on SIGTERM.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    tty: Option<PathBuf>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn spawn(args: &[&str], env: &[(&str, &str)]) -> Session {
    // Saves go to a folder of the test's own, not the player's.
    let saves = tempfile::tempdir().unwrap().keep();
    spawn_in(Path::new(env!("CARGO_MANIFEST_DIR")), &saves, args, env)
}

/// The binary started in `cwd` (where it looks for `levels/`), saving into `saves`.
fn spawn_in(cwd: &Path, saves: &Path, args: &[&str], env: &[(&str, &str)]) -> Session {
    let pair = native_pty_system().openpty(size(80, 24)).expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_scored"));
    cmd.args(args);
    cmd.arg("--saves-dir");
    cmd.arg(saves);
    cmd.cwd(cwd);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = pair.slave.spawn_command(cmd).expect("the binary starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    let tty = pair.master.tty_name();
    let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
    let raw = Arc::new(Mutex::new(Vec::new()));
    let (p, r) = (parser.clone(), raw.clone());
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            p.lock().unwrap().process(&buf[..n]);
            r.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    Session {
        master: pair.master,
        child,
        writer,
        parser,
        raw,
        tty,
    }
}

impl Session {
    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "`{text}` never appeared; the screen was:\n{}",
            self.screen()
        );
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
        self.master.resize(size(cols, rows)).unwrap();
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("the binary did not exit");
    }

    /// Sends a signal; the game must end on it and give the terminal back.
    fn killed_by(&mut self, signal: &str) {
        let pid = self.child.process_id().expect("a pid");
        Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .unwrap();
        assert!(!self.wait_exit().success());
        self.assert_restored();
    }

    /// The terminal is back to normal: the alternate screen left, line mode and echo on.
    fn assert_restored(&self) {
        let raw = self.raw.lock().unwrap().clone();
        let text = String::from_utf8_lossy(&raw);
        let entered = text
            .rfind("\u{1b}[?1049h")
            .expect("the game used the alternate screen");
        let left = text
            .rfind("\u{1b}[?1049l")
            .expect("the game left the alternate screen");
        assert!(
            left > entered,
            "the alternate screen was left after it was entered"
        );
        assert!(!self.parser.lock().unwrap().screen().alternate_screen());
        // The cursor is shown again: a show-cursor sequence after the last hide.
        let hidden = text.rfind("\u{1b}[?25l");
        let shown = text.rfind("\u{1b}[?25h");
        assert!(shown > hidden, "the cursor is left hidden");
        assert!(!self.parser.lock().unwrap().screen().hide_cursor());
        if let Some(tty) = &self.tty {
            let stty = Command::new("stty")
                .arg("-a")
                .stdin(std::fs::File::open(tty).unwrap())
                .output()
                .expect("stty runs");
            let modes = String::from_utf8_lossy(&stty.stdout);
            assert!(!modes.contains("-icanon"), "raw mode left on: {modes}");
            assert!(!modes.contains("-echo "), "echo left off: {modes}");
        }
    }
}

#[test]
fn start_play_a_day_resize_and_quit() {
    let mut s = spawn(
        &[
            "play",
            "tests/fixtures/mini.ron",
            "--seed",
            "3",
            "--persona",
            "student",
        ],
        &[],
    );
    // A class seed was given: the game asks for a name first; q and e are letters here.
    s.wait_for("Your name for the class report");
    s.keys("Li qex\x7f");
    s.wait_for("> Li qe_");
    s.keys("\r");
    s.wait_for("Enter begins day 1");
    s.keys("\r");
    s.wait_for("Day 1 of 6");
    s.keys("\r");
    s.wait_for("Buy Game?");
    s.keys("y");
    s.wait_for("Bought Game");
    s.keys("n");
    s.wait_for("End day 1?");
    s.keys("y");
    s.wait_for("Overnight");
    s.keys("x");
    s.wait_for("Day 2 of 6");
    s.resize(60, 20);
    s.wait_for("too small: need 80×24, have 60×20");
    s.resize(120, 40);
    s.wait_for("Perks & sanctions");
    s.keys("q");
    s.wait_for("The day is not finished");
    s.keys("y");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

/// `--no-save` in the full-screen game: a day played, the game quit, nothing written.
#[test]
fn no_save_keeps_no_save_in_the_full_screen_game_too() {
    let saves = tempfile::tempdir().unwrap();
    let args = [
        "play",
        "tests/fixtures/mini.ron",
        "--persona",
        "student",
        "--no-save",
    ];
    let mut s = spawn_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        saves.path(),
        &args,
        &[],
    );
    s.wait_for("Enter begins day 1");
    s.keys("\r");
    s.wait_for("Day 1 of 6");
    s.keys("n");
    s.wait_for("End day 1?");
    s.keys("y");
    s.wait_for("Overnight");
    s.keys("x");
    s.wait_for("Day 2 of 6");
    s.keys("q");
    s.wait_for("The day is not finished");
    s.keys("y");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let written: Vec<_> = std::fs::read_dir(saves.path()).unwrap().collect();
    assert!(written.is_empty(), "{written:?}");
}

#[test]
fn the_title_screen_lists_the_shipped_levels() {
    let mut s = spawn(&[], &[]);
    s.wait_for("Levels");
    s.wait_for("Mandatory");
    s.keys("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// A named pipe, a link to `/dev/zero` and a huge sparse file among the levels and the saves:
/// the title screen still appears, the level listed as broken, the save as unreadable.
#[test]
fn the_title_screen_appears_despite_a_pipe_a_device_and_a_huge_file() {
    let place = tempfile::tempdir().unwrap();
    let levels = place.path().join("levels");
    let saves = place.path().join("saves");
    for dir in [&levels, &saves] {
        std::fs::create_dir(dir).unwrap();
        assert!(
            Command::new("mkfifo")
                .arg(dir.join("pipe.ron"))
                .status()
                .unwrap()
                .success()
        );
        std::os::unix::fs::symlink("/dev/zero", dir.join("zero.ron")).unwrap();
        let huge = std::fs::File::create(dir.join("huge.ron")).unwrap();
        huge.set_len(2 << 30).unwrap();
    }
    std::fs::copy("levels/tutorial.ron", levels.join("tutorial.ron")).unwrap();
    let mut s = spawn_in(place.path(), &saves, &[], &[]);
    s.wait_for("Levels");
    s.wait_for("pipe (broken)");
    s.wait_for("zero (broken)");
    s.wait_for("huge (broken)");
    // Up wraps to the last save; the list scrolls to it.
    s.keys("\x1b[A");
    s.wait_for("pipe (unreadable)");
    s.keys("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn sigterm_gives_the_terminal_back() {
    let mut s = spawn(
        &["play", "tests/fixtures/mini.ron", "--persona", "student"],
        &[],
    );
    s.wait_for("Enter begins day 1");
    s.killed_by("-TERM");
}

#[test]
fn a_panic_gives_the_terminal_back() {
    let mut s = spawn(
        &["play", "tests/fixtures/mini.ron"],
        &[("SCORED_TEST_PANIC", "1")],
    );
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(
        raw.contains("SCORED_TEST_PANIC is set"),
        "the panic message is shown"
    );
}

/// CPU ticks (user + system) the process has used, from /proc.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

#[test]
fn idle_on_the_main_screen_uses_no_cpu() {
    let mut s = spawn(
        &["play", "tests/fixtures/mini.ron", "--persona", "student"],
        &[],
    );
    s.wait_for("Enter begins day 1");
    s.keys("\r");
    s.wait_for("Day 1 of 6");
    let pid = s.child.process_id().unwrap();
    let Some(before) = cpu_ticks(pid) else {
        s.keys("\u{3}");
        return; // no /proc here: nothing to measure
    };
    std::thread::sleep(Duration::from_millis(1500));
    let after = cpu_ticks(pid).unwrap();
    assert!(
        after - before <= 1,
        "the game used {} ticks while idle",
        after - before
    );
    s.keys("\u{3}");
    assert!(s.wait_exit().success(), "Ctrl-C quits");
    s.assert_restored();
}

#[test]
fn sighup_gives_the_terminal_back() {
    let mut s = spawn(
        &["play", "tests/fixtures/mini.ron", "--persona", "student"],
        &[],
    );
    s.wait_for("Enter begins day 1");
    s.keys("\r");
    s.wait_for("Day 1 of 6");
    s.killed_by("-HUP");
}

/// The terminal window closes under the game: it must end, not spin or hang.
#[test]
fn a_closed_terminal_ends_the_game() {
    let pair = native_pty_system().openpty(size(80, 24)).expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_scored"));
    cmd.args(["play", "tests/fixtures/mini.ron", "--persona", "student"]);
    cmd.arg("--saves-dir");
    cmd.arg(tempfile::tempdir().unwrap().keep());
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).expect("the binary starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("Enter begins day 1") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "the game drew its first screen");
        seen.extend_from_slice(&buf[..n]);
    }
    // Closing every handle on the master side is what closing the window does.
    drop(reader);
    drop(pair.master);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    panic!("the game outlived its terminal");
}

/// A terminal that cannot draw a screen gets the line-based game.
#[test]
fn term_dumb_plays_line_by_line() {
    let mut s = spawn(&["play", "tests/fixtures/mini.ron"], &[("TERM", "dumb")]);
    s.wait_for("Day 1 of 6");
    s.keys("status\r");
    s.keys("quit\r");
    assert!(s.wait_exit().success());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(
        !raw.contains("\u{1b}["),
        "no escape sequences on a dumb terminal"
    );
    assert!(raw.contains("You leave the game on day 1"), "{raw}");
}

/// Random bytes typed at random sizes through the real binary: it keeps running or ends
/// cleanly, and the terminal comes back either way. `SCORED_PTY_MONKEY_KEYS` sets the count.
#[test]
fn random_typing_in_a_real_terminal() {
    use rand::rngs::ChaCha8Rng;
    use rand::{RngExt, SeedableRng};
    let keys: usize = std::env::var("SCORED_PTY_MONKEY_KEYS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400);
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let typed = [
        "\r", " ", "\t", "\u{1b}[Z", "\u{1b}[A", "\u{1b}[B", "\u{1b}[C", "\u{1b}[D", "\u{1b}", "j",
        "k", "h", "l", "n", "y", "?", "i", "e", "x", "\u{7f}", "é", "李",
    ];
    let mut s = spawn(&["play", "tests/fixtures/mini.ron"], &[]);
    s.wait_for("Who are you?");
    let mut restarts = 0;
    for i in 0..keys {
        if i % 100 == 99 {
            let (cols, rows) = (rng.random_range(10..=200), rng.random_range(5..=60));
            s.resize(cols, rows);
        }
        let key = typed[rng.random_range(0..typed.len())];
        s.writer.write_all(key.as_bytes()).unwrap();
        s.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(3));
        // Esc and `y` can quit for real: that must be a clean exit, then play again.
        if let Some(status) = s.child.try_wait().unwrap() {
            std::thread::sleep(Duration::from_millis(100));
            assert!(status.success(), "a clean exit after {i} keys");
            s.assert_restored();
            s = spawn(&["play", "tests/fixtures/mini.ron"], &[]);
            s.wait_for("Who are you?");
            restarts += 1;
        }
    }
    eprintln!("{keys} keys typed, {restarts} clean quits on the way");
    s.keys("\u{3}");
    assert!(s.wait_exit().success(), "Ctrl-C still quits");
    s.assert_restored();
}

#[test]
fn no_color_draws_without_colour_codes() {
    let mut s = spawn(
        &["play", "tests/fixtures/mini.ron", "--persona", "student"],
        &[("NO_COLOR", "1")],
    );
    s.wait_for("Enter begins day 1");
    s.keys("\r");
    s.wait_for("Day 1 of 6");
    s.keys("\u{3}");
    assert!(s.wait_exit().success());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(!raw.contains("[38;"), "no foreground colour codes");
    assert!(raw.contains("\u{1b}[7m"), "the selection in reverse video");
    s.assert_restored();
}
