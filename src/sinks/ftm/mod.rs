//! FollowTheMoney sink (`--ftm PATH`): records as FtM entities, one JSON
//! object per line, for the tools of the FtM world (`ftm`, Aleph, yente,
//! nomenklatura). docs/ftm.md says which schemas and properties are filled.
//!
//! Entities are written as each record arrives: the `Article`, its people and
//! organizations (fragments that `ftm aggregate` joins across articles, by
//! ids derived from their names), a `Mention` of each, and a `Sanction` per
//! event. With [`Sanctions::Canonical`] (`--events`) the `Sanction`s wait for
//! the end of the run and are one per canonical event of the run's records,
//! with every article that reports it. Every id is derived from content, and
//! the output depends only on the records and their order, so it is the same
//! on every run and at any thread count.
//!
//! A `Sanction`'s summary is its evidence sentences, so the sink reads the
//! records' clean text ([`Sink::reads_text`]).

mod entities;
mod model;
mod sanction;
mod values;

use super::{Held, JsonlSink, Sink};
use crate::assemble::canonical::{Mention, merge};
use crate::error::Error;
use crate::record::Record;
use model::Entity;
use sanction::{Action, Report};
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Which events become `Sanction`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sanctions {
    /// One per event of each article (the record's `events`).
    #[default]
    PerArticle,
    /// One per canonical event of the run (`--events`): the reports of one
    /// action in several articles make one `Sanction` with every source.
    Canonical,
}

/// Writes FollowTheMoney entities as JSON lines (`extract --ftm PATH`):
/// per article an `Article` with `Mention`s, its officials and named targets
/// as fragments with content-derived ids, and a `Sanction` per event (or per
/// canonical event); docs/ftm.md lists every schema and property.
pub struct FtmSink {
    /// Buffered.
    out: Box<dyn Write + Send>,
    path: PathBuf,
    sanctions: Sanctions,
    /// One entity's line, serialised here before one write to `out`.
    line: Vec<u8>,
    /// The territories written so far: each is written once.
    territories: HashSet<String>,
    /// With [`Sanctions::Canonical`]: the run's events, merged at the end,
    /// and their reports by key.
    mentions: Vec<Mention>,
    reports: HashMap<String, Report>,
}

impl FtmSink {
    /// Creates (or truncates) the file at `path`; `-` writes to standard output.
    pub fn create(path: &Path, sanctions: Sanctions) -> Result<Self, Error> {
        Ok(Self::with_writer(JsonlSink::open(path)?, path.into(), sanctions))
    }

    /// Writes to any writer, for library users.
    pub fn new(out: Box<dyn Write + Send>, name: impl Into<PathBuf>, sanctions: Sanctions) -> Self {
        Self::with_writer(Box::new(io::BufWriter::new(out)), name.into(), sanctions)
    }

    fn with_writer(out: Box<dyn Write + Send>, path: PathBuf, sanctions: Sanctions) -> Self {
        FtmSink {
            out,
            path,
            sanctions,
            line: Vec::new(),
            territories: HashSet::new(),
            mentions: Vec::new(),
            reports: HashMap::new(),
        }
    }

    fn error(&self, source: io::Error) -> Error {
        Error::Output {
            path: self.path.clone(),
            source,
        }
    }

    fn emit(&mut self, entity: &Entity) -> Result<(), Error> {
        self.line.clear();
        serde_json::to_writer(&mut self.line, entity).map_err(|e| self.error(e.into()))?;
        self.line.push(b'\n');
        self.out.write_all(&self.line).map_err(|e| self.error(e))
    }

    /// Writes a `Sanction`, after the `Territory` it points at the first time.
    fn emit_sanction(&mut self, action: &Action, reports: &[&Report]) -> Result<(), Error> {
        let Some((sanction, territory)) = sanction::sanction(action, reports) else {
            return Ok(());
        };
        if let Some(territory) = territory
            && self.territories.insert(territory.id.clone())
        {
            self.emit(&territory)?;
        }
        self.emit(&sanction)
    }

    fn write_article(&mut self, record: &Record, text: &str) -> Result<(), Error> {
        let Some((entities, reports)) = entities::of_record(record, text) else {
            return Ok(());
        };
        for entity in &entities {
            self.emit(entity)?;
        }
        match self.sanctions {
            Sanctions::PerArticle => {
                for report in &reports {
                    self.emit_sanction(&report.action(), &[report])?;
                }
            }
            Sanctions::Canonical => {
                self.mentions.extend(Mention::of_record(record));
                self.reports.extend(reports.into_iter().map(|r| (r.key.clone(), r)));
            }
        }
        Ok(())
    }
}

impl Sink for FtmSink {
    /// A record without its clean text (`emit_text` off, and written other
    /// than by [`Pipeline::run`](crate::Pipeline::run)) gives `Sanction`s
    /// without a summary.
    fn write(&mut self, record: &Record) -> Result<(), Error> {
        self.write_article(record, record.text.as_deref().unwrap_or(""))
    }

    fn reads_text(&self) -> bool {
        true
    }

    fn write_with_text(&mut self, record: &Record, text: &str) -> Result<(), Error> {
        self.write_article(record, text)
    }

    fn finish(&mut self) -> Result<(), Error> {
        if self.sanctions == Sanctions::Canonical {
            let reports = std::mem::take(&mut self.reports);
            for event in merge(std::mem::take(&mut self.mentions)) {
                let sources: Vec<&Report> = event
                    .sources
                    .iter()
                    .filter_map(|s| reports.get(&sanction::key(&s.doc_id, s.event_idx)))
                    .collect();
                self.emit_sanction(&Action::from(&event), &sources)?;
            }
        }
        self.out.flush().map_err(|e| self.error(e))
    }

    /// Nothing: the file is written anew, so every article of the input must
    /// be processed for it to be whole, as for a JSONL file.
    fn stored(&mut self) -> Result<Option<Box<dyn Held>>, Error> {
        Ok(Some(Box::new(HashSet::<String>::new())))
    }
}
