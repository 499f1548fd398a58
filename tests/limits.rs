//! Levels at the limits (issue 20, class 5): a level that passes `check` plays to its end in
//! bounded time and output, its money saturates instead of leaving the range a save may hold,
//! and the save the game writes is read back and resumed. The save estimate `check` uses is
//! from above on the shipped levels.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use scored::bots::{self, Strategy};
use scored::check;
use scored::game::Level;
use scored::game::level::{Effect, Event};
use scored::save::{self, SaveFile};

fn level(path: &str) -> Level {
    check::load_file(Path::new(path)).unwrap()
}

fn ron_of(level: &Level) -> String {
    ron::ser::to_string_pretty(level, ron::ser::PrettyConfig::new()).unwrap()
}

#[test]
fn the_save_estimate_is_from_above_on_every_shipped_level() {
    for entry in std::fs::read_dir("levels").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let level = Arc::new(check::load_file(&path).unwrap());
        let estimate = check::save_estimate(&level);
        assert!(estimate <= check::MAX_SAVE_ESTIMATE, "{}", path.display());
        for strategy in [Strategy::Conformist, Strategy::Rebel, Strategy::Random] {
            let game = bots::play(level.clone(), None, 3, strategy);
            let hash = save::level_hash(&path).unwrap();
            let size = SaveFile::of(&game, &path, hash).to_ron().len();
            assert!(
                size <= estimate,
                "{}: a save of {size} bytes, estimated {estimate}",
                path.display()
            );
        }
    }
}

/// The mandatory level grown to the caps: 500 rules counting once a day, people copied to
/// fill rules × people, and bulletins that add 1 000 000 000 money 2 000 times.
fn at_the_limits() -> Level {
    let mut level = level("levels/mandatory.ron");
    let rules = level.rules.clone();
    let mut n = 0;
    while level.rules.len() < 500 {
        let mut r = rules[n % rules.len()].clone();
        r.id = format!("{}_{n}", r.id);
        r.per_day = Some(1);
        r.once = n % 2 == 1;
        level.rules.push(r);
        n += 1;
    }
    let people = level.npcs.clone();
    let mut k = 0;
    while 500 * (level.npcs.len() + 1 + level.actions_per_day as usize) <= 20_000 {
        let mut p = people[k % people.len()].clone();
        p.id = format!("{}_{k}", p.id);
        p.name = format!("{} {k}", p.name);
        for post in &mut p.posts {
            post.id = format!("{}_{k}", post.id);
        }
        level.npcs.push(p);
        k += 1;
    }
    let bulletin: Event = level
        .events
        .iter()
        .find(|e| e.bulletin)
        .cloned()
        .unwrap_or_else(|| level.events[0].clone());
    for k in 0..4 {
        let mut b = bulletin.clone();
        b.id = format!("windfall_{k}");
        b.bulletin = true;
        b.day = 1 + k;
        b.when = Default::default();
        b.choices.clear();
        b.default = None;
        b.effects = vec![Effect::Money(1_000_000_000); 500];
        level.events.push(b);
    }
    level
}

#[test]
fn a_level_at_the_limits_plays_to_its_end_and_its_save_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("limits.ron");
    std::fs::write(&path, ron_of(&at_the_limits())).unwrap();
    let loaded = check::load_file(&path);
    let level = Arc::new(loaded.unwrap_or_else(|d| {
        panic!(
            "{}",
            d.iter()
                .map(|d| d.headline())
                .collect::<Vec<_>>()
                .join("\n")
        )
    }));
    assert_eq!(level.rules.len(), 500);

    let started = std::time::Instant::now();
    let game = bots::play(level.clone(), None, 7, Strategy::Random);
    assert!(game.is_over());
    // 2 000 × 1e9 added, saturated at 1e12 (then some spent and rent paid).
    let money = game.state().money;
    assert!(
        (999_000_000_000..=1_000_000_000_000).contains(&money),
        "{money}"
    );
    let hash = save::level_hash(&path).unwrap();
    let text = SaveFile::of(&game, &path, hash).to_ron();
    assert!(text.len() <= check::save_estimate(&level), "{}", text.len());
    let back = SaveFile::parse(&text).unwrap();
    assert_eq!(&back.state, game.state());
    let resumed = back
        .into_game(level.clone())
        .expect("the game's own save fits");
    assert_eq!(resumed.state(), game.state());
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());

    // The real binary: headless to the end, in bounded output, and the save it wrote resumes.
    let saves = dir.path().join("saves");
    let out = Command::new(env!("CARGO_BIN_EXE_scored"))
        .arg("play")
        .arg(&path)
        .args(["--headless", "--seed", "7", "--saves-dir"])
        .arg(&saves)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let shown = out.stdout.len() + out.stderr.len();
    assert!(shown < 16 * 1024 * 1024, "{shown} bytes of output");
    for f in std::fs::read_dir(&saves).unwrap() {
        let f = f.unwrap().path();
        let save = SaveFile::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        save.into_game(level.clone()).unwrap();
    }
}

#[test]
fn a_level_beyond_the_products_is_refused_by_check() {
    let mut level = at_the_limits();
    let extra = level.npcs[0].clone();
    for k in 0..5 {
        let mut p = extra.clone();
        p.id = format!("more_{k}");
        p.posts.clear();
        level.npcs.push(p);
    }
    level.npcs[0].values.insert("some_tag".into(), 1_000_000);
    let text = ron_of(&level);
    let (_, found) = check::load_str("big.ron", &text);
    let all: Vec<String> = found.iter().map(|d| d.headline()).collect();
    assert!(all.iter().any(|d| d.contains("rules ×")), "{all:?}");
    assert!(all.iter().any(|d| d.contains("beyond ±1000")), "{all:?}");
}

/// A save larger than any game of its level writes was not written by the game, and playing on
/// from it could outgrow what a save may be: `resume` refuses it and leaves it as it was.
#[test]
fn a_save_larger_than_its_level_allows_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = Path::new("levels/mandatory.ron");
    let level = Arc::new(level("levels/mandatory.ron"));
    let game = bots::play(level.clone(), None, 3, Strategy::Conformist);
    let text = SaveFile::of(&game, path, save::level_hash(path).unwrap()).to_ron();
    let most = save::most_bytes(&level) as usize;
    assert!(text.len() < most, "a real save ({}) fits", text.len());

    let real = dir.path().join("real.ron");
    std::fs::write(&real, &text).unwrap();
    assert!(save::resume(&real, Path::new("levels")).is_ok());

    let padded = format!("{text}\n// {}\n", "x".repeat(most - text.len()));
    let big = dir.path().join("big.ron");
    std::fs::write(&big, &padded).unwrap();
    assert!(SaveFile::parse(&padded).is_ok(), "the padding is a comment");
    let why = save::resume(&big, Path::new("levels"))
        .err()
        .unwrap()
        .to_string();
    assert!(
        why.contains("more than any game of this level writes"),
        "{why}"
    );
    assert_eq!(std::fs::read_to_string(&big).unwrap(), padded, "kept");
}

/// Rules × (people + actions) × days is capped too (C024): a level within the day's budget
/// but long enough to make every bot game slow is refused at its `days`.
#[test]
fn the_work_of_a_whole_game_is_capped() {
    let mut level = at_the_limits();
    let day_work = level.rules.len() * (level.npcs.len() + level.actions_per_day as usize);
    assert!(day_work <= check::MAX_DAY_WORK);
    level.days = (check::MAX_GAME_WORK / day_work) as u32 + 1;
    let (_, found) = check::load_str("long.ron", &ron_of(&level));
    let errors: Vec<String> = found
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.headline())
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("C024") && e.contains("at most 600000")),
        "{errors:?}"
    );
    level.days -= 1;
    let (_, found) = check::load_str("long.ron", &ron_of(&level));
    assert!(
        !found
            .iter()
            .any(|d| d.is_error() && d.headline().contains("rule checks a day"))
    );
}

/// The options a bot weighs in a game are capped (C024): actions a day × (2 × people + items +
/// topics) × days, so that `simulate --report` stays within seconds however a level is drawn.
#[test]
fn the_options_a_bot_weighs_are_capped() {
    let mut busy = level("levels/mandatory.ron");
    busy.actions_per_day = 20;
    let options = 2 * busy.npcs.len() + busy.items.len() + busy.topics.len();
    let day = 20 * options;
    busy.days = (check::MAX_WEIGHED / day) as u32;
    let headlines = |level: &Level| -> Vec<String> {
        let (_, found) = check::load_str("busy.ron", &ron_of(level));
        (found.iter())
            .filter(|d| d.is_error())
            .map(|d| d.headline())
            .collect()
    };
    let weighed = |e: &String| e.contains("C024") && e.contains("options weighed in a game");
    let at_cap = headlines(&busy);
    assert!(!at_cap.iter().any(weighed), "{at_cap:?}");
    busy.days += 1;
    let over = headlines(&busy);
    assert!(
        over.iter()
            .any(|e| weighed(e) && e.contains(&format!("at most {}", check::MAX_WEIGHED))),
        "{over:?}"
    );
    for f in std::fs::read_dir("levels").unwrap() {
        let path = f.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let shipped = level(path.to_str().unwrap());
        let options = 2 * shipped.npcs.len() + shipped.items.len() + shipped.topics.len();
        let weighed = shipped.actions_per_day as usize * options * shipped.days as usize;
        assert!(
            weighed < check::MAX_WEIGHED / 20,
            "{}: {weighed}",
            shipped.id
        );
    }
}

/// A consent box's words are quoted in the ledger rows it sets off: a long box on many rules
/// still gives saves within the estimate, and each resumes.
#[test]
fn a_long_consent_box_quoted_in_many_rows_stays_within_the_estimate() {
    let mut level = level("tests/fixtures/mini.ron");
    level.consent.as_mut().unwrap().checkbox = "李".repeat(4000);
    let data = level.rules.iter().find(|r| r.id == "data").unwrap().clone();
    for k in 0..300 {
        let mut r = data.clone();
        r.id = format!("data_{k}");
        level.rules.push(r);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("box.ron");
    std::fs::write(&path, ron_of(&level)).unwrap();
    let level = Arc::new(check::load_file(&path).expect("passes check"));
    let hash = save::level_hash(&path).unwrap();
    for strategy in [Strategy::Conformist, Strategy::Rebel] {
        let game = bots::play(level.clone(), None, 3, strategy);
        let text = SaveFile::of(&game, &path, hash.clone()).to_ron();
        assert!(
            text.len() <= check::save_estimate(&level),
            "{strategy:?}: {} bytes, estimate {}",
            text.len(),
            check::save_estimate(&level)
        );
        let file = dir.path().join("box-save.ron");
        std::fs::write(&file, &text).unwrap();
        let shelf = scored::levels::Shelf::of_folder(dir.path());
        save::resume_on(&file, &shelf).expect("the game's own save resumes");
    }
}
