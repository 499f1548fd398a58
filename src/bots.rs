//! Built-in players: they read the same predictions a player sees and play whole levels
//! headless, for balance reports and tests.

use std::borrow::Cow;
use std::mem;
use std::sync::Arc;

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};
use serde::Serialize;

use crate::game::level::{ActionKind, Choice};
use crate::game::state::{Author, FeedPost, Reaction};
use crate::game::{Action, Game, Level, Move, Opening, Outcome, Prediction, Shift};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// Takes whatever the score rewards.
    Conformist,
    /// Does what the persona's values say, whatever the score.
    Authentic,
    /// Does what the values say and the score punishes.
    Rebel,
    /// Picks at random among the possible actions.
    Random,
    /// The conformist, but each decision, 15% of the time, one of the other possible actions
    /// at random.
    #[serde(rename = "mostly-conformist")]
    MostlyConformist,
    /// The authentic player, but each decision, 15% of the time, one of the other possible
    /// actions at random.
    #[serde(rename = "mostly-authentic")]
    MostlyAuthentic,
}

/// How often, in percent, a mostly-* strategy strays from its pure strategy's choice.
pub const STRAY_PERCENT: u64 = 15;

impl Strategy {
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Conformist => "conformist",
            Strategy::Authentic => "authentic",
            Strategy::Rebel => "rebel",
            Strategy::Random => "random",
            Strategy::MostlyConformist => "mostly-conformist",
            Strategy::MostlyAuthentic => "mostly-authentic",
        }
    }

    /// The pure strategy this one follows when it does not stray.
    pub fn base(self) -> Strategy {
        match self {
            Strategy::MostlyConformist => Strategy::Conformist,
            Strategy::MostlyAuthentic => Strategy::Authentic,
            s => s,
        }
    }

    /// Whether the strategy sometimes takes another action than its pure strategy would.
    pub fn strays(self) -> bool {
        self != self.base()
    }

    /// How much the strategy wants an option; it acts only on a positive appetite.
    fn appetite(self, p: Shift) -> i32 {
        match self.base() {
            Strategy::Conformist => p.score * 10 + p.integrity,
            Strategy::Authentic => p.integrity * 10 + p.score.signum(),
            Strategy::Rebel => p.integrity * 5 - p.score * 5,
            _ => 1,
        }
    }
}

/// One finished run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunResult {
    pub score: i32,
    pub integrity: i32,
    pub money: i64,
    pub ending: String,
}

/// What a bot bought and posted, by position in the level: what a silent game, which keeps
/// no journal, cannot say afterwards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub bought: Vec<bool>,
    pub posted: Vec<bool>,
}

/// Every action that names something in a level, made once: the strategies weigh them (bots
/// play [`Move`]s, which name things by position), so a run copies no names. Make one for
/// all the runs of a level.
pub struct Actions {
    buy: Vec<Action>,
    draft: Vec<Action>,
    befriend: Vec<Action>,
    unfriend: Vec<Action>,
    denounce: Vec<Action>,
    /// Each event's choices, by the event's position.
    answer: Vec<Vec<Action>>,
}

impl Actions {
    /// The move as the action it is, for weighing what it would do.
    fn named(&self, m: Move) -> Cow<'_, Action> {
        match m {
            Move::Buy(i) => Cow::Borrowed(&self.buy[i]),
            Move::Draft(i) => Cow::Borrowed(&self.draft[i]),
            Move::Post => Cow::Owned(Action::Post),
            Move::CancelDraft => Cow::Owned(Action::CancelDraft),
            Move::Like(post) => Cow::Owned(Action::Like { post }),
            Move::Share(post) => Cow::Owned(Action::Share { post }),
            Move::Report(post) => Cow::Owned(Action::Report { post }),
            Move::Befriend(i) => Cow::Borrowed(&self.befriend[i]),
            Move::Unfriend(i) => Cow::Borrowed(&self.unfriend[i]),
            Move::Denounce(i) => Cow::Borrowed(&self.denounce[i]),
            Move::Answer { event, choice } => Cow::Borrowed(&self.answer[event][choice]),
            Move::EndDay => Cow::Owned(Action::EndDay),
        }
    }

    pub fn of(level: &Level) -> Actions {
        let npcs =
            |make: fn(String) -> Action| level.npcs.iter().map(|n| make(n.id.clone())).collect();
        Actions {
            buy: (level.items.iter())
                .map(|i| Action::Buy { item: i.id.clone() })
                .collect(),
            draft: (level.topics.iter())
                .map(|t| Action::Draft {
                    topic: t.id.clone(),
                })
                .collect(),
            befriend: npcs(|npc| Action::Befriend { npc }),
            unfriend: npcs(|npc| Action::Unfriend { npc }),
            denounce: npcs(|npc| Action::Denounce { npc }),
            answer: (level.events.iter())
                .map(|e| {
                    let answer = |c: &Choice| Action::Answer {
                        event: e.id.clone(),
                        choice: c.id.clone(),
                    };
                    e.choices.iter().map(answer).collect()
                })
                .collect(),
        }
    }
}

/// Plays a whole level; returns the finished game.
pub fn play(level: Arc<Level>, persona: Option<&str>, seed: u64, strategy: Strategy) -> Game {
    let actions = Actions::of(&level);
    let (game, _) = Game::new(level, persona, seed).expect("persona checked by the caller");
    finish(game, &actions, seed, strategy, &mut ()).0
}

/// [`play`] in a silent game ([`Opening::start_silent`]): the same moves, without the words.
/// `actions` are the opening's level's.
pub fn play_silently(
    opening: &Opening,
    actions: &Actions,
    seed: u64,
    strategy: Strategy,
) -> (Game, Tally) {
    let level = opening.level();
    debug_assert!(
        actions.buy.len() == level.items.len()
            && actions.befriend.len() == level.npcs.len()
            && actions.answer.len() == level.events.len()
    );
    finish(opening.start_silent(seed), actions, seed, strategy, &mut ())
}

/// One action a watched bot took, as [`Watch::played`] sees it.
pub struct Played<'a> {
    pub action: &'a Action,
    /// The topic of the draft open before the action (what `Post` and `CancelDraft` act on).
    pub draft: Option<&'a str>,
    /// What the game predicted the action would do, before it was taken.
    pub predicted: Option<Prediction>,
    /// The score (implied, before it is switched on) and the self before the action.
    pub before: (i32, i32),
}

/// What looks at a bot's game as it plays. The no-op `()` costs nothing: a plain run is the
/// same code as before there were watchers.
pub trait Watch {
    /// Whether [`Watch::played`] is called (each action's prediction is worked out for it).
    const ACTIONS: bool = false;
    /// The outcomes of the first morning (only a game that is not silent has any).
    fn began(&mut self, _game: &Game, _outcomes: &[Outcome]) {}
    /// An action taken, with its outcomes, `game` being the game after it.
    fn played(&mut self, _game: &Game, _played: &Played<'_>, _outcomes: &[Outcome]) {}
    /// A day just ended (the next morning, if any, has begun).
    fn day_ended(&mut self, _game: &Game) {}
}

impl Watch for () {}

/// The score as it stands, or as it would be before it is switched on.
pub fn score_now(game: &Game) -> i32 {
    game.state().score.unwrap_or_else(|| game.implied_score())
}

/// Plays a whole `game` just begun (with the first morning's `outcomes`), showing `watch`
/// what happens.
pub fn play_watched<W: Watch>(
    game: Game,
    outcomes: &[Outcome],
    actions: &Actions,
    seed: u64,
    strategy: Strategy,
    watch: &mut W,
) -> (Game, Tally) {
    watch.began(&game, outcomes);
    finish(game, actions, seed, strategy, watch)
}

/// Plays the move, showing `watch` when it looks at actions; whether the game took it.
fn step<W: Watch>(game: &mut Game, actions: &Actions, m: Move, watch: &mut W) -> bool {
    if !W::ACTIONS {
        return game.play_move(m).is_ok();
    }
    let action = actions.named(m).into_owned();
    step_action(game, &action, watch)
}

/// [`step`] for an action that is no move (the consent screen).
fn step_action<W: Watch>(game: &mut Game, action: &Action, watch: &mut W) -> bool {
    if !W::ACTIONS {
        return game.play(action).is_ok();
    }
    let draft = game.state().draft.clone();
    let predicted = game.predict(action);
    let before = (score_now(game), game.state().integrity);
    match game.play(action) {
        Ok(outcomes) => {
            let played = Played {
                action,
                draft: draft.as_deref(),
                predicted,
                before,
            };
            watch.played(game, &played, &outcomes);
            true
        }
        Err(_) => false,
    }
}

fn finish<W: Watch>(
    mut game: Game,
    actions: &Actions,
    seed: u64,
    strategy: Strategy,
    watch: &mut W,
) -> (Game, Tally) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5EED_B075);
    let mut tally = Tally {
        bought: vec![false; game.level().items.len()],
        posted: vec![false; game.level().topics.len()],
    };
    let mut guard = 0;
    let level = game.level();
    let mut options = Options {
        every: ((0..level.items.len()).map(Move::Buy))
            .chain((0..level.topics.len()).map(Move::Draft))
            .collect(),
        items: level.items.len(),
        feed: Vec::new(),
        feed_listed: None,
        moved: Vec::new(),
        pending_events: Vec::new(),
        open_choices: Vec::new(),
    };
    while !game.is_over() && guard < 10_000 {
        guard += 1;
        play_day(
            &mut game,
            actions,
            strategy,
            &mut rng,
            &mut tally,
            &mut options,
            watch,
        );
    }
    (game, tally)
}

/// What a taken action adds to the [`Tally`]: the item bought or the topic posted, by
/// position in the level.
#[derive(Debug, Clone, Copy)]
enum Mark {
    Bought(usize),
    Posted(usize),
}

/// Plays the move and tallies what `mark` says; whether the game took it.
fn take<W: Watch>(
    game: &mut Game,
    actions: &Actions,
    m: Move,
    mark: Option<Mark>,
    tally: &mut Tally,
    watch: &mut W,
) -> bool {
    if !step(game, actions, m, watch) {
        return false;
    }
    match mark {
        Some(Mark::Bought(i)) => tally.bought[i] = true,
        Some(Mark::Posted(i)) => tally.posted[i] = true,
        None => {}
    }
    true
}

pub fn result(game: &Game) -> RunResult {
    let s = game.state();
    RunResult {
        score: s.score.unwrap_or_else(|| game.implied_score()),
        integrity: s.integrity,
        money: s.money,
        ending: s.ending.clone().unwrap_or_default(),
    }
}

/// A random position in a list of `len`, if it has any.
fn pick(rng: &mut ChaCha8Rng, len: usize) -> Option<usize> {
    (len > 0).then(|| (rng.next_u64() % len as u64) as usize)
}

/// For the mostly-* strategies, `STRAY_PERCENT` of the time: a uniformly random one of
/// `n` options other than `chosen` (`n` counting it), instead of it. Other strategies draw
/// nothing, so their runs are as before.
fn stray(strategy: Strategy, rng: &mut ChaCha8Rng, n: usize, chosen: usize) -> usize {
    if !strategy.strays() || n < 2 || rng.next_u64() % 100 >= STRAY_PERCENT {
        return chosen;
    }
    let other = (rng.next_u64() % (n as u64 - 1)) as usize;
    if other >= chosen { other + 1 } else { other }
}

/// The position of the best of `options` for the strategy (first on ties), or a random one.
fn choose(
    game: &Game,
    strategy: Strategy,
    options: &[Action],
    rng: &mut ChaCha8Rng,
    need_appetite: bool,
) -> Option<usize> {
    if strategy == Strategy::Random {
        return pick(rng, options.len());
    }
    let weigher = game.weigher();
    let mut best: Option<(i32, usize)> = None;
    for (i, a) in options.iter().enumerate() {
        let p = weigher.shift(a).unwrap_or_default();
        let want = strategy.appetite(p);
        if need_appetite && want <= 0 {
            continue;
        }
        if best.is_none_or(|(w, _)| want > w) {
            best = Some((want, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Every purchase and draft of a level, listed once, and the reactions to the feed a turn
/// can offer, listed again only when the feed may have changed, so that a day allocates none.
struct Options {
    every: Vec<Move>,
    /// How many of `every` are purchases (the drafts follow).
    items: usize,
    feed: Vec<Move>,
    /// The lengths of the feed and of its visible part that `feed` was listed for; `None`
    /// once a reaction taken has made it stale. Posts arrive only in the morning, and only
    /// the player's reactions change a post.
    feed_listed: Option<(usize, usize)>,
    /// Lent to each turn for the candidates its draws moved.
    moved: Vec<(usize, Move)>,
    /// Kept from morning to morning: the events waiting for an answer, and an event's open
    /// choices (the strategies other than random still list their actions anew).
    pending_events: Vec<usize>,
    open_choices: Vec<usize>,
}

fn play_day<W: Watch>(
    game: &mut Game,
    actions: &Actions,
    strategy: Strategy,
    rng: &mut ChaCha8Rng,
    tally: &mut Tally,
    options: &mut Options,
    watch: &mut W,
) {
    if game.state().consent == crate::game::state::ConsentState::Pending {
        let consent = [
            Action::Consent { share: true },
            Action::Consent { share: false },
        ];
        if let Some(i) = choose(game, strategy, &consent, rng, false) {
            let i = stray(strategy, rng, consent.len(), i);
            let _ = step_action(game, &consent[i], watch);
        }
    }
    let mut pending = mem::take(&mut options.pending_events);
    let mut open = mem::take(&mut options.open_choices);
    pending.clear();
    pending.extend(game.positions().pending());
    for &at in &pending {
        let answers = &actions.answer[at];
        open.clear();
        let positions = game.positions();
        open.extend((0..answers.len()).filter(|&c| positions.answerable(at, c)));
        let chosen = if strategy == Strategy::Random {
            pick(rng, open.len()).map(|i| open[i])
        } else {
            let weighed: Vec<Action> = open.iter().map(|&c| answers[c].clone()).collect();
            choose(game, strategy, &weighed, rng, false)
                .map(|i| open[stray(strategy, rng, open.len(), i)])
        };
        if let Some(choice) = chosen {
            debug_assert!(game.allows(&answers[choice]));
            let _ = step(game, actions, Move::Answer { event: at, choice }, watch);
        }
    }
    (options.pending_events, options.open_choices) = (pending, open);
    if strategy != Strategy::Random {
        censor_or_post(game, actions, strategy, rng, tally, watch);
    }
    while game.state().actions_left > 0 && !game.is_over() {
        let mut turn = Turn::of(game, options);
        let picked = if strategy == Strategy::Random {
            pick_allowed(&mut turn, actions, rng)
        } else {
            let (candidates, weighed): (Vec<Move>, Vec<Action>) = (0..turn.len)
                .map(|i| turn.natural(i))
                .filter(|&c| worthy(game, actions, c))
                .map(|c| (c, actions.named(c).into_owned()))
                .unzip();
            let best = choose(game, strategy, &weighed, rng, true);
            // The day's end is one of the options too, the last: what the pure strategy does
            // when nothing appeals to it.
            let n = candidates.len();
            let i = stray(strategy, rng, n + 1, best.unwrap_or(n));
            candidates.get(i).copied()
        };
        let Some(candidate) = picked else {
            break;
        };
        if let Move::Draft(topic) = candidate {
            let _ = step(game, actions, Move::Draft(topic), watch);
            let (finish, mark) = if strategy == Strategy::Random && rng.next_u64() % 3 == 0 {
                (Move::CancelDraft, None)
            } else {
                (Move::Post, Some(Mark::Posted(topic)))
            };
            if !take(game, actions, finish, mark, tally, watch) {
                let _ = step(game, actions, Move::CancelDraft, watch);
                break;
            }
        } else {
            let mark = match candidate {
                Move::Buy(item) => Some(Mark::Bought(item)),
                _ => None,
            };
            if !take(game, actions, candidate, mark, tally, watch) {
                break;
            }
            if let Move::Like(_) | Move::Share(_) | Move::Report(_) = candidate {
                options.feed_listed = None;
            }
        }
    }
    if step(game, actions, Move::EndDay, watch) {
        watch.day_ended(game);
    }
}

/// Drafts the topic the persona cares most about; a conformist deletes it when the score
/// would punish it. That is the self-censorship the journal records.
fn censor_or_post<W: Watch>(
    game: &mut Game,
    actions: &Actions,
    strategy: Strategy,
    rng: &mut ChaCha8Rng,
    tally: &mut Tally,
    watch: &mut W,
) {
    if game.state().actions_left == 0 || game.state().draft.is_some() {
        return;
    }
    let weigher = game.weigher();
    let best = (game.level().topics.iter().enumerate())
        .filter(|&(at, _)| game.positions().topic_open(at))
        .map(|(at, t)| {
            let p = weigher
                .shift(&Action::Draft {
                    topic: t.id.clone(),
                })
                .unwrap_or_default();
            (p.integrity, p.score, at)
        })
        .filter(|(i, _, _)| *i > 0)
        .max_by_key(|(i, _, _)| *i);
    let Some((_, score, at)) = best else {
        return;
    };
    let wants_post = match strategy.base() {
        Strategy::Conformist => score >= 0,
        _ => true,
    };
    // Posting (0) or deleting (1): a mostly-* strategy may do the other.
    let wants_post = stray(strategy, rng, 2, usize::from(!wants_post)) == 0;
    if !step(game, actions, Move::Draft(at), watch) {
        return;
    }
    let (finish, mark) = if wants_post {
        (Move::Post, Some(Mark::Posted(at)))
    } else {
        (Move::CancelDraft, None)
    };
    if !take(game, actions, finish, mark, tally, watch) {
        let _ = step(game, actions, Move::CancelDraft, watch);
    }
}

/// A random one of the turn's candidates worth taking; tests only as many as it draws, each
/// drawn one leaving the list as `Vec::swap_remove` would.
fn pick_allowed(turn: &mut Turn<'_>, actions: &Actions, rng: &mut ChaCha8Rng) -> Option<Move> {
    while let Some(i) = pick(rng, turn.len) {
        let candidate = turn.swap_remove(i);
        if worthy(turn.game, actions, candidate) {
            return Some(candidate);
        }
    }
    None
}

/// Every action a bot might consider now, in order: the purchases, the drafts (unless one is
/// open), reactions to the newest posts, then for each person a friendship made or ended and
/// a report; [`worthy`] says which to take seriously. Listed only where it is looked at: the
/// random bot draws two or three of some seventy.
struct Turn<'a> {
    game: &'a Game,
    buy_or_draft: &'a [Move],
    feed: &'a [Move],
    len: usize,
    /// The places `swap_remove` moved a candidate to, latest last.
    moved: &'a mut Vec<(usize, Move)>,
}

impl<'a> Turn<'a> {
    fn of(game: &'a Game, options: &'a mut Options) -> Turn<'a> {
        let Options {
            every,
            items,
            feed,
            feed_listed,
            moved,
            ..
        } = options;
        let visible = game.visible_feed();
        let lengths = (game.state().feed.len(), visible.len());
        if *feed_listed != Some(lengths) {
            list_reactions(visible, feed);
            *feed_listed = Some(lengths);
        }
        debug_assert!({
            let mut fresh = Vec::new();
            list_reactions(visible, &mut fresh);
            fresh == *feed
        });
        let buy_or_draft = match game.state().draft {
            None => &every[..],
            Some(_) => &every[..*items],
        };
        moved.clear();
        Turn {
            game,
            len: buy_or_draft.len() + feed.len() + 2 * game.level().npcs.len(),
            buy_or_draft,
            feed,
            moved,
        }
    }

    /// The candidate at this place in the list as it was made.
    fn natural(&self, i: usize) -> Move {
        let Some(i) = i.checked_sub(self.buy_or_draft.len()) else {
            return self.buy_or_draft[i];
        };
        let Some(i) = i.checked_sub(self.feed.len()) else {
            return self.feed[i];
        };
        let npc = i / 2;
        match (i % 2, self.game.positions().is_friend(npc)) {
            (0, true) => Move::Unfriend(npc),
            (0, false) => Move::Befriend(npc),
            _ => Move::Denounce(npc),
        }
    }

    fn at(&self, i: usize) -> Move {
        (self.moved.iter().rev())
            .find(|(at, _)| *at == i)
            .map_or_else(|| self.natural(i), |(_, c)| *c)
    }

    /// Takes the candidate at `i` out, the last one taking its place.
    fn swap_remove(&mut self, i: usize) -> Move {
        let taken = self.at(i);
        self.len -= 1;
        if i != self.len {
            let last = self.at(self.len);
            self.moved.push((i, last));
        }
        taken
    }
}

/// The reactions a turn offers: to the six newest posts the player can see, those not yet
/// made.
fn list_reactions(visible: &[FeedPost], feed: &mut Vec<Move>) {
    feed.clear();
    for p in visible.iter().rev().take(6) {
        if !p.reactions.contains(&Reaction::Liked) {
            feed.push(Move::Like(p.id));
        }
        if !p.reactions.contains(&Reaction::Shared) {
            feed.push(Move::Share(p.id));
        }
        if matches!(p.author, Author::Npc(_)) && !p.reactions.contains(&Reaction::Reported) {
            feed.push(Move::Report(p.id));
        }
    }
}

/// Whether the game allows the candidate and it is sensible: a bot keeps the rent in hand
/// and does not ask people who would refuse. Decides by position.
fn worthy(game: &Game, actions: &Actions, candidate: Move) -> bool {
    let (s, at) = (game.state(), game.positions());
    let take = match candidate {
        Move::Buy(i) => at
            .purchasable(i)
            .is_some_and(|price| s.money - price >= s.rent.max(0)),
        Move::Draft(i) => at.draftable(i),
        Move::Befriend(i) => at.may(Some(ActionKind::Befriend)) && at.would_befriend(i),
        Move::Unfriend(_) => at.may(Some(ActionKind::Unfriend)),
        Move::Denounce(i) => at.may(Some(ActionKind::Report)) && at.reportable(i),
        _ => game.allows(&actions.named(candidate)),
    };
    debug_assert!(!take || game.allows(&actions.named(candidate)));
    take
}
