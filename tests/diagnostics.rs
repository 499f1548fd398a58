//! Every broken level in `tests/fixtures/bad/` gives exactly the diagnostics written in its
//! `.expected` file: position, code, message, excerpt and hint. Set `UPDATE_EXPECTED=1` to
//! rewrite the files after a deliberate change, then review the diff.

use std::fs;
use std::path::Path;

use scored::check;

#[test]
fn every_bad_fixture_gives_its_expected_diagnostics() {
    let dir = Path::new("tests/fixtures/bad");
    let mut seen = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
    {
        seen += 1;
        let diagnostics = match check::load_file(path) {
            Ok(_) => {
                failures.push(format!("{} loaded without error", path.display()));
                continue;
            }
            Err(d) => d,
        };
        let actual: String = diagnostics.iter().map(ToString::to_string).collect();
        let expected_path = path.with_extension("expected");
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} has no .expected file", path.display()));
        if actual != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                path.display()
            ));
        }
    }
    assert!(
        seen >= 20,
        "the fixtures folder went missing ({seen} files)"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_file_with_many_problems_reports_them_all_at_once() {
    let err = check::load_file(Path::new("tests/fixtures/bad/many_problems.ron")).unwrap_err();
    let codes: Vec<&str> = err.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["C011", "C012", "C010", "C015"]);
}

#[test]
fn a_byte_order_mark_and_windows_line_ends_are_accepted() {
    for f in [
        "tests/fixtures/bom.ron",
        "tests/fixtures/crlf.ron",
        "tests/fixtures/tabs.ron",
    ] {
        assert!(check::load_file(Path::new(f)).is_ok(), "{f}");
    }
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let huge = format!("({})", " ".repeat(check::MAX_FILE_BYTES + 1));
    let (level, diagnostics) = check::load_str("huge.ron", &huge);
    assert!(level.is_none());
    assert_eq!(diagnostics[0].code, "C006");
    assert_eq!(diagnostics.len(), 1);
}

#[test]
fn did_you_mean_finds_close_ids_only() {
    assert_eq!(
        check::did_you_mean("dishwaser", ["dishwasher", "nappies"]).as_deref(),
        Some("dishwasher")
    );
    assert_eq!(check::did_you_mean("zzz", ["dishwasher", "nappies"]), None);
}

#[test]
fn warnings_are_reported_but_the_level_still_loads() {
    let src = std::fs::read_to_string("tests/fixtures/mini.ron")
        .unwrap()
        .replace("    rule_setter: Vote(every: 7),\n", "")
        .replace("price: 1200", "price: 5000");
    let (level, diagnostics) = check::load_str("mini.ron", &src);
    assert!(level.is_some(), "a warning is not an error");
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        ["C022", "C021"],
        "the yacht no one can afford, the proposals no one votes on"
    );
    assert!(
        diagnostics
            .iter()
            .all(|d| d.severity == check::Severity::Warning)
    );
    assert_eq!(
        diagnostics[1].headline(),
        "mini.ron:112:5: warning[C021]: there are proposals but nobody votes on them"
    );
    assert!(
        diagnostics[0]
            .message
            .contains("more than any persona can ever have (1300)")
    );
}

/// The mini level with one change, checked: its diagnostics as printed.
fn mini_with(from: &str, to: &str) -> (bool, String) {
    let src = std::fs::read_to_string("tests/fixtures/mini.ron").unwrap();
    assert!(src.contains(from), "the mini level has no `{from}`");
    let (level, diagnostics) = check::load_str("mini.ron", &src.replacen(from, to, 1));
    let text = diagnostics.iter().map(ToString::to_string).collect();
    (level.is_some(), text)
}

#[test]
fn a_starting_friend_who_would_drop_the_player_at_once_is_a_warning() {
    let (loads, text) = mini_with("tolerance: 520", "tolerance: 880");
    assert!(loads, "a warning does not stop the level");
    assert_eq!(
        text,
        "mini.ron:57:23: warning[C026]: `student` starts with a score of 603, below the tolerance of their friend `jo` (880): `jo` drops them as soon as the score counts\n \
         57 |             friends: [\"jo\", \"max\"],\n    \
         |                       ^^^^\n  \
         hint: lower `jo`'s `tolerance` to 603 or less, or raise the persona's starting points\n"
    );
}

#[test]
fn the_starting_score_the_warning_names_is_the_score_formula_at_the_opening() {
    let level = check::load_file(Path::new("tests/fixtures/mini.ron")).unwrap();
    let opening = scored::game::Opening::new(std::sync::Arc::new(level), Some("student")).unwrap();
    // Behaviour starts at 60; connections follow the friends Jo (500) and Max (600): their
    // mean 550 is 41 of 100 on the 300–900 range. Weights 50 and 50, rounded to nearest:
    // 300 + (600 × (60 × 50 + 41 × 50) + 50 × 100) / (100 × 100) = 603.
    let by_hand = 300 + (600 * (60 * 50 + 41 * 50) + 50 * 100) / (100 * 100);
    assert_eq!(by_hand, 603);
    assert_eq!(opening.starting_score(), by_hand);
}

#[test]
fn a_hidden_item_or_topic_nothing_opens_is_a_warning() {
    let (loads, text) = mini_with(
        "price: 20, tags: [\"baby\"]",
        "price: 20, tags: [\"baby\"], hidden: true",
    );
    assert!(loads);
    assert_eq!(
        text,
        "mini.ron:84:114: warning[C027]: item `nappies` is hidden and nothing opens it\n \
         84 | …ption: \"Nappies.\", category: \"family\", price: 20, tags: [\"baby\"], hidden: true),\n    \
         |                                                                    ^^^^^^\n  \
         hint: add `OpenItem(\"nappies\")` to an event's effects, or remove `hidden`\n"
    );
    let opened = "effects: [EnableRule(\"crackdown\"), OpenItem(\"nappies\")]";
    let src = std::fs::read_to_string("tests/fixtures/mini.ron").unwrap();
    let src = src
        .replacen(
            "price: 20, tags: [\"baby\"]",
            "price: 20, tags: [\"baby\"], hidden: true",
            1,
        )
        .replacen("effects: [EnableRule(\"crackdown\")]", opened, 1);
    let (level, diagnostics) = check::load_str("mini.ron", &src);
    assert!(level.is_some() && diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn the_new_references_are_checked_with_codes_and_hints() {
    let err =
        check::load_file(Path::new("tests/fixtures/bad/unknown_new_references.ron")).unwrap_err();
    let codes: Vec<&str> = err.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            "C011", "C011", "C011", "C012", "C013", "C025", "C011", "C012"
        ]
    );
}

/// A character that must never reach the output from input: controls other than the line
/// end, bidi controls, zero-width characters, line and paragraph separators, tag characters.
fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{200b}'..='\u{200d}'
                | '\u{2060}'..='\u{2064}'
                | '\u{180e}'
                | '\u{feff}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// Hostile text: raw hostile characters, the escapes that produce them, and anything else.
fn hostile_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        prop::sample::select(vec![
            "\u{1b}[2J",
            "\u{9b}",
            "\u{0}",
            "\r",
            "\u{7}",
            "\u{202e}",
            "\u{200b}",
            "\u{feff}",
            "\u{2028}",
            "\u{e0041}",
            "\\u{1b}",
            "\\x1b",
            "\\0",
            "\\r",
            "\\n",
            "\\xEF\\xBB\\xBF",
            "\\xC2\\x9B",
            "\\u{e0041}",
            "\\u{2029}",
            "\\\"",
            "\"",
        ])
        .prop_map(str::to_string),
        any::<char>().prop_map(|c| c.to_string()),
        "[a-z ]{0,4}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Whatever a level holds, wherever, the diagnostics say it escaped: no diagnostic as
    /// printed holds a character that could act on a terminal or hide.
    #[test]
    fn no_diagnostic_carries_an_unprintable_character(
        text in hostile_text(),
        place in 0usize..8,
    ) {
        let mini = fs::read_to_string("tests/fixtures/mini.ron").unwrap();
        let src = match place {
            0 => mini.replacen("The air is bad.", &text, 1),
            1 => mini.replacen("name: \"A story\"", &format!("name: \"{text}\""), 1),
            2 => mini.replacen("tags: [\"games\"]),", &format!("tags: [\"{text}\"]),"), 1),
            3 => mini.replacen("id: \"story\"", &format!("id: \"{text}\""), 1),
            4 => mini.replacen("description:", &format!("{text}:"), 1),
            5 => mini.replacen("Authentic", &text, 1),
            6 => mini.replacen("\"press\": 3", &format!("\"{text}\": 3"), 1),
            _ => text.clone(),
        };
        for path in ["x.ron", text.as_str()] {
            let (_, diagnostics) = check::load_str(path, &src);
            for d in &diagnostics {
                let printed = d.to_string();
                proptest::prop_assert!(
                    !printed.chars().any(unprintable),
                    "{printed:?}"
                );
            }
        }
    }
}
