//! Tense: does the clause around a date look back or ahead? Read from cue
//! words (`said`, `announced`, `ago` look back; `will`, `expected`, `next`
//! look ahead; other `-ed` words lean to the past), the nearest one in the
//! clause, or else in the sentence, deciding. Some cues only count
//! right before the date (`starting on Jan. 1`, `from Monday`, `by 2030`),
//! since elsewhere in a sentence they say little.

use super::lexicon::{ADJACENT_ONLY_CUES, FUTURE_CUES, INTENT_CUES, PAST_CUES, WEAK_FUTURE_CUES};
use super::resolve::Tense;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// The tense of the clause holding `mention` (byte ranges of `text`), read in
/// `sentence`.
pub fn tense(text: &str, sentence: Range<usize>, mention: Range<usize>) -> Tense {
    let sentence = sentence.start.min(mention.start)..sentence.end.max(mention.end).min(text.len());
    // Cues further away than this say nothing of the date (and a run-on
    // "sentence" of a megabyte must not be read once per date).
    let from = text.floor_char_boundary(sentence.start.max(mention.start.saturating_sub(CUE_REACH)));
    let to = text.ceil_char_boundary(sentence.end.min(mention.end + CUE_REACH));
    let head = &text[from..mention.start];
    let tail = &text[mention.end..to];
    // The clause first (up to the nearest comma, semicolon or quote on each
    // side: in `April 7, the FAA said` the `said` is another clause's), then
    // the whole sentence.
    let clause_head = &head[head.rfind([',', ';', '"']).map_or(0, |p| p + 1)..];
    let clause_tail = &tail[..tail.find([',', ';', '"']).unwrap_or(tail.len())];
    let clause = nearest_cue(clause_head, clause_tail);
    // A cue right before the date (`from Monday`, `starting on Jan. 1`)
    // looks ahead, unless the clause says plainly that it is past (`fell
    // from Monday's close`).
    if adjacent_cue(head) && clause != Some(Tense::Past) {
        return Tense::Future;
    }
    clause.or_else(|| nearest_cue(head, tail)).unwrap_or(Tense::Unknown)
}

/// The token right before the date (skipping `on` and `the`) is an
/// adjacent-only cue: a word, not a number or a sign (`by 1.2% between April
/// and June` has none).
fn adjacent_cue(head: &str) -> bool {
    let token = head
        .split_whitespace()
        .rev()
        .find(|t| !matches!(*t, "on" | "the"))
        .unwrap_or("");
    ADJACENT_ONLY_CUES.iter().any(|c| c.eq_ignore_ascii_case(token))
}

/// How far from a date, in bytes, cue words are read.
const CUE_REACH: usize = 250;

/// The tense of the cue word nearest to the date, `head` being the text
/// before it and `tail` the text after. Words are read outward from the
/// date and only as far as the nearest cue: a tie goes to the cue before.
fn nearest_cue(head: &str, tail: &str) -> Option<Tense> {
    let mut before = words(head).rev().peekable();
    let mut nearer = None;
    let mut nearest_before = None;
    let mut distance = 0;
    while let Some(w) = before.next() {
        if let Some(t) = cue(before.peek().copied(), w, nearer) {
            nearest_before = Some((distance, t));
            break;
        }
        nearer = Some(w);
        distance += 1;
    }
    let mut after = words(tail).peekable();
    let mut prev = None;
    let mut nearest_after = None;
    let mut distance = 0;
    while let Some(w) = after.next() {
        if nearest_before.is_some_and(|(db, _)| distance >= db) {
            break;
        }
        if let Some(t) = cue(prev, w, after.peek().copied()) {
            nearest_after = Some((distance, t));
            break;
        }
        prev = Some(w);
        distance += 1;
    }
    match (nearest_before, nearest_after) {
        (Some((db, tb)), Some((da, ta))) => Some(if db <= da { tb } else { ta }),
        (Some((_, t)), None) | (None, Some((_, t))) => Some(t),
        (None, None) => None,
    }
}

/// The tense word `w` cues, if any, between the words `prev` and `next` of
/// its side of the date.
fn cue(prev: Option<&str>, w: &str, next: Option<&str>) -> Option<Tense> {
    // A participle after `be` or `to` is no past (`due to be published`).
    let after_be = prev.is_some_and(|p| matches!(p, "be" | "being" | "to"));
    match CUES.get(w) {
        Some(Cue::Adjacent) => None,
        Some(Cue::Past) => (!after_be).then_some(Tense::Past),
        Some(Cue::Future) => Some(Tense::Future),
        // `plans to`, but not `its plans for an offering`.
        Some(Cue::Intent) => (next == Some("to")).then_some(Tense::Future),
        Some(Cue::WeakFuture) => Some(Tense::LeaningFuture),
        None if w == "be" && prev == Some("to") => Some(Tense::Future),
        None if w.len() >= 5 && w.ends_with("ed") && !after_be => {
            // Most other `-ed` words are past verbs (`slapped`, `contained`),
            // but some are adjectives: a weaker cue.
            Some(Tense::LeaningPast)
        }
        None => None,
    }
}

/// What kind of cue a word is, from the lexicon's lists.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cue {
    Adjacent,
    Past,
    Future,
    Intent,
    WeakFuture,
}

/// The cue lists as one index (a date's clause is read word by word).
static CUES: LazyLock<HashMap<&'static str, Cue>> = LazyLock::new(|| {
    let mut cues = HashMap::default();
    // Later lists win: an adjacent-only cue is nothing else.
    for (list, cue) in [
        (WEAK_FUTURE_CUES, Cue::WeakFuture),
        (INTENT_CUES, Cue::Intent),
        (FUTURE_CUES, Cue::Future),
        (PAST_CUES, Cue::Past),
        (ADJACENT_ONLY_CUES, Cue::Adjacent),
    ] {
        for w in list {
            cues.insert(*w, cue);
        }
    }
    cues
});

/// The lower-case words of `s` (ASCII letters only); capitalised words are
/// skipped, so the month `May` is no modal `may`. Read as bytes: the bytes
/// of other characters are no ASCII letters either.
fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.as_bytes()
        .split(|b| !b.is_ascii_alphabetic())
        .filter(|w| w.first().is_some_and(u8::is_ascii_lowercase))
        .map(move |w| {
            let start = w.as_ptr() as usize - s.as_ptr() as usize;
            &s[start..start + w.len()]
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, date: &str, want: Tense) {
        let at = sentence.find(date).unwrap();
        assert_eq!(
            tense(sentence, 0..sentence.len(), at..at + date.len()),
            want,
            "{sentence}"
        );
    }

    /// `nearest_cue` as it was: every word of each side collected, then the
    /// nearest cue on each side.
    fn nearest_cue_by_lists(head: &str, tail: &str) -> Option<Tense> {
        let split = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty() && w.starts_with(|c: char| c.is_ascii_lowercase()))
                .map(str::to_string)
                .collect()
        };
        let (before, after) = (split(head), split(tail));
        let at = |list: &Vec<String>, k: usize| {
            let prev = k.checked_sub(1).map(|p| list[p].as_str());
            cue(prev, &list[k], list.get(k + 1).map(String::as_str))
        };
        let nearest_before = (0..before.len())
            .rev()
            .enumerate()
            .find_map(|(d, k)| at(&before, k).map(|t| (d, t)));
        let nearest_after = (0..after.len()).find_map(|k| at(&after, k).map(|t| (k, t)));
        match (nearest_before, nearest_after) {
            (Some((db, tb)), Some((da, ta))) => Some(if db <= da { tb } else { ta }),
            (Some((_, t)), None) | (None, Some((_, t))) => Some(t),
            (None, None) => None,
        }
    }

    #[test]
    fn nearest_cue_agrees_with_reading_every_word() {
        let pieces = [
            "said",
            "will",
            "to",
            "be",
            "published",
            "plans",
            "for",
            "may",
            "May",
            "the",
            "x",
            "fell",
            "from",
            " ",
            ", ",
            "é",
            "was",
            "being",
            "contained",
            "red",
            "Said",
            "next",
            "would",
            "agreed",
            "1",
            "-",
            "naïve",
        ];
        let mut next = crate::testing::picker(11);
        let mut seen = [0; 6];
        for _ in 0..5000 {
            let (head, tail): (String, String) = (
                (0..next(9))
                    .map(|_| [pieces[next(pieces.len())], " "].concat())
                    .collect(),
                (0..next(9))
                    .map(|_| [pieces[next(pieces.len())], " "].concat())
                    .collect(),
            );
            let want = nearest_cue_by_lists(&head, &tail);
            assert_eq!(nearest_cue(&head, &tail), want, "{head:?} | {tail:?}");
            seen[match want {
                Some(Tense::Past) => 0,
                Some(Tense::Future) => 1,
                Some(Tense::LeaningPast) => 2,
                Some(Tense::LeaningFuture) => 3,
                Some(Tense::Unknown) => 4,
                None => 5,
            }] += 1;
        }
        assert!([0, 1, 2, 3, 5].iter().all(|&k| seen[k] > 100), "{seen:?}");
        assert_eq!(
            words("naïve said, Was é-to").collect::<Vec<_>>(),
            ["na", "ve", "said", "to"]
        );
    }

    #[test]
    fn cues() {
        check(
            "A ministry spokesman said on Friday that it will act.",
            "Friday",
            Tense::Past,
        );
        check(
            "Yellen will visit South Korea from July 19 to 20.",
            "July 19 to 20",
            Tense::Future,
        );
        check("they go into effect from Monday.", "Monday", Tense::Future);
        check(
            "Both indices fell by two points from Monday's closing level.",
            "Monday",
            Tense::Past,
        );
        check(
            "Output declined by 1.2% between April and June.",
            "between April and June",
            Tense::LeaningPast,
        );
        check(
            "an upper limit set at $400.9 million, starting on Jan. 1.",
            "Jan. 1",
            Tense::Future,
        );
        check("The report is due to be released in May.", "May", Tense::Future);
        check(
            "Thursday's sanctions are the newest of many.",
            "Thursday",
            Tense::Unknown,
        );
        check(
            "A drone strike by Russia killed four people on Monday.",
            "Monday",
            Tense::Past,
        );
        check("It may be published in May.", "May", Tense::LeaningFuture);
        check(
            "Apple plans a launch, to be held on October 12.",
            "October 12",
            Tense::Future,
        );
        check("sanctions in March contained provisions", "March", Tense::LeaningPast);
        check(
            "WeWork postponed its plans for a share sale on September 30.",
            "September 30",
            Tense::LeaningPast,
        );
        check(
            "a tariff imposed in September would remain",
            "September",
            Tense::LeaningFuture,
        );
        check(
            "The shutdown will start on April 7, the FAA said.",
            "April 7",
            Tense::Future,
        );
        check(
            "There's a lot left, Ruggiero said, speaking Thursday at an event.",
            "Thursday",
            Tense::Past,
        );
    }
}
