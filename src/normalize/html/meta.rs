//! A page's metadata: title, canonical url, author and publication date.
//!
//! One pass over the elements collects meta tags, `<title>`, `<h1>`, the
//! canonical link, JSON-LD scripts and microdata; then each field takes the first
//! value found in its table of places, most specific first. The publication date
//! is looked for, in order, in meta tags ([`PUBLISHED_META`]), JSON-LD
//! `datePublished`, `itemprop="datePublished"`, the visible dateline near the
//! headline ([`dateline`]), a line that says it gives the publication date
//! ([`cued_date`]), the page's URL, and any `<time datetime>`. The first value
//! that reads as a date in 1990-2100 wins, turned into ISO 8601 by `date.rs`
//! without any time-zone shift, so the day is the one the page shows.

use super::body::{Walk, push_collapsed};
use super::date;
use chrono::NaiveDate;
use regex::Regex;
use scraper::{ElementRef, Html};
use serde_json::Value;
use std::sync::LazyLock;

/// Metadata read from a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub headline: Option<String>,
}

/// How a meta tag's `property`, `name` or `itemprop` value is compared with a
/// table entry (case-insensitively).
#[derive(Clone, Copy)]
enum Key {
    Is(&'static str),
    StartsWith(&'static str),
    EndsWith(&'static str),
}

impl Key {
    fn matches(self, key: &str) -> bool {
        match self {
            Key::Is(k) => key == k,
            Key::StartsWith(k) => key.starts_with(k),
            Key::EndsWith(k) => key.ends_with(k),
        }
    }
}

/// Meta tags that carry the publication date, most specific first (keys lower
/// case). Modification dates are not publication dates and are left out.
const PUBLISHED_META: &[Key] = &[
    Key::Is("article:published_time"),
    Key::Is("article:published"),
    Key::Is("article.published"),
    Key::Is("datepublished"),
    Key::Is("og:published_time"),
    Key::Is("pubdate"),
    Key::Is("publishdate"),
    Key::Is("publish-date"),
    Key::Is("publish_date"),
    Key::Is("parsely-pub-date"),
    Key::Is("sailthru.date"),
    Key::Is("dc.date.issued"),
    Key::Is("dcterms.date"),
    Key::Is("dcterms.created"),
    Key::Is("dc.date"),
    Key::Is("date"),
    Key::Is("pdate"),
    Key::Is("datecreated"),
    Key::StartsWith("published_time"),
    Key::EndsWith("post-date"),
];

/// Meta tags that name the author, most specific first.
const AUTHOR_META: &[Key] = &[
    Key::Is("author"),
    Key::Is("article:author"),
    Key::Is("byl"),
    Key::Is("parsely-author"),
    Key::Is("sailthru.author"),
];

/// Meta tags that give the title, then the URL.
const TITLE_META: &[Key] = &[Key::Is("og:title"), Key::Is("twitter:title")];
const URL_META: &[Key] = &[Key::Is("og:url")];

/// How far around the headline a dateline may be, in blocks.
const DATELINE_BEFORE: usize = 4;
const DATELINE_AFTER: usize = 20;

/// Words that mark a line's date as the last update, not the publication.
const UPDATE_WORDS: &[&str] = &[
    "updated",
    "modified",
    "aktualisiert",
    "atualizado",
    "actualizado",
    "mis à jour",
];

/// What one pass over the page's elements collects for the metadata.
#[derive(Default)]
struct Found<'a> {
    /// `(key, content)` of every meta tag, key lower case (`property`, `name` or
    /// `itemprop`; a tag with several gives several pairs).
    metas: Vec<(String, &'a str)>,
    title: Option<ElementRef<'a>>,
    h1: Vec<ElementRef<'a>>,
    canonical: Option<&'a str>,
    json_ld: Vec<ElementRef<'a>>,
    /// Elements other than meta tags marked `itemprop="datePublished"`.
    date_published: Vec<ElementRef<'a>>,
    /// Elements marked `itemprop="author"`, then links marked `rel="author"`.
    authors: Vec<ElementRef<'a>>,
    rel_authors: Vec<ElementRef<'a>>,
}

fn collect(doc: &Html) -> Found<'_> {
    let mut found = Found::default();
    for node in doc.root_element().descendants() {
        let Some(el) = ElementRef::wrap(node) else { continue };
        let v = el.value();
        let itemprop = v.attr("itemprop").unwrap_or("");
        match v.name() {
            "meta" => {
                let Some(content) = v.attr("content") else { continue };
                for attr in ["property", "name", "itemprop"] {
                    if let Some(key) = v.attr(attr) {
                        found.metas.push((key.trim().to_ascii_lowercase(), content));
                    }
                }
                continue;
            }
            "title" if found.title.is_none() => found.title = Some(el),
            "h1" => found.h1.push(el),
            "link" if found.canonical.is_none() && has_word(v.attr("rel"), "canonical") => {
                found.canonical = v.attr("href");
            }
            "script"
                if v.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                found.json_ld.push(el);
            }
            "a" if has_word(v.attr("rel"), "author") => found.rel_authors.push(el),
            _ => {}
        }
        if has_word(Some(itemprop), "datepublished") {
            found.date_published.push(el);
        }
        if has_word(Some(itemprop), "author") {
            found.authors.push(el);
        }
    }
    found
}

/// Whether a space-separated attribute value holds `word` (ASCII case ignored).
fn has_word(value: Option<&str>, word: &str) -> bool {
    value.is_some_and(|v| v.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case(word)))
}

/// The content of the first meta tag matching the first key that matches any.
fn meta_value<'a, T>(found: &Found<'a>, keys: &[Key], read: impl Fn(&'a str) -> Option<T>) -> Option<T> {
    keys.iter().find_map(|key| {
        found
            .metas
            .iter()
            .filter(|(k, _)| key.matches(k))
            .find_map(|(_, content)| read(content))
    })
}

/// Reads the metadata of a parsed page; `walk` gives the visible text for the
/// dateline.
pub(super) fn read(doc: &Html, walk: &Walk, article_start: Option<usize>) -> Meta {
    let found = collect(doc);
    let json_ld: Vec<Value> = found
        .json_ld
        .iter()
        .filter_map(|script| serde_json::from_str(script.text().collect::<String>().trim()).ok())
        .collect();
    let title = meta_value(&found, TITLE_META, non_empty)
        .or_else(|| found.title.and_then(element_text))
        .or_else(|| json_ld.iter().find_map(|v| find_string(v, "headline", 0)));
    let url = found
        .canonical
        .and_then(non_empty)
        .filter(|u| u.starts_with("http"))
        .or_else(|| meta_value(&found, URL_META, non_empty));
    let published = meta_value(&found, PUBLISHED_META, date::normalize)
        .or_else(|| {
            json_ld
                .iter()
                .find_map(|v| find_string(v, "datePublished", 0).and_then(|d| date::normalize(&d)))
        })
        .or_else(|| json_ld_published_raw(&found))
        .or_else(|| {
            found.date_published.iter().find_map(|el| {
                let v = el.value();
                match v.attr("content").or(v.attr("datetime")) {
                    Some(value) => date::normalize(value),
                    None => date::normalize(&el.text().collect::<String>()),
                }
            })
        })
        .or_else(|| dateline(walk, article_start, url.as_deref().and_then(date::in_url)))
        .or_else(|| cued_date(walk))
        .or_else(|| url.as_deref().and_then(date::in_url).map(|d| d.to_string()))
        .or_else(|| walk.times.iter().find_map(|(_, t)| date::normalize(t)));
    let author = meta_value(&found, AUTHOR_META, clean_author)
        .or_else(|| found.authors.iter().find_map(|el| author_in(*el)))
        .or_else(|| {
            found
                .rel_authors
                .iter()
                .find_map(|el| clean_author(&el.text().collect::<String>()))
        })
        .or_else(|| json_ld.iter().find_map(json_ld_author));
    let headline = found
        .h1
        .iter()
        .find_map(|el| element_text(*el))
        .or_else(|| title.clone());
    Meta {
        title,
        url,
        published,
        author,
        headline,
    }
}

/// The author named by an `itemprop="author"` element: its `content`, the text of
/// an `itemprop="name"` inside it, or its own text.
fn author_in(el: ElementRef) -> Option<String> {
    if let Some(content) = el.value().attr("content") {
        return clean_author(content);
    }
    let name = el
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|d| has_word(d.value().attr("itemprop"), "name"));
    match name {
        Some(name) => match name.value().attr("content") {
            Some(content) => clean_author(content),
            None => clean_author(&name.text().collect::<String>()),
        },
        None => clean_author(&el.text().collect::<String>()),
    }
}

fn element_text(el: ElementRef) -> Option<String> {
    let mut text = String::new();
    for piece in el.text() {
        push_collapsed(&mut text, piece);
    }
    non_empty(&text)
}

/// The date shown near the headline: a `<time datetime>` or a written date in
/// the lines around the first `<h1>` and just before the article, skipping lines
/// that give the last update. When the URL holds a date and one of these dates
/// is that day, it wins (a fact-check page dates the claim before its own
/// byline); else the first one does.
fn dateline(walk: &Walk, article_start: Option<usize>, url_date: Option<NaiveDate>) -> Option<String> {
    let mut windows = Vec::new();
    if let Some(i) = walk.blocks.iter().position(|b| b.h1) {
        windows.push((i.saturating_sub(DATELINE_BEFORE), i + DATELINE_AFTER));
    }
    if let Some(i) = article_start {
        windows.push((i.saturating_sub(DATELINE_AFTER), i + DATELINE_BEFORE));
    }
    if windows.is_empty() {
        windows.push((0, DATELINE_AFTER * 2));
    }
    let month_first = month_first(walk);
    let mut found: Vec<(NaiveDate, String)> = Vec::new();
    for (from, to) in windows {
        for i in from..to.min(walk.blocks.len()) {
            for (_, t) in walk.times.iter().filter(|(at, _)| *at == i) {
                if let Some(iso) = date::normalize(t)
                    && let Some(day) = iso.get(..10).and_then(|d| d.parse().ok())
                {
                    found.push((day, iso));
                }
            }
            let text = &walk.blocks[i].text;
            // A dateline is a short line; a date inside a paragraph of the
            // article is something the article talks about.
            if text.chars().count() > DATELINE_MAX_CHARS || is_update_line(text) {
                continue;
            }
            let mut day = date::find_in_text(text, month_first);
            // A dateline split over two short blocks: `November 20` | `15:23 2019`.
            if day.is_none()
                && text.chars().count() < SHORT_BLOCK
                && let Some(next) = walk.blocks.get(i + 1)
                && next.text.chars().count() < SHORT_BLOCK
                && !is_update_line(&next.text)
            {
                day = date::find_in_text(&format!("{text} {}", next.text), month_first);
            }
            if let Some(day) = day {
                found.push((day, day.to_string()));
            }
        }
        if !found.is_empty() {
            break;
        }
    }
    if let Some(url_day) = url_date
        && let Some((_, iso)) = found.iter().find(|(d, _)| *d == url_day)
    {
        return Some(iso.clone());
    }
    found.into_iter().next().map(|(_, iso)| iso)
}

/// Lines longer than this are prose, not datelines.
const DATELINE_MAX_CHARS: usize = 120;

/// Blocks shorter than this may hold half a dateline.
const SHORT_BLOCK: usize = 30;

/// Words that announce a publication date (`Published on`, `publiziert am`).
const PUBLISHED_CUES: &[&str] = &[
    "published",
    "posted",
    "publiziert",
    "veröffentlicht",
    "publicado",
    "publié",
    "pubblicato",
];

/// A date on a line that says it is the publication date, anywhere on the page.
fn cued_date(walk: &Walk) -> Option<String> {
    let month_first = month_first(walk);
    walk.blocks.iter().find_map(|b| {
        if b.text.chars().count() > DATELINE_MAX_CHARS {
            return None;
        }
        let lower = b.text.to_lowercase();
        if !PUBLISHED_CUES.iter().any(|c| lower.contains(c)) || is_update_line(&b.text) {
            return None;
        }
        date::find_in_text(&b.text, month_first).map(|d| d.to_string())
    })
}

fn is_update_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    UPDATE_WORDS.iter().any(|w| lower.contains(w)) && !PUBLISHED_CUES.iter().any(|c| lower.contains(c))
}

/// Whether numeric dates read month first: pages in American English.
fn month_first(walk: &Walk) -> bool {
    walk.lang
        .as_deref()
        .is_some_and(|l| l == "en" || l.starts_with("en-us"))
}

/// `"datePublished": "..."` in a JSON-LD script that does not parse as JSON.
fn json_ld_published_raw(found: &Found) -> Option<String> {
    static RAW: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]{6,60})""#).expect("pattern compiles"));
    found.json_ld.iter().find_map(|script| {
        let text: String = script.text().collect();
        let value = RAW.captures(&text)?.get(1)?.as_str().to_string();
        date::normalize(&value)
    })
}

fn clean_author(raw: &str) -> Option<String> {
    let mut name = String::new();
    push_collapsed(&mut name, raw);
    let mut name = name.trim();
    for prefix in ["By ", "by ", "BY "] {
        name = name.strip_prefix(prefix).unwrap_or(name);
    }
    let name = name.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '|');
    let plausible = !name.is_empty()
        && name.chars().count() <= 100
        && !name.contains("://")
        && !name.starts_with('@')
        && name.chars().any(char::is_alphabetic);
    plausible.then(|| name.to_string())
}

/// The author's name in a JSON-LD value: a string, an object with `name`, or a
/// list of them (joined with ", ").
fn json_ld_author(value: &Value) -> Option<String> {
    let author = find_value(value, "author", 0)?;
    let names: Vec<String> = match author {
        Value::Array(items) => items.iter().filter_map(author_name).collect(),
        other => author_name(other).into_iter().collect(),
    };
    clean_author(&names.join(", "))
}

fn author_name(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => clean_author(s),
        Value::Object(map) => map.get("name").and_then(Value::as_str).and_then(clean_author),
        _ => None,
    }
}

/// The first value under `key` anywhere in a JSON-LD value (`@graph` included).
fn find_value<'a>(value: &'a Value, key: &str, depth: usize) -> Option<&'a Value> {
    if depth > 16 {
        return None;
    }
    match value {
        Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find_value(v, key, depth + 1))),
        Value::Array(items) => items.iter().find_map(|v| find_value(v, key, depth + 1)),
        _ => None,
    }
}

fn find_string(value: &Value, key: &str, depth: usize) -> Option<String> {
    match find_value(value, key, depth)? {
        Value::String(s) => non_empty(s),
        _ => None,
    }
}

fn non_empty(s: &str) -> Option<String> {
    let mut collapsed = String::new();
    push_collapsed(&mut collapsed, s);
    let trimmed = collapsed.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}
