//! Sources: read inputs (files, folders, standard input) and yield one
//! [`Document`] per article, in a deterministic order.
//!
//! Every article the inputs hold comes out as a document, including the ones that
//! cannot be read: those carry [`Content::Failed`] with a detail naming the file
//! (and line or record), so the pipeline writes an `error` record for them and the
//! batch goes on. Files a folder holds in an unknown format are reported through
//! the warning callback, once each, and skipped.

mod decode;
mod jsonl;
mod text;
mod warc;

pub(crate) use decode::Compression;
pub use jsonl::Line;

use crate::error::Error;
use crate::record::Source;
use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::path::{Path, PathBuf};

/// One article as read from an input, before any processing.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The article's identifier, as the record's `doc_id`.
    pub doc_id: String,
    /// Where it came from and the metadata the input gave, as the record's `source`.
    pub source: Source,
    /// Its text or page, or why there is none.
    pub content: Content,
    /// Whether invalid UTF-8 was replaced while decoding.
    pub lossy_utf8: bool,
    /// Input bytes this article took (for throughput figures).
    pub bytes: u64,
    /// Where the article is in the input, for messages: `dump.jsonl:17`,
    /// `crawl.warc.gz#3`, `pages/a.html`.
    pub location: String,
}

/// The body of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// Plain text (a `.txt` file, a JSONL line's `text`).
    Text(String),
    /// An HTML page (a `.html` file, a JSONL line's `html`, a WARC response),
    /// whose main text the pipeline extracts.
    Html(String),
    /// Read, but not an article to process (`http_status:404`).
    Skipped(String),
    /// Could not be read; the detail names the file and says why.
    Failed(String),
}

impl Document {
    /// A plain-text document with no metadata, for library users.
    pub fn from_text(doc_id: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let doc_id = doc_id.into();
        Document {
            location: doc_id.clone(),
            doc_id,
            source: Source::default(),
            bytes: text.len() as u64,
            content: Content::Text(text),
            lossy_utf8: false,
        }
    }

    fn failed(doc_id: String, path: &str, location: String, detail: String) -> Self {
        Document {
            doc_id,
            location,
            source: Source {
                path: Some(path.to_string()),
                ..Source::default()
            },
            content: Content::Failed(detail),
            lossy_utf8: false,
            bytes: 0,
        }
    }
}

/// Something worth telling the user that does not produce a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A file in a folder whose format is not an input form.
    UnsupportedFile(PathBuf),
    /// A `NAME.meta.json` sidecar with no `NAME.txt` beside it.
    OrphanSidecar(PathBuf),
    /// An input (a folder, a file, `-` for standard input) that held no article.
    NoArticles(PathBuf),
    /// An article whose doc_id an earlier article of the same run has: it keeps
    /// its place under `renamed` (`ID~2`, `ID~3`...) instead of replacing the
    /// earlier one in a database.
    RepeatedId {
        /// Where the later article is (`dump.jsonl:17`).
        location: String,
        /// The id it gave.
        doc_id: String,
        /// The id it is kept under.
        renamed: String,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnsupportedFile(p) => write!(f, "{}: skipped, not a supported input format", p.display()),
            Warning::OrphanSidecar(p) => write!(f, "{}: skipped, metadata sidecar without a .txt article", p.display()),
            Warning::NoArticles(p) if p.as_os_str() == "-" => write!(f, "standard input: no articles found"),
            Warning::NoArticles(p) if p.is_dir() => write!(
                f,
                "{}: no articles found (looked for .txt, .html, .htm, .jsonl, .ndjson, .warc, optionally .gz or .zst)",
                p.display()
            ),
            Warning::NoArticles(p) => write!(f, "{}: no articles found", p.display()),
            Warning::RepeatedId {
                location,
                doc_id,
                renamed,
            } => write!(
                f,
                "{location}: doc_id {doc_id:?} is taken by an earlier article of this run; this one is kept as {renamed:?}"
            ),
        }
    }
}

/// The input formats, recognised by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Html,
    Jsonl,
    Warc,
}

/// What a file name says about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Article(Format, Compression),
    Sidecar,
    Unsupported,
}

/// Recognises a file by its name: `a.txt`, `b.jsonl.gz`, `c.warc.gz`, `d.html.zst`,
/// `a.meta.json`. Case does not matter.
pub(crate) fn classify(name: &str) -> Kind {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".meta.json") {
        return Kind::Sidecar;
    }
    let (inner, compression) = Compression::strip(&lower);
    let format = match inner.rsplit_once('.').map(|(_, ext)| ext) {
        Some("txt") => Format::Text,
        Some("html" | "htm") => Format::Html,
        Some("jsonl" | "ndjson") => Format::Jsonl,
        Some("warc") => Format::Warc,
        _ => return Kind::Unsupported,
    };
    Kind::Article(format, compression)
}

/// Limits that keep one bad input from exhausting memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest article (text, page, JSONL line, WARC record) read, in bytes.
    pub max_article_bytes: u64,
    /// Most bytes one compressed file may expand to: a small file that expands
    /// past it (a gzip bomb) ends in an `error` record, not a full disk or a
    /// day of decompression.
    pub max_decompressed_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_article_bytes: 64 * 1024 * 1024,
            max_decompressed_bytes: 16 * 1024 * 1024 * 1024,
        }
    }
}

/// The inputs of a run: paths to files or folders, `-` for JSONL on standard input.
#[derive(Debug, Clone)]
pub struct Inputs {
    paths: Vec<PathBuf>,
    limits: Limits,
}

/// Callback receiving warnings; it runs on the reading thread.
pub type OnWarning = Box<dyn FnMut(Warning) + Send>;

impl Inputs {
    /// The inputs at `paths`, read within `limits`.
    pub fn new(paths: impl IntoIterator<Item = impl Into<PathBuf>>, limits: Limits) -> Self {
        Inputs {
            paths: paths.into_iter().map(Into::into).collect(),
            limits,
        }
    }

    /// Checks that every input exists, before a run starts: a mistyped path is
    /// better refused at once than found missing after hours of work.
    pub fn check(&self) -> Result<(), Error> {
        for path in &self.paths {
            if path.as_os_str() != "-" {
                std::fs::metadata(path).map_err(|source| Error::Input {
                    path: path.clone(),
                    source,
                })?;
            }
        }
        Ok(())
    }

    /// The bytes the articles of the inputs take, when that is known before
    /// reading them (uncompressed text, HTML and JSONL files, as the same walk
    /// that reads them finds them): `None` for standard input, compressed files
    /// and WARC files, whose articles are not what the file takes.
    pub fn size(&self) -> Option<u64> {
        let mut total = 0;
        for input in &self.paths {
            if input.as_os_str() == "-" {
                return None;
            }
            for entry in folder_walk(input) {
                let entry = entry.ok()?;
                if !entry.file_type().is_file() {
                    continue;
                }
                match classify(&entry.file_name().to_string_lossy()) {
                    Kind::Article(Format::Warc, _) => return None,
                    Kind::Article(_, Compression::None) => total += entry.metadata().ok()?.len(),
                    Kind::Article(..) => return None,
                    Kind::Sidecar | Kind::Unsupported => {}
                }
            }
        }
        Some(total)
    }

    /// The documents of all inputs, in order: inputs as given, folder entries
    /// sorted by name, records in file order. doc_ids are unique within the
    /// stream: an article that repeats an earlier one's id is renamed `ID~2`
    /// (then `~3`...), with a warning naming where it is.
    pub fn documents(&self, on_warning: OnWarning) -> Documents {
        Documents {
            roots: self.paths.iter().cloned().collect(),
            walk: None,
            current: None,
            limits: self.limits,
            on_warning,
            root: None,
            ids: UniqueIds::default(),
        }
    }
}

type DocumentIter = Box<dyn Iterator<Item = Document> + Send>;
type FolderWalk = Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send>;

/// Iterator over the documents of [`Inputs`].
pub struct Documents {
    roots: VecDeque<PathBuf>,
    walk: Option<(PathBuf, FolderWalk)>,
    current: Option<DocumentIter>,
    limits: Limits,
    on_warning: OnWarning,
    /// The input being read, and how many documents it gave so far.
    root: Option<(PathBuf, u64)>,
    ids: UniqueIds,
}

impl Iterator for Documents {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        let mut doc = self.next_read()?;
        if let Some((_, found)) = &mut self.root {
            *found += 1;
        }
        if let Some(warning) = self.ids.admit(&mut doc) {
            (self.on_warning)(warning);
        }
        Some(doc)
    }
}

/// Keeps the doc_ids of a stream of documents unique: a database keeps one
/// article per doc_id, so an article that repeats an earlier one's id is
/// renamed `ID~2` (then `~3`...: the first suffix no article took).
#[derive(Default)]
struct UniqueIds {
    /// Hashes of the doc_ids given so far (8 bytes an article, where the ids
    /// themselves would take tens).
    ids: HashSet<u64>,
}

impl UniqueIds {
    /// Takes `doc`'s id, renaming it if an earlier document has it; the
    /// warning says so.
    fn admit(&mut self, doc: &mut Document) -> Option<Warning> {
        if self.ids.insert(id_hash(&doc.doc_id)) {
            return None;
        }
        let renamed = (2u64..)
            .map(|n| format!("{}~{n}", doc.doc_id))
            .find(|id| !self.ids.contains(&id_hash(id)))
            .expect("some suffix is free");
        self.ids.insert(id_hash(&renamed));
        Some(Warning::RepeatedId {
            location: doc.location.clone(),
            doc_id: std::mem::replace(&mut doc.doc_id, renamed.clone()),
            renamed,
        })
    }
}

/// A 64-bit hash of a doc_id (SipHash with fixed keys: the same in every run).
fn id_hash(doc_id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    doc_id.hash(&mut hasher);
    hasher.finish()
}

impl Documents {
    /// The next document as the inputs give it.
    fn next_read(&mut self) -> Option<Document> {
        loop {
            if let Some(current) = &mut self.current {
                match current.next() {
                    Some(doc) => return Some(doc),
                    None => self.current = None,
                }
            }
            if let Some((root, walk)) = &mut self.walk {
                match walk.next() {
                    Some(Ok(entry)) => {
                        if entry.file_type().is_file() {
                            let rel = relative_id(entry.path(), root);
                            self.current = self.open_in_folder(entry.path(), rel);
                        }
                    }
                    Some(Err(err)) => {
                        let path = err.path().unwrap_or(root).to_path_buf();
                        let shown = path.display().to_string();
                        return Some(Document::failed(
                            relative_id(&path, root),
                            &shown,
                            shown.clone(),
                            format!("{shown}: cannot read folder entry: {err}"),
                        ));
                    }
                    None => self.walk = None,
                }
                continue;
            }
            if let Some((done, 0)) = self.root.take() {
                (self.on_warning)(Warning::NoArticles(done));
            }
            let root = self.roots.pop_front()?;
            self.root = Some((root.clone(), 0));
            if root.as_os_str() == "-" {
                self.current = Some(self.open_stdin());
            } else if let Err(err) = std::fs::metadata(&root) {
                let shown = root.display().to_string();
                let detail = format!("{shown}: {err}");
                return Some(Document::failed(shown.clone(), &shown, shown.clone(), detail));
            } else if root.is_dir() {
                let walk = folder_walk(&root);
                self.walk = Some((root, Box::new(walk)));
            } else {
                let rel = root
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| root.display().to_string());
                self.current = Some(self.open_named(&root, rel));
            }
        }
    }
}

impl Documents {
    /// Standard input: JSONL, gzip or zstd compressed or not (told by the first
    /// bytes). Errors name it `stdin:LINE`, as its doc_ids do. It ends early
    /// when a stop is requested, even while waiting for more input.
    fn open_stdin(&self) -> DocumentIter {
        let names = jsonl::Names {
            path: "-".into(),
            shown: "stdin".into(),
            rel: "stdin".into(),
        };
        match decode::open_sniffed(Box::new(crate::stop::Stdin), self.limits.max_decompressed_bytes) {
            Ok(reader) => Box::new(jsonl::read(reader, names, self.limits)),
            Err(err) => {
                let detail = format!("stdin: cannot read: {err}");
                Box::new(std::iter::once(Document::failed(
                    "stdin".into(),
                    "-",
                    "stdin".into(),
                    detail,
                )))
            }
        }
    }

    /// Opens a file found in a folder: unknown formats are a warning, not a record.
    fn open_in_folder(&mut self, path: &Path, rel: String) -> Option<DocumentIter> {
        match classify(&path.file_name()?.to_string_lossy()) {
            Kind::Article(..) => Some(self.open_named(path, rel)),
            Kind::Sidecar => {
                if !text::has_article_for_sidecar(path) {
                    (self.on_warning)(Warning::OrphanSidecar(path.to_path_buf()));
                }
                None
            }
            Kind::Unsupported => {
                (self.on_warning)(Warning::UnsupportedFile(path.to_path_buf()));
                None
            }
        }
    }

    /// Opens a file the user named or a folder holds. A named file in an unknown
    /// format is an error record: the user asked for it.
    fn open_named(&self, path: &Path, rel: String) -> DocumentIter {
        let shown = path.display().to_string();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (format, compression) = match classify(&name) {
            Kind::Article(format, compression) => (format, compression),
            Kind::Sidecar | Kind::Unsupported => {
                let detail = format!(
                    "{shown}: not a supported input format (.txt, .html, .htm, .jsonl, .ndjson, .warc, optionally .gz or .zst)"
                );
                return Box::new(std::iter::once(Document::failed(rel, &shown, shown.clone(), detail)));
            }
        };
        let reader = match decode::open(path, compression, self.limits.max_decompressed_bytes) {
            Ok(reader) => reader,
            Err(err) => {
                let detail = format!("{shown}: cannot open: {err}");
                return Box::new(std::iter::once(Document::failed(rel, &shown, shown.clone(), detail)));
            }
        };
        match format {
            Format::Text => Box::new(std::iter::once(text::read_text(reader, path, &shown, rel, self.limits))),
            Format::Html => Box::new(std::iter::once(text::read_html(reader, &shown, rel, self.limits))),
            Format::Jsonl => Box::new(jsonl::read(
                reader,
                jsonl::Names {
                    path: shown.clone(),
                    shown,
                    rel,
                },
                self.limits,
            )),
            Format::Warc => Box::new(warc::read(reader, shown, rel, self.limits)),
        }
    }
}

/// The documents of a JSONL stream (any reader: a socket, a decompressor),
/// named `name` in ids (`name:LINE`) and error details.
pub fn jsonl_documents(
    reader: Box<dyn std::io::Read + Send>,
    name: &str,
    limits: Limits,
) -> impl Iterator<Item = Document> + Send {
    let names = jsonl::Names {
        path: name.to_string(),
        shown: name.to_string(),
        rel: name.to_string(),
    };
    jsonl::read(reader, names, limits)
}

/// The documents of JSONL lines given one by one, read elsewhere or already
/// parsed (the Python module's dicts), as the lines of a file named `name`
/// would be: `source.path` is `name`, a line without `id` is `name:LINE`,
/// details say `name:LINE: ...`, and a repeated doc_id is renamed `ID~2` with a
/// warning, as [`Inputs::documents`] does.
pub fn line_documents<L>(
    lines: L,
    name: &str,
    limits: Limits,
    mut on_warning: OnWarning,
) -> impl Iterator<Item = Document> + Send + use<L>
where
    L: Iterator<Item = Line> + Send,
{
    let names = jsonl::Names {
        path: name.to_string(),
        shown: name.to_string(),
        rel: name.to_string(),
    };
    let mut ids = UniqueIds::default();
    jsonl::documents(lines, names, limits).map(move |mut doc| {
        if let Some(warning) = ids.admit(&mut doc) {
            on_warning(warning);
        }
        doc
    })
}

/// The entries under `root` in the order a run reads them: by name, links
/// followed, hidden entries (`.git`) left out.
fn folder_walk(root: &Path) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send + use<> {
    walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
}

/// A document id from a path: relative to the input folder, `/`-separated.
fn relative_id(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_by_name() {
        assert_eq!(classify("a.txt"), Kind::Article(Format::Text, Compression::None));
        assert_eq!(classify("A.HTM"), Kind::Article(Format::Html, Compression::None));
        assert_eq!(
            classify("dump.ndjson.zst"),
            Kind::Article(Format::Jsonl, Compression::Zstd)
        );
        assert_eq!(
            classify("crawl.warc.gz"),
            Kind::Article(Format::Warc, Compression::Gzip)
        );
        assert_eq!(classify("a.meta.json"), Kind::Sidecar);
        assert_eq!(classify("notes.pdf"), Kind::Unsupported);
        assert_eq!(classify("archive.gz"), Kind::Unsupported);
        assert_eq!(classify("README"), Kind::Unsupported);
    }

    fn read_all(inputs: Inputs) -> (Vec<Document>, Vec<String>) {
        let warnings = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&warnings);
        let docs = inputs
            .documents(Box::new(move |w| sink.lock().unwrap().push(w.to_string())))
            .collect();
        let warnings = warnings.lock().unwrap().clone();
        (docs, warnings)
    }

    #[test]
    fn a_missing_input_is_refused_by_check_and_an_error_document_when_read() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.txt");
        let inputs = Inputs::new([&missing], Limits::default());
        let err = inputs.check().unwrap_err();
        assert!(matches!(&err, Error::Input { path, .. } if *path == missing));
        let shown = missing.display().to_string();
        assert_eq!(
            err.to_string(),
            format!("{shown}: No such file or directory (os error 2)")
        );
        let (docs, warnings) = read_all(inputs);
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs[0].content,
            Content::Failed(format!("{shown}: No such file or directory (os error 2)"))
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn repeated_ids_are_renamed_with_the_next_free_suffix() {
        let dir = tempfile::tempdir().unwrap();
        let dump = dir.path().join("d.jsonl");
        let line = |id: &str| format!("{{\"id\": \"{id}\", \"text\": \"t\"}}\n");
        // `a~2` is taken by the input itself, so the second `a` becomes `a~3`.
        std::fs::write(
            &dump,
            [line("a"), line("a~2"), line("a"), line("b"), line("a")].concat(),
        )
        .unwrap();
        let (docs, warnings) = read_all(Inputs::new([&dump], Limits::default()));
        let ids: Vec<&str> = docs.iter().map(|d| d.doc_id.as_str()).collect();
        assert_eq!(ids, ["a", "a~2", "a~3", "b", "a~4"]);
        let shown = dump.display();
        assert_eq!(
            warnings,
            [
                format!(
                    "{shown}:3: doc_id \"a\" is taken by an earlier article of this run; this one is kept as \"a~3\""
                ),
                format!(
                    "{shown}:5: doc_id \"a\" is taken by an earlier article of this run; this one is kept as \"a~4\""
                ),
            ]
        );
    }

    #[test]
    fn lines_given_one_by_one_get_unique_ids_too() {
        let warnings = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&warnings);
        let line = |id: &str| Line::Bytes(format!("{{\"id\": \"{id}\", \"text\": \"t\"}}").into_bytes());
        let lines = vec![line("a"), line("a"), line("b")];
        let on_warning: OnWarning = Box::new(move |w| sink.lock().unwrap().push(w.to_string()));
        let docs: Vec<Document> = line_documents(lines.into_iter(), "input", Limits::default(), on_warning).collect();
        let ids: Vec<&str> = docs.iter().map(|d| d.doc_id.as_str()).collect();
        assert_eq!(ids, ["a", "a~2", "b"]);
        assert_eq!(
            *warnings.lock().unwrap(),
            ["input:2: doc_id \"a\" is taken by an earlier article of this run; this one is kept as \"a~2\""]
        );
    }

    #[test]
    fn the_input_size_is_known_only_for_uncompressed_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, bytes: usize| {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, vec![b'x'; bytes]).unwrap();
            path
        };
        let size = |paths: &[&Path]| Inputs::new(paths.iter().copied(), Limits::default()).size();
        let (text, page, notes) = (file("a.txt", 100), file("b.html", 20), file("notes.csv", 5));
        // Hidden folders are not read, so not counted.
        file(".git/c.txt", 1000);
        assert_eq!(size(&[dir.path()]), Some(120));
        assert_eq!(size(&[&text, &page, &notes]), Some(120));
        let packed = file("c.jsonl.gz", 10);
        assert_eq!(size(&[&text, &packed]), None);
        assert_eq!(size(&[&text, Path::new("-")]), None);
    }

    #[test]
    fn relative_ids_use_slashes() {
        assert_eq!(
            relative_id(Path::new("corpus/seeds/a.txt"), Path::new("corpus")),
            "seeds/a.txt"
        );
    }
}
