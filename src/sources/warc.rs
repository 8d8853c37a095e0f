//! WARC files (`.warc`, `.warc.gz`): each `response` (or `resource`) record with
//! an HTML payload is one article.
//!
//! A small reader of its own: the `warc` crate is unmaintained and its file
//! opening is broken. Gzip members are joined by the decompressor, so this reader
//! sees one plain stream of records. Records of other types (`request`,
//! `metadata`, `warcinfo`) and non-HTML payloads (images, scripts) are not
//! articles and produce nothing; an HTML response with a non-2xx status is a
//! `skipped` record; a truncated record is an `error` record and ends the file.

use super::decode::{ReadError, decode_html};
use super::{Content, Document, Limits};
use crate::record::Source;
use serde_json::{Map, Value};
use std::io::{self, BufRead, BufReader, Read};

/// Longest header line accepted, so a binary file cannot make a line unbounded.
const MAX_HEADER_LINE: u64 = 64 * 1024;

pub fn read(
    reader: Box<dyn Read + Send>,
    shown: String,
    rel: String,
    limits: Limits,
) -> impl Iterator<Item = Document> + Send {
    Records {
        reader: BufReader::new(reader),
        shown,
        rel,
        record: 0,
        done: false,
        limits,
    }
}

struct Records {
    reader: BufReader<Box<dyn Read + Send>>,
    shown: String,
    rel: String,
    record: u64,
    done: bool,
    limits: Limits,
}

/// Header fields of a WARC record or of the HTTP response inside it.
struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl Iterator for Records {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        while !self.done {
            match self.next_record() {
                Ok(Some(doc)) => return Some(doc),
                Ok(None) => {}
                Err(detail) => {
                    self.done = true;
                    let detail = format!("{}: record {}: {detail}", self.shown, self.record);
                    let doc_id = format!("{}#{}", self.rel, self.record);
                    return Some(Document::failed(doc_id, &self.shown, self.location(), detail));
                }
            }
        }
        None
    }
}

impl Records {
    /// Reads one record: `Ok(None)` for a record that is not an article or the
    /// end of the file, `Err` for a broken file.
    fn next_record(&mut self) -> Result<Option<Document>, String> {
        let Some(version) = self.first_line()? else {
            self.done = true;
            return Ok(None);
        };
        self.record += 1;
        if !version.starts_with("WARC/") {
            let shown: String = version.chars().take(40).collect();
            return Err(format!("expected a WARC/1.x header line, found {shown:?}"));
        }
        let header = self.header()?;
        let length: u64 = header
            .get("Content-Length")
            .and_then(|v| v.trim().parse().ok())
            .ok_or("missing or invalid Content-Length")?;
        let limit = self.limits.max_article_bytes;
        if length > limit {
            return self.skip_too_large(&header, length, limit).map(Some);
        }
        let payload = self.payload(length)?;
        Ok(self.article(&header, payload, length))
    }

    /// Skips the payload of a record over the size limit: a failed document.
    fn skip_too_large(&mut self, header: &Header, length: u64, limit: u64) -> Result<Document, String> {
        let skipped = io::copy(&mut (&mut self.reader).take(length), &mut io::sink()).map_err(|e| e.to_string())?;
        if skipped < length {
            return Err(format!(
                "truncated: Content-Length is {length} but the file ends after {skipped} bytes"
            ));
        }
        let doc_id = self.doc_id(header);
        let detail = format!("{}: record {}: {}", self.shown, self.record, ReadError::TooLarge(limit));
        Ok(Document::failed(doc_id, &self.shown, self.location(), detail))
    }

    /// Reads a record's payload of `length` bytes.
    fn payload(&mut self, length: u64) -> Result<Vec<u8>, String> {
        let mut payload = Vec::with_capacity(length as usize);
        (&mut self.reader)
            .take(length)
            .read_to_end(&mut payload)
            .map_err(|e| format!("read error: {e}"))?;
        if (payload.len() as u64) < length {
            return Err(format!(
                "truncated: Content-Length is {length} but the file ends after {} bytes",
                payload.len()
            ));
        }
        Ok(payload)
    }

    /// The document of a record with its payload: `None` unless it is a
    /// response or resource holding HTML; skipped for an HTTP status other
    /// than 2xx, failed for a body that does not decode.
    fn article(&self, header: &Header, payload: Vec<u8>, length: u64) -> Option<Document> {
        let kind = header.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        if kind != "response" && kind != "resource" {
            return None;
        }
        let record_type = header.get("Content-Type").unwrap_or("").to_ascii_lowercase();
        let http = if kind == "response" && record_type.starts_with("application/http") {
            match parse_http(&payload) {
                Some(http) => http,
                None => {
                    return Some(self.failed(header, "response record without a valid HTTP header".into()));
                }
            }
        } else {
            Http {
                status: 200,
                headers: Header {
                    fields: vec![("content-type".into(), record_type.clone())],
                },
                body: payload.clone(),
            }
        };
        let content_type = http.headers.get("content-type").unwrap_or("").to_ascii_lowercase();
        if !content_type.contains("html") {
            return None;
        }
        let bytes = length;
        let content = if !(200..300).contains(&http.status) {
            Content::Skipped(format!("http_status:{}", http.status))
        } else {
            match http.decoded_body() {
                Ok(body) => {
                    let (html, lossy) = decode_html(body, Some(&content_type));
                    let mut doc = self.document(header, Content::Html(html), bytes);
                    doc.lossy_utf8 = lossy;
                    return Some(doc);
                }
                Err(e) => Content::Failed(format!("{}: record {}: {e}", self.shown, self.record)),
            }
        };
        Some(self.document(header, content, bytes))
    }

    /// The first non-blank line, or `None` at the end of the file.
    fn first_line(&mut self) -> Result<Option<String>, String> {
        loop {
            let line = self.line()?;
            match line {
                None => return Ok(None),
                Some(l) if l.trim().is_empty() => continue,
                Some(l) => return Ok(Some(l.trim_end().to_string())),
            }
        }
    }

    fn line(&mut self) -> Result<Option<String>, String> {
        let mut buf = Vec::new();
        let n = (&mut self.reader)
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("read error: {e}"))?;
        if n == 0 {
            return Ok(None);
        }
        Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
    }

    fn header(&mut self) -> Result<Header, String> {
        let mut fields = Vec::new();
        loop {
            let line = self.line()?.ok_or("truncated: the file ends inside a record header")?;
            let line = line.trim_end();
            if line.is_empty() {
                return Ok(Header { fields });
            }
            if let Some((name, value)) = line.split_once(':') {
                fields.push((name.trim().to_string(), value.trim().to_string()));
            }
        }
    }

    fn doc_id(&self, header: &Header) -> String {
        match header.get("WARC-Record-ID") {
            Some(id) if !id.is_empty() => id.trim_start_matches('<').trim_end_matches('>').to_string(),
            _ => format!("{}#{}", self.rel, self.record),
        }
    }

    fn document(&self, header: &Header, content: Content, bytes: u64) -> Document {
        let mut extra = Map::new();
        if let Some(date) = header.get("WARC-Date") {
            extra.insert("warc_date".into(), Value::String(date.to_string()));
        }
        Document {
            doc_id: self.doc_id(header),
            source: Source {
                path: Some(self.shown.clone()),
                url: header
                    .get("WARC-Target-URI")
                    .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string()),
                title: None,
                published: None,
                extra,
            },
            content,
            lossy_utf8: false,
            bytes,
            location: self.location(),
        }
    }

    /// `crawl.warc.gz#3`: the current record.
    fn location(&self) -> String {
        format!("{}#{}", self.shown, self.record)
    }

    fn failed(&self, header: &Header, why: String) -> Document {
        let detail = format!("{}: record {}: {why}", self.shown, self.record);
        self.document(header, Content::Failed(detail), 0)
    }
}

/// An HTTP response inside a WARC record.
struct Http {
    status: u16,
    headers: Header,
    body: Vec<u8>,
}

impl Http {
    /// The body with transfer and content encodings undone.
    fn decoded_body(&self) -> Result<Vec<u8>, String> {
        let mut body = self.body.clone();
        if self
            .headers
            .get("transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
        {
            body = dechunk(&body).ok_or("malformed chunked transfer encoding")?;
        }
        let encoding = self
            .headers
            .get("content-encoding")
            .unwrap_or("identity")
            .trim()
            .to_ascii_lowercase();
        let mut out = Vec::new();
        match encoding.as_str() {
            "" | "identity" => return Ok(body),
            "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(&body[..]).read_to_end(&mut out),
            "deflate" => flate2::read::ZlibDecoder::new(&body[..]).read_to_end(&mut out),
            other => return Err(format!("unsupported Content-Encoding {other:?}")),
        }
        .map_err(|e| format!("cannot decode {encoding} body: {e}"))?;
        Ok(out)
    }
}

fn parse_http(payload: &[u8]) -> Option<Http> {
    let (head_end, body_start) = find_blank_line(payload)?;
    let head = String::from_utf8_lossy(&payload[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let fields = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Some(Http {
        status,
        headers: Header { fields },
        body: payload[body_start..].to_vec(),
    })
}

/// End of the header block and start of the body (`\r\n\r\n` or `\n\n`).
fn find_blank_line(bytes: &[u8]) -> Option<(usize, usize)> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = body.iter().position(|b| *b == b'\n')?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?.trim();
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, id: &str, payload: &[u8], content_type: &str) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <{id}>\r\nWARC-Date: 2024-04-03T10:00:00Z\r\n\
             WARC-Target-URI: https://example.com/{id}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            payload.len()
        )
        .into_bytes();
        out.extend_from_slice(payload);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn http(status: u16, content_type: &str, extra: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\n{extra}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    fn docs(bytes: Vec<u8>) -> Vec<Document> {
        read(
            Box::new(io::Cursor::new(bytes)),
            "c.warc".into(),
            "c.warc".into(),
            Limits::default(),
        )
        .collect()
    }

    #[test]
    fn html_responses_are_articles() {
        let mut warc = record("warcinfo", "info", b"software: test", "application/warc-fields");
        warc.extend(record(
            "request",
            "req",
            b"GET / HTTP/1.1\r\n\r\n",
            "application/http; msgtype=request",
        ));
        warc.extend(record(
            "response",
            "page1",
            &http(200, "text/html; charset=utf-8", "", b"<p>One</p>"),
            "application/http; msgtype=response",
        ));
        warc.extend(record(
            "response",
            "image",
            &http(200, "image/png", "", b"\x89PNG"),
            "application/http; msgtype=response",
        ));
        warc.extend(record(
            "response",
            "missing",
            &http(404, "text/html", "", b"<p>Not found</p>"),
            "application/http; msgtype=response",
        ));
        warc.extend(record(
            "response",
            "chunked",
            &http(
                200,
                "text/html",
                "Transfer-Encoding: chunked\r\n",
                b"4\r\n<p>T\r\n6\r\nwo</p>\r\n0\r\n\r\n",
            ),
            "application/http; msgtype=response",
        ));
        let docs = docs(warc);
        let ids: Vec<&str> = docs.iter().map(|d| d.doc_id.as_str()).collect();
        assert_eq!(ids, ["page1", "missing", "chunked"]);
        assert_eq!(docs[0].content, Content::Html("<p>One</p>".into()));
        assert_eq!(docs[0].source.url.as_deref(), Some("https://example.com/page1"));
        assert_eq!(docs[0].source.extra["warc_date"], "2024-04-03T10:00:00Z");
        assert_eq!(docs[1].content, Content::Skipped("http_status:404".into()));
        assert_eq!(docs[2].content, Content::Html("<p>Two</p>".into()));
    }

    #[test]
    fn truncated_records_fail_and_end_the_file() {
        let mut warc = record(
            "response",
            "ok",
            &http(200, "text/html", "", b"<p>One</p>"),
            "application/http",
        );
        let mut broken = record(
            "response",
            "cut",
            &http(200, "text/html", "", b"<p>Two and more</p>"),
            "application/http",
        );
        broken.truncate(broken.len() - 12);
        warc.extend(broken);
        let docs = docs(warc);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].doc_id, "c.warc#2");
        match &docs[1].content {
            Content::Failed(d) => assert!(d.starts_with("c.warc: record 2: truncated: Content-Length is"), "{d}"),
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let docs = docs(b"\x00\x01binary junk\n".to_vec());
        assert_eq!(docs.len(), 1);
        assert!(matches!(&docs[0].content, Content::Failed(d) if d.contains("expected a WARC/1.x header line")));
    }
}
