//! The numeral lexicon: number words, scale words and the abbreviations that
//! multiply a number written in digits. Data only; `rules` and `resolve` read it.

use crate::decimal::Decimal;
use std::sync::LazyLock;

/// What one number word contributes to a numeral.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Word {
    /// `zero`, `nought`: a numeral on its own, or before `point`.
    Zero,
    /// `one` .. `nine`.
    Unit(u8),
    /// `ten` .. `nineteen`.
    Teen(u8),
    /// `twenty` .. `ninety`.
    Tens(u8),
    /// `hundred`: multiplies the group before it.
    Hundred,
    /// `thousand`, `million`, `lakh`...: closes a group and multiplies it.
    Scale(Decimal),
    /// `dozen`: times twelve.
    Dozen,
    /// `half` (`half a dozen`, `half a million`).
    Half,
    /// `quarter` (`a quarter million`).
    Quarter,
    /// `and`, inside a numeral only after `hundred` or a scale word.
    And,
    /// `point`: the digits after it are decimals (`two point five`).
    Point,
    /// `a`, `an`: one, before `hundred`, a scale word or `dozen` only.
    A,
    /// `minus`, `negative`.
    Minus,
}

/// Number words, lower case.
pub const NUMBER_WORDS: &[(&str, Word)] = &[
    ("zero", Word::Zero),
    ("nought", Word::Zero),
    ("naught", Word::Zero),
    ("one", Word::Unit(1)),
    ("two", Word::Unit(2)),
    ("three", Word::Unit(3)),
    ("four", Word::Unit(4)),
    ("five", Word::Unit(5)),
    ("six", Word::Unit(6)),
    ("seven", Word::Unit(7)),
    ("eight", Word::Unit(8)),
    ("nine", Word::Unit(9)),
    ("ten", Word::Teen(10)),
    ("eleven", Word::Teen(11)),
    ("twelve", Word::Teen(12)),
    ("thirteen", Word::Teen(13)),
    ("fourteen", Word::Teen(14)),
    ("fifteen", Word::Teen(15)),
    ("sixteen", Word::Teen(16)),
    ("seventeen", Word::Teen(17)),
    ("eighteen", Word::Teen(18)),
    ("nineteen", Word::Teen(19)),
    ("twenty", Word::Tens(20)),
    ("thirty", Word::Tens(30)),
    ("forty", Word::Tens(40)),
    ("fourty", Word::Tens(40)),
    ("fifty", Word::Tens(50)),
    ("sixty", Word::Tens(60)),
    ("seventy", Word::Tens(70)),
    ("eighty", Word::Tens(80)),
    ("ninety", Word::Tens(90)),
    ("hundred", Word::Hundred),
    ("thousand", Word::Scale(Decimal::pow10(3))),
    ("lakh", Word::Scale(Decimal::pow10(5))),
    ("lakhs", Word::Scale(Decimal::pow10(5))),
    ("lac", Word::Scale(Decimal::pow10(5))),
    ("million", Word::Scale(Decimal::pow10(6))),
    ("crore", Word::Scale(Decimal::pow10(7))),
    ("crores", Word::Scale(Decimal::pow10(7))),
    ("billion", Word::Scale(Decimal::pow10(9))),
    ("trillion", Word::Scale(Decimal::pow10(12))),
    ("dozen", Word::Dozen),
    ("dozens", Word::Dozen),
    ("doz", Word::Dozen),
    ("dozs", Word::Dozen),
    ("dz", Word::Dozen),
    ("dzs", Word::Dozen),
    ("half", Word::Half),
    ("quarter", Word::Quarter),
    ("and", Word::And),
    ("point", Word::Point),
    ("a", Word::A),
    ("an", Word::A),
    ("minus", Word::Minus),
    ("negative", Word::Minus),
];

/// Abbreviated scales written after digits, attached (`10k`, `1.2bn`) or after
/// one space (`2.33 k`, `10 bln`). Matched case-sensitively: `M` is a million but
/// `m` is a metre (`1m`), except after a currency, where `money` allows it.
pub const SCALE_SUFFIXES: &[(&str, Decimal)] = &[
    ("k", Decimal::pow10(3)),
    ("K", Decimal::pow10(3)),
    ("M", Decimal::pow10(6)),
    ("MM", Decimal::pow10(6)),
    ("mn", Decimal::pow10(6)),
    ("Mn", Decimal::pow10(6)),
    ("MN", Decimal::pow10(6)),
    ("mln", Decimal::pow10(6)),
    ("Mln", Decimal::pow10(6)),
    ("mil", Decimal::pow10(6)),
    ("bn", Decimal::pow10(9)),
    ("Bn", Decimal::pow10(9)),
    ("BN", Decimal::pow10(9)),
    ("bln", Decimal::pow10(9)),
    ("Bln", Decimal::pow10(9)),
    ("tn", Decimal::pow10(12)),
    ("trn", Decimal::pow10(12)),
    ("tln", Decimal::pow10(12)),
    ("Tn", Decimal::pow10(12)),
];

/// Words that make a following `one` a pronoun (`the one`, `which one`), not a
/// number.
pub const PRONOUN_ONE_BEFORE: &[&str] = &[
    "the", "this", "that", "which", "each", "every", "any", "no", "some", "another", "someone", "anyone", "little",
    "only",
];

/// Number words bucketed by first letter (ASCII) and length (below 32): the
/// scanner asks about every word of a text, and most words leave after one
/// indexed lookup.
static WORDS: LazyLock<Vec<Vec<(&'static str, Word)>>> = LazyLock::new(|| {
    let mut buckets = vec![Vec::new(); 128 * 32];
    for &(w, kind) in NUMBER_WORDS {
        assert!(w.is_ascii() && w.len() < 32, "number words are short and ASCII");
        buckets[bucket(w.as_bytes()[0], w.len())].push((w, kind));
    }
    buckets
});

fn bucket(first: u8, len: usize) -> usize {
    usize::from(first) * 32 + len
}

/// Whether some number word has these first two letters (ASCII lower case;
/// `second` is unused for one letter) and this length: when none has, the
/// word is none. The first letter alone let `the`, `as`, `from`,
/// `sanctions` through, two thirds of the words looked up in news text.
#[inline(always)]
pub fn may_be_word(first: u8, second: u8, len: usize) -> bool {
    /// Bit `len` per pair of lower-case letters `(first, second)`, `second`
    /// 0 for a one-letter word; made at compile time from `NUMBER_WORDS`.
    static LENGTHS: [u32; 26 * 27] = {
        let mut lengths = [0u32; 26 * 27];
        let mut k = 0;
        while k < NUMBER_WORDS.len() {
            let word = NUMBER_WORDS[k].0.as_bytes();
            assert!(word.len() < 32, "number words are short");
            let mut w = 0;
            while w < word.len() {
                assert!(word[w].is_ascii_lowercase(), "number words are lower-case letters");
                w += 1;
            }
            let second = if word.len() > 1 { word[1] - b'a' + 1 } else { 0 };
            lengths[(word[0] - b'a') as usize * 27 + second as usize] |= 1 << word.len();
            k += 1;
        }
        lengths
    };
    if !first.is_ascii_lowercase() || len >= 32 || len == 0 {
        return false;
    }
    let second = if len > 1 {
        if !second.is_ascii_lowercase() {
            return false;
        }
        second - b'a' + 1
    } else {
        0
    };
    LENGTHS[usize::from(first - b'a') * 27 + usize::from(second)] & (1 << len) != 0
}

/// The number word `lower` (ASCII lower case, as bytes: the scanner
/// lower-cases into a buffer), if it is one.
pub fn word(lower: &[u8]) -> Option<Word> {
    let first = *lower.first()?;
    if !first.is_ascii() || lower.len() >= 32 {
        return None;
    }
    WORDS[bucket(first, lower.len())]
        .iter()
        .find(|(w, _)| w.as_bytes() == lower)
        .map(|&(_, kind)| kind)
}

/// The multiplier of a scale abbreviation, exact case.
pub fn scale_suffix(s: &str) -> Option<Decimal> {
    SCALE_SUFFIXES.iter().find(|(k, _)| *k == s).map(|&(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_number_word_passes_the_gate_and_is_found() {
        for &(w, kind) in NUMBER_WORDS {
            assert!(
                may_be_word(w.as_bytes()[0], *w.as_bytes().get(1).unwrap_or(&0), w.len()),
                "{w}"
            );
            assert_eq!(word(w.as_bytes()), Some(kind), "{w}");
        }
        // No number word is eleven letters long, none starts with `q`,
        // none is `th` and three letters.
        assert!(!may_be_word(b't', b'w', 11) && !may_be_word(b'q', b'u', 5) && !may_be_word(b't', b'h', 3));
        assert_eq!(word(b"thee"), None);
        assert_eq!(word("é".as_bytes()), None);
    }
}
