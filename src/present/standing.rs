//! Where the player stands: each dimension of the score, perks open, sanctions in force.

use crate::game::Game;

/// A dimension of the score as the player sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dimension {
    pub name: String,
    /// Its value, 0 to 100.
    pub value: i32,
    /// Its weight in the score, in percent.
    pub weight: u32,
}

/// The score's dimensions, or `None` where the level does not publish how the score is made.
pub fn dimensions(game: &Game) -> Option<Vec<Dimension>> {
    if !game.rules_visible() {
        return None;
    }
    let dims = &game.level().score.dimensions;
    Some(
        dims.iter()
            .map(|d| Dimension {
                name: d.name.clone(),
                value: game.dimension_value(&d.id),
                weight: game.dimension_weight(&d.id),
            })
            .collect(),
    )
}

/// The names of the perks the player holds.
pub fn perks_open(game: &Game) -> Vec<&str> {
    let s = game.state();
    (game.level().perks.iter())
        .filter(|p| s.perks.contains(&p.id))
        .map(|p| p.name.as_str())
        .collect()
}

/// The names of the sanctions in force.
pub fn sanctions_in_force(game: &Game) -> Vec<&str> {
    let s = game.state();
    (game.level().sanctions.iter())
        .filter(|x| s.sanctions.contains(&x.id))
        .map(|x| x.name.as_str())
        .collect()
}
