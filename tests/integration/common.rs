//! Helpers shared by the integration tests: running the binary, reading its
//! records (each checked against the record contract), building inputs.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

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

/// The PostgreSQL server the tests may use (`SANCTIONS_TEST_POSTGRES_URL`,
/// which `.ci/run` always sets). Without one, a test says it is skipped and
/// returns; in CI (`CI` set) a missing server is a failure, never a pass.
pub fn postgres_url() -> Option<String> {
    match std::env::var("SANCTIONS_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI must set SANCTIONS_TEST_POSTGRES_URL: .ci/run starts a PostgreSQL server")
        }
        _ => {
            eprintln!("skipped: no PostgreSQL server (set SANCTIONS_TEST_POSTGRES_URL to run this test)");
            None
        }
    }
}

/// A new, empty database `name` on the test server; returns its URL.
pub fn fresh_database(server: &str, name: &str) -> String {
    let mut admin = postgres::Client::connect(server, postgres::NoTls).expect("the test server answers");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let (base, query) = match server.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (server, String::new()),
    };
    let (authority, _) = base
        .rsplit_once('/')
        .filter(|(a, _)| a.contains("://") && !a.ends_with('/'))
        .unwrap_or((base, ""));
    format!("{authority}/{name}{query}")
}

/// Every row of every table but `runs`, as JSON text (`to_jsonb`), sorted.
pub fn postgres_dump(url: &str) -> Vec<String> {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let mut rows = Vec::new();
    for table in sanctions_extract::sinks::rows::ALL_TABLES {
        if table.name == "runs" {
            continue;
        }
        for row in client
            .query(
                &format!("SELECT to_jsonb(t)::text FROM {} t ORDER BY 1", table.name),
                &[],
            )
            .unwrap()
        {
            rows.push(format!("{}: {}", table.name, row.get::<_, String>(0)));
        }
    }
    rows
}

pub fn postgres_count(url: &str, sql: &str) -> i64 {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    client.query_one(sql, &[]).unwrap().get(0)
}

/// A JSONL dump of `count` articles with distinct ids, made of the corpus's
/// texts, for runs that take a while.
pub fn big_dump(count: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles");
    let mut articles: Vec<Value> = Vec::new();
    for dump in ["dev/articles.jsonl", "extra/articles.jsonl"] {
        for line in std::fs::read_to_string(root.join(dump)).unwrap().lines() {
            articles.push(serde_json::from_str(line).unwrap());
        }
    }
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
