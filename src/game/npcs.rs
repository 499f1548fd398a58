//! The other people: what they post, how their scores move, who they report.

use super::index::Index;
use super::level::{Behaviour, Level, Npc};
use super::rng::{Dice, Stream};
use super::state::{Author, Deed, FeedPost};
use super::{Game, Log, Outcome, Rating};

impl Game {
    /// Morning: the day's news and people's posts reach the feed. A friend's post can cost
    /// the player points, as the rules say.
    pub(super) fn fill_feed(&mut self, log: &mut Log) {
        let level = self.level.clone();
        let index = self.index.clone();
        let day = self.state.day;
        for (k, news) in level.news.iter().enumerate().filter(|(_, n)| n.day == day) {
            let post = FeedPost {
                id: 0,
                day,
                author: Author::News(index.news_sources[k].clone()),
                text: news.text.clone(),
                tags: news.tags.clone(),
                reactions: Vec::new(),
            };
            let id = self.add_to_feed(post, index.news_origins[k]);
            log.push(|| Outcome::NewsArrived { post: id });
        }
        let mut dice = Dice::new(self.state.seed, day, Stream::People);
        for (at, npc) in level.npcs.iter().enumerate() {
            // One number for each person, whether they post or not: see `npc_evening`.
            let roll = dice.percent(npc.post_chance);
            let Some(state) = self.npc_state(at) else {
                continue;
            };
            let p = state.next_post;
            if !roll || p >= npc.posts.len() {
                continue;
            }
            state.next_post += 1;
            self.post_as(at, p, &level, &index, log);
        }
        self.memo.evening = Some((day, dice));
    }

    /// The person at this position in the level posts their post at position `p`: it moves
    /// their own score as the rules say, reaches the feed, and counts for the player if they
    /// are a friend.
    #[inline]
    fn post_as(&mut self, at: usize, p: usize, level: &Level, index: &Index, log: &mut Log) {
        let npc = &level.npcs[at];
        let post = &npc.posts[p];
        let origin = index.post_origins[at][p];
        let read = index.readings.of_post(origin);
        // What the system makes of the post moves the poster's own score.
        let effect: i32 = (self.active(&read.posted.rules))
            .map(|r| index.rule_score[r])
            .fold(0, i32::saturating_add);
        self.nudge_npc(at, effect);
        let post = FeedPost {
            id: 0,
            day: self.state.day,
            author: Author::Npc(index.npc_ids[at].clone()),
            text: post.text.clone(),
            tags: post.tags.clone(),
            reactions: Vec::new(),
        };
        let id = self.add_to_feed(post, origin);
        log.push(|| Outcome::NpcPosted {
            npc: npc.id.clone(),
            post: id,
        });
        if self.held.friends[at] {
            let did = format_args!("Your friend {} posted", npc.name);
            self.fire_rules(&read.friend.rules, &did, log);
        }
    }

    /// A `Publish` effect: the person's post (both by id) reaches the feed now, as any post of
    /// theirs would. Names the level lacks publish nothing.
    pub(super) fn publish(&mut self, npc: &str, post: &str, log: &mut Log) {
        let level = self.level.clone();
        let index = self.index.clone();
        let Some(at) = level.npcs.iter().position(|n| n.id == npc) else {
            return;
        };
        if let Some(p) = level.npcs[at].posts.iter().position(|x| x.id == post) {
            self.post_as(at, p, &level, &index, log);
        }
    }

    /// Evening: people's scores drift with their behaviour; informers report someone.
    pub(super) fn npc_evening(&mut self, log: &mut Log) {
        let level = self.level.clone();
        let index = self.index.clone();
        let day = self.state.day;
        let morning = level.npcs.len() as u64;
        let mut dice = match self.memo.evening.take() {
            Some((d, dice)) if d == day => dice,
            // A game resumed during the day: the morning drew one number for each person.
            _ => Dice::after(self.state.seed, day, Stream::People, morning),
        };
        debug_assert_eq!(dice.draws(), morning);
        for (at, npc) in level.npcs.iter().enumerate() {
            let base = match npc.behaviour {
                Behaviour::Conformist => 3,
                Behaviour::Informer => 2,
                Behaviour::Authentic => 0,
                Behaviour::Rebel => -2,
            };
            let delta = base + dice.between(-3, 3);
            self.nudge_npc(at, delta);
            if npc.behaviour == Behaviour::Informer && dice.percent(25) {
                let others = &index.informed_on[at];
                if !others.is_empty() {
                    let target = others[dice.below(others.len() as u32) as usize];
                    self.accuse(target, None);
                    log.push(|| Outcome::NpcReported {
                        by: npc.id.clone(),
                        target: level.npcs[target].id.clone(),
                    });
                }
            }
        }
    }

    /// Accusations whose defence window has closed are decided: half are cleared.
    pub(super) fn hear_defences(&mut self, log: &mut Log) {
        let day = self.state.day;
        if self.state.accusations.iter().all(|a| a.due > day) {
            return;
        }
        let mut dice = Dice::new(self.state.seed, day, Stream::Defence);
        let due: Vec<_> = (self.state.accusations.iter())
            .filter(|a| a.due <= day)
            .map(|a| (a.npc.clone(), a.decision))
            .collect();
        self.state.accusations.retain(|a| a.due > day);
        for (npc, decision) in due {
            let cleared = dice.percent(50);
            if !cleared {
                self.penalise(&npc);
            }
            let journal = &mut self.state.journal.decisions;
            if let Some(d) = decision.and_then(|i| journal.get_mut(i)) {
                d.cleared = Some(cleared);
            }
            log.push(|| Outcome::AccusationResolved { npc, cleared });
        }
    }

    /// Peer rating: every person judges the player's day by their own values; each verdict
    /// counts in proportion to the rater's own score.
    pub(super) fn peer_ratings(&mut self, dimension: &str, strength: u32, log: &mut Log) {
        if self.state.today.is_empty() {
            return;
        }
        let level = self.level.clone();
        let range = i64::from((level.score.max - level.score.min).max(1));
        let mut total: i64 = 0;
        let mut weights: i64 = 0;
        let mut approve = 0;
        let mut disapprove = 0;
        let opinions: Vec<i32> = (level.npcs.iter())
            .map(|npc| self.state.today.iter().map(|d| leaning(npc, d)).sum())
            .collect();
        for (npc, opinion) in level.npcs.iter().zip(&opinions) {
            let weight = i64::from(
                self.state
                    .npcs
                    .get(&npc.id)
                    .map_or(0, |s| s.score - level.score.min),
            );
            total += i64::from(opinion.signum()) * weight;
            weights += range;
            match opinion.signum() {
                1 => approve += 1,
                -1 => disapprove += 1,
                _ => {}
            }
        }
        let points = (total * i64::from(strength) / weights.max(1)) as i32;
        let did =
            format_args!("Rated by your neighbours: {approve} approved, {disapprove} disapproved");
        self.add_points(
            self.dim(dimension),
            points,
            &did,
            "Weighted by each rater's score",
            None,
            log,
        );
        if !self.scored() || approve + disapprove == 0 {
            return;
        }
        let today = &self.state.today;
        log.push(|| Outcome::PeersRated {
            deeds: today.iter().map(|d| d.what.clone()).collect(),
            ratings: (level.npcs.iter().zip(&opinions))
                .filter(|(_, o)| **o != 0)
                .map(|(npc, &opinion)| {
                    // The deed that moved them most the way they leaned (the first, on ties).
                    let because = (today.iter().enumerate())
                        .map(|(i, d)| (i, leaning(npc, d) * opinion.signum()))
                        .fold(
                            (0, i32::MIN),
                            |best, (i, w)| if w > best.1 { (i, w) } else { best },
                        )
                        .0;
                    Rating {
                        npc: npc.id.clone(),
                        score: self.state.npcs.get(&npc.id).map_or(0, |s| s.score),
                        approved: opinion > 0,
                        because,
                    }
                })
                .collect(),
            points,
        });
    }
}

/// What a person makes of one deed: their values for what it stood for, less those for what
/// it went against.
fn leaning(npc: &Npc, deed: &Deed) -> i32 {
    let weigh = |tags: &[String]| -> i32 { tags.iter().filter_map(|t| npc.values.get(t)).sum() };
    weigh(&deed.affirms) - weigh(&deed.betrays)
}
