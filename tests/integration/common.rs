//! Helpers shared by the integration tests: running the binary, reading its
//! records (each checked against the record contract), building inputs.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, Stdio};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `sanctions-extract ARGS` in `cwd`, feeding `stdin` if given.
pub fn run(args: &[&str], cwd: &Path, stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sanctions-extract"))
        .args(args)
        .current_dir(cwd)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Runs `extract INPUTS --jsonl - --emit-text` and returns the records, each
/// validated against RECORD.md section 2.
pub fn extract(inputs: &[&str], cwd: &Path) -> (Vec<Value>, Run) {
    let mut args = vec!["extract"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["--jsonl", "-", "--emit-text", "--quiet"]);
    let run = run(&args, cwd, None);
    (parse_records(&run.stdout), run)
}

pub fn parse_records(jsonl: &str) -> Vec<Value> {
    jsonl
        .lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line).expect("each output line is JSON");
            if let Err(why) = crate::contract::validate(&value) {
                panic!("record violates the contract: {why}\n{line}");
            }
            value
        })
        .collect()
}

/// The record with this doc_id.
pub fn by_id<'a>(records: &'a [Value], doc_id: &str) -> &'a Value {
    records.iter().find(|r| r["doc_id"] == doc_id).unwrap_or_else(|| {
        panic!(
            "no record {doc_id} among {:?}",
            records.iter().map(|r| &r["doc_id"]).collect::<Vec<_>>()
        )
    })
}

pub fn status(record: &Value) -> (&str, Option<&str>) {
    (record["status"].as_str().unwrap(), record["status_detail"].as_str())
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

pub fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::stream::encode_all(bytes, 3).unwrap()
}

/// One WARC `response` record holding an HTTP response with `html`.
pub fn warc_response(id: &str, url: &str, html: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Date: 2024-04-03T12:00:00Z\r\n\
         WARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    out.extend_from_slice(http.as_bytes());
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A WARC `request` record, which is not an article.
pub fn warc_request(url: &str) -> Vec<u8> {
    let http = format!("GET {url} HTTP/1.1\r\nHost: example.com\r\n\r\n");
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: request\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=request\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    out.extend_from_slice(http.as_bytes());
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An English news paragraph long enough for a confident language check.
pub const ENGLISH: &str = "The U.S. Treasury Department sanctioned eight North Korean individuals and two entities on Thursday, \
saying they laundered stolen cryptocurrency to fund the country's weapons programs.";

pub fn page(title: &str, published: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{title} | Example News</title>\
         <meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"article:published_time\" content=\"{published}\">\
         <link rel=\"canonical\" href=\"https://news.example/{published}/story\"></head>\
         <body><nav><a href=\"/\">Home</a><a href=\"/world\">World</a></nav>\
         <div class=\"social-share\"><a href=\"#\">Share on Facebook</a></div>\
         <article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>\
         <footer>Copyright Example News</footer></body></html>"
    )
}

/// `rel` inside the shared data folder, if it is there: third-party text (real
/// news, peer suites, the HTML benchmark) is not kept in the repository but read
/// from `$SANCTIONS_SHARED`, by default `../shared` beside the repository.
///
/// Where it is absent the calling test says so on the terminal (written past
/// the harness's capture, so `cargo test` shows it) and is skipped by returning
/// `None`; under CI (`CI` set), which has the folder, a missing one fails.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let base = std::env::var_os("SANCTIONS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = base.join(rel);
    if path.exists() {
        return Some(path);
    }
    let why = format!(
        "{} not found (third-party data is read from $SANCTIONS_SHARED, by default ../shared beside the repository)",
        path.display()
    );
    assert!(std::env::var_os("CI").is_none(), "{why}; CI must have it");
    let test = std::thread::current().name().unwrap_or("a test").to_string();
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
    None
}

/// Articles in corpus/articles: the five seeds and the project's own 50 (one
/// of which, in Spanish, is skipped). Tests that run the whole corpus count
/// on it; `own_articles` reads the same folder without the pipeline.
pub const CORPUS_ARTICLES: i64 = 55;

/// The `doc_id`s of the articles in the SQLite database at `db`, sorted.
pub fn doc_ids(db: &Path) -> Vec<String> {
    rusqlite::Connection::open(db)
        .unwrap_or_else(|e| panic!("{}: {e}", db.display()))
        .prepare("SELECT doc_id FROM articles ORDER BY doc_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The JSONL lines of `path`, parsed.
pub fn json_lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}

/// The project's own English articles (corpus/articles: the seeds' texts and
/// the JSONL dumps the project wrote, without those whose gold expects them
/// skipped, as another language), as JSONL input lines with `id`,
/// `published` and `text`, sorted by id.
pub fn own_articles() -> Vec<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles");
    let mut articles: Vec<Value> = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    for path in files {
        match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl") => articles.extend(json_lines(&path)),
            Some("txt") => {
                let id = path.file_stem().unwrap().to_string_lossy().to_string();
                let text = std::fs::read_to_string(&path).unwrap();
                let meta = path.with_extension("meta.json");
                let published = std::fs::read_to_string(meta)
                    .ok()
                    .and_then(|m| serde_json::from_str::<Value>(&m).ok())
                    .map_or(Value::Null, |m| m["published"].clone());
                articles.push(serde_json::json!({"id": id, "published": published, "text": text}));
            }
            _ => {}
        }
    }
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/gold");
    let mut not_english: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(gold).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with("own-") {
            for line in json_lines(&path) {
                if line.get("expect_status").is_some_and(|s| s != "ok") {
                    not_english.push(line["doc_id"].as_str().unwrap().to_string());
                }
            }
        }
    }
    articles.retain(|a| !not_english.iter().any(|id| a["id"] == id.as_str()));
    articles.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    articles
}

/// A JSONL dump of `count` articles with distinct ids, made of the corpus's
/// texts, for runs that take a while.
pub fn big_dump(count: usize) -> String {
    let articles = own_articles();
    let mut out = String::new();
    for i in 0..count {
        let mut article = articles[i % articles.len()].clone();
        let id = format!("copy-{i:05}-{}", article["id"].as_str().unwrap());
        article["id"] = Value::String(id);
        out.push_str(&article.to_string());
        out.push('\n');
    }
    out
}

/// The articles of a resume test's dump (`big_dump`): enough for several
/// committed batches (512 records each) before the run ends.
pub const ARTICLES: i64 = 2500;

/// Starts `sanctions-extract ARGS` with the test hook that pauses the run
/// after its first commit, kills it there with SIGKILL, and returns how many
/// articles it left behind (as `stored` counts them): one whole batch.
pub fn kill_mid_run(args: &[&str], cwd: &Path, stored: impl Fn() -> i64) -> i64 {
    let mut run = Paused::start(args, cwd);
    run.kill(); // SIGKILL: no clean-up runs
    let left = stored();
    assert!(
        0 < left && left < ARTICLES,
        "killed half-way: {left} of {ARTICLES} stored"
    );
    left
}

/// A run of the binary paused by its test hook (`SANCTIONS_TEST_PAUSE_AFTER_COMMIT`)
/// right after its first commit, waiting for a line on its standard input: a
/// test interrupts, kills or cuts it off at that known point, never racing it.
pub struct Paused {
    child: Child,
    stderr: BufReader<ChildStderr>,
    /// What the run printed on standard error so far.
    pub seen: String,
    /// For a run reading its input from standard input: see [`Reading`].
    reading: Option<Reading>,
}

/// A run whose standard input is its input ([`Paused::start_reading`]): the
/// FIFO its hook waits on instead, the writer of the input, which keeps
/// standard input open (never at its end) until the run has ended, and a
/// watchdog. A run that does not stop waits for more input for ever; the
/// watchdog kills it after five minutes so that the test fails instead of
/// hanging (not a timing of the test: a run that stops ends in seconds).
struct Reading {
    fifo: PathBuf,
    stdin: std::thread::JoinHandle<std::process::ChildStdin>,
    /// Set once the run has ended, before it is reaped (so that the
    /// watchdog can never signal another process given its pid).
    ended: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Set by the watchdog when it killed the run.
    killed: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

/// How long a run reading standard input may take before the watchdog kills it.
const WATCHDOG: std::time::Duration = std::time::Duration::from_secs(300);

impl Paused {
    /// Starts `sanctions-extract ARGS` in `cwd` and waits until it pauses.
    pub fn start(args: &[&str], cwd: &Path) -> Paused {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sanctions-extract"))
            .args(args)
            .current_dir(cwd)
            .env(sanctions_extract::stop::PAUSE_AFTER_COMMIT, "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("binary starts");
        let stderr = BufReader::new(child.stderr.take().unwrap());
        let mut paused = Paused {
            child,
            stderr,
            seen: String::new(),
            reading: None,
        };
        paused.wait_for(sanctions_extract::stop::PAUSED);
        paused
    }

    /// Starts `sanctions-extract ARGS` in `cwd` reading `input` from its
    /// standard input, which stays open after it (the run never sees its end),
    /// and waits until it pauses. The hook waits on a FIFO made in `cwd`, not
    /// on standard input, which is the run's input.
    pub fn start_reading(args: &[&str], cwd: &Path, input: Vec<u8>) -> Paused {
        let fifo = cwd.join("test-hook.fifo");
        let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mkfifo(3) on a NUL-terminated path.
        assert_eq!(
            unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) },
            0,
            "mkfifo {}",
            fifo.display()
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_sanctions-extract"))
            .args(args)
            .current_dir(cwd)
            .env(sanctions_extract::stop::PAUSE_AFTER_COMMIT, &fifo)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("binary starts");
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            stdin.write_all(&input).unwrap();
            stdin
        });
        let ended = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let killed = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (pid, watched, fifo_read) = (child.id() as i32, ended.clone(), fifo.clone());
        let kills = killed.clone();
        std::thread::spawn(move || {
            std::thread::sleep(WATCHDOG);
            if !watched.load(std::sync::atomic::Ordering::SeqCst) {
                kills.store(true, std::sync::atomic::Ordering::SeqCst);
                // SAFETY: kill(2) on the test's child, not yet reaped.
                unsafe { libc::kill(pid, libc::SIGKILL) };
                // A test waiting to open the FIFO for the hook goes on.
                use std::os::unix::fs::OpenOptionsExt;
                let _ = std::fs::OpenOptions::new()
                    .read(true)
                    .custom_flags(libc::O_NONBLOCK)
                    .open(&fifo_read);
            }
        });
        let stderr = BufReader::new(child.stderr.take().unwrap());
        let mut paused = Paused {
            child,
            stderr,
            seen: String::new(),
            reading: Some(Reading {
                fifo,
                stdin: writer,
                ended,
                killed,
            }),
        };
        paused.wait_for(sanctions_extract::stop::PAUSED);
        paused
    }

    /// Reads standard error until a line holds `text`; fails if the run ends
    /// first.
    pub fn wait_for(&mut self, text: &str) {
        loop {
            let mut line = String::new();
            let n = self.stderr.read_line(&mut line).unwrap();
            self.seen.push_str(&line);
            assert!(n > 0, "the run ended before it printed {text:?}:\n{}", self.seen);
            if line.contains(text) {
                return;
            }
        }
    }

    /// Sends `signal` (`libc::SIGINT`...) to the run.
    pub fn signal(&self, signal: i32) {
        // SAFETY: kill(2) on a child this test started and has not reaped.
        let sent = unsafe { libc::kill(self.child.id() as i32, signal) };
        assert_eq!(sent, 0, "kill({}, {signal})", self.child.id());
    }

    /// Lets the run go on past its pause.
    pub fn release(&mut self) {
        match &self.reading {
            // Opening the FIFO meets the hook's open; closing it ends its read.
            Some(reading) => drop(std::fs::OpenOptions::new().write(true).open(&reading.fifo).unwrap()),
            None => drop(self.child.stdin.take()),
        }
    }

    /// Kills the run with SIGKILL and waits for it.
    pub fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Waits for the run to end; its status and everything it printed on
    /// standard error.
    pub fn finish(mut self) -> Run {
        self.release();
        let Paused {
            mut child,
            mut stderr,
            mut seen,
            reading,
        } = self;
        let Some(reading) = reading else {
            stderr.read_to_string(&mut seen).unwrap();
            let status = child.wait().unwrap();
            return Run {
                code: status.code().unwrap_or(-1),
                stdout: String::new(),
                stderr: seen,
            };
        };
        // Standard input stays open until the run has ended.
        let stdin = reading.stdin.join().unwrap();
        stderr.read_to_string(&mut seen).unwrap();
        reading.ended.store(true, std::sync::atomic::Ordering::SeqCst);
        let status = child.wait().unwrap();
        drop(stdin);
        assert!(
            !reading.killed.load(std::sync::atomic::Ordering::SeqCst),
            "the run had not ended {WATCHDOG:?} after it started, its standard input open:\n{seen}"
        );
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::new(),
            stderr: seen,
        }
    }
}

/// The summary of the run started again says how many it skipped.
pub fn resume(args: &[&str], cwd: &Path, left: i64) {
    let again = run(args, cwd, None);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains(&format!("{ARTICLES} articles read: {} ok", ARTICLES - left))
            && again.stderr.contains(&format!(", {left} already stored\n")),
        "{}",
        again.stderr
    );
}
