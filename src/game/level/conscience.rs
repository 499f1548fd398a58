//! How the self meter answers repeated acts against the persona's values.

use serde::{Deserialize, Serialize};

/// The self meter's own movement: habituation to repeated affirmations, and a nightly pull
/// back toward the persona's starting self.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Conscience {
    /// Days over which affirming the same value again gives half what it gave the time
    /// before. 0: every affirmation gives its full value.
    #[serde(default = "super::economy::seven")]
    pub repeat_window: u32,
    /// Percent of the distance to the persona's starting self that the meter closes each
    /// night (at least one point while it is away from it). 0: no pull.
    #[serde(default = "ten")]
    pub pull: u32,
}

fn ten() -> u32 {
    10
}

impl Default for Conscience {
    fn default() -> Self {
        Conscience {
            repeat_window: 7,
            pull: 10,
        }
    }
}
