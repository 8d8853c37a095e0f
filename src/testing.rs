//! Helpers shared by unit tests.

/// A small deterministic generator for tests that build many texts:
/// `next(n)` is a number below `n`, the same sequence for the same seed.
pub fn picker(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    }
}
