//! A problem found in a level file, printed like a compiler's.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    /// 1-based line and column (columns count characters).
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
    /// The source line, for the excerpt under the message.
    pub source_line: Option<String>,
    /// Characters to underline from `col`.
    pub width: usize,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line alone: `path:line:col: error[Cnnn]: message`.
    pub fn headline(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!(
            "{}:{}:{}: {kind}[{}]: {}",
            self.path, self.line, self.col, self.code, self.message
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline())?;
        if let Some(src) = &self.source_line {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            // The excerpt must not smuggle what it reports to the terminal.
            let shown: String = src
                .chars()
                .map(|c| match c {
                    '\t' => ' ',
                    c if super::safety::forbidden(c).is_some() => '\u{fffd}',
                    c => c,
                })
                .collect();
            writeln!(f, " {number} | {shown}")?;
            let caret = "^".repeat(self.width.max(1));
            writeln!(
                f,
                " {pad} | {}{caret}",
                " ".repeat(self.col.saturating_sub(1))
            )?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  hint: {hint}")?;
        }
        Ok(())
    }
}
