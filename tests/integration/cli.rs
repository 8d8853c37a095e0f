//! The command line: defaults, summary, exit status, help.

use crate::common::*;
use std::fs;
use tempfile::TempDir;

#[test]
fn without_outputs_it_writes_sanctions_sqlite_here_and_says_so() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("in")).unwrap();
    fs::write(dir.path().join("in/a.txt"), ENGLISH).unwrap();
    fs::write(dir.path().join("in/b.txt"), "").unwrap();
    let run = run(&["extract", "in"], dir.path(), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("no --jsonl, --db or --postgres given: writing records to sanctions.sqlite"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("2 articles read: 1 ok, 1 skipped, 0 errors\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("2 records written to sanctions.sqlite; 1 event found"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(" MB/s"), "{}", run.stderr);
    let db = rusqlite::Connection::open(dir.path().join("sanctions.sqlite")).unwrap();
    let rows: i64 = db.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 2);
}

#[test]
fn both_outputs_at_once() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), ENGLISH).unwrap();
    let run = run(
        &["extract", "a.txt", "--jsonl", "out.jsonl", "--db", "out.db"],
        dir.path(),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("1 record written to out.jsonl and out.db"),
        "{}",
        run.stderr
    );
    let records = parse_records(&fs::read_to_string(dir.path().join("out.jsonl")).unwrap());
    assert_eq!(records[0]["doc_id"], "a.txt");
    let db = rusqlite::Connection::open(dir.path().join("out.db")).unwrap();
    let id: String = db.query_row("SELECT doc_id FROM articles", [], |r| r.get(0)).unwrap();
    assert_eq!(id, "a.txt");
}

#[test]
fn an_output_that_cannot_be_written_is_exit_status_2() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), ENGLISH).unwrap();
    let run = run(
        &["extract", "a.txt", "--jsonl", "no/such/folder/out.jsonl"],
        dir.path(),
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: opening the JSONL output: cannot write no/such/folder/out.jsonl"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_arguments_are_exit_status_2() {
    let dir = TempDir::new().unwrap();
    assert_eq!(run(&["extract"], dir.path(), None).code, 2);
    assert_eq!(run(&["extract", "x", "--threads", "0"], dir.path(), None).code, 2);
    assert_eq!(run(&["frobnicate"], dir.path(), None).code, 2);
}

#[test]
fn help_teaches_the_input_forms_and_flags() {
    let dir = TempDir::new().unwrap();
    let run = run(&["extract", "--help"], dir.path(), None);
    assert_eq!(run.code, 0);
    for needle in [
        "--jsonl <PATH>",
        "--db <PATH>",
        "--postgres <URL>",
        "--shard <I/N>",
        "--replace",
        "--emit-text",
        "--threads <N>",
        ".warc",
        ".meta.json",
        "Examples:",
        "standard input",
    ] {
        assert!(run.stdout.contains(needle), "help lacks {needle:?}:\n{}", run.stdout);
    }
}

#[test]
fn evaluate_scores_a_prediction_file() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("gold.jsonl"),
        r#"{"doc_id": "a", "dates": [{"value": "2025-11-06"}, {"value": "2025"}], "amounts": [{"value": 3000000000, "currency": "USD"}]}
{"doc_id": "b", "dates": [{"value": "2024-04-03"}]}
"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("pred.jsonl"),
        r#"{"doc_id": "a", "dates": [{"value": "2025-11-06"}, {"value": "2025-11"}], "amounts": [{"value": 3.01e9, "currency": "USD"}]}
{"doc_id": "c", "dates": [{"value": "2024-04-03"}]}
"#,
    )
    .unwrap();
    let run = run(
        &["evaluate", "--gold", "gold.jsonl", "--pred", "pred.jsonl", "--json"],
        dir.path(),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["articles"], 2);
    assert_eq!(report["articles_without_prediction"], 1);
    assert_eq!(report["dates"]["tp"], 1);
    assert_eq!(report["dates"]["fp"], 1);
    assert_eq!(report["dates"]["fn"], 2);
    assert_eq!(report["amounts"]["f1"], 1.0);

    let table = run_table(dir.path());
    assert!(
        table.contains("dates                    0.500     0.333     0.400      1      1      2"),
        "{table}"
    );
    assert!(
        table.contains("b\tdates\tmissed\t{\"value\":\"2024-04-03\"}"),
        "{table}"
    );
}

fn run_table(dir: &std::path::Path) -> String {
    let run = run(
        &["evaluate", "--gold", "gold.jsonl", "--pred", "pred.jsonl", "--misses"],
        dir,
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}
