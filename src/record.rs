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
    /// The layout version of the record, [`SCHEMA_VERSION`].
    pub schema: u32,
    /// The article's identifier: the input's own id (a JSONL line's or
    /// sidecar's `id`, a WARC-Record-ID), else made from where the article is
    /// (`seeds/004.txt`, `dump.jsonl:17`, `crawl.warc.gz#3`); unique within a
    /// run (a repeated id becomes `ID~2`).
    pub doc_id: String,
    /// Where the article came from and the metadata the input gave.
    pub source: Source,
    /// Whether the article was processed, skipped or could not be read.
    pub status: Status,
    /// Why an article was skipped (`empty`, `language:deu`, `binary`,
    /// `http_status:404`) or failed (`FILE:LINE: reason`), or notes on an `ok`
    /// one (`lossy_utf8`, `control_characters_removed`).
    pub status_detail: Option<String>,
    /// The language found in the clean text; `None` when there was no text to check.
    pub language: Option<Language>,
    /// Named people with a title or role, one item per person.
    pub officials: Vec<Official>,
    /// Organizations and countries, one item each.
    pub entities: Vec<Entity>,
    /// Counted people, companies, vessels... (`eight North Korean individuals`).
    pub counts: Vec<Count>,
    /// Sums of money (`$400 million`).
    pub amounts: Vec<Amount>,
    /// Dates and date ranges (`November 6`).
    pub dates: Vec<DateMention>,
    /// Sanctions actions the article reports.
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
    /// The input's `url`; for a page without one its `<link rel=canonical>` or
    /// `og:url`; for a WARC record its `WARC-Target-URI`.
    pub url: Option<String>,
    /// The input's `title`, else the page's (`og:title`, `twitter:title`,
    /// `<title>`, JSON-LD `headline`).
    pub title: Option<String>,
    /// ISO 8601 date or datetime of publication, as the input gave it.
    pub published: Option<String>,
    /// Input fields the contract does not name, kept as they were.
    pub extra: Map<String, Value>,
}

/// What became of an article: only `Ok` records have extracted items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Read and processed.
    Ok,
    /// Read but not processed: empty after cleaning, not English, binary, or a
    /// WARC response with a status other than 2xx.
    Skipped,
    /// Could not be read: malformed input, an article over the size limits, a
    /// truncated file, an internal error.
    Error,
}

impl Status {
    /// The name the record writes (`ok`, `skipped`, `error`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Skipped => "skipped",
            Status::Error => "error",
        }
    }
}

/// The language detected in the clean text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// ISO 639-3 code (`eng`, `kor`, ...).
    pub code: String,
    /// The detector's confidence, 0 to 1.
    pub confidence: f64,
}

/// A named person the article gives a title or role, however often named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Official {
    /// The fullest form of the name in the article (`Brian E. Nelson`).
    pub name: String,
    /// The title or role, without a country adjective (`Under Secretary of the
    /// Treasury`, `spokesperson`).
    pub title: Option<String>,
    /// The country (common short name) or organization the person belongs to.
    pub affiliation: Option<String>,
    /// Other forms used for the same person (the surname alone).
    pub aliases: Vec<String>,
    /// Spans of every mention; each spells `name` or one of `aliases`.
    pub mentions: Vec<Span>,
    /// Name of the rule that found the person (with their title).
    pub rule: String,
}

/// What kind of organization an entity is, or that it is a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A country, under its common English short name.
    Country,
    /// Ministries, departments, agencies, councils, courts, armed forces.
    GovernmentBody,
    /// The EU, the UN and their organs.
    InternationalOrg,
    /// Firms, banks, exchanges.
    Company,
    /// Parties, hacking and armed groups.
    Group,
    /// Anything else: NGOs, think tanks, media.
    Organization,
}

impl EntityType {
    /// The name the record writes (`government_body`, ...).
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

/// An organization or country the article names, once however often named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// The longest full form in the article (`Office of Foreign Assets
    /// Control`); for a country its common English short name (`North Korea`).
    pub name: String,
    /// Its type, written as `type`.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// ISO 3166 alpha-2 code of the entity's country, when known.
    pub country: Option<String>,
    /// The other forms used: abbreviations (`OFAC`, `U.S.`), a capital standing
    /// for its government (`Pyongyang`).
    pub aliases: Vec<String>,
    /// Spans of every mention; each spells `name` or one of `aliases`.
    pub mentions: Vec<Span>,
    /// Name of the rule that found the canonical form.
    pub rule: String,
}

/// What a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountCategory {
    /// Individuals, persons, people, nationals, officials, citizens...
    Individual,
    /// Entities, companies, firms, banks, institutions, organizations, groups...
    Entity,
    /// Vessels, ships, tankers.
    Vessel,
    /// Aircraft.
    Aircraft,
    /// Anything else counted (rounds, missiles, addresses); not scored.
    Other,
}

impl CountCategory {
    /// Every category, in the order the contract lists them.
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

    /// The name the record writes (`individual`, ...).
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

/// A number of people, companies, vessels... (`eight North Korean individuals`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    /// The number (8).
    pub value: u64,
    /// What is counted, from the noun.
    pub category: CountCategory,
    /// The counted noun as written (`individuals`).
    pub noun: String,
    /// Words between number and noun (`North Korean`).
    pub modifier: Option<String>,
    /// The surface form, as `span` spells it.
    pub text: String,
    /// Where `text` is in the clean text.
    pub span: Span,
    /// The rule that read it (`count.number_noun`).
    pub rule: String,
}

/// A sum of money (`$400 million`); a range (`$3-4 billion`) gives one per bound.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    /// Value in units of `currency`, exact; written as an integer when it is
    /// one (`3000000000`), else as the decimal the text gave (`19.99`).
    pub value: Decimal,
    /// ISO 4217 code.
    pub currency: String,
    /// The surface form, as `span` spells it.
    pub text: String,
    /// Where `text` is in the clean text.
    pub span: Span,
    /// The rule that read it (`money.symbol`).
    pub rule: String,
}

/// Whether a date mention is one date or a range of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateType {
    /// A day, week, month, quarter, season or year (`2025-11-06`, `2025-11`).
    Date,
    /// Two dates joined (`2022-07-19/2022-07-20`).
    Range,
}

impl DateType {
    /// The name the record writes (`date`, `range`).
    pub fn as_str(self) -> &'static str {
        match self {
            DateType::Date => "date",
            DateType::Range => "range",
        }
    }
}

/// A date or date range the text names (`November 6`); durations ("the past
/// 18 months") and vague references ("recently") are not dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateMention {
    /// TIMEX3 / ISO 8601 value (`2025-11-06`, `2025-11`, `XXXX-11-06`, `a/b`).
    pub value: String,
    /// Date or range, written as `type`.
    #[serde(rename = "type")]
    pub kind: DateType,
    /// The surface form, as `span` spells it.
    pub text: String,
    /// Where `text` is in the clean text.
    pub span: Span,
    /// The rule that read it (`date.month_day`).
    pub rule: String,
}

/// What a sanctions action does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// Designated, sanctioned, blocked, added to a list.
    Imposed,
    /// Considered, threatened, announced for later.
    Planned,
    /// Lifted, eased, delisted.
    Lifted,
}

impl EventStatus {
    /// Every status, in the order the contract lists them.
    pub const ALL: [EventStatus; 3] = [EventStatus::Imposed, EventStatus::Planned, EventStatus::Lifted];

    /// The status named `name` (as `as_str` writes it).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The name the record writes (`imposed`, `planned`, `lifted`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Imposed => "imposed",
            EventStatus::Planned => "planned",
            EventStatus::Lifted => "lifted",
        }
    }
}

/// A counted target of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventCount {
    /// How many.
    pub value: u64,
    /// Of what.
    pub category: CountCategory,
}

/// A sum an event concerns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventAmount {
    /// Exact, in units of `currency`, as [`Amount::value`].
    pub value: Decimal,
    /// ISO 4217 code.
    pub currency: String,
}

/// One real-world sanctions action, merged over the sentences that speak of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Who acts: a country's or international organization's canonical name
    /// (`United States`, `European Union`).
    pub authority: String,
    /// The body that acted for it (`Office of Foreign Assets Control`).
    pub agency: Option<String>,
    /// Imposed, planned or lifted.
    pub status: EventStatus,
    /// The country whose government or nationals the action aims at.
    pub target: Option<String>,
    /// The counted targets of this action.
    pub counts: Vec<EventCount>,
    /// Names of the people, companies and groups the action designates.
    pub named_targets: Vec<String>,
    /// When the action happened, TIMEX3 as [`DateMention::value`]; `None` when
    /// the text does not say.
    pub date: Option<String>,
    /// Sums the action concerns.
    pub amounts: Vec<EventAmount>,
    /// Why, in a few words from the text (`cryptocurrency laundering`).
    pub reason: Option<String>,
    /// Names of the officials quoted about it, as in [`Record::officials`].
    pub officials: Vec<String>,
    /// Spans of the sentences the event was read from.
    pub evidence: Vec<Span>,
    /// The trigger rule that found it (`imposed.on_targets`).
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
