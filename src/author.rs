//! Tools for level authors: a new level from the template, and golden transcripts that pin
//! how a level must play.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};

use crate::game::{Game, Level};
use crate::headless;

const TEMPLATE: &str = include_str!("../assets/level-template.ron");

/// Writes `levels/NAME.ron`: the commented template, or a copy of `from` under the new id.
pub fn new_level(levels: &Path, name: &str, from: Option<(&Path, &Level)>) -> Result<PathBuf> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        bail!(
            "a level name uses letters, digits, `-` and `_` only (it becomes the file name and the id)"
        );
    }
    let path = levels.join(format!("{name}.ron"));
    if path.exists() {
        bail!("{} already exists; choose another name", path.display());
    }
    let text = match from {
        None => {
            let title: String = name
                .split(['-', '_'])
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
                })
                .collect::<Vec<_>>()
                .join(" ");
            TEMPLATE
                .replace("__ID__", name)
                .replace("__TITLE__", &title)
        }
        Some((source, level)) => {
            let text = crate::levels::text(source)
                .with_context(|| format!("reading {}", source.display()))?;
            let old = format!("id: \"{}\"", level.id);
            text.replacen(&old, &format!("id: \"{name}\""), 1)
        }
    };
    fs::create_dir_all(levels)?;
    fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    Ok(path)
}

/// A transcript: settings, then commands (`> cmd`) each followed by the output it must give.
/// An empty block is not checked; a block ending in `...` checks only the lines before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcript {
    /// Comment lines at the top, kept when the transcript is rewritten.
    pub header: Vec<String>,
    pub seed: u64,
    pub persona: Option<String>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub line: usize,
    pub command: String,
    pub expected: Vec<String>,
}

/// Where a transcript and the game part ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub line: usize,
    pub command: String,
    pub expected: String,
    pub actual: String,
}

impl Transcript {
    pub fn parse(text: &str) -> Result<Transcript> {
        let mut t = Transcript {
            header: Vec::new(),
            seed: 1,
            persona: None,
            steps: Vec::new(),
        };
        for (i, line) in text.lines().enumerate() {
            if let Some(cmd) = line.strip_prefix("> ") {
                t.steps.push(Step {
                    line: i + 1,
                    command: cmd.to_string(),
                    expected: Vec::new(),
                });
            } else if let Some(step) = t.steps.last_mut() {
                step.expected.push(line.to_string());
            } else if let Some(seed) = line.strip_prefix("seed: ") {
                t.seed = seed
                    .trim()
                    .parse()
                    .with_context(|| format!("line {}: the seed is a number", i + 1))?;
            } else if let Some(p) = line.strip_prefix("persona: ") {
                t.persona = Some(p.trim().to_string());
            } else if line.starts_with('#') {
                t.header.push(line.to_string());
            } else if !line.trim().is_empty() {
                bail!(
                    "line {}: before the first `> command`, only `seed: N`, `persona: ID` and # comments",
                    i + 1
                );
            }
        }
        for step in &mut t.steps {
            while step.expected.last().is_some_and(|l| l.trim().is_empty()) {
                step.expected.pop();
            }
        }
        Ok(t)
    }

    /// Plays the transcript; returns the output of every command and the first difference.
    pub fn replay(&self, level: Arc<Level>) -> Result<(Vec<Vec<String>>, Option<Difference>)> {
        let (mut game, _) = Game::new(level, self.persona.as_deref(), self.seed)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let mut outputs = Vec::new();
        let mut first = None;
        for step in &self.steps {
            let lines = run_command(&mut game, &step.command)?;
            if first.is_none() {
                first = compare(step, &lines);
            }
            outputs.push(lines);
        }
        Ok((outputs, first))
    }

    /// The transcript rewritten with the output the game gives now.
    pub fn blessed(&self, outputs: &[Vec<String>]) -> String {
        let mut out: String = self.header.iter().map(|h| format!("{h}\n")).collect();
        out.push_str(&format!("seed: {}\n", self.seed));
        if let Some(p) = &self.persona {
            out.push_str(&format!("persona: {p}\n"));
        }
        for (step, lines) in self.steps.iter().zip(outputs) {
            out.push_str(&format!("> {}\n", step.command));
            for l in lines {
                out.push_str(l);
                out.push('\n');
            }
        }
        out
    }
}

fn run_command(game: &mut Game, command: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    match headless::parse(command) {
        Ok(Some(c)) => {
            headless::execute(game, c, &mut out)?;
        }
        Ok(None) => {}
        Err(message) => out.extend_from_slice(format!("{message}\n").as_bytes()),
    }
    Ok(String::from_utf8_lossy(&out)
        .lines()
        .map(str::to_string)
        .collect())
}

fn compare(step: &Step, actual: &[String]) -> Option<Difference> {
    if step.expected.is_empty() {
        return None;
    }
    let (expected, prefix_only) = match step.expected.iter().position(|l| l == "...") {
        Some(i) => (&step.expected[..i], true),
        None => (&step.expected[..], false),
    };
    for (i, want) in expected.iter().enumerate() {
        let got = actual.get(i).map_or("(no more output)", String::as_str);
        if want != got {
            return Some(Difference {
                line: step.line + 1 + i,
                command: step.command.clone(),
                expected: want.clone(),
                actual: got.to_string(),
            });
        }
    }
    if !prefix_only && actual.len() > expected.len() {
        return Some(Difference {
            line: step.line + 1 + expected.len(),
            command: step.command.clone(),
            expected: "(no more output)".into(),
            actual: actual[expected.len()].clone(),
        });
    }
    None
}
