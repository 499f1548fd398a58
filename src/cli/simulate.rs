//! `scored simulate`: built-in strategies play a level many times.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;

use crate::balance::{self, Detail};
use crate::bots::Strategy;
use crate::launch;
use crate::levels::Shelf;

#[derive(clap::Args)]
pub struct SimulateArgs {
    level: String,
    /// The strategy to play (a --report plays all six unless one is given). The mostly-*
    /// strategies play as conformist or authentic but take another possible action at random
    /// 15% of the time, from the run's seed.
    #[arg(long, value_enum)]
    strategy: Option<Strategy>,
    #[arg(long, default_value_t = 100)]
    runs: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long)]
    persona: Option<String>,
    /// Print one JSON object instead of text (a list of them with --report or --personas),
    /// with the obedience index ("obedience": mean, min, max; "obedience_na": runs without a
    /// conflicted decision) and the mean score and self at the end of each day
    /// ("score_by_day", "self_by_day"; the implied score before the score is switched on).
    #[arg(long)]
    json: bool,
    /// The balance report: every strategy side by side, perks and sanctions met, the actions
    /// taken (by kind and the most repeated), quiet stretches (more than 3 days with nothing
    /// happening to the player), and the content no run ever reached.
    #[arg(long)]
    report: bool,
    /// Print one playthrough day by day instead, the run of this seed: each action with its
    /// predicted and actual effect, events answered, each day's end, and the ending.
    #[arg(long, value_name = "SEED", conflicts_with_all = ["report", "personas", "json"])]
    trace: Option<u64>,
    /// Run every persona of the level: the fairness report, who gains and who loses.
    #[arg(long)]
    personas: bool,
    /// Threads to play on (0: one per core). Results are the same for any number.
    #[arg(long, default_value_t = 1)]
    threads: usize,
}

impl SimulateArgs {
    fn threads(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        }
    }
}

pub fn simulate(shelf: &Shelf, args: SimulateArgs) -> Result<ExitCode> {
    let level = launch::load_level(shelf, &args.level)?;
    launch::check_persona(&level, args.persona.as_deref())?;
    if !args.report && !args.personas {
        let Some(strategy) = args.strategy else {
            anyhow::bail!(
                "choose a --strategy (conformist, authentic, rebel, random, mostly-conformist, \
                 mostly-authentic), or ask for a --report"
            );
        };
        if let Some(seed) = args.trace {
            let persona = args.persona.as_deref();
            print!(
                "{}",
                crate::trace::trace_text(level, persona, strategy, seed)
            );
            return Ok(ExitCode::SUCCESS);
        }
        return simulate_one(&level, strategy, &args);
    }
    let strategies: Vec<Strategy> = match args.strategy {
        Some(s) => vec![s],
        None => vec![
            Strategy::Conformist,
            Strategy::Authentic,
            Strategy::Rebel,
            Strategy::Random,
            Strategy::MostlyConformist,
            Strategy::MostlyAuthentic,
        ],
    };
    let detail = if args.report {
        Detail::Full
    } else if args.json {
        Detail::Numbers
    } else {
        Detail::Plain
    };
    let personas: Vec<String> = if args.personas {
        level.personas.iter().map(|p| p.id.clone()).collect()
    } else {
        vec![
            args.persona
                .clone()
                .unwrap_or_else(|| level.personas[0].id.clone()),
        ]
    };
    let mut by_persona = Vec::new();
    for persona in personas {
        let reports: Vec<balance::Report> = strategies
            .iter()
            .map(|s| {
                let persona = Some(persona.as_str());
                balance::simulate(
                    level.clone(),
                    persona,
                    *s,
                    args.runs,
                    args.seed,
                    args.threads(),
                    detail,
                )
            })
            .collect();
        if args.report && !args.json {
            println!("{}", balance::report_text(&level, &reports));
        }
        by_persona.push((persona, reports));
    }
    if args.json {
        let all: Vec<&balance::Report> = by_persona.iter().flat_map(|(_, r)| r).collect();
        println!("{}", serde_json::to_string(&all)?);
    } else if args.personas {
        print!("{}", balance::fairness_text(&level, &by_persona));
    }
    Ok(ExitCode::SUCCESS)
}

fn simulate_one(
    level: &std::sync::Arc<crate::game::Level>,
    strategy: Strategy,
    args: &SimulateArgs,
) -> Result<ExitCode> {
    let started = Instant::now();
    let mut report = balance::simulate(
        level.clone(),
        args.persona.as_deref(),
        strategy,
        args.runs,
        args.seed,
        args.threads(),
        if args.json {
            Detail::Numbers
        } else {
            Detail::Plain
        },
    );
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    report.runs_per_second = (f64::from(args.runs) / secs).round();
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "Level {}, persona {}, strategy {}, {} runs from seed {} on {} thread(s)",
        report.level,
        report.persona,
        strategy.name(),
        args.runs,
        args.seed,
        args.threads()
    );
    for (name, s) in [
        ("score", &report.score),
        ("self", &report.integrity),
        ("money", &report.money),
    ] {
        println!(
            "{name:<6} mean {:>8.1}  min {:>6}  max {:>6}",
            s.mean, s.min, s.max
        );
    }
    println!("endings:");
    for (id, n) in &report.endings {
        println!(
            "  {id:<20} {n:>5}  ({:.0}%)",
            f64::from(*n) * 100.0 / f64::from(args.runs.max(1))
        );
    }
    println!("runs per second: {}", report.runs_per_second);
    Ok(ExitCode::SUCCESS)
}
