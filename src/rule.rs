//! The one shape of a rule, in every dimension.
//!
//! A rule is a name (what the `rule` of each item it makes says), a matcher
//! and a production (a pattern with a function over its groups, or a step of
//! a scanner), examples that must fire with their expected value, and
//! negatives that must not fire. Matchers and productions differ by
//! dimension; the name, the examples and the negatives are a [`Spec`], the
//! same everywhere. One test ([`tests`], below) runs every rule's examples and
//! negatives across the dimensions (dates, sums, counts, numerals, entities,
//! officials, triggers, page furniture), the way Duckling's corpus test
//! runs its rules' examples.
//!
//! A rule's identity is data: in each dimension a rule is an entry of its
//! rule table or a variant of its rule enum, and logic asks its fields, not
//! its name.

/// The parts every rule has besides its matcher and production.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec {
    /// The rule's name: the `rule` of the items it makes (`date.month_day`).
    pub name: &'static str,
    /// Texts it must fire on, each with the value it must read there, in
    /// its dimension's notation (see [`tests`]). Brackets mark the span it
    /// must find (`on [May 27]`); without brackets, the span is the whole
    /// text. Read by the tests only, as `negatives` is.
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: &'static [(&'static str, &'static str)],
    /// Texts it must not fire on: near misses of its examples.
    #[cfg_attr(not(test), allow(dead_code))]
    pub negatives: &'static [&'static str],
}

impl Spec {
    /// A rule's spec: its name, examples and negatives.
    pub const fn new(
        name: &'static str,
        examples: &'static [(&'static str, &'static str)],
        negatives: &'static [&'static str],
    ) -> Spec {
        Spec {
            name,
            examples,
            negatives,
        }
    }
}

/// The text of an example without its brackets, and the byte range they
/// mark (the whole text without brackets).
#[cfg(test)]
pub(crate) fn unbracket(example: &str) -> (String, std::ops::Range<usize>) {
    match (example.find('['), example.find(']')) {
        (Some(open), Some(close)) if open < close => {
            let text = format!(
                "{}{}{}",
                &example[..open],
                &example[open + 1..close],
                &example[close + 1..]
            );
            (text, open..close - 1)
        }
        _ => (example.to_string(), 0..example.len()),
    }
}

/// The corpus test: every rule of every dimension fires on each of its
/// examples, on the bracketed span, with the expected value, and on none of
/// its negatives.
///
/// Values are written per dimension:
///
/// | dimension | value | example |
/// |---|---|---|
/// | dates | the TIMEX3 value, published 2022-07-02 | `2022-05-27` |
/// | sums | value and currency | `400000000 USD` |
/// | counts | value and category | `8 individual` |
/// | numerals | the value | `1234.5` |
/// | entities | name (type, country) | `Central Bank of Iran (government, IR)` |
/// | officials | name (title, affiliation) | `Janet Yellen (Treasury Secretary, United States)` |
/// | triggers | the status | `imposed` |
/// | furniture | empty (a furniture line has no value) | |
#[cfg(test)]
pub(crate) mod tests {
    use super::{Spec, unbracket};
    use std::ops::Range;

    /// One item a dimension found: its rule, byte range and value.
    pub(crate) struct Found {
        pub rule: String,
        pub bytes: Range<usize>,
        pub value: String,
    }

    /// A dimension: its rules' specs and how it finds items in a text.
    pub(crate) struct Dimension {
        pub name: &'static str,
        pub specs: Vec<Spec>,
        pub find: fn(&str) -> Vec<Found>,
        /// Whether examples mark their span in brackets; when not (page
        /// furniture: whole lines, which may hold brackets), the span is
        /// the whole text.
        pub marked: bool,
    }

    fn dimensions() -> Vec<Dimension> {
        vec![
            crate::extract::date::rule_dimension(),
            crate::extract::money::rule_dimension(),
            crate::extract::count::rule_dimension(),
            crate::extract::numeral::rule_dimension(),
            crate::extract::entity::rule_dimension(),
            crate::extract::official::rule_dimension(),
            crate::assemble::triggers::rule_dimension(),
            crate::normalize::furniture::rule_dimension(),
        ]
    }

    /// What a dimension found in `text`, for a failure message.
    fn shown(found: &[Found], text: &str) -> String {
        let items: Vec<String> = found
            .iter()
            .map(|f| format!("{} [{}] {}", f.rule, &text[f.bytes.clone()], f.value))
            .collect();
        format!("[{}]", items.join("; "))
    }

    #[test]
    fn every_rule_fires_on_its_examples_and_not_on_its_negatives() {
        let mut wrong = Vec::new();
        let mut checked = 0;
        for dimension in dimensions() {
            for spec in &dimension.specs {
                for (example, value) in spec.examples {
                    let (text, span) = if dimension.marked {
                        unbracket(example)
                    } else {
                        (example.to_string(), 0..example.len())
                    };
                    let found = (dimension.find)(&text);
                    let fired = found
                        .iter()
                        .any(|f| f.rule == spec.name && f.bytes == span && f.value == *value);
                    if !fired {
                        wrong.push(format!(
                            "{}: {:?} should give {value:?}, found {}",
                            spec.name,
                            example,
                            shown(&found, &text)
                        ));
                    }
                    checked += 1;
                }
                for negative in spec.negatives {
                    let found = (dimension.find)(negative);
                    if found.iter().any(|f| f.rule == spec.name) {
                        wrong.push(format!(
                            "{}: fires on its negative {negative:?}: {}",
                            spec.name,
                            shown(&found, negative)
                        ));
                    }
                    checked += 1;
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{} of {checked} checks failed:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
        // Eight dimensions, 100 rules and more, each with an example and a
        // negative at least.
        assert!(checked >= 250, "only {checked} checks");
    }

    /// Every rule has a name of its dimension, unique, and at least one
    /// example and one negative.
    #[test]
    fn every_rule_is_specified() {
        let mut names = std::collections::BTreeSet::new();
        for dimension in dimensions() {
            assert!(!dimension.specs.is_empty(), "{}", dimension.name);
            for spec in &dimension.specs {
                assert!(names.insert(spec.name), "{} named twice", spec.name);
                assert!(!spec.examples.is_empty(), "{} has no example", spec.name);
                assert!(!spec.negatives.is_empty(), "{} has no negative", spec.name);
            }
        }
    }

    /// Brackets mark a span; without them the span is the whole text.
    #[test]
    fn examples_mark_their_span() {
        assert_eq!(unbracket("on [May 27]"), ("on May 27".to_string(), 3..9));
        assert_eq!(unbracket("2022-12-02"), ("2022-12-02".to_string(), 0..10));
    }
}
