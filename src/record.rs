//! The article record: the output contract of docs/record.md.
//!
//! Field names, their order and value formats are fixed by the contract, because
//! other programs and databases read this output. A change here bumps
//! [`SCHEMA_VERSION`]. Spans are `[start, end)` offsets in Unicode code points
//! into the article's clean text.
//!
//! One addition to the contract's fields: every extracted item (official, entity,
//! count, amount, date) carries `rule`, the name of the rule that produced it, as
//! events do, so each extraction can be explained.

use crate::decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Version of the record layout, written in every record's `schema` field.
pub const SCHEMA_VERSION: u32 = 1;

/// A `[start, end)` range in Unicode code points of the clean text.
pub type Span = [usize; 2];

/// One record per input article, whatever happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub schema: u32,
    pub doc_id: String,
    pub source: Source,
    pub status: Status,
    pub status_detail: Option<String>,
    pub language: Option<Language>,
    pub officials: Vec<Official>,
    pub entities: Vec<Entity>,
    pub counts: Vec<Count>,
    pub amounts: Vec<Amount>,
    pub dates: Vec<DateMention>,
    pub events: Vec<Event>,
    /// The clean text the spans index, present only with `--emit-text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Record {
    /// A record with the given outcome and every extraction field empty.
    pub fn new(doc_id: String, source: Source, status: Status, detail: Option<String>) -> Self {
        Record {
            schema: SCHEMA_VERSION,
            doc_id,
            source,
            status,
            status_detail: detail,
            language: None,
            officials: Vec::new(),
            entities: Vec::new(),
            counts: Vec::new(),
            amounts: Vec::new(),
            dates: Vec::new(),
            events: Vec::new(),
            text: None,
        }
    }
}

/// Where the article came from and the metadata the input gave.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The file the article was read from (`-` for standard input).
    pub path: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// ISO 8601 date or datetime of publication, as the input gave it.
    pub published: Option<String>,
    /// Input fields the contract does not name, kept as they were.
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Skipped,
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Skipped => "skipped",
            Status::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// ISO 639-3 code (`eng`, `kor`, ...).
    pub code: String,
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Official {
    pub name: String,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    /// Name of the rule that found the person (with their title).
    pub rule: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    Country,
    GovernmentBody,
    InternationalOrg,
    Company,
    Group,
    Organization,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Country => "country",
            EntityType::GovernmentBody => "government_body",
            EntityType::InternationalOrg => "international_org",
            EntityType::Company => "company",
            EntityType::Group => "group",
            EntityType::Organization => "organization",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// ISO 3166 alpha-2 code of the entity's country, when known.
    pub country: Option<String>,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    /// Name of the rule that found the canonical form.
    pub rule: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountCategory {
    Individual,
    Entity,
    Vessel,
    Aircraft,
    Other,
}

impl CountCategory {
    pub const ALL: [CountCategory; 5] = [
        CountCategory::Individual,
        CountCategory::Entity,
        CountCategory::Vessel,
        CountCategory::Aircraft,
        CountCategory::Other,
    ];

    /// The category named `name` (as `as_str` writes it).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CountCategory::Individual => "individual",
            CountCategory::Entity => "entity",
            CountCategory::Vessel => "vessel",
            CountCategory::Aircraft => "aircraft",
            CountCategory::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub value: u64,
    pub category: CountCategory,
    pub noun: String,
    pub modifier: Option<String>,
    pub text: String,
    pub span: Span,
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    /// Value in units of `currency`, exact; written as an integer when it is
    /// one (`3000000000`), else as the decimal the text gave (`19.99`).
    pub value: Decimal,
    /// ISO 4217 code.
    pub currency: String,
    pub text: String,
    pub span: Span,
    pub rule: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateType {
    Date,
    Range,
}

impl DateType {
    pub fn as_str(self) -> &'static str {
        match self {
            DateType::Date => "date",
            DateType::Range => "range",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateMention {
    /// TIMEX3 / ISO 8601 value (`2025-11-06`, `2025-11`, `XXXX-11-06`, `a/b`).
    pub value: String,
    #[serde(rename = "type")]
    pub kind: DateType,
    pub text: String,
    pub span: Span,
    pub rule: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Imposed,
    Planned,
    Lifted,
}

impl EventStatus {
    pub const ALL: [EventStatus; 3] = [EventStatus::Imposed, EventStatus::Planned, EventStatus::Lifted];

    /// The status named `name` (as `as_str` writes it).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Imposed => "imposed",
            EventStatus::Planned => "planned",
            EventStatus::Lifted => "lifted",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventCount {
    pub value: u64,
    pub category: CountCategory,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventAmount {
    pub value: Decimal,
    pub currency: String,
}

/// One real-world sanctions action, merged over the sentences that speak of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub authority: String,
    pub agency: Option<String>,
    pub status: EventStatus,
    pub target: Option<String>,
    pub counts: Vec<EventCount>,
    pub named_targets: Vec<String>,
    pub date: Option<String>,
    pub amounts: Vec<EventAmount>,
    pub reason: Option<String>,
    pub officials: Vec<String>,
    pub evidence: Vec<Span>,
    pub rule: String,
}

/// Checks that a record's spans index its clean text (`text`, present with
/// `emit_text`): every span within bounds, the `text` of counts, amounts and
/// dates equal to the code points their span covers, every mention of an
/// official or entity spelling its name or an alias, and every event evidence
/// covering some text.
pub fn check_spans(record: &Record) -> Result<(), String> {
    let Some(text) = &record.text else { return Ok(()) };
    let chars: Vec<char> = text.chars().collect();
    let spell = |span: &Span, what: &str| -> Result<String, String> {
        if span[0] > span[1] || span[1] > chars.len() {
            return Err(format!(
                "{what} span {span:?} outside the text of {} code points",
                chars.len()
            ));
        }
        Ok(chars[span[0]..span[1]].iter().collect())
    };
    let surfaces = record
        .counts
        .iter()
        .map(|c| (&c.span, &c.text, "count"))
        .chain(record.amounts.iter().map(|a| (&a.span, &a.text, "amount")))
        .chain(record.dates.iter().map(|d| (&d.span, &d.text, "date")));
    for (span, surface, what) in surfaces {
        let found = spell(span, what)?;
        if &found != surface {
            return Err(format!("{what} span {span:?} spells {found:?}, not {surface:?}"));
        }
    }
    let named = record
        .officials
        .iter()
        .map(|o| (&o.name, &o.aliases, &o.mentions, "official"))
        .chain(
            record
                .entities
                .iter()
                .map(|e| (&e.name, &e.aliases, &e.mentions, "entity")),
        );
    for (name, aliases, mentions, what) in named {
        for span in mentions {
            let found = spell(span, what)?;
            if &found != name && !aliases.contains(&found) {
                return Err(format!(
                    "{what} {name:?}: mention {span:?} spells {found:?}, neither its name nor an alias"
                ));
            }
        }
    }
    for span in record.events.iter().flat_map(|e| &e.evidence) {
        if spell(span, "evidence")?.is_empty() {
            return Err(format!("evidence span {span:?} covers no text"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_serialize_whole_values_as_integers() {
        let amount = Amount {
            value: Decimal::int(3_000_000_000),
            currency: "USD".into(),
            text: "$3 billion".into(),
            span: [10, 20],
            rule: "money.symbol_scale".into(),
        };
        let json = serde_json::to_string(&amount).unwrap();
        assert_eq!(
            json,
            r#"{"value":3000000000,"currency":"USD","text":"$3 billion","span":[10,20],"rule":"money.symbol_scale"}"#
        );
        let half = EventAmount {
            value: Decimal::new(15, -1),
            currency: "EUR".into(),
        };
        assert_eq!(
            serde_json::to_string(&half).unwrap(),
            r#"{"value":1.5,"currency":"EUR"}"#
        );
    }

    #[test]
    fn spans_are_checked_against_the_text() {
        let mut record = Record::new("a".into(), Source::default(), Status::Ok, None);
        record.text = Some("🎉 $3 billion".into());
        record.amounts.push(Amount {
            value: Decimal::int(3_000_000_000),
            currency: "USD".into(),
            text: "$3 billion".into(),
            span: [2, 12],
            rule: "money.symbol_scale".into(),
        });
        assert_eq!(check_spans(&record), Ok(()));
        record.amounts[0].span = [1, 11];
        assert_eq!(
            check_spans(&record),
            Err("amount span [1, 11] spells \" $3 billio\", not \"$3 billion\"".into())
        );
        record.amounts[0].span = [2, 13];
        assert_eq!(
            check_spans(&record),
            Err("amount span [2, 13] outside the text of 12 code points".into())
        );
        record.amounts[0].span = [2, 12];
        record.officials.push(Official {
            name: "Janet Yellen".into(),
            title: None,
            affiliation: None,
            aliases: vec!["Yellen".into()],
            mentions: vec![],
            rule: "official.title_before_name".into(),
        });
        record.text = Some("🎉 $3 billion, Yellen said; Janet Yellen".into());
        record.officials[0].mentions = vec![[27, 39], [14, 20]];
        assert_eq!(check_spans(&record), Ok(()));
        record.officials[0].mentions.push([13, 20]);
        assert_eq!(
            check_spans(&record),
            Err("official \"Janet Yellen\": mention [13, 20] spells \" Yellen\", neither its name nor an alias".into())
        );
    }

    #[test]
    fn a_new_record_has_the_contract_fields_in_order() {
        let record = Record::new("a".into(), Source::default(), Status::Skipped, Some("empty".into()));
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            json,
            concat!(
                r#"{"schema":1,"doc_id":"a","#,
                r#""source":{"path":null,"url":null,"title":null,"published":null,"extra":{}},"#,
                r#""status":"skipped","status_detail":"empty","language":null,"#,
                r#""officials":[],"entities":[],"counts":[],"amounts":[],"dates":[],"events":[]}"#
            )
        );
        let back: Record = serde_json::from_str(&json).unwrap();
        assert_eq!(back, record);
    }
}
