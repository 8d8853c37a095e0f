//! RECORD.md section 2 as a check: field names, value types and formats, and
//! spans that index the clean text in code points.

use regex::Regex;
use serde_json::{Map, Value};
use std::sync::LazyLock;

const TOP: &[&str] = &[
    "schema",
    "doc_id",
    "source",
    "status",
    "status_detail",
    "language",
    "officials",
    "entities",
    "counts",
    "amounts",
    "dates",
    "events",
];

/// Checks one record; the error says which field is wrong.
pub fn validate(record: &Value) -> Result<(), String> {
    let obj = record.as_object().ok_or("record is not an object")?;
    let mut expected: Vec<&str> = TOP.to_vec();
    if obj.contains_key("text") {
        expected.push("text");
    }
    keys(obj, &expected, "record")?;
    check(obj["schema"] == 1, "schema must be 1")?;
    check(
        obj["doc_id"].as_str().is_some_and(|s| !s.is_empty()),
        "doc_id must be a non-empty string",
    )?;

    let source = obj["source"].as_object().ok_or("source must be an object")?;
    keys(source, &["path", "url", "title", "published", "extra"], "source")?;
    for key in ["path", "url", "title", "published"] {
        opt_str(&source[key], &format!("source.{key}"))?;
    }
    if let Some(published) = source["published"].as_str() {
        check(
            is_iso_date(published),
            &format!("source.published {published:?} is not an ISO date or datetime"),
        )?;
    }
    check(source["extra"].is_object(), "source.extra must be an object")?;

    let status = obj["status"].as_str().ok_or("status must be a string")?;
    check(
        ["ok", "skipped", "error"].contains(&status),
        "status must be ok, skipped or error",
    )?;
    opt_str(&obj["status_detail"], "status_detail")?;
    if status != "ok" {
        check(
            obj["status_detail"].is_string(),
            "a skipped or error record says why in status_detail",
        )?;
    }
    match &obj["language"] {
        Value::Null => {}
        Value::Object(lang) => {
            keys(lang, &["code", "confidence"], "language")?;
            let code = lang["code"].as_str().ok_or("language.code must be a string")?;
            check(
                code.len() == 3 && code.bytes().all(|b| b.is_ascii_lowercase()),
                "language.code must be ISO 639-3",
            )?;
            let confidence = lang["confidence"]
                .as_f64()
                .ok_or("language.confidence must be a number")?;
            check(
                (0.0..=1.0).contains(&confidence),
                "language.confidence must be in [0, 1]",
            )?;
        }
        _ => return Err("language must be an object or null".into()),
    }

    let text: Option<Vec<char>> = obj
        .get("text")
        .map(|t| t.as_str().expect("text is a string").chars().collect());
    for item in list(obj, "officials")? {
        keys(
            item,
            &["name", "title", "affiliation", "aliases", "mentions", "rule"],
            "official",
        )?;
        string(&item["rule"], "official.rule")?;
        string(&item["name"], "official.name")?;
        opt_str(&item["title"], "official.title")?;
        opt_str(&item["affiliation"], "official.affiliation")?;
        strings(&item["aliases"], "official.aliases")?;
        spans(&item["mentions"], text.as_deref(), "official.mentions")?;
        mentions_spell_names(item, text.as_deref(), "official")?;
    }
    for item in list(obj, "entities")? {
        keys(
            item,
            &["name", "type", "country", "aliases", "mentions", "rule"],
            "entity",
        )?;
        string(&item["rule"], "entity.rule")?;
        string(&item["name"], "entity.name")?;
        one_of(
            &item["type"],
            &[
                "country",
                "government_body",
                "international_org",
                "company",
                "group",
                "organization",
            ],
            "entity.type",
        )?;
        if let Some(c) = item["country"].as_str() {
            check(
                c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()),
                "entity.country must be ISO 3166 alpha-2",
            )?;
        } else {
            check(item["country"].is_null(), "entity.country must be a string or null")?;
        }
        strings(&item["aliases"], "entity.aliases")?;
        spans(&item["mentions"], text.as_deref(), "entity.mentions")?;
        mentions_spell_names(item, text.as_deref(), "entity")?;
    }
    for item in list(obj, "counts")? {
        keys(
            item,
            &["value", "category", "noun", "modifier", "text", "span", "rule"],
            "count",
        )?;
        string(&item["rule"], "count.rule")?;
        check(item["value"].is_u64(), "count.value must be a non-negative integer")?;
        one_of(&item["category"], CATEGORIES, "count.category")?;
        string(&item["noun"], "count.noun")?;
        opt_str(&item["modifier"], "count.modifier")?;
        surface(item, text.as_deref(), "count")?;
    }
    for item in list(obj, "amounts")? {
        keys(item, &["value", "currency", "text", "span", "rule"], "amount")?;
        string(&item["rule"], "amount.rule")?;
        check(item["value"].is_number(), "amount.value must be a number")?;
        currency(&item["currency"])?;
        surface(item, text.as_deref(), "amount")?;
    }
    for item in list(obj, "dates")? {
        keys(item, &["value", "type", "text", "span", "rule"], "date")?;
        string(&item["rule"], "date.rule")?;
        let value = item["value"].as_str().ok_or("date.value must be a string")?;
        check(is_timex(value), &format!("date.value {value:?} is not a TIMEX3 value"))?;
        one_of(&item["type"], &["date", "range"], "date.type")?;
        surface(item, text.as_deref(), "date")?;
    }
    for item in list(obj, "events")? {
        keys(
            item,
            &[
                "authority",
                "agency",
                "status",
                "target",
                "counts",
                "named_targets",
                "date",
                "amounts",
                "reason",
                "officials",
                "evidence",
                "rule",
            ],
            "event",
        )?;
        string(&item["authority"], "event.authority")?;
        opt_str(&item["agency"], "event.agency")?;
        one_of(&item["status"], &["imposed", "planned", "lifted"], "event.status")?;
        opt_str(&item["target"], "event.target")?;
        for count in item["counts"].as_array().ok_or("event.counts must be an array")? {
            let count = count.as_object().ok_or("event count must be an object")?;
            keys(count, &["value", "category"], "event count")?;
            check(
                count["value"].is_u64(),
                "event count value must be a non-negative integer",
            )?;
            one_of(&count["category"], CATEGORIES, "event count category")?;
        }
        strings(&item["named_targets"], "event.named_targets")?;
        if let Some(date) = item["date"].as_str() {
            check(is_timex(date), "event.date must be a TIMEX3 value")?;
        } else {
            check(item["date"].is_null(), "event.date must be a string or null")?;
        }
        for amount in item["amounts"].as_array().ok_or("event.amounts must be an array")? {
            let amount = amount.as_object().ok_or("event amount must be an object")?;
            keys(amount, &["value", "currency"], "event amount")?;
            check(amount["value"].is_number(), "event amount value must be a number")?;
            currency(&amount["currency"])?;
        }
        opt_str(&item["reason"], "event.reason")?;
        strings(&item["officials"], "event.officials")?;
        for evidence in item["evidence"].as_array().ok_or("event.evidence must be an array")? {
            let (start, end) = span(evidence, text.as_deref(), "event.evidence")?;
            check(start < end, &format!("event.evidence {evidence} covers no text"))?;
        }
        string(&item["rule"], "event.rule")?;
    }
    Ok(())
}

const CATEGORIES: &[&str] = &["individual", "entity", "vessel", "aircraft", "other"];

fn check(ok: bool, why: &str) -> Result<(), String> {
    if ok { Ok(()) } else { Err(why.to_string()) }
}

fn keys(obj: &Map<String, Value>, expected: &[&str], what: &str) -> Result<(), String> {
    let mut got: Vec<&str> = obj.keys().map(String::as_str).collect();
    let mut want = expected.to_vec();
    got.sort_unstable();
    want.sort_unstable();
    check(
        got == want,
        &format!("{what} has fields {got:?}, the contract says {want:?}"),
    )
}

fn list<'a>(obj: &'a Map<String, Value>, key: &str) -> Result<Vec<&'a Map<String, Value>>, String> {
    obj[key]
        .as_array()
        .ok_or(format!("{key} must be an array"))?
        .iter()
        .map(|v| v.as_object().ok_or(format!("{key} items must be objects")))
        .collect()
}

fn string(v: &Value, what: &str) -> Result<(), String> {
    check(
        v.as_str().is_some_and(|s| !s.is_empty()),
        &format!("{what} must be a non-empty string"),
    )
}

fn opt_str(v: &Value, what: &str) -> Result<(), String> {
    check(
        v.is_null() || v.is_string(),
        &format!("{what} must be a string or null"),
    )
}

fn strings(v: &Value, what: &str) -> Result<(), String> {
    let items = v.as_array().ok_or(format!("{what} must be an array"))?;
    check(items.iter().all(Value::is_string), &format!("{what} must hold strings"))
}

fn one_of(v: &Value, allowed: &[&str], what: &str) -> Result<(), String> {
    check(
        v.as_str().is_some_and(|s| allowed.contains(&s)),
        &format!("{what} must be one of {allowed:?}, found {v}"),
    )
}

fn currency(v: &Value) -> Result<(), String> {
    check(
        v.as_str()
            .is_some_and(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())),
        "currency must be ISO 4217",
    )
}

fn span(v: &Value, text: Option<&[char]>, what: &str) -> Result<(usize, usize), String> {
    let pair = v
        .as_array()
        .filter(|a| a.len() == 2)
        .ok_or(format!("{what} must be [start, end]"))?;
    let (start, end) = (pair[0].as_u64(), pair[1].as_u64());
    let (Some(start), Some(end)) = (start, end) else {
        return Err(format!("{what} must hold integers"));
    };
    let (start, end) = (start as usize, end as usize);
    check(start <= end, &format!("{what} starts after it ends"))?;
    if let Some(text) = text {
        check(
            end <= text.len(),
            &format!("{what} ends past the text ({end} > {})", text.len()),
        )?;
    }
    Ok((start, end))
}

fn spans(v: &Value, text: Option<&[char]>, what: &str) -> Result<(), String> {
    for item in v.as_array().ok_or(format!("{what} must be an array"))? {
        span(item, text, what)?;
    }
    Ok(())
}

/// Every mention of an official or entity spells, code point for code point,
/// its name or one of its aliases (ARCHITECTURE.md, `src/extract/`).
fn mentions_spell_names(item: &Map<String, Value>, text: Option<&[char]>, what: &str) -> Result<(), String> {
    let Some(text) = text else { return Ok(()) };
    let name = item["name"].as_str().unwrap_or_default();
    let aliases: Vec<&str> = item["aliases"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for mention in item["mentions"].as_array().map(Vec::as_slice).unwrap_or_default() {
        let (start, end) = span(mention, Some(text), &format!("{what}.mentions"))?;
        let found: String = text[start..end].iter().collect();
        check(
            found == name || aliases.contains(&found.as_str()),
            &format!("{what} {name:?}: mention {mention} spells {found:?}, neither its name nor an alias {aliases:?}"),
        )?;
    }
    Ok(())
}

/// `text` and `span` of an item agree: the span's code points spell the text.
fn surface(item: &Map<String, Value>, text: Option<&[char]>, what: &str) -> Result<(), String> {
    let surface = item["text"].as_str().ok_or(format!("{what}.text must be a string"))?;
    let (start, end) = span(&item["span"], text, &format!("{what}.span"))?;
    if let Some(text) = text {
        let found: String = text[start..end].iter().collect();
        check(
            found == surface,
            &format!("{what}.span spells {found:?}, not {surface:?}"),
        )?;
    }
    Ok(())
}

// Compiled once: a record of a 50 MB article holds 600,000 dates, and a
// regex compiled per date made checking it take minutes.
fn is_iso_date(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$").unwrap()
    });
    RE.is_match(s)
}

fn is_timex(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        let one = r"(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?|-W\d{2})?";
        Regex::new(&format!(r"^{one}(/{one})?$")).unwrap()
    });
    RE.is_match(s)
}

#[test]
fn the_validator_rejects_what_the_contract_forbids() {
    let good = serde_json::json!({
        "schema": 1, "doc_id": "a",
        "source": {"path": null, "url": null, "title": null, "published": "2025-11-07", "extra": {}},
        "status": "ok", "status_detail": null, "language": {"code": "eng", "confidence": 0.9},
        "officials": [],
        "entities": [{"name": "Office of Foreign Assets Control", "type": "government_body", "country": "US", "aliases": ["OFAC"], "mentions": [[7, 11]], "rule": "entity.lexicon"}],
        "counts": [{"value": 2, "category": "entity", "noun": "entities", "modifier": null, "text": "two entities", "span": [19, 31], "rule": "count.cardinal_noun"}],
        "amounts": [], "dates": [{"value": "2025-11-06", "type": "date", "text": "Nov. 6", "span": [0, 6], "rule": "date.month_day"}],
        "events": [{"authority": "United States", "agency": "Office of Foreign Assets Control", "status": "imposed", "target": null,
                    "counts": [{"value": 2, "category": "entity"}], "named_targets": [], "date": "2025-11-06", "amounts": [],
                    "reason": null, "officials": [], "evidence": [[0, 31]], "rule": "event.trigger"}],
        "text": "Nov. 6 OFAC listed two entities"
    });
    assert_eq!(validate(&good), Ok(()));
    let mut bad = good.clone();
    bad["status"] = "fine".into();
    assert!(validate(&bad).is_err());
    let mut bad = good.clone();
    bad["counts"][0]["span"] = serde_json::json!([19, 30]);
    assert_eq!(
        validate(&bad),
        Err("count.span spells \"two entitie\", not \"two entities\"".to_string())
    );
    bad["counts"][0]["span"] = serde_json::json!([19, 32]);
    assert_eq!(
        validate(&bad),
        Err("count.span ends past the text (32 > 31)".to_string())
    );
    let mut bad = good.clone();
    bad["entities"][0]["mentions"] = serde_json::json!([[7, 11], [6, 11]]);
    assert_eq!(
        validate(&bad),
        Err(
            "entity \"Office of Foreign Assets Control\": mention [6,11] spells \" OFAC\", \
             neither its name nor an alias [\"OFAC\"]"
                .to_string()
        )
    );
    let mut bad = good.clone();
    bad["events"][0]["evidence"] = serde_json::json!([[0, 31], [7, 7]]);
    assert_eq!(validate(&bad), Err("event.evidence [7,7] covers no text".to_string()));
    bad["events"][0]["evidence"] = serde_json::json!([[0, 32]]);
    assert_eq!(
        validate(&bad),
        Err("event.evidence ends past the text (32 > 31)".to_string())
    );
    let mut bad = good.clone();
    bad["dates"][0]["value"] = "Nov 6".into();
    assert!(validate(&bad).is_err());
    let mut bad = good;
    bad.as_object_mut()
        .unwrap()
        .insert("sentences".into(), serde_json::json!([]));
    assert!(validate(&bad).is_err());
}
