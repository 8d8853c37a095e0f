//! Helpers shared by unit tests.

/// A small deterministic generator for tests that build many texts:
/// `next(n)` is a number below `n`, the same sequence for the same seed.
pub fn picker(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    }
}

/// Whether every match of a pattern holds what `holds` finds in a literal or
/// a class of it, read from the pattern's syntax: a sequence is covered when
/// one of its parts is, an alternation when all its branches are, a
/// repetition when it repeats at least once something covered.
pub fn every_match_holds(hir: &regex_syntax::hir::Hir, holds: &dyn Fn(&regex_syntax::hir::Hir) -> bool) -> bool {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Literal(_) | HirKind::Class(_) => holds(hir),
        HirKind::Concat(parts) => parts.iter().any(|h| every_match_holds(h, holds)),
        HirKind::Alternation(branches) => branches.iter().all(|h| every_match_holds(h, holds)),
        HirKind::Repetition(rep) => rep.min > 0 && every_match_holds(&rep.sub, holds),
        HirKind::Capture(cap) => every_match_holds(&cap.sub, holds),
        HirKind::Empty | HirKind::Look(_) => false,
    }
}
