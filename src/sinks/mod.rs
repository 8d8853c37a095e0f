//! Sinks: where records go. Only sinks know output formats and SQL.

mod events;
mod jsonl;
mod sqlite;

pub use events::EventsSink;
pub use jsonl::JsonlSink;
pub use sqlite::SqliteSink;

use crate::error::Error;
use crate::record::Record;

/// A destination for records, written from one thread in input order.
pub trait Sink: Send {
    fn write(&mut self, record: &Record) -> Result<(), Error>;
    /// Flushes and commits what was written; called once at the end of a batch.
    fn finish(&mut self) -> Result<(), Error>;
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
}
