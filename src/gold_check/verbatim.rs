//! Gold strings against the article's text: every `text` of a count, amount
//! or date, every official's name and alias, every entity's alias and (unless
//! RECORD.md gives it a canonical form of its own) name, every event's named
//! target must be written in the article exactly so.
//!
//! The article's text is the text the pipeline cleans, as the input gives it
//! (a page's extracted body): gold copies the article, and the pipeline's
//! cleaning (curly quotes and dashes made ASCII) is no part of it. Verbatim
//! means verbatim: `People's` is not `People’s`. A string must stand as whole
//! words where it begins and ends with a letter or digit (`Kim` is not in
//! `Kimberly`). Counts, amounts and dates are one item per occurrence
//! (ANNOTATION.md), so a text given by more items than the article writes it
//! is reported too.

use super::{Fault, Found, Tally};
use serde_json::Value;
use std::collections::BTreeMap;

/// Names that need not occur in the article: RECORD.md and ANNOTATION.md
/// give these organisations a canonical name of their own, as they give
/// countries their short names; an alias must occur instead.
const CANONICAL_FORMS: &[&str] = &["European Union", "United Nations", "Council of the European Union"];

/// How many times `needle` is in `text`, each time as whole words at the ends
/// that are letters or digits. Words the source glued together (`led byWen
/// Jiabao`) part where a lower-case letter meets an upper-case one (which
/// lets `Kinsey` stand in `McKinsey`: gold aliases are not cut so).
pub fn occurrences(text: &str, needle: &str) -> usize {
    let (Some(first), Some(last)) = (needle.chars().next(), needle.chars().next_back()) else {
        return 0;
    };
    // Whether `outer`, beside `inner` at an end of the needle, continues its word.
    let joined = |outer: Option<char>, inner: char, outer_first: bool| {
        let Some(outer) = outer else { return false };
        let glued = if outer_first {
            outer.is_lowercase() && inner.is_uppercase()
        } else {
            inner.is_lowercase() && outer.is_uppercase()
        };
        inner.is_alphanumeric() && outer.is_alphanumeric() && !glued
    };
    text.match_indices(needle)
        .filter(|&(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + needle.len()..].chars().next();
            !joined(before, first, true) && !joined(after, last, false)
        })
        .count()
}

/// The article's text as given and as cleaned.
pub struct Texts<'a> {
    pub raw: &'a str,
    pub clean: &'a str,
}

impl Texts<'_> {
    fn count(&self, needle: &str) -> usize {
        occurrences(self.raw, needle)
    }

    fn missing(&self, needle: &str) -> Fault {
        Fault::NotInArticle {
            text: needle.to_string(),
            only_clean: occurrences(self.clean, needle) > 0,
        }
    }
}

pub fn check(gold: &Value, texts: &Texts, found: &mut Found, tally: &mut Tally) {
    let list = |name: &str| gold.get(name).and_then(Value::as_array).cloned().unwrap_or_default();
    for (i, official) in list("officials").iter().enumerate() {
        let path = format!("officials[{i}]");
        if let Some(name) = official.get("name").and_then(Value::as_str) {
            must_occur(texts, name, &format!("{path}.name"), found, tally);
        }
        aliases(official, texts, &path, found, tally);
    }
    for (i, entity) in list("entities").iter().enumerate() {
        let path = format!("entities[{i}]");
        entity_name(entity, texts, &path, found, tally);
        aliases(entity, texts, &path, found, tally);
    }
    for field in ["counts", "amounts", "dates"] {
        item_texts(field, &list(field), texts, found, tally);
    }
    for (i, event) in list("events").iter().enumerate() {
        let targets = event.get("named_targets").and_then(Value::as_array);
        for (j, target) in targets.into_iter().flatten().enumerate() {
            if let Some(target) = target.as_str() {
                must_occur(texts, target, &format!("events[{i}].named_targets[{j}]"), found, tally);
            }
        }
    }
}

fn must_occur(texts: &Texts, needle: &str, path: &str, found: &mut Found, tally: &mut Tally) {
    tally.strings += 1;
    if texts.count(needle) == 0 {
        found.add(path, texts.missing(needle));
    }
}

fn aliases(item: &Value, texts: &Texts, path: &str, found: &mut Found, tally: &mut Tally) {
    let aliases = item.get("aliases").and_then(Value::as_array);
    for (j, alias) in aliases.into_iter().flatten().enumerate() {
        if let Some(alias) = alias.as_str() {
            must_occur(texts, alias, &format!("{path}.aliases[{j}]"), found, tally);
        }
    }
}

/// An entity's name occurs, or it is a country's short name or another
/// canonical form and an alias occurs. An optional country that the article
/// names in no way is let pass: a place that only arguably stands for its
/// country is the doubtful case ANNOTATION.md marks optional.
fn entity_name(entity: &Value, texts: &Texts, path: &str, found: &mut Found, tally: &mut Tally) {
    let Some(name) = entity.get("name").and_then(Value::as_str) else {
        return;
    };
    tally.strings += 1;
    if texts.count(name) > 0 {
        return;
    }
    let country = entity.get("type").and_then(Value::as_str) == Some("country");
    if !country && !CANONICAL_FORMS.contains(&name) {
        found.add(&format!("{path}.name"), texts.missing(name));
        return;
    }
    let alias_occurs = entity
        .get("aliases")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .any(|alias| texts.count(alias) > 0);
    let optional = entity.get("optional").and_then(Value::as_bool) == Some(true);
    if !(alias_occurs || country && optional) {
        found.add(&format!("{path}.name"), Fault::Unmentioned { name: name.to_string() });
    }
}

/// Each `text` occurs, and as often as items give it: one item per
/// occurrence. Items of one text with different values are the two bounds
/// of a range (`$3-4 billion`) or alternative readings of a doubtful one
/// (`37 actors`, optional, as individuals and as entities), so only copies of
/// one item are counted against the occurrences.
fn item_texts(field: &str, items: &[Value], texts: &Texts, found: &mut Found, tally: &mut Tally) {
    let mut by_text: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(text) = item.get("text").and_then(Value::as_str) {
            by_text.entry(text).or_default().push(i);
        }
    }
    for (text, indices) in by_text {
        tally.strings += indices.len();
        let times = texts.count(text);
        if times == 0 {
            for i in &indices {
                found.add(&format!("{field}[{i}].text"), texts.missing(text));
            }
            continue;
        }
        let mut copies: BTreeMap<String, usize> = BTreeMap::new();
        for &i in &indices {
            *copies.entry(scored_part(&items[i])).or_default() += 1;
        }
        let given = copies.values().copied().max().unwrap_or(0);
        if given > times {
            let last = indices[indices.len() - 1];
            found.add(
                &format!("{field}[{last}].text"),
                Fault::MoreItemsThanOccurrences {
                    text: text.to_string(),
                    items: given,
                    occurrences: times,
                },
            );
        }
    }
}

/// What the scorer reads of a count, amount or date: two items alike in
/// this are copies.
fn scored_part(item: &Value) -> String {
    ["value", "category", "currency"]
        .iter()
        .map(|f| item.get(*f).map(Value::to_string).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_at_word_ends() {
        assert_eq!(occurrences("Kim and Kimberly met Kim.", "Kim"), 2);
        assert_eq!(occurrences("the U.S. Treasury", "U.S."), 1);
        assert_eq!(occurrences("U.S.-led", "U.S."), 1);
        assert_eq!(occurrences("Friday's meeting", "Friday"), 1);
        assert_eq!(occurrences("$3 billion and $3 billion", "$3 billion"), 2);
        assert_eq!(occurrences("often", "ten"), 0);
        assert_eq!(occurrences("People’s Republic", "People's Republic"), 0);
        assert_eq!(occurrences("anything", ""), 0);
        assert_eq!(occurrences("officials led byWen Jiabao", "Wen Jiabao"), 1);
        assert_eq!(occurrences("Wen JiabaoThen", "Wen Jiabao"), 1);
    }
}
