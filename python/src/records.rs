//! The records of `Pipeline.map` and `Pipeline.read`, streamed from the
//! library's `Pipeline::run` on a thread of its own.
//!
//! Python's side is one thread, the one that holds the GIL: it turns input
//! items into JSONL lines ([`Feed`]) and records into dicts. Everything between
//! (parsing lines, extraction on the worker threads, putting records back in
//! input order) runs without the GIL. The two sides meet in two bounded
//! channels, so memory stays flat however long the input: the caller's
//! `__next__` tops up the input channel while it has room, takes a record when
//! one is ready, and otherwise waits, with the GIL released, for either.

use crate::{Error, InputWarning, to_python::to_python};
use crossbeam_channel::{Receiver, Select, Sender, TryRecvError, bounded};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyString};
use sanctions_extract::error::message;
use sanctions_extract::sinks::Sink;
use sanctions_extract::sources::{Document, Line, OnWarning};
use sanctions_extract::{Pipeline, Record, Summary};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// Input lines waiting for the pipeline's reader; the pipeline itself holds a
/// few chunks of 64 more.
const QUEUED_LINES: usize = 64;
/// Records waiting for the caller.
const QUEUED_RECORDS: usize = 64;
/// How often a wait looks for Ctrl-C (a signal reaches Python code only
/// between calls).
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// What the caller gets of each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A dict, as `json.loads` makes it of the record's JSONL line.
    Dict,
    /// The record's JSONL line itself (without its newline), as the CLI writes it.
    Json,
}

/// A record on its way to the caller.
enum Out {
    Record(Box<Record>),
    Line(String),
}

/// The sink of a streamed run: records go to the caller's thread.
struct ChannelSink {
    records: Sender<Out>,
    form: Form,
}

impl Sink for ChannelSink {
    fn write(&mut self, record: &Record) -> Result<(), sanctions_extract::Error> {
        self.write_owned(record.clone())
    }

    /// The JSON line is written here, off the GIL, as the CLI's writer thread
    /// writes it.
    fn write_owned(&mut self, record: Record) -> Result<(), sanctions_extract::Error> {
        let out = match self.form {
            Form::Dict => Out::Record(Box::new(record)),
            Form::Json => Out::Line(serde_json::to_string(&record).expect("a record is always JSON")),
        };
        // The caller dropped the iterator: the run stops as if its output closed.
        self.records.send(out).map_err(|_| sanctions_extract::Error::Output {
            path: "the Python iterator".into(),
            source: std::io::ErrorKind::BrokenPipe.into(),
        })
    }

    fn finish(&mut self) -> Result<(), sanctions_extract::Error> {
        Ok(())
    }
}

/// The caller's input: the Python iterator and the channel its items go into
/// as lines.
pub struct Feed {
    items: Py<PyIterator>,
    lines: Sender<Line>,
}

/// Warnings of the reading thread (a repeated doc_id), given to Python's
/// `warnings` by the caller's thread.
#[derive(Clone, Default)]
pub struct Warnings(Arc<Mutex<Vec<String>>>);

impl Warnings {
    pub fn callback(&self) -> OnWarning {
        let warnings = Arc::clone(&self.0);
        Box::new(move |warning| warnings.lock().expect("no panic holds it").push(warning.to_string()))
    }

    fn emit(&self, py: Python<'_>) -> PyResult<()> {
        let said = std::mem::take(&mut *self.0.lock().expect("no panic holds it"));
        for warning in said {
            PyErr::warn(py, &py.get_type::<InputWarning>(), &std::ffi::CString::new(warning)?, 1)?;
        }
        Ok(())
    }
}

/// The channel a `map` call's items go into, and the lines the pipeline reads
/// from it.
pub fn feed(items: Bound<'_, PyIterator>) -> (Feed, impl Iterator<Item = Line> + Send + 'static) {
    let (lines, queued) = bounded(QUEUED_LINES);
    let feed = Feed {
        items: items.unbind(),
        lines,
    };
    (feed, queued.into_iter())
}

/// An iterator of records, in input order. Records are dicts, as `json.loads`
/// makes them of the CLI's JSONL lines (or, with `as_json=True`, those lines
/// themselves). After the last record, `summary` holds the run's counts.
#[pyclass(module = "sanctions_extract")]
pub struct Records {
    feed: Option<Feed>,
    records: Receiver<Out>,
    run: Option<JoinHandle<Result<Summary, sanctions_extract::Error>>>,
    warnings: Warnings,
    /// What the input iterator raised: raised in its turn, after the records
    /// of the items before it.
    input_error: Option<PyErr>,
    summary: Option<Summary>,
}

impl Records {
    /// Starts `pipeline` over `documents` on a thread of its own.
    pub fn start(
        pipeline: Pipeline,
        documents: impl Iterator<Item = Document> + Send + 'static,
        feed: Option<Feed>,
        warnings: Warnings,
        form: Form,
    ) -> PyResult<Self> {
        let (sender, records) = bounded(QUEUED_RECORDS);
        let run = std::thread::Builder::new()
            .name("sanctions-extract".into())
            .spawn(move || {
                let mut sink = ChannelSink { records: sender, form };
                pipeline.run(documents, &mut sink, |_, _| {})
            })
            .map_err(|e| Error::new_err(format!("cannot start the pipeline's thread: {e}")))?;
        Ok(Records {
            feed,
            records,
            run: Some(run),
            warnings,
            input_error: None,
            summary: None,
        })
    }

    /// Passes input items on while the input channel has room.
    fn top_up(&mut self, py: Python<'_>) {
        let Some(feed) = &self.feed else { return };
        let mut items = feed.items.bind(py).clone();
        let ended = loop {
            if feed.lines.is_full() {
                break false;
            }
            match items.next() {
                Some(Ok(item)) => {
                    // A send fails only when the run stopped early: its error is
                    // raised once its records are out.
                    if feed.lines.send(crate::from_python::line(&item)).is_err() {
                        break true;
                    }
                }
                None => break true,
                Some(Err(err)) => {
                    self.input_error = Some(err);
                    break true;
                }
            }
        };
        if ended {
            // Closing the channel tells the pipeline the input is over.
            self.feed = None;
        }
    }

    /// Waits, without the GIL, until a record is ready or the input channel
    /// has room; looks for Ctrl-C now and then.
    fn wait(&self, py: Python<'_>) -> PyResult<()> {
        let lines = self.feed.as_ref().map(|feed| &feed.lines);
        let records = &self.records;
        loop {
            let ready = py.detach(|| {
                let mut select = Select::new();
                if let Some(lines) = lines {
                    select.send(lines);
                }
                select.recv(records);
                select.ready_timeout(SIGNAL_CHECK).is_ok()
            });
            if ready {
                return Ok(());
            }
            py.check_signals()?;
        }
    }

    /// After the last record: the run's outcome, then what the input raised.
    fn finish(&mut self, py: Python<'_>) -> PyResult<()> {
        let Some(run) = self.run.take() else {
            return Ok(());
        };
        let outcome = py.detach(|| run.join());
        self.warnings.emit(py)?;
        match outcome {
            Err(_) => Err(PyRuntimeError::new_err("the pipeline's thread panicked")),
            Ok(Err(err)) => Err(Error::new_err(message(&err))),
            Ok(Ok(summary)) => {
                self.summary = Some(summary);
                self.input_error.take().map_or(Ok(()), Err)
            }
        }
    }
}

#[pymethods]
impl Records {
    /// The iterator itself.
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next record, waiting for it with the GIL released; after the last
    /// one, the run's error or the input's exception, if any, else
    /// StopIteration.
    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        loop {
            self.top_up(py);
            match self.records.try_recv() {
                Ok(out) => {
                    self.warnings.emit(py)?;
                    return Ok(Some(match out {
                        Out::Record(record) => to_python(py, &*record)?.unbind(),
                        Out::Line(line) => PyString::new(py, &line).into_any().unbind(),
                    }));
                }
                Err(TryRecvError::Disconnected) => return self.finish(py).map(|()| None),
                Err(TryRecvError::Empty) => self.wait(py)?,
            }
        }
    }

    /// The counts of the finished run, `None` until the last record is out:
    /// `read` (articles), `ok`, `skipped`, `errors`, `events`, `bytes` (of
    /// input) and `seconds`.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(s) = &self.summary else {
            return Ok(None);
        };
        let dict = PyDict::new(py);
        dict.set_item("read", s.read)?;
        dict.set_item("ok", s.ok)?;
        dict.set_item("skipped", s.skipped)?;
        dict.set_item("errors", s.errors)?;
        dict.set_item("events", s.events)?;
        dict.set_item("bytes", s.bytes)?;
        dict.set_item("seconds", s.elapsed.as_secs_f64())?;
        Ok(Some(dict))
    }
}
