//! Exact decimal numbers, for what the text writes in decimal: a numeral's
//! value (`17.1`, `4.35`, `.08`) and a sum of money in units (`17.1 billion`
//! is 17100000000, `$19.99` is 19.99). In `f64` neither `17.1` nor `0.01` is
//! exact, and products like `17.1 * 1e9` came out as `17100000000.000002`.
//!
//! A [`Decimal`] is `mantissa * 10^exponent`, kept normalised (no trailing zero
//! digit in the mantissa, zero as `0 * 10^0`), so equal values are equal
//! structs. Sums and products of numerals and scales (`1e3` .. `1e12`, `0.01`
//! for cents, `0.5` for `half`) are exact. The mantissa holds 37 digits; a
//! numeral of more significant digits than that (no sum is one) is rounded
//! to 37, half to even, and so are results that would need more.
//!
//! Written by hand rather than taken from `rust_decimal`: that crate's 96-bit
//! mantissa without positive exponents overflows on the long digit strings
//! the scanner meets, its serde forms are a string or an `f64` (a JSON number
//! written exactly needs serde_json's `arbitrary_precision`, which changes
//! every number the crate parses), and what numerals need is adding,
//! multiplying by powers of ten and comparing.
//!
//! In JSON ([`Serialize`]) a value is a number: an integer when whole
//! (`17100000000`), else the shortest decimal (`19.99`, `0.25`). serde_json
//! writes a fraction through `f64`, whose shortest form is the exact decimal
//! for values of up to 15 significant digits; a whole value beyond `u64`
//! (1.8e19) is written as the nearest `f64` too.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign, Mul, MulAssign, Neg, Sub};

/// An exact decimal number, `mantissa * 10^exponent`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i128,
    exponent: i32,
}

/// Mantissas stay below this (37 digits), so that two of them add up and
/// two of the same magnitude align without overflow.
const LIMIT: u128 = 10u128.pow(37);
const DIGITS: u32 = 37;

/// `10^k` for every `k` whose power fits an `i128`.
const POW10: [i128; 39] = {
    let mut table = [1i128; 39];
    let mut k = 1;
    while k < table.len() {
        table[k] = table[k - 1] * 10;
        k += 1;
    }
    table
};

impl Decimal {
    /// 0.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        exponent: 0,
    };
    /// 1.
    pub const ONE: Decimal = Decimal {
        mantissa: 1,
        exponent: 0,
    };

    /// `10^exponent`: a scale (`1e9` for `billion`, `1e-2` for a cent).
    pub const fn pow10(exponent: i32) -> Decimal {
        Decimal { mantissa: 1, exponent }
    }

    /// `mantissa * 10^exponent`, rounded to 37 significant digits.
    pub const fn new(mut mantissa: i128, mut exponent: i32) -> Decimal {
        if mantissa.unsigned_abs() >= LIMIT {
            let excess = mantissa.unsigned_abs().ilog10() + 1 - DIGITS;
            mantissa = round_div(mantissa, excess);
            exponent += excess as i32;
        }
        if mantissa == 0 {
            return Decimal::ZERO;
        }
        if mantissa >= i64::MIN as i128 && mantissa <= i64::MAX as i128 {
            // Most numerals: 64-bit division, not a call into 128-bit division.
            let mut small = mantissa as i64;
            while small % 10 == 0 {
                small /= 10;
                exponent += 1;
            }
            return Decimal {
                mantissa: small as i128,
                exponent,
            };
        }
        while mantissa % 10 == 0 {
            mantissa /= 10;
            exponent += 1;
        }
        Decimal { mantissa, exponent }
    }

    /// A whole number.
    pub const fn int(value: i64) -> Decimal {
        Decimal::new(value as i128, 0)
    }

    /// Reads `digits[.digits]` with an optional leading `-` (`1234567.89`,
    /// `0.08`, `-9.5`); `None` for anything else.
    pub fn parse(text: &str) -> Option<Decimal> {
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        let places = i32::try_from(fraction.len()).ok()?;
        let value = if whole.len() + fraction.len() <= 18 {
            // Most numerals: the digits fit a u64.
            let mut mantissa: u64 = 0;
            for b in whole.bytes().chain(fraction.bytes()) {
                if !b.is_ascii_digit() {
                    return None;
                }
                mantissa = mantissa * 10 + u64::from(b - b'0');
            }
            Decimal::new(i128::from(mantissa), -places)
        } else {
            Decimal::parse_long(whole, fraction)?
        };
        Some(if negative { -value } else { value })
    }

    /// [`Decimal::parse`] of more than 18 digits.
    fn parse_long(whole: &str, fraction: &str) -> Option<Decimal> {
        let digits = whole.bytes().chain(fraction.bytes());
        let mut mantissa: i128 = 0;
        // Digits past the 37th only move the exponent (and round the last).
        let mut dropped = 0i32;
        let mut first_dropped = None;
        let mut rest_nonzero = false;
        for b in digits {
            if !b.is_ascii_digit() {
                return None;
            }
            let d = i128::from(b - b'0');
            if first_dropped.is_none() && mantissa.unsigned_abs() < LIMIT / 10 {
                mantissa = mantissa * 10 + d;
            } else if first_dropped.is_none() {
                first_dropped = Some(d);
                dropped += 1;
            } else {
                rest_nonzero |= d != 0;
                dropped += 1;
            }
        }
        if let Some(d) = first_dropped
            && (d > 5 || (d == 5 && (rest_nonzero || mantissa % 2 == 1)))
        {
            mantissa += 1;
        }
        let exponent = dropped - i32::try_from(fraction.len()).ok()?;
        Some(Decimal::new(mantissa, exponent))
    }

    /// The decimal that an `f64` stands for: the shortest decimal that reads
    /// back as the same `f64` (`0.1`, not 0.1000000000000000055...), which is
    /// the decimal written when it had at most 15 significant digits.
    pub fn from_f64(value: f64) -> Option<Decimal> {
        // `Display` for f64 writes that shortest decimal, never with an exponent.
        value.is_finite().then(|| Decimal::parse(&value.to_string())).flatten()
    }

    /// The value has no fraction.
    pub fn is_integer(self) -> bool {
        self.exponent >= 0
    }

    /// The nearest `f64`.
    pub fn to_f64(self) -> f64 {
        // Both operands exact and one rounding: the nearest f64 (the fast
        // path of Clinger's algorithm); other values go through the standard
        // library's correctly rounded parse.
        const EXACT_MANTISSA: u128 = 1 << 53;
        const POWERS: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
            1e19, 1e20, 1e21, 1e22,
        ];
        let power = self.exponent.unsigned_abs() as usize;
        if self.mantissa.unsigned_abs() < EXACT_MANTISSA && power < POWERS.len() {
            let m = self.mantissa as f64;
            return if self.exponent >= 0 {
                m * POWERS[power]
            } else {
                m / POWERS[power]
            };
        }
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// Whether the nearest `f64` is finite. A record is JSON, which has no
    /// infinity: a value past an `f64` (`$9...9 trillion`, 300 nines) is no
    /// value a record can hold.
    pub fn is_finite(self) -> bool {
        self.to_f64().is_finite()
    }

    /// The whole number this is, when it is one that fits an `i64`.
    pub fn to_i64(self) -> Option<i64> {
        if !self.is_integer() {
            return None;
        }
        let power = 10i128.checked_pow(u32::try_from(self.exponent).ok()?)?;
        i64::try_from(self.mantissa.checked_mul(power)?).ok()
    }

    /// The whole number this is, when it is one that fits a `u64`.
    fn to_u64(self) -> Option<u64> {
        if !self.is_integer() {
            return None;
        }
        let power = 10i128.checked_pow(u32::try_from(self.exponent).ok()?)?;
        u64::try_from(self.mantissa.checked_mul(power)?).ok()
    }

    /// The number of decimal digits of the mantissa (1 for zero).
    fn digits(self) -> i32 {
        self.mantissa
            .unsigned_abs()
            .checked_ilog10()
            .map_or(1, |d| d as i32 + 1)
    }

    /// The same value with `exponent` lowered to `to` (the mantissa times
    /// `10^(exponent - to)`), if that mantissa fits.
    fn mantissa_at(self, to: i32) -> Option<i128> {
        let shift = usize::try_from(self.exponent - to).ok()?;
        self.mantissa.checked_mul(*POW10.get(shift)?)
    }

    /// The mantissa fits an `i64`: products and alignments by up to 10^18
    /// fit an `i128`.
    fn small(self) -> bool {
        i64::try_from(self.mantissa).is_ok()
    }
}

/// `m / 10^k`, rounded half to even.
const fn round_div(m: i128, k: u32) -> i128 {
    if k > DIGITS + 1 {
        // 10^39 does not fit an i128 (the fuzzer's stage_extractors found
        // money adding 10^-39 to a 37-digit sum); |m| < 1.7 x 10^38 is below
        // half of 10^k.
        return 0;
    }
    let p = 10i128.pow(k);
    let q = m / p;
    let r = (m % p).abs();
    let away = if m < 0 { -1 } else { 1 };
    if 2 * r > p || (2 * r == p && q % 2 != 0) {
        q + away
    } else {
        q
    }
}

impl Add for Decimal {
    type Output = Decimal;

    fn add(self, other: Decimal) -> Decimal {
        let (high, low) = if self.exponent >= other.exponent {
            (self, other)
        } else {
            (other, self)
        };
        if low.mantissa == 0 {
            return high;
        }
        if high.mantissa == 0 {
            return low;
        }
        // Align on the lower exponent: both mantissas below 10^37, the sum
        // fits. When the higher one cannot take the shift, the sum has more
        // than 37 digits: add at the lowest exponent the higher one takes,
        // with the lower one rounded to it.
        match high.mantissa_at(low.exponent) {
            Some(m) if m.unsigned_abs() < LIMIT => Decimal::new(m + low.mantissa, low.exponent),
            _ => {
                let to = high.exponent - (DIGITS as i32 - high.digits());
                let m = high.mantissa_at(to).expect("within 37 digits");
                Decimal::new(m + round_div(low.mantissa, (to - low.exponent) as u32), to)
            }
        }
    }
}

impl AddAssign for Decimal {
    fn add_assign(&mut self, other: Decimal) {
        *self = *self + other;
    }
}

impl Sub for Decimal {
    type Output = Decimal;

    fn sub(self, other: Decimal) -> Decimal {
        self + -other
    }
}

impl Mul for Decimal {
    type Output = Decimal;

    fn mul(self, other: Decimal) -> Decimal {
        if self.small() && other.small() {
            return Decimal::new(self.mantissa * other.mantissa, self.exponent + other.exponent);
        }
        // Past 38 digits in all, the product would not fit: each factor is
        // rounded to its share of 38 digits (19 each, or what the shorter
        // leaves), so the product is near, not exact.
        let (da, db) = (self.digits(), other.digits());
        let (keep_a, keep_b) = if da + db <= 38 {
            (da, db)
        } else if da <= 19 {
            (da, 38 - da)
        } else if db <= 19 {
            (38 - db, db)
        } else {
            (19, 19)
        };
        let round = |x: Decimal, keep: i32| {
            let excess = x.digits() - keep;
            // Rounding up may add a digit (99.6 -> 100): one more off.
            let mantissa = round_div(x.mantissa, excess as u32);
            if mantissa.unsigned_abs() >= 10u128.pow(keep as u32) {
                (round_div(x.mantissa, excess as u32 + 1), x.exponent + excess + 1)
            } else {
                (mantissa, x.exponent + excess)
            }
        };
        let (ma, ea) = round(self, keep_a);
        let (mb, eb) = round(other, keep_b);
        Decimal::new(ma * mb, ea + eb)
    }
}

impl MulAssign for Decimal {
    fn mul_assign(&mut self, other: Decimal) {
        *self = *self * other;
    }
}

impl Neg for Decimal {
    type Output = Decimal;

    fn neg(self) -> Decimal {
        Decimal {
            mantissa: -self.mantissa,
            exponent: self.exponent,
        }
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        let shift = self.exponent - other.exponent;
        if shift.unsigned_abs() <= 18 && self.small() && other.small() {
            let power = POW10[shift.unsigned_abs() as usize];
            return if shift >= 0 {
                (self.mantissa * power).cmp(&other.mantissa)
            } else {
                self.mantissa.cmp(&(other.mantissa * power))
            };
        }
        let sign = self.mantissa.signum().cmp(&other.mantissa.signum());
        if sign != Ordering::Equal || self.mantissa == 0 {
            return sign;
        }
        // Same sign: the one with more digits before the point is further
        // from zero; with as many, the mantissas align without overflow
        // (both below 10^37).
        let magnitude = (self.digits() + self.exponent).cmp(&(other.digits() + other.exponent));
        let magnitude = if magnitude == Ordering::Equal {
            let low = self.exponent.min(other.exponent);
            let a = self.mantissa_at(low).expect("aligned mantissas fit").unsigned_abs();
            let b = other.mantissa_at(low).expect("aligned mantissas fit").unsigned_abs();
            a.cmp(&b)
        } else {
            magnitude
        };
        if self.mantissa < 0 {
            magnitude.reverse()
        } else {
            magnitude
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl From<u8> for Decimal {
    fn from(value: u8) -> Decimal {
        Decimal::int(i64::from(value))
    }
}

/// The plain decimal, never with an exponent: `17100000000`, `19.99`,
/// `-0.07`.
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        if self.exponent >= 0 {
            let zeros = "0".repeat(self.exponent as usize);
            return write!(f, "{sign}{digits}{zeros}");
        }
        let places = self.exponent.unsigned_abs() as usize;
        if digits.len() > places {
            let (whole, fraction) = digits.split_at(digits.len() - places);
            write!(f, "{sign}{whole}.{fraction}")
        } else {
            let zeros = "0".repeat(places - digits.len());
            write!(f, "{sign}0.{zeros}{digits}")
        }
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(whole) = self.to_i64() {
            serializer.serialize_i64(whole)
        } else if let Some(whole) = self.to_u64() {
            serializer.serialize_u64(whole)
        } else {
            serializer.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Decimal;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }

            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Decimal, E> {
                Ok(Decimal::int(value))
            }

            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Decimal, E> {
                Ok(Decimal::new(i128::from(value), 0))
            }

            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Decimal, E> {
                Decimal::from_f64(value).ok_or_else(|| E::custom("a finite number"))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::picker;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap_or_else(|| panic!("{text} parses"))
    }

    /// Found by fuzzing (stage_extractors, money): a sum of 37 digits plus a
    /// part 39 places below it computed 10^39, an i128 overflow.
    #[test]
    fn adding_a_part_39_places_below_a_37_digit_sum_rounds_it_away() {
        let ones = (10i128.pow(37) - 1) / 9;
        let high = Decimal::new(ones, 0);
        for low in [Decimal::new(1, -39), Decimal::new(-7, -40), Decimal::new(5, -38)] {
            assert_eq!(high + low, high, "{low:?}");
            assert_eq!(low + high, high, "{low:?}");
        }
        assert_eq!(round_div(i128::MAX, 39), 0);
        assert_eq!(round_div(i128::MIN + 1, 40), 0);
        assert_eq!(round_div(6 * 10i128.pow(37), 38), 1);
    }

    #[test]
    fn parses_and_writes_the_shortest_plain_decimal() {
        for (text, written) in [
            ("17.1", "17.1"),
            ("17100000000", "17100000000"),
            ("4.800", "4.8"),
            ("0.08", "0.08"),
            (".08", "0.08"),
            ("0", "0"),
            ("000", "0"),
            ("-0", "0"),
            ("-9.2321312", "-9.2321312"),
            ("1234567.00", "1234567"),
            ("12.", "12"),
        ] {
            assert_eq!(d(text).to_string(), written, "{text}");
        }
        for bad in ["", ".", "-", "1.2.3", "1,234", "1e5", "+1", "1 2"] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
        assert_eq!(d("4.800"), d("4.8"), "normalised: equal values, equal structs");
        assert_eq!(d("1200"), Decimal::new(12, 2));
    }

    #[test]
    fn arithmetic_is_exact() {
        assert_eq!((d("17.1") * Decimal::pow10(9)).to_string(), "17100000000");
        assert_eq!((d("4.1") * Decimal::pow10(6)).to_string(), "4100000");
        assert_eq!((d("13") + d("45") * Decimal::pow10(-2)).to_string(), "13.45");
        assert_eq!((d("0.1") + d("0.2")).to_string(), "0.3");
        assert_eq!((d("0.5") * Decimal::pow10(6)).to_string(), "500000");
        assert_eq!(
            (d("3") * Decimal::pow10(5) * Decimal::pow10(7)).to_string(),
            "3000000000000"
        );
        assert_eq!((d("2") - d("2.5")).to_string(), "-0.5");
        assert_eq!((d("1.5") - d("1.5")), Decimal::ZERO);
        // Against i128 arithmetic on values scaled by 10^6.
        let mut next = picker(3);
        for _ in 0..20_000 {
            let a = next(2_000_000_000) as i128 - 1_000_000_000;
            let b = next(2_000_000_000) as i128 - 1_000_000_000;
            let (x, y) = (Decimal::new(a, -6), Decimal::new(b, -3));
            assert_eq!(x + y, Decimal::new(a + b * 1000, -6), "{x} + {y}");
            assert_eq!(x * y, Decimal::new(a * b, -9), "{x} * {y}");
            assert_eq!(x.cmp(&y), a.cmp(&(b * 1000)), "{x} vs {y}");
        }
    }

    #[test]
    fn order_follows_the_values() {
        let sorted = [
            "-1e3", "-2.5", "-2.25", "-0.001", "0", "0.0001", "0.25", "0.5", "1", "1.5", "99.99", "100", "1e12",
        ];
        let values: Vec<Decimal> = sorted
            .iter()
            .map(|s| match s.split_once('e') {
                Some((m, e)) => d(m) * Decimal::pow10(e.parse().unwrap()),
                None => d(s),
            })
            .collect();
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate() {
                assert_eq!(a.cmp(b), i.cmp(&j), "{a} vs {b}");
            }
        }
        assert!(Decimal::pow10(40) > Decimal::new(LIMIT as i128 - 1, 0));
        assert!(Decimal::pow10(-40) < Decimal::new(1, -39));
    }

    #[test]
    fn past_37_digits_values_are_rounded_half_to_even() {
        let long = "1234567890123456789012345678901234567"; // 37 digits
        assert_eq!(d(long).to_string(), long);
        assert_eq!(d(&format!("{long}4")).to_string(), format!("{long}0"));
        assert_eq!(
            d(&format!("{long}6")).to_string(),
            "12345678901234567890123456789012345680"
        );
        assert_eq!(
            d(&format!("{long}5")).to_string(),
            "12345678901234567890123456789012345680",
            "half, after an odd digit: up"
        );
        let even = "1234567890123456789012345678901234566";
        assert_eq!(
            d(&format!("{even}5")).to_string(),
            format!("{even}0"),
            "half, after an even digit: down"
        );
        assert_eq!(
            d(&format!("{long}.5")).to_string(),
            "1234567890123456789012345678901234568"
        );
        assert_eq!(d(&"9".repeat(400)), Decimal::pow10(400));
        let big = d(long);
        let square = (big * big).to_f64();
        assert!((square / (big.to_f64() * big.to_f64()) - 1.0).abs() < 1e-15, "{square}");
        assert_eq!(
            (big * Decimal::pow10(3)).to_string(),
            format!("{long}000"),
            "scales stay exact"
        );
        assert_eq!(big + Decimal::new(1, -30), big, "too small to show at 37 digits");
        assert_eq!(
            (Decimal::pow10(40) + Decimal::ONE).to_string(),
            format!("1{}", "0".repeat(40))
        );
    }

    #[test]
    fn converts_to_the_nearest_f64() {
        let mut next = picker(9);
        for _ in 0..20_000 {
            let digits: String = (0..1 + next(25)).map(|_| char::from(b'0' + next(10) as u8)).collect();
            let places = next(digits.len() + 1);
            let text = format!(
                "{}.{}",
                &digits[..digits.len() - places],
                &digits[digits.len() - places..]
            );
            let text = if text.starts_with('.') {
                format!("0{text}")
            } else {
                text
            };
            let exact = d(&text);
            assert_eq!(exact.to_f64(), text.parse::<f64>().unwrap(), "{text}");
            if digits.trim_start_matches('0').len() <= 15 {
                assert_eq!(Decimal::from_f64(exact.to_f64()), Some(exact), "{text} reads back");
            }
        }
        assert_eq!(Decimal::from_f64(f64::NAN), None);
        assert_eq!(Decimal::from_f64(0.1), Some(d("0.1")));
        assert_eq!(Decimal::from_f64(1e21), Some(Decimal::pow10(21)));
    }

    #[test]
    fn json_is_a_number_exact_as_written() {
        for (text, json) in [
            ("17100000000", "17100000000"),
            ("19.99", "19.99"),
            ("0.25", "0.25"),
            ("-3.5", "-3.5"),
            ("0.00001", "0.00001"),
            ("9007199254740993", "9007199254740993"),         // 2^53 + 1: no f64
            ("18446744073709551615", "18446744073709551615"), // u64::MAX
            ("12345678901234.5", "12345678901234.5"),
        ] {
            let value = d(text);
            assert_eq!(serde_json::to_string(&value).unwrap(), json, "{text}");
            assert_eq!(
                serde_json::from_str::<Decimal>(json).unwrap(),
                value,
                "{json} reads back"
            );
            assert!(serde_json::to_value(value).unwrap().is_number(), "{text}");
        }
        // Past u64, and fractions past 15 digits: the nearest f64.
        assert_eq!(serde_json::to_string(&Decimal::pow10(20)).unwrap(), "1e+20");
        assert_eq!(serde_json::from_str::<Decimal>("1e+20").unwrap(), Decimal::pow10(20));
        assert!(serde_json::from_str::<Decimal>("\"1\"").is_err());
    }
}
