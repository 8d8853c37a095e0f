//! Values in the forms the FollowTheMoney model keeps them.
//!
//! FtM cleans every value it reads (`ftm validate`, or any tool that loads
//! entities): text is NFC with unsafe characters removed and trimmed, names
//! lose surrounding quotes and runs of white space, dates are ISO prefixes in
//! UTC, URLs have an http(s) scheme, a host and a path, countries are its
//! lower-case codes. A value it cannot read is dropped without a word. So the
//! writer puts each value in that form itself, and leaves out what the model
//! cannot hold: what it writes comes back from FtM unchanged (the check in
//! `tests/ftm/` compares them, property by property).
//!
//! The rules follow followthemoney 4.11 (`followthemoney/types/`) with
//! normality's `remove_unsafe_chars`, `strip_quotes` and `squash_spaces`, and
//! rigour's `clean_url`.

use crate::assemble::canonical::period;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use unicode_normalization::UnicodeNormalization;

/// Longest value FtM accepts, in code points, by type.
pub const MAX_NAME: usize = 384;
pub const MAX_STRING: usize = 1024;
pub const MAX_TEXT: usize = 65_000;
pub const MAX_URL: usize = 4096;

/// Characters FtM replaces by a space (normality's `_UNSAFE_SPACE_CPS`).
fn space_like(c: char) -> bool {
    matches!(
        c,
        '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{0A00}' | '\u{1680}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Characters FtM deletes (normality's `_UNSAFE_DELETE_CPS`, less the lone
/// surrogates a Rust string cannot hold): control characters other than tab,
/// line feed and carriage return, invisible formatting characters.
fn unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{00}'..='\u{08}' | '\u{0B}' | '\u{0C}' | '\u{0E}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{2060}'..='\u{2064}' | '\u{AD}' | '\u{FEFF}')
}

/// A string or text value: NFC, unsafe characters removed, trimmed, at most
/// `max` code points; `None` when nothing is left.
pub fn text(raw: &str, max: usize) -> Option<String> {
    let clean: String = raw
        .nfc()
        .filter(|&c| !unsafe_char(c))
        .map(|c| if space_like(c) { ' ' } else { c })
        .collect();
    limit(clean.trim(), max)
}

/// A name: as [`text`], without surrounding quotes, white space runs as one
/// space.
pub fn name(raw: &str) -> Option<String> {
    let clean = text(raw, usize::MAX)?;
    let unquoted = strip_quotes(&clean);
    let mut out = String::with_capacity(unquoted.len());
    for word in unquoted.split(squash_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    limit(&out, MAX_NAME)
}

/// What normality's `squash_spaces` makes one space (`\s` in Python's `re`,
/// and the space-like characters of its own list).
fn squash_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1C}'..='\u{1F}' | '\u{0A00}')
}

/// normality's `strip_quotes`: `^["'](.*)["']$`, where `.` stops at a line feed.
fn strip_quotes(s: &str) -> &str {
    let quote = |c: char| c == '"' || c == '\'';
    let mut chars = s.chars();
    match (chars.next(), chars.next_back()) {
        (Some(a), Some(b)) if quote(a) && quote(b) && !s.contains('\n') => &s[1..s.len() - 1],
        _ => s,
    }
}

/// At most `max` code points, trimmed again at the end (a cut can leave a
/// space there, which FtM would trim); `None` when empty.
fn limit(s: &str, max: usize) -> Option<String> {
    let cut = s.char_indices().nth(max).map_or(s, |(i, _)| s[..i].trim_end());
    (!cut.is_empty()).then(|| cut.to_string())
}

/// A publication date (ISO 8601, as the record gives it) as an FtM date: the
/// date, or the date and time in UTC (FtM knows no time zones), to the
/// precision given. `None` for what the record kept unread.
pub fn published(value: &str) -> Option<String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return Some(t.with_timezone(&Utc).format("%Y-%m-%dT%H:%M:%S").to_string());
    }
    for (input, output) in [
        ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S"),
        ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"),
        ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M"),
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(value, input) {
            return Some(t.format(output).to_string());
        }
    }
    date(value)
}

/// A TIMEX3 date of the record (`2025-11-06`, `2025-11`, `2025`, a week
/// `2025-W44`, a range `a/b`) as an FtM date, which is a prefix of
/// `YYYY-MM-DD`: the day, month or year that holds the whole period (a week
/// inside one month is that month). `None` when no year holds it or a part is
/// unknown (`XXXX-11-06`).
pub fn date(value: &str) -> Option<String> {
    let (start, end) = period(value)?;
    let full = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let (a, b) = (full(start), full(end));
    // Days, months and years are the first 10, 7 and 4 characters; the years
    // FtM reads have four digits.
    [10, 7, 4]
        .into_iter()
        .find(|&n| a[..n] == b[..n])
        .filter(|_| a.len() == 10 && a.as_bytes()[0] != b'-')
        .map(|n| a[..n].to_string())
}

/// A URL as FtM keeps it: `http` or `https` (lower case) with a host name
/// FtM accepts, and a path (`/` when there is none). `None` for anything else
/// (other schemes, no scheme, a host that is not one), which FtM would drop or
/// rewrite.
pub fn url(raw: &str) -> Option<String> {
    let raw = text(raw, MAX_URL)?;
    let (scheme, rest) = raw.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (netloc, tail) = rest.split_at(host_end);
    if !valid_netloc(netloc) {
        return None;
    }
    let (tail, fragment) = tail.split_once('#').unwrap_or((tail, ""));
    let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
    let path = match path.trim() {
        "" => "/",
        path => path,
    };
    let mut out = format!("{scheme}://{netloc}{path}");
    // Python's `geturl` leaves out an empty query or fragment.
    for (mark, part) in [('?', query), ('#', fragment)] {
        if !part.is_empty() {
            out.push(mark);
            out.push_str(part);
        }
    }
    Some(out)
}

/// rigour's `_is_valid_netloc`: no white space, a port that is a number, and
/// a host that is an IP address or dot-separated labels of word characters
/// (each with a letter or digit), the last of two or more characters and not
/// all digits.
fn valid_netloc(netloc: &str) -> bool {
    if netloc.is_empty() || netloc.chars().any(char::is_whitespace) {
        return false;
    }
    let host_port = netloc.rsplit_once('@').map_or(netloc, |(_, h)| h);
    let host = if let Some(inner) = host_port.strip_prefix('[') {
        match inner.split_once(']') {
            Some((ip, rest)) if rest.is_empty() || valid_port(rest.strip_prefix(':').unwrap_or("x")) => ip,
            _ => return false,
        }
    } else {
        match host_port.rsplit_once(':') {
            Some((host, port)) if valid_port(port) => host,
            Some(_) => return false,
            None => host_port,
        }
    };
    if host.is_empty() {
        return false;
    }
    if host.parse::<std::net::IpAddr>().is_ok() {
        return true;
    }
    let labels: Vec<&str> = host.trim_end_matches('.').split('.').collect();
    let label_ok = |l: &&str| {
        let n = l.chars().count();
        (1..=63).contains(&n)
            && l.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            && l.chars().any(char::is_alphanumeric)
    };
    let last = labels.last().copied().unwrap_or("");
    labels.iter().all(label_ok)
        && (labels.len() == 1 || (last.chars().count() >= 2 && !last.chars().all(|c| c.is_ascii_digit())))
}

/// An empty port or a number up to 65535.
fn valid_port(port: &str) -> bool {
    port.is_empty() || (port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u32>().is_ok_and(|p| p <= 65535))
}

/// FtM's codes for the lexicon's ISO 3166 alpha-2 codes where they differ
/// (FtM writes historical countries with four letters). Checked against
/// the model by `tests/ftm/check_ftm.py`.
pub const COUNTRY_CODES: &[(&str, &str)] = &[("SU", "suhh")];

/// A country code of the record (ISO 3166 alpha-2) as FtM's: lower case.
pub fn country(code: &str) -> Option<String> {
    if let Some((_, ftm)) = COUNTRY_CODES.iter().find(|(iso, _)| iso.eq_ignore_ascii_case(code)) {
        return Some(ftm.to_string());
    }
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic())).then(|| code.to_ascii_lowercase())
}

/// The language detector's ISO 639-3 codes that FtM's short list of
/// languages lacks, with the code it has for them, if any.
const LANGUAGES: &[(&str, Option<&str>)] = &[
    ("cmn", Some("zho")),
    ("nob", Some("nor")),
    ("pes", Some("fas")),
    ("aka", None),
    ("cym", None),
    ("epo", None),
    ("guj", None),
    ("jav", None),
    ("lat", None),
    ("mal", None),
    ("mar", None),
    ("ori", None),
    ("pan", None),
    ("sna", None),
    ("yid", None),
    ("zul", None),
];

/// A record's language code (ISO 639-3, from the detector) as FtM's.
pub fn language(code: &str) -> Option<String> {
    match LANGUAGES.iter().find(|(detected, _)| *detected == code) {
        Some((_, ftm)) => ftm.map(str::to_string),
        None => (code.len() == 3 && code.bytes().all(|b| b.is_ascii_lowercase())).then(|| code.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_nfc_without_unsafe_characters_and_trimmed() {
        let cases = [
            ("  Caf\u{65}\u{301} ", Some("Café")),
            ("a\u{200B}b\u{0}c\u{AD}", Some("abc")),
            ("a\u{2003}b", Some("a b")),
            ("line\none", Some("line\none")),
            (" \u{FEFF} ", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(text(raw, MAX_TEXT).as_deref(), expected, "{raw:?}");
        }
        assert_eq!(text("abc def", 4).as_deref(), Some("abc"), "cut, then trimmed");
    }

    #[test]
    fn names_lose_quotes_and_white_space_runs() {
        let cases = [
            ("Kim   Ji-na", Some("Kim Ji-na")),
            ("\"Lazarus\"", Some("Lazarus")),
            ("'Lazarus Group'", Some("Lazarus Group")),
            ("O'Brien", Some("O'Brien")),
            ("\"", Some("\"")),
            ("''", None),
            ("a\tb\nc", Some("a b c")),
        ];
        for (raw, expected) in cases {
            assert_eq!(name(raw).as_deref(), expected, "{raw:?}");
        }
        assert_eq!(name(&"x ".repeat(400)).unwrap().chars().count(), 383);
    }

    #[test]
    fn publication_dates_become_utc_prefixes() {
        let cases = [
            ("2019-11-19", Some("2019-11-19")),
            ("2019-11-19T06:56:43-05:00", Some("2019-11-19T11:56:43")),
            ("2019-11-19T23:30:00-05:00", Some("2019-11-20T04:30:00")),
            ("2019-11-19T14:00:00Z", Some("2019-11-19T14:00:00")),
            ("2019-11-19T14:00:00.250+00:00", Some("2019-11-19T14:00:00")),
            ("2019-11-19T14:00", Some("2019-11-19T14:00")),
            ("2019-11", Some("2019-11")),
            ("next Tuesday", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(published(raw).as_deref(), expected, "{raw:?}");
        }
    }

    #[test]
    fn event_dates_become_the_period_that_holds_them() {
        let cases = [
            ("2025-11-06", Some("2025-11-06")),
            ("2025-11", Some("2025-11")),
            ("2025", Some("2025")),
            ("2025-W46", Some("2025-11")),
            ("2025-W44", Some("2025")),
            ("2022-07-19/2022-07-20", Some("2022-07")),
            ("2021-12-30/2022-01-02", None),
            ("XXXX-11-06", None),
            ("2025-02-30", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(date(raw).as_deref(), expected, "{raw:?}");
        }
    }

    #[test]
    fn urls_are_kept_only_in_a_form_ftm_keeps() {
        let cases = [
            (
                "https://news.example/2024/02/23/eu",
                Some("https://news.example/2024/02/23/eu"),
            ),
            ("https://news.example", Some("https://news.example/")),
            ("HTTPS://News.Example/A", Some("https://News.Example/A")),
            ("https://news.example?x=1", Some("https://news.example/?x=1")),
            ("https://news.example/a?#", Some("https://news.example/a")),
            (
                "http://user@news.example:8080/a#top",
                Some("http://user@news.example:8080/a#top"),
            ),
            ("http://127.0.0.1/a", Some("http://127.0.0.1/a")),
            ("https://пример.рф/a", Some("https://пример.рф/a")),
            ("ftp://news.example/a", None),
            ("news.example/a", None),
            ("https://news example/a", None),
            ("https://3.4/a", None),
            ("https://news.example:http/a", None),
            ("https:///a", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(url(raw).as_deref(), expected, "{raw:?}");
        }
    }

    #[test]
    fn countries_and_languages_take_ftm_codes() {
        assert_eq!(country("KP").as_deref(), Some("kp"));
        assert_eq!(country("SU").as_deref(), Some("suhh"));
        assert_eq!(country("United States"), None);
        assert_eq!(language("eng").as_deref(), Some("eng"));
        assert_eq!(language("cmn").as_deref(), Some("zho"));
        assert_eq!(language("epo"), None);
    }
}
