//! The data sets scored by `sanctions-extract evaluate` against their gold,
//! each above its floors, the README's score table made from those scores, and
//! the cross-outlet merge of the seed reports.
//!
//! The sets: the seeds and the project's own articles (in the repository), the
//! real news of ../shared/dev and of ../shared/dev2 (its dev split and its
//! locked test split), and the general news chosen from the TempEval-3 and
//! MEANTIME suites of ../shared/peer-suites (gold in corpus/gold/extra.jsonl,
//! the article of each id named by corpus/gold/extra-origins.jsonl). The sets
//! from ../shared are skipped, visibly, where it is absent (`common::shared`).

use crate::common::{json_lines, run, shared};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A data set: its gold files and its inputs.
struct Set {
    gold: Vec<PathBuf>,
    inputs: Vec<PathBuf>,
}

/// Every set, in the README's order: (key, label).
const SETS: [(&str, &str); 6] = [
    ("seeds", "seeds"),
    ("own", "own corpus"),
    ("dev", "dev"),
    ("dev2_dev", "dev2 dev"),
    ("dev2_test", "dev2 test (locked)"),
    ("general", "general news"),
];

/// The set `key`, or `None` (said on the terminal) when its data is absent.
fn set(key: &'static str) -> Option<Set> {
    let split = |dir: &str| -> Option<(Vec<PathBuf>, Vec<PathBuf>)> {
        let dir = shared(dir)?;
        Some((vec![dir.join("gold.jsonl")], vec![dir.join("articles.jsonl")]))
    };
    let (gold, inputs) = match key {
        "seeds" => (
            vec![root().join("corpus/gold/seeds.jsonl")],
            vec![root().join("corpus/articles/seeds")],
        ),
        "own" => (own_gold(), vec![root().join("corpus/articles/own")]),
        "dev" => split("dev")?,
        "dev2_dev" => split("dev2/dev")?,
        "dev2_test" => split("dev2/test")?,
        "general" => (vec![root().join("corpus/gold/extra.jsonl")], vec![general_news()?]),
        _ => unreachable!(),
    };
    Some(Set { gold, inputs })
}

/// The gold files of the project's own articles (`corpus/gold/own-*.jsonl`).
pub fn own_gold() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus/gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("own-") && name.ends_with(".jsonl")
        })
        .collect();
    files.sort();
    files
}

/// The general-news articles as one JSONL input, written once per test run
/// from the peer suites in ../shared: `corpus/gold/extra-origins.jsonl` names
/// the suite document of each `extra-NNN` id; its text is taken unchanged and
/// its document creation time is the publication date.
pub fn general_news() -> Option<PathBuf> {
    static PATH: OnceLock<Option<PathBuf>> = OnceLock::new();
    PATH.get_or_init(|| {
        let suites = shared("peer-suites")?;
        let mut docs: BTreeMap<(String, String), Value> = BTreeMap::new();
        let origins = json_lines(&root().join("corpus/gold/extra-origins.jsonl"));
        for origin in &origins {
            let suite = origin["suite"].as_str().unwrap().to_string();
            if !docs.keys().any(|(s, _)| *s == suite) {
                for doc in json_lines(&suites.join(&suite)) {
                    docs.insert((suite.clone(), doc["doc_id"].as_str().unwrap().to_string()), doc);
                }
            }
        }
        let mut out = String::new();
        for origin in &origins {
            let key = (
                origin["suite"].as_str().unwrap().to_string(),
                origin["doc_id"].as_str().unwrap().to_string(),
            );
            let doc = docs
                .get(&key)
                .unwrap_or_else(|| panic!("{key:?}: not in the peer suites"));
            let article = serde_json::json!({"id": origin["id"], "url": null, "title": doc["title"],
                "published": doc["dct"], "text": doc["text"]});
            out.push_str(&article.to_string());
            out.push('\n');
        }
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("general-news.jsonl");
        std::fs::write(&path, out).unwrap();
        Some(path)
    })
    .clone()
}

/// `evaluate --json` over `inputs` against the `gold` files.
fn evaluate(gold: &[PathBuf], inputs: &[PathBuf]) -> Value {
    let mut args: Vec<&str> = vec!["evaluate", "--json"];
    for g in gold {
        args.extend(["--gold", g.to_str().unwrap()]);
    }
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    let run = run(&args, root(), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("evaluate --json prints JSON")
}

/// The report on the set `key`, made once per test run; `None` where its data
/// is absent.
fn report(key: &'static str) -> Option<Value> {
    static REPORTS: OnceLock<Mutex<BTreeMap<&str, Option<Value>>>> = OnceLock::new();
    let reports = REPORTS.get_or_init(Default::default);
    if let Some(done) = reports.lock().unwrap().get(key) {
        return done.clone();
    }
    let made = set(key).map(|s| evaluate(&s.gold, &s.inputs));
    reports.lock().unwrap().insert(key, made.clone());
    made
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

/// Checks the set `key` against its floors: its article count, every gold
/// article predicted, every field at or above its floor, and no more spurious
/// events than `events_spurious` allows where that is given.
fn check(key: &'static str) {
    let Some(report) = report(key) else { return };
    let floors = floors()[key].clone();
    assert!(floors.is_object(), "no floors for {key} in tests/floors/corpus.json");
    assert_eq!(report["articles"], floors["articles"], "{key}: gold articles");
    assert_eq!(report["articles_without_prediction"], 0, "{key}");
    assert_eq!(report["predictions_without_gold"], 0, "{key}");
    let mut below = Vec::new();
    for (field, floor) in floors.as_object().unwrap() {
        match field.as_str() {
            "articles" => {}
            "events_spurious" => {
                let spurious = report["events"]["fp"].as_u64().unwrap();
                if spurious > floor.as_u64().unwrap() {
                    below.push(format!("{spurious} spurious events > {floor}"));
                }
            }
            _ => {
                let floor = floor.as_f64().unwrap();
                let got = score(&report, field);
                eprintln!("{key} {field:<20} {got:.3} (floor {floor:.3})");
                if got + 1e-9 < floor {
                    below.push(format!("{field}: {got:.3} < {floor:.3}"));
                }
            }
        }
    }
    assert!(below.is_empty(), "{key} below its floors: {}", below.join("; "));
}

#[test]
fn seeds_stay_above_their_floors() {
    check("seeds");
}

#[test]
fn own_corpus_stays_above_its_floors() {
    check("own");
}

#[test]
fn dev_stays_above_its_floors() {
    check("dev");
}

#[test]
fn dev2_dev_split_stays_above_its_floors() {
    check("dev2_dev");
}

/// The locked split: scored, never read for rules (../shared/dev2/README.md).
#[test]
fn dev2_locked_test_split_stays_above_its_floors() {
    check("dev2_test");
}

#[test]
fn general_news_stays_above_its_floors_and_invents_no_event() {
    check("general");
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

/// The README's score table from the `evaluate --json` reports of the sets,
/// one column per set: (label, report).
fn score_table(columns: &[(&str, &Value)]) -> String {
    let ratio = |v: &Value| v.as_f64().map_or_else(|| "n/a".to_string(), |r| format!("{r:.3}"));
    let f1 = |field: &'static str| move |r: &Value| ratio(&r[field]["f1"]);
    let with_accuracy = |field: &'static str, accuracy: &'static str| {
        move |r: &Value| format!("{} ({})", ratio(&r[field]["f1"]), ratio(&r[accuracy]["accuracy"]))
    };
    let events = |r: &Value| {
        let e = &r["events"];
        if e["tp"] == 0 && e["fp"] == 0 && e["fn"] == 0 {
            "none, none found".to_string()
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
    let mut table = String::from("| field |");
    for (label, report) in columns {
        table.push_str(&format!(" {label} ({}) |", report["articles"]));
    }
    table.push_str("\n|---|");
    table.push_str(&"---|".repeat(columns.len()));
    table.push('\n');
    for (label, cell) in rows {
        table.push_str(&format!("| {label} |"));
        for (_, report) in columns {
            table.push_str(&format!(" {} |", cell(report)));
        }
        table.push('\n');
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
    let mut reports = Vec::new();
    for (key, label) in SETS {
        // Without one of the sets the table cannot be checked (a set's
        // absence has been said on the terminal).
        let Some(report) = report(key) else { return };
        reports.push((label, report));
    }
    let columns: Vec<(&str, &Value)> = reports.iter().map(|(l, r)| (*l, r)).collect();
    let table = score_table(&columns);
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
    let table = score_table(&[("dev", &dev), ("general", &extra)]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[0], "| field | dev (2) | general (3) |");
    assert_eq!(lines[1], "|---|---|---|");
    assert_eq!(
        lines[2],
        "| officials F1 (title accuracy) | 0.500 (0.250) | 0.500 (0.250) |"
    );
    assert_eq!(lines[3], "| entities F1 (type accuracy) | 0.500 (n/a) | 0.500 (n/a) |");
    assert_eq!(lines[8], "| events F1 | 1.000 | none, none found |");
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
