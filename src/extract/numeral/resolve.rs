//! Resolution: the value of a run of number tokens, read by the grammar of
//! English numerals. Groups below a thousand (`three hundred and thirty one`)
//! are closed by descending scale words (`two million three hundred
//! thousand`); `and` joins only after `hundred` or a scale word; two units in a
//! row (`three-nought-four`) or two digit groups (`423 0000`) are separate
//! numerals. The grammar takes the longest valid prefix of the run.

use super::lexicon::Word;
use crate::decimal::Decimal;
use std::ops::Range;

/// One token of a run, as the scanner (`super::rules`) cuts it: what the
/// grammar reads.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub bytes: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// Digits, with their value (a scale suffix already applied).
    Num {
        value: Decimal,
        integer: bool,
        /// A scale suffix (`10k`, `2.33 k`) was applied.
        scaled: bool,
        /// The suffix's multiplier (1 without one).
        scale: Decimal,
        /// Thousands separators were read (`1,234`).
        grouped: bool,
        /// Letters glued to the digits that are no scale (`4th`, `29km`,
        /// `115USD`): such a number stands alone.
        glued: Range<usize>,
    },
    Word(Word),
    /// `-` directly before digits, at the start of a line or after a space.
    Sign,
}

const HUNDRED: Decimal = Decimal::pow10(2);
const HALF: Decimal = Decimal::new(5, -1);
const QUARTER: Decimal = Decimal::new(25, -2);
const THOUSAND: Decimal = Decimal::pow10(3);

/// The numeral read at the head of a run: how many tokens it takes, its value,
/// and whether a scale word or suffix multiplied it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Parsed {
    pub len: usize,
    pub value: Decimal,
    pub scaled: bool,
    /// The multiplier of the last scale word or suffix (1 without one).
    pub scale: Decimal,
}

/// What the last accepted token was; it decides what may follow.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Prev {
    Start,
    Num,
    Zero,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    And,
    Dozen,
    /// `a`, `half`, `quarter`, `half a`: a multiplier waiting for its scale.
    Mult,
}

/// Reads the longest numeral at the head of `toks`.
pub(crate) fn parse(toks: &[Tok]) -> Option<Parsed> {
    let mut i = 0;
    let mut negative = false;
    match toks.first()?.kind {
        Kind::Sign | Kind::Word(Word::Minus) => {
            negative = true;
            i = 1;
        }
        _ => {}
    }
    let mut total = Decimal::ZERO;
    let mut current = Decimal::ZERO;
    // The value added by the last unit/teen/tens/digits (for `two dozen`).
    let mut piece = Decimal::ZERO;
    let mut hundred_used = false;
    // The multiplier of the last scale word; none yet bounds the next.
    let mut last_scale: Option<Decimal> = None;
    // The value the last scale word added, for compound scales (`lakh crore`).
    let mut last_group = Decimal::ZERO;
    let mut mult = Decimal::ZERO;
    let mut prev = Prev::Start;
    let mut scaled = false;
    let mut best: Option<Parsed> = None;
    // The best reading before the last `and`, to fall back to when what follows
    // the `and` turns out to start a new numeral (`3 hundred and 2 hundred`).
    let mut before_and: Option<Option<Parsed>> = None;
    let mut done = false;

    while i < toks.len() && !done {
        let tok = &toks[i];
        let ok = match &tok.kind {
            Kind::Sign | Kind::Word(Word::Minus) => false,
            Kind::Num {
                value,
                integer,
                scaled: suffixed,
                scale: suffix_scale,
                glued,
                ..
            } => {
                if !glued.is_empty() {
                    false
                } else if *suffixed {
                    if prev == Prev::Start {
                        current = *value;
                        scaled = true;
                        last_scale = Some(*suffix_scale);
                        done = true;
                        true
                    } else {
                        false
                    }
                } else {
                    match prev {
                        Prev::Start => {
                            current = *value;
                            piece = *value;
                            true
                        }
                        Prev::And | Prev::Hundred if *integer && *value > Decimal::ZERO && *value < HUNDRED => {
                            current += *value;
                            piece = *value;
                            true
                        }
                        Prev::Scale
                            if *integer
                                && *value > Decimal::ZERO
                                && *value < last_scale.map_or(THOUSAND, |s| s.min(THOUSAND)) =>
                        {
                            current = *value;
                            piece = *value;
                            true
                        }
                        _ => false,
                    }
                }
            }
            Kind::Word(word) => match word {
                Word::Zero => {
                    if prev == Prev::Start {
                        current = Decimal::ZERO;
                        true
                    } else {
                        false
                    }
                }
                Word::Unit(u) => {
                    let u = Decimal::from(*u);
                    match prev {
                        Prev::Start | Prev::Hundred | Prev::And | Prev::Scale => {
                            current += u;
                            piece = u;
                            true
                        }
                        Prev::Tens => {
                            current += u;
                            piece += u;
                            true
                        }
                        _ => false,
                    }
                }
                Word::Teen(t) | Word::Tens(t) => {
                    let t = Decimal::from(*t);
                    if matches!(prev, Prev::Start | Prev::Hundred | Prev::And | Prev::Scale) {
                        current += t;
                        piece = t;
                        true
                    } else {
                        false
                    }
                }
                Word::Hundred => {
                    if hundred_used {
                        false
                    } else if prev == Prev::Mult {
                        current = mult * HUNDRED;
                        hundred_used = true;
                        true
                    } else if matches!(prev, Prev::Num | Prev::Unit | Prev::Teen | Prev::Tens)
                        && current > Decimal::ZERO
                    {
                        current *= HUNDRED;
                        hundred_used = true;
                        true
                    } else {
                        false
                    }
                }
                Word::Scale(s) => {
                    let s = *s;
                    let below_last = last_scale.is_none_or(|last| s < last);
                    let accepted = if prev == Prev::Mult && below_last {
                        last_group = mult * s;
                        total += last_group;
                        true
                    } else if prev == Prev::Scale && last_scale.is_some_and(|last| s > last) && current == Decimal::ZERO
                    {
                        // `three lakh crore`, `a thousand million`.
                        total += last_group * s - last_group;
                        last_group *= s;
                        true
                    } else if matches!(
                        prev,
                        Prev::Num | Prev::Unit | Prev::Teen | Prev::Tens | Prev::Hundred | Prev::Dozen
                    ) && current > Decimal::ZERO
                        && below_last
                    {
                        last_group = current * s;
                        total += last_group;
                        true
                    } else {
                        false
                    };
                    if accepted {
                        last_scale = match last_scale {
                            Some(last) if prev == Prev::Scale => Some(last * s),
                            _ => Some(s),
                        };
                        current = Decimal::ZERO;
                        hundred_used = false;
                        scaled = true;
                    }
                    accepted
                }
                Word::Dozen => {
                    if prev == Prev::Mult {
                        current = mult * Decimal::int(12);
                        done = true;
                        true
                    } else if matches!(prev, Prev::Num | Prev::Unit | Prev::Teen | Prev::Tens) && piece > Decimal::ZERO
                    {
                        current += piece * Decimal::int(11);
                        done = true;
                        true
                    } else {
                        false
                    }
                }
                Word::A => {
                    if matches!(prev, Prev::Start) || (prev == Prev::Mult && mult == HALF) {
                        if prev == Prev::Start {
                            mult = Decimal::ONE;
                        }
                        prev = Prev::Mult;
                        i += 1;
                        continue;
                    }
                    false
                }
                Word::Half | Word::Quarter => {
                    let m = if *word == Word::Half { HALF } else { QUARTER };
                    if prev == Prev::Start || (prev == Prev::Mult && mult == Decimal::ONE) {
                        mult = m;
                        prev = Prev::Mult;
                        i += 1;
                        continue;
                    }
                    false
                }
                Word::And => {
                    let next_small = toks.get(i + 1).is_some_and(|t| match &t.kind {
                        Kind::Word(Word::Unit(_) | Word::Teen(_) | Word::Tens(_)) => true,
                        Kind::Num {
                            integer,
                            value,
                            scaled,
                            glued,
                            ..
                        } => *integer && !*scaled && glued.is_empty() && *value > Decimal::ZERO && *value < HUNDRED,
                        _ => false,
                    });
                    if matches!(prev, Prev::Hundred | Prev::Scale) && next_small {
                        before_and = Some(best);
                        prev = Prev::And;
                        i += 1;
                        continue;
                    }
                    false
                }
                Word::Point => {
                    if matches!(
                        prev,
                        Prev::Zero | Prev::Unit | Prev::Teen | Prev::Tens | Prev::Hundred | Prev::Scale
                    ) {
                        let (n, frac) = decimals(&toks[i + 1..]);
                        if n > 0 {
                            current += frac;
                            i += n;
                            done = true;
                            true
                        } else {
                            false
                        }
                    } else {
                        false
                    }
                }
                Word::Minus => false,
            },
        };
        if !ok {
            // A multiplier right after a piece joined by `and` belongs to a new
            // numeral: `3 hundred and 2 hundred` is two numerals.
            let multiplier = matches!(&tok.kind, Kind::Word(Word::Hundred | Word::Scale(_) | Word::Dozen));
            if multiplier && let Some(fallback) = before_and.take() {
                best = fallback;
            }
            break;
        }
        prev = match &tok.kind {
            Kind::Num { .. } => Prev::Num,
            Kind::Word(Word::Zero) => Prev::Zero,
            Kind::Word(Word::Unit(_)) => Prev::Unit,
            Kind::Word(Word::Teen(_)) => Prev::Teen,
            Kind::Word(Word::Tens(_)) => Prev::Tens,
            Kind::Word(Word::Hundred) => Prev::Hundred,
            Kind::Word(Word::Scale(_)) => Prev::Scale,
            Kind::Word(Word::Dozen) => Prev::Dozen,
            _ => prev,
        };
        i += 1;
        let value = total + current;
        best = Some(Parsed {
            len: i,
            value: if negative { -value } else { value },
            scaled,
            scale: last_scale.filter(|_| scaled).unwrap_or(Decimal::ONE),
        });
        if matches!(prev, Prev::Scale | Prev::Hundred) {
            before_and = None;
        }
    }
    best
}

/// Decimals after `point`: digit words (`zero three`) or one two-digit word
/// (`seventy-one`, `eleven`). Returns tokens used and the fraction.
fn decimals(toks: &[Tok]) -> (usize, Decimal) {
    let mut digits = String::new();
    let mut n = 0;
    match toks.first().map(|t| &t.kind) {
        Some(Kind::Word(Word::Teen(t))) => {
            digits = t.to_string();
            n = 1;
        }
        Some(Kind::Word(Word::Tens(t))) => {
            digits = t.to_string();
            n = 1;
            if let Some(Kind::Word(Word::Unit(u))) = toks.get(1).map(|t| &t.kind) {
                digits.pop();
                digits.push(char::from(b'0' + u));
                n = 2;
            }
        }
        _ => {
            for tok in toks {
                match tok.kind {
                    Kind::Word(Word::Zero) => digits.push('0'),
                    Kind::Word(Word::Unit(u)) => digits.push(char::from(b'0' + u)),
                    _ => break,
                }
                n += 1;
            }
        }
    }
    if digits.is_empty() {
        return (0, Decimal::ZERO);
    }
    let frac = Decimal::parse(&format!("0.{digits}")).unwrap_or(Decimal::ZERO);
    (n, frac)
}
