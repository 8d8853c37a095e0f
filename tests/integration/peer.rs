//! External suites: Recognizers-Text's English currency and number cases and
//! the TempEval-3 platinum DATE timexes, run through the extractors. The pass
//! rates are printed (`cargo test --test integration peer -- --nocapture`) and
//! must not fall below the floors in `tests/floors/peer_suites.json`.
//!
//! What is in scope and how it is scored (see `tests/data/peer/README.md`):
//!
//! - currency: cases the .NET reference supports whose every expected result
//!   is a sum (a value) in a currency our lexicon produces. `Dollar` without a
//!   country is USD (as `$` is in our rules), cents and pence are hundredths of
//!   USD and GBP. A case passes when the sums found equal the expected ones
//!   (value and ISO code, as a multiset) and nothing else is found. Cases
//!   with no expected result are reported apart: they pass when no sum is
//!   found.
//! - number: cases the .NET reference supports whose every expected result is
//!   an integer or a decimal (no fractions, powers), including those expecting
//!   nothing. A case passes when [`numeral::find`] returns exactly the
//!   expected numerals: same spans, same values.
//! - TempEval-3 platinum: every TIMEX3 of type DATE; a prediction matches a
//!   gold timex when the spans overlap and the values are equal (one to one).
//!   The bounds of a range are scored as two predictions, as TimeML annotates
//!   them; a prediction that overlaps a timex of another type (`Sunday night`
//!   is a TIME) is left to that type's score. Also reported: the same without
//!   the vague references (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`: `now`,
//!   `the past`), which our annotation rules say are no dates.

use sanctions_extract::extract::{date, money, numeral};
use serde_json::Value;
use std::collections::BTreeMap;

fn lines(path: &str) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn floors() -> BTreeMap<String, f64> {
    let text = std::fs::read_to_string("tests/floors/peer_suites.json").expect("floors file");
    serde_json::from_str(&text).expect("floors are a JSON object of numbers")
}

fn verbose() -> bool {
    std::env::var_os("PEER_VERBOSE").is_some()
}

fn supported(case: &Value) -> bool {
    case["dotnet_supported"].as_bool().unwrap_or(true)
}

/// A Recognizers-Text currency result as (value in units, ISO code), if it is
/// a sum in a currency we produce.
fn expected_sum(item: &Value, ours: &std::collections::BTreeSet<&str>) -> Option<(f64, String)> {
    let resolution = &item["Resolution"];
    let value: f64 = resolution["value"].as_str()?.parse().ok()?;
    let unit = resolution["unit"].as_str()?;
    let (code, factor) = match resolution["isoCurrency"].as_str() {
        Some(iso) => (iso, 1.0),
        None => match unit {
            "Dollar" => ("USD", 1.0),
            "Pound" => ("GBP", 1.0),
            "Euro" => ("EUR", 1.0),
            "Rupee" => ("INR", 1.0),
            "Cent" => ("USD", 0.01),
            "Pence" | "Penny" => ("GBP", 0.01),
            _ => return None,
        },
    };
    ours.contains(code).then(|| (value * factor, code.to_string()))
}

fn same_sums(mut a: Vec<(f64, String)>, mut b: Vec<(f64, String)>) -> bool {
    let key = |x: &(f64, String)| (x.1.clone(), (x.0 * 1e6).round() as i128);
    a.sort_by_key(key);
    b.sort_by_key(key);
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(x, y)| x.1 == y.1 && (x.0 - y.0).abs() <= 1e-6 * y.0.abs().max(1.0))
}

struct Rate {
    passed: usize,
    total: usize,
}

impl Rate {
    fn value(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.passed as f64 / self.total as f64
        }
    }
}

fn currency() -> (Rate, Rate) {
    let ours = money::currencies();
    let mut sums = Rate { passed: 0, total: 0 };
    let mut negatives = Rate { passed: 0, total: 0 };
    for case in lines("tests/data/peer/recognizers-en-currency.jsonl") {
        if !supported(&case) {
            continue;
        }
        let input = case["input"].as_str().unwrap();
        let expected_items = case["expected"].as_array().unwrap();
        let found: Vec<(f64, String)> = money::find_in(input)
            .into_iter()
            .map(|m| (m.value.to_f64(), m.currency.to_string()))
            .collect();
        if expected_items.is_empty() {
            negatives.total += 1;
            if found.is_empty() {
                negatives.passed += 1;
            } else if verbose() {
                println!("currency negative FAIL {input:?}: found {found:?}");
            }
            continue;
        }
        let expected: Option<Vec<(f64, String)>> = expected_items.iter().map(|i| expected_sum(i, &ours)).collect();
        let Some(expected) = expected else { continue };
        sums.total += 1;
        if same_sums(found.clone(), expected.clone()) {
            sums.passed += 1;
        } else if verbose() {
            println!("currency FAIL {input:?}: found {found:?}, expected {expected:?}");
        }
    }
    (sums, negatives)
}

/// Byte offset to char offset.
fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

fn numbers() -> Rate {
    let mut rate = Rate { passed: 0, total: 0 };
    for case in lines("tests/data/peer/recognizers-en-number.jsonl") {
        if !supported(&case) {
            continue;
        }
        let items = case["expected"].as_array().unwrap();
        let in_scope = items.iter().all(|i| {
            let subtype = i["Resolution"]["subtype"].as_str();
            let value = i["Resolution"]["value"].as_str().and_then(|v| v.parse::<f64>().ok());
            match subtype {
                Some("integer" | "decimal") => value.is_some(),
                None => value.is_some_and(|v| v.fract() == 0.0),
                _ => false,
            }
        });
        if !in_scope {
            continue;
        }
        rate.total += 1;
        let input = case["input"].as_str().unwrap();
        let expected: Vec<(usize, usize, f64)> = items
            .iter()
            .map(|i| {
                (
                    i["Start"].as_u64().unwrap() as usize,
                    i["End"].as_u64().unwrap() as usize + 1,
                    i["Resolution"]["value"].as_str().unwrap().parse().unwrap(),
                )
            })
            .collect();
        let found: Vec<(usize, usize, f64)> = numeral::find(input)
            .into_iter()
            .map(|n| {
                (
                    char_offset(input, n.bytes.start),
                    char_offset(input, n.bytes.end),
                    n.value.to_f64(),
                )
            })
            .collect();
        let pass = found.len() == expected.len()
            && found
                .iter()
                .zip(&expected)
                .all(|(f, e)| f.0 == e.0 && f.1 == e.1 && (f.2 - e.2).abs() <= 1e-9 * e.2.abs().max(1.0));
        if pass {
            rate.passed += 1;
        } else if verbose() {
            println!("number FAIL {input:?}: found {found:?}, expected {expected:?}");
        }
    }
    rate
}

#[derive(Default)]
struct F1 {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl F1 {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// TempEval-3 DATE scores: over all DATE timexes, and without vague ones.
fn tempeval() -> (F1, F1) {
    let mut all = F1::default();
    let mut calendar = F1::default();
    for doc in lines("tests/data/peer/tempeval3-platinum.jsonl") {
        let text = doc["text"].as_str().unwrap();
        let dct = doc["dct"]
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let mut predictions: Vec<(usize, usize, String)> = Vec::new();
        for d in date::find_in(text, dct) {
            if d.parts.is_empty() {
                predictions.push((
                    char_offset(text, d.bytes.start),
                    char_offset(text, d.bytes.end),
                    d.value,
                ));
            } else {
                for (range, value) in d.parts {
                    predictions.push((char_offset(text, range.start), char_offset(text, range.end), value));
                }
            }
        }
        let gold: Vec<(usize, usize, String)> = doc["timex"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["type"] == "DATE")
            .map(|t| {
                (
                    t["start"].as_u64().unwrap() as usize,
                    t["end"].as_u64().unwrap() as usize,
                    t["value"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let vague = |v: &str| v.ends_with("_REF");
        // Predictions on timexes of other types (`Sunday night` is a TIME)
        // are scored with those types, not here; in the calendar scope, so
        // are those on vague DATE timexes.
        let other_types = timexes(&doc, |t| t["type"] != "DATE");
        let mut vague_or_other = timexes(&doc, |t| {
            t["type"] == "DATE" && t["value"].as_str().unwrap_or("").ends_with("_REF")
        });
        vague_or_other.extend(other_types.iter().cloned());
        for (scores, scoped) in [(&mut all, false), (&mut calendar, true)] {
            let gold: Vec<&(usize, usize, String)> = gold.iter().filter(|g| !scoped || !vague(&g.2)).collect();
            let ignored: &[(usize, usize, String)] = if scoped { &vague_or_other } else { &other_types };
            let mut taken = vec![false; gold.len()];
            for p in &predictions {
                let overlaps = |g: &(usize, usize, String)| p.0 < g.1 && g.0 < p.1;
                if let Some(k) = (0..gold.len()).find(|&k| !taken[k] && overlaps(gold[k]) && gold[k].2 == p.2) {
                    taken[k] = true;
                    scores.tp += 1;
                } else if ignored.iter().any(overlaps) {
                    // Out of scope (see above).
                } else {
                    scores.fp += 1;
                    if verbose() && !scoped {
                        println!(
                            "tempeval FP {}: {:?} = {}",
                            doc["doc_id"],
                            &text_chars(text, p.0, p.1),
                            p.2
                        );
                    }
                }
            }
            for (k, g) in gold.iter().enumerate() {
                if !taken[k] {
                    scores.fn_ += 1;
                    if verbose() && !scoped {
                        println!(
                            "tempeval FN {}: {:?} = {}",
                            doc["doc_id"],
                            &text_chars(text, g.0, g.1),
                            g.2
                        );
                    }
                }
            }
        }
    }
    (all, calendar)
}

/// The timexes of a document that `keep` selects, as (start, end, value).
fn timexes(doc: &Value, keep: impl Fn(&Value) -> bool) -> Vec<(usize, usize, String)> {
    doc["timex"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| keep(t))
        .map(|t| {
            (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
                t["value"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn text_chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn peer_suites_meet_their_floors() {
    let floors = floors();
    let (sums, negatives) = currency();
    let numbers = numbers();
    let (all, calendar) = tempeval();
    println!(
        "Recognizers-Text currency, sums in supported currencies: {}/{} = {:.3}",
        sums.passed,
        sums.total,
        sums.value()
    );
    println!(
        "Recognizers-Text currency, cases with no sum: {}/{} = {:.3}",
        negatives.passed,
        negatives.total,
        negatives.value()
    );
    println!(
        "Recognizers-Text number, integers and decimals: {}/{} = {:.3}",
        numbers.passed,
        numbers.total,
        numbers.value()
    );
    println!(
        "TempEval-3 platinum DATE (all): P {:.3} R {:.3} F1 {:.3} (tp {}, fp {}, fn {})",
        all.precision(),
        all.recall(),
        all.f1(),
        all.tp,
        all.fp,
        all.fn_
    );
    println!(
        "TempEval-3 platinum DATE (calendar values, no *_REF): P {:.3} R {:.3} F1 {:.3} (tp {}, fp {}, fn {})",
        calendar.precision(),
        calendar.recall(),
        calendar.f1(),
        calendar.tp,
        calendar.fp,
        calendar.fn_
    );
    let measured = [
        ("recognizers_currency_sums", sums.value()),
        ("recognizers_currency_no_sum", negatives.value()),
        ("recognizers_numbers", numbers.value()),
        ("tempeval3_date_f1", all.f1()),
        ("tempeval3_calendar_date_f1", calendar.f1()),
    ];
    for (name, value) in measured {
        let floor = floors.get(name).unwrap_or_else(|| panic!("no floor for {name}"));
        assert!(value >= *floor, "{name}: {value:.3} is below its floor {floor}");
    }
}
