//! Replays every input in the fuzz corpus (`fuzz/corpus/<target>/`) through the same entry
//! points the fuzz targets use: what the fuzzer once found stays fixed.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("the corpus is in the repository") {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{} panicked", path.display());
        count += 1;
    }
    assert!(count > 0, "no corpus in {}", dir.display());
}

#[test]
fn level_corpus_never_panics() {
    replay("level", scored::harness::level);
}

#[test]
fn save_corpus_never_panics() {
    replay("save", scored::harness::save);
}

#[test]
fn commands_corpus_never_panics() {
    replay("commands", scored::harness::commands);
}

fn scored(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    // Headless play autosaves: into a folder of its own, not the repository's ./saves.
    let saves = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_scored"))
        .arg("--saves-dir")
        .arg(saves.path())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // A refusal may end the process before it reads its input.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

/// A save whose text would put an escape sequence on the player's screen is refused, and
/// kept as it was.
#[test]
fn a_save_carrying_escape_sequences_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let clean = std::fs::read_to_string("fuzz/corpus/save/tutorial-day3.ron").unwrap();
    let at = clean.find("did: \"").unwrap() + 6;
    for payload in [
        r"\u{1b}]0;owned\u{7}",
        "\u{1b}[2J",
        r"\x1b[31m",
        "\u{202e}txt.exe",
    ] {
        let evil = format!("{}{payload}{}", &clean[..at], &clean[at..]);
        let path = dir.path().join("evil.ron");
        std::fs::write(&path, &evil).unwrap();
        let out = scored(
            &["resume", "--headless", path.to_str().unwrap()],
            "ledger\n",
        );
        let (stdout, stderr) = (out.stdout, String::from_utf8_lossy(&out.stderr).to_string());
        assert!(!out.status.success(), "{payload}: refused");
        assert!(stderr.contains("is damaged"), "{payload}: {stderr}");
        for bytes in [&stdout[..], stderr.as_bytes()] {
            assert!(
                !bytes.contains(&0x1b) && !bytes.contains(&0x07),
                "{payload}: no escapes out"
            );
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            evil,
            "kept as it was"
        );
    }
}

/// Reports come from students' machines: one carrying escape sequences is cleaned before anything
/// of it is printed, and the rest of the class is summarised.
#[test]
fn class_cleans_a_report_carrying_escape_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let out = scored(
        &[
            "play",
            "levels/tutorial.ron",
            "--headless",
            "--report",
            dir.path().to_str().unwrap(),
        ],
        &"next\n".repeat(10),
    );
    assert!(out.status.success());
    let report = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("a JSON report");
    let text = std::fs::read_to_string(&report).unwrap();
    let evil = dir.path().join("evil.json");
    std::fs::write(
        &evil,
        text.replacen("\"tutorial\"", "\"tutorial\\u001b]0;owned\\u0007\"", 1),
    )
    .unwrap();
    let out = scored(
        &["class", report.to_str().unwrap(), evil.to_str().unwrap()],
        "",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "the clean report is still summarised");
    // The forged text is cleaned, not printed raw: what is left is another level, apart.
    assert!(
        stdout.starts_with("Read 2 entries: 1 merged, 1 other level (grouped apart)"),
        "{stdout}"
    );
    assert!(stdout.contains("tutorial]0;owned"), "{stdout}");
    assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07));
}

/// What a player types is echoed in refusals without its control characters.
#[test]
fn typed_control_characters_are_not_echoed() {
    let out = scored(
        &["play", "levels/tutorial.ron", "--headless"],
        "buy \u{1b}]0;owned\u{7}\nlike \u{1b}[2J\n\u{1b}[31mstatus\nquit\n",
    );
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07));
    assert!(String::from_utf8_lossy(&out.stdout).contains("You leave the game"));
}

/// A file far too large to be a save is refused unread, and kept.
#[test]
fn an_oversized_save_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap();
    let out = scored(&["resume", "--headless", path.to_str().unwrap()], "");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("too large"));
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 17 * 1024 * 1024);
}

#[test]
fn class_corpus_never_panics() {
    replay("class", scored::harness::class);
}
