//! What the bots found: outcomes per strategy, what each run met, and the content that no run
//! ever reached — the author's balance report and, across personas, the fairness report.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Arc;

use serde::Serialize;

use crate::bots::{self, Strategy, Tally};
use crate::game::state::MilestoneKind;
use crate::game::{Game, Level, Opening};
use crate::trace;

mod observed;
use observed::{Days, Observer};
pub use observed::{QUIET_DAYS, quiet_stretches};

/// How much a simulation records beyond each run's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Detail {
    /// Nothing: silent games, as fast as they go.
    Plain,
    /// The obedience index and the score and self by day (games that keep a journal).
    Numbers,
    /// Those, and the actions taken and the quiet stretches (games that tell what happened).
    Full,
}

/// A spread of fractional values over runs.
#[derive(Debug, Clone, Serialize)]
pub struct Spread {
    pub mean: f64,
    pub min: f64,
    pub max: f64,
}

/// A quiet stretch and how many runs had it.
#[derive(Debug, Clone, Serialize)]
pub struct Quiet {
    pub from: u32,
    pub to: u32,
    pub runs: u32,
}

/// What a [`Detail::Full`] simulation adds to the report.
#[derive(Debug, Clone, Serialize)]
pub struct Behaviour {
    /// Actions of each kind, mean per run.
    pub actions: BTreeMap<String, f64>,
    /// The five actions taken most, mean count per run.
    pub top_actions: Vec<(String, f64)>,
    /// Every quiet stretch (more than [`QUIET_DAYS`] days in a row with nothing happening to
    /// the player) seen, most frequent first.
    pub quiet: Vec<Quiet>,
    /// How many runs had at least one quiet stretch.
    pub quiet_runs: u32,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

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
            .extend((0..level.events.len()).map(|e| game.positions().has_arrived(e)));
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
    /// The debrief's obedience index (0–100) over the runs with a conflicted decision; `None`
    /// when no run had one. Worked out only from [`Detail::Numbers`] on, as are the three
    /// fields after it (the JSON output always asks for them).
    pub obedience: Option<Spread>,
    /// Runs with no conflicted decision, left out of `obedience`.
    pub obedience_na: u32,
    /// Mean score at the end of each day (day 1 first): the day's mark in the game's timeline,
    /// after its night and before the next morning, as the debrief lists it; before the score
    /// is switched on, the score the state implies.
    pub score_by_day: Vec<f64>,
    /// Mean self at the end of each day.
    pub self_by_day: Vec<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub behaviour: Option<Behaviour>,
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
    detail: Detail,
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
            let seed = seed.wrapping_add(i);
            let (game, tally) = match detail {
                Detail::Plain => bots::play_silently(&opening, &actions, seed, strategy),
                Detail::Numbers => {
                    let mut days = Days::default();
                    let game = opening.start_journaled(seed);
                    let (game, tally) =
                        bots::play_watched(game, &[], &actions, seed, strategy, &mut days);
                    sums.observe(&game, &days, None);
                    (game, tally)
                }
                Detail::Full => {
                    let mut observer = Observer::default();
                    let (game, outcomes) = opening.start(seed);
                    let (game, tally) = bots::play_watched(
                        game,
                        &outcomes,
                        &actions,
                        seed,
                        strategy,
                        &mut observer,
                    );
                    sums.observe(&game, &observer.days, Some(&observer));
                    (game, tally)
                }
            };
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
        obedience,
        days,
        kinds,
        named,
        quiet,
        quiet_runs,
    } = all;
    let indices: Vec<f64> = (obedience.iter())
        .filter(|(_, n)| *n > 0)
        .map(|&(k, n)| f64::from(k) * 100.0 / f64::from(n))
        .collect();
    let obedience_na = (obedience.iter()).filter(|(_, n)| *n == 0).count() as u32;
    let obedience = (!indices.is_empty()).then(|| Spread {
        mean: round1(indices.iter().sum::<f64>() / indices.len() as f64),
        min: round1(indices.iter().copied().fold(f64::INFINITY, f64::min)),
        max: round1(indices.iter().copied().fold(f64::NEG_INFINITY, f64::max)),
    });
    let by_day = |pick: fn(&DaySum) -> i64| -> Vec<f64> {
        (days.iter())
            .map(|d| round1(pick(d) as f64 / f64::from(d.runs.max(1))))
            .collect()
    };
    let per_run = |n: u32| round1(f64::from(n) / f64::from(runs.max(1)));
    let behaviour = (detail == Detail::Full).then(|| {
        let mut top: Vec<(String, f64)> = (named.iter())
            .map(|(what, &n)| (what.clone(), per_run(n)))
            .collect();
        // Most first; ties in the order of the names, so the list is the same every time.
        top.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top.truncate(5);
        let mut quiet: Vec<Quiet> = (quiet.into_iter())
            .map(|((from, to), runs)| Quiet { from, to, runs })
            .collect();
        quiet.sort_by(|a, b| {
            b.runs
                .cmp(&a.runs)
                .then((a.from, a.to).cmp(&(b.from, b.to)))
        });
        Behaviour {
            actions: (trace::KINDS.iter().enumerate())
                .map(|(k, name)| {
                    (
                        name.to_string(),
                        per_run(kinds.get(k).copied().unwrap_or(0)),
                    )
                })
                .collect(),
            top_actions: top,
            quiet,
            quiet_runs,
        }
    });
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
        obedience,
        obedience_na,
        score_by_day: by_day(|d| d.score),
        self_by_day: by_day(|d| d.integrity),
        behaviour,
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
    /// Each run's obedience counts, (obeyed, conflicted), in the order of the runs.
    obedience: Vec<(u32, u32)>,
    /// Sums of the end-of-day values, by day.
    days: Vec<DaySum>,
    /// Actions taken, by kind ([`trace::KINDS`]) and by name.
    kinds: Vec<u32>,
    named: BTreeMap<String, u32>,
    /// How many runs had each quiet stretch, and how many any.
    quiet: BTreeMap<(u32, u32), u32>,
    quiet_runs: u32,
}

/// The end-of-day values of one day, summed over the runs that reached it.
#[derive(Default, Clone, Copy)]
struct DaySum {
    score: i64,
    integrity: i64,
    runs: u32,
}

impl Sums {
    /// Adds what was watched of a finished run: its journal's obedience, its days, and (from
    /// a full observer) its actions and quiet stretches.
    fn observe(&mut self, game: &Game, days: &Days, observer: Option<&Observer>) {
        self.obedience.push(observed::obedience(game));
        if self.days.len() < days.ends.len() {
            self.days.resize(days.ends.len(), DaySum::default());
        }
        for (sum, &(score, integrity)) in self.days.iter_mut().zip(&days.ends) {
            sum.score += i64::from(score);
            sum.integrity += i64::from(integrity);
            sum.runs += 1;
        }
        let Some(o) = observer else {
            return;
        };
        add_counts(&mut self.kinds, o.kinds.iter().copied());
        for (what, n) in &o.named {
            *self.named.entry(what.clone()).or_insert(0) += n;
        }
        let stretches = quiet_stretches(&o.eventful, game.level().days);
        self.quiet_runs += u32::from(!stretches.is_empty());
        for s in stretches {
            *self.quiet.entry(s).or_insert(0) += 1;
        }
    }

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
        self.obedience.extend(other.obedience);
        if self.days.len() < other.days.len() {
            self.days.resize(other.days.len(), DaySum::default());
        }
        for (a, b) in self.days.iter_mut().zip(&other.days) {
            a.score += b.score;
            a.integrity += b.integrity;
            a.runs += b.runs;
        }
        add_counts(&mut self.kinds, other.kinds.iter().copied());
        for (what, n) in other.named {
            *self.named.entry(what).or_insert(0) += n;
        }
        for (s, n) in other.quiet {
            *self.quiet.entry(s).or_insert(0) += n;
        }
        self.quiet_runs += other.quiet_runs;
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
    // The strategy column and each strategy's column: as wide as the longest name needs.
    let longest = reports
        .iter()
        .map(|r| r.strategy.name().len())
        .max()
        .unwrap_or(0);
    let w = longest.max(11);
    let c = (longest + 2).max(11);
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
        "\n{:<w$} {:>22} {:>18} {:>10}",
        "strategy", "score mean (min..max)", "self mean (min..max)", "money"
    );
    for r in reports {
        let _ = writeln!(
            out,
            "{:<w$} {:>8.1} ({:>4}..{:<4})   {:>6.1} ({:>3}..{:<3})   {:>8.1}",
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
        .map(|r| format!("{:>c$}", r.strategy.name()))
        .collect();
    let _ = writeln!(out, "\nEndings (share of runs)\n{:<30}{header}", "");
    for e in &level.endings {
        let row: String = reports
            .iter()
            .map(|r| {
                format!(
                    "{:>c$}",
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
                format!("{:>c$}", percent(n.copied().unwrap_or(0), r.runs))
            })
            .collect();
        let _ = writeln!(out, "{:<30}{row}", format!("{id} ({kind})"));
    }
    behaviour_text(&mut out, reports, c);
    let mut all = Reached::default();
    for r in reports {
        all.extend(&r.reached);
    }
    let _ = writeln!(out, "\nNever reached in any run");
    out.push_str(&unreached(level, &all));
    out
}

/// The report's sections on behaviour, for the reports that watched it: actions taken,
/// the most repeated, the obedience index and the quiet stretches. `c` is a column's width.
fn behaviour_text(out: &mut String, reports: &[Report], c: usize) {
    let watched: Vec<(&Report, &Behaviour)> = (reports.iter())
        .filter_map(|r| Some((r, r.behaviour.as_ref()?)))
        .collect();
    if watched.is_empty() {
        return;
    }
    let header: String = (watched.iter())
        .map(|(r, _)| format!("{:>c$}", r.strategy.name()))
        .collect();
    let _ = writeln!(out, "\nActions taken (mean per run)\n{:<30}{header}", "");
    for kind in trace::KINDS {
        let row: String = (watched.iter())
            .map(|(_, b)| format!("{:>c$.1}", b.actions.get(kind).copied().unwrap_or(0.0)))
            .collect();
        let _ = writeln!(out, "{kind:<30}{row}");
    }
    let _ = writeln!(out, "\nMost repeated actions (mean count per run)");
    for (r, b) in &watched {
        let top: Vec<String> = (b.top_actions.iter())
            .map(|(what, n)| format!("{what} ×{n:.1}"))
            .collect();
        let top = if top.is_empty() {
            "none".to_string()
        } else {
            top.join("; ")
        };
        let _ = writeln!(out, "  {}: {top}", r.strategy.name());
    }
    let _ = writeln!(
        out,
        "\nObedience index (0–100: how often a conflicted decision went the score's way)"
    );
    for (r, _) in &watched {
        let spread = r.obedience.as_ref().map_or_else(
            || "no run had a conflicted decision".to_string(),
            |o| format!("mean {:.1} (min {:.1}, max {:.1})", o.mean, o.min, o.max),
        );
        let _ = writeln!(
            out,
            "  {}: {spread}; {} of {} runs without one",
            r.strategy.name(),
            r.obedience_na,
            r.runs
        );
    }
    let _ = writeln!(
        out,
        "\nQuiet stretches (more than {QUIET_DAYS} days in a row with nothing happening to the player; the 5 most common)"
    );
    for (r, b) in &watched {
        let name = r.strategy.name();
        if b.quiet.is_empty() {
            let _ = writeln!(out, "  {name}: none");
            continue;
        }
        let _ = writeln!(
            out,
            "  {name}: {} of runs have one",
            percent(b.quiet_runs, r.runs).trim_start()
        );
        for q in b.quiet.iter().take(5) {
            let _ = writeln!(
                out,
                "    days {}–{} quiet in {} of {name} runs",
                q.from,
                q.to,
                percent(q.runs, r.runs).trim_start()
            );
        }
    }
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
    let longest = first
        .iter()
        .map(|r| r.strategy.name().len())
        .max()
        .unwrap_or(0);
    let c = (longest + 2).max(14);
    let header: String = first
        .iter()
        .map(|r| format!("{:>c$}", r.strategy.name()))
        .collect();
    let _ = writeln!(out, "{:<16}{header}", "persona");
    for (persona, reports) in by_persona {
        let row: String = reports
            .iter()
            .map(|r| {
                format!(
                    "{:>c$}",
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
