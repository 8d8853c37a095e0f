//! Segment: split clean text into sentences.
//!
//! Rules of news writing rather than a model: `.`, `!` and `?` end a sentence
//! when followed by a space and something that can open one; abbreviations
//! (`abbreviations.rs`) and initials do not, unless the next word is a typical
//! opener; decimals and dotted acronyms never split, as there is no space; a
//! closing quote or bracket stays with its sentence; a blank line always ends a
//! sentence, and a line break does unless it falls in the middle of a sentence
//! (a lower-case letter or comma before it, a lower-case letter after it).

pub(crate) mod abbreviations;

use abbreviations::{Kind, STARTERS};
use std::ops::Range;

/// Byte ranges of the sentences of `text`, in order, trimmed of spaces.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Where the next `!` is, from some point at or before `i` on.
    let mut next_bang = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                let mut next = i;
                let mut newlines = 0;
                while next < bytes.len() && matches!(bytes[next], b'\n' | b' ') {
                    newlines += usize::from(bytes[next] == b'\n');
                    next += 1;
                }
                if newlines >= 2 || !is_wrapped(text, i, next) {
                    push(&mut out, text, start, i);
                    start = next;
                }
                i = next;
            }
            b'.' | b'!' | b'?' => {
                let mut end = i + 1;
                while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
                    end += 1;
                }
                while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')' | b']') {
                    end += 1;
                }
                if end < bytes.len() && bytes[end] == b' ' {
                    let mut next = end;
                    while next < bytes.len() && bytes[next] == b' ' {
                        next += 1;
                    }
                    if next < bytes.len() && bytes[next] != b'\n' && ends_sentence(text, start, i, end, next) {
                        push(&mut out, text, start, end);
                        start = next;
                    }
                    i = next;
                } else {
                    i = end;
                }
            }
            // On to the next byte that can end a sentence: the nearest of a
            // line feed, `.` or `?` (searched together), and the next `!`
            // (searched only once passed: it is rare).
            _ => {
                let from = i + 1;
                let rest = bytes.len() - from;
                if next_bang < from {
                    next_bang = from + memchr::memchr(b'!', &bytes[from..]).unwrap_or(rest);
                }
                let next_stop = from + memchr::memchr3(b'\n', b'.', b'?', &bytes[from..]).unwrap_or(rest);
                i = next_stop.min(next_bang);
            }
        }
    }
    push(&mut out, text, start, bytes.len());
    out
}

fn push(out: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(start + lead..start + lead + trimmed.len());
    }
}

/// Whether a single line break at `newline` falls inside a sentence.
fn is_wrapped(text: &str, newline: usize, next: usize) -> bool {
    let before = text[..newline].trim_end().chars().next_back();
    let after = text[next..].chars().next();
    matches!(before, Some(c) if c.is_lowercase() || c == ',') && matches!(after, Some(c) if c.is_lowercase())
}

/// Whether the terminal punctuation at `punct` (its run and closers ending at
/// `end`) ends the sentence that began at `start`, given the next word at `next`.
fn ends_sentence(text: &str, start: usize, punct: usize, end: usize, next: usize) -> bool {
    let following = &text[next..];
    let Some(first) = following.chars().next() else {
        return true;
    };
    if first.is_lowercase() {
        return false;
    }
    let run = &text[punct..end];
    if !run.starts_with('.') || run.starts_with("..") {
        // `!`, `?` and an ellipsis end a sentence before anything but lower case.
        return true;
    }
    let token = text[start..punct]
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .trim_start_matches(['"', '\'', '(', '[']);
    match abbreviations::kind(token) {
        Some(Kind::Title) => false,
        Some(Kind::Ambiguous) => {
            let word: &str = following.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            first == '"' || STARTERS.contains(&word)
        }
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::sentences;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, expected, "text: {text:?}");
    }

    #[test]
    fn plain_sentences() {
        check(
            "One sentence. Another one! A third? Yes.",
            &["One sentence.", "Another one!", "A third?", "Yes."],
        );
    }

    #[test]
    fn abbreviations_inside_sentences() {
        check(
            "The U.S. Treasury acted on Nov. 21 under E.O. 13382. Gen. Kim and Dept. of State officials spoke.",
            &[
                "The U.S. Treasury acted on Nov. 21 under E.O. 13382.",
                "Gen. Kim and Dept. of State officials spoke.",
            ],
        );
        check(
            "It cited Resolution No. 2397 and the U.N. Security Council. Martin Luther King Jr. Day passed.",
            &[
                "It cited Resolution No. 2397 and the U.N. Security Council.",
                "Martin Luther King Jr. Day passed.",
            ],
        );
    }

    #[test]
    fn ambiguous_abbreviations_end_sentences_before_an_opener() {
        check(
            "Sanctions were imposed by the U.S. The EU followed. Shares of Acme Inc. The firm fell.",
            &[
                "Sanctions were imposed by the U.S.",
                "The EU followed.",
                "Shares of Acme Inc.",
                "The firm fell.",
            ],
        );
    }

    #[test]
    fn initials_and_decimals() {
        check(
            "Brian E. Nelson said $1.2 billion moved. John K. Hurley agreed.",
            &["Brian E. Nelson said $1.2 billion moved.", "John K. Hurley agreed."],
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        check(
            "He said, \"We will continue to do so.\" The ministry agreed. \"Stop!\" he said.",
            &[
                "He said, \"We will continue to do so.\"",
                "The ministry agreed.",
                "\"Stop!\" he said.",
            ],
        );
    }

    #[test]
    fn lines_and_paragraphs() {
        check(
            "Seoul widens its sanctions\nSouth Korea acted.\n\nIt said so",
            &["Seoul widens its sanctions", "South Korea acted.", "It said so"],
        );
        // A hard-wrapped line inside a sentence is not a boundary.
        check(
            "the ministry said the sanctions\nwould apply from Monday.",
            &["the ministry said the sanctions\nwould apply from Monday."],
        );
    }

    #[test]
    fn lower_case_after_a_period_continues() {
        check(
            "It rose 19 pct. from a year earlier. Then it fell.",
            &["It rose 19 pct. from a year earlier.", "Then it fell."],
        );
    }

    #[test]
    fn ranges_index_unicode_text() {
        let text = "한국은 제재했다. Seoul acted.";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["한국은 제재했다.", "Seoul acted."]);
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n ").is_empty());
    }
}
