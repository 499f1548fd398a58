//! The lines under the neighbours' ratings: for each thing the player did that swayed
//! someone, who approved and who disapproved because of it.

use super::names;
use crate::game::{Game, Outcome};

pub fn rating_lines(game: &Game, o: &Outcome) -> Vec<String> {
    let Outcome::PeersRated { deeds, ratings, .. } = o else {
        return Vec::new();
    };
    let level = game.level();
    let who = |deed: usize, approved: bool| -> Vec<String> {
        (ratings.iter())
            .filter(|r| r.because == deed && r.approved == approved)
            .map(|r| format!("{} ({})", names::npc(level, &r.npc), r.score))
            .collect()
    };
    let mut lines = Vec::new();
    for (at, deed) in deeds.iter().enumerate() {
        let sides: Vec<String> = [(true, "approved by"), (false, "disapproved by")]
            .into_iter()
            .filter_map(|(approved, verb)| {
                let names = who(at, approved);
                (!names.is_empty()).then(|| format!("{verb} {}", names.join(", ")))
            })
            .collect();
        if sides.is_empty() {
            continue;
        }
        let deed = match deed.trim().trim_end_matches('.') {
            "" => "Something you did",
            d => d,
        };
        lines.push(format!("  {deed} — {}.", sides.join("; ")));
    }
    lines
}
