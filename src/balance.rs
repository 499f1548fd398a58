//! What the bots found: outcomes per strategy, what each run met, and the content that no run
//! ever reached — the author's balance report and, across personas, the fairness report.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Arc;

use serde::Serialize;

use crate::bots::{self, Strategy, Tally};
use crate::game::state::MilestoneKind;
use crate::game::{Game, Level, Opening};

/// Summary statistics over many runs.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub mean: f64,
    pub min: i64,
    pub max: i64,
}

impl Stats {
    fn of(xs: &[i64]) -> Stats {
        let n = xs.len().max(1) as f64;
        Stats {
            mean: (xs.iter().sum::<i64>() as f64 / n * 10.0).round() / 10.0,
            min: xs.iter().copied().min().unwrap_or(0),
            max: xs.iter().copied().max().unwrap_or(0),
        }
    }
}

/// Everything a run touched, by kind, each marked by its position in the level.
#[derive(Debug, Clone, Default)]
pub struct Reached {
    pub items: Vec<bool>,
    pub topics: Vec<bool>,
    pub events: Vec<bool>,
    /// Each event's choices, by the event's position; empty, or short, for an event no run
    /// answered so far.
    pub choices: Vec<Vec<bool>>,
    pub endings: Vec<bool>,
    pub perks: Vec<bool>,
    pub sanctions: Vec<bool>,
}

impl Reached {
    /// Becomes what a finished bot run reached: its tally, the events that arrived and how
    /// they were answered (by the bot or by default), and the perks, sanctions and ending it
    /// met. Reuses the lists it had, so that a thread's runs allocate none.
    fn record(&mut self, game: &Game, tally: &Tally) {
        let s = game.state();
        let level = game.level();
        let fill = |marks: &mut Vec<bool>, n: usize, at: Option<usize>| {
            marks.clear();
            marks.resize(n, false);
            if let Some(i) = at {
                marks[i] = true;
            }
        };
        let r = self;
        r.items.clone_from(&tally.bought);
        r.topics.clone_from(&tally.posted);
        r.events.clear();
        r.events
            .extend((0..level.events.len()).map(|e| game.has_arrived(e)));
        // Filled in only for the events answered.
        r.choices.resize(level.events.len(), Vec::new());
        r.choices.iter_mut().for_each(Vec::clear);
        let ending =
            (s.ending.as_ref()).and_then(|id| level.endings.iter().position(|e| &e.id == id));
        fill(&mut r.endings, level.endings.len(), ending);
        fill(&mut r.perks, level.perks.len(), None);
        fill(&mut r.sanctions, level.sanctions.len(), None);
        for (entry, at) in game.inbox() {
            let Some(at) = at else {
                continue;
            };
            // A bulletin is filed as answered, but nobody chose anything.
            let event = &level.events[at];
            let asked = !event.bulletin && !event.choices.is_empty();
            if let Some(answer) = entry.answer.as_ref().filter(|_| asked)
                && let Some(c) = event.choices.iter().position(|c| c.id == answer.choice)
            {
                let marks = &mut r.choices[at];
                marks.resize(event.choices.len(), false);
                marks[c] = true;
            }
        }
        for m in &s.milestones {
            let (marks, at) = match m.kind {
                MilestoneKind::PerkOpened => {
                    (&mut r.perks, level.perks.iter().position(|p| p.id == m.id))
                }
                MilestoneKind::SanctionImposed => (
                    &mut r.sanctions,
                    level.sanctions.iter().position(|x| x.id == m.id),
                ),
                _ => continue,
            };
            if let Some(i) = at {
                marks[i] = true;
            }
        }
    }

    fn extend(&mut self, other: &Reached) {
        let or = |a: &mut Vec<bool>, b: &[bool]| {
            if a.len() < b.len() {
                a.resize(b.len(), false);
            }
            a.iter_mut().zip(b).for_each(|(x, y)| *x |= y);
        };
        or(&mut self.items, &other.items);
        or(&mut self.topics, &other.topics);
        or(&mut self.events, &other.events);
        or(&mut self.endings, &other.endings);
        or(&mut self.perks, &other.perks);
        or(&mut self.sanctions, &other.sanctions);
        if self.choices.len() < other.choices.len() {
            self.choices.resize(other.choices.len(), Vec::new());
        }
        for (a, b) in self.choices.iter_mut().zip(&other.choices) {
            or(a, b);
        }
    }
}

/// Whether the thing at this position was marked.
fn marked(marks: &[bool], at: usize) -> bool {
    marks.get(at) == Some(&true)
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub level: String,
    pub strategy: Strategy,
    pub persona: String,
    pub runs: u32,
    pub seed: u64,
    pub score: Stats,
    #[serde(rename = "self")]
    pub integrity: Stats,
    pub money: Stats,
    pub endings: BTreeMap<String, u32>,
    /// How many runs met each perk and each sanction at least once.
    pub perks: BTreeMap<String, u32>,
    pub sanctions: BTreeMap<String, u32>,
    pub runs_per_second: f64,
    #[serde(skip)]
    pub reached: Reached,
}

/// Plays `runs` games with seeds `seed`, `seed + 1`, … on `threads` threads. Each run's
/// seed depends only on its index and results are merged in index order, so the report is
/// the same for any number of threads.
pub fn simulate(
    level: Arc<Level>,
    persona: Option<&str>,
    strategy: Strategy,
    runs: u32,
    seed: u64,
    threads: usize,
) -> Report {
    let persona = persona
        .map(str::to_string)
        .or_else(|| level.personas.first().map(|p| p.id.clone()))
        .unwrap_or_default();
    let opening =
        Opening::new(level.clone(), Some(&persona)).expect("persona checked by the caller");
    let actions = bots::Actions::of(&level);
    let share = |runs: std::ops::Range<u64>| {
        let mut sums = Sums::default();
        let mut run = Reached::default();
        for i in runs {
            let (game, tally) =
                bots::play_silently(&opening, &actions, seed.wrapping_add(i), strategy);
            run.record(&game, &tally);
            sums.add(&game, &run);
        }
        sums
    };
    let mut all = Sums::default();
    for sums in in_parallel(u64::from(runs), threads, share) {
        all.merge(sums);
    }
    let Sums {
        scores,
        selves,
        money,
        endings,
        perks,
        sanctions,
        reached,
    } = all;
    let count = |ids: Vec<&String>, counts: &[u32]| -> BTreeMap<String, u32> {
        let counts = counts.iter().copied().chain(std::iter::repeat(0));
        ids.into_iter().cloned().zip(counts).collect()
    };
    Report {
        level: level.id.clone(),
        strategy,
        persona,
        runs,
        seed,
        score: Stats::of(&scores),
        integrity: Stats::of(&selves),
        money: Stats::of(&money),
        endings,
        perks: count(level.perks.iter().map(|p| &p.id).collect(), &perks),
        sanctions: count(level.sanctions.iter().map(|s| &s.id).collect(), &sanctions),
        runs_per_second: 0.0,
        reached,
    }
}

/// What a share of the runs adds up to. Shares add up alike in any order, so the report is
/// the same for any number of threads.
#[derive(Default)]
struct Sums {
    scores: Vec<i64>,
    selves: Vec<i64>,
    money: Vec<i64>,
    endings: BTreeMap<String, u32>,
    /// How many runs met each perk and each sanction, by position in the level.
    perks: Vec<u32>,
    sanctions: Vec<u32>,
    reached: Reached,
}

impl Sums {
    /// Adds a finished run, `run` being what it reached.
    fn add(&mut self, game: &Game, run: &Reached) {
        let r = bots::result(game);
        self.scores.push(i64::from(r.score));
        self.selves.push(i64::from(r.integrity));
        self.money.push(r.money);
        *self.endings.entry(r.ending).or_insert(0) += 1;
        add_counts(&mut self.perks, run.perks.iter().map(|&m| u32::from(m)));
        add_counts(
            &mut self.sanctions,
            run.sanctions.iter().map(|&m| u32::from(m)),
        );
        self.reached.extend(run);
    }

    fn merge(&mut self, other: Sums) {
        self.scores.extend(other.scores);
        self.selves.extend(other.selves);
        self.money.extend(other.money);
        for (ending, n) in other.endings {
            *self.endings.entry(ending).or_insert(0) += n;
        }
        add_counts(&mut self.perks, other.perks.iter().copied());
        add_counts(&mut self.sanctions, other.sanctions.iter().copied());
        self.reached.extend(&other.reached);
    }
}

/// Adds `more` to `counts`, place by place, making room for any place `counts` lacks.
fn add_counts(counts: &mut Vec<u32>, more: impl ExactSizeIterator<Item = u32>) {
    if counts.len() < more.len() {
        counts.resize(more.len(), 0);
    }
    counts.iter_mut().zip(more).for_each(|(n, m)| *n += m);
}

/// `0..n` split into contiguous chunks, one for each of `threads` threads: `f` of each
/// chunk, in order.
fn in_parallel<T: Send>(
    n: u64,
    threads: usize,
    f: impl Fn(std::ops::Range<u64>) -> T + Sync,
) -> Vec<T> {
    let threads = (threads.max(1) as u64).min(n.max(1));
    let chunk = |t: u64| (n * t / threads)..(n * (t + 1) / threads);
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = (0..threads)
            .map(|t| scope.spawn(move || f(chunk(t))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a bot run panicked"))
            .collect()
    })
}

fn percent(n: u32, of: u32) -> String {
    format!("{:>3.0}%", f64::from(n) * 100.0 / f64::from(of.max(1)))
}

/// The balance report for one persona: every strategy side by side, then what no run reached.
pub fn report_text(level: &Level, reports: &[Report]) -> String {
    let mut out = String::new();
    let Some(first) = reports.first() else {
        return out;
    };
    let _ = writeln!(
        out,
        "Balance of `{}` for persona `{}`: {} runs per strategy, seeds {}..{}",
        level.id,
        first.persona,
        first.runs,
        first.seed,
        first.seed + u64::from(first.runs.max(1)) - 1
    );
    let _ = writeln!(
        out,
        "\n{:<11} {:>22} {:>18} {:>10}",
        "strategy", "score mean (min..max)", "self mean (min..max)", "money"
    );
    for r in reports {
        let _ = writeln!(
            out,
            "{:<11} {:>8.1} ({:>4}..{:<4})   {:>6.1} ({:>3}..{:<3})   {:>8.1}",
            r.strategy.name(),
            r.score.mean,
            r.score.min,
            r.score.max,
            r.integrity.mean,
            r.integrity.min,
            r.integrity.max,
            r.money.mean
        );
    }
    let header: String = reports
        .iter()
        .map(|r| format!("{:>11}", r.strategy.name()))
        .collect();
    let _ = writeln!(out, "\nEndings (share of runs)\n{:<30}{header}", "");
    for e in &level.endings {
        let row: String = reports
            .iter()
            .map(|r| {
                format!(
                    "{:>11}",
                    percent(r.endings.get(&e.id).copied().unwrap_or(0), r.runs)
                )
            })
            .collect();
        let _ = writeln!(out, "{:<30}{row}", e.id);
    }
    let _ = writeln!(
        out,
        "\nPerks and sanctions met at least once (share of runs)\n{:<30}{header}",
        ""
    );
    for (id, kind) in level
        .perks
        .iter()
        .map(|p| (&p.id, "perk"))
        .chain(level.sanctions.iter().map(|s| (&s.id, "sanction")))
    {
        let row: String = reports
            .iter()
            .map(|r| {
                let n = if kind == "perk" {
                    r.perks.get(id)
                } else {
                    r.sanctions.get(id)
                };
                format!("{:>11}", percent(n.copied().unwrap_or(0), r.runs))
            })
            .collect();
        let _ = writeln!(out, "{:<30}{row}", format!("{id} ({kind})"));
    }
    let mut all = Reached::default();
    for r in reports {
        all.extend(&r.reached);
    }
    let _ = writeln!(out, "\nNever reached in any run");
    out.push_str(&unreached(level, &all));
    out
}

/// Content of the level that no run reached, one line per kind.
pub fn unreached(level: &Level, all: &Reached) -> String {
    let missing = |ids: Vec<&String>, seen: &[bool]| -> Vec<String> {
        (ids.into_iter().enumerate())
            .filter(|(i, _)| !marked(seen, *i))
            .map(|(_, id)| id.clone())
            .collect()
    };
    let choices: Vec<String> = (level.events.iter().enumerate())
        .filter(|(i, _)| marked(&all.events, *i))
        .flat_map(|(i, e)| {
            let seen = all.choices.get(i).map_or(&[][..], Vec::as_slice);
            (e.choices.iter().enumerate())
                .filter(move |(c, _)| !marked(seen, *c))
                .map(move |(_, c)| format!("{}.{}", e.id, c.id))
        })
        .collect();
    let lines = [
        (
            "items never bought",
            missing(level.items.iter().map(|i| &i.id).collect(), &all.items),
        ),
        (
            "topics never posted",
            missing(level.topics.iter().map(|t| &t.id).collect(), &all.topics),
        ),
        (
            "events never arrived",
            missing(level.events.iter().map(|e| &e.id).collect(), &all.events),
        ),
        ("choices never taken", choices),
        (
            "endings never reached",
            missing(level.endings.iter().map(|e| &e.id).collect(), &all.endings),
        ),
        (
            "perks never opened",
            missing(level.perks.iter().map(|p| &p.id).collect(), &all.perks),
        ),
        (
            "sanctions never imposed",
            missing(
                level.sanctions.iter().map(|s| &s.id).collect(),
                &all.sanctions,
            ),
        ),
    ];
    let mut out = String::new();
    let mut any = false;
    for (what, ids) in lines {
        if !ids.is_empty() {
            any = true;
            let _ = writeln!(out, "  {what}: {}", ids.join(", "));
        }
    }
    if !any {
        out.push_str(
            "  nothing: every item, topic, event, choice, ending, perk and sanction was reached\n",
        );
    }
    out
}

/// Who gains and who loses under these rules: every persona under every strategy.
pub fn fairness_text(level: &Level, by_persona: &[(String, Vec<Report>)]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Fairness of `{}`: mean final score / self, by persona and strategy",
        level.id
    );
    let Some((_, first)) = by_persona.first() else {
        return out;
    };
    let header: String = first
        .iter()
        .map(|r| format!("{:>14}", r.strategy.name()))
        .collect();
    let _ = writeln!(out, "{:<16}{header}", "persona");
    for (persona, reports) in by_persona {
        let row: String = reports
            .iter()
            .map(|r| {
                format!(
                    "{:>14}",
                    format!("{:.0} / {:.0}", r.score.mean, r.integrity.mean)
                )
            })
            .collect();
        let _ = writeln!(out, "{persona:<16}{row}");
    }
    let mut all = Reached::default();
    for r in by_persona.iter().flat_map(|(_, rs)| rs) {
        all.extend(&r.reached);
    }
    for (i, r) in first.iter().enumerate() {
        let column: Vec<(&String, f64)> = by_persona
            .iter()
            .map(|(p, rs)| (p, rs[i].score.mean))
            .collect();
        let best = column.iter().max_by(|a, b| a.1.total_cmp(&b.1));
        let worst = column.iter().min_by(|a, b| a.1.total_cmp(&b.1));
        if let (Some(b), Some(w)) = (best, worst) {
            let _ = writeln!(
                out,
                "Playing {}: `{}` ends highest ({:.0}), `{}` lowest ({:.0}), a gap of {:.0}.",
                r.strategy.name(),
                b.0,
                b.1,
                w.0,
                w.1,
                b.1 - w.1
            );
        }
    }
    let _ = writeln!(out, "\nNever reached by any persona in any run");
    out.push_str(&unreached(level, &all));
    out
}
