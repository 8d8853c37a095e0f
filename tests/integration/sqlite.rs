//! The SQLite sink: schema, re-run idempotence, the README's example queries.

use crate::common::*;
use rusqlite::Connection;
use sanctions_extract::decimal::Decimal;
use sanctions_extract::record::*;
use sanctions_extract::sinks::{Sink, SqliteSink};
use std::path::Path;
use tempfile::TempDir;

fn corpus() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every row of every table but `runs` (which grows by one per run), as text,
/// in a stable order.
pub fn dump(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('runs', 'sqlite_sequence') ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut rows = Vec::new();
    for table in tables {
        let columns = conn.prepare(&format!("SELECT * FROM {table}")).unwrap().column_count();
        let order: Vec<String> = (1..=columns.min(2)).map(|i| i.to_string()).collect();
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY {}", order.join(", ")))
            .unwrap();
        let columns = stmt.column_count();
        let mut query = stmt.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let values: Vec<String> = (0..columns).map(|i| format!("{:?}", row.get_ref(i).unwrap())).collect();
            rows.push(format!("{table}: {}", values.join(" | ")));
        }
    }
    rows
}

fn full_record(doc_id: &str, officials: usize) -> Record {
    let mut record = Record::new(doc_id.into(), Source::default(), Status::Ok, None);
    record.officials = (0..officials)
        .map(|i| Official {
            name: format!("Official {i}"),
            title: Some("Minister".into()),
            affiliation: None,
            aliases: vec![format!("O{i}")],
            mentions: vec![[i, i + 1]],
            rule: "official.title_before_name".into(),
        })
        .collect();
    record.entities = vec![Entity {
        name: "Office of Foreign Assets Control".into(),
        kind: EntityType::GovernmentBody,
        country: Some("US".into()),
        aliases: vec!["OFAC".into()],
        mentions: vec![[0, 4]],
        rule: "entity.lexicon".into(),
    }];
    record.counts = vec![Count {
        value: 8,
        category: CountCategory::Individual,
        noun: "individuals".into(),
        modifier: Some("North Korean".into()),
        text: "eight North Korean individuals".into(),
        span: [5, 35],
        rule: "count.cardinal_noun".into(),
    }];
    record.amounts = vec![Amount {
        value: Decimal::int(3_000_000_000),
        currency: "USD".into(),
        text: "$3 billion".into(),
        span: [40, 50],
        rule: "money.symbol".into(),
    }];
    record.dates = vec![DateMention {
        value: "2025-11-06".into(),
        kind: DateType::Date,
        text: "November 6".into(),
        span: [60, 70],
        rule: "date.month_day".into(),
    }];
    record.events = vec![Event {
        authority: "United States".into(),
        agency: Some("Office of Foreign Assets Control".into()),
        status: EventStatus::Imposed,
        target: Some("North Korea".into()),
        counts: vec![
            EventCount {
                value: 8,
                category: CountCategory::Individual,
            },
            EventCount {
                value: 2,
                category: CountCategory::Entity,
            },
        ],
        named_targets: vec!["Korea Mangyongdae Computer Technology Company".into()],
        date: Some("2025-11-06".into()),
        amounts: vec![],
        reason: Some("cryptocurrency laundering".into()),
        officials: vec!["John Hurley".into()],
        evidence: vec![[0, 70]],
        rule: "imposed.on_targets".into(),
    }];
    record
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn an_article_written_again_replaces_its_child_rows() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("s.sqlite");
    for officials in [3, 1] {
        let mut sink = SqliteSink::open(&db).unwrap();
        sink.write(&full_record("a", officials)).unwrap();
        sink.write(&full_record("b", 2)).unwrap();
        sink.finish().unwrap();
    }
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 2);
    assert_eq!(count(&conn, "SELECT count(*) FROM officials WHERE doc_id = 'a'"), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM officials WHERE doc_id = 'b'"), 2);
    for table in ["entities", "counts", "amounts", "dates", "events", "event_targets"] {
        assert_eq!(
            count(&conn, &format!("SELECT count(*) FROM {table} WHERE doc_id = 'a'")),
            1,
            "{table}"
        );
    }
    assert_eq!(count(&conn, "SELECT count(*) FROM event_counts WHERE doc_id = 'a'"), 2);
    let (aliases, amount): (String, f64) = conn
        .query_row(
            "SELECT e.aliases, a.value FROM entities e JOIN amounts a USING (doc_id) WHERE doc_id = 'a'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((aliases.as_str(), amount), (r#"["OFAC"]"#, 3e9));
    let value: i64 = conn
        .query_row(
            "SELECT ec.value FROM events e JOIN event_counts ec ON ec.doc_id = e.doc_id AND ec.event_idx = e.idx \
             WHERE e.doc_id = 'b' AND ec.category = 'entity'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(value, 2);
}

/// The README's example queries run as written against a database of the corpus.
#[test]
fn readme_example_queries_run() {
    let readme = std::fs::read_to_string(corpus().join("README.md")).unwrap();
    let queries: Vec<&str> = readme
        .split("```sql\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap())
        .collect();
    assert!(queries.len() >= 2, "the README shows at least two example queries");
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("s.sqlite");
    let mut sink = SqliteSink::open(&db).unwrap();
    let mut record = full_record("seed-x", 1);
    record.source.published = Some("2025-11-07".into());
    sink.write(&record).unwrap();
    for report in reports() {
        sink.write(&report).unwrap();
    }
    sink.finish().unwrap();
    let conn = Connection::open(&db).unwrap();
    for query in queries {
        let mut stmt = conn.prepare(query).unwrap_or_else(|e| panic!("{e}: {query}"));
        let rows = stmt.query_map([], |_| Ok(())).unwrap().count();
        assert!(rows > 0, "the example query returns rows: {query}");
    }
}

/// Three outlets reporting one U.S. action, and one unrelated event.
fn reports() -> Vec<Record> {
    let mut out = Vec::new();
    for (doc_id, published) in [
        ("a", "2025-11-06"),
        ("b", "2025-11-07"),
        ("c", "2025-11-07"),
        ("d", "2024-01-10"),
    ] {
        let mut record = full_record(doc_id, 0);
        record.source.published = Some(published.into());
        record.events[0].date = None;
        out.push(record);
    }
    out
}

#[test]
fn canonical_events_merge_reports_and_survive_re_runs() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("s.sqlite");
    for _ in 0..2 {
        let mut sink = SqliteSink::open(&db).unwrap();
        for record in reports() {
            sink.write(&record).unwrap();
        }
        sink.finish().unwrap();
    }
    let conn = Connection::open(&db).unwrap();
    assert_eq!(count(&conn, "SELECT count(*) FROM canonical_events"), 2);
    let (id, sources, first): (String, i64, String) = conn
        .query_row(
            "SELECT id, sources, first_published FROM canonical_events ORDER BY sources DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((id.as_str(), sources, first.as_str()), ("a#0", 3, "2025-11-06"));
    let docs: Vec<String> = conn
        .prepare("SELECT doc_id FROM canonical_event_sources WHERE canonical_id = 'a#0' ORDER BY doc_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(docs, ["a", "b", "c"]);
}

#[test]
fn the_events_file_holds_one_canonical_event_per_line() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("events.jsonl");
    let mut sink = sanctions_extract::sinks::EventsSink::create(&path).unwrap();
    for record in reports() {
        sink.write(&record).unwrap();
    }
    sink.finish().unwrap();
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "d#0");
    assert_eq!(lines[1]["id"], "a#0");
    assert_eq!(lines[1]["authority"], "United States");
    assert_eq!(lines[1]["status"], "imposed");
    assert_eq!(lines[1]["target"], "North Korea");
    assert_eq!(lines[1]["sources"].as_array().unwrap().len(), 3);
    assert_eq!(lines[1]["sources"][2]["doc_id"], "c");
    assert_eq!(
        lines[1]["named_targets"],
        serde_json::json!(["Korea Mangyongdae Computer Technology Company"])
    );
}

#[test]
fn every_run_is_accounted_for_in_the_runs_table() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("a.txt"), ENGLISH).unwrap();
    std::fs::write(dir.path().join("b.txt"), "").unwrap();
    std::fs::write(dir.path().join("c.jsonl"), "{broken\n").unwrap();
    // The second run skips the articles stored for good and reads the error again.
    for _ in 0..2 {
        let run = run(
            &["extract", "a.txt", "b.txt", "c.jsonl", "--db", "s.sqlite", "--quiet"],
            dir.path(),
            None,
        );
        assert_eq!(run.code, 1, "{}", run.stderr);
    }
    let conn = Connection::open(dir.path().join("s.sqlite")).unwrap();
    type RunRow = (i64, i64, i64, i64, i64, String, String, String);
    let rows: Vec<RunRow> = conn
        .prepare(
            "SELECT articles_read, ok, skipped, errors, already_stored, arguments, started_at, finished_at \
             FROM runs ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2);
    let (read, ok, skipped, errors, stored, ..) = &rows[0];
    assert_eq!((*read, *ok, *skipped, *errors, *stored), (3, 1, 1, 1, 0));
    let (read, ok, skipped, errors, stored, arguments, started, finished) = &rows[1];
    assert_eq!((*read, *ok, *skipped, *errors, *stored), (1, 0, 0, 1, 2));
    let arguments: Vec<String> = serde_json::from_str(arguments).unwrap();
    assert_eq!(
        &arguments[1..],
        ["extract", "a.txt", "b.txt", "c.jsonl", "--db", "s.sqlite", "--quiet"]
    );
    assert!(started.ends_with('Z') && started.len() == 20, "{started}");
    assert!(finished >= started);
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), 3);
}

#[test]
fn a_re_run_skips_stored_articles_and_with_replace_replaces_them() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("s.sqlite");
    let db_arg = db.to_str().unwrap();
    let first = run(
        &["extract", "corpus/articles", "--db", db_arg, "--quiet"],
        corpus(),
        None,
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    let after_one = dump(&db);
    let second = run(&["extract", "corpus/articles", "--db", db_arg], corpus(), None);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second.stderr.contains(&format!(
            "{CORPUS_ARTICLES} articles read: 0 ok, 0 skipped, 0 errors, {CORPUS_ARTICLES} already stored\n"
        )) && second.stderr.contains(&format!(
            "warning: {CORPUS_ARTICLES} articles not processed again because the database already holds them; \
                 --replace processes them again"
        )),
        "{}",
        second.stderr
    );
    assert_eq!(dump(&db), after_one);
    let third = run(
        &["extract", "corpus/articles", "--db", db_arg, "--replace", "--quiet"],
        corpus(),
        None,
    );
    assert_eq!(third.code, 0, "{}", third.stderr);
    assert_eq!(dump(&db), after_one);
    let conn = Connection::open(&db).unwrap();
    let articles: i64 = conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(articles, CORPUS_ARTICLES);
    let runs: Vec<(i64, i64)> = conn
        .prepare("SELECT articles_read, already_stored FROM runs ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(runs, [(CORPUS_ARTICLES, 0), (0, CORPUS_ARTICLES), (CORPUS_ARTICLES, 0)]);
}
