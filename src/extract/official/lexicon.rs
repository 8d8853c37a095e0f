//! The official lexicon: the words the official rules read around a title
//! phrase that are no title words themselves. Data only; `rules` reads it.
//! Title heads, modifiers, verbs of attribution and name particles are in
//! `extract/lexicon/titles.rs`.

/// Words after which a title phrase ends, lower case (`Ryan Yoon, a Senior
/// Analyst at Tiger Research`, `an official who`): `rules::title_phrase`
/// (appositions, colons, brackets), `rules::phrase_ends` (a lower-case head
/// must end its phrase) and `rules::lower_complement` (`head of research`).
pub(super) const TITLE_STOPS: &[&str] = &[
    "at", "of", "for", "with", "in", "on", "from", "who", "whom", "whose", "which", "that", "based", "and", "since",
    "named", "linked", "to", "has", "had", "have", "is", "was", "said", "says", "told", "added", "until", "during",
    "when", "while", "after", "before", "under", "also",
];

/// Adverbs between a name's comma and its apposition's title (`NAME,
/// formerly an Apple Inc. executive`), skipped: `rules::apposition`.
pub(super) const APPOSITION_ADVERBS: &[&str] = &["formerly", "now", "currently", "previously", "also", "once"];

/// Abbreviated title heads and the titles they stand for, written out in a
/// plural title's officials (`Sens. Ted Cruz and Marco Rubio`: each a
/// `Senator`), as annotators write them.
pub(super) const TITLE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("sen.", "Senator"),
    ("rep.", "Representative"),
    ("gov.", "Governor"),
    ("gen.", "General"),
];

/// Prepositions before a place (`in New York, Iranian President ...`): a
/// capitalised pair after one is a place, not a person's name with its
/// apposition: `rules::title_before_name`.
pub(super) const PLACE_PREPOSITIONS: &[&str] = &["in", "In", "at", "At", "from", "From", "near", "Near", "to"];
