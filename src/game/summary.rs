//! The facts of a finished (or running) game that every view shows the same way.

use super::Game;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub score: i32,
    pub integrity: i32,
    pub money: i64,
    pub friends: usize,
    pub decisions: usize,
    /// Scored decisions where the score and the persona's values pulled apart.
    pub conflicted: usize,
    /// Of those, the ones settled in the score's favour.
    pub obeyed: usize,
    pub drafts_cancelled: u32,
    /// Every report, as the debrief lists them: of people, of posts, and event choices that
    /// inform.
    pub reports_filed: u32,
    pub ending: Option<String>,
    /// The ending's title, as the end screen shows it.
    pub ending_title: Option<String>,
}

impl Game {
    pub fn summary(&self) -> Summary {
        let s = &self.state;
        let decisions = &s.journal.decisions;
        Summary {
            score: s.score.unwrap_or_else(|| self.implied_score()),
            integrity: s.integrity,
            money: s.money,
            friends: s.friends.len(),
            decisions: decisions.len(),
            conflicted: s.journal.obedience().1 as usize,
            obeyed: s.journal.obedience().0 as usize,
            drafts_cancelled: s.drafts_cancelled,
            reports_filed: (decisions.iter())
                .filter(|d| super::debrief::files_report(&self.level, d))
                .count() as u32,
            ending: s.ending.clone(),
            ending_title: self.ending().map(|e| e.title.clone()),
        }
    }
}

impl Summary {
    /// The summary as plain lines, the same in the headless mode and on the end screen.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![
            format!("Final score: {}", self.score),
            format!("Final self: {}", self.integrity),
            format!("Final money: {}", self.money),
            format!("Friends kept: {}", self.friends),
            format!(
                "Decisions: {} ({} where score and values pulled apart; you sided with the score in {})",
                self.decisions, self.conflicted, self.obeyed
            ),
            format!("Drafts deleted unposted: {}", self.drafts_cancelled),
            format!("Reports filed: {}", self.reports_filed),
            format!("Ending: {}", self.ending.as_deref().unwrap_or("")),
        ];
        if let Some(title) = &self.ending_title {
            lines.push(format!("Ending title: {title}"));
        }
        lines
    }

    /// [`Summary::lines`] for a screen: the ending by its title only, never its id (the
    /// headless mode keeps `Ending: ID` for scripts).
    pub fn shown_lines(&self) -> Vec<String> {
        let mut lines = self.lines();
        lines.retain(|l| !l.starts_with("Ending: ") || self.ending_title.is_none());
        for l in &mut lines {
            if let Some(title) = l.strip_prefix("Ending title: ") {
                *l = format!("Ending: {title}");
            }
        }
        lines
    }
}
