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

pub(crate) use resolve::{Partial, Tense};

use crate::extract::Article;
use crate::extract::spans::Claimed;
use crate::prefilter;
use crate::record::{DateMention, DateType};
use crate::rule::Spec;
use crate::segment;
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use regex::{CaptureLocations, Regex};
use resolve::YearSpec;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

/// The rule of a range joined from two dates (`from 2017 to 2020`): its
/// matcher and production are [`join_ranges`].
pub(crate) const RANGE: Spec = Spec::new(
    "date.range",
    &[
        ("[from 2017 to 2020]", "2017/2020"),
        ("[between March and May]", "2022-03/2022-05"),
    ],
    &["in 2017 or 2020"],
);

/// One date found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    /// Byte range of the date expression in the text.
    pub bytes: Range<usize>,
    /// TIMEX3 value (`2022-07-02`, `2025-W44`, `2017/2020`).
    pub value: String,
    /// `date` or `range`.
    pub kind: DateType,
    /// The rule that read it (`date.month_day`, `date.range`).
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
    let chosen = join_ranges(text, longest_first(matches(text, taken)));
    let mut out: Vec<(Dated, Range<usize>, Option<i32>)> = Vec::with_capacity(chosen.len());
    for c in chosen {
        let sentence = sentence_of(sentences, c.bytes.start).unwrap_or(0..text.len());
        if let Some(dated) = resolved(text, c, &sentence, published) {
            out.push((dated.0, sentence, dated.1));
        }
    }
    anchor_quoted_days(text, &mut out);
    out.into_iter().map(|(d, _, _)| d).collect()
}

/// Every rule's matches in `text` as candidates, each rule searched where it
/// may match: in the windows around its anchors that hold what its matches
/// hold, or everywhere.
fn matches(text: &str, taken: &Claimed) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    let windows = anchor_windows(text);
    let everywhere = [Window {
        bytes: 0..text.len(),
        digit: true,
        anchors: Vec::new(),
    }];
    for (index, rule) in rules::RULES.iter().enumerate() {
        let set = ANCHORS.set_of_rule[index];
        let ranges: &[Window] = match set {
            Some(set) => &windows[set],
            None => &everywhere,
        };
        let mut locations = None;
        for window in ranges {
            if !window.may_hold(rule, set, text) {
                continue;
            }
            // Group locations are allocated once per rule and text, and
            // only for rules that search somewhere.
            let locations = locations.get_or_insert_with(|| rule.regex.capture_locations());
            rule_matches(rule, &text[..window.bytes.end], window.bytes.start, locations, |caps| {
                if let Some(candidate) = candidate(text, rule, caps, taken) {
                    candidates.push(candidate);
                }
            });
        }
    }
    candidates
}

/// The candidates that stay: longest first, then leftmost, none overlapping
/// one taken before; in text order.
fn longest_first(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
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
    chosen.into_values().collect()
}

/// A candidate resolved against the publication date and the tense of its
/// sentence, with its day offset when it is one (`today`, `yesterday`);
/// `None` when it resolves to nothing in the contract's forms.
fn resolved(
    text: &str,
    c: Candidate,
    sentence: &Range<usize>,
    published: Option<NaiveDate>,
) -> Option<(Dated, Option<i32>)> {
    // Only dates that leave something to choose need the clause's tense.
    let tense = if needs_tense(&c.partial) {
        tense::tense(text, sentence.clone(), c.bytes.clone())
    } else {
        Tense::Unknown
    };
    let resolved = resolve::resolve(&c.partial, published, tense)?;
    // Years of four digits only (a publication date near 9999 could
    // push `next year` past them).
    if resolved
        .value
        .split('/')
        .any(|part| part.split('-').next().is_none_or(|y| y.len() != 4))
    {
        return None;
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
    let dated = Dated {
        bytes: c.bytes,
        value: resolved.value,
        kind,
        rule: c.rule,
        parts,
    };
    Some((dated, day_offset))
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
    let from = text.ceil_char_boundary(sentence.start.max(at.saturating_sub(600)));
    !text[from..at].matches('"').count().is_multiple_of(2)
}

/// How far around an anchor a rule's match may reach, in bytes.
const ANCHOR_REACH: usize = 48;

/// The anchors of all rules. Rules with the same anchors share their
/// windows (the month rules are searched in one set of windows).
struct Anchors {
    /// The anchors of more than one byte in one automaton, searched from
    /// every hit's next byte on, so that every position where an anchor
    /// starts has a hit (the longest anchor there, standing for those it
    /// holds); anchors found in any case are in it in every case (`ago`,
    /// `Ago`, `AGO`...). With the sets of each of its patterns.
    automaton: (AhoCorasick, Vec<Vec<usize>>),
    /// One-byte anchors (`Q`, ASCII capitals) and their sets, searched
    /// apart: in an automaton they would leave its prefilter only one-byte
    /// fingerprints, and it would stop at nearly every letter.
    bytes: Vec<(char, Vec<usize>)>,
    /// For each anchor set, its words (longest first) and whether they are
    /// found in any case.
    words: Vec<(Vec<String>, bool)>,
    /// For each anchor set, what must match where a word is found for the
    /// window around it to be searched (`Jan` of `Janet` is no month name):
    /// the part of the pattern the anchors come from, anchored.
    confirm: Vec<Option<Regex>>,
    /// For each rule, its anchor set; `None` for rules that run everywhere.
    set_of_rule: Vec<Option<usize>>,
    /// For each anchor set, whether one of its rules needs a digit.
    set_needs_digit: Vec<bool>,
}

/// Every ASCII case of `word` (`ago`, `Ago`, ... `AGO`).
fn every_case(word: &str) -> Vec<String> {
    let mut cases = vec![String::new()];
    for c in word.chars() {
        let (lower, upper) = (c.to_ascii_lowercase(), c.to_ascii_uppercase());
        cases = cases
            .into_iter()
            .flat_map(|s| {
                let mut both = vec![format!("{s}{lower}")];
                if upper != lower {
                    both.push(format!("{s}{upper}"));
                }
                both
            })
            .collect();
    }
    cases
}

/// One automaton over `anchors` (each with its sets), and the sets of each
/// of its patterns: its own and those of every anchor it holds (`weekend`
/// holds `week`).
fn automaton(anchors: &HashMap<String, Vec<usize>>) -> (AhoCorasick, Vec<Vec<usize>>) {
    let mut words: Vec<&String> = anchors.keys().collect();
    words.sort();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&words)
        .expect("anchors build");
    let sets_of = words
        .iter()
        .map(|word| {
            let mut sets: Vec<usize> = words
                .iter()
                .filter(|other| word.contains(other.as_str()))
                .flat_map(|other| anchors[*other].iter().copied())
                .collect();
            sets.sort_unstable();
            sets.dedup();
            sets
        })
        .collect();
    (automaton, sets_of)
}

static ANCHORS: LazyLock<Anchors> = LazyLock::new(|| {
    let mut sets: Vec<&prefilter::Anchoring> = Vec::new();
    let mut set_of_rule = Vec::new();
    for rule in rules::RULES.iter() {
        let Some(anchoring) = &rule.anchoring else {
            set_of_rule.push(None);
            continue;
        };
        let set = sets.iter().position(|s| *s == anchoring).unwrap_or_else(|| {
            sets.push(anchoring);
            sets.len() - 1
        });
        set_of_rule.push(Some(set));
    }
    let mut set_needs_digit = vec![false; sets.len()];
    for (rule, set) in rules::RULES.iter().zip(&set_of_rule) {
        if let Some(set) = set {
            set_needs_digit[*set] |= rule.digit;
        }
    }
    // Anchors found in any case stand in the automaton in every case.
    let mut sets_of_anchor: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, anchoring) in sets.iter().enumerate() {
        for anchor in &anchoring.words {
            let forms = if anchoring.fold {
                every_case(anchor)
            } else {
                vec![anchor.clone()]
            };
            for form in forms {
                sets_of_anchor.entry(form).or_default().push(index);
            }
        }
    }
    let mut bytes: Vec<(char, Vec<usize>)> = sets_of_anchor
        .iter()
        .filter(|(a, _)| a.len() == 1)
        .map(|(a, sets)| (char::from(a.as_bytes()[0]), sets.clone()))
        .collect();
    bytes.sort();
    sets_of_anchor.retain(|a, _| a.len() > 1);
    let words = sets
        .iter()
        .map(|a| {
            let mut words = a.words.clone();
            words.sort_by_key(|w| std::cmp::Reverse(w.len()));
            (words, a.fold)
        })
        .collect();
    let confirm = sets
        .iter()
        .map(|a| {
            a.confirm
                .as_ref()
                .map(|part| Regex::new(&format!("^(?:{part})")).expect("a part compiles"))
        })
        .collect();
    Anchors {
        automaton: automaton(&sets_of_anchor),
        bytes,
        words,
        confirm,
        set_of_rule,
        set_needs_digit,
    }
});

impl Anchors {
    /// Where the anchor of `set` found at byte `at` of `text` ends, when one
    /// of its words starts there and the part of the pattern it comes from
    /// matches there.
    fn confirmed(&self, set: usize, text: &str, at: usize) -> Option<usize> {
        let (words, fold) = &self.words[set];
        let word = words.iter().find(|w| word_at(text, at, w, *fold))?;
        let part_holds = self.confirm[set].as_ref().is_none_or(|part| part.is_match(&text[at..]));
        part_holds.then_some(at + word.len())
    }
}

/// Where the rules of an anchor set run: around its anchors.
#[derive(Debug, Clone, PartialEq)]
struct Window {
    bytes: Range<usize>,
    /// It holds an ASCII digit (only read for anchor sets with a rule that
    /// needs one).
    digit: bool,
    /// Where its confirmed anchors start.
    anchors: Vec<usize>,
}

impl Window {
    /// Whether a match of `rule` (of anchor set `set`) may lie in the
    /// window: no match lies in a window without what every match of the
    /// rule holds (a digit, one of its needed words, a digit beside an
    /// anchor word).
    fn may_hold(&self, rule: &rules::Rule, set: Option<usize>, text: &str) -> bool {
        (self.digit || !rule.digit)
            && (rule.needs.is_empty() || rule.needs.iter().any(|w| text[self.bytes.clone()].contains(w)))
            && set.is_none_or(|set| self.digit_beside(rule, set, text))
    }

    /// Whether an anchor of the window has a digit beside it where the
    /// rule's pattern places one.
    fn digit_beside(&self, rule: &rules::Rule, set: usize, text: &str) -> bool {
        let beside = &rule.digit_beside;
        let (words, fold) = &ANCHORS.words[set];
        self.anchors.iter().any(|&at| {
            let after = beside.after.as_ref().is_none_or(|between| {
                words
                    .iter()
                    .filter(|w| word_at(text, at, w, *fold))
                    .any(|w| prefilter::DigitBeside::digit_after(between, text, at + w.len()))
            });
            let before = beside
                .before
                .as_ref()
                .is_none_or(|between| prefilter::DigitBeside::digit_before(between, text, at));
            after && before
        })
    }
}

/// Whether `word` starts at byte `at` of `text` (in any case with `fold`).
fn word_at(text: &str, at: usize, word: &str, fold: bool) -> bool {
    let rest = &text.as_bytes()[at..];
    rest.len() >= word.len()
        && if fold {
            rest[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        } else {
            rest.starts_with(word.as_bytes())
        }
}

/// For each anchor set, the windows of `text` around its confirmed anchors,
/// merged, starting and ending between words. Rules run only there: most of
/// a text is far from any month name or `ago`, and one pass over it for all
/// anchors is cheaper than a pass per rule.
fn anchor_windows(text: &str) -> Vec<Vec<Window>> {
    let anchors = &*ANCHORS;
    let mut windows: Vec<Vec<Window>> = vec![Vec::new(); anchors.set_needs_digit.len()];
    let mut hits: Vec<(usize, &[usize])> = Vec::new();
    let (automaton, sets_of) = &anchors.automaton;
    let mut at = 0;
    while let Some(m) = automaton.find(aho_corasick::Input::new(text).range(at..)) {
        hits.push((m.start(), sets_of[m.pattern().as_usize()].as_slice()));
        at = m.start() + 1;
    }
    for (byte, sets) in &anchors.bytes {
        hits.extend(text.match_indices(*byte).map(|(at, _)| (at, sets.as_slice())));
    }
    hits.sort_by_key(|(at, _)| *at);
    for (at, sets) in hits {
        let start = word_gap_before(text, at.saturating_sub(ANCHOR_REACH));
        for &set in sets {
            let Some(word_end) = anchors.confirmed(set, text, at) else {
                continue;
            };
            let end = word_gap_after(text, (word_end + ANCHOR_REACH).min(text.len()));
            let list = &mut windows[set];
            match list.last_mut() {
                Some(last) if start <= last.bytes.end => {
                    last.bytes.end = last.bytes.end.max(end);
                    last.anchors.push(at);
                }
                _ => list.push(Window {
                    bytes: start..end,
                    digit: false,
                    anchors: vec![at],
                }),
            }
        }
    }
    for (set, list) in windows.iter_mut().enumerate() {
        if anchors.set_needs_digit[set] {
            for window in list {
                window.digit = text.as_bytes()[window.bytes.clone()].iter().any(u8::is_ascii_digit);
            }
        }
    }
    windows
}

/// The nearest position at or before `at` that follows a space or a line
/// break (or the start of the text).
fn word_gap_before(text: &str, at: usize) -> usize {
    let at = text.floor_char_boundary(at);
    text[..at].rfind([' ', '\n']).map_or(0, |p| p + 1)
}

/// The nearest position at or after `at` that is a space, a line break or
/// the end of the text.
fn word_gap_after(text: &str, at: usize) -> usize {
    let at = text.ceil_char_boundary(at);
    text[at..].find([' ', '\n']).map_or(text.len(), |p| at + p)
}

/// A rule's match as a candidate, unless it overlaps `taken` or the
/// production rejects it.
fn candidate(text: &str, rule: &rules::Rule, caps: &rules::Groups, taken: &Claimed) -> Option<Candidate> {
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
        rule: rule.spec.name,
        parts,
    })
}

/// Each match of `rule` in `haystack` from byte `from` on, left to right,
/// its groups read into `locations`.
fn rule_matches(
    rule: &rules::Rule,
    haystack: &str,
    from: usize,
    locations: &mut CaptureLocations,
    mut each: impl FnMut(&rules::Groups),
) {
    let mut at = from;
    loop {
        if let Some(seek) = &rule.seek {
            match seek.start(haystack, at) {
                Some(start) => at = start,
                None => break,
            }
        }
        let Some(found) = rule.regex.captures_read_at(locations, haystack, at) else {
            break;
        };
        at = if found.end() > found.start() {
            found.end()
        } else {
            found.end() + 1
        };
        each(&rules::Groups::new(haystack, locations, &rule.names));
        if at > haystack.len() || !haystack.is_char_boundary(at) {
            break;
        }
    }
}

/// The date rules and how the corpus test finds their items (published
/// 2022-07-02).
#[cfg(test)]
pub(crate) fn rule_dimension() -> crate::rule::tests::Dimension {
    let mut specs: Vec<Spec> = rules::RULES.iter().map(|r| r.spec).collect();
    specs.push(RANGE);
    crate::rule::tests::Dimension {
        name: "dates",
        marked: true,
        specs,
        find: |text| {
            find_in(text, NaiveDate::from_ymd_opt(2022, 7, 2))
                .into_iter()
                .map(|d| crate::rule::tests::Found {
                    rule: d.rule.to_string(),
                    bytes: d.bytes,
                    value: d.value,
                })
                .collect()
        },
    }
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
            rule: RANGE.name,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_byte_anchors_are_ascii_capitals() {
        let one_byte: Vec<char> = ANCHORS.bytes.iter().map(|(b, _)| *b).collect();
        assert_eq!(one_byte, ['Q']);
    }

    /// The anchor sets as derived from the patterns: the rules that share
    /// the month forms, and the words of the others.
    #[test]
    fn anchors_are_derived_from_the_patterns() {
        let anchors_of = |name: &str| {
            let rule = rules::RULES.iter().find(|r| r.spec.name == name).expect("rule");
            rule.anchoring
                .as_ref()
                .map_or((String::new(), false), |a| (a.words.join(" "), a.fold))
        };
        let months = anchors_of("date.month").0;
        assert!(
            months.split(' ').any(|w| w == "Sept.") && months.split(' ').any(|w| w == "May"),
            "{months}"
        );
        for name in [
            "date.day_month_year",
            "date.month_day_year",
            "date.month_year",
            "date.day_month",
            "date.month_day",
        ] {
            assert_eq!(anchors_of(name).0, months, "{name}");
        }
        assert_eq!(anchors_of("date.ago"), ("ago".to_string(), true));
        assert_eq!(anchors_of("date.quarter"), ("quarter Q".to_string(), false));
        assert_eq!(anchors_of("date.relative").0, "week month year weekend quarter");
        // Rules whose own most selective words are frequent (`this`, `year`)
        // share the month names of the other month rules.
        for name in ["date.month_of_relative_year", "date.relative_month"] {
            assert_eq!(anchors_of(name).0, months, "{name}");
        }
        // No words, or only common ones: the rule runs everywhere.
        for name in ["date.iso", "date.year", "date.day_of_month"] {
            assert_eq!(anchors_of(name).0, "", "{name}");
        }
    }

    /// Searching in the anchor windows finds what searching every rule over
    /// the whole text finds, on texts glued from month and weekday forms,
    /// names that hold them, digits, anchors of the other rules and words.
    #[test]
    fn windows_find_what_whole_texts_hold() {
        let pieces = [
            "May",
            "March",
            "Sept.",
            "Sept",
            "Jan",
            "Janet",
            "Mayor",
            "June",
            "Junior",
            "Monday",
            "the ",
            "of ",
            "1",
            "27",
            "3rd",
            "30th",
            "2019",
            "-",
            "to ",
            "last ",
            "this ",
            "year",
            "week",
            "weekend",
            "quarter",
            "Q",
            "half ",
            "first ",
            "ago",
            "AGO",
            "five ",
            "years ",
            "yesterday",
            "Today",
            " ",
            "  ",
            ", ",
            ".",
            "early ",
            "end ",
            "\n",
            "x",
        ];
        let mut next = crate::testing::picker(23);
        let key = |c: &Candidate| (c.bytes.start, c.bytes.end, c.rule);
        let mut compared = 0;
        for _ in 0..3000 {
            let text: String = (0..1 + next(14)).map(|_| pieces[next(pieces.len())]).collect();
            let mut windowed: Vec<_> = matches(&text, &Claimed::default()).iter().map(key).collect();
            let mut whole = Vec::new();
            for rule in rules::RULES.iter() {
                let mut locations = rule.regex.capture_locations();
                rule_matches(rule, &text, 0, &mut locations, |caps| {
                    if let Some(c) = candidate(&text, rule, caps, &Claimed::default()) {
                        whole.push(key(&c));
                    }
                });
            }
            windowed.sort();
            whole.sort();
            assert_eq!(windowed, whole, "{text:?}");
            compared += whole.len();
        }
        assert!(compared > 1000, "{compared}");
    }

    /// The month rules that read a day or year right beside the month name
    /// have it derived, with the bytes that may stand between.
    #[test]
    fn digits_beside_month_names_are_derived() {
        let sides = |name: &str| {
            let rule = rules::RULES.iter().find(|r| r.spec.name == name).expect("rule");
            let show = |b: &Option<Vec<u8>>| b.as_ref().map(|b| String::from_utf8_lossy(b).into_owned());
            (show(&rule.digit_beside.before), show(&rule.digit_beside.after))
        };
        assert_eq!(sides("date.month_day"), (None, Some(" eht".to_string())));
        assert_eq!(sides("date.month_year"), (None, Some(" ,fo".to_string())));
        assert_eq!(sides("date.day_month"), (Some(" dfhnorst".to_string()), None));
        assert_eq!(
            sides("date.day_month_year"),
            (Some(" dfhnorst".to_string()), Some(" ,".to_string()))
        );
        // A month name without digits beside it: nothing derived.
        assert_eq!(sides("date.month"), (None, None));
        assert!(prefilter::DigitBeside::digit_after(b" the", "May the 5th", 3));
        assert!(!prefilter::DigitBeside::digit_after(b" the", "May then 5", 3));
        assert!(prefilter::DigitBeside::digit_before(
            b" dfhnorst",
            "the 5th of  May",
            12
        ));
        assert!(!prefilter::DigitBeside::digit_before(b" dfhnorst", "5 months, May", 10));
    }

    #[test]
    fn windows_are_around_anchors_and_know_their_digits() {
        let month_set = ANCHORS.set_of_rule[rules::RULES
            .iter()
            .position(|r| r.spec.name == "date.month")
            .expect("rule")]
        .expect("anchored");
        let windows_of = |text: &'static str, set: usize| -> Vec<(&'static str, bool)> {
            anchor_windows(text)[set]
                .iter()
                .map(|w| (&text[w.bytes.clone()], w.digit))
                .collect()
        };
        let text = "Marco Rubio spoke. In March, the Q3 results came 5 years later, nothing in Nov";
        assert_eq!(windows_of(text, month_set), [(text, true)]);
        // `Jan` of `Janet` is found, and is no month name: no window.
        let text = "The talks went on at length about many things at all, and then Janet, at the end, said no.";
        assert_eq!(windows_of(text, month_set), []);
        let text = "The talks went on at length about many things at all, and then she said no.";
        assert_eq!(windows_of(text, month_set), []);
        let quarter = ANCHORS.set_of_rule[rules::RULES
            .iter()
            .position(|r| r.spec.name == "date.quarter")
            .expect("rule")]
        .expect("anchored");
        let text = "results for Q3 2022 and the third quarter";
        assert_eq!(windows_of(text, quarter).len(), 1);
        // Found in any case: `Ago` of a headline.
        let ago = ANCHORS.set_of_rule[rules::RULES
            .iter()
            .position(|r| r.spec.name == "date.ago")
            .expect("rule")]
        .expect("anchored");
        assert_eq!(windows_of("FIVE YEARS AGO", ago), [("FIVE YEARS AGO", false)]);
        // A hit stands for every anchor starting there: `weekend` of the
        // relative rule, `week` of the rule of `the end of the week`.
        let this_unit = ANCHORS.set_of_rule[rules::RULES
            .iter()
            .position(|r| r.spec.name == "date.this_unit")
            .expect("rule")]
        .expect("anchored");
        assert_eq!(
            windows_of("the end of the week", this_unit),
            [("the end of the week", false)]
        );
    }

    /// Rules that seek their key first find what their pattern alone finds,
    /// over texts made of the pieces their matches are made of.
    /// The pieces the texts of `seeking_rules_match_as_their_patterns` are
    /// glued from.
    const SEEK_PIECES: &[&str] = &[
        "the",
        " ",
        "  ",
        "On",
        "on",
        "Don",
        "1st",
        "12th",
        "31st",
        "32nd",
        "3rd",
        "2",
        "-",
        "--",
        "early",
        "Early",
        "nearly",
        "2019",
        "1899",
        "1700",
        "20",
        "x",
        "mid",
        "amid",
        "The beginning of",
        "the end of",
        "end-",
        "é",
        "last",
        "Monday",
        "Mondays",
        "coming",
        "past",
        "This",
        "Friday",
        ",",
        ".",
        "of",
        "last month",
        "the same",
        "month",
        "\n",
        "2020s",
        "late",
        "Late",
        "The",
        "Sunday",
        "the 2nd",
        " the 21st",
        "on the  3rd",
        " of last month",
        " of the previous month",
        " 2019",
        "early 2019",
        "mid-2020",
        " 1999 ",
        "last Monday",
    ];

    #[test]
    fn seeking_rules_match_as_their_patterns() {
        let pieces = SEEK_PIECES;
        let mut next = crate::testing::picker(7);
        let seeking: Vec<&rules::Rule> = rules::RULES.iter().filter(|r| r.seek.is_some()).collect();
        let names: Vec<&str> = seeking.iter().map(|r| r.spec.name).collect();
        assert_eq!(names, ["date.day_of_month", "date.year", "date.weekday"]);
        let mut matched = vec![0; seeking.len()];
        for _ in 0..4000 {
            let len = 1 + next(12);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            for (k, rule) in seeking.iter().enumerate() {
                let plain = rules::Rule {
                    spec: rule.spec,
                    anchoring: rule.anchoring.clone(),
                    digit_beside: rule.digit_beside.clone(),
                    regex: rule.regex.clone(),
                    names: rule.names.clone(),
                    digit: rule.digit,
                    needs: rule.needs.clone(),
                    produce: rule.produce,
                    seek: None,
                };
                let groups = |rule: &rules::Rule| {
                    let mut found = Vec::new();
                    let mut locations = rule.regex.capture_locations();
                    rule_matches(rule, &text, 0, &mut locations, |caps| {
                        let groups = (0..rule.names.len()).map(|i| caps.get(i).map(|g| g.range()));
                        found.push(groups.collect::<Vec<_>>());
                    });
                    found
                };
                let want = groups(&plain);
                assert_eq!(groups(rule), want, "{} in {text:?}", rule.spec.name);
                matched[k] += want.len();
            }
        }
        assert!(matched.iter().all(|&n| n > 400), "{matched:?}");
    }

    /// The windows a rule skips hold no match of it: over the examples and
    /// texts with false month anchors and without digits.
    #[test]
    fn skipped_windows_hold_no_match() {
        let texts = [
            "Marco Rubio met Janet Yellen; the Decider spoke of Augusta and Novak, and Junior said May I.",
            "In March, early May and late June the talks went on, said Octavia in Sept. and Nov.",
            "On May 27, 2022, and 3 June and June 3 and 27-29 June 2022 and July 19 to 20, Mar. 5.",
            "Sanctions came in January of this year; last May; the Marines marched in Dec.",
            "In May they met, and the month before, and this week in June, and at the year's end.",
            "The Last week of the year; in the middle of the month; next quarter; the start of the week.",
        ];
        let mut skipped = 0;
        for text in texts {
            let windows = anchor_windows(text);
            for (index, rule) in rules::RULES.iter().enumerate() {
                let Some(set) = ANCHORS.set_of_rule[index] else {
                    continue;
                };
                for w in &windows[set] {
                    if w.may_hold(rule, Some(set), text) {
                        continue;
                    }
                    skipped += 1;
                    let found = rule.regex.find_at(&text[..w.bytes.end], w.bytes.start);
                    assert_eq!(found, None, "{} in {:?}", rule.spec.name, &text[w.bytes.clone()]);
                }
            }
        }
        assert!(skipped > 20, "{skipped}");
    }
}
