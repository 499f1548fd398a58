//! The core, driven directly through `Game::play` on a small level that has every mechanic.

use std::path::Path;
use std::sync::Arc;

use scored::check;
use scored::game::level::{Level, RuleSetter, Visibility};
use scored::game::state::{ConsentState, Verdict};
use scored::game::{Action, Ballot, Game, Move, Opening, Outcome, Refusal, Voter};

fn mini() -> Level {
    check::load_file(Path::new("tests/fixtures/mini.ron")).expect("the test level is valid")
}

fn start(level: Level, persona: &str) -> Game {
    Game::new(Arc::new(level), Some(persona), 7)
        .expect("persona exists")
        .0
}

fn buy(item: &str) -> Action {
    Action::Buy { item: item.into() }
}

/// The id of the feed post with this text.
fn post_with(game: &Game, text: &str) -> usize {
    let feed = &game.state().feed;
    feed.iter().find(|p| &*p.text == text).unwrap().id
}

fn next_day(game: &mut Game) -> Vec<Outcome> {
    game.play(Action::EndDay).expect("a day can always end")
}

#[test]
fn the_score_switches_on_after_the_baseline_days() {
    let mut game = start(mini(), "student");
    assert_eq!(game.state().score, None);
    assert!(game.state().ledger.is_empty());
    game.play(buy("game")).unwrap();
    assert!(
        game.state().ledger.is_empty(),
        "no ledger rows while unscored"
    );
    let outcomes = next_day(&mut game);
    assert!(
        outcomes
            .iter()
            .any(|o| matches!(o, Outcome::ScoreSwitchedOn { .. }))
    );
    assert!(game.state().score.is_some());
}

#[test]
fn buying_fires_rules_into_the_ledger_and_values_into_the_self() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    let before = game.state().score.unwrap();
    let self_before = game.state().integrity;
    let outcomes = game.play(buy("game")).unwrap();
    let delta = outcomes
        .iter()
        .find_map(|o| match o {
            Outcome::ScoreChanged {
                delta, dimension, ..
            } if dimension == "behaviour" => Some(*delta),
            _ => None,
        })
        .expect("a score change");
    assert!(delta < 0);
    assert_eq!(game.state().score.unwrap(), before + delta);
    assert_eq!(
        game.state().integrity,
        self_before + 4,
        "the student values games at 4"
    );
    let row = game.state().ledger.last().unwrap();
    assert_eq!(row.inference, "Idle person");
    assert_eq!(row.weight, 50);
    assert_eq!(row.delta, delta);
    assert_eq!(game.state().money, 100 + 10 - 30);
}

#[test]
fn predictions_match_what_happens() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    for action in [
        buy("nappies"),
        Action::Draft {
            topic: "praise".into(),
        },
    ] {
        let predicted = game.predict(&action).unwrap();
        let (score, integrity) = (game.state().score.unwrap(), game.state().integrity);
        game.play(action.clone()).unwrap();
        if matches!(action, Action::Draft { .. }) {
            game.play(Action::Post).unwrap();
        }
        assert_eq!(
            game.state().score.unwrap() - score,
            predicted.score,
            "{action:?}"
        );
        assert_eq!(
            game.state().integrity - integrity,
            predicted.integrity,
            "{action:?}"
        );
    }
}

/// The journal and the bots weigh purchases from what the game works out when it begins;
/// the screens predict them from the rules each time. Both must agree, day after day.
#[test]
fn weighed_purchases_match_predicted_ones_through_a_whole_level() {
    let level = Arc::new(check::load_file(Path::new("levels/mandatory.ron")).expect("valid"));
    for seed in 1..4 {
        let (mut game, _) = Game::new(level.clone(), None, seed).expect("persona");
        let mut day = 0;
        while !game.is_over() {
            let weigher = game.weigher();
            for item in &level.items {
                let action = buy(&item.id);
                let predicted = game.predict(&action).expect("an item has an effect");
                let weighed = weigher.shift(&action).expect("an item has an effect");
                assert_eq!(
                    (predicted.score, predicted.integrity),
                    (weighed.score, weighed.integrity),
                    "{} on day {}",
                    item.id,
                    game.state().day
                );
            }
            // Buy what can be bought, so perks, sanctions and per-day limits come and go.
            if let Some(item) = level.items.iter().find(|i| game.allows(&buy(&i.id))) {
                game.play(buy(&item.id)).expect("allowed");
            }
            next_day(&mut game);
            day += 1;
        }
        assert_eq!(day, level.days, "the level was played to its end");
    }
}

#[test]
fn a_locked_item_names_its_perk_and_threshold() {
    let mut game = start(mini(), "student");
    match game.play(buy("ticket")) {
        Err(Refusal::Locked { perk, threshold }) => {
            assert_eq!(perk, "Deposit-free rental");
            assert_eq!(threshold, 650);
        }
        other => panic!("expected a lock, got {other:?}"),
    }
    assert_eq!(game.state().actions_left, 3, "a refusal costs nothing");
}

#[test]
fn not_enough_money_is_refused() {
    let mut game = start(mini(), "student");
    assert!(matches!(
        game.play(buy("yacht")),
        Err(Refusal::NotEnoughMoney { price: 1200, .. })
    ));
}

/// Plays the student into the ground: games and journalism.
fn sink(game: &mut Game) {
    next_day(game);
    while !game.state().sanctions.contains("ban") && !game.is_over() {
        let _ = game.play(Action::Draft {
            topic: "story".into(),
        });
        let _ = game.play(Action::Post);
        let _ = game.play(buy("game"));
        next_day(game);
    }
}

#[test]
fn sanctions_block_forbid_throttle_and_fine() {
    let mut game = start(mini(), "student");
    sink(&mut game);
    assert!(
        game.state().sanctions.contains("ban"),
        "the score fell below 500"
    );
    assert!(game.state().score.unwrap() < 500);
    match game.play(Action::Share {
        post: game.visible_feed().last().map_or(0, |p| p.id),
    }) {
        Err(Refusal::Blocked { sanction, below }) => {
            assert_eq!(sanction, "Travel ban");
            assert_eq!(below, 500);
        }
        other => panic!("sharing should be forbidden, got {other:?}"),
    }
    assert!(
        game.visible_feed().len() <= 1,
        "the feed is throttled to one post"
    );
    let money = game.state().money;
    let outcomes = next_day(&mut game);
    if !game.is_over() {
        assert!(
            outcomes
                .iter()
                .any(|o| matches!(o, Outcome::MoneyChanged { delta: -5, .. }))
        );
        assert_eq!(
            game.state().money,
            money + 10
                - 5
                - if (game.state().day - 1) % 3 == 0 {
                    50
                } else {
                    0
                }
        );
    }
}

#[test]
fn a_sanction_withholds_career_events() {
    let mut level = mini();
    level.events.iter_mut().find(|e| e.id == "job").unwrap().day = 5;
    let mut game = start(level, "student");
    sink(&mut game);
    let mut withheld = false;
    while !game.is_over() {
        let outcomes = next_day(&mut game);
        for o in &outcomes {
            match o {
                Outcome::EventWithheld { event, .. } if event == "job" => {
                    assert!(game.state().sanctions.contains("ban"));
                    withheld = true;
                }
                Outcome::EventArrived { event } if event == "job" => {
                    assert!(
                        !game.state().sanctions.contains("ban"),
                        "it arrives only once the ban is lifted"
                    );
                }
                _ => {}
            }
        }
    }
    assert!(withheld, "the job offer does not reach a banned player");
}

#[test]
fn doing_anything_leaves_the_pre_ticked_box_ticked() {
    let mut game = start(mini(), "student");
    assert_eq!(game.state().consent, ConsentState::Pending);
    game.play(buy("nappies")).unwrap();
    assert_eq!(
        game.state().consent,
        ConsentState::Given {
            share: true,
            defaulted: true
        }
    );
    let d = &game.state().journal.decisions[0];
    assert!(d.defaulted);
    assert_eq!(d.options[d.chosen].id, "share");
    assert!(matches!(
        game.play(Action::Consent { share: false }),
        Err(Refusal::ConsentDone)
    ));
}

#[test]
fn unticking_the_box_is_possible_and_costs_no_action() {
    let mut game = start(mini(), "student");
    game.play(Action::Consent { share: false }).unwrap();
    assert_eq!(
        game.state().consent,
        ConsentState::Given {
            share: false,
            defaulted: false
        }
    );
    assert_eq!(game.state().actions_left, 3);
}

#[test]
fn a_cancelled_draft_is_recorded_as_self_censorship() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    game.play(Action::Draft {
        topic: "story".into(),
    })
    .unwrap();
    assert!(matches!(
        game.play(Action::Draft {
            topic: "praise".into()
        }),
        Err(Refusal::DraftOpen(_))
    ));
    let self_before = game.state().integrity;
    game.play(Action::CancelDraft).unwrap();
    assert_eq!(game.state().drafts_cancelled, 1);
    assert_eq!(
        game.state().integrity,
        self_before - 3,
        "betraying what you wanted to say"
    );
    let d = game.state().journal.decisions.last().unwrap();
    assert_eq!(d.subject, "story");
    assert_eq!(d.options[d.chosen].id, "cancel");
    assert_eq!(d.score_best, 1, "the score prefers silence");
    assert_eq!(d.values_best, 0, "the values prefer the post");
    assert!(d.obeyed());
}

#[test]
fn a_draft_left_open_overnight_counts_as_cancelled() {
    let mut game = start(mini(), "student");
    game.play(Action::Draft {
        topic: "story".into(),
    })
    .unwrap();
    next_day(&mut game);
    assert_eq!(game.state().drafts_cancelled, 1);
    assert!(game.state().draft.is_none());
}

#[test]
fn unanswered_events_take_their_default_and_say_so() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    assert_eq!(game.pending_events().count(), 2);
    let outcomes = next_day(&mut game);
    assert!(outcomes.iter().any(|o| matches!(o,
        Outcome::Answered { event, choice, defaulted: true } if event == "invite" && choice == "comply")));
    let entry = game
        .state()
        .inbox
        .iter()
        .find(|e| &*e.event == "invite")
        .unwrap();
    assert!(entry.answer.as_ref().unwrap().defaulted);
}

#[test]
fn a_friends_post_costs_the_player() {
    let mut game = start(mini(), "student");
    let outcomes = next_day(&mut game);
    assert!(outcomes.iter().any(|o| matches!(o,
        Outcome::ScoreChanged { dimension, delta, .. } if dimension == "connections" && *delta < 0)));
}

#[test]
fn unfriending_a_low_scorer_raises_connections() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    let p = game
        .predict(&Action::Unfriend { npc: "jo".into() })
        .unwrap();
    assert!(p.score > 0, "Jo's score (500) drags the mean down");
    let before = game.state().score.unwrap();
    let jo = game.state().npcs["jo"].score;
    game.play(Action::Unfriend { npc: "jo".into() }).unwrap();
    assert_eq!(game.state().score.unwrap(), before + p.score);
    assert!(!game.state().friends.contains("jo"));
    let d = game.state().journal.decisions.last().unwrap();
    assert_eq!(
        d.options[d.chosen].label,
        format!("Unfriend Jo (score {jo})")
    );
}

#[test]
fn friends_drop_a_player_below_their_tolerance_and_refuse_them() {
    let mut game = start(mini(), "student");
    sink(&mut game);
    while game.state().friends.contains("jo") && !game.is_over() {
        next_day(&mut game);
    }
    assert!(
        !game.state().friends.contains("jo"),
        "Jo (tolerance 520) drops a player under 500"
    );
    if !game.is_over() {
        assert!(matches!(
            game.play(Action::Befriend { npc: "jo".into() }),
            Err(Refusal::Declined { .. })
        ));
    }
}

#[test]
fn reporting_a_post_pays_and_hurts_the_author() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    let jo_before = game.state().npcs["jo"].score;
    let post = post_with(&game, "Read my story.");
    let before = game.state().score.unwrap();
    game.play(Action::Report { post }).unwrap();
    assert_eq!(game.state().reports_filed, 1);
    assert_eq!(game.state().npcs["jo"].score, jo_before - 40);
    assert!(
        game.state().score.unwrap() > before - 100,
        "the reward is on behaviour"
    );
    assert!(
        game.state()
            .ledger
            .iter()
            .any(|r| r.inference == "Civic-minded")
    );
    assert!(matches!(
        game.play(Action::Report { post }),
        Err(Refusal::AlreadyReacted)
    ));
    assert!(game.state().npcs["jo"].trust < 0, "Jo remembers");
}

/// A save can hold a post the level has since lost (its text was edited): the game reads it
/// on the spot, by its tags and author, and predicts and plays it as it would the original.
#[test]
fn a_post_the_level_no_longer_has_reads_as_the_original() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    let post = post_with(&game, "Read my story.");
    let mut edited = game.state().clone();
    edited.feed[post].text = "A post the level no longer has.".into();
    let mut resumed = Game::from_state(game.level_arc().clone(), edited);
    for action in [
        Action::Like { post },
        Action::Share { post },
        Action::Report { post },
    ] {
        assert_eq!(
            resumed.predict(&action),
            game.predict(&action),
            "{action:?}"
        );
    }
    let report = Action::Report { post };
    let (want, got) = (game.play(report.clone()), resumed.play(report));
    assert_eq!(got.is_ok(), want.is_ok());
    let rows = |g: &Game| -> Vec<(Option<String>, i32)> {
        (g.state().ledger.iter())
            .map(|r| (r.rule.as_deref().map(str::to_string), r.points))
            .collect()
    };
    assert_eq!(rows(&resumed), rows(&game), "the same rules fired");
    assert_eq!(resumed.state().integrity, game.state().integrity);
}

#[test]
fn news_cannot_be_reported() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    let post = post_with(&game, "Markets fall.");
    assert!(matches!(
        game.play(Action::Report { post }),
        Err(Refusal::NoAuthor)
    ));
}

#[test]
fn bulletins_change_the_rules_mid_level() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    let game_price = game.predict(&buy("game")).unwrap().score;
    next_day(&mut game);
    assert!(game.state().active_rules.contains("crackdown"));
    let after = game.predict(&buy("game")).unwrap().score;
    assert!(
        after < game_price,
        "games cost more score after the crackdown ({game_price} then, {after} now)"
    );
}

#[test]
fn delayed_visibility_queues_changes_until_recomputation() {
    let mut level = mini();
    level.visibility = Visibility::Delayed { every: 2 };
    let mut game = start(level, "student");
    next_day(&mut game);
    let score = game.state().score.unwrap();
    let outcomes = game.play(buy("game")).unwrap();
    assert!(
        outcomes
            .iter()
            .any(|o| matches!(o, Outcome::ChangeQueued { .. }))
    );
    assert_eq!(game.state().score.unwrap(), score, "nothing moves yet");
    assert!(game.state().ledger.iter().any(|r| !r.applied));
    let mut recomputed = false;
    for _ in 0..2 {
        recomputed |= next_day(&mut game)
            .iter()
            .any(|o| matches!(o, Outcome::Recomputed { .. }));
    }
    assert!(recomputed);
    assert!(
        game.state()
            .ledger
            .iter()
            .filter(|r| r.day == 2)
            .all(|r| r.applied)
    );
    assert!(game.state().score.unwrap() < score);
}

#[test]
fn black_box_hides_the_ledger_from_appeals() {
    let mut level = mini();
    level.visibility = Visibility::BlackBox { every: 1 };
    let mut game = start(level, "student");
    next_day(&mut game);
    game.play(buy("game")).unwrap();
    next_day(&mut game);
    assert!(!game.rules_visible());
    assert!(matches!(
        game.play(Action::Appeal { row: 0 }),
        Err(Refusal::LedgerHidden)
    ));
}

#[test]
fn appeals_resolve_days_later() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    game.play(buy("game")).unwrap();
    let row = game
        .state()
        .ledger
        .iter()
        .find(|r| r.inference == "Idle person")
        .unwrap()
        .id;
    let outcomes = game.play(Action::Appeal { row }).unwrap();
    assert!(matches!(outcomes[0], Outcome::AppealFiled { due: 4, .. }));
    assert!(matches!(
        game.play(Action::Appeal { row }),
        Err(Refusal::NotAppealable(_))
    ));
    next_day(&mut game);
    assert!(game.state().appeals[0].verdict.is_none());
    let outcomes = next_day(&mut game);
    let verdict = outcomes.iter().find_map(|o| match o {
        Outcome::AppealResolved { verdict, .. } => Some(*verdict),
        _ => None,
    });
    assert!(verdict.is_some(), "answered on day 4");
    assert_ne!(
        verdict,
        Some(Verdict::Denied),
        "this level upholds all appeals, fully or in part"
    );
    assert!(
        game.state()
            .ledger
            .iter()
            .any(|r| r.inference == "Correction after review")
    );
}

#[test]
fn votes_change_the_rules() {
    let mut level = mini();
    level.rule_setter = RuleSetter::Vote {
        every: 2,
        board: false,
    };
    let mut game = start(level, "student");
    game.play(Action::Vote {
        proposal: "mercy".into(),
    })
    .unwrap();
    let mut outcomes = next_day(&mut game);
    outcomes.extend(next_day(&mut game));
    let winner = outcomes.iter().find_map(|o| match o {
        Outcome::VoteHeld {
            winner,
            votes,
            of,
            tally,
            yours,
            home,
            board,
            barred,
        } => Some((
            (winner.clone(), *votes, *of),
            (tally.clone(), yours.clone(), *home, board.len()),
            barred.clone(),
        )),
        _ => None,
    });
    // Jo cares for neither and stays home; Max values games (mercy), Pan loyalty (order).
    let tally = vec![("mercy".to_string(), 2), ("order".to_string(), 1)];
    assert_eq!(
        winner,
        Some((
            ("mercy".to_string(), 2, 3),
            (tally, Some("mercy".to_string()), 1, 0),
            None
        ))
    );
    assert!(!game.state().active_rules.contains("buy_games"));
}

/// The count on a public board: every person by name with their vote (or none), and the
/// player's unless they withheld consent; a tie goes to the proposal listed first.
#[test]
fn a_public_board_names_every_voter_and_the_player_only_with_consent() {
    let board_of = |share: bool, vote: &str| {
        let mut level = mini();
        level.rule_setter = RuleSetter::Vote {
            every: 2,
            board: true,
        };
        let mut game = start(level, "student");
        game.play(Action::Consent { share }).unwrap();
        game.play(Action::Vote {
            proposal: vote.into(),
        })
        .unwrap();
        let mut outcomes = next_day(&mut game);
        outcomes.extend(next_day(&mut game));
        outcomes
            .into_iter()
            .find_map(|o| match o {
                Outcome::VoteHeld { winner, board, .. } => Some((winner, board)),
                _ => None,
            })
            .expect("a count")
    };
    let ballot = |voter: Voter, proposal: Option<&str>| Ballot {
        voter,
        proposal: proposal.map(str::to_string),
    };
    let person = |id: &str| Voter::Person(id.to_string());
    let (winner, board) = board_of(true, "order");
    // Order 2 (Pan, you) against Mercy 1 (Max).
    assert_eq!(winner, "order");
    assert_eq!(
        board,
        vec![
            ballot(Voter::You, Some("order")),
            ballot(person("jo"), None),
            ballot(person("max"), Some("mercy")),
            ballot(person("pan"), Some("order")),
        ]
    );
    let (winner, board) = board_of(false, "order");
    // Your vote still counts; it is only kept off the board.
    assert_eq!(winner, "order");
    assert!(!board.iter().any(|b| b.voter == Voter::You), "{board:?}");
    assert_eq!(board.len(), 3);
}

#[test]
fn voting_is_refused_where_the_state_sets_the_rules() {
    let mut level = mini();
    level.rule_setter = RuleSetter::State;
    let mut game = start(level, "student");
    assert!(matches!(
        game.play(Action::Vote {
            proposal: "mercy".into()
        }),
        Err(Refusal::NoVote)
    ));
}

#[test]
fn peers_rate_the_day_weighted_by_their_scores() {
    let mut level = mini();
    level.rule_setter = RuleSetter::Peers {
        dimension: "behaviour".into(),
        strength: 20,
    };
    let mut game = start(level, "student");
    next_day(&mut game);
    game.play(Action::Draft {
        topic: "praise".into(),
    })
    .unwrap();
    game.play(Action::Post).unwrap();
    next_day(&mut game);
    let row = game
        .state()
        .ledger
        .iter()
        .find(|r| r.did.starts_with("Rated by your neighbours"))
        .expect("a peer rating");
    assert!(row.points > 0, "Pan (800) loves loyalty; nobody minds it");
}

#[test]
fn missing_the_rent_is_a_mark_on_the_record() {
    let mut level = mini();
    level.events.retain(|e| e.id != "job");
    let mut game = start(level, "student");
    next_day(&mut game);
    game.play(buy("game")).unwrap();
    game.play(buy("game")).unwrap();
    game.play(buy("game")).unwrap();
    next_day(&mut game);
    next_day(&mut game);
    assert!(game.state().money < 0, "rent on day 4 could not be covered");
    assert!(
        game.state()
            .ledger
            .iter()
            .any(|r| r.inference == "Defaulter")
    );
}

#[test]
fn endings_follow_their_conditions() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    game.play(Action::Answer {
        event: "invite".into(),
        choice: "refuse".into(),
    })
    .unwrap();
    while !game.is_over() {
        next_day(&mut game);
    }
    assert_eq!(game.state().ending.as_deref(), Some("refuser"));
    assert!(matches!(game.play(Action::EndDay), Err(Refusal::LevelOver)));
}

#[test]
fn the_same_seed_and_actions_give_the_same_game() {
    let script = |seed| {
        let (mut game, _) = Game::new(Arc::new(mini()), Some("student"), seed).unwrap();
        let mut log = Vec::new();
        for a in [
            buy("game"),
            Action::EndDay,
            Action::Draft {
                topic: "story".into(),
            },
            Action::Post,
            Action::EndDay,
            Action::EndDay,
            Action::EndDay,
        ] {
            log.push(format!("{:?}", game.play(a)));
        }
        (game.state().clone(), log)
    };
    assert_eq!(script(3), script(3));
}

#[test]
fn a_rule_with_a_daily_limit_stops_counting_repeats() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    assert!(game.predict(&buy("nappies")).unwrap().score > 0);
    game.play(buy("nappies")).unwrap();
    assert_eq!(
        game.predict(&buy("nappies")).unwrap().score,
        0,
        "per_day: 1"
    );
    let rows = game.state().ledger.len();
    game.play(buy("nappies")).unwrap();
    assert_eq!(game.state().ledger.len(), rows, "the repeat earns nothing");
    next_day(&mut game);
    assert!(
        game.predict(&buy("nappies")).unwrap().score > 0,
        "a new day, a new count"
    );
}

#[test]
fn the_act_of_reporting_is_judged_by_the_persona() {
    let mut game = start(mini(), "student");
    next_day(&mut game);
    // Max stands for games (valued 4); reporting is informing (valued -3).
    let p = game
        .predict(&Action::Denounce { npc: "max".into() })
        .unwrap();
    assert_eq!(p.integrity, -4 - 3);
    let before = game.state().integrity;
    game.play(Action::Denounce { npc: "max".into() }).unwrap();
    assert_eq!(game.state().integrity, before - 7);
}

#[test]
fn the_same_person_cannot_be_reported_again_within_a_week() {
    let mut game = start(mini(), "student");
    game.play(Action::Denounce { npc: "pan".into() }).unwrap();
    assert!(matches!(
        game.play(Action::Denounce { npc: "pan".into() }),
        Err(Refusal::AlreadyReported { day: 1, .. })
    ));
    assert!(!game.allows(&Action::Denounce { npc: "pan".into() }));
    // Day 8 is past mini's six days: the refusal names no day the level never reaches.
    let refusal = game
        .refusal(&Action::Denounce { npc: "pan".into() })
        .unwrap();
    assert_eq!(
        refusal.to_string(),
        "you reported Pan on day 1; not again before the level ends"
    );
}

#[test]
fn a_basic_income_coupled_to_the_score_pays_by_the_score() {
    let mut level = mini();
    level.economy.score_income = Some(scored::game::level::ScoreIncome {
        pivot: 500,
        per_100: 30,
        floor: 0,
        provenance: scored::game::level::Provenance {
            source: scored::game::level::Source::Fiction,
            note: "Test.".into(),
        },
    });
    let mut game = start(level, "student");
    next_day(&mut game);
    let score = game.state().score.unwrap();
    let money = game.state().money;
    let outcomes = next_day(&mut game);
    let paid = outcomes.iter().find_map(|o| match o {
        Outcome::MoneyChanged { delta, reason } if reason.starts_with("basic income") => {
            Some(*delta)
        }
        _ => None,
    });
    let expected =
        (i64::from(game.state().timeline.last().unwrap().score.unwrap_or(score) - 500) * 30 / 100)
            .max(0);
    assert_eq!(paid.unwrap_or(0), expected);
    assert!(game.state().money >= money, "income came in");
}

#[test]
fn a_choice_that_costs_self_directly_is_predicted_so() {
    let mut level = mini();
    let invite = level.events.iter_mut().find(|e| e.id == "invite").unwrap();
    let refuse = invite
        .choices
        .iter_mut()
        .find(|c| c.id == "refuse")
        .unwrap();
    refuse
        .effects
        .push(scored::game::level::Effect::Integrity(-5));
    let mut game = start(level, "student");
    next_day(&mut game);
    let action = Action::Answer {
        event: "invite".into(),
        choice: "refuse".into(),
    };
    let predicted = game.predict(&action).unwrap().integrity;
    let before = game.state().integrity;
    game.play(action).unwrap();
    assert_eq!(game.state().integrity - before, predicted);
    assert_eq!(
        predicted,
        2 - 5,
        "values +2 for refusing, then the choice's own -5"
    );
}

#[test]
fn simulate_gives_the_same_report_on_any_number_of_threads() {
    use scored::balance::{Detail, simulate};
    use scored::bots::Strategy;
    let level = Arc::new(mini());
    let cases = [
        (Strategy::Random, Detail::Plain),
        (Strategy::Conformist, Detail::Plain),
        (Strategy::Random, Detail::Full),
        (Strategy::MostlyConformist, Detail::Numbers),
    ];
    for (strategy, detail) in cases {
        let one = simulate(level.clone(), None, strategy, 23, 7, 1, detail);
        let json = |r| serde_json::to_string(&r).unwrap();
        let one = json(one);
        for threads in [2, 3, 8, 64] {
            let many = simulate(level.clone(), None, strategy, 23, 7, threads, detail);
            assert_eq!(
                json(many),
                one,
                "{threads} threads, {strategy:?}, {detail:?}"
            );
        }
    }
}

#[test]
fn a_silent_game_plays_exactly_like_a_full_one_without_the_words() {
    use scored::bots::{self, Strategy};
    use scored::game::journal::DecisionKind;
    let mut files: Vec<_> = std::fs::read_dir("levels")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 7, "the shipped levels");
    for path in files {
        let level = Arc::new(check::load_file(&path).expect("valid"));
        for strategy in [
            Strategy::Random,
            Strategy::Conformist,
            Strategy::Authentic,
            Strategy::Rebel,
        ] {
            for seed in [1, 2] {
                let what = format!("{} {strategy:?} seed {seed}", path.display());
                let full = bots::play(level.clone(), None, seed, strategy);
                let opening = Opening::new(level.clone(), None).unwrap();
                let actions = bots::Actions::of(&level);
                let (silent, tally) = bots::play_silently(&opening, &actions, seed, strategy);
                assert_eq!(silent.state(), &full.state().wordless(), "{what}");
                let chosen = |kind: DecisionKind| -> Vec<String> {
                    let mut ids: Vec<String> = (full.state().journal.decisions.iter())
                        .filter(|d| d.kind == kind && d.options[d.chosen].id != "cancel")
                        .map(|d| match kind {
                            DecisionKind::Post => d.subject.clone(),
                            _ => d.options[d.chosen].id.clone(),
                        })
                        .collect();
                    ids.sort();
                    ids.dedup();
                    ids
                };
                let marked = |ids: Vec<&String>, marks: &[bool]| -> Vec<String> {
                    let mut ids: Vec<String> = (ids.into_iter().zip(marks))
                        .filter(|(_, m)| **m)
                        .map(|(id, _)| id.clone())
                        .collect();
                    ids.sort();
                    ids
                };
                let items = level.items.iter().map(|i| &i.id).collect();
                let topics = level.topics.iter().map(|t| &t.id).collect();
                assert_eq!(
                    marked(items, &tally.bought),
                    chosen(DecisionKind::Buy),
                    "{what}"
                );
                assert_eq!(
                    marked(topics, &tally.posted),
                    chosen(DecisionKind::Post),
                    "{what}"
                );
            }
        }
    }
    let mut silent = Opening::new(Arc::new(mini()), None)
        .unwrap()
        .start_silent(1);
    assert_eq!(silent.play(Action::EndDay), Ok(Vec::new()), "no outcomes");
    let (mut full, _) = Game::new(Arc::new(mini()), None, 1).unwrap();
    assert!(!full.play(Action::EndDay).unwrap().is_empty());
}

/// The action that names by id what the move names by position.
fn named(level: &Level, m: Move) -> Action {
    match m {
        Move::Buy(i) => buy(&level.items[i].id),
        Move::Draft(i) => Action::Draft {
            topic: level.topics[i].id.clone(),
        },
        Move::Post => Action::Post,
        Move::CancelDraft => Action::CancelDraft,
        Move::Like(post) => Action::Like { post },
        Move::Share(post) => Action::Share { post },
        Move::Report(post) => Action::Report { post },
        Move::Befriend(i) => Action::Befriend {
            npc: level.npcs[i].id.clone(),
        },
        Move::Unfriend(i) => Action::Unfriend {
            npc: level.npcs[i].id.clone(),
        },
        Move::Denounce(i) => Action::Denounce {
            npc: level.npcs[i].id.clone(),
        },
        Move::Answer { event, choice } => Action::Answer {
            event: level.events[event].id.clone(),
            choice: level.events[event].choices[choice].id.clone(),
        },
        Move::EndDay => Action::EndDay,
    }
}

#[test]
fn a_move_plays_exactly_as_the_action_that_names_it() {
    use scored::save::SaveFile;
    let mut levels = vec![("tests/fixtures/mini.ron".to_string(), Arc::new(mini()))];
    for name in ["mandatory", "peer-prestige", "black-box", "coupled-income"] {
        let path = format!("levels/{name}.ron");
        let level = Arc::new(check::load_file(Path::new(&path)).expect("valid"));
        levels.push((path, level));
    }
    let (mut answered, mut resumed) = (0, 0);
    for (path, level) in levels {
        for seed in 1..=3u64 {
            let (mut by_move, _) = Game::new(level.clone(), None, seed).unwrap();
            let mut by_name = by_move.clone();
            let mut draw = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
            let mut next = |n: usize| {
                draw ^= draw << 13;
                draw ^= draw >> 7;
                draw ^= draw << 17;
                (draw % n.max(1) as u64) as usize
            };
            let (mut taken, mut saved) = (0, false);
            for _ in 0..600 {
                if by_move.is_over() {
                    break;
                }
                // Halfway through, the game by moves goes on from its save: the mirror is
                // then rebuilt from the state, the posts' origins with it.
                if !saved && by_move.state().day > level.days / 2 {
                    saved = true;
                    let text = SaveFile::of(&by_move, Path::new(&path), String::new()).to_ron();
                    let back = SaveFile::parse(&text).unwrap();
                    by_move = back.into_game(level.clone()).unwrap();
                    resumed += 1;
                }
                let posts = by_move.state().feed.len() + 1;
                let pending: Vec<usize> = by_move.positions().pending().collect();
                let event = match pending.is_empty() {
                    false if next(4) > 0 => Some(pending[next(pending.len())]),
                    _ => Some(next(level.events.len())).filter(|_| !level.events.is_empty()),
                };
                let m = match next(12) {
                    0 => Move::Buy(next(level.items.len())),
                    1 => Move::Draft(next(level.topics.len())),
                    2 => Move::Post,
                    3 => Move::CancelDraft,
                    4 => Move::Like(next(posts)),
                    5 => Move::Share(next(posts)),
                    6 => Move::Report(next(posts)),
                    7 => Move::Befriend(next(level.npcs.len())),
                    8 => Move::Unfriend(next(level.npcs.len())),
                    9 => Move::Denounce(next(level.npcs.len())),
                    10 | 11 if event.is_some_and(|e| !level.events[e].choices.is_empty()) => {
                        let e = event.unwrap();
                        Move::Answer {
                            event: e,
                            choice: next(level.events[e].choices.len()),
                        }
                    }
                    _ => Move::EndDay,
                };
                let a = named(&level, m);
                let (moved, played) = (by_move.play_move(m), by_name.play(&a));
                assert_eq!(moved, played, "{} seed {seed}: {m:?}", level.id);
                assert_eq!(by_move.state(), by_name.state(), "{m:?}");
                taken += usize::from(moved.is_ok());
                answered += usize::from(moved.is_ok() && matches!(m, Move::Answer { .. }));
            }
            assert!(
                taken > 15,
                "{} seed {seed}: only {taken} moves taken",
                level.id
            );
        }
    }
    assert!(answered > 40, "only {answered} answers given");
    assert!(resumed > 10, "only {resumed} games resumed");
}

#[test]
fn a_move_past_the_end_of_a_list_is_refused_and_changes_nothing() {
    let (mut game, _) = Game::new(Arc::new(mini()), Some("student"), 7).unwrap();
    // Any other action first would take the consent box's default.
    game.play(Action::Consent { share: false }).unwrap();
    let before = game.state().clone();
    let beyond = |kind: &'static str, at: usize| Err(Refusal::NoSuchPlace { kind, at });
    assert_eq!(game.play_move(Move::Buy(99)), beyond("item", 99));
    assert_eq!(game.play_move(Move::Draft(99)), beyond("topic", 99));
    assert_eq!(game.play_move(Move::Befriend(99)), beyond("person", 99));
    assert_eq!(game.play_move(Move::Unfriend(99)), beyond("person", 99));
    assert_eq!(game.play_move(Move::Denounce(99)), beyond("person", 99));
    let answer = |event, choice| Move::Answer { event, choice };
    assert_eq!(game.play_move(answer(99, 0)), beyond("event", 99));
    // A post, as in an `Action`, is its place in the feed.
    assert_eq!(game.play_move(Move::Like(99)), Err(Refusal::NoSuchPost(99)));
    assert_eq!(game.state(), &before);
    assert_eq!(
        beyond("item", 99).unwrap_err().to_string(),
        "the level has no item number 99"
    );
    let waiting = |g: &Game| g.positions().pending().next();
    while waiting(&game).is_none() && !game.is_over() {
        next_day(&mut game);
    }
    let event = waiting(&game).expect("the test level has an event to answer");
    let before = game.state().clone();
    assert_eq!(game.play_move(answer(event, 99)), beyond("choice", 99));
    assert_eq!(game.state(), &before);
}

/// Peer ratings say who approved or disapproved, at what score, and which of the day's deeds
/// weighed most with each: what the night's lines name.
#[test]
fn peer_ratings_name_each_rater_and_the_deed_that_moved_them() {
    let mut level = mini();
    level.rule_setter = RuleSetter::Peers {
        dimension: "behaviour".into(),
        strength: 30,
    };
    let mut game = start(level, "student");
    game.play(Action::Consent { share: true }).unwrap();
    next_day(&mut game);
    assert!(game.state().score.is_some(), "rated once the score is on");
    game.play(Action::Buy {
        item: "game".into(),
    })
    .unwrap();
    game.play(Action::Draft {
        topic: "praise".into(),
    })
    .unwrap();
    game.play(Action::Post).unwrap();
    let pan_before = game.state().npcs.get("pan").unwrap().score;
    let outcomes = next_day(&mut game);
    let (deeds, ratings) = outcomes
        .iter()
        .find_map(|o| match o {
            Outcome::PeersRated { deeds, ratings, .. } => Some((deeds.clone(), ratings.clone())),
            _ => None,
        })
        .expect("the neighbours rated the day");
    let bought = deeds.iter().position(|d| d.starts_with("Bought Game"));
    let posted = deeds.iter().position(|d| d.starts_with("Posted"));
    assert!(bought.is_some() && posted.is_some(), "{deeds:?}");
    let of = |id: &str| ratings.iter().find(|r| r.npc == id).cloned();
    // Max values games, Pan loyalty; Jo, for the press, cares for neither but minds being
    // reported, the default answer to the day's invitation.
    let max = of("max").expect("Max rated");
    assert!(max.approved);
    assert_eq!(Some(max.because), bought);
    let pan = of("pan").expect("Pan rated");
    assert!(pan.approved);
    assert_eq!(Some(pan.because), posted);
    assert_eq!(pan.score, pan_before, "the score the thumb counted by");
    let jo = of("jo").expect("Jo rated");
    assert!(!jo.approved);
    assert!(deeds[jo.because].contains("Report Jo"), "{deeds:?}");
}

/// A vote cast before a sanction takes the right to vote away is not counted, and the count
/// says why; on the board the player did not vote.
#[test]
fn a_vote_cast_before_a_sanction_forbids_voting_is_not_counted() {
    use scored::game::level::{ActionKind, SanctionEffect};
    let mut level = mini();
    level.rule_setter = RuleSetter::Vote {
        every: 2,
        board: true,
    };
    let mut ban = level.sanctions[0].clone();
    ban.id = "no_vote".into();
    ban.name = "Vote suspended".into();
    ban.below = 2_000;
    ban.effects = vec![SanctionEffect::Forbid(ActionKind::Vote)];
    level.sanctions.push(ban);
    let mut game = start(level, "student");
    // Day 1: no score yet, so no sanction; the vote is cast.
    game.play(Action::Vote {
        proposal: "order".into(),
    })
    .unwrap();
    let mut outcomes = next_day(&mut game);
    assert!(
        game.check_allowed(ActionKind::Vote).is_err(),
        "suspended on day 2"
    );
    outcomes.extend(next_day(&mut game));
    let (winner, tally, yours, barred, board) = outcomes
        .into_iter()
        .find_map(|o| match o {
            Outcome::VoteHeld {
                winner,
                tally,
                yours,
                barred,
                board,
                ..
            } => Some((winner, tally, yours, barred, board)),
            _ => None,
        })
        .expect("a count");
    // Max for mercy, Pan for order: 1-1 without you, and the tie goes to mercy.
    assert_eq!(
        tally,
        vec![("mercy".to_string(), 1), ("order".to_string(), 1)]
    );
    assert_eq!(winner, "mercy");
    assert_eq!(yours.as_deref(), Some("order"));
    assert!(barred.is_some_and(|why| why.contains("Vote suspended")));
    assert!(board.contains(&Ballot {
        voter: Voter::You,
        proposal: None
    }));
}

/// A report the accused answered is not written up as having cost them anything: the
/// journal keeps each report's verdict, and the debrief's moments follow it.
#[test]
fn the_debrief_says_what_became_of_each_report() {
    use scored::game::debrief;
    use scored::game::level::DueProcess;
    let mut level = mini();
    level.reporting.due_process = DueProcess::Window { days: 1 };
    let (mut cleared, mut stood) = (0, 0);
    for seed in 1..=8 {
        let mut game = Game::new(Arc::new(level.clone()), Some("student"), seed)
            .unwrap()
            .0;
        game.play(Action::Consent { share: true }).unwrap();
        next_day(&mut game);
        // Each night's verdicts, by the day the report was made.
        let mut nights = Vec::new();
        for npc in ["jo", "max", "pan"] {
            let day = game.state().day;
            game.play(Action::Denounce { npc: npc.into() }).unwrap();
            let verdicts: Vec<(String, bool)> = (next_day(&mut game).into_iter())
                .filter_map(|o| match o {
                    Outcome::AccusationResolved { npc, cleared } => Some((npc, cleared)),
                    _ => None,
                })
                .collect();
            nights.push((day, npc, verdicts));
        }
        let journal = &game.state().journal.decisions;
        let moments = debrief::moments(game.level(), journal);
        for (day, npc, verdicts) in &nights {
            let report = (journal.iter())
                .find(|d| d.day == *day && d.subject == *npc && d.options[d.chosen].id == "report")
                .unwrap();
            let verdict = report.cleared.expect("decided the next morning");
            assert!(
                verdicts.contains(&(npc.to_string(), verdict)),
                "{npc}: {verdicts:?}"
            );
            let label = &report.options[report.chosen].label;
            let Some(m) = moments.iter().find(|m| m.text.contains(label.as_str())) else {
                continue;
            };
            if verdict {
                cleared += 1;
                assert!(
                    m.text.contains("they answered it and were cleared"),
                    "{}",
                    m.text
                );
                assert!(!m.text.contains("cost others"), "{}", m.text);
            } else {
                stood += 1;
                assert!(
                    m.text.contains("it cost others 40 score points"),
                    "{}",
                    m.text
                );
            }
        }
        // Reports made by others carry no decision of the player's.
        let decided = journal.iter().filter(|d| d.cleared.is_some()).count();
        assert_eq!(decided, nights.len(), "seed {seed}");
    }
    assert!(
        cleared > 0 && stood > 0,
        "both verdicts seen: {cleared} cleared, {stood} stood"
    );
}

/// After the last count no vote would be counted: the game says so rather than take it.
#[test]
fn no_vote_is_taken_after_the_last_count() {
    let mut level = mini();
    level.rule_setter = RuleSetter::Vote {
        every: 2,
        board: false,
    };
    // Six days: counts on the mornings of days 3 and 5.
    let mut game = start(level, "student");
    let vote = |p: &str| Action::Vote { proposal: p.into() };
    let mut counts = Vec::new();
    while game.state().day < 5 {
        counts.push((game.state().day, game.next_count()));
        assert_eq!(
            game.refusal(&vote("mercy")),
            None,
            "day {}",
            game.state().day
        );
        next_day(&mut game);
    }
    assert_eq!(
        counts,
        [(1, Some(3)), (2, Some(3)), (3, Some(5)), (4, Some(5))]
    );
    assert_eq!(game.next_count(), None);
    assert_eq!(game.play(vote("order")), Err(Refusal::NoCountLeft));
}
