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
        let what = if share {
            "Shared your data"
        } else {
            "Withheld your data"
        };
        self.act(Act::Consent { share }, &what, log);
        self.state.consent = ConsentState::Given { share, defaulted };
        log.push(|| Outcome::ConsentGiven { share, defaulted });
    }
}
