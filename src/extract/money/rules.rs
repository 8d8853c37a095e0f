//! Matching: a numeral with a currency beside it. The numeral layer finds the
//! numbers; each rule here looks at one side of a numeral for a symbol, a code
//! or a name from the lexicon.
//!
//! | rule | examples |
//! |---|---|
//! | `money.symbol` | `$400 million`, `US$1.2bn`, `€1.5 billion`, `£2m`, `₩10 billion`, `hk $ 10.05 billion` |
//! | `money.code` | `USD 30,050`, `CHF7.5bn`, `RMB 10 billion`, `MAUD 60` |
//! | `money.code_after` | `50 million USD`, `75 USD million`, `115USD`, `30 MUSD` |
//! | `money.name` | `3.8 trillion yen`, `five million yen`, `125 million Australian dollars`, `10 billion won` |
//! | `money.subunit` | `50 cents`, `470 pence`, `12-cent` |
//! | `money.symbol_after` | `10 €`, `100元` |
//!
//! `resolve` adds the bounds of ranges (`money.range`: the `4` of `$3-4
//! billion`) and joins `thirteen dollars and forty-five cents`.

use super::lexicon::{self, DOLLAR_PREFIXES, SYMBOLS, SYMBOLS_AFTER};
use crate::decimal::Decimal;
use crate::extract::numeral::{self, Numeral};
use crate::per_thread::PerThread;
use crate::rule::Spec;
use regex::Regex;
use std::ops::Range;

/// A money rule: which side of the numeral its currency stands on and in
/// what form, or how `resolve` made the sum. Each has its name, examples
/// (values as `value currency`) and negatives ([`Rule::spec`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A symbol before the numeral: `$400 million`.
    Symbol,
    /// An ISO code before it: `USD 30,050`.
    Code,
    /// An ISO code after it: `50 million USD`.
    CodeAfter,
    /// A currency name after it: `3.8 trillion yen`.
    Name,
    /// A subunit after it: `34 cents`.
    Subunit,
    /// A symbol after it: `10 €`.
    SymbolAfter,
    /// A range's bound that borrows the other's currency: the `4 billion` of
    /// `$3-4 billion`.
    Range,
    /// Dollars and cents joined: `thirteen dollars and forty-five cents`.
    DollarsAndCents,
}

impl Rule {
    /// Every money rule.
    #[cfg(test)]
    pub(crate) const ALL: [Rule; 8] = [
        Rule::Symbol,
        Rule::Code,
        Rule::CodeAfter,
        Rule::Name,
        Rule::Subunit,
        Rule::SymbolAfter,
        Rule::Range,
        Rule::DollarsAndCents,
    ];

    /// The rule's name (the `rule` of its amounts).
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// Its name, examples and negatives.
    pub(crate) const fn spec(self) -> Spec {
        match self {
            Rule::Symbol => Spec::new(
                "money.symbol",
                &[
                    ("stole [$400 million] in crypto", "400000000 USD"),
                    ("a [US$1.2bn] deal", "1200000000 USD"),
                    ("[€1.5 billion] and more", "1500000000 EUR"),
                ],
                &["billions of dollars", "the 1990s and the F-35"],
            ),
            Rule::Code => Spec::new(
                "money.code",
                &[
                    ("[USD 30,050]", "30050 USD"),
                    ("[CHF7.5bn]", "7500000000 CHF"),
                    ("a project of [Rs 433 crore]", "4330000000 INR"),
                    ("[Rs.50,000] each", "50000 INR"),
                ],
                &["the USD index rose 3 points", "Mrs 5 and Drs 3"],
            ),
            Rule::CodeAfter => Spec::new(
                "money.code_after",
                &[
                    ("[50 million USD]", "50000000 USD"),
                    ("in excess of [30 MUSD]", "30000000 USD"),
                ],
                &["USD 30,050"],
            ),
            Rule::Name => Spec::new(
                "money.name",
                &[
                    ("[3.8 trillion yen]", "3800000000000 JPY"),
                    ("[10 billion won]", "10000000000 KRW"),
                ],
                &["He lost 20 pounds.", "South Korea won 3 medals"],
            ),
            Rule::Subunit => Spec::new(
                "money.subunit",
                &[("down [34 cents]", "0.34 USD"), ("[197 pence]", "1.97 GBP")],
                &["a 5 percent fall"],
            ),
            Rule::SymbolAfter => Spec::new(
                "money.symbol_after",
                &[("so does [10 €]", "10 EUR"), ("the cost is [100元]!", "100 CNY")],
                &["€10 each"],
            ),
            Rule::Range => Spec::new(
                "money.range",
                &[
                    ("$3-[4 billion]", "4000000000 USD"),
                    ("[3] to 4 billion yen", "3000000000 JPY"),
                ],
                &["between $3 and $4 billion"],
            ),
            Rule::DollarsAndCents => Spec::new(
                "money.dollars_and_cents",
                &[("it cost [3 dollars 50 cents].", "3.5 USD")],
                &["3 dollars and 50 people"],
            ),
        }
    }
}

// The rules under the names the matching code uses.
pub(crate) const SYMBOL: Rule = Rule::Symbol;
pub(crate) const CODE: Rule = Rule::Code;
pub(crate) const CODE_AFTER: Rule = Rule::CodeAfter;
pub(crate) const NAME: Rule = Rule::Name;
pub(crate) const SUBUNIT: Rule = Rule::Subunit;
pub(crate) const SYMBOL_AFTER: Rule = Rule::SymbolAfter;
pub(crate) const RANGE: Rule = Rule::Range;
pub(crate) const DOLLARS_AND_CENTS: Rule = Rule::DollarsAndCents;

/// The factor of a mega code (`MUSD`) and of `million`.
const MILLION: Decimal = Decimal::pow10(6);

/// A match: a numeral, its currency, and what multiplies the numeral's value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    /// The whole expression, currency included.
    pub bytes: Range<usize>,
    /// The numeral's own bytes.
    pub number: Range<usize>,
    pub numeral: Decimal,
    /// The numeral's last scale multiplier (1 when unscaled), after any money
    /// scale (`2m`).
    pub scale: Decimal,
    pub code: &'static str,
    /// Money scale (`£2m`), mega code (`MUSD`) and subunit (`cents`) together.
    pub factor: Decimal,
    /// The currency was written before the number (symbol or code), so a
    /// range's second bound may borrow it.
    pub before: bool,
    pub rule: Rule,
}

/// Codes glued before digits (`CHF7.5bn`, `USD115`): the numeral layer does not
/// start numbers inside a word, so this finds them.
static GLUED_CODE: PerThread<Regex> =
    PerThread::new(|| Regex::new(r"(?-u:\b)([A-Z]{3,4}|[a-z]{3})[0-9]").expect("glued code pattern compiles"));

/// The letters of every [`GLUED_CODE`] match of `text`, in order: what
/// `captures_iter` finds, without running the regex over the whole text (a
/// lazy-DFA pass costs about 1.4 ns a byte, this byte loop 0.3). Every match
/// ends with a digit right after an ASCII letter, which few digits are, and
/// starts three or four bytes before that letter's end; so the regex runs
/// only over the five bytes ending with such a digit. Such a window holds at
/// most one match (two need eight bytes: a match is a word boundary, three
/// letters or more and a digit), and matches never overlap, so each is
/// found once, by the window of its digit, as the iterator would find it.
fn glued_codes(text: &str) -> impl Iterator<Item = regex::Match<'_>> + '_ {
    let bytes = text.as_bytes();
    (1..bytes.len())
        .filter(move |&d| bytes[d].is_ascii_digit() && bytes[d - 1].is_ascii_alphabetic())
        .filter_map(move |d| {
            let window = text.ceil_char_boundary(d.saturating_sub(4));
            let caps = GLUED_CODE.captures_at(&text[..d + 1], window)?;
            (caps.get(0)?.end() == d + 1).then(|| caps.get(1).expect("group 1"))
        })
}

/// Every money match of `text`, given its numerals, in text order.
pub(crate) fn matches(text: &str, numerals: &[Numeral]) -> Vec<Hit> {
    let mut hits: Vec<Hit> = numerals.iter().filter_map(|n| hit(text, n)).collect();
    for code_match in glued_codes(text) {
        let word = code_match.as_str();
        let (code, factor) = match (lexicon::code_of(word), lexicon::mega_code_of(word)) {
            (Some(code), _) => (code, Decimal::ONE),
            (None, Some(code)) => (code, MILLION),
            _ => continue,
        };
        let Some(n) = numeral::at(text, code_match.end()) else {
            continue;
        };
        let (end, money_scale) = glued_money_scale(text, &n);
        if !n.glued.is_empty() && money_scale == Decimal::ONE {
            continue;
        }
        hits.push(Hit {
            bytes: code_match.start()..end,
            number: n.bytes.clone(),
            numeral: n.value,
            scale: n.scale * money_scale,
            code,
            factor: factor * money_scale,
            before: true,
            rule: CODE,
        });
    }
    hits.sort_by_key(|h| (h.bytes.start, std::cmp::Reverse(h.bytes.end)));
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        if out.last().is_none_or(|last| h.bytes.start >= last.bytes.end) {
            out.push(h);
        }
    }
    out
}

/// The money reading of one numeral, if it has a currency beside it.
fn hit(text: &str, n: &Numeral) -> Option<Hit> {
    let (end, money_scale) = glued_money_scale(text, n);
    if !n.glued.is_empty() && money_scale == Decimal::ONE {
        // `115USD`, `30MUSD`: a code glued after the digits.
        let glued = &text[n.glued.clone()];
        let (code, factor) = match (lexicon::code_of(glued), lexicon::mega_code_of(glued)) {
            (Some(code), _) => (code, Decimal::ONE),
            (None, Some(code)) => (code, MILLION),
            _ => return None,
        };
        return Some(Hit {
            bytes: n.bytes.start..n.glued.end,
            number: n.bytes.clone(),
            numeral: n.value,
            scale: n.scale,
            code,
            factor,
            before: false,
            rule: CODE_AFTER,
        });
    }
    if let Some((start, code, factor, rule)) = before(text, n.bytes.start) {
        return Some(Hit {
            bytes: start..end,
            number: n.bytes.clone(),
            numeral: n.value,
            scale: n.scale * money_scale,
            code,
            factor: factor * money_scale,
            before: true,
            rule,
        });
    }
    let (after_end, code, factor, rule) = after(text, n, end)?;
    Some(Hit {
        bytes: n.bytes.start..after_end,
        number: n.bytes.clone(),
        numeral: n.value,
        scale: n.scale * money_scale,
        code,
        factor: factor * money_scale,
        before: false,
        rule,
    })
}

/// A money-only scale glued to the numeral (`£2m`, `$5b`): the end of the
/// numeral with it and its multiplier (1 without one).
fn glued_money_scale(text: &str, n: &Numeral) -> (usize, Decimal) {
    if n.glued.is_empty() || n.scaled {
        return (n.bytes.end, Decimal::ONE);
    }
    match lexicon::money_scale(&text[n.glued.clone()]) {
        Some(scale) => (n.glued.end, scale),
        None => (n.bytes.end, Decimal::ONE),
    }
}

/// Per byte, whether a symbol of `symbols` ends with it (`last`) or starts
/// with it: text ending or starting with another byte cannot hold one there,
/// and most numerals have a letter or a space beside them, so the symbol
/// lists are read only past this test.
const fn symbol_bytes(symbols: &[&str], last: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut k = 0;
    while k < symbols.len() {
        let bytes = symbols[k].as_bytes();
        table[bytes[if last { bytes.len() - 1 } else { 0 }] as usize] = true;
        k += 1;
    }
    table
}

/// [`SYMBOLS`] as [`symbol_bytes`] for their last byte.
static SYMBOL_LAST_BYTES: [bool; 256] = {
    let mut symbols = [""; SYMBOLS.len()];
    let mut k = 0;
    while k < SYMBOLS.len() {
        symbols[k] = SYMBOLS[k].0;
        k += 1;
    }
    symbol_bytes(&symbols, true)
};

/// [`SYMBOLS_AFTER`] as [`symbol_bytes`] for their first byte.
static SYMBOL_AFTER_FIRST_BYTES: [bool; 256] = symbol_bytes(SYMBOLS_AFTER, false);

/// A symbol or code ending right before byte `at` (one space allowed):
/// where it starts, the currency, a factor (`MUSD`) and the rule.
fn before(text: &str, at: usize) -> Option<(usize, &'static str, Decimal, Rule)> {
    let head = &text[..at];
    for head in [head, head.strip_suffix(' ').unwrap_or("")] {
        if head.is_empty() {
            continue;
        }
        let symbol_may_end = head.as_bytes().last().is_some_and(|&b| SYMBOL_LAST_BYTES[b as usize]);
        for &(symbol, code) in SYMBOLS.iter().filter(|_| symbol_may_end) {
            if let Some(rest) = head.strip_suffix(symbol) {
                if symbol == "$"
                    && let Some((start, code)) = dollar_prefix(rest)
                {
                    return Some((start, code, Decimal::ONE, SYMBOL));
                }
                return Some((rest.len(), code, Decimal::ONE, SYMBOL));
            }
        }
        // An abbreviation before: `Rs 433 crore`, `Rs.50,000`.
        for &(abbreviation, code) in lexicon::ABBREVIATIONS {
            if let Some(rest) = head.strip_suffix(abbreviation)
                && !rest.ends_with(|c: char| c.is_alphanumeric())
            {
                return Some((rest.len(), code, Decimal::ONE, CODE));
            }
        }
        // A code as the word before: `USD 30,050`, `MAUD 60`.
        let word_start = head.len() - head.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
        let word = &head[word_start..];
        // In `10 rmb 20 usd` the `rmb` is the first number's.
        let after_number = head[..word_start]
            .trim_end_matches(' ')
            .ends_with(|c: char| c.is_ascii_digit());
        if word.len() >= 3 && !after_number {
            if let Some(code) = lexicon::code_of(word) {
                return Some((word_start, code, Decimal::ONE, CODE));
            }
            if let Some(code) = lexicon::mega_code_of(word) {
                return Some((word_start, code, MILLION, CODE));
            }
        }
    }
    None
}

/// Letters before a `$` that name another dollar (`US$`, `HK$`, `hk $`):
/// where the prefix starts and the currency.
fn dollar_prefix(rest: &str) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    for &(prefix, code, spaced_ok) in DOLLAR_PREFIXES {
        let attached = rest.strip_suffix(prefix).map(|r| r.len());
        let spaced = if spaced_ok {
            rest.strip_suffix(' ')
                .and_then(|r| r.strip_suffix(prefix))
                .map(|r| r.len())
        } else {
            None
        };
        for start in [attached, spaced].into_iter().flatten() {
            let boundary = rest[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && c != '.');
            if boundary && best.is_none_or(|(s, _)| start < s) {
                best = Some((start, code));
            }
        }
    }
    best
}

/// A code, name or symbol right after the numeral (which ends at `end`): the
/// end of the expression, the currency, a factor and the rule.
fn after(text: &str, n: &Numeral, end: usize) -> Option<(usize, &'static str, Decimal, Rule)> {
    let bytes = text.as_bytes();
    let mut k = end;
    let mut hyphen = false;
    if bytes.get(k) == Some(&b' ') {
        k += 1;
    } else if bytes.get(k) == Some(&b'-') && bytes.get(k + 1).is_some_and(u8::is_ascii_alphabetic) {
        k += 1;
        hyphen = true;
    }
    // Symbols after: `10 €`, `100元`, only when no number follows (in `2021
    // $400 million` the `$` is the next amount's).
    let symbol_may_start = |at: usize| bytes.get(at).is_some_and(|&b| SYMBOL_AFTER_FIRST_BYTES[b as usize]);
    let starts = [end, k].map(|at| (!hyphen && symbol_may_start(at)).then_some(at));
    for symbol in SYMBOLS_AFTER {
        for start in starts.into_iter().flatten() {
            if text[start..].starts_with(symbol) {
                let s_end = start + symbol.len();
                let next = text[s_end..].trim_start_matches(' ');
                if next.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                let code = SYMBOLS.iter().find(|(s, _)| s == symbol).map(|&(_, c)| c)?;
                return Some((s_end, code, Decimal::ONE, SYMBOL_AFTER));
            }
        }
    }
    if k == end {
        return None;
    }
    // Words after, up to three, lower-cased: a code or a currency name.
    let words = following_words(text, k, 3);
    if let Some(&(w_start, w_end)) = words.first() {
        let word = &text[w_start..w_end];
        let code = lexicon::code_of(word)
            .map(|c| (c, Decimal::ONE))
            .or_else(|| lexicon::mega_code_of(word).map(|c| (c, MILLION)));
        if let Some((code, factor)) = code
            && !hyphen
        {
            let rest = &text[w_end..];
            let followed_by_digit = rest.trim_start_matches(' ').starts_with(|c: char| c.is_ascii_digit());
            if !followed_by_digit {
                // `75 USD million`
                if let Some(&(s_start, s_end)) = words.get(1)
                    && !n.scaled
                    && s_start == w_end + 1
                    && let Some(scale) = scale_word(&text[s_start..s_end])
                {
                    return Some((s_end, code, factor * scale, CODE_AFTER));
                }
                return Some((w_end, code, factor, CODE_AFTER));
            }
        }
    }
    let mut phrase = String::new();
    let mut found = None;
    for &(w_start, w_end) in &words {
        if !phrase.is_empty() {
            phrase.push(' ');
        }
        phrase.push_str(&text[w_start..w_end].to_ascii_lowercase());
        if let Some(name) = lexicon::name_of(&phrase) {
            found = Some((w_end, name));
        }
    }
    let (name_end, name) = found?;
    if name.ambiguous {
        // `5,200 pounds of water`, `a 300-pound man`: weights and other
        // senses; as money these words follow scaled or large numbers.
        let large = n.scaled || (n.value >= Decimal::pow10(3) && name.code != "GBP");
        let of_follows = text[name_end..].starts_with(" of ");
        if hyphen || !large || of_follows {
            return None;
        }
    }
    let rule = if name.factor == Decimal::ONE { NAME } else { SUBUNIT };
    Some((name_end, name.code, name.factor, rule))
}

/// Up to `max` words from `at`, separated by single spaces: byte ranges of
/// letters (dots kept inside, as in `u.s.`).
fn following_words(text: &str, at: usize, max: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut k = at;
    while out.len() < max && k < bytes.len() && bytes[k].is_ascii_alphabetic() {
        let start = k;
        while k < bytes.len() && (bytes[k].is_ascii_alphabetic() || (bytes[k] == b'.' && k > start)) {
            k += 1;
        }
        // A sentence-final dot is no part of the word.
        let mut end = k;
        if bytes[end - 1] == b'.' && !text[start..end - 1].contains('.') {
            end -= 1;
        }
        if end < bytes.len() && bytes[end].is_ascii_digit() {
            break;
        }
        out.push((start, end));
        if k < bytes.len() && bytes[k] == b' ' && bytes.get(k + 1).is_some_and(u8::is_ascii_alphabetic) {
            k += 1;
        } else {
            break;
        }
    }
    out
}

/// `million`, `billion`... as a multiplier.
fn scale_word(word: &str) -> Option<Decimal> {
    match word.to_ascii_lowercase().as_str() {
        "thousand" => Some(Decimal::pow10(3)),
        "million" | "mn" | "mln" => Some(MILLION),
        "billion" | "bn" | "bln" => Some(Decimal::pow10(9)),
        "trillion" | "tn" | "trn" => Some(Decimal::pow10(12)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::picker;

    #[test]
    fn glued_codes_are_what_the_regex_finds_over_the_whole_text() {
        let pieces = [
            "USD", "CHF", "Chf", "usd", "ABCD", "AB", "x", "é", "ü", "7", "15", " ", "-", ".", "_", "MUSD",
        ];
        let mut next = picker(5);
        let mut found = 0;
        for _ in 0..20_000 {
            let text: String = (0..1 + next(10)).map(|_| pieces[next(pieces.len())]).collect();
            let spec: Vec<_> = GLUED_CODE
                .captures_iter(&text)
                .map(|c| c.get(1).expect("group").range())
                .collect();
            let fast: Vec<_> = glued_codes(&text).map(|m| m.range()).collect();
            assert_eq!(fast, spec, "{text:?}");
            found += spec.len();
        }
        assert!(found > 1_000, "{found} matches");
    }

    #[test]
    fn every_symbol_passes_the_byte_gates() {
        // Each symbol before and after a number, at a text's start and after
        // a word; a gate that left out a symbol's byte would lose its hits.
        for &(symbol, code) in SYMBOLS {
            for text in [format!("{symbol}5 million"), format!("paid {symbol} 5 million")] {
                let numerals = numeral::scan(&text);
                let hits = matches(&text, &numerals);
                assert!(
                    hits.iter().any(|h| h.code == code && h.rule == SYMBOL),
                    "{text}: {hits:?}"
                );
            }
        }
        for &symbol in SYMBOLS_AFTER {
            let code = SYMBOLS.iter().find(|(s, _)| *s == symbol).expect("a symbol").1;
            for text in [format!("paid 5 million {symbol}"), format!("paid 500{symbol}.")] {
                let numerals = numeral::scan(&text);
                let hits = matches(&text, &numerals);
                assert!(
                    hits.iter().any(|h| h.code == code && h.rule == SYMBOL_AFTER),
                    "{text}: {hits:?}"
                );
            }
        }
    }
}
