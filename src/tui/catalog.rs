//! The level catalogue of the title screen: every level file in a folder, loaded and checked.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::app::Entry;
use crate::launch::SHIPPED;

/// Every `.ron` file in `dir`, loaded and checked.
pub fn catalog(dir: &Path) -> Vec<Entry> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort_by_key(|p| {
        let stem = p
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let rank = SHIPPED
            .iter()
            .position(|o| *o == stem)
            .unwrap_or(SHIPPED.len());
        (rank, stem)
    });
    let load = |p: PathBuf| {
        let id = p
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let level = crate::check::load_file(&p).map(Arc::new).map_err(|d| {
            d.iter()
                .find(|d| d.is_error())
                .map_or("it does not load".to_string(), |d| d.headline())
        });
        Entry { id, path: p, level }
    };
    // Checking every level is most of the time to the first frame: one thread per file.
    std::thread::scope(|scope| {
        let loading: Vec<_> = paths
            .into_iter()
            .map(|p| scope.spawn(move || load(p)))
            .collect();
        loading
            .into_iter()
            .map(|h| h.join().expect("checking a level does not panic"))
            .collect()
    })
}
