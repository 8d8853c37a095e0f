//! Date texts read again, by rules of this module's own, into the values
//! ANNOTATION.md allows for them: relative forms (`Thursday`, `last month`,
//! `five years ago`, `March 5`, `the 2nd`) from the article's publication date,
//! absolute forms (`April 3, 2024`, `2019 to 2021`) from the text alone.
//!
//! The extractor's date code is what gold is there to judge, so none of it is
//! used here: a reading both shared would agree with itself whatever it got
//! wrong. Where the spec leaves a choice (the tense of a weekday or of a month
//! without a year), every reading it allows is accepted; a text this grammar
//! does not know is not judged, only counted.
//!
//! The grammar, after leading prepositions (`on`, `in`, `from`...) and every
//! `the` and `of` are set aside:
//!
//! | form | readings |
//! |---|---|
//! | `today`, `yesterday`, `tomorrow` | the publication date, the day before, after; or so from a day the article gives in the week before publication (a quoted statement's `today` is the day it was made) |
//! | `this`/`last`/`next` `week`/`month`/`year` (`earlier this year`) | that period of the publication date |
//! | `N days/weeks/months/years ago` (`a year ago`) | the period N back |
//! | weekday, `last`/`next`/`this` weekday | a day with that name within 7 days of publication (`last`/`next`: 1 to 14 days before/after) |
//! | weekday beside a date (`Monday, March 14`, `Friday (14)`) | the date's readings that fall on that weekday |
//! | month and day without year (`March 5`, `5 March`) | the last such day up to publication, the first from it, or `XXXX-03-05` |
//! | `the 2nd`, `the 30th of last month` | the last 2nd up to publication, the first from it; the 30th of the month before |
//! | month (`in January`), `last May`, `March this year`, `October last year` | the month's last and first occurrence around publication; the previous or next May; the year's March |
//! | years, months of years, full dates, numeric dates (`14-03-2025`, `2017/09/12`) | the date they write |
//! | two of these joined by `to`, `until`, `till`, `through`, `and`, `-` | a range; a bare number takes month or century from the other side (`July 19 to 20`, `2019-20`) |

use super::{Fault, Found, Tally};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde_json::Value;

/// What a date text was recognised as, with the values it may have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// A form read from the publication date, and the values it allows.
    Relative(Vec<String>),
    /// A form that says its date itself, and the values it allows.
    Absolute(Vec<String>),
    /// A relative form, but the article has no publication date to read it from.
    NoPublished,
    /// A form this grammar does not know.
    Unrecognised,
}

/// Reads `text` (a gold date's `text`) against the publication date and the
/// days the article gives ([`said_days`]).
pub fn read(text: &str, published: Option<NaiveDate>, said: &[NaiveDate]) -> Reading {
    let tokens = tokens(text);
    let Some(expr) = expression(&tokens) else {
        return Reading::Unrecognised;
    };
    let context = Context { published, said };
    match expr.values(&context) {
        None => Reading::NoPublished,
        Some(mut values) => {
            values.sort();
            values.dedup();
            if expr.is_relative() {
                Reading::Relative(values)
            } else {
                Reading::Absolute(values)
            }
        }
    }
}

/// Each date of a gold article whose text this grammar reads has a value
/// among its readings.
pub fn check(gold: &Value, published: Option<NaiveDate>, found: &mut Found, tally: &mut Tally) {
    let doc_id = gold.get("doc_id").and_then(Value::as_str).unwrap_or("");
    let dates: &[Value] = gold.get("dates").and_then(Value::as_array).map_or(&[], Vec::as_slice);
    let said = said_days(dates.iter().filter_map(text_and_value));
    for (i, date) in dates.iter().enumerate() {
        let Some((text, value)) = text_and_value(date) else {
            continue;
        };
        let readings = match read(text, published, &said) {
            Reading::Relative(readings) => {
                tally.dates_relative += 1;
                readings
            }
            Reading::Absolute(readings) => {
                tally.dates_absolute += 1;
                readings
            }
            Reading::NoPublished => {
                tally.dates_without_published += 1;
                continue;
            }
            Reading::Unrecognised => {
                tally.dates_unrecognised.push((doc_id.to_string(), text.to_string()));
                continue;
            }
        };
        if !readings.iter().any(|r| r == value) {
            found.add(
                &format!("dates[{i}].value"),
                Fault::DateMismatch {
                    text: text.to_string(),
                    value: value.to_string(),
                    published: published.map(|d| d.to_string()),
                    readings,
                },
            );
        }
    }
}

/// A date item's `text` and `value`, where it has both.
fn text_and_value(date: &Value) -> Option<(&str, &str)> {
    Some((
        date.get("text").and_then(Value::as_str)?,
        date.get("value").and_then(Value::as_str)?,
    ))
}

/// The days an article's dates give, from their `(text, value)`: the values
/// that are days, of texts that are not `today`, `yesterday` or `tomorrow`
/// (those are read from these days, not the other way round).
pub fn said_days<'a>(dates: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<NaiveDate> {
    dates
        .into_iter()
        .filter(|(text, _)| {
            !matches!(
                expression(&tokens(text)),
                Some(Expression::Point(Point::Shift { unit: Unit::Day, .. }))
            )
        })
        .filter_map(|(_, value)| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())
        .collect()
}

/// What relative forms are read from.
struct Context<'a> {
    published: Option<NaiveDate>,
    said: &'a [NaiveDate],
}

/// Whether `value` is a date value of the forms RECORD.md gives (TIMEX3: a day,
/// ISO week, month or year, `X` for unknown digits, or a range `A/B` of them);
/// the other TIMEX3 dates (decade `198X`, century `19`, quarter `2020-Q4`, half
/// `2006-H2`, season `2024-SU`) are TIMEX3 too and pass.
pub fn valid_value(value: &str) -> bool {
    match value.split_once('/') {
        // A range of centuries would read as a year and a century.
        Some((start, end)) => start.len() > 2 && end.len() > 2 && valid_point(start) && valid_point(end),
        None => valid_point(value),
    }
}

/// Whether a range's start comes after its end, where both are plain dates
/// of one form.
pub fn backwards(value: &str) -> bool {
    value
        .split_once('/')
        .is_some_and(|(a, b)| a.len() == b.len() && !a.contains('X') && !b.contains('X') && a > b)
}

fn valid_point(p: &str) -> bool {
    let parts: Vec<&str> = p.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit() || c == 'X');
    let number = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        // Century (`19`), decade (`198X`), year (`2025`, `XXXX`).
        [y] => digits(y, 2) || digits(y, 4),
        [y, rest] if digits(y, 4) => {
            if let Some(week) = rest.strip_prefix('W') {
                return match (y.parse::<i32>().ok(), number(week)) {
                    (_, None) => false,
                    (Some(year), Some(w)) => {
                        week.len() == 2 && NaiveDate::from_isoywd_opt(year, w, Weekday::Mon).is_some()
                    }
                    (None, Some(w)) => week.len() == 2 && (1..=53).contains(&w),
                };
            }
            matches!(
                *rest,
                "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2" | "SP" | "SU" | "FA" | "WI" | "XX"
            ) || (rest.len() == 2 && number(rest).is_some_and(|m| (1..=12).contains(&m)))
        }
        [y, m, d] if digits(y, 4) && m.len() == 2 && d.len() == 2 => {
            let month_ok = *m == "XX" || number(m).is_some_and(|m| (1..=12).contains(&m));
            let day_ok = *d == "XX" || number(d).is_some_and(|d| (1..=31).contains(&d));
            // A day of a known year and month must exist (no `2023-02-29`).
            let exists = match (y.parse::<i32>(), number(m), number(d)) {
                (Ok(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).is_some(),
                // Without a year, the 29th of February may be.
                (Err(_), Some(m), Some(d)) => NaiveDate::from_ymd_opt(2000, m, d).is_some(),
                _ => true,
            };
            month_ok && day_ok && exists
        }
        _ => false,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    /// Digits, maybe with an ordinal suffix (`2nd`, `06th`).
    Number {
        value: u32,
        digits: usize,
        ordinal: bool,
    },
    /// Digits joined by `-` or `/` (`2022-12-02`, `25/04/2021`).
    Numeric(String),
    /// Anything else (`©`, `q4`).
    Other,
}

fn word(t: &Token) -> &str {
    match t {
        Token::Word(w) => w,
        _ => "",
    }
}

/// Lower-cased tokens; commas, brackets and the dots of abbreviations go, so
/// do possessives (`Friday's`, `Today’s`). Dashes of every kind split words
/// and join ranges; digits joined by `-` or `/` stay one token.
fn tokens(text: &str) -> Vec<Token> {
    let text = text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'").replace(
        ['\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2212}'],
        "-",
    );
    let mut out = Vec::new();
    for chunk in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';')) {
        let chunk = chunk.trim_end_matches('.');
        let chunk = chunk.strip_suffix("'s").unwrap_or(chunk).trim_end_matches('\'');
        if chunk.is_empty() {
            continue;
        }
        let numeric = chunk.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '/')
            && chunk.starts_with(|c: char| c.is_ascii_digit())
            && chunk.ends_with(|c: char| c.is_ascii_digit());
        if numeric && chunk.contains(['-', '/']) {
            out.extend(numeric_tokens(chunk));
            continue;
        }
        let mut first = true;
        for part in chunk.split('-') {
            if !first {
                out.push(Token::Word("-".into()));
            }
            first = false;
            if !part.is_empty() {
                out.push(token(part));
            }
        }
    }
    out
}

/// `19-20` and `2019-2021` are two numbers and a dash (a range); other digit
/// groups (`2022-12-02`, `2010-11`) are one token read whole.
fn numeric_tokens(chunk: &str) -> Vec<Token> {
    if let Some((a, b)) = chunk.split_once('-')
        && !b.contains('-')
        && let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>())
        && ((x <= 31 && y <= 31 && a.len() <= 2) || (a.len() == 4 && b.len() == 4))
    {
        return vec![token(a), Token::Word("-".into()), token(b)];
    }
    vec![Token::Numeric(chunk.to_string())]
}

fn token(part: &str) -> Token {
    let digits = part.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 4 {
        let suffix = &part[digits..];
        let ordinal = matches!(suffix, "st" | "nd" | "rd" | "th");
        if suffix.is_empty() || ordinal {
            return Token::Number {
                value: part[..digits].parse().expect("digits"),
                digits,
                ordinal,
            };
        }
        return Token::Other;
    }
    if part.chars().all(char::is_alphabetic) {
        Token::Word(part.to_string())
    } else {
        Token::Other
    }
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Number words before `ago`.
const AGO_NUMBERS: &[(&str, i64)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
];

/// Words set aside at the start of a date (or of each side of a range).
const LEADING: &[&str] = &[
    "on",
    "in",
    "at",
    "from",
    "since",
    "by",
    "during",
    "between",
    "until",
    "till",
    "beginning",
    "starting",
    "ending",
];

/// Words set aside after a weekday (`Saturday morning, May 24`).
const TIMES_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Words that join the two ends of a range.
const RANGE_JOINS: &[&str] = &["to", "until", "till", "through", "and", "-"];

fn month(t: &Token) -> Option<u32> {
    MONTHS.iter().find(|(name, _)| *name == word(t)).map(|&(_, m)| m)
}

fn weekday(t: &Token) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(name, _)| *name == word(t)).map(|&(_, w)| w)
}

/// `this` 0, `last` -1, `next` +1.
fn shift(t: &Token) -> Option<i64> {
    match word(t) {
        "this" => Some(0),
        "last" => Some(-1),
        "next" => Some(1),
        _ => None,
    }
}

fn unit(t: &Token) -> Option<Unit> {
    match word(t) {
        "day" | "days" => Some(Unit::Day),
        "week" | "weeks" => Some(Unit::Week),
        "month" | "months" => Some(Unit::Month),
        "year" | "years" => Some(Unit::Year),
        _ => None,
    }
}

fn year(t: &Token) -> Option<i32> {
    match t {
        Token::Number {
            value,
            digits: 4,
            ordinal: false,
        } => Some(*value as i32),
        _ => None,
    }
}

fn day(t: &Token) -> Option<u32> {
    match t {
        Token::Number { value, digits, .. } if *digits <= 2 && (1..=31).contains(value) => Some(*value),
        _ => None,
    }
}

fn ordinal_day(t: &Token) -> Option<u32> {
    match t {
        Token::Number { ordinal: true, .. } => day(t),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Which year a month without a day is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearOf {
    /// `in January`: the month's occurrence up to publication or from it.
    Unsaid,
    /// `May 2017`.
    Given(i32),
    /// `March this year` (0), `October last year` (-1).
    Shifted(i64),
    /// `last May` (-1), `next May` (+1), `this May` (0).
    Nearest(i64),
}

/// One end of a date.
#[derive(Debug, Clone, PartialEq)]
enum Point {
    Date(NaiveDate),
    /// A form that writes its values (`2010-11` is November 2010 or 2010/2011).
    Written(Vec<String>),
    Year(i32),
    Month {
        month: u32,
        year: YearOf,
    },
    /// `March 5`: the year from the publication date.
    MonthDay {
        month: u32,
        day: u32,
    },
    /// `the 2nd` (`month` None), `the 30th of last month` (Some(-1)).
    DayOfMonth {
        day: u32,
        month: Option<i64>,
    },
    /// `today`, `last week`, `five years ago`.
    Shift {
        unit: Unit,
        by: i64,
    },
    /// `Thursday`, `last Friday`, `Monday (March 14)`.
    Weekday {
        day: Weekday,
        shift: Option<i64>,
        on: Option<Box<Point>>,
    },
}

#[derive(Debug, Clone, PartialEq)]
enum Expression {
    Point(Point),
    Range(Point, Point),
}

fn expression(tokens: &[Token]) -> Option<Expression> {
    if let Some(point) = point(tokens) {
        return Some(Expression::Point(point));
    }
    (1..tokens.len().saturating_sub(1))
        .filter(|&i| RANGE_JOINS.contains(&word(&tokens[i])))
        .find_map(|i| range(&tokens[..i], &tokens[i + 1..]))
}

/// The two ends of a range, each completed from the other: a bare number
/// takes the other end's month (`July 19 to 20`) or century (`2019-20`), a
/// month or day without a year takes the other end's year.
fn range(left: &[Token], right: &[Token]) -> Option<Expression> {
    let (left, right) = (strip(left), strip(right));
    let bare = |t: &[Token]| match t {
        [
            Token::Number {
                value,
                digits: 1 | 2,
                ordinal: false,
            },
        ] => Some(*value),
        _ => None,
    };
    let (start, end) = if let Some(n) = bare(left) {
        let end = point(right)?;
        (leading_number(n, &end)?, end)
    } else if let Some(n) = bare(right) {
        let start = point(left)?;
        let end = trailing_number(&start, n)?;
        (start, end)
    } else {
        (point(left)?, point(right)?)
    };
    let start = with_year_of(start, end.clone());
    Some(Expression::Range(start, end))
}

/// `19` in `19 to 20 July`.
fn leading_number(day: u32, end: &Point) -> Option<Point> {
    match end {
        _ if !(1..=31).contains(&day) => None,
        Point::MonthDay { month, .. } => Some(Point::MonthDay { month: *month, day }),
        Point::Date(date) => date.with_day(day).map(Point::Date),
        _ => None,
    }
}

/// `20` in `July 19 to 20`, `20` in `2019-20`.
fn trailing_number(start: &Point, n: u32) -> Option<Point> {
    match start {
        Point::MonthDay { month, .. } if (1..=31).contains(&n) => Some(Point::MonthDay { month: *month, day: n }),
        Point::Date(date) if (1..=31).contains(&n) => date.with_day(n).map(Point::Date),
        Point::DayOfMonth { month, .. } if (1..=31).contains(&n) => Some(Point::DayOfMonth { day: n, month: *month }),
        Point::Year(y) if n < 100 => {
            let end = y - y.rem_euclid(100) + n as i32;
            (end > *y).then_some(Point::Year(end))
        }
        _ => None,
    }
}

/// The start of `July and August of 2008` in 2008, of `December 22 to
/// January 5, 2022` in 2021.
fn with_year_of(start: Point, end: Point) -> Point {
    match (&start, &end) {
        (Point::MonthDay { month, day }, Point::Date(date)) => {
            let same = NaiveDate::from_ymd_opt(date.year(), *month, *day);
            match same {
                Some(s) if s <= *date => Point::Date(s),
                _ => NaiveDate::from_ymd_opt(date.year() - 1, *month, *day).map_or(start, Point::Date),
            }
        }
        (
            Point::Month {
                month,
                year: YearOf::Unsaid,
            },
            Point::Month {
                month: end_month,
                year: YearOf::Given(y),
            },
        ) => Point::Month {
            month: *month,
            year: YearOf::Given(if month <= end_month { *y } else { y - 1 }),
        },
        _ => start,
    }
}

/// `the` and `of` anywhere, leading prepositions, and `earlier`/`later`
/// before `this`.
fn strip(tokens: &[Token]) -> &[Token] {
    let mut t = tokens;
    loop {
        match t {
            [first, rest @ ..] if LEADING.contains(&word(first)) || matches!(word(first), "the" | "of") => t = rest,
            [first, this, ..] if matches!(word(first), "earlier" | "later") && word(this) == "this" => t = &t[1..],
            _ => return t,
        }
    }
}

fn point(tokens: &[Token]) -> Option<Point> {
    let kept: Vec<Token> = strip(tokens)
        .iter()
        .filter(|t| !matches!(word(t), "the" | "of"))
        .cloned()
        .collect();
    match kept.as_slice() {
        [s, w, rest @ ..] if shift(s).is_some() && weekday(w).is_some() => weekday_point(weekday(w)?, shift(s), rest),
        [w, rest @ ..] if weekday(w).is_some() => weekday_point(weekday(w)?, None, rest),
        t => date_point(t),
    }
}

fn weekday_point(name: Weekday, shift: Option<i64>, rest: &[Token]) -> Option<Point> {
    let rest: Vec<Token> = rest
        .iter()
        .filter(|t| !TIMES_OF_DAY.contains(&word(t)))
        .cloned()
        .collect();
    let on = match rest.as_slice() {
        [] => None,
        // `Friday (14)`: a day of the month, plain or ordinal.
        [d] if day(d).is_some() => Some(Point::DayOfMonth {
            day: day(d)?,
            month: None,
        }),
        t => Some(date_point(t)?),
    };
    Some(Point::Weekday {
        day: name,
        shift,
        on: on.map(Box::new),
    })
}

fn date_point(t: &[Token]) -> Option<Point> {
    use Token::Word;
    let point = match t {
        [w] if word(w) == "today" => Point::Shift { unit: Unit::Day, by: 0 },
        [w] if word(w) == "yesterday" => Point::Shift {
            unit: Unit::Day,
            by: -1,
        },
        [w] if word(w) == "tomorrow" => Point::Shift { unit: Unit::Day, by: 1 },
        [s, u] if shift(s).is_some() && unit(u).is_some() && !word(u).ends_with('s') => Point::Shift {
            unit: unit(u)?,
            by: shift(s)?,
        },
        [n, u, Word(ago)] if ago == "ago" && unit(u).is_some() => Point::Shift {
            unit: unit(u)?,
            by: -ago_number(n)?,
        },
        [y] if year(y).is_some() => Point::Year(year(y)?),
        [Token::Numeric(s)] => Point::Written(written(s)?),
        [m] if month(m).is_some() => Point::Month {
            month: month(m)?,
            year: YearOf::Unsaid,
        },
        [m, y] if month(m).is_some() && year(y).is_some() => Point::Month {
            month: month(m)?,
            year: YearOf::Given(year(y)?),
        },
        [m, s, Word(y)] if month(m).is_some() && shift(s).is_some() && y == "year" => Point::Month {
            month: month(m)?,
            year: YearOf::Shifted(shift(s)?),
        },
        [s, m] if shift(s).is_some() && month(m).is_some() => Point::Month {
            month: month(m)?,
            year: YearOf::Nearest(shift(s)?),
        },
        [m, d] if month(m).is_some() && day(d).is_some() => Point::MonthDay {
            month: month(m)?,
            day: day(d)?,
        },
        [d, m] if month(m).is_some() && day(d).is_some() => Point::MonthDay {
            month: month(m)?,
            day: day(d)?,
        },
        [m, d, y] if month(m).is_some() && day(d).is_some() && year(y).is_some() => {
            Point::Date(NaiveDate::from_ymd_opt(year(y)?, month(m)?, day(d)?)?)
        }
        [d, m, y] if month(m).is_some() && day(d).is_some() && year(y).is_some() => {
            Point::Date(NaiveDate::from_ymd_opt(year(y)?, month(m)?, day(d)?)?)
        }
        [d] if ordinal_day(d).is_some() => Point::DayOfMonth {
            day: ordinal_day(d)?,
            month: None,
        },
        [d, s, Word(m)] if ordinal_day(d).is_some() && shift(s).is_some() && m == "month" => Point::DayOfMonth {
            day: ordinal_day(d)?,
            month: Some(shift(s)?),
        },
        _ => return None,
    };
    Some(point)
}

fn ago_number(t: &Token) -> Option<i64> {
    match t {
        Token::Number {
            value, ordinal: false, ..
        } => Some(i64::from(*value)),
        _ => AGO_NUMBERS.iter().find(|(w, _)| *w == word(t)).map(|&(_, n)| n),
    }
}

/// The values of digits joined by `-` or `/`: `2022-12-02`, `2017/09/12`,
/// `14-03-2025` and `25/04/2021` (day first, or month first where that is a
/// date too), `2010-11` (November 2010, or the years 2010 to 2011), `2019/2020`.
fn written(s: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    let n = |p: &str| p.parse::<u32>().ok();
    let mut out = Vec::new();
    let mut date = |y: u32, m: u32, d: u32| {
        if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
            out.push(iso(date));
        }
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => date(n(y)?, n(m)?, n(d)?),
        [a, b, y] if y.len() == 4 && a.len() <= 2 && b.len() <= 2 => {
            date(n(y)?, n(b)?, n(a)?);
            date(n(y)?, n(a)?, n(b)?);
        }
        [y, m] if y.len() == 4 && m.len() == 2 => {
            let (year, second) = (n(y)?, n(m)?);
            if (1..=12).contains(&second) {
                out.push(format!("{year:04}-{second:02}"));
            }
            let end = year - year % 100 + second;
            if end > year {
                out.push(format!("{year:04}/{end:04}"));
            }
        }
        [a, b] if a.len() == 4 && b.len() == 4 && n(a)? < n(b)? => out.push(format!("{a}/{b}")),
        _ => {}
    }
    (!out.is_empty()).then_some(out)
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn month_value(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

/// Months since year 0, for month arithmetic.
fn month_index(year: i32, month: u32) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

fn from_month_index(i: i64) -> (i32, u32) {
    (i.div_euclid(12) as i32, (i.rem_euclid(12) + 1) as u32)
}

fn shift_days(date: NaiveDate, by: i64) -> Option<NaiveDate> {
    if by >= 0 {
        date.checked_add_days(Days::new(by as u64))
    } else {
        date.checked_sub_days(Days::new(by.unsigned_abs()))
    }
}

fn iso_week(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

impl Expression {
    fn is_relative(&self) -> bool {
        match self {
            Expression::Point(p) => p.is_relative(),
            Expression::Range(a, b) => a.is_relative() || b.is_relative(),
        }
    }

    /// The values the expression allows; `None` when it needs a publication
    /// date and the article has none.
    fn values(&self, context: &Context) -> Option<Vec<String>> {
        match self {
            Expression::Point(p) => p.values(context),
            Expression::Range(a, b) => {
                let (starts, ends) = (a.values(context)?, b.values(context)?);
                // Each reading of the start ends at the first reading of the
                // end from it on: `July 19 to 20` is read in one year, not
                // from a past July 19 to a coming July 20.
                let mut out = Vec::new();
                for start in &starts {
                    let alike = |end: &&String| end.len() == start.len() && end.contains('X') == start.contains('X');
                    let end = ends.iter().filter(alike).filter(|end| *end >= start).min();
                    match end {
                        Some(end) => out.push(format!("{start}/{end}")),
                        // Ends of other forms (`2017 to March 2020`): any.
                        None if !ends.iter().any(|e| alike(&e)) => {
                            out.extend(ends.iter().map(|end| format!("{start}/{end}")));
                        }
                        None => {}
                    }
                }
                Some(out)
            }
        }
    }
}

impl Point {
    fn is_relative(&self) -> bool {
        match self {
            Point::Date(_)
            | Point::Written(_)
            | Point::Year(_)
            | Point::Month {
                year: YearOf::Given(_), ..
            } => false,
            Point::Weekday { on: Some(on), .. } => on.is_relative(),
            _ => true,
        }
    }

    fn values(&self, context: &Context) -> Option<Vec<String>> {
        let published = context.published;
        let values = match self {
            Point::Date(date) => vec![iso(*date)],
            Point::Written(values) => values.clone(),
            Point::Year(year) => vec![format!("{year:04}")],
            Point::Month {
                month,
                year: YearOf::Given(year),
            } => vec![month_value(*year, *month)],
            Point::Month { month, year } => month_values(*month, *year, published?),
            Point::MonthDay { month, day } => {
                let mut values = around(published?, |date| date.month() == *month && date.day() == *day, 366 * 8);
                values.push(format!("XXXX-{month:02}-{day:02}"));
                values
            }
            Point::DayOfMonth { day, month: None } => around(published?, |date| date.day() == *day, 366),
            Point::DayOfMonth { day, month: Some(by) } => {
                let published = published?;
                let (y, m) = from_month_index(month_index(published.year(), published.month()) + by);
                NaiveDate::from_ymd_opt(y, m, *day).map(iso).into_iter().collect()
            }
            Point::Shift { unit: Unit::Day, by } => {
                let published = published?;
                let week_before = |d: &&NaiveDate| **d <= published && (published - **d).num_days() <= 7;
                let days = std::iter::once(published).chain(context.said.iter().filter(week_before).copied());
                days.filter_map(|d| shift_days(d, *by)).map(iso).collect()
            }
            Point::Shift { unit, by } => vec![shifted(published?, *unit, *by)?],
            Point::Weekday { day, shift, on: None } => {
                let published = published?;
                let window = match shift {
                    Some(-1) => -14..=-1,
                    Some(1) => 1..=14,
                    _ => -7..=7,
                };
                window
                    .filter_map(|by| shift_days(published, by))
                    .filter(|date| date.weekday() == *day)
                    .map(iso)
                    .collect()
            }
            Point::Weekday { day, on: Some(on), .. } => {
                let all = on.values(context)?;
                match published {
                    // A written date needs no weekday to say which it is.
                    Some(published) if on.is_relative() => {
                        // The readings on that weekday within a week of
                        // publication; all of them when none is (the
                        // article's weekday and date disagree, and the
                        // annotator had to choose).
                        let near: Vec<String> = all
                            .iter()
                            .filter(|v| {
                                NaiveDate::parse_from_str(v, "%Y-%m-%d")
                                    .is_ok_and(|d| d.weekday() == *day && (d - published).num_days().abs() <= 7)
                            })
                            .cloned()
                            .collect();
                        if near.is_empty() { all } else { near }
                    }
                    _ => all,
                }
            }
        };
        Some(values)
    }
}

/// The last day up to `published` and the first from it that `is` holds for,
/// looking at most `reach` days either way: the past and the coming reading.
fn around(published: NaiveDate, is: impl Fn(NaiveDate) -> bool, reach: i64) -> Vec<String> {
    let past = (0..=reach).filter_map(|by| shift_days(published, -by)).find(|d| is(*d));
    let coming = (0..=reach).filter_map(|by| shift_days(published, by)).find(|d| is(*d));
    past.into_iter().chain(coming).map(iso).collect()
}

fn month_values(month: u32, year: YearOf, published: NaiveDate) -> Vec<String> {
    let now = month_index(published.year(), published.month());
    let this_year = month_index(published.year(), month);
    let indices: Vec<i64> = match year {
        // The month's occurrence up to the publication month, and from it.
        YearOf::Unsaid => vec![
            if this_year <= now { this_year } else { this_year - 12 },
            if this_year >= now { this_year } else { this_year + 12 },
        ],
        YearOf::Given(y) => vec![month_index(y, month)],
        YearOf::Shifted(by) => vec![this_year + 12 * by],
        YearOf::Nearest(0) => vec![this_year],
        // `last May`: the May before the publication month, or last year's.
        YearOf::Nearest(by) if by < 0 => vec![if this_year < now { this_year } else { this_year - 12 }, this_year - 12],
        YearOf::Nearest(_) => vec![if this_year > now { this_year } else { this_year + 12 }, this_year + 12],
    };
    indices
        .into_iter()
        .map(|i| {
            let (y, m) = from_month_index(i);
            month_value(y, m)
        })
        .collect()
}

fn shifted(published: NaiveDate, unit: Unit, by: i64) -> Option<String> {
    Some(match unit {
        Unit::Day => iso(shift_days(published, by)?),
        Unit::Week => iso_week(shift_days(published, 7 * by)?),
        Unit::Month => {
            let first = published.with_day(1)?;
            let moved = if by >= 0 {
                first.checked_add_months(Months::new(by as u32))?
            } else {
                first.checked_sub_months(Months::new(by.unsigned_abs() as u32))?
            };
            month_value(moved.year(), moved.month())
        }
        Unit::Year => format!("{:04}", i64::from(published.year()) + by),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// `text` published on `published` reads as `expected`.
    fn check(published: &str, text: &str, expected: &[&str]) {
        let values = match read(text, Some(date(published)), &[]) {
            Reading::Relative(v) | Reading::Absolute(v) => v,
            other => panic!("{text:?}: {other:?}"),
        };
        let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(values, expected, "{text:?} published {published}");
    }

    #[test]
    fn days_around_publication() {
        check("2022-07-02", "today", &["2022-07-02"]);
        check("2022-07-02", "Today’s", &["2022-07-02"]);
        check("2022-07-02", "yesterday", &["2022-07-01"]);
        check("2022-07-02", "tomorrow", &["2022-07-03"]);
    }

    #[test]
    fn a_quoted_today_is_the_day_of_the_statement_the_article_gives() {
        // "Biden said on Thursday: today is a dark day", published on Friday.
        let dates = [
            ("on Thursday", "2022-02-24"),
            ("Today", "2022-02-24"),
            ("in 2014", "2014"),
        ];
        let said = said_days(dates);
        assert_eq!(said, [date("2022-02-24")]);
        let today = read("Today", Some(date("2022-02-25")), &said);
        assert_eq!(today, Reading::Relative(vec!["2022-02-24".into(), "2022-02-25".into()]));
        // A day more than a week before publication is no such statement's.
        let today = read("today", Some(date("2022-03-25")), &said);
        assert_eq!(today, Reading::Relative(vec!["2022-03-25".into()]));
        // Two `today`s do not vouch for each other.
        assert!(said_days([("Today", "2020-12-14"), ("today", "2020-12-14")]).is_empty());
    }

    #[test]
    fn weekdays_within_a_week_of_publication() {
        // 2022-12-02 is a Friday.
        check("2022-12-02", "Thursday", &["2022-12-01", "2022-12-08"]);
        check("2022-12-02", "on Friday", &["2022-11-25", "2022-12-02", "2022-12-09"]);
        check("2022-12-02", "Friday's", &["2022-11-25", "2022-12-02", "2022-12-09"]);
        check("2022-12-02", "last Monday", &["2022-11-21", "2022-11-28"]);
        check("2022-12-02", "next Monday", &["2022-12-05", "2022-12-12"]);
        check("2025-05-23", "Saturday morning, May 24", &["2025-05-24"]);
    }

    #[test]
    fn a_weekday_beside_its_date_keeps_the_readings_on_that_day() {
        check("2022-03-15", "Monday (March 14)", &["2022-03-14"]);
        check("2020-02-15", "Friday (14)", &["2020-02-14"]);
        check("2024-09-10", "this Thursday (12)", &["2024-09-12"]);
        check("2024-04-12", "Thursday, April 11, 2024", &["2024-04-11"]);
        // The article says a Tuesday that is a Monday: both readings stand.
        check(
            "2022-03-15",
            "Tuesday (March 14)",
            &["2022-03-14", "2023-03-14", "XXXX-03-14"],
        );
    }

    #[test]
    fn periods_of_publication() {
        check("2025-11-07", "last week", &["2025-W44"]);
        check("2022-02-24", "earlier this week", &["2022-W08"]);
        check("2011-11-24", "Next week", &["2011-W48"]);
        check("2025-01-15", "last month", &["2024-12"]);
        check("2013-03-22", "this month", &["2013-03"]);
        check("2022-07-02", "this year", &["2022"]);
        check("2025-12-20", "earlier this year", &["2025"]);
        check("2017-12-05", "last year", &["2016"]);
        check("2008-12-12", "next year", &["2009"]);
    }

    #[test]
    fn so_long_ago() {
        check("2022-12-02", "five years ago", &["2017"]);
        check("2021-10-01", "a year ago", &["2020"]);
        check("2007-12-20", "two weeks ago", &["2007-W49"]);
        check("2022-12-02", "3 days ago", &["2022-11-29"]);
    }

    #[test]
    fn days_and_months_without_a_year_take_it_from_publication() {
        check(
            "2025-11-07",
            "on November 6",
            &["2025-11-06", "2026-11-06", "XXXX-11-06"],
        );
        check("2014-01-05", "December 20", &["2013-12-20", "2014-12-20", "XXXX-12-20"]);
        check("2017-12-11", "Sept. 3", &["2017-09-03", "2018-09-03", "XXXX-09-03"]);
        check("2019-12-03", "Oct.", &["2019-10", "2020-10"]);
        check("2009-04-03", "December", &["2008-12", "2009-12"]);
        check("2022-07-02", "on the 2nd", &["2022-07-02"]);
        check("2022-07-02", "the 30th of last month", &["2022-06-30"]);
        check("2022-07-02", "the 13th", &["2022-06-13", "2022-07-13"]);
        check("2013-03-21", "last May", &["2012-05"]);
        check("2017-12-11", "last May", &["2016-05", "2017-05"]);
        check("2022-08-10", "March this year", &["2022-03"]);
        check("2023-04-24", "October last year", &["2022-10"]);
        check("2022-12-02", "April of this year", &["2022-04"]);
    }

    #[test]
    fn absolute_dates_read_as_written() {
        check("2024-04-05", "April 3, 2024", &["2024-04-03"]);
        check("2019-09-20", "13th September 2019", &["2019-09-13"]);
        check("2021-12-12", "16 March , 2021", &["2021-03-16"]);
        check("2025-03-15", "14-03-2025", &["2025-03-14"]);
        check("2021-04-26", "25/04/2021", &["2021-04-25"]);
        check("2017-09-12", "2017/09/12", &["2017-09-12"]);
        check("2020-01-01", "in 2016", &["2016"]);
        check("2020-01-01", "May 2017", &["2017-05"]);
        check("2020-01-01", "March of 2008", &["2008-03"]);
    }

    #[test]
    fn ranges_complete_one_end_from_the_other() {
        check(
            "2022-07-02",
            "July 19 to 20",
            &[
                "2021-07-19/2021-07-20",
                "2022-07-19/2022-07-20",
                "XXXX-07-19/XXXX-07-20",
            ],
        );
        check(
            "2022-07-02",
            "from the 27th to the 29th",
            &["2022-06-27/2022-06-29", "2022-07-27/2022-07-29"],
        );
        check("2021-10-01", "from 2017 to 2020", &["2017/2020"]);
        check("2020-01-01", "2019-20", &["2019/2020"]);
        check("2008-03-01", "2010-11", &["2010-11", "2010/2011"]);
        check(
            "2022-03-25",
            "from December 22, 2021, till March 21, 2022",
            &["2021-12-22/2022-03-21"],
        );
        check(
            "2022-03-25",
            "beginning on 22 December 2021 and ending on 21 March 2022",
            &["2021-12-22/2022-03-21"],
        );
        check("2019-01-01", "July and August of 2008", &["2008-07/2008-08"]);
        check(
            "2025-07-22",
            "between February and June",
            &["2025-02/2025-06", "2026-02/2026-06"],
        );
        check("2023-01-01", "2019–2021", &["2019/2021"]);
    }

    #[test]
    fn relative_and_absolute_are_told_apart() {
        let published = Some(date("2022-12-02"));
        assert!(matches!(read("Thursday", published, &[]), Reading::Relative(_)));
        assert!(matches!(
            read("Thursday, April 11, 2024", published, &[]),
            Reading::Absolute(_)
        ));
        assert!(matches!(read("in 2021", published, &[]), Reading::Absolute(_)));
        assert_eq!(read("Thursday", None, &[]), Reading::NoPublished);
        assert!(matches!(read("in 2021", None, &[]), Reading::Absolute(_)));
    }

    #[test]
    fn forms_it_does_not_know_are_not_judged() {
        for text in [
            "the end of July",
            "mid-September",
            "over 20 years ago",
            "Q4 2020",
            "the 1980s",
            "Copyright © 2021",
            "a year earlier",
            "the previous month",
            "past year",
            "this fiscal year",
            "2014 Sochi Olympics",
        ] {
            assert_eq!(
                read(text, Some(date("2022-12-02")), &[]),
                Reading::Unrecognised,
                "{text:?}"
            );
        }
    }

    #[test]
    fn values_of_the_forms_record_md_gives() {
        for good in [
            "2025-11-06",
            "2025-11",
            "2025",
            "2022-W48",
            "2022-07-19/2022-07-20",
            "XXXX-11-06",
            "2020-W53",
            "198X",
            "19",
            "2020-Q4",
            "2006-H2",
            "2024-02-29",
            "XXXX-02-29",
        ] {
            assert!(valid_value(good), "{good}");
        }
        for bad in [
            "2025-13-01",
            "2023-02-29",
            "2021-W53",
            "25-11-06",
            "2025-1-6",
            "November 2025",
            "2025-11-06/",
            "",
            "2025/11/06",
        ] {
            assert!(!valid_value(bad), "{bad}");
        }
        assert!(backwards("2022-07-20/2022-07-19"));
        assert!(!backwards("2022-07-19/2022-07-20"));
    }
}
