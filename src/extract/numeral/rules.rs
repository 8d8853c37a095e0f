//! Matching: where numerals are. A hand-written scanner rather than a regex,
//! because the decisions are about neighbours (`4th` is an ordinal, `29km` a
//! measure, `the one` a pronoun) and digit groups (`1,234,567` is one number,
//! `1, 234` two, `192.168.1.2` four).
//!
//! The scanner cuts the text into runs of number tokens (digits, number words,
//! `and`, `point`, separated by spaces or hyphens); `resolve::parse` reads the
//! longest valid numeral at the head of each run.

use super::lexicon::{self, Word};
use super::resolve::{self, Kind, Tok};
use super::{Form, Numeral};
use crate::decimal::Decimal;
use crate::extract::is_word_byte;
use std::ops::Range;

/// Rule names, as they appear in records of the extractors built on numerals.
pub const DIGITS: &str = Form::Digits.spec().name;
pub const WORDS: &str = Form::Words.spec().name;
pub const MIXED: &str = Form::Mixed.spec().name;

/// Every numeral of `text`, in order, not overlapping, including those with
/// glued letters (see [`Numeral::glued`]).
pub fn scan(text: &str) -> Vec<Numeral> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut toks: Vec<Tok> = Vec::new();
    while i < bytes.len() {
        let c = bytes[i];
        let starts = c.is_ascii_alphanumeric() || ((c == b'-' || c == b'.') && next_is_digit(bytes, i + 1));
        if !starts {
            i += 1;
            continue;
        }
        if i > 0 && is_word_byte(bytes[i - 1]) {
            // Inside a word or an alphanumeric code (`A320`; in `F-35` the
            // scan moves past the hyphen and reads `35`).
            i = skip_word(bytes, i).max(i + 1);
            continue;
        }
        if c == b'.' && i > 0 && bytes[i - 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        // Most words are no number word: no run starts there.
        if c.is_ascii_alphabetic() {
            let letters_end = skip_letters(bytes, i);
            if number_word(&bytes[i..letters_end]).is_none() {
                i = skip_word(bytes, letters_end);
                continue;
            }
        }
        run(text, i, &mut toks);
        if toks.is_empty() {
            i = skip_word(bytes, i).max(i + 1);
            continue;
        }
        if let Some(numeral) = numeral_of(text, &toks) {
            // Always move on, whatever the numeral's length.
            i = numeral.bytes.end.max(i + 1);
            // A number beyond an f64 (a run of 400 digits) reads as infinity,
            // which no record can hold (JSON has no infinity): it is no numeral.
            if numeral.bytes.is_empty() || !numeral.value.is_finite() {
                continue;
            }
            out.push(numeral);
        } else {
            i = toks[0].bytes.end.max(i + 1);
        }
    }
    out
}

/// The numeral that starts exactly at byte `start` of `text`, wherever that
/// is (money reads `CHF7.5bn` from the digit after the code).
pub fn at(text: &str, start: usize) -> Option<Numeral> {
    if !text.is_char_boundary(start) {
        return None;
    }
    let mut toks = Vec::new();
    run(text, start, &mut toks);
    if toks.is_empty() {
        return None;
    }
    numeral_of(text, &toks)
}

/// The numeral at the head of a run, or `None` when the run does not start
/// with one (`and`, `a` alone, a pronoun `one`).
fn numeral_of(text: &str, toks: &[Tok]) -> Option<Numeral> {
    if let Kind::Num { glued, .. } = &toks[0].kind
        && !glued.is_empty()
    {
        let Kind::Num {
            value,
            integer,
            grouped,
            ..
        } = toks[0].kind
        else {
            unreachable!()
        };
        // `192.168.1.2`, `4th`, `29km`: a number with letters or dots glued
        // to it is reported alone, with what is glued.
        return Some(Numeral {
            bytes: toks[0].bytes.clone(),
            value,
            integer,
            form: Form::Digits,
            scaled: false,
            scale: Decimal::ONE,
            grouped,
            glued: glued.clone(),
            rule: DIGITS,
        });
    }
    if toks[0].kind == Kind::Word(Word::Unit(1)) && is_pronoun_one(text, toks) {
        return None;
    }
    let parsed = resolve::parse(toks)?;
    let used = &toks[..parsed.len];
    let digits = used.iter().filter(|t| matches!(t.kind, Kind::Num { .. })).count();
    let words = used.iter().filter(|t| matches!(t.kind, Kind::Word(_))).count();
    let (form, rule) = match (digits, words) {
        (_, 0) => (Form::Digits, DIGITS),
        (0, _) => (Form::Words, WORDS),
        _ => (Form::Mixed, MIXED),
    };
    let grouped = used.iter().any(|t| matches!(t.kind, Kind::Num { grouped: true, .. }));
    let end = used.last()?.bytes.end;
    Some(Numeral {
        bytes: toks[0].bytes.start..end,
        value: parsed.value,
        integer: parsed.value.is_integer(),
        form,
        scaled: parsed.scaled,
        scale: parsed.scale,
        grouped,
        glued: end..end,
        rule,
    })
}

/// `the one`, `which one`, `one another`: `one` as a pronoun.
fn is_pronoun_one(text: &str, toks: &[Tok]) -> bool {
    let multiplied = matches!(
        toks.get(1).map(|t| &t.kind),
        Some(Kind::Word(Word::Hundred | Word::Scale(_) | Word::Dozen))
    );
    if multiplied {
        return false;
    }
    let after = text[toks[0].bytes.end..].trim_start();
    if after.starts_with("another") {
        return true;
    }
    let before = previous_word(text, toks[0].bytes.start);
    lexicon::PRONOUN_ONE_BEFORE
        .iter()
        .any(|w| before.eq_ignore_ascii_case(w))
}

/// The word (letters) just before `at`, skipping spaces.
pub(crate) fn previous_word(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end_matches(' ');
    let start = head.len() - head.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    &head[start..]
}

/// Reads the run of number tokens starting at `i` into `toks`.
fn run(text: &str, i: usize, toks: &mut Vec<Tok>) {
    toks.clear();
    let bytes = text.as_bytes();
    let mut at = i;
    while toks.len() < 40 {
        let Some(tok) = token(text, at) else { break };
        let end = tok.bytes.end;
        if tok.kind == Kind::Sign {
            // The digits follow the sign directly.
            toks.push(tok);
            at = end;
            continue;
        }
        let glued = matches!(&tok.kind, Kind::Num { glued, .. } if !glued.is_empty());
        toks.push(tok);
        if glued {
            break;
        }
        // Separator: spaces, or a hyphen with optional spaces around it.
        let mut j = end;
        let mut spaces = 0;
        while j < bytes.len() && bytes[j] == b' ' {
            j += 1;
            spaces += 1;
        }
        if j < bytes.len() && bytes[j] == b'-' && !next_is_digit_after_sign(bytes, j, spaces) {
            j += 1;
            while j < bytes.len() && bytes[j] == b' ' {
                j += 1;
            }
        }
        if j == end || spaces > 3 || j >= bytes.len() || !bytes[j].is_ascii_alphanumeric() {
            break;
        }
        at = j;
    }
}

/// A hyphen followed by digits after a space is a sign (`3 -1`), not a
/// separator; between words it always separates (`twenty-six`).
fn next_is_digit_after_sign(bytes: &[u8], j: usize, spaces: usize) -> bool {
    spaces > 0 && next_is_digit(bytes, j + 1)
}

/// The token at `at`, if it is a number token.
fn token(text: &str, at: usize) -> Option<Tok> {
    let bytes = text.as_bytes();
    let c = *bytes.get(at)?;
    if c.is_ascii_digit() || c == b'.' {
        return digits(text, at);
    }
    if c == b'-' {
        let sign_ok = at == 0 || matches!(bytes[at - 1], b' ' | b'\n' | b'(' | b'\t');
        if sign_ok && next_is_digit(bytes, at + 1) {
            return Some(Tok {
                kind: Kind::Sign,
                bytes: at..at + 1,
            });
        }
        return None;
    }
    if !c.is_ascii_alphabetic() {
        return None;
    }
    let end = skip_letters(bytes, at);
    if end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'_') {
        return None;
    }
    let len = end - at;
    if len > 9 {
        return None;
    }
    let word = number_word(&bytes[at..end])?;
    Some(Tok {
        kind: Kind::Word(word),
        bytes: at..end,
    })
}

/// Digits at `at`: `12`, `1,234,567.89`, `12,34,567` (Indian grouping),
/// `1 234 567` (space grouping), `.08`, `10k`, `2.33 k`. Dotted sequences
/// (`192.168.1.2`) give their first part with the rest glued.
fn digits(text: &str, at: usize) -> Option<Tok> {
    let bytes = text.as_bytes();
    let lead = skip_digits(bytes, at) - at;
    let mut number = String::new();
    let (mut j, grouped) = integer_part(text, at, lead, &mut number)?;
    if j < bytes.len() && bytes[j] == b'.' && next_is_digit(bytes, j + 1) {
        let f_end = skip_digits(bytes, j + 1);
        let dotted_before = at >= 2 && bytes[at - 1] == b'.' && bytes[at - 2].is_ascii_digit();
        let dotted_after = f_end < bytes.len() && bytes[f_end] == b'.' && next_is_digit(bytes, f_end + 1);
        if dotted_before || dotted_after {
            if lead == 0 {
                // `.3.5`: no number to start from.
                return None;
            }
            // `192.168.1.2`, `2019.12.03`: each part is a number of its own.
            let value = Decimal::parse(&number)?;
            return plain_number(value, true, grouped, j..j, at..j);
        }
        number.push('.');
        number.push_str(&text[j + 1..f_end]);
        j = f_end;
    }
    let value = Decimal::parse(&number)?;
    with_suffix(text, at, j, value, grouped)
}

/// The integer part of the digits at `at` (`lead` digits long before any
/// separator): appends its digits without separators to `number`, and
/// returns where it ends and whether thousands groups were read. `.08` has
/// `0` for its integer part.
#[inline(always)]
fn integer_part(text: &str, at: usize, lead: usize, number: &mut String) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    if lead == 0 {
        // `.08`
        if bytes.get(at) != Some(&b'.') || !next_is_digit(bytes, at + 1) {
            return None;
        }
        number.push('0');
        return Some((at, false));
    }
    let lead_end = at + lead;
    number.push_str(&text[at..lead_end]);
    if lead > 3 {
        return Some((lead_end, false));
    }
    match comma_groups(text, lead_end, lead, number).or_else(|| space_groups(text, lead_end, number)) {
        Some(end) => Some((end, true)),
        None => Some((lead_end, false)),
    }
}

/// Thousands groups after `lead` digits ending at `at`: `,ddd` groups, or
/// Indian `,dd` groups ending in `,ddd` after at most two digits. If they
/// make a number, appends their digits to `number` and returns where they
/// end.
#[inline(always)]
fn comma_groups(text: &str, at: usize, lead: usize, number: &mut String) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut k = at;
    let mut groups = Vec::new();
    while k < bytes.len() && bytes[k] == b',' {
        let g_end = skip_digits(bytes, k + 1);
        let g = g_end - (k + 1);
        if g != 2 && g != 3 {
            break;
        }
        groups.push((k + 1, g_end));
        k = g_end;
        if g == 3 {
            // A 3-digit group ends an Indian run; western runs go on.
            if groups.iter().any(|&(s, e)| e - s == 2) {
                break;
            }
        }
    }
    let western = !groups.is_empty() && groups.iter().all(|&(s, e)| e - s == 3);
    let indian = groups.len() >= 2
        && lead <= 2
        && groups[..groups.len() - 1].iter().all(|&(s, e)| e - s == 2)
        && groups.last().is_some_and(|&(s, e)| e - s == 3);
    if !(western || indian) {
        return None;
    }
    for &(s, e) in &groups {
        number.push_str(&text[s..e]);
    }
    groups.last().map(|&(_, e)| e)
}

/// Space grouping after the digits ending at `at`: `1 234 567`,
/// `40\u{202f}000`. With plain spaces one group is not enough (`400 737 Max
/// jets` is a count and a model), two are (`1 234 567`). If they make a
/// number, appends their digits to `number` and returns where they end.
#[inline(always)]
fn space_groups(text: &str, at: usize, number: &mut String) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut k = at;
    let mut groups: Vec<(usize, usize, bool)> = Vec::new();
    while let Some(space) = group_space(text, k) {
        let g_end = skip_digits(bytes, k + space);
        if g_end - (k + space) != 3 || (g_end < bytes.len() && bytes[g_end].is_ascii_alphanumeric()) {
            break;
        }
        if g_end < bytes.len() && bytes[g_end] == b',' && next_is_digit(bytes, g_end + 1) {
            break;
        }
        groups.push((k + space, g_end, space == 1 && bytes[k] == b' '));
        k = g_end;
    }
    let plain_single = groups.len() == 1 && groups[0].2;
    if groups.is_empty() || plain_single {
        return None;
    }
    for &(s, e, _) in &groups {
        number.push_str(&text[s..e]);
    }
    Some(k)
}

/// The token for the number `value` read over `at..j`, given what follows:
/// glued letters (a scale suffix, or something that makes this no plain
/// number), or a spaced scale suffix.
#[inline(always)]
fn with_suffix(text: &str, at: usize, j: usize, value: Decimal, grouped: bool) -> Option<Tok> {
    let bytes = text.as_bytes();
    let integer = value.is_integer();
    let letters_end = skip_letters(bytes, j);
    if letters_end > j {
        let suffix = &text[j..letters_end];
        let after_ok = letters_end >= bytes.len() || !is_word_byte(bytes[letters_end]);
        if let (Some(scale), true) = (lexicon::scale_suffix(suffix), after_ok) {
            return scaled_number(value, scale, grouped, at..letters_end);
        }
        let glued_end = skip_word(bytes, j);
        return plain_number(value, integer, grouped, j..glued_end, at..j);
    }
    if let Some((scale, end)) = spaced_scale(text, j) {
        return scaled_number(value, scale, grouped, at..end);
    }
    plain_number(value, integer, grouped, j..j, at..j)
}

/// A scale suffix after one space at `at` (`2.33 k`, `5 bn`): its multiplier
/// and where it ends. Single letters only attached, except `k` and `M`.
#[inline(always)]
fn spaced_scale(text: &str, at: usize) -> Option<(Decimal, usize)> {
    let bytes = text.as_bytes();
    if at >= bytes.len() || bytes[at] != b' ' {
        return None;
    }
    let s_start = at + 1;
    let s_end = skip_letters(bytes, s_start);
    if s_end == s_start || (s_end < bytes.len() && is_word_byte(bytes[s_end])) {
        return None;
    }
    let suffix = &text[s_start..s_end];
    if (suffix.len() > 1 || suffix == "k" || suffix == "M") && suffix != "mil" && suffix != "MM" {
        return lexicon::scale_suffix(suffix).map(|scale| (scale, s_end));
    }
    None
}

/// A number token with no scale suffix (always `Some`: what [`digits`] returns).
#[inline(always)]
fn plain_number(value: Decimal, integer: bool, grouped: bool, glued: Range<usize>, bytes: Range<usize>) -> Option<Tok> {
    Some(Tok {
        kind: Kind::Num {
            value,
            integer,
            scaled: false,
            scale: Decimal::ONE,
            grouped,
            glued,
        },
        bytes,
    })
}

/// A number token over `bytes` multiplied by its scale suffix (always `Some`).
#[inline(always)]
fn scaled_number(value: Decimal, scale: Decimal, grouped: bool, bytes: Range<usize>) -> Option<Tok> {
    let value = value * scale;
    Some(Tok {
        kind: Kind::Num {
            value,
            integer: value.is_integer(),
            scaled: true,
            scale,
            grouped,
            glued: bytes.end..bytes.end,
        },
        bytes,
    })
}

/// The byte length of a digit-group space at `at` (ASCII space, no-break
/// space, narrow no-break space, thin space), if one is there.
fn group_space(text: &str, at: usize) -> Option<usize> {
    let c = text[at..].chars().next()?;
    let len = c.len_utf8();
    (matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}') && next_is_digit(text.as_bytes(), at + len)).then_some(len)
}

fn next_is_digit(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_some_and(u8::is_ascii_digit)
}

fn skip_digits(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && bytes[at].is_ascii_digit() {
        at += 1;
    }
    at
}

fn skip_letters(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
        at += 1;
    }
    at
}

/// The number word `letters` (ASCII letters) spell, in any case. Most words
/// leave on their first two letters and length; the rest are looked up.
// Asked of every word of a text: the gate is inlined into the callers (a
// plain `#[inline]` was not taken in the LTO build; docs/performance.md has
// the cost of the call), the look-up stays a call.
#[inline(always)]
fn number_word(letters: &[u8]) -> Option<lexicon::Word> {
    let first = letters.first()?.to_ascii_lowercase();
    let second = letters.get(1).map_or(0, u8::to_ascii_lowercase);
    if !lexicon::may_be_word(first, second, letters.len()) {
        return None;
    }
    looked_up(letters)
}

/// [`number_word`] past its gate.
#[inline(never)]
fn looked_up(letters: &[u8]) -> Option<lexicon::Word> {
    let mut lower = [0u8; 32];
    let lower = &mut lower[..letters.len()]; // may_be_word holds it under 32
    lower.copy_from_slice(letters);
    lower.make_ascii_lowercase();
    lexicon::word(lower)
}

/// The end of the alphanumeric word at `at`.
fn skip_word(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && is_word_byte(bytes[at]) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::{lexicon, number_word};
    use crate::testing::picker;

    #[test]
    fn the_two_letter_gate_lets_every_number_word_through() {
        // The spec: lower-case the letters and look them up, with no gate.
        let spec = |letters: &[u8]| {
            let lower = letters.to_ascii_lowercase();
            if lower.len() >= 32 { None } else { lexicon::word(&lower) }
        };
        let stems: Vec<&str> = lexicon::NUMBER_WORDS.iter().map(|(w, _)| *w).collect();
        let mut next = picker(11);
        let mut found = 0;
        for _ in 0..20000 {
            // A number word, in some case, often changed by a letter or cut.
            let mut word = stems[next(stems.len())].as_bytes().to_vec();
            match next(4) {
                0 => {}
                1 => {
                    let at = next(word.len());
                    word[at] = b"aetzAEQ"[next(7)];
                }
                2 => word.truncate(next(word.len()) + 1),
                _ => word.push(b"sneT"[next(4)]),
            }
            for b in word.iter_mut() {
                if next(3) == 0 {
                    b.make_ascii_uppercase();
                }
            }
            found += usize::from(spec(&word).is_some());
            assert_eq!(number_word(&word), spec(&word), "{:?}", String::from_utf8_lossy(&word));
        }
        assert!(found > 2000 && found < 19000, "both answers are exercised: {found}");
        for word in ["the", "as", "from", "sanctions", "Treasury", "a", "A", "An"] {
            assert_eq!(number_word(word.as_bytes()), spec(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn number_words_are_told_from_other_words_in_any_case() {
        for word in ["Seven", "THOUSAND", "and", "a", "half", "ten"] {
            assert!(number_word(word.as_bytes()).is_some(), "{word}");
        }
        for word in ["the", "sever", "fold", "twentyish", ""] {
            assert!(number_word(word.as_bytes()).is_none(), "{word}");
        }
    }
}
