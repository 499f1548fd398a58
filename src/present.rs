//! What every front end shows, as plain data: the listings of the main screen (shop, feed,
//! people, inbox, perks, ledger) as rows with their facts, the menus of choices, predicted
//! effects, outcome lines and the debrief's sections. The terminal UI draws these, the
//! headless mode prints them, the report writes them: layout is theirs, facts are decided
//! here, and whether something is allowed is asked of the core
//! ([`crate::game::Game::refusal`]). No terminal, no I/O.

pub mod confirm;
mod count;
pub mod debrief;
pub mod effect;
pub mod feed;
pub mod inbox;
pub mod ledger;
mod lines;
pub mod menu;
pub mod names;
mod outcome;
pub mod people;
pub mod perks;
mod ratings;
pub mod row;
pub mod rules;
pub mod shop;
pub mod standing;

pub use effect::{action_effect, effect_text};
pub use lines::{named, outcome_lines};
pub use menu::{Choice, Menu, Then};
pub use outcome::{actions_left, outcome_line, post_words};
pub use row::{Listing, Mark, Row, Target, rows};
