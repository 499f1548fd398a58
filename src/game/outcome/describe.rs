//! An outcome in words: one line of plain text, as a toast or a headless line.

use super::Outcome;
use crate::game::level::Level;
use crate::game::state::Verdict;

impl Outcome {
    /// One line of plain text, as a toast or a headless line.
    pub fn describe(&self, level: &Level) -> String {
        let npc = |id: &str| level.npc(id).map_or(id.to_string(), |n| n.name.clone());
        let item = |id: &str| level.item(id).map_or(id.to_string(), |i| i.name.clone());
        let topic = |id: &str| level.topic(id).map_or(id.to_string(), |t| t.name.clone());
        let event = |id: &str| level.event(id).map_or(id.to_string(), |e| e.title.clone());
        let dim = |id: &str| {
            level
                .dimension(id)
                .map_or(id.to_string(), |d| d.name.clone())
        };
        let perk = |id: &str| level.perk(id).map_or(id.to_string(), |p| p.name.clone());
        let sanction = |id: &str| {
            level
                .sanction(id)
                .map_or(id.to_string(), |s| s.name.clone())
        };
        let rule = |id: &str| {
            level.rule(id).map_or(id.to_string(), |r| {
                r.description.trim_end_matches('.').to_string()
            })
        };
        let line = match self {
            Outcome::DayStarted { day } => format!("Day {day} begins."),
            Outcome::DayEnded {
                day,
                score,
                integrity,
            } => match score {
                Some(score) => format!(
                    "End of day {day}: {} {score}, self {integrity}.",
                    level.score.name
                ),
                None => format!("End of day {day}: self {integrity}."),
            },
            Outcome::ScoreSwitchedOn { score } => {
                format!("The score is switched on. Yours is {score}.")
            }
            // A box kept as the level set it was left so, whether by Enter or by default.
            Outcome::ConsentGiven { share, .. } => {
                let (box_, pre_ticked) = level
                    .consent
                    .as_ref()
                    .map_or(("the box", false), |c| (c.checkbox.as_str(), c.pre_ticked));
                match (share, *share == pre_ticked) {
                    (true, true) => format!("You left “{box_}” ticked."),
                    (false, true) => format!("You left “{box_}” unticked."),
                    (true, false) => format!("You ticked “{box_}”."),
                    (false, false) => format!("You unticked “{box_}”."),
                }
            }
            Outcome::Bought { item: i, price } => format!("Bought {} for {price}.", item(i)),
            Outcome::Drafted { topic: t } => format!("Drafted a post on {}.", topic(t)),
            Outcome::Posted { topic: t } => format!("Posted on {}.", topic(t)),
            Outcome::DraftCancelled { topic: t } => {
                format!("Deleted your draft on {} without posting it.", topic(t))
            }
            Outcome::Liked { post } => format!("Liked post {post}."),
            Outcome::Shared { post } => format!("Shared post {post}."),
            Outcome::Reported { post } => format!("Reported post {post}."),
            Outcome::Befriended { npc: n } => format!("{} is now your friend.", npc(n)),
            Outcome::Unfriended { npc: n } => format!("You unfriended {}.", npc(n)),
            Outcome::Denounced { npc: n } => format!("You reported {}.", npc(n)),
            Outcome::Dropped { npc: n, score } => {
                format!("{} dropped you as a friend (your score: {score}).", npc(n))
            }
            Outcome::AccusationResolved { npc: n, cleared } => {
                if *cleared {
                    format!("{} answered the report and was cleared.", npc(n))
                } else {
                    format!(
                        "{} could not answer the report; the penalty stands.",
                        npc(n)
                    )
                }
            }
            Outcome::NpcReported { by, target } => {
                format!("{} reported {}.", npc(by), npc(target))
            }
            Outcome::NewsArrived { post } => format!("News in the feed (post {post})."),
            Outcome::NpcPosted { npc: n, post } => format!("{} posted (post {post}).", npc(n)),
            Outcome::ScoreChanged {
                delta,
                dimension,
                reason,
            } => format!("{delta:+} {}: {reason}", dim(dimension)),
            Outcome::ChangeQueued { dimension, reason } => {
                format!("Pending ({}): {reason}", dim(dimension))
            }
            Outcome::Recomputed { score, delta } => {
                format!("Score recomputed: {score} ({delta:+}).")
            }
            Outcome::IntegrityChanged { delta, reason } => format!("{delta:+} self: {reason}"),
            Outcome::MoneyChanged { delta, reason } => format!("{delta:+} money: {reason}"),
            Outcome::PerkOpened { perk: p } => format!("Perk opened: {}.", perk(p)),
            Outcome::PerkClosed { perk: p } => format!("Perk lost: {}.", perk(p)),
            Outcome::SanctionImposed { sanction: s } => {
                format!("Sanction imposed: {}.", sanction(s))
            }
            Outcome::SanctionLifted { sanction: s } => format!("Sanction lifted: {}.", sanction(s)),
            Outcome::EventArrived { event: e } => format!("In your inbox: {}.", event(e)),
            Outcome::EventWithheld {
                event: e,
                sanction: s,
            } => format!(
                "Something was kept from you ({}): {}.",
                sanction(s),
                event(e)
            ),
            Outcome::BulletinIssued { event: e } => format!("Bulletin: {}.", event(e)),
            Outcome::Answered {
                event: e,
                choice,
                defaulted,
            } => {
                let text = level
                    .event(e)
                    .and_then(|ev| ev.choices.iter().find(|c| &c.id == choice))
                    .map_or(choice.clone(), |c| c.text.clone());
                if *defaulted {
                    format!("{}: no answer given, so: {text}", event(e))
                } else {
                    format!("{}: {text}", event(e))
                }
            }
            Outcome::RuleEnabled { rule: r } => format!("New rule in force: {}.", rule(r)),
            Outcome::RuleDisabled { rule: r } => format!("Rule withdrawn: {}.", rule(r)),
            Outcome::FlagSet { .. } => String::new(),
            Outcome::ItemOpened { item: i, open } => match open {
                true => format!("Now on sale: {}.", item(i)),
                false => format!("No longer on sale: {}.", item(i)),
            },
            Outcome::TopicOpened { topic: t, open } => match open {
                true => format!("You may now post on {}.", topic(t)),
                false => format!("Posts on {} are no longer allowed.", topic(t)),
            },
            Outcome::AppealFiled { row, due } => {
                format!("Appeal against ledger row {row} filed; answer due on day {due}.")
            }
            Outcome::AppealResolved {
                row,
                verdict,
                dimension,
                points,
                of,
                delta,
                took,
            } => {
                let (what, full) = match verdict {
                    Verdict::Denied => return format!("Appeal on row {row} denied."),
                    Verdict::Upheld => ("upheld", *points == -*of),
                    Verdict::Partial => ("partly upheld", false),
                };
                let unit = if points.abs() == 1 { "point" } else { "points" };
                let mut text = format!(
                    "Appeal on row {row} {what}: {} {points:+} {unit}",
                    dim(dimension)
                );
                if !full {
                    // Part of the row's points, or all the dimension had room for.
                    text.push_str(&format!(" of the row's {of:+}"));
                }
                match delta {
                    None => text.push_str(", applied at the next recomputation."),
                    Some(d) if full && *d != -*took => text.push_str(&format!(
                        ", score {d:+} (the row moved it {took:+}: the score is rounded from all the dimensions, so the same points can move it a point more or less)."
                    )),
                    Some(d) => text.push_str(&format!(", score {d:+}.")),
                }
                text
            }
            Outcome::Voted { proposal } => format!(
                "You voted for {}.",
                level
                    .proposal(proposal)
                    .map_or(proposal.as_str(), |p| p.name.as_str())
            ),
            Outcome::VoteHeld {
                winner,
                votes,
                of,
                tally,
                ..
            } => {
                let name = |id: &String| level.proposal(id).map_or(id.clone(), |p| p.name.clone());
                let tied: Vec<String> = (tally.iter())
                    .filter(|(_, n)| n == votes)
                    .map(|(id, _)| name(id))
                    .collect();
                let plural = if *votes == 1 { "" } else { "s" };
                if tied.len() > 1 {
                    format!(
                        "The vote is in: a tie, {votes} vote{plural} each for {}; the tie goes to the one listed first, {}.",
                        tied.join(" and "),
                        name(winner)
                    )
                } else {
                    format!(
                        "The vote is in: {} won with {votes} of {of} vote{} cast.",
                        name(winner),
                        if *of == 1 { "" } else { "s" }
                    )
                }
            }
            Outcome::PeersRated {
                ratings, points, ..
            } => {
                let who = "What weighed most with them:";
                if *points != 0 {
                    return who.to_string();
                }
                let up = ratings.iter().filter(|r| r.approved).count();
                let down = ratings.len() - up;
                // Each thumb weighs the rater's score above the lowest there is.
                let lean: i64 = (ratings.iter())
                    .map(|r| {
                        let weight = r.weight(level.score.min);
                        if r.approved { weight } else { -weight }
                    })
                    .sum();
                let dimension = match &level.rule_setter {
                    crate::game::level::RuleSetter::Peers { dimension, .. } => level
                        .dimension(dimension)
                        .map_or(dimension.as_str(), |d| d.name.as_str()),
                    _ => "",
                };
                let weighed = match lean.signum() {
                    1 => format!("under one {dimension} point for you: nothing moved"),
                    -1 => format!("under one {dimension} point against you: nothing moved"),
                    _ => "they cancelled out".to_string(),
                };
                format!(
                    "Rated by your neighbours: {up} approved, {down} disapproved; weighed by their scores, {weighed}. {who}"
                )
            }
            Outcome::LevelEnded { ending } => format!(
                "The level is over: {}.",
                level
                    .ending(ending)
                    .map_or(ending.as_str(), |e| e.title.as_str())
            ),
        };
        one_stop(line)
    }
}

/// A sentence ends once: a full stop after a name that already ends in `?`, `!` or `.`
/// ("Posted on Co-host tonight?.") is dropped.
fn one_stop(mut line: String) -> String {
    let doubled = [".", "?", "!", "…"]
        .iter()
        .any(|p| line.len() > p.len() && line[..line.len() - 1].ends_with(p));
    if line.ends_with('.') && doubled {
        line.pop();
    }
    line
}

#[cfg(test)]
mod tests {
    use super::one_stop;

    #[test]
    fn a_sentence_ends_once() {
        assert_eq!(
            one_stop("Posted on Co-host tonight?.".into()),
            "Posted on Co-host tonight?"
        );
        assert_eq!(one_stop("Bought Wine!.".into()), "Bought Wine!");
        assert_eq!(one_stop("Bulletin: Wait....".into()), "Bulletin: Wait...");
        assert_eq!(one_stop("Day 3 begins.".into()), "Day 3 begins.");
        assert_eq!(one_stop(".".into()), ".");
    }
}
