//! Limits on what a level makes the game do, not just on what it holds (C024): the work of a
//! day (rules × people), the effects in the level, the posts a day brings, and the size of the
//! largest save any game of it can write. Every cap of §6 can hold while their products do
//! not: hundreds of people with hundreds of rules each. These caps are what guarantees that any
//! game of a level that passes `check` plays in bounded time and output, and that its save is
//! never refused as too large.

use crate::game::Level;
use crate::game::level::{Effect, Trigger};

/// A person's or a persona's value for a tag, either way: sums over hundreds of tags and deeds
/// stay far inside the game's arithmetic.
pub const MAX_VALUE: i32 = 1_000;
/// Rules × (people + the day's actions): the rules a day can ask about.
pub const MAX_DAY_WORK: usize = 20_000;
/// The same over the whole game (× days): what a bot's game costs, so that `simulate`'s
/// default runs stay within seconds on any level that passes (a 30-day level with 100 rules
/// and 30 people is 99 000; the shipped levels under 10 000).
pub const MAX_GAME_WORK: usize = 600_000;
/// Actions a day × (2 × people + items + topics) × days: the options a bot weighs in a game,
/// each against the rules it would fire (a friendship made or ended and a report for each
/// person, a purchase, a draft). The shipped levels are under 2 000; a 30-day level with 5
/// actions a day, 40 people, 40 items and 30 topics is 22 500.
pub const MAX_WEIGHED: usize = 50_000;
/// Effects in all events, choices, perks and sanctions together.
pub const MAX_EFFECTS: usize = 5_000;
/// Posts that can reach the feed on one day: people with posts, the day's news, `Publish`.
pub const MAX_POSTS_PER_DAY: usize = 500;
/// The largest save a game of the level may need, estimated from above: 7.5 MiB, so that a save
/// as large as any the game writes, played on to the end, still fits the 16 MiB a save may have
/// when read (`save::most_bytes` refuses larger saves).
pub const MAX_SAVE_ESTIMATE: usize = 15 * 512 * 1024;

/// Every product beyond its cap, as (place, message).
pub fn problems(level: &Level) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let values = (level
        .personas
        .iter()
        .map(|p| ("personas", &p.id, &p.values)))
    .chain(level.npcs.iter().map(|n| ("npcs", &n.id, &n.values)));
    for (list, id, values) in values {
        if let Some((tag, v)) = values.iter().find(|(_, v)| v.abs() > MAX_VALUE) {
            found.push((
                format!("{list}.{id}.values"),
                format!("the value {v} for `{tag}` is beyond ±{MAX_VALUE}"),
            ));
        }
    }
    let actions = level.actions_per_day as usize;
    let work = level.rules.len() * (level.npcs.len() + actions);
    if work > MAX_DAY_WORK {
        found.push((
            "rules".into(),
            format!(
                "{} rules × ({} people + {actions} actions a day) is {work}; at most {MAX_DAY_WORK}",
                level.rules.len(),
                level.npcs.len()
            ),
        ));
    }
    let game_work = work.saturating_mul(level.days as usize);
    if work <= MAX_DAY_WORK && game_work > MAX_GAME_WORK {
        found.push((
            "days".into(),
            format!(
                "{work} rule checks a day ({} rules × ({} people + {actions} actions)) × {} days is {game_work}; at most {MAX_GAME_WORK} (fewer days, rules or people)",
                level.rules.len(),
                level.npcs.len(),
                level.days
            ),
        ));
    }
    let options = 2 * level.npcs.len() + level.items.len() + level.topics.len();
    let weighed = (actions.saturating_mul(options)).saturating_mul(level.days as usize);
    if weighed > MAX_WEIGHED {
        found.push((
            "actions_per_day".into(),
            format!(
                "{actions} actions a day × ({} people × 2 + {} items + {} topics) × {} days is {weighed} options weighed in a game; at most {MAX_WEIGHED} (fewer days, actions a day, people, items or topics)",
                level.npcs.len(),
                level.items.len(),
                level.topics.len(),
                level.days
            ),
        ));
    }
    let effects = all_effects(level);
    let count = effects.len()
        + (level.perks.iter().map(|p| p.effects.len())).sum::<usize>()
        + (level.sanctions.iter().map(|s| s.effects.len())).sum::<usize>();
    if count > MAX_EFFECTS {
        found.push((
            "events".into(),
            format!("{count} effects in the level; at most {MAX_EFFECTS}"),
        ));
    }
    let publish = effects
        .iter()
        .filter(|e| matches!(e, Effect::Publish { .. }))
        .count();
    let posting = level.npcs.iter().filter(|n| !n.posts.is_empty()).count();
    let news = (1..=level.days)
        .map(|d| level.news.iter().filter(|n| n.day == d).count())
        .max()
        .unwrap_or(0);
    let posts = posting + news + publish;
    if posts > MAX_POSTS_PER_DAY {
        found.push((
            "npcs".into(),
            format!(
                "{posts} posts can reach the feed in one day ({posting} people who post, {news} news, {publish} Publish effects); at most {MAX_POSTS_PER_DAY}"
            ),
        ));
    }
    let estimate = save_estimate(level);
    if estimate > MAX_SAVE_ESTIMATE {
        found.push((
            "rules".into(),
            format!(
                "a game of this level may need a save of {:.1} MiB; at most {:.1} MiB (fewer rules firing a day, `per_day` or `once` on rules, fewer or shorter posts)",
                mib(estimate),
                mib(MAX_SAVE_ESTIMATE)
            ),
        ));
    }
    found
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn all_effects(level: &Level) -> Vec<&Effect> {
    (level.events.iter())
        .flat_map(|e| (e.effects.iter()).chain(e.choices.iter().flat_map(|c| c.effects.iter())))
        .collect()
}

/// Bytes, from above, of the parts of a save that grow with play: the ledger, the feed, the
/// journal and the day marks. (`tests/limits.rs` plays the shipped levels to check that it
/// is from above.)
pub fn save_estimate(level: &Level) -> usize {
    let days = level.days.max(1) as usize;
    let actions = level.actions_per_day as usize;
    let posting = level.npcs.iter().filter(|n| !n.posts.is_empty()).count();
    let effects = all_effects(level);
    let effects = &effects[..];
    let publish = effects
        .iter()
        .filter(|e| matches!(e, Effect::Publish { .. }))
        .count();
    let len = |s: &str| s.len();
    // What a ledger row's `did` can say: an event's title and a choice, a name, or the
    // consent box quoted.
    let did = (level.events.iter())
        .map(|e| len(&e.title) + e.choices.iter().map(|c| len(&c.text)).max().unwrap_or(0))
        .chain(level.npcs.iter().map(|n| len(&n.name)))
        .chain(level.items.iter().map(|i| len(&i.name)))
        .chain(level.topics.iter().map(|t| len(&t.name)))
        .chain(level.proposals.iter().map(|p| len(&p.name)))
        .chain(level.consent.iter().map(|c| len(&c.checkbox)))
        .max()
        .unwrap_or(0)
        + 100;
    let row = |inference: usize| 300 + did + inference;
    // Rows that effects write: points moved, weights changed.
    let rows_of_effects = (effects.iter())
        .filter(|e| matches!(e, Effect::Points { .. } | Effect::Weight { .. }))
        .count();
    let per_game = level.events.len() + rows_of_effects;
    let mut ledger = 0usize;
    for r in &level.rules {
        // Chances a day, and in the whole game beyond those (answers given by default,
        // posts published by effects).
        let (a_day, extra) = match r.on {
            Trigger::FriendPost(_) => (posting, publish),
            Trigger::RentPaid | Trigger::RentMissed => (1, 0),
            Trigger::DataShared | Trigger::DataWithheld => (0, 1),
            Trigger::Choice(_) => (actions + 1, level.events.len()),
            _ => (actions + 1, 0),
        };
        let firings = match r.per_day {
            _ if r.once => 1,
            Some(n) => days * a_day.min(n as usize) + extra.min(days * n as usize),
            None => days * a_day + extra,
        };
        ledger = ledger.saturating_add(firings.saturating_mul(row(len(&r.inference))));
    }
    let inference = (effects.iter())
        .map(|e| match e {
            Effect::Points { inference, .. } => len(inference),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    // Effects, weights, recomputations, peer ratings and appeals: a few rows a day.
    ledger = ledger.saturating_add((per_game + 4 * days).saturating_mul(row(inference.max(200))));
    let post = |text: &str, tags: &[String]| {
        200 + len(text) + tags.iter().map(|t| len(t) + 4).sum::<usize>()
    };
    let largest_post = (level.npcs.iter())
        .flat_map(|n| n.posts.iter().map(|p| post(&p.text, &p.tags)))
        .max()
        .unwrap_or(0);
    let feed = (level.npcs.iter())
        .flat_map(|n| n.posts.iter().map(|p| post(&p.text, &p.tags)))
        .chain(
            level
                .news
                .iter()
                .map(|n| post(&n.text, &n.tags) + len(&n.source)),
        )
        .sum::<usize>()
        + publish * largest_post;
    // A decision lists every option: every item for a purchase, every choice of an event.
    let option = |id: &str, label: &str| 150 + len(id) + len(label);
    let options = (level.events.iter())
        .map(|e| {
            (e.choices.iter())
                .map(|c| option(&c.id, &c.text))
                .sum::<usize>()
        })
        .chain([
            (level.items.iter()).map(|i| option(&i.id, &i.name)).sum(),
            (level.proposals.iter())
                .map(|p| option(&p.id, &p.name))
                .sum(),
            1_000,
        ])
        .max()
        .unwrap_or(1_000);
    let decisions = days * (actions + 2) + level.events.len();
    let journal = decisions.saturating_mul(400 + did + options);
    let marks = days * (200 + level.npcs.len() * 40);
    // The day's deeds, kept for peer raters until the night: what was done and its tags.
    let tagged = |tags: &[String]| tags.iter().map(|t| len(t) + 4).sum::<usize>();
    let tags = (level.items.iter().map(|i| tagged(&i.tags)))
        .chain(level.topics.iter().map(|t| tagged(&t.tags)))
        .chain(
            level
                .npcs
                .iter()
                .flat_map(|n| n.posts.iter().map(|p| tagged(&p.tags))),
        )
        .chain(level.news.iter().map(|n| tagged(&n.tags)))
        .chain(
            level
                .events
                .iter()
                .flat_map(|e| (e.choices.iter()).map(|c| tagged(&c.tags) + tagged(&c.betrays))),
        )
        .max()
        .unwrap_or(0);
    let today = (actions + level.events.len()).saturating_mul(100 + did + tags);
    ledger
        .saturating_add(today)
        .saturating_add(feed)
        .saturating_add(journal)
        .saturating_add(marks)
}
