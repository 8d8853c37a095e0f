//! JSONL sink: one record per line, in input order.

use super::Sink;
use crate::error::Error;
use crate::record::Record;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub struct JsonlSink {
    out: BufWriter<Box<dyn Write + Send>>,
    path: PathBuf,
}

impl JsonlSink {
    /// Creates (or truncates) the file at `path`; `-` writes to standard output.
    pub fn create(path: &Path) -> Result<Self, Error> {
        let out: Box<dyn Write + Send> = if path.as_os_str() == "-" {
            Box::new(io::stdout())
        } else {
            Box::new(File::create(path).map_err(|source| Error::Output {
                path: path.into(),
                source,
            })?)
        };
        Ok(JsonlSink {
            out: BufWriter::with_capacity(256 * 1024, out),
            path: path.into(),
        })
    }

    /// Writes to any writer, for library users.
    pub fn new(out: Box<dyn Write + Send>, name: impl Into<PathBuf>) -> Self {
        JsonlSink {
            out: BufWriter::new(out),
            path: name.into(),
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
        serde_json::to_writer(&mut self.out, record).map_err(|e| self.error(e.into()))?;
        self.out.write_all(b"\n").map_err(|e| self.error(e))
    }

    fn finish(&mut self) -> Result<(), Error> {
        self.out.flush().map_err(|e| self.error(e))
    }
}
