//! Canonical-events sink: one canonical event per line (`--events PATH`), merged
//! over all the records of the batch when it finishes, or a database's
//! canonical events when the run writes one (`write_events`).

use super::{JsonlSink, Sink};
use crate::assemble::canonical::{CanonicalEvent, Mention, merge};
use crate::error::Error;
use crate::record::Record;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes canonical events as JSON lines (`--events`): the merge of the
/// batch's records, or the events a database sink rebuilt.
pub struct EventsSink {
    out: Box<dyn Write + Send>,
    path: PathBuf,
    mentions: Vec<Mention>,
}

impl EventsSink {
    /// Creates (or truncates) the file at `path`; `-` writes to standard output.
    pub fn create(path: &Path) -> Result<Self, Error> {
        Ok(EventsSink {
            out: JsonlSink::open(path)?,
            path: path.into(),
            mentions: Vec::new(),
        })
    }

    fn error(&self, source: std::io::Error) -> Error {
        Error::Output {
            path: self.path.clone(),
            source,
        }
    }

    /// Writes `events` instead of those of the records written: a database's
    /// canonical events ([`Sink::take_canonical_events`]), for a run that
    /// skipped the articles the database already held.
    pub fn write_events(&mut self, events: &[CanonicalEvent]) -> Result<(), Error> {
        for event in events {
            serde_json::to_writer(&mut self.out, event).map_err(|e| self.error(e.into()))?;
            self.out.write_all(b"\n").map_err(|e| self.error(e))?;
        }
        self.out.flush().map_err(|e| self.error(e))
    }
}

impl Sink for EventsSink {
    fn write(&mut self, record: &Record) -> Result<(), Error> {
        self.mentions.extend(Mention::of_record(record));
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Error> {
        let events = merge(std::mem::take(&mut self.mentions));
        self.write_events(&events)
    }
}
