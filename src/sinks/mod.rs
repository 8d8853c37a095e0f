//! Sinks: where records go. Only sinks know output formats and SQL.

mod events;
mod jsonl;
mod sqlite;

pub use events::EventsSink;
pub use jsonl::JsonlSink;
pub use sqlite::SqliteSink;

use crate::error::Error;
use crate::pipeline::Summary;
use crate::record::Record;

/// A destination for records, written from one thread in input order.
pub trait Sink: Send {
    fn write(&mut self, record: &Record) -> Result<(), Error>;
    /// Flushes and commits what was written; called once at the end of a batch.
    fn finish(&mut self) -> Result<(), Error>;
    /// Keeps the account of a finished run, where the sink has a place for it.
    fn record_run(&mut self, _run: &Run) -> Result<(), Error> {
        Ok(())
    }
}

/// The account of one run: when, with what arguments, and what came of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// RFC 3339 timestamps.
    pub started_at: String,
    pub finished_at: String,
    /// The command line, as given.
    pub arguments: Vec<String>,
    pub summary: Summary,
}

/// Keeps records in memory, for library users and tests.
impl Sink for Vec<Record> {
    fn write(&mut self, record: &Record) -> Result<(), Error> {
        self.push(record.clone());
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Error> {
        Ok(())
    }
}

/// Writes every record to each of several sinks.
pub struct Tee(pub Vec<Box<dyn Sink>>);

impl Sink for Tee {
    fn write(&mut self, record: &Record) -> Result<(), Error> {
        self.0.iter_mut().try_for_each(|sink| sink.write(record))
    }

    fn finish(&mut self) -> Result<(), Error> {
        self.0.iter_mut().try_for_each(|sink| sink.finish())
    }

    fn record_run(&mut self, run: &Run) -> Result<(), Error> {
        self.0.iter_mut().try_for_each(|sink| sink.record_run(run))
    }
}
