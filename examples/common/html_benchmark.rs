//! The article-extraction benchmark's score: token-shingle precision, recall and F1.
//! Not part of the library: shared by `examples/html_benchmark.rs` and the test
//! `tests/integration/html_benchmark.rs` (each includes this file).
//!
//! Computed the way the scrapinghub article-extraction-benchmark computes it, so
//! our figures compare with the published ones: texts are cut into word tokens
//! (runs of Unicode letters, digits and `_`, like Python's `\w+`), tokens into
//! overlapping shingles of 4 (a text shorter than 4 tokens is one shingle), and
//! the multisets of shingles are matched. Each page's true positives, false
//! positives and false negatives are divided by their sum, so that every page
//! weighs the same; the corpus figures are precision and recall of the averaged
//! shares, and F1 their harmonic mean.

// Each includer reads its own part of the report.
#![allow(dead_code)]

use sanctions_extract::normalize::html::{self, Page};
use sanctions_extract::sources::Content;
use sanctions_extract::{Inputs, Limits};
use std::collections::HashMap;
use std::path::Path;

/// One benchmark page: its id, its HTML and its true article body.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    pub url: String,
    pub html: String,
    pub truth: String,
    /// The publication day the page shows (`published.json`), `None` when it
    /// shows none; with `also`, other days that name the same moment.
    pub published: Option<String>,
    pub also: Vec<String>,
}

/// Reads the benchmark from its folder (`ground-truth.json`, `{id: {articleBody,
/// url}}`, and `html/<id>.html.gz`, read through the pipeline's own sources so
/// the pages are decoded as the pipeline decodes them) and the gold publication
/// dates from `published` (`{id: {published, also}}`, the project's own file).
/// Cases come sorted by id.
pub fn load(dir: &Path, published: &Path) -> Result<Vec<Case>, String> {
    let truth = read_json(&dir.join("ground-truth.json"))?;
    let dates = read_json(published)?;
    let inputs = Inputs::new([dir.join("html")], Limits::default());
    let mut cases = Vec::new();
    for doc in inputs.documents(Box::new(|_| {})) {
        let id = doc.doc_id.trim_end_matches(".html.gz").to_string();
        let Content::Html(html) = doc.content else {
            return Err(format!("{}: not read as HTML: {:?}", doc.doc_id, doc.content));
        };
        let entry = truth.get(&id).ok_or_else(|| format!("{id}: no ground truth"))?;
        let field = |name: &str| entry.get(name).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let date = dates.get(&id).ok_or_else(|| format!("{id}: not in published.json"))?;
        cases.push(Case {
            url: field("url"),
            truth: field("articleBody"),
            published: date.get("published").and_then(|v| v.as_str()).map(str::to_string),
            also: date
                .get("also")
                .and_then(|v| v.as_array())
                .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
                .unwrap_or_default(),
            id,
            html,
        });
    }
    if cases.len() != truth.len() {
        return Err(format!(
            "{} pages for {} ground-truth entries",
            cases.len(),
            truth.len()
        ));
    }
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(cases)
}

fn read_json(path: &Path) -> Result<HashMap<String, serde_json::Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// One page's outcome.
#[derive(Debug, Clone)]
pub struct PageResult {
    pub shares: Shares,
    /// Whether the extracted publication date is right: `None` for a page that
    /// shows no date.
    pub date_found: Option<bool>,
    pub page: Page,
}

/// The benchmark's outcome: scores of the main text and the date check.
#[derive(Debug, Clone)]
pub struct Report {
    pub scores: Scores,
    pub dates: DateCheck,
    pub pages: Vec<PageResult>,
}

/// Extracts every page once and scores text and date.
pub fn run(cases: &[Case]) -> Report {
    let mut dates = DateCheck::default();
    let mut pages = Vec::with_capacity(cases.len());
    for case in cases {
        let page = html::extract(&case.html);
        let shares = score(&case.truth, &page.body);
        let date_found = case.published.as_deref().map(|day| {
            let found = page.published.as_deref().and_then(|p| p.get(..10));
            let right = found.is_some_and(|d| d == day || case.also.iter().any(|a| a == d));
            if !right {
                dates.misses.push(format!(
                    "{} {}: gold {day}, found {:?}",
                    case.id, case.url, page.published
                ));
            }
            right
        });
        match date_found {
            None => dates.undated += 1,
            Some(right) => {
                dates.dated += 1;
                dates.found += usize::from(right);
            }
        }
        pages.push(PageResult {
            shares,
            date_found,
            page,
        });
    }
    let shares: Vec<Shares> = pages.iter().map(|p| p.shares).collect();
    Report {
        scores: corpus(&shares),
        dates,
        pages,
    }
}

/// The outcome of the publication-date check against `published.json`.
#[derive(Debug, Clone, Default)]
pub struct DateCheck {
    /// Pages that show a publication date.
    pub dated: usize,
    /// Of those, pages whose extracted date falls on the gold day (or one of its
    /// `also` days, the same moment in another time zone).
    pub found: usize,
    /// Pages that show none.
    pub undated: usize,
    /// One line per dated page missed.
    pub misses: Vec<String>,
}

/// Shingle length in tokens.
pub const SHINGLE: usize = 4;

/// One page's shares of true positives, false positives and false negatives
/// (they sum to 1, or are all 0 when both texts are empty).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Shares {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl Shares {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// Precision, recall and F1 of a set of pages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The corpus scores of per-page shares.
pub fn corpus(pages: &[Shares]) -> Scores {
    let n = pages.len().max(1) as f64;
    let mean = Shares {
        tp: pages.iter().map(|s| s.tp).sum::<f64>() / n,
        fp: pages.iter().map(|s| s.fp).sum::<f64>() / n,
        fn_: pages.iter().map(|s| s.fn_).sum::<f64>() / n,
    };
    Scores {
        pages: pages.len(),
        precision: mean.precision(),
        recall: mean.recall(),
        f1: mean.f1(),
    }
}

/// Scores an extracted text against the true one.
pub fn score(truth: &str, predicted: &str) -> Shares {
    let truth = shingles(truth);
    let predicted = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (shingle, &t) in &truth {
        let p = predicted.get(shingle).copied().unwrap_or(0);
        tp += t.min(p);
        fn_ += t.saturating_sub(p);
    }
    for (shingle, &p) in &predicted {
        fp += p.saturating_sub(truth.get(shingle).copied().unwrap_or(0));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return Shares::default();
    }
    Shares {
        tp: tp as f64 / sum,
        fp: fp as f64 / sum,
        fn_: fn_ as f64 / sum,
    }
}

/// Word tokens: runs of letters, digits and underscores.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = tokens(text).collect();
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    let windows = tokens.len().saturating_sub(SHINGLE - 1).max(1);
    for start in 0..windows {
        let end = (start + SHINGLE).min(tokens.len());
        *counts.entry(tokens[start..end].to_vec()).or_insert(0) += 1;
    }
    counts
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}

fn f1(precision: f64, recall: f64) -> f64 {
    ratio(2.0 * precision * recall, precision + recall)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_word_runs() {
        let got: Vec<&str> = tokens("Kim's \u{201c}sanctions\u{201d}, 2,000 won_t; é").collect();
        assert_eq!(got, ["Kim", "s", "sanctions", "2", "000", "won_t", "é"]);
    }

    #[test]
    fn identical_texts_score_one() {
        let s = score("one two three four five", "one  two three\nfour five!");
        assert_eq!((s.tp, s.fp, s.fn_), (1.0, 0.0, 0.0));
    }

    #[test]
    fn shares_count_shingles() {
        // Truth has shingles abcd, bcde; prediction abcd, bcdx, cdxy.
        let s = score("a b c d e", "a b c d x y");
        assert_eq!((s.tp, s.fp, s.fn_), (0.25, 0.5, 0.25));
        assert!((s.precision() - 1.0 / 3.0).abs() < 1e-12);
        assert!((s.recall() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn short_and_empty_texts() {
        // Under four tokens the whole text is one shingle.
        assert_eq!(score("a b", "a b").tp, 1.0);
        assert_eq!(score("", ""), Shares::default());
        assert_eq!(score("a b c d", "").fn_, 1.0);
    }

    #[test]
    fn corpus_weighs_pages_equally() {
        let pages = [
            Shares {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0,
            },
            Shares {
                tp: 0.0,
                fp: 0.5,
                fn_: 0.5,
            },
        ];
        let s = corpus(&pages);
        assert!((s.precision - 0.5 / 0.75).abs() < 1e-12);
        assert!((s.recall - 0.5 / 0.75).abs() < 1e-12);
        assert_eq!(s.pages, 2);
    }
}
