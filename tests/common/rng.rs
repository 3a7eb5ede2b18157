//! The one seeded generator of the tests and benchmarks (xorshift64*): small, deterministic,
//! enough to pick test data, mutations and moments.

use std::time::Duration;

pub(crate) struct Rng(u64);

impl Rng {
    /// A generator started from `seed` (0, which xorshift cannot leave, counts as 1).
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        match n {
            0 => 0,
            n => (self.next() % n as u64) as usize,
        }
    }

    /// A moment within `window`, to the microsecond.
    pub(crate) fn within(&mut self, window: Duration) -> Duration {
        let micros = u64::try_from(window.as_micros()).unwrap_or(u64::MAX);
        Duration::from_micros(self.next() % micros.max(1))
    }

    /// One of `items` (which must not be empty).
    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}
