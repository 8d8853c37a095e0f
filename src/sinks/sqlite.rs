//! SQLite sink: the embedded database, one row per article and child tables
//! keyed by `doc_id` (schema in `sqlite_schema.sql`, documented in the README).
//!
//! Records are written in batched transactions from the one writer thread. An
//! article written again (a re-run over the same input) replaces its rows.

use super::{Run, Sink};
use crate::assemble::canonical::{Mention, merge};
use crate::error::Error;
use crate::extract::parse_published;
use crate::record::{CountCategory, EventCount, EventStatus, Record, SCHEMA_VERSION};
use rusqlite::{Connection, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const SCHEMA_SQL: &str = include_str!("sqlite_schema.sql");

/// Records per transaction.
const BATCH: usize = 512;

/// Child tables, deleted before an article is written again (children first).
const CHILD_TABLES: &[&str] = &[
    "canonical_event_sources",
    "event_targets",
    "event_counts",
    "events",
    "dates",
    "amounts",
    "counts",
    "entities",
    "officials",
];

pub struct SqliteSink {
    conn: Connection,
    path: PathBuf,
    pending: usize,
}

impl SqliteSink {
    /// Opens (creating if needed) the database at `path` and its tables.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let err = |source| Error::Database {
            path: path.into(),
            source,
        };
        let conn = Connection::open(path).map_err(err)?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
            .map_err(err)?;
        conn.execute_batch(SCHEMA_SQL).map_err(err)?;
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('record_schema', ?1)",
            [SCHEMA_VERSION.to_string()],
        )
        .map_err(err)?;
        Ok(SqliteSink {
            conn,
            path: path.into(),
            pending: 0,
        })
    }

    fn error(&self, source: rusqlite::Error) -> Error {
        Error::Database {
            path: self.path.clone(),
            source,
        }
    }

    fn insert(&self, r: &Record) -> rusqlite::Result<()> {
        let c = &self.conn;
        for table in CHILD_TABLES {
            c.prepare_cached(&format!("DELETE FROM {table} WHERE doc_id = ?1"))?
                .execute([&r.doc_id])?;
        }
        c.prepare_cached(
            "INSERT OR REPLACE INTO articles (doc_id, schema_version, path, url, title, published, extra, \
             status, status_detail, language, language_confidence, text) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?
        .execute(params![
            r.doc_id,
            r.schema,
            r.source.path,
            r.source.url,
            r.source.title,
            r.source.published,
            json(&r.source.extra),
            r.status.as_str(),
            r.status_detail,
            r.language.as_ref().map(|l| &l.code),
            r.language.as_ref().map(|l| l.confidence),
            r.text,
        ])?;
        let mut stmt = c.prepare_cached(
            "INSERT INTO officials (doc_id, idx, name, title, affiliation, aliases, mentions, rule) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, o) in r.officials.iter().enumerate() {
            stmt.execute(params![
                r.doc_id,
                i as i64,
                o.name,
                o.title,
                o.affiliation,
                json(&o.aliases),
                json(&o.mentions),
                o.rule
            ])?;
        }
        let mut stmt = c.prepare_cached(
            "INSERT INTO entities (doc_id, idx, name, type, country, aliases, mentions, rule) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, e) in r.entities.iter().enumerate() {
            stmt.execute(params![
                r.doc_id,
                i as i64,
                e.name,
                e.kind.as_str(),
                e.country,
                json(&e.aliases),
                json(&e.mentions),
                e.rule
            ])?;
        }
        let mut stmt = c.prepare_cached(
            "INSERT INTO counts (doc_id, idx, value, category, noun, modifier, text, span_start, span_end, rule) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for (i, n) in r.counts.iter().enumerate() {
            stmt.execute(params![
                r.doc_id,
                i as i64,
                n.value as i64,
                n.category.as_str(),
                n.noun,
                n.modifier,
                n.text,
                n.span[0] as i64,
                n.span[1] as i64,
                n.rule
            ])?;
        }
        let mut stmt = c.prepare_cached(
            "INSERT INTO amounts (doc_id, idx, value, currency, text, span_start, span_end, rule) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, a) in r.amounts.iter().enumerate() {
            stmt.execute(params![
                r.doc_id,
                i as i64,
                a.value,
                a.currency,
                a.text,
                a.span[0] as i64,
                a.span[1] as i64,
                a.rule
            ])?;
        }
        let mut stmt = c.prepare_cached(
            "INSERT INTO dates (doc_id, idx, value, type, text, span_start, span_end, rule) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, d) in r.dates.iter().enumerate() {
            stmt.execute(params![
                r.doc_id,
                i as i64,
                d.value,
                d.kind.as_str(),
                d.text,
                d.span[0] as i64,
                d.span[1] as i64,
                d.rule
            ])?;
        }
        let mut event = c.prepare_cached(
            "INSERT INTO events (doc_id, idx, authority, agency, status, target, date, amounts, reason, officials, evidence, rule) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut count = c.prepare_cached(
            "INSERT INTO event_counts (doc_id, event_idx, idx, value, category) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut target =
            c.prepare_cached("INSERT INTO event_targets (doc_id, event_idx, idx, name) VALUES (?1, ?2, ?3, ?4)")?;
        for (i, e) in r.events.iter().enumerate() {
            event.execute(params![
                r.doc_id,
                i as i64,
                e.authority,
                e.agency,
                e.status.as_str(),
                e.target,
                e.date,
                json(&e.amounts),
                e.reason,
                json(&e.officials),
                json(&e.evidence),
                e.rule,
            ])?;
            for (j, n) in e.counts.iter().enumerate() {
                count.execute(params![
                    r.doc_id,
                    i as i64,
                    j as i64,
                    n.value as i64,
                    n.category.as_str()
                ])?;
            }
            for (j, name) in e.named_targets.iter().enumerate() {
                target.execute(params![r.doc_id, i as i64, j as i64, name])?;
            }
        }
        Ok(())
    }
}

impl SqliteSink {
    /// Rebuilds the canonical events from every event in the database, so they
    /// cover earlier runs too and never go stale after a re-run.
    fn rebuild_canonical(&self) -> rusqlite::Result<()> {
        let c = &self.conn;
        let mut mentions: Vec<Mention> = Vec::new();
        let mut index: HashMap<(String, usize), usize> = HashMap::new();
        let mut stmt = c.prepare(
            "SELECT e.doc_id, e.idx, a.published, e.authority, e.status, e.target, e.date, e.evidence \
             FROM events e JOIN articles a USING (doc_id) ORDER BY e.doc_id, e.idx",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let doc_id: String = row.get(0)?;
            let event_idx = row.get::<_, i64>(1)? as usize;
            let Some(status) = EventStatus::parse(&row.get::<_, String>(4)?) else {
                continue;
            };
            index.insert((doc_id.clone(), event_idx), mentions.len());
            mentions.push(Mention {
                doc_id,
                event_idx,
                published: row.get::<_, Option<String>>(2)?.as_deref().and_then(parse_published),
                authority: row.get(3)?,
                status,
                target: row.get(5)?,
                counts: Vec::new(),
                named_targets: Vec::new(),
                date: row.get(6)?,
                evidence: serde_json::from_str(&row.get::<_, String>(7)?).unwrap_or_default(),
            });
        }
        let mut stmt =
            c.prepare("SELECT doc_id, event_idx, value, category FROM event_counts ORDER BY doc_id, event_idx, idx")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key = (row.get::<_, String>(0)?, row.get::<_, i64>(1)? as usize);
            let category = CountCategory::parse(&row.get::<_, String>(3)?);
            if let (Some(&i), Some(category)) = (index.get(&key), category) {
                mentions[i].counts.push(EventCount {
                    value: row.get::<_, i64>(2)? as u64,
                    category,
                });
            }
        }
        let mut stmt =
            c.prepare("SELECT doc_id, event_idx, name FROM event_targets ORDER BY doc_id, event_idx, idx")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key = (row.get::<_, String>(0)?, row.get::<_, i64>(1)? as usize);
            if let Some(&i) = index.get(&key) {
                mentions[i].named_targets.push(row.get(2)?);
            }
        }

        c.execute_batch("BEGIN; DELETE FROM canonical_event_sources; DELETE FROM canonical_events;")?;
        let mut event = c.prepare_cached(
            "INSERT INTO canonical_events (id, authority, status, target, date, counts, named_targets, first_published, sources) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        let mut source = c.prepare_cached(
            "INSERT INTO canonical_event_sources (canonical_id, doc_id, event_idx) VALUES (?1, ?2, ?3)",
        )?;
        for e in merge(mentions) {
            event.execute(params![
                e.id,
                e.authority,
                e.status.as_str(),
                e.target,
                e.date,
                json(&e.counts),
                json(&e.named_targets),
                e.first_published,
                e.sources.len() as i64,
            ])?;
            for s in &e.sources {
                source.execute(params![e.id, s.doc_id, s.event_idx as i64])?;
            }
        }
        c.execute_batch("COMMIT")
    }
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("record values serialize")
}

impl Sink for SqliteSink {
    fn write(&mut self, record: &Record) -> Result<(), Error> {
        if self.pending == 0 {
            self.conn.execute_batch("BEGIN").map_err(|e| self.error(e))?;
        }
        self.insert(record).map_err(|e| self.error(e))?;
        self.pending += 1;
        if self.pending >= BATCH {
            self.conn.execute_batch("COMMIT").map_err(|e| self.error(e))?;
            self.pending = 0;
        }
        Ok(())
    }

    fn record_run(&mut self, run: &Run) -> Result<(), Error> {
        let s = &run.summary;
        self.conn
            .execute(
                "INSERT INTO runs (started_at, finished_at, arguments, articles_read, ok, skipped, errors, events, input_bytes) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    run.started_at,
                    run.finished_at,
                    json(&run.arguments),
                    s.read as i64,
                    s.ok as i64,
                    s.skipped as i64,
                    s.errors as i64,
                    s.events as i64,
                    s.bytes as i64,
                ],
            )
            .map(drop)
            .map_err(|e| self.error(e))
    }

    fn finish(&mut self) -> Result<(), Error> {
        if self.pending > 0 {
            self.conn.execute_batch("COMMIT").map_err(|e| self.error(e))?;
            self.pending = 0;
        }
        self.rebuild_canonical().map_err(|e| self.error(e))
    }
}
