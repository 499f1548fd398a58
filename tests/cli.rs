//! The real binary, as scripts and teachers use it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn scored(args: &[&str], stdin: &str) -> Output {
    // Headless play autosaves: into a folder of its own, not the repository's ./saves.
    let saves = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_scored"))
        .arg("--saves-dir")
        .arg(saves.path())
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

/// Every level shipped in `levels/`, by id.
fn shipped() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir("levels")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn every_shipped_level_passes_check_without_warnings() {
    let ids = shipped();
    assert!(ids.len() >= 2);
    for level in ids {
        let path = format!("levels/{level}.ron");
        let out = scored(&["check", &path], "");
        assert!(out.status.success(), "{path}:\n{}", text(&out.stderr));
        let stderr = text(&out.stderr);
        // C026 included: no persona starts with a friend who would drop them on day 1.
        assert!(!stderr.contains("warning["), "{path}:\n{stderr}");
    }
}

#[test]
fn check_exits_1_and_prints_positions_for_a_broken_file() {
    let out = scored(
        &[
            "check",
            "levels/tutorial.ron",
            "tests/fixtures/bad/dangling_friend.ron",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "tests/fixtures/bad/dangling_friend.ron:56:29: error[C011]: unknown person `mxa`"
        ),
        "{err}"
    );
    assert!(err.contains("hint: did you mean `max`?"), "{err}");
    assert!(
        err.contains("checked 2 file(s): 1 ok, 1 with errors"),
        "{err}"
    );
}

#[test]
fn check_reports_a_missing_file_without_panicking() {
    let out = scored(&["check", "no/such/level.ron"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no/such/level.ron:1:1: error[C006]: cannot read the file"));
}

#[test]
fn next_alone_plays_every_level_to_its_end() {
    for level in &shipped() {
        let script = "next\n".repeat(60);
        let out = scored(&["play", level, "--headless", "--seed", "5"], &script);
        assert!(out.status.success(), "{level}: {}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert!(
            stdout.lines().any(|l| l.starts_with("Final score: ")),
            "{level}:\n{stdout}"
        );
        assert!(stdout.lines().any(|l| l.starts_with("Ending: ")), "{level}");
        assert!(
            !stdout.contains('\u{1b}'),
            "{level}: no escape codes in headless output"
        );
    }
}

#[test]
fn the_same_seed_and_input_give_byte_identical_output() {
    let script = "status\nshop\nfeed\nlike 0\ndraft x\nnext\npeople\ninbox\nnext\nledger\n"
        .to_string()
        + &"next\n".repeat(40);
    let a = scored(&["play", "mandatory", "--headless", "--seed", "9"], &script);
    let b = scored(
        &["play", "levels/mandatory.ron", "--headless", "--seed", "9"],
        &script,
    );
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn end_of_input_and_quit_both_exit_cleanly() {
    let out = scored(&["play", "tutorial", "--headless"], "status\n");
    assert!(out.status.success());
    let out = scored(&["play", "tutorial", "--headless"], "quit\nnext\n");
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("You leave the game on day 1."));
}

#[test]
fn help_lists_the_commands_and_bad_commands_are_explained() {
    let out = scored(&["play", "tutorial", "--headless"], "help\nfly away\nbuy\n");
    let stdout = text(&out.stdout);
    for cmd in [
        "status",
        "next",
        "quit",
        "buy ITEM",
        "draft TOPIC",
        "appeal ROW",
        "denounce PERSON",
    ] {
        assert!(stdout.contains(cmd), "help lacks {cmd}");
    }
    assert!(stdout.contains("unknown command `fly`"));
    assert!(stdout.contains("`buy` needs an item id"));
}

#[test]
fn an_unknown_level_or_persona_is_a_clear_error() {
    let out = scored(&["play", "no-such-level", "--headless"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no level `no-such-level`"));
    let out = scored(
        &["play", "tutorial", "--headless", "--persona", "nobody"],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no persona `nobody`"));
}

#[test]
fn simulate_json_has_the_documented_shape_and_is_deterministic() {
    let run = || {
        let out = scored(
            &[
                "simulate",
                "mandatory",
                "--strategy",
                "conformist",
                "--runs",
                "5",
                "--seed",
                "3",
                "--json",
            ],
            "",
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let mut v: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("one JSON object");
        assert!(v["runs_per_second"].as_f64().unwrap() > 0.0);
        v["runs_per_second"] = serde_json::Value::Null;
        v
    };
    let v = run();
    assert_eq!(v["level"], "mandatory");
    assert_eq!(v["strategy"], "conformist");
    assert_eq!(v["runs"], 5);
    assert_eq!(v["seed"], 3);
    for key in ["score", "self", "money"] {
        for stat in ["mean", "min", "max"] {
            assert!(v[key][stat].is_number(), "{key}.{stat}");
        }
        assert!(v[key]["min"].as_f64() <= v[key]["max"].as_f64());
    }
    let endings = v["endings"].as_object().unwrap();
    assert_eq!(
        endings.values().map(|n| n.as_u64().unwrap()).sum::<u64>(),
        5
    );
    assert_eq!(v, run());
}

#[test]
fn without_a_terminal_the_game_points_to_headless_mode() {
    let out = scored(&["play", "tutorial"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("this is not a terminal"), "{err}");
    assert!(err.contains("--headless"), "{err}");
}

#[test]
fn term_dumb_falls_back_to_line_mode() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scored"))
        .args(["play", "tests/fixtures/mini.ron"])
        .env("TERM", "dumb")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("next\n".repeat(10).as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Final score: "));
}

#[test]
fn new_level_writes_a_template_that_checks_and_plays() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_scored"))
            .args(args)
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
        child.wait_with_output().unwrap()
    };
    let out = run(&["new-level", "night-shift"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Wrote levels/night-shift.ron"));
    let written = std::fs::read_to_string(dir.path().join("levels/night-shift.ron")).unwrap();
    assert!(written.contains("id: \"night-shift\"") && written.contains("title: \"Night Shift\""));
    assert!(
        written
            .lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .count()
            > 5,
        "it is commented"
    );
    assert!(
        run(&["check", "levels/night-shift.ron"], "")
            .status
            .success()
    );
    let played = run(&["play", "night-shift", "--headless"], &"next\n".repeat(10));
    assert!(text(&played.stdout).contains("Final score: "));
    let again = run(&["new-level", "night-shift"], "");
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing level is never overwritten"
    );
    let bad = run(&["new-level", "night shift"], "");
    assert_eq!(bad.status.code(), Some(2));

    let source = format!("{}/levels/tutorial.ron", env!("CARGO_MANIFEST_DIR"));
    let out = run(&["new-level", "my-tutorial", "--from", &source], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let copy = std::fs::read_to_string(dir.path().join("levels/my-tutorial.ron")).unwrap();
    assert!(copy.contains("id: \"my-tutorial\""));
    assert!(
        run(&["check", "levels/my-tutorial.ron"], "")
            .status
            .success()
    );
}

#[test]
fn golden_transcripts_pass_and_a_difference_is_pinpointed() {
    for level in &shipped() {
        let path = format!("levels/transcripts/{level}.txt");
        let out = scored(&["test", level, &path], "");
        assert!(out.status.success(), "{}", text(&out.stdout));
        assert!(text(&out.stdout).starts_with(&format!("ok {path}")));
    }
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.txt");
    std::fs::write(
        &broken,
        "seed: 1\n> status\n-- Day 1 of 7 — 9 actions left --\n",
    )
    .unwrap();
    let out = scored(&["test", "tutorial", broken.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("broken.txt:3: after `> status`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("expected: -- Day 1 of 7 — 9 actions left --"),
        "{stdout}"
    );
    assert!(
        stdout.contains("actual:   -- Day 1 of 7 — 3 actions left --"),
        "{stdout}"
    );
}

#[test]
fn simulate_json_has_obedience_and_the_score_and_self_by_day() {
    let level = scored::check::load_file(std::path::Path::new("levels/mandatory.ron")).unwrap();
    for strategy in ["mostly-conformist", "mostly-authentic", "random"] {
        let args = [
            "simulate",
            "mandatory",
            "--strategy",
            strategy,
            "--runs",
            "4",
            "--json",
        ];
        let out = scored(&args, "");
        assert!(out.status.success(), "{}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        assert_eq!(v["strategy"], strategy);
        for stat in ["mean", "min", "max"] {
            assert!(v["obedience"][stat].is_number(), "obedience.{stat}");
        }
        assert!(v["obedience_na"].is_u64());
        for key in ["score_by_day", "self_by_day"] {
            let days = v[key].as_array().expect(key);
            assert_eq!(days.len(), level.days as usize, "{key}");
            assert!(days.iter().all(serde_json::Value::is_number), "{key}");
        }
        // The last day's end is where the runs finished.
        let last = v["self_by_day"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .as_f64();
        assert_eq!(last, v["self"]["mean"].as_f64());
    }
}

#[test]
fn simulate_trace_tells_every_day_and_the_ending_the_same_each_time() {
    let level = scored::check::load_file(std::path::Path::new("levels/mandatory.ron")).unwrap();
    let args = [
        "simulate",
        "mandatory",
        "--strategy",
        "mostly-conformist",
        "--trace",
        "5",
    ];
    let out = scored(&args, "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let trace = text(&out.stdout);
    for day in 1..=level.days {
        assert!(
            trace.contains(&format!("\nDay {day}\n")),
            "day {day} missing"
        );
    }
    assert_eq!(
        trace.matches("  end of day: score ").count(),
        level.days as usize
    );
    assert!(trace.contains("predicted score ") && trace.contains("| actual score "));
    // Names from the level, not ids.
    assert!(
        trace.contains("Lin Hao") || trace.contains("Nappies"),
        "{trace}"
    );
    assert!(trace.contains("\nEnding: "), "{trace}");
    assert_eq!(text(&scored(&args, "").stdout), trace);
}

#[test]
fn simulate_report_lists_actions_obedience_and_quiet_stretches() {
    let args = ["simulate", "mandatory", "--runs", "3", "--report"];
    let out = scored(&args, "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    for section in [
        "Actions taken (mean per run)",
        "Most repeated actions",
        "Obedience index",
        "Quiet stretches",
        "mostly-conformist",
        "mostly-authentic",
    ] {
        assert!(report.contains(section), "{section} missing:\n{report}");
    }
}

#[test]
fn a_next_only_player_has_no_obedience_index_and_sees_the_ending_title() {
    let script = "next\n".repeat(60);
    let out = scored(
        &["play", "mandatory", "--headless", "--seed", "2026"],
        &script,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("Obedience index: n/a — ")),
        "{stdout}"
    );
    assert!(!stdout.contains("in 0 of 0"), "{stdout}");
    // The machine line stays as scripts parse it; the title follows it.
    let at = stdout
        .lines()
        .position(|l| l.starts_with("Ending: "))
        .unwrap();
    let next = stdout.lines().nth(at + 1).unwrap();
    assert!(next.starts_with("Ending title: "), "{next}");
}
