//! Errors at the library boundary.
//!
//! Only failures that stop a batch are errors: an input that does not exist, an
//! output that cannot be written, a thread pool that cannot start. A bad input
//! article is never an error here: it becomes a record with status `error` and
//! the batch goes on.
//!
//! Each message says its cause once, with the path or URL it concerns; the
//! cause is also the error's `source` where it is an error of its own, so a
//! printer that walks the chain should leave out a cause whose text the message
//! before it already holds (the binary's does).

use std::path::PathBuf;

/// A failure that stops a batch.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input named for the run does not exist or cannot be looked at.
    #[error("{path}: {source}")]
    Input {
        /// The input as named.
        path: PathBuf,
        /// Why it cannot be read.
        #[source]
        source: std::io::Error,
    },
    /// An output file could not be created or written.
    #[error("cannot write {path}: {source}")]
    Output {
        /// The output file.
        path: PathBuf,
        /// Why it cannot be written.
        #[source]
        source: std::io::Error,
    },
    /// The SQLite database could not be opened or written. `message` is
    /// SQLite's own ("database or disk is full"), `code` its result code.
    #[error("database {path}: {message}")]
    Database {
        /// The database file.
        path: PathBuf,
        /// SQLite's message.
        message: String,
        /// SQLite's result code, when the failure has one.
        code: Option<rusqlite::ErrorCode>,
    },
    /// The PostgreSQL database could not be reached or written. `url` is the
    /// connection string without its password.
    #[error("PostgreSQL database {url}: {source}")]
    Postgres {
        /// The connection string, password removed.
        url: String,
        /// The client's or the server's error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The worker threads could not be started.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

impl Error {
    /// A SQLite failure on the database at `path`. rusqlite's error says the
    /// same thing twice (its message, then its code's description as its
    /// source), so only the message and the code are kept.
    pub fn database(path: impl Into<PathBuf>, err: rusqlite::Error) -> Self {
        Error::Database {
            path: path.into(),
            code: err.sqlite_error_code(),
            message: err.to_string(),
        }
    }

    /// Whether this is an output that its reader closed (`--jsonl - | head`):
    /// the run has nobody left to tell, and stops quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// The message of an error and its causes, joined by `: `, each cause left out
/// whose text the message before it already holds ("cannot write x: No space
/// left on device", not the same words twice).
pub fn message(err: &(dyn std::error::Error + 'static)) -> String {
    let mut said = String::new();
    let mut next = Some(err);
    while let Some(e) = next {
        let text = e.to_string();
        if !said.contains(&text) {
            if !said.is_empty() {
                said.push_str(": ");
            }
            said.push_str(&text);
        }
        next = e.source();
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_said_once_with_the_path() {
        let full = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            Some("database or disk is full".into()),
        );
        let err = Error::database("out/x.sqlite", full);
        assert_eq!(err.to_string(), "database out/x.sqlite: database or disk is full");
        assert!(std::error::Error::source(&err).is_none());
        assert_eq!(message(&err), "database out/x.sqlite: database or disk is full");
        assert!(matches!(
            err,
            Error::Database {
                code: Some(rusqlite::ErrorCode::DiskFull),
                ..
            }
        ));
    }

    #[test]
    fn an_io_cause_is_said_once() {
        let err = Error::Output {
            path: "/proc/nope/x".into(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert_eq!(message(&err), "cannot write /proc/nope/x: entity not found");
        assert!(!err.is_broken_pipe());
        let pipe = Error::Output {
            path: "-".into(),
            source: std::io::Error::from(std::io::ErrorKind::BrokenPipe),
        };
        assert!(pipe.is_broken_pipe());
    }
}
