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

/// Reads the longest numeral at the head of `toks`: an optional sign, then
/// token by token while the grammar takes them, keeping the last complete
/// reading.
pub(crate) fn parse(toks: &[Tok]) -> Option<Parsed> {
    let mut reading = Reading::new(toks)?;
    while reading.i < toks.len() && !reading.done {
        let kind = &toks[reading.i].kind;
        match reading.step(kind) {
            Step::Take => reading.took(kind),
            Step::Wait => reading.i += 1,
            Step::Stop => {
                reading.stopped(kind);
                break;
            }
        }
    }
    reading.best
}

/// What the grammar did with the token at hand.
enum Step {
    /// Took it into the value: a reading ends after it.
    Take,
    /// Took it as a word waiting for what follows (`a`, `half`, `and`): no
    /// reading ends after it.
    Wait,
    /// It is no part of this numeral: the reading stops before it.
    Stop,
}

/// The state of the grammar partway through a run.
struct Reading<'a> {
    toks: &'a [Tok],
    /// The index of the token at hand.
    i: usize,
    negative: bool,
    /// The groups closed by scale words so far.
    total: Decimal,
    /// The open group (below a thousand, or a suffixed number).
    current: Decimal,
    /// The value added by the last unit/teen/tens/digits (for `two dozen`).
    piece: Decimal,
    hundred_used: bool,
    /// The multiplier of the last scale word; none yet bounds the next.
    last_scale: Option<Decimal>,
    /// The value the last scale word added, for compound scales (`lakh crore`).
    last_group: Decimal,
    /// The multiplier of `a`, `half`, `quarter`, `half a`.
    mult: Decimal,
    prev: Prev,
    scaled: bool,
    best: Option<Parsed>,
    /// The best reading before the last `and`, to fall back to when what follows
    /// the `and` turns out to start a new numeral (`3 hundred and 2 hundred`).
    before_and: Option<Option<Parsed>>,
    /// The last token taken ends the numeral (a suffixed number, `dozen`,
    /// decimals).
    done: bool,
}

impl<'a> Reading<'a> {
    /// The start: a leading `-` or `minus` makes the numeral negative.
    #[inline(always)]
    fn new(toks: &'a [Tok]) -> Option<Self> {
        let negative = matches!(toks.first()?.kind, Kind::Sign | Kind::Word(Word::Minus));
        Some(Reading {
            toks,
            i: usize::from(negative),
            negative,
            total: Decimal::ZERO,
            current: Decimal::ZERO,
            piece: Decimal::ZERO,
            hundred_used: false,
            last_scale: None,
            last_group: Decimal::ZERO,
            mult: Decimal::ZERO,
            prev: Prev::Start,
            scaled: false,
            best: None,
            before_and: None,
            done: false,
        })
    }

    /// Offers the token at hand to the grammar part for its kind.
    #[inline(always)]
    fn step(&mut self, kind: &Kind) -> Step {
        let taken = match kind {
            Kind::Sign | Kind::Word(Word::Minus) => false,
            Kind::Num {
                value,
                integer,
                scaled,
                scale,
                glued,
                ..
            } => glued.is_empty() && self.number(*value, *integer, *scaled, *scale),
            Kind::Word(Word::Zero) => self.zero(),
            Kind::Word(Word::Unit(u)) => self.unit(Decimal::from(*u)),
            Kind::Word(Word::Teen(t) | Word::Tens(t)) => self.teen_or_tens(Decimal::from(*t)),
            Kind::Word(Word::Hundred) => self.hundred(),
            Kind::Word(Word::Scale(s)) => self.scale(*s),
            Kind::Word(Word::Dozen) => self.dozen(),
            Kind::Word(Word::Point) => self.point(),
            Kind::Word(Word::A) => return self.a(),
            Kind::Word(Word::Half) => return self.fraction(HALF),
            Kind::Word(Word::Quarter) => return self.fraction(QUARTER),
            Kind::Word(Word::And) => return self.and(),
        };
        if taken { Step::Take } else { Step::Stop }
    }

    /// After a token taken: notes its kind and records the reading so far.
    #[inline(always)]
    fn took(&mut self, kind: &Kind) {
        self.prev = match kind {
            Kind::Num { .. } => Prev::Num,
            Kind::Word(Word::Zero) => Prev::Zero,
            Kind::Word(Word::Unit(_)) => Prev::Unit,
            Kind::Word(Word::Teen(_)) => Prev::Teen,
            Kind::Word(Word::Tens(_)) => Prev::Tens,
            Kind::Word(Word::Hundred) => Prev::Hundred,
            Kind::Word(Word::Scale(_)) => Prev::Scale,
            Kind::Word(Word::Dozen) => Prev::Dozen,
            _ => self.prev,
        };
        self.i += 1;
        let value = self.total + self.current;
        let scaled = self.scaled;
        self.best = Some(Parsed {
            len: self.i,
            value: if self.negative { -value } else { value },
            scaled,
            scale: self.last_scale.filter(|_| scaled).unwrap_or(Decimal::ONE),
        });
        if matches!(self.prev, Prev::Scale | Prev::Hundred) {
            self.before_and = None;
        }
    }

    /// At a token refused: a multiplier right after a piece joined by `and`
    /// belongs to a new numeral (`3 hundred and 2 hundred` is two numerals), so
    /// the reading falls back to the one before the `and`.
    #[inline(always)]
    fn stopped(&mut self, kind: &Kind) {
        let multiplier = matches!(kind, Kind::Word(Word::Hundred | Word::Scale(_) | Word::Dozen));
        if multiplier && let Some(fallback) = self.before_and.take() {
            self.best = fallback;
        }
    }

    /// Digits: a suffixed number (`10k`) only alone; otherwise at the start,
    /// or below a hundred after `hundred`/`and`, or below the last scale after
    /// a scale word.
    #[inline(always)]
    fn number(&mut self, value: Decimal, integer: bool, suffixed: bool, suffix_scale: Decimal) -> bool {
        if suffixed {
            if self.prev != Prev::Start {
                return false;
            }
            self.current = value;
            self.scaled = true;
            self.last_scale = Some(suffix_scale);
            self.done = true;
            return true;
        }
        match self.prev {
            Prev::Start => self.current = value,
            Prev::And | Prev::Hundred if integer && value > Decimal::ZERO && value < HUNDRED => self.current += value,
            Prev::Scale
                if integer
                    && value > Decimal::ZERO
                    && value < self.last_scale.map_or(THOUSAND, |s| s.min(THOUSAND)) =>
            {
                self.current = value
            }
            _ => return false,
        }
        self.piece = value;
        true
    }

    /// `zero`: a numeral only on its own (or before `point`).
    #[inline(always)]
    fn zero(&mut self) -> bool {
        if self.prev != Prev::Start {
            return false;
        }
        self.current = Decimal::ZERO;
        true
    }

    /// `one` .. `nine`: opens a piece, or completes a tens word
    /// (`twenty-one`).
    #[inline(always)]
    fn unit(&mut self, u: Decimal) -> bool {
        match self.prev {
            Prev::Start | Prev::Hundred | Prev::And | Prev::Scale => {
                self.current += u;
                self.piece = u;
            }
            Prev::Tens => {
                self.current += u;
                self.piece += u;
            }
            _ => return false,
        }
        true
    }

    /// `ten` .. `ninety`: opens a piece.
    #[inline(always)]
    fn teen_or_tens(&mut self, t: Decimal) -> bool {
        if !matches!(self.prev, Prev::Start | Prev::Hundred | Prev::And | Prev::Scale) {
            return false;
        }
        self.current += t;
        self.piece = t;
        true
    }

    /// `hundred`: once per group, multiplying a multiplier (`a hundred`) or
    /// the group so far.
    #[inline(always)]
    fn hundred(&mut self) -> bool {
        if self.hundred_used {
            return false;
        }
        if self.prev == Prev::Mult {
            self.current = self.mult * HUNDRED;
        } else if matches!(self.prev, Prev::Num | Prev::Unit | Prev::Teen | Prev::Tens) && self.current > Decimal::ZERO
        {
            self.current *= HUNDRED;
        } else {
            return false;
        }
        self.hundred_used = true;
        true
    }

    /// A scale word: closes the group (or a multiplier) below the last scale,
    /// or compounds the last scale (`three lakh crore`, `a thousand million`).
    #[inline(always)]
    fn scale(&mut self, s: Decimal) -> bool {
        let prev = self.prev;
        let below_last = self.last_scale.is_none_or(|last| s < last);
        if prev == Prev::Mult && below_last {
            self.last_group = self.mult * s;
            self.total += self.last_group;
        } else if prev == Prev::Scale && self.last_scale.is_some_and(|last| s > last) && self.current == Decimal::ZERO {
            // `three lakh crore`, `a thousand million`.
            self.total += self.last_group * s - self.last_group;
            self.last_group *= s;
        } else if matches!(
            prev,
            Prev::Num | Prev::Unit | Prev::Teen | Prev::Tens | Prev::Hundred | Prev::Dozen
        ) && self.current > Decimal::ZERO
            && below_last
        {
            self.last_group = self.current * s;
            self.total += self.last_group;
        } else {
            return false;
        }
        self.last_scale = match self.last_scale {
            Some(last) if prev == Prev::Scale => Some(last * s),
            _ => Some(s),
        };
        self.current = Decimal::ZERO;
        self.hundred_used = false;
        self.scaled = true;
        true
    }

    /// `dozen`: times twelve, after a multiplier or a piece; ends the numeral.
    #[inline(always)]
    fn dozen(&mut self) -> bool {
        if self.prev == Prev::Mult {
            self.current = self.mult * Decimal::int(12);
        } else if matches!(self.prev, Prev::Num | Prev::Unit | Prev::Teen | Prev::Tens) && self.piece > Decimal::ZERO {
            self.current += self.piece * Decimal::int(11);
        } else {
            return false;
        }
        self.done = true;
        true
    }

    /// `point` after a word numeral: the decimals that follow end the
    /// numeral.
    #[inline(always)]
    fn point(&mut self) -> bool {
        if !matches!(
            self.prev,
            Prev::Zero | Prev::Unit | Prev::Teen | Prev::Tens | Prev::Hundred | Prev::Scale
        ) {
            return false;
        }
        let (n, frac) = decimals(&self.toks[self.i + 1..]);
        if n == 0 {
            return false;
        }
        self.current += frac;
        self.i += n;
        self.done = true;
        true
    }

    /// `a`: one, at the start, or after `half` (`half a million`).
    #[inline(always)]
    fn a(&mut self) -> Step {
        if !(self.prev == Prev::Start || (self.prev == Prev::Mult && self.mult == HALF)) {
            return Step::Stop;
        }
        if self.prev == Prev::Start {
            self.mult = Decimal::ONE;
        }
        self.prev = Prev::Mult;
        Step::Wait
    }

    /// `half`, `quarter`: a multiplier, at the start or after `a`.
    #[inline(always)]
    fn fraction(&mut self, m: Decimal) -> Step {
        if !(self.prev == Prev::Start || (self.prev == Prev::Mult && self.mult == Decimal::ONE)) {
            return Step::Stop;
        }
        self.mult = m;
        self.prev = Prev::Mult;
        Step::Wait
    }

    /// `and`: only after `hundred` or a scale word and before a piece below a
    /// hundred; the reading before it is kept to fall back to.
    #[inline(always)]
    fn and(&mut self) -> Step {
        let next_small = self.toks.get(self.i + 1).is_some_and(|t| match &t.kind {
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
        if !(matches!(self.prev, Prev::Hundred | Prev::Scale) && next_small) {
            return Step::Stop;
        }
        self.before_and = Some(self.best);
        self.prev = Prev::And;
        Step::Wait
    }
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
