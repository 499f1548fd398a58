//! Untrusted text and numbers in `scored class` (issue 20, classes 3 and 8), through the real
//! binary: forged codes and reports carrying screen clears, OSC 52, bidi overrides, C1
//! controls, NUL, backspaces and newlines that would forge a `== …` section; numbers beyond
//! what a game keeps; binary files, folders and bad lines. Nothing of it reaches stdout,
//! stderr or the Markdown raw, and nothing aborts the summary.

use std::path::Path;
use std::process::Command;

use scored::classroom::{Summary, encode};

fn summary(ending: &str, persona: &str, name: Option<&str>) -> Summary {
    Summary {
        level: "mandatory".into(),
        seed: 2026,
        persona: persona.into(),
        ending: ending.into(),
        score: 577,
        integrity: 63,
        money: 643,
        conflicted: 4,
        obeyed: 1,
        censored: 0,
        reports: 1,
        dropped: 1,
        drift: Some((ending.into(), 83, 0)),
        name: name.map(String::from),
    }
}

/// FNV-1a, four hex digits, as a code's checksum: forging one is this easy.
fn checksum(s: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{:04x}", h & 0xffff)
}

/// A code with part `i` replaced by `raw`, its checksum made to match.
fn forged(code: &str, i: usize, raw: &str) -> String {
    let (body, _) = code.rsplit_once('~').unwrap();
    let mut parts: Vec<&str> = body.split('~').collect();
    parts[i] = raw;
    let body = parts.join("~");
    let check = checksum(&body);
    format!("{body}~{check}")
}

const HOSTILE: &[(&str, &str)] = &[
    ("screen clear", "\u{1b}[2J\u{1b}[H"),
    ("OSC 52", "\u{1b}]52;c;ZXZpbA==\u{7}"),
    ("bidi", "\u{202e}evil\u{2066}"),
    ("C1", "\u{9b}2J\u{85}\u{90}"),
    ("NUL", "a\u{0}b"),
    ("backspace", "ok\u{8}\u{8}no"),
    ("forged section", "x\n== Forged section\nall obeyed"),
    ("zero-width and tags", "a\u{200b}b\u{e0041}c\u{2028}d"),
];

/// Whether a character may come out of the program when it came from input.
fn raw_danger(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{e0000}'..='\u{e007f}'
        )
}

fn assert_clean(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| raw_danger(*c)) {
        panic!("{what} carries {c:?}:\n{text}");
    }
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("== Forged") || l.starts_with("## Forged")),
        "{what} has a forged section:\n{text}"
    );
}

fn class(dir: &Path, args: &[&str]) -> (String, String, String) {
    let md = dir.join("summary.md");
    let out = Command::new(env!("CARGO_BIN_EXE_scored"))
        .arg("class")
        .args(args)
        .arg("--markdown")
        .arg(&md)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let markdown = std::fs::read_to_string(&md).unwrap_or_default();
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        markdown,
    )
}

#[test]
fn every_hostile_item_is_cleaned_on_stdout_and_in_markdown() {
    for (what, bad) in HOSTILE {
        let dir = tempfile::tempdir().unwrap();
        // In a code: every text field, and the name.
        let code = encode(&summary(bad, bad, Some(bad)));
        let codes = dir.path().join("codes.txt");
        std::fs::write(&codes, format!("{code}\n")).unwrap();
        // In a report, in every string field.
        let report = serde_json::json!({
            "summary": {
                "level": format!("mandatory{bad}"), "seed": 2026, "persona": bad,
                "ending": bad, "score": 5, "integrity": 50, "money": 1, "conflicted": 2,
                "obeyed": 1, "censored": 0, "reports": 0, "dropped": 1,
                "drift": [bad, 1, 2], "name": bad
            },
            "choices": [{"day": 3, "kind": "Event", "subject": bad, "chosen": bad,
                         "label": bad, "title": bad}],
            "dropped": [[2, bad]]
        });
        std::fs::write(dir.path().join("r.json"), report.to_string()).unwrap();
        let folder = dir.path().display().to_string();
        let (stdout, stderr, md) = class(
            dir.path(),
            &[&folder, "--all", "--codes", codes.to_str().unwrap()],
        );
        assert_clean(&format!("{what}: stdout"), &stdout);
        assert_clean(&format!("{what}: stderr"), &stderr);
        assert_clean(&format!("{what}: markdown"), &md);
        assert!(stdout.starts_with("Read "), "{what}: {stdout}");
    }
}

#[test]
fn numbers_beyond_a_game_are_refused_never_shown_wrapped() {
    let dir = tempfile::tempdir().unwrap();
    let code = encode(&summary("ordinary", "lin_wei", None));
    let big = (1u64 << 40) + 650;
    let lines = [
        forged(&code, 8, &big.to_string()),  // decisions
        forged(&code, 11, &big.to_string()), // reports
        forged(&code, 5, "4294967946"),      // score: 2^32 + 650
        forged(&code, 7, &i64::MAX.to_string()),
        forged(&code, 10, "-1"),
    ];
    std::fs::write(dir.path().join("codes.txt"), lines.join("\n")).unwrap();
    // Two reports whose scores would wrap an i32 sum, and one with a count past u32.
    let report = |score: i64, conflicted: u64, persona: &str| {
        serde_json::json!({
            "summary": {
                "level": "mandatory", "seed": 2026, "persona": persona, "ending": "ordinary",
                "score": score, "integrity": 50, "money": 1, "conflicted": conflicted,
                "obeyed": 1, "censored": 0, "reports": 0, "dropped": 0, "drift": null
            },
            "choices": [], "dropped": []
        })
        .to_string()
    };
    let top = i64::from(i32::MAX) - 1;
    std::fs::write(dir.path().join("a.json"), report(top, 2, "a")).unwrap();
    std::fs::write(dir.path().join("b.json"), report(top, 3, "a")).unwrap();
    std::fs::write(dir.path().join("c.json"), report(5, big, "a")).unwrap();
    let folder = dir.path().display().to_string();
    let codes = dir.path().join("codes.txt").display().to_string();
    let (stdout, _, md) = class(dir.path(), &[&folder, "--codes", &codes]);
    for text in [&stdout, &md] {
        assert!(text.contains("2 merged"), "{text}");
        assert!(text.contains("6 unreadable"), "{text}");
        assert!(
            text.contains(&top.to_string()),
            "the mean is shown whole: {text}"
        );
        assert!(!text.contains(" 650 "), "{text}");
        assert!(!text.contains("-2147483"), "{text}");
    }
    assert_eq!(stdout.matches("out of range").count(), 5, "{stdout}");
}

#[test]
fn binary_files_folders_and_bad_lines_never_abort_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let good = encode(&summary("ordinary", "lin_wei", Some("Ana")));
    std::fs::write(dir.path().join("ok.code"), &good).unwrap();
    std::fs::write(dir.path().join("bin.json"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(dir.path().join("latin1.code"), [b'S', 0xe9, b'\n']).unwrap();
    std::fs::create_dir(dir.path().join("folder.json")).unwrap();
    std::fs::write(
        dir.path().join("unknown.json"),
        r#"{"summary": {"level": "m\u001b[2J", "\u001b]52;c;eA==\u0007": 1}}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("evil\u{1b}[2J\n== Forged.code"), &good).unwrap();
    let codes = dir.path().join("pasted.txt");
    let bad_sum = format!("{}0", &good[..good.len() - 1]);
    std::fs::write(
        &codes,
        format!("hello\n{bad_sum}\nSCORED1~x~y\n\u{1b}]52;c;x\u{7}\n{good}\n"),
    )
    .unwrap();
    let folder = dir.path().display().to_string();
    let (stdout, stderr, md) = class(
        dir.path(),
        &[
            &folder,
            "--codes",
            codes.to_str().unwrap(),
            "/nonexistent/x.code",
        ],
    );
    for (what, text) in [("stdout", &stdout), ("stderr", &stderr), ("markdown", &md)] {
        assert_clean(what, text);
    }
    assert!(stdout.contains("1 merged"), "{stdout}");
    assert!(stdout.contains("is not a text file"), "{stdout}");
    assert!(stdout.contains("is a folder"), "{stdout}");
    assert!(stdout.contains("is not UTF-8"), "{stdout}");
    assert!(stdout.contains("checksum"), "{stdout}");
    assert!(stdout.contains("not a Scored report"), "{stdout}");
    assert!(stdout.contains("/nonexistent/x.code"), "{stdout}");
    assert!(stdout.contains("== The class"), "{stdout}");
}

#[test]
fn a_pasted_chat_of_thousands_of_lines_lists_fifty_of_each_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let good = encode(&summary("ordinary", "lin_wei", Some("Ana")));
    let bad = format!("{}0", &good[..good.len() - 1]);
    let chat: String = (0..2_000)
        .map(|i| if i % 2 == 0 { &good } else { &bad })
        .map(|l| format!("{l}\n"))
        .collect();
    let codes = dir.path().join("pasted.txt");
    std::fs::write(&codes, chat).unwrap();
    let (stdout, _, md) = class(dir.path(), &["--codes", codes.to_str().unwrap()]);
    assert!(
        stdout.starts_with("Read 2000 entries: 1 merged, 999 duplicates"),
        "{stdout}"
    );
    let listed = |what: &str| stdout.lines().filter(|l| l.starts_with(what)).count();
    assert_eq!(listed("  duplicate: "), scored::classroom::SHOWN_SKIPPED);
    assert_eq!(listed("  unreadable: "), scored::classroom::SHOWN_SKIPPED);
    assert!(stdout.contains("… and 949 more duplicate(s)"), "{stdout}");
    assert!(stdout.contains("… and 950 more unreadable"), "{stdout}");
    assert!(stdout.len() < 32 * 1024, "{} bytes", stdout.len());
    assert!(md.len() < 32 * 1024, "{} bytes", md.len());
}

#[test]
fn a_class_reads_at_most_its_total_and_lists_the_files_past_it() {
    use scored::classroom::{MAX_TOTAL_BYTES, read_class};
    let dir = tempfile::tempdir().unwrap();
    // Eighteen files just under the 4 MiB a file may have: sixteen fit in the total.
    let body = format!("{{{}", " ".repeat(4 * 1024 * 1024 - 2));
    for k in 0..18 {
        std::fs::write(dir.path().join(format!("r{k:02}.json")), &body).unwrap();
    }
    let intake = read_class(&[dir.path().to_path_buf()], None);
    let past: Vec<_> = (intake.unreadable.iter())
        .filter(|(_, why)| why.contains("the most one summary reads"))
        .map(|(at, _)| at.as_str())
        .collect();
    let fit = (MAX_TOTAL_BYTES / body.len() as u64) as usize;
    assert_eq!(fit, 16);
    assert_eq!(past.len(), 18 - fit, "{past:?}");
    assert!(past[0].ends_with("r16.json"), "{past:?}");
    assert!(intake.read <= MAX_TOTAL_BYTES);
}
