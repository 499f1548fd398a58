//! The core stays pure: nothing in `src/game` may touch the terminal, files, the clock, the
//! environment, threads or global randomness, and nothing may iterate a HashMap.

use std::fs;
use std::path::{Path, PathBuf};

const FORBIDDEN: &[&str] = &[
    "std::fs",
    "std::io",
    "std::env",
    "std::time",
    "std::thread",
    "std::process",
    "std::net",
    "Instant",
    "SystemTime",
    "HashMap",
    "HashSet",
    "thread_rng",
    "rand::rng(",
    "OsRng",
    "SysRng",
    "StdRng",
    "from_entropy",
    "crossterm",
    "ratatui",
    "println!",
    "eprintln!",
    "print!",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_imports_nothing_impure() {
    let mut files = vec![PathBuf::from("src/game.rs")];
    rust_files(Path::new("src/game"), &mut files);
    assert!(files.len() > 10, "the core's files were not found");
    let mut found = Vec::new();
    for f in &files {
        let text = fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    found.push(format!(
                        "{}:{}: `{word}` in: {}",
                        f.display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the core must stay pure:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_would_catch_an_impure_line() {
    let line = "use std::fs::File;";
    assert!(FORBIDDEN.iter().any(|w| line.contains(w)));
}
