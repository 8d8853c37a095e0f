//! The Python module `sanctions_extract`: the library's pipeline for
//! notebooks, pandas and PySpark, returning the records of the CLI's JSONL as
//! plain dicts and lists.
//!
//! A thin binding: one article goes through `Pipeline::process`, many through
//! `Pipeline::run` (records.rs streams them), canonical events through
//! `canonical::merge`; the records are those types turned into Python objects
//! (to_python.rs), inputs are read as the CLI reads JSONL lines
//! (from_python.rs, `sources::line_documents`). The extraction runs with the
//! GIL released.

mod from_python;
mod records;
mod to_python;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use records::{Form, Records, Warnings};
use rustc_hash::FxHashSet;
use sanctions_extract::assemble::canonical::{Mention, merge};
use sanctions_extract::record::{Event, SCHEMA_VERSION, Source};
use sanctions_extract::sources::{Content, line_documents};
use sanctions_extract::{Config, Document, Inputs, Limits, Record, Status};
use std::path::PathBuf;
use to_python::to_python;

/// As in the binary: the pipeline makes about a thousand short-lived
/// allocations per article, and mimalloc serves them several times faster
/// than the system allocator (Python's own objects are not Rust's to allocate).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    sanctions_extract,
    Error,
    PyException,
    "A failure that stops a run, with the message the CLI prints after `error: `. A bad article is no \
     exception: it gives a record with status `error`."
);
create_exception!(
    sanctions_extract,
    InputError,
    Error,
    "An input given to `Pipeline.read` that does not exist or cannot be looked at \
     (`nope: No such file or directory (os error 2)`)."
);
create_exception!(
    sanctions_extract,
    InputWarning,
    PyUserWarning,
    "What the CLI prints as `warning: `: an article whose doc_id an earlier one of the run took (kept as \
     `ID~2`), a file in a folder in no input format, an input without articles."
);

/// The record of one article's text, as a dict equal to `json.loads` of the
/// line `sanctions-extract extract` writes for it (docs/record.md).
///
/// `published` (ISO 8601, or a date as pages write it, which is normalised)
/// anchors relative dates ("on Tuesday"); `title`, `url` and `extra` (a dict of
/// further fields, kept in `source.extra`) are carried into `source`;
/// `doc_id` names the record (default `"article"`). With `emit_text`, the
/// record holds the clean text its spans index, as `text`. The GIL is released
/// while the article is processed.
///
/// >>> sanctions_extract.extract("The U.S. Treasury sanctioned two North Korean banks on Tuesday.",
/// ...                           published="2025-11-04")["events"][0]["counts"]
/// [{'value': 2, 'category': 'entity'}]
#[pyfunction]
#[pyo3(signature = (text, *, published=None, title=None, url=None, doc_id=None, extra=None, emit_text=false))]
#[allow(clippy::too_many_arguments)]
fn extract(
    py: Python<'_>,
    text: String,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    doc_id: Option<String>,
    extra: Option<&Bound<'_, PyDict>>,
    emit_text: bool,
) -> PyResult<Py<PyAny>> {
    let source = source(published, title, url, extra)?;
    one(py, doc_id, source, Content::Text(text), emit_text)
}

/// The record of one HTML page, as `extract` gives that of a text: the page's
/// headline and main text are extracted, and its title, canonical URL,
/// publication date and author fill what the arguments leave out (what they
/// give wins, as a JSONL line's fields win in the CLI).
///
/// >>> record = sanctions_extract.extract_html(page, url="https://news.example/2025/11/04/sanctions")
/// >>> record["source"]["published"]
/// '2025-11-04'
#[pyfunction]
#[pyo3(signature = (html, *, published=None, title=None, url=None, doc_id=None, extra=None, emit_text=false))]
#[allow(clippy::too_many_arguments)]
fn extract_html(
    py: Python<'_>,
    html: String,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    doc_id: Option<String>,
    extra: Option<&Bound<'_, PyDict>>,
    emit_text: bool,
) -> PyResult<Py<PyAny>> {
    let source = source(published, title, url, extra)?;
    one(py, doc_id, source, Content::Html(html), emit_text)
}

/// The `source` of an article given to `extract` or `extract_html`.
fn source(
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    extra: Option<&Bound<'_, PyDict>>,
) -> PyResult<Source> {
    let extra = match extra {
        None => serde_json::Map::new(),
        Some(extra) => match from_python::json(extra.as_any(), &mut 0) {
            Ok(serde_json::Value::Object(map)) => map,
            Ok(_) => unreachable!("a dict is a JSON object"),
            Err(e) => {
                let at = e.at.map(|field| format!(": `{field}`")).unwrap_or_default();
                return Err(PyTypeError::new_err(format!(
                    "extra{at} holds a Python {}, which has no JSON form",
                    e.type_name
                )));
            }
        },
    };
    Ok(Source {
        path: None,
        url,
        title,
        published,
        extra,
    })
}

/// One article through the pipeline, without the GIL.
fn one(
    py: Python<'_>,
    doc_id: Option<String>,
    source: Source,
    content: Content,
    emit_text: bool,
) -> PyResult<Py<PyAny>> {
    let doc_id = doc_id.unwrap_or_else(|| "article".to_string());
    let bytes = match &content {
        Content::Text(t) | Content::Html(t) => t.len() as u64,
        Content::Skipped(_) | Content::Failed(_) => 0,
    };
    let doc = Document {
        location: doc_id.clone(),
        doc_id,
        source,
        content,
        lossy_utf8: false,
        bytes,
    };
    let pipeline = sanctions_extract::Pipeline::new(Config {
        emit_text,
        ..Config::default()
    });
    let record = py.detach(|| pipeline.process(doc));
    Ok(to_python(py, &record)?.unbind())
}

/// Runs articles through the pipeline on worker threads, as the CLI does.
///
/// `threads` is the number of worker threads (default: one per core); the
/// records do not depend on it. `emit_text` adds the clean text to each record,
/// as `text`. `max_article_bytes` (default 64 MiB) and `max_decompressed_bytes`
/// (default 16 GiB, for `read`) are the CLI's limits: a larger article becomes
/// an `error` record.
///
/// >>> pipeline = sanctions_extract.Pipeline(threads=2)
/// >>> for record in pipeline.map(articles): ...
#[pyclass(module = "sanctions_extract", frozen)]
struct Pipeline {
    inner: sanctions_extract::Pipeline,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (threads=None, *, emit_text=false, max_article_bytes=None, max_decompressed_bytes=None))]
    fn new(
        threads: Option<i64>,
        emit_text: bool,
        max_article_bytes: Option<u64>,
        max_decompressed_bytes: Option<u64>,
    ) -> PyResult<Self> {
        // The CLI's range for --threads, and clap's words for a value outside it.
        let threads = match threads {
            None => None,
            Some(n @ 1..=65535) => Some(n as usize),
            Some(n) => {
                return Err(PyValueError::new_err(format!(
                    "invalid value '{n}' for 'threads': {n} is not in 1..=65535"
                )));
            }
        };
        let defaults = Limits::default();
        let limits = Limits {
            max_article_bytes: max_article_bytes.unwrap_or(defaults.max_article_bytes),
            max_decompressed_bytes: max_decompressed_bytes.unwrap_or(defaults.max_decompressed_bytes),
        };
        Ok(Pipeline {
            inner: sanctions_extract::Pipeline::new(Config {
                emit_text,
                threads,
                limits,
            }),
        })
    }

    /// The worker threads (`None`: one per core).
    #[getter]
    fn threads(&self) -> Option<usize> {
        self.inner.config().threads
    }

    /// Whether records hold their clean text.
    #[getter]
    fn emit_text(&self) -> bool {
        self.inner.config().emit_text
    }

    /// The records of `articles`, an iterable of JSONL input lines, in input
    /// order, as an iterator (see `Records`).
    ///
    /// An item is a dict shaped like a JSONL line (`{"id", "url", "title",
    /// "published", "text"}`, or `"html"` instead of `"text"`; other fields go
    /// to `source.extra`), or such a line as str or bytes, parsed as the CLI
    /// parses it. Items are read as the lines of a file named `name` would be:
    /// `source.path` is `name`, an article without `id` is `NAME:N` (N counts
    /// items from 1, blank lines included), a repeated id is kept as `ID~2`
    /// with an `InputWarning`, and a bad item (malformed JSON, a wrong type, no
    /// text, a value with no JSON form such as a date) gives an `error` record
    /// saying `NAME:N: why`. So `map(open("dump.jsonl", "rb"),
    /// name="dump.jsonl")` gives the records of `sanctions-extract extract
    /// dump.jsonl`. A float NaN (pandas' missing value) counts as null.
    ///
    /// Items are taken as the records are wanted, a bounded number ahead, and
    /// processed on the worker threads without the GIL: memory does not grow
    /// with the input. An exception of `articles` is raised after the records
    /// of the items before it. With `as_json`, each record comes as its JSONL
    /// line (a str without the newline), byte for byte the CLI's.
    #[pyo3(signature = (articles, *, name="input", as_json=false))]
    fn map(&self, articles: &Bound<'_, PyAny>, name: &str, as_json: bool) -> PyResult<Records> {
        let (feed, lines) = records::feed(articles.try_iter()?);
        let warnings = Warnings::default();
        let limits = self.inner.config().limits;
        let documents = line_documents(lines, name, limits, warnings.callback());
        Records::start(self.inner.clone(), documents, Some(feed), warnings, form(as_json))
    }

    /// The records of files and folders, as `sanctions-extract extract PATHS`
    /// gives them (every input form: text with sidecars, HTML, JSONL, WARC,
    /// compressed or not), in the same order, as an iterator (see `Records`).
    ///
    /// `paths` is a path (str or os.PathLike) or an iterable of them. A path
    /// that does not exist raises `InputError` before anything is read, with
    /// the CLI's message; what the CLI warns of comes as an `InputWarning`.
    #[pyo3(signature = (paths, *, as_json=false))]
    fn read(&self, paths: &Bound<'_, PyAny>, as_json: bool) -> PyResult<Records> {
        let paths: Vec<PathBuf> = if paths.is_instance_of::<PyString>() || paths.hasattr("__fspath__")? {
            vec![paths.extract()?]
        } else {
            paths.try_iter()?.map(|p| p?.extract()).collect::<PyResult<_>>()?
        };
        let inputs = Inputs::new(paths, self.inner.config().limits);
        inputs
            .check()
            .map_err(|e| InputError::new_err(sanctions_extract::error::message(&e)))?;
        let warnings = Warnings::default();
        let documents = inputs.documents(warnings.callback());
        Records::start(self.inner.clone(), documents, None, warnings, form(as_json))
    }

    /// `Pipeline(threads=2, emit_text=False)`.
    fn __repr__(&self) -> String {
        let config = self.inner.config();
        let threads = config.threads.map_or("None".to_string(), |n| n.to_string());
        let python = |flag: bool| if flag { "True" } else { "False" };
        format!("Pipeline(threads={threads}, emit_text={})", python(config.emit_text))
    }
}

fn form(as_json: bool) -> Form {
    if as_json { Form::Json } else { Form::Dict }
}

/// The canonical events of `records` (dicts as `extract` and `Pipeline.map`
/// give them, or their JSONL lines, str or bytes), as a list of dicts equal to the lines
/// `sanctions-extract extract --events` writes for the same records: one per
/// real-world sanctions action, with the articles that report it.
///
/// Only `doc_id`, `source.published` and `events` of a record are read. Each
/// record must have a doc_id of its own (reports in one article are never
/// merged with each other); a repeated one raises ValueError, as does a record
/// without those fields.
#[pyfunction]
fn canonical_events(py: Python<'_>, records: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let mut mentions = Vec::new();
    let mut ids = FxHashSet::default();
    for (i, item) in records.try_iter()?.enumerate() {
        let item = item?;
        let parsed: Result<Reports, String> = if let Ok(line) = item.cast::<PyString>() {
            serde_json::from_str(&line.to_cow()?).map_err(|e| e.to_string())
        } else if let Ok(line) = item.cast::<PyBytes>() {
            serde_json::from_slice(line.as_bytes()).map_err(|e| e.to_string())
        } else {
            match from_python::json(&item, &mut 0) {
                Ok(value) => serde_json::from_value(value).map_err(|e| e.to_string()),
                Err(e) => Err(format!("a Python {} is no record", e.type_name)),
            }
        };
        let reports = parsed.map_err(|e| PyValueError::new_err(format!("record {}: {e}", i + 1)))?;
        if !ids.insert(reports.doc_id.clone()) {
            return Err(PyValueError::new_err(format!(
                "record {}: doc_id {:?} is taken by an earlier record; canonical events need one record per article",
                i + 1,
                reports.doc_id
            )));
        }
        mentions.extend(Mention::of_record(&reports.into_record()));
    }
    let events = py.detach(|| merge(mentions));
    Ok(to_python(py, &events)?.unbind())
}

/// What the merge reads of a record.
#[derive(serde::Deserialize)]
struct Reports {
    doc_id: String,
    #[serde(default)]
    source: Published,
    #[serde(default)]
    events: Vec<Event>,
}

#[derive(serde::Deserialize, Default)]
struct Published {
    #[serde(default)]
    published: Option<String>,
}

impl Reports {
    fn into_record(self) -> Record {
        let source = Source {
            published: self.source.published,
            ..Source::default()
        };
        let mut record = Record::new(self.doc_id, source, Status::Ok, None);
        record.events = self.events;
        record
    }
}

/// Turn English news into sanctions-event records: the sanctions-extract
/// pipeline (docs/record.md describes the records).
///
/// `extract(text, published=...)` and `extract_html(html, ...)` give the record
/// of one article; `Pipeline(threads).map(articles)` streams the records of
/// many, in input order, on worker threads; `Pipeline.read(paths)` those of
/// files and folders; `canonical_events(records)` merges the events that
/// several articles report of one action. Records are plain dicts, equal to
/// `json.loads` of the CLI's JSONL lines.
#[pymodule(name = "sanctions_extract")]
fn sanctions_extract_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_html, m)?)?;
    m.add_function(wrap_pyfunction!(canonical_events, m)?)?;
    m.add_class::<Pipeline>()?;
    m.add_class::<Records>()?;
    m.add("Error", py.get_type::<Error>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("InputWarning", py.get_type::<InputWarning>())?;
    m.add("SCHEMA_VERSION", SCHEMA_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
