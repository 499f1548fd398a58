//! The shop: what is for sale, at today's price, and what buying it would do.

use super::row::{Mark, Row, Target};
use crate::game::{Action, Game, Refusal};

pub fn rows(game: &Game) -> Vec<Row> {
    (game.level().items.iter())
        .filter(|item| game.item_listed(item))
        .map(|item| {
            let buy = Action::Buy {
                item: item.id.clone(),
            };
            let mut row = Row::new(item.name.clone(), Target::Buy(item.id.clone()));
            row.key = Some(item.id.clone());
            row.verb = "If you buy it";
            row.aside = game.price(item).to_string();
            row.detail = vec![
                item.description.clone(),
                format!("Category: {}", item.category),
            ];
            row.effect = game.predict(&buy);
            row.lock = lock(game, &buy);
            if row.lock.is_some() {
                row.mark = Mark::Faded;
            }
            row
        })
        .collect()
}

/// Why the core would refuse this row's action, unless the reason is the whole day's (no
/// actions left, the level over): the header says that once.
pub(super) fn lock(game: &Game, action: &Action) -> Option<String> {
    match game.refusal(action) {
        None | Some(Refusal::NoActionsLeft | Refusal::LevelOver) => None,
        Some(r) => Some(r.to_string()),
    }
}
