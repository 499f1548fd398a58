//! `scored check` and `scored test`: level files and golden transcripts.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use crate::author::Transcript;
use crate::check;
use crate::launch;
use crate::levels::Shelf;

pub fn transcripts_test(
    shelf: &Shelf,
    level: &str,
    files: &[PathBuf],
    update: bool,
) -> Result<ExitCode> {
    let level = launch::load_level(shelf, level)?;
    let mut failed = 0;
    for file in files {
        // A transcript replays a game; none is near this long.
        let text = crate::input::text(file, 16 * 1024 * 1024)
            .map_err(|e| anyhow::anyhow!("{} {e}", file.display()))?;
        let transcript =
            Transcript::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        let (outputs, difference) = transcript.replay(level.clone())?;
        if update {
            std::fs::write(file, transcript.blessed(&outputs))?;
            println!(
                "updated {} ({} commands)",
                file.display(),
                transcript.steps.len()
            );
            continue;
        }
        match difference {
            None => println!(
                "ok {} ({} commands)",
                file.display(),
                transcript.steps.len()
            ),
            Some(d) => {
                failed += 1;
                println!(
                    "FAILED {}:{}: after `> {}`",
                    file.display(),
                    d.line,
                    d.command
                );
                println!("  expected: {}", d.expected);
                println!("  actual:   {}", d.actual);
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

pub fn check_files(files: &[PathBuf]) -> ExitCode {
    let mut failed = 0;
    let mut warnings = 0;
    let mut stderr = io::stderr().lock();
    for f in files {
        let (level, diagnostics) = check::check_file(f);
        if level.is_none() {
            failed += 1;
        }
        warnings += diagnostics
            .iter()
            .filter(|d| d.severity == check::Severity::Warning)
            .count();
        for d in &diagnostics {
            let _ = write!(stderr, "{d}");
        }
    }
    let ok = files.len() - failed;
    let warned = if warnings > 0 {
        format!(", {warnings} warning(s)")
    } else {
        String::new()
    };
    let _ = writeln!(
        stderr,
        "checked {} file(s): {ok} ok, {failed} with errors{warned}",
        files.len()
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
