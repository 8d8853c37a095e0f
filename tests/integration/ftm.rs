//! The FollowTheMoney output (`--ftm`, docs/ftm.md): ids stable across runs
//! and thread counts, references that resolve, one id per person across
//! articles, one `Sanction` per canonical event with `--events`, and the
//! snapshot of the seeds' U.S. action. Validity against the FtM model itself
//! is checked by tests/ftm/check_ftm.py (run by .ci/run), which needs Python.

use crate::common::*;
use sanctions_extract::sinks::{FtmSink, Sanctions};
use sanctions_extract::{Config, Inputs, Limits, Pipeline};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use tempfile::TempDir;

/// The three seed articles that report the U.S. action of November 2025.
const US_ACTION: [&str; 3] = [
    "corpus/articles/seeds/001_4de9d4616d3f2380.txt",
    "corpus/articles/seeds/002_decdf12861f1ba52.txt",
    "corpus/articles/seeds/004_cba3d638e1a5c1b2.txt",
];

/// Properties that hold entity ids.
const REFERENCES: [&str; 4] = ["entity", "proof", "document", "resolved"];

/// Runs `extract ARGS --ftm - --quiet` and returns its standard output.
fn ftm_output(args: &[&str], cwd: &std::path::Path) -> String {
    let mut all = vec!["extract"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--ftm", "-", "--quiet"]);
    let run = run(&all, cwd, None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

fn entities(lines: &str) -> Vec<Value> {
    lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn values<'a>(entity: &'a Value, property: &str) -> Vec<&'a str> {
    entity["properties"][property]
        .as_array()
        .map(|vs| vs.iter().map(|v| v.as_str().unwrap()).collect())
        .unwrap_or_default()
}

fn corpus() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles")
}

#[test]
fn ftm_ids_are_the_same_on_every_run_and_at_any_thread_count() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("dump.jsonl"), big_dump(150)).unwrap();
    for events in [false, true] {
        let mut args = vec!["dump.jsonl"];
        if events {
            args.extend(["--events", "events.jsonl"]);
        }
        let outputs: Vec<String> = ["1", "2", "2"]
            .iter()
            .map(|threads| {
                let mut args = args.clone();
                args.extend(["--threads", threads]);
                ftm_output(&args, dir.path())
            })
            .collect();
        assert!(outputs[0].lines().count() > 150 * 3, "an entity per article and more");
        assert!(outputs[0] == outputs[1], "--events {events}: 1 and 2 threads differ");
        assert!(outputs[1] == outputs[2], "--events {events}: two runs differ");
    }
}

#[test]
fn every_reference_resolves_and_every_entity_has_what_its_schema_requires() {
    let dir = TempDir::new().unwrap();
    let events = dir.path().join("events.jsonl");
    let id_form = regex::Regex::new(r"^[0-9a-zA-Z]([0-9a-zA-Z.\-]*[0-9a-zA-Z])?$").unwrap();
    for args in [vec!["."], vec![".", "--events", events.to_str().unwrap()]] {
        let all = entities(&ftm_output(&args, &corpus()));
        let ids: BTreeSet<&str> = all.iter().map(|e| e["id"].as_str().unwrap()).collect();
        for e in &all {
            let id = e["id"].as_str().unwrap();
            assert!(id_form.is_match(id), "{id}: not an FtM id");
            for property in REFERENCES {
                for target in values(e, property) {
                    assert!(ids.contains(target), "{id}.{property} -> {target}: no such entity");
                }
            }
            let required: &[&str] = match e["schema"].as_str().unwrap() {
                "Sanction" => &["entity"],
                "Mention" => &["document", "name"],
                "Article" => &[],
                _ => &["name"],
            };
            for property in required {
                assert!(!values(e, property).is_empty(), "{id} lacks {property}");
            }
        }
        let schemas: BTreeSet<&str> = all.iter().map(|e| e["schema"].as_str().unwrap()).collect();
        for schema in [
            "Article",
            "Person",
            "Mention",
            "Sanction",
            "Territory",
            "PublicBody",
            "Company",
        ] {
            assert!(schemas.contains(schema), "{args:?}: no {schema} written");
        }
    }
}

#[test]
fn a_person_named_in_several_articles_has_one_id_with_each_article_as_proof() {
    let all = entities(&ftm_output(&["seeds"], &corpus()));
    let fragments: Vec<&Value> = all
        .iter()
        .filter(|e| e["schema"] == "Person" && values(e, "name") == ["Kim Ji-na"])
        .collect();
    assert_eq!(fragments.len(), 3, "one fragment per article that names her");
    let ids: BTreeSet<&str> = fragments.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 1, "one id");
    let proofs: BTreeSet<&str> = fragments.iter().flat_map(|e| values(e, "proof")).collect();
    assert_eq!(proofs.len(), 3, "each fragment has its own article");
    // A lone surname is one article's person only.
    let sullivan: BTreeSet<&str> = all
        .iter()
        .filter(|e| e["schema"] == "Person" && values(e, "name") == ["Sullivan"])
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(sullivan.len(), 1);
}

#[test]
fn events_give_one_sanction_per_canonical_event_with_every_report() {
    let dir = TempDir::new().unwrap();
    let seeds = corpus().join("seeds");
    let run = run(
        &[
            "extract",
            seeds.to_str().unwrap(),
            "--ftm",
            "out.ftm.json",
            "--events",
            "events.jsonl",
            "--jsonl",
            "records.jsonl",
            "--quiet",
        ],
        dir.path(),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let all = entities(&fs::read_to_string(dir.path().join("out.ftm.json")).unwrap());
    let sanctions: BTreeMap<Vec<&str>, &Value> = all
        .iter()
        .filter(|e| e["schema"] == "Sanction")
        .map(|e| (values(e, "recordId"), e))
        .collect();
    let canonical = json_lines(&dir.path().join("events.jsonl"));
    let targeted: Vec<&Value> = canonical
        .iter()
        .filter(|e| e["target"].is_string() || !e["named_targets"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(
        sanctions.len(),
        targeted.len(),
        "one Sanction per canonical event that targets something"
    );
    for event in targeted {
        let reports: Vec<String> = event["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| format!("{}#{}", s["doc_id"].as_str().unwrap(), s["event_idx"]))
            .collect();
        let key: Vec<&str> = reports.iter().map(String::as_str).collect();
        let sanction = sanctions
            .get(&key)
            .unwrap_or_else(|| panic!("no Sanction with the reports {key:?}"));
        assert_eq!(
            values(sanction, "proof").len(),
            reports.len(),
            "{key:?}: an Article per report"
        );
        assert_eq!(
            values(sanction, "summary").len(),
            reports.len(),
            "{key:?}: each report's evidence"
        );
        assert_eq!(values(sanction, "status"), [event["status"].as_str().unwrap()]);
    }
    // The U.S. action the three outlets report.
    let us = sanctions
        .values()
        .find(|s| values(s, "proof").len() == 3 && values(s, "authority")[0] == "United States")
        .expect("a U.S. Sanction with three sources");
    assert_eq!(values(us, "country"), ["us"]);
    assert_eq!(values(us, "status"), ["imposed"]);

    // Without --events, one Sanction per event of each article.
    let per_article = entities(&ftm_output(&[seeds.to_str().unwrap()], dir.path()));
    let records = json_lines(&dir.path().join("records.jsonl"));
    let events_with_targets = records
        .iter()
        .flat_map(|r| r["events"].as_array().unwrap())
        .filter(|e| e["target"].is_string() || !e["named_targets"].as_array().unwrap().is_empty())
        .count();
    let sanctions = per_article.iter().filter(|e| e["schema"] == "Sanction").count();
    assert_eq!(sanctions, events_with_targets);
    assert!(
        per_article
            .iter()
            .filter(|e| e["schema"] == "Sanction")
            .all(|e| values(e, "proof").len() == 1)
    );
}

#[test]
fn records_beside_ftm_keep_their_form_and_stdout_takes_one_output() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), ENGLISH).unwrap();
    // The sink reads the clean text; the records, in JSONL and in SQLite, do
    // not carry it unless asked.
    for (emit_text, with_text) in [(false, false), (true, true)] {
        let db = format!("{emit_text}.sqlite");
        let mut args = vec![
            "extract",
            "a.txt",
            "--jsonl",
            "-",
            "--db",
            &db,
            "--ftm",
            "a.ftm.json",
            "--quiet",
        ];
        if emit_text {
            args.push("--emit-text");
        }
        let run = run(&args, dir.path(), None);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let records = parse_records(&run.stdout);
        assert_eq!(records[0].get("text").is_some(), with_text);
        let db = rusqlite::Connection::open(dir.path().join(&db)).unwrap();
        let text: Option<String> = db.query_row("SELECT text FROM articles", [], |r| r.get(0)).unwrap();
        assert_eq!(text.is_some(), with_text);
        let ftm = entities(&fs::read_to_string(dir.path().join("a.ftm.json")).unwrap());
        let sanction = ftm.iter().find(|e| e["schema"] == "Sanction").expect("a Sanction");
        assert_eq!(values(sanction, "summary"), [ENGLISH]);
    }
    let refused = run(&["extract", "a.txt", "--jsonl", "-", "--ftm", "-"], dir.path(), None);
    assert_eq!(refused.code, 2);
    assert_eq!(
        refused.stderr,
        "error: --jsonl - and --ftm - would mix records and FtM entities on standard output: \
         write one of them to a file\n"
    );
    // --ftm is an output: no default database beside it.
    let alone = run(&["extract", "a.txt", "--ftm", "a.ftm.json"], dir.path(), None);
    assert_eq!(alone.code, 0, "{}", alone.stderr);
    assert!(!dir.path().join("sanctions.sqlite").exists());
    assert!(
        alone
            .stderr
            .contains("1 record written to a.ftm.json as FtM entities; 1 event found"),
        "{}",
        alone.stderr
    );
}

#[test]
fn the_seed_reports_of_one_us_action_as_ftm() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("seeds.ftm.json");
    let mut sink = FtmSink::create(&path, Sanctions::Canonical).unwrap();
    let inputs = Inputs::new(US_ACTION, Limits::default());
    Pipeline::new(Config::default())
        .run(inputs.documents(Box::new(|w| panic!("{w}"))), &mut sink, |_, _| {})
        .unwrap();
    drop(sink);
    // An entity per block, `SCHEMA ID` then a property per line with its
    // values, so that a change shows as a small, readable diff.
    let mut blocks = Vec::new();
    for e in entities(&fs::read_to_string(&path).unwrap()) {
        let mut block = format!("{} {}\n", e["schema"].as_str().unwrap(), e["id"].as_str().unwrap());
        for (property, values) in e["properties"].as_object().unwrap() {
            block += &format!("  {property}: {values}\n");
        }
        blocks.push(block);
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!("ftm-seeds-us-action", blocks.join("\n")));
}
