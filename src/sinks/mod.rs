//! Sinks: where records go. Only sinks know output formats and SQL.

mod canonical;
mod events;
mod ftm;
mod jsonl;
mod pgpass;
mod postgres;
pub mod rows;
mod sqlite;

pub use canonical::Merged;
pub use events::EventsSink;
pub use ftm::{FtmSink, Sanctions};
pub use jsonl::JsonlSink;
pub use postgres::{PostgresSink, redact_url};
pub use sqlite::SqliteSink;

use crate::assemble::canonical::CanonicalEvent;
use crate::error::Error;
use crate::record::Record;
use crate::summary::Summary;
use std::collections::HashSet;

/// What an output already holds, asked per article (`Sink::stored`).
pub trait Held: Send {
    /// Whether it holds the article with this doc_id for good. A failure to
    /// tell counts as no: the article is processed and written again.
    fn holds(&mut self, doc_id: &str) -> bool;
}

/// A set of doc_ids (a file written anew holds the empty set).
impl Held for HashSet<String> {
    fn holds(&mut self, doc_id: &str) -> bool {
        self.contains(doc_id)
    }
}

/// What all of several outputs hold.
struct AllHold(Vec<Box<dyn Held>>);

impl Held for AllHold {
    fn holds(&mut self, doc_id: &str) -> bool {
        self.0.iter_mut().all(|held| held.holds(doc_id))
    }
}

/// A destination for records, written from one thread in input order.
pub trait Sink: Send {
    /// Writes one record; a database may hold it until [`finish`](Sink::finish)
    /// commits.
    fn write(&mut self, record: &Record) -> Result<(), Error>;
    /// Whether the sink reads the clean text of every record, which records
    /// carry only with `emit_text`: [`Pipeline::run`](crate::Pipeline::run)
    /// then keeps it and hands it to [`write_with_text`](Sink::write_with_text)
    /// beside the record, so that no other output writes it.
    fn reads_text(&self) -> bool {
        false
    }
    /// [`write`](Sink::write), with the record's clean text (which the record
    /// does not carry) beside it, for a sink that [`reads_text`](Sink::reads_text).
    fn write_with_text(&mut self, record: &Record, _text: &str) -> Result<(), Error> {
        self.write(record)
    }
    /// Writes a record the sink may keep: [`Pipeline::run`](crate::Pipeline::run)
    /// hands each record over this way, so that a sink that keeps records (in
    /// memory, or sending them to another thread) needs no copy.
    fn write_owned(&mut self, record: Record) -> Result<(), Error> {
        self.write(&record)
    }
    /// Flushes and commits what was written; called once at the end of a batch.
    fn finish(&mut self) -> Result<(), Error>;
    /// Keeps the account of a finished run, where the sink has a place for it.
    fn record_run(&mut self, _run: &Run) -> Result<(), Error> {
        Ok(())
    }
    /// What this output already holds for good (articles of status `ok` or
    /// `skipped`: an `error` may pass, so it is tried again), asked one doc_id
    /// at a time so that a run's memory does not grow with a database; a run
    /// that resumes skips them. `None` for an output that keeps nothing from
    /// earlier runs (a file written anew).
    fn stored(&mut self) -> Result<Option<Box<dyn Held>>, Error> {
        Ok(None)
    }
    /// After [`finish`](Sink::finish): the canonical events over everything this
    /// output holds, earlier runs' articles included, for an output that keeps
    /// them (a database, which reads them back); `None` for one that holds no
    /// more than this run wrote.
    fn take_canonical_events(&mut self) -> Result<Option<Vec<CanonicalEvent>>, Error> {
        Ok(None)
    }
}

/// The account of one run: when, with what arguments, and what came of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// When the run started, RFC 3339 in UTC.
    pub started_at: String,
    /// When it finished, RFC 3339 in UTC.
    pub finished_at: String,
    /// The command line, as given.
    pub arguments: Vec<String>,
    /// The counts of the batch.
    pub summary: Summary,
    /// Articles of the input left out because the output already held them.
    pub already_stored: u64,
}

/// Keeps records in memory, for library users and tests.
impl Sink for Vec<Record> {
    fn write(&mut self, record: &Record) -> Result<(), Error> {
        self.push(record.clone());
        Ok(())
    }

    fn write_owned(&mut self, record: Record) -> Result<(), Error> {
        self.push(record);
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

    fn reads_text(&self) -> bool {
        self.0.iter().any(|sink| sink.reads_text())
    }

    fn write_with_text(&mut self, record: &Record, text: &str) -> Result<(), Error> {
        self.0
            .iter_mut()
            .try_for_each(|sink| sink.write_with_text(record, text))
    }

    fn finish(&mut self) -> Result<(), Error> {
        self.0.iter_mut().try_for_each(|sink| sink.finish())
    }

    fn record_run(&mut self, run: &Run) -> Result<(), Error> {
        self.0.iter_mut().try_for_each(|sink| sink.record_run(run))
    }

    /// The first database's canonical events.
    fn take_canonical_events(&mut self) -> Result<Option<Vec<CanonicalEvent>>, Error> {
        for sink in &mut self.0 {
            if let Some(events) = sink.take_canonical_events()? {
                return Ok(Some(events));
            }
        }
        Ok(None)
    }

    /// What every output that keeps records holds: an article one database
    /// lacks is written again to all, and a file written anew lacks them all.
    fn stored(&mut self) -> Result<Option<Box<dyn Held>>, Error> {
        let mut all: Vec<Box<dyn Held>> = Vec::new();
        for sink in &mut self.0 {
            if let Some(stored) = sink.stored()? {
                all.push(stored);
            }
        }
        Ok((!all.is_empty()).then(|| Box::new(AllHold(all)) as Box<dyn Held>))
    }
}
