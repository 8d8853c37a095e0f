//! The shipped corpus (the seeds and the project's own articles): every
//! article's record is a reviewed snapshot and obeys the record contract.

use crate::contract::validate;
use sanctions_extract::sinks::Sink;
use sanctions_extract::{Config, Inputs, Limits, Pipeline, Record};
use std::collections::{BTreeMap, BTreeSet};

fn corpus_records() -> Vec<Record> {
    // Paths relative to the package root (the tests' working folder), so the
    // snapshots do not depend on where the repository is checked out.
    let inputs = Inputs::new(["corpus/articles"], Limits::default());
    let pipeline = Pipeline::new(Config {
        emit_text: true,
        ..Config::default()
    });
    let mut records: Vec<Record> = Vec::new();
    let sink: &mut dyn Sink = &mut records;
    let summary = pipeline
        .run(
            inputs.documents(Box::new(|w| panic!("unexpected warning: {w}"))),
            sink,
            |_, _| {},
        )
        .unwrap();
    assert_eq!(summary.read, crate::common::CORPUS_ARTICLES as u64);
    assert_eq!(summary.skipped, 1, "the Spanish article");
    records
}

#[test]
fn every_corpus_article_has_a_reviewed_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for mut record in corpus_records() {
            // One line per event, then the record as JSON with every span on
            // one line, then its clean text line by line: a rule change
            // reads as a small diff.
            let text = record.text.take().unwrap_or_default();
            let value = serde_json::to_value(&record).unwrap();
            let pretty = compact_pretty(&record);
            insta::assert_snapshot!(
                record.doc_id.clone(),
                format!(
                    "--- events ---\n{}--- record ---\n{pretty}\n--- clean text ---\n{text}",
                    event_summary(&value)
                )
            );
        }
    });
}

#[test]
fn every_corpus_record_obeys_the_contract_and_every_gold_article_is_read() {
    let records = corpus_records();
    // The status each article should get: ok, unless its gold expects
    // another (an article in another language is skipped).
    let mut expected: BTreeMap<String, String> = BTreeMap::new();
    let mut gold_files = vec![std::path::PathBuf::from("corpus/gold/seeds.jsonl")];
    gold_files.extend(crate::scores::own_gold());
    for gold in gold_files {
        for value in crate::common::json_lines(&gold) {
            let status = value["expect_status"].as_str().unwrap_or("ok").to_string();
            expected.insert(value["doc_id"].as_str().unwrap().to_string(), status);
        }
    }
    for record in &records {
        let value = serde_json::to_value(record).unwrap();
        validate(&value).unwrap_or_else(|why| panic!("{}: {why}", record.doc_id));
        let status = expected
            .get(&record.doc_id)
            .unwrap_or_else(|| panic!("{} has no gold", record.doc_id));
        assert_eq!(value["status"], status.as_str(), "{}", record.doc_id);
        assert!(
            record.source.published.is_some(),
            "{} has its publication date",
            record.doc_id
        );
    }
    let ids: BTreeSet<&str> = records.iter().map(|r| r.doc_id.as_str()).collect();
    for id in expected.keys() {
        assert!(ids.contains(id.as_str()), "gold article {id} has no record");
    }
}

/// One line per event: status, authority, target, date, counts, named
/// targets and the rule, the fields a reviewer checks first.
fn event_summary(record: &serde_json::Value) -> String {
    let text = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
    let mut out = String::new();
    for event in record["events"].as_array().into_iter().flatten() {
        let counts: Vec<String> = event["counts"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| format!("{} {}", c["value"], text(&c["category"])))
            .collect();
        let targets: Vec<String> = event["named_targets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(text)
            .collect();
        out.push_str(&format!(
            "{} {} -> {} | date {} | counts {} | named {} | {}\n",
            text(&event["status"]),
            text(&event["authority"]),
            text(&event["target"]),
            text(&event["date"]),
            if counts.is_empty() {
                "-".to_string()
            } else {
                counts.join(", ")
            },
            if targets.is_empty() {
                "-".to_string()
            } else {
                targets.join("; ")
            },
            text(&event["rule"]),
        ));
    }
    if out.is_empty() {
        out.push_str("(none)\n");
    }
    out
}

/// `serde_json`'s pretty JSON (fields in record order), with every array of
/// scalars (a span, a list of aliases) joined onto one line.
fn compact_pretty(record: &Record) -> String {
    let pretty = serde_json::to_string_pretty(record).unwrap();
    let lines: Vec<&str> = pretty.lines().collect();
    let scalar = |line: &str| {
        let t = line.trim().trim_end_matches(',');
        !(t.starts_with('{') || t.starts_with('[') || t.starts_with('}') || t.starts_with(']') || t.ends_with(':'))
    };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.ends_with('[') {
            let mut j = i + 1;
            while j < lines.len() && scalar(lines[j]) {
                j += 1;
            }
            let close = lines.get(j).map(|l| l.trim());
            if j > i + 1 && matches!(close, Some("]" | "],")) {
                let items: Vec<&str> = lines[i + 1..j].iter().map(|l| l.trim().trim_end_matches(',')).collect();
                let comma = if close == Some("],") { "," } else { "" };
                out.push(format!("{}{}]{comma}", line, items.join(", ")));
                i = j + 1;
                continue;
            }
        }
        out.push(line.to_string());
        i += 1;
    }
    out.join("\n")
}
