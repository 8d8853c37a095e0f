//! Sharding: `--shard I/N` runs split the input; together they are the whole run.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn shards_are_disjoint_and_together_the_whole_run() {
    let (whole, full) = extract(&["corpus/articles"], repo());
    assert_eq!(full.code, 0, "{}", full.stderr);
    let mut seen: BTreeMap<String, Value> = BTreeMap::new();
    for shard in ["1/3", "2/3", "3/3"] {
        let run = run(
            &[
                "extract",
                "corpus/articles",
                "--jsonl",
                "-",
                "--emit-text",
                "--shard",
                shard,
            ],
            repo(),
            None,
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let records = parse_records(&run.stdout);
        assert!(!records.is_empty(), "shard {shard} has articles");
        let left = whole.len() - records.len();
        assert!(
            run.stderr
                .contains(&format!("{left} left to other shards (this is shard {shard})")),
            "{}",
            run.stderr
        );
        for record in records {
            let id = record["doc_id"].as_str().unwrap().to_string();
            assert!(seen.insert(id.clone(), record).is_none(), "{id} is in two shards");
        }
    }
    let whole: BTreeMap<String, Value> = whole
        .into_iter()
        .map(|r| (r["doc_id"].as_str().unwrap().to_string(), r))
        .collect();
    assert_eq!(seen, whole);
}

#[test]
fn bad_shards_are_refused_with_the_reason() {
    for (shard, reason) in [
        ("0/3", "shard 0/3: shards are numbered from 1, so 1/3 to 3/3"),
        ("4/3", "shard 4/3: there are only 3 shards, 1/3 to 3/3"),
        (
            "2",
            "expected I/N, shard I of N counted from 1 (such as 2/4), not \"2\"",
        ),
    ] {
        let run = run(
            &["extract", "corpus/articles", "--jsonl", "-", "--shard", shard],
            repo(),
            None,
        );
        assert_eq!(run.code, 2, "{shard}");
        assert!(run.stderr.contains(reason), "{shard}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}
