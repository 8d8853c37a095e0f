//! The currency lexicon: symbols, ISO 4217 codes and names, with the code each
//! stands for, and the units that make a number no sum. Data only; `rules` and
//! `resolve` read it.

use crate::decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// Symbols written before (or, for some, after) the amount. `$` alone is the
/// U.S. dollar, as news writing uses it; letters before a `$` name another
/// dollar (`DOLLAR_PREFIXES`).
pub const SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₹", "INR"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₴", "UAH"),
    ("₫", "VND"),
    ("₱", "PHP"),
    ("₦", "NGN"),
    ("₡", "CRC"),
    ("₾", "GEL"),
    ("₭", "LAK"),
    ("₸", "KZT"),
    ("元", "CNY"),
    ("﷼", "IRR"),
];

/// Symbols that may also follow the amount (`10 €`, `100元`). `$` only when
/// no digits follow it, so that `in 2021 $400 million` stays one amount.
pub const SYMBOLS_AFTER: &[&str] = &[
    "€", "£", "$", "元", "₩", "₽", "₹", "₺", "₪", "₴", "₫", "₱", "₦", "₡", "₾", "₭", "₸",
];

/// Letters before `$` that name the dollar: `(prefix, code, may_be_spaced)`.
/// A spaced prefix (`us $ 150 million`, `hk $ 10.05 billion`) is allowed only
/// where it cannot be an ordinary word (`A $5 bill` is no Australian dollar).
pub const DOLLAR_PREFIXES: &[(&str, &str, bool)] = &[
    ("US", "USD", true),
    ("us", "USD", true),
    ("U.S.", "USD", true),
    ("U.S", "USD", true),
    ("u.s.", "USD", true),
    ("u.s", "USD", true),
    ("USD", "USD", true),
    ("usd", "USD", true),
    ("C", "CAD", true),
    ("c", "CAD", true),
    ("CA", "CAD", false),
    ("Can", "CAD", false),
    ("CAD", "CAD", true),
    ("cad", "CAD", true),
    ("A", "AUD", false),
    ("AU", "AUD", false),
    ("AUD", "AUD", true),
    ("aud", "AUD", true),
    ("NZ", "NZD", true),
    ("NZD", "NZD", true),
    ("nzd", "NZD", true),
    ("HK", "HKD", true),
    ("hk", "HKD", true),
    ("HKD", "HKD", true),
    ("S", "SGD", false),
    ("SG", "SGD", false),
    ("SGD", "SGD", true),
    ("NT", "TWD", false),
    ("R", "BRL", false),
    ("Mex", "MXN", true),
    ("mex", "MXN", true),
    ("MXN", "MXN", true),
    ("mxn", "MXN", true),
    ("Z", "ZWL", false),
];

/// Abbreviations written before an amount, exact case: `Rs 433 crore`,
/// `Rs.50,000` (the rupee, as Indian news writes it).
pub const ABBREVIATIONS: &[(&str, &str)] = &[("Rs.", "INR"), ("Rs", "INR")];

/// The length of every code of [`CODES`] and [`LOWER_CASE_CODES`].
const CODE_LEN: usize = 3;

/// ISO 4217 codes read before or after an amount (`USD 30,050`, `CHF7.5bn`,
/// `50 million USD`), upper case. `RMB` is the usual name of the yuan.
pub const CODES: &[(&str, &str)] = &[
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("KRW", "KRW"),
    ("KPW", "KPW"),
    ("RUB", "RUB"),
    ("INR", "INR"),
    ("IRR", "IRR"),
    ("CHF", "CHF"),
    ("CAD", "CAD"),
    ("AUD", "AUD"),
    ("NZD", "NZD"),
    ("HKD", "HKD"),
    ("SGD", "SGD"),
    ("TWD", "TWD"),
    ("MXN", "MXN"),
    ("BRL", "BRL"),
    ("ZAR", "ZAR"),
    ("TRY", "TRY"),
    ("SEK", "SEK"),
    ("NOK", "NOK"),
    ("DKK", "DKK"),
    ("PLN", "PLN"),
    ("CZK", "CZK"),
    ("HUF", "HUF"),
    ("ILS", "ILS"),
    ("AED", "AED"),
    ("SAR", "SAR"),
    ("QAR", "QAR"),
    ("KWD", "KWD"),
    ("IQD", "IQD"),
    ("EGP", "EGP"),
    ("PKR", "PKR"),
    ("UAH", "UAH"),
    ("BYN", "BYN"),
    ("KZT", "KZT"),
    ("VND", "VND"),
    ("PHP", "PHP"),
    ("IDR", "IDR"),
    ("MYR", "MYR"),
    ("THB", "THB"),
    ("NGN", "NGN"),
    ("ARS", "ARS"),
    ("VES", "VES"),
    ("SYP", "SYP"),
    ("LBP", "LBP"),
];

/// Codes that are read in lower case too (`usd 200`): those that are no
/// English word (`try`, `all`, `cup` never are).
pub const LOWER_CASE_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "krw", "rub", "inr", "chf", "cad", "aud", "nzd", "hkd", "sgd", "mxn",
];

/// Codes that take a leading `M` for millions in financial writing (`30 MUSD`,
/// `MEUR 120`).
pub const MEGA_CODES: &[&str] = &["USD", "EUR", "GBP", "AUD", "CAD", "CHF", "SEK", "NOK", "DKK", "NZD"];

/// How a currency name after a number is read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Name {
    pub code: &'static str,
    /// The unit's share of the currency (`0.01` for cents).
    pub factor: Decimal,
    /// The word has another common sense (`won`, `pounds`, `rand`): it is money
    /// only after a large or scaled number (`10 billion won`, `361 million pounds`).
    pub ambiguous: bool,
}

const fn name(code: &'static str) -> Name {
    Name {
        code,
        factor: Decimal::ONE,
        ambiguous: false,
    }
}

const fn ambiguous(code: &'static str) -> Name {
    Name {
        code,
        factor: Decimal::ONE,
        ambiguous: true,
    }
}

const fn subunit(code: &'static str) -> Name {
    Name {
        code,
        factor: Decimal::pow10(-2),
        ambiguous: false,
    }
}

/// Currency names after a number, lower case, one to three words. The longest
/// phrase wins (`Hong Kong dollars` before `dollars`).
pub const NAMES: &[(&str, Name)] = &[
    ("dollars", name("USD")),
    ("dollar", name("USD")),
    ("us dollars", name("USD")),
    ("us dollar", name("USD")),
    ("u.s. dollars", name("USD")),
    ("u.s. dollar", name("USD")),
    ("american dollars", name("USD")),
    ("australian dollars", name("AUD")),
    ("australian dollar", name("AUD")),
    ("canadian dollars", name("CAD")),
    ("canadian dollar", name("CAD")),
    ("hong kong dollars", name("HKD")),
    ("hong kong dollar", name("HKD")),
    ("singapore dollars", name("SGD")),
    ("singapore dollar", name("SGD")),
    ("new zealand dollars", name("NZD")),
    ("taiwan dollars", name("TWD")),
    ("new taiwan dollars", name("TWD")),
    ("taiwanese dollars", name("TWD")),
    ("euros", name("EUR")),
    ("euro", name("EUR")),
    ("pounds", ambiguous("GBP")),
    ("pound", ambiguous("GBP")),
    ("pounds sterling", name("GBP")),
    ("sterling", ambiguous("GBP")),
    ("british pounds", name("GBP")),
    ("british pound", name("GBP")),
    ("egyptian pounds", name("EGP")),
    ("lebanese pounds", name("LBP")),
    ("syrian pounds", name("SYP")),
    ("yen", name("JPY")),
    ("japanese yen", name("JPY")),
    ("yuan", name("CNY")),
    ("chinese yuan", name("CNY")),
    ("renminbi", name("CNY")),
    ("rmb", name("CNY")),
    ("won", ambiguous("KRW")),
    ("korean won", name("KRW")),
    ("south korean won", name("KRW")),
    ("north korean won", name("KPW")),
    ("rubles", name("RUB")),
    ("ruble", name("RUB")),
    ("roubles", name("RUB")),
    ("rouble", name("RUB")),
    ("russian rubles", name("RUB")),
    ("russian roubles", name("RUB")),
    ("belarusian rubles", name("BYN")),
    ("rupees", name("INR")),
    ("rupee", name("INR")),
    ("indian rupees", name("INR")),
    ("pakistani rupees", name("PKR")),
    ("sri lankan rupees", name("LKR")),
    ("nepalese rupees", name("NPR")),
    ("rials", name("IRR")),
    ("rial", name("IRR")),
    ("iranian rials", name("IRR")),
    ("omani rials", name("OMR")),
    ("yemeni rials", name("YER")),
    ("riyals", name("SAR")),
    ("riyal", name("SAR")),
    ("saudi riyals", name("SAR")),
    ("qatari riyals", name("QAR")),
    ("swiss francs", name("CHF")),
    ("swiss franc", name("CHF")),
    ("lira", name("TRY")),
    ("liras", name("TRY")),
    ("turkish lira", name("TRY")),
    ("turkish liras", name("TRY")),
    ("hryvnias", name("UAH")),
    ("hryvnia", name("UAH")),
    ("hryvnas", name("UAH")),
    ("shekels", name("ILS")),
    ("shekel", name("ILS")),
    ("new shekels", name("ILS")),
    ("dirhams", name("AED")),
    ("dirham", name("AED")),
    ("moroccan dirhams", name("MAD")),
    ("iraqi dinars", name("IQD")),
    ("kuwaiti dinars", name("KWD")),
    ("jordanian dinars", name("JOD")),
    ("libyan dinars", name("LYD")),
    ("bahraini dinars", name("BHD")),
    ("serbian dinars", name("RSD")),
    ("algerian dinars", name("DZD")),
    ("tunisian dinars", name("TND")),
    ("mexican pesos", name("MXN")),
    ("philippine pesos", name("PHP")),
    ("argentine pesos", name("ARS")),
    ("colombian pesos", name("COP")),
    ("chilean pesos", name("CLP")),
    ("reais", name("BRL")),
    ("brazilian reais", name("BRL")),
    ("rand", ambiguous("ZAR")),
    ("south african rand", name("ZAR")),
    ("baht", name("THB")),
    ("ringgit", name("MYR")),
    ("rupiah", name("IDR")),
    ("dong", ambiguous("VND")),
    ("naira", name("NGN")),
    ("kenyan shillings", name("KES")),
    ("swedish kronor", name("SEK")),
    ("swedish krona", name("SEK")),
    ("norwegian kroner", name("NOK")),
    ("norwegian krone", name("NOK")),
    ("danish kroner", name("DKK")),
    ("danish krone", name("DKK")),
    ("zloty", name("PLN")),
    ("zlotys", name("PLN")),
    ("zlotych", name("PLN")),
    ("forints", name("HUF")),
    ("forint", name("HUF")),
    ("czech korunas", name("CZK")),
    ("czech koruna", name("CZK")),
    ("tenge", name("KZT")),
    ("afghanis", name("AFN")),
    ("taka", name("BDT")),
    ("bolivars", name("VES")),
    ("cents", subunit("USD")),
    ("cent", subunit("USD")),
    ("us cents", subunit("USD")),
    ("euro cents", subunit("EUR")),
    ("pence", subunit("GBP")),
    ("penny", subunit("GBP")),
    ("pennies", subunit("GBP")),
    ("kopecks", subunit("RUB")),
    ("kopeks", subunit("RUB")),
];

/// Scale abbreviations read after an amount only, where a metre or a letter
/// label is out of the question (`£2m`, `$5b`, `US$ 1mm`); the numeral layer
/// reads the unambiguous ones (`bn`, `mn`, `k`) everywhere.
pub const MONEY_SCALES: &[(&str, Decimal)] = &[
    ("m", Decimal::pow10(6)),
    ("mm", Decimal::pow10(6)),
    ("b", Decimal::pow10(9)),
    ("B", Decimal::pow10(9)),
    ("tr", Decimal::pow10(12)),
];

static NAME_INDEX: LazyLock<HashMap<&'static str, Name>> = LazyLock::new(|| NAMES.iter().copied().collect());

/// The currency name `lower` (lower case, single spaces), if it is one.
pub fn name_of(lower: &str) -> Option<Name> {
    NAME_INDEX.get(lower).copied()
}

/// The ISO code `word` stands for, when it is a code as written (upper case,
/// or one of the lower-case ones).
pub fn code_of(word: &str) -> Option<&'static str> {
    // Every code has three letters (a test checks): most words before and
    // after a number are rejected without a look at the tables.
    if word.len() != CODE_LEN {
        return None;
    }
    if let Some(&(_, code)) = CODES.iter().find(|(c, _)| *c == word) {
        return Some(code);
    }
    if LOWER_CASE_CODES.contains(&word) {
        let upper = word.to_ascii_uppercase();
        return CODES.iter().find(|(c, _)| *c == upper).map(|&(_, code)| code);
    }
    None
}

/// `MUSD` and the like: the code and the factor of a million.
pub fn mega_code_of(word: &str) -> Option<&'static str> {
    let rest = word.strip_prefix('M')?;
    MEGA_CODES.iter().find(|c| **c == rest).copied()
}

/// The multiplier of a money-only scale abbreviation, exact case.
pub fn money_scale(s: &str) -> Option<Decimal> {
    MONEY_SCALES.iter().find(|(k, _)| *k == s).map(|&(_, v)| v)
}

/// Every ISO code a symbol, code or name of this lexicon stands for.
pub fn currencies() -> std::collections::BTreeSet<&'static str> {
    let mut all: std::collections::BTreeSet<&'static str> = SYMBOLS.iter().map(|s| s.1).collect();
    all.extend(DOLLAR_PREFIXES.iter().map(|p| p.1));
    all.extend(CODES.iter().map(|c| c.1));
    all.extend(NAMES.iter().map(|n| n.1.code));
    all
}

/// Units of measure and counted nouns that make a bare second bound no sum
/// (`$400 million to 7.5 million tons`), lower case: `resolve::ends_a_sum`
/// reads the word after it.
pub(super) const NOT_SUM_AFTER: &[&str] = &[
    "tons",
    "tonnes",
    "ton",
    "tonne",
    "barrels",
    "barrel",
    "bpd",
    "people",
    "persons",
    "percent",
    "times",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "units",
    "shares",
    "kg",
    "km",
    "miles",
    "meters",
    "metres",
    "feet",
    "acres",
    "hectares",
    "cubic",
    "square",
    "votes",
    "seats",
    "jobs",
    "workers",
    "employees",
    "vehicles",
    "cars",
    "points",
    "members",
    "users",
    "customers",
    "copies",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_three_letters() {
        let codes = CODES.iter().map(|c| c.0).chain(LOWER_CASE_CODES.iter().copied());
        let mut checked = 0;
        for code in codes {
            assert_eq!(code.len(), CODE_LEN, "{code}");
            assert!(code_of(code).is_some(), "{code}");
            checked += 1;
        }
        assert_eq!(checked, CODES.len() + LOWER_CASE_CODES.len());
        assert_eq!(code_of("USDX"), None);
        assert_eq!(code_of("rmb"), Some("CNY"));
    }
}
