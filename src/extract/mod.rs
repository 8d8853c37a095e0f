//! Extract: rule-based extractors over the clean text of one article.
//!
//! One dimension, one module: its rules (plain data: a name, a pattern, a
//! production), its resolution step (text to value, given the article's
//! context) and its examples (positive, with expected values, and negative)
//! side by side. Every item carries the name of the rule that made it.
//! Extractors see an [`Article`] and return record items with code-point
//! spans; they never do I/O.

mod article;
pub mod count;
pub mod date;
pub mod entity;
pub(crate) mod lexicon;
pub mod money;
pub mod numeral;
pub mod official;
pub mod spans;
pub mod tokens;

pub use article::{Article, parse_published};

use crate::record::{Amount, Count, DateMention, Official};

/// The mentions found in one article, before events are assembled from them.
#[derive(Debug, Clone, Default)]
pub struct Extractions {
    /// The record's officials.
    pub officials: Vec<Official>,
    /// The record's counts.
    pub counts: Vec<Count>,
    /// The record's amounts.
    pub amounts: Vec<Amount>,
    /// The record's dates.
    pub dates: Vec<DateMention>,
    /// What the entity extractor found: the record's entities (`found.entities`)
    /// and, for event assembly, their mentions as byte ranges, lexicon entries
    /// and demonyms.
    pub found: entity::Found,
}

/// Runs every extractor over an article.
pub fn all(article: &Article) -> Extractions {
    let words = tokens::tokenize(article.text);
    let found = entity::find_in(article, &words);
    let officials = official::extract_in(article, &words, &found);
    // Numerals are read once; sums and dates claim theirs before counts.
    let numerals = numeral::scan(article.text);
    let sums = money::find(article.text, &numerals);
    let money_spans = spans::Claimed::new(sums.iter().map(|m| m.bytes.clone()));
    let dated = date::find(article.text, &article.sentences, article.published, &money_spans);
    let taken = spans::Claimed::new(
        sums.iter()
            .map(|m| m.bytes.clone())
            .chain(dated.iter().map(|d| d.bytes.clone())),
    );
    let counted = count::find(article.text, &numerals, &taken);
    Extractions {
        counts: count::counts(article, &counted),
        amounts: money::amounts(article, &sums),
        dates: date::dates(article, &dated),
        officials,
        found,
    }
}

/// Whether `b` is a word byte as `(?-u:\b)` reads one: an ASCII letter,
/// digit or `_`. Asked of every word's neighbours by the numeral scanner and
/// of needed words' starts by event assembly: one table load instead of
/// range tests (docs/performance.md).
pub(crate) fn is_word_byte(b: u8) -> bool {
    static WORD_BYTES: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
            b += 1;
        }
        table
    };
    WORD_BYTES[usize::from(b)]
}

#[cfg(test)]
mod tests {
    use super::is_word_byte;

    #[test]
    fn word_bytes_are_ascii_alphanumerics_and_underscore() {
        for b in 0..=255u8 {
            assert_eq!(is_word_byte(b), b.is_ascii_alphanumeric() || b == b'_', "{b}");
        }
    }
}
