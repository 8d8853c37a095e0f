//! SQLite sink: the embedded database, one row per article and child tables
//! keyed by `doc_id` (schema in `sqlite_schema.sql`, documented in the README).
//!
//! Records are written in batched transactions from the one writer thread, so
//! a run killed half-way leaves whole articles behind, which the next run can
//! skip (`stored`). An article written again replaces its rows. The rows come
//! from `rows.rs`, shared with the PostgreSQL sink.

use super::rows::{self, StoredEvent, StoredMentions, Table, Value};
use super::{Run, Sink};
use crate::assemble::canonical::CanonicalEvent;
use crate::error::Error;
use crate::record::{Record, SCHEMA_VERSION};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ToSql, params_from_iter};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

pub const SCHEMA_SQL: &str = include_str!("sqlite_schema.sql");

/// Records per transaction.
const BATCH: usize = 512;

/// How long a write waits for another process's lock on the database before
/// the run fails (with a message saying that another process holds it).
const BUSY_TIMEOUT: Duration = Duration::from_secs(600);

/// `INSERT` of each table, by name.
static INSERTS: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
    rows::ALL_TABLES
        .iter()
        .map(|table| {
            let placeholders: Vec<String> = (1..=table.columns.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                table.name,
                table.columns.join(", "),
                placeholders.join(", ")
            );
            (table.name, sql)
        })
        .collect()
});

/// The `DELETE`s of an article's rows, children first.
static DELETES: LazyLock<Vec<String>> = LazyLock::new(|| {
    rows::DELETE_ORDER
        .iter()
        .map(|table| format!("DELETE FROM {} WHERE doc_id = ?1", table.name))
        .collect()
});

/// Writes records as rows of a SQLite database (`--db`), and rebuilds its
/// canonical events at the end of a run.
pub struct SqliteSink {
    conn: Connection,
    path: PathBuf,
    /// Records waiting for the next commit: a batch is written in one short
    /// transaction, so another run writing the same database waits for the
    /// lock only while rows are inserted, never while articles are processed.
    pending: Vec<Record>,
    /// The canonical events of the last rebuild, until taken.
    canonical: Option<Vec<CanonicalEvent>>,
}

impl SqliteSink {
    /// Opens (creating if needed) the database at `path` and its tables.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let err = |source| Error::database(path, source);
        // SQLite would only say "unable to open database file".
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && let Err(source) = std::fs::metadata(parent)
        {
            return Err(Error::Database {
                path: path.into(),
                message: format!("cannot create it in {}: {source}", parent.display()),
                code: None,
            });
        }
        let conn = Connection::open(path).map_err(err)?;
        // Another run writing the same database holds its lock for one
        // batch's inserts or one rebuild of the canonical events: wait for it.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
            .map_err(err)?;
        conn.execute_batch(SCHEMA_SQL).map_err(err)?;
        migrate(&conn).map_err(err)?;
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('record_schema', ?1)",
            [SCHEMA_VERSION.to_string()],
        )
        .map_err(err)?;
        Ok(SqliteSink {
            conn,
            path: path.into(),
            pending: Vec::new(),
            canonical: None,
        })
    }

    fn error(&self, source: rusqlite::Error) -> Error {
        if source.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) {
            return Error::Database {
                path: self.path.clone(),
                message: format!(
                    "{source}: another process has been writing it for over {} s",
                    BUSY_TIMEOUT.as_secs()
                ),
                code: Some(rusqlite::ErrorCode::DatabaseBusy),
            };
        }
        Error::database(&self.path, source)
    }

    /// Writes the pending records in one transaction. On failure (a full
    /// disk, a lock held too long) the transaction is rolled back, so the
    /// database holds whole batches only.
    fn commit_pending(&mut self) -> rusqlite::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let written = self.conn.execute_batch("BEGIN IMMEDIATE").and_then(|()| {
            self.pending.iter().try_for_each(|record| self.insert(record))?;
            self.conn.execute_batch("COMMIT")
        });
        if let Err(e) = written {
            if !self.conn.is_autocommit() {
                let _ = self.conn.execute_batch("ROLLBACK");
            }
            return Err(e);
        }
        self.pending.clear();
        crate::stop::committed();
        Ok(())
    }

    fn insert(&self, r: &Record) -> rusqlite::Result<()> {
        for delete in DELETES.iter() {
            self.conn.prepare_cached(delete)?.execute([&r.doc_id])?;
        }
        let mut result = Ok(());
        rows::article_rows(r, |table, values| {
            if result.is_ok() {
                result = self.insert_row(table, values);
            }
        });
        result
    }

    fn insert_row(&self, table: &Table, values: &[Value]) -> rusqlite::Result<()> {
        self.conn
            .prepare_cached(&INSERTS[table.name])?
            .execute(params_from_iter(values))
            .map(drop)
    }

    /// Rebuilds the canonical events from every event in the database, so they
    /// cover earlier runs too and never go stale after a re-run.
    fn rebuild_canonical(&mut self) -> rusqlite::Result<()> {
        let c = &self.conn;
        // One transaction from the first read: another run's batches wait, so
        // the last run to rebuild sees every committed event. (On an error
        // the run stops and closing the connection rolls back.)
        c.execute_batch("BEGIN IMMEDIATE")?;
        let mut mentions = StoredMentions::default();
        let mut stmt = c.prepare(
            "SELECT e.doc_id, e.idx, a.published, e.authority, e.status, e.target, e.date, e.evidence \
             FROM events e JOIN articles a USING (doc_id) ORDER BY e.doc_id, e.idx",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            mentions.event(StoredEvent {
                doc_id: row.get(0)?,
                idx: row.get(1)?,
                published: row.get(2)?,
                authority: row.get(3)?,
                status: row.get(4)?,
                target: row.get(5)?,
                date: row.get(6)?,
                evidence: row.get(7)?,
            });
        }
        let mut stmt =
            c.prepare("SELECT doc_id, event_idx, value, category FROM event_counts ORDER BY doc_id, event_idx, idx")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            mentions.count(row.get(0)?, row.get(1)?, row.get(2)?, &row.get::<_, String>(3)?);
        }
        let mut stmt =
            c.prepare("SELECT doc_id, event_idx, name FROM event_targets ORDER BY doc_id, event_idx, idx")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            mentions.target(row.get(0)?, row.get(1)?, row.get(2)?);
        }

        c.execute_batch("DELETE FROM canonical_event_sources; DELETE FROM canonical_events;")?;
        let mut result = Ok(());
        let merged = mentions.merge();
        for event in &merged {
            rows::canonical_rows(event, |table, values| {
                if result.is_ok() {
                    result = self.insert_row(table, values);
                }
            });
        }
        match result {
            Ok(()) => c.execute_batch("COMMIT")?,
            Err(e) => {
                let _ = c.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
        self.canonical = Some(merged);
        Ok(())
    }

    fn stored_ids(&self, keep: &dyn Fn(&str) -> bool) -> rusqlite::Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc_id FROM articles WHERE status <> 'error'")?;
        let mut rows = stmt.query([])?;
        let mut ids = HashSet::new();
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            if keep(&id) {
                ids.insert(id);
            }
        }
        Ok(ids)
    }
}

/// Brings a database written by an earlier version up to this schema.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let has_column: bool = conn.query_row(
        "SELECT count(*) > 0 FROM pragma_table_info('runs') WHERE name = 'already_stored'",
        [],
        |r| r.get(0),
    )?;
    if !has_column {
        conn.execute_batch("ALTER TABLE runs ADD COLUMN already_stored INTEGER NOT NULL DEFAULT 0")?;
    }
    Ok(())
}

impl ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Json(s) => ValueRef::Text(s.as_bytes()),
        }))
    }
}

impl Sink for SqliteSink {
    fn write(&mut self, record: &Record) -> Result<(), Error> {
        self.write_owned(record.clone())
    }

    fn write_owned(&mut self, record: Record) -> Result<(), Error> {
        self.pending.push(record);
        if self.pending.len() >= BATCH {
            self.commit_pending().map_err(|e| self.error(e))?;
        }
        Ok(())
    }

    fn record_run(&mut self, run: &Run) -> Result<(), Error> {
        self.insert_row(&rows::RUNS, &rows::run_row(run))
            .map_err(|e| self.error(e))
    }

    fn stored(&mut self, keep: &dyn Fn(&str) -> bool) -> Result<Option<HashSet<String>>, Error> {
        self.stored_ids(keep).map(Some).map_err(|e| self.error(e))
    }

    fn finish(&mut self) -> Result<(), Error> {
        self.commit_pending().map_err(|e| self.error(e))?;
        self.rebuild_canonical().map_err(|e| self.error(e))
    }

    fn take_canonical_events(&mut self) -> Option<Vec<CanonicalEvent>> {
        self.canonical.take()
    }
}
