//! Crash safety: the real binary is killed (SIGKILL, no chance to clean up) at random
//! moments while it plays and autosaves, over and over, each run resuming the last save.
//! Every save must still load, and it must hold at least the last day the player saw begin:
//! no more than the day in progress is ever lost. `SCORED_CRASH_RUNS` sets the count.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

const COMMANDS: [&str; 8] = [
    "next",
    "buy tan_noodles",
    "like 0",
    "share 1",
    "draft family",
    "post",
    "befriend hao",
    "next",
];

#[test]
fn killed_at_random_moments_no_save_is_ever_lost() {
    let runs: usize = std::env::var("SCORED_CRASH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(120);
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("game.ron");
    let mut rng = ChaCha8Rng::seed_from_u64(99);
    let (mut kills, mut endings, mut days_seen, mut loaded) = (0, 0, 0, 0);
    for run in 0..runs {
        let args: Vec<String> = if save.exists() {
            vec![
                "resume".into(),
                "--headless".into(),
                save.display().to_string(),
            ]
        } else {
            let seed = rng.random_range(0..1_000u32).to_string();
            let save = save.display().to_string();
            [
                "play",
                "levels/mandatory.ron",
                "--headless",
                "--seed",
                &seed,
                "--save",
                &save,
            ]
            .map(String::from)
            .to_vec()
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_scored"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The last "-- Day N of" the player was shown: its save was written before.
        let last_day = Arc::new(Mutex::new(0u32));
        let over = Arc::new(Mutex::new(false));
        let stdout = child.stdout.take().unwrap();
        let (day, done) = (last_day.clone(), over.clone());
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("-- Day ") {
                    let n = rest.split_whitespace().next().and_then(|n| n.parse().ok());
                    *day.lock().unwrap() = n.unwrap_or(0);
                }
                if line.starts_with("Ending:") || line == "This game is over." {
                    *done.lock().unwrap() = true;
                }
            }
        });
        let mut stdin = child.stdin.take().unwrap();
        let commands = rng.random_range(1..60);
        for _ in 0..commands {
            let c = COMMANDS[rng.random_range(0..COMMANDS.len())];
            if writeln!(stdin, "{c}").is_err() {
                break;
            }
            if rng.random_range(0..4) == 0 {
                std::thread::sleep(Duration::from_micros(rng.random_range(0..3_000)));
            }
        }
        std::thread::sleep(Duration::from_micros(rng.random_range(0..20_000)));
        let _ = child.kill();
        let _ = child.wait();
        drop(stdin);
        reader.join().unwrap();
        kills += 1;
        let seen = *last_day.lock().unwrap();
        days_seen += seen;
        if !save.exists() {
            // A new game is first saved when its first day ends: only that day can be lost.
            assert!(seen <= 1, "run {run}: day {seen} was shown but never saved");
            continue;
        }
        let resumed = scored::save::resume(&save, Path::new("levels"))
            .unwrap_or_else(|e| panic!("run {run}: the save {e}"));
        loaded += 1;
        let saved = resumed.game.state().day;
        assert!(
            saved >= seen,
            "run {run}: day {seen} was shown, but the save holds day {saved}"
        );
        if resumed.game.is_over() || *over.lock().unwrap() {
            endings += 1;
            std::fs::remove_file(&save).unwrap();
        }
    }
    // Killed writes may leave temporary files behind; none of them may look like a save.
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            assert!(
                scored::save::SaveFile::read(&path).is_ok(),
                "{}",
                path.display()
            );
        }
    }
    eprintln!(
        "{kills} kills, {loaded} saves loaded, {endings} games played to the end, \
         {days_seen} day starts seen"
    );
    // How far runs get depends on the machine's speed; that some save was tested does not.
    assert!(runs < 50 || loaded > 0, "no run lived long enough to save");
}
