//! `scored serve` with real clients: the system's OpenSSH client in a pseudo-terminal plays
//! on a server started on 127.0.0.1.

#[path = "support/ssh.rs"]
mod ssh;

use std::time::Duration;

use ssh::{Client, Server, have_ssh, reports, saved_day};

const PASSWORD: &str = "lantern";

fn server(level: &str, seed: u64) -> (tempfile::TempDir, Server) {
    assert!(
        have_ssh(),
        "OpenSSH's client is needed: install openssh-client"
    );
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    let server = Server::start(&class, level, seed, Some(PASSWORD));
    (dir, server)
}

#[test]
fn a_student_plays_a_level_to_its_end_and_the_report_lands() {
    let (_dir, mut server) = server("mandatory", 2026);
    let mut c = Client::connect(server.port, "anna", Some(PASSWORD), &[]);
    c.wait_for("Enter play as", 30);
    // The window's size reaches the game, and so does a resize.
    assert!(c.screen().lines().count() >= 29, "{}", c.screen());
    c.resize(120, 40);
    c.wait_for("Enter play as", 5);
    std::thread::sleep(Duration::from_millis(300));
    let wide = c.screen();
    assert!(
        wide.lines().any(|l| l.trim_end().chars().count() > 100),
        "the game did not redraw at 120 columns:\n{wide}"
    );
    c.play_days(None, 120);
    assert_eq!(c.quit(), Some(0), "{}", c.screen());
    server.wait_log("`anna` finished", 20);
    let files = reports(&server.class, "mandatory-2026-anna");
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "mandatory-2026-anna.code",
            "mandatory-2026-anna.json",
            "mandatory-2026-anna.md"
        ]
    );
    let json = std::fs::read_to_string(&files[1]).unwrap();
    assert!(json.contains("\"name\": \"anna\""), "{json}");
    // The same summary as `scored class` gives from the folder.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_scored"))
        .arg("class")
        .arg(server.class.join("reports"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 "));
    // The host key was made once, readable by the teacher alone.
    let key = server.class.join("host_key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    assert!(server.stop().success() || cfg!(not(unix)));
}

#[test]
fn a_wrong_password_is_refused_and_commands_are_not_run() {
    let (_dir, server) = server("tutorial", 1);
    let mut c = Client::connect(server.port, "eve", Some("not-the-password"), &[]);
    assert_eq!(c.wait_exit(30), Some(255), "{}", c.screen());
    assert!(c.screen().contains("Permission denied"), "{}", c.screen());
    server.wait_log("wrong password for `eve`", 5);
    assert!(!server.class.join("tutorial-1-eve.ron").exists());

    // The right password, but a command instead of the game: refused.
    let mut c = Client::connect(server.port, "eve", Some(PASSWORD), &["cat", "/etc/passwd"]);
    let code = c.wait_exit(30);
    assert_ne!(code, Some(0), "{}", c.screen());
    assert!(!c.screen().contains("root:"), "{}", c.screen());
}

#[test]
fn the_same_name_resumes_and_a_vanished_client_loses_at_most_the_day() {
    let (_dir, server) = server("mandatory", 7);
    let save = server.class.join("mandatory-7-bob.ron");

    // Two days, then quit properly (the game saves on quitting).
    let mut c = Client::connect(server.port, "bob", Some(PASSWORD), &[]);
    c.play_days(Some(3), 60);
    assert_eq!(saved_day(&save), 3);
    assert_eq!(c.quit(), Some(0), "{}", c.screen());
    server.wait_log("`bob` left on day 3", 20);

    // Again with the same name: the game goes on where it was.
    let mut c = Client::connect(server.port, "bob", Some(PASSWORD), &[]);
    c.wait_for("Day 3 of", 30);
    c.play_days(Some(5), 60);
    assert_eq!(saved_day(&save), 5);
    // Mid-day 5 the client vanishes (killed, no goodbye).
    c.keys("\r");
    std::thread::sleep(Duration::from_millis(300));
    c.child.kill().unwrap();
    let _ = c.wait_exit(10);
    server.wait_log("`bob` left on day 5", 30);
    assert_eq!(saved_day(&save), 5, "days 1-4 are kept");

    // Back again: day 5, from its start.
    let mut c = Client::connect(server.port, "bob", Some(PASSWORD), &[]);
    c.wait_for("Day 5 of", 30);
    assert_eq!(server.count_log("`bob` resumed"), 2);

    // A second window with the same name takes the game over; the first one is closed.
    let again = Client::connect(server.port, "bob", Some(PASSWORD), &[]);
    again.wait_for("Day 5 of", 30);
    assert!(c.wait_exit(20).is_some(), "the first window is closed");
    server.wait_log("`bob` reconnected", 5);
}

#[test]
fn a_server_on_the_network_needs_a_password() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_scored"))
        .args(["serve", "tutorial", "--bind", "0.0.0.0", "--port", "0"])
        .arg("--class")
        .arg(dir.path().join("class"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a class password is required"), "{err}");
    assert!(!dir.path().join("class/host_key").exists());
}

#[test]
fn a_full_class_refuses_one_more() {
    assert!(
        have_ssh(),
        "OpenSSH's client is needed: install openssh-client"
    );
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    let server = Server::start_with(&class, "tutorial", 1, None, &["--max-sessions", "1"]);
    let first = Client::connect(server.port, "ana", None, &[]);
    first.wait_for("Enter play as", 30);
    let mut second = Client::connect(server.port, "ben", None, &[]);
    assert_eq!(second.wait_exit(30), Some(1), "{}", second.screen());
    assert!(
        second.screen().contains("the class is full"),
        "{}",
        second.screen()
    );
    server.wait_log("`ben` refused: the class is full", 5);
}
