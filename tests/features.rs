//! The level format's once-only things, counting conditions, opening and closing effects,
//! published posts and weight changes, driven through `Game::play` on the mini level with the
//! feature under test written into it.

use std::path::Path;
use std::sync::Arc;

use scored::check;
use scored::game::level::{ActionKind, Condition, Effect, Level, NpcPost};
use scored::game::state::Author;
use scored::game::{Action, Game, Outcome, Refusal};

fn mini() -> Level {
    check::load_file(Path::new("tests/fixtures/mini.ron")).expect("the test level is valid")
}

fn start(level: Level, persona: &str) -> Game {
    Game::new(Arc::new(level), Some(persona), 7).unwrap().0
}

fn buy(item: &str) -> Action {
    Action::Buy { item: item.into() }
}

fn draft(topic: &str) -> Action {
    Action::Draft {
        topic: topic.into(),
    }
}

fn next_day(game: &mut Game) -> Vec<Outcome> {
    game.play(Action::EndDay).unwrap()
}

fn item(level: &mut Level, id: &str) -> usize {
    level.items.iter().position(|i| i.id == id).unwrap()
}

fn topic(level: &mut Level, id: &str) -> usize {
    level.topics.iter().position(|t| t.id == id).unwrap()
}

/// The bulletin `crackdown` (day 3) with these effects instead of its own.
fn bulletin_does(level: &mut Level, effects: Vec<Effect>) {
    let e = level
        .events
        .iter_mut()
        .find(|e| e.id == "crackdown")
        .unwrap();
    e.effects = effects;
}

/// The game saved and resumed: what a player who quits and comes back has.
fn resumed(game: &Game) -> Game {
    let text = ron::to_string(game.state()).unwrap();
    Game::from_state(game.level_arc().clone(), ron::from_str(&text).unwrap())
}

#[test]
fn a_once_only_item_is_sold_once_then_refused_and_shown_as_such() {
    let mut level = mini();
    let at = item(&mut level, "nappies");
    level.items[at].once = true;
    let mut game = start(level, "heir");
    assert!(game.allows(&buy("nappies")));
    game.play(buy("nappies")).unwrap();
    let refusal = game.play(buy("nappies")).unwrap_err();
    assert_eq!(refusal, Refusal::SoldOnce("Nappies".into()));
    assert_eq!(
        refusal.to_string(),
        "Nappies is sold only once, and you bought it"
    );
    assert!(!game.allows(&buy("nappies")));
    assert_eq!(game.positions().purchasable(at), None);
    let nappies = &game.level().items[at];
    assert!(game.item_listed(nappies), "still listed, as sold");
    assert_eq!(game.can_buy(nappies), Err(refusal.clone()));
    // Still spent the next day, and after a save.
    next_day(&mut game);
    assert_eq!(resumed(&game).play(buy("nappies")), Err(refusal));
    // Other items are sold as often as ever.
    game.play(buy("game")).unwrap();
    game.play(buy("game")).unwrap();
}

#[test]
fn a_once_only_topic_is_posted_once_but_a_deleted_draft_does_not_use_it_up() {
    let mut level = mini();
    let at = topic(&mut level, "praise");
    level.topics[at].once = true;
    let mut game = start(level, "student");
    game.play(draft("praise")).unwrap();
    game.play(Action::CancelDraft).unwrap();
    game.play(draft("praise")).unwrap();
    game.play(Action::Post).unwrap();
    let refusal = game.play(draft("praise")).unwrap_err();
    assert_eq!(refusal, Refusal::PostedOnce("Praise".into()));
    assert!(!game.positions().draftable(at));
    assert!(!game.allows(&draft("praise")));
    assert!(game.allows(&draft("story")));
}

#[test]
fn a_once_only_rule_fires_once_in_the_game_and_predictions_know_it() {
    let mut level = mini();
    let rule = level
        .rules
        .iter_mut()
        .find(|r| r.id == "buy_games")
        .unwrap();
    rule.once = true;
    let mut game = start(level, "heir");
    // During the baseline day it fires into nothing, and is not used up.
    game.play(buy("game")).unwrap();
    next_day(&mut game);
    let fired = |g: &Game| {
        (g.state().ledger.iter())
            .filter(|r| r.rule.as_deref() == Some("buy_games"))
            .count()
    };
    assert!(game.predict(&buy("game")).unwrap().score < 0);
    game.play(buy("game")).unwrap();
    assert_eq!(fired(&game), 1);
    assert_eq!(game.predict(&buy("game")).unwrap().score, 0);
    game.play(buy("game")).unwrap();
    next_day(&mut game);
    let mut game = resumed(&game);
    game.play(buy("game")).unwrap();
    assert_eq!(fired(&game), 1, "once in the whole game, not once a day");
}

#[test]
fn hidden_things_open_and_close_by_effects() {
    let mut level = mini();
    let nappies = item(&mut level, "nappies");
    level.items[nappies].hidden = true;
    let story = topic(&mut level, "story");
    level.topics[story].hidden = true;
    bulletin_does(
        &mut level,
        vec![
            Effect::OpenItem("nappies".into()),
            Effect::OpenTopic("story".into()),
            Effect::CloseItem("game".into()),
            Effect::CloseTopic("praise".into()),
        ],
    );
    let mut game = start(level, "heir");
    assert_eq!(
        game.play(buy("nappies")),
        Err(Refusal::NotOnSale("Nappies".into()))
    );
    assert_eq!(
        game.play(draft("story")),
        Err(Refusal::TopicClosed("A story".into()))
    );
    assert!(!game.item_listed(&game.level().items[nappies]));
    assert!(!game.positions().draftable(story));
    next_day(&mut game);
    let outcomes = next_day(&mut game);
    assert_eq!(game.state().day, 3);
    assert!(outcomes.contains(&Outcome::ItemOpened {
        item: "nappies".into(),
        open: true
    }));
    assert!(outcomes.contains(&Outcome::TopicOpened {
        topic: "praise".into(),
        open: false
    }));
    game.play(buy("nappies")).unwrap();
    game.play(draft("story")).unwrap();
    game.play(Action::Post).unwrap();
    assert_eq!(
        game.play(buy("game")),
        Err(Refusal::NotOnSale("Game".into()))
    );
    assert_eq!(
        game.play(draft("praise")),
        Err(Refusal::TopicClosed("Praise".into()))
    );
    let game = resumed(&game);
    assert!(game.allows(&buy("nappies")) && !game.allows(&buy("game")));
}

#[test]
fn a_choice_can_open_a_topic() {
    let mut level = mini();
    let story = topic(&mut level, "story");
    level.topics[story].hidden = true;
    let invite = level.events.iter_mut().find(|e| e.id == "invite").unwrap();
    let refuse = invite
        .choices
        .iter_mut()
        .find(|c| c.id == "refuse")
        .unwrap();
    refuse.effects.push(Effect::OpenTopic("story".into()));
    let mut game = start(level, "student");
    next_day(&mut game);
    assert!(!game.allows(&draft("story")));
    game.play(Action::Answer {
        event: "invite".into(),
        choice: "refuse".into(),
    })
    .unwrap();
    game.play(draft("story")).unwrap();
}

#[test]
fn a_published_post_is_a_feed_post_like_any_other() {
    let mut level = mini();
    let max = level.npcs.iter_mut().find(|n| n.id == "max").unwrap();
    max.posts.push(NpcPost {
        id: "max1".into(),
        text: "The press lies.".into(),
        tags: vec!["press".to_string()].into(),
    });
    bulletin_does(
        &mut level,
        vec![Effect::Publish {
            npc: "max".into(),
            post: "max1".into(),
        }],
    );
    let mut game = start(level, "student");
    next_day(&mut game);
    let outcomes = next_day(&mut game);
    let post = (outcomes.iter())
        .find_map(|o| match o {
            Outcome::NpcPosted { npc, post } if npc == "max" => Some(*post),
            _ => None,
        })
        .expect("max posted");
    let p = &game.state().feed[post];
    assert_eq!(&*p.text, "The press lies.");
    assert!(matches!(&p.author, Author::Npc(id) if &**id == "max"));
    // Max is the student's friend: `friend_press` fired for the player (Jo, the other friend
    // posting on press, has run out of posts by day 3).
    let friend_rows = (game.state().ledger.iter())
        .filter(|r| r.rule.as_deref() == Some("friend_press") && r.day == 3)
        .count();
    assert_eq!(friend_rows, 1);
    game.play(Action::Like { post }).unwrap();
    let before = game.state().reports_filed;
    game.play(Action::Report { post }).unwrap();
    assert_eq!(game.state().reports_filed, before + 1);
    assert_eq!(
        game.play(Action::Like { post }),
        Err(Refusal::AlreadyReacted)
    );
    // Publishing leaves the person's own posting where it was.
    assert_eq!(game.state().npcs.get("max").unwrap().next_post, 0);
}

#[test]
fn a_weight_change_recomputes_the_score_through_one_place() {
    let mut level = mini();
    bulletin_does(
        &mut level,
        vec![Effect::Weight {
            dimension: "behaviour".into(),
            weight: 150,
        }],
    );
    let mut game = start(level, "heir");
    next_day(&mut game);
    let before = game.state().score.unwrap();
    let outcomes = next_day(&mut game);
    let after = game.state().score.unwrap();
    assert_eq!(
        after,
        game.implied_score(),
        "the kept score is the formula's"
    );
    assert_ne!(before, after, "behaviour (80) now outweighs connections");
    let change = (outcomes.iter())
        .find_map(|o| match o {
            Outcome::ScoreChanged {
                delta,
                dimension,
                reason,
            } if dimension == "behaviour" && reason.contains("weight") => Some(*delta),
            _ => None,
        })
        .expect("the change is reported on the dimension");
    let row = (game.state().ledger.iter())
        .find(|r| r.inference == "The weight of what counts was changed")
        .expect("a ledger row for the change");
    assert_eq!(
        (
            row.dimension.as_ref(),
            row.delta,
            row.day,
            row.rule.is_none()
        ),
        ("behaviour", change, 3, true),
        "{:#?}",
        game.state().ledger
    );
    assert_eq!(game.dimension_weight("behaviour"), 150);
    // Rows from now on show the new share: 150 of 200.
    game.play(buy("game")).unwrap();
    assert_eq!(game.state().ledger.last().unwrap().weight, 75);
    // A resumed game counts with the same weights.
    let resumed = resumed(&game);
    assert_eq!(resumed.implied_score(), game.implied_score());
    assert_eq!(resumed.state(), game.state());
}

#[test]
fn did_counts_acts_by_tag_and_reports_every_way() {
    let mut level = mini();
    // Reporting through a choice: the choice carries the level's reporting tag.
    let invite = level.events.iter_mut().find(|e| e.id == "invite").unwrap();
    let comply = invite
        .choices
        .iter_mut()
        .find(|c| c.id == "comply")
        .unwrap();
    comply.tags.push("informing".into());
    let did = |act, tag: &str, n| Condition::Did {
        act,
        tag: tag.into(),
        at_least: n,
    };
    level.endings[0].when = Condition::All(vec![
        did(ActionKind::Buy, "games", 2),
        did(ActionKind::Report, "informing", 3),
        did(ActionKind::Report, "press", 1),
        did(ActionKind::Like, "*", 1),
    ]);
    let mut game = start(level, "heir");
    game.play(buy("game")).unwrap();
    game.play(buy("nappies")).unwrap();
    assert_eq!(game.did(ActionKind::Buy, "games"), 1);
    game.play(buy("game")).unwrap();
    assert_eq!(game.did(ActionKind::Buy, "games"), 2);
    next_day(&mut game);
    let jo = (game.state().feed.iter())
        .find(|p| matches!(&p.author, Author::Npc(id) if &**id == "jo"))
        .unwrap()
        .id;
    game.play(Action::Like { post: jo }).unwrap();
    game.play(Action::Report { post: jo }).unwrap();
    assert_eq!(game.did(ActionKind::Report, "press"), 1, "the post's tag");
    game.play(Action::Denounce { npc: "pan".into() }).unwrap();
    assert_eq!(game.did(ActionKind::Report, "informing"), 2);
    game.play(Action::Answer {
        event: "invite".into(),
        choice: "comply".into(),
    })
    .unwrap();
    assert_eq!(game.did(ActionKind::Report, "informing"), 3);
    assert_eq!(game.did(ActionKind::Like, "*"), 1);
    assert!(game.holds(&game.level().endings[0].when.clone()));
    // Old saves without the counts load, counting from then on.
    let mut state = game.state().clone();
    state.tallies.clear();
    let resumed = Game::from_state(game.level_arc().clone(), state);
    assert_eq!(resumed.did(ActionKind::Buy, "games"), 0);
    assert_eq!(resumed.state().tallies.len(), 4);
}

#[test]
fn a_level_without_counting_conditions_keeps_no_counts_and_saves_as_before() {
    let mut game = start(mini(), "heir");
    game.play(buy("game")).unwrap();
    next_day(&mut game);
    assert!(game.state().tallies.is_empty());
    let text = ron::to_string(game.state()).unwrap();
    for field in [
        "tallies",
        "weights",
        "bought_once",
        "posted_once",
        "fired_once",
        "closed_items",
        "closed_topics",
    ] {
        assert!(!text.contains(field), "{field} written while empty");
    }
}

#[test]
fn dimension_and_people_conditions_read_the_state() {
    let mut game = start(mini(), "heir");
    let holds = |g: &Game, c: Condition| g.holds(&c);
    // The heir starts behaviour at 80.
    assert!(holds(
        &game,
        Condition::DimensionAtLeast("behaviour".into(), 80)
    ));
    assert!(!holds(
        &game,
        Condition::DimensionAtLeast("behaviour".into(), 81)
    ));
    assert!(holds(
        &game,
        Condition::DimensionBelow("behaviour".into(), 81)
    ));
    assert_eq!(game.dimension_value("behaviour"), 80);
    // Pan starts at 800.
    assert!(holds(&game, Condition::NpcScoreAtLeast("pan".into(), 800)));
    assert!(!holds(&game, Condition::NpcScoreBelow("pan".into(), 800)));
    assert!(!holds(
        &game,
        Condition::NpcScoreAtLeast("nobody".into(), 0)
    ));
    next_day(&mut game);
    game.play(Action::Denounce { npc: "pan".into() }).unwrap();
    let pan = game.state().npcs.get("pan").unwrap().score;
    assert!(holds(
        &game,
        Condition::NpcScoreBelow("pan".into(), pan + 1)
    ));
    assert!(holds(&game, Condition::NpcScoreAtLeast("pan".into(), pan)));
}
