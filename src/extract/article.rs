//! What extractors see of an article: its clean text, sentences, publication
//! date, and the conversion of byte offsets to the code-point spans of records.

use crate::record::Span;
use crate::segment;
use chrono::NaiveDate;
use std::ops::Range;

/// One article, ready for extraction.
pub struct Article<'a> {
    /// The clean text every span indexes.
    pub text: &'a str,
    /// Sentences as byte ranges of `text`, in order.
    pub sentences: Vec<Range<usize>>,
    /// The reference for relative dates, when the input gave one.
    pub published: Option<NaiveDate>,
    offsets: CodePoints,
}

impl<'a> Article<'a> {
    /// Segments `text` and prepares offset conversion.
    pub fn new(text: &'a str, published: Option<NaiveDate>) -> Self {
        Article {
            text,
            sentences: segment::sentences(text),
            published,
            offsets: CodePoints::new(text),
        }
    }

    /// The record span (code points) of a byte range of the text.
    pub fn span(&self, bytes: Range<usize>) -> Span {
        [self.offsets.of(bytes.start), self.offsets.of(bytes.end)]
    }

    /// The byte range of a record span (code points): the inverse of [`span`](Self::span).
    pub fn bytes(&self, span: Span) -> Range<usize> {
        self.offsets.byte(span[0])..self.offsets.byte(span[1])
    }

    /// The index of the sentence holding byte offset `at` (the last sentence
    /// starting at or before it).
    pub fn sentence_at(&self, at: usize) -> usize {
        self.sentences.partition_point(|s| s.start <= at).saturating_sub(1)
    }
}

/// Byte offset to code-point offset. Memory grows with the number of non-ASCII
/// characters only: for each, the byte where it starts and how many extra bytes
/// all non-ASCII characters up to and including it take.
struct CodePoints {
    starts: Vec<usize>,
    extra: Vec<usize>,
    /// The code-point offset of each non-ASCII character.
    chars: Vec<usize>,
}

impl CodePoints {
    fn new(text: &str) -> Self {
        let mut starts = Vec::new();
        let mut extra = Vec::new();
        let mut chars = Vec::new();
        let mut total = 0;
        if !text.is_ascii() {
            for (at, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
                chars.push(at - total);
                total += c.len_utf8() - 1;
                starts.push(at);
                extra.push(total);
            }
        }
        CodePoints { starts, extra, chars }
    }

    /// The code-point offset of byte offset `at` (a char boundary).
    fn of(&self, at: usize) -> usize {
        // Non-ASCII characters that start before `at` end at or before it.
        let before = self.starts.partition_point(|&s| s < at);
        if before == 0 { at } else { at - self.extra[before - 1] }
    }

    /// The byte offset of code-point offset `at`.
    fn byte(&self, at: usize) -> usize {
        let before = self.chars.partition_point(|&c| c < at);
        if before == 0 { at } else { at + self.extra[before - 1] }
    }
}

/// The publication date of an input: the date part of an ISO 8601 date or
/// datetime (`2025-11-07`, `2017-12-10T09:00:00+09:00`, `2019/12/03`).
pub fn parse_published(published: &str) -> Option<NaiveDate> {
    let head = published.trim().get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(head, "%Y/%m/%d"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_count_code_points() {
        let text = "한국 and 🎉 e\u{0301} U.S. Treasury";
        let article = Article::new(text, None);
        let at = text.find("U.S.").unwrap();
        let span = article.span(at..at + "U.S. Treasury".len());
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[span[0]..span[1]].iter().collect::<String>(), "U.S. Treasury");
        assert_eq!(article.span(0..0), [0, 0]);
        assert_eq!(article.span(text.len()..text.len()), [chars.len(), chars.len()]);
        assert_eq!(article.bytes(span), at..at + "U.S. Treasury".len());
        for (at, _) in text.char_indices() {
            assert_eq!(article.bytes(article.span(at..at)), at..at);
        }
        let ascii = Article::new("plain text", None);
        assert_eq!(ascii.span(2..5), [2, 5]);
        assert_eq!(ascii.bytes([2, 5]), 2..5);
    }

    #[test]
    fn sentences_are_found() {
        let article = Article::new("One here. Two there.\nThree.", None);
        assert_eq!(article.sentences.len(), 3);
        assert_eq!(article.sentence_at(0), 0);
        assert_eq!(article.sentence_at(12), 1);
        assert_eq!(article.sentence_at(article.text.len() - 1), 2);
    }

    #[test]
    fn publication_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_published("2025-11-07"), d(2025, 11, 7));
        assert_eq!(parse_published("2017-12-10T09:00:00+09:00"), d(2017, 12, 10));
        assert_eq!(parse_published("2019/12/03"), d(2019, 12, 3));
        assert_eq!(parse_published("2025"), None);
        assert_eq!(parse_published("December 3, 2019"), None);
        assert_eq!(parse_published("2025-13-01"), None);
    }
}
