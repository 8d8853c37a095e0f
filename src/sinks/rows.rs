//! The tables the database sinks write, and how records, canonical events and
//! runs become their rows. SQLite and PostgreSQL write the same tables from the
//! rows made here; each sink only knows how to send a row to its database.
//!
//! Lists (aliases, mentions, evidence...) go in as JSON (`Value::Json`): TEXT in
//! SQLite, JSONB in PostgreSQL.

use super::Run;
use crate::assemble::canonical::{CanonicalEvent, Mention, when};
use crate::extract::parse_published;
use crate::record::{CountCategory, EventCount, EventStatus, Record};
use chrono::{Datelike, NaiveDate};
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
/// One row per canonical event, kept up to date at the end of every run
/// (`sinks/canonical.rs`).
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
/// One row per report of a canonical event: which article's event it is, and
/// the event as the merge read it (so that a later run can merge again without
/// reading the article tables): `period_start`, `period_end` the days of its
/// date or publication (days from 0001-01-01, `NULL` when undated), `head` 1 for
/// the canonical event's first report in the merge's order, `merge_target` its
/// target ('' for none: the merge's groups are authority, status and target),
/// `published` the article's publication day.
pub const CANONICAL_EVENT_SOURCES: Table = Table {
    name: "canonical_event_sources",
    columns: &[
        "canonical_id",
        "doc_id",
        "event_idx",
        "authority",
        "status",
        "merge_target",
        "period_start",
        "period_end",
        "head",
        "published",
        "date",
        "target",
        "counts",
        "named_targets",
        "evidence",
    ],
};
/// One row per article written since the canonical events were last brought up
/// to date: written in the same transaction as the article's rows, removed by
/// the merge that takes its events in, so a run killed before its merge leaves
/// its articles for the next run's.
pub const CANONICAL_PENDING: Table = Table {
    name: "canonical_pending",
    columns: &["doc_id"],
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

/// The tables that hold an article's rows, parents first (the order to insert);
/// last, the mark that its events wait for the canonical merge.
pub const ARTICLE_TABLES: [&Table; 10] = [
    &ARTICLES,
    &OFFICIALS,
    &ENTITIES,
    &COUNTS,
    &AMOUNTS,
    &DATES,
    &EVENTS,
    &EVENT_COUNTS,
    &EVENT_TARGETS,
    &CANONICAL_PENDING,
];

/// The tables with rows of an article, children first (the order to delete
/// when it is written again). Its canonical sources stay until the merge at the
/// end of the run: they say where its old events were, to take them out.
pub const DELETE_ORDER: [&Table; 10] = [
    &CANONICAL_PENDING,
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

/// Reports an update moves to another canonical event, or makes or unmakes
/// heads: a temporary table (`queries::WORK_TABLES`), filled and applied in
/// one statement, then emptied.
pub const CANONICAL_MOVES: Table = Table {
    name: "canonical_moves",
    columns: &["doc_id", "event_idx", "canonical_id", "head"],
};
/// Canonical events an update takes out: a temporary table as [`CANONICAL_MOVES`].
pub const CANONICAL_GONE: Table = Table {
    name: "canonical_gone",
    columns: &["id"],
};
/// The temporary tables of an update.
pub const WORK_TABLES: [&Table; 2] = [&CANONICAL_MOVES, &CANONICAL_GONE];

/// Every table of the schema, parents first.
pub const ALL_TABLES: [&Table; 13] = [
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
    &CANONICAL_PENDING,
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
    mention_rows(r, &doc_id, &mut row);
    event_rows(r, &doc_id, &mut row);
    row(&CANONICAL_PENDING, &[doc_id]);
}

/// The rows of a record's mentions: officials, entities, counts, amounts,
/// dates.
fn mention_rows<'a>(r: &'a Record, doc_id: &Value<'a>, row: &mut impl FnMut(&'static Table, &[Value<'a>])) {
    use Value::*;
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
}

/// The rows of a record's events, each before its counts and targets.
fn event_rows<'a>(r: &'a Record, doc_id: &Value<'a>, row: &mut impl FnMut(&'static Table, &[Value<'a>])) {
    use Value::*;
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

/// Calls `row` with the row of a canonical event, then those of its sources:
/// `members` are its mentions in the merge's order (the first is its head).
pub fn canonical_rows<'a>(
    e: &'a CanonicalEvent,
    members: &'a [Mention],
    mut row: impl FnMut(&'static Table, &[Value<'a>]),
) {
    row(&CANONICAL_EVENTS, &canonical_event_row(e, members.len()));
    for (i, m) in members.iter().enumerate() {
        row(&CANONICAL_EVENT_SOURCES, &canonical_source_row(&e.id, m, i == 0));
    }
}

/// The row of a canonical event of `sources` reports (its `sources` field aside).
pub fn canonical_event_row(e: &CanonicalEvent, sources: usize) -> [Value<'_>; 9] {
    use Value::*;
    [
        Text(&e.id),
        Text(&e.authority),
        Text(e.status.as_str()),
        opt(&e.target),
        opt(&e.date),
        json(&e.counts),
        json(&e.named_targets),
        opt(&e.first_published),
        index(sources),
    ]
}

/// The row of a report `m` of canonical event `id` (`head`: its first in the merge's order).
pub fn canonical_source_row<'a>(id: &'a str, m: &'a Mention, head: bool) -> [Value<'a>; 15] {
    use Value::*;
    let (start, end) = when(m).map_or((Null, Null), |(a, b)| (Int(day(a)), Int(day(b))));
    [
        Text(id),
        Text(&m.doc_id),
        index(m.event_idx),
        Text(&m.authority),
        Text(m.status.as_str()),
        Text(m.target.as_deref().unwrap_or("")),
        start,
        end,
        Int(i64::from(head)),
        m.published.map_or(Null, |p| Int(day(p))),
        opt(&m.date),
        opt(&m.target),
        json(&m.counts),
        json(&m.named_targets),
        json(&m.evidence),
    ]
}

/// A day as the canonical tables store it: days from 0001-01-01 (day 1).
pub fn day(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// The date of a stored day number.
pub fn date_of_day(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}

/// The queries of the canonical merge (`sinks/canonical.rs`), the same for
/// SQLite and PostgreSQL: `?N` parameters (PostgreSQL's `$N`, see
/// [`postgres_sql`]), JSON read as text. Each reads through an index of the schema.
pub mod queries {
    /// The columns of a report as [`SOURCES`](super::CANONICAL_EVENT_SOURCES)
    /// holds it, in the order `sinks/canonical.rs` reads them.
    /// Its evidence is left out: an update writes a stored report's row
    /// again only to move it (`APPLY_MOVES`), never whole.
    macro_rules! source_select {
        () => {
            "SELECT canonical_id, doc_id, event_idx, authority, status, period_start, period_end, head, \
             published, date, target, CAST(counts AS TEXT), CAST(named_targets AS TEXT) \
             FROM canonical_event_sources "
        };
    }
    /// Articles waiting for the merge.
    pub const PENDING: &str = "SELECT doc_id FROM canonical_pending";
    /// Done with the articles read by [`PENDING`]: the merge holds the
    /// database's write lock from that read on (SQLite's, PostgreSQL's
    /// advisory lock taken alone), so no other run added any since.
    pub const CLEAR_PENDING: &str = "DELETE FROM canonical_pending";
    /// The reports the canonical events hold of the articles waiting for the
    /// merge (their old events, for an article written again).
    pub const PENDING_SOURCES: &str = concat!(
        source_select!(),
        "WHERE doc_id IN (SELECT doc_id FROM canonical_pending)"
    );
    /// The reports of a group (`?1` to `?3`) whose period starts in `[?4, ?5)`
    /// and is fine (no longer than `?6` days: coarse periods merge apart, see
    /// [`PERIOD_SOURCES`]).
    pub const SOURCES_OF_DAYS: &str = concat!(
        source_select!(),
        "WHERE authority = ?1 AND status = ?2 AND merge_target = ?3 AND period_start >= ?4 AND period_start < ?5 \
         AND period_end <= period_start + ?6"
    );
    /// One branch of [`SOURCES_OF_WINDOWS`]: the reports of the group whose
    /// period starts in `[?lo, ?hi)`.
    macro_rules! window {
        ($lo:literal, $hi:literal) => {
            concat!(
                source_select!(),
                "WHERE authority = ?1 AND status = ?2 AND merge_target = ?3 AND period_start >= ?",
                $lo,
                " AND period_start < ?",
                $hi,
                " AND period_end <= period_start + ?36"
            )
        };
    }
    /// How many day ranges [`SOURCES_OF_WINDOWS`] reads at once.
    pub const WINDOWS: usize = 16;
    /// The reports of a group (`?1` to `?3`) whose period starts in one of
    /// [`WINDOWS`] day ranges, `[?4, ?5)`, `[?6, ?7)` ... `[?34, ?35)`
    /// (disjoint; one left empty when unused) and is fine (no longer than
    /// `?36` days): a range of the index by day each, in one round trip.
    pub const SOURCES_OF_WINDOWS: &str = concat!(
        window!(4, 5),
        " UNION ALL ",
        window!(6, 7),
        " UNION ALL ",
        window!(8, 9),
        " UNION ALL ",
        window!(10, 11),
        " UNION ALL ",
        window!(12, 13),
        " UNION ALL ",
        window!(14, 15),
        " UNION ALL ",
        window!(16, 17),
        " UNION ALL ",
        window!(18, 19),
        " UNION ALL ",
        window!(20, 21),
        " UNION ALL ",
        window!(22, 23),
        " UNION ALL ",
        window!(24, 25),
        " UNION ALL ",
        window!(26, 27),
        " UNION ALL ",
        window!(28, 29),
        " UNION ALL ",
        window!(30, 31),
        " UNION ALL ",
        window!(32, 33),
        " UNION ALL ",
        window!(34, 35)
    );
    /// Every report of a group's (`?1` to `?3`) canonical events headed by a
    /// fine period longer than a day (a week's) that starts in `[?4, ?5)`
    /// (fine: no longer than `?6` days), found through the partial index
    /// `canonical_sources_wide_heads`, whose words the query repeats. Such a
    /// head holds its event open past its first day: the look-up of the
    /// canonical events open on a day needs them from a week before.
    pub const WIDE_HEADED: &str = concat!(
        source_select!(),
        "WHERE canonical_id IN (SELECT canonical_id FROM canonical_event_sources \
         WHERE authority = ?1 AND status = ?2 AND merge_target = ?3 AND period_start >= ?4 AND period_start < ?5 \
         AND head = 1 AND period_end > period_start AND period_end <= period_start + ?6)"
    );
    /// The reports of a group (`?1` to `?3`) of one coarse period, `[?4, ?5]`
    /// (a month, a year: such a report merges only with the same period).
    pub const PERIOD_SOURCES: &str = concat!(
        source_select!(),
        "WHERE authority = ?1 AND status = ?2 AND merge_target = ?3 AND period_start = ?4 AND period_end = ?5"
    );
    /// The undated reports of a group.
    pub const UNDATED_SOURCES: &str = concat!(
        source_select!(),
        "WHERE authority = ?1 AND status = ?2 AND merge_target = ?3 AND period_start IS NULL"
    );
    /// Takes a report out (of an article written again).
    pub const DELETE_REPORT: &str = "DELETE FROM canonical_event_sources WHERE doc_id = ?1 AND event_idx = ?2";
    /// The temporary tables of an update ([`CANONICAL_MOVES`](super::CANONICAL_MOVES),
    /// [`CANONICAL_GONE`](super::CANONICAL_GONE)), made once per connection.
    pub const WORK_TABLES: [&str; 2] = [
        "CREATE TEMP TABLE IF NOT EXISTS canonical_moves \
         (doc_id TEXT NOT NULL, event_idx BIGINT NOT NULL, canonical_id TEXT NOT NULL, head BIGINT NOT NULL)",
        "CREATE TEMP TABLE IF NOT EXISTS canonical_gone (id TEXT NOT NULL)",
    ];
    /// Moves the reports of `canonical_moves` (to another canonical event, or
    /// makes or unmakes them heads).
    pub const APPLY_MOVES: &str = "UPDATE canonical_event_sources SET canonical_id = m.canonical_id, head = m.head \
         FROM canonical_moves m \
         WHERE canonical_event_sources.doc_id = m.doc_id AND canonical_event_sources.event_idx = m.event_idx";
    /// Takes the canonical events of `canonical_gone` out (their reports
    /// move or go in the same transaction).
    pub const APPLY_GONE: &str = "DELETE FROM canonical_events WHERE id IN (SELECT id FROM canonical_gone)";
    /// Empties the temporary tables.
    pub const CLEAR_WORK: [&str; 2] = ["DELETE FROM canonical_moves", "DELETE FROM canonical_gone"];
    /// Empties the canonical tables, for a full rebuild.
    pub const CLEAR: [&str; 3] = [
        "DELETE FROM canonical_event_sources",
        "DELETE FROM canonical_events",
        "DELETE FROM canonical_pending",
    ];
    /// The events of the articles waiting for the merge (the mentions of
    /// `StoredMentions`), then their counts and named targets.
    pub const PENDING_EVENTS: &str = "SELECT e.doc_id, e.idx, a.published, e.authority, e.status, e.target, e.date, \
         CAST(e.evidence AS TEXT) FROM events e JOIN articles a ON a.doc_id = e.doc_id \
         WHERE e.doc_id IN (SELECT doc_id FROM canonical_pending)";
    /// See [`PENDING_EVENTS`].
    pub const PENDING_COUNTS: &str = "SELECT doc_id, event_idx, value, category FROM event_counts \
         WHERE doc_id IN (SELECT doc_id FROM canonical_pending) ORDER BY doc_id, event_idx, idx";
    /// See [`PENDING_EVENTS`].
    pub const PENDING_TARGETS: &str = "SELECT doc_id, event_idx, name FROM event_targets \
         WHERE doc_id IN (SELECT doc_id FROM canonical_pending) ORDER BY doc_id, event_idx, idx";
    /// The authorities and statuses of the events, for a full rebuild, with their events.
    pub const GROUPS: &str = "SELECT authority, status, count(*) FROM events GROUP BY authority, status";
    /// The events of an authority and status, for a full rebuild; then their counts and named targets.
    pub const EVENTS_OF_GROUP: &str = "SELECT e.doc_id, e.idx, a.published, e.authority, e.status, e.target, e.date, \
         CAST(e.evidence AS TEXT) FROM events e JOIN articles a ON a.doc_id = e.doc_id \
         WHERE e.authority = ?1 AND e.status = ?2";
    /// See [`EVENTS_OF_GROUP`].
    pub const COUNTS_OF_GROUP: &str = "SELECT c.doc_id, c.event_idx, c.value, c.category FROM event_counts c \
         JOIN events e ON e.doc_id = c.doc_id AND e.idx = c.event_idx \
         WHERE e.authority = ?1 AND e.status = ?2 ORDER BY c.doc_id, c.event_idx, c.idx";
    /// See [`EVENTS_OF_GROUP`].
    pub const TARGETS_OF_GROUP: &str = "SELECT t.doc_id, t.event_idx, t.name FROM event_targets t \
         JOIN events e ON e.doc_id = t.doc_id AND e.idx = t.event_idx \
         WHERE e.authority = ?1 AND e.status = ?2 ORDER BY t.doc_id, t.event_idx, t.idx";
    /// Every canonical event (for `--events` beside a database), then every report.
    pub const ALL_EVENTS: &str = "SELECT id, authority, status, target, date, CAST(counts AS TEXT), \
         CAST(named_targets AS TEXT), first_published FROM canonical_events";
    /// See [`ALL_EVENTS`].
    pub const ALL_SOURCES: &str =
        "SELECT canonical_id, doc_id, event_idx, published, date, CAST(evidence AS TEXT) FROM canonical_event_sources";
    /// Whether the canonical tables must be rebuilt whole (after a schema upgrade).
    pub const NEEDS_REBUILD: &str = "SELECT value FROM meta WHERE key = 'canonical_events'";
    /// Marks them rebuilt.
    pub const REBUILT: &str = "DELETE FROM meta WHERE key = 'canonical_events'";
    /// The version of the merge's rules the canonical tables follow.
    pub const MERGE_VERSION: &str = "SELECT value FROM meta WHERE key = 'canonical_merge'";
    /// See [`MERGE_VERSION`].
    pub const FORGET_MERGE_VERSION: &str = "DELETE FROM meta WHERE key = 'canonical_merge'";
    /// See [`MERGE_VERSION`].
    pub const SET_MERGE_VERSION: &str = "INSERT INTO meta (key, value) VALUES ('canonical_merge', ?1)";
    /// Whether the canonical tables hold anything.
    pub const ANY_CANONICAL: &str = "SELECT 1 FROM canonical_events LIMIT 1";
    /// Marks them to be rebuilt.
    pub const TO_REBUILD: &str = "INSERT INTO meta (key, value) VALUES ('canonical_events', 'rebuild')";
}

/// A query of [`queries`] in PostgreSQL's parameter syntax (`$1` for `?1`).
pub fn postgres_sql(sql: &str) -> String {
    sql.replace('?', "$")
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

    /// The mentions gathered, in the order their events came.
    pub fn into_mentions(self) -> Vec<Mention> {
        self.mentions
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
        assert_eq!(seen, ["articles", "canonical_pending"]);
        for table in ARTICLE_TABLES {
            assert!(DELETE_ORDER.contains(&table), "{}", table.name);
        }
    }
}
