//! The numeral corpus: texts and the numerals [`find`] must read in them, in
//! order (surface text and value). An empty list is a negative example.

use super::{Form, find, scan, value_of};
use crate::decimal::Decimal;

/// Values are exact: the expected value is the decimal its literal is written
/// with (`1.6742005e12`, `200.03`), and the numeral must be worth exactly that.
fn check(text: &str, expected: &[(&str, f64)]) {
    let found: Vec<(&str, Decimal)> = find(text).iter().map(|n| (&text[n.bytes.clone()], n.value)).collect();
    let want: Vec<(&str, Decimal)> = expected
        .iter()
        .map(|&(surface, value)| (surface, Decimal::from_f64(value).expect("a finite value")))
        .collect();
    assert_eq!(found, want, "{text:?}");
}

#[test]
fn digits() {
    check("192.", &[("192", 192.0)]);
    check("There are 12,567 words", &[("12,567", 12567.0)]);
    check(
        "1,234,567 and 1,674,200.5",
        &[("1,234,567", 1234567.0), ("1,674,200.5", 1674200.5)],
    );
    check(".08 and 4.800", &[(".08", 0.08), ("4.800", 4.8)]);
    check("Total: 12,34,567.89", &[("12,34,567.89", 1234567.89)]);
    check("1 234 567 people", &[("1 234 567", 1234567.0)]);
    check(
        "40\u{202f}000 and 40\u{a0}000",
        &[("40\u{202f}000", 40000.0), ("40\u{a0}000", 40000.0)],
    );
    check("a fleet of about 400 737 Max jets", &[("400", 400.0), ("737", 737.0)]);
    check("423 0000 are two", &[("423", 423.0), ("0000", 0.0), ("two", 2.0)]);
    check("1, 234, 567", &[("1", 1.0), ("234", 234.0), ("567", 567.0)]);
    check(
        "Exercises nrs. 22,24,26,31.",
        &[("22", 22.0), ("24", 24.0), ("26", 26.0), ("31", 31.0)],
    );
    check("192.168.1.2", &[("192", 192.0), ("168", 168.0), ("1", 1.0), ("2", 2.0)]);
    check("on 5/17/2018?", &[("5", 5.0), ("17", 17.0), ("2018", 2018.0)]);
    check(" -9.2321312 and -1", &[("-9.2321312", -9.2321312), ("-1", -1.0)]);
    check("SCP-173", &[("173", 173.0)]);
    check("the 45{kg)", &[("45", 45.0)]);
}

#[test]
fn scaled_digits() {
    check("10k and 100k", &[("10k", 1e4), ("100k", 1e5)]);
    check(" 2.33 k", &[("2.33 k", 2330.0)]);
    check("I can give you 10M.", &[("10M", 1e7)]);
    check("US$1.2bn", &[("1.2bn", 1.2e9)]);
    check("either 10 bln or 10 tln", &[("10 bln", 1e10), ("10 tln", 1e13)]);
    check(
        "2 million and 1,674.5 million",
        &[("2 million", 2e6), ("1,674.5 million", 1.6745e9)],
    );
    check("1,674,200.5 M", &[("1,674,200.5 M", 1.6742005e12)]);
    check("I can give you 13 lakh", &[("13 lakh", 1.3e6)]);
    check("2mil SEK", &[("2mil", 2e6)]);
}

#[test]
fn words() {
    check("sixteen", &[("sixteen", 16.0)]);
    check("Twenty-six people die", &[("Twenty-six", 26.0)]);
    check(
        "fifty - two and fifty   two",
        &[("fifty - two", 52.0), ("fifty   two", 52.0)],
    );
    check("one hundred and sixty-one", &[("one hundred and sixty-one", 161.0)]);
    check(
        "Three hundred  and  thirty one",
        &[("Three hundred  and  thirty one", 331.0)],
    );
    check(
        "two hundred and two thousand",
        &[("two hundred and two thousand", 202000.0)],
    );
    check(
        "two  thousand  and  two hundred",
        &[("two  thousand  and  two hundred", 2200.0)],
    );
    check(
        "twenty-one trillion and three hundred",
        &[("twenty-one trillion and three hundred", 21e12 + 300.0)],
    );
    check("a dozen, 3 dozens", &[("a dozen", 12.0), ("3 dozens", 36.0)]);
    check(" half a  dozen", &[("half a  dozen", 6.0)]);
    check(
        " three hundred and two dozens",
        &[("three hundred and two dozens", 324.0)],
    );
    check("a hundred", &[("a hundred", 100.0)]);
    check("half a million", &[("half a million", 5e5)]);
    check("The total is three lakh crore", &[("three lakh crore", 3e12)]);
    check(
        "We spent 6 crore and two hundred",
        &[("6 crore and two hundred", 60000200.0)],
    );
    check(
        " two hundred point zero three",
        &[("two hundred point zero three", 200.03)],
    );
    check(
        " two hundred point seventy-one",
        &[("two hundred point seventy-one", 200.71)],
    );
    check("nought point eleven", &[("nought point eleven", 0.11)]);
    check("It reads minus five point five", &[("minus five point five", -5.5)]);
    check("The answer is negative one", &[("negative one", -1.0)]);
}

#[test]
fn mixed() {
    check("3 hundred and 21 yuan", &[("3 hundred and 21", 321.0)]);
    check(
        "4 thousand 3 hundred and 21",
        &[("4 thousand 3 hundred and 21", 4321.0)],
    );
    check(" 322 hundred ", &[("322 hundred", 32200.0)]);
    check(
        "3 hundred and 2 hundred make two",
        &[("3 hundred", 300.0), ("2 hundred", 200.0), ("two", 2.0)],
    );
    check(
        "4 thousand 3 hundred and 0 make two",
        &[("4 thousand 3 hundred", 4300.0), ("0", 0.0), ("two", 2.0)],
    );
    check(
        "3 hundred and 2.12 hundred make",
        &[("3 hundred", 300.0), ("2.12 hundred", 212.0)],
    );
    check(
        "4000 3 hundred and 21",
        &[("4000", 4000.0), ("3 hundred and 21", 321.0)],
    );
}

#[test]
fn separate_numerals() {
    check("three-nought-four", &[("three", 3.0), ("nought", 0.0), ("four", 4.0)]);
    check("2009-2010", &[("2009", 2009.0), ("2010", 2010.0)]);
    check("$3-4 billion", &[("3", 3.0), ("4 billion", 4e9)]);
    check("version two and a previous version", &[("two", 2.0)]);
    check("Let's try one last time", &[("one", 1.0)]);
    check("at one point, he", &[("one", 1.0)]);
}

#[test]
fn negatives() {
    for text in [
        "the 180.25ml liquid",
        "the 180ml liquid",
        " 29km Road ",
        " the May 4th ",
        "the .25ml liquid",
        "a",
        "an",
        "1m isn't a number.",
        "The one you mentioned is invalid",
        "This one you is not correct",
        "Which one do you prefer?",
        "That one is really good",
        "they helped one another",
        "Book a first class seat",
        "an A320 and F35s in the 1990s",
        "dozens of people, hundreds of millions of dollars",
        "and point a",
    ] {
        check(text, &[]);
    }
}

#[test]
fn scan_keeps_glued_numbers() {
    let text = "115USD, the 4th, 29km";
    let found = scan(text);
    let glued: Vec<&str> = found.iter().map(|n| &text[n.glued.clone()]).collect();
    assert_eq!(glued, ["USD", "th", "km"]);
    assert_eq!(found[0].value, Decimal::int(115));
    assert_eq!(found[0].form, Form::Digits);
}

#[test]
fn decimals_times_scales_are_exact() {
    // In f64 each of these products is off in its last bits
    // (17.1 * 1e9 = 17100000000.000002, 4.1 * 1e6 = 4099999.9999999995).
    for (text, value, integer) in [
        ("17.1 billion", "17100000000", true),
        ("17.1 trillion", "17100000000000", true),
        ("4.35 trillion", "4350000000000", true),
        ("4.1 million", "4100000", true),
        ("4.1bn", "4100000000", true),
        ("270.9 billion", "270900000000", true),
        ("16.4 mln", "16400000", true),
        ("0.07 million", "70000", true),
        ("1.1 trillion", "1100000000000", true),
        ("2.3bn", "2300000000", true),
        ("2.33 k", "2330", true),
        ("1,674,200.5 M", "1674200500000", true),
        ("13.5 lakh", "1350000", true),
        ("2.12 hundred", "212", true),
        ("19.99", "19.99", false),
        ("0.1", "0.1", false),
        (".08", "0.08", false),
        ("-9.2321312", "-9.2321312", false),
        ("nought point one", "0.1", false),
        ("a quarter million", "250000", true),
        ("half a million", "500000", true),
    ] {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(
            (found[0].value.to_string(), found[0].integer),
            (value.to_string(), integer),
            "{text}"
        );
    }
}

#[test]
fn whole_values() {
    assert_eq!(value_of("five"), Some(5.0));
    assert_eq!(value_of(" twenty-one "), Some(21.0));
    assert_eq!(value_of("1,200"), Some(1200.0));
    assert_eq!(value_of("five years"), None);
    assert_eq!(value_of("a"), None);
}

/// A numeral's bytes and value.
type Read = (std::ops::Range<usize>, f64);

#[test]
fn odd_text_gives_the_numerals_it_holds() {
    let nines = "9".repeat(400);
    let cases: &[(&str, &[Read])] = &[
        ("", &[]),
        ("-", &[]),
        (".", &[]),
        ("-.", &[]),
        ("1,", &[(0..1, 1.0)]),
        ("1,,2", &[(0..1, 1.0), (3..4, 2.0)]),
        ("₩10", &[(3..5, 10.0)]),
        ("한국 3", &[(7..8, 3.0)]),
        ("1.", &[(0..1, 1.0)]),
        // Beyond an f64: infinity is no value.
        (nines.as_str(), &[]),
        ("a a a a", &[]),
    ];
    for (text, expected) in cases {
        let found: Vec<Read> = scan(text).into_iter().map(|n| (n.bytes, n.value.to_f64())).collect();
        assert_eq!(&found, expected, "{text:?}");
        for (bytes, _) in &found {
            assert!(
                text.get(bytes.clone()).is_some(),
                "{text:?}: {bytes:?} is inside the text"
            );
        }
    }
}
