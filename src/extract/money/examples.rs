//! The money corpus: texts and the sums [`find_in`] must read in them, in
//! order (surface text, value, currency, rule). An empty list is a negative
//! example.

use super::rules::{CODE, CODE_AFTER, DOLLARS_AND_CENTS, NAME, RANGE, Rule, SUBUNIT, SYMBOL, SYMBOL_AFTER};
use super::*;
use crate::decimal::Decimal;
use crate::testing::picker;

/// Values are exact: the expected value is the decimal its literal is written
/// with (`270.9e6`, `0.34`), and the sum must be worth exactly that.
fn check(text: &str, expected: &[(&str, f64, &str, Rule)]) {
    let found: Vec<(&str, Decimal, &str, Rule)> = find_in(text)
        .iter()
        .map(|m| (&text[m.bytes.clone()], m.value, m.currency, m.rule))
        .collect();
    let want: Vec<(&str, Decimal, &str, Rule)> = expected
        .iter()
        .map(|&(surface, value, code, rule)| (surface, Decimal::from_f64(value).expect("finite"), code, rule))
        .collect();
    assert_eq!(found, want, "{text:?}");
}

/// The values of the sums of `text` as a record writes them in JSON.
fn json_values(text: &str) -> Vec<String> {
    find_in(text)
        .iter()
        .map(|m| serde_json::to_string(&m.value).expect("a value serializes"))
        .collect()
}

#[test]
fn symbols() {
    check("stole $400 million in crypto", &[("$400 million", 4e8, "USD", SYMBOL)]);
    check("over $600 million", &[("$600 million", 6e8, "USD", SYMBOL)]);
    check(
        "imported US$270.9 million worth",
        &[("US$270.9 million", 270.9e6, "USD", SYMBOL)],
    );
    check("a US$1.2bn deal", &[("US$1.2bn", 1.2e9, "USD", SYMBOL)]);
    check(
        "€1.5 billion and £2m",
        &[("€1.5 billion", 1.5e9, "EUR", SYMBOL), ("£2m", 2e6, "GBP", SYMBOL)],
    );
    check("₩10 billion", &[("₩10 billion", 1e10, "KRW", SYMBOL)]);
    check("¥3.8 trillion", &[("¥3.8 trillion", 3.8e12, "JPY", SYMBOL)]);
    check(
        "HK$10.05 billion, C$16.4 million, A$2",
        &[
            ("HK$10.05 billion", 10.05e9, "HKD", SYMBOL),
            ("C$16.4 million", 16.4e6, "CAD", SYMBOL),
            ("A$2", 2.0, "AUD", SYMBOL),
        ],
    );
    check("hk $ 10.05 billion", &[("hk $ 10.05 billion", 10.05e9, "HKD", SYMBOL)]);
    check("us $ 150 million", &[("us $ 150 million", 150e6, "USD", SYMBOL)]);
    check("$ 75 million of bonds", &[("$ 75 million", 75e6, "USD", SYMBOL)]);
    check("Get up to $30,050 in rewards", &[("$30,050", 30050.0, "USD", SYMBOL)]);
    check(
        "$5b and US$ 1MM",
        &[("$5b", 5e9, "USD", SYMBOL), ("US$ 1MM", 1e6, "USD", SYMBOL)],
    );
    check("A $5 bill", &[("$5", 5.0, "USD", SYMBOL)]);
}

#[test]
fn codes() {
    check("USD 30,050", &[("USD 30,050", 30050.0, "USD", CODE)]);
    check("CHF7.5bn", &[("CHF7.5bn", 7.5e9, "CHF", CODE)]);
    check("RMB 10 billion", &[("RMB 10 billion", 1e10, "CNY", CODE)]);
    check("for usd 200.", &[("usd 200", 200.0, "USD", CODE)]);
    check("50 million USD", &[("50 million USD", 5e7, "USD", CODE_AFTER)]);
    check(
        "They lost 75 USD million",
        &[("75 USD million", 75e6, "USD", CODE_AFTER)],
    );
    check(
        "115USD and USD115.5",
        &[("115USD", 115.0, "USD", CODE_AFTER), ("USD115.5", 115.5, "USD", CODE)],
    );
    check("in excess of 30 MUSD", &[("30 MUSD", 30e6, "USD", CODE_AFTER)]);
    check("revenues of about MAUD 60", &[("MAUD 60", 60e6, "AUD", CODE)]);
    check("giving away 3 USD50 Cards", &[("USD50", 50.0, "USD", CODE)]);
}

#[test]
fn names() {
    check("3.8 trillion yen", &[("3.8 trillion yen", 3.8e12, "JPY", NAME)]);
    check("five million yen", &[("five million yen", 5e6, "JPY", NAME)]);
    check("10 billion won", &[("10 billion won", 1e10, "KRW", NAME)]);
    check("420 million rubles", &[("420 million rubles", 4.2e8, "RUB", NAME)]);
    check(
        "125 million Australian dollars",
        &[("125 million Australian dollars", 1.25e8, "AUD", NAME)],
    );
    check("10,000 swiss francs", &[("10,000 swiss francs", 1e4, "CHF", NAME)]);
    check(
        "32,000 rials for $1",
        &[("32,000 rials", 32000.0, "IRR", NAME), ("$1", 1.0, "USD", SYMBOL)],
    );
    check("361 million pounds", &[("361 million pounds", 3.61e8, "GBP", NAME)]);
    check("its one-yen bid", &[("one-yen", 1.0, "JPY", NAME)]);
    check("100 billion yuan", &[("100 billion yuan", 1e11, "CNY", NAME)]);
    check(
        "10 us dollar and 100 chinese yuan",
        &[
            ("10 us dollar", 10.0, "USD", NAME),
            ("100 chinese yuan", 100.0, "CNY", NAME),
        ],
    );
    check("5 North Korean won", &[("5 North Korean won", 5.0, "KPW", NAME)]);
}

#[test]
fn subunits_and_symbols_after() {
    check("down 34 cents", &[("34 cents", 0.34, "USD", SUBUNIT)]);
    check("197 pence", &[("197 pence", 1.97, "GBP", SUBUNIT)]);
    check("a 12-cent-a-share dividend", &[("12-cent", 0.12, "USD", SUBUNIT)]);
    check(
        "thirteen dollars and forty-five cents",
        &[("thirteen dollars and forty-five cents", 13.45, "USD", DOLLARS_AND_CENTS)],
    );
    check(
        "it cost 3 dollars 50 cents.",
        &[("3 dollars 50 cents", 3.5, "USD", DOLLARS_AND_CENTS)],
    );
    check(
        "10 $ buys little, and so does 10 €",
        &[("10 $", 10.0, "USD", SYMBOL_AFTER), ("10 €", 10.0, "EUR", SYMBOL_AFTER)],
    );
    check("the cost is 100元!", &[("100元", 100.0, "CNY", SYMBOL_AFTER)]);
}

#[test]
fn ranges() {
    check(
        "$3-4 billion",
        &[("$3", 3e9, "USD", SYMBOL), ("4 billion", 4e9, "USD", RANGE)],
    );
    check(
        "€5 to 6 million",
        &[("€5", 5e6, "EUR", SYMBOL), ("6 million", 6e6, "EUR", RANGE)],
    );
    check(
        "3 to 4 billion yen",
        &[("3", 3e9, "JPY", RANGE), ("4 billion yen", 4e9, "JPY", NAME)],
    );
    check(
        "between $3 and $4 billion",
        &[("$3", 3e9, "USD", SYMBOL), ("$4 billion", 4e9, "USD", SYMBOL)],
    );
    check(
        "$300 to $4 billion",
        &[("$300", 300.0, "USD", SYMBOL), ("$4 billion", 4e9, "USD", SYMBOL)],
    );
    check(
        "$3 billion to $4 billion",
        &[("$3 billion", 3e9, "USD", SYMBOL), ("$4 billion", 4e9, "USD", SYMBOL)],
    );
}

#[test]
fn negatives() {
    for text in [
        "billions of dollars",
        "hundreds of millions of dollars' worth of crude",
        "He lost 20 pounds.",
        "sensors found 5,200 pounds of vapor",
        "5 million pounds of explosives",
        "a 300-pound man",
        "South Korea won 3 medals",
        "7.5 million tons per year",
        "2.2 million barrels of oil",
        "All 70 of us.",
        "I phoned Bob 3 times today.",
        "Silica gel soaks up moisture.",
        "the 1990s and the F-35",
        "try 5 times",
    ] {
        check(text, &[]);
    }
    // A year before an amount is no sum in the year's position.
    check(
        "in 2021 $400 million was stolen",
        &[("$400 million", 4e8, "USD", SYMBOL)],
    );
}

#[test]
fn values_are_exact_in_json() {
    // As the f64 product of numeral and factor, `$17.1 billion` was
    // 17100000000.000002, `US$270.9 billion` 270899999999.99997, `C$16.4
    // million` 16399999.999999998, the upper bound of `$3.3-4.1 billion`
    // 4099999999.9999995, `¥4.35 trillion` 4349999999999.9995 and `99.9
    // cents` 0.9990000000000001; the others came out right in f64 too.
    for (text, values) in [
        ("$17.1 billion", &["17100000000"][..]),
        ("€0.07 million", &["70000"]),
        ("$1.1 trillion", &["1100000000000"]),
        ("$19.99", &["19.99"]),
        ("€2.3bn", &["2300000000"]),
        ("4.35 million dollars", &["4350000"]),
        ("US$270.9 billion", &["270900000000"]),
        ("C$16.4 million", &["16400000"]),
        ("$3.3-4.1 billion", &["3300000000", "4100000000"]),
        ("3.3 to 4.1 billion yen", &["3300000000", "4100000000"]),
        ("between $3.3 and $4.1 billion", &["3300000000", "4100000000"]),
        ("¥4.35 trillion", &["4350000000000"]),
        ("34 cents", &["0.34"]),
        ("99.9 cents", &["0.999"]),
        ("thirteen dollars and forty-five cents", &["13.45"]),
        ("it cost 3 dollars 50 cents.", &["3.5"]),
        ("it was 15 dollars and 50.", &["15.5"]),
        ("$0.25", &["0.25"]),
        ("half a million dollars", &["500000"]),
        ("$1,234,567.89", &["1234567.89"]),
        ("30.5 MUSD", &["30500000"]),
        ("£2.7m", &["2700000"]),
    ] {
        assert_eq!(json_values(text), values, "{text}");
    }
}

/// `digits` (no point) times `10^exponent` as the shortest decimal, worked
/// out on the digit string alone, apart from the [`Decimal`] arithmetic under
/// test.
fn shifted(digits: &str, exponent: i32) -> String {
    let (whole, fraction) = if exponent >= 0 {
        (format!("{digits}{}", "0".repeat(exponent as usize)), String::new())
    } else {
        let places = exponent.unsigned_abs() as usize;
        let padded = format!("{}{digits}", "0".repeat((places + 1).saturating_sub(digits.len())));
        let (whole, fraction) = padded.split_at(padded.len() - places);
        (whole.to_string(), fraction.to_string())
    };
    let whole = match whole.trim_start_matches('0') {
        "" => "0",
        trimmed => trimmed,
    };
    match fraction.trim_end_matches('0') {
        "" => whole.to_string(),
        fraction => format!("{whole}.{fraction}"),
    }
}

/// The JSON the value had when it was computed in f64 (numeral times scale,
/// cents divided by 100) and whole values were written as integers: what the
/// generated test would have caught.
fn f64_json(written: &str, exponent: i32, subunit: i32) -> String {
    let mut value = written.parse::<f64>().expect("digits") * 10f64.powi(exponent);
    if subunit != 0 {
        value /= 100.0;
    }
    if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        (value as i64).to_string()
    } else {
        serde_json::to_string(&value).expect("a number")
    }
}

/// Every scale a sum can have, and its power of ten.
const SCALES: &[(&str, i32)] = &[
    ("", 0),
    (" thousand", 3),
    (" million", 6),
    (" billion", 9),
    (" trillion", 12),
    ("bn", 9),
    (" mln", 6),
    ("m", 6),
    ("k", 3),
    (" lakh", 5),
    (" crore", 7),
];
/// Currencies before or after the number, and their subunit power.
const CURRENCIES: &[(&str, &str, i32)] = &[
    ("$", "", 0),
    ("€", "", 0),
    ("US$", "", 0),
    ("", " dollars", 0),
    ("", " euros", 0),
    ("USD ", "", 0),
    ("", " cents", -2),
];

#[test]
fn generated_decimal_sums_are_exact_in_json() {
    // Decimal numerals of up to 15 significant digits (what an f64 can give
    // back exactly) times every scale a sum can have, before or after the
    // number; the JSON value must be the decimal shifted by the scale.
    let (scales, currencies) = (SCALES, CURRENCIES);
    assert_eq!(
        [
            shifted("171", 8),
            shifted("1999", -2),
            shifted("5", -3),
            shifted("500", -2),
            shifted("0", 3)
        ],
        ["17100000000", "19.99", "0.005", "5", "0"]
    );
    let mut next = picker(17);
    let (mut checked, mut fractional, mut noisy_in_f64) = (0, 0, 0);
    for _ in 0..20_000 {
        let (symbol, name, subunit) = currencies[next(currencies.len())];
        let (scale, exponent) = scales[next(scales.len())];
        // Money-only scales (`m`) follow symbols and codes only.
        if scale == "m" && symbol.is_empty() {
            continue;
        }
        let len = 1 + next(12);
        // A leading digit of 1-9: `0 million cents` is no sum.
        let digits: String = (0..len)
            .map(|i| {
                char::from(if i == 0 {
                    b'1' + next(9) as u8
                } else {
                    b'0' + next(10) as u8
                })
            })
            .collect();
        let places = next(4).min(len);
        // Whole values past u64 are written as the nearest f64 (see Decimal).
        if len as i32 - places as i32 + exponent + subunit > 18 {
            continue;
        }
        let written = if places == 0 {
            digits.clone()
        } else if places >= digits.len() {
            format!("0.{}{digits}", "0".repeat(places - digits.len()))
        } else {
            let (whole, fraction) = digits.split_at(digits.len() - places);
            format!("{whole}.{fraction}")
        };
        let text = format!("paid {symbol}{written}{scale}{name} in");
        let expected = shifted(&digits, exponent + subunit - places as i32);
        checked += 1;
        fractional += usize::from(expected.contains('.'));
        noisy_in_f64 += usize::from(f64_json(&written, exponent, subunit) != expected);
        let found = json_values(&text);
        assert_eq!(found, std::slice::from_ref(&expected), "{text}");
        let value: serde_json::Value = serde_json::from_str(&found[0]).expect("JSON");
        assert!(value.is_number(), "{text}: {value}");
    }
    assert!(
        checked > 15_000 && fractional > 1_000 && noisy_in_f64 > 1_000,
        "{checked} sums, {fractional} with a fraction, {noisy_in_f64} that f64 got wrong"
    );
}

#[test]
fn sums_beyond_an_f64_are_none() {
    // 1e299 trillion and 1e400 are infinity as an f64, which no record holds.
    let digits = "9".repeat(300);
    check(&format!("a fine of ${digits} trillion"), &[]);
    check(&format!("a fine of ${}", "9".repeat(400)), &[]);
    check("a fine of $5 trillion", &[("$5 trillion", 5e12, "USD", SYMBOL)]);
}
