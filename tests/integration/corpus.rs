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
