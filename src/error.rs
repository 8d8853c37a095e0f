//! Errors at the library boundary.
//!
//! Only failures that stop a batch are errors: an output that cannot be written,
//! a thread pool that cannot start. A bad input article is never an error here: it
//! becomes a record with status `error` and the batch goes on.

use std::path::PathBuf;

/// A failure that stops a batch.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An output file could not be created or written.
    #[error("cannot write {path}: {source}")]
    Output {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The SQLite database could not be opened or written.
    #[error("database {path}: {source}")]
    Database {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// The PostgreSQL database could not be reached or written. `url` is the
    /// connection string without its password.
    #[error("PostgreSQL database {url}")]
    Postgres {
        url: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The worker threads could not be started.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}
