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
    /// A longer line goes to `out` in pieces of [`LINE_PIECE`] bytes as it
    /// is serialised (a huge article's record is tens of megabytes of JSON).
    line: Vec<u8>,
}

/// The most of a line held before it is handed to the writer.
const LINE_PIECE: usize = 1 << 20;

/// Serde's writer for one line: pieces gathered in `line`, handed to `out`
/// whenever they reach [`LINE_PIECE`] bytes.
struct Pieces<'a> {
    line: &'a mut Vec<u8>,
    out: &'a mut dyn Write,
}

impl Write for Pieces<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.line.len() + bytes.len() > LINE_PIECE {
            self.out.write_all(self.line)?;
            self.line.clear();
            if bytes.len() >= LINE_PIECE {
                // A long string (the text, with --emit-text): as it is.
                self.out.write_all(bytes)?;
                return Ok(bytes.len());
            }
        }
        self.line.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    /// What serde calls for each piece: the common case (the piece fits in
    /// the line) inlined, without the default's loop over `write`.
    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.line.len() + bytes.len() <= LINE_PIECE {
            self.line.extend_from_slice(bytes);
            return Ok(());
        }
        self.write(bytes).map(|_| ())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
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
        let mut pieces = Pieces {
            line: &mut self.line,
            out: &mut *self.out,
        };
        serde_json::to_writer(&mut pieces, record).map_err(|e| self.error(e.into()))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Source, Status};
    use std::sync::{Arc, Mutex};

    /// A writer whose bytes the test reads back.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn lines_longer_than_a_piece_are_written_whole_and_the_buffer_stays_small() {
        let small = Record::new("a".into(), Source::default(), Status::Ok, None);
        let mut huge = Record::new("b".into(), Source::default(), Status::Ok, None);
        // Three megabytes of JSON in small pieces, then one string longer
        // than a piece, then the next record.
        huge.source.title = Some("t".repeat(3 * LINE_PIECE / 2));
        huge.text = Some("x\"y".repeat(LINE_PIECE / 2));
        let out = Shared::default();
        let mut sink = JsonlSink::new(Box::new(out.clone()), "out.jsonl");
        for record in [&small, &huge, &small] {
            sink.write(record).unwrap();
        }
        sink.finish().unwrap();
        let expected: String = [&small, &huge, &small]
            .iter()
            .map(|r| serde_json::to_string(r).unwrap() + "\n")
            .collect();
        assert!(expected.len() > 3 * LINE_PIECE);
        assert!(*out.0.lock().unwrap() == expected.as_bytes(), "the lines differ");
        assert!(sink.line.capacity() <= 2 * LINE_PIECE, "{}", sink.line.capacity());
    }
}
