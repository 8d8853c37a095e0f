//! Sanctions events of one article, assembled from triggers and the facts the
//! extractors found.
//!
//! For each trigger (see [`super::triggers`]) in a sentence, the event takes:
//! - the authority: the nearest acting government or body before the trigger
//!   that is not the object of a preposition, with the ones coordinated with it
//!   (`The U.S., Japan and South Korea revealed...` is three events); after a
//!   passive trigger, the agent (`by the Security Council`); else the actor of
//!   the sentences just before, else the article's most-named actor;
//! - the status of the trigger, made `planned` by a modal before it (`could
//!   impose`);
//! - the target: the first country named after the trigger, else before it,
//!   else the article's most-named country other than the authority;
//! - the counts, named targets, amounts and reason in the trigger's scope (up to
//!   the next trigger), the date nearest the trigger, the officials of the
//!   sentence.
//!
//! Readings that agree (same authority and status, compatible target, counts and
//! date) merge into one event: an article speaks of one action in many sentences.
//! Lists that name the targets (`The companies include ...`, bullet lists after
//! `They are:`) add to the event just before them.
//!
//! Each decision (a match refused, a candidate taken or refused, a reading
//! merged) is told to a [`Trace`] where it is taken: extraction passes
//! [`Untraced`], compiled to nothing; `explain` a recorder ([`super::trace`]).

use super::canonical::period;
use super::facts::{Actor, Fact, Facts};
use super::lexicon::{
    AGENTIVE_NOUNS, CAUSE_MARKERS, DISCIPLINARY_WORDS, KIN_NOUNS, LIST_END_PREPOSITIONS, MEASURE_NOUNS, NOUN_MODIFIERS,
    OBJECT_BREAKS, OBJECT_MARKERS, PASSIVE_AUXILIARIES, PASSIVE_GAP_WORDS, PATRON_TAILS, PLACE_TAILS, REACTION_VERBS,
    REPORTING_VERBS, REPRESENTATIVES, SPEECH_DAY_CUES, STATE_WORDS, TARGET_HEADS, TARGET_MARKERS, TERRITORIES,
};
use super::listed;
use super::trace::{Role, Step, Trace, Untraced};
use super::triggers::{
    ADJECTIVE_CUES, ANCHORED, CAPABILITY, CLAUSE_WORDS, COMPILED, Form, MODAL_WORDS, NAME_HEADS, NEEDS, NEGATIONS,
    ORDINALS, RuleSet, SANCTIONS_WORD, Strength, TriggerRule, anchored_match_end,
};
use crate::extract::entity::key_text;
use crate::extract::lexicon::titles;
use crate::extract::{Article, is_word_byte};
use crate::per_thread::PerThread;
use crate::record::{CountCategory, Event, EventAmount, EventCount, EventStatus};
use regex::Regex;
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::collections::HashMap;
use std::ops::Range;

/// Bytes looked at before a position for the words there.
const WORD_WINDOW: usize = 160;

/// How far back (sentences) an event's actor may be found.
const ACTOR_LOOKBACK: usize = 2;
/// How many of the latest events a reading may merge with: an article speaks of
/// one action in sentences close together, and the bound keeps long texts linear.
const MERGE_REACH: usize = 64;

/// How far (sentences) a list of names may follow its event.
const LIST_REACH: usize = 3;

/// The cue words of a reason (`for`, `in response to`...), as a pattern.
const REASON_CUES: &str = r"(?i)(?-u:\b)(?:for|over|in\s+response\s+to|in\s+view\s+of|due\s+to|because\s+of|in\s+retaliation\s+for|as\s+punishment\s+for)\s+";

/// Why an action was taken: a cause phrase after the trigger, up to the end of
/// its clause. [`reason`] reads what this pattern captures (group 1); the
/// pattern, run with captures, cost more than any other step of event
/// assembly (its counted repetition makes the backtracking engine slow), so
/// it stays as the definition the tests check `reason` against.
#[cfg(test)]
static REASON: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(&format!(r"{REASON_CUES}([^.;:]{{5,160}}?)(?:[.;:]|,\s|$)")).expect("pattern compiles")
});

/// The cue words of [`REASON`] with the spaces after them.
static REASON_CUE: PerThread<Regex> = PerThread::new(|| Regex::new(REASON_CUES).expect("pattern compiles"));

/// Group 1 of [`REASON`] in `text`: from the leftmost cue, after the spaces
/// that follow it (all of them, or fewer when all fail), the fewest
/// characters, from 5 to 160 and none of `.;:`, after which comes `.`, `;`,
/// `:`, a comma and a space, or the end.
fn reason(text: &str) -> Option<&str> {
    let mut from = 0;
    while let Some(cue) = REASON_CUE.find_at(text, from) {
        // The greedy spaces first, then each shorter run of at least one.
        let spaces: Vec<usize> = text[cue.start()..cue.end()]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_whitespace())
            .map(|(at, _)| cue.start() + at)
            .collect();
        let shorter = spaces.len().saturating_sub(1); // the spaces keep one
        let mut starts = std::iter::once(cue.end()).chain(spaces.iter().copied().take(shorter));
        if let Some(group) = starts.find_map(|start| clause_after(text, start)) {
            return Some(group);
        }
        from = cue.start() + text[cue.start()..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The lazy group of [`REASON`] starting at `start`, if it ends well.
fn clause_after(text: &str, start: usize) -> Option<&str> {
    let ends_clause = |at: usize| {
        let rest = &text[at..];
        let mut chars = rest.chars();
        match chars.next() {
            None | Some('.' | ';' | ':') => true,
            Some(',') => chars.next().is_some_and(char::is_whitespace),
            _ => false,
        }
    };
    let mut count = 0;
    for (offset, c) in text[start..].char_indices() {
        if count >= 5 && ends_clause(start + offset) {
            return Some(&text[start..start + offset]);
        }
        if count == 160 || matches!(c, '.' | ';' | ':') {
            return None;
        }
        count += 1;
    }
    (count >= 5).then(|| &text[start..])
}

/// A sentence that lists the targets of the action just reported: it opens
/// with target nouns and `include`/`are`..., or with the participle of an
/// inverted passive (`Also included in the sanctions were A and B`, `Newly
/// added to Seoul's list were A and B`)...
const LIST_CUE_OPENING: &str = r"^(?:(?:[\w-]+,?\s+){0,3}?(?:companies|entities|individuals|organi[sz]ations|persons|people|banks|firms|designees|targets|vessels|ships|those|officials|executives|institutions|oligarchs|businessmen)(?:\s+[\w-]+){0,4}?\s+(?:include|includes|included|are|were|is|was)|(?:[\w-]+,?\s+){0,2}?(?:included|named|listed|designated|targeted|targetted|sanctioned|added)\s+(?:[\w'\x{2019}-]+\s+){0,8}?(?:were|are|was|is))(?-u:\b)";
/// ...or places names `among the sanctions`.
const LIST_CUE_AMONG: &str = r"(?-u:\b)(?:among|within|prominent\s+(?:among|within))\s+(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?(?:sanctions|designations|targets|entities|companies|organi[sz]ations|individuals)(?-u:\b)";

/// ...or says what the sanctions or the list name (`The sanctions target A,
/// B and C`, `The measures also extend to ...`, `The list also names A`),
/// or what the action just told of did (`It also included A and B`).
const LIST_CUE_SANCTIONS: &str = r"^(?:(?:[\w-]+,?\s+){0,2}?(?:sanctions|measures|designations|penalties|list|blacklist)|it|they)\s+(?:also\s+)?(?:target|targets|targeted|targetted|name|names|named|cover|covers|hit|hits|extend\s+to|extends\s+to|include|includes|included)(?-u:\b)";

/// The cues searched apart (any case): the opening ones, anchored, stop
/// within the first words, where one alternation scanned the whole sentence
/// with all. The two opening cues are one search, [`LIST_CUE_OPENING`]'s
/// first: both are anchored at the sentence's start, so the alternation
/// finds the first cue's match when it has one, else the second's.
static LIST_CUES: PerThread<[Regex; 2]> = PerThread::new(|| {
    [
        format!("(?i)(?:{LIST_CUE_OPENING}|{LIST_CUE_SANCTIONS})"),
        format!("(?i){LIST_CUE_AMONG}"),
    ]
    .map(|cue| Regex::new(&cue).expect("pattern compiles"))
});

/// How far into a sentence (bytes) the opening list cues are looked for: up
/// to eleven words.
const LIST_CUE_HEAD: usize = 120;

/// After `among the targets`, the verb its list follows (`are`, `were`...).
static LIST_VERB: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?-u:\b)(?:are|were|is|was|include|includes|included)\s").expect("pattern compiles")
});

/// Whether a sentence is a list cue (one of [`LIST_CUES`]).
#[cfg(test)]
fn is_list_cue(sentence: &str) -> bool {
    list_start(sentence).is_some()
}

/// Where the list of a list cue sentence starts (an offset in it): after
/// the cue, and after the verb that follows `among the targets`.
fn list_start(sentence: &str) -> Option<usize> {
    let [opening, among] = &*LIST_CUES;
    // The opening cues stand in a sentence's first words.
    let opens = &sentence[..sentence.floor_char_boundary(LIST_CUE_HEAD)];
    if let Some(m) = opening.find(opens) {
        return Some(m.end());
    }
    let m = among.find(sentence)?;
    Some(LIST_VERB.find_at(sentence, m.end()).map_or(m.end(), |verb| verb.end()))
}

/// The head of a bullet line naming a person or organization (`• Ali Kocak: ...`).
static LIST_ITEM: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^[•*·-]?\s*((?:[A-Z][\w'.-]+\s+){1,5}[A-Z][\w'.-]+)\s*(?::|-|,)\s").expect("pattern compiles")
});

/// One trigger found in a sentence.
#[derive(Debug, Clone)]
struct Trigger {
    range: Range<usize>,
    rule: &'static TriggerRule,
    status: EventStatus,
    /// A planned trigger that tells more of an action already taken: its
    /// modal follows the measures themselves (`the latest sanctions will
    /// impose asset freezes`) or goes on with `also` (`Japan will also freeze
    /// the assets of a further 28 organizations`).
    follows: bool,
}

/// One reading of a trigger, before merging.
#[derive(Debug, Clone)]
struct Reading {
    authority: String,
    agency: Option<String>,
    status: EventStatus,
    target: Option<String>,
    counts: Vec<EventCount>,
    named: Vec<String>,
    date: Option<String>,
    amounts: Vec<EventAmount>,
    officials: Vec<String>,
    reason: Option<String>,
    sentences: Vec<usize>,
    rule: &'static str,
    /// A reading for a country coordinated with the trigger's target: a
    /// later reading naming no target joins the first target's, not it.
    coordinated: bool,
    /// Its sentence speaks of a part of an action's targets (`Among the new
    /// entities, 22 firms were added for ...`): its counts are the part's,
    /// and it joins the action without them.
    part: bool,
    /// Its trigger may tell more of an action already taken
    /// ([`Trigger::follows`]): it joins the latest such event of its
    /// authority, whatever its own status, its counts added.
    follows: bool,
    /// Its trigger tells of an earlier action (`Tokyo had targeted`, `the
    /// U.S. previously sanctioned`): it joins no event of the news but one
    /// of its own date.
    earlier: bool,
    /// Its trigger tells of an action taken beside another (`also
    /// designated`, `In addition, ...`): without a date of its own, it has
    /// the lead event's.
    also: bool,
}

impl Reading {
    /// A copy for another country or date of the same action, coordinated
    /// with this one: the counts, names and amounts stay with this one, as
    /// the text gives them once.
    fn companion(&self) -> Reading {
        Reading {
            counts: Vec::new(),
            named: Vec::new(),
            amounts: Vec::new(),
            coordinated: true,
            ..self.clone()
        }
    }
}

/// Openings of a sentence that speaks of a part of the targets just named.
const PART_OPENINGS: &[&str] = &[
    "among the ",
    "among these ",
    "among those ",
    "of the ",
    "of these ",
    "of those ",
];

/// The events of an article.
pub fn assemble(article: &Article, facts: &Facts) -> Vec<Event> {
    assemble_traced(article, facts, &mut Untraced)
}

/// [`assemble`], telling `trace` each decision.
pub(crate) fn assemble_traced<T: Trace>(article: &Article, facts: &Facts, trace: &mut T) -> Vec<Event> {
    let text = article.text;
    if !SANCTIONS_WORD.is_match(text) {
        return Vec::new();
    }
    let Scan {
        sentences: candidates,
        openings,
        discipline,
    } = candidate_rules(article);
    // Fewer than three disciplinary words where triggers are searched: not
    // disciplinary, without counting them and the words of states.
    if discipline.count_ones() as usize >= DISCIPLINARY_DISTINCT && disciplinary(article, &candidates) {
        trace.note(|| Step::Unsearched {
            why: "sanctions in the disciplinary sense: the article's words of sport and courts outnumber twice \
                  its words of states"
                .into(),
        });
        return Vec::new();
    }
    let context = context_of(text, facts);
    trace.note(|| Step::Context {
        actors: context.actors().map(str::to_string).collect(),
        countries: context.countries.iter().map(|c| c.to_string()).collect(),
    });
    let mut readings: Vec<Reading> = Vec::new();
    let mut last_event_sentence: Option<usize> = None;
    for (i, sentence) in article.sentences.iter().enumerate() {
        let triggers = if candidates[i].rules == RuleSet::EMPTY {
            Vec::new()
        } else {
            triggers_in(article, i, &candidates[i], &openings, trace)
        };
        if triggers.is_empty() {
            if let Some(last) = last_event_sentence.filter(|&l| i - l <= LIST_REACH)
                && let Some(names) = listed_names(article, facts, i)
            {
                let at = readings.iter().rposition(|r| r.sentences.last() == Some(&last));
                if let Some(at) = at {
                    trace.note(|| Step::Listed {
                        sentence: i,
                        names: names.iter().fold(Vec::new(), |mut unique, name| {
                            push_name(&mut unique, name.clone());
                            unique
                        }),
                        reading: at,
                    });
                    let reading = &mut readings[at];
                    for name in names {
                        push_name(&mut reading.named, name);
                    }
                    reading.sentences.push(i);
                    last_event_sentence = Some(i);
                }
            }
            continue;
        }
        trace.note(|| Step::Triggers {
            sentence: i,
            found: triggers
                .iter()
                .map(|t| (t.rule.name, t.range.clone(), t.status))
                .collect(),
        });
        for (k, trigger) in triggers.iter().enumerate() {
            let scope = Range {
                start: if k == 0 {
                    sentence.start
                } else {
                    triggers[k - 1].range.end
                },
                end: triggers.get(k + 1).map_or(sentence.end, |t| t.range.start),
            };
            trace.note(|| Step::Reading {
                sentence: i,
                trigger: k,
            });
            let found = read(article, facts, &context, &readings, i, trigger, scope, trace);
            if !found.is_empty() {
                last_event_sentence = Some(i);
            }
            readings.extend(found);
        }
    }
    let events = merge(readings, trace);
    finish(article, facts, &context, events, trace)
}

/// The words of sanctions in the disciplinary sense (sport, courts), then
/// those in the sense of states, in any case: a match's pattern index tells
/// its sense.
static SENSE_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(DISCIPLINARY_WORDS.iter().chain(STATE_WORDS))
        .expect("the sense words build an automaton")
});

/// How many more disciplinary words than words of states make an article's
/// sanctions disciplinary, and how many distinct ones it needs.
const DISCIPLINARY_RATIO: usize = 2;
const DISCIPLINARY_DISTINCT: usize = 3;

/// Whether an article speaks of sanctions in the disciplinary sense: a club
/// fined by a federation, an athlete banned for doping, a lawyer sanctioned by
/// a court (the look-alikes of sanctions news). In the sentences searched for
/// triggers, its words of sport and courts (three distinct ones at least)
/// outnumber twice its words of states.
fn disciplinary(article: &Article, candidates: &[Candidates]) -> bool {
    let (discipline, state, distinct) = sense_words(article, candidates);
    distinct.count_ones() as usize >= DISCIPLINARY_DISTINCT && discipline > DISCIPLINARY_RATIO * state
}

/// In the sentences searched for triggers, how many words of sanctions in
/// the disciplinary sense and in the sense of states stand alone, and which
/// disciplinary words (as bits of `DISCIPLINARY_WORDS`).
fn sense_words(article: &Article, candidates: &[Candidates]) -> (usize, usize, u64) {
    let (mut discipline, mut state, mut distinct) = (0, 0, 0u64);
    let bytes = article.text.as_bytes();
    let searched = article
        .sentences
        .iter()
        .zip(candidates)
        .filter(|(_, c)| c.rules != RuleSet::EMPTY);
    for (sentence, _) in searched {
        for m in SENSE_WORDS.find_iter(&article.text[sentence.clone()]) {
            let (start, end) = (sentence.start + m.start(), sentence.start + m.end());
            let glued =
                (start > 0 && is_word_byte(bytes[start - 1])) || bytes.get(end).is_some_and(|&b| is_word_byte(b));
            if glued {
                continue;
            }
            let k = m.pattern().as_usize();
            if k < DISCIPLINARY_WORDS.len() {
                discipline += 1;
                distinct |= 1 << k;
            } else {
                state += 1;
            }
        }
    }
    (discipline, state, distinct)
}

/// What the whole article says: its countries and actors, most named first,
/// and which actor mentions can act.
fn context_of<'f>(text: &'f str, facts: &'f Facts) -> Context<'f> {
    Context {
        text,
        facts,
        countries: by_mentions(facts.countries.iter().chain(&facts.demonyms).map(|f| f.value)),
        acting: vec![Cell::new(None); facts.actors.len()],
        actors: OnceCell::new(),
    }
}

/// What the whole article says, for readings its sentence leaves open.
/// Which actor mentions can act, and the article's actors, are read when a
/// reading first asks: most readings find their authority in their sentence
/// and ask only of the mentions near it.
struct Context<'f> {
    text: &'f str,
    facts: &'f Facts<'f>,
    /// Countries, most named first.
    countries: Vec<&'f str>,
    /// Per actor mention (`Facts::actors`), whether it can act ([`can_act`]),
    /// once asked.
    acting: Vec<Cell<Option<bool>>>,
    /// Authorities, most named first ([`Context::actors`]), once asked: a
    /// mention of each (an index of `Facts::actors`).
    actors: OnceCell<Vec<usize>>,
}

impl<'f> Context<'f> {
    /// Whether actor mention `k` can act ([`can_act`]).
    fn acting(&self, k: usize) -> bool {
        if let Some(acts) = self.acting[k].get() {
            return acts;
        }
        let acts = can_act(self.text, &self.facts.actors, k);
        self.acting[k].set(Some(acts));
        acts
    }

    /// The article's actors, counted where they can act, most named first;
    /// its main target (the most-named country) acts only when nothing else
    /// does.
    fn actors(&self) -> impl Iterator<Item = &'f str> + '_ {
        let actors = &self.facts.actors;
        let mentions = self.actors.get_or_init(|| {
            let mut found = by_mentions(
                (0..actors.len())
                    .filter(|&k| self.acting(k))
                    .map(|k| &*actors[k].value.authority),
            );
            if found.len() > 1
                && let Some(pos) = found.iter().position(|a| Some(a) == self.countries.first())
            {
                let main_target = found.remove(pos);
                found.push(main_target);
            }
            found
                .iter()
                .map(|&a| {
                    actors
                        .iter()
                        .position(|f| f.value.authority == a)
                        .expect("an actor is one of the mentions")
                })
                .collect()
        });
        let facts: &'f Facts<'f> = self.facts;
        mentions.iter().map(move |&k| &*facts.actors[k].value.authority)
    }
}

/// The trigger rules worth searching in a sentence (where in it: the
/// [`Opening`]s of the rules that open with a word).
#[derive(Clone, Copy)]
struct Candidates {
    rules: RuleSet,
}

/// For each sentence, the trigger rules worth searching in it: those it
/// holds a needed word of (every match of a rule holds one,
/// `triggers::NEEDS`), and one of their second list if they have one; a word
/// a rule's matches open with counts only where it starts a word. One scan of
/// the text for all rules; most sentences hold none and are never searched.
fn candidate_rules(article: &Article) -> Scan {
    let n = article.sentences.len();
    let needs = &*NEEDS;
    let text = article.text.as_bytes();
    let none = Candidates { rules: RuleSet::EMPTY };
    let mut found = vec![none; n];
    let mut openings: Vec<Opening> = Vec::new();
    let mut second = vec![needs.any_second; n];
    // Per sentence, the disciplinary words standing alone in it, as bits.
    let mut discipline = vec![0u64; n];
    if n == 0 {
        return Scan {
            sentences: found,
            openings,
            discipline: 0,
        };
    }
    for m in needs.automaton.find_overlapping_iter(text) {
        let i = article.sentence_at(m.start());
        let Some(word) = needs.words.get(m.pattern().as_usize()) else {
            // As `disciplinary` counts them: not glued to a word.
            let glued = (m.start() > 0 && is_word_byte(text[m.start() - 1]))
                || text.get(m.end()).is_some_and(|&b| is_word_byte(b));
            if !glued {
                discipline[i] |= 1 << (m.pattern().as_usize() - needs.words.len());
            }
            continue;
        };
        // As the trigger regexes see it: they search the sentence alone.
        let word_start = m.start() <= article.sentences[i].start || !is_word_byte(text[m.start() - 1]);
        let c = &mut found[i];
        if word_start {
            c.rules = c.rules.or(word.first);
            second[i] = second[i].or(word.second);
            if word.opens != RuleSet::EMPTY {
                openings.push(Opening {
                    at: m.start(),
                    rules: word.opens,
                });
            }
        } else {
            let (first, second_inside) = word.inside();
            c.rules = c.rules.or(first);
            second[i] = second[i].or(second_inside);
        }
    }
    for (c, s) in found.iter_mut().zip(&second) {
        c.rules = c.rules.and(*s);
    }
    let discipline = found
        .iter()
        .zip(&discipline)
        .filter(|(c, _)| c.rules != RuleSet::EMPTY)
        .fold(0, |seen, (_, words)| seen | words);
    // In text order (the automaton reports matches by their ends), one
    // entry a place.
    openings.sort_by_key(|o| o.at);
    openings.dedup_by(|later, kept| {
        let same = later.at == kept.at;
        if same {
            kept.rules = kept.rules.or(later.rules);
        }
        same
    });
    Scan {
        sentences: found,
        openings,
        discipline,
    }
}

/// What one scan of an article for the trigger rules' needed words finds.
struct Scan {
    /// Per sentence, the rules worth searching in it.
    sentences: Vec<Candidates>,
    /// Where the rules' opening words start words, in text order.
    openings: Vec<Opening>,
    /// The disciplinary words (`DISCIPLINARY_WORDS`, as bits) standing alone
    /// in the sentences searched: every word [`disciplinary`] counts is
    /// among them.
    discipline: u64,
}

const _: () = assert!(
    DISCIPLINARY_WORDS.len() <= 64,
    "the disciplinary words are bits of a u64"
);

/// Where a word that some rules' matches open with starts a word
/// (`Prefilter::opens`), and those rules: the only places their matches can
/// start.
#[derive(Clone, Copy)]
struct Opening {
    at: usize,
    rules: RuleSet,
}

/// The matches of trigger rule `k` in sentence `range` (offsets in the
/// sentence), as `find_iter` over the sentence finds them. A rule whose
/// matches open with a word of its first list is tried, anchored, at each
/// place such a word starts a word (`openings`, the article's, in text
/// order), past the end of the last match: the leftmost match starts at the
/// first place where one starts, and an anchored search there finds the one
/// the unanchored search prefers. Other rules are searched from the
/// sentence's start.
fn trigger_matches(
    k: usize,
    sentence: &[u8],
    range: &Range<usize>,
    candidates: &Candidates,
    openings: &[Opening],
) -> Vec<Range<usize>> {
    if !candidates.rules.contains(k) {
        return Vec::new();
    }
    if ANCHORED[k].is_none() {
        return COMPILED[k].1.find_iter(sentence).map(|m| m.range()).collect();
    }
    let first = openings.partition_point(|o| o.at < range.start);
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for o in openings[first..].iter().take_while(|o| o.at < range.end) {
        let start = o.at - range.start;
        if start < at || !o.rules.contains(k) {
            continue;
        }
        if let Some(end) = anchored_match_end(k, sentence, start) {
            at = end;
            found.push(start..end);
        }
    }
    found
}

/// The triggers of sentence `i` among the `candidates` rules, overlapping ones
/// joined.
fn triggers_in<T: Trace>(
    article: &Article,
    i: usize,
    candidates: &Candidates,
    openings: &[Opening],
    trace: &mut T,
) -> Vec<Trigger> {
    let range = article.sentences[i].clone();
    let sentence = &article.text[range.clone()];
    let mut found: Vec<Trigger> = Vec::new();
    for (k, (rule, regex)) in COMPILED.iter().enumerate() {
        if !candidates.rules.contains(k) {
            continue;
        }
        for m in trigger_matches(k, sentence.as_bytes(), &range, candidates, openings) {
            let at = range.start + m.start..range.start + m.end;
            let mut reject = |why: &dyn Fn() -> String| {
                trace.note(|| Step::MatchRejected {
                    sentence: i,
                    rule: rule.name,
                    range: at.clone(),
                    why: why(),
                })
            };
            if in_a_name(sentence, &m) {
                reject(&|| "inside a name (`the Russia Sanctions Act`, `the 1718 Sanctions Committee`)".into());
                continue;
            }
            if gap_opens_clause(regex, sentence, &m) {
                reject(&|| "a word between its parts opens another clause".into());
                continue;
            }
            let before = words_before(sentence, m.start, 4);
            if let Some(w) = before.iter().take(3).find(|w| NEGATIONS.contains(&w.as_ref())) {
                reject(&|| format!("negated: `{w}` before it"));
                continue;
            }
            if let Some(w) = before.iter().take(4).find(|w| CAPABILITY.contains(&w.as_ref())) {
                reject(&|| format!("a capability, not an action: `{w}` before it"));
                continue; // `a finding that would allow it to impose sanctions`
            }
            if rule.form == Form::VerbOnly
                && let Some(why) = not_verb(sentence, m.start, m.end, &before)
            {
                reject(&|| why.into());
                continue;
            }
            if rule.strength == Strength::Weak && !near_sanctions_word(article, i) {
                reject(&|| "a weak trigger with no sanctions word in this or the two sentences before".into());
                continue;
            }
            let mut status = rule.status;
            let mut follows = false;
            if status == EventStatus::Imposed
                && let Some((k, w)) = before.iter().enumerate().find(|&(k, w)| {
                    MODAL_WORDS.contains(&w.as_ref())
                        && (*w != "may" || lower_case_may(sentence, m.start))
                        && !plan_as_noun(w, before.get(k + 1))
                })
            {
                status = EventStatus::Planned;
                trace.note(|| Step::MatchNote {
                    range: at.clone(),
                    note: format!("planned: the modal `{w}` before it"),
                });
                let next = k.checked_sub(1).and_then(|j| before.get(j));
                let subject = before.get(k + 1);
                if next.is_some_and(|w| w == "also") || subject.is_some_and(|w| MEASURE_NOUNS.contains(&w.as_ref())) {
                    follows = true;
                    trace.note(|| Step::MatchNote {
                        range: at.clone(),
                        note: "it may tell more of an action already taken: the measures as subject, or `also` \
                               after the modal"
                            .into(),
                    });
                }
            }
            // `sanctions could include targeting`: a modal inside the match.
            if status == EventStatus::Imposed
                && let Some(w) = sentence[m.clone()]
                    .split_whitespace()
                    .find(|w| matches!(*w, "will" | "would" | "could" | "might" | "should" | "may" | "can"))
            {
                status = EventStatus::Planned;
                trace.note(|| Step::MatchNote {
                    range: at.clone(),
                    note: format!("planned: the modal `{w}` inside it"),
                });
            }
            found.push(Trigger {
                range: at,
                rule,
                status,
                follows,
            });
        }
    }
    join_overlapping(found, trace)
}

/// Whether the `may` among the words before `at` is written in lower case:
/// the modal (`the EU may impose`), not the month (`On May 23 the EU
/// imposed`) nor a name (`Theresa May imposed`).
fn lower_case_may(sentence: &str, at: usize) -> bool {
    let from = sentence.floor_char_boundary(at.saturating_sub(WORD_WINDOW));
    sentence[from..at]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "may")
}

/// Whether `plan` is a noun after a determiner (`Under the plan, Seoul
/// designated 36 officials`): the plan is then the action's, not a modal.
fn plan_as_noun(word: &str, previous: Option<&Cow<str>>) -> bool {
    matches!(word, "plan" | "plans")
        && previous.is_some_and(|p| matches!(p.as_ref(), "the" | "a" | "an" | "its" | "their" | "this" | "that"))
}

/// Triggers in text order, overlapping ones joined: the join keeps the
/// status that wins ([`priority`]) and a strong rule over a weak one.
fn join_overlapping<T: Trace>(mut found: Vec<Trigger>, trace: &mut T) -> Vec<Trigger> {
    found.sort_by_key(|t| (t.range.start, std::cmp::Reverse(t.range.end)));
    let mut joined: Vec<Trigger> = Vec::new();
    for t in found {
        match joined.last_mut() {
            Some(last) if t.range.start < last.range.end => {
                trace.note(|| Step::MatchNote {
                    range: t.range.clone(),
                    note: format!(
                        "joined by the overlapping match of {} (status {})",
                        t.rule.name,
                        t.status.as_str()
                    ),
                });
                last.range.end = last.range.end.max(t.range.end);
                if priority(t.status) > priority(last.status) {
                    last.status = t.status;
                }
                if last.rule.strength == Strength::Weak && t.rule.strength == Strength::Strong {
                    last.rule = t.rule;
                }
            }
            _ => joined.push(t),
        }
    }
    joined
}

/// Whether the `gap` of a trigger match (found without its groups, the cheap
/// search) holds a word that opens a new clause. The gap is read only when
/// the match holds a clause word at all: the gap's words are whole words of
/// the match (which starts and ends at ASCII word boundaries: char
/// boundaries). The search from the match's start finds that same match: no
/// match starts earlier there, and which one starts there does not depend on
/// where the search began.
/// Whether the capitalised sanctions word of a match goes on as the name of
/// a law or a body (`passage of the Russia Sanctions Act`, `a newly passed
/// Anti-Foreign Sanctions Law`): up to two more capitalised words, the last a
/// [`NAME_HEADS`] word.
fn in_a_name(sentence: &str, m: &Range<usize>) -> bool {
    let matched = &sentence[m.clone()];
    let Some(at) = matched.find("Sanction") else {
        return false;
    };
    let rest = &sentence[m.start + at..];
    let rest = rest.split_once(char::is_whitespace).map_or("", |(_, r)| r);
    for word in rest.split_whitespace().take(3) {
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if NAME_HEADS.contains(&word) {
            return true;
        }
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
    }
    false
}

fn gap_opens_clause(regex: &regex::bytes::Regex, sentence: &str, m: &Range<usize>) -> bool {
    if regex.captures_len() == 1 || !words(&sentence[m.clone()]).any(|w| CLAUSE_WORDS.contains(&w.as_ref())) {
        return false;
    }
    let caps = regex
        .captures_at(sentence.as_bytes(), m.start)
        .expect("the match found again");
    caps.name("gap")
        .is_some_and(|gap| words(&sentence[gap.range()]).any(|w| CLAUSE_WORDS.contains(&w.as_ref())))
}

/// Which status wins when triggers overlap: `threatened to impose sanctions` is
/// planned, `removed from the sanctions list` lifted.
fn priority(status: EventStatus) -> u8 {
    match status {
        EventStatus::Imposed => 0,
        EventStatus::Planned => 1,
        EventStatus::Lifted => 2,
    }
}

fn near_sanctions_word(article: &Article, i: usize) -> bool {
    (i.saturating_sub(2)..=i).any(|j| SANCTIONS_WORD.is_match(&article.text[article.sentences[j].clone()]))
}

/// Why the participle or verb form at `start..end` is used as an adjective,
/// not as a verb, if it is.
fn not_verb(sentence: &str, start: usize, end: usize, before: &[Cow<str>]) -> Option<&'static str> {
    if sentence[..start].ends_with('-') {
        return Some("an adjective: a compound (`U.S.-sanctioned`, `state-sanctioned`)");
    }
    match before.first() {
        None => {
            // At the start of a sentence, `Designated entities include` is an
            // adjective; a verb there would need a subject.
            Some("an adjective: it opens the sentence (`Designated entities include`)")
        }
        Some(word) if word.parse::<f64>().is_ok() || ORDINALS.contains(&word.as_ref()) => {
            Some("an adjective: after a number or an ordinal (`first`, `two`)")
        }
        Some(word) => {
            let after = sentence[end..].trim_start();
            let next_is_noun_list = after.starts_with("list") || after.starts_with("entities include");
            // `the sanctioning of 30 persons`: a gerund names the action.
            let gerund = sentence[start..end].ends_with("ing") && after.starts_with("of ");
            if ADJECTIVE_CUES.contains(&word.as_ref()) && !gerund && !adverb_of_a_verb(sentence, start, before) {
                Some("an adjective: after a determiner or adverb (`the`, `its`, `newly`...)")
            } else if next_is_noun_list {
                Some("an adjective: before `list` or `entities include`")
            } else {
                None
            }
        }
    }
}

/// Whether the adverb just before a participle (`previously`, `already`)
/// follows a subject or an auxiliary, so that the participle is a verb: `that
/// the U.N. Security Council previously sanctioned`, `it had already
/// designated` (not `the previously sanctioned banks`).
fn adverb_of_a_verb(sentence: &str, start: usize, before: &[Cow<str>]) -> bool {
    if !before.first().is_some_and(|w| VERB_ADVERBS.contains(&w.as_ref())) {
        return false;
    }
    let Some(word) = before.get(1) else {
        return false;
    };
    if SUBJECT_WORDS.contains(&word.as_ref()) {
        return true;
    }
    // A capitalised word, not a possessive: the end of the subject's name.
    let last = sentence[..start].split_whitespace().nth_back(1).unwrap_or_default();
    last.starts_with(|c: char| c.is_uppercase()) && !last.ends_with("'s") && !last.ends_with('\u{2019}')
}

/// Adverbs that stand between a subject and its verb as well as before an
/// adjective (`the Council previously sanctioned`, `previously sanctioned
/// banks`): `events::adverb_of_a_verb`.
const VERB_ADVERBS: &[&str] = &["previously", "already", "recently", "newly"];

/// Pronouns and auxiliaries after which an adverb and participle are a verb
/// (`it previously sanctioned`, `has already designated`).
const SUBJECT_WORDS: &[&str] = &[
    "it", "they", "he", "she", "we", "which", "who", "that", "has", "have", "had",
];

/// Lower-case words of a piece of text, punctuation trimmed; `.rev()` reads
/// them last first.
fn words(text: &str) -> impl DoubleEndedIterator<Item = Cow<'_, str>> + '_ {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|w| !w.is_empty())
        .map(|w| {
            // Most words are lower case already: no copy.
            if w.bytes()
                .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii())
            {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase())
            }
        })
}

/// Up to `n` words before `at`, nearest first. Looks at a bounded window, so the
/// cost does not grow with the length of the text.
fn words_before(text: &str, at: usize, n: usize) -> WordsBefore<'_> {
    assert!(n <= WORDS_BEFORE, "at most {WORDS_BEFORE} words before a place");
    let from = text.floor_char_boundary(at.saturating_sub(WORD_WINDOW));
    // The window's first word may be cut (when the window starts after the
    // text's start), so it never counts.
    let (window, cut) = (&text[from..at], from > 0);
    ascii_words_before(window, cut, n).unwrap_or_else(|| decoded_words_before(window, cut, n))
}

/// [`words_before`] over its window by [`words`] read backwards.
fn decoded_words_before(window: &str, cut: bool, n: usize) -> WordsBefore<'_> {
    let mut backwards = words(window).rev();
    let mut out = WordsBefore::EMPTY;
    for word in backwards.by_ref().take(n) {
        out.words[out.len] = word;
        out.len += 1;
    }
    if cut && backwards.next().is_none() {
        out.len = out.len.saturating_sub(1);
    }
    out
}

/// [`words_before`] where the bytes it reads are ASCII (most places in
/// English news), the same words found by reading bytes backwards: `words`
/// read backwards decodes a character at a time. `None` at the first
/// non-ASCII byte: a Unicode space or letter is [`words`]' to judge.
fn ascii_words_before(window: &str, cut: bool, n: usize) -> Option<WordsBefore<'_>> {
    let bytes = window.as_bytes();
    // As `char::is_whitespace` for ASCII.
    let space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
    let mut out = WordsBefore::EMPTY;
    let mut end = bytes.len();
    loop {
        while end > 0 && space(bytes[end - 1]) {
            end -= 1;
        }
        if end == 0 {
            if cut {
                out.len = out.len.saturating_sub(1);
            }
            return Some(out);
        }
        let mut start = end;
        while start > 0 && !space(bytes[start - 1]) {
            if !bytes[start - 1].is_ascii() {
                return None;
            }
            start -= 1;
        }
        let word = window[start..end].trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '\'');
        end = start;
        if word.is_empty() {
            continue;
        }
        if out.len == n {
            // A word before the last one read: that one is whole.
            return Some(out);
        }
        out.words[out.len] = if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        };
        out.len += 1;
    }
}

/// The most words [`words_before`] reads.
const WORDS_BEFORE: usize = 8;

/// The words [`words_before`] read, nearest first, held in place: it runs
/// for every trigger match and actor mention, where a vector was an
/// allocation each.
struct WordsBefore<'t> {
    words: [Cow<'t, str>; WORDS_BEFORE],
    len: usize,
}

impl WordsBefore<'_> {
    const EMPTY: Self = WordsBefore {
        words: [const { Cow::Borrowed("") }; WORDS_BEFORE],
        len: 0,
    };
}

impl<'t> std::ops::Deref for WordsBefore<'t> {
    type Target = [Cow<'t, str>];

    fn deref(&self) -> &Self::Target {
        &self.words[..self.len]
    }
}

/// Whether the mention at `range` is the object of a preposition (`on North
/// Korea`, `with the Republic of Korea`).
fn is_object(text: &str, range: &Range<usize>) -> bool {
    let before = words_before(text, range.start, 3);
    let at = match before.first().map(|w| &**w) {
        Some("the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "these") => 1,
        _ => 0,
    };
    let Some(marker) = before.get(at) else {
        return false;
    };
    // `The foreign ministers of Australia, Canada and Norway announced
    // sanctions`: those who speak for a country act for it.
    if marker == "of"
        && before
            .get(at + 1)
            .is_some_and(|w| REPRESENTATIVES.contains(&w.as_ref()))
    {
        return false;
    }
    OBJECT_MARKERS.contains(&marker.as_ref())
}

/// The facts lying inside `range` (facts are sorted by start).
fn within<'f, T>(facts: &'f [Fact<T>], range: &Range<usize>) -> impl Iterator<Item = &'f Fact<T>> + 'f {
    let from = facts.partition_point(|f| f.range.start < range.start);
    let end = range.end;
    facts[from..]
        .iter()
        .take_while(move |f| f.range.start < end)
        .filter(move |f| f.range.end <= end)
}

/// The readings of one trigger: one per authority.
#[allow(clippy::too_many_arguments)]
fn read<T: Trace>(
    article: &Article,
    facts: &Facts,
    context: &Context,
    earlier: &[Reading],
    i: usize,
    trigger: &Trigger,
    scope: Range<usize>,
    trace: &mut T,
) -> Vec<Reading> {
    let text = article.text;
    let sentence = article.sentences[i].clone();
    // Objects may sit inside a long trigger (`removed X from its list`,
    // `sanctions 20 organizations`): they start after its first word.
    let first_word = text[trigger.range.clone()]
        .find(char::is_whitespace)
        .unwrap_or(trigger.range.len());
    let after = trigger.range.start + first_word..scope.end;
    let before = scope.start..trigger.range.start;
    // The words before the trigger, read once for the tests that ask them.
    let lead = words_before(text, trigger.range.start, 3);
    let passive = is_passive(text, trigger, &lead);
    let site = Site {
        article,
        facts,
        context,
        earlier,
        i,
        trigger,
        object_start: after.start,
        scope: &scope,
        passive,
    };
    let Some((actors, how)) = actors_of(&site, trace) else {
        trace.note(|| dropped("no authority: no actor in the sentence, the two before, or the article"));
        return Vec::new();
    };

    let actor_names: Vec<&str> = actors.iter().map(|a| &*a.authority).collect();
    let targets = target_of(text, facts, &context.countries, &actor_names, &after, &before, trace).unwrap_or_default();
    let target = targets.first().cloned();
    let counts = counts_of(
        text,
        facts,
        &after,
        &before,
        &lead,
        sentence.start..trigger.range.start,
        passive || reduced_relative(text, facts, trigger),
        trace,
    );
    let mut named = named_objects(text, facts, &actors, &after, trace);
    for name in listed_objects(article, facts, i, trigger, passive) {
        push_name(&mut named, name);
    }
    named.retain(|name| !actors.iter().any(|a| a.agency.as_deref() == Some(name.as_str())));
    let dated = action_date(text, facts, trigger, &scope, trace);
    let rounds = dated
        .as_ref()
        .map(|(at, _)| coordinated_dates(text, facts, at))
        .unwrap_or_default();
    let date = dated.map(|(_, value)| value);
    let amounts = amounts_of(facts, &after, trace);
    let officials = officials_of(facts, &sentence, trace);
    if trigger.rule.strength == Strength::Weak && counts.is_empty() && named.is_empty() {
        trace.note(|| dropped("a weak trigger with neither counts nor named targets"));
        return Vec::new();
    }
    if how.is_guess() && counts.is_empty() && named.is_empty() && date.is_none() {
        trace.note(|| {
            dropped(
                "an authority only guessed (from an earlier sentence's actors or the article's), and \
                 neither counts, named targets nor a date: a mention of sanctions, not a report of an action",
            )
        });
        return Vec::new();
    }
    let opening = &text[sentence.start..trigger.range.start];
    let opening_words = words_before(opening, opening.len(), 5);
    let before_news = tells_of_earlier(&opening_words);
    let also = tells_of_another(opening, &opening_words);
    let opening = &text[sentence.clone()];
    let part = PART_OPENINGS
        .iter()
        .any(|p| opening.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p)));
    let reason = reason(&text[after.clone()]).map(|m| m.trim().trim_end_matches(',').to_string());
    trace.note(|| Step::Reason { reason: reason.clone() });
    trace.note(|| readings_step(earlier.len(), &actors));
    let mut readings: Vec<Reading> = actors
        .into_iter()
        .map(|actor| Reading {
            authority: actor.authority.into_owned(),
            agency: actor.agency.map(Cow::into_owned),
            status: trigger.status,
            target: target.clone(),
            counts: counts.clone(),
            named: named.clone(),
            date: date.clone(),
            amounts: amounts.clone(),
            officials: officials.clone(),
            reason: reason.clone(),
            sentences: vec![i],
            rule: trigger.rule.name,
            coordinated: false,
            part,
            follows: trigger.follows,
            earlier: before_news,
            also,
        })
        .collect();
    // The other countries of the action: the counts and names stay with the
    // first, as the text gives them once.
    let others: Vec<Reading> = readings
        .iter()
        .flat_map(|r| {
            targets.iter().skip(1).map(move |t| Reading {
                target: Some(t.clone()),
                ..r.companion()
            })
        })
        .collect();
    readings.extend(others);
    // The other rounds of a listed date: the counts and names stay with the
    // first, as for countries.
    let rounds: Vec<Reading> = readings
        .iter()
        .filter(|r| !r.coordinated)
        .flat_map(|r| {
            rounds.iter().map(move |&day| Reading {
                date: Some(day.to_string()),
                ..r.companion()
            })
        })
        .collect();
    if !rounds.is_empty() {
        trace.note(|| Step::Candidate {
            role: Role::Date,
            range: trigger.range.clone(),
            value: rounds
                .iter()
                .filter_map(|r| r.date.clone())
                .collect::<Vec<_>>()
                .join(", "),
            accepted: true,
            why: "listed with the action's date (`in August, September, and December`): a round each".into(),
        });
    }
    readings.extend(rounds);
    readings
}

/// The amounts of a trigger: those after it.
fn amounts_of<T: Trace>(facts: &Facts, after: &Range<usize>, trace: &mut T) -> Vec<EventAmount> {
    let amounts: Vec<EventAmount> = within(&facts.amounts, after).map(|f| f.value.clone()).collect();
    if T::ON {
        for f in within(&facts.amounts, after) {
            let value = format!("{} {}", f.value.value, f.value.currency);
            candidate(trace, Role::Amount, f, value, Ok("after the trigger".into()));
        }
    }
    amounts
}

/// The officials of a trigger: those its sentence names.
fn officials_of<T: Trace>(facts: &Facts, sentence: &Range<usize>, trace: &mut T) -> Vec<String> {
    let mut officials: Vec<String> = Vec::new();
    for f in within(&facts.officials, sentence) {
        trace.note(|| Step::Candidate {
            role: Role::Official,
            range: f.range.clone(),
            value: f.value.to_string(),
            accepted: true,
            why: "named in the trigger's sentence".into(),
        });
        push_name(&mut officials, f.value.to_string());
    }
    officials
}

/// The step of a trigger that made no reading.
fn dropped(why: &str) -> Step {
    Step::Dropped { why: why.to_string() }
}

/// The step of a trigger's readings, the first numbered `first`.
fn readings_step(first: usize, actors: &[Actor]) -> Step {
    Step::Readings {
        first,
        authorities: actors
            .iter()
            .map(|a| (a.authority.to_string(), a.agency.as_deref().map(str::to_string)))
            .collect(),
    }
}

/// Whether a participle trigger follows the count it acts on (`the 11
/// officials sanctioned had all...`, `29 entities designated on Friday`): a
/// passive without its auxiliary, whose object is the count before it.
fn reduced_relative(text: &str, facts: &Facts, trigger: &Trigger) -> bool {
    let participle = text[trigger.range.clone()]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("ed"));
    participle
        && facts
            .counts
            .iter()
            .any(|c| c.range.end <= trigger.range.start && text[c.range.end..trigger.range.start].trim().is_empty())
}

/// Whether the trigger is passive (`were sanctioned`, `has been delisted`).
/// `lead`: the words before the trigger ([`words_before`], two or more).
fn is_passive(text: &str, trigger: &Trigger, lead: &[Cow<str>]) -> bool {
    // `is considering sanctions` is progressive, not passive.
    let first = words(&text[trigger.range.clone()]).next();
    if first.is_some_and(|w| w.ends_with("ing")) && trigger.rule.form != Form::Passive {
        // `the sanctioning of 30 persons by Switzerland`: a gerund naming
        // the action takes its agent after `by`, as a passive does.
        return text[trigger.range.end..].starts_with(" of ")
            && lead
                .first()
                .is_some_and(|w| matches!(w.as_ref(), "the" | "its" | "their"));
    }
    lead.iter().take(2).any(|w| PASSIVE_AUXILIARIES.contains(&w.as_ref())) || trigger.rule.form == Form::Passive
}

/// The counts of a trigger's objects (`20 individuals`), after it (but not
/// after `total`); for a passive trigger, its subject's before it (in its
/// scope, or else in its sentence: `Three individuals ... were delisted`).
#[allow(clippy::too_many_arguments)]
fn counts_of<T: Trace>(
    text: &str,
    facts: &Facts,
    after: &Range<usize>,
    before: &Range<usize>,
    lead: &[Cow<str>],
    sentence_before: Range<usize>,
    passive: bool,
    trace: &mut T,
) -> Vec<EventCount> {
    // `Britain has now sanctioned more than 400 ships`: a running total
    // (`lead`: the three words before the trigger).
    let running = lead.iter().any(|w| w == "now") && lead.iter().any(|w| matches!(w.as_ref(), "has" | "have"));
    // Why a count in `range` is not one of the action's, if it is not.
    let refused = |f: &Fact<EventCount>| {
        if f.value.category == CountCategory::Other {
            Some("counts no designated kind (category other)")
        } else if text[after.start.min(f.range.start)..f.range.start].contains("total") {
            Some("after `total`: a running total, not this action's")
        } else if running && f.range.start >= before.end {
            Some("after `has now`: a running total, not this action's")
        } else {
            None
        }
    };
    let counted = |range: &Range<usize>| -> Vec<EventCount> {
        within(&facts.counts, range)
            .filter(|f| refused(f).is_none())
            .map(|f| f.value.clone())
            .collect()
    };
    let mut counts = counted(after);
    let mut reached = 1;
    if counts.is_empty() && passive {
        // The subject of a passive is its object: `Three individuals ... were delisted`.
        counts = counted(before);
        reached = 2;
        if counts.is_empty() {
            counts = counted(&sentence_before);
            reached = 3;
        }
    }
    if T::ON {
        let looked = [
            (after.clone(), "an object after the trigger"),
            (before.clone(), "the subject of a passive trigger"),
            (sentence_before.start..before.start, "the subject of a passive trigger"),
        ];
        for (range, why) in looked.iter().take(reached) {
            for f in within(&facts.counts, range) {
                let verdict = refused(f).map_or_else(|| Ok(why.to_string()), |no| Err(no.to_string()));
                candidate(trace, Role::Count, f, count_text(&f.value), verdict);
            }
        }
    }
    counts
}

/// A count as the explanation shows it (`8 individual`).
fn count_text(count: &EventCount) -> String {
    format!("{} {}", count.value, count.category.as_str())
}

/// Tells `trace` of a candidate for `role`: taken (`Ok`) or not, and why.
fn candidate<T: Trace, V>(trace: &mut T, role: Role, fact: &Fact<V>, value: String, verdict: Result<String, String>) {
    trace.note(|| Step::Candidate {
        role,
        range: fact.range.clone(),
        value,
        accepted: verdict.is_ok(),
        why: verdict.unwrap_or_else(|no| no),
    });
}

/// The names of a trigger's objects: the named targets after it, up to a
/// break (a long gap or a word that ends the object), the acting agencies
/// aside.
fn named_objects<T: Trace>(
    text: &str,
    facts: &Facts,
    actors: &[Actor],
    after: &Range<usize>,
    trace: &mut T,
) -> Vec<String> {
    let mut named = Vec::new();
    let mut anchor = after.start;
    let mut names = within(&facts.named, after);
    let mut counted = within(&facts.counts, after).peekable();
    for fact in names.by_ref() {
        // A count of the object carries the list on when names stand in
        // apposition to it (`targeting two cabinet ministers, A and B`,
        // `18 entities including X`), not in a complement (`eight judges of
        // the Supreme Court`).
        while let Some(count) = counted.next_if(|c| c.range.end <= fact.range.start) {
            let gap = &text[anchor.min(count.range.start)..count.range.start];
            let then = &text[count.range.end..fact.range.start];
            if count.range.start >= anchor
                && gap.len() <= 80
                && !words(gap).any(|w| OBJECT_BREAKS.contains(&w.as_ref()))
                && opens_apposition(then)
            {
                anchor = count.range.end;
            }
        }
        if in_count(facts, &fact.range) {
            trace.note(|| named_step(fact, Err("inside a count: a modifier (`two Supreme Court judges`)")));
            continue;
        }
        let gap = &text[anchor.min(fact.range.start)..fact.range.start];
        // `...of the Russian economy," Susan Rice told reporters`: the
        // objects end with the quotation.
        let quote_ends = gap.contains([',', '.']) && gap.contains(['"', '\u{201d}']);
        if gap.len() > 80 || quote_ends || words(gap).any(|w| OBJECT_BREAKS.contains(&w.as_ref())) {
            if T::ON {
                let why = match words(gap).find(|w| OBJECT_BREAKS.contains(&w.as_ref())) {
                    Some(w) => format!("the object list ended at `{w}`"),
                    None if quote_ends => "after the end of a quotation: its source, not an object".to_string(),
                    None => "more than 80 bytes after the object before it".to_string(),
                };
                candidate(trace, Role::Named, fact, fact.value.to_string(), Err(why));
            }
            break;
        }
        if actors.iter().any(|a| a.agency.as_deref() == Some(fact.value)) {
            trace.note(|| named_step(fact, Err("the acting agency")));
            continue;
        }
        if kin_of(text, &fact.range) {
            trace.note(|| {
                named_step(
                    fact,
                    Err("the one whose kin or aides are aimed at (`aides of leader X`, `X's two daughters`)"),
                )
            });
            continue;
        }
        trace.note(|| named_step(fact, Ok("an object of the trigger")));
        push_name(&mut named, fact.value.to_string());
        anchor = fact.range.end;
    }
    if T::ON {
        for fact in names {
            candidate(
                trace,
                Role::Named,
                fact,
                fact.value.to_string(),
                Err("after the end of the object list".into()),
            );
        }
    }
    named
}

/// Whether the name at `range` is the one whose relatives or aides an action
/// aims at: after `of` and a kin noun, maybe past a title (`top aides of North
/// Korean leader Kim Jong-un`, `the wife of Foreign Minister Sergey Lavrov`),
/// or as their possessor (`President Vladimir Putin's two daughters`).
fn kin_of(text: &str, range: &Range<usize>) -> bool {
    let before = words_before(text, range.start, 6);
    let after_of = before
        .iter()
        .position(|w| w == "of")
        .filter(|&j| j <= 4)
        .and_then(|j| before.get(j + 1))
        .is_some_and(|w| KIN_NOUNS.contains(&w.as_ref()));
    let possessor = (text[range.end..].starts_with("'s") || text[range.end..].starts_with("\u{2019}s"))
        && words(&text[range.end..])
            .skip(1)
            .take(2)
            .any(|w| KIN_NOUNS.contains(&w.as_ref()));
    after_of || possessor
}

/// The names a list gives as a trigger's objects: the list right after it,
/// past a word of aim (`sanctioned judges A, B and C`, `imposed sanctions on
/// A and B`); for a passive trigger, the list that is its subject, after
/// its count if it has one (`Three entities, A, B and C, were targeted`,
/// `A, a judge, and B were also designated`); the list of a list cue
/// (`Among the individuals targeted are A and B`).
fn listed_objects(article: &Article, facts: &Facts, i: usize, trigger: &Trigger, passive: bool) -> Vec<String> {
    let text = article.text;
    let sentence = article.sentences[i].clone();
    let mut from = trigger.range.end;
    let rest = &text[from..sentence.end];
    for lead in [
        " on ",
        " against ",
        " targeting ",
        " include ",
        " includes ",
        " including ",
    ] {
        if rest.starts_with(lead) {
            from += lead.len();
            break;
        }
    }
    let mut names = listed::names(text, from, sentence.end, facts);
    if let Some(start) = list_start(&text[sentence.clone()]) {
        // `Among the individuals targeted by the sanctions are A and B`.
        names.extend(listed::names(text, sentence.start + start, sentence.end, facts));
    }
    if passive {
        let start = within(&facts.counts, &(sentence.start..trigger.range.start))
            .last()
            .map_or(sentence.start, |c| c.range.end);
        let start = if text[start..].starts_with(", ") {
            start + 2
        } else {
            start
        };
        names.extend(listed::names(text, start, trigger.range.start, facts));
        if names.is_empty()
            && let Some(subject) = passive_subject(text, facts, &(sentence.start..trigger.range.start))
        {
            names.push(subject);
        }
    }
    names
}

/// The name that is the subject of a passive trigger, standing just before
/// it with only auxiliaries and adverbs between, after a closing comma
/// (`The former head of the army, Paul Malong, is also placed on the
/// list`, `Rosneft has also been designated`): a name the extractors found,
/// else capitalised words that [`listed::names`] takes for a name
/// (`The platform's chief financial officer, Olesya Gritsenko, was also
/// designated`).
fn passive_subject(text: &str, facts: &Facts, before: &Range<usize>) -> Option<String> {
    // Where the subject ends: back over the auxiliaries, adverbs and a comma.
    let joins = |w: &str| PASSIVE_AUXILIARIES.contains(&w) || PASSIVE_GAP_WORDS.contains(&w);
    let mut end = before.end;
    loop {
        let head = text[before.start..end].trim_end_matches([',', ' ']);
        let word_start = head.rfind(' ').map_or(0, |k| k + 1);
        if head.is_empty() || !joins(&head[word_start..]) {
            end = before.start + head.len();
            break;
        }
        end = before.start + word_start;
    }
    if let Some(subject) = within(&facts.named, before).last().filter(|f| f.range.end == end) {
        return Some(subject.value.to_string());
    }
    // Capitalised words (and the particles of names) ending there.
    let head = &text[before.start..end];
    let mut start = end;
    for word in head.split(' ').rev() {
        let capital = word.starts_with(char::is_uppercase)
            || titles::NAME_PARTICLES.contains(&word)
            || word
                .split_once('-')
                .is_some_and(|(_, tail)| tail.starts_with(char::is_uppercase));
        if word.is_empty() || !capital || word.ends_with([',', ';', ':', ')', '"']) {
            break;
        }
        start -= word.len() + usize::from(start < end);
    }
    if text[start..end].split_whitespace().count() < 2 {
        return None;
    }
    let mut found = listed::names(text, start, end, facts);
    (found.len() == 1).then(|| found.remove(0))
}

/// The step of a named target taken or not.
/// Whether a mention stands inside a count (`11 U.S. citizens`, `37 PRC
/// Entities`, `two Supreme Court judges`): it names those counted.
fn in_count(facts: &Facts, range: &Range<usize>) -> bool {
    facts
        .counts
        .iter()
        .any(|c| c.range.start <= range.start && range.end <= c.range.end && c.range != *range)
}

/// Whether the words between a count and a name open an apposition or a
/// list of the count's members (`, A and B`, `: A`, `(A)`, `and business
/// people, including A`), within a few words.
fn opens_apposition(gap: &str) -> bool {
    const REACH: usize = 40;
    let head = &gap[..gap.floor_char_boundary(REACH)];
    head.contains([',', ':', '(', '\u{2013}', '\u{2014}'])
        || words(head).any(|w| matches!(w.as_ref(), "including" | "namely" | "such" | "among" | "notably"))
}

fn named_step(fact: &Fact<&str>, verdict: Result<&str, &str>) -> Step {
    Step::Candidate {
        role: Role::Named,
        range: fact.range.clone(),
        value: fact.value.to_string(),
        accepted: verdict.is_ok(),
        why: verdict.unwrap_or_else(|no| no).to_string(),
    }
}

/// The date of the action: the nearest date of the trigger's scope that is
/// its own.
fn action_date<T: Trace>(
    text: &str,
    facts: &Facts,
    trigger: &Trigger,
    scope: &Range<usize>,
    trace: &mut T,
) -> Option<(Range<usize>, String)> {
    let distance = |f: &Fact<&str>| {
        if f.range.start >= trigger.range.end {
            f.range.start - trigger.range.end
        } else {
            trigger.range.start.saturating_sub(f.range.end)
        }
    };
    // The date of the action, not of what caused it: dates after a cause marker
    // (`in response to Iran's October 1 strike`, `following the test in
    // September`) or right after a possessive are someone else's. Dates in
    // the scope of another trigger of the sentence belong to that one.
    // Why a date is not the action's: `Some(None)` after a possessive,
    // `Some(Some(marker))` after a cause marker.
    let not_own = |f: &Fact<&str>| -> Option<Option<Cow<str>>> {
        let from = trigger.range.end.min(f.range.start);
        if text[..f.range.start].ends_with("'s ") {
            Some(None)
        } else {
            words(&text[from..f.range.start])
                .find(|w| CAUSE_MARKERS.contains(&w.as_ref()))
                .map(Some)
        }
    };
    let own_date = |f: &&Fact<&str>| not_own(f).is_none();
    let chosen = within(&facts.dates, scope).filter(own_date).min_by_key(|f| distance(f));
    if T::ON {
        for f in within(&facts.dates, scope) {
            let verdict = match not_own(f) {
                Some(None) => Err("after a possessive: someone else's date".into()),
                Some(Some(w)) => Err(format!("the date of a cause: after `{w}`")),
                None if chosen.is_some_and(|c| c.range == f.range) => Ok("the trigger's nearest own date".into()),
                None => Err("a nearer date of the trigger is taken".into()),
            };
            candidate(trace, Role::Date, f, f.value.to_string(), verdict);
        }
    }
    chosen.map(|f| (f.range.clone(), f.value.to_string()))
}

/// The dates listed after an action's date (`rounds rolled out in August,
/// September, and December`): each a round of its own, as the list ends with
/// its conjunction.
fn coordinated_dates<'f>(text: &str, facts: &Facts<'f>, at: &Range<usize>) -> Vec<&'f str> {
    let Some(k) = facts.dates.iter().position(|f| f.range == *at) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut conjoined = false;
    for pair in facts.dates[k..].windows(2) {
        if !joined(text, &pair[0].range, &pair[1].range) {
            break;
        }
        conjoined = words(&text[pair[0].range.end..pair[1].range.start]).any(|w| matches!(w.as_ref(), "and" | "or"));
        found.push(pair[1].value);
    }
    if conjoined { found } else { Vec::new() }
}

/// The country whose regime a place's is: China for Hong Kong; any other
/// country itself.
fn sovereign(country: &str) -> &str {
    TERRITORIES
        .iter()
        .find(|(territory, _)| *territory == country)
        .map_or(country, |(_, state)| state)
}

/// Who acts for a trigger, in order of preference: the nearest actor before it
/// that can be a subject, with the actors coordinated with it; an actor named
/// inside the trigger (`imposed new U.S. sanctions`); a passive agent (`by the
/// Treasury`), a possessive list (`added to Japan's sanctions list`) or an
/// attribution (`..., OFAC said`) after it; the authority of an event read in
/// the sentences just before; an actor of those sentences; the article's
/// most-named actor.
fn actors_of<'f, T: Trace>(site: &Site<'_, 'f>, trace: &mut T) -> Option<(Vec<Actor<'f>>, HowFound)> {
    let found = found_actors(site);
    if T::ON {
        let how = found.as_ref().map(|(_, how)| how);
        let chosen = found.as_ref().map_or(0, |(actors, _)| actors.len());
        trace_actors(site, how, chosen, trace);
    }
    found
}

/// Where a trigger is read: its article, facts and context, the readings of
/// the sentences before, its sentence `i`, where its objects start, its scope
/// and whether it is passive.
struct Site<'a, 'f> {
    article: &'a Article<'a>,
    facts: &'a Facts<'f>,
    context: &'a Context<'a>,
    earlier: &'a [Reading],
    i: usize,
    trigger: &'a Trigger,
    object_start: usize,
    scope: &'a Range<usize>,
    passive: bool,
}

/// How [`found_actors`] found the actors of a trigger.
#[derive(Clone)]
enum HowFound {
    /// The actor mention `k` before the trigger, the nearest that can act,
    /// with those coordinated with it.
    Subject(usize),
    /// An official (at this range) before the trigger, nearer than any
    /// actor mention that can act.
    Official(Range<usize>),
    /// An actor mention inside the trigger (at this range).
    Inside(Range<usize>),
    /// An actor mention after the trigger (at this range), and what made it
    /// the actor.
    After(Range<usize>, &'static str),
    /// The authority of the event read in sentence `s`.
    Carried(usize),
    /// The last actor that can act in (earlier) sentence `s`.
    Earlier(usize),
    /// The article's most-named actor.
    Article,
}

impl HowFound {
    /// Whether the actors are a guess: no actor of the trigger's own
    /// sentence, nor the authority of an event just read, but the last actor
    /// of an earlier sentence or the article's most-named one.
    fn is_guess(&self) -> bool {
        matches!(self, HowFound::Earlier(_) | HowFound::Article)
    }
}

/// The actors of [`actors_of`], and how they were found.
fn found_actors<'f>(site: &Site<'_, 'f>) -> Option<(Vec<Actor<'f>>, HowFound)> {
    let Site {
        article,
        facts,
        context,
        earlier,
        i,
        trigger,
        object_start,
        scope,
        passive,
    } = *site;
    let text = article.text;
    let sentence = article.sentences[i].clone();
    let first = facts.actors.partition_point(|f| f.range.start < sentence.start);
    if passive && let Some(agent) = passive_agent(site) {
        return Some(agent);
    }
    let nearest = subject(site, first);
    if let Some((range, country)) = official_subject(site, nearest) {
        let actor = Actor {
            authority: Cow::Borrowed(country),
            agency: None,
        };
        return Some((vec![actor], HowFound::Official(range)));
    }
    if let Some(nearest) = nearest {
        return Some((
            coordinated(text, &facts.actors, first, nearest),
            HowFound::Subject(nearest),
        ));
    }
    // Not the nationality of the objects counted inside the trigger (`Adds
    // 37 PRC Entities to Entity List`).
    // Nor the country a list is named for (`to Haiti Sanctions List`).
    let list_name = |r: &Range<usize>| text[r.end..].trim_start().starts_with("Sanctions List");
    if let Some(f) = within(&facts.actors, &(object_start..trigger.range.end))
        .find(|f| !in_count(facts, &f.range) && !list_name(&f.range))
    {
        return Some((vec![f.value.clone()], HowFound::Inside(f.range.clone())));
    }
    for f in within(&facts.actors, &(object_start..sentence.end)) {
        let by = after_by(text, f.range.start);
        let owns_list = OWN_LIST.is_match(&text[f.range.end..scope.end.max(f.range.end)]);
        let says = ATTRIBUTION.is_match(&text[f.range.end..sentence.end]) && opens_attribution(&text[..f.range.start]);
        if (by && passive) || owns_list || says {
            let how = if by && passive {
                "the agent of a passive trigger (`by ...`)"
            } else if owns_list {
                "the owner of the list (`Japan's sanctions list`)"
            } else {
                "the source of the sentence (`..., OFAC said`)"
            };
            return Some((vec![f.value.clone()], HowFound::After(f.range.clone(), how)));
        }
    }
    let recent = i.saturating_sub(ACTOR_LOOKBACK + 1);
    if let Some(r) = earlier
        .iter()
        .rev()
        .find(|r| r.sentences.last().is_some_and(|&s| s >= recent && s < i))
    {
        let actor = Actor {
            authority: r.authority.clone().into(),
            agency: r.agency.clone().map(Cow::Owned),
        };
        return Some((
            vec![actor],
            HowFound::Carried(*r.sentences.last().expect("a reading has a sentence")),
        ));
    }
    for j in (i.saturating_sub(ACTOR_LOOKBACK)..i).rev() {
        let earlier_sentence = article.sentences[j].clone();
        let from = facts.actors.partition_point(|f| f.range.start < earlier_sentence.start);
        let last = (from..facts.actors.len())
            .take_while(|&k| facts.actors[k].range.end <= earlier_sentence.end)
            .filter(|&k| context.acting(k))
            .last();
        if let Some(k) = last {
            return Some((coordinated(text, &facts.actors, from, k), HowFound::Earlier(j)));
        }
    }
    // Not a country the article's actions so far aim at (`North Korea` in an
    // article on sanctions against it).
    let aimed = |a: &str| earlier.iter().any(|r| r.target.as_deref() == Some(a));
    context.actors().find(|a| !aimed(a)).map(|authority| {
        let actor = Actor {
            authority: Cow::Owned(authority.to_string()),
            agency: None,
        };
        (vec![actor], HowFound::Article)
    })
}

/// The agent of a passive trigger: `by` an actor after it (`were sanctioned
/// by the Treasury`, `sanctions imposed by the EU`). It outranks an actor
/// before the trigger, which is the passive's subject or someone reacting.
fn passive_agent<'f>(site: &Site<'_, 'f>) -> Option<(Vec<Actor<'f>>, HowFound)> {
    let text = site.article.text;
    let sentence = &site.article.sentences[site.i];
    let f = within(&site.facts.actors, &(site.object_start..sentence.end)).find(|f| after_by(text, f.range.start))?;
    // The agent is the nearest actor after `by`, not one further on.
    let nearest = within(&site.facts.actors, &(site.object_start..f.range.start)).next();
    (nearest.is_none()).then(|| {
        (
            vec![f.value.clone()],
            HowFound::After(f.range.clone(), "the agent of a passive trigger (`by ...`)"),
        )
    })
}

/// Whether the words before `at` are `by` or `by the`.
fn after_by(text: &str, at: usize) -> bool {
    let preceding = words_before(text, at, 2);
    let first = preceding.first().map(AsRef::as_ref);
    first == Some("by") || (first == Some("the") && preceding.get(1).map(AsRef::as_ref) == Some("by"))
}

/// The subject of a trigger: the nearest actor before it in its sentence
/// that can act. Before a passive trigger, an actor is the one sanctioned
/// (`Iran was sanctioned`), or in a clause of its own, unless it reports the
/// action (`The EU said 20 firms were sanctioned`): only such a reporter is
/// the subject.
fn subject(site: &Site, first: usize) -> Option<usize> {
    let (text, facts, trigger) = (site.article.text, site.facts, site.trigger);
    let before = (first..facts.actors.len())
        .take_while(|&k| facts.actors[k].range.end <= trigger.range.start)
        .filter(|&k| site.context.acting(k))
        .filter(|&k| !only_speaks(text, &facts.actors[k].range, trigger.range.start));
    if site.passive {
        before
            .filter(|&k| {
                let actor = &facts.actors[k].range;
                reports(text, actor, trigger.range.start) || modifies(text, actor, trigger)
            })
            .last()
    } else {
        before.last()
    }
}

/// Whether an actor right before a trigger that opens with its noun names
/// whose that noun is (`UN sanctions imposed last year`, `the EU's sanctions
/// imposed in 2014`).
fn modifies(text: &str, actor: &Range<usize>, trigger: &Trigger) -> bool {
    let gap = &text[actor.end..trigger.range.start.max(actor.end)];
    let gap = gap.strip_prefix("'s").or_else(|| gap.strip_prefix('\'')).unwrap_or(gap);
    let opens_with_noun = words(&text[trigger.range.clone()])
        .next()
        .is_some_and(|w| w.starts_with("sanction") && !w.ends_with("ed"));
    opens_with_noun && words(gap).all(|w| NOUN_MODIFIERS.contains(&w.as_ref()))
}

/// Whether a verb of reporting stands between an actor and the trigger at
/// `trigger_start` (`the UK said`, `OFAC announced that`).
fn reports(text: &str, actor: &Range<usize>, trigger_start: usize) -> bool {
    words(&text[actor.end..trigger_start.max(actor.end)]).any(|w| REPORTING_VERBS.contains(&w.as_ref()))
}

/// An official who is the subject of a trigger, nearer to it than `subject`
/// (the actor mention [`subject`] found, if any): `President Donald Trump
/// threatened sanctions`, `Foreign Minister Julie Bishop ... designated`.
/// Not an official who only speaks of the action (`Maduro condemned the
/// sanctions`), one before a passive trigger (`Putin, ..., was sanctioned`:
/// officials are often the ones sanctioned), the object of a preposition or
/// one in brackets.
fn official_subject<'f>(site: &Site<'_, 'f>, subject: Option<usize>) -> Option<(Range<usize>, &'f str)> {
    let (text, trigger) = (site.article.text, site.trigger);
    let sentence = &site.article.sentences[site.i];
    let from = subject.map_or(sentence.start, |k| site.facts.actors[k].range.end);
    let speaker = within(&site.facts.speakers, &(from..trigger.range.start)).last()?;
    let refused = site.passive
        || only_speaks(text, &speaker.range, trigger.range.start)
        || is_object(text, &speaker.range)
        || in_brackets(text, sentence.start, speaker.range.start);
    (!refused).then(|| (speaker.range.clone(), speaker.value))
}

/// Whether `at` is inside brackets opened after `from` (`North Korea (the
/// Democratic People's Republic of Korea, DPRK)`).
fn in_brackets(text: &str, from: usize, at: usize) -> bool {
    let from = text.floor_char_boundary(from);
    text[from..at]
        .rfind('(')
        .is_some_and(|open| !text[from + open..at].contains(')'))
}

/// Whether an actor or official before a trigger only speaks of it: a verb
/// of reaction whose object the trigger is (`Maduro condemned the
/// sanctions`, `Syria welcomed the lifting of sanctions`; not `condemned the
/// attack and called for sanctions`).
fn only_speaks(text: &str, official: &Range<usize>, trigger_start: usize) -> bool {
    let gap = &text[official.end..trigger_start.max(official.end)];
    let Some(verb) = words(gap)
        .rev()
        .take(6)
        .position(|w| REACTION_VERBS.contains(&w.as_ref()))
    else {
        return false;
    };
    // The words between the verb and the trigger: its object, not another clause.
    !words(gap)
        .rev()
        .take(verb)
        .any(|w| matches!(w.as_ref(), "and" | "but" | "then" | "to"))
        && !gap
            .rsplit(|c: char| c.is_whitespace())
            .take(verb)
            .any(|w| w.contains([',', ';']))
}

/// Tells `trace` how the actors of a trigger were found (`how`, `None` when
/// none was; `chosen` of them) and, for each actor mention of its sentence,
/// why it is or is not one of them.
fn trace_actors<T: Trace>(site: &Site, how: Option<&HowFound>, chosen: usize, trace: &mut T) {
    let Site {
        article,
        facts,
        context,
        i,
        trigger,
        object_start,
        ..
    } = *site;
    let text = article.text;
    let sentence = article.sentences[i].clone();
    trace.note(|| Step::Authority {
        how: match how {
            None => "none found".into(),
            Some(HowFound::Subject(_)) if chosen > 1 => {
                "the subject: the nearest actor before the trigger that can act, with those coordinated with it".into()
            }
            Some(HowFound::Subject(_)) => "the subject: the nearest actor before the trigger that can act".into(),
            Some(HowFound::Official(r)) => {
                format!("the subject: the official `{}`, for their country", &text[r.clone()])
            }
            Some(HowFound::Inside(_)) => "named inside the trigger (`imposed new U.S. sanctions`)".into(),
            Some(HowFound::After(_, why)) => format!("after the trigger: {why}"),
            Some(HowFound::Carried(s)) => {
                format!("carried over: the authority of the event read in sentence {}", s + 1)
            }
            Some(HowFound::Earlier(s)) => format!("the last actor that can act in sentence {}", s + 1),
            Some(HowFound::Article) => "the article's most-named actor".into(),
        },
    });
    let first = facts.actors.partition_point(|f| f.range.start < sentence.start);
    for k in (first..facts.actors.len()).take_while(|&k| facts.actors[k].range.start < sentence.end) {
        let f = &facts.actors[k];
        let before = f.range.end <= trigger.range.start;
        let verdict: Result<&str, &str> = match how {
            _ if before && !context.acting(k) => Err(not_acting(text, &facts.actors, k).unwrap_or("cannot act")),
            Some(HowFound::Subject(nearest)) if before => {
                // The mentions `coordinated` joins to the subject.
                let mut left = *nearest;
                while left > first && joined(text, &facts.actors[left - 1].range, &facts.actors[left].range) {
                    left -= 1;
                }
                if k == *nearest {
                    Ok("the subject: the nearest actor before the trigger that can act")
                } else if k >= left {
                    Ok("coordinated with the subject")
                } else {
                    Err("a nearer actor before the trigger is the subject")
                }
            }
            Some(HowFound::Subject(_)) => Err("not before the trigger, which has a subject"),
            Some(HowFound::Official(_)) if before => Err("an official nearer the trigger is the subject"),
            Some(HowFound::Official(_)) => Err("not before the trigger, which has a subject"),
            Some(HowFound::Inside(r)) if *r == f.range => Ok("named inside the trigger"),
            Some(HowFound::After(r, why)) if *r == f.range => Ok(why),
            _ if f.range.start < object_start => Err("overlaps the trigger's first word"),
            Some(HowFound::After(r, _)) if r.start < f.range.start => Err("after the actor that was found"),
            Some(HowFound::Inside(_)) => Err("after the actor named inside the trigger"),
            _ => Err(
                "after the trigger, but neither a passive agent (`by`), the owner of a list, nor a source (`, X said`)",
            ),
        };
        let value = match &f.value.agency {
            Some(agency) => format!("{} ({agency})", f.value.authority),
            None => f.value.authority.to_string(),
        };
        candidate(
            trace,
            Role::Authority,
            f,
            value,
            verdict.map(str::to_string).map_err(str::to_string),
        );
    }
}

/// `Japan's sanctions list`: the owner of the list is who adds to it.
static OWN_LIST: PerThread<Regex> =
    PerThread::new(|| Regex::new(r"^'s?\s+(?:[\w-]+\s+){0,3}?(?:list|blacklist)(?-u:\b)").expect("pattern compiles"));

/// `, OFAC said`: an actor named as the source of the sentence.
static ATTRIBUTION: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^\s+(?:said|says|announced|stated|reported|added|noted|confirmed)(?-u:\b)").expect("pattern compiles")
});

/// Whether the text before an actor ends as a quote or a clause does before
/// its source (`..., the department said`, `...," the US Commerce
/// Department announced`): a comma, maybe a closing quote, and `the`.
fn opens_attribution(before: &str) -> bool {
    let before = before.trim_end();
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .unwrap_or(before);
    let before = before.trim_end().trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}']);
    before.ends_with(',')
}

/// Whether the mention at `range` opens the attribution of a quote or clause
/// (`...," the Swiss government said`): a reporting verb within three words
/// after it.
fn in_attribution(text: &str, range: &Range<usize>) -> bool {
    opens_attribution(&text[..range.start])
        && words(&text[range.end..])
            .take(3)
            .any(|w| REPORTING_VERBS.contains(&w.as_ref()))
}

/// Whether two mentions are coordinated (`the U.S., Japan and South Korea`).
fn joined(text: &str, left: &Range<usize>, right: &Range<usize>) -> bool {
    if left.end > right.start {
        return false;
    }
    let between = text[left.end..right.start].trim();
    let between = between
        .strip_suffix(" the")
        .or_else(|| between.strip_suffix(",the"))
        .unwrap_or(between);
    let between = if between == "the" { "" } else { between };
    matches!(
        between.trim(),
        "" | "," | "and" | ", and" | "&" | "or" | ", or" | "as well as" | ", as well as"
    )
}

/// The actors coordinated with actor `k` (`South Korea and the United States`),
/// in text order, `k` included.
fn coordinated<'f>(text: &str, actors: &[Fact<Actor<'f>>], first: usize, k: usize) -> Vec<Actor<'f>> {
    let mut chosen = vec![actors[k].value.clone()];
    let mut left = k;
    while left > first && joined(text, &actors[left - 1].range, &actors[left].range) {
        left -= 1;
        let value = &actors[left].value;
        if !chosen.iter().any(|a| a.authority == value.authority) {
            chosen.insert(0, value.clone());
        }
    }
    chosen
}

/// Whether actor mention `k` can be the subject of a clause: not the object of
/// a preposition (nor in a list whose first member is one), not in brackets,
/// not a possessive of anything but an agentive noun.
fn can_act(text: &str, actors: &[Fact<Actor>], k: usize) -> bool {
    not_acting(text, actors, k).is_none()
}

/// Why actor mention `k` cannot act ([`can_act`]), if it cannot.
fn not_acting(text: &str, actors: &[Fact<Actor>], k: usize) -> Option<&'static str> {
    let range = &actors[k].range;
    if in_brackets(text, range.start.saturating_sub(WORD_WINDOW), range.start) {
        return Some("in brackets");
    }
    let after = &text[range.end..];
    if words(after).next().is_some_and(|w| TARGET_HEADS.contains(&w.as_ref())) {
        return Some("a modifier of those aimed at (`Myanmar junta leader`, `Iran regime officials`)");
    }
    if let Some(rest) = after.strip_prefix("'s ").or_else(|| after.strip_prefix("' ")) {
        // `Seoul's willingness`, `South Korea's independent sanctions plan`.
        if !words(rest).take(3).any(|w| AGENTIVE_NOUNS.contains(&w.as_ref())) {
            return Some("a possessive of no agentive noun (`Russia's war`)");
        }
    }
    let mut head = k;
    while head > 0 && joined(text, &actors[head - 1].range, &actors[head].range) {
        head -= 1;
    }
    is_object(text, &actors[head].range).then_some(if head == k {
        "the object of a preposition (`on`, `with`, `against`...)"
    } else {
        "in a list that is the object of a preposition"
    })
}

/// The target of a reading: after the trigger, the first country that a
/// preposition of aim, a possessive, a demonym or the direct object makes a
/// target (`sanctions on North Korea`, `Iran's shadow fleet`, `North Korean
/// individuals`); else such a country before the trigger (the subject of a
/// passive); never an actor of the reading. Then the countries coordinated
/// with it: one action on several countries is an event per country.
fn target_of<T: Trace>(
    text: &str,
    facts: &Facts,
    ranked: &[&str],
    actor_names: &[&str],
    after: &Range<usize>,
    before: &Range<usize>,
    trace: &mut T,
) -> Option<Vec<String>> {
    // What makes a country the reading's target, or why it is not.
    let aim = |f: &Fact<&str>, demonym: bool| -> Result<&'static str, &'static str> {
        if actor_names.contains(&f.value) {
            return Err("an authority of this reading");
        }
        if in_attribution(text, &f.range) {
            return Err("the source of the sentence (`...,\" the Swiss government said`)");
        }
        // The tail of a compound adjective the mention opens (`Iran-backed`).
        let tail = text[f.range.end..]
            .strip_prefix('-')
            .map(|rest| rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or_default());
        if tail.is_some_and(|t| PATRON_TAILS.contains(&t)) {
            return Err("a patron (`Iran-backed`): who supports a target, not whose it is");
        }
        if demonym {
            let share = words_before(text, f.range.start, 2);
            if share
                .first()
                .is_some_and(|w| matches!(w.as_ref(), "them" | "which" | "whom"))
                && share.get(1).is_some_and(|w| w == "of")
            {
                return Err("a share of the objects (`60 entities, 24 of them Chinese`)");
            }
            return Ok("a demonym (`North Korean individuals`)");
        }
        if text[f.range.end..].starts_with("'s") {
            return Ok("a possessive (`Iran's shadow fleet`)");
        }
        if let Some(tail) = tail {
            if PLACE_TAILS.contains(&tail) {
                return Err("a place (`Paris-based`): where a target is, not whose");
            }
            return Ok("a compound (`Russia-linked`)");
        }
        if !demonym && in_count(facts, &f.range) {
            return Ok("the nationals counted (`sanctions on 11 U.S. citizens`)");
        }
        let preceding = words_before(text, f.range.start, 2);
        let marker = match preceding.first().map(|w| w.as_ref()) {
            Some("the" | "its" | "their") => preceding.get(1),
            _ => preceding.first(),
        };
        if marker.is_some_and(|w| TARGET_MARKERS.contains(&w.as_ref())) {
            Ok("after a word of aim (`on`, `against`, `targeting`...)")
        } else if f.range.start >= after.start && words(&text[after.start..f.range.start]).take(2).count() <= 1 {
            // (Two words read at most: each is lower-cased, a copy when capitalised.)
            Ok("the trigger's direct object")
        } else {
            Err("neither after a word of aim nor the trigger's direct object")
        }
    };
    let aimed = |f: &Fact<&str>, demonym: bool| aim(f, demonym).is_ok();
    let candidates = |range: &Range<usize>| -> Vec<(usize, &str)> {
        let mut found: Vec<(usize, &str)> = within(&facts.countries, range)
            .filter(|f| aimed(f, false))
            .map(|f| (f.range.start, f.value))
            .chain(
                within(&facts.demonyms, range)
                    .filter(|f| aimed(f, true))
                    .map(|f| (f.range.start, f.value)),
            )
            .collect();
        found.sort();
        found
    };
    let objects = candidates(after);
    // Nationalities of the counted objects (`five Chinese entities, 12 North
    // Korean entities and one Singaporean entity`) are whose networks the
    // action hits; it aims at the one the article is about, its most named.
    let counted = |at: usize| within(&facts.demonyms, after).any(|d| d.range.start == at && in_count(facts, &d.range));
    let nationalities: Vec<&(usize, &str)> = objects.iter().filter(|(at, _)| counted(*at)).collect();
    let several = nationalities
        .iter()
        .any(|(_, c)| Some(c) != nationalities.first().map(|(_, c)| c));
    let about = several
        .then(|| {
            ranked
                .iter()
                .find_map(|r| nationalities.iter().find(|(_, c)| c == r).map(|&&n| n))
        })
        .flatten();
    let chosen = about
        .or_else(|| objects.first().copied())
        .or_else(|| candidates(before).into_iter().last());
    if T::ON {
        for range in [before, after] {
            let countries = within(&facts.countries, range).map(|f| (f, false));
            for (f, demonym) in countries.chain(within(&facts.demonyms, range).map(|f| (f, true))) {
                let verdict = match aim(f, demonym) {
                    Ok(why) if chosen.is_some_and(|(at, _)| at == f.range.start) => Ok(why.to_string()),
                    Ok(_) => {
                        Err("another is taken: the first aimed at after the trigger, else the last before it".into())
                    }
                    Err(no) => Err(no.to_string()),
                };
                candidate(trace, Role::Target, f, f.value.to_string(), verdict);
            }
        }
    }
    let (at, name) = chosen?;
    let mut targets = vec![sovereign(name).to_string()];
    for other in coordinated_countries(text, facts, at) {
        let other = sovereign(other);
        if !actor_names.contains(&other) && !targets.iter().any(|t| t == other) {
            trace.note(|| Step::Candidate {
                role: Role::Target,
                range: at..at,
                value: other.to_string(),
                accepted: true,
                why: "coordinated with the target (`on Albania, Montenegro and North Macedonia`): an event of its own"
                    .into(),
            });
            targets.push(other.to_string());
        }
    }
    Some(targets)
}

/// The countries coordinated with the country mention at `at`, after it
/// (`Albania, Bosnia and Herzegovina, Montenegro and North Macedonia`).
fn coordinated_countries<'f>(text: &str, facts: &Facts<'f>, at: usize) -> Vec<&'f str> {
    let Some(k) = facts.countries.iter().position(|f| f.range.start == at) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut last = &facts.countries[k];
    for pair in facts.countries[k..].windows(2) {
        if !joined(text, &pair[0].range, &pair[1].range) {
            break;
        }
        found.push(pair[1].value);
        last = &pair[1];
    }
    // A list ends with its conjunction (`X, Y and Z`), then the clause goes
    // on with punctuation or a preposition; `against X, Y, Japan, and the
    // EU often imposed` is two clauses.
    let conjoined = !found.is_empty() && {
        let before_last = facts
            .countries
            .iter()
            .rev()
            .find(|f| f.range.end <= last.range.start)
            .map_or(last.range.start, |f| f.range.end);
        words(&text[before_last..last.range.start]).any(|w| matches!(w.as_ref(), "and" | "or" | "well"))
    };
    let rest = text[last.range.end..].trim_start();
    let ends = rest.starts_with(['.', ',', ';', ':', ')'])
        || words(rest)
            .next()
            .is_some_and(|w| LIST_END_PREPOSITIONS.contains(&w.as_ref()));
    if conjoined && ends { found } else { Vec::new() }
}

/// Values by how often they are named, most first (ties: first named first).
fn by_mentions<'f>(values: impl Iterator<Item = &'f str>) -> Vec<&'f str> {
    let mut tally: HashMap<&str, (usize, usize)> = HashMap::new();
    for (order, value) in values.enumerate() {
        tally.entry(value).or_insert((0, order)).0 += 1;
    }
    let mut ranked: Vec<(&str, (usize, usize))> = tally.into_iter().collect();
    ranked.sort_by_key(|(_, (n, first))| (std::cmp::Reverse(*n), *first));
    ranked.into_iter().map(|(v, _)| v).collect()
}

/// Names listed in sentence `i` as targets of the action just before, if it is
/// such a list.
fn listed_names(article: &Article, facts: &Facts, i: usize) -> Option<Vec<String>> {
    let range = article.sentences[i].clone();
    let sentence = &article.text[range.clone()];
    if let Some(start) = list_start(sentence) {
        // The list's items, past their appositions (`A, director of the
        // B; C, ...`); else every name of the sentence but those whose kin
        // are listed (`the wife of Foreign Minister A`).
        let mut names = listed::names(article.text, range.start + start, range.end, facts);
        if names.is_empty() {
            names = within(&facts.named, &range)
                .filter(|f| !kin_of(article.text, &f.range))
                .map(|f| f.value.to_string())
                .collect();
        }
        return (!names.is_empty()).then_some(names);
    }
    bullet_item(article, i, sentence)
}

/// The name of a bullet item after a sentence ending with a colon (`They
/// are:`).
fn bullet_item(article: &Article, i: usize, sentence: &str) -> Option<Vec<String>> {
    // The list opens with a colon a few sentences before, or before the
    // bullets that come just before this one.
    let is_bullet = |s: &str| s.trim_start().starts_with(['•', '*', '·', '-']);
    let mut opener = i;
    while opener > 0 && is_bullet(&article.text[article.sentences[opener - 1].clone()]) {
        opener -= 1;
    }
    let opens_list = (opener.saturating_sub(LIST_REACH)..opener).rev().any(|j| {
        let s = &article.text[article.sentences[j].clone()];
        s.trim_end().ends_with(':')
    });
    if opens_list
        && is_bullet(sentence)
        && let Some(c) = LIST_ITEM.captures(sentence)
    {
        return Some(vec![c[1].to_string()]);
    }
    None
}

/// Adds `name` unless a name of the same key ([`key_text`]) is there.
fn push_name(names: &mut Vec<String>, name: String) {
    let key = key_text(&name);
    if !names.iter().any(|n| has_key(n, &key)) {
        names.push(name);
    }
}

/// Whether `key_text(name) == key`, for an ASCII name without building its
/// key: its runs of letters and digits, lower case, one space between, and a
/// first run `the` left out before another.
fn has_key(name: &str, key: &str) -> bool {
    if !name.is_ascii() {
        return key_text(name) == key;
    }
    let mut runs = name
        .as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|run| !run.is_empty())
        .peekable();
    if runs.peek().is_some_and(|run| run.eq_ignore_ascii_case(b"the")) {
        let the = runs.next();
        if runs.peek().is_none() {
            return the.is_some_and(|run| run.eq_ignore_ascii_case(key.as_bytes()));
        }
    }
    let mut rest = key.as_bytes();
    for (k, run) in runs.enumerate() {
        if k > 0 {
            let Some(after) = rest.strip_prefix(b" ") else {
                return false;
            };
            rest = after;
        }
        if rest.len() < run.len() || !rest[..run.len()].eq_ignore_ascii_case(run) {
            return false;
        }
        rest = &rest[run.len()..];
    }
    rest.is_empty()
}

/// Counts as a sorted multiset, for comparison.
fn count_key(counts: &[EventCount]) -> Vec<(u64, &'static str)> {
    let mut key: Vec<(u64, &'static str)> = counts.iter().map(|c| (c.value, c.category.as_str())).collect();
    key.sort_unstable();
    key
}

/// Whether two readings' counts can be one action's: one holds the other
/// (`one group`, then `four other individuals and one group`), either has
/// none, or they count different kinds ([`counts_apart`]).
fn counts_agree(a: &[EventCount], b: &[EventCount]) -> bool {
    if counts_apart(a, b) {
        return true;
    }
    let (a, b) = (count_key(a), count_key(b));
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut rest = large.into_iter();
    small.iter().all(|c| rest.any(|d| d == *c))
}

/// Whether two readings count only different kinds (`24 Russians`, then
/// `12 companies blacklisted`): the parts of one action, added together.
fn counts_apart(a: &[EventCount], b: &[EventCount]) -> bool {
    !a.is_empty() && !b.is_empty() && a.iter().all(|c| b.iter().all(|d| d.category != c.category))
}

/// Whether a trigger tells of an action taken beside another, from its
/// sentence's `opening` up to it: `also` in the two words before it (`also
/// designated`, `have also imposed`), or a sentence opening `In addition`.
/// `words`: the words before it ([`words_before`] the end of `opening`,
/// two or more).
fn tells_of_another(opening: &str, words: &[Cow<str>]) -> bool {
    words.iter().take(2).any(|w| w == "also")
        || opening
            .trim_start()
            .get(..11)
            .is_some_and(|head| head.eq_ignore_ascii_case("in addition"))
}

/// Whether a trigger tells of an action before the news, from its
/// sentence's `opening` up to it: the past perfect
/// (`Tokyo had targeted`, `it had also sanctioned`) or `previously`,
/// `formerly` before it; not the past perfect of reported speech (`Mahuta
/// said she had sanctioned 18 entities`).
/// `before`: the five words before the trigger ([`words_before`] the end of
/// its sentence's opening).
fn tells_of_earlier(before: &[Cow<str>]) -> bool {
    let reported = before.iter().any(|w| REPORTING_VERBS.contains(&w.as_ref()));
    before
        .first()
        .is_some_and(|w| matches!(w.as_ref(), "previously" | "formerly"))
        || (!reported && before.iter().take(3).any(|w| w == "had"))
}

/// Whether two date values can name one action: equal, or one inside the other.
fn dates_agree(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => match (period(a), period(b)) {
            (Some(x), Some(y)) => (x.0 <= y.0 && y.1 <= x.1) || (y.0 <= x.0 && x.1 <= y.1),
            _ => a == b,
        },
        _ => true,
    }
}

/// The more precise of two dates.
fn finer(a: Option<String>, b: Option<String>) -> Option<String> {
    match (&a, &b) {
        (Some(x), Some(y)) => {
            let days = |v: &str| period(v).map_or(i64::MAX, |(s, e)| (e - s).num_days());
            if days(y) < days(x) { b } else { a }
        }
        (None, _) => b,
        _ => a,
    }
}

/// Merges readings that speak of one action.
fn merge<T: Trace>(readings: Vec<Reading>, trace: &mut T) -> Vec<Reading> {
    let mut events: Vec<Reading> = Vec::new();
    for (n, r) in readings.into_iter().enumerate() {
        // Two triggers of one sentence with one actor tell of one action
        // (`sanctioned four firms and identified two tankers as blocked
        // property`): their counts add up.
        if let Some(e) = events.last_mut()
            && e.sentences.last() == r.sentences.first()
            && e.authority == r.authority
            && e.status == r.status
            && (e.target.is_none() || r.target.is_none() || e.target == r.target)
            && dates_agree(&e.date, &r.date)
            && !(e.coordinated && r.target.is_none())
        {
            for count in r.counts.iter().filter(|_| !r.part) {
                if !e.counts.contains(count) {
                    e.counts.push(count.clone());
                }
            }
            absorb(
                e,
                Reading {
                    counts: Vec::new(),
                    ..r
                },
            );
            trace.note(|| Step::Merged {
                reading: n,
                event: events.len() - 1,
                how: "joined the event read just before in the same sentence (same authority, status \
                      and target; counts added up)"
                    .into(),
                apart: Vec::new(),
            });
            continue;
        }
        let reach = events.len().saturating_sub(MERGE_REACH);
        if r.part
            && let Some((j, e)) = events.iter_mut().enumerate().skip(reach).rev().find(|(_, e)| {
                let whole = Reading {
                    counts: Vec::new(),
                    ..r.clone()
                };
                disagreement(e, &whole).is_none()
            })
        {
            trace.note(|| Step::Merged {
                reading: n,
                event: j,
                how: "merged as a part of its targets (`Among the new entities, ...`): same authority and status, \
                      compatible target and date; its counts are the part's"
                    .into(),
                apart: Vec::new(),
            });
            absorb(
                e,
                Reading {
                    counts: Vec::new(),
                    ..r
                },
            );
            continue;
        }
        if r.follows
            && let Some((j, e)) = events.iter_mut().enumerate().skip(reach).rev().find(|(_, e)| {
                let told = Reading {
                    status: e.status,
                    counts: Vec::new(),
                    ..r.clone()
                };
                e.status != r.status && disagreement(e, &told).is_none()
            })
        {
            trace.note(|| Step::Merged {
                reading: n,
                event: j,
                how: "merged: tells more of the action taken (same authority, compatible target and date); \
                      its counts added"
                    .into(),
                apart: Vec::new(),
            });
            let counts = r.counts.clone();
            absorb(
                e,
                Reading {
                    counts: Vec::new(),
                    ..r
                },
            );
            for c in counts {
                if !e.counts.contains(&c) {
                    e.counts.push(c);
                }
            }
            continue;
        }
        let same = events
            .iter_mut()
            .enumerate()
            .skip(reach)
            .rev()
            .find(|(_, e)| disagreement(e, &r).is_none() && !(e.coordinated && r.target.is_none()));
        match same {
            Some((j, e)) => {
                trace.note(|| Step::Merged {
                    reading: n,
                    event: j,
                    how: "merged: same authority and status, compatible target, counts and date".into(),
                    apart: Vec::new(),
                });
                absorb(e, r)
            }
            None => {
                trace.note(|| Step::Merged {
                    reading: n,
                    event: events.len(),
                    how: "a new event".into(),
                    apart: apart(&events, reach, &r),
                });
                events.push(r)
            }
        }
    }
    events
}

/// Why reading `r` does not tell of the action of event `e`, if it does not:
/// another authority or status, another target, other counts, a date apart,
/// an earlier action against the news.
fn disagreement(e: &Reading, r: &Reading) -> Option<&'static str> {
    if e.authority != r.authority {
        Some("another authority")
    } else if e.earlier != r.earlier && !(e.date.is_some() && r.date.is_some()) {
        Some("an earlier action (`had targeted`, `previously sanctioned`) against the news")
    } else if e.status != r.status {
        Some("another status")
    } else if !(e.target.is_none() || r.target.is_none() || e.target == r.target) {
        Some("another target")
    } else if !counts_agree(&e.counts, &r.counts) {
        Some("other counts")
    } else if !dates_agree(&e.date, &r.date) {
        Some("another date")
    } else {
        None
    }
}

/// Why reading `r` is a new event: what sets it apart from each event of
/// the same authority within reach (from `events[reach]` on).
fn apart(events: &[Reading], reach: usize, r: &Reading) -> Vec<(usize, &'static str)> {
    (reach..events.len())
        .filter(|&j| events[j].authority == r.authority)
        .filter_map(|j| disagreement(&events[j], r).map(|why| (j, why)))
        .collect()
}

/// Adds what reading `r` says to event `e` of the same action.
fn absorb(e: &mut Reading, r: Reading) {
    // An earlier action's own date makes the event that action.
    if r.earlier && r.date.is_some() {
        e.earlier = true;
    }
    if e.target.is_none() {
        e.target = r.target;
    }
    if counts_apart(&e.counts, &r.counts) {
        e.counts.extend(r.counts);
    } else if e.counts.len() < r.counts.len() {
        e.counts = r.counts;
    }
    if e.agency.is_none() {
        e.agency = r.agency;
    }
    e.date = finer(e.date.take(), r.date);
    for name in r.named {
        push_name(&mut e.named, name);
    }
    for name in r.officials {
        push_name(&mut e.officials, name);
    }
    e.amounts.extend(
        r.amounts
            .into_iter()
            .filter(|a| !e.amounts.contains(a))
            .collect::<Vec<_>>(),
    );
    if e.reason.is_none() {
        e.reason = r.reason;
    }
    // Readings come in text order, so sentences only grow.
    for s in r.sentences {
        if e.sentences.last().is_none_or(|&last| last < s) {
            e.sentences.push(s);
        }
    }
}

/// Whether `name` is a government body of `authority`.
fn own_agency(facts: &Facts, authority: &str, name: &str) -> bool {
    facts
        .actors
        .iter()
        .any(|f| f.value.authority == authority && f.value.agency.as_deref() == Some(name))
}

/// How many days before its publication an article's news day may be.
const NEWS_DAY_REACH: i64 = 7;
/// How many words before a date a verb of speech makes it a remark's day
/// (`told a forum on Wednesday`).
const SPEECH_DAY_REACH: usize = 8;

/// The day an article reports: the latest day it names in the week up to its
/// publication in a sentence that speaks of sanctions (`The EU on Monday
/// excluded seven banks ... as sanctions were ratcheted up`, `Tuesday's
/// sanctions`), not the day of a remark (`speaking Thursday`). The
/// lead event (the one of the first trigger sentence), when its sentences
/// give no date of its own, happened then: news leads with the day's
/// action; other events may be background.
fn news_day<'f>(article: &Article, facts: &Facts<'f>) -> Option<&'f str> {
    let published = article.published?;
    // Whether the sentence holding `at` speaks of sanctions.
    let of_sanctions = |at: usize| {
        let i = article.sentences.partition_point(|s| s.end <= at);
        article
            .sentences
            .get(i)
            .is_some_and(|s| SANCTIONS_WORD.is_match(&article.text[s.clone()]))
    };
    // `speaking Thursday`, `sources on the 2nd`: the day of a remark.
    let spoken = |at: usize| {
        words_before(article.text, at, SPEECH_DAY_REACH)
            .iter()
            .any(|w| SPEECH_DAY_CUES.contains(&w.as_ref()))
    };
    let mut days: Vec<(chrono::NaiveDate, &Fact<&'f str>)> = facts
        .dates
        .iter()
        .filter_map(|f| {
            let day = chrono::NaiveDate::parse_from_str(f.value, "%Y-%m-%d").ok()?;
            (0..=NEWS_DAY_REACH)
                .contains(&(published - day).num_days())
                .then_some((day, f))
        })
        .collect();
    // The latest first; the sentence tests only until one passes.
    days.sort_by_key(|(day, _)| std::cmp::Reverse(*day));
    days.into_iter()
        .find(|(_, f)| !spoken(f.range.start) && of_sanctions(f.range.start))
        .map(|(_, f)| f.value)
}

/// Each name in its longest form the article's events give (`Golden Lotus`
/// as `Golden Lotus Aviation Services`), each once.
fn longest_forms(names: Vec<String>, forms: &[String]) -> Vec<String> {
    let mut longest = Vec::new();
    for name in names {
        let full = forms
            .iter()
            .filter(|f| f.len() > name.len() && f.starts_with(name.as_str()) && f[name.len()..].starts_with(' '))
            .max_by_key(|f| f.len())
            .cloned()
            .unwrap_or(name);
        push_name(&mut longest, full);
    }
    longest
}

/// Fills missing targets, drops self-targeted readings, writes record events.
fn finish<T: Trace>(
    article: &Article,
    facts: &Facts,
    context: &Context,
    readings: Vec<Reading>,
    trace: &mut T,
) -> Vec<Event> {
    let mut kept = 0;
    let full_forms: Vec<String> = readings.iter().flat_map(|r| r.named.iter().cloned()).collect();
    // Read when a lead reading lacks a date of its own, once.
    let day = std::cell::OnceCell::new();
    // The lead: the event read from the article's first trigger sentence.
    let lead = readings.iter().filter_map(|r| r.sentences.iter().min()).min().copied();
    // The lead reading's own date, if there is a lead (`Some(None)`: it has
    // none, and takes the news day).
    let lead_own_date: Option<Option<String>> = lead.and_then(|lead| {
        readings
            .iter()
            .find(|r| r.sentences.contains(&lead))
            .map(|r| r.date.clone())
    });
    // A reading without a target acts on what the article's other readings
    // act on, the country most aimed at first: `Britain added five
    // individuals` after a U.S. action `coordinated with Britain` on Myanmar
    // aims at Myanmar, not at the United States, named more.
    let targets: Vec<String> = readings.iter().filter_map(|r| r.target.clone()).collect();
    let aimed = by_mentions(targets.iter().map(String::as_str));
    readings
        .into_iter()
        .enumerate()
        .filter_map(|(j, mut r)| {
            let mut notes = Vec::new();
            // An authority does not sanction its own offices: `the Treasury
            // Department` in a U.S. action is who acts, not a target.
            let authority = r.authority.as_str();
            r.named = longest_forms(std::mem::take(&mut r.named), &full_forms);
            r.named.retain(|name| {
                let own = own_agency(facts, authority, name);
                if T::ON && own {
                    notes.push(format!("named target {name} dropped: an agency of {authority}"));
                }
                !own
            });
            if r.date.is_none()
                && lead.is_some_and(|lead| r.sentences.contains(&lead))
                && let Some(day) = *day.get_or_init(|| news_day(article, facts))
            {
                r.date = Some(day.to_string());
                if T::ON {
                    notes.push(format!("date {day}: the lead event's, the article's news day (its latest day in the week to publication)"));
                }
            }
            if r.date.is_none()
                && r.also
                && !r.earlier
                && r.status == EventStatus::Imposed
                && let Some(own) = &lead_own_date
                && let Some(lead_date) = own
                    .clone()
                    .or_else(|| day.get_or_init(|| news_day(article, facts)).map(str::to_string))
            {
                r.date = Some(lead_date.clone());
                if T::ON {
                    notes.push(format!("date {lead_date}: the lead event's, for an action taken beside it (`also`)"));
                }
            }
            if r.target.is_none() {
                if let Some(target) = aimed.iter().find(|&&c| c != r.authority) {
                    r.target = Some(target.to_string());
                    if T::ON {
                        notes.push(format!(
                            "target {target}: the country the article's other readings aim at most, other than the authority"
                        ));
                    }
                } else {
                    r.target = context
                        .countries
                        .iter()
                        .find(|&&c| c != r.authority)
                        .map(|c| c.to_string());
                    if T::ON
                        && let Some(target) = &r.target
                    {
                        notes.push(format!(
                            "target {target}: the article's most-named country other than the authority"
                        ));
                    }
                }
            }
            if r.target.as_deref() == Some(r.authority.as_str()) {
                trace.note(|| Step::Finished {
                    event: j,
                    index: None,
                    notes: vec![format!("dropped: its target is its authority, {}", r.authority)],
                });
                return None;
            }
            trace.note(|| Step::Finished {
                event: j,
                index: Some(kept),
                notes,
            });
            kept += 1;
            let mut sentences = r.sentences;
            sentences.sort_unstable();
            Some(Event {
                authority: r.authority,
                agency: r.agency,
                status: r.status,
                target: r.target,
                counts: r.counts,
                named_targets: r.named,
                date: r.date,
                amounts: r.amounts,
                reason: r.reason,
                officials: r.officials,
                evidence: sentences
                    .into_iter()
                    .map(|s| article.span(article.sentences[s].clone()))
                    .collect(),
                rule: r.rule.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assemble::triggers::{PREFILTERS, RULES};

    /// The ASCII reading of [`words_before`] finds what [`words`] read
    /// backwards finds, at every place of the project's articles and of
    /// texts made to try its edges (punctuation alone, tabs, a cut window,
    /// capitals), for every number of words; at a non-ASCII byte it leaves
    /// the place to `words`.
    #[test]
    fn words_before_reads_ascii_as_words_does() {
        let corpus = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/articles/own/events.jsonl"))
            .expect("the project's own articles");
        let mut texts: Vec<String> = corpus
            .lines()
            .map(|line| {
                serde_json::from_str::<serde_json::Value>(line).expect("a JSON line")["text"]
                    .as_str()
                    .expect("text")
                    .to_string()
            })
            .collect();
        texts.push("The U.S. -- and  (its allies) -- \"sanctioned\"\tthe Bank's CEO, on 'Monday' ... ; ".repeat(6));
        texts.push("Sanctions on Café Müller, the E.U.’s list: — A and B".to_string());
        let (mut ascii, mut places) = (0, 0);
        for text in &texts {
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)).step_by(3) {
                let from = text.floor_char_boundary(at.saturating_sub(WORD_WINDOW));
                let (window, cut) = (&text[from..at], from > 0);
                for n in 0..=WORDS_BEFORE {
                    let decoded = decoded_words_before(window, cut, n);
                    places += 1;
                    if let Some(fast) = ascii_words_before(window, cut, n) {
                        ascii += 1;
                        assert_eq!(&*fast, &*decoded, "{n} words before {at} in {window:?}");
                    }
                }
            }
        }
        // Most places are read the ASCII way; some are left to `words`.
        assert!(ascii > places / 2 && ascii < places, "{ascii} of {places}");
        assert_eq!(
            &*words_before("Sanctions, on  THE Bank's (board)", 33, 3),
            ["board", "bank's", "the"]
        );
        assert!(ascii_words_before("on Café", false, 2).is_none());
    }

    /// Facts found by searching the text for the given surface forms (each
    /// occurrence), so tests read like annotated sentences.
    struct Given<'a> {
        text: &'a str,
        facts: Facts<'a>,
    }

    impl<'a> Given<'a> {
        fn new(text: &'a str) -> Self {
            Given {
                text,
                facts: Facts::default(),
            }
        }

        fn ranges(&self, surface: &str) -> Vec<Range<usize>> {
            self.text
                .match_indices(surface)
                .map(|(at, s)| at..at + s.len())
                .collect()
        }

        fn actor(mut self, surface: &str, authority: &'a str, agency: Option<&'a str>) -> Self {
            for range in self.ranges(surface) {
                let value = Actor {
                    authority: authority.into(),
                    agency: agency.map(Into::into),
                };
                self.facts.actors.push(Fact { range, value });
            }
            self
        }

        fn country(mut self, surface: &str, name: &'a str) -> Self {
            for range in self.ranges(surface) {
                self.facts.countries.push(Fact { range, value: name });
            }
            self
        }

        fn demonym(mut self, surface: &str, name: &'a str) -> Self {
            for range in self.ranges(surface) {
                self.facts.demonyms.push(Fact { range, value: name });
            }
            self
        }

        /// A country that can also act (`Japan`, `Seoul`).
        fn state(self, surface: &str, name: &'a str) -> Self {
            self.actor(surface, name, None).country(surface, name)
        }

        fn count(mut self, surface: &str, value: u64, category: CountCategory) -> Self {
            for range in self.ranges(surface) {
                self.facts.counts.push(Fact {
                    range,
                    value: EventCount { value, category },
                });
            }
            self
        }

        fn date(mut self, surface: &str, value: &'a str) -> Self {
            for range in self.ranges(surface) {
                self.facts.dates.push(Fact { range, value });
            }
            self
        }

        fn named(mut self, surface: &'a str) -> Self {
            for range in self.ranges(surface) {
                self.facts.named.push(Fact { range, value: surface });
            }
            self
        }

        /// An official of `country` (a named target too).
        fn official(mut self, surface: &'a str, country: &'a str) -> Self {
            for range in self.ranges(surface) {
                self.facts.officials.push(Fact {
                    range: range.clone(),
                    value: surface,
                });
                self.facts.speakers.push(Fact { range, value: country });
            }
            self.named(surface)
        }

        fn events(self) -> Vec<Event> {
            self.published(None)
        }

        /// The events of the text published on `day`.
        fn published(self, day: Option<chrono::NaiveDate>) -> Vec<Event> {
            let given = self.sorted();
            let article = Article::new(given.text, day);
            assemble(&article, &given.facts)
        }

        /// The events, and the trace of their assembly.
        fn traced(self) -> (Vec<Event>, Vec<crate::explain::SentenceTrace>) {
            let given = self.sorted();
            let article = Article::new(given.text, None);
            let mut recorder = super::super::trace::Recorder::new(&article);
            let events = assemble_traced(&article, &given.facts, &mut recorder);
            (events, recorder.finish())
        }

        fn sorted(mut self) -> Self {
            for list in [
                &mut self.facts.countries,
                &mut self.facts.named,
                &mut self.facts.officials,
                &mut self.facts.speakers,
            ] {
                list.sort_by_key(|f| f.range.start);
            }
            self.facts.demonyms.sort_by_key(|f| f.range.start);
            self.facts.actors.sort_by_key(|f| f.range.start);
            self.facts.counts.sort_by_key(|f| f.range.start);
            self.facts.dates.sort_by_key(|f| f.range.start);
            self
        }
    }

    use CountCategory::{Entity as E, Individual as I, Vessel as V};

    fn summary(events: &[Event]) -> Vec<String> {
        events
            .iter()
            .map(|e| {
                let counts: Vec<String> = e
                    .counts
                    .iter()
                    .map(|c| format!("{} {}", c.value, c.category.as_str()))
                    .collect();
                format!(
                    "{} {} {} [{}] [{}] {}",
                    e.authority,
                    e.status.as_str(),
                    e.target.as_deref().unwrap_or("-"),
                    counts.join(", "),
                    e.named_targets.join(", "),
                    e.date.as_deref().unwrap_or("-")
                )
            })
            .collect()
    }

    #[test]
    fn a_guessed_authority_with_nothing_of_its_own_is_no_event() {
        let text = "The EU imposed sanctions on Russia on Monday. Markets fell. Oil rose. Gas rose too. \
                    Economists expect the lifting of sanctions on Russia. \
                    Traders expect the lifting of sanctions on Russia in March.";
        let (events, trace) = Given::new(text)
            .actor("EU", "European Union", None)
            .country("Russia", "Russia")
            .date("Monday", "2022-02-28")
            .date("March", "2022-03")
            .traced();
        assert_eq!(
            summary(&events),
            [
                "European Union imposed Russia [] [] 2022-02-28",
                "European Union lifted Russia [] [] 2022-03"
            ]
        );
        let why = trace[1].triggers[0].dropped.as_deref().unwrap_or_default();
        assert!(why.starts_with("an authority only guessed"), "{why}");
    }

    #[test]
    fn where_a_target_is_based_is_not_whose_it_is() {
        let events =
            Given::new("Iran blacklisted 3 entities, including a Paris-based radio station, and Israeli firms.")
                .state("Iran", "Iran")
                .country("Paris", "France")
                .demonym("Israeli", "Israel")
                .count("3 entities", 3, E)
                .events();
        assert_eq!(summary(&events), ["Iran imposed Israel [3 entity] [] -"]);
    }

    #[test]
    fn a_patron_of_the_target_is_not_the_target() {
        // The Houthis are aimed at, not Iran: the second reading has no
        // target of its own and takes the one the article aims at.
        let events = Given::new(
            "The U.S. imposed sanctions on Yemen's ports. \
             Britain designated five entities that supply the Iran-backed Houthis.",
        )
        .state("U.S.", "United States")
        .state("Britain", "United Kingdom")
        .country("Yemen", "Yemen")
        .country("Iran", "Iran")
        .count("five entities", 5, E)
        .events();
        assert_eq!(
            summary(&events),
            [
                "United States imposed Yemen [] [] -",
                "United Kingdom imposed Yemen [5 entity] [] -"
            ]
        );
        // A tie of belonging still names the target.
        let events = Given::new("The U.S. sanctioned nine Russia-linked firms.")
            .state("U.S.", "United States")
            .country("Russia", "Russia")
            .events();
        assert_eq!(summary(&events), ["United States imposed Russia [] [] -"]);
    }

    #[test]
    fn the_nationals_counted_are_the_target_and_hong_kong_is_china() {
        let events = Given::new(
            "China said it would impose sanctions on 11 U.S. citizens over their stances on Hong Kong. \
             The U.S. sanctioned Hong Kong officials.",
        )
        .state("China", "China")
        .state("U.S.", "United States")
        .country("Hong Kong", "Hong Kong")
        .count("11 U.S. citizens", 11, I)
        .events();
        assert_eq!(
            summary(&events),
            [
                "China planned United States [11 individual] [] -",
                "United States imposed China [] [] -"
            ]
        );
    }

    #[test]
    fn a_reading_without_a_target_takes_the_one_the_article_acts_on() {
        let events = Given::new(
            "Washington sanctioned three entities tied to Myanmar's military, in action coordinated with the \
             United States' allies. The United States said the United States would act again. \
             Britain added five individuals.",
        )
        .state("Washington", "United States")
        .state("United States", "United States")
        .state("Myanmar", "Myanmar")
        .state("Britain", "United Kingdom")
        .count("three entities", 3, E)
        .count("five individuals", 5, I)
        .events();
        assert_eq!(
            summary(&events),
            [
                "United States imposed Myanmar [3 entity] [] -",
                "United Kingdom imposed Myanmar [5 individual] [] -"
            ]
        );
    }

    #[test]
    fn those_who_speak_for_countries_make_them_act() {
        let events = Given::new(
            "The foreign ministers of Australia, Canada, and the United Kingdom announced sanctions targeting \
             two Israeli ministers. Sanctions on the government of Syria remain.",
        )
        .state("Australia", "Australia")
        .state("Canada", "Canada")
        .state("United Kingdom", "United Kingdom")
        .state("Syria", "Syria")
        .demonym("Israeli", "Israel")
        .count("two Israeli ministers", 2, I)
        .events();
        assert_eq!(
            summary(&events),
            [
                "Australia imposed Israel [2 individual] [] -",
                "Canada imposed Israel [2 individual] [] -",
                "United Kingdom imposed Israel [2 individual] [] -"
            ]
        );
    }

    #[test]
    fn names_in_apposition_to_a_count_are_its_targets_but_not_its_modifiers() {
        let events = Given::new(
            "Canada said on Monday it was imposing sanctions on 33 Russian oligarchs and business people, \
             including football club owner Roman Abramovich and Gazprom CEO Alexey Miller. \
             Switzerland extended its sanctions to eight more people, including two Supreme Court judges.",
        )
        .state("Canada", "Canada")
        .state("Switzerland", "Switzerland")
        .demonym("Russian", "Russia")
        .count("33 Russian oligarchs", 33, I)
        .count("eight more people", 8, I)
        .count("two Supreme Court judges", 2, I)
        .named("Roman Abramovich")
        .named("Alexey Miller")
        .named("Supreme Court")
        .events();
        assert_eq!(events[0].named_targets, ["Roman Abramovich", "Alexey Miller"]);
        assert!(events[1].named_targets.is_empty(), "{:?}", events[1]);
    }

    #[test]
    fn sanctions_in_the_name_of_a_law_or_a_body_are_no_trigger() {
        let (events, trace) = Given::new(
            "Following the passage of the Russia Sanctions Act, Wellington has enacted a number of sanctions \
             against 18 entities. Beijing newly passed an Anti-Foreign Sanctions Law.",
        )
        .state("Russia", "Russia")
        .state("Wellington", "New Zealand")
        .state("Beijing", "China")
        .count("18 entities", 18, E)
        .traced();
        assert_eq!(summary(&events), ["New Zealand imposed Russia [18 entity] [] -"]);
        let rejected: Vec<&str> = trace.iter().flat_map(|s| &s.rejected).map(|r| r.why.as_str()).collect();
        assert_eq!(
            rejected.iter().filter(|w| w.starts_with("inside a name")).count(),
            2,
            "{rejected:?}"
        );
    }

    #[test]
    fn the_nationalities_counted_aim_at_the_country_the_article_is_about() {
        let events = Given::new(
            "North Korea tested a missile. The committee added five Chinese entities, 12 North Korean entities \
             and one Singaporean entity to its sanctions list. North Korea protested.",
        )
        .actor("committee", "United Nations", None)
        .country("North Korea", "North Korea")
        .demonym("Chinese", "China")
        .demonym("North Korean", "North Korea")
        .demonym("Singaporean", "Singapore")
        .count("five Chinese entities", 5, E)
        .count("12 North Korean entities", 12, E)
        .count("one Singaporean entity", 1, E)
        .events();
        assert_eq!(
            summary(&events),
            ["United Nations imposed North Korea [5 entity, 12 entity, 1 entity] [] -"]
        );
    }

    #[test]
    fn the_date_of_what_an_action_adds_to_is_not_its_own() {
        let events = Given::new("Ottawa announced several sanctions in addition to those earlier this week.")
            .state("Ottawa", "Canada")
            .date("earlier this week", "2022-W08")
            .events();
        assert_eq!(events[0].date, None);
    }

    #[test]
    fn listed_dates_are_rounds_of_their_own() {
        let events = Given::new(
            "This round builds upon UN sanctions imposed on North Korea in August, September, and December. \
             The EU imposed sanctions on Iran in May and will review them in June.",
        )
        .actor("UN", "United Nations", None)
        .actor("EU", "European Union", None)
        .country("North Korea", "North Korea")
        .country("Iran", "Iran")
        .date("August", "2017-08")
        .date("September", "2017-09")
        .date("December", "2017-12")
        .date("May", "2017-05")
        .date("June", "2017-06")
        .events();
        assert_eq!(
            summary(&events),
            [
                "United Nations imposed North Korea [] [] 2017-08",
                "United Nations imposed North Korea [] [] 2017-09",
                "United Nations imposed North Korea [] [] 2017-12",
                "European Union imposed Iran [] [] 2017-05"
            ]
        );
    }

    #[test]
    fn a_body_after_a_possessive_pronoun_and_of_is_an_object() {
        let events = Given::new(
            "New Zealand imposed sanctions on Russia on March 7. New Zealand markets fell. Oil rose. \
             It has targeted Putin and members of his Security Council. \
             The Government has enacted sanctions against 18 entities.",
        )
        .state("New Zealand", "New Zealand")
        .state("Russia", "Russia")
        .actor("Security Council", "Security Council", None)
        .date("March 7", "2022-03-07")
        .count("18 entities", 18, E)
        .events();
        assert_eq!(
            summary(&events),
            ["New Zealand imposed Russia [18 entity] [] 2022-03-07"]
        );
    }

    #[test]
    fn entity_list_additions_and_their_parts() {
        // The nationality counted in a headline is no actor; a sentence on a
        // part of the targets joins the action without its count.
        let events = Given::new(
            "Commerce Adds 37 PRC Entities to Entity List. \
             WASHINGTON \u{2022} Today, the Commerce Department added 37 entities to the Entity List. \
             Among the new entities added to the Entity List, 22 firms were added for quantum work. \
             The Commerce Department said more would follow.",
        )
        .state("PRC", "China")
        .actor("Commerce Department", "United States", Some("Commerce Department"))
        .count("37 PRC Entities", 37, E)
        .count("37 entities", 37, E)
        .count("22 firms", 22, E)
        .date("Today", "2024-05-09")
        .events();
        assert_eq!(
            summary(&events),
            ["United States imposed China [37 entity] [] 2024-05-09"]
        );
    }

    #[test]
    fn the_country_a_list_is_named_for_does_not_act() {
        let events = Given::new("Committee Adds Three Gang Leaders to Haiti Sanctions List. The UN said so.")
            .state("Haiti", "Haiti")
            .actor("UN", "United Nations", None)
            .count("Three Gang Leaders", 3, I)
            .events();
        assert_eq!(summary(&events), ["United Nations imposed Haiti [3 individual] [] -"]);
    }

    #[test]
    fn a_share_of_the_objects_is_not_the_target() {
        let events = Given::new(
            "The Commerce Department added 60 entities to its Entity List, 24 of them Chinese, to stop \
             technology from reaching Russia's military.",
        )
        .actor("Commerce Department", "United States", Some("Commerce Department"))
        .country("Russia", "Russia")
        .demonym("Chinese", "China")
        .count("60 entities", 60, E)
        .events();
        assert_eq!(summary(&events), ["United States imposed Russia [60 entity] [] -"]);
    }

    #[test]
    fn the_source_after_a_closing_quote_acts() {
        let events = Given::new(
            "Israel's government declined to comment. \
             NSO Group, the Israeli company, was put on an \"entity list\" for \"activities contrary to the \
             interests of the nation,\" the US Commerce Department announced on Wednesday.",
        )
        .actor("US Commerce Department", "United States", Some("Commerce Department"))
        .actor("Israel", "Israel", None)
        .demonym("Israeli", "Israel")
        .named("NSO Group")
        .date("Wednesday", "2021-11-03")
        .events();
        assert_eq!(
            summary(&events),
            ["United States imposed Israel [] [NSO Group] 2021-11-03"]
        );
    }

    #[test]
    fn coordinated_authorities_are_separate_events() {
        let events = Given::new(
            "The U.S., Japan, and South Korea revealed new sanctions to punish North Korea for missile tests. \
             The U.S. unveiled measures against three individuals, while Japan targeted three groups and one individual.",
        )
        .state("U.S.", "United States")
        .state("Japan", "Japan")
        .state("South Korea", "South Korea")
        .country("North Korea", "North Korea")
        .count("three individuals", 3, I)
        .count("three groups", 3, E)
        .count("one individual", 1, I)
        .events();
        assert_eq!(
            summary(&events),
            [
                "United States imposed North Korea [3 individual] [] -",
                "Japan imposed North Korea [3 entity, 1 individual] [] -",
                "South Korea imposed North Korea [] [] -",
            ]
        );
        assert_eq!(events[0].evidence.len(), 2);
    }

    #[test]
    fn an_agency_acts_for_its_country_and_prepositions_mark_objects() {
        let text = "On March 27, 2024, the Treasury Department's Office of Foreign Assets Control \
                    teamed up with the Republic of Korea in order to designate 6 individuals and 2 entities together.";
        let events = Given::new(text)
            .actor(
                "Treasury Department",
                "United States",
                Some("Department of the Treasury"),
            )
            .actor(
                "Office of Foreign Assets Control",
                "United States",
                Some("Office of Foreign Assets Control"),
            )
            .state("Republic of Korea", "South Korea")
            .country("DPRK", "North Korea")
            .count("6 individuals", 6, I)
            .count("2 entities", 2, E)
            .date("March 27, 2024", "2024-03-27")
            .events();
        assert_eq!(
            summary(&events),
            ["United States imposed South Korea [6 individual, 2 entity] [] 2024-03-27"]
        );
        assert_eq!(events[0].agency.as_deref(), Some("Office of Foreign Assets Control"));
        assert_eq!(events[0].rule, "imposed.designate");
    }

    #[test]
    fn modals_plan_and_negations_deny() {
        let events = Given::new(
            "Seoul is considering sanctions on North Korea. The U.S. has not yet imposed sanctions on China, \
             but it could take such measures. Tokyo could impose sanctions on Pyongyang.",
        )
        .state("Seoul", "South Korea")
        .state("U.S.", "United States")
        .state("China", "China")
        .state("Tokyo", "Japan")
        .country("North Korea", "North Korea")
        .country("Pyongyang", "North Korea")
        .events();
        assert_eq!(
            summary(&events),
            [
                "South Korea planned North Korea [] [] -",
                "Japan planned North Korea [] [] -"
            ]
        );
    }

    #[test]
    fn a_modal_after_the_measures_or_before_also_tells_more_of_the_action() {
        let events = Given::new(
            "Japan imposed sanctions on 398 Russian individuals on Tuesday. \
             Japan will also freeze the assets of 28 Russian organizations. \
             The sanctions will impose travel bans on Russian officials. \
             Japan could impose sanctions on Belarus.",
        )
        .state("Japan", "Japan")
        .demonym("Russian", "Russia")
        .country("Belarus", "Belarus")
        .count("398 Russian individuals", 398, I)
        .count("28 Russian organizations", 28, E)
        .date("Tuesday", "2022-04-12")
        .events();
        assert_eq!(
            summary(&events),
            [
                "Japan imposed Russia [398 individual, 28 entity] [] 2022-04-12",
                "Japan planned Belarus [] [] -"
            ]
        );
        // With no action taken before, the plan stays a plan.
        let events = Given::new("Japan will also impose sanctions on 28 Russian organizations.")
            .state("Japan", "Japan")
            .demonym("Russian", "Russia")
            .count("28 Russian organizations", 28, E)
            .events();
        assert_eq!(summary(&events), ["Japan planned Russia [28 entity] [] -"]);
    }

    #[test]
    fn the_source_of_a_quote_is_no_target_and_a_gerund_takes_its_agent_after_by() {
        let events = Given::new(
            "\"It adopts the latest measures adopted by the European Union,\" the Swiss government said. \
             The Federal Council approved the sanctioning of 30 Russian firms by Switzerland.",
        )
        .state("European Union", "European Union")
        .demonym("Swiss", "Switzerland")
        .demonym("Russian", "Russia")
        .state("Switzerland", "Switzerland")
        .count("30 Russian firms", 30, E)
        .events();
        assert_eq!(
            summary(&events),
            [
                "European Union imposed Russia [] [] -",
                "Switzerland imposed Russia [30 entity] [] -"
            ]
        );
    }

    #[test]
    fn kin_and_aides_are_aimed_at_not_the_one_they_belong_to() {
        let events = Given::new(
            "Under the plan, Seoul blacklisted top aides of North Korean leader Kim Jong Un and Ri Pyong Chol. \
             Japan froze the assets of President Vladimir Putin's two daughters, Maria Vorontsova and Katerina Tikhonova.",
        )
        .state("Seoul", "South Korea")
        .state("Japan", "Japan")
        .demonym("North Korean", "North Korea")
        .named("Kim Jong Un")
        .named("Ri Pyong Chol")
        .named("Vladimir Putin")
        .named("Maria Vorontsova")
        .named("Katerina Tikhonova")
        .events();
        assert_eq!(
            summary(&events),
            [
                "South Korea imposed North Korea [] [Ri Pyong Chol] -",
                "Japan imposed North Korea [] [Maria Vorontsova, Katerina Tikhonova] -"
            ]
        );
    }

    #[test]
    fn passive_subjects_bullet_runs_and_the_list_name_targets() {
        // A name before a passive with only auxiliaries and adverbs between.
        let events = Given::new(
            "The United States sanctioned three senior South Sudan officials on Wednesday. \
             The former head of the army, Paul Malong, is also placed on the sanctions list. \
             Two days ago, Acme Holdings said the weather was fine.",
        )
        .state("United States", "United States")
        .country("South Sudan", "South Sudan")
        .count("three senior South Sudan officials", 3, I)
        .date("Wednesday", "2017-09-06")
        .named("Paul Malong")
        .named("Acme Holdings")
        .events();
        assert_eq!(
            summary(&events),
            ["United States imposed South Sudan [3 individual] [Paul Malong] 2017-09-06"]
        );
        // A name no extractor found, where no list opens the sentence.
        let events = Given::new(
            "The European Union sanctioned three Iranian commanders on June 24. \
             The Guard's deputy commander for intelligence, Hossein Taeb, was also designated.",
        )
        .actor("European Union", "European Union", None)
        .demonym("Iranian", "Iran")
        .count("three Iranian commanders", 3, I)
        .date("June 24", "2011-06-24")
        .events();
        assert_eq!(
            summary(&events),
            ["European Union imposed Iran [3 individual] [Hossein Taeb] 2011-06-24"]
        );

        // Every bullet of a run opened by a colon, however long the run; the
        // list a `list` names, but not the kin's possessor.
        let events = Given::new(
            "Britain sanctioned 5 Russian individuals on Monday. \
             The others sanctioned are:\n\
             • Ivan Orlov, director, 2019 to present\n\
             • Oleg Sokol, deputy director, 2018 to 2019\n\
             • Petr Volkov, former director, 2016 to 2018\n\
             • Pavel Zorin, former deputy, 2015 to 2016\n\
             The list also names the wife of Foreign Minister Sergey Lavrov.",
        )
        .state("Britain", "United Kingdom")
        .demonym("Russian", "Russia")
        .count("5 Russian individuals", 5, I)
        .date("Monday", "2022-03-14")
        .named("Ivan Orlov")
        .named("Oleg Sokol")
        .named("Petr Volkov")
        .named("Pavel Zorin")
        .named("Sergey Lavrov")
        .events();
        assert_eq!(
            summary(&events),
            [
                "United Kingdom imposed Russia [5 individual] [Ivan Orlov, Oleg Sokol, Petr Volkov, Pavel Zorin] 2022-03-14"
            ]
        );
    }

    #[test]
    fn an_adverb_after_a_subject_leaves_a_verb_and_a_guess_is_never_the_target() {
        let events = Given::new(
            "South Korea sanctioned 15 North Korean individuals on Friday. \
             They work for firms that the U.N. Security Council previously sanctioned, Ryonbong Trading and Korea Tangun. \
             North Korea, which North Korea calls a sovereign state, fired missiles. \
             The weather was cold. The sea was calm. \
             Some organizations are slapped with sanctions, such as Korea Kumsan.",
        )
        .state("South Korea", "South Korea")
        .actor("U.N. Security Council", "United Nations", Some("Security Council"))
        .state("North Korea", "North Korea")
        .demonym("North Korean", "North Korea")
        .count("15 North Korean individuals", 15, I)
        .date("Friday", "2022-10-14")
        .named("Ryonbong Trading")
        .named("Korea Tangun")
        .named("Korea Kumsan")
        .events();
        assert_eq!(
            summary(&events),
            [
                "South Korea imposed North Korea [15 individual] [Korea Kumsan] 2022-10-14",
                "United Nations imposed North Korea [] [Ryonbong Trading, Korea Tangun] -"
            ]
        );
    }

    #[test]
    fn an_earlier_action_is_apart_from_the_news_but_reported_speech_is_the_news() {
        let events = Given::new(
            "Japan imposed sanctions on 398 Russian individuals on Tuesday. \
             Up to now, Tokyo had targeted top Russian officials, including Vladimir Putin. \
             Mahuta said she had sanctioned 18 Russian entities.",
        )
        .state("Japan", "Japan")
        .state("Tokyo", "Japan")
        .demonym("Russian", "Russia")
        .official("Mahuta", "New Zealand")
        .count("398 Russian individuals", 398, I)
        .count("18 Russian entities", 18, E)
        .named("Vladimir Putin")
        .date("Tuesday", "2022-04-12")
        .events();
        assert_eq!(
            summary(&events),
            [
                "Japan imposed Russia [398 individual] [] 2022-04-12",
                "Japan imposed Russia [] [Vladimir Putin] -",
                "New Zealand imposed Russia [18 entity] [] -"
            ]
        );
    }

    #[test]
    fn a_modal_inside_a_trigger_plans_and_a_quotation_ends_the_objects() {
        let events = Given::new(
            "\"The U.S. sanctions could include targeting Rosneft and the Russian economy,\" Susan Rice told reporters.",
        )
        .state("U.S.", "United States")
        .demonym("Russian", "Russia")
        .named("Rosneft")
        .official("Susan Rice", "United States")
        .events();
        assert_eq!(summary(&events), ["United States planned Russia [] [Rosneft] -"]);
    }

    #[test]
    fn a_country_before_those_aimed_at_does_not_act() {
        let events = Given::new(
            "Australia imposed sanctions on Iran's morality police. \
             Myanmar junta leader also sanctioned.",
        )
        .state("Australia", "Australia")
        .state("Iran", "Iran")
        .state("Myanmar", "Myanmar")
        .events();
        assert_eq!(summary(&events), ["Australia imposed Iran [] [] -"]);
    }

    #[test]
    fn may_the_month_and_may_the_name_are_no_modal() {
        let events = Given::new(
            "On May 23 the EU imposed sanctions on Syria. Prime Minister Theresa May imposed sanctions on Iran. \
             The U.S. may impose sanctions on Cuba.",
        )
        .state("EU", "European Union")
        .country("Syria", "Syria")
        .country("Iran", "Iran")
        .state("U.S.", "United States")
        .country("Cuba", "Cuba")
        .official("Theresa May", "United Kingdom")
        .date("May 23", "2011-05-23")
        .events();
        assert_eq!(
            summary(&events),
            [
                "European Union imposed Syria [] [] 2011-05-23",
                "United Kingdom imposed Iran [] [] -",
                "United States planned Cuba [] [] -"
            ]
        );
    }

    #[test]
    fn sentences_about_one_action_merge_and_lists_name_its_targets() {
        let events = Given::new(
            "On Sunday South Korea's Foreign Ministry unveiled more unilateral sanctions on North Korea. \
             \"With this step the government further sanctions 20 North Korean organizations and 12 North Koreans,\" the ministry said. \
             The companies include Koryo Commercial Bank and Yusong Shipping Company. \
             Earlier, Seoul slapped unilateral sanctions on Pyongyang on October 14.",
        )
        .actor("South Korea's Foreign Ministry", "South Korea", Some("Foreign Ministry"))
        .country("North Korea", "North Korea")
        .country("Pyongyang", "North Korea")
        .state("Seoul", "South Korea")
        .count("20 North Korean organizations", 20, E)
        .count("12 North Koreans", 12, I)
        .date("Sunday", "2017-12-10")
        .date("October 14", "2017-10-14")
        .named("Koryo Commercial Bank")
        .named("Yusong Shipping Company")
        .events();
        assert_eq!(
            summary(&events),
            [
                "South Korea imposed North Korea [20 entity, 12 individual] [Koryo Commercial Bank, Yusong Shipping Company] 2017-12-10",
                "South Korea imposed North Korea [] [] 2017-10-14",
            ]
        );
    }

    #[test]
    fn passive_agents_possessive_lists_and_lifting() {
        let events = Given::new(
            "Among the organizations added to Japan's sanctions list was Lazarus Group. \
             On October 8, OFAC removed Mammut Industrial Group from the Specially Designated Nationals list. \
             Three individuals had been designated with it, and were delisted in July 2021. \
             Iran denied it. Iran appealed.",
        )
        .state("Japan", "Japan")
        .actor("OFAC", "United States", Some("Office of Foreign Assets Control"))
        .country("Iran", "Iran")
        .named("Lazarus Group")
        .named("Mammut Industrial Group")
        .count("Three individuals", 3, I)
        .date("October 8", "2021-10-08")
        .date("July 2021", "2021-07")
        .events();
        assert_eq!(
            summary(&events),
            [
                "Japan imposed Iran [] [Lazarus Group] -",
                "United States lifted Iran [] [Mammut Industrial Group] 2021-10-08",
                // `July 2021` is the date of the delisting, in the other
                // trigger's scope: the designation is undated here.
                "United States imposed Iran [3 individual] [] -",
                "United States lifted Iran [3 individual] [] 2021-07",
            ]
        );
    }

    #[test]
    fn passive_subjects_are_sanctioned_and_officials_act_for_their_country() {
        // The same facts wherever their words stand.
        let world = |text: &'static str| {
            Given::new(text)
                .state("Iran", "Iran")
                .state("Washington", "United States")
                .state("China", "China")
                .actor("European Union", "European Union", None)
                .actor("EU", "European Union", None)
                .state("Belarus", "Belarus")
                .state("Russia", "Russia")
                .state("Syria", "Syria")
                .state("Iraq", "Iraq")
                .state("Venezuela", "Venezuela")
                .state("Caracas", "Venezuela")
                .state("Pyongyang", "North Korea")
                .actor("UN", "United Nations", None)
                .official("Donald Trump", "United States")
                .official("Nicolas Maduro", "Venezuela")
                .events()
        };
        for (text, expected) in [
            // The agent after `by`, not the subject before the passive.
            ("Iran was sanctioned by Washington.", "United States imposed Iran"),
            (
                "China hit back at sanctions imposed by the European Union.",
                "European Union imposed China",
            ),
            // A reporter before a passive is its subject.
            (
                "The EU said Belarus had been sanctioned.",
                "European Union imposed Belarus",
            ),
            // `UN sanctions imposed`: the actor names whose they are.
            (
                "Several UN sanctions imposed on Pyongyang remain.",
                "United Nations imposed North Korea",
            ),
            // An official acts for their country.
            (
                "President Donald Trump threatened to impose sanctions on Iraq.",
                "United States planned Iraq",
            ),
            // Who only reacts does not act: the lifting is the EU's, read
            // just before.
            (
                "The EU lifted sanctions on Syria. Russia welcomed the lifting of sanctions on Syria.",
                "European Union lifted Syria",
            ),
            (
                "Washington sanctioned Caracas. President Nicolas Maduro condemned the sanctions imposed on Caracas.",
                "United States imposed Venezuela",
            ),
        ] {
            let found: Vec<String> = summary(&world(text))
                .iter()
                .map(|e| e.split(" [").next().unwrap_or_default().to_string())
                .collect();
            assert_eq!(found, [expected], "{text}");
        }
    }

    #[test]
    fn sanctions_of_sport_and_courts_are_no_events() {
        let disciplinary = |text: &str| {
            let article = Article::new(text, None);
            super::disciplinary(&article, &candidate_rules(&article).sentences)
        };
        for text in [
            "The disciplinary committee sanctioned the club with a fine after its players missed the match.",
            "A federal judge sanctioned the lawyer and his firm; the court found the attorney had cited cases \
             that do not exist.",
            "The athlete was sanctioned for doping and suspended from competition.",
        ] {
            assert!(disciplinary(text), "{text}");
        }
        for text in [
            "The Treasury sanctioned two Russian oligarchs and a football club they own, freezing their assets.",
            "A court in Moscow said the sanctions imposed by the European Union on the ministry were illegal.",
            "The EU sanctioned the minister; his lawyer said he would appeal to the court.",
        ] {
            assert!(!disciplinary(text), "{text}");
        }
    }

    /// `has_key` answers as comparing `key_text`s does, for names made of
    /// letters, digits, punctuation, `the` and a non-ASCII letter.
    #[test]
    fn has_key_agrees_with_key_text() {
        let pieces = [
            "The", "the", "THE", "Bank", "bank", "of", "Korea", "-", " ", ".", "'s", "Co.", "7", "Thebank", "é", "  ",
        ];
        let mut next = crate::testing::picker(23);
        let mut names: Vec<String> = Vec::new();
        for _ in 0..400 {
            names.push((0..next(5) + 1).map(|_| pieces[next(pieces.len())]).collect());
        }
        let mut same = 0;
        for a in &names {
            for b in &names {
                let expected = key_text(a) == key_text(b);
                assert_eq!(has_key(a, &key_text(b)), expected, "{a:?} {b:?}");
                same += usize::from(expected && a != b);
            }
        }
        assert!(same > 1000, "{same} pairs of different names with one key");
    }

    /// The needed-words scan sees every disciplinary word that
    /// `disciplinary` counts (so an article where it sees fewer than three is
    /// never disciplinary), in texts made of sport, court and state words,
    /// glued or apart, across sentences.
    #[test]
    fn the_scan_sees_every_disciplinary_word_counted() {
        let pieces = [
            "club",
            "clubs",
            "doping",
            "anti-doping",
            "FIFA",
            "players",
            "match",
            "matches",
            "league",
            "court",
            "judge",
            "Olympic",
            "sanctioned",
            "sanctions",
            "the Treasury",
            "EU",
            "government",
            "European Union",
            "asset freeze",
            "x",
            "-",
            "re",
            ". ",
            ", ",
            "The ",
            "imposed",
        ];
        let mut next = crate::testing::picker(17);
        let (mut checked, mut counted) = (0, 0);
        for _ in 0..3_000 {
            let text = crate::testing::pieced(&mut next, &pieces, 24, Some(4));
            let article = Article::new(&text, None);
            let scan = candidate_rules(&article);
            let (_, _, distinct) = sense_words(&article, &scan.sentences);
            assert_eq!(distinct & !scan.discipline, 0, "{text}");
            checked += 1;
            counted += usize::from(distinct.count_ones() >= 3);
        }
        assert!(
            checked == 3_000 && counted > 100,
            "{counted} texts with three words counted"
        );
    }

    #[test]
    fn one_action_on_several_countries_is_an_event_per_country() {
        let world = |text: &'static str| {
            Given::new(text)
                .state("OFAC", "United States")
                .state("Albania", "Albania")
                .state("Montenegro", "Montenegro")
                .state("North Macedonia", "North Macedonia")
                .state("Japan", "Japan")
                .state("North Korea", "North Korea")
                .state("South Korea", "South Korea")
                .actor("European Union", "European Union", None)
                .count("seven individuals", 7, I)
                .events()
        };
        // The counts stay with the first country, as the text gives them once.
        assert_eq!(
            summary(&world(
                "OFAC designated seven individuals from Albania, Montenegro and North Macedonia for corruption."
            )),
            [
                "United States imposed Albania [7 individual] [] -",
                "United States imposed Montenegro [] [] -",
                "United States imposed North Macedonia [] [] -",
            ]
        );
        // A list that runs into another clause is no list of targets.
        assert_eq!(
            summary(&world(
                "When OFAC designated seven individuals against North Korea, South Korea, Japan, and the European Union often followed."
            )),
            ["United States imposed North Korea [7 individual] [] -"]
        );
    }

    #[test]
    fn the_lead_event_takes_the_news_day_when_its_sentences_give_none() {
        let text = "Britain imposes sanctions on Iran. \
                    Officials on Monday gave guidance on the sanctions. \
                    Canada imposed sanctions on Iran in 2019. \
                    The minister spoke on Tuesday at a forum.";
        let given = || {
            Given::new(text)
                .state("Britain", "United Kingdom")
                .state("Canada", "Canada")
                .state("Iran", "Iran")
                .date("Monday", "2024-03-04")
                .date("2019", "2019")
                .date("Tuesday", "2024-03-05")
        };
        let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 6);
        assert_eq!(
            summary(&given().published(day)),
            [
                // Monday, in a sentence of sanctions; not Tuesday's speech.
                "United Kingdom imposed Iran [] [] 2024-03-04",
                "Canada imposed Iran [] [] 2019",
            ]
        );
        // More than a week before publication, or no publication date: none.
        let late = chrono::NaiveDate::from_ymd_opt(2024, 3, 20);
        assert_eq!(
            summary(&given().published(late))[0],
            "United Kingdom imposed Iran [] [] -"
        );
        assert_eq!(summary(&given().events())[0], "United Kingdom imposed Iran [] [] -");
    }

    #[test]
    fn adjectives_and_background_are_not_events() {
        let events = Given::new(
            "North Korea is already under comprehensive U.S. and United Nations sanctions. \
             The sanctioned individuals and U.S.-sanctioned banks were named. \
             Designated entities include several firms. Sanctions carry substantial weight.",
        )
        .country("North Korea", "North Korea")
        .state("U.S.", "United States")
        .actor("United Nations", "United Nations", None)
        .events();
        assert!(events.is_empty(), "{:?}", summary(&events));
    }

    #[test]
    fn weak_triggers_need_a_sanctions_context_and_a_target() {
        let events = Given::new(
            "Hackers targeted blockchain companies. The exchange added 20 employees. \
             Washington added sanctions pressure. Tokyo targeted three groups under its sanctions regime on North Korea.",
        )
        .state("Washington", "United States")
        .state("Tokyo", "Japan")
        .country("North Korea", "North Korea")
        .count("20 employees", 20, I)
        .count("three groups", 3, E)
        .events();
        assert_eq!(summary(&events), ["Japan imposed North Korea [3 entity] [] -"]);
    }

    #[test]
    fn the_acting_government_s_own_offices_are_no_targets() {
        let events = Given::new(
            "The United States on Tuesday sanctioned eight individuals and two entities, \
             Korea Sobaeksu Trading Company among them, the Treasury Department said.",
        )
        .state("The United States", "United States")
        .actor("Treasury Department", "United States", Some("Treasury Department"))
        .named("Treasury Department")
        .named("Korea Sobaeksu Trading Company")
        .country("Korea", "North Korea")
        .count("eight individuals", 8, I)
        .count("two entities", 2, E)
        .date("Tuesday", "2025-11-04")
        .events();
        assert_eq!(
            summary(&events),
            ["United States imposed North Korea [8 individual, 2 entity] [Korea Sobaeksu Trading Company] 2025-11-04"]
        );
    }

    /// `reason` reads what the `REASON` pattern captures, on texts built from
    /// its cues, spaces, clause ends and words of every length.
    #[test]
    fn reason_reads_what_the_pattern_captures() {
        let pieces = [
            "for",
            "FOR",
            "over",
            "in response to",
            "in  view of",
            "due to",
            "because of",
            "in retaliation for",
            "as punishment for",
            "form",
            "before",
            " ",
            "  ",
            "\u{a0}",
            "\n",
            ".",
            ";",
            ":",
            ",",
            ", ",
            ",x",
            "ab",
            "abc",
            "nuclear tests",
            "its missile launches",
            "ſ",
            "é",
            "x",
        ];
        let mut next = crate::testing::picker(7);
        let mut checked = 0;
        for _ in 0..20_000 {
            let mut text = crate::testing::pieced(&mut next, &pieces, 12, None);
            if next(4) == 0 {
                text.push_str(&"word ".repeat(next(40)));
            }
            let expected = REASON.captures(&text).and_then(|c| c.get(1)).map(|m| m.as_str());
            assert_eq!(reason(&text), expected, "{text:?}");
            checked += usize::from(expected.is_some());
        }
        assert!(checked > 1000, "too few texts with a reason: {checked}");
        assert_eq!(
            reason("sanctions on Pyongyang for its sixth nuclear test, officials said"),
            Some("its sixth nuclear test")
        );
    }

    /// The matches `triggers_in` keeps, read with all groups, as it did before
    /// it searched without them.
    fn kept_with_captures(regex: &regex::bytes::Regex, sentence: &str) -> Vec<Range<usize>> {
        regex
            .captures_iter(sentence.as_bytes())
            .filter(|caps| {
                !caps
                    .name("gap")
                    .is_some_and(|gap| words(&sentence[gap.range()]).any(|w| CLAUSE_WORDS.contains(&w.as_ref())))
            })
            .map(|caps| caps.get(0).expect("group 0").range())
            .collect()
    }

    /// What `triggers_in` keeps: matches found without groups, a gap read only
    /// when the match holds a clause word.
    fn kept_without_captures(regex: &regex::bytes::Regex, sentence: &str) -> Vec<Range<usize>> {
        regex
            .find_iter(sentence.as_bytes())
            .map(|m| m.range())
            .filter(|m| !gap_opens_clause(regex, sentence, m))
            .collect()
    }

    #[test]
    fn triggers_are_kept_as_when_read_with_captures() {
        let pieces = [
            "imposed ",
            "announced ",
            "plans to ",
            "considering ",
            "lifted ",
            "sanctions ",
            "new ",
            "that ",
            "and ",
            "it ",
            "would ",
            "review ",
            "were ",
            "imposed",
            "sanctions were ",
            "said ",
            "the ",
            "penalties ",
            "on ",
            "Iran",
            ". ",
            ", ",
            "ready to ",
            "sanction ",
            "eased ",
            "restrictions ",
            "OFAC ",
            "designated ",
            "added ",
            "to its sanctions list ",
            "measures against ",
            "Or ",
            "é ",
        ];
        let mut next = crate::testing::picker(13);
        let (mut kept, mut dropped) = (0, 0);
        for _ in 0..5_000 {
            let text = crate::testing::pieced(&mut next, &pieces, 16, None);
            for (rule, regex) in COMPILED.iter() {
                let expected = kept_with_captures(regex, &text);
                assert_eq!(
                    kept_without_captures(regex, &text),
                    expected,
                    "{} in {text:?}",
                    rule.name
                );
                kept += expected.len();
                dropped += regex.find_iter(text.as_bytes()).count() - expected.len();
            }
        }
        assert!(
            kept > 1000 && dropped > 100,
            "too few matches: {kept} kept, {dropped} dropped"
        );
        let acts = &COMPILED[0].1;
        assert_eq!(
            kept_without_captures(acts, "it announced that it would review sanctions"),
            Vec::<Range<usize>>::new()
        );
        assert_eq!(
            kept_without_captures(acts, "it announced new sanctions and more"),
            vec![3..26]
        );
    }

    /// The list cues searched apart find what they found as one alternation.
    /// Each rule finds in each sentence, searching only the candidate
    /// sentences from where `candidate_rules` says, what it finds searching
    /// every sentence whole, on texts built from the rules' words and
    /// examples glued to word pieces (`measures`, `assets`, `reimposed`).
    #[test]
    fn candidate_searches_find_what_whole_searches_find() {
        let mut pieces: Vec<String> = Vec::new();
        for (rule, prefilter) in RULES.iter().zip(PREFILTERS.iter()) {
            pieces.extend(prefilter.first.iter().chain(&prefilter.second).cloned());
            pieces.extend(rule.examples.iter().map(|(e, _)| e.replace(['[', ']'], "")));
            pieces.extend(rule.negatives.iter().map(|e| e.to_string()));
        }
        for piece in [
            " ",
            " ",
            " ",
            "  ",
            ". ",
            "; ",
            ", ",
            "\n",
            "-",
            "_",
            "'s ",
            "x",
            "me",
            "re",
            "un",
            "s",
            "ed",
            "ing",
            "SANCTIONS ",
            "Sanctioned ",
            "16 ",
            "the ",
            "its ",
            "list ",
            "sanctions list",
            " on the ",
            " off the ",
            " from the ",
            " to the ",
            "companies",
            "Treasury ",
            "asset",
            "measures",
            "spend",
            "east",
            "claim",
        ] {
            pieces.push(piece.to_string());
        }
        let mut next = crate::testing::picker(11);
        let (mut found, mut narrowed, mut anchored) = (0, 0, 0);
        for _ in 0..5_000 {
            let text = crate::testing::pieced(&mut next, &pieces, 16, Some(3));
            let article = Article::new(&text, None);
            let Scan {
                sentences: candidates,
                openings,
                ..
            } = candidate_rules(&article);
            for (i, range) in article.sentences.iter().enumerate() {
                let sentence = text[range.clone()].as_bytes();
                for (k, (rule, regex)) in COMPILED.iter().enumerate() {
                    let whole: Vec<_> = regex.find_iter(sentence).map(|m| m.range()).collect();
                    // Searched only from an opening word past the sentence's start.
                    narrowed += usize::from(
                        candidates[i].rules.contains(k)
                            && ANCHORED[k].is_some()
                            && openings
                                .iter()
                                .find(|o| o.at >= range.start && o.rules.contains(k))
                                .is_some_and(|o| o.at > range.start),
                    );
                    anchored += usize::from(candidates[i].rules.contains(k) && ANCHORED[k].is_some());
                    let searched = trigger_matches(k, sentence, range, &candidates[i], &openings);
                    assert_eq!(searched, whole, "{} in {:?}", rule.name, &text[range.clone()]);
                    found += whole.len();
                }
            }
        }
        assert!(
            found > 5_000 && narrowed > 5_000 && anchored > 5_000,
            "too few: {found} matches, {narrowed} narrowed, {anchored} searched anchored"
        );
    }

    #[test]
    fn counts_of_other_kinds_add_up_but_running_totals_do_not() {
        let events = Given::new(
            "The United States on Friday imposed sanctions on 24 Russians. \
             Their firms were among 12 companies blacklisted. \
             The United States has now sanctioned more than 600 people.",
        )
        .state("United States", "United States")
        .demonym("Russians", "Russia")
        .count("24 Russians", 24, I)
        .count("12 companies", 12, E)
        .count("600 people", 600, I)
        .date("Friday", "2018-04-06")
        .events();
        assert_eq!(
            summary(&events),
            ["United States imposed Russia [24 individual, 12 entity] [] 2018-04-06"]
        );
    }

    #[test]
    fn an_action_also_taken_has_the_lead_events_date() {
        let events = Given::new(
            "The United States on Wednesday sanctioned four individuals. \
             The weather was fine. \
             In addition, Saudi Arabia also designated the key individuals. \
             Bahrain sanctioned two firms.",
        )
        .state("United States", "United States")
        .state("Saudi Arabia", "Saudi Arabia")
        .state("Bahrain", "Bahrain")
        .count("four individuals", 4, I)
        .count("two firms", 2, E)
        .date("Wednesday", "2018-05-16")
        .events();
        assert_eq!(
            summary(&events),
            [
                // (Targets from the article's other countries: no target is named.)
                "United States imposed Saudi Arabia [4 individual] [] 2018-05-16",
                "Saudi Arabia imposed United States [] [] 2018-05-16",
                "Bahrain imposed United States [2 entity] [] -"
            ]
        );
    }

    #[test]
    fn a_participle_after_a_count_acts_on_it() {
        let events = Given::new("Pompeo said the 11 officials sanctioned on Friday had crushed freedom in Hong Kong.")
            .official("Pompeo", "United States")
            .country("Hong Kong", "Hong Kong")
            .count("11 officials", 11, I)
            .date("Friday", "2020-08-07")
            .events();
        assert_eq!(
            summary(&events),
            ["United States imposed Hong Kong [11 individual] [] 2020-08-07"]
        );
    }

    #[test]
    fn list_cues_read_past_an_opening_adverb_and_after_a_pronoun() {
        for cue in [
            "Specifically, the targeted individuals are Ismail Demir and Faruk Yigit.",
            "The list also names the executives of the firm: Tahir Garayev and Anar Madatli.",
            "It also included business entities Bena Properties and the Hamsho International Group.",
            "Also included in the sanctions were Ri Song-hak, an official, and Jo Myung-chol.",
            "Newly added to Seoul's unilateral sanctions list against Pyongyang were Kang Sun-nam and Pak Su-il.",
            "The officials include Prime Minister Mikhail Mishustin and Dmitry Medvedev.",
        ] {
            assert!(is_list_cue(cue), "{cue}");
        }
        for no_cue in ["It was raining in Istanbul and Ankara.", "The list of demands is long."] {
            assert!(!is_list_cue(no_cue), "{no_cue}");
        }
    }

    #[test]
    fn list_cues_apart_match_as_one() {
        let one = Regex::new(&format!("(?i){LIST_CUE_OPENING}|{LIST_CUE_AMONG}|{LIST_CUE_SANCTIONS}"))
            .expect("pattern compiles");
        let words = [
            "The",
            "companies",
            "entities",
            "include",
            "are",
            "was",
            "among",
            "within",
            "prominent",
            "the",
            "these",
            "those",
            "sanctions",
            "targets",
            "Iran",
            "banks",
            "new",
            "other",
            "Those",
            "AMONG",
            "-",
            "said",
            "and",
            "target",
            "measures",
            "also",
            "extend",
            "to",
        ];
        // The opening cues searched one after the other, as they were before
        // they became one search: where each list starts is the same.
        let [opening, sanctions] =
            [LIST_CUE_OPENING, LIST_CUE_SANCTIONS].map(|cue| Regex::new(&format!("(?i){cue}")).expect("compiles"));
        let mut next = crate::testing::picker(29);
        let mut matched = 0;
        for _ in 0..20_000 {
            let sentence = (0..1 + next(10))
                .map(|_| words[next(words.len())])
                .collect::<Vec<_>>()
                .join(if next(4) == 0 { "  " } else { " " });
            assert_eq!(is_list_cue(&sentence), one.is_match(&sentence), "{sentence:?}");
            matched += usize::from(one.is_match(&sentence));
            if let Some(m) = opening.find(&sentence).or_else(|| sanctions.find(&sentence)) {
                assert_eq!(list_start(&sentence), Some(m.end()), "{sentence:?}");
            }
        }
        assert!(matched > 500, "too few cues generated: {matched}");
    }

    #[test]
    fn articles_without_sanctions_words_have_no_events() {
        let events = Given::new("The U.S. added 20 vessels to its fleet.")
            .state("U.S.", "United States")
            .count("20 vessels", 20, V)
            .events();
        assert!(events.is_empty());
    }

    /// The trace says what assembly decided, and tracing changes no event.
    #[test]
    fn the_trace_tells_each_decision_and_changes_no_event() {
        let given = || {
            Given::new(
                "Japan did not impose sanctions on Iran. The U.S. on Tuesday sanctioned three firms of Iran. \
                 Washington could impose sanctions on Iran.",
            )
            .state("Japan", "Japan")
            .state("Iran", "Iran")
            .state("U.S.", "United States")
            .state("Washington", "United States")
            .count("three firms", 3, E)
            .date("Tuesday", "2025-11-04")
        };
        let (events, sentences) = given().traced();
        assert_eq!(events, given().events());
        assert_eq!(
            summary(&events),
            [
                "United States imposed Iran [3 entity] [] 2025-11-04",
                "United States planned Iran [] [] -"
            ]
        );
        let [negated, sanctioned, could] = &sentences[..] else {
            panic!("{sentences:#?}")
        };
        assert!(negated.triggers.is_empty());
        assert_eq!(negated.rejected[0].why, "negated: `not` before it");
        let trigger = &sanctioned.triggers[0];
        let shown: Vec<String> = trigger
            .candidates
            .iter()
            .map(|c| format!("{} {} {} {}", c.accepted, c.role.as_str(), c.text, c.why))
            .collect();
        assert_eq!(
            shown,
            [
                "true authority U.S. the subject: the nearest actor before the trigger that can act",
                "false authority Iran not before the trigger, which has a subject",
                "false target U.S. an authority of this reading",
                "true target Iran after a word of aim (`on`, `against`, `targeting`...)",
                "true count three firms an object after the trigger",
                "true date Tuesday the trigger's nearest own date",
            ]
        );
        assert_eq!(trigger.readings[0].fate.event, Some(0));
        assert_eq!(could.triggers[0].notes, ["planned: the modal `could` before it"]);
        assert_eq!(could.triggers[0].readings[0].fate.event, Some(1));
        assert!(
            could.triggers[0].readings[0]
                .fate
                .how
                .contains("another status than event 0"),
            "{:?}",
            could.triggers[0].readings[0].fate
        );
    }
}
