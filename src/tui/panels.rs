//! The panels of the main screen are the presentation layer's listings: rendering and key
//! handling both read these rows, so what the player sees is exactly what Enter acts on.

pub use crate::present::row::{Listing as Panel, Mark, Row, Target, rows};
