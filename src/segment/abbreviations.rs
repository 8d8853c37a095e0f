//! Abbreviations of English news writing, as data.
//!
//! A period after one of these does not end a sentence by itself. `Title`
//! abbreviations stand before a name or a number (`Gen. Kim`, `No. 5`) and never
//! end a sentence; `Ambiguous` ones (`U.S.`, `Inc.`, `Nov.`) end one only when
//! the next word is a typical sentence opener ([`STARTERS`]).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Title,
    Ambiguous,
}

/// Abbreviations without their final period, case-sensitive.
pub const ABBREVIATIONS: &[(&str, Kind)] = &[
    // Titles and ranks.
    ("Mr", Kind::Title),
    ("Mrs", Kind::Title),
    ("Ms", Kind::Title),
    ("Messrs", Kind::Title),
    ("Dr", Kind::Title),
    ("Prof", Kind::Title),
    ("Gen", Kind::Title),
    ("Lt", Kind::Title),
    ("Col", Kind::Title),
    ("Maj", Kind::Title),
    ("Capt", Kind::Title),
    ("Cmdr", Kind::Title),
    ("Cdr", Kind::Title),
    ("Sgt", Kind::Title),
    ("Adm", Kind::Title),
    ("Brig", Kind::Title),
    ("Gov", Kind::Title),
    ("Sen", Kind::Title),
    ("Sens", Kind::Title),
    ("Rep", Kind::Title),
    ("Reps", Kind::Title),
    ("Rev", Kind::Title),
    ("Hon", Kind::Title),
    ("Pres", Kind::Title),
    ("Amb", Kind::Title),
    ("Supt", Kind::Title),
    ("Insp", Kind::Title),
    ("Fr", Kind::Title),
    ("St", Kind::Title),
    ("Mt", Kind::Title),
    ("Ft", Kind::Title),
    // References to numbered things.
    ("No", Kind::Title),
    ("Nos", Kind::Title),
    ("Art", Kind::Title),
    ("Sec", Kind::Title),
    ("Para", Kind::Title),
    ("Vol", Kind::Title),
    ("Fig", Kind::Title),
    ("Dept", Kind::Title),
    ("vs", Kind::Title),
    ("v", Kind::Title),
    ("approx", Kind::Title),
    ("ca", Kind::Title),
    ("cf", Kind::Title),
    ("e.g", Kind::Title),
    ("i.e", Kind::Title),
    // May end a sentence.
    ("Jr", Kind::Ambiguous),
    ("Sr", Kind::Ambiguous),
    ("Inc", Kind::Ambiguous),
    ("Corp", Kind::Ambiguous),
    ("Co", Kind::Ambiguous),
    ("Ltd", Kind::Ambiguous),
    ("Bros", Kind::Ambiguous),
    ("etc", Kind::Ambiguous),
    ("pct", Kind::Ambiguous),
    ("Jan", Kind::Ambiguous),
    ("Feb", Kind::Ambiguous),
    ("Mar", Kind::Ambiguous),
    ("Apr", Kind::Ambiguous),
    ("Jun", Kind::Ambiguous),
    ("Jul", Kind::Ambiguous),
    ("Aug", Kind::Ambiguous),
    ("Sep", Kind::Ambiguous),
    ("Sept", Kind::Ambiguous),
    ("Oct", Kind::Ambiguous),
    ("Nov", Kind::Ambiguous),
    ("Dec", Kind::Ambiguous),
    ("Mon", Kind::Ambiguous),
    ("Tue", Kind::Ambiguous),
    ("Tues", Kind::Ambiguous),
    ("Wed", Kind::Ambiguous),
    ("Thu", Kind::Ambiguous),
    ("Thur", Kind::Ambiguous),
    ("Thurs", Kind::Ambiguous),
    ("Fri", Kind::Ambiguous),
    ("Sat", Kind::Ambiguous),
    ("Sun", Kind::Ambiguous),
];

/// Words that typically open a sentence: after an ambiguous abbreviation, one of
/// these means the abbreviation ended the sentence (`... from the U.S. The ...`).
pub const STARTERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Also",
    "Among",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "But",
    "By",
    "Despite",
    "During",
    "Earlier",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Meanwhile",
    "Moreover",
    "Now",
    "On",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "We",
    "What",
    "When",
    "While",
    "With",
    "Yet",
    "You",
];

/// How a token before a period (without that period) behaves, if it is an
/// abbreviation: table entries, dotted acronyms (`U.S`, `D.C`, `a.m`) and
/// single-letter initials (`E` in `Brian E. Nelson`).
pub fn kind(token: &str) -> Option<Kind> {
    if let Some((_, kind)) = ABBREVIATIONS.iter().find(|(a, _)| *a == token) {
        return Some(*kind);
    }
    let bytes = token.as_bytes();
    let dotted = bytes.len() >= 3
        && bytes.iter().enumerate().all(|(i, b)| {
            if i % 2 == 0 {
                b.is_ascii_alphabetic()
            } else {
                *b == b'.'
            }
        });
    let initial = bytes.len() == 1 && bytes[0].is_ascii_uppercase();
    (dotted || initial).then_some(Kind::Ambiguous)
}
