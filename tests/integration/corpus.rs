//! The shipped corpus: every article's record is a reviewed snapshot and obeys
//! the record contract.

use crate::contract::validate;
use sanctions_extract::sinks::Sink;
use sanctions_extract::{Config, Inputs, Limits, Pipeline, Record};
use std::collections::BTreeSet;

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
    assert_eq!(summary.read, 44);
    records
}

#[test]
fn every_corpus_article_has_a_reviewed_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for mut record in corpus_records() {
            // The record as pretty JSON, then its clean text line by line, so a
            // change to either shows up as a readable diff.
            let text = record.text.take().unwrap_or_default();
            let pretty = serde_json::to_string_pretty(&record).unwrap();
            insta::assert_snapshot!(record.doc_id.clone(), format!("{pretty}\n--- clean text ---\n{text}"));
        }
    });
}

#[test]
fn every_corpus_record_obeys_the_contract_and_every_gold_article_is_read() {
    let records = corpus_records();
    for record in &records {
        let value = serde_json::to_value(record).unwrap();
        validate(&value).unwrap_or_else(|why| panic!("{}: {why}", record.doc_id));
        assert_eq!(record.status, sanctions_extract::Status::Ok, "{}", record.doc_id);
        assert!(
            record.source.published.is_some(),
            "{} has its publication date",
            record.doc_id
        );
    }
    let ids: BTreeSet<&str> = records.iter().map(|r| r.doc_id.as_str()).collect();
    for gold in [
        "corpus/gold/seeds.jsonl",
        "corpus/gold/dev.jsonl",
        "corpus/gold/extra.jsonl",
    ] {
        for line in std::fs::read_to_string(gold).unwrap().lines() {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = value["doc_id"].as_str().unwrap();
            assert!(ids.contains(id), "gold article {id} has no record");
        }
    }
}
