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
