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
            .contains("no --jsonl, --ftm, --db or --postgres given: writing records to sanctions.sqlite"),
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
    assert!(
        run.stderr
            .contains("warning: 1 gold article without a prediction (e.g. \"b\"); all their items count as missed"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("warning: 1 predicted article with a doc_id no gold article has (e.g. \"c\"); not scored"),
        "{}",
        run.stderr
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["articles"], 2);
    assert_eq!(report["articles_without_prediction"], 1);
    assert_eq!(report["predictions_without_gold"], 1);
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

/// Issue 17: predictions that match no gold article scored precision 1.000
/// and exited 0.
#[test]
fn evaluate_with_no_gold_article_predicted_exits_1_and_shows_n_a() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("gold.jsonl"),
        r#"{"doc_id": "a", "dates": [{"value": "2025-11-06"}]}
{"doc_id": "b", "dates": [{"value": "2024"}]}
"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("pred.jsonl"),
        r#"{"doc_id": "A", "dates": [{"value": "2025-11-06"}]}
{"doc_id": "B", "dates": []}
{"doc_id": "C", "dates": []}
"#,
    )
    .unwrap();
    let run = run(
        &["evaluate", "--gold", "gold.jsonl", "--pred", "pred.jsonl"],
        dir.path(),
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    for needle in [
        "warning: 2 gold articles without a prediction (e.g. \"a\")",
        "warning: 3 predicted articles with a doc_id no gold article has (e.g. \"A\")",
        "error: no gold article has a prediction",
    ] {
        assert!(run.stderr.contains(needle), "no {needle:?} in:\n{}", run.stderr);
    }
    // Nothing predicted: no precision; gold missed: recall and F1 0; no gold
    // and no prediction: nothing at all.
    assert!(
        run.stdout
            .contains("dates                      n/a     0.000     0.000      0      0      2\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("officials                  n/a       n/a       n/a      0      0      0\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("event date accuracy         n/a (0/0)\n"),
        "{}",
        run.stdout
    );

    let run = crate::common::run(
        &["evaluate", "--gold", "gold.jsonl", "--pred", "pred.jsonl", "--json"],
        dir.path(),
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["dates"]["precision"], serde_json::Value::Null);
    assert_eq!(report["dates"]["recall"], 0.0);
    assert_eq!(report["officials"]["f1"], serde_json::Value::Null);
    assert_eq!(report["official_title"]["accuracy"], serde_json::Value::Null);
    assert_eq!(report["predictions_without_gold"], 3);

    fs::write(dir.path().join("empty.jsonl"), "\n").unwrap();
    let run = crate::common::run(
        &["evaluate", "--gold", "empty.jsonl", "--pred", "pred.jsonl"],
        dir.path(),
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: the gold files hold no article"),
        "{}",
        run.stderr
    );
}

#[test]
fn evaluate_json_with_misses_lists_them() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("gold.jsonl"),
        r#"{"doc_id": "a", "dates": [{"value": "2025-11-06"}, {"value": "2025", "optional": true}]}"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("pred.jsonl"),
        r#"{"doc_id": "a", "dates": [{"value": "2025"}, {"value": "2024", "span": [3, 7]}]}"#,
    )
    .unwrap();
    let run = run(
        &[
            "evaluate",
            "--gold",
            "gold.jsonl",
            "--pred",
            "pred.jsonl",
            "--json",
            "--misses",
        ],
        dir.path(),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        report["misses"],
        serde_json::json!([
            {"doc_id": "a", "field": "dates", "kind": "missed", "item": r#"{"value":"2025-11-06"}"#},
            {"doc_id": "a", "field": "dates", "kind": "spurious", "item": r#"{"value":"2024"}"#}
        ])
    );
    // Without --misses, the JSON report has no such list.
    let run = crate::common::run(
        &["evaluate", "--gold", "gold.jsonl", "--pred", "pred.jsonl", "--json"],
        dir.path(),
        None,
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(report.get("misses").is_none(), "{report}");
}

/// Issue 17: the usage line claimed `--pred` was required when inputs would do.
#[test]
fn evaluate_wants_pred_or_inputs_and_says_so() {
    let dir = TempDir::new().unwrap();
    let usage = "Usage: sanctions-extract evaluate --gold <GOLD.jsonl>... (--pred <PRED.jsonl> | <INPUT>...)";
    let help = run(&["evaluate", "--help"], dir.path(), None);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains(usage), "{}", help.stdout);
    assert!(help.stdout.contains("docs/scoring.md"), "{}", help.stdout);
    let neither = run(&["evaluate", "--gold", "gold.jsonl"], dir.path(), None);
    assert_eq!(neither.code, 2, "{}", neither.stderr);
    assert!(neither.stderr.contains(usage), "{}", neither.stderr);
    let both = run(
        &[
            "evaluate",
            "--gold",
            "gold.jsonl",
            "--pred",
            "pred.jsonl",
            "article.txt",
        ],
        dir.path(),
        None,
    );
    assert_eq!(both.code, 2, "{}", both.stderr);
    assert!(both.stderr.contains("cannot be used with"), "{}", both.stderr);
}
