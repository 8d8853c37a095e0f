//! Very long texts extracted in windows (issue #24), so that memory and time
//! per article grow linearly with its length.
//!
//! The extractors keep per-article tables (tokens, mentions, candidate names)
//! and some of their steps compare mentions across the whole article; on a
//! text of tens of megabytes (a dump's single line, a concatenated feed) that
//! took 35 times the text in memory and minutes per megabyte. A clean text
//! longer than [`WINDOWED_ABOVE`] is therefore cut into windows of about
//! [`WINDOW`] bytes, ending at a paragraph or sentence end where one is near;
//! each window is extracted and assembled as an article of its own, and the
//! items are joined: spans shifted to index the whole clean text, officials
//! and entities of the same name (and type) made one with the union of their
//! aliases and mentions, and events of the same action (authority, status,
//! target, counts and date alike: one action restated in window after
//! window) made one with the union of their evidence, names and sums.
//!
//! Records of texts at most `WINDOWED_ABOVE` long are untouched (every corpus
//! article is far below it); above it, what crosses a window's edge (an event
//! whose actor is named one window before, a surname alias of a name given
//! in an earlier window) may be read differently than in one pass.

use crate::assemble;
use crate::extract::{self, Article};
use crate::record::{CountCategory, Entity, Event, EventStatus, Official, Record, Span};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Clean texts longer than this (bytes) are extracted in windows.
pub(crate) const WINDOWED_ABOVE: usize = 1 << 20;

/// The length a window aims at (bytes).
pub(crate) const WINDOW: usize = 256 << 10;

/// Fills `record`'s items from `text` window by window.
pub(crate) fn extract(text: &str, published: Option<NaiveDate>, record: &mut Record) {
    extract_in(text, published, record, WINDOW);
}

/// [`extract`] with windows of about `window` bytes.
fn extract_in(text: &str, published: Option<NaiveDate>, record: &mut Record, window: usize) {
    let mut officials = Joined::<String, Official>::default();
    let mut entities = Joined::<(String, &'static str), Entity>::default();
    let mut events = Joined::<ActionKey, Event>::default();
    let mut start = 0;
    let mut chars_before = 0;
    while start < text.len() {
        let end = window_end(text, start, window);
        let part = &text[start..end];
        let article = Article::new(part, published);
        let found = extract::all(&article);
        let shift = |span: &mut Span| {
            span[0] += chars_before;
            span[1] += chars_before;
        };
        for mut event in assemble::events(&article, &found) {
            event.evidence.iter_mut().for_each(shift);
            events.add(action_key(&event), event, join_events);
        }
        for mut count in found.counts {
            shift(&mut count.span);
            record.counts.push(count);
        }
        for mut amount in found.amounts {
            shift(&mut amount.span);
            record.amounts.push(amount);
        }
        for mut date in found.dates {
            shift(&mut date.span);
            record.dates.push(date);
        }
        for mut official in found.officials {
            official.mentions.iter_mut().for_each(shift);
            officials.add(official.name.clone(), official, |into, more| {
                into.title = into.title.take().or(more.title);
                into.affiliation = into.affiliation.take().or(more.affiliation);
                union(&mut into.aliases, more.aliases);
                into.mentions.extend(more.mentions);
            });
        }
        for mut entity in found.found.entities {
            entity.mentions.iter_mut().for_each(shift);
            let key = (entity.name.clone(), entity.kind.as_str());
            entities.add(key, entity, |into, more| {
                into.country = into.country.take().or(more.country);
                union(&mut into.aliases, more.aliases);
                into.mentions.extend(more.mentions);
            });
        }
        chars_before += part.chars().count();
        start = end;
    }
    record.officials = officials.items;
    record.entities = entities.items;
    record.events = events.items;
}

/// What tells one action from another across windows: authority, status,
/// target, counts and date.
type ActionKey = (
    String,
    EventStatus,
    Option<String>,
    Vec<(u64, CountCategory)>,
    Option<String>,
);

fn action_key(event: &Event) -> ActionKey {
    (
        event.authority.clone(),
        event.status,
        event.target.clone(),
        event.counts.iter().map(|c| (c.value, c.category)).collect(),
        event.date.clone(),
    )
}

/// Adds what a later window says of an action to the event an earlier one
/// read: its evidence, and the names, sums and fields the earlier lacks.
fn join_events(into: &mut Event, more: Event) {
    into.agency = into.agency.take().or(more.agency);
    into.reason = into.reason.take().or(more.reason);
    union(&mut into.named_targets, more.named_targets);
    union(&mut into.officials, more.officials);
    for amount in more.amounts {
        if !into.amounts.contains(&amount) {
            into.amounts.push(amount);
        }
    }
    into.evidence.extend(more.evidence);
}

/// Items in order of first appearance, one per key.
struct Joined<K, T> {
    items: Vec<T>,
    index: HashMap<K, usize>,
}

impl<K, T> Default for Joined<K, T> {
    fn default() -> Self {
        Joined {
            items: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<K: std::hash::Hash + Eq, T> Joined<K, T> {
    fn add(&mut self, key: K, item: T, join: impl FnOnce(&mut T, T)) {
        match self.index.get(&key) {
            Some(&at) => join(&mut self.items[at], item),
            None => {
                self.index.insert(key, self.items.len());
                self.items.push(item);
            }
        }
    }
}

/// Appends the strings of `more` that `into` lacks.
fn union(into: &mut Vec<String>, more: Vec<String>) {
    for s in more {
        if !into.contains(&s) {
            into.push(s);
        }
    }
}

/// Where the window from `start` ends: the end of the text if it is near,
/// else after the last line break in the window's second half, or else after
/// the last sentence end (`. `, `! `, `? `) there, or else at the last space,
/// or else at a character boundary.
fn window_end(text: &str, start: usize, window: usize) -> usize {
    if text.len() - start <= window + window / 2 {
        return text.len();
    }
    let mut limit = start + window;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let half = start + window / 2;
    let bytes = text.as_bytes();
    let last_in = |pred: &dyn Fn(usize) -> bool| (half..limit).rev().find(|&i| pred(i));
    if let Some(i) = last_in(&|i| bytes[i] == b'\n') {
        return i + 1;
    }
    if let Some(i) = last_in(&|i| bytes[i] == b' ' && matches!(bytes[i - 1], b'.' | b'!' | b'?')) {
        return i + 1;
    }
    if let Some(i) = last_in(&|i| bytes[i] == b' ') {
        return i + 1;
    }
    limit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Status;
    use crate::record::check_spans;

    #[test]
    fn windows_end_at_paragraphs_sentences_or_spaces_and_cover_the_text() {
        let sentence = "The EU sanctioned five firms. ";
        let text = sentence.repeat(WINDOWED_ABOVE / sentence.len() + 7000);
        let mut start = 0;
        let mut windows = 0;
        while start < text.len() {
            let end = window_end(&text, start, WINDOW);
            assert!(end > start);
            assert!(end == text.len() || text[..end].ends_with(". "), "{windows}");
            assert!(end - start <= WINDOW + WINDOW / 2);
            start = end;
            windows += 1;
        }
        assert!(windows > 4);
        let words = "x".repeat(WINDOW * 3);
        assert_eq!(
            window_end(&words, 0, WINDOW),
            WINDOW,
            "no space: cut at a char boundary"
        );
        let wide = "é".repeat(WINDOW * 2);
        assert!(wide.is_char_boundary(window_end(&wide, 0, WINDOW)));
    }

    #[test]
    fn a_long_text_gives_items_of_every_window_with_spans_into_the_whole_text() {
        // Paragraphs differ (cleaning drops a repeated one).
        let paragraph = |i: usize| {
            format!(
                "The U.S. Treasury Department sanctioned eight North Korean individuals and two \
                 entities on Thursday. Treasury Secretary Janet Yellen said the Office of Foreign Assets Control (OFAC) acted against ${i} million in \
                 laundered funds.\n"
            )
        };
        let raw: String = (1..=200).map(paragraph).collect();
        let text = crate::normalize::clean(&raw);
        let published = crate::extract::parse_published("2025-11-06");
        let mut record = Record::new("long".into(), Default::default(), Status::Ok, None);
        extract_in(&text, published, &mut record, 4096);
        record.text = Some(text.clone());
        check_spans(&record).unwrap();
        assert_eq!(record.amounts.len(), 200, "one sum per paragraph");
        // One action, restated in every paragraph: one event, with evidence
        // from every window.
        assert_eq!(record.events.len(), 1, "{:?}", record.events);
        assert!(
            record.events[0].evidence.len() > 100,
            "{}",
            record.events[0].evidence.len()
        );
        // One entity and one official per name, mentioned all through the text.
        let treasury: Vec<&Entity> = record.entities.iter().filter(|e| e.name.contains("Treasury")).collect();
        assert_eq!(
            treasury.len(),
            1,
            "{:?}",
            record.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
        );
        let last = text.chars().count();
        assert!(treasury[0].mentions.last().unwrap()[1] > last - paragraph(200).len());
        assert_eq!(record.officials.len(), 1, "{:?}", record.officials);
        assert_eq!(record.officials[0].name, "Janet Yellen");
        let spans: Vec<Span> = record.amounts.iter().map(|a| a.span).collect();
        assert!(spans.windows(2).all(|w| w[0][1] <= w[1][0]), "items stay in text order");
    }
}
