//! The PostgreSQL sink against a real server: the same rows as SQLite,
//! re-runs, odd text, concurrent shards, and errors that never show a password.
//! Each test that needs the server takes its URL (see `main.rs`).

use crate::common::*;
use crate::server::*;
use rusqlite::Connection;
use sanctions_extract::record::{Record, Source, Status};
use sanctions_extract::sinks::{PostgresSink, Sink, rows};
use serde_json::{Map, Value};
use std::path::Path;
use std::process::{Command, Stdio};
use tempfile::TempDir;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The rows of a table as JSON objects with every number a float, sorted: the
/// form in which SQLite and PostgreSQL rows can be compared.
fn normalized(rows: Vec<Map<String, Value>>) -> Vec<String> {
    fn numbers_as_floats(value: Value) -> Value {
        match value {
            Value::Number(n) => Value::from(n.as_f64().unwrap()),
            Value::Array(items) => Value::Array(items.into_iter().map(numbers_as_floats).collect()),
            Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, numbers_as_floats(v))).collect()),
            other => other,
        }
    }
    let mut out: Vec<String> = rows
        .into_iter()
        .map(|row| numbers_as_floats(Value::Object(row)).to_string())
        .collect();
    out.sort();
    out
}

fn postgres_tables(url: &str) -> Vec<(String, Vec<String>)> {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    rows::ALL_TABLES
        .iter()
        .filter(|t| t.name != "runs")
        .map(|table| {
            let rows = client
                .query(&format!("SELECT to_jsonb(t)::text FROM {} t", table.name), &[])
                .unwrap()
                .into_iter()
                .map(|row| serde_json::from_str(&row.get::<_, String>(0)).unwrap())
                .collect();
            (table.name.to_string(), normalized(rows))
        })
        .collect()
}

/// SQLite's rows in the same form; `json_columns` (the JSONB columns of
/// PostgreSQL) hold JSON text in SQLite and are parsed.
fn sqlite_tables(db: &Path, json_columns: &[(String, String)]) -> Vec<(String, Vec<String>)> {
    let conn = Connection::open(db).unwrap();
    rows::ALL_TABLES
        .iter()
        .filter(|t| t.name != "runs")
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {}", table.name)).unwrap();
            let names: Vec<String> = stmt.column_names().map(|n| n.to_string()).collect();
            let rows = stmt
                .query_map([], |row| {
                    let mut map = Map::new();
                    for (i, name) in names.iter().enumerate() {
                        use rusqlite::types::ValueRef;
                        let value = match row.get_ref(i)? {
                            ValueRef::Null => Value::Null,
                            ValueRef::Integer(n) => Value::from(n),
                            ValueRef::Real(f) => Value::from(f),
                            ValueRef::Text(t) => {
                                let text = std::str::from_utf8(t).unwrap();
                                if json_columns.contains(&(table.name.to_string(), name.clone())) {
                                    serde_json::from_str(text).unwrap()
                                } else {
                                    Value::from(text)
                                }
                            }
                            ValueRef::Blob(_) => panic!("no blobs"),
                        };
                        map.insert(name.clone(), value);
                    }
                    Ok(map)
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            (table.name.to_string(), normalized(rows))
        })
        .collect()
}

pub fn postgres_holds_the_same_rows_as_sqlite(server: &str) {
    let url = fresh_database(server, "sanctions_test_same_rows");
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("s.sqlite");
    let run = run(
        &[
            "extract",
            "corpus/articles",
            "--db",
            db.to_str().unwrap(),
            "--postgres",
            &url,
        ],
        repo(),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{CORPUS_ARTICLES} records written to {} and {url}",
            db.display()
        )),
        "{}",
        run.stderr
    );
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let json_columns: Vec<(String, String)> = client
        .query(
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND data_type = 'jsonb'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert!(json_columns.contains(&("entities".into(), "aliases".into())));
    let postgres = postgres_tables(&url);
    let sqlite = sqlite_tables(&db, &json_columns);
    for ((table, pg_rows), (_, sqlite_rows)) in postgres.iter().zip(&sqlite) {
        // Articles wait in canonical_pending only until the run's merge.
        assert!(!pg_rows.is_empty() || table == "canonical_pending", "{table} has rows");
        assert_eq!(pg_rows.len(), sqlite_rows.len(), "{table}");
        for (pg, lite) in pg_rows.iter().zip(sqlite_rows) {
            assert_eq!(pg, lite, "{table}");
        }
    }
    let runs = postgres_count(
        &url,
        &format!(
            "SELECT count(*) FROM runs WHERE articles_read = {CORPUS_ARTICLES} AND ok + skipped + errors = {CORPUS_ARTICLES}"
        ),
    );
    assert_eq!(runs, 1);
    // The README's queries: its PostgreSQL ones, and the SQLite ones that use
    // no SQLite JSON function, each returning rows.
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let blocks = |fence: &str| -> Vec<String> {
        readme
            .split(fence)
            .skip(1)
            .map(|block| block.split("```").next().unwrap().to_string())
            .collect()
    };
    let pgsql = blocks("```pgsql\n");
    assert!(!pgsql.is_empty(), "the README shows a PostgreSQL query");
    let sqlite_only = |q: &String| q.contains("json_each");
    let queries = pgsql
        .into_iter()
        .chain(blocks("```sql\n").into_iter().filter(|q| !sqlite_only(q)));
    for query in queries {
        let rows = client
            .query(query.as_str(), &[])
            .unwrap_or_else(|e| panic!("{e}: {query}"));
        assert!(!rows.is_empty(), "the example query returns rows: {query}");
    }
}

pub fn postgres_re_runs_skip_stored_articles_or_replace_them(server: &str) {
    let url = fresh_database(server, "sanctions_test_re_runs");
    let first = run(
        &["extract", "corpus/articles", "--postgres", &url, "--quiet"],
        repo(),
        None,
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    let after_one = postgres_dump(&url);
    let second = run(&["extract", "corpus/articles", "--postgres", &url], repo(), None);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second.stderr.contains(&format!(
            "{CORPUS_ARTICLES} articles read: 0 ok, 0 skipped, 0 errors, {CORPUS_ARTICLES} already stored\n"
        )),
        "{}",
        second.stderr
    );
    assert_eq!(postgres_dump(&url), after_one);
    let third = run(
        &["extract", "corpus/articles", "--postgres", &url, "--replace", "--quiet"],
        repo(),
        None,
    );
    assert_eq!(third.code, 0, "{}", third.stderr);
    assert_eq!(postgres_dump(&url), after_one);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let runs: Vec<(i64, i64)> = client
        .query("SELECT articles_read, already_stored FROM runs ORDER BY id", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(runs, [(CORPUS_ARTICLES, 0), (0, CORPUS_ARTICLES), (CORPUS_ARTICLES, 0)]);
    let sources: i64 = client
        .query_one(
            "SELECT max(sources) FROM canonical_events WHERE authority = 'United States'",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(sources >= 3, "the seed reports of one action are one canonical event");
}

/// An article written again replaces its child rows; text COPY treats tabs,
/// newlines and backslashes specially, and PostgreSQL has no NUL.
pub fn postgres_rows_are_replaced_and_odd_text_survives(server: &str) {
    let url = fresh_database(server, "sanctions_test_odd_text");
    let odd = "tab\there, back\\slash \\N, new\nline\r, nul\0 end";
    for officials in [3, 1] {
        let mut sink = PostgresSink::connect(&url).unwrap();
        let mut record = Record::new("a\tb\0".into(), Source::default(), Status::Ok, None);
        record.source.title = Some(odd.into());
        record.source.extra.insert("note".into(), Value::from(odd));
        record.officials = (0..officials)
            .map(|i| sanctions_extract::record::Official {
                name: format!("Official {i}"),
                title: None,
                affiliation: None,
                aliases: vec![odd.into()],
                mentions: vec![[i, i + 1]],
                rule: "official.title_before_name".into(),
            })
            .collect();
        sink.write(&record).unwrap();
        // The same article twice in one batch: the later one wins.
        record.status_detail = Some("second".into());
        sink.write(&record).unwrap();
        sink.finish().unwrap();
    }
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let row = client
        .query_one(
            "SELECT title, extra->>'note', status_detail, (SELECT count(*) FROM officials) FROM articles",
            &[],
        )
        .unwrap();
    let stored = odd.replace('\0', "\u{FFFD}");
    assert_eq!(row.get::<_, String>(0), stored);
    assert_eq!(row.get::<_, String>(1), stored);
    assert_eq!(row.get::<_, String>(2), "second");
    assert_eq!(row.get::<_, i64>(3), 1);
    let alias: String = client
        .query_one(
            "SELECT aliases->>0 FROM officials WHERE doc_id = $1",
            &[&"a\tb\u{FFFD}"],
        )
        .unwrap()
        .get(0);
    assert_eq!(alias, stored);
}

/// Two machines' shards, at once, into one database: the same rows as one run.
pub fn concurrent_shards_fill_one_postgres_database_like_one_run(server: &str) {
    let whole = fresh_database(server, "sanctions_test_shards_whole");
    let sharded = fresh_database(server, "sanctions_test_shards_split");
    let one = run(
        &["extract", "corpus/articles", "--postgres", &whole, "--quiet"],
        repo(),
        None,
    );
    assert_eq!(one.code, 0, "{}", one.stderr);
    let children: Vec<_> = ["1/2", "2/2"]
        .iter()
        .map(|shard| {
            Command::new(env!("CARGO_BIN_EXE_sanctions-extract"))
                .args([
                    "extract",
                    "corpus/articles",
                    "--postgres",
                    &sharded,
                    "--shard",
                    shard,
                    "--threads",
                    "1",
                ])
                .current_dir(repo())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains("left to other shards"));
    }
    assert_eq!(postgres_dump(&sharded), postgres_dump(&whole));
}

pub fn a_database_that_cannot_be_reached_is_named_without_its_password() {
    // A port nothing listens on: bind one, then let it go.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("a.txt"), ENGLISH).unwrap();
    let url = format!("postgres://etl:s3cret@127.0.0.1:{port}/news");
    let run = run(&["extract", "a.txt", "--postgres", &url], dir.path(), None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "error: opening the PostgreSQL database: PostgreSQL database postgres://etl@127.0.0.1:{port}/news: error connecting to server"
        )),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("s3cret"), "{}", run.stderr);
}

/// Issue 17, item 1: two articles with one id overwrote each other in the
/// database without a word; the repeat is now kept as `ID~2`, as in SQLite.
pub fn postgres_keeps_articles_with_the_same_id_apart(server: &str) {
    let url = fresh_database(server, "sanctions_test_repeated_ids");
    let dir = TempDir::new().unwrap();
    let line = |id: &str, text: &str| serde_json::json!({"id": id, "text": text}).to_string() + "\n";
    let other =
        "The European Union imposed sanctions on three Iranian entities on Monday over drone deliveries to Russia.";
    std::fs::write(dir.path().join("dump.jsonl"), line("h1", ENGLISH) + &line("h1", other)).unwrap();
    let run = run(&["extract", "dump.jsonl", "--postgres", &url], dir.path(), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "warning: dump.jsonl:2: doc_id \"h1\" is taken by an earlier article of this run; this one is kept as \"h1~2\""
        ),
        "{}",
        run.stderr
    );
    assert_eq!(postgres_count(&url, "SELECT count(*) FROM articles"), 2);
    assert_eq!(
        postgres_count(
            &url,
            "SELECT count(*) FROM events WHERE doc_id = 'h1~2' AND authority = 'European Union'"
        ),
        1
    );
}

/// The canonical tables of a database filled in several runs, in other orders
/// and with articles written again, equal those of one SQLite run over
/// everything (issue 25), and `rebuild-events --postgres` rebuilds the same.
pub fn postgres_canonical_events_are_the_same_whatever_the_order_of_runs(server: &str) {
    let dir = TempDir::new().unwrap();
    let records = crate::canonical::records(dir.path());
    let all = dir.path().join("all.sqlite");
    crate::canonical::write_runs(&all, std::slice::from_ref(&records));
    let canonical = |tables: Vec<(String, Vec<String>)>| -> Vec<(String, Vec<String>)> {
        tables
            .into_iter()
            .filter(|(name, _)| name.starts_with("canonical_"))
            .collect()
    };
    let json_columns: Vec<(String, String)> = ["counts", "named_targets", "evidence"]
        .iter()
        .flat_map(|c| {
            [
                ("canonical_events".to_string(), c.to_string()),
                ("canonical_event_sources".to_string(), c.to_string()),
            ]
        })
        .collect();
    let expected = canonical(sqlite_tables(&all, &json_columns));
    assert!(
        expected
            .iter()
            .any(|(name, rows)| name == "canonical_events" && rows.len() > 100)
    );
    let orders = crate::canonical::orders(&records);
    for (i, (name, runs)) in orders.iter().enumerate().filter(|(i, _)| [0, 3].contains(i)) {
        let url = fresh_database(server, &format!("sanctions_test_canonical_{i}"));
        for run in runs {
            let mut sink = PostgresSink::connect(&url).unwrap();
            for record in run {
                sink.write(record).unwrap();
            }
            sink.finish().unwrap();
        }
        assert!(
            canonical(postgres_tables(&url)) == expected,
            "{name}: the canonical tables differ"
        );
        if i == 0 {
            let rebuilt = run(&["rebuild-events", "--postgres", &url], dir.path(), None);
            assert_eq!(rebuilt.code, 0, "{}", rebuilt.stderr);
            assert!(
                canonical(postgres_tables(&url)) == expected,
                "rebuilt: the canonical tables differ"
            );
        }
    }
}
