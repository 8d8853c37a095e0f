//! The shape of a gold article: the fields RECORD.md section 3 names, each of
//! the type and in the vocabulary of section 2. Optional items are checked
//! like the others: `optional` says the item may be missed, not that it may
//! be malformed. Fields the scorer does not read may be present
//! (docs/scoring.md) and are not judged, except those of the record's items,
//! whose formats RECORD.md fixes.

use super::dates;
use super::{Fault, Found};
use serde_json::Value;

pub const CATEGORIES: &[&str] = &["individual", "entity", "vessel", "aircraft", "other"];
pub const ENTITY_TYPES: &[&str] = &[
    "country",
    "government_body",
    "international_org",
    "company",
    "group",
    "organization",
];
pub const STATUSES: &[&str] = &["imposed", "planned", "lifted"];
pub const DATE_TYPES: &[&str] = &["date", "range"];
/// An article record's `status`, which a gold article may expect as `expect_status`.
pub const ARTICLE_STATUSES: &[&str] = &["ok", "skipped", "error"];
/// The scored lists of a gold article.
pub const LISTS: &[&str] = &["officials", "entities", "counts", "amounts", "dates", "events"];

/// ISO 4217 currency codes (the 2024 list, with the funds and metals codes,
/// and the codes replaced since 2008 that news of those years may give).
const ISO_4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
    "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BYR", "BZD", "CAD", "CDF", "CHE", "CHF", "CHW",
    "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EEK", "EGP",
    "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK",
    "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW",
    "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LTL", "LVL", "LYD", "MAD", "MDL", "MGA", "MKD",
    "MMK", "MNT", "MOP", "MRO", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK",
    "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR",
    "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STD", "STN", "SVC", "SYP", "SZL",
    "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW",
    "UZS", "VED", "VEF", "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG",
    "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XUA", "YER", "ZAR", "ZMK", "ZMW", "ZWG", "ZWL",
];

/// Every shape problem of one gold article (a parsed JSON line).
pub fn check(gold: &Value, found: &mut Found) {
    let Some(object) = gold.as_object() else {
        found.add("line", Fault::NotA("a JSON object"));
        return;
    };
    match object.get("doc_id") {
        None => found.add("doc_id", Fault::Missing),
        Some(Value::String(id)) if id.trim().is_empty() => found.add("doc_id", Fault::Empty),
        Some(Value::String(_)) => {}
        Some(_) => found.add("doc_id", Fault::NotA("a string")),
    }
    if let Some(status) = object.get("expect_status")
        && let Some(status) = one_of(found, "expect_status", status, ARTICLE_STATUSES)
        && status != "ok"
        && LISTS
            .iter()
            .any(|l| object.get(*l).and_then(Value::as_array).is_some_and(|a| !a.is_empty()))
    {
        found.add("expect_status", Fault::ItemsOfNoArticle(status.to_string()));
    }
    for &list in LISTS {
        let Some(value) = object.get(list) else { continue };
        let Some(items) = value.as_array() else {
            found.add(list, Fault::NotA("a list"));
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let path = format!("{list}[{i}]");
            let Some(fields) = item.as_object() else {
                found.add(&path, Fault::NotA("an object"));
                continue;
            };
            let mut at = At {
                found,
                path: &path,
                item: fields,
            };
            if let Some(optional) = fields.get("optional")
                && !optional.is_boolean()
            {
                at.add("optional", Fault::NotA("true or false"));
            }
            match list {
                "officials" => at.official(),
                "entities" => at.entity(),
                "counts" => at.count(),
                "amounts" => at.amount(),
                "dates" => at.date(),
                _ => at.event(),
            }
        }
    }
}

/// `value` as one of `allowed`, or a problem at `path`.
fn one_of<'v>(found: &mut Found, path: &str, value: &'v Value, allowed: &'static [&'static str]) -> Option<&'v str> {
    match value.as_str() {
        Some(s) if allowed.contains(&s) => Some(s),
        Some(s) => {
            found.add(
                path,
                Fault::Unknown {
                    value: s.to_string(),
                    allowed,
                },
            );
            None
        }
        None => {
            found.add(path, Fault::NotA("a string"));
            None
        }
    }
}

/// The fields of one item, checked in place.
struct At<'f, 'v> {
    found: &'f mut Found,
    path: &'f str,
    item: &'v serde_json::Map<String, Value>,
}

impl<'v> At<'_, 'v> {
    fn add(&mut self, field: &str, fault: Fault) {
        let path = format!("{}.{field}", self.path);
        self.found.add(&path, fault);
    }

    fn get(&self, field: &str) -> Option<&'v Value> {
        let item: &'v serde_json::Map<String, Value> = self.item;
        item.get(field)
    }

    fn required(&mut self, field: &str) -> Option<&'v Value> {
        let value = self.get(field);
        if value.is_none() {
            self.add(field, Fault::Missing);
        }
        value
    }

    /// A non-empty string.
    fn text(&mut self, field: &str, value: &Value) {
        match value.as_str() {
            Some(s) if s.trim().is_empty() => self.add(field, Fault::Empty),
            Some(_) => {}
            None => self.add(field, Fault::NotA("a string")),
        }
    }

    fn required_text(&mut self, field: &str) {
        if let Some(value) = self.required(field) {
            self.text(field, value);
        }
    }

    /// Absent, null or a non-empty string.
    fn nullable_text(&mut self, field: &str) {
        if let Some(value) = self.get(field)
            && !value.is_null()
        {
            self.text(field, value);
        }
    }

    /// Absent or a non-empty string: the `text` of counts, amounts and dates.
    fn optional_text(&mut self, field: &str) {
        if let Some(value) = self.get(field) {
            self.text(field, value);
        }
    }

    /// Absent or a list of non-empty strings.
    fn names(&mut self, field: &str) {
        let Some(value) = self.get(field) else { return };
        let Some(names) = value.as_array() else {
            self.add(field, Fault::NotA("a list of strings"));
            return;
        };
        for (i, name) in names.iter().enumerate() {
            self.text(&format!("{field}[{i}]"), name);
        }
    }

    fn vocabulary(&mut self, field: &str, allowed: &'static [&'static str]) {
        if let Some(value) = self.required(field) {
            let path = format!("{}.{field}", self.path);
            one_of(self.found, &path, value, allowed);
        }
    }

    fn official(&mut self) {
        self.required_text("name");
        self.nullable_text("title");
        self.names("aliases");
    }

    fn entity(&mut self) {
        self.required_text("name");
        self.vocabulary("type", ENTITY_TYPES);
        self.names("aliases");
        if let Some(country) = self.get("country")
            && !country.is_null()
            && !country
                .as_str()
                .is_some_and(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        {
            let value = country.to_string();
            self.add(
                "country",
                Fault::BadValue {
                    value,
                    expected: "an ISO 3166 alpha-2 code",
                },
            );
        }
    }

    fn count(&mut self) {
        if let Some(value) = self.required("value") {
            count_value(self, "value", value);
        }
        self.vocabulary("category", CATEGORIES);
        self.optional_text("text");
    }

    fn amount(&mut self) {
        if let Some(value) = self.required("value")
            && !value.as_f64().is_some_and(|v| v.is_finite() && v >= 0.0)
        {
            let value = value.to_string();
            self.add(
                "value",
                Fault::BadValue {
                    value,
                    expected: "a number of currency units",
                },
            );
        }
        if let Some(currency) = self.required("currency") {
            match currency.as_str() {
                Some(code) if ISO_4217.contains(&code) => {}
                _ => {
                    let value = currency.to_string();
                    self.add(
                        "currency",
                        Fault::BadValue {
                            value,
                            expected: "an ISO 4217 code",
                        },
                    );
                }
            }
        }
        self.optional_text("text");
    }

    fn date(&mut self) {
        if let Some(value) = self.required("value") {
            date_value(self, "value", value);
            if let (Some(value), Some(kind)) = (value.as_str(), self.get("type").and_then(Value::as_str)) {
                let expected = if value.contains('/') { "range" } else { "date" };
                if DATE_TYPES.contains(&kind) && kind != expected {
                    self.add(
                        "type",
                        Fault::DateType {
                            kind: kind.to_string(),
                            value: value.to_string(),
                        },
                    );
                }
            }
        }
        if let Some(kind) = self.get("type") {
            let path = format!("{}.type", self.path);
            one_of(self.found, &path, kind, DATE_TYPES);
        }
        self.optional_text("text");
    }

    fn event(&mut self) {
        self.required_text("authority");
        self.vocabulary("status", STATUSES);
        self.nullable_text("target");
        self.nullable_text("agency");
        if let Some(counts) = self.get("counts") {
            match counts.as_array() {
                None => self.add("counts", Fault::NotA("a list")),
                Some(counts) => {
                    for (i, count) in counts.iter().enumerate() {
                        let path = format!("counts[{i}]");
                        match count.as_object() {
                            None => self.add(&path, Fault::NotA("an object")),
                            Some(fields) => {
                                match fields.get("value") {
                                    None => self.add(&format!("{path}.value"), Fault::Missing),
                                    Some(value) => count_value(self, &format!("{path}.value"), value),
                                }
                                match fields.get("category") {
                                    None => self.add(&format!("{path}.category"), Fault::Missing),
                                    Some(category) => {
                                        let full = format!("{}.{path}.category", self.path);
                                        one_of(self.found, &full, category, CATEGORIES);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        self.names("named_targets");
        if let Some(date) = self.get("date")
            && !date.is_null()
        {
            date_value(self, "date", date);
        }
    }
}

/// A count's value: a whole number, zero or more.
fn count_value(at: &mut At, field: &str, value: &Value) {
    let whole = value.as_u64().is_some() || value.as_f64().is_some_and(|v| v >= 0.0 && v.fract() == 0.0);
    if !whole {
        at.add(
            field,
            Fault::BadValue {
                value: value.to_string(),
                expected: "a whole number",
            },
        );
    }
}

fn date_value(at: &mut At, field: &str, value: &Value) {
    match value.as_str() {
        Some(v) if !dates::valid_value(v) => at.add(
            field,
            Fault::BadValue {
                value: value.to_string(),
                expected: "a TIMEX3 date (2025-11-06, 2025-11, 2025, 2022-W48, XXXX-11-06, or a range A/B)",
            },
        ),
        Some(v) if dates::backwards(v) => at.add(field, Fault::Backwards(v.to_string())),
        Some(_) => {}
        None => at.add(field, Fault::NotA("a string")),
    }
}
