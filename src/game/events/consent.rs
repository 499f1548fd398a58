//! The consent screen: sharing the player's data, or not, recorded as a decision.

use crate::game::journal::DecisionKind;
use crate::game::predict::Act;
use crate::game::state::ConsentState;
use crate::game::{Action, Game, Log, Outcome};

impl Game {
    pub(in crate::game) fn give_consent(&mut self, share: bool, defaulted: bool, log: &mut Log) {
        let offers = || {
            vec![
                (
                    "share".into(),
                    "Share my data".into(),
                    Some(Action::Consent { share: true }),
                ),
                (
                    "withhold".into(),
                    "Keep my data".into(),
                    Some(Action::Consent { share: false }),
                ),
            ]
        };
        self.record(
            DecisionKind::Consent,
            "consent",
            offers,
            usize::from(!share),
            defaulted,
        );
        // Told before its effects, as an answer is: a box left ticked is not the act it came with.
        log.push(|| Outcome::ConsentGiven { share, defaulted });
        let what = self.consent_did(share);
        self.act(Act::Consent { share }, &what, log);
        self.state.consent = ConsentState::Given { share, defaulted };
    }

    /// The consent box as the ledger words it: "Ticked “Share all my data”", in the level's
    /// words, since a box may share data, publish votes or link a bank.
    pub(in crate::game) fn consent_did(&self, share: bool) -> String {
        let (box_, pre_ticked) = (self.level.consent.as_ref())
            .map_or(("the box", false), |c| (c.checkbox.as_str(), c.pre_ticked));
        match (share, share == pre_ticked) {
            (true, true) => format!("Left “{box_}” ticked"),
            (false, true) => format!("Left “{box_}” unticked"),
            (true, false) => format!("Ticked “{box_}”"),
            (false, false) => format!("Unticked “{box_}”"),
        }
    }
}
