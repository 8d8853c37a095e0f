//! JSONL dumps: one article per line, `{"id", "url", "title", "published",
//! "text"}` or `"html"` instead of `"text"`; other fields go to `source.extra`.
//!
//! A line that cannot be used (not UTF-8, malformed JSON, a wrong type, no
//! body) becomes a failed document naming the file and line; the lines after
//! it are still read.

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

/// A line of a JSONL stream, as read, or already parsed by a caller that holds
/// its articles as objects (the Python module is given dicts).
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// The line's bytes, UTF-8 or not, with or without its `\n` (it is read
    /// as ending in one).
    Bytes(Vec<u8>),
    /// The line's JSON value, and the input bytes it stands for.
    Parsed(Value, u64),
    /// Something the caller could not make JSON of, and why (`` `published`
    /// holds a Python datetime.date, which has no JSON form ``).
    Unusable(String),
}

/// Reads the documents of a JSONL stream.
pub fn read(reader: Box<dyn Read + Send>, names: Names, limits: Limits) -> impl Iterator<Item = Document> + Send {
    Lines {
        reader: BufReader::new(reader),
        numbered: Numbered::new(names, limits),
        done: false,
        buf: Vec::new(),
    }
}

/// The documents of JSONL lines given one by one, numbered from 1 as the lines
/// of a file named `names`: a blank line yields nothing but takes its number,
/// as in a file.
pub fn documents(lines: impl Iterator<Item = Line>, names: Names, limits: Limits) -> impl Iterator<Item = Document> {
    let mut numbered = Numbered::new(names, limits);
    lines.filter_map(move |line| {
        numbered.line += 1;
        numbered.document(line)
    })
}

struct Lines {
    reader: BufReader<Box<dyn Read + Send>>,
    numbered: Numbered,
    done: bool,
    buf: Vec<u8>,
}

impl Iterator for Lines {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        while !self.done {
            self.buf.clear();
            let limit = self.numbered.limits.max_article_bytes;
            let read = (&mut self.reader)
                .take(limit.saturating_add(1))
                .read_until(b'\n', &mut self.buf);
            let numbered = &mut self.numbered;
            match read {
                Ok(0) => self.done = true,
                Ok(_) => {
                    numbered.line += 1;
                    if self.buf.len() as u64 > limit && self.buf.last() != Some(&b'\n') {
                        let skipped = skip_line(&mut self.reader);
                        let detail = numbered.detail(ReadError::TooLarge(limit));
                        if let Err(e) = skipped {
                            self.done = true;
                            return Some(numbered.failed(numbered.default_id(), format!("{detail}; then {e}")));
                        }
                        return Some(numbered.failed(numbered.default_id(), detail));
                    }
                    if is_blank(&self.buf) {
                        continue;
                    }
                    return Some(numbered.parse(&self.buf));
                }
                Err(err) => {
                    self.done = true;
                    numbered.line += 1;
                    let detail = numbered.detail(ReadError::Io(err));
                    return Some(numbered.failed(numbered.default_id(), detail));
                }
            }
        }
        None
    }
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Lines of one stream made documents: the stream's names and the number of
/// the line read last.
struct Numbered {
    names: Names,
    limits: Limits,
    line: u64,
}

impl Numbered {
    fn new(names: Names, limits: Limits) -> Self {
        Numbered { names, limits, line: 0 }
    }

    /// The document of the current line, `None` for a blank one.
    fn document(&self, line: Line) -> Option<Document> {
        let limit = self.limits.max_article_bytes;
        match line {
            Line::Bytes(mut bytes) => {
                // A line, whether its newline is given or not: JSON errors then
                // say where they are as they do in a file (`at line 2 column 0`
                // for a line cut short).
                if bytes.last() != Some(&b'\n') {
                    bytes.push(b'\n');
                }
                if bytes.len() as u64 - 1 > limit {
                    Some(self.failed(self.default_id(), self.detail(ReadError::TooLarge(limit))))
                } else if is_blank(&bytes) {
                    None
                } else {
                    Some(self.parse(&bytes))
                }
            }
            Line::Parsed(_, bytes) if bytes > limit => {
                Some(self.failed(self.default_id(), self.detail(ReadError::TooLarge(limit))))
            }
            Line::Parsed(value, bytes) => Some(self.of_value(value, bytes)),
            Line::Unusable(why) => Some(self.failed(self.default_id(), self.detail(why))),
        }
    }

    /// `rel:LINE`: the id of a line without one.
    fn default_id(&self) -> String {
        format!("{}:{}", self.names.rel, self.line)
    }

    /// `dump.jsonl:17`: the line read last.
    fn location(&self) -> String {
        format!("{}:{}", self.names.shown, self.line)
    }

    /// `dump.jsonl:17: WHAT`.
    fn detail(&self, what: impl std::fmt::Display) -> String {
        format!("{}: {what}", self.location())
    }

    fn failed(&self, doc_id: String, detail: String) -> Document {
        Document::failed(doc_id, &self.names.path, self.location(), detail)
    }

    fn parse(&self, line: &[u8]) -> Document {
        match parse_value(line) {
            Ok(value) => self.of_value(value, line.len() as u64),
            Err(e) => self.failed(self.default_id(), self.detail(e)),
        }
    }

    fn of_value(&self, value: Value, bytes: u64) -> Document {
        let mut object = match value {
            Value::Object(object) => object,
            other => {
                let detail = self.detail(format!("expected a JSON object, found {}", kind(&other)));
                return self.failed(self.default_id(), detail);
            }
        };
        let text = object.remove("text");
        let html = object.remove("html");
        let meta = match take_metadata(&mut object) {
            Ok(meta) => meta,
            Err(e) => return self.failed(self.default_id(), self.detail(e)),
        };
        let doc_id = meta.id.clone().unwrap_or_else(|| self.default_id());
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
                source: meta.into_source(&self.names.path),
                content,
                lossy_utf8: false,
                bytes,
                location: self.location(),
            },
            Err(e) => self.failed(doc_id, self.detail(e)),
        }
    }
}

/// Parses one line as JSON. A line that is not UTF-8 is unreadable: JSON
/// text is UTF-8 (RFC 8259), and its bytes cannot be told apart from another
/// encoding, a character cut in two or binary data; the first bad byte is
/// named (counted from 1, as serde_json's columns) instead of guessing.
fn parse_value(line: &[u8]) -> Result<Value, String> {
    serde_json::from_slice::<Value>(line).map_err(|err| match std::str::from_utf8(line) {
        Err(bad) => format!(
            "not valid UTF-8 (byte {} of the line); JSON text must be UTF-8",
            bad.valid_up_to() + 1
        ),
        Ok(_) => format!("invalid JSON: {err}"),
    })
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
    fn lines_given_one_by_one_are_read_as_a_file_reads_them() {
        let object = |json: &str| Line::Parsed(serde_json::from_str(json).unwrap(), json.len() as u64);
        let lines = vec![
            Line::Bytes(b"{\"id\": \"a\", \"text\": \"T\", \"lang\": \"en\"}\n".to_vec()),
            Line::Bytes(b" \n".to_vec()),
            object(r#"{"title": "no id", "html": "<p>H</p>"}"#),
            object("[1]"),
            Line::Bytes(b"{oops".to_vec()),
            Line::Unusable("`published` holds a Python datetime.date, which has no JSON form".into()),
            Line::Bytes(format!("{{\"text\": \"{}\"}}", "x".repeat(60)).into_bytes()),
            object(r#"{"id": 7, "text": "ok"}"#),
        ];
        let limits = Limits {
            max_article_bytes: 50,
            ..Limits::default()
        };
        let docs: Vec<Document> = documents(lines.into_iter(), names("d.jsonl"), limits).collect();
        let ids: Vec<&str> = docs.iter().map(|d| d.doc_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "a",
                "d.jsonl:3",
                "d.jsonl:4",
                "d.jsonl:5",
                "d.jsonl:6",
                "d.jsonl:7",
                "7"
            ]
        );
        assert_eq!(docs[0].source.extra["lang"], "en");
        assert_eq!(docs[1].content, Content::Html("<p>H</p>".into()));
        let details: Vec<String> = docs[2..6]
            .iter()
            .map(|d| match &d.content {
                Content::Failed(detail) => detail.clone(),
                other => panic!("expected a failure, got {other:?}"),
            })
            .collect();
        assert_eq!(details[0], "d.jsonl:4: expected a JSON object, found an array");
        assert!(details[1].starts_with("d.jsonl:5: invalid JSON: "), "{}", details[1]);
        assert_eq!(
            details[2],
            "d.jsonl:6: `published` holds a Python datetime.date, which has no JSON form"
        );
        assert_eq!(details[3], "d.jsonl:7: article larger than the limit of 50 bytes");
        assert!(docs.iter().all(|d| d.source.path.as_deref() == Some("d.jsonl")));
    }

    #[test]
    fn a_line_not_utf8_fails_naming_its_line_and_byte() {
        let mut input = b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"x\", \"text\": \"caf".to_vec();
        input.extend_from_slice(b"\xe9\"}\n{\"oops\xff\n{\"id\": \"c\", \"text\": \"ok\"}\n");
        let docs: Vec<Document> = read(Box::new(std::io::Cursor::new(input)), names("d"), Limits::default()).collect();
        let ids: Vec<&str> = docs.iter().map(|d| d.doc_id.as_str()).collect();
        assert_eq!(ids, ["a", "d:2", "d:3", "c"]);
        assert_eq!(
            docs[1].content,
            Content::Failed("d:2: not valid UTF-8 (byte 25 of the line); JSON text must be UTF-8".into())
        );
        // Not UTF-8 is said first, whatever else is wrong with the line.
        assert_eq!(
            docs[2].content,
            Content::Failed("d:3: not valid UTF-8 (byte 7 of the line); JSON text must be UTF-8".into())
        );
        assert!(docs.iter().all(|d| !d.lossy_utf8));
        assert_eq!(docs[3].content, Content::Text("ok".into()));
    }
}
