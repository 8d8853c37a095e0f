//! The shipped corpus scored by `sanctions-extract evaluate` against its gold,
//! and the cross-outlet merge of the seed reports.

use crate::common::run;
use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `evaluate --json` over `inputs` against the `gold` files.
fn evaluate(gold: &[&str], inputs: &[&str]) -> Value {
    let mut args = vec!["evaluate", "--json"];
    for g in gold {
        args.extend(["--gold", g]);
    }
    args.extend(inputs);
    let run = run(&args, root(), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("evaluate --json prints JSON")
}

/// The F1 of a field or the accuracy of an accuracy line.
fn score(report: &Value, field: &str) -> f64 {
    let line = &report[field];
    line.get("f1")
        .or_else(|| line.get("accuracy"))
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("no score for {field} in {report}"))
}

fn floors() -> Value {
    let text = std::fs::read_to_string(root().join("tests/floors/corpus.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn check(report: &Value, floors: &Value) {
    let mut below = Vec::new();
    for (field, floor) in floors.as_object().unwrap() {
        if field == "events_spurious" {
            continue;
        }
        let floor = floor.as_f64().unwrap();
        let got = score(report, field);
        eprintln!("{field:<20} {got:.3} (floor {floor:.3})");
        if got + 1e-9 < floor {
            below.push(format!("{field}: {got:.3} < {floor:.3}"));
        }
    }
    assert!(below.is_empty(), "below the floors: {}", below.join("; "));
}

#[test]
fn sanctions_news_scores_stay_above_their_floors() {
    let report = evaluate(
        &["corpus/gold/seeds.jsonl", "corpus/gold/dev.jsonl"],
        &["corpus/articles/seeds", "corpus/articles/dev"],
    );
    assert_eq!(report["articles"], 20);
    assert_eq!(report["articles_without_prediction"], 0);
    check(&report, &floors()["dev"]);
}

#[test]
fn general_news_scores_stay_above_their_floors_and_invent_no_event() {
    let report = evaluate(&["corpus/gold/extra.jsonl"], &["corpus/articles/extra"]);
    assert_eq!(report["articles"], 24);
    assert_eq!(report["articles_without_prediction"], 0);
    let floors = floors()["extra"].clone();
    check(&report, &floors);
    assert!(
        report["events"]["fp"].as_u64().unwrap() <= floors["events_spurious"].as_u64().unwrap(),
        "events invented in general news: {}",
        report["events"]
    );
}

/// seed-001, seed-002 and seed-004 are three outlets' reports of the U.S.
/// action of 4 November 2025 on eight individuals and two entities.
#[test]
fn three_outlets_reporting_one_us_action_make_one_canonical_event() {
    let dir = tempfile::TempDir::new().unwrap();
    let events = dir.path().join("events.jsonl");
    let args = [
        "extract",
        "corpus/articles/seeds",
        "--jsonl",
        "-",
        "--quiet",
        "--events",
        events.to_str().unwrap(),
    ];
    let run = run(&args, root(), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let canonical: Vec<Value> = std::fs::read_to_string(&events)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let us_on_north_korea: Vec<&Value> = canonical
        .iter()
        .filter(|e| {
            e["authority"] == "United States"
                && e["status"] == "imposed"
                && e["target"] == "North Korea"
                && e["first_published"] == "2025-11-07"
        })
        .collect();
    assert_eq!(us_on_north_korea.len(), 1, "{us_on_north_korea:#?}");
    let event = us_on_north_korea[0];
    let sources: Vec<&str> = event["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["doc_id"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["seed-001", "seed-002", "seed-004"]);
    let counts: Vec<(u64, &str)> = event["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["value"].as_u64().unwrap(), c["category"].as_str().unwrap()))
        .collect();
    assert!(
        counts.contains(&(8, "individual")) && counts.contains(&(2, "entity")),
        "{counts:?}"
    );
    // The other seeds' events stay their own.
    assert!(canonical.iter().all(|e| e["sources"].as_array().unwrap().len() <= 3));
    assert!(
        canonical
            .iter()
            .filter(|e| e["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["doc_id"] == "seed-000"))
            .all(|e| e["sources"].as_array().unwrap().len() == 1)
    );
}
