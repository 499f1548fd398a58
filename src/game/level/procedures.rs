//! What the system offers and asks of citizens: the consent screen, appeals, reporting
//! others and the due process a report gets.

use serde::{Deserialize, Serialize};

use super::Provenance;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    pub title: String,
    pub text: String,
    pub checkbox: String,
    /// The dark pattern: a box already ticked, so doing nothing means agreeing.
    pub pre_ticked: bool,
    /// Tags that sharing the data goes against (the persona's values judge it).
    #[serde(default)]
    pub betrays: Vec<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Appeals {
    /// Days between filing an appeal and its answer.
    pub days: u32,
    /// Chance in percent that an appeal is upheld in full.
    pub full: u32,
    /// Chance in percent that half of the change is reversed.
    pub partial: u32,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    /// Score points a reported person loses.
    #[serde(default = "twenty")]
    pub penalty: i32,
    /// Tags every report carries, so rules can pay for the act and values can judge it.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub due_process: DueProcess,
}

fn twenty() -> i32 {
    20
}

impl Default for Reporting {
    fn default() -> Self {
        Reporting {
            penalty: 20,
            tags: Vec::new(),
            due_process: DueProcess::None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum DueProcess {
    /// The penalty lands at once.
    #[default]
    None,
    /// The accused has this many days to answer; half of defences succeed.
    Window { days: u32 },
}
