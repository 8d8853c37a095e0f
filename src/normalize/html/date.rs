//! Publication dates as pages write them, turned into ISO 8601.
//!
//! Two kinds of input. Machine-readable values (meta tags, JSON-LD, `<time
//! datetime>`) come in ISO 8601 and its relatives (`2019-11-19 02:24:00`,
//! `20191119`, `2019/11/19`), RFC 2822 (`Tue, 19 Nov 2019 14:00:00 GMT`) and the
//! JavaScript date string (`Tue Nov 19 2019 03:05:46 GMT+0000`): [`normalize`]
//! keeps the day and time as written, with the offset when there is one, and
//! never shifts the time zone, so the day stays the one the page shows. Visible
//! datelines (`November 19, 2019`, `19 NOV 2019`, `publiziert am 30. Juli 2018`,
//! `22 de outubro de 2010`, `05/10/2018`) are found by [`find_in_text`] and give a
//! date. Month names are a table, in the languages of the pages we read.
//!
//! Years outside 1990-2100 are placeholders (`0001-01-01`) and are refused.

use crate::per_thread::PerThread;
use chrono::{NaiveDate, NaiveTime};
use regex::Regex;

/// Month names and abbreviations, lower case, with their number.
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("okt", 10),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    // Spanish, Portuguese, Italian
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Russian (genitive, as in dates)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
];

/// Lowest and highest plausible publication years.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

fn month(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == lower).map(|(_, n)| *n)
}

fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !YEARS.contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(m, _)| *m).collect();
    names.sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
    names.join("|")
}

static ISO: PerThread<Regex> = PerThread::new(|| {
    Regex::new(
        r"^(\d{4})(?:-(\d{2})-(\d{2})|/(\d{1,2})/(\d{1,2})|(\d{2})(\d{2}))(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$",
    )
    .expect("pattern compiles")
});

/// `Tue, 19 Nov 2019 14:00:00 GMT`, `19 Nov 2019 07:09 GMT`,
/// `Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)`.
static WRITTEN: PerThread<Regex> = PerThread::new(|| {
    Regex::new(
        r"(?i)^(?:[a-z]{3},?\s+)?(?:(\d{1,2})\s+([a-z]{3})[a-z]*\.?|([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?)\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:(GMT|UTC|Z)?\s*([+-]\d{2}:?\d{2})?|[A-Z]{3,4}))?(?:\s*\(.*\))?$",
    )
    .expect("pattern compiles")
});

/// The ISO 8601 form of a machine-readable date, or `None` when it is not one.
pub fn normalize(value: &str) -> Option<String> {
    let value = value.trim();
    if let Some(c) = ISO.captures(value) {
        let year: i32 = c[1].parse().ok()?;
        let (m, d) = match (c.get(2), c.get(4), c.get(6)) {
            (Some(m), _, _) => (m.as_str(), &c[3]),
            (_, Some(m), _) => (m.as_str(), &c[5]),
            (_, _, Some(m)) => (m.as_str(), &c[7]),
            _ => return None,
        };
        let day = date(year, m.parse().ok()?, d.parse().ok()?)?;
        let Some(hour) = c.get(8) else {
            return Some(day.to_string());
        };
        let seconds = c.get(10).map_or(Some(0), |s| s.as_str().parse().ok())?;
        let time = NaiveTime::from_hms_opt(hour.as_str().parse().ok()?, c[9].parse().ok()?, seconds)?;
        return Some(datetime(day, time, c.get(11).map(|m| m.as_str())));
    }
    if let Some(c) = WRITTEN.captures(value) {
        let (d, m) = match (c.get(1), c.get(3)) {
            (Some(d), _) => (d.as_str(), &c[2]),
            (_, Some(m)) => (&c[4], m.as_str()),
            _ => return None,
        };
        let day = date(c[5].parse().ok()?, month(m)?, d.parse().ok()?)?;
        let Some(hour) = c.get(6) else {
            return Some(day.to_string());
        };
        let seconds = c.get(8).map_or(Some(0), |s| s.as_str().parse().ok())?;
        let time = NaiveTime::from_hms_opt(hour.as_str().parse().ok()?, c[7].parse().ok()?, seconds)?;
        let zone = c.get(10).or(c.get(9)).map(|m| m.as_str());
        return Some(datetime(day, time, zone));
    }
    find_in_text(value, false).map(|d| d.to_string())
}

fn datetime(day: NaiveDate, time: NaiveTime, zone: Option<&str>) -> String {
    let zone = match zone {
        None => String::new(),
        Some("Z" | "UTC" | "GMT") => "Z".into(),
        Some(offset) => {
            let digits: String = offset.chars().filter(char::is_ascii_digit).collect();
            if digits == "0000" {
                "Z".into()
            } else {
                format!("{}{}:{}", &offset[..1], &digits[..2], &digits[2..])
            }
        }
    };
    format!("{}T{}{zone}", day, time.format("%H:%M:%S"))
}

/// Dates written out in text.
static TEXT_DATES: PerThread<Regex> = PerThread::new(|| {
    let months = month_alternation();
    Regex::new(&format!(
        r"(?i)(?:\b(?P<m1>{months})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s+(?P<y1>\d{{4}})\b|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+|of\s+)?(?P<m2>{months})\.?,?\s+(?:de\s+)?(?P<y2>\d{{4}})\b|\b(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})\b|\b(?P<a4>\d{{1,2}})[./](?P<b4>\d{{1,2}})[./](?P<y4>\d{{4}})\b)"
    ))
    .expect("pattern compiles")
});

/// The first date written in `text`. Numeric dates such as `05/10/2018` are read
/// month first when `month_first` (American pages), else day first, unless one of
/// the two numbers is over 12.
pub fn find_in_text(text: &str, month_first: bool) -> Option<NaiveDate> {
    find_all_in_text(text, month_first).next()
}

/// Every date written in `text`, in order.
pub fn find_all_in_text(text: &str, month_first: bool) -> impl Iterator<Item = NaiveDate> + '_ {
    TEXT_DATES.captures_iter(text).filter_map(move |c| {
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        if let Some(m) = c.name("m1") {
            return date(num("y1")? as i32, month(m.as_str())?, num("d1")?);
        }
        if let Some(m) = c.name("m2") {
            return date(num("y2")? as i32, month(m.as_str())?, num("d2")?);
        }
        if c.name("y3").is_some() {
            return date(num("y3")? as i32, num("m3")?, num("d3")?);
        }
        let (a, b, year) = (num("a4")?, num("b4")?, num("y4")? as i32);
        let (m, d) = if a > 12 {
            (b, a)
        } else if b > 12 || month_first {
            (a, b)
        } else {
            (b, a)
        };
        date(year, m, d)
    })
}

/// The date in a URL path: `/2019/11/19/`, `/2019-11-19/`, `/2019/nov/18/`, or a
/// slug ending in `-20191115`.
pub fn in_url(url: &str) -> Option<NaiveDate> {
    static URL_DATE: PerThread<Regex> = PerThread::new(|| {
        Regex::new(r"(?i)/((?:19|20)\d{2})[/-](\d{1,2}|[a-z]{3})[/-](\d{1,2})(?:[/-]|$)|[/-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/.?#]|$)")
            .expect("pattern compiles")
    });
    let c = URL_DATE.captures(url)?;
    if let Some(y) = c.get(1) {
        let m = &c[2];
        let m = m.parse().ok().or_else(|| month(m))?;
        return date(y.as_str().parse().ok()?, m, c[3].parse().ok()?);
    }
    date(c[4].parse().ok()?, c[5].parse().ok()?, c[6].parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_dates_become_iso() {
        let cases = [
            ("2019-11-19", Some("2019-11-19")),
            ("2019-11-19T13:03:00.000Z", Some("2019-11-19T13:03:00Z")),
            ("2019-11-20T01:50:59.403", Some("2019-11-20T01:50:59")),
            ("2019-11-19T06:56:43-05:00", Some("2019-11-19T06:56:43-05:00")),
            ("2019-11-19T06:56-05:00", Some("2019-11-19T06:56:00-05:00")),
            ("2019-11-20T06:35:39+0000", Some("2019-11-20T06:35:39Z")),
            ("2019-11-19 02:24:00", Some("2019-11-19T02:24:00")),
            ("2019-11-19 02:24:00 UTC", Some("2019-11-19T02:24:00Z")),
            ("20191119", Some("2019-11-19")),
            ("2019/11/19", Some("2019-11-19")),
            ("Tue, 19 Nov 2019 14:00:00 GMT", Some("2019-11-19T14:00:00Z")),
            ("Tue, 19 Nov 2019 14:00:00 +0100", Some("2019-11-19T14:00:00+01:00")),
            ("19 Nov 2019 07:09 GMT", Some("2019-11-19T07:09:00Z")),
            ("Tue Nov 19 2019 03:05:46 GMT+0000", Some("2019-11-19T03:05:46Z")),
            (
                "Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)",
                Some("2019-11-19T03:05:46Z"),
            ),
            ("December 3, 2019", Some("2019-12-03")),
            ("Nov. 19, 2019 5:50 PM", Some("2019-11-19")),
            // Placeholders and non-dates.
            ("0001-01-01T00:00:00Z", None),
            ("2019-13-01", None),
            ("yesterday", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input).as_deref(), expected, "{input}");
        }
    }

    #[test]
    fn dates_in_text() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let cases = [
            ("By Jeff Foust | Monday, November 18, 2019", d(2019, 11, 18)),
            ("on Monday, November 18th, 2019 at 11:08 a.m.", d(2019, 11, 18)),
            ("VICTOR TANGERMANN | 18 NOV 2019 | A team", d(2019, 11, 18)),
            ("Posted: Fri 6:45 PM, Feb 16, 2018", d(2018, 2, 16)),
            ("publiziert am 30. Juli 2018", d(2018, 7, 30)),
            ("publiziert am 25. September 2018", d(2018, 9, 25)),
            ("Publicado em 22 de outubro de 2010", d(2010, 10, 22)),
            ("le 3 décembre 2019", d(2019, 12, 3)),
            ("the 4th of July 2019", d(2019, 7, 4)),
            ("기사입력 :[ 2018-08-25 15:24 ]", d(2018, 8, 25)),
            ("05/10/2018 - Publicado por", d(2018, 10, 5)),
            ("13/10/2018", d(2018, 10, 13)),
            ("NOVEMBER 20, 2019 10:43", d(2019, 11, 20)),
            ("November 20 15:23 2019", d(2019, 11, 20)),
            ("Wed Nov 20 15:23:00 2019", d(2019, 11, 20)),
            ("24 сентября 2018", d(2018, 9, 24)),
            // Not dates.
            ("May 5 people came in 2019", None),
            ("in March 2019", None),
            ("1 in 1000 cases", None),
        ];
        for (text, expected) in cases {
            assert_eq!(find_in_text(text, false), expected, "{text}");
        }
        assert_eq!(find_in_text("11/20/2019 01:14 PM", true), d(2019, 11, 20));
        assert_eq!(find_in_text("05/10/2018", true), d(2018, 5, 10));
    }

    #[test]
    fn dates_in_urls() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let cases = [
            ("https://www.nytimes.com/2019/11/19/opinion/x.html", d(2019, 11, 19)),
            (
                "https://www.latimes.com/business/story/2019-11-19/gannett",
                d(2019, 11, 19),
            ),
            (
                "https://www.politifact.com/x/statements/2019/nov/18/david/",
                d(2019, 11, 18),
            ),
            ("https://www.quantamagazine.org/tuft-cells-20191115/", d(2019, 11, 15)),
            ("https://example.com/2014/09/make-arrowhead/", None),
            ("https://example.com/news/275221/", None),
            ("https://example.com/a/30279001.html", None),
        ];
        for (url, expected) in cases {
            assert_eq!(in_url(url), expected, "{url}");
        }
    }
}
