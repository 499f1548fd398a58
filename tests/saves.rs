//! Saves never lose a game: every state round-trips, a resumed game plays on exactly as if it
//! had never stopped, a kill at any instant leaves a loadable save, and a bad save is reported
//! and kept.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use scored::bots::{self, Strategy};
use scored::check;
use scored::game::{Action, Game, Level};
use scored::save::{self, SaveError, SaveFile, Store};

const LEVELS: &[&str] = &[
    "tests/fixtures/mini.ron",
    "levels/tutorial.ron",
    "levels/mandatory.ron",
];

fn load(path: &str) -> Arc<Level> {
    Arc::new(check::load_file(Path::new(path)).unwrap())
}

fn save_of(game: &Game, level: &str) -> SaveFile {
    SaveFile::of(
        game,
        Path::new(level),
        save::level_hash(Path::new(level)).unwrap(),
    )
}

#[test]
fn every_state_of_every_bot_game_round_trips() {
    for path in LEVELS {
        let level = load(path);
        for strategy in [
            Strategy::Conformist,
            Strategy::Authentic,
            Strategy::Rebel,
            Strategy::Random,
        ] {
            let (mut game, _) = Game::new(level.clone(), None, 5).unwrap();
            let mut days = 0;
            while !game.is_over() {
                let text = save_of(&game, path).to_ron();
                let back = SaveFile::parse(&text).unwrap();
                assert_eq!(
                    &back.state,
                    game.state(),
                    "{path} {strategy:?} day {}",
                    game.state().day
                );
                game = back.into_game(level.clone()).unwrap();
                let _ = game.play(Action::EndDay);
                days += 1;
            }
            assert_eq!(days, level.days);
            let finished = bots::play(level.clone(), None, 9, strategy);
            let back = SaveFile::parse(&save_of(&finished, path).to_ron()).unwrap();
            assert_eq!(&back.state, finished.state());
        }
    }
}

#[test]
fn a_game_resumed_from_its_save_plays_on_exactly_as_if_never_stopped() {
    for path in LEVELS {
        let level = load(path);
        // Every day ended, with a save and a reload before each: the evening's dice go on
        // from a resumed morning's, and pending answers default as if never stopped.
        let (mut game, _) = Game::new(level.clone(), None, 11).unwrap();
        while !game.is_over() {
            let text = save_of(&game, path).to_ron();
            game = SaveFile::parse(&text)
                .unwrap()
                .into_game(level.clone())
                .unwrap();
            let _ = game.play(Action::EndDay);
        }
        let (mut plain, _) = Game::new(level.clone(), None, 11).unwrap();
        while !plain.is_over() {
            let _ = plain.play(Action::EndDay);
        }
        assert_eq!(game.state(), plain.state(), "{path}");
    }
}

fn scored(args: &[&str], stdin: &str) -> std::process::Output {
    // Headless play autosaves: into a folder of its own, not the repository's ./saves.
    let saves = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_scored"))
        .arg("--saves-dir")
        .arg(saves.path())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The binary may refuse before reading its input: a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

/// The end-of-level summary: from the ending's banner to the end.
fn summary(out: &[u8]) -> String {
    let text = String::from_utf8_lossy(out);
    let at = text.find("\n=== ").expect("the level ended");
    text[at..].to_string()
}

#[test]
fn quitting_and_resuming_gives_the_same_end_as_playing_straight_through() {
    let dir = tempfile::tempdir().unwrap();
    for (level, id) in [
        ("tutorial", "tutorial"),
        ("mandatory", "mandatory"),
        ("tests/fixtures/mini.ron", "mini"),
    ] {
        let days = load(&check_path(level)).days as usize;
        let first = "status\nshop\nbuy nappies\nfeed\nlike 0\nnext\npeople\nnext\nnext\nledger\nnext\nnext\n";
        let rest = "inbox\nfeed\nshare 1\n".to_string() + &"next\n".repeat(days + 2);
        let straight = scored(
            &["play", level, "--headless", "--seed", "8"],
            &format!("{first}{rest}"),
        );
        assert!(straight.status.success());
        let save = dir.path().join(format!("{id}.ron"));
        let save_arg = save.to_str().unwrap();
        let part = scored(
            &[
                "play",
                level,
                "--headless",
                "--seed",
                "8",
                "--save",
                save_arg,
            ],
            &format!("{first}quit\n"),
        );
        assert!(
            part.status.success(),
            "{}",
            String::from_utf8_lossy(&part.stderr)
        );
        assert!(String::from_utf8_lossy(&part.stdout).contains("You leave the game on day 6."));
        let resumed = scored(&["resume", save_arg, "--headless"], &rest);
        assert!(
            resumed.status.success(),
            "{}",
            String::from_utf8_lossy(&resumed.stderr)
        );
        assert!(String::from_utf8_lossy(&resumed.stdout).starts_with("Resumed "));
        assert_eq!(
            summary(&resumed.stdout),
            summary(&straight.stdout),
            "{level}"
        );
        // The save now holds the finished game.
        let done = SaveFile::read(&save).unwrap();
        assert!(done.state.ending.is_some());
    }
}

fn check_path(level: &str) -> String {
    if level.ends_with(".ron") {
        level.to_string()
    } else {
        format!("levels/{level}.ron")
    }
}

#[test]
fn killing_the_game_at_any_moment_leaves_a_save_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let script = "next\n".repeat(40);
    let mut midway = 0;
    for i in 0..40u64 {
        let save = dir.path().join(format!("killed-{i}.ron"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_scored"))
            .args([
                "play",
                "mandatory",
                "--headless",
                "--seed",
                &i.to_string(),
                "--save",
                save.to_str().unwrap(),
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(script.as_bytes());
        // Once the first save is there, kill at a varying moment while later days save.
        let start = std::time::Instant::now();
        while !save.exists() && start.elapsed() < std::time::Duration::from_secs(10) {
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        std::thread::sleep(std::time::Duration::from_micros((i * 7919) % 4000));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        drop(stdin);
        let s = SaveFile::read(&save).unwrap_or_else(|e| panic!("run {i}: the save {e}"));
        assert!(s.day >= 1);
        if s.state.ending.is_none() {
            midway += 1;
        }
    }
    assert!(
        midway > 5,
        "the kills came too late to test anything ({midway} saves mid-game)"
    );
}

fn written_save(dir: &Path) -> PathBuf {
    let level = load("tests/fixtures/mini.ron");
    let (game, _) = Game::new(level, None, 1).unwrap();
    let path = dir.join("good.ron");
    save::write(&path, &save_of(&game, "tests/fixtures/mini.ron")).unwrap();
    path
}

#[test]
fn a_truncated_save_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = written_save(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(SaveFile::read(&path), Err(SaveError::Damaged(_))));
    let out = scored(&["resume", path.to_str().unwrap(), "--headless"], "next\n");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("good.ron is damaged or not a Scored save"),
        "{err}"
    );
    assert!(err.contains("it is kept as it is"), "{err}");
    let out = scored(
        &[
            "play",
            "tests/fixtures/mini.ron",
            "--headless",
            "--save",
            path.to_str().unwrap(),
        ],
        "next\n",
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "a new game will not overwrite it"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
}

#[test]
fn garbage_and_newer_saves_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.ron");
    std::fs::write(&garbage, [0xff, 0x00, 0x13, 0x37]).unwrap();
    assert!(SaveFile::read(&garbage).is_err());
    let path = written_save(dir.path());
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("version: 1", "version: 99", 1);
    std::fs::write(&path, text).unwrap();
    let err = SaveFile::read(&path).unwrap_err();
    assert!(matches!(err, SaveError::Newer { found: 99 }));
    assert!(err.to_string().contains("newer version of Scored"));
}

#[test]
fn a_save_of_another_persona_or_level_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = written_save(dir.path());
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("persona: \"student\"", "persona: \"ghost\"");
    let save = SaveFile::parse(&text).unwrap();
    assert!(matches!(
        save.into_game(load("tests/fixtures/mini.ron")),
        Err(SaveError::Mismatch(_))
    ));
    let save = SaveFile::read(&written_save(dir.path())).unwrap();
    assert!(matches!(
        save.into_game(load("levels/tutorial.ron")),
        Err(SaveError::Mismatch(_))
    ));
}

#[test]
fn a_planted_symlink_is_replaced_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("precious.txt");
    std::fs::write(&target, "do not touch").unwrap();
    let link = dir.path().join("slot.ron");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (game, _) = Game::new(load("tests/fixtures/mini.ron"), None, 1).unwrap();
    save::write(&link, &save_of(&game, "tests/fixtures/mini.ron")).unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "do not touch");
    assert!(
        !std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(SaveFile::read(&link).is_ok());
}

#[test]
fn an_unwritable_folder_is_an_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("file");
    std::fs::write(&not_a_folder, "").unwrap();
    let (game, _) = Game::new(load("tests/fixtures/mini.ron"), None, 1).unwrap();
    let err = save::write(
        &not_a_folder.join("x.ron"),
        &save_of(&game, "tests/fixtures/mini.ron"),
    );
    assert!(err.is_err());

    use std::os::unix::fs::PermissionsExt;
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let result = save::write(
        &locked.join("x.ron"),
        &save_of(&game, "tests/fixtures/mini.ron"),
    );
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    // Root ignores folder permissions; everyone else must get an error.
    assert!(result.is_err() || root);
}

#[test]
fn a_changed_level_gives_a_warning_and_the_game_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let level = dir.path().join("mini.ron");
    std::fs::copy("tests/fixtures/mini.ron", &level).unwrap();
    let save = dir.path().join("s.ron");
    let out = scored(
        &[
            "play",
            level.to_str().unwrap(),
            "--headless",
            "--save",
            save.to_str().unwrap(),
        ],
        "next\nquit\n",
    );
    assert!(out.status.success());
    let text = std::fs::read_to_string(&level)
        .unwrap()
        .replace("A street with a score.", "A street, scored.");
    std::fs::write(&level, text).unwrap();
    let out = scored(
        &["resume", save.to_str().unwrap(), "--headless"],
        "status\n",
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("changed since this game was saved"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Day 2 of 6"));
}

#[test]
fn new_games_take_fresh_slots_and_the_list_reports_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store {
        dir: dir.path().to_path_buf(),
    };
    let first = store.new_slot("mini", "student");
    assert_eq!(first.file_name().unwrap(), "mini-student.ron");
    std::fs::write(&first, "garbage").unwrap();
    assert_eq!(
        store.new_slot("mini", "student").file_name().unwrap(),
        "mini-student-2.ron"
    );
    written_save(dir.path());
    let listed = store.list();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed.iter().filter(|l| l.save.is_err()).count(), 1);
}

/// Escapes a text scan cannot foresee (byte escapes that join into U+FEFF, a carriage return,
/// a tag character) are caught in the decoded save, and the reason quotes nothing raw.
#[test]
fn a_save_whose_decoded_text_is_unsafe_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(written_save(dir.path())).unwrap();
    for (forged, holds) in [
        ("\\xEF\\xBB\\xBF", "U+FEFF"),
        ("\u{e0041}", "U+E0041"),
        ("a\rb", "U+000D"),
        ("\u{2028}", "U+2028"),
        ("\\0", "U+0000"),
    ] {
        let bad = text.replacen("persona: \"student\"", &format!("persona: \"{forged}\""), 1);
        assert_ne!(bad, text);
        let err = SaveFile::parse(&bad).unwrap_err();
        assert!(matches!(err, SaveError::Damaged(_)), "{forged:?}: {err}");
        let said = err.to_string();
        assert!(said.contains(holds), "{forged:?}: {said}");
        assert!(!said.chars().any(|c| c.is_control()), "{said:?}");
    }
}
