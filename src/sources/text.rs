//! Whole-file articles: `.txt` (with an optional `NAME.meta.json` sidecar) and
//! `.html` pages.

use super::decode::{Compression, decode_html, decode_utf8, looks_binary, read_limited};
use super::jsonl::{Metadata, take_metadata};
use super::{Content, Document, Limits};
use crate::record::Source;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Reads a text article and its sidecar metadata, if any.
pub fn read_text(reader: impl Read, path: &Path, shown: &str, rel: String, limits: Limits) -> Document {
    let meta = match read_sidecar(path) {
        Ok(meta) => meta,
        Err(detail) => return Document::failed(rel, shown, shown.into(), detail),
    };
    let doc_id = meta.id.clone().unwrap_or(rel);
    match read_limited(reader, limits.max_article_bytes) {
        Ok(bytes) => {
            let len = bytes.len() as u64;
            let source = meta.into_source(shown);
            if looks_binary(&bytes) {
                return Document {
                    doc_id,
                    source,
                    content: Content::Skipped("binary".into()),
                    lossy_utf8: false,
                    bytes: len,
                    location: shown.into(),
                };
            }
            let (text, lossy_utf8) = decode_utf8(bytes);
            Document {
                doc_id,
                source,
                content: Content::Text(text),
                lossy_utf8,
                bytes: len,
                location: shown.into(),
            }
        }
        Err(err) => Document::failed(doc_id, shown, shown.into(), format!("{shown}: {err}")),
    }
}

/// Reads an HTML page; its metadata comes from the page itself, later.
pub fn read_html(reader: impl Read, shown: &str, rel: String, limits: Limits) -> Document {
    match read_limited(reader, limits.max_article_bytes) {
        Ok(bytes) => {
            let len = bytes.len() as u64;
            let source = Source {
                path: Some(shown.to_string()),
                ..Source::default()
            };
            if looks_binary(&bytes) {
                return Document {
                    doc_id: rel,
                    source,
                    content: Content::Skipped("binary".into()),
                    lossy_utf8: false,
                    bytes: len,
                    location: shown.into(),
                };
            }
            let (html, lossy_utf8) = decode_html(bytes, None);
            Document {
                doc_id: rel,
                source,
                content: Content::Html(html),
                lossy_utf8,
                bytes: len,
                location: shown.into(),
            }
        }
        Err(err) => Document::failed(rel, shown, shown.into(), format!("{shown}: {err}")),
    }
}

/// `dir/NAME.meta.json` for `dir/NAME.txt`, `dir/NAME.txt.gz` or `dir/NAME.txt.zst`.
fn sidecar_path(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    let (inner, _) = Compression::strip(&lower);
    let stem_len = inner.strip_suffix(".txt")?.len();
    Some(path.with_file_name(format!("{}.meta.json", &name[..stem_len])))
}

fn read_sidecar(path: &Path) -> Result<Metadata, String> {
    let Some(sidecar) = sidecar_path(path).filter(|p| p.is_file()) else {
        return Ok(Metadata::default());
    };
    let shown = sidecar.display();
    let bytes = std::fs::read(&sidecar).map_err(|e| format!("{shown}: cannot read metadata: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("{shown}: invalid metadata JSON: {e}"))?;
    let serde_json::Value::Object(mut object) = value else {
        return Err(format!("{shown}: metadata must be a JSON object"));
    };
    take_metadata(&mut object).map_err(|e| format!("{shown}: {e}"))
}

/// Whether a `NAME.meta.json` has a `NAME.txt` (possibly compressed) beside it.
pub fn has_article_for_sidecar(sidecar: &Path) -> bool {
    let Some(name) = sidecar.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let stem = &name[..name.len() - ".meta.json".len()];
    ["txt", "txt.gz", "txt.zst", "txt.zstd"]
        .iter()
        .any(|ext| sidecar.with_file_name(format!("{stem}.{ext}")).is_file())
}

#[cfg(test)]
mod tests {
    use super::sidecar_path;
    use std::path::Path;

    #[test]
    fn sidecar_names() {
        assert_eq!(
            sidecar_path(Path::new("c/004.txt")).unwrap(),
            Path::new("c/004.meta.json")
        );
        assert_eq!(
            sidecar_path(Path::new("c/a.b.TXT.gz")).unwrap(),
            Path::new("c/a.b.meta.json")
        );
        assert_eq!(sidecar_path(Path::new("c/a.html")), None);
    }
}
