//! Counts: how many individuals, entities, vessels or aircraft an article
//! speaks of (`eight North Korean individuals`, `16 entities`, `20 vessels`),
//! each with the counted noun, its modifiers and a category from the noun
//! table (individual, entity, vessel, aircraft, other).
//!
//! Every element of a list is its own count (`six North Korean nationals, one
//! Russian individual, and one Russian company`), and `a` counts one inside a
//! list of counted targets (`one individual, two banks, and a trading
//! company`). Not counts: sums and dates (their spans are passed in),
//! percentages, ordinals, durations (`18 months` has no counted noun), ages,
//! labels (`Executive Order 13382`, `Resolution 2270`), partitives (`two of the
//! sanctioned entities`), back-references (`the two nations`).
//!
//! - `lexicon.rs`: counted nouns and categories, label and determiner words.
//! - `rules.rs`: number, modifiers, noun.
//! - `resolve.rs`: lists (mixed categories, `a` elements).
//! - `examples.rs`: the examples, positive and negative.

mod lexicon;
mod resolve;
mod rules;

#[cfg(test)]
mod examples;

pub use resolve::Counted;
pub use rules::Rule;

use crate::extract::Article;
use crate::extract::numeral::Numeral;
use crate::extract::spans::Claimed;
use crate::record::Count;

/// The counts of `text`, given its numerals ([`numeral::scan`](crate::extract::numeral::scan))
/// and the byte ranges already taken by sums and dates, in text order.
pub fn find(text: &str, numerals: &[Numeral], taken: &Claimed) -> Vec<Counted> {
    let hits = rules::matches(text, numerals, taken);
    resolve::resolve(text, hits)
}

/// The count rules and how the corpus test finds their items (values as
/// `value category`; sums are no counts).
#[cfg(test)]
pub(crate) fn rule_dimension() -> crate::rule::tests::Dimension {
    crate::rule::tests::Dimension {
        name: "counts",
        marked: true,
        specs: Rule::ALL.iter().map(|r| r.spec()).collect(),
        find: |text| {
            let numerals = crate::extract::numeral::scan(text);
            let sums = crate::extract::money::find(text, &numerals);
            let taken = Claimed::new(sums.into_iter().map(|m| m.bytes));
            find(text, &numerals, &taken)
                .into_iter()
                .map(|c| crate::rule::tests::Found {
                    rule: c.rule.name().to_string(),
                    value: format!(
                        "{} {}",
                        c.value,
                        serde_json::to_value(c.category)
                            .expect("a category serializes")
                            .as_str()
                            .unwrap_or("?")
                    ),
                    bytes: c.bytes,
                })
                .collect()
        },
    }
}

/// Record items for the counts found in an article.
pub fn counts(article: &Article, found: &[Counted]) -> Vec<Count> {
    let text = article.text;
    found
        .iter()
        .map(|c| Count {
            value: c.value,
            category: c.category,
            noun: text[c.noun.clone()].to_string(),
            modifier: c.modifier.clone().map(|m| text[m].to_string()),
            text: text[c.bytes.clone()].to_string(),
            span: article.span(c.bytes.clone()),
            rule: c.rule.name().to_string(),
        })
        .collect()
}
