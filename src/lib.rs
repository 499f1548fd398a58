//! Scored: a terminal game about gamified obedience.
//!
//! `game` is the pure core; `check` loads and validates level files; `headless` is the
//! line-based mode; `bots` plays levels automatically.

pub mod author;
pub mod balance;
pub mod bots;
pub mod check;
pub mod classroom;
pub mod cli;
pub mod game;
pub mod harness;
pub mod headless;
pub mod input;
pub mod launch;
pub mod levels;
pub mod present;
pub mod save;
pub mod serve;
pub mod trace;
pub mod tui;
