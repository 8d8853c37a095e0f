//! Resolution: the value of a run of number tokens, read by the grammar of
//! English numerals. Groups below a thousand (`three hundred and thirty one`)
//! are closed by descending scale words (`two million three hundred
//! thousand`); `and` joins only after `hundred` or a scale word; two units in a
//! row (`three-nought-four`) or two digit groups (`423 0000`) are separate
//! numerals. The grammar takes the longest valid prefix of the run.

use super::lexicon::Word;
use super::rules::{Kind, Tok};

/// The numeral read at the head of a run: how many tokens it takes, its value,
/// and whether a scale word or suffix multiplied it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Parsed {
    pub len: usize,
    pub value: f64,
    pub scaled: bool,
    /// The multiplier of the last scale word or suffix (1 without one).
    pub scale: f64,
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
    let mut sign = 1.0;
    match toks.first()?.kind {
        Kind::Sign | Kind::Word(Word::Minus) => {
            sign = -1.0;
            i = 1;
        }
        _ => {}
    }
    let mut total = 0.0_f64;
    let mut current = 0.0_f64;
    // The value added by the last unit/teen/tens/digits (for `two dozen`).
    let mut piece = 0.0_f64;
    let mut hundred_used = false;
    let mut last_scale = f64::INFINITY;
    // The value the last scale word added, for compound scales (`lakh crore`).
    let mut last_group = 0.0_f64;
    let mut mult = 0.0_f64;
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
                        last_scale = *suffix_scale;
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
                        Prev::And | Prev::Hundred if *integer && *value > 0.0 && *value < 100.0 => {
                            current += *value;
                            piece = *value;
                            true
                        }
                        Prev::Scale if *integer && *value > 0.0 && *value < last_scale.min(1000.0) => {
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
                        current = 0.0;
                        true
                    } else {
                        false
                    }
                }
                Word::Unit(u) => {
                    let u = f64::from(*u);
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
                    let t = f64::from(*t);
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
                        current = mult * 100.0;
                        hundred_used = true;
                        true
                    } else if matches!(prev, Prev::Num | Prev::Unit | Prev::Teen | Prev::Tens) && current > 0.0 {
                        current *= 100.0;
                        hundred_used = true;
                        true
                    } else {
                        false
                    }
                }
                Word::Scale(s) => {
                    let s = *s;
                    let accepted = if prev == Prev::Mult && s < last_scale {
                        last_group = mult * s;
                        total += last_group;
                        true
                    } else if prev == Prev::Scale && s > last_scale && current == 0.0 {
                        // `three lakh crore`, `a thousand million`.
                        total += last_group * s - last_group;
                        last_group *= s;
                        true
                    } else if matches!(
                        prev,
                        Prev::Num | Prev::Unit | Prev::Teen | Prev::Tens | Prev::Hundred | Prev::Dozen
                    ) && current > 0.0
                        && s < last_scale
                    {
                        last_group = current * s;
                        total += last_group;
                        true
                    } else {
                        false
                    };
                    if accepted {
                        last_scale = if prev == Prev::Scale { last_scale * s } else { s };
                        current = 0.0;
                        hundred_used = false;
                        scaled = true;
                    }
                    accepted
                }
                Word::Dozen => {
                    if prev == Prev::Mult {
                        current = mult * 12.0;
                        done = true;
                        true
                    } else if matches!(prev, Prev::Num | Prev::Unit | Prev::Teen | Prev::Tens) && piece > 0.0 {
                        current += piece * 11.0;
                        done = true;
                        true
                    } else {
                        false
                    }
                }
                Word::A => {
                    if matches!(prev, Prev::Start) || (prev == Prev::Mult && mult == 0.5) {
                        if prev == Prev::Start {
                            mult = 1.0;
                        }
                        prev = Prev::Mult;
                        i += 1;
                        continue;
                    }
                    false
                }
                Word::Half | Word::Quarter => {
                    let m = if *word == Word::Half { 0.5 } else { 0.25 };
                    if prev == Prev::Start || (prev == Prev::Mult && mult == 1.0) {
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
                        } => *integer && !*scaled && glued.is_empty() && *value > 0.0 && *value < 100.0,
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
        best = Some(Parsed {
            len: i,
            value: sign * (total + current),
            scaled,
            scale: if scaled { last_scale } else { 1.0 },
        });
        if matches!(prev, Prev::Scale | Prev::Hundred) {
            before_and = None;
        }
    }
    best
}

/// Decimals after `point`: digit words (`zero three`) or one two-digit word
/// (`seventy-one`, `eleven`). Returns tokens used and the fraction.
fn decimals(toks: &[Tok]) -> (usize, f64) {
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
        return (0, 0.0);
    }
    let frac: f64 = format!("0.{digits}").parse().unwrap_or(0.0);
    (n, frac)
}
