//! A guard against pathologically deep pages, before html5ever sees them.
//!
//! html5ever's tree builder scans its stack of open elements for many tags, so
//! parsing N nested elements costs O(N^2): 100,000 nested `<div>`s (1.1 MB) take
//! minutes. Real pages nest a few dozen deep. A cheap byte scan counts the
//! nesting of elements whose end tag is required; when a page goes deeper than
//! [`MAX_NESTING`], the start and end tags below that depth are dropped (their
//! text stays), so the parser sees a page at most that deep. Pages within the
//! limit are passed through untouched, without a copy.
//!
//! The scan is a heuristic, not a tokenizer: it skips comments, doctypes and the
//! content of raw-text elements (`script`, `style`...), honours quoted
//! attributes, and does not pair end tags with start tags by name. It only ever
//! changes a page that is already deeper than any real page.

use std::borrow::Cow;

/// Nesting beyond which tags are dropped: far above real pages (tens), far
/// below where html5ever gets slow (10,000 take a third of a second).
pub const MAX_NESTING: usize = 1_000;

/// Elements that never hold children, or whose end tag the parser infers from
/// the next sibling: they do not deepen the open-element stack for long.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rp", "rt",
    "colgroup", "caption", "html", "head", "body",
];

/// Longest element name the tables hold.
const NAME_BUFFER: usize = 10;

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// The page, with tags nested deeper than `limit` dropped; borrowed when none is.
pub fn flatten(html: &str, limit: usize) -> Cow<'_, str> {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    scan_spans(html, |tag, _, _| match tag {
        Tag::Open => {
            depth += 1;
            deepest = deepest.max(depth);
        }
        Tag::Close => depth = depth.saturating_sub(1),
        Tag::Other => {}
    });
    if deepest <= limit {
        return Cow::Borrowed(html);
    }
    // Second pass: keep every byte except the tags below the limit.
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut last = 0usize;
    scan_spans(html, |tag, start, end| {
        let keep = match tag {
            Tag::Open => {
                depth += 1;
                depth <= limit
            }
            Tag::Close => {
                let keep = depth <= limit;
                depth = depth.saturating_sub(1);
                keep
            }
            Tag::Other => true,
        };
        if !keep {
            out.push_str(&html[last..start]);
            last = end;
        }
    });
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// A start tag of an element that nests.
    Open,
    /// An end tag of an element that nests.
    Close,
    /// Any other markup.
    Other,
}

/// Calls `on_tag` with each tag's kind and byte span, in order.
fn scan_spans(html: &str, mut on_tag: impl FnMut(Tag, usize, usize)) {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = html[start + 4..].find("-->").map_or(bytes.len(), |e| start + 4 + e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = start + 1 + usize::from(closing);
        let is_tag = bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic);
        if !is_tag {
            // `<!doctype>`, `<?xml?>`, or a lone `<` in text.
            i = if matches!(rest.get(1), Some(b'!' | b'?')) {
                html[start..].find('>').map_or(bytes.len(), |e| start + e + 1)
            } else {
                start + 1
            };
            continue;
        }
        let name_end = bytes[name_at..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b':'))
            .map_or(bytes.len(), |p| name_at + p);
        let end = tag_end(bytes, name_end);
        // Lower-cased into a buffer on the stack: no allocation per tag. Names
        // longer than any in the tables nest.
        let mut buffer = [0u8; NAME_BUFFER];
        let name = match bytes.get(name_at..name_end) {
            Some(raw) if raw.len() <= NAME_BUFFER => {
                buffer[..raw.len()].copy_from_slice(raw);
                buffer[..raw.len()].make_ascii_lowercase();
                std::str::from_utf8(&buffer[..raw.len()]).unwrap_or("")
            }
            _ => "",
        };
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        let raw_text = RAW_TEXT.contains(&name);
        let nests = !raw_text && !NOT_NESTING.contains(&name);
        let kind = match (closing, nests, self_closing) {
            (false, true, false) => Tag::Open,
            (true, true, _) => Tag::Close,
            _ => Tag::Other,
        };
        on_tag(kind, start, end);
        i = end;
        if !closing && raw_text {
            // Skip to the matching end tag: its content is not markup.
            i = find_end_tag(&html[end..], name).map_or(bytes.len(), |p| end + p);
        }
    }
}

/// The index just past the `>` that ends a tag, quotes honoured.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (offset, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return from + offset + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// Where `</name` starts in `text`, case ignored (`name` lower case, ASCII).
fn find_end_tag(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = text[from..].find("</") {
        let at = from + offset;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_pages_pass_untouched() {
        let page = r#"<!doctype html><html><head><script>if (a < b) { x = "<div>"; }</script>
            <!-- <div><div><div> --></head><body><div class="a"><p>One<p>Two<br><img src=x>
            <ul><li>a<li>b</ul><span title="a > b">t</span></div></body></html>"#;
        assert!(matches!(flatten(page, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_pages_are_cut_to_the_limit() {
        let page = format!(
            "<body>{}<p>Deep text</p>{}</body>",
            "<div>".repeat(10),
            "</div>".repeat(10)
        );
        let flat = flatten(&page, 3);
        assert_eq!(flat, "<body><div><div><div><p>Deep text</p></div></div></div></body>");
    }

    #[test]
    fn text_between_dropped_tags_stays() {
        let page = "<div>a<div>b<div>c<span>d</span>e</div>f</div>g</div>";
        assert_eq!(flatten(page, 1), "<div>abcdefg</div>");
    }

    #[test]
    fn broken_markup_keeps_its_text() {
        // Limit 0 drops every tag that nests; an unfinished tag runs to the end
        // of the page. Within limit 1 each page is handed back as it came.
        for (page, flat) in [
            ("<", "<"),
            ("<div", ""),
            ("</", "</"),
            ("<!--", "<!--"),
            ("<script>", "<script>"),
            ("<a href='x>", ""),
            ("<d\u{e9}v>", ""),
            ("<div>\u{e9}</div", "\u{e9}"),
        ] {
            assert_eq!(flatten(page, 0), flat, "{page:?}");
            assert!(matches!(flatten(page, 1), Cow::Borrowed(p) if p == page), "{page:?}");
        }
    }
}
