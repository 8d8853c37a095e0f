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

use super::rows::{self, StoredEvent, StoredMentions, Table, Value};
use super::{Run, Sink, pgpass};
use crate::assemble::canonical::CanonicalEvent;
use crate::error::Error;
use crate::record::{Record, SCHEMA_VERSION};
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, Config, NoTls, Transaction};
use std::collections::HashSet;
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
    /// The URL without its password, for messages.
    url: String,
    batch: Batch,
    /// The canonical events of the last rebuild, until taken.
    canonical: Option<Vec<CanonicalEvent>>,
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
            url: shown,
            batch: Batch::default(),
            canonical: None,
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

    /// Rebuilds the canonical events from every event in the database, as the
    /// SQLite sink does, under the exclusive lock: the last run to finish
    /// sees the events of all.
    fn rebuild_canonical(&mut self) -> Result<(), Failure> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK])?;
        let mut mentions = StoredMentions::default();
        let mut events = tx.query_raw(
            "SELECT e.doc_id, e.idx, a.published, e.authority, e.status, e.target, e.date, e.evidence::text \
             FROM events e JOIN articles a USING (doc_id)",
            no_params(),
        )?;
        while let Some(row) = events.next()? {
            mentions.event(StoredEvent {
                doc_id: row.try_get(0)?,
                idx: row.try_get(1)?,
                published: row.try_get(2)?,
                authority: row.try_get(3)?,
                status: row.try_get(4)?,
                target: row.try_get(5)?,
                date: row.try_get(6)?,
                evidence: row.try_get(7)?,
            });
        }
        drop(events);
        let mut counts = tx.query_raw(
            "SELECT doc_id, event_idx, value, category FROM event_counts ORDER BY doc_id, event_idx, idx",
            no_params(),
        )?;
        while let Some(row) = counts.next()? {
            mentions.count(row.try_get(0)?, row.try_get(1)?, row.try_get(2)?, row.try_get(3)?);
        }
        drop(counts);
        let mut targets = tx.query_raw(
            "SELECT doc_id, event_idx, name FROM event_targets ORDER BY doc_id, event_idx, idx",
            no_params(),
        )?;
        while let Some(row) = targets.next()? {
            mentions.target(row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
        }
        drop(targets);

        let mut canonical = [String::new(), String::new()];
        let merged = mentions.merge();
        for event in &merged {
            rows::canonical_rows(event, |table, values| {
                let slot = usize::from(table == &rows::CANONICAL_EVENT_SOURCES);
                copy_row(&mut canonical[slot], values);
            });
        }
        tx.batch_execute("DELETE FROM canonical_event_sources; DELETE FROM canonical_events;")?;
        copy_in(&mut tx, &rows::CANONICAL_EVENTS, &canonical[0])?;
        copy_in(&mut tx, &rows::CANONICAL_EVENT_SOURCES, &canonical[1])?;
        tx.commit()?;
        self.canonical = Some(merged);
        Ok(())
    }

    fn stored_ids(&mut self, keep: &dyn Fn(&str) -> bool) -> Result<HashSet<String>, Failure> {
        let mut ids = HashSet::new();
        let mut rows = self
            .client
            .query_raw("SELECT doc_id FROM articles WHERE status <> 'error'", no_params())?;
        while let Some(row) = rows.next()? {
            let id: String = row.try_get(0)?;
            if keep(&id) {
                ids.insert(id);
            }
        }
        Ok(ids)
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
        self.rebuild_canonical().map_err(|e| self.error(e))
    }

    fn record_run(&mut self, run: &Run) -> Result<(), Error> {
        self.insert_run(run).map_err(|e| self.error(e))
    }

    fn stored(&mut self, keep: &dyn Fn(&str) -> bool) -> Result<Option<HashSet<String>>, Error> {
        self.stored_ids(keep).map(Some).map_err(|e| self.error(e))
    }

    fn take_canonical_events(&mut self) -> Option<Vec<CanonicalEvent>> {
        self.canonical.take()
    }
}

fn create_schema(client: &mut Client) -> Result<(), Failure> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK])?;
    tx.batch_execute(SCHEMA_SQL)?;
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
            [SqlState::ADMIN_SHUTDOWN, SqlState::CRASH_SHUTDOWN, SqlState::CANNOT_CONNECT_NOW].contains(code)
        })
        || std::error::Error::source(e).is_some_and(|cause| cause.is::<std::io::Error>())
}

fn no_params() -> std::iter::Empty<i64> {
    std::iter::empty()
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
