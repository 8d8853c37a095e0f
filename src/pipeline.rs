//! The pipeline: one document in, one record out; and the batch runner that
//! streams many documents through worker threads into a sink.
//!
//! Stages, in order: HTML to text (for pages), normalise, language check,
//! segment and extract (for English articles), and (with #5) assemble events. A document that cannot be processed,
//! even one that makes a stage panic, becomes an `error` record: `process` never
//! fails and never unwinds.

use crate::assemble;
use crate::error::Error;
use crate::explain::{ExplainError, Explanation};
use crate::extract::{self, Article};
use crate::language;
use crate::normalize::{self, html};
use crate::record::{Event, Record, Source, Status};
use crate::sinks::Sink;
use crate::sources::{Content, Document, Limits};
use crate::stop;
pub use crate::summary::Summary;
use crate::window;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, channel, sync_channel};
use std::time::Instant;

/// Documents handed to the workers at once; a chunk also closes at [`CHUNK_BYTES`].
const CHUNK_DOCS: usize = 64;
const CHUNK_BYTES: u64 = 4 * 1024 * 1024;
/// Chunks waiting between reader, workers and writer: this bounds memory.
const QUEUED_CHUNKS: usize = 2;

/// How the pipeline runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Add the clean text that spans index to each record, as `text`.
    pub emit_text: bool,
    /// Worker threads for [`Pipeline::run`]; `None` uses one per core.
    pub threads: Option<usize>,
    /// Size limits on what the sources read.
    pub limits: Limits,
}

/// Turns documents into article records.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    config: Config,
}

/// A document read as far as the text the extractors see: its metadata (the
/// publication date in ISO 8601 where the input's could be read), the text
/// before cleaning and the clean text that every span indexes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ArticleText {
    pub doc_id: String,
    pub source: Source,
    /// The article's text as the input gave it (for a page, its extracted body).
    pub raw: String,
    /// `normalize::clean(raw)`.
    pub text: String,
    /// Whether invalid UTF-8 was replaced while decoding.
    pub lossy_utf8: bool,
}

/// The first steps of [`Pipeline::process`]: a page becomes its body text and
/// lends its metadata, the publication date is made ISO 8601, the text is
/// cleaned. A document without text (unreadable, or read but no article) is
/// its final record instead, `error` or `skipped`.
pub(crate) fn article_text(doc: Document) -> Result<ArticleText, Box<Record>> {
    let RawText {
        doc_id,
        source,
        raw,
        lossy_utf8,
    } = raw_text(doc)?;
    let text = normalize::clean(&raw);
    Ok(ArticleText {
        doc_id,
        source,
        raw,
        text,
        lossy_utf8,
    })
}

/// [`ArticleText`] before cleaning.
struct RawText {
    doc_id: String,
    source: Source,
    raw: String,
    lossy_utf8: bool,
}

/// [`article_text`] up to the text before cleaning.
fn raw_text(doc: Document) -> Result<RawText, Box<Record>> {
    let Document {
        doc_id,
        mut source,
        content,
        lossy_utf8,
        ..
    } = doc;
    let raw = match content {
        Content::Failed(detail) => return Err(Box::new(Record::new(doc_id, source, Status::Error, Some(detail)))),
        Content::Skipped(detail) => return Err(Box::new(Record::new(doc_id, source, Status::Skipped, Some(detail)))),
        Content::Text(text) => text,
        Content::Html(page) => {
            let page = html::extract(&page);
            let text = page.text();
            // What the input said wins over what the page says of itself;
            // a page with no date of its own may have one in the input's URL.
            source.published = source.published.or(page.published).or_else(|| {
                let url = source.url.as_deref()?;
                html::date::in_url(url).map(|d| d.to_string())
            });
            source.title = source.title.or(page.title);
            source.url = source.url.or(page.url);
            if let Some(author) = page.author {
                source.extra.entry("author").or_insert(author.into());
            }
            text
        }
    };
    // The record's date is ISO 8601 (docs/record.md): inputs that wrote it out
    // ("December 3, 2019", RFC 2822) are normalised; what cannot be read stays.
    if let Some(iso) = source.published.as_deref().and_then(html::date::normalize) {
        source.published = Some(iso);
    }
    Ok(RawText {
        doc_id,
        source,
        raw,
        lossy_utf8,
    })
}

impl Pipeline {
    /// A pipeline that runs as `config` says.
    pub fn new(config: Config) -> Self {
        Pipeline { config }
    }

    /// How this pipeline runs.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The record of one document. A panic inside a stage becomes an `error`
    /// record naming it.
    pub fn process(&self, doc: Document) -> Record {
        self.process_keeping_text(doc, self.config.emit_text)
    }

    /// [`process`](Self::process), keeping the clean text in the record when
    /// `keep_text` is set, whatever `emit_text` says.
    fn process_keeping_text(&self, doc: Document, keep_text: bool) -> Record {
        let doc_id = doc.doc_id.clone();
        let source = doc.source.clone();
        match catch_unwind(AssertUnwindSafe(|| self.process_inner(doc, keep_text))) {
            Ok(record) => record,
            Err(panic) => {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                Record::new(
                    doc_id,
                    source,
                    Status::Error,
                    Some(format!("internal error: {message}")),
                )
            }
        }
    }

    /// [`process`](Self::process) without the panic guard, for fuzzers and
    /// debuggers that want to see a panic where it happens.
    pub fn process_unguarded(&self, doc: Document) -> Record {
        self.process_inner(doc, self.config.emit_text)
    }

    fn process_inner(&self, doc: Document, keep_text: bool) -> Record {
        self.process_with(doc, keep_text, assemble::events)
    }

    /// Why the record of `doc` holds the events it holds: the document read
    /// and processed as [`process`](Self::process) does (without its panic
    /// guard), its events assembled with a recorder of each decision. The
    /// explanation's events are the record's.
    ///
    /// A clean text longer than 1 MiB is extracted in windows, whose
    /// decisions are not traced: it is an [`ExplainError::Windowed`].
    pub fn explain(&self, doc: Document) -> Result<Explanation, ExplainError> {
        let mut traced = None;
        let mut sentence_count = 0;
        let record = self.process_with(doc, true, |article, found| {
            let (events, trace) = assemble::explained(article, found);
            sentence_count = article.sentences.len();
            traced = Some(trace);
            events
        });
        let bytes = record.text.as_ref().map_or(0, String::len);
        if record.status == Status::Ok && traced.is_none() && bytes > window::WINDOWED_ABOVE {
            return Err(ExplainError::Windowed {
                doc_id: record.doc_id,
                bytes,
                limit: window::WINDOWED_ABOVE,
            });
        }
        let traced = traced.unwrap_or_else(|| assemble::Traced {
            searched: false,
            unsearched: None,
            sentences: Vec::new(),
            actors: Vec::new(),
            countries: Vec::new(),
        });
        Ok(Explanation {
            doc_id: record.doc_id,
            published: record.source.published,
            status: record.status,
            status_detail: record.status_detail,
            sentence_count,
            searched: traced.searched,
            unsearched: traced.unsearched,
            actors: traced.actors,
            countries: traced.countries,
            sentences: traced.sentences,
            events: record.events,
        })
    }

    /// [`process_inner`](Self::process_inner), the events of an article
    /// assembled by `assemble`.
    fn process_with(
        &self,
        doc: Document,
        keep_text: bool,
        assemble: impl FnOnce(&Article, &extract::Extractions) -> Vec<Event>,
    ) -> Record {
        let RawText {
            doc_id,
            source,
            raw,
            lossy_utf8,
        } = match raw_text(doc) {
            Ok(article) => article,
            Err(record) => return *record,
        };
        // What cleaning changed beyond the usual, said in `status_detail`.
        let mut notes = Vec::new();
        if lossy_utf8 {
            notes.push("lossy_utf8");
        }
        if normalize::has_stray_control(&raw) {
            notes.push("control_characters_removed");
        }
        // Only the clean text is read from here on: the raw text goes as soon
        // as cleaning has repaired it (a huge article's would add one more
        // copy of the text while it is cleaned and extracted).
        let text = normalize::clean_owned(raw);
        let detail = (!notes.is_empty()).then(|| notes.join(","));
        let mut record = Record::new(doc_id, source, Status::Ok, detail);
        if text.is_empty() {
            record.status = Status::Skipped;
            record.status_detail = Some("empty".into());
        } else if let Some(detection) = language::detect(&text) {
            if detection.is_foreign() {
                record.status = Status::Skipped;
                record.status_detail = Some(format!("language:{}", detection.language.code));
            }
            record.language = Some(detection.language);
        }
        if record.status == Status::Ok {
            let published = record.source.published.as_deref().and_then(extract::parse_published);
            if text.len() > window::WINDOWED_ABOVE {
                window::extract(&text, published, &mut record);
                if keep_text {
                    record.text = Some(text);
                }
                return record;
            }
            let article = Article::new(&text, published);
            let found = extract::all(&article);
            record.events = assemble(&article, &found);
            record.officials = found.officials;
            record.entities = found.found.entities;
            record.counts = found.counts;
            record.amounts = found.amounts;
            record.dates = found.dates;
        }
        if keep_text {
            record.text = Some(text);
        }
        record
    }

    /// Processes documents on worker threads and writes their records to `sink`
    /// in input order (by [`Sink::write_owned`]), calling `on_record` with each
    /// record and its input size before it is written.
    ///
    /// Reading, processing and writing overlap through bounded queues, so memory
    /// stays flat however long the input is. The output does not depend on the
    /// number of threads.
    ///
    /// A sink that [`reads_text`](Sink::reads_text) gets each record's clean
    /// text through [`Sink::write_with_text`] when `emit_text` is off; the
    /// record itself, and `on_record`, never carry it then.
    pub fn run<I>(
        &self,
        documents: I,
        sink: &mut dyn Sink,
        mut on_record: impl FnMut(&Record, u64) + Send,
    ) -> Result<Summary, Error>
    where
        I: IntoIterator<Item = Document>,
        I::IntoIter: Send,
    {
        let started = Instant::now();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.config.threads.unwrap_or(0))
            .build()
            .map_err(|e| Error::Threads(e.to_string()))?;
        let documents = documents.into_iter();
        // The text a sink reads but the records do not carry: kept by the
        // workers, taken out of each record before it is written.
        let keep_text = self.config.emit_text || sink.reads_text();
        let hand_text = keep_text && !self.config.emit_text;
        let mut summary = std::thread::scope(|scope| {
            let (doc_tx, doc_rx) = sync_channel::<Vec<Document>>(QUEUED_CHUNKS);
            scope.spawn(move || read_chunks(documents, &doc_tx));
            let (record_tx, record_rx) = sync_channel::<Vec<(Record, u64)>>(QUEUED_CHUNKS);
            let writer = scope.spawn(move || write_records(&record_rx, sink, &mut on_record, hand_text));
            self.process_chunks(&pool, doc_rx, &record_tx, keep_text);
            drop(record_tx);
            writer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })?;
        summary.elapsed = started.elapsed();
        summary.stopped = stop::requested();
        Ok(summary)
    }
}

impl Pipeline {
    /// Processes the chunks of `doc_rx` on `pool` and hands their records to
    /// `record_tx` in input order. Each chunk is a task of its own, so that a
    /// thread done with its part of one chunk goes on with the next instead
    /// of waiting for the slowest article of the chunk; results come back in
    /// any order. Returns early when the writer has stopped (on an error,
    /// which its join reports) or a stop is requested.
    fn process_chunks(
        &self,
        pool: &rayon::ThreadPool,
        doc_rx: Receiver<Vec<Document>>,
        record_tx: &SyncSender<Vec<(Record, u64)>>,
        keep_text: bool,
    ) {
        let (done_tx, done_rx) = channel::<(u64, std::thread::Result<Vec<(Record, u64)>>)>();
        let in_flight_limit = 2 * pool.current_num_threads();
        pool.in_place_scope(|tasks| {
            let mut order = Reorder::default();
            let mut in_flight = 0;
            // Waits for one task and hands on what is ready; false once the
            // writer has stopped.
            let receive_one = |order: &mut Reorder| -> bool {
                let (seq, records) = done_rx.recv().expect("a task in flight sends its result");
                order.insert(seq, records.unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
                order.ready().all(|batch| record_tx.send(batch).is_ok())
            };
            let mut next_seq = 0u64;
            loop {
                // A chunk waiting is taken at once. With none waiting, the
                // records of the chunks in flight are handed on before waiting
                // for the next: a reader waiting for more input (a pipe whose
                // writer pauses) must not hold back what it has given.
                let chunk = match doc_rx.try_recv() {
                    Ok(chunk) => chunk,
                    Err(TryRecvError::Empty) if in_flight > 0 => {
                        in_flight -= 1;
                        if !receive_one(&mut order) {
                            return;
                        }
                        continue;
                    }
                    Err(TryRecvError::Empty) => match doc_rx.recv() {
                        Ok(chunk) => chunk,
                        Err(_) => break,
                    },
                    Err(TryRecvError::Disconnected) => break,
                };
                // A stop takes no chunk that is not yet being processed: the
                // records written are those of a prefix of the input.
                if stop::requested() {
                    break;
                }
                if in_flight >= in_flight_limit {
                    in_flight -= 1;
                    if !receive_one(&mut order) {
                        return;
                    }
                }
                let seq = next_seq;
                next_seq += 1;
                let done_tx = done_tx.clone();
                tasks.spawn(move |_| {
                    let records = catch_unwind(AssertUnwindSafe(|| {
                        chunk
                            .into_par_iter()
                            .map(|doc| {
                                let bytes = doc.bytes;
                                (self.process_keeping_text(doc, keep_text), bytes)
                            })
                            .collect()
                    }));
                    let _ = done_tx.send((seq, records));
                });
                in_flight += 1;
            }
            while in_flight > 0 {
                in_flight -= 1;
                if !receive_one(&mut order) {
                    return;
                }
            }
        });
    }
}

/// Sends the documents to `doc_tx` in chunks (of [`CHUNK_DOCS`] documents or
/// [`CHUNK_BYTES`] bytes), until they end, a stop is requested or the
/// receiver is gone.
fn read_chunks(documents: impl Iterator<Item = Document>, doc_tx: &SyncSender<Vec<Document>>) {
    let mut chunk = Vec::with_capacity(CHUNK_DOCS);
    let mut bytes = 0;
    for doc in documents {
        if stop::requested() {
            break;
        }
        bytes += doc.bytes;
        chunk.push(doc);
        if chunk.len() >= CHUNK_DOCS || bytes >= CHUNK_BYTES {
            if doc_tx.send(std::mem::take(&mut chunk)).is_err() {
                return;
            }
            bytes = 0;
        }
    }
    if !chunk.is_empty() {
        let _ = doc_tx.send(chunk);
    }
}

/// Writes the records of `record_rx` to `sink` in order (the clean text
/// handed apart when `hand_text`), calling `on_record` first; then finishes
/// the sink. The summary counts what was written.
fn write_records(
    record_rx: &Receiver<Vec<(Record, u64)>>,
    sink: &mut dyn Sink,
    on_record: &mut impl FnMut(&Record, u64),
    hand_text: bool,
) -> Result<Summary, Error> {
    let mut summary = Summary::default();
    for batch in record_rx {
        for (mut record, bytes) in batch {
            summary.add(&record, bytes);
            on_record(&record, bytes);
            if hand_text {
                let text = record.text.take().unwrap_or_default();
                sink.write_with_text(&record, &text)?;
            } else {
                sink.write_owned(record)?;
            }
        }
    }
    sink.finish()?;
    Ok(summary)
}

/// Batches finished out of order, handed on in order: `ready` yields the
/// batches that continue the sequence handed on so far.
#[derive(Default)]
struct Reorder {
    waiting: BTreeMap<u64, Vec<(Record, u64)>>,
    next: u64,
}

impl Reorder {
    fn insert(&mut self, seq: u64, batch: Vec<(Record, u64)>) {
        self.waiting.insert(seq, batch);
    }

    fn ready(&mut self) -> impl Iterator<Item = Vec<(Record, u64)>> + '_ {
        std::iter::from_fn(|| {
            let batch = self.waiting.remove(&self.next)?;
            self.next += 1;
            Some(batch)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explain_gives_the_records_events_and_says_why_it_cannot_trace_windows() {
        let pipeline = Pipeline::default();
        let text = "The U.S. Treasury sanctioned eight North Korean individuals on Thursday. \
                    Japan did not impose sanctions on Iran.";
        let explanation = pipeline.explain(Document::from_text("a", text)).unwrap();
        assert_eq!(
            explanation.events,
            pipeline.process(Document::from_text("a", text)).events
        );
        assert_eq!(explanation.events.len(), 1);
        assert_eq!(explanation.sentences.len(), 2);
        assert_eq!(explanation.sentences[1].rejected[0].why, "negated: `not` before it");
        let skipped = pipeline.explain(Document::from_text("b", "")).unwrap();
        assert_eq!(
            (skipped.status, skipped.status_detail.as_deref()),
            (Status::Skipped, Some("empty"))
        );
        let long = text.repeat(window::WINDOWED_ABOVE / text.len() + 1);
        let err = pipeline.explain(Document::from_text("c", long)).unwrap_err();
        assert!(matches!(err, ExplainError::Windowed { .. }), "{err}");
    }

    fn html_doc(html: &str, url: Option<&str>, published: Option<&str>) -> Document {
        let mut doc = Document::from_text("h", "");
        doc.content = Content::Html(html.into());
        doc.source.url = url.map(str::to_string);
        doc.source.published = published.map(str::to_string);
        doc
    }

    #[test]
    fn published_is_iso_whatever_the_input_wrote() {
        let page = "<html><body><p>The EU adopted its sanctions package against Russia on Friday, officials said.</p></body></html>";
        let cases = [
            // The input's own date, written out, becomes ISO.
            (None, Some("December 3, 2019"), Some("2019-12-03")),
            (
                None,
                Some("Tue, 19 Nov 2019 14:00:00 GMT"),
                Some("2019-11-19T14:00:00Z"),
            ),
            (None, Some("2025-11-07"), Some("2025-11-07")),
            // A page without a date of its own: the input URL's date.
            (
                Some("https://news.example/2024/02/23/eu-sanctions"),
                None,
                Some("2024-02-23"),
            ),
            (Some("https://news.example/eu-sanctions"), None, None),
        ];
        for (url, published, expected) in cases {
            let record = pipeline().process(html_doc(page, url, published));
            assert_eq!(record.source.published.as_deref(), expected, "{url:?} {published:?}");
        }
    }

    #[test]
    fn batches_finished_out_of_order_go_on_in_order() {
        let batch = |n: usize| vec![(pipeline().process(Document::from_text(n.to_string(), "")), 0u64); n];
        let mut order = Reorder::default();
        order.insert(1, batch(2));
        order.insert(2, batch(3));
        assert_eq!(order.ready().count(), 0, "batch 0 is missing");
        order.insert(0, batch(1));
        let sizes: Vec<usize> = order.ready().map(|b| b.len()).collect();
        assert_eq!(sizes, [1, 2, 3]);
        order.insert(4, batch(5));
        assert_eq!(order.ready().count(), 0, "batch 3 is missing");
        order.insert(3, batch(4));
        let sizes: Vec<usize> = order.ready().map(|b| b.len()).collect();
        assert_eq!(sizes, [4, 5]);
    }

    fn pipeline() -> Pipeline {
        Pipeline::new(Config {
            emit_text: true,
            ..Config::default()
        })
    }

    #[test]
    fn english_text_is_ok_with_clean_text() {
        let doc = Document::from_text(
            "a",
            "The U. S. Treasury sanctioned \u{201C}eight\u{201D} individuals on Thursday.\n\nSource link",
        );
        let record = pipeline().process(doc);
        assert_eq!(record.status, Status::Ok);
        assert_eq!(record.status_detail, None);
        assert_eq!(record.language.as_ref().unwrap().code, "eng");
        assert_eq!(
            record.text.as_deref(),
            Some("The U.S. Treasury sanctioned \"eight\" individuals on Thursday.")
        );
    }

    #[test]
    fn empty_and_foreign_text_are_skipped() {
        let empty = pipeline().process(Document::from_text("e", "  \n Leave a Reply \n"));
        assert_eq!(
            (empty.status, empty.status_detail.as_deref()),
            (Status::Skipped, Some("empty"))
        );
        let german = pipeline().process(Document::from_text(
            "de",
            "Die Europäische Union hat am Donnerstag neue Sanktionen gegen Nordkorea beschlossen, die sich gegen sechs Personen und drei Organisationen richten.",
        ));
        assert_eq!(
            (german.status, german.status_detail.as_deref()),
            (Status::Skipped, Some("language:deu"))
        );
    }

    #[test]
    fn failed_documents_become_error_records() {
        let mut doc = Document::from_text("x", "");
        doc.content = Content::Failed("x.txt: read error: boom".into());
        let record = pipeline().process(doc);
        assert_eq!(record.status, Status::Error);
        assert_eq!(record.status_detail.as_deref(), Some("x.txt: read error: boom"));
    }

    #[test]
    fn html_metadata_fills_the_source() {
        let mut doc = Document::from_text("h", "");
        doc.content = Content::Html(
            r#"<html><head><title>Title</title><meta property="article:published_time" content="2024-01-30">
               <meta name="author" content="Jane Doe"></head>
               <body><p>The UK imposed fresh sanctions on Iran, targeting seven officials and one organisation.</p></body></html>"#
                .into(),
        );
        doc.source.url = Some("https://input.example/a".into());
        let record = pipeline().process(doc);
        assert_eq!(record.source.title.as_deref(), Some("Title"));
        assert_eq!(record.source.published.as_deref(), Some("2024-01-30"));
        assert_eq!(record.source.url.as_deref(), Some("https://input.example/a"));
        assert_eq!(
            record.source.extra.get("author").and_then(|v| v.as_str()),
            Some("Jane Doe")
        );
        assert_eq!(
            record.text.as_deref(),
            Some("Title\n\nThe UK imposed fresh sanctions on Iran, targeting seven officials and one organisation.")
        );
    }
}
