//! The same input gives byte-identical output whatever the thread count.

use crate::common::*;
use std::fmt::Write;
use tempfile::TempDir;

/// A dump of several hundred articles built from the corpus, so that the batch
/// spans many chunks and workers really interleave.
fn dump() -> String {
    let texts: Vec<String> = own_articles()
        .iter()
        .map(|a| a["text"].as_str().unwrap().to_string())
        .collect();
    let mut out = String::new();
    for i in 0..400 {
        let text = &texts[i % texts.len()];
        // Rotate paragraphs so no two articles are the same.
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let shift = i % paragraphs.len().max(1);
        let rotated = [&paragraphs[shift..], &paragraphs[..shift]].concat().join("\n\n");
        let line = match i % 5 {
            0 => {
                serde_json::json!({"id": format!("gen-{i}"), "published": format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1), "html": page("Generated", "2024-01-01", &rotated)})
            }
            1 => serde_json::json!({"text": rotated}),
            2 => {
                serde_json::json!({"id": format!("gen-{i}"), "text": "Le Conseil a adopté aujourd'hui des mesures restrictives supplémentaires à l'encontre de six personnes."})
            }
            _ => serde_json::json!({"id": format!("gen-{i}"), "published": "2025-11-07", "text": rotated}),
        };
        writeln!(out, "{line}").unwrap();
    }
    out
}

#[test]
fn one_and_two_threads_give_identical_bytes() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("dump.jsonl"), dump()).unwrap();
    let outputs: Vec<String> = ["1", "2"]
        .iter()
        .map(|threads| {
            let run = run(
                &[
                    "extract",
                    "dump.jsonl",
                    "--jsonl",
                    "-",
                    "--emit-text",
                    "--quiet",
                    "--threads",
                    threads,
                ],
                dir.path(),
                None,
            );
            assert_eq!(run.code, 0, "{}", run.stderr);
            run.stdout
        })
        .collect();
    assert_eq!(outputs[0].lines().count(), 400);
    assert!(outputs[0] == outputs[1], "output differs between 1 and 2 threads");
    let records = parse_records(&outputs[0]);
    assert_eq!(records[1]["doc_id"], "dump.jsonl:2");
    assert_eq!(status(&records[2]), ("skipped", Some("language:fra")));
    assert_eq!(records.iter().filter(|r| r["status"] == "ok").count(), 320);
}
