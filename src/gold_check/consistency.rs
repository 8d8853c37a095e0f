//! The parts of a gold article against each other: one entity and one
//! official per name (ANNOTATION.md: "once per article"), event authorities
//! and targets that are entities of the article under their canonical names
//! and of the right type, event counts that the article's counts give and
//! event dates that its dates give (warnings: the text may give a total or a
//! date the annotator did not list).
//!
//! An authority or target may be no entity where the spec allows it: a
//! country the article names only by a demonym ("Venezuelan officials":
//! demonyms alone do not make an entity) or a capital, an authority that acts
//! through a body (OFAC for the United States, the Security Council for the
//! United Nations). The project's lexicon of countries and bodies is asked
//! for those forms; it can only excuse, never accuse.

use super::verbatim::occurrences;
use super::{Fault, Found};
use crate::assemble::facts::international_authority;
use crate::evaluate::normalize_name;
use crate::extract::lexicon;
use crate::record::EntityType;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Entity types an event's authority may have (ANNOTATION.md: "the imposing
/// government or international body").
const AUTHORITY_TYPES: &[&str] = &["country", "international_org"];

/// Short forms of the international organisations RECORD.md names.
const ORGANISATION_SHORT_FORMS: &[(&str, &[&str])] =
    &[("United Nations", &["UN", "U.N."]), ("European Union", &["EU", "E.U."])];

/// Checks one gold article; `text` is its article's, when it was found.
pub fn check(gold: &Value, text: Option<&str>, found: &mut Found) {
    let list = |name: &str| gold.get(name).and_then(Value::as_array).cloned().unwrap_or_default();
    let entities = list("entities");
    shared_names("entities", &entities, found);
    shared_names("officials", &list("officials"), found);
    let counts = list("counts");
    let date_items = list("dates");
    let dates: Vec<&str> = date_items
        .iter()
        .filter_map(|d| d.get("value").and_then(Value::as_str))
        .collect();
    for (i, event) in list("events").iter().enumerate() {
        let path = format!("events[{i}]");
        if let Some(authority) = event.get("authority").and_then(Value::as_str) {
            role(
                &entities,
                Role {
                    field: "authority",
                    name: authority,
                    types: AUTHORITY_TYPES,
                    expected: "an authority is a country or an international organization",
                },
                text,
                &path,
                found,
            );
        }
        if let Some(target) = event.get("target").and_then(Value::as_str) {
            role(
                &entities,
                Role {
                    field: "target",
                    name: target,
                    types: &["country"],
                    expected: "a target is a country",
                },
                text,
                &path,
                found,
            );
        }
        event_counts(event, &counts, &path, found);
        if let Some(date) = event.get("date").and_then(Value::as_str)
            && !dates.contains(&date)
        {
            found.add(&format!("{path}.date"), Fault::EventDateNotGiven(date.to_string()));
        }
    }
}

/// The normalised names (name and aliases) of an item.
fn names(item: &Value) -> BTreeSet<String> {
    let name = item.get("name").and_then(Value::as_str);
    let aliases = item.get("aliases").and_then(Value::as_array).into_iter().flatten();
    name.into_iter()
        .chain(aliases.filter_map(Value::as_str))
        .map(normalize_name)
        .filter(|n| !n.is_empty())
        .collect()
}

/// Two items of one list that share a name are one entity or person listed
/// twice, or a name that cannot tell two apart; either way the scorer pairs
/// a prediction with whichever comes first.
fn shared_names(field: &str, items: &[Value], found: &mut Found) {
    let mut first_with: BTreeMap<String, usize> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        let mut reported = false;
        for name in names(item) {
            match first_with.get(&name) {
                Some(&first) if !reported => {
                    found.add(
                        &format!("{field}[{i}]"),
                        Fault::SharedName {
                            other: format!("{field}[{first}]"),
                            name,
                        },
                    );
                    reported = true;
                }
                Some(_) => {}
                None => {
                    first_with.insert(name, i);
                }
            }
        }
    }
}

struct Role<'a> {
    field: &'static str,
    name: &'a str,
    types: &'static [&'static str],
    expected: &'static str,
}

/// An event's authority or target is the canonical name of an entity of a
/// type that can act or be aimed at.
fn role(entities: &[Value], role: Role, text: Option<&str>, path: &str, found: &mut Found) {
    let path = format!("{path}.{}", role.field);
    let key = normalize_name(role.name);
    let name_of = |e: &Value| e.get("name").and_then(Value::as_str).map(normalize_name);
    if let Some(entity) = entities.iter().find(|e| name_of(e).as_deref() == Some(key.as_str())) {
        let kind = entity.get("type").and_then(Value::as_str).unwrap_or("");
        if !role.types.contains(&kind) {
            found.add(
                &path,
                Fault::EntityType {
                    name: role.name.to_string(),
                    kind: kind.to_string(),
                    expected: role.expected,
                },
            );
        }
        return;
    }
    let fault = match entities.iter().find(|e| names(e).contains(&key)) {
        Some(entity) => Fault::NotCanonical {
            name: role.name.to_string(),
            canonical: entity.get("name").and_then(Value::as_str).unwrap_or("").to_string(),
        },
        // Without the article's text there is no telling.
        None if text.is_none_or(|text| named_otherwise(role.name, entities, text)) => return,
        None => Fault::NotAnEntity {
            name: role.name.to_string(),
        },
    };
    found.add(&path, fault);
}

/// Whether the article names `name`, which is no entity of its gold, in a
/// way that makes no entity: a country by a demonym, capital or other form
/// of the lexicon, an organisation by its short form, or either through a
/// body of the gold that the lexicon says is the country's.
fn named_otherwise(name: &str, entities: &[Value], text: &str) -> bool {
    let country = lexicon::country_by_name(name);
    let mut forms = vec![name];
    if let Some(c) = country {
        forms.extend(c.aliases.iter().chain(c.capitals).chain(c.demonyms));
    }
    for (organisation, short) in ORGANISATION_SHORT_FORMS {
        if *organisation == name {
            forms.extend(*short);
        }
    }
    if forms.iter().any(|form| occurrences(text, form) > 0) {
        return true;
    }
    // A body of the gold acts for it: a government body for its country, an
    // organ of an international organization for the organization (the
    // Security Council for the United Nations).
    entities.iter().any(|entity| {
        let own = entity.get("name").and_then(Value::as_str);
        let aliases = entity.get("aliases").and_then(Value::as_array).into_iter().flatten();
        own.into_iter()
            .chain(aliases.filter_map(Value::as_str))
            .filter_map(lexicon::body)
            .any(|body| match country {
                Some(country) => body.country == Some(country.code),
                None => body.kind == EntityType::InternationalOrg && international_authority(body.name) == name,
            })
    })
}

/// Each count of the event is a count of the article (any category: a
/// number over two nouns is `other` in both), or a sum of the article's
/// counts of its category (`six nationals and one individual` for 7).
fn event_counts(event: &Value, counts: &[Value], path: &str, found: &mut Found) {
    let value = |c: &Value| c.get("value").and_then(Value::as_u64);
    let category = |c: &Value| c.get("category").and_then(Value::as_str).map(str::to_string);
    let event_counts = event.get("counts").and_then(Value::as_array).into_iter().flatten();
    for (j, count) in event_counts.enumerate() {
        let (Some(n), Some(cat)) = (value(count), category(count)) else {
            continue;
        };
        if counts.iter().any(|c| value(c) == Some(n)) {
            continue;
        }
        let parts: Vec<u64> = counts
            .iter()
            .filter(|c| category(c).as_deref() == Some(cat.as_str()))
            .filter_map(value)
            .collect();
        if !is_sum_of_some(n, &parts) {
            found.add(
                &format!("{path}.counts[{j}]"),
                Fault::CountNotInArticle {
                    value: n,
                    category: cat,
                },
            );
        }
    }
}

/// Whether some of `parts` (each used at most once) add up to `target`.
fn is_sum_of_some(target: u64, parts: &[u64]) -> bool {
    let mut reachable: BTreeSet<u64> = BTreeSet::from([0]);
    for &part in parts {
        let next: Vec<u64> = reachable
            .iter()
            .map(|r| r + part)
            .filter(|&sum| sum <= target)
            .collect();
        reachable.extend(next);
    }
    target > 0 && reachable.contains(&target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_use_each_count_once() {
        assert!(is_sum_of_some(7, &[6, 1, 3]));
        assert!(is_sum_of_some(10, &[6, 1, 3]));
        assert!(!is_sum_of_some(12, &[6, 1, 3]));
        assert!(!is_sum_of_some(0, &[]));
    }
}
