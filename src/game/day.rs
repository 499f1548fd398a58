//! The turn: what happens when a day ends and the next one begins.

use super::level::{ActionKind, RuleSetter, Visibility};
use super::state::{ConsentState, DayMark};
use super::{Ballot, Game, Log, Outcome, Voter};

impl Game {
    pub(super) fn end_day(&mut self, log: &mut Log) {
        self.answer_defaults(log);
        if self.state.draft.is_some() {
            // A draft left open at night was never posted: that too is self-censorship.
            let _ = self.cancel_draft(true, log);
        }
        if let RuleSetter::Peers {
            dimension,
            strength,
        } = self.level.rule_setter.clone()
        {
            self.peer_ratings(&dimension, strength, log);
        }
        self.npc_evening(log);
        self.night(log);
        self.state.today.clear();
        if self.state.visibility == Visibility::Transparent {
            self.settle(&"Your friends' scores moved", log);
        }
        self.drop_low_scorers(log);
        let next = self.state.day + 1;
        if next > self.level.days {
            self.finish(log);
        } else {
            self.mark_day(log);
            self.start_day(next, log);
        }
    }

    pub(super) fn start_day(&mut self, day: u32, log: &mut Log) {
        self.state.day = day;
        self.state.actions_left = self.level.actions_per_day;
        self.new_day_of_firings();
        log.push(|| Outcome::DayStarted { day });
        let switched_on = self.state.score.is_none() && day > self.level.baseline_days;
        if switched_on {
            let score = self.implied();
            self.state.score = Some(score);
            self.refresh_thresholds(log);
            // The data shared on day 1 counts from the moment there is a score to count it.
            if day > 1
                && let ConsentState::Given { share, .. } = self.state.consent
            {
                let index = self.index.clone();
                let did = self.consent_did(share);
                let reading = match share {
                    true => &index.readings.share_data,
                    false => &index.readings.withhold_data,
                };
                self.fire_rules(&reading.rules, &did, log);
            }
        }
        if day > 1 {
            self.pay_day(day, log);
        }
        let every = match self.state.visibility {
            Visibility::Transparent => None,
            Visibility::Delayed { every } | Visibility::BlackBox { every } => Some(every.max(1)),
        };
        if let Some(every) = every
            && day > 1
            && (day - 1) % every == 0
        {
            self.settle(&"Your friends changed, or their scores moved", log);
        }
        self.resolve_appeals(log);
        self.hear_defences(log);
        if let RuleSetter::Vote { every, .. } = self.level.rule_setter
            && day > 1
            && (day - 1) % every.max(1) == 0
        {
            self.hold_vote(log);
        }
        self.fill_feed(log);
        self.deliver_events(log);
        self.settle_if_immediate(&"Your friends' scores moved", log);
        // Announced once the morning has settled: the figure the player sees beside it.
        if switched_on
            && day > 1
            && let Some(score) = self.state.score
        {
            log.push(|| Outcome::ScoreSwitchedOn { score });
        }
    }

    /// Marks the day that is ending: its score, self, money and friends after the night.
    /// A day has one mark (a save from before marks meant the morning may hold today's).
    fn mark_day(&mut self, log: &mut Log) {
        let s = &mut self.state;
        let (day, score, integrity) = (s.day, s.score, s.integrity);
        log.push(|| Outcome::DayEnded {
            day,
            score,
            integrity,
        });
        let mark = DayMark {
            day: s.day,
            score: s.score,
            integrity: s.integrity,
            money: s.money,
            friends: s.friends.len() as u32,
        };
        if s.timeline.last().is_some_and(|m| m.day >= mark.day) {
            s.timeline.retain(|m| m.day < mark.day);
        }
        s.timeline.push(mark);
    }

    /// Income, perks' bonuses, sanctions' fines, and rent when it falls due.
    fn pay_day(&mut self, day: u32, log: &mut Log) {
        let (bonus, fines) = (self.held.standing.bonus, self.held.standing.fines);
        let income = self.state.income;
        self.change_money(income.saturating_add(bonus), &"income", log);
        if let (Some(coupled), Some(score)) = (&self.level.economy.score_income, self.state.score) {
            let paid =
                (i64::from(score - coupled.pivot) * coupled.per_100 / 100).max(coupled.floor);
            self.change_money(paid, &format_args!("basic income at score {score}"), log);
        }
        self.change_money(-fines, &"fines", log);
        let every = self.level.economy.rent_every.max(1);
        if self.state.rent > 0 && (day - 1) % every == 0 {
            let rent = self.state.rent;
            self.change_money(-rent, &"rent", log);
            let index = self.index.clone();
            if self.state.money < 0 {
                let rules = &index.readings.rent_missed.rules;
                self.fire_rules(rules, &"Rent not covered", log);
            } else {
                self.fire_rules(&index.readings.rent_paid.rules, &"Paid the rent", log);
            }
        }
    }

    /// Citizens vote on the proposals: each person for the one closest to their values, the
    /// player for theirs (if they voted). The winner's rules take effect.
    fn hold_vote(&mut self, log: &mut Log) {
        let level = self.level.clone();
        if level.proposals.is_empty() {
            return;
        }
        let mut tally = vec![0u32; level.proposals.len()];
        // Each person's choice by position, `None` for those who stay home.
        let choices: Vec<Option<usize>> = (level.npcs.iter())
            .map(|npc| {
                let mut best = 0;
                let mut best_value = i32::MIN;
                for (i, p) in level.proposals.iter().enumerate() {
                    let value: i32 = p.tags.iter().filter_map(|t| npc.values.get(t)).sum();
                    if value > best_value {
                        best = i;
                        best_value = value;
                    }
                }
                // People with no stake in any proposal stay home.
                (best_value > 0).then_some(best)
            })
            .collect();
        for &i in choices.iter().flatten() {
            tally[i] += 1;
        }
        let cast =
            (self.state.vote.take()).and_then(|v| level.proposals.iter().position(|p| p.id == v));
        // A vote cast before a sanction took the right away is not counted.
        let barred = cast.and_then(|_| self.check_allowed(ActionKind::Vote).err());
        let mine = cast.filter(|_| barred.is_none());
        if let Some(i) = mine {
            tally[i] += 1;
        }
        let mut winner = 0;
        for (i, votes) in tally.iter().enumerate() {
            if *votes > tally[winner] {
                winner = i;
            }
        }
        if tally.iter().sum::<u32>() == 0 {
            return;
        }
        let proposal = &level.proposals[winner];
        log.push(|| {
            let id = |i: usize| level.proposals[i].id.clone();
            let public = matches!(level.rule_setter, RuleSetter::Vote { board: true, .. });
            let published = !matches!(self.state.consent, ConsentState::Given { share: false, .. });
            let you = (public && published).then(|| Ballot {
                voter: Voter::You,
                proposal: mine.map(id),
            });
            let people = (level.npcs.iter().zip(&choices)).map(|(npc, choice)| Ballot {
                voter: Voter::Person(npc.id.clone()),
                proposal: choice.map(id),
            });
            Outcome::VoteHeld {
                winner: proposal.id.clone(),
                votes: tally[winner],
                of: tally.iter().sum(),
                tally: (0..tally.len()).map(|i| (id(i), tally[i])).collect(),
                yours: cast.map(id),
                barred: barred.as_ref().map(ToString::to_string),
                home: choices.iter().filter(|c| c.is_none()).count() as u32,
                board: match public {
                    true => you.into_iter().chain(people).collect(),
                    false => Vec::new(),
                },
            }
        });
        for r in &proposal.disables {
            if self.set_rule(r, false) {
                log.push(|| Outcome::RuleDisabled { rule: r.clone() });
            }
        }
        for r in &proposal.enables {
            if self.set_rule(r, true) {
                log.push(|| Outcome::RuleEnabled { rule: r.clone() });
            }
        }
    }

    fn finish(&mut self, log: &mut Log) {
        if self.state.visibility != Visibility::Transparent {
            // The last recomputation: nothing the player did goes uncounted.
            self.settle(&"Your friends changed, or their scores moved", log);
        }
        // The last day's mark is the final figure: after the last recomputation.
        self.mark_day(log);
        self.state.day = self.level.days + 1;
        self.state.actions_left = 0;
        let ending = self
            .level
            .endings
            .iter()
            .find(|e| self.holds(&e.when))
            .or(self.level.endings.last())
            .map_or(String::new(), |e| e.id.clone());
        self.state.ending = Some(ending.clone());
        log.push(|| Outcome::LevelEnded { ending });
    }
}
