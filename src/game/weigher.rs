//! Weighing options: what each would do to the score and the self, with the work that all
//! options of one decision share (the score now, the friends' mean, the persona) done once.
//! Bots and the journal weigh every option of every decision, so this is the hottest path.

use std::cell::Cell;

use super::predict::{Act, Anatomy};
use super::reading::Reading;
use super::{Action, Game, Move, score};

/// What an option would change: the score and the self meter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shift {
    /// Change of the score (what it would be, during the baseline days).
    pub score: i32,
    /// Change of the self meter.
    pub integrity: i32,
}

/// What an act does to people: a friendship made (`true`) or ended, and a person's score
/// moved, each with the person's position in the level.
type People = (Option<(usize, bool)>, Option<(usize, i32)>);

pub struct Weigher<'g> {
    game: &'g Game,
    /// The score the state implies now.
    now: i32,
    /// Each dimension's points now, in the level's order.
    points: Vec<Option<i32>>,
    /// The mean score of the player's friends now, and the sum it is the mean of.
    friends: Option<i32>,
    friends_sum: i64,
    /// What each rule would add if it fired now, asked once a decision: a rule sits in many
    /// options' readings, and asking means looking up its habits by name.
    rules: Vec<Cell<RuleNow>>,
}

#[derive(Clone, Copy)]
enum RuleNow {
    Unasked,
    Silent,
    Points(i32),
}

impl Game {
    /// A weigher for options against the state as it is now.
    pub fn weigher(&self) -> Weigher<'_> {
        let points = self.held.points.clone();
        let friends = self.friends_mean(None);
        let weights = &self.held.weights;
        let now = score::compute(
            &self.level,
            weights,
            |i, _| points[i].unwrap_or(0),
            || friends,
        );
        Weigher {
            game: self,
            now,
            points,
            friends,
            friends_sum: self.friends_sum(),
            rules: vec![Cell::new(RuleNow::Unasked); self.level.rules.len()],
        }
    }
}

impl Weigher<'_> {
    /// What the action would do to the score and the self; `None` for actions without an
    /// effect (ending the day, appeals) or naming nothing that exists.
    pub fn shift(&self, action: &Action) -> Option<Shift> {
        if let Action::Buy { item } = action {
            let at = self.game.level.items.iter().position(|i| &i.id == item)?;
            return Some(self.shift_of_item(at, &mut Vec::new()));
        }
        let a = self.game.anatomy(action)?;
        Some(self.shift_of(&a, &mut Vec::new()))
    }

    /// [`Weigher::shift`] for a move, which names things by position (bots).
    pub fn shift_move(&self, m: Move) -> Option<Shift> {
        match self.game.act_of_move(m)? {
            Act::Buy(at) => Some(self.shift_of_item(at, &mut Vec::new())),
            act => {
                let a = self.game.anatomy_of(act)?;
                Some(self.shift_of(&a, &mut Vec::new()))
            }
        }
    }

    /// Works out the shift; leaves in `moves` the points each dimension (by its position in
    /// the level) would move.
    pub(super) fn shift_of(&self, a: &Anatomy<'_>, moves: &mut Vec<(usize, i32)>) -> Shift {
        self.shift_of_reading(a.act, &a.reading, (a.friend, a.nudge), moves)
    }

    /// The shift of buying the item at this position in the level.
    pub(super) fn shift_of_item(&self, item: usize, moves: &mut Vec<(usize, i32)>) -> Shift {
        let reading = &self.game.index.readings.buy[item];
        self.shift_of_reading(Act::Buy(item), reading, (None, None), moves)
    }

    fn shift_of_reading(
        &self,
        act: Act,
        reading: &Reading,
        people: People,
        moves: &mut Vec<(usize, i32)>,
    ) -> Shift {
        let game = self.game;
        moves.clear();
        moves.extend_from_slice(&reading.points);
        for &i in reading.rules.iter() {
            if let (Some(d), Some(points)) = (game.index.rule_dimension[i], self.rule_now(i)) {
                moves.push((d, points));
            }
        }
        self.shift_by(game.felt(act, reading) + reading.integrity, people, moves)
    }

    /// The points the rule at this position would add now, `None` if it would not count.
    fn rule_now(&self, i: usize) -> Option<i32> {
        let now = match self.rules[i].get() {
            RuleNow::Unasked => {
                let game = self.game;
                let now = match game.counting(&[i]).next() {
                    Some(_) => RuleNow::Points(game.rule_points(i)),
                    None => RuleNow::Silent,
                };
                self.rules[i].set(now);
                now
            }
            known => known,
        };
        match now {
            RuleNow::Points(p) => Some(p),
            _ => None,
        }
    }

    /// The shift of these moves, what the act does to people, and the self's verdict.
    fn shift_by(&self, integrity: i32, people: People, moves: &[(usize, i32)]) -> Shift {
        if moves.is_empty() && people == (None, None) {
            return Shift {
                score: 0,
                integrity,
            };
        }
        let game = self.game;
        let points = |i: usize, _: &_| {
            let Some(now) = self.points[i] else {
                return 0;
            };
            moves
                .iter()
                .filter(|(d, _)| *d == i)
                .fold(now, |v, (_, p)| (v + p).clamp(-100, 100))
        };
        let after = score::compute(&game.level, &game.held.weights, points, || match people {
            (None, None) => self.friends,
            (friend, nudge) => game.friends_mean_from(self.friends_sum, friend, nudge),
        });
        Shift {
            score: after - self.now,
            integrity,
        }
    }
}
