//! The debrief's pages on the end screen, and what the report export wrote.

use std::path::PathBuf;

use crate::game::Game;

/// The debrief's pages on the end screen.
pub struct EndView {
    pub report: crate::classroom::Report,
    pub sections: Vec<(String, Vec<String>)>,
    /// 0 is the overview (ending, charts, summary); then one page per section.
    pub page: usize,
    pub scroll: u16,
    /// What the export wrote (where, and the result code), or why it failed: shown on
    /// every page.
    pub exported: Vec<String>,
    /// The report is written: another `e` says where instead of writing a copy.
    pub written: bool,
    /// `e` was pressed again after the report was written.
    pub again: bool,
}

impl EndView {
    pub fn of(game: &Game) -> EndView {
        let (report, sections) = crate::classroom::debrief(game);
        EndView {
            report,
            sections,
            page: 0,
            scroll: 0,
            exported: Vec::new(),
            written: false,
            again: false,
        }
    }

    /// Notes what the export wrote: where the files went and the result code.
    pub fn written_to(&mut self, paths: &[PathBuf]) {
        // One name and its endings: "saves/reports/mandatory-lin_wei-seed5 (.md, .json, .code)".
        let stem = paths.first().map(|p| p.with_extension(""));
        let endings: Vec<String> = (paths.iter())
            .filter_map(|p| p.extension())
            .map(|x| format!(".{}", x.to_string_lossy()))
            .collect();
        self.exported = vec![
            format!(
                "Report written: {} ({})",
                stem.map_or(String::new(), |s| s.display().to_string()),
                endings.join(", ")
            ),
            format!(
                "Result code: {}",
                crate::classroom::encode(&self.report.summary)
            ),
        ];
        self.written = true;
        self.again = false;
    }

    pub fn pages(&self) -> usize {
        self.sections.len() + 1
    }
}
