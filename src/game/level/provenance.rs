//! Where a mechanic comes from: real, reported or fiction, with a note.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Source {
    /// Documented.
    Real,
    /// Claimed in the press, denied or unconfirmed.
    Reported,
    /// Speculation.
    Fiction,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub source: Source,
    pub note: String,
}
