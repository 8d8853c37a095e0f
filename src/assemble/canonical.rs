//! One canonical event across outlets: after a batch, the events that several
//! articles report of the same real-world action merge into one.
//!
//! Two mentions are the same action when they agree on authority, status and
//! target (an unknown target merges only with unknown ones: the assembly fills
//! in the article's country, so few are unknown, and the merge's groups are then
//! disjoint, which lets a database look up exactly the canonical events of a
//! group), their counts are compatible (equal, one a
//! part of the other, or one not given), their named targets share a name (or one
//! list is empty), and they happened within [`WINDOW_DAYS`] of each other: by
//! their dates when the articles give them, else by publication dates. A date
//! coarser than a week (`2022-03`, `2022`) says only that the action falls
//! somewhere in it: such a report merges only with reports of the same period,
//! never with the precise actions inside it (a year would otherwise hold every
//! action of the year open to one another). A cluster takes at most one mention
//! per article: an article's own assembly already merged what it says of one
//! action.

use crate::extract::entity::key_text;
use crate::extract::parse_published;
use crate::record::{EventCount, EventStatus, Record, Span};
use chrono::{Datelike, Duration, NaiveDate};
use rustc_hash::FxHashSet as HashSet;
use serde::{Deserialize, Serialize};

/// How far apart, in days, two reports of the same action may be.
pub const WINDOW_DAYS: i64 = 4;

/// The longest period (end minus start, in days) that is not coarse: a week.
pub const FINE_DAYS: i64 = 6;

/// Whether a period is coarser than a week (a month, a year, a longer range):
/// it merges only with the same period.
pub fn coarse(p: Period) -> bool {
    (p.1 - p.0).num_days() > FINE_DAYS
}

/// Whether reports of these periods can be one action: the same coarse
/// period, or fine periods within [`WINDOW_DAYS`] of each other.
fn periods_close(a: Period, b: Period) -> bool {
    if coarse(a) || coarse(b) {
        a == b
    } else {
        days_apart(a, b) <= WINDOW_DAYS
    }
}

/// An article's event as the merge sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The article's doc_id.
    pub doc_id: String,
    /// The event's index in the article record's `events`.
    pub event_idx: usize,
    /// The article's publication date: the window's reference when the event has no date.
    pub published: Option<NaiveDate>,
    /// As the event's `authority`.
    pub authority: String,
    /// As the event's `status`.
    pub status: EventStatus,
    /// As the event's `target`.
    pub target: Option<String>,
    /// As the event's `counts`.
    pub counts: Vec<EventCount>,
    /// As the event's `named_targets`.
    pub named_targets: Vec<String>,
    /// As the event's `date` (TIMEX3).
    pub date: Option<String>,
    /// As the event's `evidence`: spans into that article's clean text.
    pub evidence: Vec<Span>,
}

/// Where a canonical event was reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The reporting article's doc_id.
    pub doc_id: String,
    /// The event's index in that article record's `events`.
    pub event_idx: usize,
    /// The article's publication date (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The date this report gives the action (TIMEX3).
    pub date: Option<String>,
    /// Spans of the sentences the report was read from, in that article's clean text.
    pub evidence: Vec<Span>,
}

/// One real-world sanctions action and the articles that report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CanonicalEvent {
    /// `DOC_ID#INDEX` of its earliest report: stable while no earlier report joins.
    pub id: String,
    /// Who acts, as in the events merged.
    pub authority: String,
    /// `imposed`, `planned` or `lifted`, as in the events merged.
    pub status: EventStatus,
    /// The country aimed at, from any report that names one.
    pub target: Option<String>,
    /// The fullest counts any report gives.
    pub counts: Vec<EventCount>,
    /// Every named target any report gives (first spelling kept).
    pub named_targets: Vec<String>,
    /// The most precise date the reports give (the earliest among equals).
    pub date: Option<String>,
    /// The earliest publication date of the reports (`YYYY-MM-DD`).
    pub first_published: Option<String>,
    /// The reports, earliest first.
    pub sources: Vec<Source>,
}

impl Mention {
    /// The mentions of a record's events.
    pub fn of_record(record: &Record) -> impl Iterator<Item = Mention> + '_ {
        let published = record.source.published.as_deref().and_then(parse_published);
        record.events.iter().enumerate().map(move |(event_idx, e)| Mention {
            doc_id: record.doc_id.clone(),
            event_idx,
            published,
            authority: e.authority.clone(),
            status: e.status,
            target: e.target.clone(),
            counts: e.counts.clone(),
            named_targets: e.named_targets.clone(),
            date: e.date.clone(),
            evidence: e.evidence.clone(),
        })
    }
}

/// A date value's span of days: `2025-11-06`, `2025-11`, `2025`, `2022-W48`,
/// ranges `a/b`. `None` when a part is unknown (`XXXX-11-06`).
pub fn period(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some((a, b)) = value.split_once('/') {
        return Some((period(a)?.0, period(b)?.1));
    }
    let parts: Vec<&str> = value.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    match parts.as_slice() {
        [_] => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        )),
        [_, week] if week.starts_with('W') => {
            let w: u32 = week[1..].parse().ok()?;
            let monday = NaiveDate::from_isoywd_opt(year, w, chrono::Weekday::Mon)?;
            Some((monday, monday + Duration::days(6)))
        }
        [_, month] => {
            let m: u32 = month.parse().ok()?;
            let first = NaiveDate::from_ymd_opt(year, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                first.with_month(m + 1)?
            };
            Some((first, next - Duration::days(1)))
        }
        [_, month, day] => {
            let d = NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?)?;
            Some((d, d))
        }
        _ => None,
    }
}

/// When a mention happened, as far as the text tells: its date's period, or the
/// day it was published.
pub fn when(m: &Mention) -> Option<Period> {
    m.date.as_deref().and_then(period).or(m.published.map(|p| (p, p)))
}

fn days_apart(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> i64 {
    if a.1 < b.0 {
        (b.0 - a.1).num_days()
    } else if b.1 < a.0 {
        (a.0 - b.1).num_days()
    } else {
        0
    }
}

/// Counts as a sorted multiset.
fn count_set(counts: &[EventCount]) -> Vec<(u64, &'static str)> {
    let mut set: Vec<(u64, &'static str)> = counts.iter().map(|c| (c.value, c.category.as_str())).collect();
    set.sort_unstable();
    set
}

/// Whether every element of `small` is in `large` (both sorted multisets).
fn is_part(small: &[(u64, &'static str)], large: &[(u64, &'static str)]) -> bool {
    let mut rest = large.to_vec();
    small.iter().all(|item| match rest.iter().position(|x| x == item) {
        Some(i) => {
            rest.remove(i);
            true
        }
        None => false,
    })
}

struct Cluster {
    members: Vec<Mention>,
    first: Option<Period>,
    target: Option<String>,
    counts: Vec<EventCount>,
    /// `counts` as a sorted multiset.
    count_set: Vec<(u64, &'static str)>,
    names: Vec<String>,
    /// The members' doc_ids and dates, so that a cluster of thousands of
    /// reports answers in constant time.
    docs: HashSet<String>,
    dates: HashSet<String>,
}

/// What a cluster compares of a mention, worked out once per mention.
struct Probe {
    period: Option<Period>,
    counts: Vec<(u64, &'static str)>,
    names: Vec<String>,
}

impl Probe {
    fn of(m: &Mention) -> Probe {
        Probe {
            period: when(m),
            counts: count_set(&m.counts),
            names: m.named_targets.iter().map(|n| key_text(n)).collect(),
        }
    }
}

impl Cluster {
    /// Its first member's sweep key: `first` is that member's period.
    fn head_key(&self) -> SweepKey {
        let head = &self.members[0];
        (self.first, head.doc_id.clone(), head.event_idx)
    }

    fn accepts(&self, m: &Mention, probe: &Probe) -> bool {
        if self.target != m.target || self.docs.contains(&m.doc_id) {
            return false;
        }
        let (mine, theirs) = (&self.count_set, &probe.counts);
        let counts_agree = mine.is_empty() || theirs.is_empty() || is_part(mine, theirs) || is_part(theirs, mine);
        let names = &probe.names;
        let names_agree = self.names.is_empty() || names.is_empty() || names.iter().any(|n| self.names.contains(n));
        let close = match (self.first, probe.period) {
            (Some(a), Some(b)) => periods_close(a, b),
            // Without any date, only the same authority/status/target can tell;
            // an undated report never joins a dated one (see `Sweep::push`).
            (None, None) => true,
            _ => false,
        };
        counts_agree && names_agree && close
    }

    /// How much a mention it accepts agrees with it beyond compatibility.
    fn agreement(&self, m: &Mention, probe: &Probe) -> usize {
        let counts = usize::from(!probe.counts.is_empty() && probe.counts == self.count_set) * 2;
        let names = probe.names.iter().filter(|n| self.names.contains(n)).count() * 2;
        let target = usize::from(m.target.is_some() && m.target == self.target);
        let date = usize::from(m.date.as_ref().is_some_and(|d| self.dates.contains(d)));
        counts + names + target + date
    }

    fn add(&mut self, m: Mention) {
        self.docs.insert(m.doc_id.clone());
        if let Some(date) = &m.date {
            self.dates.insert(date.clone());
        }
        if self.target.is_none() {
            self.target = m.target.clone();
        }
        if m.counts.len() > self.counts.len() {
            self.counts = m.counts.clone();
            self.count_set = count_set(&self.counts);
        }
        self.names.extend(
            m.named_targets
                .iter()
                .map(|n| key_text(n))
                .filter(|n| !self.names.contains(n))
                .collect::<Vec<_>>(),
        );
        self.members.push(m);
    }
}

/// A day range: a date value's period, or a publication day.
pub type Period = (NaiveDate, NaiveDate);

/// Where a mention stands in the sweep of its authority and status: undated
/// mentions first, then by period, doc_id and event index. Unique per mention.
pub type SweepKey = (Option<Period>, String, usize);

/// The sweep key of a mention.
pub fn sweep_key(m: &Mention) -> SweepKey {
    (when(m), m.doc_id.clone(), m.event_idx)
}

/// The merge of one authority and status: mentions are pushed in sweep-key
/// order, each joins the open cluster that accepts it and agrees most (then the
/// largest, then the earliest) or starts a cluster of its own. A cluster is open
/// while a later mention can still be close to its first mention's period
/// (within [`WINDOW_DAYS`], or the same period when it is coarse); mentions come
/// in sweep-key order, so a closed cluster stays closed. Undated mentions come
/// first and merge only among themselves: the first dated mention closes their
/// clusters.
///
/// [`merge`] runs it over whole groups; the databases' incremental update
/// (`sinks/canonical.rs`) runs it from any point of a group, seeded with the
/// clusters open there, and relies on these properties: a mention's cluster
/// depends only on the clusters open when it comes, a cluster's state only on
/// its members in order, and a cluster with a fine first period is open at a
/// mention of period `(s, e)` exactly when that period ends on or after
/// `s - WINDOW_DAYS`, one with a coarse first period exactly when that period
/// is `(s, e)` (mentions of one period are next to each other in the sweep).
///
/// A sweep made [`retiring`](Sweep::retiring) lets its caller take the closed
/// clusters out ([`take_closed`](Sweep::take_closed)), so that its memory is
/// that of the clusters open at once, not of all it merged.
#[derive(Default)]
pub struct Sweep {
    /// By index; `None` once taken out.
    clusters: Vec<Option<Box<Cluster>>>,
    open: Vec<usize>,
    /// Clusters closed and not yet taken out (kept by a retiring sweep only).
    closed: Vec<usize>,
    retiring: bool,
}

/// A cluster taken out of a sweep once closed.
pub struct Closed(Box<Cluster>);

impl Closed {
    /// Its members, in sweep-key order (the first is its head).
    pub fn members(&self) -> &[Mention] {
        &self.0.members
    }

    /// Its head's sweep key (as `sweep_key` of its first member).
    pub fn head_key(&self) -> SweepKey {
        self.0.head_key()
    }

    /// Its canonical event and members.
    pub fn into_event(self) -> (CanonicalEvent, Vec<Mention>) {
        let c = *self.0;
        let members = c.members.clone();
        (canonical(c.members, c.target, c.counts), members)
    }
}

impl Sweep {
    /// An empty sweep.
    pub fn new() -> Self {
        Sweep::default()
    }

    /// An empty sweep whose closed clusters its caller takes out.
    pub fn retiring() -> Self {
        Sweep {
            retiring: true,
            ..Sweep::default()
        }
    }

    /// The clusters closed since the last call (a retiring sweep's), in the
    /// order they closed; the sweep forgets them.
    pub fn take_closed(&mut self) -> Vec<Closed> {
        let clusters = &mut self.clusters;
        self.closed
            .drain(..)
            .filter_map(|i| clusters[i].take().map(Closed))
            .collect()
    }

    fn cluster(&self, i: usize) -> &Cluster {
        self.clusters[i].as_deref().expect("a cluster not taken out")
    }

    fn cluster_mut(&mut self, i: usize) -> &mut Cluster {
        self.clusters[i].as_deref_mut().expect("a cluster not taken out")
    }

    /// Adds a cluster as it stood before the point the sweep starts from: its
    /// members so far, in sweep-key order. Seeds come before any push, in the
    /// order of their first members.
    pub fn seed(&mut self, members: Vec<Mention>) -> usize {
        let mut members = members.into_iter();
        let first = members.next().expect("a seeded cluster has a member");
        let i = self.start(first);
        let cluster = self.cluster_mut(i);
        for m in members {
            cluster.add(m);
        }
        i
    }

    fn start(&mut self, m: Mention) -> usize {
        let mut cluster = Cluster {
            members: Vec::new(),
            first: when(&m),
            target: None,
            counts: Vec::new(),
            count_set: Vec::new(),
            names: Vec::new(),
            docs: HashSet::default(),
            dates: HashSet::default(),
        };
        cluster.add(m);
        self.open.push(self.clusters.len());
        self.clusters.push(Some(Box::new(cluster)));
        self.clusters.len() - 1
    }

    /// Closes the clusters out of reach of a mention of period `p` and of
    /// every mention after it (`push` does it for the mention it places).
    pub fn close_before(&mut self, p: Period) {
        let (clusters, closed) = (&self.clusters, &mut self.closed);
        let retiring = self.retiring;
        self.open.retain(|&i| {
            let first = clusters[i].as_deref().and_then(|c| c.first);
            let open = first.is_some_and(|first| open_to(first, p));
            if !open && retiring {
                closed.push(i);
            }
            open
        });
    }

    /// Places the next mention (in sweep-key order) and says in which cluster.
    pub fn push(&mut self, m: Mention) -> usize {
        let probe = Probe::of(&m);
        if let Some(p) = probe.period {
            self.close_before(p);
        }
        // Among the clusters that accept it, the one agreeing most, then the
        // largest, then the earliest.
        let best = self
            .open
            .iter()
            .copied()
            .filter(|&i| self.cluster(i).accepts(&m, &probe))
            .max_by_key(|&i| {
                let c = self.cluster(i);
                (c.agreement(&m, &probe), c.members.len(), std::cmp::Reverse(i))
            });
        match best {
            Some(i) => {
                self.cluster_mut(i).add(m);
                i
            }
            None => self.start(m),
        }
    }

    /// The members of cluster `i` so far, in sweep-key order (the first is
    /// its head). Panics for a cluster taken out.
    pub fn members(&self, i: usize) -> &[Mention] {
        &self.cluster(i).members
    }

    /// The sweep key of the head of cluster `i` (as `sweep_key` of its
    /// first member, without parsing its date again). Panics for a cluster
    /// taken out.
    pub fn head_key(&self, i: usize) -> SweepKey {
        self.cluster(i).head_key()
    }

    /// How many clusters the sweep has started (taken out ones included).
    pub fn len(&self) -> usize {
        self.clusters.len()
    }

    /// The clusters not taken out, by index.
    pub fn live(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.clusters.len()).filter(|&i| self.clusters[i].is_some())
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }

    /// The canonical event of cluster `i`, as it stands.
    pub fn event(&self, i: usize) -> CanonicalEvent {
        let c = self.cluster(i);
        canonical(c.members.clone(), c.target.clone(), c.counts.clone())
    }

    /// Every cluster's canonical event (those not taken out).
    pub fn into_events(self) -> impl Iterator<Item = CanonicalEvent> {
        self.clusters
            .into_iter()
            .flatten()
            .map(|c| canonical(c.members, c.target, c.counts))
    }
}

/// Whether a cluster whose first period is `first` is open at a mention of
/// period `p` (in sweep order: `p` does not come before `first`).
pub fn open_to(first: Period, p: Period) -> bool {
    if coarse(first) {
        first == p
    } else {
        (p.0 - first.1).num_days() <= WINDOW_DAYS
    }
}

/// A mention's group: only mentions of one group merge.
pub fn group_of(m: &Mention) -> (&str, EventStatus, Option<&str>) {
    (&m.authority, m.status, m.target.as_deref())
}

/// The order [`merge`] takes mentions in: by group, then by sweep key.
fn merge_order(a: &Mention, b: &Mention) -> std::cmp::Ordering {
    fn key(m: &Mention) -> (&str, &str, Option<&str>, Option<Period>, &str, usize) {
        (
            m.authority.as_str(),
            m.status.as_str(),
            m.target.as_deref(),
            when(m),
            m.doc_id.as_str(),
            m.event_idx,
        )
    }
    key(a).cmp(&key(b))
}

/// Merges the mentions of a batch into canonical events, in a deterministic
/// order (earliest first), whatever the order of the input.
pub fn merge(mut mentions: Vec<Mention>) -> Vec<CanonicalEvent> {
    mentions.sort_by(merge_order);
    let mut events: Vec<CanonicalEvent> = Vec::new();
    let mut sweep = Sweep::new();
    let mut group: Option<(String, EventStatus, Option<String>)> = None;
    for m in mentions {
        if group
            .as_ref()
            .is_none_or(|g| (g.0.as_str(), g.1, g.2.as_deref()) != group_of(&m))
        {
            events.extend(std::mem::take(&mut sweep).into_events());
            group = Some((m.authority.clone(), m.status, m.target.clone()));
        }
        sweep.push(m);
    }
    events.extend(sweep.into_events());
    sort_events(&mut events);
    events
}

/// Canonical events in their order of output: earliest first publication, then id.
pub fn sort_events(events: &mut [CanonicalEvent]) {
    events.sort_by(|a, b| (&a.first_published, &a.id).cmp(&(&b.first_published, &b.id)));
}

/// Precision of a date value: days covered, fewer is more precise.
fn span_days(value: &str) -> i64 {
    period(value).map_or(i64::MAX, |(a, b)| (b - a).num_days())
}

fn canonical(mut members: Vec<Mention>, target: Option<String>, counts: Vec<EventCount>) -> CanonicalEvent {
    members.sort_by(|a, b| (a.published, &a.doc_id, a.event_idx).cmp(&(b.published, &b.doc_id, b.event_idx)));
    let first = &members[0];
    let date = members
        .iter()
        .filter_map(|m| m.date.clone())
        .filter(|d| period(d).is_some())
        .min_by(|a, b| span_days(a).cmp(&span_days(b)).then(a.cmp(b)));
    let mut named_targets: Vec<String> = Vec::new();
    for name in members.iter().flat_map(|m| &m.named_targets) {
        if !named_targets.iter().any(|n| key_text(n) == key_text(name)) {
            named_targets.push(name.clone());
        }
    }
    CanonicalEvent {
        id: format!("{}#{}", first.doc_id, first.event_idx),
        authority: first.authority.clone(),
        status: first.status,
        target,
        counts,
        named_targets,
        date,
        first_published: first.published.map(|p| p.to_string()),
        sources: members
            .into_iter()
            .map(|m| Source {
                doc_id: m.doc_id,
                event_idx: m.event_idx,
                published: m.published.map(|p| p.to_string()),
                date: m.date,
                evidence: m.evidence,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::CountCategory;

    fn mention(
        doc: &str,
        published: &str,
        target: Option<&str>,
        counts: &[(u64, CountCategory)],
        names: &[&str],
        date: Option<&str>,
    ) -> Mention {
        Mention {
            doc_id: doc.into(),
            event_idx: 0,
            published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            authority: "United States".into(),
            status: EventStatus::Imposed,
            target: target.map(Into::into),
            counts: counts
                .iter()
                .map(|&(value, category)| EventCount { value, category })
                .collect(),
            named_targets: names.iter().map(|n| n.to_string()).collect(),
            date: date.map(Into::into),
            evidence: vec![[0, 10]],
        }
    }

    use CountCategory::{Entity as E, Individual as I};

    #[test]
    fn three_outlets_one_action() {
        let merged = merge(vec![
            mention("c", "2025-11-07", Some("North Korea"), &[(2, E), (8, I)], &[], None),
            mention(
                "a",
                "2025-11-06",
                Some("North Korea"),
                &[(8, I), (2, E)],
                &["Korea Mangyongdae Computer Technology Company"],
                None,
            ),
            mention(
                "b",
                "2025-11-07",
                Some("North Korea"),
                &[],
                &["Korea Mangyongdae Computer Technology Company", "Ryujong Credit Bank"],
                None,
            ),
            // The same authority a year earlier is another action.
            mention("d", "2024-11-07", Some("North Korea"), &[(8, I), (2, E)], &[], None),
        ]);
        assert_eq!(merged.len(), 2);
        let action = merged
            .iter()
            .find(|e| e.sources.len() == 3)
            .expect("one event with three sources");
        assert_eq!(action.id, "a#0");
        let docs: Vec<&str> = action.sources.iter().map(|s| s.doc_id.as_str()).collect();
        assert_eq!(docs, ["a", "b", "c"]);
        assert_eq!(action.target.as_deref(), Some("North Korea"));
        assert_eq!(
            action.named_targets,
            ["Korea Mangyongdae Computer Technology Company", "Ryujong Credit Bank"]
        );
        assert_eq!(action.counts.len(), 2);
        assert_eq!(merged[0].id, "d#0", "earliest first");
    }

    #[test]
    fn different_targets_counts_or_dates_stay_apart() {
        let merged = merge(vec![
            mention(
                "a",
                "2025-11-07",
                Some("North Korea"),
                &[(8, I)],
                &[],
                Some("2025-11-06"),
            ),
            mention("b", "2025-11-07", Some("Iran"), &[(8, I)], &[], Some("2025-11-06")),
            mention(
                "c",
                "2025-11-07",
                Some("North Korea"),
                &[(3, I)],
                &[],
                Some("2025-11-06"),
            ),
            mention(
                "d",
                "2025-11-20",
                Some("North Korea"),
                &[(8, I)],
                &[],
                Some("2025-11-19"),
            ),
            mention(
                "e",
                "2025-11-08",
                Some("North Korea"),
                &[(8, I)],
                &["Acme Bank"],
                Some("2025-11-06"),
            ),
            mention("f", "2025-11-08", Some("North Korea"), &[], &[], Some("2025-11-07")),
            // An unknown target is another group.
            mention("g", "2025-11-08", None, &[(8, I)], &[], Some("2025-11-06")),
        ]);
        let sizes: Vec<(String, usize)> = merged.iter().map(|e| (e.id.clone(), e.sources.len())).collect();
        // a, e (names given once) and f (no counts) are one action; b, c, d, g are others.
        assert!(sizes.contains(&("a#0".into(), 3)), "{sizes:?}");
        assert!(sizes.contains(&("g#0".into(), 1)), "{sizes:?}");
        assert_eq!(merged.len(), 5, "{sizes:?}");
    }

    #[test]
    fn coarse_dates_merge_only_with_the_same_period() {
        let merged = merge(vec![
            mention("a", "2025-11-20", Some("Iran"), &[], &[], Some("2025-11")),
            mention("b", "2025-11-21", Some("Iran"), &[], &[], Some("2025-11")),
            // Inside November, but a precise action: not the month's report.
            mention("c", "2025-11-07", Some("Iran"), &[], &[], Some("2025-11-06")),
            mention("d", "2025-11-08", Some("Iran"), &[], &[], Some("2025-11-07")),
            mention("e", "2025-12-01", Some("Iran"), &[], &[], Some("2025")),
            mention("f", "2025-12-02", Some("Iran"), &[], &[], Some("2025")),
        ]);
        let mut groups: Vec<Vec<&str>> = merged
            .iter()
            .map(|e| e.sources.iter().map(|s| s.doc_id.as_str()).collect())
            .collect();
        groups.sort();
        assert_eq!(groups, [vec!["a", "b"], vec!["c", "d"], vec!["e", "f"]]);
    }

    #[test]
    fn a_retiring_sweep_gives_back_each_cluster_once_closed() {
        let mut sweep = Sweep::retiring();
        for m in [
            mention("a", "2025-11-06", None, &[], &[], None),
            mention("b", "2025-11-07", None, &[], &[], None),
            mention("c", "2025-11-20", None, &[], &[], None),
        ] {
            sweep.push(m);
        }
        let closed: Vec<Vec<String>> = sweep
            .take_closed()
            .iter()
            .map(|c| c.members().iter().map(|m| m.doc_id.clone()).collect())
            .collect();
        assert_eq!(closed, [vec!["a", "b"]]);
        assert_eq!(sweep.live().collect::<Vec<_>>(), [1]);
        assert_eq!(sweep.members(1)[0].doc_id, "c");
    }

    #[test]
    fn one_article_never_merges_with_itself() {
        let mut second = mention("a", "2025-11-07", Some("North Korea"), &[], &[], None);
        second.event_idx = 1;
        let merged = merge(vec![
            mention("a", "2025-11-07", Some("North Korea"), &[], &[], None),
            second,
        ]);
        assert_eq!(merged.len(), 2);
    }

    #[test]
    fn periods_of_date_values() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(period("2025-11-06"), Some((d("2025-11-06"), d("2025-11-06"))));
        assert_eq!(period("2024-02"), Some((d("2024-02-01"), d("2024-02-29"))));
        assert_eq!(period("2022"), Some((d("2022-01-01"), d("2022-12-31"))));
        assert_eq!(period("2022-W48"), Some((d("2022-11-28"), d("2022-12-04"))));
        assert_eq!(
            period("2022-07-19/2022-07-20"),
            Some((d("2022-07-19"), d("2022-07-20")))
        );
        assert_eq!(period("XXXX-11-06"), None);
    }
}
