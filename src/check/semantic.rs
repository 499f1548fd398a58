//! Checks after parsing: ids, references, orders, ranges and reachability.

//! Each check is a file of `semantic/` named after what it checks; they run in the order
//! `check` lists them, which is the order of the problems reported.

mod amounts;
mod endings;
mod event_references;
mod ids;
mod known;
mod offers;
mod people;
mod place;
mod references;
mod score_order;
mod settings;
mod tolerances;
mod unreachable;

use super::{Found, at};
use crate::game::level::Level;

struct Checker<'a> {
    src: &'a str,
    level: &'a Level,
    out: Vec<Found>,
    /// Problems kept, at most; the rest are counted, and not located (locating reads the
    /// source, which a level with a hundred thousand problems must not do for each).
    cap: usize,
    dropped: Dropped,
}

/// Problems found past the cap: how many, and whether any of them is an error.
#[derive(Debug, Default, Clone, Copy)]
pub struct Dropped {
    pub count: usize,
    pub errors: bool,
}

/// Every check after parsing: the first `cap` problems found, and what was found past them.
pub fn check(src: &str, level: &Level, cap: usize) -> (Vec<Found>, Dropped) {
    let mut c = Checker {
        src,
        level,
        out: Vec::new(),
        cap,
        dropped: Dropped::default(),
    };
    c.settings();
    c.people();
    c.amounts();
    c.id_spelling();
    c.unreachable();
    c.duplicates();
    c.references();
    c.score_order();
    c.endings();
    c.offers();
    if !c.dropped.errors && !c.out.iter().any(Found::is_error) {
        // Starting a game needs a level without errors.
        c.tolerances();
    }
    (c.out, c.dropped)
}

impl Checker<'_> {
    /// No more problems are kept: where one is does not matter any more.
    pub(super) fn full(&self) -> bool {
        self.out.len() >= self.cap
    }

    pub(super) fn warn(
        &mut self,
        at: (usize, usize),
        code: &'static str,
        message: String,
        hint: Option<String>,
    ) {
        if self.full() {
            self.dropped.count += 1;
            return;
        }
        let mut d = super::at(at.0, at.1, code, message, hint);
        d.severity = super::Severity::Warning;
        self.out.push(d);
    }

    pub(super) fn error(
        &mut self,
        (offset, width): (usize, usize),
        code: &'static str,
        message: String,
        hint: Option<String>,
    ) {
        if self.full() {
            self.dropped.count += 1;
            self.dropped.errors = true;
            return;
        }
        self.out.push(at(offset, width, code, message, hint));
    }
}
