//! Helpers shared by unit tests.

/// A small deterministic generator for tests that build many texts:
/// `next(n)` is a number below `n`, the same sequence for the same seed.
pub fn picker(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    }
}

/// A text of 1 to `most` pieces drawn by `next` (a [`picker`]), each followed
/// by a space unless `next(space_odds)` draws 0 (`None`: never a space).
pub fn pieced<S: AsRef<str>>(
    next: &mut impl FnMut(usize) -> usize,
    pieces: &[S],
    most: usize,
    space_odds: Option<usize>,
) -> String {
    let mut text = String::new();
    for _ in 0..next(most) + 1 {
        text.push_str(pieces[next(pieces.len())].as_ref());
        if let Some(odds) = space_odds
            && next(odds) > 0
        {
            text.push(' ');
        }
    }
    text
}
