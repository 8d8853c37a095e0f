//! The decisions of event assembly, kept as they are taken, for `explain`.
//!
//! Event assembly (`events.rs`) is generic over a [`Trace`] and tells it each
//! decision as a [`Step`] made by a closure. The pipeline passes [`Untraced`],
//! whose `note` drops the closure uncalled and whose `ON` is false: the
//! extraction path is compiled without a trace and builds no step. `explain`
//! passes a [`Recorder`], which turns the steps into the sentences, triggers
//! and candidates of an [`Explanation`](crate::explain::Explanation). The
//! trace is what assembly did, not a second reading of the article: a rule
//! changed in `events.rs` changes what `explain` says.

pub(crate) use crate::explain::Role;
use crate::explain::{Candidate, Fate, Listed, Reading, RejectedMatch, SentenceTrace, TriggerTrace};
use crate::extract::Article;
use crate::record::EventStatus;
use std::ops::Range;

/// The events a new event differs from, and how (`another target`).
pub(crate) type Apart = Vec<(usize, &'static str)>;

/// One decision of event assembly. Ranges are bytes of the article's text.
pub(crate) enum Step {
    /// The article's actors and countries, most named first: the authority
    /// and target of last resort.
    Context {
        actors: Vec<String>,
        countries: Vec<String>,
    },
    /// The article is not searched for triggers, for this reason (its
    /// sanctions are those of sport or courts).
    Unsearched { why: String },
    /// A trigger rule matched in sentence `sentence`, but the match is no
    /// trigger.
    MatchRejected {
        sentence: usize,
        rule: &'static str,
        range: Range<usize>,
        why: String,
    },
    /// Something that changed a match on its way to a trigger (a modal made
    /// it planned, an overlapping match joined it).
    MatchNote { range: Range<usize>, note: String },
    /// The triggers of sentence `sentence`, in order.
    Triggers {
        sentence: usize,
        found: Vec<(&'static str, Range<usize>, EventStatus)>,
    },
    /// Trigger `trigger` (index among its sentence's) is being read.
    Reading { sentence: usize, trigger: usize },
    /// A mention considered for a role of the reading, taken or not.
    Candidate {
        role: Role,
        range: Range<usize>,
        value: String,
        accepted: bool,
        why: String,
    },
    /// How the authority of the reading was found.
    Authority { how: String },
    /// The reading's reason, if any.
    Reason { reason: Option<String> },
    /// The reading made readings `first..`, one per authority (and the
    /// agency that acted for it).
    Readings {
        first: usize,
        authorities: Vec<(String, Option<String>)>,
    },
    /// The reading made none.
    Dropped { why: String },
    /// Sentence `sentence` lists names added to reading `reading`.
    Listed {
        sentence: usize,
        names: Vec<String>,
        reading: usize,
    },
    /// Reading `reading` became event `event` (before `finish` drops some),
    /// new or merged, as `how` says; a new one is `apart` from the events
    /// of its authority before it (event, why).
    Merged {
        reading: usize,
        event: usize,
        how: String,
        apart: Apart,
    },
    /// Event `event` (of the merge) is record event `index`, or dropped
    /// (`None`); `notes` say what `finish` changed.
    Finished {
        event: usize,
        index: Option<usize>,
        notes: Vec<String>,
    },
}

/// Where event assembly tells its decisions.
pub(crate) trait Trace {
    /// Whether steps are kept: when false, assembly skips the work of listing
    /// candidates it only needs for the trace.
    const ON: bool;
    /// Keeps the step `step` makes (called only when kept).
    fn note(&mut self, step: impl FnOnce() -> Step);
}

/// No trace: the extraction path.
pub(crate) struct Untraced;

impl Trace for Untraced {
    const ON: bool = false;
    #[inline(always)]
    fn note(&mut self, _step: impl FnOnce() -> Step) {}
}

/// Keeps the steps of one article's assembly as an explanation's sentences.
pub(crate) struct Recorder<'a> {
    article: &'a Article<'a>,
    sentences: Vec<SentenceTrace>,
    /// Notes on matches of the sentence being searched, not yet given to its
    /// triggers.
    notes: Vec<(Range<usize>, String)>,
    /// The trigger being read: (sentence, trigger) indices into `sentences`.
    current: Option<(usize, usize)>,
    /// Per reading: where its trace is (sentence, trigger) and its authority
    /// and agency.
    readings: Vec<(usize, usize, String, Option<String>)>,
    /// Sentences that list names (their index in `sentences`), and the reading
    /// the names joined.
    lists: Vec<(usize, usize)>,
    /// Per reading: the merged event, how, and what set it apart.
    merged: Vec<(usize, String, Apart)>,
    /// Per merged event: its record index, and what `finish` changed.
    finished: Vec<(Option<usize>, Vec<String>)>,
    /// Whether assembly read the article (it holds a sanctions word).
    pub searched: bool,
    /// Why an article with a sanctions word was not read, if it was not.
    pub unsearched: Option<String>,
    pub actors: Vec<String>,
    pub countries: Vec<String>,
}

impl<'a> Trace for Recorder<'a> {
    const ON: bool = true;
    fn note(&mut self, step: impl FnOnce() -> Step) {
        self.keep(step());
    }
}

impl<'a> Recorder<'a> {
    /// A recorder for the assembly of `article`.
    pub fn new(article: &'a Article<'a>) -> Self {
        Recorder {
            article,
            sentences: Vec::new(),
            notes: Vec::new(),
            current: None,
            readings: Vec::new(),
            lists: Vec::new(),
            merged: Vec::new(),
            finished: Vec::new(),
            searched: false,
            unsearched: None,
            actors: Vec::new(),
            countries: Vec::new(),
        }
    }

    /// The trace of sentence `i`, added in order when first needed.
    fn sentence(&mut self, i: usize) -> usize {
        if let Some(at) = self.sentences.iter().position(|s| s.index == i) {
            return at;
        }
        let range = self.article.sentences[i].clone();
        self.sentences.push(SentenceTrace {
            index: i,
            number: i + 1,
            span: self.article.span(range.clone()),
            text: self.article.text[range].to_string(),
            triggers: Vec::new(),
            rejected: Vec::new(),
            listed: None,
        });
        self.sentences.len() - 1
    }

    fn text(&self, range: &Range<usize>) -> String {
        self.article.text[range.clone()].to_string()
    }

    /// The trigger being read.
    fn trigger(&mut self) -> &mut TriggerTrace {
        let (s, t) = self.current.expect("a candidate belongs to a trigger being read");
        &mut self.sentences[s].triggers[t]
    }

    fn keep(&mut self, step: Step) {
        match step {
            Step::Unsearched { why } => self.unsearched = Some(why),
            Step::Context { actors, countries } => {
                self.searched = true;
                self.actors = actors;
                self.countries = countries;
            }
            Step::MatchRejected {
                sentence,
                rule,
                range,
                why,
            } => {
                let text = self.text(&range);
                let s = self.sentence(sentence);
                self.sentences[s].rejected.push(RejectedMatch { rule, text, why });
            }
            Step::MatchNote { range, note } => self.notes.push((range, note)),
            Step::Triggers { sentence, found } => self.triggers(sentence, found),
            Step::Reading { sentence, trigger } => {
                let s = self.sentence(sentence);
                self.current = Some((s, trigger));
            }
            Step::Candidate {
                role,
                range,
                value,
                accepted,
                why,
            } => {
                let text = self.text(&range);
                self.trigger().candidates.push(Candidate {
                    role,
                    text,
                    value,
                    accepted,
                    why,
                });
            }
            Step::Authority { how } => self.trigger().authority = Some(how),
            Step::Reason { reason } => self.trigger().reason = reason,
            Step::Readings { first, authorities } => {
                let (s, t) = self.current.expect("readings of a trigger being read");
                debug_assert_eq!(first, self.readings.len());
                for (authority, agency) in authorities {
                    self.readings.push((s, t, authority, agency));
                }
            }
            Step::Dropped { why } => self.trigger().dropped = Some(why),
            Step::Listed {
                sentence,
                names,
                reading,
            } => {
                let s = self.sentence(sentence);
                self.sentences[s].listed = Some(Listed {
                    names,
                    reading,
                    event: None,
                });
                self.lists.push((s, reading));
            }
            Step::Merged {
                reading,
                event,
                how,
                apart,
            } => {
                debug_assert_eq!(reading, self.merged.len());
                self.merged.push((event, how, apart));
            }
            Step::Finished { event, index, notes } => {
                debug_assert_eq!(event, self.finished.len());
                self.finished.push((index, notes));
            }
        }
    }

    /// The triggers of a sentence, with the notes on their matches.
    fn triggers(&mut self, sentence: usize, found: Vec<(&'static str, Range<usize>, EventStatus)>) {
        let s = self.sentence(sentence);
        let notes = std::mem::take(&mut self.notes);
        for (rule, range, status) in found {
            let notes = notes
                .iter()
                .filter(|(r, _)| range.start <= r.start && r.end <= range.end)
                .map(|(_, note)| note.clone())
                .collect();
            let text = self.text(&range);
            self.sentences[s].triggers.push(TriggerTrace {
                rule,
                text,
                status,
                notes,
                authority: None,
                candidates: Vec::new(),
                reason: None,
                readings: Vec::new(),
                dropped: None,
            });
        }
    }

    /// What became of reading `n`: the record event it is part of and how.
    fn fate(&self, n: usize) -> Fate {
        let Some((event, how, apart)) = self.merged.get(n) else {
            return Fate::default();
        };
        let index = |j: usize| self.finished.get(j).and_then(|(index, _)| *index);
        let mut how = how.clone();
        for &(j, why) in apart {
            match index(j) {
                Some(k) => how += &format!("; {why} than event {k}"),
                None => how += &format!("; {why} than an event dropped at the end"),
            }
        }
        let notes = self
            .finished
            .get(*event)
            .map(|(_, notes)| notes.clone())
            .unwrap_or_default();
        Fate {
            reading: n,
            event: index(*event),
            how,
            notes,
        }
    }

    /// The sentences, each reading and list given the record event it ended in.
    pub fn finish(mut self) -> Vec<SentenceTrace> {
        for n in 0..self.readings.len() {
            let fate = self.fate(n);
            let (s, t, authority, agency) = self.readings[n].clone();
            self.sentences[s].triggers[t].readings.push(Reading {
                authority,
                agency,
                fate,
            });
        }
        for &(s, reading) in &self.lists {
            let event = self.fate(reading).event;
            if let Some(listed) = &mut self.sentences[s].listed {
                listed.event = event;
            }
        }
        self.sentences.sort_by_key(|s| s.index);
        self.sentences
    }
}
