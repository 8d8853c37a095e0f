//! Evaluate: score predicted records against gold, as docs/scoring.md describes.
//!
//! Gold and predictions are read as plain JSON values, so records of any producer
//! can be scored. Per field, matches are counted over all gold articles and
//! micro-averaged. Required gold items choose their match first; an optional gold
//! item that matches a prediction makes it neither a true nor a false positive,
//! and an unmatched optional item is not a miss. A ratio with nothing to count
//! (no prediction, no gold, no matched pair) is `None`, never 0 or 1: a field
//! the data does not exercise must not read as perfect or as failed.

use crate::extract::entity::key_text;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Count categories that are scored.
const SCORED_CATEGORIES: &[&str] = &["individual", "entity", "vessel", "aircraft"];
/// Relative tolerance on amount values.
const AMOUNT_TOLERANCE: f64 = 0.005;

/// `part / whole`, or `None` when `whole` is 0.
fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Precision, recall and F1 of one field. A ratio is `None` (`null` in JSON,
/// `n/a` in the table) when its denominator is 0: precision without any
/// prediction, recall without any gold item, F1 without either.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// True positives: matched pairs.
    pub tp: u64,
    /// False positives: predictions left unmatched.
    pub fp: u64,
    /// False negatives: required gold items left unmatched (`fn` in JSON).
    #[serde(rename = "fn")]
    pub fn_: u64,
    /// `tp / (tp + fp)`.
    pub precision: Option<f64>,
    /// `tp / (tp + fn)`.
    pub recall: Option<f64>,
    /// `2 tp / (2 tp + fp + fn)`.
    pub f1: Option<f64>,
}

impl Prf {
    fn add(&mut self, tp: u64, fp: u64, fn_: u64) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
        self.precision = ratio(self.tp, self.tp + self.fp);
        self.recall = ratio(self.tp, self.tp + self.fn_);
        // The harmonic mean of precision and recall where both exist, and 0
        // where one of them does not but something was predicted or missed.
        self.f1 = ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_);
    }
}

/// A share of matched pairs that agree on something; `None` without any pair.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Pairs that agree.
    pub correct: u64,
    /// Matched pairs.
    pub total: u64,
    /// `correct / total`.
    pub accuracy: Option<f64>,
}

impl Accuracy {
    fn add(&mut self, correct: bool) {
        self.total += 1;
        self.correct += u64::from(correct);
        self.accuracy = ratio(self.correct, self.total);
    }
}

/// One gold item that was missed or one prediction that matched nothing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    /// The article.
    pub doc_id: String,
    /// The scored field: `officials`, `entities`, `countries`, `counts`,
    /// `amounts`, `dates` or `events`.
    pub field: &'static str,
    /// `missed` (gold not found) or `spurious` (prediction without gold).
    pub kind: &'static str,
    /// The item as JSON, without its spans and `optional`.
    pub item: String,
}

/// The scores of a gold file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Gold articles, with a prediction or without.
    pub articles: u64,
    /// Gold articles without a prediction (all their items count as missed).
    pub articles_without_prediction: u64,
    /// Predicted articles whose `doc_id` no gold article has (not scored).
    pub predictions_without_gold: u64,
    /// Officials, matched by a shared name or the same first and last word.
    pub officials: Prf,
    /// Over matched officials: the titles agree (one inside the other, as whole words).
    pub official_title: Accuracy,
    /// Entities other than countries, matched by a shared name.
    pub entities: Prf,
    /// Over matched entities: the same `type`.
    pub entity_type: Accuracy,
    /// Entities of type `country`, matched by a shared name.
    pub countries: Prf,
    /// Counts of the scored categories, by value and category.
    pub counts: Prf,
    /// Amounts, by currency and value within half a percent.
    pub amounts: Prf,
    /// Dates, by value.
    pub dates: Prf,
    /// Events, by authority, status and (where both give one) target.
    pub events: Prf,
    /// Over matched events: the same counts.
    pub event_counts: Accuracy,
    /// Over matched events: their named targets, matched as names and pooled.
    pub event_named_targets: Prf,
    /// Over matched events: the same date.
    pub event_date: Accuracy,
    /// Every missed gold item and spurious prediction, article by article.
    #[serde(skip)]
    pub misses: Vec<Miss>,
    /// The `doc_id`s of the gold articles without a prediction, in gold order.
    #[serde(skip)]
    pub gold_ids_without_prediction: Vec<String>,
    /// The `doc_id`s of the predictions without gold, in prediction order.
    #[serde(skip)]
    pub predicted_ids_without_gold: Vec<String>,
}

/// Names as the scorer compares them: lower case, runs of non-alphanumeric
/// characters as one space, no leading `the `. That is the key the entity
/// extractor groups names by ([`key_text`]), so one function serves both; the
/// test `normalized_names_as_read_char_by_char` holds it to this definition, so
/// a change to the extractor's key cannot change scoring unseen.
pub fn normalize_name(name: &str) -> String {
    key_text(name)
}

/// Scores predictions against gold. Both are lists of JSON objects with a
/// `doc_id`; predictions for articles without gold are not scored, only
/// counted.
pub fn score(gold: &[Value], predictions: &[Value]) -> Report {
    let doc_id = |record: &Value| record.get("doc_id").and_then(Value::as_str).unwrap_or("").to_string();
    let by_id: BTreeMap<String, &Value> = predictions.iter().map(|p| (doc_id(p), p)).collect();
    let gold_ids: BTreeSet<String> = gold.iter().map(doc_id).collect();
    let mut report = Report::default();
    let mut seen = BTreeSet::new();
    for id in predictions.iter().map(doc_id) {
        if !gold_ids.contains(&id) && seen.insert(id.clone()) {
            report.predicted_ids_without_gold.push(id);
        }
    }
    report.predictions_without_gold = report.predicted_ids_without_gold.len() as u64;
    let empty = Value::Object(Default::default());
    for g in gold {
        let doc_id = g.get("doc_id").and_then(Value::as_str).unwrap_or("");
        report.articles += 1;
        let p = by_id.get(doc_id).copied().unwrap_or_else(|| {
            report.articles_without_prediction += 1;
            report.gold_ids_without_prediction.push(doc_id.to_string());
            &empty
        });
        let mut article = Article {
            doc_id,
            report: &mut report,
        };
        article.officials(items(g, "officials"), items(p, "officials"));
        article.entities(items(g, "entities"), items(p, "entities"));
        article.counts(items(g, "counts"), items(p, "counts"));
        article.amounts(items(g, "amounts"), items(p, "amounts"));
        article.dates(items(g, "dates"), items(p, "dates"));
        article.events(items(g, "events"), items(p, "events"));
    }
    report
}

fn items<'a>(record: &'a Value, field: &str) -> Vec<&'a Value> {
    record
        .get(field)
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn is_optional(item: &Value) -> bool {
    item.get("optional").and_then(Value::as_bool).unwrap_or(false)
}

fn text_of<'a>(item: &'a Value, field: &str) -> Option<&'a str> {
    item.get(field).and_then(Value::as_str)
}

/// The normalised name and aliases of an item.
fn names(item: &Value) -> Vec<String> {
    let mut out: Vec<String> = text_of(item, "name").map(normalize_name).into_iter().collect();
    if let Some(aliases) = item.get("aliases").and_then(Value::as_array) {
        out.extend(aliases.iter().filter_map(Value::as_str).map(normalize_name));
    }
    out.retain(|n| !n.is_empty());
    out
}

fn share_a_name(a: &Value, b: &Value) -> bool {
    let b_names = names(b);
    names(a).iter().any(|n| b_names.contains(n))
}

/// First and last tokens of the names agree (`Brian Nelson` = `Brian E. Nelson`).
fn same_first_and_last(a: &Value, b: &Value) -> bool {
    let ends = |item: &Value| {
        let name = normalize_name(text_of(item, "name")?);
        let tokens: Vec<&str> = name.split(' ').collect();
        (tokens.len() >= 2).then(|| (tokens[0].to_string(), tokens[tokens.len() - 1].to_string()))
    };
    matches!((ends(a), ends(b)), (Some(x), Some(y)) if x == y)
}

/// Pairs gold and predictions: required gold first, then optional, each taking
/// the first free prediction that `matches`. Returns pairs and leftovers.
struct Pairing {
    pairs: Vec<(usize, usize)>,
    missed: Vec<usize>,
    spurious: Vec<usize>,
}

fn pair(gold: &[&Value], pred: &[&Value], matches: impl Fn(&Value, &Value) -> bool) -> Pairing {
    let mut taken = vec![false; pred.len()];
    let mut pairs = Vec::new();
    let mut missed = Vec::new();
    for optional_round in [false, true] {
        for (gi, g) in gold.iter().enumerate() {
            if is_optional(g) != optional_round {
                continue;
            }
            match (0..pred.len()).find(|&pi| !taken[pi] && matches(g, pred[pi])) {
                Some(pi) => {
                    taken[pi] = true;
                    if !optional_round {
                        pairs.push((gi, pi));
                    }
                }
                None if !optional_round => missed.push(gi),
                None => {}
            }
        }
    }
    let spurious = (0..pred.len()).filter(|&pi| !taken[pi]).collect();
    Pairing {
        pairs,
        missed,
        spurious,
    }
}

struct Article<'a> {
    doc_id: &'a str,
    report: &'a mut Report,
}

impl Article<'_> {
    fn tally(&mut self, field: &'static str, pairing: &Pairing, gold: &[&Value], pred: &[&Value]) -> (u64, u64, u64) {
        for &gi in &pairing.missed {
            self.miss(field, "missed", gold[gi]);
        }
        for &pi in &pairing.spurious {
            self.miss(field, "spurious", pred[pi]);
        }
        (
            pairing.pairs.len() as u64,
            pairing.spurious.len() as u64,
            pairing.missed.len() as u64,
        )
    }

    fn miss(&mut self, field: &'static str, kind: &'static str, item: &Value) {
        let mut shown = item.clone();
        if let Some(obj) = shown.as_object_mut() {
            for noisy in ["mentions", "span", "evidence", "optional"] {
                obj.remove(noisy);
            }
        }
        self.report.misses.push(Miss {
            doc_id: self.doc_id.to_string(),
            field,
            kind,
            item: shown.to_string(),
        });
    }

    fn officials(&mut self, gold: Vec<&Value>, pred: Vec<&Value>) {
        let pairing = pair(&gold, &pred, |g, p| share_a_name(g, p) || same_first_and_last(g, p));
        let (tp, fp, fn_) = self.tally("officials", &pairing, &gold, &pred);
        self.report.officials.add(tp, fp, fn_);
        for &(gi, pi) in &pairing.pairs {
            let correct = titles_agree(text_of(gold[gi], "title"), text_of(pred[pi], "title"));
            self.report.official_title.add(correct);
        }
    }

    fn entities(&mut self, gold: Vec<&Value>, pred: Vec<&Value>) {
        let is_country = |v: &&Value| text_of(v, "type") == Some("country");
        let (gold_countries, gold_others): (Vec<&Value>, Vec<&Value>) = gold.into_iter().partition(is_country);
        let (pred_countries, pred_others): (Vec<&Value>, Vec<&Value>) = pred.into_iter().partition(is_country);

        let pairing = pair(&gold_others, &pred_others, share_a_name);
        let (tp, fp, fn_) = self.tally("entities", &pairing, &gold_others, &pred_others);
        self.report.entities.add(tp, fp, fn_);
        for &(gi, pi) in &pairing.pairs {
            self.report
                .entity_type
                .add(text_of(gold_others[gi], "type") == text_of(pred_others[pi], "type"));
        }

        let pairing = pair(&gold_countries, &pred_countries, share_a_name);
        let (tp, fp, fn_) = self.tally("countries", &pairing, &gold_countries, &pred_countries);
        self.report.countries.add(tp, fp, fn_);
    }

    fn counts(&mut self, gold: Vec<&Value>, pred: Vec<&Value>) {
        let scored = |v: &&Value| text_of(v, "category").is_some_and(|c| SCORED_CATEGORIES.contains(&c));
        let gold: Vec<&Value> = gold.into_iter().filter(scored).collect();
        let pred: Vec<&Value> = pred.into_iter().filter(scored).collect();
        let pairing = pair(&gold, &pred, |g, p| {
            number(g.get("value")) == number(p.get("value")) && g.get("category") == p.get("category")
        });
        let (tp, fp, fn_) = self.tally("counts", &pairing, &gold, &pred);
        self.report.counts.add(tp, fp, fn_);
    }

    fn amounts(&mut self, gold: Vec<&Value>, pred: Vec<&Value>) {
        let pairing = pair(&gold, &pred, |g, p| {
            let close = match (number(g.get("value")), number(p.get("value"))) {
                (Some(a), Some(b)) => (a - b).abs() <= AMOUNT_TOLERANCE * a.abs().max(b.abs()),
                _ => false,
            };
            close && g.get("currency") == p.get("currency")
        });
        let (tp, fp, fn_) = self.tally("amounts", &pairing, &gold, &pred);
        self.report.amounts.add(tp, fp, fn_);
    }

    fn dates(&mut self, gold: Vec<&Value>, pred: Vec<&Value>) {
        let pairing = pair(&gold, &pred, |g, p| {
            g.get("value").is_some() && g.get("value") == p.get("value")
        });
        let (tp, fp, fn_) = self.tally("dates", &pairing, &gold, &pred);
        self.report.dates.add(tp, fp, fn_);
    }

    fn events(&mut self, gold: Vec<&Value>, pred: Vec<&Value>) {
        let pairing = pair_events(&gold, &pred);
        let (tp, fp, fn_) = self.tally("events", &pairing, &gold, &pred);
        self.report.events.add(tp, fp, fn_);
        for &(gi, pi) in &pairing.pairs {
            let (g, p) = (gold[gi], pred[pi]);
            self.report.event_counts.add(event_counts(g) == event_counts(p));
            let g_targets: Vec<Value> = named_targets(g)
                .into_iter()
                .map(|n| serde_json::json!({ "name": n }))
                .collect();
            let p_targets: Vec<Value> = named_targets(p)
                .into_iter()
                .map(|n| serde_json::json!({ "name": n }))
                .collect();
            let targets = pair(
                &g_targets.iter().collect::<Vec<_>>(),
                &p_targets.iter().collect::<Vec<_>>(),
                share_a_name,
            );
            self.report.event_named_targets.add(
                targets.pairs.len() as u64,
                targets.spurious.len() as u64,
                targets.missed.len() as u64,
            );
            self.report
                .event_date
                .add(g.get("date").unwrap_or(&Value::Null) == p.get("date").unwrap_or(&Value::Null));
        }
    }
}

/// Titles agree when both are absent, or when, normalised, one is the other or
/// lies inside it as a run of whole words: `deputy minister` is in `former
/// deputy minister`, `minister` is not in `administer`.
fn titles_agree(gold: Option<&str>, pred: Option<&str>) -> bool {
    let title = |t: Option<&str>| t.map(normalize_name).filter(|t| !t.is_empty());
    match (title(gold), title(pred)) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            // Normalised names are words joined by single spaces, so padding
            // both with a space makes `contains` stop at word boundaries.
            let (g, p) = (format!(" {g} "), format!(" {p} "));
            g.contains(&p) || p.contains(&g)
        }
        _ => false,
    }
}

fn number(v: Option<&Value>) -> Option<f64> {
    v?.as_f64()
}

fn event_counts(event: &Value) -> Vec<(i64, String)> {
    let mut out: Vec<(i64, String)> = items(event, "counts")
        .into_iter()
        .filter_map(|c| Some((number(c.get("value"))? as i64, text_of(c, "category")?.to_string())))
        .collect();
    out.sort();
    out
}

fn named_targets(event: &Value) -> Vec<String> {
    items(event, "named_targets")
        .into_iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect()
}

/// Events pair when authority and status agree and, where both give one, the
/// target; among candidates, the pairs agreeing on most other fields go first.
fn pair_events(gold: &[&Value], pred: &[&Value]) -> Pairing {
    let key = |v: &Value, f: &str| text_of(v, f).map(normalize_name);
    let compatible = |g: &Value, p: &Value| {
        key(g, "authority") == key(p, "authority")
            && key(g, "status") == key(p, "status")
            && match (key(g, "target"), key(p, "target")) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    };
    let agreement = |g: &Value, p: &Value| {
        let targets = named_targets(g);
        let p_targets: Vec<String> = named_targets(p).iter().map(|n| normalize_name(n)).collect();
        u32::from(key(g, "target").is_some() && key(g, "target") == key(p, "target"))
            + u32::from(event_counts(g) == event_counts(p))
            + u32::from(g.get("date") == p.get("date"))
            + targets
                .iter()
                .filter(|t| p_targets.contains(&normalize_name(t)))
                .count() as u32
    };
    let mut candidates: Vec<(bool, u32, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if compatible(g, p) {
                candidates.push((is_optional(g), agreement(g, p), gi, pi));
            }
        }
    }
    // Required gold first, then most agreement, then document order.
    candidates.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut gold_taken = vec![false; gold.len()];
    let mut pred_taken = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (optional, _, gi, pi) in candidates {
        if gold_taken[gi] || pred_taken[pi] {
            continue;
        }
        gold_taken[gi] = true;
        pred_taken[pi] = true;
        if !optional {
            pairs.push((gi, pi));
        }
    }
    pairs.sort_unstable();
    let missed = (0..gold.len())
        .filter(|&gi| !gold_taken[gi] && !is_optional(gold[gi]))
        .collect();
    let spurious = (0..pred.len()).filter(|&pi| !pred_taken[pi]).collect();
    Pairing {
        pairs,
        missed,
        spurious,
    }
}

impl Report {
    /// The report as a table for people.
    pub fn to_table(&self) -> String {
        let mut out = format!(
            "{} gold articles ({} without a prediction)\n\n{:<20} {:>9} {:>9} {:>9} {:>6} {:>6} {:>6}\n",
            self.articles, self.articles_without_prediction, "field", "precision", "recall", "F1", "tp", "fp", "fn"
        );
        let fields = [
            ("officials", &self.officials),
            ("entities", &self.entities),
            ("countries", &self.countries),
            ("counts", &self.counts),
            ("amounts", &self.amounts),
            ("dates", &self.dates),
            ("events", &self.events),
            ("event named_targets", &self.event_named_targets),
        ];
        for (name, prf) in fields {
            out.push_str(&format!(
                "{name:<20} {:>9} {:>9} {:>9} {:>6} {:>6} {:>6}\n",
                shown(prf.precision),
                shown(prf.recall),
                shown(prf.f1),
                prf.tp,
                prf.fp,
                prf.fn_
            ));
        }
        out.push('\n');
        let accuracies = [
            ("official title accuracy", &self.official_title),
            ("entity type accuracy", &self.entity_type),
            ("event counts accuracy", &self.event_counts),
            ("event date accuracy", &self.event_date),
        ];
        for (name, acc) in accuracies {
            out.push_str(&format!(
                "{name:<24} {:>6} ({}/{})\n",
                shown(acc.accuracy),
                acc.correct,
                acc.total
            ));
        }
        out
    }
}

/// A ratio with three decimals, `n/a` when there was nothing to count.
fn shown(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "n/a".to_string(), |r| format!("{r:.3}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn normalized_names_as_read_char_by_char() {
        // The definition, through the Unicode tables for every character.
        let spec = |name: &str| {
            let mut out = String::new();
            for c in name.chars() {
                if c.is_alphanumeric() {
                    out.extend(c.to_lowercase());
                } else if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            let trimmed = out.trim();
            trimmed.strip_prefix("the ").unwrap_or(trimmed).to_string()
        };
        let pieces = [
            "The", "the", " ", "  ", "-", ".", "U.S.", "Korea", "İ", "Ö", "ß", "東京", "\u{a0}", "'s", "3", "THE ",
        ];
        let mut next = crate::testing::picker(31);
        for _ in 0..20_000 {
            let name: String = (0..next(7)).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(normalize_name(&name), spec(&name), "{name:?}");
        }
    }

    #[test]
    fn names_normalise() {
        assert_eq!(
            normalize_name("The U.S. Department of the Treasury"),
            "u s department of the treasury"
        );
        assert_eq!(
            normalize_name("Democratic People’s Republic of Korea"),
            "democratic people s republic of korea"
        );
        assert_eq!(normalize_name("  Kim Ji-na "), "kim ji na");
    }

    #[test]
    fn officials_match_by_alias_or_first_and_last_token() {
        let gold = [json!({"doc_id": "a", "officials": [
            {"name": "Brian E. Nelson", "title": "Under Secretary", "aliases": ["Nelson"]},
            {"name": "Janet Yellen", "title": "Treasury Secretary", "aliases": []},
            {"name": "Yoo In-ho", "title": "Reporter", "aliases": [], "optional": true}
        ]})];
        let pred = [json!({"doc_id": "a", "officials": [
            {"name": "Brian Nelson", "title": "Under Secretary of the Treasury", "aliases": []},
            {"name": "Yellen", "title": null, "aliases": []},
            {"name": "Yoo In-ho", "title": null, "aliases": []},
            {"name": "Lee Jae Myung", "title": "President", "aliases": []}
        ]})];
        let report = score(&gold, &pred);
        // "Yellen" shares no name or alias with "Janet Yellen": a miss and a
        // spurious prediction; the optional reporter counts for nothing.
        assert_eq!(
            (report.officials.tp, report.officials.fp, report.officials.fn_),
            (1, 2, 1)
        );
        assert_eq!(
            report.official_title,
            Accuracy {
                correct: 1,
                total: 1,
                accuracy: Some(1.0)
            }
        );
    }

    #[test]
    fn countries_are_scored_apart_from_entities() {
        let gold = [json!({"doc_id": "a", "entities": [
            {"name": "Office of Foreign Assets Control", "type": "government_body", "aliases": ["OFAC"]},
            {"name": "North Korea", "type": "country", "aliases": ["DPRK"]}
        ]})];
        let pred = [json!({"doc_id": "a", "entities": [
            {"name": "OFAC", "type": "company", "aliases": []},
            {"name": "DPRK", "type": "country", "aliases": []},
            {"name": "Russia", "type": "country", "aliases": []}
        ]})];
        let report = score(&gold, &pred);
        assert_eq!((report.entities.tp, report.entities.fp, report.entities.fn_), (1, 0, 0));
        assert_eq!(report.entity_type.accuracy, Some(0.0));
        assert_eq!(
            (report.countries.tp, report.countries.fp, report.countries.fn_),
            (1, 1, 0)
        );
    }

    #[test]
    fn counts_amounts_and_dates_are_multisets() {
        let gold = [json!({"doc_id": "a",
            "counts": [{"value": 8, "category": "individual"}, {"value": 8, "category": "individual"},
                       {"value": 3, "category": "other"}],
            "amounts": [{"value": 400000000, "currency": "USD"}, {"value": 5, "currency": "EUR", "optional": true}],
            "dates": [{"value": "2025-11-06"}]})];
        let pred = [json!({"doc_id": "a",
            "counts": [{"value": 8, "category": "individual"}, {"value": 2, "category": "entity"},
                       {"value": 5, "category": "other"}],
            "amounts": [{"value": 401000000, "currency": "USD"}, {"value": 5, "currency": "EUR"}],
            "dates": [{"value": "2025-11-06"}, {"value": "2025-11"}]})];
        let r = score(&gold, &pred);
        assert_eq!((r.counts.tp, r.counts.fp, r.counts.fn_), (1, 1, 1));
        assert_eq!((r.amounts.tp, r.amounts.fp, r.amounts.fn_), (1, 0, 0));
        assert_eq!((r.dates.tp, r.dates.fp, r.dates.fn_), (1, 1, 0));
        assert_eq!((r.dates.precision, r.dates.recall), (Some(0.5), Some(1.0)));
        // F1 is the harmonic mean of the two.
        assert!((r.dates.f1.unwrap() - 2.0 / 3.0).abs() < 1e-12, "{:?}", r.dates.f1);
    }

    #[test]
    fn events_pair_on_authority_status_and_target() {
        let gold = [json!({"doc_id": "a", "events": [
            {"authority": "United States", "status": "imposed", "target": "North Korea",
             "counts": [{"value": 8, "category": "individual"}, {"value": 2, "category": "entity"}],
             "named_targets": ["Korea Mangyongdae Computer Technology Company"], "date": "2025-11-04"},
            {"authority": "South Korea", "status": "planned", "target": "North Korea", "counts": [],
             "named_targets": [], "date": null}
        ]})];
        let pred = [json!({"doc_id": "a", "events": [
            {"authority": "South Korea", "status": "planned", "target": null, "counts": [], "named_targets": [], "date": null},
            {"authority": "United States", "status": "imposed", "target": "North Korea",
             "counts": [{"value": 2, "category": "entity"}, {"value": 8, "category": "individual"}],
             "named_targets": ["KMCTC", "Korea Mangyongdae Computer Technology Company"], "date": null},
            {"authority": "Japan", "status": "imposed", "target": "North Korea", "counts": [], "named_targets": [], "date": null}
        ]})];
        let r = score(&gold, &pred);
        assert_eq!((r.events.tp, r.events.fp, r.events.fn_), (2, 1, 0));
        assert_eq!((r.event_counts.correct, r.event_counts.total), (2, 2));
        assert_eq!(
            (
                r.event_named_targets.tp,
                r.event_named_targets.fp,
                r.event_named_targets.fn_
            ),
            (1, 1, 0)
        );
        assert_eq!((r.event_date.correct, r.event_date.total), (1, 2));
    }

    #[test]
    fn a_missing_prediction_misses_everything() {
        let gold = [json!({"doc_id": "a", "dates": [{"value": "2025"}]})];
        let r = score(&gold, &[]);
        assert_eq!(r.articles_without_prediction, 1);
        assert_eq!((r.dates.tp, r.dates.fn_), (0, 1));
        assert_eq!(r.dates.f1, Some(0.0));
        assert_eq!(r.gold_ids_without_prediction, ["a"]);
    }

    #[test]
    fn titles_agree_as_whole_words() {
        let cases = [
            (Some("Minister"), Some("Minister"), true),
            (Some("Prime Minister"), Some("prime minister"), true),
            (Some("Vice President"), Some("former Vice President"), true),
            (Some("Second Vice Foreign Minister"), Some("Foreign Minister"), true),
            (Some("Minister"), Some("administer"), false),
            (Some("Vice"), Some("Secret Service"), false),
            (Some("Secretary"), Some("Secretary-General"), true),
            (Some("Secretary General"), Some("Secretary"), true),
            (Some("Secretary"), Some("Undersecretary"), false),
            (None, None, true),
            (Some(""), None, true),
            (Some("President"), None, false),
            (None, Some("President"), false),
        ];
        for (gold, pred, agree) in cases {
            assert_eq!(titles_agree(gold, pred), agree, "{gold:?} / {pred:?}");
        }
        // The same through `score`: the name matches, the title does not.
        let gold = [json!({"doc_id": "a", "officials": [{"name": "Ann Lee", "title": "Minister"}]})];
        let pred = [json!({"doc_id": "a", "officials": [{"name": "Ann Lee", "title": "Administer"}]})];
        let r = score(&gold, &pred);
        assert_eq!((r.official_title.correct, r.official_title.total), (0, 1));
        assert_eq!(r.official_title.accuracy, Some(0.0));
    }

    #[test]
    fn nothing_to_count_is_not_a_score() {
        let gold = [json!({"doc_id": "a", "dates": [{"value": "2025"}], "events": []})];
        let pred = [json!({"doc_id": "a", "dates": [], "amounts": [{"value": 5, "currency": "EUR"}]})];
        let r = score(&gold, &pred);
        // Gold dates, no predicted one: no precision, recall and F1 0.
        assert_eq!(
            (r.dates.precision, r.dates.recall, r.dates.f1),
            (None, Some(0.0), Some(0.0))
        );
        // A predicted amount, no gold one: precision and F1 0, no recall.
        assert_eq!(
            (r.amounts.precision, r.amounts.recall, r.amounts.f1),
            (Some(0.0), None, Some(0.0))
        );
        // Neither gold nor predicted events, no matched official.
        assert_eq!((r.events.precision, r.events.recall, r.events.f1), (None, None, None));
        assert_eq!(r.official_title.accuracy, None);
        let table = r.to_table();
        assert!(
            table.contains("dates                      n/a     0.000     0.000      0      0      1\n"),
            "{table}"
        );
        assert!(
            table.contains("events                     n/a       n/a       n/a      0      0      0\n"),
            "{table}"
        );
        assert!(table.contains("official title accuracy     n/a (0/0)\n"), "{table}");
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["events"]["f1"], Value::Null);
        assert_eq!(json["dates"]["recall"], 0.0);
        assert_eq!(json["official_title"]["accuracy"], Value::Null);
    }

    #[test]
    fn articles_on_one_side_only_are_listed() {
        let gold = [json!({"doc_id": "a"}), json!({"doc_id": "b"}), json!({"doc_id": "e"})];
        let pred = [
            json!({"doc_id": "d"}),
            json!({"doc_id": "a"}),
            json!({"doc_id": "c"}),
            json!({"doc_id": "d"}),
        ];
        let r = score(&gold, &pred);
        assert_eq!((r.articles, r.articles_without_prediction), (3, 2));
        assert_eq!(r.gold_ids_without_prediction, ["b", "e"]);
        assert_eq!(r.predictions_without_gold, 2);
        assert_eq!(r.predicted_ids_without_gold, ["d", "c"]);
        assert_eq!(serde_json::to_value(&r).unwrap()["predictions_without_gold"], 2);
    }
}
