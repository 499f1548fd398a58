//! Writes levels at the documented caps (docs/levels.md §6) into a folder, for measuring.
//!   cargo run --release --example caps -- /tmp/caps

use std::path::Path;

use scored::check;
use scored::game::Level;
use scored::game::level::{Effect, Event, NpcPost};

fn ron_of(level: &Level) -> String {
    ron::ser::to_string_pretty(level, ron::ser::PrettyConfig::new()).unwrap()
}

fn base() -> Level {
    check::load_file(Path::new("levels/mandatory.ron")).unwrap()
}

fn text(n: usize, seed: usize) -> String {
    let words = [
        "the", "score", "counts", "what", "you", "share", "and", "with", "whom", "today",
    ];
    let mut s = String::new();
    let mut i = seed;
    while s.len() < n {
        s.push_str(words[i % words.len()]);
        s.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7);
    }
    s.truncate(n);
    s.trim_end().to_string()
}

/// Errors of `level`, if any.
fn errors(level: &Level) -> Vec<String> {
    let (_, found) = check::load_str("caps.ron", &ron_of(level));
    found
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.headline())
        .collect()
}

/// The most days (≤ 365) for which the level still passes.
fn most_days(level: &mut Level) {
    let (mut lo, mut hi) = (level.days, 365);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        level.days = mid;
        if errors(level).is_empty() {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    level.days = lo;
}

/// Intro paragraphs until the file is just under 1 MiB.
fn pad(level: &mut Level) {
    let cap = check::MAX_FILE_BYTES - 2_000;
    while ron_of(level).len() < cap && level.intro.len() < 500 {
        let room = cap - ron_of(level).len();
        let n = room.saturating_sub(40).min(3_990);
        if n < 10 {
            break;
        }
        level.intro.push(text(n, level.intro.len()));
    }
}

fn rules_to(level: &mut Level, n: usize, once: bool) {
    let rules = level.rules.clone();
    let mut k = 0;
    while level.rules.len() < n {
        let mut r = rules[k % rules.len()].clone();
        r.id = format!("{}_{k}", r.id);
        r.per_day = Some(1);
        r.once = once || k % 2 == 1;
        level.rules.push(r);
        k += 1;
    }
    if once {
        for r in &mut level.rules {
            r.once = true;
        }
    }
}

fn people_to(level: &mut Level, n: usize, post_len: Option<usize>) {
    let people = level.npcs.clone();
    let mut k = 0;
    while level.npcs.len() < n {
        let mut p = people[k % people.len()].clone();
        p.id = format!("{}_{k}", p.id);
        p.name = format!("{} {k}", p.name);
        for post in &mut p.posts {
            post.id = format!("{}_{k}", post.id);
        }
        level.npcs.push(p);
        k += 1;
    }
    for (k, p) in level.npcs.iter_mut().enumerate() {
        p.bio = text(20, k);
        p.description = text(20, k);
        p.posts.truncate(1);
    }
    if let Some(len) = post_len {
        for (k, p) in level.npcs.iter_mut().enumerate() {
            p.post_chance = 100;
            if let Some(first) = p.posts.first().cloned() {
                p.posts = vec![NpcPost {
                    id: format!("{}_long", first.id),
                    text: text(len, k).into(),
                    tags: first.tags.clone(),
                }];
            }
        }
    }
}

/// Bulletins that fill the effects budget.
fn effects_to(level: &mut Level, n: usize) {
    let bulletin: Event = level
        .events
        .iter()
        .find(|e| e.bulletin)
        .cloned()
        .unwrap_or_else(|| level.events[0].clone());
    let have: usize = level
        .events
        .iter()
        .map(|e| e.effects.len() + e.choices.iter().map(|c| c.effects.len()).sum::<usize>())
        .sum::<usize>()
        + level.perks.iter().map(|p| p.effects.len()).sum::<usize>()
        + level
            .sanctions
            .iter()
            .map(|s| s.effects.len())
            .sum::<usize>();
    let mut left = n.saturating_sub(have);
    let mut k = 0;
    while left > 0 {
        let mut b = bulletin.clone();
        b.id = format!("windfall_{k}");
        b.bulletin = true;
        b.day = 1 + k as u32 % level.days;
        b.when = Default::default();
        b.choices.clear();
        b.default = None;
        let m = left.min(500);
        b.effects = vec![Effect::Money(1_000_000_000); m];
        level.events.push(b);
        left -= m;
        k += 1;
    }
}

fn write(dir: &Path, name: &str, level: &Level) {
    let src = ron_of(level);
    let errs = errors(level);
    println!(
        "{name}: {} bytes, {} days, {} rules, {} people, {} events, {} items, estimate {} bytes, errors {:?}",
        src.len(),
        level.days,
        level.rules.len(),
        level.npcs.len(),
        level.events.len(),
        level.items.len(),
        check::save_estimate(level),
        errs
    );
    std::fs::write(dir.join(format!("{name}.ron")), src).unwrap();
}

fn main() {
    let dir = std::env::args().nth(1).expect("a folder");
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    let work = 20_000usize;

    // 500 rules × as many people as the day's work allows, every effect, most days.
    let mut a = base();
    a.id = "caps_rules".into();
    rules_to(&mut a, 500, true);
    let people = work / 500 - a.actions_per_day as usize;
    people_to(&mut a, people, None);
    effects_to(&mut a, 5_000);
    most_days(&mut a);
    pad(&mut a);
    write(dir, "caps_rules", &a);

    // 500 people, as many rules as the day's work allows, most days.
    let mut b = base();
    b.id = "caps_people".into();
    let people = (work / b.rules.len() - b.actions_per_day as usize).min(500);
    people_to(&mut b, people, None);
    for r in &mut b.rules {
        r.once = true;
    }
    for p in b.npcs.iter_mut().skip(480) {
        p.posts.clear();
    }
    effects_to(&mut b, 5_000);
    most_days(&mut b);
    pad(&mut b);
    write(dir, "caps_people", &b);

    // A feed of long posts: everyone posts every day.
    let mut c = base();
    c.id = "caps_feed".into();
    let people = (work / c.rules.len() - c.actions_per_day as usize).min(480);
    for r in &mut c.rules {
        r.once = true;
    }
    people_to(&mut c, people, Some(1_000));
    effects_to(&mut c, 5_000);
    most_days(&mut c);
    pad(&mut c);
    write(dir, "caps_feed", &c);

    // The original rules (repeating), many people, as many days as the save estimate allows.
    let mut d = base();
    d.id = "caps_save".into();

    d.actions_per_day = 20;
    // As many people as ten days of 20 actions leave room for among the options bots weigh.
    let options = check::MAX_WEIGHED / 10 / d.actions_per_day as usize;
    let people = (work / d.rules.len() - d.actions_per_day as usize)
        .min((options - d.items.len() - d.topics.len()) / 2);
    people_to(&mut d, people, None);
    for per_day in (1..=20).rev() {
        for r in &mut d.rules {
            r.once = false;
            r.per_day = Some(per_day);
        }
        d.days = 10;
        if errors(&d).is_empty() {
            println!("caps_save: per_day {per_day}");
            break;
        }
    }
    most_days(&mut d);
    pad(&mut d);
    write(dir, "caps_save", &d);

    // The shipped level's content, every rule once, as many days as allowed: a save a day.
    let mut e = base();
    e.id = "caps_days".into();
    for r in &mut e.rules {
        r.once = true;
    }
    most_days(&mut e);
    write(dir, "caps_days", &e);

    // Every person a friend who posts every day, and one rule counting each friend's post:
    // the ledger, and so the save, grows every day without the player doing anything.
    let mut f = base();
    f.id = "caps_friends".into();
    let people = 20_000 / f.rules.len() - f.actions_per_day as usize;
    people_to(&mut f, people, None);
    let mut counting = false;
    for r in &mut f.rules {
        r.once = true;
        if let scored::game::level::Trigger::FriendPost(tag) = &r.on
            && !counting
        {
            counting = true;
            r.once = false;
            r.per_day = None;
            r.active = true;
            let tag = tag.clone();
            for p in &mut f.npcs {
                p.post_chance = 100;
                p.tolerance = None;
                for post in &mut p.posts {
                    let mut tags = post.tags.to_vec();
                    tags.push(tag.clone());
                    post.tags = tags.into();
                }
            }
        }
    }
    let ids: Vec<String> = f.npcs.iter().map(|n| n.id.clone()).collect();
    for p in &mut f.personas {
        p.friends = ids.clone();
    }
    most_days(&mut f);
    write(dir, "caps_friends", &f);
}
