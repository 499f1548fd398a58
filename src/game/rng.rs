//! All chance in the game. A fresh ChaCha8 stream for each (seed, day, purpose), so the
//! state holds no generator internals and the same inputs give the same game everywhere.

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};

#[derive(Debug, Clone, Copy)]
pub enum Stream {
    Posts = 1,
    Drift = 2,
    Appeals = 3,
    Informers = 4,
    Defence = 5,
}

pub struct Dice(ChaCha8Rng);

impl Dice {
    pub fn new(seed: u64, day: u32, stream: Stream) -> Dice {
        let mixed = splitmix(seed ^ splitmix(u64::from(day) << 8 | stream as u64));
        Dice(ChaCha8Rng::seed_from_u64(mixed))
    }

    /// A number in `0..n` (0 when `n` is 0). Our own helper: rand's may change between versions.
    pub fn below(&mut self, n: u32) -> u32 {
        if n == 0 {
            return 0;
        }
        (self.0.next_u64() % u64::from(n)) as u32
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: i32, hi: i32) -> i32 {
        let span = (hi - lo).max(0) as u32 + 1;
        lo + self.below(span) as i32
    }

    /// True with the given chance in percent.
    pub fn percent(&mut self, chance: u32) -> bool {
        self.below(100) < chance
    }
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}
