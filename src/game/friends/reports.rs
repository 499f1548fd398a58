//! Reports against people: the report itself, the accusation it files, and the penalty that
//! lands now or after a defence window.

use crate::game::friends::Target;
use crate::game::journal::DecisionKind;
use crate::game::level::DueProcess;
use crate::game::predict::Act;
use crate::game::state::Accusation;
use crate::game::{Action, Game, Log, Outcome, Refusal, consistency};

impl Game {
    pub(in crate::game) fn denounce(
        &mut self,
        npc: Target<'_>,
        log: &mut Log,
    ) -> Result<(), Refusal> {
        let (at, id, name) = self.npc_named(npc)?;
        let id = &*id;
        if let Some(day) = self.held.denounced[at]
            && !self.may_report_again(Some(day))
        {
            return Err(self.already_reported(&self.level.npcs[at].name, day));
        }
        self.note_report(at);
        let offers = || {
            vec![
                ("leave".into(), format!("Leave {name} alone"), None),
                (
                    "report".into(),
                    format!("Report {name}"),
                    Some(Action::Denounce { npc: id.into() }),
                ),
            ]
        };
        self.record(DecisionKind::Friend, id, offers, 1, false);
        let report = self.last_decision();
        if self.is_friend(at) {
            self.note_ended(DecisionKind::Friend, id, id);
        }
        self.act(Act::Denounce(at), &format_args!("Reported {name}"), log);
        consistency::bump(&mut self.state.reports_filed);
        if let Some(n) = self.npc_state(at) {
            n.trust -= 3;
        }
        if self.set_friend_at(at, false) {
            log.push(|| Outcome::Unfriended {
                npc: id.to_string(),
            });
        }
        log.push(|| Outcome::Denounced {
            npc: id.to_string(),
        });
        self.accuse(at, report);
        self.settle_if_immediate(&format_args!("Reported {name}"), log);
        Ok(())
    }

    /// The refusal of a second report of `name`, first reported on `day`.
    pub(in crate::game) fn already_reported(&self, name: &str, day: u32) -> Refusal {
        let again = day.saturating_add(crate::game::friends::REPORT_AGAIN_AFTER);
        Refusal::AlreadyReported {
            name: name.to_string(),
            day,
            again: (again <= self.level.days).then_some(again),
        }
    }

    /// A report against the person at this position in the level: the penalty lands now, or
    /// after their defence window.
    /// `report`: the journal's record of the player's report, to note the verdict on (none
    /// for a report by someone else).
    pub(in crate::game) fn accuse(&mut self, npc: usize, report: Option<usize>) {
        match self.level.reporting.due_process {
            DueProcess::None => {
                self.nudge_npc(npc, -self.level.reporting.penalty);
                let journal = &mut self.state.journal.decisions;
                if let Some(d) = report.and_then(|i| journal.get_mut(i)) {
                    d.cleared = Some(false);
                }
            }
            DueProcess::Window { .. } => {
                let level = self.level.clone();
                self.file_accusation(&level.npcs[npc].id, report);
            }
        }
    }

    /// The journal's record of the decision just taken, where the game keeps a journal.
    pub(in crate::game) fn last_decision(&self) -> Option<usize> {
        let decisions = self.state.journal.decisions.len();
        self.journals().then(|| decisions.checked_sub(1)).flatten()
    }

    /// Files the accusation, if the level gives people a window to answer one.
    pub(in crate::game) fn file_accusation(&mut self, id: &str, decision: Option<usize>) {
        if let DueProcess::Window { days } = self.level.reporting.due_process {
            self.state.accusations.push(Accusation {
                npc: id.to_string(),
                due: self.state.day + days.max(1),
                decision,
            });
        }
    }

    pub(in crate::game) fn penalise(&mut self, id: &str) {
        if let Some(i) = self.level.npcs.iter().position(|n| n.id == id) {
            self.nudge_npc(i, -self.level.reporting.penalty);
        }
    }
}
