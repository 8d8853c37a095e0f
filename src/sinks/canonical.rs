//! The canonical events of a database, kept up to date run by run: one
//! implementation for SQLite and PostgreSQL, over the [`Store`] each provides
//! (the queries are in `rows.rs`, beside the tables).
//!
//! A full rebuild (`rebuild`) merges every event, one authority and status at a
//! time (a sweep per target inside it). The update at the end of a run (`update`) reads only what the run's
//! events can change, and ends with exactly the tables a full rebuild would
//! give, whatever the order the articles came in:
//!
//! - Articles written since the last merge are in `canonical_pending`. Their
//!   current events are the mentions to put in; the reports the canonical tables
//!   hold of them (an article written again) are the ones to take out.
//! - The merge ([`Sweep`]) takes the mentions of a group (authority, status and
//!   target: `merge_target`, indexed) in a
//!   fixed order (the sweep key: period, doc_id, event index); a mention's
//!   place depends only on the canonical events open when it comes. So the
//!   update starts at the first change, seeded with the canonical events open
//!   there as they stood (their heads, found by day through an index, and their
//!   reports before that point), and sweeps the stored reports and new mentions
//!   from there, day by day.
//! - A canonical event is changed (dirty) once a report lands elsewhere than it
//!   did, or a report comes or goes. The sweep stops at the first stored report
//!   after the last change at which every dirty canonical event is closed: from
//!   there on, each report goes where it went before. The dirty events are
//!   replaced (all groups' deletions first, then their insertions); the others
//!   are as they were. A later change starts the sweep again, from the tables
//!   as they stood before the update.
//! - Undated mentions merge only among themselves, and so do the mentions of
//!   one coarse period (a month, a year: `assemble::canonical::coarse`); the
//!   fine ones (a day, a week) never merge with either. So a group's fine
//!   reports are swept as above, and their look-ups leave the coarse reports
//!   out (a month's reports start on its first day, a year's on 1 January: a
//!   change on such a day read them all); a change among the undated reports,
//!   or of a coarse period, merges that part of the group again
//!   (`Group::whole`), reading nothing else: every canonical event of such a
//!   part is open to every report of it, so the part is seeded with its
//!   canonical events as they stood before its first change and only the
//!   reports from there on are merged again.
//! - Stored reports carry their sweep key from the stored days
//!   (`period_start`, `period_end`), and the sweeps' maps hash with FxHash:
//!   the update's own work per report read is what a run into a large
//!   database pays on top of the empty run.
//!
//! Ids are content-derived (`DOC_ID#INDEX` of the earliest report), so a
//! canonical event merged in any order has the id a full rebuild gives it.

use super::rows::{self, Table, Value, date_of_day, day, queries as q};
use crate::assemble::canonical::{
    CanonicalEvent, FINE_DAYS, Mention, Period, Source, Sweep, SweepKey, WINDOW_DAYS, coarse, open_to, sort_events,
    sweep_key, when,
};
use crate::record::EventStatus;
use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::{BTreeMap, VecDeque};
use std::ops::Range;

/// A failure of the database under the merge.
pub(crate) type Failure = Box<dyn std::error::Error + Send + Sync>;

/// A column value read back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Null,
    Int(i64),
    Text(String),
}

impl Cell {
    fn int(&self) -> Option<i64> {
        match self {
            Cell::Int(i) => Some(*i),
            Cell::Text(s) => s.parse().ok(),
            Cell::Null => None,
        }
    }

    fn text(self) -> Option<String> {
        match self {
            Cell::Text(s) => Some(s),
            Cell::Int(i) => Some(i.to_string()),
            Cell::Null => None,
        }
    }
}

/// A row of a query's result, read column by column where the database
/// holds it: an update reads a hundred thousand stored reports, and a
/// [`Cell`] (a `String` per text column) and a vector per row, made first,
/// were a tenth of their reading.
pub(crate) trait Row {
    /// An integer column (`None`: NULL).
    fn int(&self, i: usize) -> Result<Option<i64>, Failure>;
    /// A text column (`None`: NULL).
    fn text(&self, i: usize) -> Result<Option<&str>, Failure>;
}

/// What a database gives the merge: queries of `rows::queries` run inside the
/// merge's transaction, and rows written to a table.
pub(crate) trait Store {
    /// The rows of a query.
    fn select(&mut self, sql: &'static str, params: &[Value]) -> Result<Vec<Vec<Cell>>, Failure>;
    /// Calls `each` with every row of a query, in order.
    fn each_row(
        &mut self,
        sql: &'static str,
        params: &[Value],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), Failure>,
    ) -> Result<(), Failure>;
    /// Runs a statement.
    fn execute(&mut self, sql: &'static str, params: &[Value]) -> Result<(), Failure>;
    /// Writes rows (each as many values as the table has columns).
    fn insert(&mut self, table: &'static Table, rows: &[Vec<Value>]) -> Result<(), Failure>;
}

/// How much a merge did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Merged {
    /// Events merged in: all of them for a full rebuild, the run's for an update.
    pub events: u64,
    /// Canonical events written.
    pub written: u64,
    /// Canonical events taken out.
    pub removed: u64,
    /// Stored reports read (an update's reach).
    pub read: u64,
}

/// Where a stored report stood: its canonical event's id and whether it headed it.
type Place = (String, bool);

/// A report's row key: doc_id and event index.
type ReportKey = (String, usize);

/// A changed canonical event as merged now (without its sources), its number
/// of reports, and those of its reports to write: new ones, and stored ones
/// that now stand elsewhere (doc_id, event index, whether it heads it).
struct Changed {
    event: CanonicalEvent,
    sources: usize,
    new: Vec<(Mention, bool)>,
    moved: Vec<(String, usize, bool)>,
}

/// What an update changes, written once every group is merged (an article's
/// event may move to another group, so a group may put in the id another takes
/// out). Only the rows that change are written: the rows of the changed
/// canonical events, and of their reports those that are new or stand
/// elsewhere; a report that stays where it stood is not touched, however large
/// its canonical event. The reports' reference to their event is checked at
/// commit (deferred), so an event's row can be replaced under its reports.
#[derive(Default)]
struct Writes {
    /// Ids of the stored canonical events that changed.
    delete: Vec<String>,
    insert: Vec<Changed>,
    /// Reports of articles written again, out.
    removed: Vec<ReportKey>,
}

impl Writes {
    fn apply(self, store: &mut dyn Store, merged: &mut Merged) -> Result<(), Failure> {
        for (doc_id, event_idx) in &self.removed {
            store.execute(q::DELETE_REPORT, &[text(doc_id), Value::Int(*event_idx as i64)])?;
        }
        for sql in q::WORK_TABLES {
            store.execute(sql, &[])?;
        }
        let gone: Vec<Vec<Value>> = self.delete.iter().map(|id| vec![text(id)]).collect();
        store.insert(&rows::CANONICAL_GONE, &gone)?;
        store.execute(q::APPLY_GONE, &[])?;
        let events: Vec<Vec<Value>> = (self.insert.iter())
            .map(|c| rows::canonical_event_row(&c.event, c.sources).to_vec())
            .collect();
        store.insert(&rows::CANONICAL_EVENTS, &events)?;
        let mut moves = Vec::new();
        let mut new = Vec::new();
        for c in &self.insert {
            for (doc_id, event_idx, head) in &c.moved {
                let (idx, head) = (Value::Int(*event_idx as i64), Value::Int((*head).into()));
                moves.push(vec![text(doc_id), idx, text(&c.event.id), head]);
            }
            new.extend((c.new.iter()).map(|(m, head)| rows::canonical_source_row(&c.event.id, m, *head).to_vec()));
        }
        store.insert(&rows::CANONICAL_MOVES, &moves)?;
        store.execute(q::APPLY_MOVES, &[])?;
        store.insert(&rows::CANONICAL_EVENT_SOURCES, &new)?;
        for sql in q::CLEAR_WORK {
            store.execute(sql, &[])?;
        }
        merged.removed += self.delete.len() as u64;
        merged.written += self.insert.len() as u64;
        Ok(())
    }

    /// Notes a changed canonical event, keeping of its reports only those to write.
    fn put(&mut self, (mut event, members): (CanonicalEvent, Vec<Mention>), places: &mut HashMap<ReportKey, Place>) {
        event.sources = Vec::new();
        let mut changed = Changed {
            sources: members.len(),
            new: Vec::new(),
            moved: Vec::new(),
            event,
        };
        for (i, m) in members.into_iter().enumerate() {
            let head = i == 0;
            match places.remove(&(m.doc_id.clone(), m.event_idx)) {
                Some((id, was_head)) if id == changed.event.id && was_head == head => {}
                Some(_) => changed.moved.push((m.doc_id, m.event_idx, head)),
                None => changed.new.push((m, head)),
            }
        }
        self.insert.push(changed);
    }
}

/// A report as `canonical_event_sources` holds it.
#[derive(Clone)]
struct Stored {
    id: String,
    head: bool,
    /// Its period's first and last days (`None`: undated).
    start: Option<i64>,
    end: Option<i64>,
    /// Its sweep key, from the stored days (the mention's date is not parsed again).
    key: SweepKey,
    mention: Mention,
}

/// Days of stored reports read at a time: a change's canonical event closes
/// [`WINDOW_DAYS`] after it (after its head, for a week's).
const CHUNK_DAYS: i64 = WINDOW_DAYS + 1;

/// A sweep that could stop goes on when the next change is at most this many
/// days ahead (either way the result is the same): starting again there reads
/// as many days before it again, where the events open there began.
const JOIN_DAYS: i64 = WINDOW_DAYS + FINE_DAYS;

fn text<'a>(s: &'a str) -> Value<'a> {
    Value::Text(s)
}

/// A JSON list as the canonical tables hold it (most are empty).
fn json_list<T: serde::de::DeserializeOwned>(json: &str) -> Option<Vec<T>> {
    if json == "[]" {
        return Some(Vec::new());
    }
    serde_json::from_str(json).ok()
}

/// A report read by one of the queries of `source_select!` (`None`: a column
/// that does not read as the tables write it).
fn parse_stored(row: &dyn Row) -> Result<Option<Stored>, Failure> {
    let owned = |i| -> Result<Option<String>, Failure> { Ok(row.text(i)?.map(str::to_owned)) };
    let (Some(id), Some(doc_id), Some(event_idx), Some(authority)) = (owned(0)?, owned(1)?, row.int(2)?, owned(3)?)
    else {
        return Ok(None);
    };
    let Some(status) = row.text(4)?.and_then(EventStatus::parse) else {
        return Ok(None);
    };
    let (start, end) = (row.int(5)?, row.int(6)?);
    let head = row.int(7)? == Some(1);
    let published = row.int(8)?.and_then(date_of_day);
    let (date, target) = (owned(9)?, owned(10)?);
    let (Some(counts), Some(named_targets)) = (row.text(11)?.and_then(json_list), row.text(12)?.and_then(json_list))
    else {
        return Ok(None);
    };
    let period = match start.zip(end) {
        Some((a, b)) => match (date_of_day(a), date_of_day(b)) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => return Ok(None),
        },
        None => None,
    };
    let event_idx = event_idx as usize;
    Ok(Some(Stored {
        id,
        head,
        start,
        end,
        key: (period, doc_id.clone(), event_idx),
        mention: Mention {
            doc_id,
            event_idx,
            published,
            authority,
            status,
            target,
            counts,
            named_targets,
            date,
            evidence: Vec::new(),
        },
    }))
}

/// The reports a query of `source_select!` reads, made straight from the
/// columns where they lie.
fn stored(store: &mut dyn Store, sql: &'static str, params: &[Value]) -> Result<Vec<Stored>, Failure> {
    let mut reports = Vec::new();
    store.each_row(sql, params, &mut |row| {
        let s = parse_stored(row)?.ok_or_else(|| inconsistent("a report that cannot be read"))?;
        debug_assert_eq!(s.key, sweep_key(&s.mention), "stored days are the mention's period");
        reports.push(s);
        Ok(())
    })?;
    Ok(reports)
}

fn inconsistent(what: &str) -> Failure {
    format!("the canonical event tables hold {what}; `sanctions-extract rebuild-events` rebuilds them").into()
}

/// The mentions of events read by one of the `EVENTS_OF_*` queries and its counts and targets.
fn mentions(
    store: &mut dyn Store,
    [events, counts, targets]: [&'static str; 3],
    params: &[Value],
) -> Result<Vec<Mention>, Failure> {
    let mut gathered = rows::StoredMentions::default();
    for row in store.select(events, params)? {
        let mut row = row.into_iter();
        let mut next = || row.next().unwrap_or(Cell::Null);
        let (doc_id, idx, published) = (
            next().text().unwrap_or_default(),
            next().int().unwrap_or(0),
            next().text(),
        );
        gathered.event(rows::StoredEvent {
            doc_id,
            idx,
            published,
            authority: next().text().unwrap_or_default(),
            status: next().text().unwrap_or_default(),
            target: next().text(),
            date: next().text(),
            evidence: next().text().unwrap_or_default(),
        });
    }
    for row in store.select(counts, params)? {
        let mut row = row.into_iter();
        let mut next = || row.next().unwrap_or(Cell::Null);
        let (doc_id, event_idx, value) = (
            next().text().unwrap_or_default(),
            next().int().unwrap_or(0),
            next().int().unwrap_or(0),
        );
        gathered.count(doc_id, event_idx, value, &next().text().unwrap_or_default());
    }
    for row in store.select(targets, params)? {
        let mut row = row.into_iter();
        let mut next = || row.next().unwrap_or(Cell::Null);
        let (doc_id, event_idx) = (next().text().unwrap_or_default(), next().int().unwrap_or(0));
        gathered.target(doc_id, event_idx, next().text().unwrap_or_default());
    }
    Ok(gathered.into_mentions())
}

/// Writes a canonical event and its reports.
fn write(store: &mut dyn Store, event: &CanonicalEvent, members: &[Mention]) -> Result<(), Failure> {
    let mut events = Vec::new();
    let mut sources = Vec::new();
    rows::canonical_rows(event, members, |table, values| {
        if table == &rows::CANONICAL_EVENTS {
            events.push(values.to_vec());
        } else {
            sources.push(values.to_vec());
        }
    });
    store.insert(&rows::CANONICAL_EVENTS, &events)?;
    store.insert(&rows::CANONICAL_EVENT_SOURCES, &sources)
}

/// Whether the canonical tables wait for a full rebuild (a database from before
/// they were kept up to date run by run).
pub(crate) fn needs_rebuild(store: &mut dyn Store) -> Result<bool, Failure> {
    Ok(!store.select(q::NEEDS_REBUILD, &[])?.is_empty())
}

/// The version of the merge's rules the canonical tables follow: tables merged
/// by other rules are rebuilt once (2: coarse dates merge only with the same
/// period).
const MERGE_VERSION: &str = "2";

/// Marks canonical tables merged by the rules of an earlier version for a full
/// rebuild at the end of the next run, and notes this version's rules.
pub(crate) fn upgrade(store: &mut dyn Store) -> Result<(), Failure> {
    let version = store.select(q::MERGE_VERSION, &[])?.into_iter().next();
    if version.and_then(|row| row.into_iter().next()?.text()).as_deref() == Some(MERGE_VERSION) {
        return Ok(());
    }
    if !store.select(q::ANY_CANONICAL, &[])?.is_empty() {
        mark_for_rebuild(store)?;
    }
    store.execute(q::FORGET_MERGE_VERSION, &[])?;
    store.execute(q::SET_MERGE_VERSION, &[text(MERGE_VERSION)])
}

/// Marks the canonical tables for a full rebuild at the end of the next run.
pub(crate) fn mark_for_rebuild(store: &mut dyn Store) -> Result<(), Failure> {
    store.execute(q::REBUILT, &[])?;
    store.execute(q::TO_REBUILD, &[])
}

/// Rebuilds the canonical tables from every event, one authority and status at a
/// time (memory: the largest of them). `progress(done, total)` counts events.
pub(crate) fn rebuild(store: &mut dyn Store, progress: &mut dyn FnMut(u64, u64)) -> Result<Merged, Failure> {
    for sql in q::CLEAR {
        store.execute(sql, &[])?;
    }
    store.execute(q::REBUILT, &[])?;
    let mut groups: Vec<(String, String, u64)> = store
        .select(q::GROUPS, &[])?
        .into_iter()
        .filter_map(|row| {
            let mut row = row.into_iter();
            Some((row.next()?.text()?, row.next()?.text()?, row.next()?.int()? as u64))
        })
        .collect();
    groups.sort();
    let total = groups.iter().map(|g| g.2).sum();
    let mut merged = Merged::default();
    progress(0, total);
    for (authority, status, events) in groups {
        let params = [text(&authority), text(&status)];
        let mut mentions = mentions(
            store,
            [q::EVENTS_OF_GROUP, q::COUNTS_OF_GROUP, q::TARGETS_OF_GROUP],
            &params,
        )?;
        mentions.sort_by_cached_key(sweep_key);
        merged.events += mentions.len() as u64;
        let mut sweep = Sweep::new();
        for m in mentions {
            sweep.push(m);
        }
        for i in 0..sweep.len() {
            write(store, &sweep.event(i), sweep.members(i))?;
            merged.written += 1;
        }
        progress(merged.events.max(events), total);
    }
    Ok(merged)
}

/// Brings the canonical tables up to date with the articles written since the
/// last merge (`canonical_pending`), reading only what their events can change.
pub(crate) fn update(store: &mut dyn Store) -> Result<Merged, Failure> {
    if needs_rebuild(store)? {
        return rebuild(store, &mut |_, _| {});
    }
    let docs: Vec<String> = store
        .select(q::PENDING, &[])?
        .into_iter()
        .filter_map(|row| row.into_iter().next()?.text())
        .collect();
    let mut merged = Merged::default();
    if docs.is_empty() {
        return Ok(merged);
    }
    // Per group (authority, status, target): the reports to take out, the
    // mentions to put in.
    type Changes = (Vec<Stored>, Vec<Mention>);
    let mut groups: BTreeMap<(String, &'static str, String), Changes> = BTreeMap::new();
    let key = |m: &Mention| {
        let target = m.target.clone().unwrap_or_default();
        (m.authority.clone(), m.status.as_str(), target)
    };
    for old in stored(store, q::PENDING_SOURCES, &[])? {
        groups.entry(key(&old.mention)).or_default().0.push(old);
    }
    for new in mentions(store, [q::PENDING_EVENTS, q::PENDING_COUNTS, q::PENDING_TARGETS], &[])? {
        merged.events += 1;
        groups.entry(key(&new)).or_default().1.push(new);
    }
    let pending: HashSet<String> = docs.iter().cloned().collect();
    let mut writes = Writes::default();
    for ((authority, status, target), (removed, inserted)) in groups {
        // Undated, fine and each coarse period's mentions merge apart (see
        // `assemble::canonical::Sweep`): each part of the group is merged
        // again alone, from what it alone holds.
        let mut parts: BTreeMap<Part, Changes> = BTreeMap::new();
        for s in removed {
            parts.entry(Part::of(when(&s.mention))).or_default().0.push(s);
        }
        for m in inserted {
            parts.entry(Part::of(when(&m))).or_default().1.push(m);
        }
        let group = Group {
            authority: &authority,
            status,
            target: &target,
            pending: &pending,
        };
        for (part, (removed, inserted)) in parts {
            match part {
                Part::Undated => group.whole(store, q::UNDATED_SOURCES, &[], inserted, &mut writes, &mut merged)?,
                Part::Fine => group.dated(store, inserted, removed, &mut writes, &mut merged)?,
                Part::Coarse(start, end) => {
                    let period = [Value::Int(day(start)), Value::Int(day(end))];
                    group.whole(store, q::PERIOD_SOURCES, &period, inserted, &mut writes, &mut merged)?
                }
            }
        }
    }
    writes.apply(store, &mut merged)?;
    store.execute(q::CLEAR_PENDING, &[])?;
    Ok(merged)
}

/// The parts of a group that merge apart: undated reports, reports of fine
/// periods (a week or less), and each coarse period's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Undated,
    Fine,
    Coarse(NaiveDate, NaiveDate),
}

impl Part {
    fn of(period: Option<Period>) -> Part {
        match period {
            None => Part::Undated,
            Some(p) if coarse(p) => Part::Coarse(p.0, p.1),
            Some(_) => Part::Fine,
        }
    }
}

/// One group of the merge (authority, status, target) under update.
struct Group<'a> {
    authority: &'a str,
    status: &'a str,
    /// As `merge_target`: '' for none.
    target: &'a str,
    /// The articles written since the last merge: their stored reports are old.
    pending: &'a HashSet<String>,
}

/// The canonical events of a sweep of fine reports whose content changed, by
/// the sweep key of their head, and the last day their heads' periods cover.
#[derive(Default)]
struct Dirty {
    heads: HashSet<SweepKey>,
    last_end: Option<NaiveDate>,
}

impl Dirty {
    fn mark(&mut self, head: &SweepKey) {
        let period = head.0.expect("dated heads");
        debug_assert!(!coarse(period), "a fine sweep holds no coarse report");
        self.heads.insert(head.clone());
        self.last_end = self.last_end.max(Some(period.1));
    }

    /// Whether every dirty canonical event is closed to a report of period `p`
    /// (and so to every report after it).
    fn all_closed(&self, p: Period) -> bool {
        self.last_end.is_none_or(|end| !open_to((end, end), p))
    }
}

impl<'a> Group<'a> {
    fn params(&self, more: &[Value<'a>]) -> Vec<Value<'a>> {
        let mut params = vec![text(self.authority), text(self.status), text(self.target)];
        params.extend_from_slice(more);
        params
    }

    /// Merges a part of the group that merges alone (its undated reports, or
    /// a coarse period's: `sql`, of [`q::UNDATED_SOURCES`] and
    /// [`q::PERIOD_SOURCES`], with `more` parameters) again with its new
    /// mentions. Every canonical event of such a part is open to every report
    /// of it, so the merge up to the part's first change (its first new
    /// mention, or the first old report of an article written again) is the
    /// stored one: the canonical events are seeded with their reports before
    /// it, as they stand, and only the reports from there on are merged again
    /// (the new articles' doc_ids come last in a period, often).
    fn whole(
        &self,
        store: &mut dyn Store,
        sql: &'static str,
        more: &[Value<'a>],
        inserted: Vec<Mention>,
        writes: &mut Writes,
        merged: &mut Merged,
    ) -> Result<(), Failure> {
        let mut old = stored(store, sql, &self.params(more))?;
        merged.read += old.len() as u64;
        old.sort_by(|a, b| a.key.cmp(&b.key));
        let mut inserted: Vec<(SweepKey, Mention)> = inserted.into_iter().map(|m| (sweep_key(&m), m)).collect();
        inserted.sort_by(|a, b| a.0.cmp(&b.0));
        let first_gone = old.iter().find(|s| self.pending.contains(&s.mention.doc_id));
        let first_change = match (inserted.first().map(|i| &i.0), first_gone.map(|s| &s.key)) {
            (Some(a), Some(b)) => Some(a.min(b).clone()),
            (a, b) => a.or(b).cloned(),
        };
        let after = old.split_off(old.partition_point(|s| first_change.as_ref().is_none_or(|c| s.key < *c)));
        // The old canonical events with reports from the first change on,
        // by their reports' keys, to leave unchanged ones be.
        let mut late: HashMap<String, Vec<SweepKey>> = HashMap::default();
        for s in &after {
            late.entry(s.id.clone()).or_default();
        }
        let mut places: HashMap<ReportKey, Place> = HashMap::default();
        // The seeds: the canonical events' reports before the first change,
        // in sweep order, events in the order of their heads.
        let mut seeds: Vec<(String, Vec<Mention>)> = Vec::new();
        let mut seed_of: HashMap<String, usize> = HashMap::default();
        for s in old {
            if let Some(keys) = late.get_mut(&s.id) {
                keys.push(s.key);
            }
            let i = match seed_of.get(&s.id) {
                Some(&i) => i,
                None if s.head => {
                    seed_of.insert(s.id.clone(), seeds.len());
                    seeds.push((s.id.clone(), Vec::new()));
                    seeds.len() - 1
                }
                None => return Err(inconsistent("a canonical event whose first report is not its head")),
            };
            places.insert((s.mention.doc_id.clone(), s.mention.event_idx), (s.id, s.head));
            seeds[i].1.push(s.mention);
        }
        let mut mentions: Vec<(SweepKey, Mention)> = Vec::with_capacity(inserted.len() + after.len());
        for s in after {
            late.get_mut(&s.id).expect("noted").push(s.key.clone());
            let key = (s.mention.doc_id.clone(), s.mention.event_idx);
            if self.pending.contains(&s.mention.doc_id) {
                writes.removed.push(key);
            } else {
                places.insert(key, (s.id, s.head));
                mentions.push((s.key, s.mention));
            }
        }
        mentions.extend(inserted);
        mentions.sort_by(|a, b| a.0.cmp(&b.0));
        let mut sweep = Sweep::new();
        // Seeded clusters are 0..seeds.len(), in order: their ids and sizes.
        let seeded: Vec<(String, usize)> = (seeds.into_iter())
            .map(|(id, members)| {
                let size = members.len();
                sweep.seed(members);
                (id, size)
            })
            .collect();
        for (_, m) in mentions {
            sweep.push(m);
        }
        let is_late: HashSet<String> = late.keys().cloned().collect();
        let mut unchanged: HashMap<Vec<SweepKey>, String> = late.into_iter().map(|(id, keys)| (keys, id)).collect();
        let mut new = Vec::new();
        for i in 0..sweep.len() {
            if let Some((id, size)) = seeded.get(i).filter(|(id, _)| !is_late.contains(id)) {
                // All its stored reports came before the first change: it is
                // unchanged unless a report joined it.
                if sweep.members(i).len() != *size {
                    writes.delete.push(id.clone());
                    new.push(i);
                }
                continue;
            }
            let keys: Vec<SweepKey> = sweep.members(i).iter().map(sweep_key).collect();
            // An article written again has its old reports taken out: its
            // canonical event is written again, even made of the same reports.
            let written_again = sweep.members(i).iter().any(|m| self.pending.contains(&m.doc_id));
            match unchanged.remove(&keys) {
                Some(_) if !written_again => {}
                Some(id) => {
                    writes.delete.push(id);
                    new.push(i);
                }
                None => new.push(i),
            }
        }
        writes.delete.extend(unchanged.into_values());
        for i in new {
            writes.put((sweep.event(i), sweep.members(i).to_vec()), &mut places);
        }
        Ok(())
    }

    /// The canonical events open at `p` as they stood just before it (their
    /// reports before `p`, in sweep order, heads first; events in the order
    /// of their heads), and the stored reports from `p` to the day before
    /// `until`, sorted. An event open at `p` has a fine head ending at most
    /// [`WINDOW_DAYS`] before `p` starts (so starting then, or, rarely, a
    /// week's head, up to a week before that) and reports no earlier than its
    /// head: all in `days` (which holds fine reports only).
    fn open_at(
        &self,
        store: &mut dyn Store,
        days: &mut Days,
        p: &SweepKey,
        until: i64,
    ) -> Result<(Vec<Vec<Stored>>, Vec<Stored>), Failure> {
        let period = p.0.expect("dated");
        let mut after = Vec::new();
        let mut events: HashMap<String, Vec<(SweepKey, Stored)>> = HashMap::default();
        for report in days.around(self, store, day(period.0) - WINDOW_DAYS, until)? {
            let key = report.key.clone();
            if key >= *p {
                after.push((key, report));
            } else {
                events.entry(report.id.clone()).or_default().push((key, report));
            }
        }
        let mut open: Vec<(SweepKey, Vec<Stored>)> = Vec::new();
        for (_, mut members) in events {
            members.sort_by(|a, b| a.0.cmp(&b.0));
            // Reports of an event whose head lies before the range: it is closed.
            let first = &members[0];
            if !first.1.head || !open_to(first.0.0.expect("dated"), period) {
                continue;
            }
            let head = first.0.clone();
            open.push((head, members.into_iter().map(|(_, m)| m).collect()));
        }
        open.sort_by(|a, b| a.0.cmp(&b.0));
        after.sort_by(|a, b| a.0.cmp(&b.0));
        let open = open.into_iter().map(|(_, members)| members).collect();
        Ok((open, after.into_iter().map(|(_, s)| s).collect()))
    }

    /// The stored reports of the group whose periods start on the few days
    /// from `from` (none, often, in a sparse group), sorted, and the day after
    /// them: from `days` while it holds them, else from the database.
    fn next_days(&self, store: &mut dyn Store, days: &mut Days, from: i64) -> Result<(i64, Vec<Stored>), Failure> {
        if let Some(held) = days.next(from) {
            return Ok(held);
        }
        let until = from + CHUNK_DAYS;
        let mut batch = stored(
            store,
            q::SOURCES_OF_DAYS,
            &self.params(&[Value::Int(from), Value::Int(until), Value::Int(FINE_DAYS)]),
        )?;
        days.read += batch.len() as u64;
        batch.sort_by(|a, b| a.key.cmp(&b.key));
        Ok((until, batch))
    }

    /// Puts in and takes out mentions of fine periods (a day, a week), sweeping
    /// the group's fine reports from each change until the canonical events it
    /// changed are closed.
    fn dated(
        &self,
        store: &mut dyn Store,
        inserted: Vec<Mention>,
        removed: Vec<Stored>,
        writes: &mut Writes,
        merged: &mut Merged,
    ) -> Result<(), Failure> {
        let mut inserted: Vec<(SweepKey, Mention)> = inserted.into_iter().map(|m| (sweep_key(&m), m)).collect();
        inserted.sort_by(|a, b| a.0.cmp(&b.0));
        let mut changes: Vec<SweepKey> = inserted
            .iter()
            .map(|(key, _)| key.clone())
            .chain(removed.iter().map(|s| s.key.clone()))
            .collect();
        changes.sort();
        changes.dedup();
        let mut inserted: VecDeque<(SweepKey, Mention)> = inserted.into();
        let mut days = Days::new(&changes);
        let mut next_change = 0;
        while let Some(p) = changes.get(next_change).cloned() {
            let stop = self.sweep_from(store, &mut days, &p, &changes, &mut inserted, writes)?;
            next_change = match stop {
                Some(stop) => changes.partition_point(|c| *c < stop),
                None => changes.len(),
            };
        }
        merged.read += days.read;
        Ok(())
    }

    /// One sweep from change `p`: returns the key of the stored report it
    /// stopped before, or `None` when it went to the end of the group.
    fn sweep_from(
        &self,
        store: &mut dyn Store,
        days: &mut Days,
        p: &SweepKey,
        changes: &[SweepKey],
        inserted: &mut VecDeque<(SweepKey, Mention)>,
        writes: &mut Writes,
    ) -> Result<Option<SweepKey>, Failure> {
        let mut buffer: VecDeque<Stored> = VecDeque::new();
        let (mut open, mut from) = self.seed_open(store, days, p, &mut buffer)?;
        let mut retired_at = p.0.expect("dated");
        let mut stop = None;
        loop {
            // A new mention of the days read comes before any report to read.
            let waiting = inserted.front().and_then(|i| i.0.0).is_some_and(|w| day(w.0) < from);
            if buffer.is_empty() && !waiting {
                if let Some(key) = beyond_reach(&open.dirty, from, inserted, changes) {
                    stop = Some(key);
                    break;
                }
                let (until, batch) = self.next_days(store, days, from)?;
                from = until;
                buffer.extend(batch.into_iter().filter(|s| s.key >= *p));
                continue;
            }
            let stored_key = buffer.front().map(|s| &s.key);
            let inserted_key = inserted.front().map(|i| &i.0);
            let take_stored = match (stored_key, inserted_key) {
                (None, None) => break,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (Some(s), Some(i)) => s <= i,
            };
            let period = stored_key.filter(|_| take_stored).or(inserted_key);
            let period = period.and_then(|key| key.0).expect("dated");
            if period != retired_at {
                open.retire(period, writes);
                retired_at = period;
            }
            if !take_stored {
                let (_, m) = inserted.pop_front().expect("a mention");
                let i = open.sweep.push(m);
                open.dirty.mark(&open.sweep.head_key(i));
                continue;
            }
            let s = buffer.pop_front().expect("a report");
            let key = s.key.clone();
            let head = stored_head(&mut open.old_head, &s, &key)?;
            if self.pending.contains(&s.mention.doc_id) {
                // An old report of an article written again: out.
                open.dirty.mark(&head);
                writes.removed.push((s.mention.doc_id, s.mention.event_idx));
                continue;
            }
            let period = key.0.expect("dated");
            let start = period.0;
            if open.dirty.all_closed(period) {
                // Reading on to a change close ahead costs less than finding
                // the canonical events open there again.
                let next = changes.get(changes.partition_point(|c| *c < key));
                if next.is_none_or(|c| (c.0.expect("dated").0 - start).num_days() > JOIN_DAYS) {
                    stop = Some(key);
                    break;
                }
            }
            let i = open.push(s);
            let new_head = open.sweep.head_key(i);
            if new_head != head {
                open.dirty.mark(&new_head);
                open.dirty.mark(&head);
            }
        }
        open.finish(writes);
        Ok(stop)
    }

    /// Seeds `sweep` with the stored canonical events open at `p`; returns
    /// their ids with their heads' keys.
    fn seed_open(
        &self,
        store: &mut dyn Store,
        days: &mut Days,
        p: &SweepKey,
        buffer: &mut VecDeque<Stored>,
    ) -> Result<(Open, i64), Failure> {
        let until = day(p.0.expect("dated").0) + CHUNK_DAYS;
        let (events, after) = self.open_at(store, days, p, until)?;
        buffer.extend(after);
        let mut open = Open::default();
        for members in events {
            let head = members[0].key.clone();
            open.old_head.insert(members[0].id.clone(), head);
            let mentions = members.into_iter().map(|s| open.place(s)).collect();
            open.sweep.seed(mentions);
        }
        Ok((open, until))
    }
}

/// The days of windows [`Days`] reads at once, at most (unless one window is
/// longer): a dense group's reports of these days fit in a few megabytes.
const HOLD_DAYS: i64 = 64;

/// The stored reports of a group on the days around its changes, read
/// [`q::WINDOWS`] windows at a time (up to [`HOLD_DAYS`] days) in one query (with one more for the events
/// of a week's heads), where each change's look-up and each read-on past it
/// took a query of its own (PostgreSQL paid a round trip and a plan for each).
/// A change's window is the days its look-up reads, from [`WINDOW_DAYS`]
/// before it to [`CHUNK_DAYS`] after; windows that overlap, or between which a
/// sweep reads on to the next change ([`JOIN_DAYS`]), are one. Only the
/// windows read last are held, so memory is that of a few windows; a sweep
/// reading on past them reads the database.
struct Days {
    /// The windows, `[first day, end)`, disjoint and in order.
    windows: Vec<(i64, i64)>,
    /// The windows whose reports are held: `windows[held]`.
    held: Range<usize>,
    /// By the day their periods start: the reports of the held windows, and
    /// every report of the canonical events whose week's heads start up to
    /// [`FINE_DAYS`] before one (those of other days only there).
    reports: BTreeMap<i64, Vec<Stored>>,
    /// Reports read from the database.
    read: u64,
}

impl Days {
    /// The windows of the changes (sorted).
    fn new(changes: &[SweepKey]) -> Days {
        let mut windows: Vec<(i64, i64)> = Vec::new();
        for change in changes {
            let start = day(change.0.expect("dated").0);
            let (first, end) = (start - WINDOW_DAYS, start + CHUNK_DAYS);
            // A sweep that has read a window reads on to the next change
            // when it is within JOIN_DAYS of the window's end.
            match windows.last_mut() {
                Some(last) if first - last.1 <= JOIN_DAYS - WINDOW_DAYS => last.1 = last.1.max(end),
                _ => windows.push((first, end)),
            }
        }
        Days {
            windows,
            held: 0..0,
            reports: BTreeMap::new(),
            read: 0,
        }
    }

    /// The window holding day `d`.
    fn window_of(&self, d: i64) -> Option<usize> {
        let i = self.windows.partition_point(|w| w.0 <= d).checked_sub(1)?;
        (d < self.windows[i].1).then_some(i)
    }

    /// Holds window `i` and the next ones, read from the database unless held.
    fn hold(&mut self, group: &Group, store: &mut dyn Store, i: usize) -> Result<(), Failure> {
        if self.held.contains(&i) {
            return Ok(());
        }
        let mut held = i..i + 1;
        let mut days = self.windows[i].1 - self.windows[i].0;
        while held.end < self.windows.len().min(i + q::WINDOWS) {
            days += self.windows[held.end].1 - self.windows[held.end].0;
            if days > HOLD_DAYS {
                break;
            }
            held.end += 1;
        }
        let mut params = group.params(&[]);
        for k in i..i + q::WINDOWS {
            let (first, end) = self
                .windows
                .get(k)
                .filter(|_| held.contains(&k))
                .copied()
                .unwrap_or((0, 0));
            params.extend([Value::Int(first), Value::Int(end)]);
        }
        params.push(Value::Int(FINE_DAYS));
        let reports = stored(store, q::SOURCES_OF_WINDOWS, &params)?;
        let (first, end) = (self.windows[held.start].0, self.windows[held.end - 1].1);
        let headed = stored(
            store,
            q::WIDE_HEADED,
            &group.params(&[Value::Int(first - FINE_DAYS), Value::Int(end), Value::Int(FINE_DAYS)]),
        )?;
        self.held = held;
        self.reports.clear();
        self.read += (reports.len() + headed.len()) as u64;
        for s in reports {
            self.reports.entry(s.start.unwrap_or_default()).or_default().push(s);
        }
        for s in headed {
            let start = s.start.unwrap_or_default();
            if !self.window_of(start).is_some_and(|w| self.held.contains(&w)) {
                self.reports.entry(start).or_default().push(s);
            }
        }
        Ok(())
    }

    /// The stored reports whose periods start in `[from, until)` (a change's
    /// window), and the earlier reports of the canonical events whose heads are
    /// a week's that start in the [`FINE_DAYS`] before `from` and end on
    /// or after it.
    fn around(&mut self, group: &Group, store: &mut dyn Store, from: i64, until: i64) -> Result<Vec<Stored>, Failure> {
        let window = self.window_of(from).filter(|&i| until <= self.windows[i].1);
        self.hold(group, store, window.expect("a change's days lie in its window"))?;
        let before = || self.reports.range(from - FINE_DAYS..from).flat_map(|(_, v)| v);
        let wide: HashSet<&str> = before()
            .filter(|s| {
                s.head
                    && s.end
                        .zip(s.start)
                        .is_some_and(|(e, b)| e >= from && e > b && e <= b + FINE_DAYS)
            })
            .map(|s| s.id.as_str())
            .collect();
        let earlier = before().filter(|s| wide.contains(s.id.as_str()));
        let days = self.reports.range(from..until).flat_map(|(_, v)| v);
        Ok(days.chain(earlier).cloned().collect())
    }

    /// The held reports whose periods start on the few days from `from` (to
    /// the end of its window), sorted, and the day after them; `None` when
    /// no window held holds `from`.
    fn next(&self, from: i64) -> Option<(i64, Vec<Stored>)> {
        let i = self.window_of(from).filter(|i| self.held.contains(i))?;
        let until = (from + CHUNK_DAYS).min(self.windows[i].1);
        let mut batch: Vec<Stored> = self.reports.range(from..until).flat_map(|(_, v)| v).cloned().collect();
        batch.sort_by(|a, b| a.key.cmp(&b.key));
        Some((until, batch))
    }
}

/// Where a sweep that has read every stored report before day `from` stops
/// without reading on: every changed canonical event is closed to a report
/// starting then, and neither a new mention before it nor a change within
/// [`JOIN_DAYS`] of it waits. The key is the first a report of that day can
/// have.
fn beyond_reach(
    dirty: &Dirty,
    from: i64,
    inserted: &VecDeque<(SweepKey, Mention)>,
    changes: &[SweepKey],
) -> Option<SweepKey> {
    let d = date_of_day(from)?;
    if !dirty.all_closed((d, d)) || inserted.front().and_then(|i| i.0.0).is_some_and(|p| p.0 < d) {
        return None;
    }
    let key: SweepKey = (Some((d, d)), String::new(), 0);
    let next = changes.get(changes.partition_point(|c| *c < key));
    next.is_none_or(|c| (c.0.expect("dated").0 - d).num_days() > JOIN_DAYS)
        .then_some(key)
}

/// The key of the head of a stored report's canonical event: known from
/// the events open where the sweep began, or the report's own when it heads
/// one (noted for the reports after it).
fn stored_head(old_head: &mut HashMap<String, SweepKey>, s: &Stored, key: &SweepKey) -> Result<SweepKey, Failure> {
    match old_head.get(&s.id) {
        Some(head) => Ok(head.clone()),
        None if s.head => {
            old_head.insert(s.id.clone(), key.clone());
            Ok(key.clone())
        }
        None => Err(inconsistent(
            "a report whose canonical event is not open where it was merged",
        )),
    }
}

/// What a sweep of an update holds open: its clusters, the stored canonical
/// events it met (id -> head's key), where the stored reports in its
/// clusters stood, and which clusters changed.
struct Open {
    sweep: Sweep,
    old_head: HashMap<String, SweepKey>,
    places: HashMap<ReportKey, Place>,
    dirty: Dirty,
}

impl Default for Open {
    fn default() -> Self {
        Open {
            sweep: Sweep::retiring(),
            old_head: HashMap::default(),
            places: HashMap::default(),
            dirty: Dirty::default(),
        }
    }
}

impl Open {
    /// Notes where a stored report stood; its mention.
    fn place(&mut self, s: Stored) -> Mention {
        let key = (s.mention.doc_id.clone(), s.mention.event_idx);
        self.places.insert(key, (s.id, s.head));
        s.mention
    }

    /// Places a stored report in the sweep.
    fn push(&mut self, s: Stored) -> usize {
        let m = self.place(s);
        self.sweep.push(m)
    }

    /// Before a mention of period `p`: the clusters the sweep closed are taken
    /// out (written when dirty), and so are the stored canonical events closed
    /// to `p` (deleted when dirty). Neither can change any more, so a sweep
    /// holds only what is open, however far it goes.
    fn retire(&mut self, p: Period, writes: &mut Writes) {
        self.sweep.close_before(p);
        for closed in self.sweep.take_closed() {
            if self.dirty.heads.contains(&closed.head_key()) {
                writes.put(closed.into_event(), &mut self.places);
            } else {
                for m in closed.members() {
                    self.places.remove(&(m.doc_id.clone(), m.event_idx));
                }
            }
        }
        let dirty = &self.dirty;
        self.old_head.retain(|id, head| {
            let open = open_to(head.0.expect("dated heads"), p);
            if !open && dirty.heads.contains(head) {
                writes.delete.push(id.clone());
            }
            open
        });
    }

    /// The writes of a sweep where it stops: the stored canonical events
    /// whose heads are dirty go, and the sweep's clusters with dirty heads are
    /// written.
    fn finish(mut self, writes: &mut Writes) {
        for (id, head) in self.old_head {
            if self.dirty.heads.contains(&head) {
                writes.delete.push(id);
            }
        }
        let dirty: Vec<usize> = self
            .sweep
            .live()
            .filter(|&i| self.dirty.heads.contains(&self.sweep.head_key(i)))
            .collect();
        for i in dirty {
            let event = (self.sweep.event(i), self.sweep.members(i).to_vec());
            writes.put(event, &mut self.places);
        }
    }
}

/// Every canonical event the tables hold, in the order of `merge`'s output
/// (for `--events` beside a database).
pub(crate) fn read_all(store: &mut dyn Store) -> Result<Vec<CanonicalEvent>, Failure> {
    let mut events: HashMap<String, CanonicalEvent> = HashMap::default();
    for row in store.select(q::ALL_EVENTS, &[])? {
        let mut row = row.into_iter();
        let mut next = || row.next().unwrap_or(Cell::Null);
        let id = next().text().unwrap_or_default();
        let authority = next().text().unwrap_or_default();
        let Some(status) = next().text().and_then(|s| EventStatus::parse(&s)) else {
            continue;
        };
        let event = CanonicalEvent {
            id: id.clone(),
            authority,
            status,
            target: next().text(),
            date: next().text(),
            counts: serde_json::from_str(&next().text().unwrap_or_default()).unwrap_or_default(),
            named_targets: serde_json::from_str(&next().text().unwrap_or_default()).unwrap_or_default(),
            first_published: next().text(),
            sources: Vec::new(),
        };
        events.insert(id, event);
    }
    for row in store.select(q::ALL_SOURCES, &[])? {
        let mut row = row.into_iter();
        let mut next = || row.next().unwrap_or(Cell::Null);
        let id = next().text().unwrap_or_default();
        let source = Source {
            doc_id: next().text().unwrap_or_default(),
            event_idx: next().int().unwrap_or(0) as usize,
            published: next().int().and_then(date_of_day).map(|d| d.to_string()),
            date: next().text(),
            evidence: serde_json::from_str(&next().text().unwrap_or_default()).unwrap_or_default(),
        };
        if let Some(event) = events.get_mut(&id) {
            event.sources.push(source);
        }
    }
    let mut events: Vec<CanonicalEvent> = events.into_values().collect();
    for event in &mut events {
        event.sources.sort_by(|a, b| {
            (a.published.is_some(), &a.published, &a.doc_id, a.event_idx).cmp(&(
                b.published.is_some(),
                &b.published,
                &b.doc_id,
                b.event_idx,
            ))
        });
    }
    sort_events(&mut events);
    Ok(events)
}
