//! The money corpus: texts and the sums [`find_in`] must read in them, in
//! order (surface text, value, currency, rule). An empty list is a negative
//! example.

use super::*;

fn check(text: &str, expected: &[(&str, f64, &str, &str)]) {
    let found = find_in(text);
    let got: Vec<(&str, f64, &str, &str)> = found
        .iter()
        .map(|m| (&text[m.bytes.clone()], m.value, m.currency, m.rule))
        .collect();
    assert_eq!(got.len(), expected.len(), "{text:?}: found {got:?}");
    for (g, e) in got.iter().zip(expected) {
        assert_eq!((g.0, g.2, g.3), (e.0, e.2, e.3), "{text:?}: found {got:?}");
        assert!(
            (g.1 - e.1).abs() <= 1e-6 * e.1.abs().max(1.0),
            "{text:?}: {} = {}, want {}",
            g.0,
            g.1,
            e.1
        );
    }
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
        "10 $ is not much, nor is 10 €",
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
        "hundreds of millions of dollars' worth of petroleum",
        "He lost 20 pounds.",
        "they detected 5,200 pounds of water vapor",
        "5 million pounds of explosives",
        "a 300-pound man",
        "South Korea won 3 medals",
        "7.5 million tons per year",
        "2.2 million barrels of oil",
        "All 70 of us.",
        "I tried to call Bob 3 times already.",
        "Silica gel is used to absorb moisture.",
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
fn sums_beyond_an_f64_are_none() {
    // 1e299 trillion and 1e400 are infinity as an f64, which no record holds.
    let digits = "9".repeat(300);
    check(&format!("a fine of ${digits} trillion"), &[]);
    check(&format!("a fine of ${}", "9".repeat(400)), &[]);
    check("a fine of $5 trillion", &[("$5 trillion", 5e12, "USD", SYMBOL)]);
}
