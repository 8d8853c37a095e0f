//! The shipped corpus scored by `sanctions-extract evaluate` against its gold,
//! the README's score table made from those scores, and the cross-outlet merge
//! of the seed reports.

use crate::common::run;
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

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

/// The report on the sanctions news (seeds and dev), made once per test run.
fn dev_report() -> &'static Value {
    static REPORT: OnceLock<Value> = OnceLock::new();
    REPORT.get_or_init(|| {
        evaluate(
            &["corpus/gold/seeds.jsonl", "corpus/gold/dev.jsonl"],
            &["corpus/articles/seeds", "corpus/articles/dev"],
        )
    })
}

/// The report on the general news of `extra`, made once per test run.
fn extra_report() -> &'static Value {
    static REPORT: OnceLock<Value> = OnceLock::new();
    REPORT.get_or_init(|| evaluate(&["corpus/gold/extra.jsonl"], &["corpus/articles/extra"]))
}

#[test]
fn sanctions_news_scores_stay_above_their_floors() {
    let report = dev_report();
    assert_eq!(report["articles"], 20);
    assert_eq!(report["articles_without_prediction"], 0);
    assert_eq!(report["predictions_without_gold"], 0);
    check(report, &floors()["dev"]);
}

#[test]
fn general_news_scores_stay_above_their_floors_and_invent_no_event() {
    let report = extra_report();
    assert_eq!(report["articles"], 24);
    assert_eq!(report["articles_without_prediction"], 0);
    assert_eq!(report["predictions_without_gold"], 0);
    let floors = floors()["extra"].clone();
    check(report, &floors);
    assert!(
        report["events"]["fp"].as_u64().unwrap() <= floors["events_spurious"].as_u64().unwrap(),
        "events invented in general news: {}",
        report["events"]
    );
}

/// The lines around the README's score table; what lies between them is
/// generated.
const TABLE_START: &str =
    "<!-- score table: made from `evaluate --json` by tests/integration/scores.rs; do not edit -->\n";
const TABLE_END: &str = "<!-- end of score table -->\n";

/// How to write the current table into the README.
const REGENERATE: &str = "UPDATE_README_SCORES=1 cargo test --locked --test integration readme_score_table";

/// What one cell of the score table shows of a report.
type Cell<'a> = &'a dyn Fn(&Value) -> String;

/// The README's score table from the `evaluate --json` reports of the
/// sanctions news (`dev`) and of the general news (`extra`).
fn score_table(dev: &Value, extra: &Value) -> String {
    let ratio = |v: &Value| v.as_f64().map_or_else(|| "n/a".to_string(), |r| format!("{r:.3}"));
    let f1 = |field: &'static str| move |r: &Value| ratio(&r[field]["f1"]);
    let with_accuracy = |field: &'static str, accuracy: &'static str| {
        move |r: &Value| format!("{} ({})", ratio(&r[field]["f1"]), ratio(&r[accuracy]["accuracy"]))
    };
    let events = |r: &Value| {
        let e = &r["events"];
        if e["tp"] == 0 && e["fp"] == 0 && e["fn"] == 0 {
            "no gold event, none found".to_string()
        } else {
            ratio(&e["f1"])
        }
    };
    let event_accuracies = |r: &Value| {
        format!(
            "{} / {}",
            ratio(&r["event_counts"]["accuracy"]),
            ratio(&r["event_date"]["accuracy"])
        )
    };
    let rows: [(&str, Cell); 9] = [
        (
            "officials F1 (title accuracy)",
            &with_accuracy("officials", "official_title"),
        ),
        ("entities F1 (type accuracy)", &with_accuracy("entities", "entity_type")),
        ("countries F1", &f1("countries")),
        ("counts F1", &f1("counts")),
        ("amounts F1", &f1("amounts")),
        ("dates F1", &f1("dates")),
        ("events F1", &events),
        ("event counts / date accuracy", &event_accuracies),
        ("event named targets F1", &f1("event_named_targets")),
    ];
    let mut table = format!(
        "| field | seeds + dev ({} sanctions articles) | extra ({} general news articles) |\n|---|---|---|\n",
        dev["articles"], extra["articles"]
    );
    for (label, cell) in rows {
        table.push_str(&format!("| {label} | {} | {} |\n", cell(dev), cell(extra)));
    }
    table
}

/// `readme` with `table` between the markers, or why not.
fn with_table(readme: &str, table: &str) -> Result<String, String> {
    let start = readme
        .find(TABLE_START)
        .ok_or_else(|| format!("no line {TABLE_START:?} in README.md"))?
        + TABLE_START.len();
    let end = start
        + readme[start..]
            .find(TABLE_END)
            .ok_or_else(|| format!("no line {TABLE_END:?} after the table's start in README.md"))?;
    Ok(format!("{}{table}{}", &readme[..start], &readme[end..]))
}

#[test]
fn readme_score_table_is_what_evaluate_reports() {
    let table = score_table(dev_report(), extra_report());
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let expected = with_table(&readme, &table).unwrap();
    if expected == readme {
        return;
    }
    if std::env::var_os("UPDATE_README_SCORES").is_some() {
        std::fs::write(&path, expected).unwrap();
        eprintln!("README.md: score table written");
        return;
    }
    panic!(
        "README.md's score table is not what `evaluate --json` reports now; regenerate it with\n  {REGENERATE}\nThe table now:\n{table}"
    );
}

#[test]
fn the_score_table_says_what_was_not_measured() {
    let prf = |f1: Value, tp: u64, fp: u64, fn_: u64| serde_json::json!({"tp": tp, "fp": fp, "fn": fn_, "f1": f1});
    let accuracy = |a: Value| serde_json::json!({"accuracy": a});
    let report = |articles: u64, events: Value, event_accuracy: Value| {
        let mut r = serde_json::json!({"articles": articles, "events": events,
            "event_counts": accuracy(event_accuracy.clone()), "event_date": accuracy(event_accuracy)});
        for field in [
            "officials",
            "entities",
            "countries",
            "counts",
            "amounts",
            "dates",
            "event_named_targets",
        ] {
            r[field] = prf(Value::from(0.5), 1, 1, 1);
        }
        r["official_title"] = accuracy(Value::from(0.25));
        r["entity_type"] = accuracy(Value::Null);
        r
    };
    let dev = report(2, prf(Value::from(0.9996), 5, 0, 0), Value::from(1.0));
    let extra = report(3, prf(Value::Null, 0, 0, 0), Value::Null);
    let table = score_table(&dev, &extra);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0],
        "| field | seeds + dev (2 sanctions articles) | extra (3 general news articles) |"
    );
    assert_eq!(
        lines[2],
        "| officials F1 (title accuracy) | 0.500 (0.250) | 0.500 (0.250) |"
    );
    assert_eq!(lines[3], "| entities F1 (type accuracy) | 0.500 (n/a) | 0.500 (n/a) |");
    assert_eq!(lines[8], "| events F1 | 1.000 | no gold event, none found |");
    assert_eq!(lines[9], "| event counts / date accuracy | 1.000 / 1.000 | n/a / n/a |");
    assert_eq!(lines.len(), 11);

    let readme = format!("intro\n{TABLE_START}| old |\n{TABLE_END}after\n");
    assert_eq!(
        with_table(&readme, "| new |\n").unwrap(),
        format!("intro\n{TABLE_START}| new |\n{TABLE_END}after\n")
    );
    assert!(with_table("no markers\n", "| new |\n").is_err());
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
