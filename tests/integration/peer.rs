//! External suites: Recognizers-Text's English currency and number cases and
//! the TempEval-3 platinum DATE timexes, run through the extractors. The pass
//! rates are printed (`cargo test --test integration peer -- --nocapture`) and
//! must not fall below the floors in `tests/floors/peer_suites.json`.
//!
//! The suites are third-party data read from `peer-suites/` in the shared data
//! folder (`common::shared`; the test is skipped, visibly, where it is
//! absent). Which cases are scored is frozen in `tests/floors/peer_cases.json`
//! (line numbers in each suite, and the totals): the scope cannot shrink with
//! the implementation. A frozen case the extractor cannot handle any more (a
//! currency it no longer knows, an expected value it cannot read) fails; a
//! frozen list that is empty fails. `FREEZE_PEER_CASES=1` writes the list
//! anew from the scope rules below, for a commit that says why.
//!
//! The scope rules (docs/peer-suites.md says more):
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

use crate::common::{json_lines, shared};
use sanctions_extract::extract::{date, money, numeral};
use serde_json::Value;
use std::collections::BTreeMap;

/// Where the frozen case lists are.
const FROZEN: &str = "tests/floors/peer_cases.json";

/// The three suites, or `None` where the shared folder is absent.
struct Suites {
    currency: Vec<Value>,
    number: Vec<Value>,
    tempeval: Vec<Value>,
}

fn suites() -> Option<Suites> {
    let dir = shared("peer-suites")?;
    Some(Suites {
        currency: json_lines(&dir.join("recognizers-text/en-currency.jsonl")),
        number: json_lines(&dir.join("recognizers-text/en-number.jsonl")),
        tempeval: json_lines(&dir.join("tempeval3-platinum.jsonl")),
    })
}

/// The frozen scope: for each list, the 1-based line numbers of its cases.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Frozen {
    about: String,
    currency_lines: usize,
    number_lines: usize,
    tempeval_documents: usize,
    tempeval_date_timexes: usize,
    currency_sums: Vec<usize>,
    currency_no_sum: Vec<usize>,
    numbers: Vec<usize>,
}

/// The scope the rules below give today.
fn scope(suites: &Suites) -> Frozen {
    let ours = money::currencies();
    let mut currency_sums = Vec::new();
    let mut currency_no_sum = Vec::new();
    for (i, case) in suites.currency.iter().enumerate() {
        if !supported(case) {
            continue;
        }
        let items = case["expected"].as_array().unwrap();
        if items.is_empty() {
            currency_no_sum.push(i + 1);
        } else if items.iter().all(|item| expected_sum(item, &ours).is_some()) {
            currency_sums.push(i + 1);
        }
    }
    let numbers = suites
        .number
        .iter()
        .enumerate()
        .filter(|(_, case)| supported(case) && number_in_scope(case))
        .map(|(i, _)| i + 1)
        .collect();
    let date_timexes = suites
        .tempeval
        .iter()
        .map(|doc| timexes(doc, |t| t["type"] == "DATE").len())
        .sum();
    Frozen {
        about: String::from(
            "The peer-suite cases tests/integration/peer.rs scores (1-based line numbers of each suite in ../shared/peer-suites) and the suites' totals, frozen so that the scope cannot shrink with the implementation. Written by FREEZE_PEER_CASES=1; change it only in a commit that says why.",
        ),
        currency_lines: suites.currency.len(),
        number_lines: suites.number.len(),
        tempeval_documents: suites.tempeval.len(),
        tempeval_date_timexes: date_timexes,
        currency_sums,
        currency_no_sum,
        numbers,
    }
}

fn frozen() -> Frozen {
    let text = std::fs::read_to_string(FROZEN).expect("frozen peer cases");
    serde_json::from_str(&text).expect("frozen peer cases are JSON")
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
        assert!(self.total > 0, "an empty suite scores nothing");
        self.passed as f64 / self.total as f64
    }
}

/// Currency: the frozen sum cases and the frozen cases with no sum.
fn currency(cases: &[Value], frozen: &Frozen) -> (Rate, Rate) {
    let ours = money::currencies();
    let found_in = |input: &str| -> Vec<(f64, String)> {
        money::find_in(input)
            .into_iter()
            .map(|m| (m.value.to_f64(), m.currency.to_string()))
            .collect()
    };
    let mut sums = Rate {
        passed: 0,
        total: frozen.currency_sums.len(),
    };
    for &line in &frozen.currency_sums {
        let case = &cases[line - 1];
        let input = case["input"].as_str().unwrap();
        let found = found_in(input);
        let expected: Option<Vec<(f64, String)>> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| expected_sum(i, &ours))
            .collect();
        match expected {
            Some(expected) if same_sums(found.clone(), expected.clone()) => sums.passed += 1,
            Some(expected) if verbose() => println!("currency FAIL {input:?}: found {found:?}, expected {expected:?}"),
            Some(_) => {}
            None => println!("currency FAIL {input:?}: an expected currency is not ours any more"),
        }
    }
    let mut negatives = Rate {
        passed: 0,
        total: frozen.currency_no_sum.len(),
    };
    for &line in &frozen.currency_no_sum {
        let input = cases[line - 1]["input"].as_str().unwrap();
        let found = found_in(input);
        if found.is_empty() {
            negatives.passed += 1;
        } else if verbose() {
            println!("currency negative FAIL {input:?}: found {found:?}");
        }
    }
    (sums, negatives)
}

/// Byte offset to char offset.
fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Whether every expected result of a number case is an integer or a decimal.
fn number_in_scope(case: &Value) -> bool {
    case["expected"].as_array().unwrap().iter().all(|i| {
        let subtype = i["Resolution"]["subtype"].as_str();
        let value = i["Resolution"]["value"].as_str().and_then(|v| v.parse::<f64>().ok());
        match subtype {
            Some("integer" | "decimal") => value.is_some(),
            None => value.is_some_and(|v| v.fract() == 0.0),
            _ => false,
        }
    })
}

/// Numbers: the frozen cases.
fn numbers(cases: &[Value], frozen: &Frozen) -> Rate {
    let mut rate = Rate {
        passed: 0,
        total: frozen.numbers.len(),
    };
    for &line in &frozen.numbers {
        let case = &cases[line - 1];
        let input = case["input"].as_str().unwrap();
        let expected: Option<Vec<(usize, usize, f64)>> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                Some((
                    i["Start"].as_u64()? as usize,
                    i["End"].as_u64()? as usize + 1,
                    i["Resolution"]["value"].as_str()?.parse().ok()?,
                ))
            })
            .collect();
        let Some(expected) = expected else {
            println!("number FAIL {input:?}: its expected results cannot be read");
            continue;
        };
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
fn tempeval(docs: &[Value]) -> (F1, F1) {
    let mut all = F1::default();
    let mut calendar = F1::default();
    for doc in docs {
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
        let other_types = timexes(doc, |t| t["type"] != "DATE");
        let mut vague_or_other = timexes(doc, |t| {
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
    let Some(suites) = suites() else { return };
    let today = scope(&suites);
    if std::env::var_os("FREEZE_PEER_CASES").is_some() {
        std::fs::write(FROZEN, serde_json::to_string_pretty(&today).unwrap() + "\n").unwrap();
    }
    let frozen = frozen();
    // The suites are the ones the scope was frozen on.
    assert_eq!(
        (
            suites.currency.len(),
            suites.number.len(),
            suites.tempeval.len(),
            today.tempeval_date_timexes
        ),
        (
            frozen.currency_lines,
            frozen.number_lines,
            frozen.tempeval_documents,
            frozen.tempeval_date_timexes
        ),
        "the peer suites in ../shared are not those {FROZEN} was made from"
    );
    if today != frozen {
        println!("note: the scope rules now select other cases than {FROZEN} holds; FREEZE_PEER_CASES=1 writes them");
    }
    let floors = floors();
    let (sums, negatives) = currency(&suites.currency, &frozen);
    let numbers = numbers(&suites.number, &frozen);
    let (all, calendar) = tempeval(&suites.tempeval);
    // The totals of the frozen scope, asserted where the suites are read.
    assert_eq!(
        (sums.total, negatives.total, numbers.total, all.tp + all.fn_),
        (153, 7, 127, 96),
        "cases scored: currency sums, currency without a sum, numbers, TempEval-3 DATE timexes"
    );
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
