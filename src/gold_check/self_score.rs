//! Gold scored against itself with the project's scorer (`evaluate::score`):
//! every field must come out at F1 1.0 and every accuracy at 1.0. Items the
//! scorer cannot pair with their own copy (two entities that share a name in
//! an order that makes the first take the second's copy, an event whose
//! authority is missing) show up here as misses.

use super::shape::LISTS;
use super::{Fault, Found};
use crate::evaluate::{Accuracy, Miss, Prf, score};
use serde_json::Value;

pub fn check(gold: &Value, found: &mut Found) {
    let mut prediction = gold.clone();
    // As a prediction, every gold item is one: optional ones too.
    for list in LISTS {
        if let Some(items) = prediction.get_mut(*list).and_then(Value::as_array_mut) {
            for item in items.iter_mut().filter_map(Value::as_object_mut) {
                item.remove("optional");
            }
        }
    }
    let report = score(std::slice::from_ref(gold), std::slice::from_ref(&prediction));
    let fields: [(&'static str, &Prf); 8] = [
        ("officials", &report.officials),
        ("entities", &report.entities),
        ("countries", &report.countries),
        ("counts", &report.counts),
        ("amounts", &report.amounts),
        ("dates", &report.dates),
        ("events", &report.events),
        ("event named_targets", &report.event_named_targets),
    ];
    for (field, prf) in fields {
        if let Some(f1) = prf.f1.filter(|&f1| f1 < 1.0) {
            found.add(
                field,
                Fault::SelfScore {
                    f1,
                    misses: misses(&report.misses, field),
                },
            );
        }
    }
    let accuracies: [(&'static str, &Accuracy); 4] = [
        ("official title", &report.official_title),
        ("entity type", &report.entity_type),
        ("event counts", &report.event_counts),
        ("event date", &report.event_date),
    ];
    for (what, accuracy) in accuracies {
        if let Some(value) = accuracy.accuracy.filter(|&a| a < 1.0) {
            found.add(what, Fault::SelfAccuracy { accuracy: value });
        }
    }
}

/// The scorer's misses of one field, as `missed {...}` and `spurious {...}`.
fn misses(all: &[Miss], field: &str) -> Vec<String> {
    all.iter()
        .filter(|m| m.field == field)
        .map(|m| format!("{} {}", m.kind, m.item))
        .collect()
}
