//! The full-screen terminal game: draws the presentation layer's rows and turns keys into
//! core actions. It holds no game rules of its own; the run loop, the level catalogue, file
//! work and an author's watch each have a file of their own.

pub mod app;
mod catalog;
mod effects;
mod end;
pub mod keymap;
pub mod keys;
mod listing;
mod menu_view;
pub mod overlay;
pub mod panels;
mod play;
mod run;
mod setup;
mod summary;
mod text;
pub mod theme;
mod title;
pub mod view;
mod watch;

pub use app::{App, Effect, Entry};
pub use catalog::catalog;
pub use effects::perform;
pub use run::run;
pub use watch::watch;
