//! Normalise: turn the raw text of an article into the clean text that every span
//! of the record indexes.
//!
//! The clean text is one paragraph per line, single spaces, ASCII quotes and
//! dashes, split abbreviations repaired (`U. S.` -> `U.S.`) and page furniture
//! lines dropped. A blank line is kept where the input had one, so paragraph
//! breaks survive for the segmenter. HTML pages go through [`html`] first.

mod chars;
pub(crate) mod furniture;
pub mod html;

pub(crate) use chars::{has_stray_control, repair_chars};
pub(crate) use furniture::furniture_rule;

use crate::per_thread::PerThread;
use regex::Regex;
use std::borrow::Cow;

/// Abbreviations written with spaces between their letters in some feeds
/// (`U. S.`), joined again when the letters spell one of these.
const SPLIT_ABBREVIATIONS: &[&str] = &["US", "UN", "UK", "EU", "UAE", "DC", "ROK", "DPRK", "PRC", "USSR"];

static SPLIT_ABBREVIATION: PerThread<Regex> =
    PerThread::new(|| Regex::new(r"(?-u:\b)[A-Z]\.(?: [A-Z]\.)+").expect("pattern compiles"));

/// The clean text of an article.
pub fn clean(raw: &str) -> String {
    clean_repaired(repair_chars(raw))
}

/// [`clean`], letting the raw text go as soon as it has been repaired: a
/// huge article then holds two copies of its text at most while it is
/// cleaned, not three.
pub fn clean_owned(raw: String) -> String {
    let repaired = repair_chars(&raw);
    drop(raw);
    clean_repaired(repaired)
}

fn clean_repaired(repaired: String) -> String {
    // A text of one line (a dump's article of one huge line) that cleaning
    // leaves as it is, is its own clean text: kept, not copied.
    let body = repaired.trim_end_matches('\n').len();
    if !repaired[..body].contains('\n') {
        let line = repair_split_abbreviations(collapse_spaces(&repaired[..body]));
        if line.is_empty() || furniture_rule(&line).is_some() {
            return String::new();
        }
        return match line {
            Cow::Owned(line) => line,
            Cow::Borrowed(_) => {
                let mut repaired = repaired;
                repaired.truncate(body);
                repaired
            }
        };
    }
    let mut out = String::new();
    // Bytes of `repaired` read so far, newlines included.
    let mut read = 0;
    // Where the last line kept starts in `out`.
    let mut previous = 0;
    let mut blank_pending = false;
    for raw_line in repaired.split('\n') {
        read += raw_line.len() + 1;
        // Most lines are clean already: borrowed, not copied.
        let line = repair_split_abbreviations(collapse_spaces(raw_line));
        if line.is_empty() {
            blank_pending = true;
            continue;
        }
        // Furniture goes, and so does a line repeating the one before it
        // (headlines printed twice by the page template).
        if furniture_rule(&line).is_some() || (!out.is_empty() && *line == out[previous..]) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        previous = out.len();
        if out.is_empty() {
            // Sized for the lines left to read, at most: a huge article's
            // first line then becomes the output without being copied again.
            out = line.into_owned();
            out.reserve_exact(repaired.len().saturating_sub(read));
        } else {
            out.push_str(&line);
        }
        blank_pending = false;
    }
    out
}

/// Trims a line and turns every run of spaces into one space.
fn collapse_spaces(line: &str) -> Cow<'_, str> {
    if !line.starts_with(' ') && !line.ends_with(' ') && !line.contains("  ") {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

fn repair_split_abbreviations(line: Cow<'_, str>) -> Cow<'_, str> {
    // Every match holds a letter's period, a space, a letter and its period.
    let bytes = line.as_bytes();
    let split = memchr::memchr_iter(b'.', bytes).any(|at| {
        bytes
            .get(at + 1..at + 4)
            .is_some_and(|w| w[0] == b' ' && w[1].is_ascii_uppercase() && w[2] == b'.')
    });
    if !split {
        return line;
    }
    SPLIT_ABBREVIATION
        .replace_all(&line, |caps: &regex::Captures| {
            let found = &caps[0];
            let letters: String = found.chars().filter(char::is_ascii_uppercase).collect();
            if SPLIT_ABBREVIATIONS.contains(&letters.as_str()) {
                found.replace(' ', "")
            } else {
                found.to_string()
            }
        })
        .into_owned()
        .into()
}

#[cfg(test)]
mod tests {
    use super::{clean, clean_owned};

    #[test]
    fn one_line_texts_are_cleaned_as_texts_of_many_lines() {
        let cases = [
            // One line (and trailing newlines): kept as it is, or repaired.
            ("The Treasury sanctioned them.", "The Treasury sanctioned them."),
            ("The Treasury sanctioned them.\n\n", "The Treasury sanctioned them."),
            (
                "The U. S. Treasury sanctioned them.\n",
                "The U.S. Treasury sanctioned them.",
            ),
            ("  The   Treasury\u{201C}s list. \r\n", "The Treasury\"s list."),
            ("Leave a Reply\n", ""),
            ("\n", ""),
            ("", ""),
            // Many lines.
            ("\n\nThe Treasury sanctioned them.", "The Treasury sanctioned them."),
            (
                "Headline\nHeadline\n\nThe U. S. acted.\n",
                "Headline\n\nThe U.S. acted.",
            ),
        ];
        for (raw, expected) in cases {
            assert_eq!(clean(raw), expected, "{raw:?}");
            assert_eq!(clean_owned(raw.to_string()), expected, "{raw:?}");
        }
    }

    #[test]
    fn split_abbreviations_are_repaired() {
        let cases = [
            (
                "after the U. S. issued fresh actions",
                "after the U.S. issued fresh actions",
            ),
            ("the U. N. Security Council", "the U.N. Security Council"),
            ("the U. A. E. and the U. K.", "the U.A.E. and the U.K."),
            // Initials of a name are not an abbreviation.
            ("Brian E. Nelson and J. K. Rowling", "Brian E. Nelson and J. K. Rowling"),
        ];
        for (input, expected) in cases {
            assert_eq!(clean(input), expected);
        }
    }

    #[test]
    fn spaces_paragraphs_and_furniture() {
        let raw = "  Seoul   widens  sanctions \r\n\r\nSeoul   widens  sanctions\n\n\n\
                   Share this article\n\
                   South Korea\u{2019}s Foreign Ministry spoke on Sunday \u{2014} again.\n\
                   It said more would follow.\n\n\
                   Source link\n\nLeave a Reply\n";
        assert_eq!(
            clean(raw),
            "Seoul widens sanctions\n\n\
             South Korea's Foreign Ministry spoke on Sunday - again.\n\
             It said more would follow."
        );
    }

    #[test]
    fn empty_and_furniture_only_text_is_empty() {
        assert_eq!(clean(" \n\t\n "), "");
        assert_eq!(clean("Source link\nLeave a Reply"), "");
    }
}
