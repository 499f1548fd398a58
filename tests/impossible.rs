//! Saves with values no game can reach (issue 20, class 6) are refused with the documented
//! error ("does not fit its level"), before any of their numbers is shown, so the debrief
//! never prints a wrapped number.

use std::path::Path;
use std::sync::Arc;

use scored::bots::{self, Strategy};
use scored::check;
use scored::game::state::{Accusation, State};
use scored::game::{Action, Game, Level};
use scored::save::{self, SaveError, SaveFile};

const LEVEL: &str = "levels/mandatory.ron";

fn level() -> Arc<Level> {
    Arc::new(check::load_file(Path::new(LEVEL)).unwrap())
}

/// A real save of a game played a few days, with its state changed by `forge`, written as
/// text and read back as a player would resume it.
fn forged(forge: impl FnOnce(&mut State)) -> Result<Game, SaveError> {
    let level = level();
    let (mut game, _) = Game::new(level.clone(), None, 11).unwrap();
    for _ in 0..level.baseline_days + 3 {
        let _ = game.play(Action::EndDay);
    }
    let hash = save::level_hash(Path::new(LEVEL)).unwrap();
    let mut save = SaveFile::of(&game, Path::new(LEVEL), hash);
    forge(&mut save.state);
    SaveFile::parse(&save.to_ron())?.into_game(level)
}

fn refused(forge: impl FnOnce(&mut State), says: &str) {
    match forged(forge) {
        Err(e @ SaveError::Mismatch(_)) => {
            let text = e.to_string();
            assert!(text.starts_with("does not fit its level"), "{text}");
            assert!(text.contains(says), "{text}");
        }
        Err(e) => panic!("refused for another reason: {e}"),
        Ok(_) => panic!("accepted a save that should say: {says}"),
    }
}

#[test]
fn an_untouched_save_is_accepted() {
    assert!(forged(|_| {}).is_ok());
    // and the end of a whole game too
    let level = level();
    let game = bots::play(level.clone(), None, 4, Strategy::Random);
    let hash = save::level_hash(Path::new(LEVEL)).unwrap();
    let text = SaveFile::of(&game, Path::new(LEVEL), hash).to_ron();
    SaveFile::parse(&text).unwrap().into_game(level).unwrap();
}

#[test]
fn an_accusation_against_nobody_is_refused() {
    refused(
        |s| {
            s.accusations.push(Accusation {
                npc: "nobody".into(),
                due: s.day + 1,
                decision: None,
            })
        },
        "`nobody`",
    );
}

#[test]
fn an_accusation_naming_no_report_of_the_players_is_refused() {
    refused(
        |s| {
            s.accusations.push(Accusation {
                npc: "hao".into(),
                due: s.day + 1,
                decision: Some(9_999),
            })
        },
        "names no report of the player's",
    );
}

#[test]
fn a_count_for_an_unknown_rule_is_refused() {
    refused(
        |s| s.fired_today.insert(Arc::from("no_such_rule"), 1),
        "no_such_rule",
    );
}

#[test]
fn counters_at_their_largest_are_refused() {
    refused(|s| s.reports_filed = u32::MAX, "reports filed");
    refused(|s| s.drafts_cancelled = u32::MAX, "drafts deleted");
    let rule = level().rules[0].id.clone();
    refused(
        |s| s.fired_today.insert(Arc::from(rule.as_str()), u32::MAX),
        &rule,
    );
}

#[test]
fn a_ledger_delta_of_i32_min_is_refused() {
    refused(
        |s| {
            let row = s.ledger.first_mut().expect("a row by now");
            row.delta = i32::MIN;
        },
        "ledger row 0",
    );
    refused(
        |s| s.ledger.first_mut().unwrap().points = i32::MIN,
        "ledger row 0",
    );
}

#[test]
fn a_day_mark_with_four_billion_friends_is_refused() {
    refused(
        |s| s.timeline.last_mut().unwrap().friends = 4_000_000_000,
        "the mark of day",
    );
    refused(
        |s| s.timeline.last_mut().unwrap().money = i64::MIN,
        "the mark of day",
    );
}

#[test]
fn money_beyond_its_cap_is_refused() {
    refused(|s| s.money = i64::MAX, "money is");
}
