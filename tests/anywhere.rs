//! The binary carries its levels: it plays from any folder, level files add to or override the
//! built-in ones in the documented order, and a save resumes from any folder.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use scored::launch::SHIPPED;
use scored::levels::{self, BUILT_IN, Shelf, Source};

/// The built binary, run in `dir`.
fn scored_in(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scored"))
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .env("TERM", "dumb")
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

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

#[test]
fn the_built_in_levels_are_the_shipped_files() {
    let ids: Vec<&str> = BUILT_IN.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, SHIPPED);
    for (id, text) in BUILT_IN {
        let file = std::fs::read_to_string(format!("levels/{id}.ron")).unwrap();
        assert_eq!(&file, text, "{id}");
        let level = levels::load(&levels::built_in_path(id)).expect(id);
        assert_eq!(level.id, *id);
    }
}

#[test]
fn the_installed_binary_plays_mandatory_to_its_end_from_any_folder() {
    let dir = tempfile::tempdir().unwrap();
    let o = scored_in(
        dir.path(),
        &[
            "play",
            "mandatory",
            "--headless",
            "--seed",
            "5",
            "--saves-dir",
            "s",
            "--report",
            "r",
        ],
        &"next\n".repeat(12),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = out(&o);
    assert!(text.contains("Ending: "), "{text}");
    assert!(text.contains("Report written: r/mandatory-5-"), "{text}");
    // The save names the built-in level, and resumes from another folder.
    let save = std::fs::read_dir(dir.path().join("s"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .unwrap();
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(
        saved.contains("level_path: \"built-in:mandatory\""),
        "{saved}"
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let o = scored_in(
        elsewhere.path(),
        &["report", save.to_str().unwrap(), "--out", "again"],
        "",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out(&o).contains("Report written: again/mandatory-5-"));
}

#[test]
fn an_unfinished_save_resumes_from_another_folder() {
    let dir = tempfile::tempdir().unwrap();
    let o = scored_in(
        dir.path(),
        &["play", "tutorial", "--headless", "--save", "t.ron"],
        "next\nnext\nquit\n",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let elsewhere = tempfile::tempdir().unwrap();
    let save = dir.path().join("t.ron");
    let o = scored_in(
        elsewhere.path(),
        &["resume", save.to_str().unwrap(), "--headless"],
        "status\nquit\n",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out(&o).contains("Day 3"), "{}", out(&o));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("changed"));
}

#[test]
fn folders_override_the_built_in_levels_in_the_documented_order() {
    let dir = tempfile::tempdir().unwrap();
    let tutorial = std::fs::read_to_string("levels/tutorial.ron").unwrap();
    let renamed = |title: &str| tutorial.replacen("title: \"First Week\"", title, 1);
    std::fs::create_dir_all(dir.path().join("levels")).unwrap();
    std::fs::create_dir_all(dir.path().join("mine")).unwrap();
    std::fs::write(
        dir.path().join("levels/tutorial.ron"),
        renamed("title: \"Local Week\""),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("mine/tutorial.ron"),
        renamed("title: \"My Week\""),
    )
    .unwrap();
    let mut extra = tutorial.replacen("id: \"tutorial\"", "id: \"extra\"", 1);
    extra = extra.replacen("title: \"First Week\"", "title: \"Extra Week\"", 1);
    std::fs::write(dir.path().join("levels/extra.ron"), extra).unwrap();

    let o = scored_in(dir.path(), &["levels"], "");
    let text = out(&o);
    assert!(text.contains("levels/tutorial.ron"), "{text}");
    assert!(text.contains("Local Week"), "{text}");
    assert!(text.contains("(overrides the built-in one)"), "{text}");
    assert!(text.contains("Extra Week"), "{text}");
    assert!(
        text.contains("mandatory") && text.contains("built in"),
        "{text}"
    );

    let o = scored_in(dir.path(), &["--levels", "mine", "levels"], "");
    let text = out(&o);
    assert!(text.contains("mine/tutorial.ron"), "{text}");
    assert!(text.contains("My Week"), "{text}");
    assert!(text.contains("(overrides levels/tutorial.ron)"), "{text}");

    let shelf = Shelf::new(&[dir.path().join("mine")]);
    let listing = shelf.list();
    let tut = listing.iter().find(|l| l.id == "tutorial").unwrap();
    assert_eq!(tut.source, Source::Folder(dir.path().join("mine")));
    assert_eq!(tut.overrides.len(), 2, "{:?}", tut.overrides);
    assert_eq!(listing[0].id, "tutorial", "shipped levels keep their order");
}

#[test]
fn an_unknown_level_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let o = scored_in(dir.path(), &["play", "nope", "--headless"], "");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no level `nope`"), "{err}");
    assert!(err.contains("scored levels"), "{err}");
}
