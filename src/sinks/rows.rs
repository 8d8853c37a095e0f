//! The tables the database sinks write, and how records, canonical events and
//! runs become their rows. SQLite and PostgreSQL write the same tables from the
//! rows made here; each sink only knows how to send a row to its database.
//!
//! Lists (aliases, mentions, evidence...) go in as JSON (`Value::Json`): TEXT in
//! SQLite, JSONB in PostgreSQL.

use super::Run;
use crate::assemble::canonical::{CanonicalEvent, Mention, merge};
use crate::extract::parse_published;
use crate::record::{CountCategory, EventCount, EventStatus, Record};
use std::collections::HashMap;

/// One column value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// SQL `NULL`: a field without a value.
    Null,
    /// `INTEGER` / `BIGINT`.
    Int(i64),
    /// `REAL` / `DOUBLE PRECISION`: an amount's value, a language's confidence.
    Real(f64),
    /// `TEXT`.
    Text(&'a str),
    /// A JSON document, serialized.
    Json(String),
}

/// A table and the columns the sinks fill, in the order rows give values.
#[derive(Debug, PartialEq, Eq)]
pub struct Table {
    /// The table's SQL name.
    pub name: &'static str,
    /// Its columns, as docs/record.md lists them.
    pub columns: &'static [&'static str],
}

/// One row per article: its source, status and language, and the clean text
/// with `--emit-text`.
pub const ARTICLES: Table = Table {
    name: "articles",
    columns: &[
        "doc_id",
        "schema_version",
        "path",
        "url",
        "title",
        "published",
        "extra",
        "status",
        "status_detail",
        "language",
        "language_confidence",
        "text",
    ],
};
/// One row per official of an article.
pub const OFFICIALS: Table = Table {
    name: "officials",
    columns: &[
        "doc_id",
        "idx",
        "name",
        "title",
        "affiliation",
        "aliases",
        "mentions",
        "rule",
    ],
};
/// One row per entity of an article.
pub const ENTITIES: Table = Table {
    name: "entities",
    columns: &[
        "doc_id", "idx", "name", "type", "country", "aliases", "mentions", "rule",
    ],
};
/// One row per count of an article.
pub const COUNTS: Table = Table {
    name: "counts",
    columns: &[
        "doc_id",
        "idx",
        "value",
        "category",
        "noun",
        "modifier",
        "text",
        "span_start",
        "span_end",
        "rule",
    ],
};
/// One row per amount of an article; `value` is the nearest double.
pub const AMOUNTS: Table = Table {
    name: "amounts",
    columns: &[
        "doc_id",
        "idx",
        "value",
        "currency",
        "text",
        "span_start",
        "span_end",
        "rule",
    ],
};
/// One row per date of an article.
pub const DATES: Table = Table {
    name: "dates",
    columns: &[
        "doc_id",
        "idx",
        "value",
        "type",
        "text",
        "span_start",
        "span_end",
        "rule",
    ],
};
/// One row per event of an article; its counts and named targets have tables
/// of their own.
pub const EVENTS: Table = Table {
    name: "events",
    columns: &[
        "doc_id",
        "idx",
        "authority",
        "agency",
        "status",
        "target",
        "date",
        "amounts",
        "reason",
        "officials",
        "evidence",
        "rule",
    ],
};
/// One row per count of an event.
pub const EVENT_COUNTS: Table = Table {
    name: "event_counts",
    columns: &["doc_id", "event_idx", "idx", "value", "category"],
};
/// One row per named target of an event.
pub const EVENT_TARGETS: Table = Table {
    name: "event_targets",
    columns: &["doc_id", "event_idx", "idx", "name"],
};
/// One row per canonical event, rebuilt from `events` at the end of every run.
pub const CANONICAL_EVENTS: Table = Table {
    name: "canonical_events",
    columns: &[
        "id",
        "authority",
        "status",
        "target",
        "date",
        "counts",
        "named_targets",
        "first_published",
        "sources",
    ],
};
/// One row per report of a canonical event: which article's event it is.
pub const CANONICAL_EVENT_SOURCES: Table = Table {
    name: "canonical_event_sources",
    columns: &["canonical_id", "doc_id", "event_idx"],
};
/// One row per run: when, with what arguments, and its counts.
pub const RUNS: Table = Table {
    name: "runs",
    columns: &[
        "started_at",
        "finished_at",
        "arguments",
        "articles_read",
        "ok",
        "skipped",
        "errors",
        "events",
        "input_bytes",
        "already_stored",
    ],
};

/// The tables that hold an article's rows, parents first (the order to insert).
pub const ARTICLE_TABLES: [&Table; 9] = [
    &ARTICLES,
    &OFFICIALS,
    &ENTITIES,
    &COUNTS,
    &AMOUNTS,
    &DATES,
    &EVENTS,
    &EVENT_COUNTS,
    &EVENT_TARGETS,
];

/// The tables with rows of an article, children first (the order to delete
/// when it is written again); the canonical sources point at its events.
pub const DELETE_ORDER: [&Table; 10] = [
    &CANONICAL_EVENT_SOURCES,
    &EVENT_TARGETS,
    &EVENT_COUNTS,
    &EVENTS,
    &DATES,
    &AMOUNTS,
    &COUNTS,
    &ENTITIES,
    &OFFICIALS,
    &ARTICLES,
];

/// Every table of the schema, parents first.
pub const ALL_TABLES: [&Table; 12] = [
    &ARTICLES,
    &OFFICIALS,
    &ENTITIES,
    &COUNTS,
    &AMOUNTS,
    &DATES,
    &EVENTS,
    &EVENT_COUNTS,
    &EVENT_TARGETS,
    &CANONICAL_EVENTS,
    &CANONICAL_EVENT_SOURCES,
    &RUNS,
];

/// Calls `row` with each row of a record: its article row, then its child rows
/// (an event before its counts and targets).
pub fn article_rows<'a>(r: &'a Record, mut row: impl FnMut(&'static Table, &[Value<'a>])) {
    use Value::*;
    let doc_id = Text(&r.doc_id);
    row(
        &ARTICLES,
        &[
            doc_id.clone(),
            Int(i64::from(r.schema)),
            opt(&r.source.path),
            opt(&r.source.url),
            opt(&r.source.title),
            opt(&r.source.published),
            json(&r.source.extra),
            Text(r.status.as_str()),
            opt(&r.status_detail),
            r.language.as_ref().map_or(Null, |l| Text(&l.code)),
            r.language.as_ref().map_or(Null, |l| Real(l.confidence)),
            opt(&r.text),
        ],
    );
    for (i, o) in r.officials.iter().enumerate() {
        row(
            &OFFICIALS,
            &[
                doc_id.clone(),
                index(i),
                Text(&o.name),
                opt(&o.title),
                opt(&o.affiliation),
                json(&o.aliases),
                json(&o.mentions),
                Text(&o.rule),
            ],
        );
    }
    for (i, e) in r.entities.iter().enumerate() {
        row(
            &ENTITIES,
            &[
                doc_id.clone(),
                index(i),
                Text(&e.name),
                Text(e.kind.as_str()),
                opt(&e.country),
                json(&e.aliases),
                json(&e.mentions),
                Text(&e.rule),
            ],
        );
    }
    for (i, n) in r.counts.iter().enumerate() {
        row(
            &COUNTS,
            &[
                doc_id.clone(),
                index(i),
                Int(n.value as i64),
                Text(n.category.as_str()),
                Text(&n.noun),
                opt(&n.modifier),
                Text(&n.text),
                index(n.span[0]),
                index(n.span[1]),
                Text(&n.rule),
            ],
        );
    }
    for (i, a) in r.amounts.iter().enumerate() {
        row(
            &AMOUNTS,
            &[
                doc_id.clone(),
                index(i),
                Real(a.value.to_f64()),
                Text(&a.currency),
                Text(&a.text),
                index(a.span[0]),
                index(a.span[1]),
                Text(&a.rule),
            ],
        );
    }
    for (i, d) in r.dates.iter().enumerate() {
        row(
            &DATES,
            &[
                doc_id.clone(),
                index(i),
                Text(&d.value),
                Text(d.kind.as_str()),
                Text(&d.text),
                index(d.span[0]),
                index(d.span[1]),
                Text(&d.rule),
            ],
        );
    }
    for (i, e) in r.events.iter().enumerate() {
        row(
            &EVENTS,
            &[
                doc_id.clone(),
                index(i),
                Text(&e.authority),
                opt(&e.agency),
                Text(e.status.as_str()),
                opt(&e.target),
                opt(&e.date),
                json(&e.amounts),
                opt(&e.reason),
                json(&e.officials),
                json(&e.evidence),
                Text(&e.rule),
            ],
        );
        for (j, n) in e.counts.iter().enumerate() {
            row(
                &EVENT_COUNTS,
                &[
                    doc_id.clone(),
                    index(i),
                    index(j),
                    Int(n.value as i64),
                    Text(n.category.as_str()),
                ],
            );
        }
        for (j, name) in e.named_targets.iter().enumerate() {
            row(&EVENT_TARGETS, &[doc_id.clone(), index(i), index(j), Text(name)]);
        }
    }
}

/// Calls `row` with the row of a canonical event, then those of its sources.
pub fn canonical_rows<'a>(e: &'a CanonicalEvent, mut row: impl FnMut(&'static Table, &[Value<'a>])) {
    use Value::*;
    row(
        &CANONICAL_EVENTS,
        &[
            Text(&e.id),
            Text(&e.authority),
            Text(e.status.as_str()),
            opt(&e.target),
            opt(&e.date),
            json(&e.counts),
            json(&e.named_targets),
            opt(&e.first_published),
            index(e.sources.len()),
        ],
    );
    for s in &e.sources {
        row(
            &CANONICAL_EVENT_SOURCES,
            &[Text(&e.id), Text(&s.doc_id), index(s.event_idx)],
        );
    }
}

/// The row of a run.
pub fn run_row(run: &Run) -> [Value<'_>; 10] {
    use Value::*;
    let s = &run.summary;
    [
        Text(&run.started_at),
        Text(&run.finished_at),
        json(&run.arguments),
        Int(s.read as i64),
        Int(s.ok as i64),
        Int(s.skipped as i64),
        Int(s.errors as i64),
        Int(s.events as i64),
        Int(s.bytes as i64),
        Int(run.already_stored as i64),
    ]
}

fn opt(value: &Option<String>) -> Value<'_> {
    value.as_deref().map_or(Value::Null, Value::Text)
}

fn index(i: usize) -> Value<'static> {
    Value::Int(i as i64)
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Value<'static> {
    Value::Json(serde_json::to_string(value).expect("record values serialize"))
}

/// An event as the database holds it, read back to rebuild canonical events.
pub(crate) struct StoredEvent {
    pub doc_id: String,
    pub idx: i64,
    /// The article's `published`.
    pub published: Option<String>,
    pub authority: String,
    pub status: String,
    pub target: Option<String>,
    pub date: Option<String>,
    /// JSON array of spans.
    pub evidence: String,
}

/// The events of a database, with their counts and named targets, gathered to
/// merge them into canonical events. Both database sinks read their tables
/// into one, so the merge sees the same mentions whatever the database.
#[derive(Default)]
pub(crate) struct StoredMentions {
    mentions: Vec<Mention>,
    index: HashMap<(String, usize), usize>,
}

impl StoredMentions {
    /// An event of the database, before its counts and targets.
    pub fn event(&mut self, e: StoredEvent) {
        // A status this version does not know (a newer writer's) is no mention.
        let Some(status) = EventStatus::parse(&e.status) else {
            return;
        };
        let event_idx = e.idx as usize;
        self.index.insert((e.doc_id.clone(), event_idx), self.mentions.len());
        self.mentions.push(Mention {
            doc_id: e.doc_id,
            event_idx,
            published: e.published.as_deref().and_then(parse_published),
            authority: e.authority,
            status,
            target: e.target,
            counts: Vec::new(),
            named_targets: Vec::new(),
            date: e.date,
            evidence: serde_json::from_str(&e.evidence).unwrap_or_default(),
        });
    }

    /// A count of an event given earlier; counts of one event come in `idx` order.
    pub fn count(&mut self, doc_id: String, event_idx: i64, value: i64, category: &str) {
        let (Some(&i), Some(category)) = (
            self.index.get(&(doc_id, event_idx as usize)),
            CountCategory::parse(category),
        ) else {
            return;
        };
        self.mentions[i].counts.push(EventCount {
            value: value as u64,
            category,
        });
    }

    /// A named target of an event given earlier, in `idx` order.
    pub fn target(&mut self, doc_id: String, event_idx: i64, name: String) {
        if let Some(&i) = self.index.get(&(doc_id, event_idx as usize)) {
            self.mentions[i].named_targets.push(name);
        }
    }

    /// The canonical events of all the mentions gathered.
    pub fn merge(self) -> Vec<CanonicalEvent> {
        merge(self.mentions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Source, Status};

    #[test]
    fn every_row_fills_its_table_columns() {
        let mut record = Record::new("a".into(), Source::default(), Status::Ok, None);
        record.text = Some("text".into());
        let mut seen = Vec::new();
        article_rows(&record, |table, values| {
            assert_eq!(values.len(), table.columns.len(), "{}", table.name);
            seen.push(table.name);
        });
        assert_eq!(seen, ["articles"]);
        for table in ARTICLE_TABLES {
            assert!(DELETE_ORDER.contains(&table), "{}", table.name);
        }
    }
}
