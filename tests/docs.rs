//! `docs/levels.md` documents every field and every variant of the level format: a field
//! added to the types but not to the reference fails here.

use std::fs;

/// Field names (`pub name:`) and enum variants (`Name,` `Name(` `Name {`) of the format's types.
fn format_names() -> Vec<String> {
    let mut names = Vec::new();
    // The format is `level.rs` and every file of `level/`.
    let mut files = vec![std::path::PathBuf::from("src/game/level.rs")];
    let mut parts: Vec<_> = (fs::read_dir("src/game/level").unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    parts.sort();
    files.extend(parts);
    for file in files {
        let text = fs::read_to_string(file).unwrap();
        let mut in_enum = false;
        for line in text.lines() {
            let t = line.trim();
            if t.starts_with("pub enum ") {
                in_enum = true;
                continue;
            }
            if t.starts_with("pub struct ") || t.starts_with("impl ") || t == "}" {
                in_enum = false;
                continue;
            }
            if let Some(rest) = t.strip_prefix("pub ")
                && let Some((name, _)) = rest.split_once(':')
                && !rest.starts_with("fn ")
                && !rest.starts_with("use ")
                && !rest.starts_with("mod ")
                && !rest.starts_with("const ")
            {
                names.push(name.trim().to_string());
            } else if in_enum && t.chars().next().is_some_and(char::is_uppercase) {
                let name: String = t.chars().take_while(|c| c.is_alphanumeric()).collect();
                names.push(name);
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

#[test]
fn every_field_and_variant_is_in_the_reference() {
    let doc = fs::read_to_string("docs/levels.md").unwrap();
    let names = format_names();
    assert!(
        names.len() > 120,
        "the scan found too little ({})",
        names.len()
    );
    for probe in [
        "per_day",
        "pre_ticked",
        "FriendPost",
        "Throttle",
        "BlackBox",
        "tolerance",
    ] {
        assert!(names.iter().any(|n| n == probe), "the scan missed {probe}");
    }
    let missing: Vec<&String> = names
        .iter()
        .filter(|n| !doc.contains(&format!("| `{n}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/levels.md has no table row for: {missing:?}"
    );
}
