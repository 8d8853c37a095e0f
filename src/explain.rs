//! Why an article's record holds the events it holds (issue #20): per
//! sentence, the trigger matches kept and rejected, the candidate authorities,
//! targets, counts, named targets and dates each trigger weighed, the rule or
//! reason that took or refused each, and the event each reading made or
//! joined; then the events as the record holds them.
//!
//! An [`Explanation`] comes from [`Pipeline::explain`](crate::Pipeline::explain),
//! which reads the article as [`Pipeline::process`](crate::Pipeline::process)
//! does and assembles its events with a recorder of the decisions (see
//! `assemble/trace.rs`): the explanation is what assembly did, and its
//! `events` are the record's. [`pick`] finds the article to explain in an
//! input. `Display` writes the text the `explain` subcommand prints; serde
//! gives the same as one JSON object.

use crate::record::{Event, EventStatus, Status};
use crate::sources::{Document, Inputs, Limits, OnWarning};
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// How one article's events came to be.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The article's doc_id, as in its record.
    pub doc_id: String,
    /// Its publication date (ISO 8601), which relative dates are read from.
    pub published: Option<String>,
    /// The record's status: only `ok` articles have events.
    pub status: Status,
    /// Why an article is skipped or failed (`language:spa`).
    pub status_detail: Option<String>,
    /// How many sentences the article has.
    pub sentence_count: usize,
    /// Whether its sentences were searched for triggers: only an article
    /// that holds a sanctions word anywhere is.
    pub searched: bool,
    /// Why an article that holds a sanctions word was not searched (its
    /// sanctions are those of sport or courts), if it was not.
    pub unsearched: Option<String>,
    /// The authorities the article names where they can act, most named first:
    /// the authority of last resort is the first.
    pub actors: Vec<String>,
    /// The countries (and demonyms) the article names, most named first: a
    /// missing target is the first that is not the authority.
    pub countries: Vec<String>,
    /// The sentences where assembly found something (a trigger, a rejected
    /// match, a list of names), in order.
    pub sentences: Vec<SentenceTrace>,
    /// The events, exactly as the record's `events`.
    pub events: Vec<Event>,
}

/// What assembly found in one sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceTrace {
    /// Index among the article's sentences, from 0.
    #[serde(skip)]
    pub index: usize,
    /// The sentence's number, from 1.
    pub number: usize,
    /// Its span in the clean text (code points), as the events' evidence.
    pub span: crate::record::Span,
    /// Its text.
    pub text: String,
    /// Its triggers, in order.
    pub triggers: Vec<TriggerTrace>,
    /// Matches of trigger rules that are no triggers.
    pub rejected: Vec<RejectedMatch>,
    /// Names the sentence lists as targets of the event just before.
    pub listed: Option<Listed>,
}

/// A trigger and how it was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriggerTrace {
    /// The trigger rule (`Event::rule`).
    pub rule: &'static str,
    /// The words it matched.
    pub text: String,
    /// The status it gives.
    pub status: EventStatus,
    /// What changed the match on its way (a modal, an overlapping match).
    pub notes: Vec<String>,
    /// How its authority was found, when it was looked for.
    pub authority: Option<String>,
    /// The mentions weighed for each role, taken or not.
    pub candidates: Vec<Candidate>,
    /// The reason read after it.
    pub reason: Option<String>,
    /// The readings it made, one per authority, and their events.
    pub readings: Vec<Reading>,
    /// Why it made no reading, if it made none.
    pub dropped: Option<String>,
}

/// A role a mention can take in an event (amounts and officials are taken
/// where they stand, never refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Who acts.
    Authority,
    /// The country aimed at.
    Target,
    /// A count of designated people, entities, vessels...
    Count,
    /// A named target.
    Named,
    /// The date of the action.
    Date,
    /// A sum the action concerns.
    Amount,
    /// An official quoted about the action.
    Official,
}

impl Role {
    /// The role's name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Authority => "authority",
            Role::Target => "target",
            Role::Count => "count",
            Role::Named => "named",
            Role::Date => "date",
            Role::Amount => "amount",
            Role::Official => "official",
        }
    }
}

/// A mention weighed for a role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The role.
    pub role: Role,
    /// The mention's words.
    pub text: String,
    /// Its value (`United States (Treasury Department)`, `8 individual`,
    /// `2019-11-21`).
    pub value: String,
    /// Whether the trigger took it.
    pub accepted: bool,
    /// The rule that took it, or why it was refused.
    pub why: String,
}

/// A match of a trigger rule that is no trigger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RejectedMatch {
    /// The rule.
    pub rule: &'static str,
    /// The words it matched.
    pub text: String,
    /// Why it is no trigger.
    pub why: String,
}

/// One reading of a trigger (one per authority) and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// Its authority.
    pub authority: String,
    /// The body that acted for it.
    pub agency: Option<String>,
    /// The event it made or joined.
    #[serde(flatten)]
    pub fate: Fate,
}

/// What became of a reading.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Fate {
    /// The reading's number in the article, from 0.
    pub reading: usize,
    /// The index of its event in the record's `events`, or `None` when the
    /// event was dropped.
    pub event: Option<usize>,
    /// New, merged, joined, and what set a new one apart.
    pub how: String,
    /// What the end of assembly changed in its event (a target filled, an
    /// agency taken out of the named targets, the event dropped).
    pub notes: Vec<String>,
}

/// Names a sentence lists for the event before it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listed {
    /// The names.
    pub names: Vec<String>,
    /// The reading they joined.
    pub reading: usize,
    /// Its event in the record's `events`.
    pub event: Option<usize>,
}

/// Why an article cannot be explained.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExplainError {
    /// The input does not exist or cannot be looked at.
    #[error(transparent)]
    Input(#[from] crate::Error),
    /// No article of the input has the doc_id asked for.
    #[error("{input}: no article with doc_id {doc_id:?} (it holds {count} articles, the first {first:?})")]
    UnknownId {
        /// The input as named.
        input: PathBuf,
        /// The doc_id asked for.
        doc_id: String,
        /// How many articles the input holds.
        count: usize,
        /// The first one's doc_id.
        first: String,
    },
    /// The input holds no article.
    #[error("{input}: no articles found")]
    Empty {
        /// The input as named.
        input: PathBuf,
    },
    /// The article's clean text is so long that it is extracted in windows,
    /// whose decisions are not traced.
    #[error(
        "{doc_id}: its clean text of {bytes} bytes is extracted in windows (above {limit}), which explain does not trace"
    )]
    Windowed {
        /// The article.
        doc_id: String,
        /// Its clean text's length.
        bytes: usize,
        /// The length above which texts are windowed.
        limit: usize,
    },
}

/// The article of `input` to explain: the one with `doc_id`, or the first;
/// and whether the input holds others.
pub fn pick(
    input: &Path,
    doc_id: Option<&str>,
    limits: Limits,
    on_warning: OnWarning,
) -> Result<(Document, bool), ExplainError> {
    let inputs = Inputs::new([input], limits);
    inputs.check()?;
    let mut documents = inputs.documents(on_warning);
    let Some(first) = documents.next() else {
        return Err(ExplainError::Empty { input: input.into() });
    };
    let Some(doc_id) = doc_id else {
        let more = documents.next().is_some();
        return Ok((first, more));
    };
    let first_id = first.doc_id.clone();
    let mut count = 0;
    for doc in std::iter::once(first).chain(documents) {
        count += 1;
        if doc.doc_id == doc_id {
            return Ok((doc, count > 1));
        }
    }
    Err(ExplainError::UnknownId {
        input: input.into(),
        doc_id: doc_id.to_string(),
        count,
        first: first_id,
    })
}

/// Sentences longer than this (characters) are shortened in the text form.
const SHOWN_CHARS: usize = 240;

/// `text`, its middle cut out when it is long.
fn shortened(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= SHOWN_CHARS {
        return text;
    }
    let head: String = chars[..SHOWN_CHARS - 70].iter().collect();
    let tail: String = chars[chars.len() - 60..].iter().collect();
    format!("{head} [...] {tail}")
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "article {}, published {}",
            self.doc_id,
            self.published.as_deref().unwrap_or("(no date)")
        )?;
        match &self.status_detail {
            Some(detail) => writeln!(f, "status {}: {detail}", self.status.as_str())?,
            None => writeln!(f, "status {}", self.status.as_str())?,
        }
        if self.status != Status::Ok {
            return writeln!(f, "only articles of status ok are read for events");
        }
        if let Some(why) = &self.unsearched {
            writeln!(f, "{why}: no sentence is searched for triggers")?;
        } else if !self.searched {
            writeln!(
                f,
                "no sanctions word in the article: no sentence is searched for triggers"
            )?;
        } else {
            writeln!(
                f,
                "{}; actors, most named first: {}; countries: {}",
                counted(self.sentence_count, "sentence"),
                list(&self.actors),
                list(&self.countries)
            )?;
            writeln!(
                f,
                "(+ taken, - refused; events are numbered as the record's `events`, from 0)"
            )?;
        }
        for sentence in &self.sentences {
            writeln!(f)?;
            write!(f, "{sentence}")?;
        }
        writeln!(f)?;
        writeln!(f, "events, as the record holds them: {}", self.events.len())?;
        for (k, event) in self.events.iter().enumerate() {
            write_event(f, k, event, &self.sentences)?;
        }
        Ok(())
    }
}

/// `1 sentence`, `2 sentences`.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `a, b, c`, or `none`.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

impl fmt::Display for SentenceTrace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "sentence {}: {}", self.number, shortened(&self.text))?;
        for trigger in &self.triggers {
            write!(f, "{trigger}")?;
        }
        for rejected in &self.rejected {
            writeln!(
                f,
                "  no trigger: {} {:?}: {}",
                rejected.rule,
                shortened(&rejected.text),
                rejected.why
            )?;
        }
        if let Some(listed) = &self.listed {
            let event = listed
                .event
                .map_or("a dropped event".to_string(), |e| format!("event {e}"));
            writeln!(
                f,
                "  list: named targets {} added to {event} (the event of the sentences just before)",
                listed.names.join(", ")
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for TriggerTrace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "  trigger {} {:?}: {}",
            self.rule,
            shortened(&self.text),
            self.status.as_str()
        )?;
        for note in &self.notes {
            writeln!(f, "    note: {note}")?;
        }
        if let Some(how) = &self.authority {
            writeln!(f, "    authority: {how}")?;
        }
        for c in &self.candidates {
            let sign = if c.accepted { '+' } else { '-' };
            writeln!(
                f,
                "    {sign} {:<9} {:?} = {}: {}",
                c.role.as_str(),
                shortened(&c.text),
                c.value,
                c.why
            )?;
        }
        if let Some(reason) = &self.reason {
            writeln!(f, "    reason: {reason}")?;
        }
        if let Some(why) = &self.dropped {
            writeln!(f, "    no event: {why}")?;
        }
        for r in &self.readings {
            let who = match &r.agency {
                Some(agency) => format!("{} ({agency})", r.authority),
                None => r.authority.clone(),
            };
            let event = r.fate.event.map_or("no event".to_string(), |e| format!("event {e}"));
            writeln!(f, "    => {who}: {event}, {}", r.fate.how)?;
            for note in &r.fate.notes {
                writeln!(f, "       {note}")?;
            }
        }
        Ok(())
    }
}

/// One event, field by field, its evidence as sentence numbers.
fn write_event(f: &mut fmt::Formatter<'_>, k: usize, e: &Event, sentences: &[SentenceTrace]) -> fmt::Result {
    writeln!(
        f,
        "  event {k}: {} {} {}, rule {}",
        e.authority,
        e.status.as_str(),
        e.target.as_deref().unwrap_or("(no target)"),
        e.rule
    )?;
    let counts: Vec<String> = e
        .counts
        .iter()
        .map(|c| format!("{} {}", c.value, c.category.as_str()))
        .collect();
    let amounts: Vec<String> = e
        .amounts
        .iter()
        .map(|a| format!("{} {}", a.value, a.currency))
        .collect();
    let evidence: Vec<String> = e
        .evidence
        .iter()
        .map(|span| match sentences.iter().find(|s| s.span == *span) {
            Some(s) => s.number.to_string(),
            None => format!("{span:?}"),
        })
        .collect();
    let fields = [
        ("agency", e.agency.clone().into_iter().collect::<Vec<_>>()),
        ("counts", counts),
        ("named targets", e.named_targets.clone()),
        ("date", e.date.clone().into_iter().collect()),
        ("amounts", amounts),
        ("reason", e.reason.clone().into_iter().collect()),
        ("officials", e.officials.clone()),
    ];
    for (name, values) in fields {
        if !values.is_empty() {
            writeln!(f, "    {name}: {}", values.join(", "))?;
        }
    }
    writeln!(f, "    evidence: sentences {}", evidence.join(", "))
}
