//! The date corpus: texts, a publication date, and the dates [`find_in`] must
//! read (surface text and TIMEX3 value), in order. Publication dates are
//! fixed per example; an empty list is a negative example.

use super::*;

fn check(published: &str, text: &str, expected: &[(&str, &str)]) {
    let dct = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let found = find_in(text, dct);
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|d| (&text[d.bytes.clone()], d.value.as_str()))
        .collect();
    assert_eq!(got, expected, "{text:?} published {published}");
}

#[test]
fn absolute() {
    check(
        "2024-04-03",
        "On March 27, 2024, the Treasury acted.",
        &[("March 27, 2024", "2024-03-27")],
    );
    check(
        "2017-11-29",
        "Wednesday, 29 November 2017",
        &[("Wednesday, 29 November 2017", "2017-11-29")],
    );
    check("2024-05-31", "31 May 2024 13:00", &[("31 May 2024", "2024-05-31")]);
    check(
        "2024-01-30",
        "Update 30th January 2024",
        &[("30th January 2024", "2024-01-30")],
    );
    check(
        "2024-01-30",
        "exposed in December 2023 for",
        &[("December 2023", "2023-12")],
    );
    check(
        "2022-12-02",
        "Written: 2022-12-02 09:43:30",
        &[("2022-12-02", "2022-12-02")],
    );
    check("2025-11-07", "its nuclear test in 2016, which", &[("2016", "2016")]);
    check(
        "2013-03-22",
        "the Antarctic survey of 1957-58",
        &[("1957-58", "1957/1958")],
    );
    check(
        "2007-07-09",
        "written the American way, 7/8/07.",
        &[("7/8/07", "2007-07-08")],
    );
}

#[test]
fn without_a_year() {
    // The year comes from the publication date, as the tense says.
    check(
        "2022-07-02",
        "adding Russian banks to the list on May 27.",
        &[("May 27", "2022-05-27")],
    );
    check(
        "2025-11-07",
        "announced on November 6 that",
        &[("November 6", "2025-11-06")],
    );
    check(
        "2017-12-10",
        "its sixth nuclear test on Sept. 3.",
        &[("Sept. 3", "2017-09-03")],
    );
    check(
        "2021-10-01",
        "TEHRAN, Sept 30: Prices rose",
        &[("Sept 30", "2021-09-30")],
    );
    check(
        "2016-12-01",
        "an upper limit, starting on Jan. 1.",
        &[("Jan. 1", "2017-01-01")],
    );
    check(
        "2016-12-01",
        "a resolution adopted in response to its fourth nuclear test in January",
        &[("January", "2016-01")],
    );
    check(
        "2022-12-02",
        "In November, North Korea test-fired a missile.",
        &[("November", "2022-11")],
    );
    check(
        "2013-03-22",
        "The report is due to be released in May.",
        &[("May", "2013-05")],
    );
    check(
        "2013-03-22",
        "Roth said in August that she believed",
        &[("August", "2012-08")],
    );
    check(
        "2019-12-03",
        "N. Korea's exports down 7 pct. in Oct.",
        &[("Oct.", "2019-10")],
    );
    check(
        "2022-10-20",
        "shot down 220 drones since mid-September.",
        &[("mid-September", "2022-09")],
    );
    check(
        "2013-03-22",
        "The outbreak began in early December",
        &[("early December", "2012-12")],
    );
    check(
        "2022-12-02",
        "In April of this year, the Treasury",
        &[("April of this year", "2022-04")],
    );
}

#[test]
fn relative() {
    check(
        "2022-07-02",
        "according to sources on the 2nd, the U.S.",
        &[("the 2nd", "2022-07-02")],
    );
    check(
        "2022-07-02",
        "stated on the 30th of last month (local time)",
        &[("the 30th of last month", "2022-06-30")],
    );
    check(
        "2022-12-02",
        "said, speaking Thursday at an event",
        &[("Thursday", "2022-12-01")],
    );
    check(
        "2022-12-02",
        "told a forum on Wednesday that",
        &[("Wednesday", "2022-11-30")],
    );
    check(
        "2017-12-10",
        "they go into effect from Monday.",
        &[("Monday", "2017-12-11")],
    );
    check(
        "2025-11-07",
        "the outcome of last week's meeting",
        &[("last week", "2025-W44")],
    );
    check(
        "2025-12-19",
        "announced sanctions this week",
        &[("this week", "2025-W51")],
    );
    check("2022-12-02", "missile tests this year", &[("this year", "2022")]);
    check(
        "2025-12-19",
        "sanctions earlier this year",
        &[("earlier this year", "2025")],
    );
    check(
        "2022-12-02",
        "such measures five years ago after",
        &[("five years ago", "2017")],
    );
    check(
        "2021-10-01",
        "Compared with a year ago, prices",
        &[("a year ago", "2020")],
    );
    check("2017-12-10", "inaugurated last May and", &[("last May", "2017-05")]);
    check(
        "2013-03-22",
        "died late last July by his son",
        &[("late last July", "2012-07")],
    );
    check("2024-10-11", "We are taking steps today to", &[("today", "2024-10-11")]);
    check(
        "2024-10-15",
        "\"We are taking steps today to act,\" Secretary Blinken said on October 11.",
        &[("today", "2024-10-11"), ("October 11", "2024-10-11")],
    );
    check(
        "2010-06-08",
        "Yesterday, at the conference",
        &[("Yesterday", "2010-06-07")],
    );
    check(
        "2013-03-22",
        "Starting next year, the law will",
        &[("next year", "2014")],
    );
    check(
        "2009-05-07",
        "posted a US$6 billion loss in the first quarter of 2009",
        &[("the first quarter of 2009", "2009-01/2009-03")],
    );
}

#[test]
fn ranges() {
    check(
        "2022-07-02",
        "Nelson visited Seoul from the 27th to the 29th to continue",
        &[("from the 27th to the 29th", "2022-06-27/2022-06-29")],
    );
    check(
        "2022-07-02",
        "Yellen will visit South Korea from July 19 to 20.",
        &[("July 19 to 20", "2022-07-19/2022-07-20")],
    );
    check(
        "2024-05-31",
        "From 1 January 2024 until 30 May 2024, North Korea fired",
        &[("From 1 January 2024 until 30 May 2024", "2024-01-01/2024-05-30")],
    );
    check(
        "2021-10-01",
        "dropped by nearly 60% from 2017 to 2020, the",
        &[("from 2017 to 2020", "2017/2020")],
    );
    check(
        "2022-07-02",
        "talks were held between March and May",
        &[("between March and May", "2022-03/2022-05")],
    );
    check(
        "2013-03-22",
        "the pandemic of 2009-2010, when",
        &[("2009-2010", "2009/2010")],
    );
    check(
        "2013-03-18",
        "three companies for the program to run through June.",
        &[("June", "2013-06")],
    );
}

#[test]
fn without_publication_date() {
    check(
        "",
        "announced on November 6 and Thursday, last week and in 2016",
        &[
            ("November 6", "XXXX-11-06"),
            ("Thursday", "XXXX-XX-XX"),
            ("2016", "2016"),
        ],
    );
}

#[test]
fn not_dates() {
    for text in [
        "over the past 18 months",
        "In recent months, the Treasury",
        "for decades, and recently, and soon",
        "in the last year",
        "Executive Order 13382 and Resolution 2270",
        "some 2000 people and 1500 tons",
        "$2020 and 2019.5",
        "at 2:00 pm local time",
        "May I ask, and we may act",
        "Black Friday sales",
        "USA Today reported",
        "the 2nd floor and the 30th anniversary",
        "for the first time in five years",
        "Regulation (EU) No 269/2014",
        "the 20th century, the 1990s and last summer",
        "roughly matching the RTX 2060 in speed",
        "see https://example.com/news/2019/12/03/story.html",
        "events happen every November and each Monday",
    ] {
        check("2022-07-02", text, &[]);
    }
}

/// The pieces odd texts are glued from.
const ATOMS: &[&str] = &[
    "$",
    "€",
    "£",
    "¥",
    "₩",
    "元",
    "US$",
    "HK$",
    "c $",
    "USD",
    "usd",
    "MUSD",
    "1",
    "12",
    "2,000",
    "3.5",
    ".3.5",
    "1,23,456",
    "0",
    "-",
    "--",
    " ",
    ".",
    ",",
    "(",
    ")",
    "/",
    "\n",
    "bn",
    "m",
    "k",
    "M",
    "million",
    "a",
    "one",
    "twenty",
    "-six",
    "hundred",
    "and",
    "point",
    "dozen",
    "half",
    "May",
    "March",
    "Sept.",
    "Jan",
    "Monday",
    "today",
    "last",
    "week",
    "year",
    "ago",
    "the",
    "2nd",
    "30th",
    "of",
    "month",
    "from",
    "to",
    "between",
    "2019",
    "2019-20",
    "1957-58",
    "2022-12-02",
    "T10",
    "individuals",
    "entities",
    "vessels",
    "companies",
    "North",
    "U.S.",
    "한국",
    "🎉",
    "é",
    "\u{202f}",
    "\"",
    "won",
    "pounds",
    "cents",
    "quarter",
    "first",
    "2024",
    "mid-",
    "this",
    "on",
    "27th",
    "(6)",
    "Boeing",
    "737",
];

/// Pieces of dates, sums, counts and odd characters, glued at random (a
/// fixed seed): every extractor must come back, without panicking, with spans
/// that spell their text and date values in the contract's forms.
#[test]
fn all_extractors_survive_odd_text() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let dates = ["2022-07-02", "2024-02-29", "9999-12-31", "0001-01-01", ""];
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..next(60) + 1 {
            text.push_str(ATOMS[next(ATOMS.len())]);
            if next(3) > 0 {
                text.push(' ');
            }
        }
        let published = NaiveDate::parse_from_str(dates[next(dates.len())], "%Y-%m-%d").ok();
        let article = crate::extract::Article::new(&text, published);
        let found = crate::extract::all(&article);
        let chars: Vec<char> = text.chars().collect();
        let spelled = |span: [usize; 2]| chars[span[0]..span[1]].iter().collect::<String>();
        for c in &found.counts {
            assert_eq!(spelled(c.span), c.text, "{text:?}");
        }
        for a in &found.amounts {
            assert_eq!(spelled(a.span), a.text, "{text:?}");
        }
        for d in &found.dates {
            assert_eq!(spelled(d.span), d.text, "{text:?}");
            for part in d.value.split('/') {
                let fields: Vec<&str> = part.split('-').collect();
                assert_eq!(fields[0].len(), 4, "{text:?}: {}", d.value);
                assert!(fields.len() <= 3, "{text:?}: {}", d.value);
            }
        }
    }
}

/// Weekends and relative quarters come as ranges. (Each rule's own
/// examples stand beside it in `rules.rs`, run by the corpus test of
/// `crate::rule`.)
#[test]
fn weekends_and_relative_quarters_are_ranges() {
    let dct = NaiveDate::from_ymd_opt(2022, 7, 2);
    let weekend = find_in("this weekend and last quarter", dct);
    let values: Vec<&str> = weekend.iter().map(|d| d.value.as_str()).collect();
    assert_eq!(values, ["2022-07-02/2022-07-03", "2022-04/2022-06"]);
}
