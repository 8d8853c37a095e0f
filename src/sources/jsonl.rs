//! JSONL dumps: one article per line, `{"id", "url", "title", "published",
//! "text"}` or `"html"` instead of `"text"`; other fields go to `source.extra`.
//!
//! A line that cannot be used (malformed JSON, a wrong type, no body) becomes a
//! failed document naming the file and line; the lines after it are still read.

use super::decode::ReadError;
use super::{Content, Document, Limits};
use crate::record::Source;
use serde_json::{Map, Value};
use std::io::{BufRead, BufReader, Read};

/// The metadata fields shared by JSONL lines and `.meta.json` sidecars.
#[derive(Debug, Default)]
pub struct Metadata {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub extra: Map<String, Value>,
}

impl Metadata {
    pub fn into_source(self, path: &str) -> Source {
        Source {
            path: Some(path.to_string()),
            url: self.url,
            title: self.title,
            published: self.published,
            extra: self.extra,
        }
    }
}

/// Takes the named metadata fields out of `object`; what remains is `extra`.
pub fn take_metadata(object: &mut Map<String, Value>) -> Result<Metadata, String> {
    let id = match object.remove("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => return Err(format!("`id` must be a string or a number, found {}", kind(&other))),
    };
    let mut string = |key: &str| match object.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("`{key}` must be a string, found {}", kind(&other))),
    };
    let url = string("url")?;
    let title = string("title")?;
    let published = string("published")?;
    Ok(Metadata {
        id,
        url,
        title,
        published,
        extra: std::mem::take(object),
    })
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// How a JSONL stream is named: `path` in each record's `source.path` (as the
/// user gave it: `-` for standard input), `shown` in error details and
/// locations (`stdin:3`), `rel` before the line number in the ids of lines
/// without one (`rel:LINE`).
pub struct Names {
    pub path: String,
    pub shown: String,
    pub rel: String,
}

/// Reads the documents of a JSONL stream.
pub fn read(reader: Box<dyn Read + Send>, names: Names, limits: Limits) -> impl Iterator<Item = Document> + Send {
    let Names { path, shown, rel } = names;
    Lines {
        reader: BufReader::new(reader),
        path,
        shown,
        rel,
        line: 0,
        done: false,
        limits,
        buf: Vec::new(),
    }
}

struct Lines {
    reader: BufReader<Box<dyn Read + Send>>,
    path: String,
    shown: String,
    rel: String,
    line: u64,
    done: bool,
    limits: Limits,
    buf: Vec<u8>,
}

impl Iterator for Lines {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        while !self.done {
            self.buf.clear();
            let limit = self.limits.max_article_bytes;
            let read = (&mut self.reader)
                .take(limit.saturating_add(1))
                .read_until(b'\n', &mut self.buf);
            let default_id = format!("{}:{}", self.rel, self.line + 1);
            match read {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    if self.buf.len() as u64 > limit && self.buf.last() != Some(&b'\n') {
                        let skipped = skip_line(&mut self.reader);
                        let err = ReadError::TooLarge(limit);
                        let detail = format!("{}:{}: {err}", self.shown, self.line);
                        if let Err(e) = skipped {
                            self.done = true;
                            return Some(self.failed(default_id, format!("{detail}; then {e}")));
                        }
                        return Some(self.failed(default_id, detail));
                    }
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.document(default_id));
                }
                Err(err) => {
                    self.done = true;
                    self.line += 1;
                    let detail = format!("{}:{}: {}", self.shown, self.line, ReadError::Io(err));
                    return Some(self.failed(default_id, detail));
                }
            }
        }
        None
    }
}

impl Lines {
    fn failed(&self, doc_id: String, detail: String) -> Document {
        Document::failed(doc_id, &self.path, self.location(), detail)
    }

    /// `dump.jsonl:17`: the line read last.
    fn location(&self) -> String {
        format!("{}:{}", self.shown, self.line)
    }

    fn document(&self, default_id: String) -> Document {
        let bytes = self.buf.len() as u64;
        let (mut object, lossy_utf8) = match parse_object(&self.buf) {
            Ok(parsed) => parsed,
            Err(e) => return self.failed(default_id, format!("{}:{}: {e}", self.shown, self.line)),
        };
        let text = object.remove("text");
        let html = object.remove("html");
        let meta = match take_metadata(&mut object) {
            Ok(meta) => meta,
            Err(e) => return self.failed(default_id, format!("{}:{}: {e}", self.shown, self.line)),
        };
        let doc_id = meta.id.clone().unwrap_or(default_id);
        let content = match (text, html) {
            (Some(Value::String(text)), _) => Ok(Content::Text(text)),
            (Some(t), _) if !t.is_null() => Err(format!("`text` must be a string, found {}", kind(&t))),
            (_, Some(Value::String(html))) => Ok(Content::Html(html)),
            (_, Some(h)) if !h.is_null() => Err(format!("`html` must be a string, found {}", kind(&h))),
            _ => Err("no `text` or `html` field".to_string()),
        };
        match content {
            Ok(content) => Document {
                doc_id,
                source: meta.into_source(&self.path),
                content,
                lossy_utf8,
                bytes,
                location: self.location(),
            },
            Err(e) => self.failed(doc_id, format!("{}:{}: {e}", self.shown, self.line)),
        }
    }
}

/// Parses one line as a JSON object, decoding invalid UTF-8 lossily if needed.
fn parse_object(line: &[u8]) -> Result<(Map<String, Value>, bool), String> {
    let (value, lossy) = match serde_json::from_slice::<Value>(line) {
        Ok(value) => (value, false),
        Err(err) if std::str::from_utf8(line).is_err() => {
            let text = String::from_utf8_lossy(line);
            let value = serde_json::from_str(&text).map_err(|_| format!("invalid JSON: {err}"))?;
            (value, true)
        }
        Err(err) => return Err(format!("invalid JSON: {err}")),
    };
    match value {
        Value::Object(object) => Ok((object, lossy)),
        other => Err(format!("expected a JSON object, found {}", kind(&other))),
    }
}

/// Discards the rest of an over-long line.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        if let Some(at) = chunk.iter().position(|b| *b == b'\n') {
            reader.consume(at + 1);
            return Ok(());
        }
        let len = chunk.len();
        reader.consume(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file's names: its path everywhere.
    fn names(path: &str) -> Names {
        Names {
            path: path.into(),
            shown: path.into(),
            rel: path.into(),
        }
    }

    fn docs(input: &str) -> Vec<Document> {
        read(
            Box::new(std::io::Cursor::new(input.as_bytes().to_vec())),
            names("d.jsonl"),
            Limits::default(),
        )
        .collect()
    }

    #[test]
    fn lines_become_documents() {
        let input = "{\"id\": \"a\", \"url\": \"u\", \"published\": \"2024-01-02\", \"text\": \"T\", \"lang\": \"en\"}\n\
                     \n\
                     {\"html\": \"<p>H</p>\", \"id\": 7}\n\
                     {\"text\": \"no id\"}";
        let docs = docs(input);
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[0].doc_id, "a");
        assert_eq!(docs[0].content, Content::Text("T".into()));
        assert_eq!(docs[0].source.published.as_deref(), Some("2024-01-02"));
        assert_eq!(docs[0].source.extra["lang"], "en");
        assert_eq!(docs[1].doc_id, "7");
        assert_eq!(docs[1].content, Content::Html("<p>H</p>".into()));
        assert_eq!(docs[2].doc_id, "d.jsonl:4");
        let locations: Vec<&str> = docs.iter().map(|d| d.location.as_str()).collect();
        assert_eq!(locations, ["d.jsonl:1", "d.jsonl:3", "d.jsonl:4"]);
    }

    #[test]
    fn bad_lines_fail_alone() {
        let input = "{\"id\": \"a\", \"text\": \"ok\"}\n{oops\n{\"id\": \"c\", \"text\": 5}\n[1]\n{\"id\": \"e\"}\n{\"id\": \"f\", \"text\": \"ok\"}\n";
        let docs = docs(input);
        let ids: Vec<&str> = docs.iter().map(|d| d.doc_id.as_str()).collect();
        assert_eq!(ids, ["a", "d.jsonl:2", "c", "d.jsonl:4", "e", "f"]);
        let detail = |i: usize| match &docs[i].content {
            Content::Failed(d) => d.clone(),
            other => panic!("expected a failure, got {other:?}"),
        };
        assert!(detail(1).starts_with("d.jsonl:2: invalid JSON: "), "{}", detail(1));
        assert_eq!(detail(2), "d.jsonl:3: `text` must be a string, found a number");
        assert_eq!(detail(3), "d.jsonl:4: expected a JSON object, found an array");
        assert_eq!(detail(4), "d.jsonl:5: no `text` or `html` field");
        assert_eq!(docs[5].content, Content::Text("ok".into()));
    }

    #[test]
    fn over_long_lines_fail_and_reading_goes_on() {
        let long = format!(
            "{{\"text\": \"{}\"}}\n{{\"id\": \"next\", \"text\": \"ok\"}}\n",
            "x".repeat(100)
        );
        let docs: Vec<Document> = read(
            Box::new(std::io::Cursor::new(long.into_bytes())),
            names("d.jsonl"),
            Limits {
                max_article_bytes: 50,
                ..Limits::default()
            },
        )
        .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0].content,
            Content::Failed("d.jsonl:1: article larger than the limit of 50 bytes".into())
        );
        assert_eq!(docs[1].doc_id, "next");
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily() {
        let mut line = b"{\"id\": \"x\", \"text\": \"caf".to_vec();
        line.extend_from_slice(b"\xe9\"}\n");
        let docs: Vec<Document> = read(Box::new(std::io::Cursor::new(line)), names("d"), Limits::default()).collect();
        assert_eq!(docs[0].content, Content::Text("caf\u{FFFD}".into()));
        assert!(docs[0].lossy_utf8);
    }
}
