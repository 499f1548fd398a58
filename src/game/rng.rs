//! All chance in the game. A fresh ChaCha8 stream for each (seed, day, purpose), so the
//! state holds no generator internals and the same inputs give the same game everywhere.
//! People's day draws one number each in the morning, then their evening goes on from there:
//! where a day's stream stands is known from the day alone.

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};

#[derive(Debug, Clone, Copy)]
pub enum Stream {
    /// Who posts in the morning; how scores drift and whom informers report in the evening.
    People = 1,
    Appeals = 3,
    Defence = 5,
}

#[derive(Debug)]
pub struct Dice(ChaCha8Rng);

/// The generator is not `Clone`, lest a stream be repeated by accident; a game and its copy
/// (a prediction, a bot's try) go on alike, so a copy here stands where the original does.
impl Clone for Dice {
    fn clone(&self) -> Dice {
        let mut rng = ChaCha8Rng::from_seed(self.0.get_seed());
        rng.set_stream(self.0.get_stream());
        rng.set_word_pos(self.0.get_word_pos());
        Dice(rng)
    }
}

impl Dice {
    pub fn new(seed: u64, day: u32, stream: Stream) -> Dice {
        let mixed = splitmix(seed ^ splitmix(u64::from(day) << 8 | stream as u64));
        Dice(ChaCha8Rng::seed_from_u64(mixed))
    }

    /// The stream as it stands after `draws` numbers.
    pub fn after(seed: u64, day: u32, stream: Stream, draws: u64) -> Dice {
        let mut dice = Dice::new(seed, day, stream);
        dice.0.set_word_pos(u128::from(draws) * 2);
        dice
    }

    /// How many numbers the stream has given.
    pub fn draws(&self) -> u64 {
        (self.0.get_word_pos() / 2) as u64
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_and_a_stream_resumed_go_on_where_the_original_stands() {
        let mut original = Dice::new(7, 3, Stream::People);
        for _ in 0..11 {
            original.below(1000);
        }
        let mut copy = original.clone();
        let mut resumed = Dice::after(7, 3, Stream::People, 11);
        assert_eq!(original.draws(), 11);
        for _ in 0..40 {
            let next = original.below(1_000_000);
            assert_eq!(copy.below(1_000_000), next);
            assert_eq!(resumed.below(1_000_000), next);
        }
        let mut other_day = Dice::after(7, 4, Stream::People, 51);
        let mut again = original.clone();
        assert_ne!(
            (0..8).map(|_| other_day.below(1000)).collect::<Vec<_>>(),
            (0..8).map(|_| again.below(1000)).collect::<Vec<_>>()
        );
    }
}
