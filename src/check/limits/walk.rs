//! A walk over every text, list and number of a level, done by serialising it into a
//! serializer that keeps nothing but the path it is at: it sees every field the `Level`
//! types have, yet allocates only to name a problem.

mod compound;
mod serializer;

use serde::Serialize;

pub use serializer::Stop;

use super::{MAX_LIST, MAX_NUMBER};
use crate::check::safety::forbidden;

/// What a walk found: places look like `items.game.description`.
pub struct Walked {
    /// Values beyond a cap, as (place, message); the first ones only, then a count.
    pub beyond: Vec<(String, String)>,
    pub more_beyond: usize,
    /// Texts holding, once decoded, a character [`forbidden`] in text.
    pub unsafe_texts: Vec<(String, String)>,
    pub more_unsafe: usize,
}

/// Walks `value`, keeping at most `cap_beyond` values beyond a cap and `cap_unsafe` unsafe
/// texts; the others are only counted, so a hostile value costs no more than a fair one.
pub fn walk<T: Serialize + ?Sized>(value: &T, cap_beyond: usize, cap_unsafe: usize) -> Walked {
    let mut walker = Walker {
        cap_beyond,
        cap_unsafe,
        ..Walker::default()
    };
    // The walker itself never fails, and the level types always serialise.
    let _ = value.serialize(&mut walker);
    Walked {
        beyond: walker.found,
        more_beyond: walker.more_found,
        unsafe_texts: walker.unsafe_texts,
        more_unsafe: walker.more_unsafe,
    }
}

/// Every value beyond a cap, as (place, message).
#[cfg(test)]
pub fn problems<T: Serialize>(value: &T) -> Vec<(String, String)> {
    walk(value, usize::MAX, 0).beyond
}

#[derive(Default)]
struct Walker {
    path: Vec<Step>,
    found: Vec<(String, String)>,
    more_found: usize,
    cap_beyond: usize,
    unsafe_texts: Vec<(String, String)>,
    more_unsafe: usize,
    cap_unsafe: usize,
    /// A map key is being serialised: its text names the next step.
    key: Option<String>,
}

enum Step {
    Field(&'static str),
    Key(String),
    /// An entry of a list, named by its `id` once that field has been seen.
    Entry {
        index: usize,
        id: Option<String>,
    },
}

impl Walker {
    fn place(&self) -> String {
        let names: Vec<String> = self
            .path
            .iter()
            .map(|s| match s {
                Step::Field(f) => f.to_string(),
                Step::Key(k) => k.clone(),
                Step::Entry { id: Some(id), .. } => id.clone(),
                Step::Entry { index, .. } => index.to_string(),
            })
            .collect();
        names.join(".")
    }

    fn problem(&mut self, message: String) {
        if self.found.len() >= self.cap_beyond {
            self.more_found += 1;
            return;
        }
        let place = self.place();
        self.found.push((place, message));
    }

    /// A text, decoded: the first character in it that text may not hold, if any.
    fn text(&mut self, v: &str) {
        let bad = |c: &char| forbidden(*c).is_some();
        let Some(c) = v.chars().find(bad) else {
            return;
        };
        if self.unsafe_texts.len() >= self.cap_unsafe {
            self.more_unsafe += 1;
            return;
        }
        let why = forbidden(c).unwrap_or_default();
        let place = self.place();
        let message = format!("a text holds {why}, U+{:04X}, once decoded", c as u32);
        self.unsafe_texts.push((place, message));
    }

    fn list(&mut self, len: Option<usize>, what: &str) {
        if let Some(n) = len.filter(|n| *n > MAX_LIST) {
            self.problem(format!("{what}{n} entries; at most {MAX_LIST}"));
        }
    }

    fn number(&mut self, n: i128) {
        if n.unsigned_abs() > MAX_NUMBER as u128 {
            self.problem(format!("the number {n} is beyond ±{MAX_NUMBER}"));
        }
    }

    fn entry<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let index = match self.path.last() {
            Some(Step::Entry { index, .. }) => index + 1,
            _ => 0,
        };
        if index > 0 {
            self.path.pop();
        }
        self.path.push(Step::Entry { index, id: None });
        value.serialize(&mut *self)
    }

    /// Leaves a list: drops the step of its last entry, if it had any.
    fn end_list(&mut self) {
        if matches!(self.path.last(), Some(Step::Entry { .. })) {
            self.path.pop();
        }
    }

    fn within<T: Serialize + ?Sized>(&mut self, step: Step, value: &T) -> Result<(), Stop> {
        self.path.push(step);
        let done = value.serialize(&mut *self);
        self.path.pop();
        done
    }
}

#[cfg(test)]
mod tests;
