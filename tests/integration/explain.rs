//! `explain`: how an article's events were read, through the real binary, on
//! corpus articles.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `explain ARGS --json`, which must succeed.
fn explained(args: &[&str]) -> Value {
    let mut all = vec!["explain"];
    all.extend_from_slice(args);
    all.push("--json");
    let run = run(&all, root(), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("one JSON object")
}

/// The sentence numbered `number` of an explanation.
fn sentence(explanation: &Value, number: u64) -> &Value {
    explanation["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["number"] == number)
        .unwrap_or_else(|| panic!("no sentence {number} in {explanation:#}"))
}

const SEED_001: &str = "corpus/articles/seeds/001_4de9d4616d3f2380.txt";

#[test]
fn a_corpus_article_shows_its_triggers_candidates_and_events() {
    let e = explained(&[SEED_001]);
    assert_eq!(e["doc_id"], "seed-001");
    assert_eq!(e["published"], "2025-11-07");
    // `The U.S. Department of the Treasury has unveiled a new wave of
    // sanctions targeting ... eight North Korean individuals and two entities`.
    let s5 = sentence(&e, 5);
    let trigger = &s5["triggers"][0];
    assert_eq!(trigger["rule"], "imposed.acts_on_sanctions");
    assert_eq!(trigger["status"], "imposed");
    let taken = |role: &str| -> Vec<&str> {
        trigger["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["role"] == role && c["accepted"] == true)
            .map(|c| c["value"].as_str().unwrap())
            .collect()
    };
    assert_eq!(taken("authority"), ["United States (U.S. Department of the Treasury)"]);
    assert_eq!(taken("target"), ["North Korea"]);
    assert_eq!(taken("count"), ["8 individual", "2 entity"]);
    let reading = &trigger["readings"][0];
    assert_eq!(reading["authority"], "United States");
    let event = &e["events"][reading["event"].as_u64().unwrap() as usize];
    assert_eq!(event["authority"], "United States");
    assert_eq!(event["target"], "North Korea");
    assert_eq!(event["rule"], "imposed.acts_on_sanctions");
    // `Seoul's willingness to consider ...`: Seoul acts, so it is no target.
    let refused: Vec<(&str, &str)> = sentence(&e, 3)["triggers"][0]["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["accepted"] == false)
        .map(|c| (c["text"].as_str().unwrap(), c["why"].as_str().unwrap()))
        .collect();
    assert!(
        refused.contains(&("Seoul", "an authority of this reading")),
        "{refused:?}"
    );
}

#[test]
fn the_text_form_reads_sentence_by_sentence() {
    let run = run(&["explain", SEED_001], root(), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "a single article needs no word: {}", run.stderr);
    let out = run.stdout;
    assert!(out.starts_with("article seed-001, published 2025-11-07\n"), "{out}");
    for line in [
        "\nsentence 5: The U.S. Department of the Treasury has unveiled a new wave of sanctions",
        "\n  trigger imposed.acts_on_sanctions \"unveiled a new wave of sanctions targeting\": imposed\n",
        "\n    + count     \"eight North Korean individuals\" = 8 individual: an object after the trigger\n",
        "\n    - target    \"Seoul\" = South Korea: an authority of this reading\n",
        "\nevents, as the record holds them: 2\n",
        "\n  event 1: United States imposed North Korea, rule imposed.acts_on_sanctions\n",
        "no event: an authority only guessed",
    ] {
        assert!(out.contains(line), "no {line:?} in\n{out}");
    }
}

#[test]
fn doc_id_picks_the_article_of_a_dump() {
    let e = explained(&["corpus/articles/own/events.jsonl", "--doc-id", "own-e05"]);
    assert_eq!(e["doc_id"], "own-e05");
    // `Washington first blacklisted PDVSA in January 2019`: background.
    let rejected = &sentence(&e, 9)["rejected"][0];
    assert_eq!(rejected["rule"], "imposed.blacklist");
    assert_eq!(rejected["text"], "blacklisted");
    assert!(rejected["why"].as_str().unwrap().contains("ordinal"), "{rejected}");
    // Without --doc-id: the first article, and standard error says so.
    let run = run(&["explain", "corpus/articles/own/events.jsonl"], root(), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("article own-e01,"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("holds several articles: explaining the first, own-e01; --doc-id ID picks another"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_dump_on_standard_input_is_explained() {
    let line = std::fs::read_to_string(root().join("corpus/articles/own/events.jsonl")).unwrap();
    let run = run(
        &["explain", "-", "--doc-id", "own-e02", "--json"],
        root(),
        Some(line.as_bytes()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let e: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(e["doc_id"], "own-e02");
}

#[test]
fn an_unknown_doc_id_fails_naming_the_file_and_the_id() {
    let run = run(
        &["explain", "corpus/articles/own/events.jsonl", "--doc-id", "own-e99"],
        root(),
        None,
    );
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .contains("corpus/articles/own/events.jsonl: no article with doc_id \"own-e99\""),
        "{}",
        run.stderr
    );
    let missing = crate::common::run(&["explain", "nope.jsonl"], root(), None);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope.jsonl"), "{}", missing.stderr);
}

#[test]
fn explained_events_are_the_records_events_for_every_corpus_article() {
    let (records, run) = extract(&["corpus/articles"], root());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(records.len(), CORPUS_ARTICLES as usize);
    let mut with_events = 0;
    for record in &records {
        let doc_id = record["doc_id"].as_str().unwrap();
        let path = record["source"]["path"].as_str().unwrap();
        let e = explained(&[path, "--doc-id", doc_id]);
        assert_eq!(e["doc_id"], doc_id);
        assert_eq!(e["status"], record["status"], "{doc_id}");
        assert_eq!(e["events"], record["events"], "{doc_id}");
        // Every reading's event is an event of the record, and every event
        // is some reading's.
        let events = record["events"].as_array().unwrap();
        let mut read: Vec<u64> = Vec::new();
        for s in e["sentences"].as_array().unwrap() {
            for t in s["triggers"].as_array().unwrap() {
                for r in t["readings"].as_array().unwrap() {
                    if let Some(k) = r["event"].as_u64() {
                        assert!((k as usize) < events.len(), "{doc_id}: {r}");
                        assert_eq!(events[k as usize]["authority"], r["authority"], "{doc_id}");
                        read.push(k);
                    }
                }
            }
        }
        read.sort_unstable();
        read.dedup();
        assert_eq!(read.len(), events.len(), "{doc_id}: events no reading made");
        with_events += usize::from(!events.is_empty());
    }
    assert!(with_events > 30, "only {with_events} corpus articles have events");
}

#[test]
fn help_teaches_with_an_example() {
    let run = run(&["explain", "--help"], root(), None);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("--doc-id <ID>"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("sanctions-extract explain corpus/articles/own/events.jsonl --doc-id"),
        "{}",
        run.stdout
    );
}

#[test]
fn articles_without_events_to_read_say_why() {
    let run = run(
        &["explain", "corpus/articles/own/events.jsonl", "--doc-id", "own-e24"],
        root(),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("\nstatus skipped: language:spa\n"),
        "{}",
        run.stdout
    );
    let dir = tempfile::TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("calm.txt"),
        "The markets rose sharply in Paris after the holiday.",
    )
    .unwrap();
    let run = crate::common::run(&["explain", "calm.txt"], dir.path(), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("no sanctions word in the article: no sentence is searched for triggers"),
        "{}",
        run.stdout
    );
    // A lawyer sanctioned by a judge: sanctions in the disciplinary sense.
    let e = explained(&["corpus/articles/own/events.jsonl", "--doc-id", "own-e23"]);
    assert_eq!(e["searched"], false);
    assert!(
        e["unsearched"]
            .as_str()
            .is_some_and(|why| why.starts_with("sanctions in the disciplinary sense")),
        "{e:#}"
    );
    assert_eq!(e["events"], serde_json::json!([]));
    // An article that cannot be read is explained as an error, exit 1 as
    // `extract` exits.
    std::fs::write(dir.path().join("bad.jsonl"), "{not json\n").unwrap();
    let run = crate::common::run(&["explain", "bad.jsonl"], dir.path(), None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("\nstatus error: "), "{}", run.stdout);
}
