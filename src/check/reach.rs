//! Can a condition ever hold? A conservative test: "no" only when it surely cannot.

use crate::game::level::{Condition, Level};

/// Bounds that a conjunction of tests narrows.
#[derive(Clone, Copy)]
struct Bounds {
    score: (i64, i64),
    integrity: (i64, i64),
}

pub fn satisfiable(level: &Level, c: &Condition) -> bool {
    let start = Bounds {
        score: (i64::from(level.score.min), i64::from(level.score.max)),
        integrity: (0, 100),
    };
    possible(c, start, &mut None)
}

fn possible(c: &Condition, b: Bounds, persona: &mut Option<String>) -> bool {
    let mut b = b;
    narrow(c, &mut b, persona) && b.score.0 <= b.score.1 && b.integrity.0 <= b.integrity.1
}

/// Narrows the bounds by one test; false when it can never hold.
fn narrow(c: &Condition, b: &mut Bounds, persona: &mut Option<String>) -> bool {
    match c {
        Condition::Never => false,
        Condition::ScoreAtLeast(n) => {
            b.score.0 = b.score.0.max(i64::from(*n));
            true
        }
        Condition::ScoreBelow(n) => {
            b.score.1 = b.score.1.min(i64::from(*n) - 1);
            true
        }
        Condition::SelfAtLeast(n) => {
            b.integrity.0 = b.integrity.0.max(i64::from(*n));
            true
        }
        Condition::SelfBelow(n) => {
            b.integrity.1 = b.integrity.1.min(i64::from(*n) - 1);
            true
        }
        Condition::Persona(p) => match persona {
            Some(q) if q != p => false,
            _ => {
                *persona = Some(p.clone());
                true
            }
        },
        Condition::All(cs) => cs.iter().all(|c| {
            narrow(c, b, persona) && b.score.0 <= b.score.1 && b.integrity.0 <= b.integrity.1
        }),
        Condition::Any(cs) => cs.iter().any(|c| possible(c, *b, &mut persona.clone())),
        Condition::Not(inner) => !matches!(**inner, Condition::Always),
        _ => true,
    }
}
