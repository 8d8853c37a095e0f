//! Resolution: from matches to counts, reading each list as a whole.
//!
//! - A noun coordinated with other counted nouns that have no number of their
//!   own counts them all (`40 individuals, companies and vessels`): its
//!   category is `other`, since no one category holds the number.
//! - In a list of counted targets, an element with `a` or `an` counts one
//!   (`one individual, two banks, and a trading company`); outside such a list
//!   `a` is no count.

use super::lexicon::{CONNECTORS, COORDINATED_MODIFIERS, TARGET_ARTICLE_CUES, TARGET_ARTICLE_NOUNS};
use super::rules::{
    Hit, LIST_ARTICLE, MIXED_LIST, Rule, TARGET_ARTICLE, countable, next_word_start, noun_phrase, previous_token,
    word_at,
};
use crate::extract::spans::Claimed;
use crate::record::CountCategory;
use std::ops::Range;

/// One count, before it becomes a record item.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub(crate) bytes: Range<usize>,
    pub(crate) value: u64,
    pub(crate) category: CountCategory,
    pub(crate) noun: Range<usize>,
    pub(crate) modifier: Option<Range<usize>>,
    pub(crate) rule: Rule,
}

/// Counts from matches: categories of mixed lists, and `a` elements of lists.
pub(crate) fn resolve(text: &str, hits: Vec<Hit>) -> Vec<Counted> {
    let mut out: Vec<Counted> = Vec::with_capacity(hits.len());
    for hit in &hits {
        let mixed = coordinated_category(text, hit.noun.end).is_some_and(|other| other != hit.entry.category);
        out.push(Counted {
            bytes: hit.bytes.clone(),
            value: hit.value,
            category: if mixed {
                CountCategory::Other
            } else {
                hit.entry.category
            },
            noun: hit.noun.clone(),
            modifier: hit.modifier.clone(),
            rule: if mixed { MIXED_LIST } else { hit.rule },
        });
    }
    let mut articles = Vec::new();
    // `sanctions on a Rwandan minister and a senior member`: a target.
    for item in target_articles(text) {
        let mut end = item.bytes.end;
        let mut list = Vec::new();
        while let Some(mut next) = article_after(text, end) {
            end = next.bytes.end;
            next.rule = TARGET_ARTICLE;
            list.push(next);
        }
        // Alone, only the nouns of designations count (`an individual`):
        // `sanctioned a Russian national` names one, it does not count.
        if !list.is_empty() || TARGET_ARTICLE_NOUNS.contains(&&text[item.noun.clone()]) {
            articles.push(item);
            articles.extend(list);
        }
    }
    for hit in &hits {
        // `..., and a trading company` after a counted element.
        let mut end = hit.bytes.end;
        while let Some(item) = article_after(text, end) {
            end = item.bytes.end;
            articles.push(item);
        }
        // `a trading company and two banks` before one.
        if let Some(item) = article_before(text, hit.bytes.start) {
            articles.push(item);
        }
    }
    // Keep `a` elements that overlap no numbered count and no earlier one.
    let numbered = Claimed::new(out.iter().map(|c| c.bytes.clone()));
    articles.sort_by_key(|c| c.bytes.start);
    let mut last_end = 0;
    for item in articles {
        if !numbered.overlaps(&item.bytes) && item.bytes.start >= last_end {
            last_end = item.bytes.end;
            out.push(item);
        }
    }
    out.sort_by_key(|c| c.bytes.start);
    out
}

/// The category of a counted noun coordinated right after byte `end` without a
/// number of its own (`, companies and vessels`), if there is one.
fn coordinated_category(text: &str, end: usize) -> Option<CountCategory> {
    let rest = &text[end..];
    let connector = CONNECTORS.iter().find(|c| rest.starts_with(**c))?;
    let mut k = end + connector.len();
    // Up to two modifiers before the noun (`and other entities`).
    for _ in 0..3 {
        let w = word_at(text, k)?;
        if let Some(entry) = countable(&text[w.clone()], false) {
            return Some(entry.category);
        }
        let word = &text[w.clone()];
        if !word.starts_with(|c: char| c.is_ascii_uppercase()) && !COORDINATED_MODIFIERS.contains(&word) {
            return None;
        }
        k = next_word_start(text, w.end)?;
    }
    None
}

/// `sanctions on a Rwandan government minister`, `added to the list an
/// individual`: `a` or `an` after the words of a target cue, counting one
/// individual or entity (the caller keeps those in a list of such, or of a
/// designation's own noun).
fn target_articles(text: &str) -> Vec<Counted> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // (memmem: `match_indices` with a string searched the whole text with
    // the two-way algorithm, byte by byte.)
    for at in memchr::memmem::find_iter(bytes, b" a") {
        let start = at + 1;
        // Most are other words (`and`, `are`): two bytes tell.
        let article = match bytes.get(start + 1) {
            Some(b' ') => true,
            Some(b'n') => bytes.get(start + 2) == Some(&b' '),
            _ => false,
        };
        if !article || !cue_before(text, at) {
            continue;
        }
        if let Some(mut item) = article_element(text, start)
            && matches!(item.category, CountCategory::Individual | CountCategory::Entity)
            && !text[item.bytes.end..].starts_with(" basis")
        {
            item.rule = TARGET_ARTICLE;
            out.push(item);
        }
    }
    out
}

/// The words of a target cue end right before byte `at`.
fn cue_before(text: &str, at: usize) -> bool {
    TARGET_ARTICLE_CUES.iter().any(|cue| {
        let mut end = at;
        cue.iter().rev().all(|word| {
            let before = previous_token(text, end);
            let ok = before == *word && end - before.len() > 0 && text.as_bytes()[end - before.len() - 1] == b' ';
            end = end.saturating_sub(before.len() + 1);
            ok
        })
    })
}

/// `, and a trading company` right after byte `end`: a count of one.
fn article_after(text: &str, end: usize) -> Option<Counted> {
    let rest = &text[end..];
    let connector = CONNECTORS.iter().find(|c| rest.starts_with(**c))?;
    let start = end + connector.len();
    let item = article_element(text, start)?;
    Some(item)
}

/// `a trading company and ` right before byte `start` (where a counted
/// element begins): a count of one.
fn article_before(text: &str, start: usize) -> Option<Counted> {
    let head = &text[..start];
    let connector = CONNECTORS.iter().find(|c| head.ends_with(**c))?;
    let element_end = start - connector.len();
    // The element starts at an `a`/`an` within a few words before.
    let window_start = element_end.saturating_sub(80);
    let window_start = (window_start..element_end).find(|&i| text.is_char_boundary(i))?;
    let window = &text[window_start..element_end];
    for (offset, _) in window.match_indices(' ') {
        let candidate = window_start + offset + 1;
        if let Some(item) = article_element(text, candidate)
            && item.bytes.end == element_end
        {
            return Some(item);
        }
    }
    if let Some(item) = article_element(text, window_start)
        && item.bytes.end == element_end
        && (window_start == 0 || !text.as_bytes()[window_start - 1].is_ascii_alphanumeric())
    {
        return Some(item);
    }
    None
}

/// `a trading company` at byte `at`: `a`/`an`, modifiers, a singular noun.
fn article_element(text: &str, at: usize) -> Option<Counted> {
    let w = word_at(text, at)?;
    if !matches!(&text[w.clone()], "a" | "an" | "A" | "An") {
        return None;
    }
    let (noun, entry, modifier) = noun_phrase(text, w.end, true)?;
    // `a network of 12 front companies`: the noun heads a larger phrase (a
    // person stays one: `a senior member of an armed group`).
    let heads_more = text[noun.end..].starts_with(" of ") && entry.category != CountCategory::Individual;
    if entry.category == CountCategory::Other || heads_more {
        return None;
    }
    Some(Counted {
        bytes: at..noun.end,
        value: 1,
        category: entry.category,
        noun,
        modifier,
        rule: LIST_ARTICLE,
    })
}
