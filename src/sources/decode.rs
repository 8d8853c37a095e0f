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

/// Opens a file through its decompressor; what a compressed file expands to is
/// capped at `max_decompressed` bytes.
pub fn open(path: &Path, compression: Compression, max_decompressed: u64) -> io::Result<Box<dyn Read + Send>> {
    decompress(Box::new(File::open(path)?), compression, max_decompressed)
}

/// A stream with no name to go by (standard input) through the decompressor its
/// first bytes call for: gzip (`1f 8b`) and zstd (`28 b5 2f fd`) are recognised by
/// their magic numbers, anything else is read as it is.
pub fn open_sniffed(mut reader: Box<dyn Read + Send>, max_decompressed: u64) -> io::Result<Box<dyn Read + Send>> {
    // A pipe may hand over fewer bytes than a magic number in its first read.
    let mut head = Vec::with_capacity(4);
    (&mut reader).take(4).read_to_end(&mut head)?;
    let compression = sniff(&head);
    decompress(
        Box::new(io::Cursor::new(head).chain(reader)),
        compression,
        max_decompressed,
    )
}

/// The compression whose magic number `head` starts with.
fn sniff(head: &[u8]) -> Compression {
    if head.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

fn decompress(
    reader: Box<dyn Read + Send>,
    compression: Compression,
    max_decompressed: u64,
) -> io::Result<Box<dyn Read + Send>> {
    let reader = compression.wrap(reader)?;
    Ok(match compression {
        Compression::None => reader,
        _ => Box::new(Capped {
            inner: reader,
            left: max_decompressed,
            limit: max_decompressed,
        }),
    })
}

/// A reader that fails once more than `limit` bytes came out of it.
struct Capped {
    inner: Box<dyn Read + Send>,
    left: u64,
    limit: u64,
}

impl Read for Capped {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        match self.left.checked_sub(n as u64) {
            Some(left) => {
                self.left = left;
                Ok(n)
            }
            None => Err(io::Error::other(format!(
                "decompressed size exceeds the limit of {} bytes",
                self.limit
            ))),
        }
    }
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

/// How many leading bytes [`looks_binary`] inspects.
const BINARY_SAMPLE: usize = 8192;

/// Whether bytes are a binary file rather than text: a tenth or more of the
/// first bytes are control characters other than whitespace. A text with a few
/// stray NUL bytes is still text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    let controls = sample
        .iter()
        .filter(|&&b| matches!(b, 0x00..=0x08 | 0x0e..=0x1a | 0x1c..=0x1f | 0x7f))
        .count();
    !sample.is_empty() && controls * 10 >= sample.len()
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
    fn decompression_is_capped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bomb.txt.gz");
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut encoder, &vec![b'a'; 1_000_000]).unwrap();
        std::fs::write(&path, encoder.finish().unwrap()).unwrap();
        let mut out = Vec::new();
        let err = open(&path, Compression::Gzip, 10_000)
            .unwrap()
            .read_to_end(&mut out)
            .unwrap_err();
        assert_eq!(err.to_string(), "decompressed size exceeds the limit of 10000 bytes");
        assert!(out.len() <= 10_000);
        let mut all = Vec::new();
        open(&path, Compression::Gzip, 1_000_000)
            .unwrap()
            .read_to_end(&mut all)
            .unwrap();
        assert_eq!(all.len(), 1_000_000);
    }

    /// A reader that hands over one byte per read, as a slow pipe may.
    struct Trickle(std::collections::VecDeque<u8>);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.pop_front(), buf.first_mut()) {
                (Some(b), Some(slot)) => {
                    *slot = b;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn unnamed_streams_are_decompressed_by_their_magic_numbers() {
        let line = b"{\"id\": \"a\", \"text\": \"Sanctions.\"}\n".to_vec();
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gzip, &line).unwrap();
        let gzip = gzip.finish().unwrap();
        let zstd = zstd::encode_all(&line[..], 1).unwrap();
        for (name, input) in [("plain", line.clone()), ("gzip", gzip.clone()), ("zstd", zstd)] {
            let mut out = Vec::new();
            open_sniffed(Box::new(Trickle(input.into())), 1 << 20)
                .unwrap()
                .read_to_end(&mut out)
                .unwrap();
            assert_eq!(out, line, "{name}");
        }
        // Shorter than a magic number, and empty: read as they are.
        for input in [&b"{"[..], b""] {
            let mut out = Vec::new();
            open_sniffed(Box::new(input), 10)
                .unwrap()
                .read_to_end(&mut out)
                .unwrap();
            assert_eq!(out, input);
        }
        // The cap holds for a stream too.
        let mut out = Vec::new();
        let err = open_sniffed(Box::new(io::Cursor::new(gzip)), 10)
            .unwrap()
            .read_to_end(&mut out)
            .unwrap_err();
        assert_eq!(err.to_string(), "decompressed size exceeds the limit of 10 bytes");
    }

    #[test]
    fn limits_are_enforced() {
        assert_eq!(read_limited(&b"12345"[..], 5).unwrap(), b"12345");
        assert!(matches!(read_limited(&b"123456"[..], 5), Err(ReadError::TooLarge(5))));
    }

    #[test]
    fn binary_is_told_from_text() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"));
        assert!(!looks_binary(
            "Plain text with a stray \0 NUL byte and more words here.".as_bytes()
        ));
        assert!(!looks_binary("한국어 텍스트와 emoji 🎉".as_bytes()));
        assert!(!looks_binary(b""));
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
