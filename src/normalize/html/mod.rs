//! HTML pages: the main text of the article and the page's metadata.
//!
//! The page is parsed once (scraper, on html5ever) and walked once, iteratively,
//! into text blocks (`body.rs`); paragraphs vote for the element that holds them,
//! readability-style, and the winner with its prose-holding siblings, cleaned of
//! link lists and hinted boilerplate, is the article. Metadata (`meta.rs`) comes
//! from meta tags, JSON-LD, microdata, the visible dateline and the URL, with
//! dates turned into ISO 8601 (`date.rs`). The vocabulary (tags, class hints,
//! month names) is data in `hints.rs` and `date.rs`. The article-extraction
//! benchmark's scoring lives outside the library (examples/common/html_benchmark.rs);
//! docs/html-extraction.md says how this design was chosen.

mod body;
pub(crate) mod date;
mod hints;
mod meta;
mod nesting;

use scraper::Html;

/// What a page yields: its main text and its metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The article's headline: the first `<h1>`, else the title.
    pub headline: Option<String>,
    /// The article body, one block per line, without the headline.
    pub body: String,
    /// The page's title: `og:title` or `twitter:title`, else `<title>`, else
    /// JSON-LD `headline`.
    pub title: Option<String>,
    /// The canonical URL (`<link rel=canonical>`, else `og:url`).
    pub url: Option<String>,
    /// The publication date, ISO 8601: `2019-11-19` or `2019-11-19T06:56:43-05:00`.
    pub published: Option<String>,
    /// The author: an author meta tag, else an `itemprop="author"` element, a
    /// `rel="author"` link or JSON-LD `author`.
    pub author: Option<String>,
}

impl Page {
    /// The text the pipeline cleans: headline, a blank line, then the body.
    pub fn text(&self) -> String {
        match &self.headline {
            Some(h) if self.body.is_empty() => h.clone(),
            Some(h) if !self.body.starts_with(h.as_str()) => format!("{h}\n\n{}", self.body),
            _ => self.body.clone(),
        }
    }
}

/// Extracts the main text and metadata of a page.
///
/// A page nested deeper than any real one is flattened first (`nesting.rs`):
/// html5ever's parsing time grows with the square of the nesting depth.
pub fn extract(html: &str) -> Page {
    let html = nesting::flatten(html, nesting::MAX_NESTING);
    extract_document(&Html::parse_document(&html))
}

/// Extracts the main text and metadata of a page already parsed.
pub fn extract_document(doc: &Html) -> Page {
    let walk = body::walk(doc);
    let (body, start) = body::main_text(&walk);
    let meta = meta::read(doc, &walk, start);
    Page {
        headline: meta.headline,
        body,
        title: meta.title,
        url: meta.url,
        published: meta.published,
        author: meta.author,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html>
<html><head>
<title>Seoul widens its sanctions | Example Daily</title>
<meta property="og:title" content="Seoul widens its sanctions">
<meta property="og:url" content="https://example.com/og">
<link rel="canonical" href="https://example.com/2017/12/10/seoul">
<meta property="article:published_time" content="2017-12-10T09:00:00+09:00">
<script>var tracking = "Ignore me";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<main><article>
<h1>Seoul widens its sanctions</h1>
<div class="article-body">
<p>On Sunday South Korea&rsquo;s Foreign Ministry unveiled more unilateral sanctions on North Korea, aimed at 20 organizations and 12 individuals.</p>
<p>The sanctions go into effect from Monday, the ministry said in a statement, and cover <a href="/banks">banks</a> in China.</p>
<aside>Related: other stories you might like</aside>
<p>Every one of the organizations was already on a list kept by the U.S. Treasury.</p>
</div>
</article></main>
<section id="comments"><p>Great article, thanks for writing this, very informative indeed!</p></section>
<footer>Copyright Example Daily</footer>
</body></html>"##;

    #[test]
    fn main_text_drops_boilerplate() {
        let page = extract(PAGE);
        assert_eq!(
            page.text(),
            "Seoul widens its sanctions\n\n\
             On Sunday South Korea\u{2019}s Foreign Ministry unveiled more unilateral sanctions on North Korea, aimed at 20 organizations and 12 individuals.\n\
             The sanctions go into effect from Monday, the ministry said in a statement, and cover banks in China.\n\
             Every one of the organizations was already on a list kept by the U.S. Treasury."
        );
    }

    #[test]
    fn metadata_from_tags() {
        let page = extract(PAGE);
        assert_eq!(page.title.as_deref(), Some("Seoul widens its sanctions"));
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
        assert_eq!(page.text(), "A title\n\nBody text.");
    }

    #[test]
    fn pages_without_paragraphs_keep_all_visible_text() {
        let page = extract("<html><body><div>One line<br>Two line</div><script>x()</script></body></html>");
        assert_eq!(page.text(), "One line\nTwo line");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = |depth: usize| {
            format!(
                "{}<p>Deep text here.</p>{}",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        };
        // The walk and everything after it, on a tree as deep as html5ever builds.
        let doc = Html::parse_document(&page(5_000));
        assert_eq!(extract_document(&doc).body, "Deep text here.");
        // Deeper pages are flattened before parsing.
        assert_eq!(extract(&page(100_000)).body, "Deep text here.");
    }

    /// A paragraph of article prose, long enough to vote.
    const PROSE: &str = "The Treasury Department on Thursday sanctioned eight individuals and two entities, saying they had laundered stolen funds for the regime's weapons programs.";

    fn body(html: &str) -> String {
        extract(html).body
    }

    #[test]
    fn related_lists_comments_and_menus_stay_out() {
        let html = format!(
            r#"<html><body>
            <ul class="menu"><li><a href="/a">World</a></li><li><a href="/b">Business</a></li></ul>
            <div class="story"><p>{PROSE}</p><p>{PROSE} Second.</p>
              <div class="related-stories"><h3>More</h3><p>{PROSE} Teaser.</p></div>
              <p>{PROSE} Third.</p></div>
            <div id="comments"><p>{PROSE} Comment.</p></div>
            <ul><li><a href="/1">A link list that is long enough to be a paragraph of text</a></li></ul>
            </body></html>"#
        );
        assert_eq!(body(&html), format!("{PROSE}\n{PROSE} Second.\n{PROSE} Third."));
    }

    #[test]
    fn siblings_split_by_an_ad_join_the_article() {
        let html = format!(
            r#"<html><body><div>
            <div class="column"><p>{PROSE}</p><p>{PROSE} Two.</p><p>{PROSE} Three.</p></div>
            <div class="ad-slot">Advertisement</div>
            <div class="column"><p>{PROSE} Four.</p><p>{PROSE} Five.</p><p>{PROSE} Six.</p></div>
            </div><div class="footer-links"><p><a href="/x">About us</a></p></div></body></html>"#
        );
        let got = body(&html);
        assert!(got.starts_with(PROSE) && got.ends_with("Six."), "{got}");
        assert!(!got.contains("Advertisement") && !got.contains("About"), "{got}");
    }

    #[test]
    fn a_boilerplate_word_on_a_page_wide_wrapper_is_ignored() {
        // `has-sidebar` hints at boilerplate, but the element holds all the prose.
        let html = format!(
            r#"<html><body><div class="layout has-sidebar"><p>{PROSE}</p><p>{PROSE} Two.</p></div></body></html>"#
        );
        assert_eq!(body(&html), format!("{PROSE}\n{PROSE} Two."));
    }

    #[test]
    fn headline_captions_hidden_text_and_furniture_leave_the_body() {
        let html = format!(
            r#"<html><body><article><h1>Headline</h1>
            <figure><img src="x.jpg"><figcaption>A caption under the photo of the ministry.</figcaption></figure>
            <p>{PROSE}</p><p class="sr-only">Skip to the next story</p><span style="display: none">hidden</span>
            <p>Advertisement</p><p>{PROSE} Two.</p></article></body></html>"#
        );
        let page = extract(&html);
        assert_eq!(page.headline.as_deref(), Some("Headline"));
        assert_eq!(page.body, format!("{PROSE}\n{PROSE} Two."));
        assert_eq!(page.text(), format!("Headline\n\n{PROSE}\n{PROSE} Two."));
    }

    #[test]
    fn table_rows_are_lines() {
        let html = format!(
            "<html><body><div><p>{PROSE}</p><table><tr><th>Name</th><th>Points</th></tr>\
             <tr><td>Kyle Busch</td><td>5040</td></tr></table><p>{PROSE} Two.</p></div></body></html>"
        );
        assert_eq!(
            body(&html),
            format!("{PROSE}\nName Points\nKyle Busch 5040\n{PROSE} Two.")
        );
    }

    #[test]
    fn author_from_each_place() {
        let cases = [
            (r#"<meta name="author" content="Jane Doe">"#, Some("Jane Doe")),
            (
                r#"<meta property="article:author" content="https://facebook.com/jane">"#,
                None,
            ),
            (r#"<meta name="byl" content="By Ana Swanson">"#, Some("Ana Swanson")),
            (
                r#"<span itemprop="author" itemscope><span itemprop="name">Kim Tong-hyung</span></span>"#,
                Some("Kim Tong-hyung"),
            ),
            (r#"<a rel="author" href="/by/jeff">Jeff Foust</a>"#, Some("Jeff Foust")),
            (
                r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"A. One"},{"name":"B. Two"}]}</script>"#,
                Some("A. One, B. Two"),
            ),
            (
                r#"<script type="application/ld+json">{"author":"Reuters"}</script>"#,
                Some("Reuters"),
            ),
            ("", None),
        ];
        for (markup, expected) in cases {
            let html = format!("<html><head></head><body>{markup}<p>{PROSE}</p></body></html>");
            assert_eq!(extract(&html).author.as_deref(), expected, "{markup}");
        }
    }

    #[test]
    fn published_from_each_place() {
        let cases = [
            // Meta tags, most specific first; modification dates are not read.
            (
                r#"<meta property="article:modified_time" content="2019-11-20"><meta name="pubdate" content="20191119">"#,
                Some("2019-11-19"),
            ),
            (
                r#"<meta name="sailthru.date" content="2019-11-18 20:58:46">"#,
                Some("2019-11-18T20:58:46"),
            ),
            (r#"<meta name="sn-post-date" content="2019/11/19">"#, Some("2019-11-19")),
            // A placeholder is skipped for the next source.
            (
                r#"<meta property="article:published_time" content="0001-01-01T00:00:00Z"><time datetime="2019-11-19T10:00:00-05:00">Nov 19</time>"#,
                Some("2019-11-19T10:00:00-05:00"),
            ),
            // JSON-LD that is not valid JSON still gives its date.
            (
                r#"<script type="application/ld+json">{"datePublished": "01:38:07 PM IST Nov 20, 2019", oops}</script>"#,
                Some("2019-11-20"),
            ),
            (
                r#"<span itemprop="datePublished">Tue, 19 Nov 2019 14:00:00 GMT</span>"#,
                Some("2019-11-19T14:00:00Z"),
            ),
            // The visible dateline under the headline.
            (
                "<h1>Headline</h1><p>By Jeff Foust | Monday, November 18, 2019</p>",
                Some("2019-11-18"),
            ),
            (
                "<h1>Headline</h1><p>publiziert am 30. Juli 2018</p>",
                Some("2018-07-30"),
            ),
            // An update line is not the publication date; a cue line anywhere is.
            (
                "<h1>Headline</h1><p>Last Updated: Nov 21, 2019</p><p>x</p><p>First Published on Nov 20, 2019</p>",
                Some("2019-11-20"),
            ),
            // A date in the article's own prose is not its dateline.
            (
                "<h1>Headline</h1><p>The ministry said on March 3, 2019 that the measures, which target banks and shipping firms, would take effect within thirty days of publication.</p>",
                None,
            ),
            // The URL when nothing else says.
            (
                r#"<link rel="canonical" href="https://news.example/2019/nov/18/story/">"#,
                Some("2019-11-18"),
            ),
            ("", None),
        ];
        for (markup, expected) in cases {
            let html = format!("<html><head></head><body>{markup}<div><p>{PROSE}</p></div></body></html>");
            assert_eq!(extract(&html).published.as_deref(), expected, "{markup}");
        }
    }

    #[test]
    fn a_dateline_that_agrees_with_the_url_wins() {
        // A fact-check dates the claim before its own byline.
        let html = format!(
            r#"<html><head><link rel="canonical" href="https://fact.example/2019/nov/18/claim/"></head><body>
            <h1>Claim</h1><p>said on Sunday, October 13th, 2019 in a newspaper</p>
            <p>By A. Writer on Monday, November 18th, 2019</p><div><p>{PROSE}</p></div></body></html>"#
        );
        assert_eq!(extract(&html).published.as_deref(), Some("2019-11-18"));
    }

    #[test]
    fn odd_pages_give_the_text_they_hold() {
        let deep_json = format!("{}1{}", "[".repeat(5_000), "]".repeat(5_000));
        let cells = "<tr><td>cell</td><td>1</td></tr>".repeat(2_000);
        let pages: [(String, String); 9] = [
            (String::new(), String::new()),
            ("<".into(), String::new()),
            ("plain text, no tags at all".into(), "plain text, no tags at all".into()),
            (
                "<p>unclosed <b>bold <i>italic <a href=x>link".into(),
                "unclosed bold italic link".into(),
            ),
            (
                format!(
                    "<html><body>{}deep inline{}</body></html>",
                    "<span>".repeat(5_000),
                    "</span>".repeat(5_000)
                ),
                "deep inline".into(),
            ),
            (format!("<table>{cells}</table>"), vec!["cell 1"; 2_000].join("\n")),
            // Dates that are no dates give none.
            (
                r#"<time datetime="9999-99-99T99:99">x</time><meta name="date" content="2019-02-30">"#.into(),
                "x".into(),
            ),
            (
                format!(r#"<script type="application/ld+json">{deep_json}</script><p>x</p>"#),
                "x".into(),
            ),
            ("<h1></h1><h1>Two</h1><p>\u{200b}</p>".into(), "Two".into()),
        ];
        for (html, text) in &pages {
            let page = extract(html);
            assert_eq!(&page.text(), text, "{:?}", &html[..html.len().min(80)]);
            assert_eq!(page.published, None, "{:?}", &html[..html.len().min(80)]);
        }
    }
}
