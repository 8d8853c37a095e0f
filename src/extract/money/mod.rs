//! Money: sums with their currency, as values a database can add up.
//!
//! A sum is a numeral (from [`numeral`](crate::extract::numeral)) with a
//! currency beside it: a symbol (`$400 million`, `US$1.2bn`, `€1.5 billion`,
//! `£2m`, `₩10 billion`), an ISO code (`USD 30,050`, `CHF7.5bn`, `50 million
//! USD`) or a name (`3.8 trillion yen`, `10 billion won`, `420 million
//! rubles`). The value is in units of the currency (`$400 million` =
//! 400000000 USD), the currency an ISO 4217 code; `more than $600 million` is
//! 600000000; a range (`$3-4 billion`) is two sums, one per bound.
//!
//! Not sums: vague amounts (`billions of dollars`, `hundreds of millions of
//! dollars`), weights (`200 pounds`: `pounds`, `won` and other words with a
//! second sense need a large or scaled number), a year before an amount
//! (`in 2021 $400 million`).
//!
//! - `lexicon.rs`: symbols, codes, names, money-only scales.
//! - `rules.rs`: the matching rules, one per side a currency can stand on.
//! - `resolve.rs`: values, range bounds, dollars and cents.
//! - `examples.rs`: the examples, positive and negative.

mod lexicon;
mod resolve;
mod rules;

#[cfg(test)]
mod examples;

pub use resolve::Money;
pub use rules::Rule;

use crate::extract::Article;
use crate::extract::numeral::{self, Numeral};
use crate::record::Amount;

/// The sums of `text`, given its numerals ([`numeral::scan`]), in text order.
pub fn find(text: &str, numerals: &[Numeral]) -> Vec<Money> {
    let hits = rules::matches(text, numerals);
    resolve::resolve(text, numerals, hits)
}

/// The sums of `text`, scanning its numerals first.
pub fn find_in(text: &str) -> Vec<Money> {
    find(text, &numeral::scan(text))
}

/// The money rules and how the corpus test finds their items (values as
/// `value currency`).
#[cfg(test)]
pub(crate) fn rule_dimension() -> crate::rule::tests::Dimension {
    crate::rule::tests::Dimension {
        name: "sums",
        marked: true,
        specs: Rule::ALL.iter().map(|r| r.spec()).collect(),
        find: |text| {
            find_in(text)
                .into_iter()
                .map(|m| crate::rule::tests::Found {
                    rule: m.rule.name().to_string(),
                    value: format!(
                        "{} {}",
                        serde_json::to_string(&m.value).expect("a value serializes"),
                        m.currency
                    ),
                    bytes: m.bytes,
                })
                .collect()
        },
    }
}

/// The ISO 4217 codes the lexicon can produce.
pub fn currencies() -> std::collections::BTreeSet<&'static str> {
    lexicon::currencies()
}

/// Record items for the sums found in an article.
pub fn amounts(article: &Article, found: &[Money]) -> Vec<Amount> {
    found
        .iter()
        .map(|m| Amount {
            value: m.value,
            currency: m.currency.to_string(),
            text: article.text[m.bytes.clone()].to_string(),
            span: article.span(m.bytes.clone()),
            rule: m.rule.name().to_string(),
        })
        .collect()
}
