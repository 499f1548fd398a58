//! The class summary written out: its sections, as text and as Markdown.

use std::fmt::Write;

use super::Class;

impl Class {
    /// The summary as sections of plain lines (for the terminal, and inside Markdown).
    pub fn sections(&self) -> Vec<(String, Vec<String>)> {
        let mut out = vec![("The class".to_string(), self.table())];
        out.extend(self.obedience());
        out.extend(self.endings());
        out.extend(self.drift());
        out.extend(self.shared_decisions());
        out.push(("Who dropped which friend".to_string(), self.dropped()));
        out.push(("Handed in".to_string(), self.names()));
        out
    }

    /// The lines before the sections: the header, what was set apart, the warnings.
    pub(super) fn front(&self) -> Vec<String> {
        let mut lines = vec![self.header()];
        lines.extend(self.skipped());
        lines.extend(self.warnings());
        lines
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        for l in self.front() {
            let _ = writeln!(out, "{l}");
        }
        out.push('\n');
        for (title, lines) in self.sections() {
            let _ = writeln!(out, "== {title}");
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
            out.push('\n');
        }
        out
    }

    pub fn markdown(&self) -> String {
        let mut out = String::from("# Scored — class summary\n\n```text\n");
        for l in self.front() {
            let _ = writeln!(out, "{l}");
        }
        out.push_str("```\n\n");
        for (title, lines) in self.sections() {
            let _ = writeln!(out, "## {title}\n\n```text");
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
            out.push_str("```\n\n");
        }
        out
    }
}
