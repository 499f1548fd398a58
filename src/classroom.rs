//! The class mirror: a player's report (Markdown to read, JSON to aggregate, a result code to
//! paste), and `scored class`, which merges a class's reports offline.

mod class;
mod code;
mod handin;
mod intake;
mod markdown;
mod report;

pub use crate::present::debrief::debrief_sections;
pub use class::{Class, ClassEntry, Handed, SHOWN_SKIPPED};
pub use code::{codes_in, decode, encode};
pub use handin::{MAX_NAME, clean_name, parse_name, untrusted};
pub use intake::{Intake, MAX_TOTAL_BYTES, read_class};
pub use markdown::{debrief, debrief_text, markdown, write_report};
pub use report::{Choice, Report, Summary};

/// The persona a ghost run uses: the one whose starting line differs most from the player's.
pub use crate::game::debrief::ghost_persona;
