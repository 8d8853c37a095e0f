//! JSONL sink: one record per line, in input order.

use super::{Held, Sink};
use crate::error::Error;
use crate::record::Record;
use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes each record as one JSON line (`--jsonl`).
pub struct JsonlSink {
    /// Buffered: every constructor wraps its writer in a `BufWriter`.
    out: Box<dyn Write + Send>,
    path: PathBuf,
    /// One record's line, serialised here before one write to `out`: serde
    /// writes many small pieces, and each would be a dynamic call on `out`.
    line: Vec<u8>,
}

impl JsonlSink {
    /// Creates (or truncates) the file at `path`; `-` writes to standard output.
    pub fn create(path: &Path) -> Result<Self, Error> {
        Ok(JsonlSink {
            out: Self::open(path)?,
            path: path.into(),
            line: Vec::new(),
        })
    }

    /// A buffered writer to the file at `path`, or to standard output for `-`.
    pub(super) fn open(path: &Path) -> Result<Box<dyn Write + Send>, Error> {
        const BUFFER: usize = 256 * 1024;
        Ok(if path.as_os_str() == "-" {
            Box::new(BufWriter::with_capacity(BUFFER, io::stdout()))
        } else {
            let file = File::create(path).map_err(|source| Error::Output {
                path: path.into(),
                source,
            })?;
            Box::new(BufWriter::with_capacity(BUFFER, file))
        })
    }

    /// Writes to any writer, for library users.
    pub fn new(out: Box<dyn Write + Send>, name: impl Into<PathBuf>) -> Self {
        JsonlSink {
            out: Box::new(BufWriter::new(out)),
            path: name.into(),
            line: Vec::new(),
        }
    }

    fn error(&self, source: io::Error) -> Error {
        Error::Output {
            path: self.path.clone(),
            source,
        }
    }
}

impl Sink for JsonlSink {
    fn write(&mut self, record: &Record) -> Result<(), Error> {
        self.line.clear();
        serde_json::to_writer(&mut self.line, record).map_err(|e| self.error(e.into()))?;
        self.line.push(b'\n');
        self.out.write_all(&self.line).map_err(|e| self.error(e))
    }

    fn finish(&mut self) -> Result<(), Error> {
        self.out.flush().map_err(|e| self.error(e))
    }

    /// Nothing: the file is written anew, so every article of the input must
    /// be processed for it to be whole, whatever a database beside it holds.
    fn stored(&mut self) -> Result<Option<Box<dyn Held>>, Error> {
        Ok(Some(Box::new(HashSet::new())))
    }
}
