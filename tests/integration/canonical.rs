//! Canonical events kept up to date run by run (issue 25): whatever the order
//! in which articles reach a database, in how many runs, and with articles
//! written again in between (moving or removing their events), the canonical
//! tables end as one run over everything leaves them, as `rebuild-events`
//! rebuilds them, and as `canonical::merge` merges the records.

use crate::common::*;
use rusqlite::Connection;
use sanctions_extract::assemble::canonical::{Mention, merge};
use sanctions_extract::record::Record;
use sanctions_extract::sinks::{Sink, SqliteSink};
use sanctions_extract::{Config, Inputs, Limits, Pipeline};
use std::path::Path;
use tempfile::TempDir;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A small seeded generator (xorshift), so every run of the test sees the same data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

fn corpus_texts() -> Vec<String> {
    let mut texts = Vec::new();
    let mut paths: Vec<_> = walk(&repo().join("corpus/articles"));
    paths.sort();
    for path in paths {
        match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => texts.push(std::fs::read_to_string(&path).unwrap()),
            Some("jsonl") => {
                for line in std::fs::read_to_string(&path).unwrap().lines() {
                    let value: serde_json::Value = serde_json::from_str(line).unwrap();
                    if let Some(text) = value["text"].as_str() {
                        texts.push(text.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    texts
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// A generated dump as scripts/make_dump.py makes them (paragraphs of two
/// corpus articles, shuffled), published within a few weeks so that reports
/// of one action meet, a tenth without a publication date.
pub fn generated_dump(path: &Path, articles: usize, seed: u64) {
    let texts = corpus_texts();
    let mut rng = Rng::new(seed);
    let mut out = String::new();
    for n in 0..articles {
        let first = &texts[rng.below(texts.len())];
        let second = &texts[rng.below(texts.len())];
        let mut paragraphs: Vec<&str> = first.split('\n').filter(|p| !p.trim().is_empty()).collect();
        let head = paragraphs.remove(0);
        let extra: Vec<&str> = second.split('\n').filter(|p| !p.trim().is_empty()).collect();
        for _ in 0..3.min(extra.len()) {
            paragraphs.push(extra[rng.below(extra.len())]);
        }
        rng.shuffle(&mut paragraphs);
        let text = std::iter::once(head).chain(paragraphs).collect::<Vec<_>>().join("\n\n");
        let mut line = serde_json::json!({"id": format!("gen-{n:04}"), "title": head.chars().take(80).collect::<String>(), "text": text});
        if rng.below(10) > 0 {
            let day =
                chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap() + chrono::Duration::days(rng.below(40) as i64);
            line["published"] = day.to_string().into();
        }
        out += &line.to_string();
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

/// The records of the corpus and of a generated dump, through the pipeline.
pub fn records(dir: &Path) -> Vec<Record> {
    let dump = dir.join("generated.jsonl");
    generated_dump(&dump, 160, 25);
    let inputs = Inputs::new([repo().join("corpus/articles"), dump], Limits::default());
    let mut records: Vec<Record> = Vec::new();
    Pipeline::new(Config::default())
        .run(inputs.documents(Box::new(|_| {})), &mut records, |_, _| {})
        .unwrap();
    records
}

/// An earlier version of a record, which a later run replaces with `record`:
/// published three days later with its events in another order, or with the
/// events of `other` (which the final version does not have), or with none.
pub fn draft(record: &Record, other: &Record, kind: usize) -> Record {
    let mut draft = record.clone();
    match kind % 3 {
        0 => {
            if let Some(day) = record.source.published.as_deref().and_then(|p| p.get(..10)) {
                let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap() + chrono::Duration::days(3);
                draft.source.published = Some(day.to_string());
            }
            draft.events.reverse();
        }
        1 => draft.events = other.events.clone(),
        _ => draft.events.clear(),
    }
    draft
}

/// The runs of each order: lists of records, each list one run.
pub fn orders(records: &[Record]) -> Vec<(&'static str, Vec<Vec<Record>>)> {
    let mut rng = Rng::new(2025);
    let chunks = |list: Vec<Record>, n: usize| -> Vec<Vec<Record>> {
        let size = list.len().div_ceil(n);
        list.chunks(size).map(<[Record]>::to_vec).collect()
    };
    let mut shuffled = records.to_vec();
    rng.shuffle(&mut shuffled);
    let mut reversed = records.to_vec();
    reversed.reverse();
    // Latest first: every run lands before what the database holds.
    let mut backfill = records.to_vec();
    backfill.sort_by(|a, b| {
        b.source
            .published
            .cmp(&a.source.published)
            .then(a.doc_id.cmp(&b.doc_id))
    });
    // Drafts first, in one shuffled run with a third of the rest, then the
    // final versions replace them in runs of their own among the others.
    let with_events: Vec<&Record> = records.iter().filter(|r| !r.events.is_empty()).collect();
    let mut first = Vec::new();
    let mut later = Vec::new();
    for (i, record) in shuffled.iter().enumerate() {
        if i % 4 == 0 {
            let other = with_events[i % with_events.len()];
            first.push(draft(record, other, i / 4));
            later.push(record.clone());
        } else if i % 3 == 0 {
            first.push(record.clone());
        } else {
            later.push(record.clone());
        }
    }
    rng.shuffle(&mut later);
    let mut replaced = vec![first];
    replaced.extend(chunks(later, 4));
    vec![
        ("shuffled, 5 runs", chunks(shuffled, 5)),
        ("reversed, 9 runs", chunks(reversed, 9)),
        ("latest first, 7 runs", chunks(backfill, 7)),
        ("drafts replaced later, 5 runs", replaced),
    ]
}

/// Writes each list of records in a run of its own (a sink opened, written, finished).
pub fn write_runs(db: &Path, runs: &[Vec<Record>]) {
    for run in runs {
        let mut sink = SqliteSink::open(db).unwrap();
        for record in run {
            sink.write(record).unwrap();
        }
        sink.finish().unwrap();
    }
}

/// Every row of the canonical tables, as text, sorted; none may wait for a merge.
pub fn canonical_tables(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let pending: i64 = conn
        .query_row("SELECT count(*) FROM canonical_pending", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pending, 0, "articles left waiting for the merge");
    let mut rows = Vec::new();
    for (table, order) in [
        ("canonical_events", "id"),
        ("canonical_event_sources", "doc_id, event_idx"),
    ] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))
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

#[test]
fn canonical_events_are_the_same_whatever_the_order_of_runs() {
    let dir = TempDir::new().unwrap();
    let records = records(dir.path());
    let events: usize = records.iter().map(|r| r.events.len()).sum();
    assert!(
        records.len() == 160 + CORPUS_ARTICLES as usize && events > 300,
        "{events} events"
    );

    let all = dir.path().join("all.sqlite");
    write_runs(&all, std::slice::from_ref(&records));
    let expected = canonical_tables(&all);
    // The data merges: many actions have several reports, some undated, some
    // of a coarse period (a month, a year), which merge apart.
    let conn = Connection::open(&all).unwrap();
    let (merged, largest, undated, coarse, coarse_merged): (i64, i64, i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM canonical_events WHERE sources > 1), \
                    (SELECT max(sources) FROM canonical_events), \
                    (SELECT count(*) FROM canonical_event_sources WHERE period_start IS NULL), \
                    (SELECT count(*) FROM canonical_event_sources WHERE period_end > period_start + 6), \
                    (SELECT count(*) FROM canonical_events e WHERE sources > 1 AND EXISTS ( \
                        SELECT 1 FROM canonical_event_sources s \
                        WHERE s.canonical_id = e.id AND s.period_end > s.period_start + 6))",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert!(
        merged >= 40 && largest >= 8 && undated >= 10 && coarse >= 50 && coarse_merged >= 10,
        "{merged} {largest} {undated} {coarse} {coarse_merged}"
    );

    // One run over everything merges as `merge` does, and reads back the same.
    let mentions: Vec<Mention> = records.iter().flat_map(Mention::of_record).collect();
    let from_records = merge(mentions);
    let mut sink = SqliteSink::open(&all).unwrap();
    assert_eq!(sink.take_canonical_events().unwrap().unwrap(), from_records);

    for (name, runs) in orders(&records) {
        let db = dir.path().join(format!("{}.sqlite", name.replace([' ', ','], "_")));
        write_runs(&db, &runs);
        let got = canonical_tables(&db);
        if got != expected {
            let missing: Vec<&String> = expected.iter().filter(|r| !got.contains(r)).take(5).collect();
            let extra: Vec<&String> = got.iter().filter(|r| !expected.contains(r)).take(5).collect();
            panic!("{name}: the canonical tables differ from one run's\nmissing: {missing:#?}\nextra: {extra:#?}");
        }
    }

    // rebuild-events rebuilds the same tables.
    let db = dir.path().join("shuffled__5_runs.sqlite");
    let run = run(&["rebuild-events", "--db", db.to_str().unwrap()], dir.path(), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{events} events merged into {} canonical events",
            from_records.len()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(canonical_tables(&db), expected);
}

/// A database whose canonical tables predate run-by-run updates gets them
/// rebuilt whole by its next run.
#[test]
fn canonical_tables_of_an_older_database_are_rebuilt_once() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("old.sqlite");
    let records = records(dir.path());
    write_runs(&db, std::slice::from_ref(&records));
    let expected = canonical_tables(&db);
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch(
            "DROP TABLE canonical_event_sources; DELETE FROM canonical_events; \
             CREATE TABLE canonical_event_sources (canonical_id TEXT NOT NULL, doc_id TEXT NOT NULL, \
             event_idx INTEGER NOT NULL, PRIMARY KEY (doc_id, event_idx));",
        )
        .unwrap();
    }
    write_runs(&db, &[records[..3].to_vec()]);
    assert_eq!(canonical_tables(&db), expected);
}
