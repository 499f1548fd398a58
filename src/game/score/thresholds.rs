//! Perks and sanctions brought in line with the score: what opens and closes as it crosses
//! their thresholds, noted as milestones.

use crate::game::held::Standing;
use crate::game::state::{Milestone, MilestoneKind};
use crate::game::{Game, Log, Outcome};

impl Game {
    /// Opens and closes perks and sanctions to match the score.
    pub(in crate::game) fn refresh_thresholds(&mut self, log: &mut Log) {
        let Some(score) = self.state.score else {
            return;
        };
        // Only the score moves perks and sanctions, and only this does.
        self.memo.refreshed = Some(score);
        if self
            .memo
            .band
            .is_some_and(|(lo, hi)| lo <= score && score < hi)
        {
            return;
        }
        let thresholds = (self.level.perks.iter().map(|p| p.threshold))
            .chain(self.level.sanctions.iter().map(|s| s.below));
        let (lo, hi) = thresholds.fold((i32::MIN, i32::MAX), |(lo, hi), t| {
            if t <= score {
                (lo.max(t), hi)
            } else {
                (lo, hi.min(t))
            }
        });
        self.memo.band = Some((lo, hi));
        let day = self.state.day;
        let mut changed = false;
        for (i, p) in self.level.perks.iter().enumerate() {
            let open = score >= p.threshold;
            if open && !self.held.perks[i] {
                self.state.perks.insert(&self.index.perk_ids[i]);
                self.held.perks[i] = true;
                changed = true;
                log.push(|| Outcome::PerkOpened { perk: p.id.clone() });
                self.state
                    .milestones
                    .push(milestone(day, &p.id, MilestoneKind::PerkOpened));
            } else if !open && self.held.perks[i] {
                self.state.perks.remove(&p.id);
                self.held.perks[i] = false;
                changed = true;
                log.push(|| Outcome::PerkClosed { perk: p.id.clone() });
                self.state
                    .milestones
                    .push(milestone(day, &p.id, MilestoneKind::PerkClosed));
            }
        }
        for (i, s) in self.level.sanctions.iter().enumerate() {
            let on = score < s.below;
            if on && !self.held.sanctions[i] {
                self.state.sanctions.insert(&self.index.sanction_ids[i]);
                self.held.sanctions[i] = true;
                changed = true;
                log.push(|| Outcome::SanctionImposed {
                    sanction: s.id.clone(),
                });
                self.state
                    .milestones
                    .push(milestone(day, &s.id, MilestoneKind::SanctionImposed));
            } else if !on && self.held.sanctions[i] {
                self.state.sanctions.remove(&s.id);
                self.held.sanctions[i] = false;
                changed = true;
                log.push(|| Outcome::SanctionLifted {
                    sanction: s.id.clone(),
                });
                self.state
                    .milestones
                    .push(milestone(day, &s.id, MilestoneKind::SanctionLifted));
            }
        }
        if changed {
            let held = &self.held;
            self.held.standing = Standing::of(&self.level, &held.perks, &held.sanctions);
        }
    }
}

pub(super) fn milestone(day: u32, id: &str, kind: MilestoneKind) -> Milestone {
    Milestone {
        day,
        id: id.to_string(),
        kind,
    }
}
