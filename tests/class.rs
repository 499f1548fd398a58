//! `scored class` over a generated class, and handing in: names, file names, the saves folder,
//! headless autosave. The class is 30+ students on `mandatory`, seed 2026, as Lin Wei, played
//! in different styles (the bots, players who answer each event their own way, one who only
//! presses `next`), written to a temporary folder with duplicates, another seed and hostile
//! entries beside them.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use scored::bots::{self, Strategy};
use scored::check;
use scored::classroom::{self, Class, ClassEntry, decode, encode};
use scored::game::{Action, Game, Level};

fn load(path: &str) -> Arc<Level> {
    Arc::new(check::load_file(Path::new(path)).unwrap())
}

fn scored(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scored"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

/// A student who answers every event their own way (choice picked from their number, the
/// day and the event) and otherwise ends the day.
fn picker(level: &Arc<Level>, student: u64, seed: u64) -> Game {
    let (mut game, _) = Game::new(level.clone(), Some("lin_wei"), seed).unwrap();
    if level.consent.is_some() {
        let _ = game.play(Action::Consent {
            share: student % 3 != 0,
        });
    }
    for _ in 0..200 {
        if game.is_over() {
            break;
        }
        let pending: Vec<(String, Vec<String>)> = game
            .pending_events()
            .map(|e| {
                (
                    e.id.clone(),
                    e.choices.iter().map(|c| c.id.clone()).collect(),
                )
            })
            .collect();
        for (k, (event, choices)) in pending.iter().enumerate() {
            if choices.is_empty() {
                continue;
            }
            let day = u64::from(game.state().day);
            let mix = (student + 1)
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                .wrapping_add((day * 31 + k as u64 + 7).wrapping_mul(0xbf58_476d_1ce4_e5b9));
            let pick = (mix >> 33) as usize % choices.len();
            let _ = game.play(Action::Answer {
                event: event.clone(),
                choice: choices[pick].clone(),
            });
        }
        let _ = game.play(Action::EndDay);
    }
    game
}

/// 30 students: four bots, 25 pickers, one who only pressed `next` (no name), all on seed 2026.
fn class_of_30(level: &Arc<Level>) -> Vec<Game> {
    let mut games = Vec::new();
    for (i, s) in [
        Strategy::Conformist,
        Strategy::Authentic,
        Strategy::Rebel,
        Strategy::Random,
    ]
    .into_iter()
    .enumerate()
    {
        let mut g = bots::play(level.clone(), Some("lin_wei"), 2026, s);
        g.set_name(Some(format!("Bot {i} {}", s.name())));
        games.push(g);
    }
    for student in 0..25 {
        let mut g = picker(level, student, 2026);
        g.set_name(Some(format!("Student {student:02}")));
        games.push(g);
    }
    let (mut g, _) = Game::new(level.clone(), Some("lin_wei"), 2026).unwrap();
    while !g.is_over() {
        g.play(Action::EndDay).unwrap();
    }
    games.push(g);
    games
}

#[test]
fn a_class_folder_with_duplicates_another_seed_and_hostile_entries_is_summarised() {
    let level = load("levels/mandatory.ron");
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("class");
    let games = class_of_30(&level);
    let mut codes = Vec::new();
    for (i, g) in games.iter().enumerate() {
        // Three students hand in only a code, pasted into a chat.
        if (26..29).contains(&i) {
            codes.push(encode(&classroom::debrief(g).0.summary));
            continue;
        }
        classroom::write_report(&folder, g).unwrap();
    }
    let names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(
        names.len(),
        27 * 3,
        "one set of files per student: {names:?}"
    );
    assert!(names.contains(&"mandatory-2026-Student_03.json".to_string()));
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("mandatory-2026-lin_wei-") && n.ends_with(".json")),
        "{names:?}"
    );
    // The same report twice, and the same student's code handed in again on its own.
    std::fs::copy(
        folder.join("mandatory-2026-Student_03.json"),
        dir.path().join("copy.json"),
    )
    .unwrap();
    std::fs::copy(
        folder.join("mandatory-2026-Student_04.code"),
        dir.path().join("student4.code"),
    )
    .unwrap();
    // Another seed.
    let mut other = picker(&level, 99, 7);
    other.set_name(Some("Late Comer".into()));
    classroom::write_report(&folder, &other).unwrap();
    // Hostile entries: a binary file, a folder named like a report, a damaged code.
    std::fs::write(folder.join("evil.json"), b"{\x00\x01\x02\xff").unwrap();
    std::fs::create_dir(folder.join("folder.code")).unwrap();
    let mut damaged = codes[0].clone();
    damaged.replace_range(20..21, "9");
    let (a, b) = codes[2].split_at(40);
    let pasted = format!(
        "Mina: `{}`\nJo said \"{}\".\n{a}\n{b}\nmine: {damaged}\nthanks!\n",
        codes[0], codes[1]
    );
    let codes_file = dir.path().join("chat.txt");
    std::fs::write(&codes_file, pasted).unwrap();

    let out = scored(
        &[
            "class",
            folder.to_str().unwrap(),
            dir.path().join("copy.json").to_str().unwrap(),
            dir.path().join("student4.code").to_str().unwrap(),
            "--codes",
            codes_file.to_str().unwrap(),
        ],
        "",
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}\n{stdout}", text(&out.stderr));
    let lines: Vec<&str> = stdout.lines().collect();
    // 27 reports, 1 of another seed, evil, folder, copy, student4, 3 codes and 1 damaged: 36.
    // (3 unreadable: the binary file, the folder, the damaged code.)
    assert_eq!(
        lines[0],
        "Read 36 entries: 30 merged, 2 duplicates (counted once), 1 other seed (grouped apart), 3 unreadable (see below)",
        "{stdout}"
    );
    let summary_starts = lines.iter().position(|l| *l == "== The class").unwrap();
    let front = lines[..summary_starts].join("\n");
    for expected in [
        "evil.json: is not a text file",
        "folder.code: is a folder, not a report",
        "copy.json is the same result as",
        "student4.code:1 is the same result as",
        "chat.txt:5: the code is damaged or mistyped",
        "Warning: mandatory was played with mixed seeds 7 (1), 2026 (30)",
    ] {
        assert!(front.contains(expected), "{expected}\n{front}");
    }
    // Groups apart, never pooled: one row each.
    let row = |group: &str, n: &str| {
        lines.iter().any(|l| {
            l.strip_prefix(group)
                .is_some_and(|rest| rest.split_whitespace().next() == Some(n))
        })
    };
    assert!(row("mandatory · seed 2026 · lin_wei", "30"), "{stdout}");
    assert!(row("mandatory · seed 7 · lin_wei", "1"), "{stdout}");
    // Obedience: the next-only player (and any other without a conflict) in a bar of their own.
    let na = lines
        .iter()
        .find(|l| l.trim_start().starts_with("n/a "))
        .unwrap();
    let na: usize = na.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(na >= 1, "{stdout}");
    // Names reach the summary, codes included.
    for name in ["Student 00", "Student 24", "Bot 0 conformist", "Late Comer"] {
        assert!(stdout.contains(name), "{name}\n{stdout}");
    }
    // Shared decisions: ranked by how evenly the class split, each with counts summing to n.
    let shared: Vec<&str> = lines
        .iter()
        .skip_while(|l| !l.starts_with("== Shared decisions in mandatory · seed 2026"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && l.contains(" — n="))
        .copied()
        .collect();
    assert_eq!(shared.len(), 10, "the top ten by default:\n{stdout}");
    let mut last = 1.0;
    for l in &shared {
        let (_, rest) = l.split_once(" — n=").unwrap();
        let (n, options) = rest.split_once(": ").unwrap();
        let n: usize = n.split_whitespace().next().unwrap().parse().unwrap();
        let counts: Vec<usize> = options
            .split("; ")
            .map(|o| {
                let count = o.rsplit_once(' ').map(|(_, n)| n.parse());
                count
                    .and_then(Result::ok)
                    .unwrap_or_else(|| panic!("{o}: {l}"))
            })
            .collect();
        assert_eq!(counts.iter().sum::<usize>(), n, "{l}");
        assert!(!l.contains('%'), "counts, not bare percentages: {l}");
        let split = 1.0 - *counts.iter().max().unwrap() as f64 / n as f64;
        assert!(
            split <= last + 1e-9,
            "ranked by evenness:\n{}",
            shared.join("\n")
        );
        last = split;
    }
    assert!(shared[0].contains("n=27"), "{}", shared[0]);
    assert!(stdout.contains("(--all lists every one)"), "{stdout}");

    let all = scored(&["class", folder.to_str().unwrap(), "--all"], "");
    let all = text(&all.stdout);
    assert!(!all.contains("(--all lists every one)"));
    assert!(all.matches(" — n=").count() > 10, "{all}");
}

#[test]
fn a_folder_alone_works_and_nothing_readable_is_a_clear_error() {
    let level = load("levels/mandatory.ron");
    let dir = tempfile::tempdir().unwrap();
    for s in [Strategy::Conformist, Strategy::Rebel] {
        classroom::write_report(dir.path(), &bots::play(level.clone(), None, 2026, s)).unwrap();
    }
    let out = scored(&["class", dir.path().to_str().unwrap()], "");
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.starts_with("Read 2 entries: 2 merged\n"), "{stdout}");
    assert!(stdout.contains(".code file(s) beside their .json report read once"));

    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("junk.code"), "hello\n").unwrap();
    let out = scored(
        &[
            "class",
            empty.path().to_str().unwrap(),
            "/no/such/file.json",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("Read 2 entries: 0 merged, 2 unreadable"),
        "{stderr}"
    );
    assert!(stderr.contains("junk.code: no result code and not a report"));
    assert!(stderr.contains("no reports or result codes to summarise"));
}

#[test]
fn tied_endings_are_all_named_and_mixed_personas_are_grouped_apart() {
    let level = load("levels/mandatory.ron");
    let mut entries = Vec::new();
    for (i, s) in [Strategy::Conformist, Strategy::Rebel].iter().enumerate() {
        let mut g = bots::play(level.clone(), Some("lin_wei"), 2026, *s);
        g.set_name(Some(format!("P{i}")));
        entries.push(ClassEntry::Report(classroom::debrief(&g).0));
    }
    let mut s1 = entries[0].summary().clone();
    let mut s2 = entries[1].summary().clone();
    s1.ending = "alpha".into();
    s2.ending = "beta".into();
    let mut s3 = s1.clone();
    s3.persona = "heir".into();
    s3.name = Some("P3".into());
    let class = Class::new(vec![
        ClassEntry::Code(s1),
        ClassEntry::Code(s2),
        ClassEntry::Code(s3),
    ]);
    let text = class.text();
    assert!(text.contains("alpha, beta (1 each, a tie)"), "{text}");
    assert!(
        text.starts_with("Read 3 entries: 2 merged, 1 other persona (grouped apart)\n"),
        "{text}"
    );
    assert!(
        text.contains("Warning: mandatory was played with mixed personas heir (1), lin_wei (2)")
    );
}

#[test]
fn hostile_text_in_a_code_never_reaches_the_summary_raw() {
    let level = load("tests/fixtures/mini.ron");
    let g = bots::play(level, None, 1, Strategy::Conformist);
    let mut s = classroom::debrief(&g).0.summary;
    s.ending = "\u{1b}]0;pwned\u{7}\u{202e}gnidne\n```".into();
    s.level = "x".repeat(500);
    s.money = i64::MAX;
    let forged = encode(&s);
    assert!(decode(&forged).unwrap_err().contains("out of range"));
    s.money = 0;
    let summary = decode(&encode(&s)).unwrap();
    let class = Class::new(vec![ClassEntry::Code(summary)]);
    for out in [class.text(), class.markdown()] {
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}'));
        assert!(!out.contains("gnidne\n"), "no line of its own");
        assert!(!out.contains(&"x".repeat(100)), "capped");
    }
    assert_eq!(class.markdown().matches("```").count() % 2, 0);
}

#[test]
fn a_name_goes_into_the_report_the_code_the_file_names_and_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let saves = dir.path().join("saves");
    let reports = dir.path().join("handed");
    let out = scored(
        &[
            "play",
            "mandatory",
            "--headless",
            "--seed",
            "2026",
            "--name",
            "Ana  Lopez",
            "--saves-dir",
            saves.to_str().unwrap(),
            "--report",
            reports.to_str().unwrap(),
        ],
        &"next\n".repeat(40),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json = reports.join("mandatory-2026-Ana_Lopez.json");
    let md = std::fs::read_to_string(reports.join("mandatory-2026-Ana_Lopez.md")).unwrap();
    assert!(md.contains("Player: Ana Lopez"), "{md}");
    let code = std::fs::read_to_string(reports.join("mandatory-2026-Ana_Lopez.code")).unwrap();
    assert!(code.starts_with("SCORED2~"), "{code}");
    assert_eq!(decode(&code).unwrap().name.as_deref(), Some("Ana Lopez"));
    assert!(
        std::fs::read_to_string(&json)
            .unwrap()
            .contains("\"name\": \"Ana Lopez\"")
    );
    let class = scored(&["class", reports.to_str().unwrap()], "");
    assert!(text(&class.stdout).contains("Ana Lopez"));

    // A bad name is refused with the reason, before anything is played.
    let bad = scored(&["play", "mandatory", "--headless", "--name", "a/b"], "");
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("letters, digits, spaces, - and _"));

    // The autosave keeps the name; `report --name` and `resume --name` set another.
    let slot = saves.join("mandatory-lin_wei.ron");
    assert!(slot.is_file(), "headless play autosaved");
    let other = dir.path().join("other");
    let out = scored(
        &[
            "report",
            slot.to_str().unwrap(),
            "--name",
            "Bea",
            "--saves-dir",
            other.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = other.join("reports/mandatory-2026-Bea.json");
    assert!(written.is_file(), "--saves-dir is where the report goes");
    assert!(text(&out.stdout).contains(&format!("Report written: {}", written.display())));
}

#[test]
fn exporting_again_writes_the_same_files_and_never_overwrites_another_student() {
    let level = load("levels/mandatory.ron");
    let dir = tempfile::tempdir().unwrap();
    let mut a = bots::play(level.clone(), None, 2026, Strategy::Conformist);
    a.set_name(Some("Sam".into()));
    let mut b = bots::play(level.clone(), None, 2026, Strategy::Rebel);
    b.set_name(Some("Sam".into()));
    let first = classroom::write_report(dir.path(), &a).unwrap();
    assert_eq!(classroom::write_report(dir.path(), &a).unwrap(), first);
    let second = classroom::write_report(dir.path(), &b).unwrap();
    assert!(
        second[1].ends_with("mandatory-2026-Sam-2.json"),
        "{second:?}"
    );
    // Without a name: the persona and a hash of the report.
    let c = bots::play(level.clone(), None, 2026, Strategy::Authentic);
    let d = bots::play(level, None, 2026, Strategy::Random);
    let (c, d) = (
        classroom::write_report(dir.path(), &c).unwrap(),
        classroom::write_report(dir.path(), &d).unwrap(),
    );
    assert_ne!(c[1], d[1]);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 12);
}

#[test]
fn headless_play_autosaves_to_the_saves_folder_unless_no_save() {
    let dir = tempfile::tempdir().unwrap();
    let saves = dir.path().join("s");
    let args = |extra: &[&str]| {
        let mut a = vec!["play", "tutorial", "--headless", "--saves-dir"];
        a.push(saves.to_str().unwrap());
        a.extend_from_slice(extra);
        a.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let run = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        scored(&a, "next\nquit\n")
    };
    let out = run(args(&["--no-save"]));
    assert!(out.status.success());
    assert!(!saves.exists() || std::fs::read_dir(&saves).unwrap().count() == 0);
    let out = run(args(&[]));
    assert!(out.status.success());
    let slot = saves.join("tutorial-lin_wei.ron");
    assert!(text(&out.stderr).contains(&format!("saving to {}", slot.display())));
    assert!(slot.is_file());
    // Per slot: a second game never overwrites the first.
    run(args(&[]));
    assert!(saves.join("tutorial-lin_wei-2.ron").is_file());
    let resumed = scored(
        &["resume", slot.to_str().unwrap(), "--headless"],
        "status\n",
    );
    assert!(
        text(&resumed.stdout).contains("Resumed"),
        "{}",
        text(&resumed.stderr)
    );
    // --save FILE still chooses the file.
    let file = dir.path().join("mine.ron");
    run(args(&["--save", file.to_str().unwrap()]));
    assert!(file.is_file());
}

/// The section of `text` under `== title`, to its blank line.
fn section<'a>(text: &'a str, title: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|l| *l != format!("== {title}"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect()
}

/// `  spent on leisure fell: 14 of 30 (the largest for 9); …` as (shift, n, largest).
fn shift_line(l: &str) -> Option<(String, usize, usize)> {
    let (what, rest) = l.strip_prefix("  ")?.split_once(": ")?;
    let (n, rest) = rest.split_once(" of ")?;
    let largest = rest.split_once("(the largest for ")?.1.split_once(')')?.0;
    Some((what.to_string(), n.parse().ok()?, largest.parse().ok()?))
}

#[test]
fn the_class_view_counts_every_shift_students_had_not_only_the_largest() {
    use std::collections::BTreeMap;
    let level = load("levels/mandatory.ron");
    let reports: Vec<classroom::Report> = class_of_30(&level)
        .iter()
        .map(|g| classroom::debrief(g).0)
        .collect();
    // What the reports hold: up to three shifts each, the first the summary's (the code's).
    let mut expected: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for r in &reports {
        assert!(r.shifts.len() <= 3);
        assert_eq!(
            r.shifts.first().map(|s| s.0.as_str()),
            r.summary.drift.as_ref().map(|d| d.0.as_str())
        );
        for (i, (k, b, a)) in r.shifts.iter().enumerate() {
            assert_ne!(b, a, "a shift changed: {k}");
            let way = if a > b { "rose" } else { "fell" };
            let e = expected.entry(format!("{k} {way}")).or_default();
            e.0 += 1;
            e.1 += usize::from(i == 0);
        }
    }
    assert!(
        reports.iter().filter(|r| r.shifts.len() > 1).count() >= 3,
        "the generated class has students with several shifts"
    );
    let text = Class::new(reports.iter().cloned().map(ClassEntry::Report).collect()).text();
    let drift = section(&text, "Drift in mandatory · seed 2026 · lin_wei");
    assert!(drift[0].contains("how many of the 30 had each"), "{text}");
    let shown: Vec<_> = drift.iter().filter_map(|l| shift_line(l)).collect();
    assert_eq!(shown.len(), expected.len().min(10), "{}", drift.join("\n"));
    for (what, n, largest) in &shown {
        assert_eq!(expected.get(what), Some(&(*n, *largest)), "{what}");
    }
    // Ranked by how many had it, and shifts that were nobody's largest still counted.
    assert!(shown.windows(2).all(|w| w[0].1 >= w[1].1), "{drift:?}");
    assert!(shown.iter().any(|(_, n, largest)| n > largest), "{drift:?}");
    let total: usize = shown.iter().map(|s| s.1).sum();
    let had: usize = reports.iter().map(|r| r.shifts.len()).sum();
    assert!(expected.len() > 10 || total == had);
    let none = reports.iter().filter(|r| r.shifts.is_empty()).count();
    if none > 0 {
        let line = format!("  No shift to name: {none} of 30");
        assert!(drift.iter().any(|l| l.starts_with(&line)), "{drift:?}");
    }

    // A report written before the shifts were kept still loads: its largest shift counts.
    let old: Vec<ClassEntry> = reports
        .iter()
        .map(|r| {
            let mut json: serde_json::Value = serde_json::to_value(r).unwrap();
            json.as_object_mut().unwrap().remove("shifts");
            let old: classroom::Report = serde_json::from_value(json).unwrap();
            assert!(old.shifts.is_empty());
            assert_eq!(old.shifts().len(), usize::from(r.summary.drift.is_some()));
            ClassEntry::Report(old)
        })
        .collect();
    let text = Class::new(old).text();
    let drift = section(&text, "Drift in mandatory · seed 2026 · lin_wei");
    let shown: Vec<_> = drift.iter().filter_map(|l| shift_line(l)).collect();
    assert!(!shown.is_empty(), "{text}");
    assert!(
        shown.iter().all(|(_, n, largest)| n == largest),
        "{drift:?}"
    );
    // A report without a shift writes no `shifts` at all (the file as before).
    for r in reports.iter().filter(|r| r.shifts.is_empty()) {
        assert!(!serde_json::to_string(r).unwrap().contains("\"shifts\""));
    }

    // Codes carry only the largest shift, and the view says so.
    let codes: Vec<ClassEntry> = reports
        .iter()
        .map(|r| ClassEntry::Code(decode(&encode(&r.summary)).unwrap()))
        .collect();
    let text = Class::new(codes).text();
    assert!(
        text.contains("30 handed in as result codes: a code carries only its largest shift."),
        "{text}"
    );
}
