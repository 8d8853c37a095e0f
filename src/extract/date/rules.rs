//! Matching: one rule per way news writing names a calendar day, week, month,
//! year, quarter or season. A rule is a name, a pattern built from the lexicon
//! and a production that turns the match into a [`Partial`] (what the text
//! says, before the publication date fills in what it leaves out).
//!
//! Durations (`the past 18 months`, `for five years`) and vague references
//! (`recently`, `in recent weeks`, `now`) match no rule: they are no dates.

use super::lexicon::{self, MONTHS, WEEKDAYS};
use super::resolve::{Partial, Unit, YearSpec};
use crate::per_thread::PerThread;
use crate::prefilter;
use crate::rule::Spec;
use regex::{CaptureLocations, Regex};
use std::ops::Range;

/// One rule: a name (the `rule` of the record item), a pattern, a production.
#[derive(Clone)]
pub(crate) struct Rule {
    /// Name, examples and negatives.
    pub spec: Spec,
    /// Words every match holds one of, chosen among the pattern's
    /// [`prefilter::anchorings`] ([`choose_anchors`]): the rule only runs in
    /// windows around them. `None`: the rule runs over the whole text.
    pub anchoring: Option<prefilter::Anchoring>,
    /// Where every match has a digit right beside its anchor word, as its
    /// pattern places it ([`prefilter::DigitBeside`]): the rule skips
    /// windows where no anchor has one so placed.
    pub digit_beside: prefilter::DigitBeside,
    pub regex: Regex,
    /// The names of the pattern's groups, by index.
    pub names: Vec<Option<String>>,
    /// Every match holds an ASCII digit ([`prefilter::holds_digit`] of the
    /// pattern): the rule skips anchor windows without one.
    pub digit: bool,
    /// Every match holds one of these words, besides its anchors
    /// ([`prefilter::needed_words`] of the pattern's parts, for rules with
    /// anchors): the rule skips anchor windows without any. Empty: no such
    /// words.
    pub needs: Vec<String>,
    /// The partial date a match means, or `None` when a guard rejects it.
    pub produce: fn(&Groups, &str) -> Option<Partial>,
    /// For rules that run over the whole text and open with optional words
    /// before a rarer key (`early 2019`): where a match may start, found
    /// from the key ([`prefilter::Seek`], derived from the pattern).
    pub seek: Option<prefilter::Seek>,
}

const B: &str = r"(?-u:\b)";

fn alternation<'a>(forms: impl Iterator<Item = &'a str>) -> String {
    let mut forms: Vec<&str> = forms.collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let parts: Vec<String> = forms
        .iter()
        .map(|f| {
            let escaped = regex::escape(f);
            if f.ends_with('.') {
                escaped
            } else {
                format!("{escaped}{B}")
            }
        })
        .collect();
    format!("(?:{})", parts.join("|"))
}

/// Any month form (`January`, `Jan.`, `Sept`).
fn month_any() -> String {
    alternation(MONTHS.iter().map(|m| m.0))
}

fn weekday() -> String {
    alternation(WEEKDAYS.iter().map(|w| w.0))
}

/// A day of the month, with an optional ordinal suffix.
const DAY: &str = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?-u:\b)";
/// A year in a date (`May 27, 2022`).
const YEAR: &str = r"(?:1[6-9][0-9]{2}|20[0-9]{2})(?-u:\b)";
/// A relative year word.
const REL: &str = r"(?:this|last|next|This|Last|Next)";

/// The number of a month form, exact case.
pub(crate) fn month_of(form: &str) -> Option<u32> {
    MONTHS.iter().find(|m| m.0 == form).map(|m| m.1)
}

fn weekday_of(form: &str) -> Option<u32> {
    WEEKDAYS.iter().find(|w| w.0 == form).map(|w| w.1)
}

fn day_of(s: &str) -> Option<u32> {
    s.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()
}

fn int(c: &Groups, name: &str) -> Option<i32> {
    c.name(name)?.as_str().parse().ok()
}

fn rel_offset(s: &str) -> i32 {
    match s.to_ascii_lowercase().as_str() {
        "last" | "past" | "previous" => -1,
        "next" | "coming" => 1,
        _ => 0,
    }
}

/// The word before byte `at` (letters only), skipping spaces and a hyphen.
fn word_before(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end_matches([' ', '-']);
    let start = head.len()
        - head
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_alphabetic() || *b == b'.')
            .count();
    &head[start..]
}

/// `every November`, `each Monday`: a recurring time, no date.
fn recurring(text: &str, at: usize) -> bool {
    let before = word_before(text, at).to_ascii_lowercase();
    lexicon::RECURRING_BEFORE.contains(&before.as_str())
}

/// The word after byte `at` (letters only), skipping spaces.
fn word_after(text: &str, at: usize) -> &str {
    let tail = text[at..].trim_start_matches(' ');
    let end = tail.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(tail.len());
    &tail[..end]
}

/// The groups of one match of a rule's pattern, read by name like
/// `regex::Captures`, from locations a search reuses.
pub(crate) struct Groups<'a> {
    haystack: &'a str,
    locations: &'a CaptureLocations,
    names: &'a [Option<String>],
}

/// One group of a match.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Group<'a> {
    haystack: &'a str,
    start: usize,
    end: usize,
}

impl<'a> Groups<'a> {
    pub fn new(haystack: &'a str, locations: &'a CaptureLocations, names: &'a [Option<String>]) -> Groups<'a> {
        Groups {
            haystack,
            locations,
            names,
        }
    }

    /// Group `index` (0: the whole match), if it took part in the match.
    pub fn get(&self, index: usize) -> Option<Group<'a>> {
        let (start, end) = self.locations.get(index)?;
        Some(Group {
            haystack: self.haystack,
            start,
            end,
        })
    }

    /// The group called `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Group<'a>> {
        let index = self.names.iter().position(|n| n.as_deref() == Some(name))?;
        self.get(index)
    }
}

impl<'a> Group<'a> {
    pub fn as_str(&self) -> &'a str {
        &self.haystack[self.start..self.end]
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

fn ymd(y: YearSpec, m: u32, d: Option<u32>) -> Partial {
    Partial::Ymd {
        year: y,
        month: Some(m),
        day: d,
    }
}

/// The most selective list of words every match of a rule holds, from the
/// parts of its pattern other than its anchors' (a list with a word that
/// starts with an anchor); none for a rule without anchors, which runs over
/// the whole text, where the regex's own literal search does as well.
fn needed_besides(hir: &regex_syntax::hir::Hir, anchors: &[String]) -> Vec<String> {
    if anchors.is_empty() {
        return Vec::new();
    }
    prefilter::parts(hir)
        .into_iter()
        .filter_map(|part| prefilter::needed_words(part, false, false))
        .filter(|words| !words.iter().any(|w| anchors.iter().any(|a| w.starts_with(a))))
        .max_by_key(|words| prefilter::selectivity(words))
        .unwrap_or_default()
}

pub(crate) static RULES: PerThread<Vec<Rule>> = PerThread::new(|| {
    let month = month_any();
    let wd = weekday();
    let rule = |spec: Spec, pattern: String, produce: fn(&Groups, &str) -> Option<Partial>| {
        let regex = Regex::new(&pattern).unwrap_or_else(|e| panic!("date rule {} compiles: {e}", spec.name));
        let hir = regex_syntax::parse(&pattern).expect("a compiled pattern parses");
        Rule {
            spec,
            names: regex.capture_names().map(|n| n.map(str::to_string)).collect(),
            regex,
            digit: prefilter::holds_digit(&hir),
            needs: Vec::new(),
            anchoring: None,
            digit_beside: prefilter::DigitBeside::default(),
            produce,
            seek: None,
        }
    };
    let mut rules = vec![
        // `2022-12-02`, `2023-12-05T10:00`, `2023.12.05`, `2023/12/05`
        rule(
            Spec::new(
                "date.iso",
                &[
                    ("[2022-12-02]", "2022-12-02"),
                    ("updated [2023-12-05]T10:00", "2023-12-05"),
                ],
                &["see https://example.com/news/2019/12/03/story.html"],
            ),
            format!(
                r"{B}(?P<span>(?P<y>(?:19|20)[0-9]{{2}})(?P<s>[-/.])(?P<m>0[1-9]|1[0-2])[-/.](?P<d>0[1-9]|[12][0-9]|3[01]))(?:T[0-9]|{B})"
            ),
            |c, text| {
                // `/2019/12/03/` in a link is no date of the article's.
                let span = c.name("span")?;
                if text[..span.start()].ends_with('/') || text[span.end()..].starts_with('/') {
                    return None;
                }
                Some(ymd(
                    YearSpec::Explicit(int(c, "y")?),
                    int(c, "m")? as u32,
                    Some(int(c, "d")? as u32),
                ))
            },
        ),
        // `12/3/2019`, `7/8/07` (month first, unless the first part cannot be a month)
        rule(
            Spec::new(
                "date.numeric",
                &[("[7/8/07]", "2007-07-08"), ("on [25/12/2021]", "2021-12-25")],
                &["Regulation (EU) No 269/2014"],
            ),
            format!(r"{B}(?P<a>[0-9]{{1,2}})/(?P<b>[0-9]{{1,2}})/(?P<y>(?:19|20)[0-9]{{2}}|[0-9]{{2}}){B}"),
            |c, text| {
                let whole = c.get(0)?;
                if text[whole.end()..].starts_with('/') || text[..whole.start()].ends_with('/') {
                    return None;
                }
                let (a, b) = (int(c, "a")? as u32, int(c, "b")? as u32);
                let (m, d) = if a <= 12 { (a, b) } else { (b, a) };
                let y = int(c, "y")?;
                let y = if y < 100 {
                    if y < 50 { 2000 + y } else { 1900 + y }
                } else {
                    y
                };
                (1..=12).contains(&m).then(|| ymd(YearSpec::Explicit(y), m, Some(d)))
            },
        ),
        // `Wednesday, 29 November 2017`, `31 May 2024`, `30th January 2024`, `the 1st of May 2020`
        rule(
            Spec::new(
                "date.day_month_year",
                &[("[31 May 2024]", "2024-05-31"), ("[the 1st of May 2020]", "2020-05-01")],
                &["in May 2024, 31 people"],
            ),
            format!(r"(?:{wd},? +)?(?:the +)?(?P<d>{DAY})(?: +of)? +(?P<m>{month}),? *(?P<y>{YEAR})"),
            |c, _| {
                Some(ymd(
                    YearSpec::Explicit(int(c, "y")?),
                    month_of(c.name("m")?.as_str())?,
                    Some(day_of(c.name("d")?.as_str())?),
                ))
            },
        ),
        // `March 27, 2024`, `Friday, Nov. 21, 2022`, `Sept 30 2021`
        rule(
            Spec::new(
                "date.month_day_year",
                &[
                    ("[March 27, 2024]", "2024-03-27"),
                    ("[Friday, Nov. 21, 2022]", "2022-11-21"),
                ],
                &["March 27 people, 2024"],
            ),
            format!(r"(?:{wd},? +)?(?P<m>{month}) +(?:the +)?(?P<d>{DAY})(?:,? +|, *)(?P<y>{YEAR})"),
            |c, _| {
                Some(ymd(
                    YearSpec::Explicit(int(c, "y")?),
                    month_of(c.name("m")?.as_str())?,
                    Some(day_of(c.name("d")?.as_str())?),
                ))
            },
        ),
        // `December 2023`, `May 2010`, `March of 2019`
        rule(
            Spec::new(
                "date.month_year",
                &[("[December 2023]", "2023-12"), ("[March of 2019]", "2019-03")],
                &["the 2023 December report"],
            ),
            format!(r"(?:(?:[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd)[- ]+)?(?P<m>{month}),? +(?:of +)?(?P<y>{YEAR})"),
            |c, _| {
                Some(ymd(
                    YearSpec::Explicit(int(c, "y")?),
                    month_of(c.name("m")?.as_str())?,
                    None,
                ))
            },
        ),
        // `April of this year`, `October of next year`, `October 27 this year`,
        // `May 10 last year`
        rule(
            Spec::new(
                "date.month_of_relative_year",
                &[
                    ("[April of this year]", "2022-04"),
                    ("[May 10 last year]", "2021-05-10"),
                ],
                &["April showers this year"],
            ),
            format!(r"(?P<m>{month})(?: +(?P<d>{DAY}))?,? +(?:of +)?(?P<rel>this|last|next) +year{B}"),
            |c, _| {
                Some(ymd(
                    YearSpec::Relative(rel_offset(c.name("rel")?.as_str())),
                    month_of(c.name("m")?.as_str())?,
                    match c.name("d") {
                        Some(d) => Some(day_of(d.as_str())?),
                        None => None,
                    },
                ))
            },
        ),
        // `July 19 to 20`, `July 19-20`, `March 27-29, 2024`
        rule(
            Spec::new(
                "date.month_day_range",
                &[("[July 19 to 20]", "2022-07-19/2022-07-20")],
                &["July 20 to 19"],
            ),
            format!(
                r"(?P<p1>(?P<m>{month}) +(?P<d1>{DAY})) *(?:-|to|through|until) *(?P<p2>(?P<d2>{DAY})(?:,? +(?P<y>{YEAR}))?)"
            ),
            |c, _| {
                let m = month_of(c.name("m")?.as_str())?;
                let (d1, d2) = (day_of(c.name("d1")?.as_str())?, day_of(c.name("d2")?.as_str())?);
                if d2 <= d1 {
                    return None;
                }
                let y = int(c, "y").map_or(YearSpec::Infer, YearSpec::Explicit);
                Some(Partial::Range(
                    Box::new(ymd(y, m, Some(d1))),
                    Box::new(ymd(y, m, Some(d2))),
                ))
            },
        ),
        // `27-29 June 2022`, `19 to 20 July`
        rule(
            Spec::new(
                "date.day_range_month",
                &[("[27-29 June 2022]", "2022-06-27/2022-06-29")],
                &["29-27 June 2022"],
            ),
            format!(r"{B}(?P<p1>(?P<d1>{DAY})) *(?:-|to) *(?P<p2>(?P<d2>{DAY}) +(?P<m>{month})(?:,? +(?P<y>{YEAR}))?)"),
            |c, _| {
                let m = month_of(c.name("m")?.as_str())?;
                let (d1, d2) = (day_of(c.name("d1")?.as_str())?, day_of(c.name("d2")?.as_str())?);
                if d2 <= d1 {
                    return None;
                }
                let y = int(c, "y").map_or(YearSpec::Infer, YearSpec::Explicit);
                Some(Partial::Range(
                    Box::new(ymd(y, m, Some(d1))),
                    Box::new(ymd(y, m, Some(d2))),
                ))
            },
        ),
        // `27 May`, `the 2nd of July`, `Monday, 3 June`
        rule(
            Spec::new(
                "date.day_month",
                &[("on [27 May]", "2022-05-27")],
                &["27 Mayfield Road"],
            ),
            format!(r"(?:{wd},? +)?(?:the +)?{B}(?P<d>{DAY})(?: +of)? +(?P<m>{month})"),
            |c, text| {
                let end = c.get(0)?.end();
                if c.name("m")?.as_str() == "May" && text[end..].starts_with(|ch: char| ch.is_ascii_alphabetic()) {
                    return None;
                }
                Some(ymd(
                    YearSpec::Infer,
                    month_of(c.name("m")?.as_str())?,
                    Some(day_of(c.name("d")?.as_str())?),
                ))
            },
        ),
        // `May 27`, `Nov. 21`, `Sept 30`, `Thursday, June 4`
        rule(
            Spec::new(
                "date.month_day",
                &[("on [May 27]", "2022-05-27")],
                &["May I ask, and we may act"],
            ),
            format!(r"(?:{wd},? +)?(?P<m>{month}) +(?:the +)?(?P<d>{DAY})"),
            |c, text| {
                let end = c.get(0)?.end();
                let rest = &text[end..];
                // `June 1,000` or `May 5 people`-like readings are no dates.
                if rest.starts_with(',') && rest[1..].starts_with(|ch: char| ch.is_ascii_digit())
                    || rest.starts_with(['.', ':']) && rest[1..].starts_with(|ch: char| ch.is_ascii_digit())
                    || rest.starts_with('%')
                {
                    return None;
                }
                Some(ymd(
                    YearSpec::Infer,
                    month_of(c.name("m")?.as_str())?,
                    Some(day_of(c.name("d")?.as_str())?),
                ))
            },
        ),
        // `on the 2nd`, `the 30th of last month`, `from the 27th to the 29th`
        rule(
            Spec::new(
                "date.day_of_month",
                &[("on [the 2nd]", "2022-07-02")],
                &["the 2nd floor and the 30th anniversary"],
            ),
            format!(
                r"(?:(?P<on>[Oo]n) +)?(?P<span>the +(?P<d>(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)){B}(?: +of +(?P<rel>this|last|next|the same|the previous) +month{B})?)"
            ),
            |c, text| {
                let d = day_of(c.name("d")?.as_str())?;
                let m0 = c.get(0)?;
                if let Some(rel) = c.name("rel") {
                    let offset = match rel.as_str() {
                        "last" | "the previous" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                    return Some(Partial::DayOfMonth {
                        day: d,
                        month_offset: Some(offset),
                    });
                }
                let after = word_after(text, m0.end());
                let before = word_before(text, m0.start());
                let next_is_noun = after.starts_with(|ch: char| ch.is_ascii_lowercase())
                    && !matches!(after, "to" | "and" | "until" | "through" | "till" | "of");
                let anchored = c.name("on").is_some()
                    || matches!(
                        before,
                        "from" | "between" | "to" | "until" | "and" | "through" | "till" | "since" | "by"
                    );
                (anchored
                    && !next_is_noun
                    && !text[m0.end()..]
                        .trim_start()
                        .starts_with(|ch: char| ch.is_ascii_digit()))
                .then_some(Partial::DayOfMonth {
                    day: d,
                    month_offset: None,
                })
            },
        ),
        // `last May`, `late last July`, `next March`, `this June`
        rule(
            Spec::new(
                "date.relative_month",
                &[("[last May]", "2022-05")],
                &["the last may be first"],
            ),
            format!(r"(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[- ]+)?(?P<rel>{REL}) +(?P<m>{month})"),
            |c, text| {
                let m0 = c.get(0)?;
                if word_before(text, m0.start()).eq_ignore_ascii_case("the") {
                    return None;
                }
                let form = c.name("m")?.as_str();
                if !MONTHS.iter().any(|m| m.0 == form && (m.2 || form == "May")) {
                    return None;
                }
                Some(Partial::MonthRel {
                    month: month_of(form)?,
                    offset: rel_offset(c.name("rel")?.as_str()),
                })
            },
        ),
        // `January`, `in April`, `Oct.`, `early December`, `mid-September`, `in May`
        rule(
            Spec::new(
                "date.month",
                &[("in [January]", "2022-01")],
                &["May I ask, and we may act"],
            ),
            format!(
                r"(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd-|[Tt]he (?:end|beginning|start|middle) of)[- ]*)?(?P<m>{month})"
            ),
            |c, text| {
                let form = c.name("m")?.as_str();
                if recurring(text, c.get(0)?.start()) {
                    return None;
                }
                let alone = MONTHS.iter().any(|m| m.0 == form && m.2);
                if !alone {
                    let cue = c.name("mod").is_some()
                        || lexicon::MAY_CUES
                            .contains(&word_before(text, c.get(0)?.start()).to_ascii_lowercase().as_str());
                    if form != "May" || !cue {
                        return None;
                    }
                }
                Some(ymd(YearSpec::Infer, month_of(form)?, None))
            },
        ),
        // `1957-58`, `2019-20`, `2009-2010`
        rule(
            Spec::new(
                "date.year_range",
                &[("[1957-58]", "1957/1958")],
                &["Regulation (EU) No 269/2014"],
            ),
            format!(r"{B}(?P<p1>(?P<y1>(?:1[89]|20)[0-9]{{2}}))[-/](?P<p2>(?P<y2>(?:1[89]|20)?[0-9]{{2}})){B}"),
            |c, text| {
                let end = c.get(0)?.end();
                if text[end..].starts_with(['-', '/']) {
                    return None;
                }
                let y1 = int(c, "y1")?;
                let y2_text = c.name("y2")?.as_str();
                let y2 = if y2_text.len() == 4 {
                    int(c, "y2")?
                } else {
                    y1 / 100 * 100 + int(c, "y2")?
                };
                (y2 > y1 && y2 - y1 < 100).then(|| {
                    Partial::Range(
                        Box::new(Partial::year(YearSpec::Explicit(y1))),
                        Box::new(Partial::year(YearSpec::Explicit(y2))),
                    )
                })
            },
        ),
        // `in 2016`, `2001`, `early 2011`, `mid-2019`
        rule(
            Spec::new(
                "date.year",
                &[("in [2016]", "2016")],
                &["some 2000 people and 1500 tons"],
            ),
            format!(
                r"(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd-|[Tt]he (?:end|beginning|start|middle) of)[- ]*)?{B}(?P<y>(?:1[89]|20)[0-9]{{2}}){B}"
            ),
            |c, text| {
                let y = c.name("y")?;
                year_guard(text, y.start(), y.end(), c.name("mod").is_some())?;
                Some(Partial::year(YearSpec::Explicit(y.as_str().parse().ok()?)))
            },
        ),
        // `today`, `Yesterday`, `tomorrow`
        rule(
            Spec::new("date.today", &[("[yesterday]", "2022-07-01")], &["USA Today reported"]),
            format!(r"{B}(?P<w>[Tt]oday|[Yy]esterday|[Tt]omorrow){B}"),
            |c, text| {
                let w = c.name("w")?;
                let word = w.as_str();
                // `USA Today`, `Russia Today`: a title, not a day.
                let before = word_before(text, w.start());
                if word == "Today"
                    && before.starts_with(|ch: char| ch.is_ascii_uppercase())
                    && !text[..w.start()].trim_end().ends_with(['.', '\n', '"', ':'])
                {
                    return None;
                }
                let offset = match word.to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                Some(Partial::Relative {
                    unit: Unit::Day,
                    offset,
                })
            },
        ),
        // `last week`, `this year`, `next month`, `earlier this year`, `the end of last year`, `this fiscal year`
        rule(
            Spec::new("date.relative", &[("[last week]", "2022-W25")], &["in the last year"]),
            format!(
                r"(?:(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)(?: in)? +|(?:[Tt]he +)?(?:end|beginning|start|middle|rest|remainder) +of +)?(?P<rel>{REL}) +(?:fiscal +|calendar +)?(?P<unit>week|month|year|weekend|quarter){B}"
            ),
            |c, text| {
                let rel = c.name("rel")?;
                if word_before(text, rel.start()).eq_ignore_ascii_case("the") {
                    // `the last year`: a duration.
                    return None;
                }
                let unit = match c.name("unit")?.as_str() {
                    "week" => Unit::Week,
                    "month" => Unit::Month,
                    "year" => Unit::Year,
                    "weekend" => Unit::Weekend,
                    _ => Unit::Quarter,
                };
                Some(Partial::Relative {
                    unit,
                    offset: rel_offset(rel.as_str()),
                })
            },
        ),
        // `the beginning of the year`, `the end of the month`
        rule(
            Spec::new(
                "date.this_unit",
                &[("[the end of the month]", "2022-07")],
                &["the end of the matter"],
            ),
            format!(r"(?:[Tt]he +)?(?:very +)?(?:end|beginning|start|middle) +of +the +(?P<unit>week|month|year){B}"),
            |c, _| {
                let unit = match c.name("unit")?.as_str() {
                    "week" => Unit::Week,
                    "month" => Unit::Month,
                    _ => Unit::Year,
                };
                Some(Partial::Relative { unit, offset: 0 })
            },
        ),
        // `five years ago`, `a year ago`, `two weeks ago`, `10 days ago`
        rule(
            Spec::new(
                "date.ago",
                &[("[five years ago]", "2017")],
                &["for the first time in five years"],
            ),
            format!(
                r"(?i:{B}(?P<n>[0-9]{{1,3}}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty) +(?P<unit>years?|months?|weeks?|days?|decades?) +ago){B}"
            ),
            |c, _| {
                let n_text = c.name("n")?.as_str().to_ascii_lowercase();
                let n = if n_text == "a" || n_text == "an" {
                    1.0
                } else {
                    crate::extract::numeral::value_of(&n_text)?
                };
                let unit_text = c.name("unit")?.as_str().to_ascii_lowercase();
                let (unit, factor) = match unit_text.trim_end_matches('s') {
                    "year" => (Unit::Year, 1),
                    "decade" => (Unit::Year, 10),
                    "month" => (Unit::Month, 1),
                    "week" => (Unit::Week, 1),
                    _ => (Unit::Day, 1),
                };
                Some(Partial::Relative {
                    unit,
                    offset: -(n as i32) * factor,
                })
            },
        ),
        // `the third quarter of 2009`, `the first quarter of last year`, `Q3 2022`, `third-quarter`
        rule(
            Spec::new(
                "date.quarter",
                &[("[the third quarter of 2021]", "2021-07/2021-09")],
                &["a quarter of the budget"],
            ),
            format!(
                r"(?:[Tt]he +)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]quarter{B}(?: +of +(?:(?P<y>{YEAR})|(?P<rel>this|last|next) +year{B})|,? +(?P<y2>{YEAR}))?|{B}Q(?P<qq>[1-4]) *(?P<y3>{YEAR})"
            ),
            |c, _| {
                let q = match c.name("q").map(|m| m.as_str()) {
                    Some(word) => lexicon::ORDINALS.iter().find(|o| o.0 == word)?.1,
                    None => int(c, "qq")? as u32,
                };
                let year = if let Some(y) = int(c, "y").or_else(|| int(c, "y2")).or_else(|| int(c, "y3")) {
                    YearSpec::Explicit(y)
                } else if let Some(rel) = c.name("rel") {
                    YearSpec::Relative(rel_offset(rel.as_str()))
                } else {
                    YearSpec::Infer
                };
                Some(Partial::Quarter { quarter: q, year })
            },
        ),
        // `the first half of 2022`, `the second half of this year`
        rule(
            Spec::new(
                "date.half",
                &[("[the second half of this year]", "2022-07/2022-12")],
                &["half of the funds"],
            ),
            format!(
                r"(?:[Tt]he +)?(?P<h>first|second) +half +of +(?:(?P<y>{YEAR})|(?:the +)?(?P<rel>this|last|next|the) +year{B})"
            ),
            |c, _| {
                let h = if c.name("h")?.as_str() == "first" { 1 } else { 2 };
                let year = match (int(c, "y"), c.name("rel")) {
                    (Some(y), _) => YearSpec::Explicit(y),
                    (None, Some(rel)) if rel.as_str() != "the" => YearSpec::Relative(rel_offset(rel.as_str())),
                    _ => YearSpec::Relative(0),
                };
                Some(Partial::Half { half: h, year })
            },
        ),
        // `Thursday`, `on Monday`, `last Friday`, `next Tuesday`, `Friday's`
        rule(
            Spec::new(
                "date.weekday",
                &[("said [Thursday]", "2022-06-30")],
                &["Black Friday sales"],
            ),
            format!(r"(?:(?P<rel>{REL}|coming|past) +)?(?P<wd>{wd})"),
            |c, text| {
                let w = c.name("wd")?;
                let before = word_before(text, c.get(0)?.start());
                if lexicon::NAMED_WEEKDAY_BEFORE.contains(&before) || recurring(text, c.get(0)?.start()) {
                    return None;
                }
                let offset = c.name("rel").map(|r| rel_offset(r.as_str()));
                if c.name("rel").is_some() && before.eq_ignore_ascii_case("the") {
                    return None;
                }
                Some(Partial::Weekday {
                    weekday: weekday_of(w.as_str())?,
                    offset,
                })
            },
        ),
    ];
    choose_anchors(&mut rules);
    rules
});

/// Chooses each rule's anchors among its pattern's [`prefilter::anchorings`],
/// then what it needs besides them and, for rules without anchors, its seek.
/// Rules with the same anchors share one set of windows, so an anchoring
/// that is the first choice of other rules too (the month names of the month
/// rules) costs nothing more: a rule takes the one that most rules choose
/// first, when another rule does. Else a rule whose matches open with words
/// the regex engine's own prefilter finds (`today`, `Monday`) runs over the
/// whole text; else it takes its most selective anchoring.
fn choose_anchors(rules: &mut [Rule]) {
    let options: Vec<Vec<prefilter::Anchoring>> =
        rules.iter().map(|r| prefilter::anchorings(r.regex.as_str())).collect();
    // Twice: first against the other rules' first choices, then against
    // what they took (`last May` takes the month names, so `this`, `last`
    // are nobody's anchors and `last week` keeps its own).
    let hirs: Vec<regex_syntax::hir::Hir> = rules
        .iter()
        .map(|r| regex_syntax::parse(r.regex.as_str()).expect("a compiled pattern parses"))
        .collect();
    let firsts: Vec<Option<&prefilter::Anchoring>> = options.iter().map(|o| o.first()).collect();
    let taken: Vec<Option<prefilter::Anchoring>> = (0..rules.len())
        .map(|k| anchoring_among(&options[k], &firsts, k, &hirs[k]))
        .collect();
    let taken: Vec<Option<&prefilter::Anchoring>> = taken.iter().map(Option::as_ref).collect();
    for (k, rule) in rules.iter_mut().enumerate() {
        let hir = &hirs[k];
        rule.anchoring = anchoring_among(&options[k], &taken, k, hir);
        if let Some(anchoring) = &rule.anchoring {
            rule.digit_beside = prefilter::DigitBeside::of(hir, anchoring);
        }
        let anchors = rule.anchoring.as_ref().map_or(&[][..], |a| a.words.as_slice());
        rule.needs = needed_besides(hir, anchors);
        rule.seek = if anchors.is_empty() {
            prefilter::Seek::of(hir)
        } else {
            None
        };
    }
}

/// The anchoring rule `k` takes among its `options`, given those the rules
/// take (`others`): the one most other rules take, if any does; else none
/// when the engine finds its openings; else its most selective.
fn anchoring_among(
    options: &[prefilter::Anchoring],
    others: &[Option<&prefilter::Anchoring>],
    k: usize,
    hir: &regex_syntax::hir::Hir,
) -> Option<prefilter::Anchoring> {
    let taken_by_others = |a: &prefilter::Anchoring| {
        others
            .iter()
            .enumerate()
            .filter(|(j, o)| *j != k && *o == &Some(a))
            .count()
    };
    let shared = options
        .iter()
        .enumerate()
        .map(|(i, a)| (taken_by_others(a), std::cmp::Reverse(i), a))
        .filter(|(n, ..)| *n > 0)
        .max_by_key(|(n, i, _)| (*n, *i))
        .map(|(.., a)| a);
    match shared {
        Some(a) => Some(a.clone()),
        None if prefilter::engine_finds_openings(hir) => None,
        None => options.first().cloned(),
    }
}

/// A four-digit number is a year unless its neighbours say it is a label or a
/// quantity (`Resolution 2231`, `2000 people`, `$2020`, `1800 GMT`).
fn year_guard(text: &str, start: usize, end: usize, modified: bool) -> Option<()> {
    let bytes = text.as_bytes();
    if start > 0 {
        let prev = text[..start].chars().next_back()?;
        if !modified && matches!(prev, '-' | '/' | '#' | '.' | ',' | ':' | '+') {
            return None;
        }
        if matches!(prev, '$' | '€' | '£' | '¥' | '₩' | '₽' | '₹') {
            return None;
        }
    }
    match bytes.get(end) {
        Some(b'/' | b'.' | b',' | b':' | b'-') if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => return None,
        Some(b'%') => return None,
        _ => {}
    }
    let before_word = word_before(text, start);
    let before = before_word.to_ascii_lowercase();
    if lexicon::YEAR_LABEL_BEFORE.contains(&before.as_str()) {
        return None;
    }
    // `RTX 2060`, `UNSCR 2397`: a code before the number makes it a label.
    let code = before_word.len() >= 2 && before_word.bytes().all(|b| b.is_ascii_uppercase());
    if code && !lexicon::YEAR_CODES_BEFORE.contains(&before_word) && text[..start].ends_with(' ') {
        return None;
    }
    let after = word_after(text, end).to_ascii_lowercase();
    if text[end..].starts_with(' ') && lexicon::YEAR_QUANTITY_AFTER.contains(&after.as_str()) {
        return None;
    }
    // `2,000 3,500 ...` style runs and `1 2019` are numbers, not years.
    if text[..start]
        .trim_end_matches(' ')
        .ends_with(|c: char| c.is_ascii_digit())
        && !modified
    {
        let gap = &text[..start];
        if gap.ends_with(' ') {
            return None;
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether every match of `hir` holds one of `words` (case as written): a
    /// literal holding one covers what it is part of (an independent reading
    /// of the syntax, unlike [`prefilter::needed_words`]).
    fn holds_word(hir: &regex_syntax::hir::Hir, words: &[String]) -> bool {
        use regex_syntax::hir::HirKind;
        prefilter::every_match_holds(hir, &|leaf| match leaf.kind() {
            HirKind::Literal(lit) => words
                .iter()
                .any(|w| lit.0.windows(w.len()).any(|part| part == w.as_bytes())),
            _ => false,
        })
    }

    /// The derived needed words: each rule's list holds a word of every
    /// match, and the lists are those the rules' authors would write.
    #[test]
    fn derived_needed_words_hold_one_in_every_match() {
        let mut derived = Vec::new();
        for rule in RULES.iter().filter(|r| !r.needs.is_empty()) {
            let hir = regex_syntax::parse(rule.regex.as_str()).expect("pattern parses");
            assert!(
                holds_word(&hir, &rule.needs),
                "{} may match without {:?}",
                rule.spec.name,
                rule.needs
            );
            derived.push((rule.spec.name, rule.needs.join(" ")));
        }
        // Besides the anchors (the month names of `April of this year` and
        // `last May`, `first` or `second` of `the first half`), the most
        // selective other list.
        assert_eq!(
            derived,
            [
                ("date.month_of_relative_year", "year".to_string()),
                ("date.relative_month", "this last next This Last Next".to_string()),
                ("date.relative", "this last next This Last Next".to_string()),
                ("date.this_unit", "end beginning start middle".to_string()),
                ("date.half", "half".to_string()),
            ]
        );
        // The check can fail: `date.month_year` may match without `year`.
        let rule = RULES.iter().find(|r| r.spec.name == "date.month_year").expect("rule");
        assert!(!holds_word(
            &regex_syntax::parse(rule.regex.as_str()).expect("parses"),
            &["year".to_string()]
        ));
    }

    /// The rules derived to need a digit hold one in every match they make
    /// on generated texts (month names, days, years, words), and those
    /// derived not to need one match without one there.
    #[test]
    fn derived_digits_hold_in_every_match() {
        let pieces = [
            "May",
            "March ",
            "Sept. ",
            "June",
            "the ",
            "of ",
            "1",
            "27",
            "3rd",
            "30th",
            "2019",
            "-",
            "to ",
            "Monday, ",
            "last ",
            "this ",
            "year",
            "week",
            " ",
            ", ",
            "early ",
            "quarter",
            "half ",
            "ago",
            "five ",
            "yesterday",
        ];
        let mut next = crate::testing::picker(19);
        let mut without = std::collections::BTreeSet::new();
        for _ in 0..20_000 {
            let text: String = (0..1 + next(10)).map(|_| pieces[next(pieces.len())]).collect();
            for rule in RULES.iter() {
                for m in rule.regex.find_iter(&text) {
                    let digit = m.as_str().bytes().any(|b| b.is_ascii_digit());
                    assert!(digit || !rule.digit, "{} matched {:?}", rule.spec.name, m.as_str());
                    if !digit {
                        without.insert(rule.spec.name);
                    }
                }
            }
        }
        let needing: Vec<&str> = RULES.iter().filter(|r| r.digit).map(|r| r.spec.name).collect();
        assert!(
            needing.contains(&"date.month_day_year") && needing.contains(&"date.iso"),
            "{needing:?}"
        );
        assert!(
            without.contains("date.month") && without.contains("date.relative"),
            "{without:?}"
        );
    }

    #[test]
    fn groups_read_as_captures() {
        let text = "On Monday, 3 June 2024, the 2nd of last month, early 2019 and Q3 2022: five years ago, mid-May. \
                    March 27, 2024; 27-29 June 2022; July 19 to 20; last week; the first half of 2022; 2019-20; \
                    12/3/2019; 2022-12-02; yesterday; October of next year; last July; the end of the year.";
        let mut compared = 0;
        for rule in RULES.iter() {
            let mut locations = rule.regex.capture_locations();
            let mut at = 0;
            while let Some(caps) = rule.regex.captures_at(text, at) {
                let found = rule
                    .regex
                    .captures_read_at(&mut locations, text, at)
                    .expect("same match");
                assert_eq!(found.range(), caps.get(0).expect("group 0").range());
                let groups = Groups::new(text, &locations, &rule.names);
                for (index, name) in rule.regex.capture_names().enumerate() {
                    let want = caps.get(index).map(|m| (m.range(), m.as_str()));
                    assert_eq!(groups.get(index).map(|g| (g.range(), g.as_str())), want);
                    if let Some(name) = name {
                        assert_eq!(groups.name(name).map(|g| (g.range(), g.as_str())), want);
                        assert_eq!(
                            groups.name(name).map(|g| (g.start(), g.end())),
                            want.map(|w| (w.0.start, w.0.end))
                        );
                        compared += 1;
                    }
                }
                assert_eq!(groups.name("no such group"), None);
                at = found.end().max(at + 1);
            }
        }
        assert!(compared > 80, "{compared}");
    }

    /// The derived seeks: which rules have one, and where they start.
    #[test]
    fn seeks_are_derived_from_the_patterns() {
        let seeking: Vec<&str> = RULES.iter().filter(|r| r.seek.is_some()).map(|r| r.spec.name).collect();
        assert_eq!(seeking, ["date.day_of_month", "date.year", "date.weekday"]);
        let start = |rule: &str, text: &str, from: usize| {
            let rule = RULES.iter().find(|r| r.spec.name == rule).expect("rule");
            rule.seek.as_ref().expect("a seek").start(text, from)
        };
        // `the beginning of` is 16 bytes, before spaces and hyphens.
        assert_eq!(start("date.year", "He said in early 2019 that", 0), Some(0));
        assert_eq!(start("date.year", "He said so at length in early 2019", 0), Some(13));
        assert_eq!(start("date.year", "in 2019", 4), None);
        // `on`, spaces, `the`, spaces before the ordinal.
        assert_eq!(start("date.day_of_month", "It came on the 2nd.", 0), Some(8));
        assert_eq!(start("date.day_of_month", "the 2 of them", 0), None);
    }
}
