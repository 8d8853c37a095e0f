//! Bytes to text: decompression, size limits and character decoding.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

/// A compression layer named by the file's last extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    /// Splits a lower-case file name into the inner name and its compression.
    pub fn strip(name: &str) -> (&str, Compression) {
        if let Some(inner) = name.strip_suffix(".gz") {
            (inner, Compression::Gzip)
        } else if let Some(inner) = name.strip_suffix(".zst").or_else(|| name.strip_suffix(".zstd")) {
            (inner, Compression::Zstd)
        } else {
            (name, Compression::None)
        }
    }

    /// Wraps a reader in the matching decompressor. Gzip reads every member, so
    /// concatenated members (as in `.warc.gz`) come out as one stream.
    pub fn wrap(self, reader: Box<dyn Read + Send>) -> io::Result<Box<dyn Read + Send>> {
        Ok(match self {
            Compression::None => reader,
            Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(reader))),
            Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(reader)?),
        })
    }
}

/// Opens a file through its decompressor.
pub fn open(path: &Path, compression: Compression) -> io::Result<Box<dyn Read + Send>> {
    compression.wrap(Box::new(File::open(path)?))
}

/// Why reading an article's bytes failed.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    TooLarge(u64),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(err) => write!(f, "read error: {err}"),
            ReadError::TooLarge(limit) => write!(f, "article larger than the limit of {limit} bytes"),
        }
    }
}

/// Reads a whole article, refusing more than `limit` bytes.
pub fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(buf)
}

/// Decodes UTF-8, replacing invalid sequences; the flag says whether any were.
pub fn decode_utf8(bytes: Vec<u8>) -> (String, bool) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(err) => (String::from_utf8_lossy(err.as_bytes()).into_owned(), true),
    }
}

/// Decodes an HTML page: UTF-8 when it is valid, else the charset named by the
/// HTTP `Content-Type` or a `<meta>` tag, else UTF-8 with replacements.
pub fn decode_html(bytes: Vec<u8>, content_type: Option<&str>) -> (String, bool) {
    if std::str::from_utf8(&bytes).is_ok() {
        return decode_utf8(bytes);
    }
    let label = content_type.and_then(charset_in).or_else(|| {
        let head = &bytes[..bytes.len().min(2048)];
        charset_in(&String::from_utf8_lossy(head))
    });
    match label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())) {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            let (text, _, had_errors) = encoding.decode(&bytes);
            (text.into_owned(), had_errors)
        }
        _ => decode_utf8(bytes),
    }
}

/// The value of a `charset=` parameter in a header or a page head.
fn charset_in(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let value: String = lower[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_enforced() {
        assert_eq!(read_limited(&b"12345"[..], 5).unwrap(), b"12345");
        assert!(matches!(read_limited(&b"123456"[..], 5), Err(ReadError::TooLarge(5))));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_flagged() {
        assert_eq!(decode_utf8(b"ok".to_vec()), ("ok".to_string(), false));
        assert_eq!(decode_utf8(b"a\xffb".to_vec()), ("a\u{FFFD}b".to_string(), true));
    }

    #[test]
    fn legacy_charsets_are_decoded() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>".to_vec();
        let (text, lossy) = decode_html(latin1, None);
        assert!(text.contains("café"));
        assert!(!lossy);
        let (text, _) = decode_html(b"caf\xe9".to_vec(), Some("text/html; charset=windows-1252"));
        assert_eq!(text, "café");
    }
}
