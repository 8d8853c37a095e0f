//! Resolution: from matches to sums. A value is the numeral times its factors
//! (money scale, `M` of `MUSD`, the cent's hundredth). Two steps need more
//! than one match:
//!
//! - ranges: `$3-4 billion` and `3 to 4 billion yen` are two sums with one
//!   currency and one scale. The bound without a currency borrows it, and the
//!   first bound borrows the scale of the second when it has none.
//! - `thirteen dollars and forty-five cents`, `3 dollars 50 cents`: one sum.

use super::lexicon::NOT_SUM_AFTER;
use super::rules::{DOLLARS_AND_CENTS, Hit, RANGE, Rule};
use crate::decimal::Decimal;
use crate::extract::numeral::Numeral;

/// A cent's share of its currency, the factor of `cents` and `pence`.
const CENT: Decimal = Decimal::pow10(-2);
/// A hundred cents, the most a dollar's cents may count.
const HUNDRED: Decimal = Decimal::pow10(2);

/// One sum of money, before it becomes a record item.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// Byte range of the sum in the text, symbol or currency word included.
    pub bytes: std::ops::Range<usize>,
    /// In units of the currency, exact (`17.1 billion` is 17100000000).
    pub value: Decimal,
    /// ISO 4217.
    pub currency: &'static str,
    /// The rule that read it (`money.symbol`, `money.code_after`).
    pub rule: Rule,
}

/// Sums from matches, with range bounds added and cents joined.
pub(crate) fn resolve(text: &str, numerals: &[Numeral], hits: Vec<Hit>) -> Vec<Money> {
    let hits = ranges(text, numerals, hits);
    let mut out: Vec<Money> = Vec::with_capacity(hits.len());
    let mut i = 0;
    while i < hits.len() {
        let h = &hits[i];
        let value = h.numeral * h.factor;
        // `thirteen dollars and forty-five cents`
        if let Some(next) = hits.get(i + 1)
            && h.factor == Decimal::ONE
            && next.factor == CENT
            && next.code == h.code
            && !h.before
            && matches!(&text[h.bytes.end..next.bytes.start], " " | " and ")
            && h.numeral.is_integer()
            && next.numeral < HUNDRED
        {
            out.push(Money {
                bytes: h.bytes.start..next.bytes.end,
                value: value + next.numeral * next.factor,
                currency: h.code,
                rule: DOLLARS_AND_CENTS,
            });
            i += 2;
            continue;
        }
        // `15 dollars and 50.`, `thirteen dollars forty five`: cents without
        // the word, when the sentence ends there.
        if h.factor == Decimal::ONE
            && !h.before
            && h.numeral.is_integer()
            && let Some(cents) = bare_cents(text, numerals, h.bytes.end)
        {
            out.push(Money {
                bytes: h.bytes.start..cents.bytes.end,
                value: value + cents.value * CENT,
                currency: h.code,
                rule: DOLLARS_AND_CENTS,
            });
            i += 1;
            continue;
        }
        out.push(Money {
            bytes: h.bytes.clone(),
            value,
            currency: h.code,
            rule: h.rule,
        });
        i += 1;
    }
    // A numeral times its scale can pass an f64 (`$9...9 trillion`, 300
    // digits): infinity is no sum, and JSON cannot write it.
    out.retain(|m| m.value.is_finite());
    out
}

/// Words and signs that join the bounds of a range.
fn joins_range(between: &str) -> bool {
    matches!(between.trim(), "-" | "to" | "and" | "through" | "-to-")
}

/// Adds the bounds of ranges that have no currency of their own, and gives the
/// first bound the second's scale (`$3-4 billion`: 3 and 4 billion).
fn ranges(text: &str, numerals: &[Numeral], mut hits: Vec<Hit>) -> Vec<Hit> {
    let mut added = Vec::new();
    let by_number: std::collections::HashMap<usize, usize> =
        hits.iter().enumerate().map(|(i, h)| (h.number.start, i)).collect();
    for pair in numerals.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if let Some((ha, hb)) = range_bounds(text, a, b, &hits, &by_number) {
            join_bounds(text, (a, b), (ha, hb), &mut hits, &mut added);
        }
    }
    hits.extend(added);
    hits.sort_by_key(|h| h.bytes.start);
    hits
}

/// Whether numerals `a` and `b` are the bounds of a range (`3-4`, `3 to 4`,
/// `between 3 and 4`): if so, the hits whose numbers they are, if any
/// (`by_number`: hit by the start of its number).
fn range_bounds(
    text: &str,
    a: &Numeral,
    b: &Numeral,
    hits: &[Hit],
    by_number: &std::collections::HashMap<usize, usize>,
) -> Option<(Option<usize>, Option<usize>)> {
    if !a.glued.is_empty() || a.bytes.end > b.bytes.start {
        return None;
    }
    let ha = by_number
        .get(&a.bytes.start)
        .copied()
        .filter(|&i| hits[i].number == a.bytes);
    let hb = by_number
        .get(&b.bytes.start)
        .copied()
        .filter(|&i| hits[i].number == b.bytes);
    // Between the first bound and the second expression (its symbol
    // included: `$3 and $4 billion`).
    let b_start = hb.map_or(b.bytes.start, |i| hits[i].bytes.start.min(b.bytes.start));
    if b_start < a.bytes.end {
        return None;
    }
    let between = &text[a.bytes.end..b_start];
    if between.len() > 9
        || !joins_range(between)
        || (between.trim() == "and" && !preceded_by_between(text, ha.map_or(a.bytes.start, |i| hits[i].bytes.start)))
    {
        return None;
    }
    Some((ha, hb))
}

/// The bounds `a` and `b` of a range, with their hits `ha` and `hb`: a bound
/// without a currency of its own gets the other's (a new hit in `added`),
/// and the first bound the second's scale.
fn join_bounds(
    text: &str,
    (a, b): (&Numeral, &Numeral),
    (ha, hb): (Option<usize>, Option<usize>),
    hits: &mut [Hit],
    added: &mut Vec<Hit>,
) {
    match (ha, hb) {
        // `$3-4 billion`, `€5 to 6 million`: the second bound is money too.
        (Some(ia), None)
            if hits[ia].before
                && hits[ia].bytes.end == a.bytes.end
                && b.glued.is_empty()
                && ends_a_sum(text, b.bytes.end) =>
        {
            let h = &hits[ia];
            added.push(Hit {
                bytes: b.bytes.clone(),
                number: b.bytes.clone(),
                numeral: b.value,
                scale: b.scale,
                code: h.code,
                factor: h.factor,
                before: true,
                rule: RANGE,
            });
            if b.scaled && !a.scaled {
                hits[ia].factor *= b.scale;
            }
        }
        // `3 to 4 billion yen`, `between 5 and 6 million dollars`.
        (None, Some(ib)) if !hits[ib].before => {
            let h = &hits[ib];
            let scale = if a.scaled { Decimal::ONE } else { b.scale };
            added.push(Hit {
                bytes: a.bytes.clone(),
                number: a.bytes.clone(),
                numeral: a.value,
                scale,
                code: h.code,
                factor: h.factor * scale,
                before: false,
                rule: RANGE,
            });
        }
        // `$3 to $4 billion`, `between $3 and $4 billion`.
        (Some(ia), Some(ib))
            if hits[ia].before
                && hits[ib].before
                && hits[ia].code == hits[ib].code
                && !a.scaled
                && b.scaled
                && hits[ia].scale == Decimal::ONE
                && a.value * b.scale < b.value =>
        {
            hits[ia].factor *= b.scale;
        }
        _ => {}
    }
}

fn preceded_by_between(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end();
    head.len() >= 7
        && head
            .get(head.len() - 7..)
            .is_some_and(|w| w.eq_ignore_ascii_case("between"))
}

/// Nothing after a bare second bound makes it a measure (`$400 million to
/// 7.5 million tons`): the next word, if any, is no unit of measure or count.
fn ends_a_sum(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let Some(rest) = rest.strip_prefix(' ') else {
        return !rest.starts_with('%');
    };
    let word_end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let word = rest[..word_end].to_ascii_lowercase();
    !NOT_SUM_AFTER.contains(&word.as_str())
}

/// A whole number below 100 right after a sum (`and` allowed between) that
/// ends the sentence: the cents of `15 dollars and 50.`
fn bare_cents<'n>(text: &str, numerals: &'n [Numeral], end: usize) -> Option<&'n Numeral> {
    let rest = &text[end..];
    let skip = if rest.starts_with(" and ") {
        5
    } else if rest.starts_with(' ') {
        1
    } else {
        return None;
    };
    let i = numerals.partition_point(|n| n.bytes.start < end + skip);
    let n = numerals.get(i).filter(|n| n.bytes.start == end + skip)?;
    let after = &text[n.bytes.end..];
    let ends = after.is_empty() || after.starts_with(['.', '!', '?', '\n']);
    (ends && n.integer && n.value >= Decimal::ONE && n.value < HUNDRED && n.glued.is_empty() && !n.scaled).then_some(n)
}
