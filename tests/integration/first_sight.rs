//! First-sight scores: each batch of real news scored by `evaluate` once,
//! before any rule changed for it, kept in `tests/first-sight/*.json` (the
//! report with the data set, the day and the commit). They are the honest
//! estimate of how the rules do on news they have never seen; scores on data
//! the rules were written against are not. The table in docs/first-sight.md is
//! made from those files, and every batch in ../shared/dev2 must have its row.

use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The kept first-sight reports, sorted by file name.
fn kept() -> Vec<(String, Value)> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("tests/first-sight"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_stem().unwrap().to_string_lossy().into_owned(), value)
        })
        .collect()
}

/// The fields of a row: (header, report key, whether it is an accuracy).
const FIELDS: [(&str, &str, bool); 12] = [
    ("officials", "officials", false),
    ("title acc.", "official_title", true),
    ("entities", "entities", false),
    ("type acc.", "entity_type", true),
    ("countries", "countries", false),
    ("counts", "counts", false),
    ("amounts", "amounts", false),
    ("dates", "dates", false),
    ("events", "events", false),
    ("event counts acc.", "event_counts", true),
    ("event date acc.", "event_date", true),
    ("named targets", "event_named_targets", false),
];

/// The table: one row per kept report, F1 per field and the accuracy lines.
fn table(kept: &[(String, Value)]) -> String {
    let mut out = String::from("| data set | articles | date | commit |");
    for (header, _, _) in FIELDS {
        out.push_str(&format!(" {header} |"));
    }
    out.push_str("\n|---|---|---|---|");
    out.push_str(&"---|".repeat(FIELDS.len()));
    out.push('\n');
    for (_, entry) in kept {
        let report = &entry["report"];
        out.push_str(&format!(
            "| {} | {} | {} | {} |",
            entry["set"].as_str().unwrap(),
            report["articles"],
            entry["date"].as_str().unwrap(),
            entry["commit"].as_str().unwrap()
        ));
        for (_, key, accuracy) in FIELDS {
            let value = &report[key][if accuracy { "accuracy" } else { "f1" }];
            let cell = value.as_f64().map_or_else(|| "n/a".to_string(), |v| format!("{v:.3}"));
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    out
}

const START: &str =
    "<!-- first-sight table: made from tests/first-sight/*.json by tests/integration/first_sight.rs; do not edit -->\n";
const END: &str = "<!-- end of first-sight table -->\n";

#[test]
fn first_sight_table_is_made_from_the_kept_reports() {
    let kept = kept();
    let table = table(&kept);
    let path = root().join("docs/first-sight.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let start = doc.find(START).expect("the table's start marker") + START.len();
    let end = start + doc[start..].find(END).expect("the table's end marker");
    let expected = format!("{}{table}{}", &doc[..start], &doc[end..]);
    if expected == doc {
        return;
    }
    if std::env::var_os("UPDATE_FIRST_SIGHT").is_some() {
        std::fs::write(&path, expected).unwrap();
        return;
    }
    panic!(
        "docs/first-sight.md's table is not made from tests/first-sight/*.json; write it with\n  UPDATE_FIRST_SIGHT=1 cargo test --locked --test integration first_sight\nThe table now:\n{table}"
    );
}

#[test]
fn first_sight_reports_are_whole() {
    for (name, entry) in kept() {
        for key in ["set", "date", "commit"] {
            assert!(entry[key].is_string(), "{name}: no {key}");
        }
        let report = &entry["report"];
        assert!(report["articles"].as_u64().unwrap() > 0, "{name}: no article");
        assert_eq!(report["articles_without_prediction"], 0, "{name}");
        for (_, key, _) in FIELDS {
            assert!(report[key].is_object(), "{name}: no {key}");
        }
    }
}

/// Every batch of ../shared/dev2 has its first-sight row.
#[test]
fn every_dev2_batch_has_its_first_sight_row() {
    let Some(dev2) = crate::common::shared("dev2") else {
        return;
    };
    let sets: Vec<String> = kept()
        .iter()
        .map(|(_, e)| e["set"].as_str().unwrap().to_string())
        .collect();
    let mut batches = 0;
    for entry in std::fs::read_dir(dev2).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with("batch-") {
            batches += 1;
            let set = format!("dev2/{name}");
            assert!(
                sets.contains(&set),
                "{set} has no first-sight row in tests/first-sight: score it with `evaluate --json` before any rule changes for it (docs/first-sight.md)"
            );
        }
    }
    assert!(batches >= 6, "{batches} batches in ../shared/dev2");
}

#[test]
fn the_table_shows_every_field_and_what_was_not_measured() {
    let prf = |f1: Value| serde_json::json!({"f1": f1});
    let acc = |a: Value| serde_json::json!({"accuracy": a});
    let mut report = serde_json::json!({"articles": 3});
    for (_, key, accuracy) in FIELDS {
        report[key] = if accuracy {
            acc(Value::Null)
        } else {
            prf(Value::from(0.5))
        };
    }
    let entry = serde_json::json!({"set": "dev2/batch-9", "date": "2027-01-01", "commit": "abc1234", "report": report});
    let table = table(&[("x".to_string(), entry)]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[2],
        "| dev2/batch-9 | 3 | 2027-01-01 | abc1234 | 0.500 | n/a | 0.500 | n/a | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | n/a | n/a | 0.500 |"
    );
}
