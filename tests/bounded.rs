//! Bounded work on any input (issue 20, classes 1 and 2): a level with a hundred thousand
//! problems gives fifty diagnostics and a count, in little output; a named pipe, a link to
//! `/dev/zero`, a huge sparse file or a folder where a file is expected are refused at once
//! by every command that reads files, and never keep the title screen from appearing.
//!
//! The tests assert counts and sizes, not times; every run of the binary has a watchdog that
//! kills it and fails the test instead of hanging. Timings are in docs/reliability.md.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use scored::check::{self, MAX_SHOWN, Severity};

const WATCHDOG: Duration = Duration::from_secs(20);

fn mini() -> String {
    std::fs::read_to_string("tests/fixtures/mini.ron").unwrap()
}

/// The diagnostics of `src` as printed, and how many there were before the note.
fn checked(src: &str) -> (Vec<check::Diagnostic>, String) {
    let (level, diagnostics) = check::load_str("hostile.ron", src);
    assert!(level.is_none());
    let printed: String = diagnostics.iter().map(ToString::to_string).collect();
    (diagnostics, printed)
}

fn assert_fifty_and_a_count(src: &str, at_least: usize) {
    let (diagnostics, printed) = checked(src);
    assert_eq!(diagnostics.len(), MAX_SHOWN + 1, "{printed:.2000}");
    let note = diagnostics.last().unwrap();
    assert_eq!(note.severity, Severity::Note);
    let more: usize = note
        .message
        .strip_prefix("and ")
        .and_then(|m| m.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}", note.message));
    assert!(more + MAX_SHOWN >= at_least, "{}", note.message);
    // Fifty diagnostics of a few hundred bytes each (an excerpt is 80 characters of source).
    assert!(printed.len() < 32 * 1024, "{} bytes", printed.len());
    assert!(printed.lines().all(|l| l.chars().count() < 400));
    assert!(!printed.contains('\u{1b}'));
    let lines: Vec<usize> = diagnostics[..MAX_SHOWN].iter().map(|d| d.line).collect();
    assert!(lines.is_sorted(), "in file order");
}

#[test]
fn a_hundred_thousand_forbidden_characters_on_one_line() {
    let src = mini().replacen(
        "text: \"The air is bad.\"",
        &format!("text: \"The air is {}bad.\"", "\u{1b}".repeat(100_000)),
        1,
    );
    assert_fifty_and_a_count(&src, 100_000);
}

#[test]
fn a_hundred_thousand_forbidden_characters_one_per_line() {
    let src = mini() + &"// \u{202e}\n".repeat(100_000);
    assert_fifty_and_a_count(&src, 100_000);
}

#[test]
fn a_hundred_thousand_forbidden_escapes_on_one_line() {
    let src = mini().replacen(
        "text: \"The air is bad.\"",
        &format!("text: \"The air is {}bad.\"", "\\u{200b}".repeat(100_000)),
        1,
    );
    assert_fifty_and_a_count(&src, 100_000);
}

#[test]
fn seventy_five_thousand_unknown_tags() {
    let tags: Vec<String> = (0..500).map(|j| format!("\"zz{j}\"")).collect();
    let items: String = (0..150)
        .map(|k| {
            format!(
                "        (id: \"i{k}\", name: \"I\", description: \"D.\", category: \"leisure\", price: 1, tags: [{}]),\n",
                tags.join(",")
            )
        })
        .collect();
    let src = mini().replacen("    items: [\n", &format!("    items: [\n{items}"), 1);
    assert_fifty_and_a_count(&src, 75_000);
}

#[test]
fn warnings_past_the_cap_do_not_make_a_level_fail() {
    // Sixty hidden items that nothing opens: sixty warnings (C027), no error.
    let items: String = (0..60)
        .map(|k| {
            format!(
                "        (id: \"h{k}\", name: \"H\", description: \"D.\", category: \"leisure\", price: 1, tags: [\"games\"], hidden: true),\n"
            )
        })
        .collect();
    let src = mini().replacen("    items: [\n", &format!("    items: [\n{items}"), 1);
    let (level, diagnostics) = check::load_str("mini.ron", &src);
    assert!(level.is_some(), "{diagnostics:?}");
    assert_eq!(diagnostics.len(), MAX_SHOWN + 1);
    assert_eq!(diagnostics[MAX_SHOWN].message.split(' ').nth(1), Some("10"));
}

/// A folder holding one of each kind of file that must be refused, and their paths.
struct Hostile {
    dir: tempfile::TempDir,
}

impl Hostile {
    fn new(dir: tempfile::TempDir) -> Hostile {
        let fifo = dir.path().join("fifo.ron");
        let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success(), "mkfifo");
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.ron")).unwrap();
        let huge = std::fs::File::create(dir.path().join("huge.ron")).unwrap();
        // Sparse: two gigabytes reported, nothing written.
        huge.set_len(2 << 30).unwrap();
        std::fs::create_dir(dir.path().join("folder.ron")).unwrap();
        Hostile { dir }
    }

    fn files(&self) -> Vec<PathBuf> {
        ["fifo.ron", "zero.ron", "huge.ron", "folder.ron"]
            .iter()
            .map(|f| self.dir.path().join(f))
            .collect()
    }
}

fn hostile() -> Hostile {
    Hostile::new(tempfile::tempdir().unwrap())
}

/// Runs the binary; kills it and fails if it has not ended within the watchdog's time.
fn run(args: &[&str], saves: &Path) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scored"))
        .args(args)
        .arg("--saves-dir")
        .arg(saves)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`scored {}` did not end within {WATCHDOG:?}",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// What the refusal of each kind of file says (one of).
fn reasons(path: &Path) -> &'static [&'static str] {
    match path.file_name().and_then(|n| n.to_str()) {
        Some("fifo.ron") => &["is a named pipe (FIFO), not a regular file"],
        Some("zero.ron") => &["is a device, not a regular file"],
        Some("huge.ron") => &["larger than", "too large", "is over"],
        _ => &["is a folder"],
    }
}

fn says_why(path: &Path, text: &str) -> bool {
    reasons(path).iter().any(|r| text.contains(r))
}

#[test]
fn check_play_resume_and_class_refuse_what_is_not_a_regular_file() {
    let h = hostile();
    let saves = tempfile::tempdir().unwrap();
    for file in h.files() {
        let f = file.to_str().unwrap();
        for args in [
            vec!["check", f],
            vec!["play", f, "--headless", "--no-save"],
            vec!["resume", f, "--headless"],
            vec!["class", f],
        ] {
            let (ok, out) = run(&args, saves.path());
            let shown = args.join(" ");
            assert!(!ok, "`scored {shown}` succeeded:\n{out}");
            // `class` reads a folder as a folder of reports (here, of none).
            if !(args[0] == "class" && file.ends_with("folder.ron")) {
                assert!(
                    says_why(&file, &out),
                    "`scored {shown}` does not say why:\n{out}"
                );
            }
        }
    }
}

/// `f` on another thread; fails the test if it has not returned within the watchdog's time.
fn within<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(WATCHDOG)
        .unwrap_or_else(|_| panic!("{what} did not return within {WATCHDOG:?}"))
}

#[test]
fn the_level_catalogue_lists_a_bad_file_as_broken_and_the_rest_as_usual() {
    let h = hostile();
    std::fs::copy("tests/fixtures/mini.ron", h.dir.path().join("mini.ron")).unwrap();
    let dir = h.dir.path().to_path_buf();
    let entries = within("the catalogue", move || scored::tui::catalog(&dir));
    assert_eq!(entries.len(), 5);
    for e in &entries {
        match e.id.as_str() {
            "mini" => assert!(e.level.is_ok()),
            _ => {
                let why = e.level.as_ref().err().unwrap();
                assert!(says_why(&e.path, why), "{why}");
            }
        }
    }
}

#[test]
fn the_saves_folder_lists_a_bad_file_as_unreadable() {
    let h = hostile();
    let store = scored::save::Store {
        dir: h.dir.path().to_path_buf(),
    };
    let listed = within("listing saves", move || {
        store
            .list()
            .into_iter()
            .map(|l| (l.path, l.save.err().map(|e| e.to_string())))
            .collect::<Vec<_>>()
    });
    assert_eq!(listed.len(), 4);
    for (path, why) in listed {
        let why = why.expect("refused");
        assert!(says_why(&path, &why), "{}: {why}", path.display());
    }
}
