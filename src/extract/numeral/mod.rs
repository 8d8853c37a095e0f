//! Numerals: numbers written in digits, words or both, with their values.
//!
//! The layer the money, count and date extractors share (Duckling's
//! "dependencies declared once": they all read numbers through [`scan`]).
//! It knows nothing of what is counted or paid; it only says where a number
//! is and what it is worth: `1,234,567`, `12,34,567` (Indian grouping), `.08`,
//! `10k`, `1.2bn`, `twenty-six`, `two hundred and two thousand`, `a dozen`,
//! `half a million`, `4 thousand 3 hundred and 21`, `minus five point five`.
//!
//! Not numerals: ordinals (`4th`, `first`), measures with a glued unit
//! (`29km`), `a` or `an` alone, `one` as a pronoun (`the one`, `which one`).
//! Digits with glued letters are still reported by [`scan`] (with
//! [`Numeral::glued`] set), because money reads `115USD`; [`find`] drops them.
//!
//! - `lexicon.rs`: number words, scale words, scale abbreviations.
//! - `rules.rs`: the scanner (where numerals are).
//! - `resolve.rs`: the grammar of English numerals (what they are worth).
//! - `examples.rs`: the examples, positive and negative.

mod lexicon;
mod resolve;
mod rules;

#[cfg(test)]
mod examples;

pub(crate) use rules::at;
pub use rules::scan;

use crate::decimal::Decimal;
use crate::rule::Spec;
use std::ops::Range;

/// How a numeral is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `1,234`, `10k`, `1.5`.
    Digits,
    /// `twenty-six`, `a dozen`.
    Words,
    /// `1.5 million`, `3 hundred and 21`.
    Mixed,
}

impl Form {
    /// Every form.
    #[cfg(test)]
    pub(crate) const ALL: [Form; 3] = [Form::Digits, Form::Words, Form::Mixed];

    /// The numeral rule of the form: its name (the `rule` of the numeral),
    /// examples (values as decimals) and negatives.
    pub(crate) const fn spec(self) -> Spec {
        match self {
            Form::Digits => Spec::new(
                "numeral.digits",
                &[
                    ("There are [12,567] words", "12567"),
                    ("sales of [1.2bn] a year", "1200000000"),
                ],
                &["the 180ml liquid", "an A320 and F35s in the 1990s", " the May 4th "],
            ),
            Form::Words => Spec::new(
                "numeral.words",
                &[("[twenty-six] people", "26"), ("[a dozen] ships", "12")],
                &[
                    "The one you mentioned is invalid",
                    "dozens of people, hundreds of millions of dollars",
                ],
            ),
            Form::Mixed => Spec::new(
                "numeral.mixed",
                &[("[1.5 million] barrels", "1500000"), ("[3 hundred and 21]", "321")],
                &["1m isn't a number."],
            ),
        }
    }
}

/// The numeral rules and how the corpus test finds their items (values as
/// decimals).
#[cfg(test)]
pub(crate) fn rule_dimension() -> crate::rule::tests::Dimension {
    crate::rule::tests::Dimension {
        name: "numerals",
        marked: true,
        specs: Form::ALL.iter().map(|f| f.spec()).collect(),
        find: |text| {
            find(text)
                .into_iter()
                .map(|n| crate::rule::tests::Found {
                    rule: n.rule.to_string(),
                    value: serde_json::to_string(&n.value).expect("a value serializes"),
                    bytes: n.bytes,
                })
                .collect()
        },
    }
}

/// One numeral found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Numeral {
    /// Byte range of the numeral in the text, scale words included.
    pub bytes: Range<usize>,
    /// The value, exact (`1.2bn` is 1200000000, not `1.2 * 1e9` in `f64`).
    pub value: Decimal,
    /// The value is whole.
    pub integer: bool,
    /// Digits, words or both.
    pub form: Form,
    /// A scale word or abbreviation multiplied it (`2 million`, `10k`).
    pub scaled: bool,
    /// The multiplier of its last scale word (`1e9` for `4.5 billion`, `1e3`
    /// for `three hundred thousand`); 1 when unscaled. A range's first bound
    /// borrows it (`$3-4 billion`).
    pub scale: Decimal,
    /// Written with thousands separators (`1,234`, `40 000`).
    pub grouped: bool,
    /// Letters glued right after the digits that are no scale (`th` of `4th`,
    /// `km` of `29km`, `USD` of `115USD`); empty for a plain numeral.
    pub glued: Range<usize>,
    /// The rule that read it (`numeral.digits`, `numeral.words`, `numeral.mixed`).
    pub rule: &'static str,
}

/// The plain numerals of `text`: [`scan`] without the numbers that have
/// letters glued to them (ordinals, measures, codes).
pub fn find(text: &str) -> Vec<Numeral> {
    let mut all = scan(text);
    all.retain(|n| n.glued.is_empty());
    all
}

/// The value of `text` when all of it is one numeral (`five`, `1,200`,
/// `twenty-one`), else `None`; as an `f64`, for counting.
pub fn value_of(text: &str) -> Option<f64> {
    let trimmed = text.trim();
    let found = scan(trimmed);
    match found.as_slice() {
        [one] if one.bytes == (0..trimmed.len()) && one.glued.is_empty() => Some(one.value.to_f64()),
        _ => None,
    }
}
