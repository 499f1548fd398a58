//! The debrief and the classroom: computed from the journal alone, different by play style,
//! carried by a result code, merged into a class summary.

use std::path::Path;
use std::sync::Arc;

use scored::bots::{self, Strategy};
use scored::check;
use scored::classroom::{self, Class, ClassEntry, Report, decode, encode};
use scored::game::{Action, Game, Level};

fn load(path: &str) -> Arc<Level> {
    Arc::new(check::load_file(Path::new(path)).unwrap())
}

/// The mean obedience index over the runs that had a conflicted decision.
fn mean_obedience(level: &Arc<Level>, strategy: Strategy) -> f64 {
    let mut total = 0.0;
    let mut n = 0.0;
    for persona in &level.personas {
        for seed in 1..=4 {
            let game = bots::play(level.clone(), Some(&persona.id), seed, strategy);
            if let Some(index) = game.debrief().obedience.index {
                total += index;
                n += 1.0;
            }
        }
    }
    total / n
}

#[test]
fn the_obedience_index_orders_conformist_random_authentic() {
    let level = load("levels/mandatory.ron");
    let conformist = mean_obedience(&level, Strategy::Conformist);
    let random = mean_obedience(&level, Strategy::Random);
    let authentic = mean_obedience(&level, Strategy::Authentic);
    assert!(
        conformist > random,
        "conformist {conformist:.2} vs random {random:.2}"
    );
    assert!(
        random > authentic,
        "random {random:.2} vs authentic {authentic:.2}"
    );
    // A player who always takes the score's side reads near the top of the scale.
    assert!(conformist >= 0.9, "conformist {conformist:.2}");
}

#[test]
fn the_debrief_reads_differently_for_a_conformist_and_a_rebel() {
    let level = load("levels/mandatory.ron");
    let text = |s| {
        let game = bots::play(level.clone(), None, 3, s);
        let (_, sections) = classroom::debrief(&game);
        sections
            .into_iter()
            .flat_map(|(t, l)| std::iter::once(t).chain(l))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (conformist, rebel) = (text(Strategy::Conformist), text(Strategy::Rebel));
    assert_ne!(conformist, rebel);
    assert!(
        conformist.contains("The moments that moved it most:"),
        "{conformist}"
    );
    for section in [
        "Obedience",
        "Drift mirror",
        "Ghost run",
        "What was real?",
        "To discuss",
    ] {
        assert!(rebel.contains(section), "{section} missing");
    }
}

#[test]
fn the_drift_mirror_compares_the_baseline_with_the_scored_days() {
    let level = load("tests/fixtures/mini.ron");
    let (mut game, _) = Game::new(level, Some("student"), 1).unwrap();
    // Day 1 (no score): a game and a post on the press. Then, scored: nothing like it.
    game.play(Action::Buy {
        item: "game".into(),
    })
    .unwrap();
    game.play(Action::Draft {
        topic: "story".into(),
    })
    .unwrap();
    game.play(Action::Post).unwrap();
    while !game.is_over() {
        game.play(Action::EndDay).unwrap();
    }
    let drift = game.debrief().drift.expect("mini has a baseline day");
    assert_eq!(drift.baseline_days, 1);
    let row = |k: &str| drift.rows.iter().find(|r| r.0 == k).cloned();
    assert_eq!(
        row("spent on leisure"),
        Some(("spent on leisure".into(), 30.0, 0.0))
    );
    assert_eq!(
        row("posts on A story"),
        Some(("posts on A story".into(), 1.0, 0.0))
    );
    // One purchase and one post: below the minimum support, no shift is named.
    assert_eq!(drift.largest, None);
    assert!(drift.shifts.is_empty());
}

#[test]
fn the_ghost_run_replays_the_same_decisions_as_another_persona() {
    let level = load("tests/fixtures/mini.ron");
    let game = bots::play(level.clone(), Some("student"), 2, Strategy::Conformist);
    let ghost = scored::game::debrief::ghost(level.clone(), &game, "heir").unwrap();
    assert_eq!(ghost.persona, "heir");
    assert!(ghost.ending.is_some());
    // The heir starts richer, with other values: the same choices end elsewhere.
    assert!(
        ghost.money > game.state().money + 500,
        "{} vs {}",
        ghost.money,
        game.state().money
    );
    assert_ne!(ghost.integrity, game.state().integrity);
    assert_eq!(classroom::ghost_persona(&game).as_deref(), Some("heir"));
}

#[test]
fn a_result_code_round_trips_and_a_typo_is_caught() {
    let level = load("levels/mandatory.ron");
    for strategy in [Strategy::Conformist, Strategy::Rebel, Strategy::Random] {
        let game = bots::play(level.clone(), None, 5, strategy);
        let (report, _) = classroom::debrief(&game);
        let code = encode(&report.summary);
        assert!(code.starts_with("SCORED1~mandatory~5~"));
        assert!(
            code.chars().all(|c| c.is_ascii_graphic()),
            "one line of printable text: {code}"
        );
        assert_eq!(decode(&code).unwrap(), report.summary);
        let typo = code.replacen("~5~", "~6~", 1);
        assert!(decode(&typo).unwrap_err().contains("checksum"));
    }
    assert!(decode("hello").is_err());
}

#[test]
fn the_class_summary_counts_what_the_reports_say() {
    let level = load("levels/mandatory.ron");
    let mut entries = Vec::new();
    let mut indices = Vec::new();
    for (strategy, n) in [(Strategy::Conformist, 3), (Strategy::Authentic, 2)] {
        for i in 0..n {
            let mut game = bots::play(level.clone(), Some("lin_wei"), 2026, strategy);
            // The same seed and strategy give the same game: names tell the students apart.
            game.set_name(Some(format!("{} {i}", strategy.name())));
            let (report, _) = classroom::debrief(&game);
            indices.push(report.summary.obedience());
            entries.push(ClassEntry::Report(report));
        }
    }
    // One more handed in as a code only.
    let game = bots::play(level.clone(), Some("lin_wei"), 2026, Strategy::Rebel);
    let code = encode(&classroom::debrief(&game).0.summary);
    entries.push(ClassEntry::Code(decode(&code).unwrap()));
    let class = Class::new(entries);
    let text = class.text();
    assert!(
        text.contains("6 result(s): 5 full report(s), 1 code(s)."),
        "{text}"
    );
    // The same seed and strategy give the same game: three conformists alike but for the name.
    let conformist_bucket = ((indices[0] * 5.0) as usize).min(4);
    let line = text
        .lines()
        .filter(|l| {
            l.contains('%')
                && l.trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
        })
        .nth(conformist_bucket)
        .unwrap()
        .to_string();
    let count: usize = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(count >= 3, "{line}");
    assert!(
        text.contains("== Shared decisions in mandatory · seed 2026\n5 full report(s)"),
        "{text}"
    );
    let endings = class
        .sections()
        .into_iter()
        .find(|(t, _)| t == "Endings in mandatory · seed 2026 · lin_wei")
        .unwrap()
        .1;
    let total: usize = endings
        .iter()
        .map(|l| {
            l.split_whitespace()
                .rev()
                .nth(3)
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, 6);
    assert!(class.markdown().starts_with("# Scored — class summary"));
}

#[test]
fn a_report_is_markdown_json_and_a_code() {
    let dir = tempfile::tempdir().unwrap();
    let level = load("tests/fixtures/mini.ron");
    let game = bots::play(level, None, 1, Strategy::Conformist);
    let written = classroom::write_report(dir.path(), &game).unwrap();
    assert_eq!(written.len(), 3);
    let md = std::fs::read_to_string(&written[0]).unwrap();
    assert!(md.contains("## Obedience") && md.contains("Result code: `SCORED1~"));
    let json: Report =
        serde_json::from_str(&std::fs::read_to_string(&written[1]).unwrap()).unwrap();
    let code = std::fs::read_to_string(&written[2]).unwrap();
    assert_eq!(decode(&code).unwrap(), json.summary);
    // A second export of the same game writes the same files, not another copy.
    let again = classroom::write_report(dir.path(), &game).unwrap();
    assert_eq!(again, written);
}

// Hand-made journals: the drift measure, the moments and the obedience definition.

use scored::game::debrief::{self, Offered};
use scored::game::journal::{Decision, DecisionKind, OptionRecord};

fn opt(id: &str, label: &str, score: i32, integrity: i32) -> OptionRecord {
    OptionRecord {
        id: id.into(),
        label: label.into(),
        score,
        integrity,
    }
}

fn buy(day: u32, scored: bool, item: &str, category: &str) -> Decision {
    Decision::new(
        day,
        scored,
        DecisionKind::Buy,
        category.into(),
        vec![opt(item, item, 0, 0)],
        0,
        false,
    )
}

fn report(day: u32, npc: &str, score: i32, integrity: i32) -> Decision {
    Decision::new(
        day,
        day > 3,
        DecisionKind::Friend,
        npc.into(),
        vec![
            opt("leave", &format!("Leave {npc} alone"), 0, 0),
            opt("report", &format!("Report {npc}"), score, integrity),
        ],
        1,
        false,
    )
}

fn cancel(day: u32, topic: &str, post: (i32, i32), cancel: (i32, i32)) -> Decision {
    Decision::new(
        day,
        day > 3,
        DecisionKind::Post,
        topic.into(),
        vec![
            opt("post", &format!("Post on {topic}"), post.0, post.1),
            opt(
                "cancel",
                &format!("Delete the draft on {topic}"),
                cancel.0,
                cancel.1,
            ),
        ],
        1,
        false,
    )
}

fn mini() -> Level {
    check::load_file(Path::new("tests/fixtures/mini.ron")).unwrap()
}

#[test]
fn drift_leaves_out_what_was_not_on_offer_and_reports_can_win() {
    let level = mini();
    // Before (3 days): a game a day. After (16 days): half as much, ten tickets (the ticket
    // was not on offer before: a perk opened it) and six reports.
    let mut journal = Vec::new();
    for day in 1..=3 {
        journal.push(buy(day, false, "game", "leisure"));
    }
    for day in (4..=19).step_by(2) {
        journal.push(buy(day, true, "game", "leisure"));
    }
    for day in 4..=13 {
        journal.push(buy(day, true, "ticket", "travel"));
    }
    for day in 4..=9 {
        journal.push(report(day, "jo", 5, -3));
    }
    let mut offered = Offered::everything(&level);
    offered.items.remove("ticket");
    let drift = debrief::measure(&level, &journal, 3, 16, &offered, &[]);
    let row = |k: &str| drift.rows.iter().find(|r| r.0 == k).cloned();
    assert_eq!(
        row("spent on leisure"),
        Some(("spent on leisure".into(), 30.0, 15.0))
    );
    assert_eq!(
        row("reports filed"),
        Some(("reports filed".into(), 0.0, 0.38))
    );
    assert_eq!(drift.new, vec!["spent on travel: new offers".to_string()]);
    let names: Vec<&str> = drift.shifts.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(names, ["reports filed", "spent on leisure"]);
    assert_eq!(drift.largest, drift.shifts.first().cloned());
}

#[test]
fn drift_needs_support_and_breaks_no_tie_by_name() {
    let mut level = mini();
    // Nappies cost what a game costs, and come first in the level.
    let at = level.items.iter().position(|i| i.id == "nappies").unwrap();
    let mut nappies = level.items.remove(at);
    nappies.price = 30;
    level.items.insert(0, nappies);
    let mut journal = Vec::new();
    // The same habit in two categories: two a day before, none after.
    for day in 1..=2 {
        journal.push(buy(day, false, "game", "leisure"));
        journal.push(buy(day, false, "nappies", "family"));
    }
    // One post before and none after: a single occurrence is no shift.
    journal.push(cancel(1, "story", (0, 3), (0, -3)));
    let drift = debrief::measure(&level, &journal, 2, 10, &Offered::everything(&level), &[]);
    let names: Vec<&str> = drift.shifts.iter().map(|s| s.0.as_str()).collect();
    // Equal shifts keep the level's order (family first), not the name's.
    assert_eq!(names, ["spent on family", "spent on leisure"]);
    assert!(drift.rows.iter().any(|r| r.0 == "drafts deleted"));
    // The measure itself: symmetric on a log scale, finite from nothing, larger with support.
    let up = debrief::shift(0.0, 1.0, 1.0, 3, 16);
    let more = debrief::shift(0.0, 2.0, 1.0, 3, 16);
    assert!(up.is_finite() && more > up);
}

#[test]
fn moments_are_distinct_and_informing_weighs_as_what_it_is() {
    let level = mini();
    let journal = vec![
        // The same deleted draft three times: one moment.
        cancel(4, "story", (-4, 4), (0, -4)),
        cancel(5, "story", (-4, 4), (0, -4)),
        cancel(6, "story", (-4, 4), (0, -4)),
        // A report of the same trade-off (score +4, self 8 against leaving it): it informs.
        report(7, "jo", 4, -8),
        // A larger trade-off that informs no one.
        cancel(8, "praise", (-20, 10), (0, -10)),
        // Bought for the score at no cost to the self: not giving way.
        Decision::new(
            9,
            true,
            DecisionKind::Buy,
            "family".into(),
            vec![opt("nappies", "Nappies", 3, 0)],
            0,
            false,
        ),
    ];
    let moments = debrief::moments(&level, &journal);
    let days: Vec<u32> = moments.iter().map(|m| m.day).collect();
    assert_eq!(days, [7, 8, 4], "{moments:#?}");
    assert_eq!(moments[0].harm, 40, "mini's reporting penalty");
    assert_eq!((moments[2].score_gained, moments[2].self_lost), (4, 8));
    assert!(moments[0].text.contains("Report jo"), "{}", moments[0].text);
    assert!(moments[2].text.contains("rather than “Post on story”"));
    assert!(moments.iter().all(|m| !m.text.contains("Nappies")));
}

#[test]
fn obedience_counts_what_the_score_and_the_values_pulled_apart() {
    let scored = |kind, options: Vec<OptionRecord>, chosen| {
        Decision::new(5, true, kind, "x".into(), options, chosen, false)
    };
    // A purchase for the score that costs the self: obeyed (the other choice: not buying).
    let flag = scored(DecisionKind::Buy, vec![opt("flag", "Flag", 1, -1)], 0);
    assert!(flag.conflicted() && flag.obeyed());
    // A purchase with no cost to the self is no conflict, whatever else was on sale.
    let nappies = scored(
        DecisionKind::Buy,
        vec![
            opt("nappies", "Nappies", 3, 0),
            opt("card", "Card", 4, 0),
            opt("game", "Game", -12, 4),
        ],
        0,
    );
    assert!(!nappies.conflicted());
    // A choice tied with the score-best one is the score's side.
    let letter = scored(
        DecisionKind::Event,
        vec![
            opt("sign", "Sign", -21, 6),
            opt("report", "Report it", 0, -12),
            opt("scroll", "Scroll", 0, 0),
        ],
        2,
    );
    assert!(letter.conflicted() && letter.obeyed());
    // The values' choice.
    let signed = scored(
        DecisionKind::Event,
        vec![opt("sign", "Sign", -21, 6), opt("scroll", "Scroll", 0, 0)],
        0,
    );
    assert!(signed.conflicted() && !signed.obeyed());
    // Defaults taken when the day ended are no decision.
    let mut defaulted = signed.clone();
    defaulted.defaulted = true;
    assert!(!defaulted.conflicted());
    let journal = scored::game::journal::Journal {
        decisions: vec![flag, nappies, letter, signed, defaulted],
    };
    assert_eq!(journal.obedience(), (2, 3));
    let empty = scored::game::journal::Journal::default();
    assert_eq!(empty.obedience_index(), None);
}

#[test]
fn reports_of_friends_drop_them_and_events_that_inform_count() {
    let mut level = mini();
    // The invitation's "Report Jo." informs, as the level's reporting tags say.
    let invite = level.events.iter_mut().find(|e| e.id == "invite").unwrap();
    invite.choices[0].tags.push("informing".into());
    let (mut game, _) = Game::new(Arc::new(level), Some("student"), 1).unwrap();
    game.play(Action::EndDay).unwrap();
    // Day 2: Jo's post reported, the invitation answered by informing, Max reported.
    let post = game
        .state()
        .feed
        .iter()
        .rev()
        .find(|p| matches!(&p.author, scored::game::state::Author::Npc(id) if &**id == "jo"))
        .map(|p| p.id)
        .expect("Jo posts every day");
    game.play(Action::Report { post }).unwrap();
    game.play(Action::Answer {
        event: "invite".into(),
        choice: "comply".into(),
    })
    .unwrap();
    game.play(Action::Denounce { npc: "max".into() }).unwrap();
    while !game.is_over() {
        game.play(Action::EndDay).unwrap();
    }
    let d = game.debrief();
    let reports: Vec<&str> = d.reports.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(reports.len(), 3, "{reports:?}");
    assert!(
        reports[0].starts_with("Report a post by Jo: “"),
        "{reports:?}"
    );
    assert!(
        !reports
            .iter()
            .any(|r| r.contains("post ") && r.contains(&post.to_string()))
    );
    assert!(
        reports[1].starts_with("An invitation: Report Jo."),
        "{reports:?}"
    );
    assert_eq!(game.summary().reports_filed, 3);
    let dropped: Vec<&str> = d.dropped.iter().map(|r| r.1.as_str()).collect();
    assert!(
        dropped.iter().any(|r| r.contains("Report Max")),
        "{dropped:?}"
    );
    let (_, sections) = classroom::debrief(&game);
    let did = &sections
        .iter()
        .find(|(t, _)| t == "What you did")
        .unwrap()
        .1;
    assert!(
        !did.iter().any(|l| l == "Friends you dropped: none."),
        "{did:?}"
    );
}

/// Every word of the level's own player-facing text: an id that is also one of these is an
/// ordinary word when it appears in the debrief.
fn ordinary_words(level: &Level) -> std::collections::BTreeSet<String> {
    let mut text = vec![level.title.clone(), level.description.clone()];
    text.extend(level.intro.iter().cloned());
    for i in &level.items {
        text.extend([i.name.clone(), i.description.clone(), i.category.clone()]);
    }
    for p in &level.perks {
        text.extend([p.name.clone(), p.description.clone()]);
    }
    for x in &level.sanctions {
        text.extend([x.name.clone(), x.description.clone()]);
    }
    for t in &level.topics {
        text.extend([t.name.clone(), t.description.clone(), t.text.clone()]);
    }
    for e in &level.events {
        text.extend([e.title.clone(), e.description.clone(), e.text.clone()]);
        text.extend(e.choices.iter().map(|c| c.text.clone()));
    }
    for n in &level.npcs {
        text.extend([n.name.clone(), n.bio.clone(), n.description.clone()]);
        text.extend(n.posts.iter().map(|p| p.text.to_string()));
    }
    words(&text.join(" "))
}

/// Whole words: letters, digits and underscores, lower-cased.
fn words(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn no_perk_sanction_or_item_id_reaches_the_debrief_or_the_ghost_run() {
    let level = load("levels/mandatory.ron");
    let ordinary = ordinary_words(&level);
    let ids: Vec<String> = (level.perks.iter().map(|p| p.id.clone()))
        .chain(level.sanctions.iter().map(|x| x.id.clone()))
        .chain(level.items.iter().map(|i| i.id.clone()))
        .map(|id| id.to_lowercase())
        .filter(|id| !ordinary.contains(id))
        .collect();
    assert!(ids.iter().any(|id| id.contains('_')), "{ids:?}");
    for strategy in [Strategy::Conformist, Strategy::Rebel, Strategy::Random] {
        for persona in &level.personas {
            let game = bots::play(level.clone(), Some(&persona.id), 7, strategy);
            let text = classroom::debrief_text(&game);
            let found = words(&text);
            let leaked: Vec<&String> = ids.iter().filter(|id| found.contains(*id)).collect();
            assert!(leaked.is_empty(), "{strategy:?} {}: {leaked:?}", persona.id);
            assert!(text.contains("--- Ghost run ---"));
        }
    }
}

#[test]
fn the_ghost_is_the_persona_that_starts_furthest_away_not_always_the_poorest() {
    let level = load("levels/mandatory.ron");
    let mut ghosts = std::collections::BTreeSet::new();
    for persona in &level.personas {
        let game = bots::play(level.clone(), Some(&persona.id), 3, Strategy::Random);
        let ghost = classroom::ghost_persona(&game).unwrap();
        assert_ne!(ghost, persona.id);
        ghosts.insert(ghost);
    }
    assert!(ghosts.len() > 1, "{ghosts:?}");
}

/// "Reports filed" counts reports of people and posts and the informing event choices that
/// take score from someone, not an informing choice that takes nothing (carrying on as the
/// known informer); both are still named as informing.
#[test]
fn reports_filed_counts_what_reported_someone() {
    use scored::game::level::Effect;
    let mut level = mini();
    let invite = level.events.iter_mut().find(|e| e.id == "invite").unwrap();
    invite.choices[0].tags.push("informing".into());
    let mut keep_on = invite.choices[0].clone();
    keep_on.id = "keep_on".into();
    keep_on.effects = vec![Effect::SetFlag("known".into())];
    invite.choices.push(keep_on);
    let answer = |chosen: usize| {
        Decision::new(
            4,
            true,
            DecisionKind::Event,
            "invite".into(),
            vec![
                opt("comply", "Report Jo.", 2, -3),
                opt("refuse", "Refuse.", 0, 0),
                opt("keep_on", "Carry on.", 2, -3),
            ],
            chosen,
            false,
        )
    };
    let journal = [report(5, "jo", 4, -8), answer(0), answer(2)];
    let filed: Vec<bool> = (journal.iter())
        .map(|d| debrief::files_report(&level, d))
        .collect();
    assert_eq!(filed, [true, true, false]);
    assert!(journal.iter().all(|d| debrief::informs(&level, d)));
}
