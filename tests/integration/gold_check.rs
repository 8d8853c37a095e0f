//! `check-gold` over the project's own gold and the gold in ../shared.
//!
//! The project's gold must be clean. Gold in ../shared is fixed at its source,
//! not here: the problems the checker finds there are listed, each with the
//! rule it breaks, in tests/gold-check-known.txt, and this test fails on any
//! problem not listed there and on any listed one that no longer occurs (the
//! source was fixed: take the line out).

use crate::common::run;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

const KNOWN: &str = "tests/gold-check-known.txt";

/// The folder `part` of the shared data, or `None` (said on the terminal)
/// where it is missing: `common::shared`.
fn shared_folder(part: &str) -> Option<PathBuf> {
    crate::common::shared(part)
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `check-gold --gold GOLD INPUTS` run in `cwd`: its problem lines, after
/// checking that it could read everything.
fn problems(cwd: &Path, gold: &str, inputs: &[&str]) -> Vec<String> {
    let mut args = vec!["check-gold", "--gold", gold];
    args.extend_from_slice(inputs);
    let out = run(&args, cwd, None);
    assert!(
        out.code == 0 || out.code == 1,
        "check-gold {gold} could not read its inputs (exit {}):\n{}",
        out.code,
        out.stderr
    );
    out.stdout.lines().map(str::to_string).collect()
}

#[test]
fn the_projects_own_gold_is_clean() {
    let found = problems(manifest_dir(), "corpus/gold/seeds.jsonl", &["corpus/articles/seeds"]);
    assert_eq!(found, Vec::<String>::new());
    for gold in crate::scores::own_gold() {
        let gold = gold.to_str().unwrap();
        let found = problems(manifest_dir(), gold, &["corpus/articles/own"]);
        assert_eq!(found, Vec::<String>::new(), "{gold}");
    }
    // The general news: the project's gold of articles read from ../shared.
    if let Some(articles) = crate::scores::general_news() {
        let found = problems(manifest_dir(), "corpus/gold/extra.jsonl", &[articles.to_str().unwrap()]);
        assert_eq!(found, Vec::<String>::new());
    }
}

/// ../shared/seeds holds the five seed texts and one `meta.jsonl` for all of
/// them; `extract` reads a text's metadata from a `NAME.meta.json` beside it,
/// as corpus/articles/seeds has them. This lays them out so in `into`, with
/// the doc_id the gold gives (`seed-000` for `000_888c66c3190284dd.txt`).
fn seeds_as_inputs(seeds: &Path, into: &Path) {
    let meta = std::fs::read_to_string(seeds.join("meta.jsonl")).expect("seeds/meta.jsonl");
    for line in meta.lines().filter(|l| !l.trim().is_empty()) {
        let mut meta: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line).expect("meta line");
        let file = meta
            .remove("file")
            .and_then(|f| f.as_str().map(str::to_string))
            .expect("file");
        let id = format!("seed-{}", &file[..3]);
        meta.insert("id".into(), id.into());
        std::fs::copy(seeds.join(&file), into.join(&file)).expect("copy seed text");
        let sidecar = into.join(file.replace(".txt", ".meta.json"));
        std::fs::write(sidecar, serde_json::to_string(&meta).unwrap()).unwrap();
    }
}

#[test]
fn the_problems_of_the_shared_gold_are_the_known_ones() {
    let Some(root) = shared_folder("") else { return };
    let mut found = Vec::new();
    // The gold files checked: a known problem of another file was not looked for.
    let mut checked = Vec::new();
    if let Some(seeds) = shared_folder("seeds") {
        let inputs = tempfile::tempdir().unwrap();
        seeds_as_inputs(&seeds, inputs.path());
        found.extend(problems(&root, "seeds/gold.jsonl", &[inputs.path().to_str().unwrap()]));
        checked.push("seeds/gold.jsonl".to_string());
    }
    let mut sets = vec!["dev".to_string()];
    sets.extend((1..=6).map(|n| format!("dev2/batch-{n}")));
    for set in sets {
        if shared_folder(&set).is_some() {
            let gold = format!("{set}/gold.jsonl");
            found.extend(problems(&root, &gold, &[&format!("{set}/articles.jsonl")]));
            checked.push(gold);
        }
    }
    let known_text = std::fs::read_to_string(manifest_dir().join(KNOWN)).expect(KNOWN);
    let known: BTreeSet<&str> = known_text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter(|l| checked.iter().any(|file| l.starts_with(&format!("{file}:"))))
        .collect();
    let found_set: BTreeSet<&str> = found.iter().map(String::as_str).collect();
    let new: Vec<&&str> = found_set.difference(&known).collect();
    let gone: Vec<&&str> = known.difference(&found_set).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "gold problems not in {KNOWN} (list them, each with the rule it breaks, and report them \
         to be fixed at the source; never bend the checker to them):\n{}\n\n\
         listed in {KNOWN} but no longer found (take them out):\n{}",
        new.iter().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n"),
        gone.iter().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n"),
    );
    let _ = writeln!(
        std::io::stderr(),
        "check-gold: {} files of ../shared checked, {} known problems",
        checked.len(),
        found.len()
    );
}

#[test]
fn check_gold_exit_status_and_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.jsonl"),
        r#"{"id": "a", "published": "2025-11-07", "text": "OFAC sanctioned eight individuals on Thursday."}"#,
    )
    .unwrap();
    let good = r#"{"doc_id": "a", "counts": [{"value": 8, "category": "individual", "text": "eight individuals"}], "dates": [{"value": "2025-11-06", "text": "on Thursday"}]}"#;
    let bad = r#"{"doc_id": "a", "counts": [{"value": 8, "category": "individual", "text": "8 individuals"}], "dates": [{"value": "2025-11-05", "text": "on Thursday"}]}"#;
    std::fs::write(dir.path().join("good.jsonl"), good).unwrap();
    std::fs::write(dir.path().join("bad.jsonl"), bad).unwrap();

    let out = run(&["check-gold", "--gold", "good.jsonl", "a.jsonl"], dir.path(), None);
    assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{}", out.stderr);
    assert!(
        out.stderr.contains("1 relative read from the publication date"),
        "{}",
        out.stderr
    );

    let out = run(&["check-gold", "--gold", "bad.jsonl", "a.jsonl"], dir.path(), None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "bad.jsonl:1 a: counts[0].text: \"8 individuals\" is not in the article's text\n\
         bad.jsonl:1 a: dates[0].value: \"on Thursday\" read from the publication date 2025-11-07 is 2025-11-06 or 2025-11-13, not 2025-11-05\n"
    );
    assert!(out.stderr.contains("2 errors, 0 warnings"), "{}", out.stderr);

    let out = run(&["check-gold", "--gold", "missing.jsonl", "a.jsonl"], dir.path(), None);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let out = run(&["check-gold", "--gold", "good.jsonl", "nowhere"], dir.path(), None);
    assert_eq!(out.code, 2, "{}", out.stderr);

    let help = run(&["check-gold", "--help"], dir.path(), None);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout.contains("Examples:") && help.stdout.contains("FILE:LINE"),
        "{}",
        help.stdout
    );
}
