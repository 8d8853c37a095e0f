//! HTML pages: the main text of the article and the page's metadata.
//!
//! A first extractor in the spirit of readability: one walk over the parsed tree
//! collects text blocks while skipping boilerplate subtrees (navigation, share
//! bars, comments, ads, by tag and by class/id hints); paragraphs then vote for
//! the element that holds them, and the best-scoring element's blocks are the
//! article. The walk is iterative, so deeply nested pages cannot overflow the stack.

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a page yields: its main text (one block per line) and its metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// Elements whose whole subtree is never article text.
const DROP_TAGS: &[&str] = &[
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
    "select",
    "textarea",
    "figcaption",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "map",
    "dialog",
    "menu",
];

/// Elements that start a new line of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "figure",
    "address",
    "hr",
    "br",
    "center",
    "details",
    "summary",
    "fieldset",
    "legend",
];

/// Class and id words that mark a boilerplate subtree...
const BOILERPLATE_HINTS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "related",
    "recommended",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "consent",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "footer",
    "masthead",
    "popup",
    "modal",
    "banner",
    "sponsor",
    "sponsored",
    "outbrain",
    "taboola",
    "widget",
    "signup",
    "tags",
    "toolbar",
    "skip",
];

/// ...unless one of these says it holds the article.
const CONTENT_HINTS: &[&str] = &["article", "body", "content", "main", "story", "entry", "text"];

/// Whole class names of text meant only for screen readers.
const HIDDEN_CLASSES: &[&str] = &["sr-only", "visually-hidden", "screen-reader-text", "hidden"];

/// Tags whose text votes for its parent as the article container.
const PARAGRAPH_TAGS: &[&str] = &["p", "pre", "blockquote", "li", "h2", "h3", "h4"];

/// Blocks shorter than this (in characters) do not vote.
const MIN_VOTING_CHARS: usize = 25;

/// Extracts the main text and metadata of a page.
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let walk = walk(&doc);
    let body = main_text(&doc, &walk);
    let meta = metadata(&doc);
    let headline = first_text(&doc, &SELECTORS.h1).or_else(|| meta.title.clone());
    let text = match headline {
        Some(h) if !body.starts_with(&h) => {
            if body.is_empty() {
                h
            } else {
                format!("{h}\n\n{body}")
            }
        }
        _ => body,
    };
    Page { text, ..meta }
}

/// A line of text and the element that holds it.
struct Block {
    text: String,
    owner: NodeId,
    link_chars: usize,
}

/// The outcome of the walk: text blocks in document order, and for every element
/// the range of blocks inside it.
struct Walk {
    blocks: Vec<Block>,
    ranges: HashMap<NodeId, (usize, usize)>,
}

fn walk(doc: &Html) -> Walk {
    let mut blocks = Vec::new();
    let mut ranges = HashMap::new();
    let mut owners: Vec<NodeId> = vec![doc.tree.root().id()];
    let mut buffer = String::new();
    let mut link_chars = 0usize;
    let mut excluded_depth = 0usize;
    let mut link_depth = 0usize;

    let flush = |buffer: &mut String, link_chars: &mut usize, owner: NodeId, blocks: &mut Vec<Block>| {
        let text = buffer.trim();
        if !text.is_empty() {
            blocks.push(Block {
                text: text.to_string(),
                owner,
                link_chars: *link_chars,
            });
        }
        buffer.clear();
        *link_chars = 0;
    };

    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    if excluded_depth > 0 {
                        excluded_depth += 1;
                        continue;
                    }
                    if is_boilerplate(el) {
                        excluded_depth = 1;
                        continue;
                    }
                    ranges.insert(node.id(), (blocks.len(), blocks.len()));
                    let name = el.name();
                    if BLOCK_TAGS.contains(&name) {
                        flush(&mut buffer, &mut link_chars, *owners.last().unwrap(), &mut blocks);
                        if name != "br" && name != "hr" {
                            owners.push(node.id());
                        }
                    } else if name == "a" {
                        link_depth += 1;
                    }
                }
                Node::Text(text) if excluded_depth == 0 => {
                    let before = buffer.chars().count();
                    push_collapsed(&mut buffer, text);
                    if link_depth > 0 {
                        link_chars += buffer.chars().count() - before;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else { continue };
                if excluded_depth > 0 {
                    excluded_depth -= 1;
                    continue;
                }
                let name = el.name();
                if BLOCK_TAGS.contains(&name) && name != "br" && name != "hr" {
                    flush(&mut buffer, &mut link_chars, *owners.last().unwrap(), &mut blocks);
                    owners.pop();
                } else if name == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                if let Some(range) = ranges.get_mut(&node.id()) {
                    range.1 = blocks.len();
                }
            }
        }
    }
    flush(&mut buffer, &mut link_chars, *owners.last().unwrap(), &mut blocks);
    Walk { blocks, ranges }
}

/// Appends text with every run of whitespace turned into one space.
fn push_collapsed(buffer: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            if !buffer.is_empty() && !buffer.ends_with(' ') {
                buffer.push(' ');
            }
        } else {
            buffer.push(c);
        }
    }
}

fn is_boilerplate(el: &scraper::node::Element) -> bool {
    let name = el.name();
    if DROP_TAGS.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        if style.to_ascii_lowercase().contains("display:none") {
            return true;
        }
    }
    if matches!(name, "html" | "body" | "article" | "main") {
        return false;
    }
    if el
        .classes()
        .any(|c| HIDDEN_CLASSES.iter().any(|h| c.eq_ignore_ascii_case(h)))
    {
        return true;
    }
    let mut negative = false;
    let names = el.classes().chain(el.id());
    for word in names.flat_map(|n| n.split(|c: char| !c.is_ascii_alphanumeric())) {
        let word = word.to_ascii_lowercase();
        if CONTENT_HINTS.contains(&word.as_str()) {
            return false;
        }
        negative |= BOILERPLATE_HINTS.contains(&word.as_str());
    }
    negative
}

/// The text of the best-scoring container, or of the whole page when no block
/// is long enough to vote.
fn main_text(doc: &Html, walk: &Walk) -> String {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut order: Vec<NodeId> = Vec::new();
    for block in &walk.blocks {
        let chars = block.text.chars().count();
        if chars < MIN_VOTING_CHARS {
            continue;
        }
        let Some(owner) = doc.tree.get(block.owner) else {
            continue;
        };
        let link_density = block.link_chars as f64 / chars as f64;
        let commas = block.text.matches(',').count() as f64;
        let score = (1.0 + commas + (chars as f64 / 100.0).min(3.0)) * (1.0 - link_density);
        let is_paragraph = owner
            .value()
            .as_element()
            .is_some_and(|el| PARAGRAPH_TAGS.contains(&el.name()));
        let container = if is_paragraph { owner.parent() } else { Some(owner) };
        let Some(container) = container else { continue };
        let mut vote = |id: NodeId, share: f64| {
            let entry = scores.entry(id).or_insert_with(|| {
                order.push(id);
                0.0
            });
            *entry += score * share;
        };
        vote(container.id(), 1.0);
        if let Some(grandparent) = container.parent() {
            vote(grandparent.id(), 0.5);
        }
    }
    // The first container in document order wins a tie, so the result is stable.
    let mut best: Option<(NodeId, f64)> = None;
    for id in order {
        let score = scores[&id];
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((id, score));
        }
    }
    let (start, end) = best
        .and_then(|(id, _)| walk.ranges.get(&id).copied())
        .unwrap_or((0, walk.blocks.len()));
    let lines: Vec<&str> = walk.blocks[start..end]
        .iter()
        .filter(|b| b.link_chars * 2 <= b.text.chars().count())
        .map(|b| b.text.as_str())
        .collect();
    lines.join("\n")
}

struct Selectors {
    h1: Selector,
    title: Selector,
    og_title: Selector,
    canonical: Selector,
    og_url: Selector,
    published: Vec<Selector>,
    json_ld: Selector,
    time: Selector,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("selector {css:?}: {e}"))
}

/// Meta tags that carry the publication date, most specific first.
const PUBLISHED_META: &[&str] = &[
    r#"meta[property="article:published_time" i]"#,
    r#"meta[name="article:published_time" i]"#,
    r#"meta[itemprop="datePublished" i]"#,
    r#"meta[property="og:published_time" i]"#,
    r#"meta[name="pubdate" i]"#,
    r#"meta[name="publishdate" i]"#,
    r#"meta[name="publish-date" i]"#,
    r#"meta[name="parsely-pub-date" i]"#,
    r#"meta[name="sailthru.date" i]"#,
    r#"meta[name="dc.date.issued" i]"#,
    r#"meta[name="dcterms.date" i]"#,
    r#"meta[name="dc.date" i]"#,
    r#"meta[name="date" i]"#,
];

static SELECTORS: LazyLock<Selectors> = LazyLock::new(|| Selectors {
    h1: selector("h1"),
    title: selector("title"),
    og_title: selector(r#"meta[property="og:title" i], meta[name="twitter:title" i]"#),
    canonical: selector(r#"link[rel="canonical" i]"#),
    og_url: selector(r#"meta[property="og:url" i]"#),
    published: PUBLISHED_META.iter().map(|css| selector(css)).collect(),
    json_ld: selector(r#"script[type="application/ld+json" i]"#),
    time: selector("time[datetime]"),
});

fn metadata(doc: &Html) -> Page {
    let s = &*SELECTORS;
    let title = first_attr(doc, &s.og_title, "content").or_else(|| first_text(doc, &s.title));
    let url = first_attr(doc, &s.canonical, "href").or_else(|| first_attr(doc, &s.og_url, "content"));
    let published = s
        .published
        .iter()
        .find_map(|sel| first_attr(doc, sel, "content"))
        .or_else(|| json_ld_published(doc))
        .or_else(|| first_attr(doc, &s.time, "datetime"));
    Page {
        text: String::new(),
        title,
        url,
        published,
    }
}

fn first_attr(doc: &Html, selector: &Selector, attr: &str) -> Option<String> {
    doc.select(selector).find_map(|el| non_empty(el.value().attr(attr)?))
}

fn first_text(doc: &Html, selector: &Selector) -> Option<String> {
    doc.select(selector).find_map(|el: ElementRef| {
        let mut text = String::new();
        for piece in el.text() {
            push_collapsed(&mut text, piece);
        }
        non_empty(&text)
    })
}

fn non_empty(s: &str) -> Option<String> {
    let mut collapsed = String::new();
    push_collapsed(&mut collapsed, s);
    let trimmed = collapsed.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

fn json_ld_published(doc: &Html) -> Option<String> {
    doc.select(&SELECTORS.json_ld).find_map(|script| {
        let text: String = script.text().collect();
        let value: serde_json::Value = serde_json::from_str(text.trim()).ok()?;
        find_key(&value, "datePublished", 0)
    })
}

/// The first string under `key` anywhere in a JSON-LD value (`@graph` included).
fn find_key(value: &serde_json::Value, key: &str, depth: usize) -> Option<String> {
    use serde_json::Value;
    if depth > 16 {
        return None;
    }
    match value {
        Value::Object(map) => {
            if let Some(Value::String(s)) = map.get(key) {
                return non_empty(s);
            }
            map.values().find_map(|v| find_key(v, key, depth + 1))
        }
        Value::Array(items) => items.iter().find_map(|v| find_key(v, key, depth + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html>
<html><head>
<title>Seoul piles on more sanctions | Example Daily</title>
<meta property="og:title" content="Seoul piles on more sanctions">
<meta property="og:url" content="https://example.com/og">
<link rel="canonical" href="https://example.com/2017/12/10/seoul">
<meta property="article:published_time" content="2017-12-10T09:00:00+09:00">
<script>var tracking = "Ignore me";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<main><article>
<h1>Seoul piles on more sanctions</h1>
<div class="article-body">
<p>South Korea&rsquo;s Foreign Ministry announced Sunday additional unilateral sanctions on North Korea, targeting 20 organizations and 12 individuals.</p>
<p>The sanctions go into effect from Monday, the ministry said in a statement, and cover <a href="/banks">banks</a> in China.</p>
<aside>Related: other stories you might like</aside>
<p>All of the organizations have been listed by the U.S. Department of the Treasury before.</p>
</div>
</article></main>
<section id="comments"><p>Great article, thanks for writing this, very informative indeed!</p></section>
<footer>Copyright Example Daily</footer>
</body></html>"##;

    #[test]
    fn main_text_drops_boilerplate() {
        let page = extract(PAGE);
        assert_eq!(
            page.text,
            "Seoul piles on more sanctions\n\n\
             South Korea\u{2019}s Foreign Ministry announced Sunday additional unilateral sanctions on North Korea, targeting 20 organizations and 12 individuals.\n\
             The sanctions go into effect from Monday, the ministry said in a statement, and cover banks in China.\n\
             All of the organizations have been listed by the U.S. Department of the Treasury before."
        );
    }

    #[test]
    fn metadata_from_tags() {
        let page = extract(PAGE);
        assert_eq!(page.title.as_deref(), Some("Seoul piles on more sanctions"));
        assert_eq!(page.url.as_deref(), Some("https://example.com/2017/12/10/seoul"));
        assert_eq!(page.published.as_deref(), Some("2017-12-10T09:00:00+09:00"));
    }

    #[test]
    fn published_from_json_ld_and_time() {
        let json_ld = r#"<html><head><title>T</title><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
             {"@type":"NewsArticle","headline":"T","datePublished":"2024-04-03T10:00:00Z"}]}
            </script></head><body><p>Text.</p></body></html>"#;
        assert_eq!(extract(json_ld).published.as_deref(), Some("2024-04-03T10:00:00Z"));

        let time = r#"<html><body><time datetime="2023-03-03">March 3</time><p>Text.</p></body></html>"#;
        assert_eq!(extract(time).published.as_deref(), Some("2023-03-03"));

        let meta_name = r#"<html><head><meta name="Date" content="2019-12-03"></head><body>x</body></html>"#;
        assert_eq!(extract(meta_name).published.as_deref(), Some("2019-12-03"));
    }

    #[test]
    fn title_falls_back_to_the_title_element() {
        let page = extract("<html><head><title> A  title </title></head><body><p>Body text.</p></body></html>");
        assert_eq!(page.title.as_deref(), Some("A title"));
        assert_eq!(page.text, "A title\n\nBody text.");
    }

    #[test]
    fn pages_without_paragraphs_keep_all_visible_text() {
        let page = extract("<html><body><div>One line<br>Two line</div><script>x()</script></body></html>");
        assert_eq!(page.text, "One line\nTwo line");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 5_000;
        let html = format!(
            "{}<p>Deep text here.</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert!(extract(&html).text.ends_with("Deep text here."));
    }
}
