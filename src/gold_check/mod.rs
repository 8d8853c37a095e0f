//! Gold checks: gold annotations verified mechanically against their
//! articles, so that a wrong gold item is found before it moves a score.
//!
//! [`check`] reads gold files (JSONL, RECORD.md section 3) beside the
//! articles they annotate ([`Articles`], read from inputs as `extract` reads
//! them) and returns every [`Problem`], each naming the gold file and line,
//! the doc_id, the item and what is wrong with it. Each gold article goes
//! through:
//!
//! - `shape.rs`: doc_id present and unique; fields of the types and
//!   vocabularies RECORD.md section 2 gives (categories, entity types,
//!   statuses, currencies, date values), optional items included;
//! - `verbatim.rs`: every `text`, name, alias and named target written in
//!   the article exactly so;
//! - `dates.rs`: each date's `text` read again, relative forms from the
//!   article's publication date, by rules of this module's own;
//! - `consistency.rs`: names listed once, event authorities and targets that
//!   are entities of the article, event counts the article's counts give;
//! - `self_score.rs`: the gold scored against itself with `evaluate` at 1.0.
//!
//! A check that the spec leaves room for accepts every reading the spec
//! allows: the checker reports gold that is wrong, not gold it would have
//! written otherwise.

mod consistency;
mod dates;
mod self_score;
mod shape;
mod verbatim;

use crate::error::Error;
use crate::pipeline::{ArticleText, article_text};
use crate::sources::{Inputs, OnWarning};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// What is wrong with a gold item.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub(crate) enum Fault {
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error("missing")]
    Missing,
    #[error("not {0}")]
    NotA(&'static str),
    #[error("empty")]
    Empty,
    #[error("{value:?} is none of {}", allowed.join(", "))]
    Unknown {
        value: String,
        allowed: &'static [&'static str],
    },
    #[error("{value} is not {expected}")]
    BadValue { value: String, expected: &'static str },
    #[error("range {0} ends before it starts")]
    Backwards(String),
    #[error("type {kind:?} but the value {value} is {}", if value.contains('/') { "a range" } else { "no range" })]
    DateType { kind: String, value: String },
    #[error("the article is expected {0:?}, yet its gold has items")]
    ItemsOfNoArticle(String),
    #[error("doc_id also at {0}")]
    DuplicateDocId(String),
    #[error("no input article has this doc_id")]
    NoArticle,
    #[error("the input article has no text ({0})")]
    NoText(String),
    #[error("{text:?} is not in the article's text{}", if *only_clean { " (only in the clean text, where typographic quotes, dashes and spaces are ASCII)" } else { "" })]
    NotInArticle { text: String, only_clean: bool },
    #[error("{text:?} is the text of {items} items alike but is written {} in the article", times(*occurrences))]
    MoreItemsThanOccurrences {
        text: String,
        items: usize,
        occurrences: usize,
    },
    #[error("neither the name {name:?} nor any alias is in the article's text")]
    Unmentioned { name: String },
    #[error("{text:?} read from the publication date {} is {}, not {value}", published.as_deref().unwrap_or("(none)"), readings.join(" or "))]
    DateMismatch {
        text: String,
        value: String,
        published: Option<String>,
        readings: Vec<String>,
    },
    #[error("shares the name {name:?} with {other}")]
    SharedName { other: String, name: String },
    #[error("{name:?} is no entity of the article")]
    NotAnEntity { name: String },
    #[error("{name:?} is an alias of the entity {canonical:?}: events name entities by their canonical names")]
    NotCanonical { name: String, canonical: String },
    #[error("{name:?} is an entity of type {kind}, but {expected}")]
    EntityType {
        name: String,
        kind: String,
        expected: &'static str,
    },
    #[error("{value} {category} is neither a count of the article nor a sum of its counts")]
    CountNotInArticle { value: u64, category: String },
    #[error("{0} is the value of none of the article's dates")]
    EventDateNotGiven(String),
    #[error("the gold scored against itself has F1 {f1:.3}: {}", misses.join("; "))]
    SelfScore { f1: f64, misses: Vec<String> },
    #[error("the gold scored against itself has accuracy {accuracy:.3}")]
    SelfAccuracy { accuracy: f64 },
}

/// `once`, `twice`, `3 times`.
fn times(n: usize) -> String {
    match n {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    }
}

/// How bad a problem is: an error is gold that breaks a rule, a warning is
/// gold that may be right but should be looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Severity {
    Error,
    Warning,
}

impl Fault {
    /// Whether the fault is an error or a warning.
    pub(crate) fn severity(&self) -> Severity {
        match self {
            Fault::CountNotInArticle { .. } | Fault::EventDateNotGiven(_) => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One problem of a gold file, printed as `FILE:LINE doc_id: item: fault`.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The gold file, as it was named.
    pub file: String,
    /// The line of the gold article, from 1.
    pub line: usize,
    /// The gold article's doc_id (empty when it has none).
    pub doc_id: String,
    /// Where in the gold article: `dates[2].text`, `events[0].target`, `doc_id`.
    pub item: String,
    /// What is wrong with it.
    pub(crate) fault: Fault,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let doc_id = if self.doc_id.is_empty() {
            "(no doc_id)"
        } else {
            &self.doc_id
        };
        let warning = match self.fault.severity() {
            Severity::Warning => "warning: ",
            Severity::Error => "",
        };
        write!(
            f,
            "{}:{} {doc_id}: {}: {warning}{}",
            self.file, self.line, self.item, self.fault
        )
    }
}

/// Problems of one gold article as they are found, with the item each concerns.
#[derive(Debug, Default)]
struct Found(Vec<(String, Fault)>);

impl Found {
    fn add(&mut self, item: &str, fault: Fault) {
        self.0.push((item.to_string(), fault));
    }
}

/// What the checks looked at.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Gold files read.
    pub gold_files: usize,
    /// Gold articles in them, one per non-blank line.
    pub gold_articles: usize,
    /// Gold articles whose input article was found and read.
    pub with_text: usize,
    /// Input articles without gold (not checked).
    pub articles_without_gold: usize,
    /// Strings looked for in the articles' texts.
    pub strings: usize,
    /// Date texts read from the publication date, and read as written.
    pub dates_relative: usize,
    /// Date texts of absolute forms, read as written.
    pub dates_absolute: usize,
    /// Date texts of relative forms in an article without a publication date.
    pub dates_without_published: usize,
    /// Date texts of forms the checker does not know, with their doc_ids.
    pub dates_unrecognised: Vec<(String, String)>,
    /// Problems that are errors: gold that breaks a rule.
    pub errors: usize,
    /// Problems that are warnings: gold that may be right but should be looked at.
    pub warnings: usize,
}

/// The outcome of a check.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Every problem found, each naming its gold file and line.
    pub problems: Vec<Problem>,
    /// What was looked at, and how many errors and warnings were found.
    pub tally: Tally,
}

impl Report {
    /// The closing lines for people: what was checked and what was found.
    pub fn summary(&self) -> String {
        let t = &self.tally;
        format!(
            "{} gold articles in {} files ({} with their article's text, {} input articles without gold)\n\
             {} strings looked for in the articles\n\
             dates: {} relative read from the publication date, {} absolute, {} of forms not recognised, {} without a publication date\n\
             {} errors, {} warnings\n",
            t.gold_articles,
            t.gold_files,
            t.with_text,
            t.articles_without_gold,
            t.strings,
            t.dates_relative,
            t.dates_absolute,
            t.dates_unrecognised.len(),
            t.dates_without_published,
            t.errors,
            t.warnings,
        )
    }
}

/// A gold file's name (as printed in problems) and text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldFile {
    /// The path as given, for messages.
    pub name: String,
    /// Its JSONL text.
    pub text: String,
}

impl GoldFile {
    /// Reads the gold file at `path`.
    pub fn read(path: &Path) -> Result<GoldFile, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Input {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(GoldFile {
            name: path.display().to_string(),
            text,
        })
    }
}

/// The input articles, by doc_id.
#[derive(Debug, Default)]
pub struct Articles {
    by_id: HashMap<String, Result<ArticleText, String>>,
    /// The details of the input articles that could not be read.
    pub unreadable: Vec<String>,
}

impl Articles {
    /// Reads every article of `inputs` as `extract` does, up to its clean text.
    pub fn read(inputs: &Inputs, on_warning: OnWarning) -> Result<Articles, Error> {
        inputs.check()?;
        Ok(Articles::from_texts(inputs.documents(on_warning).map(article_text)))
    }

    /// Articles already read; a document without text is its record.
    pub(crate) fn from_texts(texts: impl IntoIterator<Item = Result<ArticleText, Box<crate::Record>>>) -> Articles {
        let mut articles = Articles::default();
        for text in texts {
            match text {
                Ok(article) => {
                    articles.by_id.insert(article.doc_id.clone(), Ok(article));
                }
                Err(record) => {
                    let detail = record.status_detail.unwrap_or_default();
                    if record.status == crate::Status::Error {
                        articles.unreadable.push(detail.clone());
                    }
                    articles
                        .by_id
                        .insert(record.doc_id, Err(format!("{}: {detail}", record.status.as_str())));
                }
            }
        }
        articles
    }
}

/// Checks every gold article of `gold` against `articles`.
pub fn check(gold: &[GoldFile], articles: &Articles) -> Report {
    let mut report = Report::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    for file in gold {
        report.tally.gold_files += 1;
        for (index, line) in file.text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = |doc_id: &str, (item, fault): (String, Fault)| Problem {
                file: file.name.clone(),
                line: index + 1,
                doc_id: doc_id.to_string(),
                item,
                fault,
            };
            report.tally.gold_articles += 1;
            let gold: Value = match serde_json::from_str(line) {
                Ok(gold) => gold,
                Err(err) => {
                    report
                        .problems
                        .push(at("", ("line".into(), Fault::NotJson(err.to_string()))));
                    continue;
                }
            };
            let doc_id = gold.get("doc_id").and_then(Value::as_str).unwrap_or("").to_string();
            let mut found = Found::default();
            if !doc_id.is_empty() {
                let here = format!("{}:{}", file.name, index + 1);
                if let Some(first) = seen.get(&doc_id) {
                    found.add("doc_id", Fault::DuplicateDocId(first.clone()));
                } else {
                    seen.insert(doc_id.clone(), here);
                }
            }
            let article = match articles.by_id.get(&doc_id) {
                Some(Ok(article)) => Some(article),
                Some(Err(why)) => {
                    found.add("doc_id", Fault::NoText(why.clone()));
                    None
                }
                None if doc_id.is_empty() => None,
                None => {
                    found.add("doc_id", Fault::NoArticle);
                    None
                }
            };
            check_article(&gold, article, &mut found, &mut report.tally);
            report.problems.extend(found.0.into_iter().map(|p| at(&doc_id, p)));
        }
    }
    report.tally.articles_without_gold = articles.by_id.keys().filter(|id| !seen.contains_key(*id)).count();
    for problem in &report.problems {
        match problem.fault.severity() {
            Severity::Error => report.tally.errors += 1,
            Severity::Warning => report.tally.warnings += 1,
        }
    }
    report
}

/// Every check of one gold article; those that need the article's text only
/// when it was found.
fn check_article(gold: &Value, article: Option<&ArticleText>, found: &mut Found, tally: &mut Tally) {
    shape::check(gold, found);
    if let Some(article) = article {
        tally.with_text += 1;
        let texts = verbatim::Texts {
            raw: &article.raw,
            clean: &article.text,
        };
        verbatim::check(gold, &texts, found, tally);
        let published = article.source.published.as_deref().and_then(published_date);
        dates::check(gold, published, found, tally);
    }
    consistency::check(gold, article.map(|a| a.raw.as_str()), found);
    self_score::check(gold, found);
}

/// The day of an ISO 8601 date or datetime (`2022-12-02T09:52:40+09:00`).
fn published_date(published: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(published.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Source;

    const TEXT: &str = "The U.S. Treasury’s Office of Foreign Assets Control (OFAC) on Thursday \
        sanctioned eight North Korean individuals and two entities, including Korea Sobaeksu \
        Trading Company, and froze $3 billion. Treasury Secretary Janet Yellen said Pyongyang's \
        hackers stole it. Yellen spoke in Seoul on March 5.";

    /// The problems of `gold` (one JSONL line, doc_id `a`) over `TEXT`,
    /// published on Friday 2025-11-07, as printed.
    fn problems(gold: &str) -> Vec<String> {
        problems_over(gold, TEXT, Some("2025-11-07"))
    }

    fn problems_over(gold: &str, text: &str, published: Option<&str>) -> Vec<String> {
        let article = ArticleText {
            doc_id: "a".into(),
            source: Source {
                published: published.map(str::to_string),
                ..Source::default()
            },
            raw: text.to_string(),
            text: crate::normalize::clean(text),
            lossy_utf8: false,
        };
        let gold = GoldFile {
            name: "g.jsonl".into(),
            text: gold.to_string(),
        };
        let report = check(&[gold], &Articles::from_texts([Ok(article)]));
        report.problems.iter().map(ToString::to_string).collect()
    }

    /// A gold line for doc_id `a` with the given lists (JSON fragments,
    /// written over several lines).
    fn gold(lists: &str) -> String {
        format!(r#"{{"doc_id": "a", {lists}}}"#).replace('\n', " ")
    }

    const ENTITIES: &str = r#""entities": [
        {"name": "Office of Foreign Assets Control", "type": "government_body", "aliases": ["OFAC"]},
        {"name": "United States", "type": "country", "aliases": ["U.S."]},
        {"name": "North Korea", "type": "country", "aliases": ["Pyongyang"]},
        {"name": "South Korea", "type": "country", "aliases": ["Seoul"]}]"#;

    #[test]
    fn good_gold_has_no_problem() {
        let good = gold(&format!(
            r#"{ENTITIES},
            "officials": [{{"name": "Janet Yellen", "title": "Treasury Secretary", "aliases": ["Yellen"]}}],
            "counts": [{{"value": 8, "category": "individual", "text": "eight North Korean individuals"}},
                       {{"value": 2, "category": "entity", "text": "two entities"}}],
            "amounts": [{{"value": 3000000000, "currency": "USD", "text": "$3 billion"}}],
            "dates": [{{"value": "2025-11-06", "type": "date", "text": "on Thursday"}},
                      {{"value": "2025-03-05", "text": "March 5"}}],
            "events": [{{"authority": "United States", "status": "imposed", "target": "North Korea",
                         "counts": [{{"value": 8, "category": "individual"}}, {{"value": 10, "category": "individual"}}],
                         "named_targets": ["Korea Sobaeksu Trading Company"], "date": "2025-11-06"}}]"#
        ));
        let found = problems(&good);
        assert_eq!(
            found,
            [
                // 10 individuals: no count and no sum of counts of the article.
                "g.jsonl:1 a: events[0].counts[1]: warning: 10 individual is neither a count of the article nor a sum of its counts",
            ]
        );
    }

    #[test]
    fn shape_of_every_field_optional_items_included() {
        let bad = gold(
            r#""officials": [{"name": "", "aliases": "Yellen"}],
            "entities": [{"name": "OFAC", "type": "agency", "aliases": [], "optional": "yes"}],
            "counts": [{"value": 2.5, "category": "people", "optional": true}],
            "amounts": [{"value": 3000000000, "currency": "US$"}],
            "dates": [{"value": "2025-13-01", "type": "date"}, {"value": "2025-11-06/2025-11-05"},
                      {"value": "2025-11-06", "type": "range"}],
            "events": [{"status": "designated", "target": null, "counts": [{"value": 8}], "date": "Thursday"}]"#,
        );
        let found = problems(&bad);
        let expected = [
            "officials[0].name: empty",
            "officials[0].aliases: not a list of strings",
            "entities[0].optional: not true or false",
            "entities[0].type: \"agency\" is none of country, government_body, international_org, company, group, organization",
            "counts[0].value: 2.5 is not a whole number",
            "counts[0].category: \"people\" is none of individual, entity, vessel, aircraft, other",
            "amounts[0].currency: \"US$\" is not an ISO 4217 code",
            "dates[0].value: \"2025-13-01\" is not a TIMEX3 date",
            "dates[1].value: range 2025-11-06/2025-11-05 ends before it starts",
            "dates[2].type: type \"range\" but the value 2025-11-06 is no range",
            "events[0].authority: missing",
            "events[0].status: \"designated\" is none of imposed, planned, lifted",
            "events[0].counts[0].category: missing",
            "events[0].date: \"Thursday\" is not a TIMEX3 date",
        ];
        for line in expected {
            assert!(found.iter().any(|f| f.contains(line)), "{line:?} not in {found:#?}");
        }
    }

    #[test]
    fn doc_ids_present_and_unique() {
        let lines = format!("{}\n\n{}\n{{\"officials\": []}}\nnot json\n", gold(""), gold(""));
        let found = problems(&lines.replace(", }", "}"));
        assert_eq!(
            found,
            [
                "g.jsonl:3 a: doc_id: doc_id also at g.jsonl:1",
                "g.jsonl:4 (no doc_id): doc_id: missing",
                "g.jsonl:5 (no doc_id): line: not JSON: expected ident at line 1 column 2",
            ]
        );
        let found = problems_over(r#"{"doc_id": "b"}"#, TEXT, None);
        assert_eq!(found, ["g.jsonl:1 b: doc_id: no input article has this doc_id"]);
    }

    #[test]
    fn an_article_expected_skipped_has_no_items() {
        let found = problems(
            r#"{"doc_id": "a", "expect_status": "skipped", "dates": [{"value": "2025", "text": "Thursday"}]}"#,
        );
        assert!(
            found.contains(
                &"g.jsonl:1 a: expect_status: the article is expected \"skipped\", yet its gold has items".to_string()
            ),
            "{found:#?}"
        );
        let found = problems(r#"{"doc_id": "a", "expect_status": "done"}"#);
        assert_eq!(
            found,
            ["g.jsonl:1 a: expect_status: \"done\" is none of ok, skipped, error"]
        );
    }

    /// Asserts the problems of `gold`, in any order, without the `g.jsonl:1 a: ` prefix.
    fn check_problems(gold: &str, expected: &[&str]) {
        let mut found: Vec<String> = problems(gold)
            .into_iter()
            .map(|p| p.strip_prefix("g.jsonl:1 a: ").map(str::to_string).unwrap_or(p))
            .collect();
        found.sort();
        let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(found, expected);
    }

    #[test]
    fn texts_names_and_aliases_verbatim() {
        let bad = gold(
            r#""officials": [{"name": "Janet L. Yellen", "title": null, "aliases": ["Yel"]}],
            "entities": [{"name": "U.S. Treasury's Office of Foreign Assets Control", "type": "government_body", "aliases": []},
                         {"name": "United States", "type": "country", "aliases": []},
                         {"name": "Japan", "type": "country", "aliases": [], "optional": true},
                         {"name": "United Nations", "type": "international_org", "aliases": ["UN"]}],
            "counts": [{"value": 2, "category": "entity", "text": "two entities"},
                       {"value": 2, "category": "entity", "text": "two entities"}],
            "amounts": [{"value": 3000000000, "currency": "USD", "text": "$3bn"}],
            "events": [{"authority": "United States", "status": "imposed", "target": null,
                        "named_targets": ["Korea Sobaeksu Trading Co."], "date": null}]"#,
        );
        check_problems(
            &bad,
            &[
                "officials[0].name: \"Janet L. Yellen\" is not in the article's text",
                "officials[0].aliases[0]: \"Yel\" is not in the article's text",
                // The article writes a curly apostrophe.
                "entities[0].name: \"U.S. Treasury's Office of Foreign Assets Control\" is not in the article's text \
                 (only in the clean text, where typographic quotes, dashes and spaces are ASCII)",
                // A country's short name need not be written, but then an alias
                // must be; an optional country named in no way is let pass.
                "entities[1].name: neither the name \"United States\" nor any alias is in the article's text",
                "entities[3].aliases[0]: \"UN\" is not in the article's text",
                "entities[3].name: neither the name \"United Nations\" nor any alias is in the article's text",
                // One item per occurrence.
                "counts[1].text: \"two entities\" is the text of 2 items alike but is written once in the article",
                "amounts[0].text: \"$3bn\" is not in the article's text",
                "events[0].named_targets[0]: \"Korea Sobaeksu Trading Co.\" is not in the article's text",
            ],
        );
    }

    #[test]
    fn the_two_bounds_of_a_range_share_one_text() {
        let range = gold(
            r#""amounts": [{"value": 3000000000, "currency": "USD", "text": "$3 billion"},
                          {"value": 4000000000, "currency": "USD", "text": "$3 billion"}]"#,
        );
        check_problems(&range, &[]);
    }

    #[test]
    fn relative_dates_read_again_from_the_publication_date() {
        // Published on Friday 2025-11-07.
        let dates = gold(
            r#""dates": [{"value": "2025-11-05", "text": "on Thursday"},
                        {"value": "2025-11-06", "text": "Thursday"},
                        {"value": "2024-03-05", "text": "March 5"},
                        {"value": "2025-11-06", "text": "Thursday", "optional": true}]"#,
        );
        check_problems(
            &dates,
            &[
                "dates[0].value: \"on Thursday\" read from the publication date 2025-11-07 is \
                 2025-11-06 or 2025-11-13, not 2025-11-05",
                "dates[2].value: \"March 5\" read from the publication date 2025-11-07 is \
                 2025-03-05 or 2026-03-05 or XXXX-03-05, not 2024-03-05",
                // Two items alike for one `Thursday` in the text.
                "dates[3].text: \"Thursday\" is the text of 2 items alike but is written once in the article",
            ],
        );
        let report = check(
            &[GoldFile {
                name: "g.jsonl".into(),
                text: dates,
            }],
            &Articles::default(),
        );
        assert_eq!(report.tally.dates_relative, 0, "no article, no reading");
    }

    #[test]
    fn events_name_entities_of_the_article() {
        let events = gold(&format!(
            r#"{ENTITIES},
            "counts": [{{"value": 8, "category": "individual", "text": "eight North Korean individuals"}}],
            "events": [{{"authority": "U.S.", "status": "imposed", "target": "Pyongyang", "date": null}},
                       {{"authority": "Office of Foreign Assets Control", "status": "imposed", "target": "Japan", "date": null}},
                       {{"authority": "Russia", "status": "planned", "target": "South Korea", "date": "2025-11-06"}},
                       {{"authority": "United States", "status": "imposed", "target": "North Korea",
                         "counts": [{{"value": 8, "category": "individual"}}, {{"value": 8, "category": "entity"}}]}}]"#
        ));
        check_problems(
            &events,
            &[
                "events[0].authority: \"U.S.\" is an alias of the entity \"United States\": events name entities by their canonical names",
                "events[0].target: \"Pyongyang\" is an alias of the entity \"North Korea\": events name entities by their canonical names",
                "events[1].authority: \"Office of Foreign Assets Control\" is an entity of type government_body, but an authority is a country or an international organization",
                "events[1].target: \"Japan\" is no entity of the article",
                "events[2].authority: \"Russia\" is no entity of the article",
                "events[2].date: warning: 2025-11-06 is the value of none of the article's dates",
            ],
        );
    }

    #[test]
    fn a_country_named_by_a_demonym_or_acted_for_may_be_no_entity() {
        // "North Korean individuals": a demonym, no entity (ANNOTATION.md);
        // OFAC acts for the United States.
        let text = "OFAC sanctioned eight North Korean individuals.";
        let events = gold(
            r#""entities": [{"name": "OFAC", "type": "government_body", "aliases": []}],
            "events": [{"authority": "United States", "status": "imposed", "target": "North Korea", "date": null}]"#,
        );
        assert_eq!(problems_over(&events, text, None), Vec::<String>::new());
        // An organ of the United Nations acts for it; one of no
        // international organization does not.
        let text = "The Security Council committee added three gang leaders to its sanctions list.";
        let events = gold(
            r#""entities": [{"name": "Security Council", "type": "international_org", "aliases": []}],
            "events": [{"authority": "United Nations", "status": "imposed", "target": null, "date": null}]"#,
        );
        assert_eq!(problems_over(&events, text, None), Vec::<String>::new());
        let text = "The Treasury added three gang leaders to its sanctions list.";
        let events = gold(
            r#""entities": [{"name": "Treasury", "type": "government_body", "aliases": []}],
            "events": [{"authority": "United Nations", "status": "imposed", "target": null, "date": null}]"#,
        );
        assert_eq!(
            problems_over(&events, text, None),
            ["g.jsonl:1 a: events[0].authority: \"United Nations\" is no entity of the article"]
        );
    }

    #[test]
    fn one_entity_per_name() {
        let twice = gold(
            r#""entities": [{"name": "Office of Foreign Assets Control", "type": "government_body", "aliases": ["OFAC"]},
                           {"name": "OFAC", "type": "government_body", "aliases": []}]"#,
        );
        check_problems(&twice, &["entities[1]: shares the name \"ofac\" with entities[0]"]);
    }

    #[test]
    fn gold_scores_one_against_itself() {
        // A date without a value and an amount of no number pair with nothing,
        // not even themselves.
        let unpaired = gold(
            r#""amounts": [{"value": "3 billion", "currency": "USD", "text": "$3 billion"}],
               "dates": [{"text": "March 5"}]"#,
        );
        check_problems(
            &unpaired,
            &[
                "amounts[0].value: \"3 billion\" is not a number of currency units",
                "dates[0].value: missing",
                "amounts: the gold scored against itself has F1 0.000: missed {\"currency\":\"USD\",\"text\":\"$3 billion\",\"value\":\"3 billion\"}; spurious {\"currency\":\"USD\",\"text\":\"$3 billion\",\"value\":\"3 billion\"}",
                "dates: the gold scored against itself has F1 0.000: missed {\"text\":\"March 5\"}; spurious {\"text\":\"March 5\"}",
            ],
        );
    }

    #[test]
    fn problems_print_as_file_line_doc_id_item_fault() {
        let problem = Problem {
            file: "gold.jsonl".into(),
            line: 4,
            doc_id: "d1-004".into(),
            item: "dates[0].value".into(),
            fault: Fault::DateMismatch {
                text: "on Wednesday".into(),
                value: "2022-04-14".into(),
                published: Some("2022-04-15".into()),
                readings: vec!["2022-04-13".into()],
            },
        };
        assert_eq!(
            problem.to_string(),
            "gold.jsonl:4 d1-004: dates[0].value: \"on Wednesday\" read from the publication date 2022-04-15 is 2022-04-13, not 2022-04-14"
        );
    }
}
