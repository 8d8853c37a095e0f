//! SQLite sink: the embedded database, one row per article and child tables
//! keyed by `doc_id` (schema in `sqlite_schema.sql`, documented in the README).
//!
//! Records are written in batched transactions from the one writer thread, so
//! a run killed half-way leaves whole articles behind, which the next run can
//! skip (`stored`). An article written again replaces its rows. The rows come
//! from `rows.rs`, shared with the PostgreSQL sink.

use super::canonical::{self, Cell, Failure, Merged, Row, Store};
use super::rows::{self, Table, Value};
use super::{Held, Run, Sink};
use crate::assemble::canonical::CanonicalEvent;
use crate::error::Error;
use crate::record::{Record, SCHEMA_VERSION};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ToSql, params_from_iter};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

pub const SCHEMA_SQL: &str = include_str!("sqlite_schema.sql");

/// Records per transaction.
const BATCH: usize = 512;

/// Prepared statements a connection keeps: every statement of a run (an
/// article's deletes and inserts, the canonical merge's queries), about sixty.
/// rusqlite keeps 16 by default, fewer than an article's ten deletes and up to
/// ten inserts, which were then all prepared again for every article (7% of a
/// run's time in SQLite, 2026-12).
const STATEMENT_CACHE: usize = 96;

/// How long a write waits for another process's lock on the database before
/// the run fails (with a message saying that another process holds it).
const BUSY_TIMEOUT: Duration = Duration::from_secs(600);

/// `INSERT` of each table, by name.
static INSERTS: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
    (rows::ALL_TABLES.iter().chain(&rows::WORK_TABLES))
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
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
            .map_err(err)?;
        let canonical_outdated = drop_outdated_canonical_tables(&conn).map_err(err)?;
        conn.execute_batch(SCHEMA_SQL).map_err(err)?;
        migrate(&conn).map_err(err)?;
        if canonical_outdated {
            canonical::mark_for_rebuild(&mut SqliteStore(&conn)).map_err(|e| failure(path, e))?;
        }
        canonical::upgrade(&mut SqliteStore(&conn)).map_err(|e| failure(path, e))?;
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('record_schema', ?1)",
            [SCHEMA_VERSION.to_string()],
        )
        .map_err(err)?;
        Ok(SqliteSink {
            conn,
            path: path.into(),
            pending: Vec::new(),
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

    /// Runs `merge` over the canonical tables in a transaction of its own.
    fn in_transaction<T>(&mut self, merge: impl FnOnce(&mut dyn Store) -> Result<T, Failure>) -> Result<T, Error> {
        let c = &self.conn;
        c.execute_batch("BEGIN IMMEDIATE").map_err(|e| self.error(e))?;
        match merge(&mut SqliteStore(c)) {
            Ok(value) => {
                c.execute_batch("COMMIT").map_err(|e| self.error(e))?;
                Ok(value)
            }
            Err(e) => {
                let _ = c.execute_batch("ROLLBACK");
                Err(failure(&self.path, e))
            }
        }
    }

    /// Rebuilds the canonical events from every event in the database
    /// (`rebuild-events`); `progress(done, total)` counts events.
    pub fn rebuild_events(&mut self, progress: &mut dyn FnMut(u64, u64)) -> Result<Merged, Error> {
        self.in_transaction(|store| canonical::rebuild(store, progress))
    }

    /// A connection of its own, read-only, for the reading thread to ask
    /// whether the database holds an article.
    fn held(&self) -> rusqlite::Result<SqliteHeld> {
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        Ok(SqliteHeld(conn))
    }
}

/// Whether the database holds an article, asked by primary key.
struct SqliteHeld(Connection);

impl Held for SqliteHeld {
    fn holds(&mut self, doc_id: &str) -> bool {
        let held = self
            .0
            .prepare_cached("SELECT 1 FROM articles WHERE doc_id = ?1 AND status <> 'error'")
            .and_then(|mut stmt| stmt.exists([doc_id]));
        held.unwrap_or(false)
    }
}

/// A failure of the canonical merge as an [`Error`].
fn failure(path: &Path, e: Failure) -> Error {
    match e.downcast::<rusqlite::Error>() {
        Ok(e) => Error::database(path, *e),
        Err(e) => Error::Database {
            path: path.into(),
            message: e.to_string(),
            code: None,
        },
    }
}

/// The SQLite connection as the canonical merge's [`Store`].
struct SqliteStore<'c>(&'c Connection);

impl Store for SqliteStore<'_> {
    fn select(&mut self, sql: &'static str, params: &[Value]) -> Result<Vec<Vec<Cell>>, Failure> {
        let mut stmt = self.0.prepare_cached(sql)?;
        let columns = stmt.column_count();
        let mut rows = stmt.query(params_from_iter(params))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let mut cells = Vec::with_capacity(columns);
            for i in 0..columns {
                cells.push(match row.get_ref(i)? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(n) => Cell::Int(n),
                    ValueRef::Real(f) => Cell::Text(f.to_string()),
                    ValueRef::Text(t) | ValueRef::Blob(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                });
            }
            out.push(cells);
        }
        Ok(out)
    }

    fn each_row(
        &mut self,
        sql: &'static str,
        params: &[Value],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        let mut stmt = self.0.prepare_cached(sql)?;
        let mut rows = stmt.query(params_from_iter(params))?;
        while let Some(row) = rows.next()? {
            each(&SqliteRow(row))?;
        }
        Ok(())
    }

    fn execute(&mut self, sql: &'static str, params: &[Value]) -> Result<(), Failure> {
        self.0.prepare_cached(sql)?.execute(params_from_iter(params))?;
        Ok(())
    }

    fn insert(&mut self, table: &'static Table, rows: &[Vec<Value>]) -> Result<(), Failure> {
        let mut stmt = self.0.prepare_cached(&INSERTS[table.name])?;
        for row in rows {
            stmt.execute(params_from_iter(row))?;
        }
        Ok(())
    }
}

/// A row of the canonical merge's queries, read where SQLite holds it.
struct SqliteRow<'a, 'r>(&'a rusqlite::Row<'r>);

impl Row for SqliteRow<'_, '_> {
    fn int(&self, i: usize) -> Result<Option<i64>, Failure> {
        Ok(match self.0.get_ref(i)? {
            ValueRef::Null => None,
            ValueRef::Integer(n) => Some(n),
            ValueRef::Real(f) => Some(f as i64),
            ValueRef::Text(t) | ValueRef::Blob(t) => std::str::from_utf8(t).ok().and_then(|t| t.parse().ok()),
        })
    }

    fn text(&self, i: usize) -> Result<Option<&str>, Failure> {
        Ok(match self.0.get_ref(i)? {
            ValueRef::Null => None,
            ValueRef::Text(t) | ValueRef::Blob(t) => Some(std::str::from_utf8(t)?),
            ValueRef::Integer(_) | ValueRef::Real(_) => return Err("a number where the merge reads text".into()),
        })
    }
}

/// Drops the canonical tables of a database from before they were kept up to
/// date run by run, or before the merge grouped reports by target (their
/// reports hold no `merge_target`): they are derived data,
/// rebuilt whole at the end of the next run. Whether it dropped them.
fn drop_outdated_canonical_tables(conn: &Connection) -> rusqlite::Result<bool> {
    let (table, column): (bool, bool) = conn.query_row(
        "SELECT (SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'canonical_event_sources'), \
                (SELECT count(*) > 0 FROM pragma_table_info('canonical_event_sources') WHERE name = 'merge_target')",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if !table || column {
        return Ok(false);
    }
    conn.execute_batch("DROP TABLE canonical_event_sources; DROP TABLE IF EXISTS canonical_events;")?;
    Ok(true)
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

    fn stored(&mut self) -> Result<Option<Box<dyn Held>>, Error> {
        let held = self.held().map_err(|e| self.error(e))?;
        Ok(Some(Box::new(held)))
    }

    fn finish(&mut self) -> Result<(), Error> {
        self.commit_pending().map_err(|e| self.error(e))?;
        self.in_transaction(canonical::update).map(drop)
    }

    fn take_canonical_events(&mut self) -> Result<Option<Vec<CanonicalEvent>>, Error> {
        let path = self.path.clone();
        canonical::read_all(&mut SqliteStore(&self.conn))
            .map(Some)
            .map_err(|e| failure(&path, e))
    }
}
