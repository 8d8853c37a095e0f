//! Dates: every expression that names a calendar day, week, month, quarter,
//! season or year, or a range of them, as a TIMEX3 value resolved against the
//! article's publication date.
//!
//! Absolute (`May 27, 2022`, `27 May`, `Nov. 21`, `in 2016`, `January`),
//! relative (`on the 2nd`, `the 30th of last month`, `Thursday`, `last week`,
//! `this year`, `five years ago`, `today`) and ranges (`from the 27th to the
//! 29th`, `July 19 to 20`, `between March and May`: one item of type `range`
//! with value `start/end`). Durations (`the past 18 months`) and vague
//! references (`recently`, `in recent weeks`, `now`) are no dates.
//!
//! - `lexicon.rs`: months, weekdays, seasons, tense cues, year guards.
//! - `rules.rs`: the rules (name, pattern, production of a partial date).
//! - `resolve.rs`: partial date + publication date + tense = TIMEX3 value.
//! - `tense.rs`: whether the clause looks back or ahead.
//! - `examples.rs`: the examples, positive and negative.

mod lexicon;
mod resolve;
mod rules;
mod tense;

#[cfg(test)]
mod examples;

pub use resolve::{Partial, Tense};

use crate::extract::Article;
use crate::extract::spans::Claimed;
use crate::record::{DateMention, DateType};
use crate::segment;
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use resolve::YearSpec;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

/// Rule name of a range joined from two dates (`from 2017 to 2020`).
pub const RANGE: &str = "date.range";

/// One date found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    pub bytes: Range<usize>,
    /// TIMEX3 value (`2022-07-02`, `2025-W44`, `2017/2020`).
    pub value: String,
    pub kind: DateType,
    pub rule: &'static str,
    /// For a range, its bounds: byte ranges and values.
    pub parts: Vec<(Range<usize>, String)>,
}

/// A match before resolution.
struct Candidate {
    bytes: Range<usize>,
    partial: Partial,
    rule: &'static str,
    parts: Option<(Range<usize>, Range<usize>)>,
}

/// The dates of `text` (sentences as byte ranges), resolved against
/// `published`, skipping matches that overlap `taken` (sums of money).
pub fn find(text: &str, sentences: &[Range<usize>], published: Option<NaiveDate>, taken: &Claimed) -> Vec<Dated> {
    let mut candidates = Vec::new();
    let windows = anchor_windows(text);
    let everywhere = 0..text.len();
    for (index, rule) in rules::RULES.iter().enumerate() {
        let ranges: &[Range<usize>] = if rule.anchors.is_empty() {
            std::slice::from_ref(&everywhere)
        } else {
            &windows[index]
        };
        for window in ranges {
            let haystack = &text[..window.end];
            let mut at = window.start;
            while let Some(caps) = rule.regex.captures_at(haystack, at) {
                let found = caps.get(0).expect("group 0");
                at = if found.end() > found.start() {
                    found.end()
                } else {
                    found.end() + 1
                };
                if let Some(candidate) = candidate(text, rule, &caps, taken) {
                    candidates.push(candidate);
                }
                if at > haystack.len() || !haystack.is_char_boundary(at) {
                    break;
                }
            }
        }
    }
    // Longest first, then leftmost; no overlaps.
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.bytes.len()), c.bytes.start));
    let mut chosen: BTreeMap<usize, Candidate> = BTreeMap::new();
    for c in candidates {
        let before_ok = chosen
            .range(..=c.bytes.start)
            .next_back()
            .is_none_or(|(_, k)| k.bytes.end <= c.bytes.start);
        let after_ok = chosen
            .range(c.bytes.start..)
            .next()
            .is_none_or(|(_, k)| c.bytes.end <= k.bytes.start);
        if before_ok && after_ok {
            chosen.insert(c.bytes.start, c);
        }
    }
    let chosen: Vec<Candidate> = chosen.into_values().collect();
    let chosen = join_ranges(text, chosen);
    let mut out: Vec<(Dated, Range<usize>, Option<i32>)> = Vec::with_capacity(chosen.len());
    for c in chosen {
        let sentence = sentence_of(sentences, c.bytes.start).unwrap_or(0..text.len());
        // Only dates that leave something to choose need the clause's tense.
        let tense = if needs_tense(&c.partial) {
            tense::tense(text, sentence.clone(), c.bytes.clone())
        } else {
            Tense::Unknown
        };
        let Some(resolved) = resolve::resolve(&c.partial, published, tense) else {
            continue;
        };
        // Years of four digits only (a publication date near 9999 could
        // push `next year` past them).
        if resolved
            .value
            .split('/')
            .any(|part| part.split('-').next().is_none_or(|y| y.len() != 4))
        {
            continue;
        }
        let mut parts = Vec::new();
        let kind = if resolved.value.contains('/') {
            if let (Some((pa, pb)), Some((va, vb))) = (c.parts, resolved.value.split_once('/')) {
                parts.push((pa, va.to_string()));
                parts.push((pb, vb.to_string()));
            }
            DateType::Range
        } else {
            DateType::Date
        };
        let day_offset = match c.partial {
            Partial::Relative {
                unit: resolve::Unit::Day,
                offset,
            } => Some(offset),
            _ => None,
        };
        out.push((
            Dated {
                bytes: c.bytes,
                value: resolved.value,
                kind,
                rule: c.rule,
                parts,
            },
            sentence,
            day_offset,
        ));
    }
    anchor_quoted_days(text, &mut out);
    out.into_iter().map(|(d, _, _)| d).collect()
}

/// `"We are taking steps today," Blinken said on October 11.`: inside a quote,
/// `today` is the day the speaker spoke, when the sentence gives that day.
fn anchor_quoted_days(text: &str, found: &mut [(Dated, Range<usize>, Option<i32>)]) {
    for i in 0..found.len() {
        let (d, sentence, Some(offset)) = &found[i] else {
            continue;
        };
        if !inside_quote(text, sentence, d.bytes.start) {
            continue;
        }
        // Dates are in text order: the sentence's other dates are neighbours.
        let same_sentence = |j: &usize| found[*j].1 == *sentence;
        let first = (0..i).rev().take_while(same_sentence).last().unwrap_or(i);
        let last = (i + 1..found.len()).take_while(same_sentence).last().unwrap_or(i);
        let anchor = found[first..=last]
            .iter()
            .find(|(other, other_sentence, other_offset)| {
                other_sentence == sentence
                    && other_offset.is_none()
                    && other.kind == DateType::Date
                    && other.value.len() == 10
                    && !other.value.contains('X')
                    && !inside_quote(text, sentence, other.bytes.start)
            });
        let Some(anchor) = anchor.and_then(|(a, _, _)| NaiveDate::parse_from_str(&a.value, "%Y-%m-%d").ok()) else {
            continue;
        };
        let date = anchor + chrono::Duration::days(i64::from(*offset));
        found[i].0.value = date.format("%Y-%m-%d").to_string();
    }
}

/// A date whose reading depends on the tense: a month or day without a year,
/// a bare weekday or day of the month, a quarter without a year.
fn needs_tense(p: &Partial) -> bool {
    match p {
        Partial::Ymd { year, .. } | Partial::Quarter { year, .. } => *year == YearSpec::Infer,
        Partial::DayOfMonth { month_offset, .. } => month_offset.is_none(),
        Partial::Weekday { offset, .. } => offset.is_none(),
        Partial::Range(a, b) => needs_tense(a) || needs_tense(b),
        _ => false,
    }
}

/// Whether byte `at` of `sentence` is inside a quotation: an odd number of
/// quote marks before it in the sentence (looking back a few hundred bytes
/// at most).
fn inside_quote(text: &str, sentence: &Range<usize>, at: usize) -> bool {
    let mut from = sentence.start.max(at.saturating_sub(600));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    !text[from..at].matches('"').count().is_multiple_of(2)
}

/// How far around an anchor a rule's match may reach, in bytes.
const ANCHOR_REACH: usize = 48;

/// All anchors of all rules in one automaton (leftmost-first, longest
/// anchors first), and the rules of each of its patterns.
static ANCHORS: LazyLock<(AhoCorasick, Vec<Vec<usize>>)> = LazyLock::new(|| {
    let mut rules_of: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (index, rule) in rules::RULES.iter().enumerate() {
        for anchor in rule.anchors {
            rules_of.entry(anchor).or_default().push(index);
        }
    }
    let mut anchors: Vec<&str> = rules_of.keys().copied().collect();
    anchors.sort_by_key(|a| (std::cmp::Reverse(a.len()), *a));
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(&anchors)
        .expect("anchors build");
    let rules = anchors.iter().map(|a| rules_of[a].clone()).collect();
    (automaton, rules)
});

/// For each rule, the windows of `text` around its anchors, merged, starting
/// and ending between words. Rules run only there: most of a text is far
/// from any month name or `ago`, and one pass over it for all anchors is
/// cheaper than a pass per rule.
fn anchor_windows(text: &str) -> Vec<Vec<Range<usize>>> {
    let (automaton, rules_of) = &*ANCHORS;
    let mut windows: Vec<Vec<Range<usize>>> = vec![Vec::new(); rules::RULES.len()];
    for m in automaton.find_iter(text) {
        let start = word_gap_before(text, m.start().saturating_sub(ANCHOR_REACH));
        let end = word_gap_after(text, (m.end() + ANCHOR_REACH).min(text.len()));
        for &index in &rules_of[m.pattern().as_usize()] {
            let list = &mut windows[index];
            match list.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => list.push(start..end),
            }
        }
    }
    windows
}

/// The nearest position at or before `at` that follows a space or a line
/// break (or the start of the text).
fn word_gap_before(text: &str, at: usize) -> usize {
    let mut at = at;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[..at].rfind([' ', '\n']).map_or(0, |p| p + 1)
}

/// The nearest position at or after `at` that is a space, a line break or
/// the end of the text.
fn word_gap_after(text: &str, at: usize) -> usize {
    let mut at = at;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    text[at..].find([' ', '\n']).map_or(text.len(), |p| at + p)
}

/// A rule's match as a candidate, unless it overlaps `taken` or the
/// production rejects it.
fn candidate(text: &str, rule: &rules::Rule, caps: &regex::Captures, taken: &Claimed) -> Option<Candidate> {
    // A rule may mark the part of its match that is the date (`on` of `on
    // the 2nd` is context, not date).
    let whole = caps.name("span").unwrap_or_else(|| caps.get(0).expect("group 0"));
    if taken.overlaps(&whole.range()) {
        return None;
    }
    let partial = (rule.produce)(caps, text)?;
    let parts = match (caps.name("p1"), caps.name("p2")) {
        (Some(a), Some(b)) => Some((a.range(), b.range())),
        _ => None,
    };
    Some(Candidate {
        bytes: whole.range(),
        partial,
        rule: rule.name,
        parts,
    })
}

/// The dates of `text`, segmenting it first.
pub fn find_in(text: &str, published: Option<NaiveDate>) -> Vec<Dated> {
    find(text, &segment::sentences(text), published, &Claimed::default())
}

/// Record items for the dates found in an article.
pub fn dates(article: &Article, found: &[Dated]) -> Vec<DateMention> {
    found
        .iter()
        .map(|d| DateMention {
            value: d.value.clone(),
            kind: d.kind,
            text: article.text[d.bytes.clone()].to_string(),
            span: article.span(d.bytes.clone()),
            rule: d.rule.to_string(),
        })
        .collect()
}

fn sentence_of(sentences: &[Range<usize>], at: usize) -> Option<Range<usize>> {
    let i = sentences.partition_point(|s| s.start <= at).checked_sub(1)?;
    let s = sentences[i].clone();
    (at < s.end.max(s.start + 1)).then_some(s)
}

/// Joins two neighbouring dates into a range: `from A to B`, `between A and
/// B`, `A-B`, `A until B`. A bound without a year takes the other's.
fn join_ranges(text: &str, chosen: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(chosen.len());
    let mut iter = chosen.into_iter().peekable();
    while let Some(a) = iter.next() {
        let Some(b) = iter.peek() else {
            out.push(a);
            continue;
        };
        let between = &text[a.bytes.end..b.bytes.start];
        let lead = lead_word(text, a.bytes.start);
        let joins = match between.trim() {
            "-" | "to" | "until" | "till" | "through" | "thru" => between.len() <= 9,
            "and" => lead.as_ref().is_some_and(|(w, _)| w.eq_ignore_ascii_case("between")),
            _ => false,
        };
        if !joins || !rangeable(&a.partial) || !rangeable(&b.partial) || (between.trim() == "-" && between.len() > 3) {
            out.push(a);
            continue;
        }
        let b = iter.next().expect("peeked");
        let start = match &lead {
            Some((w, at)) if w.eq_ignore_ascii_case("from") || w.eq_ignore_ascii_case("between") => *at,
            _ => a.bytes.start,
        };
        let first = with_year_of(&a.partial, &b.partial);
        out.push(Candidate {
            bytes: start..b.bytes.end,
            parts: Some((a.bytes.clone(), b.bytes.clone())),
            partial: Partial::Range(Box::new(first), Box::new(b.partial)),
            rule: RANGE,
        });
    }
    out
}

/// The word right before byte `at` and where it starts.
fn lead_word(text: &str, at: usize) -> Option<(&str, usize)> {
    let head = text[..at].strip_suffix(' ')?;
    let start = head.len() - head.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    (start < head.len()).then(|| (&head[start..], start))
}

/// Dates that can bound a range (not `today`, not ranges themselves).
fn rangeable(p: &Partial) -> bool {
    matches!(
        p,
        Partial::Ymd { .. }
            | Partial::DayOfMonth { .. }
            | Partial::Weekday { offset: None, .. }
            | Partial::Quarter { .. }
    )
}

/// `from January to March 2020`: the start takes the end's year (the year
/// before when its month comes later).
fn with_year_of(a: &Partial, b: &Partial) -> Partial {
    match (a, b) {
        (
            Partial::Ymd {
                year: YearSpec::Infer,
                month: Some(ma),
                day,
            },
            Partial::Ymd {
                year: YearSpec::Explicit(y),
                month: Some(mb),
                ..
            },
        ) => Partial::Ymd {
            year: YearSpec::Explicit(if ma > mb { y - 1 } else { *y }),
            month: Some(*ma),
            day: *day,
        },
        _ => a.clone(),
    }
}
