//! The teacher's dashboard.

use anyhow::Result;

use super::Banner;
use super::roster::Roster;

pub fn run(_roster: &Roster, _banner: &Banner) -> Result<()> {
    super::wait_for_a_signal();
    Ok(())
}
