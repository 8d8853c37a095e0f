//! PostgreSQL sink: the tables of the SQLite sink in a shared database
//! (`postgres_schema.sql`, created if missing), so many runs, on many
//! machines, can feed one database.
//!
//! Records are flattened into rows (`rows.rs`, shared with SQLite) and loaded
//! in batches: one transaction per batch deletes the batch's articles (an
//! article written again replaces its rows), then COPYs the new rows in. Only
//! whole batches are ever committed, so a run killed half-way leaves whole
//! articles behind, and the next run skips them (`stored`).
//!
//! Runs on several machines (shards) may write at once. Their batches take a
//! shared advisory lock; creating the tables and rebuilding the canonical
//! events at the end of a run take it alone, so a rebuild sees every committed
//! event and never interleaves with a batch.
//!
//! PostgreSQL text cannot hold U+0000: a NUL in a value is written as U+FFFD.

use super::canonical::{self, Cell, Merged, Row, Store};
use super::rows::{self, Table, Value};
use super::{Held, Run, Sink, pgpass};
use crate::assemble::canonical::CanonicalEvent;
use crate::error::Error;
use crate::record::{Record, SCHEMA_VERSION};
use postgres::types::{ToSql, Type};
use postgres::{Client, Config, NoTls, Statement, Transaction};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::sync::LazyLock;

pub const SCHEMA_SQL: &str = include_str!("postgres_schema.sql");

/// Records per transaction.
const BATCH: usize = 512;

/// The advisory lock of this schema: shared by batches, exclusive for DDL
/// and the rebuild of canonical events. ("SANCTION" in ASCII.)
const LOCK: i64 = 0x5341_4E43_5449_4F4E;

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// Writes records as rows of a PostgreSQL database (`--postgres`), in batched
/// transactions, and rebuilds its canonical events at the end of a run.
pub struct PostgresSink {
    client: Client,
    /// How it connected, to connect again (`stored`).
    config: Config,
    /// The URL without its password, for messages.
    url: String,
    batch: Batch,
}

/// Rows waiting for the next commit: COPY text per table of `ARTICLE_TABLES`.
#[derive(Default)]
struct Batch {
    doc_ids: Vec<String>,
    seen: HashSet<String>,
    copy: [String; rows::ARTICLE_TABLES.len()],
}

impl PostgresSink {
    /// Connects to the database at `url` (`postgres://user@host:port/db`, or
    /// the `key=value` form) and creates the tables that are missing. Without a
    /// password in the URL, `PGPASSWORD` gives it, or else the password file
    /// (`~/.pgpass`, `PGPASSFILE`) as libpq reads it.
    pub fn connect(url: &str) -> Result<Self, Error> {
        let shown = redact_url(url);
        let err = |source: Failure| Error::Postgres {
            url: shown.clone(),
            source,
        };
        let mut config: Config = url.parse().map_err(|e: postgres::Error| err(e.into()))?;
        if config.get_password().is_none()
            && let Some(password) = std::env::var("PGPASSWORD")
                .ok()
                .or_else(|| pgpass::password_for(&config))
        {
            config.password(password);
        }
        if config.get_application_name().is_none() {
            config.application_name("sanctions-extract");
        }
        let mut client = config.connect(NoTls).map_err(|e| {
            if config.get_password().is_none() && crate::error::message(&e).contains("password missing") {
                let file = pgpass::path().map_or("~/.pgpass".into(), |p| p.display().to_string());
                err(format!(
                    "the server asks for a password and none was given: set PGPASSWORD, add a line \
                     host:port:database:user:password to {file}, or put it in the URL"
                )
                .into())
            } else {
                err(e.into())
            }
        })?;
        create_schema(&mut client).map_err(err)?;
        Ok(PostgresSink {
            client,
            config,
            url: shown,
            batch: Batch::default(),
        })
    }

    fn error(&self, source: Failure) -> Error {
        let source = if connection_lost(source.as_ref()) {
            format!(
                "lost the connection to the server ({}); the batches committed before stay, \
                 and the same command goes on from there",
                crate::error::message(source.as_ref())
            )
            .into()
        } else {
            source
        };
        Error::Postgres {
            url: self.url.clone(),
            source,
        }
    }

    /// Commits the batch: its articles' old rows out, the new rows in.
    fn flush(&mut self) -> Result<(), Failure> {
        if self.batch.doc_ids.is_empty() {
            return Ok(());
        }
        let batch = &self.batch;
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock_shared($1)", &[&LOCK])?;
        for table in rows::DELETE_ORDER {
            tx.execute(
                &format!("DELETE FROM {} WHERE doc_id = ANY($1)", table.name),
                &[&batch.doc_ids],
            )?;
        }
        for (table, data) in rows::ARTICLE_TABLES.iter().zip(&batch.copy) {
            copy_in(&mut tx, table, data)?;
        }
        tx.commit()?;
        self.batch = Batch::default();
        crate::stop::committed();
        Ok(())
    }

    /// Runs `merge` over the canonical tables in a transaction holding the
    /// exclusive lock: no batch commits meanwhile, so the merge sees every
    /// committed article, and two runs' merges never interleave.
    fn in_transaction<T>(&mut self, merge: impl FnOnce(&mut dyn Store) -> Result<T, Failure>) -> Result<T, Failure> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK])?;
        let value = merge(&mut PostgresStore {
            tx: &mut tx,
            statements: HashMap::new(),
        })?;
        tx.commit()?;
        Ok(value)
    }

    /// Rebuilds the canonical events from every event in the database
    /// (`rebuild-events`); `progress(done, total)` counts events.
    pub fn rebuild_events(&mut self, progress: &mut dyn FnMut(u64, u64)) -> Result<Merged, Error> {
        self.in_transaction(|store| canonical::rebuild(store, progress))
            .map_err(|e| self.error(e))
    }

    /// A connection of its own, for the reading thread to ask whether the
    /// database holds an article.
    fn held(&mut self) -> Result<PostgresHeld, Failure> {
        let mut client = self.config.connect(NoTls)?;
        let statement = client.prepare("SELECT 1 FROM articles WHERE doc_id = $1 AND status <> 'error'")?;
        Ok(PostgresHeld { client, statement })
    }

    fn insert_run(&mut self, run: &Run) -> Result<(), Failure> {
        let mut data = String::new();
        copy_row(&mut data, &rows::run_row(run));
        let mut tx = self.client.transaction()?;
        copy_in(&mut tx, &rows::RUNS, &data)?;
        tx.commit()?;
        Ok(())
    }
}

impl Sink for PostgresSink {
    fn write(&mut self, record: &Record) -> Result<(), Error> {
        // As COPY writes it: a NUL in a doc_id is U+FFFD in the database.
        let doc_id = record.doc_id.replace('\0', "\u{FFFD}");
        // The same doc_id twice in one batch: the later one replaces the first.
        if self.batch.seen.contains(&doc_id) {
            self.flush().map_err(|e| self.error(e))?;
        }
        let batch = &mut self.batch;
        batch.seen.insert(doc_id.clone());
        batch.doc_ids.push(doc_id);
        rows::article_rows(record, |table, values| {
            let slot = rows::ARTICLE_TABLES
                .iter()
                .position(|t| *t == table)
                .expect("article rows go to article tables");
            copy_row(&mut batch.copy[slot], values);
        });
        if batch.doc_ids.len() >= BATCH {
            self.flush().map_err(|e| self.error(e))?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Error> {
        self.flush().map_err(|e| self.error(e))?;
        self.in_transaction(canonical::update)
            .map(drop)
            .map_err(|e| self.error(e))
    }

    fn record_run(&mut self, run: &Run) -> Result<(), Error> {
        self.insert_run(run).map_err(|e| self.error(e))
    }

    fn stored(&mut self) -> Result<Option<Box<dyn Held>>, Error> {
        let held = self.held().map_err(|e| self.error(e))?;
        Ok(Some(Box::new(held)))
    }

    fn take_canonical_events(&mut self) -> Result<Option<Vec<CanonicalEvent>>, Error> {
        self.in_transaction(canonical::read_all)
            .map(Some)
            .map_err(|e| self.error(e))
    }
}

/// Whether the database holds an article, asked by primary key.
struct PostgresHeld {
    client: Client,
    statement: Statement,
}

impl Held for PostgresHeld {
    fn holds(&mut self, doc_id: &str) -> bool {
        let row = self.client.query_opt(&self.statement, &[&doc_id]);
        row.is_ok_and(|row| row.is_some())
    }
}

/// A transaction as the canonical merge's [`Store`], its statements prepared once.
struct PostgresStore<'t, 'c> {
    tx: &'t mut Transaction<'c>,
    statements: HashMap<&'static str, Statement>,
}

impl PostgresStore<'_, '_> {
    fn statement(&mut self, sql: &'static str) -> Result<Statement, Failure> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.tx.prepare(&rows::postgres_sql(sql))?;
        self.statements.insert(sql, statement.clone());
        Ok(statement)
    }
}

/// Parameters as the client takes them (the merge's are integers and text).
fn parameters<'a>(params: &'a [Value<'a>]) -> Vec<Box<dyn ToSql + Sync + 'a>> {
    params
        .iter()
        .map(|value| -> Box<dyn ToSql + Sync + 'a> {
            match value {
                Value::Null => Box::new(None::<&str>),
                Value::Int(n) => Box::new(*n),
                Value::Real(f) => Box::new(*f),
                Value::Text(s) => Box::new(*s),
                Value::Json(s) => Box::new(s.as_str()),
            }
        })
        .collect()
}

impl Store for PostgresStore<'_, '_> {
    fn select(&mut self, sql: &'static str, params: &[Value]) -> Result<Vec<Vec<Cell>>, Failure> {
        let statement = self.statement(sql)?;
        let params = parameters(params);
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref() as _).collect();
        let rows = self.tx.query(&statement, &refs)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut cells = Vec::with_capacity(row.len());
            for (i, column) in row.columns().iter().enumerate() {
                let cell = match *column.type_() {
                    Type::INT8 => row.try_get::<_, Option<i64>>(i)?.map(Cell::Int),
                    Type::INT4 => row.try_get::<_, Option<i32>>(i)?.map(|n| Cell::Int(n.into())),
                    _ => row.try_get::<_, Option<String>>(i)?.map(Cell::Text),
                };
                cells.push(cell.unwrap_or(Cell::Null));
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
        let statement = self.statement(sql)?;
        let params = parameters(params);
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref() as _).collect();
        for row in self.tx.query(&statement, &refs)? {
            each(&PostgresRow(&row))?;
        }
        Ok(())
    }

    fn execute(&mut self, sql: &'static str, params: &[Value]) -> Result<(), Failure> {
        let statement = self.statement(sql)?;
        let params = parameters(params);
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref() as _).collect();
        self.tx.execute(&statement, &refs)?;
        Ok(())
    }

    fn insert(&mut self, table: &'static Table, rows: &[Vec<Value>]) -> Result<(), Failure> {
        let mut data = String::new();
        for row in rows {
            copy_row(&mut data, row);
        }
        copy_in(self.tx, table, &data)
    }
}

/// A row of the canonical merge's queries, read where the client holds it.
struct PostgresRow<'a>(&'a postgres::Row);

impl Row for PostgresRow<'_> {
    fn int(&self, i: usize) -> Result<Option<i64>, Failure> {
        let row = self.0;
        Ok(match *row.columns()[i].type_() {
            Type::INT8 => row.try_get::<_, Option<i64>>(i)?,
            Type::INT4 => row.try_get::<_, Option<i32>>(i)?.map(i64::from),
            Type::INT2 => row.try_get::<_, Option<i16>>(i)?.map(i64::from),
            _ => row.try_get::<_, Option<&str>>(i)?.and_then(|t| t.parse().ok()),
        })
    }

    fn text(&self, i: usize) -> Result<Option<&str>, Failure> {
        Ok(self.0.try_get::<_, Option<&str>>(i)?)
    }
}

fn create_schema(client: &mut Client) -> Result<(), Failure> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK])?;
    // Canonical tables from before they were kept up to date run by run, or
    // before the merge grouped reports by target (their reports hold no
    // `merge_target`), are dropped and rebuilt at the end of the run.
    let outdated: bool = tx
        .query_one(
            "SELECT to_regclass('canonical_event_sources') IS NOT NULL AND NOT EXISTS ( \
                 SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() \
                 AND table_name = 'canonical_event_sources' AND column_name = 'merge_target')",
            &[],
        )?
        .try_get(0)?;
    if outdated {
        tx.batch_execute("DROP TABLE canonical_event_sources; DROP TABLE IF EXISTS canonical_events;")?;
    }
    tx.batch_execute(SCHEMA_SQL)?;
    let mut store = PostgresStore {
        tx: &mut tx,
        statements: HashMap::new(),
    };
    if outdated {
        canonical::mark_for_rebuild(&mut store)?;
    }
    canonical::upgrade(&mut store)?;
    drop(store);
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('record_schema', $1) \
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        &[&SCHEMA_VERSION.to_string()],
    )?;
    tx.commit()?;
    Ok(())
}

/// Whether a failure is the server going away (shut down, crashed, the
/// network cut) rather than something the run did: the uncommitted batch is
/// then lost with the connection, and a rerun resumes.
fn connection_lost(failure: &(dyn std::error::Error + Send + Sync + 'static)) -> bool {
    use postgres::error::SqlState;
    if failure.is::<std::io::Error>() {
        return true;
    }
    let Some(e) = failure.downcast_ref::<postgres::Error>() else {
        return false;
    };
    e.is_closed()
        || e.code().is_some_and(|code| {
            [
                SqlState::ADMIN_SHUTDOWN,
                SqlState::CRASH_SHUTDOWN,
                SqlState::CANNOT_CONNECT_NOW,
            ]
            .contains(code)
        })
        || std::error::Error::source(e).is_some_and(|cause| cause.is::<std::io::Error>())
}

/// Sends `data` (COPY text rows) into `table`.
fn copy_in(tx: &mut Transaction, table: &Table, data: &str) -> Result<(), Failure> {
    if data.is_empty() {
        return Ok(());
    }
    let mut writer = tx.copy_in(&format!(
        "COPY {} ({}) FROM STDIN",
        table.name,
        table.columns.join(", ")
    ))?;
    writer.write_all(data.as_bytes())?;
    writer.finish()?;
    Ok(())
}

/// Appends one row in COPY's text format: tab-separated, `\N` for NULL,
/// backslash escapes.
fn copy_row(out: &mut String, values: &[Value]) {
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        match value {
            Value::Null => out.push_str("\\N"),
            Value::Int(n) => write!(out, "{n}").expect("writing to a string"),
            Value::Real(f) if f.is_nan() => out.push_str("NaN"),
            Value::Real(f) if f.is_infinite() => out.push_str(if *f > 0.0 { "Infinity" } else { "-Infinity" }),
            Value::Real(f) => write!(out, "{f}").expect("writing to a string"),
            Value::Text(s) => escape(out, s),
            Value::Json(s) => escape(out, &json_without_nul(s)),
        }
    }
    out.push('\n');
}

fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// JSONB rejects the escape `\u0000`: it becomes `\ufffd`, as NULs in text do.
fn json_without_nul(json: &str) -> std::borrow::Cow<'_, str> {
    if !json.contains("\\u0000") {
        return json.into();
    }
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        let len = if escape.starts_with("\\u0000") {
            out.push_str("\\ufffd");
            6
        } else {
            // Any other escape is two characters, or `\uXXXX`: copy its first two.
            let len = escape.chars().nth(1).map_or(1, |c| 1 + c.len_utf8());
            out.push_str(&escape[..len]);
            len
        };
        rest = &escape[len..];
    }
    out.push_str(rest);
    out.into()
}

static PASSWORD_PARAMETER: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r#"(?:^|\s)password\s*=\s*(?:'(?:[^'\\]|\\.)*'|\S*)"#).expect("valid pattern"));

/// The connection string without its password, to show in messages and keep
/// in the runs table: `postgres://user:secret@host/db` gives
/// `postgres://user@host/db`; `password=...` parameters are dropped.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url
        .split_once("://")
        .filter(|(scheme, _)| matches!(*scheme, "postgres" | "postgresql"))
    else {
        return PASSWORD_PARAMETER.replace_all(url, "").trim().to_string();
    };
    // The user's password sits before the last `@` ahead of the query.
    let (before_query, query) = rest.split_at(rest.find('?').unwrap_or(rest.len()));
    let before_query = match before_query.rfind('@') {
        Some(at) => {
            let user = before_query[..at].split(':').next().unwrap_or_default();
            format!("{user}@{}", &before_query[at + 1..])
        }
        None => before_query.to_string(),
    };
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !p.to_ascii_lowercase().starts_with("password="))
        .collect();
    let query = if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    };
    format!("{scheme}://{before_query}{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        for (url, shown) in [
            (
                "postgres://u:secret@db.example:5432/news",
                "postgres://u@db.example:5432/news",
            ),
            (
                "postgresql://u@h/db?sslmode=disable&password=x",
                "postgresql://u@h/db?sslmode=disable",
            ),
            ("postgres://h/db?password=x", "postgres://h/db"),
            ("postgres://u:p%40ss@h", "postgres://u@h"),
            ("postgres://u:a/b@h/db", "postgres://u@h/db"),
            ("postgres:///db", "postgres:///db"),
            ("host=h user=u password='se cret' dbname=d", "host=h user=u dbname=d"),
            ("password=x host=h", "host=h"),
        ] {
            assert_eq!(redact_url(url), shown, "{url}");
        }
    }

    #[test]
    fn copy_rows_escape_what_copy_reads_specially() {
        let mut out = String::new();
        copy_row(
            &mut out,
            &[
                Value::Text("a\tb\\c\nd\re\0"),
                Value::Null,
                Value::Int(-3),
                Value::Real(3e9),
                Value::Real(0.25),
                Value::Json(r#"["x\u0000", "\\u0000", "\"\u0001"]"#.into()),
            ],
        );
        assert_eq!(
            out,
            "a\\tb\\\\c\\nd\\re\u{FFFD}\t\\N\t-3\t3000000000\t0.25\t[\"x\\\\ufffd\", \"\\\\\\\\u0000\", \"\\\\\"\\\\u0001\"]\n"
        );
    }
}
