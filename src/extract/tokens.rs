//! Word tokens for the name rules (entities, officials): words with their
//! byte ranges, the kind of each, and the space before it.
//!
//! Names are shapes of capitalised words, so the rules walk tokens rather than
//! characters. The tokeniser keeps what names are made of inside one token
//! (hyphens: `Ji-na`, `IRGC-QF`, `al-Razek`; inner apostrophes: `O'Brien`;
//! initials and dotted abbreviations: `K.`, `U.S.`; title abbreviations:
//! `Sen.`, `Corp.`) and splits off what is not (possessive `'s`, punctuation).
//! One pass, no allocation per token beyond the output vector; each word's
//! entry in the word tables is looked up once, here (`WordInfo`).

use crate::extract::lexicon::{WordInfo, word_info, word_info_at};
use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and digits, hyphens, inner apostrophes): `Kim`, `Ji-na`, `said`.
    Word,
    /// A capital letter with a period, or several: `E.`, `U.S.`, `D.P.R.K.`.
    Initial,
    /// Digits, with inner `,` or `.`: `840`, `2.2`.
    Number,
    /// `'s` or a bare `'` after a plural.
    Possessive,
    /// Any other character that is not a space.
    Punct,
}

/// The whitespace before a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// None: the token touches the one before (`Kim` `'s`), or starts the text.
    None,
    /// Spaces or tabs, no line break.
    Space,
    /// At least one line break: names never run across it.
    Newline,
}

/// One token of the clean text: a word, an initial, a number or a punctuation
/// mark, made by [`tokenize`] and read by the name rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub(crate) text: &'a str,
    /// Its byte range in the text.
    pub(crate) range: Range<usize>,
    /// What it is made of.
    pub(crate) kind: Kind,
    /// The whitespace before it.
    pub(crate) gap: Gap,
    /// What the word tables say of a word or initial (empty for the rest).
    pub(crate) info: WordInfo,
    /// Of a word: the [`BYTE_CLASS`] bits of its bytes after the first
    /// (from the first letter on in a code like `13382a`; [`NON_ASCII`] of
    /// the first too), and [`HYPHEN`], as the tokeniser saw them while
    /// finding its end: `has_lowercase` and `has_hyphen` need no second scan.
    shape: u8,
}

impl Token<'_> {
    /// A word or initial whose first character is an upper-case letter.
    pub(crate) fn is_capitalized(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Initial)
            && match self.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.text.chars().next().is_some_and(char::is_uppercase),
            }
    }

    /// A word of lower-case letters only (`said`, `of`).
    pub(crate) fn is_lower_word(&self) -> bool {
        self.kind == Kind::Word
            && match self.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => self.text.chars().next().is_some_and(char::is_lowercase),
            }
    }

    /// Whether the token holds a lower-case letter (`w.chars().any(char::is_lowercase)`):
    /// for a word, known from the tokeniser's scan unless it has letters
    /// beyond ASCII.
    #[inline]
    pub(crate) fn has_lowercase(&self) -> bool {
        if self.kind != Kind::Word {
            return self.text.chars().any(char::is_lowercase);
        }
        self.shape & LOWER != 0
            || self.text.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            || (self.shape & NON_ASCII != 0 && self.text.chars().any(char::is_lowercase))
    }

    /// Whether the token holds a hyphen (`Ji-na`, `al-Assad`).
    #[inline]
    pub(crate) fn has_hyphen(&self) -> bool {
        if self.kind != Kind::Word {
            return self.text.contains('-');
        }
        self.shape & HYPHEN != 0
    }

    /// Whether the token is the punctuation character `c`.
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// An all-capitals word of two or more letters (`OFAC`, `KMCTC`, `IRGC-QF`).
    pub(crate) fn is_acronym(&self) -> bool {
        self.kind == Kind::Word
            && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && self
                .text
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '&')
    }
}

/// Abbreviations that keep their period inside the token.
const DOTTED: &[&str] = &[
    "Sen", "Sens", "Gen", "Rep", "Reps", "Gov", "Col", "Lt", "Dr", "Mr", "Mrs", "Ms", "Prof", "Corp", "Co", "Inc",
    "Ltd", "Jr", "Sr", "St", "Adm", "Capt", "Maj", "Sgt", "Amb", "Dept", "Rt", "Hon", "Rev",
];

/// Splits `text` into tokens: whitespace sets the gap before the next token;
/// anything else starts one ([`token_at`]).
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut gap = Gap::None;
    while i < text.len() {
        let b = bytes[i];
        if b == b' ' {
            if gap == Gap::None {
                gap = Gap::Space;
            }
            i += 1;
            continue;
        }
        let c = if b.is_ascii() {
            b as char
        } else {
            text[i..].chars().next().expect("in bounds")
        };
        if c.is_whitespace() {
            if c == '\n' {
                gap = Gap::Newline;
            } else if gap == Gap::None {
                gap = Gap::Space;
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let (end, kind, shape) = token_at(text, start, c, out.last());
        i = end;
        let word = &text[start..end];
        let info = match kind {
            Kind::Word if shape & SCANNED != 0 => word_info_at(text, start..end, shape & (UPPER | NON_ASCII) != 0),
            Kind::Word | Kind::Initial => word_info(word),
            _ => WordInfo::default(),
        };
        out.push(Token {
            text: word,
            range: start..end,
            kind,
            gap,
            info,
            shape,
        });
        gap = Gap::None;
    }
    out
}

/// The token starting at `start` with character `c` (after the token
/// `last`, if any): its end, its kind and its shape. The shape is what
/// `word_end` saw of a word; with [`SCANNED`] when the token is that scan's
/// word, so that its case for the word tables is known.
#[inline(always)]
fn token_at(text: &str, start: usize, c: char, last: Option<&Token>) -> (usize, Kind, u8) {
    let bytes = text.as_bytes();
    if c.is_alphabetic() {
        let (mut end, seen) = word_end(text, start);
        let kind = dotted(text, start, &mut end);
        // A title abbreviation's period changes no case; an initial's
        // letters after the first do.
        let shape = if kind == Kind::Word { seen | SCANNED } else { seen };
        (end, kind, shape)
    } else if c.is_ascii_digit() {
        number_at(text, start)
    } else if c == '\''
        && (text[start + 1..].starts_with('s') || text[start + 1..].starts_with('S'))
        && !text[start + 2..].starts_with(char::is_alphanumeric)
        && start > 0
    {
        (start + 2, Kind::Possessive, 0)
    } else if c == '\'' && start > 0 && bytes[start - 1] == b's' && last.is_some_and(|t| t.range.end == start) {
        (start + 1, Kind::Possessive, 0)
    } else {
        (start + c.len_utf8(), Kind::Punct, 0)
    }
}

/// A token starting with a digit at `start`: a number (digits with inner `,`
/// or `.`), or an alphanumeric code (`G7`, `APT38`, `13382a`), which stays
/// whole as a word. Its end, kind and shape.
#[inline(always)]
fn number_at(text: &str, start: usize) -> (usize, Kind, u8) {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < text.len() {
        let b = bytes[i];
        if b.is_ascii_digit() || ((b == b',' || b == b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            i += 1;
        } else {
            break;
        }
    }
    if text[i..].starts_with(char::is_alphabetic) {
        // The first letter is no first byte of the token: its class counts.
        let letter = BYTE_CLASS[usize::from(bytes[i])];
        let (end, seen) = word_end(text, i);
        (end, Kind::Word, seen | letter)
    } else {
        (i, Kind::Number, 0)
    }
}

/// What a byte is to `word_end`: an ASCII letter or digit, an ASCII capital,
/// a byte of a non-ASCII character, an ASCII lower-case letter.
const ALNUM: u8 = 1;
const UPPER: u8 = 1 << 1;
const NON_ASCII: u8 = 1 << 2;
const LOWER: u8 = 1 << 3;
/// Not byte classes: a word's shape has this when the word holds a hyphen...
const HYPHEN: u8 = 1 << 4;
/// ...and this when [`word_end`] scanned it from its first byte to its end.
const SCANNED: u8 = 1 << 5;

/// The classes of each byte, one look-up where `word_end` would test a range
/// or two per byte.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() { ALNUM } else { 0 }
            | if byte.is_ascii_uppercase() { UPPER } else { 0 }
            | if byte.is_ascii() { 0 } else { NON_ASCII }
            | if byte.is_ascii_lowercase() { LOWER } else { 0 };
        b += 1;
    }
    table
};

/// The end of a word starting at `i`: letters and digits, with inner hyphens
/// and apostrophes (not a possessive `'s`). With it, the classes of the
/// bytes after the first ([`NON_ASCII`] of the first too), and [`HYPHEN`]:
/// the word is in an odd case for [`word_info_at`] if they hold [`UPPER`]
/// or [`NON_ASCII`].
// Called once per word: inlined (docs/performance.md has what it saves).
#[inline(always)]
fn word_end(text: &str, mut i: usize) -> (usize, u8) {
    let bytes = text.as_bytes();
    // The first byte counts only if it is not ASCII.
    let mut seen = bytes.get(i).map_or(0, |&b| BYTE_CLASS[b as usize] & NON_ASCII);
    if seen == 0 {
        i += 1;
    }
    while i < text.len() {
        // ASCII letters and digits without decoding.
        let b = bytes[i];
        let class = BYTE_CLASS[b as usize];
        if class & ALNUM != 0 {
            seen |= class;
            i += 1;
            continue;
        }
        // Other ASCII ends the word, but for an inner hyphen or apostrophe.
        if class & NON_ASCII == 0 && b != b'-' && b != b'\'' {
            break;
        }
        let c = text[i..].chars().next().expect("in bounds");
        if c.is_alphanumeric() {
            seen |= class;
            i += c.len_utf8();
        } else if (c == '-' || c == '\'') && text[i + 1..].starts_with(char::is_alphanumeric) {
            let possessive = c == '\''
                && matches!(bytes.get(i + 1), Some(b's' | b'S'))
                && !text[i + 2..].starts_with(char::is_alphanumeric);
            if possessive {
                break;
            }
            if c == '-' {
                seen |= HYPHEN;
            }
            i += 1;
        } else {
            break;
        }
    }
    (i, seen)
}

/// After a word `text[start..*end]`: takes in the period of an initial
/// (`K.`), of a dotted abbreviation (`U.S.`, `D.P.R.K.`) or of a title
/// abbreviation (`Sen.`), and says which kind the token is.
fn dotted(text: &str, start: usize, end: &mut usize) -> Kind {
    let bytes = text.as_bytes();
    let word = &text[start..*end];
    let single_capital = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
    if bytes.get(*end) != Some(&b'.') {
        return Kind::Word;
    }
    if single_capital {
        *end += 1;
        // More letters with periods: `U.S.`, `D.P.R.K.`.
        while *end + 1 < text.len() && bytes[*end].is_ascii_uppercase() && bytes[*end + 1] == b'.' {
            *end += 2;
        }
        return Kind::Initial;
    }
    if DOTTED.contains(&word) {
        *end += 1;
    }
    Kind::Word
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::picker;

    fn check(text: &str, expected: &[(&str, Kind)]) {
        let got: Vec<(&str, Kind)> = tokenize(text).iter().map(|t| (t.text, t.kind)).collect();
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn names_stay_whole() {
        use Kind::*;
        check(
            "Kim Ji-na, John K. Hurley and O'Brien",
            &[
                ("Kim", Word),
                ("Ji-na", Word),
                (",", Punct),
                ("John", Word),
                ("K.", Initial),
                ("Hurley", Word),
                ("and", Word),
                ("O'Brien", Word),
            ],
        );
        check("Abd al-Razek", &[("Abd", Word), ("al-Razek", Word)]);
        check("Sen. Smith", &[("Sen.", Word), ("Smith", Word)]);
    }

    #[test]
    fn possessives_and_abbreviations_split() {
        use Kind::*;
        check(
            "Korea's Workers' Party",
            &[
                ("Korea", Word),
                ("'s", Possessive),
                ("Workers", Word),
                ("'", Possessive),
                ("Party", Word),
            ],
        );
        check(
            "U.S.-sanctioned DPRK-related G7",
            &[
                ("U.S.", Initial),
                ("-", Punct),
                ("sanctioned", Word),
                ("DPRK-related", Word),
                ("G7", Word),
            ],
        );
        check(
            "in 2021. Then",
            &[("in", Word), ("2021", Number), (".", Punct), ("Then", Word)],
        );
        check("$3.5 billion", &[("$", Punct), ("3.5", Number), ("billion", Word)]);
        check("'quoted'", &[("'", Punct), ("quoted", Word), ("'", Punct)]);
    }

    #[test]
    fn gaps() {
        let tokens = tokenize("One\nTwo three");
        assert_eq!(
            tokens.iter().map(|t| t.gap).collect::<Vec<_>>(),
            [Gap::None, Gap::Newline, Gap::Space]
        );
        assert!(tokenize("é").len() == 1 && tokenize("").is_empty());
        assert!(tokenize("x'").iter().all(|t| !t.text.is_empty()));
    }

    #[test]
    fn byte_classes() {
        for b in 0..=255u8 {
            let class = BYTE_CLASS[b as usize];
            assert_eq!(class & ALNUM != 0, b.is_ascii_alphanumeric(), "{b}");
            assert_eq!(class & UPPER != 0, b.is_ascii_uppercase(), "{b}");
            assert_eq!(class & NON_ASCII != 0, !b.is_ascii(), "{b}");
            assert_eq!(class & LOWER != 0, b.is_ascii_lowercase(), "{b}");
        }
    }

    #[test]
    fn word_ends_know_the_case() {
        for (text, end, odd) in [
            ("said", 4, false),
            ("Minister,", 8, false),
            ("MINISTER ", 8, true),
            ("Ji-Na.", 5, true),
            ("Zürich", 7, true),
            ("État", 5, true),
            ("Korea's", 5, false),
            ("Kim—", 3, false),
            ("Kim’s", 3, false),
        ] {
            assert_eq!(word_end(text, 0).0, end, "{text}");
            assert_eq!(word_end(text, 0).1 & (UPPER | NON_ASCII) != 0, odd, "{text}");
            assert_eq!(odd, crate::extract::lexicon::is_odd_case(&text[..end]), "{text}");
        }
    }

    /// A word's shape, learnt while finding its end, answers as a scan of
    /// its text would, on texts of words, digits, hyphens, apostrophes,
    /// periods and letters beyond ASCII in both cases.
    #[test]
    fn shapes_agree_with_a_scan_of_the_text() {
        let parts = [
            "a", "Z", "kim", "KIM", "-", "'", "'s", ".", "7", "1,5", "é", "É", "ß", "Σ", "σ", "ǅ", "Ⅻ", "ⅻ", "İ", "ı",
            " ", "\n", ",", "—", "U.S.", "Sen.", "al-", "0x",
        ];
        let mut next = picker(3);
        let (mut lower, mut hyphen, mut words) = (0, 0, 0);
        for _ in 0..20_000 {
            let text: String = (0..1 + next(10)).map(|_| parts[next(parts.len())]).collect();
            for t in tokenize(&text) {
                assert_eq!(
                    t.has_lowercase(),
                    t.text.chars().any(char::is_lowercase),
                    "{:?} in {text:?}",
                    t.text
                );
                assert_eq!(t.has_hyphen(), t.text.contains('-'), "{:?} in {text:?}", t.text);
                if t.kind == Kind::Word {
                    words += 1;
                    lower += usize::from(t.has_lowercase());
                    hyphen += usize::from(t.has_hyphen());
                }
            }
        }
        // Every character up to U+3000 alone, after a capital and before one
        // (`Ⅻ` is upper case and no letter, `ǅ` title case, `ß` lower case).
        for c in (0..0x3000).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("A{c}"), format!("{c}É"), format!("a-{c}")] {
                for t in tokenize(&text) {
                    assert_eq!(t.has_lowercase(), t.text.chars().any(char::is_lowercase), "{text:?}");
                    assert_eq!(t.has_hyphen(), t.text.contains('-'), "{text:?}");
                }
            }
        }
        // Words of every kind were seen.
        assert!(
            words > 20_000 && lower > 5_000 && words - lower > 5_000 && hyphen > 2_000,
            "{words} {lower} {hyphen}"
        );
    }

    #[test]
    fn acronyms() {
        let tokens = tokenize("OFAC IRGC-QF Kim G7 A");
        let flags: Vec<bool> = tokens.iter().map(Token::is_acronym).collect();
        assert_eq!(flags, [true, true, false, false, false]);
    }
}
