//! Bare names: organizations named by their name alone, with no head word
//! (`Boeing`, `Northrop Grumman`, `UBS`, `Chrysler`), and the short forms of
//! organizations' names (`GM` for `General Motors`, `Northrop` for `Northrop
//! Grumman`).
//!
//! A bare name's shape says nothing (`Boeing` could be a person); how the
//! article uses it does. Every run of capitalised words that no other rule
//! took is a possible name; the cues of `lexicon::cues` around each
//! occurrence say organization or person, and a name that is an organization
//! somewhere and a person nowhere is an organization at each occurrence.
//!
//! | rule | cue | example |
//! |---|---|---|
//! | `org.bare_possessive` | `NAME's` + what organizations have | `Boeing's chairman`, `GM's shares` |
//! | `org.bare_modifier` | `NAME` + shares, a corporate title | `Boeing shares`, `GM CEO Rick Wagoner`, `UBS analyst` |
//! | `org.bare_relation` | a relation + `NAME` | `shares of Boeing`, `chief executive of Northrop Grumman`, `an analyst at UBS` |
//! | `org.bare_defined` | `NAME (ACRONYM)` | `General Dynamics (GD)` |
//! | `org.bare_subject` | the subject of organizations' verbs, twice (or once in three uses) | `Apple released ... Apple has announced` |
//! | `org.bare_coordination` | `NAME and/or ORGANIZATION` | `Airbus and Boeing` |
//! | `org.bare_repeat` | any other occurrence of a name the article made an organization | `Boeing said` |
//! | `org.initials` | the initials of an organization's name | `GM` after `General Motors` |
//! | `org.short_form` | the first word of an organization's name, alone | `Northrop` after `Northrop Grumman` |
//!
//! Person cues that veto a name: a title or honorific right before it
//! (`President Obama`, `Mr. Leonard`), the name as the end of a longer name
//! (`Obama` after `Barack Obama`), an age or `who` after it (`Leonard, 63,`).
//! Not bare names: runs with a head word (the head rules' business), titles,
//! calendar words, single generic words (`National`, `Democratic`), names of
//! laws, programmes, places and events (`Affordable Care Act`, `Wall Street`).

use super::rules::{Candidate, Context};
use super::{Key, Rule, Shapes};
use crate::extract::lexicon::cues;
use crate::extract::tokens::{Kind, Token};
use crate::record::EntityType;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A run of bare name words: tokens `first..=last`, and its name's index.
struct Run {
    first: usize,
    last: usize,
    name: usize,
}

/// What the article says of one bare name over all its occurrences.
#[derive(Default)]
struct Evidence {
    /// The first cue that made it an organization: its type and rule.
    org: Option<(EntityType, Rule, usize)>,
    person: bool,
    /// Whether an occurrence stands inside a sentence (not first).
    mid_sentence: bool,
    /// Whether an occurrence is a product's (`Google launched Keep`).
    product: bool,
    /// Occurrences as the subject of an organization's verb, and in all.
    subject: u32,
    occurrences: u32,
    first_subject: usize,
}

/// Longest run of bare name words.
const MAX_RUN: usize = 4;

/// `org.bare_*`: bare names with organization cues, every occurrence of them,
/// and every other standalone occurrence of a name that an earlier rule made
/// an organization (`automaker Chrysler` ... `Chrysler said`).
pub fn candidates(cx: &Context, found: &[Candidate], out: &mut Vec<Candidate>) {
    let covered = covered_tokens(cx, found);
    let (runs, names) = runs(cx, &covered);
    if runs.is_empty() {
        return;
    }
    let known = known_names(found);
    let tails = run_tails(cx, &runs);
    let mut evidence: Vec<Evidence> = (0..names.len()).map(|_| Evidence::default()).collect();
    for (r, run) in runs.iter().enumerate() {
        let e = &mut evidence[run.name];
        note_occurrence(cx, r, run, &covered, &tails, names[run.name], e);
    }
    // Weak cues: the subject of organizations' verbs, twice, or once in a
    // name used three times.
    for e in &mut evidence {
        if e.org.is_none() && (e.subject >= 2 || (e.subject == 1 && e.occurrences >= 3)) {
            e.org = Some((EntityType::Company, Rule::BareSubject, e.first_subject));
        }
    }
    note_coordination(cx, &runs, &covered, found, &mut evidence);
    push_bare_names(cx, &runs, &names, &evidence, &known, out);
}

/// Which tokens the candidates of other rules cover.
fn covered_tokens(cx: &Context, found: &[Candidate]) -> Vec<bool> {
    let tokens = cx.tokens;
    let mut covered = vec![false; tokens.len()];
    for c in found {
        let from = tokens.partition_point(|t| t.range.end <= c.range.start);
        for (k, t) in tokens.iter().enumerate().skip(from) {
            if t.range.start >= c.range.end {
                break;
            }
            covered[k] = true;
        }
    }
    covered
}

/// Names other rules made organizations, by key hash: their standalone
/// occurrences are mentions too.
fn known_names(found: &[Candidate]) -> FxHashMap<u64, (EntityType, Option<&'static str>)> {
    let mut known: FxHashMap<u64, (EntityType, Option<&'static str>)> = FxHashMap::default();
    for c in found {
        if let Key::Named(key) = &c.key
            && c.kind != EntityType::Country
        {
            known.entry(key_hash(key)).or_insert((c.kind, c.country));
        }
    }
    known
}

/// The key hashes of names that end a longer run (`Obama` in `Barack Obama`,
/// `Hawk Sawyer` in `Kathleen Hawk Sawyer`): people's.
fn run_tails(cx: &Context, runs: &[Run]) -> FxHashSet<u64> {
    let tokens = cx.tokens;
    let mut tails: FxHashSet<u64> = FxHashSet::with_capacity_and_hasher(runs.len(), Default::default());
    for run in runs.iter().filter(|r| r.last > r.first) {
        for from in run.first + 1..=run.last {
            tails.insert(key_hash(&cx.text[tokens[from].range.start..tokens[run.last].range.end]));
        }
    }
    tails
}

/// Adds what occurrence `r` (`run`, of the name hashed `name`) says of its
/// name to the name's evidence `e`: person, product and organization cues,
/// and whether it is the subject of an organization's verb.
fn note_occurrence(
    cx: &Context,
    r: usize,
    run: &Run,
    covered: &[bool],
    tails: &FxHashSet<u64>,
    name: u64,
    e: &mut Evidence,
) {
    let single = run.first == run.last;
    if person_cue(cx, run) || tails.contains(&name) {
        e.person = true;
    }
    if !sentence_initial(cx, run.first) {
        e.mid_sentence = true;
    }
    if product_cue(cx, run) {
        e.product = true;
    }
    // `the Old Mutual insurance company`, whatever stands before.
    if e.org.is_none() && descriptor_after(cx, run) {
        e.org = Some((EntityType::Company, Rule::BareModifier, r));
    }
    // `the new Airbus A380`: the maker of a model, whatever stands before.
    if single && model_after(cx, run) {
        if e.subject == 0 {
            e.first_subject = r;
        }
        e.subject += 1;
    }
    // `the new Sportback`, `16-inch MacBook`, `Google Stadia`: a model or
    // product; such an occurrence says nothing of the name.
    if !names_itself(cx, run, covered) {
        return;
    }
    e.occurrences += 1;
    if e.org.is_none()
        && let Some((kind, rule)) = org_cue(cx, run)
    {
        e.org = Some((kind, rule, r));
    }
    let subject = match subject_cue(cx, run) {
        Subject::None if rival_before(cx, run) => Subject::Organization,
        other => other,
    };
    match subject {
        Subject::Organization if single => {
            if e.subject == 0 {
                e.first_subject = r;
            }
            e.subject += 1;
        }
        Subject::Person => e.person = true,
        _ => {}
    }
}

/// `Airbus and Boeing`: a one-word name joined to an organization's (of
/// another rule, or with a cue of its own) is one.
fn note_coordination(cx: &Context, runs: &[Run], covered: &[bool], found: &[Candidate], evidence: &mut [Evidence]) {
    let cued: Vec<bool> = evidence.iter().map(|e| e.org.is_some() && !e.person).collect();
    for (r, run) in runs.iter().enumerate() {
        if evidence[run.name].org.is_some() || run.last > run.first || !names_itself(cx, run, covered) {
            continue;
        }
        let partner = coordinated(cx, runs, r, found).and_then(|p| match p {
            Partner::Run(o) => cued[runs[o].name].then(|| evidence[runs[o].name].org.map(|(kind, _, _)| kind))?,
            Partner::Candidate(kind) => Some(kind),
        });
        if let Some(kind) = partner.filter(|k| *k == EntityType::Company) {
            evidence[run.name].org = Some((kind, Rule::BareCoordination, r));
        }
    }
}

/// A candidate for every occurrence of a name known as an organization (by
/// another rule or by the evidence) and as no person or product.
fn push_bare_names(
    cx: &Context,
    runs: &[Run],
    names: &[u64],
    evidence: &[Evidence],
    known: &FxHashMap<u64, (EntityType, Option<&'static str>)>,
    out: &mut Vec<Candidate>,
) {
    let tokens = cx.tokens;
    for (r, run) in runs.iter().enumerate() {
        let name = names[run.name];
        let e = &evidence[run.name];
        if e.person || e.product {
            continue;
        }
        let (kind, country, rule) = match (known.get(&name), e.org) {
            (Some((kind, country)), _) => (*kind, *country, Rule::BareRepeat),
            // A one-word name seen once, at the start of a sentence, may be
            // any capitalised word (`Aviation analysts said`), unless it is
            // an acronym or a possessive or relation makes it a name
            // (`Boeing's chairman`).
            (None, Some((kind, rule, first)))
                if e.mid_sentence
                    || e.occurrences > 1
                    || run.last > run.first
                    || tokens[run.first].is_acronym()
                    || matches!(
                        rule,
                        Rule::BarePossessive | Rule::BareRelation | Rule::BareDefined | Rule::BareCoordination
                    ) =>
            {
                (kind, None, if first == r { rule } else { Rule::BareRepeat })
            }
            _ => continue,
        };
        let range = tokens[run.first].range.start..tokens[run.last].range.end;
        out.push(Candidate {
            key: Key::Named(super::key_text(&cx.text[range.clone()])),
            range,
            kind,
            country,
            rule,
            full: true,
        });
    }
}

/// A hash of a name's key (`super::key_text`) computed without building it:
/// names are compared by it in the hot loop, and keys are made only for the
/// names kept. ASCII is lower-cased byte by byte, without decoding; other
/// characters the Unicode way, hashing the same values.
fn key_hash(name: &str) -> u64 {
    use std::hash::Hasher;
    let name = without_leading_the(name);
    let mut hasher = rustc_hash::FxHasher::default();
    let mut space = false;
    let mut any = false;
    if name.is_ascii() {
        // (Most names: one table look-up a byte, the lower-case letter or
        // digit, or 0 for any other byte.)
        for &b in name.as_bytes() {
            let key = KEY_BYTES[usize::from(b)];
            if key == 0 {
                space = true;
                continue;
            }
            if space && any {
                hasher.write_u8(b' ');
            }
            space = false;
            any = true;
            hasher.write_u32(u32::from(key));
        }
        return hasher.finish();
    }
    for c in name.chars() {
        if c.is_alphanumeric() {
            if space && any {
                hasher.write_u8(b' ');
            }
            space = false;
            any = true;
            for l in c.to_lowercase() {
                hasher.write_u32(l as u32);
            }
        } else {
            space = true;
        }
    }
    hasher.finish()
}

/// `name` after a leading word `the` that its key drops (`super::key_text`:
/// `The Lazarus Group` and `Lazarus Group` are one key): the word must be
/// followed by another. Characters before the first word are no part of a
/// key, so they go with it.
fn without_leading_the(name: &str) -> &str {
    let start = name.find(char::is_alphanumeric).unwrap_or(name.len());
    let rest = &name[start..];
    let Some(word) = rest.get(..3) else { return name };
    if !word.eq_ignore_ascii_case("the") {
        return name;
    }
    let after = &rest[3..];
    match after.chars().next() {
        Some(c) if !c.is_alphanumeric() && after.contains(char::is_alphanumeric) => after,
        _ => name,
    }
}

/// Per ASCII byte, what a key holds for it: the lower-cased letter or the
/// digit, or 0 for a byte that is no letter or digit.
const KEY_BYTES: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// Whether token `i` opens a sentence or a line (its capital says nothing).
fn sentence_initial(cx: &Context, i: usize) -> bool {
    let tokens = cx.tokens;
    i == 0
        || !cx.joined(i)
        || (tokens[i - 1].kind == Kind::Punct
            && tokens[i - 1]
                .text
                .starts_with(['.', '!', '?', ':', ';', '"', '(', '[', '\'']))
}

/// Whether an occurrence stands for the name itself, not for a product or
/// model named after it: not after `the`/`a`, a number (`16-inch MacBook`,
/// `2020 Audi`) or another organization's name (`Google Stadia`).
fn names_itself(cx: &Context, run: &Run, covered: &[bool]) -> bool {
    let tokens = cx.tokens;
    let Some(p) = run
        .first
        .checked_sub(1)
        .filter(|&p| cx.joined(run.first) && p < tokens.len())
    else {
        return true;
    };
    let before = &tokens[p];
    if matches!(before.text, "the" | "a" | "an" | "The" | "A" | "An" | "new") {
        return false;
    }
    if before.kind == Kind::Number || (before.kind == Kind::Word && before.text.bytes().any(|b| b.is_ascii_digit())) {
        return false;
    }
    // `Google Stadia`, not `U.S. Steel`.
    !(covered[p] && cx.is_country_word(p).is_none() && before.is_capitalized())
}

/// The runs of bare name words, and the names (keys) they spell. A run that
/// opens a sentence loses its first word when that is a common word and the
/// rest a name the article uses elsewhere (`Ousted WeWork` -> `WeWork`, but
/// `Lewis Ward` stays whole).
fn runs(cx: &Context, covered: &[bool]) -> (Vec<Run>, Vec<u64>) {
    let tokens = cx.tokens;
    let n = tokens.len();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        // (Most tokens are no name words: the cheapest test first.)
        if !cx.name_word(i) || !bare_word(cx, i, covered) || tokens[i].info.not_name_start() {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        let mut j = i + 1;
        while j < n && cx.joined(j) {
            if bare_word(cx, j, covered) {
                last = j;
                j += 1;
            } else if tokens[j].is_punct('&') && j + 1 < n && cx.joined(j + 1) && bare_word(cx, j + 1, covered) {
                j += 1;
            } else {
                break;
            }
        }
        i = j;
        // Long runs are headlines in title case or lists, not names.
        if last - first < MAX_RUN {
            spans.push((first, last));
        }
    }
    let key_of = |first: usize, last: usize| key_hash(&cx.text[tokens[first].range.start..tokens[last].range.end]);
    // Each span with whether it opens a sentence and its key, computed once.
    let spans: Vec<(usize, usize, bool, u64)> = spans
        .into_iter()
        .map(|(first, last)| (first, last, sentence_initial(cx, first), key_of(first, last)))
        .collect();
    let mut inside: FxHashSet<u64> = FxHashSet::with_capacity_and_hasher(spans.len(), Default::default());
    inside.extend(
        spans
            .iter()
            .filter(|&&(_, _, initial, _)| !initial)
            .map(|&(_, _, _, key)| key),
    );
    // (Sized for every span: no growing in the loop.)
    let mut runs = Vec::with_capacity(spans.len());
    let mut names: Vec<u64> = Vec::with_capacity(spans.len());
    let mut index: FxHashMap<u64, usize> = FxHashMap::with_capacity_and_hasher(spans.len(), Default::default());
    for (mut first, last, initial, mut key) in spans {
        if first < last && initial {
            let rest = key_of(first + 1, last);
            if inside.contains(&rest) && common_word(cx, first) {
                first += 1;
                key = rest;
            }
        }
        if !plausible(cx, first, last) {
            continue;
        }
        let name = *index.entry(key).or_insert_with(|| {
            names.push(key);
            names.len() - 1
        });
        runs.push(Run { first, last, name });
    }
    (runs, names)
}

/// Whether the capitalised word at `i` is a common word: a verb or adverb
/// form (`Ousted`, `Struggling`, `Reportedly`) or a word the text also
/// writes in lower case.
fn common_word(cx: &Context, i: usize) -> bool {
    let w = cx.tokens[i].text;
    if w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly")) {
        return true;
    }
    let lower = w.to_lowercase();
    cx.tokens.iter().any(|t| t.text == lower)
}

/// A word that can be part of a bare name: capitalised, not taken by another
/// rule or the lexicon, no title, head, calendar word or number-like code
/// (`A380`).
fn bare_word(cx: &Context, i: usize, covered: &[bool]) -> bool {
    let t = &cx.tokens[i];
    if covered[i] || t.kind != Kind::Word || !cx.name_word(i) || cx.lexicon[i].is_some() {
        return false;
    }
    let info = t.info;
    if info.title_head() || info.title_modifier() || info.head().is_some() || info.calendar() || info.country() {
        return false;
    }
    !t.text.bytes().any(|b| b.is_ascii_digit())
}

/// Whether a run can be an organization's name at all.
fn plausible(cx: &Context, first: usize, last: usize) -> bool {
    let tokens = cx.tokens;
    let last_word = tokens[last].text;
    if LISTS.not_organization_ends.contains(last_word) {
        return false;
    }
    if first == last {
        let w = tokens[first].text;
        if LISTS.generic_first_words.contains(w)
            || LISTS.not_names.contains(w)
            || tokens[first].info.portfolio()
            || w.chars().count() < 2
        {
            return false;
        }
    }
    // Only portfolio words: `Financial Intelligence`, `Foreign Affairs`.
    !(first..=last).all(|k| tokens[k].info.portfolio())
}

/// Whether the words of `seq` stand at tokens `from..`, on one line; the
/// first without regard to the case of its first letter.
fn words_at(cx: &Context, from: usize, seq: &[&str]) -> bool {
    let tokens = cx.tokens;
    seq.iter().enumerate().all(|(k, w)| {
        let Some(t) = tokens.get(from + k) else {
            return false;
        };
        let same = if k == 0 {
            t.text.eq_ignore_ascii_case(w)
        } else {
            t.text == *w
        };
        same && (k == 0 || cx.joined(from + k))
    })
}

/// The word lists of `cues` that the bare-name rules
/// test around every run, as hash sets: one look-up instead of a scan of the
/// list.
struct Lists {
    not_organization_ends: FxHashSet<&'static str>,
    generic_first_words: FxHashSet<&'static str>,
    not_names: FxHashSet<&'static str>,
    subject_of: FxHashSet<&'static str>,
    auxiliaries: FxHashSet<&'static str>,
    person_before: FxHashSet<&'static str>,
    personal: FxHashSet<&'static str>,
    product_verbs: FxHashSet<&'static str>,
    legal_forms: FxHashSet<&'static str>,
    prepositions: FxHashSet<&'static str>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let set = |words: &[&'static str]| words.iter().copied().collect();
    Lists {
        not_organization_ends: set(cues::NOT_ORGANIZATION_ENDS),
        generic_first_words: set(cues::GENERIC_FIRST_WORDS),
        not_names: set(cues::NOT_NAMES),
        subject_of: set(cues::SUBJECT_OF),
        auxiliaries: set(cues::AUXILIARIES),
        person_before: set(cues::PERSON_BEFORE),
        personal: set(cues::PERSONAL),
        product_verbs: set(cues::PRODUCT_VERBS),
        legal_forms: set(cues::LEGAL_FORMS),
        prepositions: set(cues::PREPOSITIONS),
    }
});

/// A cue table (`cues::OWNED`, ...) indexed by one word of each cue in ASCII
/// lower case: the cues that can match around a token, in table order, found
/// with one look-up instead of trying the whole table. `words_at` compares
/// the first word of a cue without regard to ASCII case and the others
/// exactly, so a cue can match only where its indexed word, lower-cased, is
/// the token's text lower-cased.
struct CueIndex {
    cues: &'static [(&'static [&'static str], EntityType)],
    /// Lower-cased word -> indices into `cues`, ascending.
    by_word: FxHashMap<Box<[u8]>, Vec<usize>>,
}

/// The longest indexed word (a longer token matches no cue); checked when an
/// index is built.
const MAX_CUE_WORD: usize = 24;

impl CueIndex {
    /// Indexes `cues` by their first word (`last == false`) or last word.
    fn new(cues: &'static [(&'static [&'static str], EntityType)], last: bool) -> Self {
        let mut by_word: FxHashMap<Box<[u8]>, Vec<usize>> = FxHashMap::default();
        for (i, (seq, _)) in cues.iter().enumerate() {
            let word = if last { seq[seq.len() - 1] } else { seq[0] };
            assert!(word.len() <= MAX_CUE_WORD, "cue word {word:?} longer than MAX_CUE_WORD");
            by_word
                .entry(word.to_ascii_lowercase().into_bytes().into_boxed_slice())
                .or_default()
                .push(i);
        }
        CueIndex { cues, by_word }
    }

    /// The cues whose indexed word is `word` without regard to ASCII case,
    /// in table order.
    fn get(&self, word: &str) -> impl Iterator<Item = &'static (&'static [&'static str], EntityType)> {
        let mut buf = [0u8; MAX_CUE_WORD];
        let found = (word.len() <= MAX_CUE_WORD)
            .then(|| {
                let lower = &mut buf[..word.len()];
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                self.by_word.get(&*lower)
            })
            .flatten();
        let cues = self.cues;
        found.into_iter().flatten().map(move |&i| &cues[i])
    }
}

/// `cues::OWNED` by first word (the word after `NAME's`).
static OWNED: LazyLock<CueIndex> = LazyLock::new(|| CueIndex::new(cues::OWNED, false));
/// `cues::MODIFIES` by first word (the word after the name).
static MODIFIES: LazyLock<CueIndex> = LazyLock::new(|| CueIndex::new(cues::MODIFIES, false));
/// `cues::RELATIONS` by last word (the word before the name).
static RELATIONS: LazyLock<CueIndex> = LazyLock::new(|| CueIndex::new(cues::RELATIONS, true));

/// The organization cue around one occurrence, if any: its type and rule.
fn org_cue(cx: &Context, run: &Run) -> Option<(EntityType, Rule)> {
    let tokens = cx.tokens;
    let (a, b) = (run.first, run.last);
    let next = b + 1;
    if tokens
        .get(next)
        .is_some_and(|t| t.kind == Kind::Possessive && t.gap == crate::extract::tokens::Gap::None)
        && let Some(t) = tokens.get(next + 1)
        && let Some((_, kind)) = OWNED.get(t.text).find(|(seq, _)| words_at(cx, next + 1, seq))
    {
        return Some((*kind, Rule::BarePossessive));
    }
    if cx.joined(next)
        && let Some(t) = tokens.get(next)
        && let Some((_, kind)) = MODIFIES.get(t.text).find(|(seq, _)| words_at(cx, next, seq))
    {
        return Some((*kind, Rule::BareModifier));
    }

    // `a stake in Kylie Jenner's company`: the relation is the possession's.
    let possessive = tokens.get(next).is_some_and(|t| t.kind == Kind::Possessive);
    if !possessive
        && a >= 1
        && cx.joined(a)
        && let Some((_, kind)) = RELATIONS
            .get(tokens[a - 1].text)
            .find(|(seq, _)| a >= seq.len() && words_at(cx, a - seq.len(), seq))
    {
        return Some((*kind, Rule::BareRelation));
    }
    // `Boeing's 747`, `Boeing's new 787`: the maker of a model.
    if tokens.get(next).is_some_and(|t| t.kind == Kind::Possessive) {
        let mut k = next + 1;
        if tokens.get(k).is_some_and(|t| t.is_lower_word()) {
            k += 1;
        }
        if is_model(cx, k) {
            return Some((EntityType::Company, Rule::BarePossessive));
        }
    }
    // `General Dynamics (GD)`: a name defined with its acronym.
    if b > a
        && tokens.get(next).is_some_and(|t| t.is_punct('('))
        && tokens.get(next + 2).is_some_and(|t| t.is_punct(')'))
        && let Some(acr) = tokens.get(next + 1).filter(|t| t.is_acronym())
        && super::rules::spells(&cx.text[tokens[a].range.start..tokens[b].range.end], acr.text)
    {
        return Some((EntityType::Company, Rule::BareDefined));
    }
    None
}

/// What the verb after an occurrence says of it.
#[derive(PartialEq, Eq)]
enum Subject {
    /// The subject of an organization's verb: `Apple released`, `Boeing has
    /// received`.
    Organization,
    /// `Vogel said he`: a person.
    Person,
    None,
}

/// Whether one occurrence is the subject of an organization's verb. Not
/// after a preposition (`those with BED reported`), not a participle (`the
/// MacBook released in 2015`); a pronoun after the verb makes it a person.
fn subject_cue(cx: &Context, run: &Run) -> Subject {
    let tokens = cx.tokens;
    if run.first > 0 && cx.joined(run.first) && LISTS.prepositions.contains(tokens[run.first - 1].text) {
        return Subject::None;
    }
    let mut k = run.last + 1;
    let mut skipped = 0;
    while k < tokens.len() && cx.joined(k) && skipped < 2 && LISTS.auxiliaries.contains(tokens[k].text) {
        k += 1;
        skipped += 1;
    }
    if !(k < tokens.len() && cx.joined(k) && LISTS.subject_of.contains(tokens[k].text)) {
        return Subject::None;
    }
    let after = tokens.get(k + 1).filter(|_| cx.joined(k + 1)).map_or("", |t| t.text);
    if matches!(after, "he" | "she" | "his" | "her") {
        return Subject::Person;
    }
    if skipped == 0 && tokens[k].text.ends_with("ed") && LISTS.prepositions.contains(after) {
        return Subject::None;
    }
    Subject::Organization
}

/// Whether token `k` is a model number (`747`, `A380`, `737-800`), not a year.
fn is_model(cx: &Context, k: usize) -> bool {
    let Some(t) = cx.tokens.get(k).filter(|_| cx.joined(k)) else {
        return false;
    };
    let year = t.kind == Kind::Number && t.text.len() == 4 && (t.text.starts_with("19") || t.text.starts_with("20"));
    // `Jupiter's 79 moons`: a count.
    let counts = cx
        .tokens
        .get(k + 1)
        .is_some_and(|n| n.is_lower_word() && cx.joined(k + 1));
    match t.kind {
        Kind::Number => !year && !counts && !t.text.contains(['.', ',']) && t.text.len() >= 3,
        Kind::Word => is_model_code(t.text),
        _ => false,
    }
}

/// A model code: capital letters, then digits (`A380`, `KC-45`, `F-35`),
/// not a size (`256GB`).
fn is_model_code(word: &str) -> bool {
    let digits = word.bytes().filter(u8::is_ascii_digit).count();
    word.starts_with(|c: char| c.is_ascii_uppercase()) && digits >= 2 && word.ends_with(|c: char| c.is_ascii_digit())
}

/// `Airbus A380`, `Boeing KC-767`: a name before a model code (a weak cue).
fn model_after(cx: &Context, run: &Run) -> bool {
    let k = run.last + 1;
    run.first == run.last
        && cx.joined(k)
        && cx
            .tokens
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && is_model_code(t.text))
}

/// `rival Boeing`, `competitor Airbus` (a weak cue: `rival Clinton`).
fn rival_before(cx: &Context, run: &Run) -> bool {
    run.first > 0 && cx.joined(run.first) && cues::RIVALS.contains(&cx.tokens[run.first - 1].text)
}

/// `the Old Mutual insurance company`: a firm's noun after the name, with
/// at most one word between, ending the phrase.
fn descriptor_after(cx: &Context, run: &Run) -> bool {
    let tokens = cx.tokens;
    for k in [run.last + 1, run.last + 2] {
        let Some(t) = tokens.get(k).filter(|t| t.is_lower_word() && cx.joined(k)) else {
            return false;
        };
        if t.info.descriptor() == Some(EntityType::Company) && !t.text.ends_with('s') {
            return tokens
                .get(k + 1)
                .is_none_or(|n| !n.is_lower_word() || !cx.joined(k + 1));
        }
    }
    false
}

/// Whether one occurrence is a product's name: the object of a product verb
/// (`Google launched Keep`, `Keep, which Google launched`).
fn product_cue(cx: &Context, run: &Run) -> bool {
    let tokens = cx.tokens;
    let mut p = run.first;
    // `launched the new Keep`, `released its Keep`.
    while p > 0 && cx.joined(p) && matches!(tokens[p - 1].text, "the" | "its" | "their" | "a" | "new") {
        p -= 1;
    }
    if p > 0 && cx.joined(p) && LISTS.product_verbs.contains(tokens[p - 1].text) {
        return true;
    }
    // `Keep, which Google launched`.
    let k = run.last + 1;
    let which = tokens.get(k).is_some_and(|t| t.is_punct(',')) && tokens.get(k + 1).is_some_and(|t| t.text == "which");
    which
        && tokens.get(k + 2).is_some_and(Token::is_capitalized)
        && (k + 3..(k + 6).min(tokens.len())).any(|j| LISTS.product_verbs.contains(tokens[j].text))
}

/// Whether one occurrence reads as a person's name.
fn person_cue(cx: &Context, run: &Run) -> bool {
    let tokens = cx.tokens;
    let (a, b) = (run.first, run.last);
    if a > 0 && cx.joined(a) {
        let p = &tokens[a - 1];
        if (p.kind == Kind::Word && (p.info.title_head() || (p.info.title_modifier() && p.is_capitalized())))
            || LISTS.person_before.contains(p.text)
        {
            return true;
        }
    }
    // `Trump's wife`, `the Obama administration`.
    let mut k = b + 1;
    if tokens.get(k).is_some_and(|t| t.kind == Kind::Possessive) {
        k += 1;
    }
    if cx.joined(k) && tokens.get(k).is_some_and(|t| LISTS.personal.contains(t.text)) {
        return true;
    }
    // `Leonard, 63,` and `Papermaster, who`.
    if tokens.get(b + 1).is_some_and(|t| t.is_punct(',')) {
        let after = tokens.get(b + 2);
        if after.is_some_and(|t| t.kind == Kind::Number) && tokens.get(b + 3).is_some_and(|t| t.is_punct(',')) {
            return true;
        }
        if after.is_some_and(|t| t.text == "who") {
            return true;
        }
    }
    false
}

enum Partner {
    Run(usize),
    Candidate(EntityType),
}

/// The name joined to run `r` by `and` or `or`, on either side: another run,
/// or a candidate of another rule (its type).
fn coordinated(cx: &Context, runs: &[Run], r: usize, found: &[Candidate]) -> Option<Partner> {
    let tokens = cx.tokens;
    let run = &runs[r];
    let is_and = |k: usize| tokens.get(k).is_some_and(|t| matches!(t.text, "and" | "or")) && cx.joined(k);
    let possessive = |k: usize| tokens.get(k).is_some_and(|t| t.kind == Kind::Possessive);
    // `Howitt and Garett's work`: a possessive is no partner.
    if possessive(run.last + 1) {
        return None;
    }
    let candidate_at = |start: Option<usize>, end: Option<usize>| {
        found
            .iter()
            .filter(|c| c.kind != EntityType::Country)
            .find(|c| start.is_none_or(|s| c.range.start == s) && end.is_none_or(|e| c.range.end == e))
            .map(|c| Partner::Candidate(c.kind))
    };
    // `Sberbank, Zorvex, Alfa-Bank and ...`: inside a list (a comma or a
    // conjunction on both sides) a comma joins partners too.
    let comma = |k: usize| tokens.get(k).is_some_and(|t| t.is_punct(',')) && cx.joined(k);
    let listed = run.first >= 1
        && (comma(run.first - 1) || is_and(run.first - 1))
        && (comma(run.last + 1) || is_and(run.last + 1));
    if (is_and(run.last + 1) || (listed && comma(run.last + 1))) && cx.joined(run.last + 2) {
        let mut k = run.last + 2;
        if comma(run.last + 1) && is_and(k) && cx.joined(k + 1) {
            k += 1;
        }
        if let Some(o) = runs.get(r + 1).filter(|o| o.first == k) {
            return (!possessive(o.last + 1)).then_some(Partner::Run(r + 1));
        }
        if let Some(t) = tokens.get(k)
            && let Some(p) = candidate_at(Some(t.range.start), None)
        {
            return Some(p);
        }
    }
    if run.first >= 2 && (is_and(run.first - 1) || (listed && comma(run.first - 1))) && cx.joined(run.first) {
        let mut k = run.first - 2;
        if is_and(run.first - 1) && k >= 1 && comma(k) {
            k -= 1;
        }
        if let Some(o) = r.checked_sub(1).filter(|&o| runs[o].last == k) {
            return Some(Partner::Run(o));
        }
        if let Some(p) = candidate_at(None, Some(tokens[k].range.end)) {
            return Some(p);
        }
    }
    None
}

/// `org.initials` and `org.short_form`: the initials of an organization's
/// name (`GM`, `UAW`) and the first word of a longer name (`Northrop`,
/// `Lockheed`, `Boeing` for `Boeing Co.`), standing alone, are mentions of
/// it. Only when one organization of the article fits, the first word is no
/// common word (`Air`, `National`), and, for first words, one occurrence is
/// inside a sentence. A bare name that turns out to be such a short form
/// joins the longer name's entity.
pub fn short_forms(cx: &Context, found: &mut Vec<Candidate>) {
    let mut owners = OwnerScan::new(cx);
    for (ci, c) in found.iter().enumerate() {
        owners.offer_forms_of(ci, c, found);
    }
    let mut owners = owners.owners;
    owners.retain(|_, o| o.is_some());
    if owners.is_empty() {
        return;
    }
    let uses = short_form_uses(cx, found, &owners);
    apply_short_forms(found, uses);
}

/// Short form -> owner (index into `found`), or `None` when two differ.
type Owners = FxHashMap<String, Option<usize>>;

/// Gathers the short forms of the article's organization names, with their
/// owners, one candidate after the other.
struct OwnerScan<'c, 't, 'a> {
    cx: &'c Context<'t, 'a>,
    owners: Owners,
    // Buffers for every candidate: its words, their capitalised ones and
    // the initials of these.
    words: Vec<usize>,
    capitals: Vec<usize>,
    initials: String,
}

impl<'c, 't, 'a> OwnerScan<'c, 't, 'a> {
    fn new(cx: &'c Context<'t, 'a>) -> Self {
        OwnerScan {
            cx,
            owners: FxHashMap::default(),
            words: Vec::new(),
            capitals: Vec::new(),
            initials: String::new(),
        }
    }

    /// Offers the short forms of candidate `ci` (`c`), a full organization's
    /// name of two words or more: its initials (with and without a final
    /// legal form) and its first word.
    fn offer_forms_of(&mut self, ci: usize, c: &Candidate, found: &[Candidate]) {
        let cx = self.cx;
        let tokens = cx.tokens;
        if !c.full || c.kind == EntityType::Country || !matches!(c.key, Key::Named(_)) {
            return;
        }
        let from = tokens.partition_point(|t| t.range.end <= c.range.start);
        let to = tokens.partition_point(|t| t.range.start < c.range.end);
        self.words.clear();
        self.words.extend((from..to).filter(|&k| tokens[k].kind != Kind::Punct));
        if self.words.len() < 2 {
            return;
        }
        self.capitals.clear();
        self.capitals
            .extend(self.words.iter().copied().filter(|&k| tokens[k].is_capitalized()));
        if self.capitals.len() >= 2 {
            self.initials_of(self.capitals.len());
            offer(cx, &mut self.owners, &self.initials, ci, found);
            let last = *self.capitals.last().unwrap_or(&from);
            if LISTS.legal_forms.contains(tokens[last].text) && self.capitals.len() >= 3 {
                self.initials_of(self.capitals.len() - 1);
                offer(cx, &mut self.owners, &self.initials, ci, found);
            }
        }
        // A first word stands for the name when the rest is one word or
        // legal forms (`Northrop Grumman`, `Chrysler Holding LLC`), not a
        // division (`Boeing Commercial Airplanes`).
        let w = &tokens[from];
        let info = w.info;
        let words = &self.words;
        let short = words.len() == 2 || words[1..].iter().all(|&k| LISTS.legal_forms.contains(tokens[k].text));
        if short
            && w.kind == Kind::Word
            && w.is_capitalized()
            && w.text.chars().count() >= 3
            && !LISTS.generic_first_words.contains(w.text)
            && !(info.portfolio() || info.title_head() || info.title_modifier() || info.country())
            && !(info.not_name_start() || info.head().is_some())
            && cx.lexicon[from].is_none()
        {
            offer(cx, &mut self.owners, w.text, ci, found);
        }
    }

    /// Sets `initials` to the initials of the first `n` capitalised words.
    fn initials_of(&mut self, n: usize) {
        let tokens = self.cx.tokens;
        self.initials.clear();
        self.initials
            .extend(self.capitals[..n].iter().filter_map(|&k| tokens[k].text.chars().next()));
    }
}

/// Offers `form` as a short form of candidate `owner`: the first owner
/// keeps it, unless another with a different key comes, when neither does.
fn offer(cx: &Context, owners: &mut Owners, form: &str, owner: usize, found: &[Candidate]) {
    // (The key is copied only for a new form.)
    let Some(o) = owners.get_mut(form) else {
        owners.insert(form.to_string(), Some(owner));
        return;
    };
    if o.is_some_and(|p| found[p].key != found[owner].key) {
        // `Boeing Co.` wins `Boeing` over `Boeing Commercial Airplanes`.
        let legal = |c: &Candidate| legal_form_only(cx, c);
        *o = match (o.map(|p| legal(&found[p])), legal(&found[owner])) {
            (Some(true), false) => *o,
            (Some(false), true) => Some(owner),
            _ => None,
        };
    }
}

/// What the standalone occurrences of short forms make.
struct ShortFormUses<'a> {
    /// New mentions, with their form.
    extra: Vec<(Candidate, &'a str)>,
    /// Bare names that are short forms: key -> owner.
    rekey: FxHashMap<String, usize>,
    /// The forms seen inside a sentence.
    mid_sentence: FxHashSet<&'a str>,
}

/// The standalone occurrences of the short forms of `owners`: not next to
/// other name words, not after a person cue, and no part of a candidate
/// (except a bare name of its own, which joins the owner).
fn short_form_uses<'a>(cx: &Context<'_, 'a>, found: &[Candidate], owners: &Owners) -> ShortFormUses<'a> {
    let tokens = cx.tokens;
    // Every short form starts with a capital: most tokens need no look-up,
    // and of the capitalised ones only those of a form's first byte and
    // length.
    let mut shapes = Shapes::EMPTY;
    for form in owners.keys() {
        shapes.add(form);
    }
    let mut uses = ShortFormUses {
        extra: Vec::new(),
        rekey: FxHashMap::default(),
        mid_sentence: FxHashSet::default(),
    };
    for (i, t) in tokens.iter().enumerate() {
        if !shapes.may_be(t.text) {
            continue;
        }
        let Some(&Some(owner)) = owners.get(t.text) else {
            continue;
        };
        let acronym = t.is_acronym() && t.text.len() <= 6;
        let after_name = i > 0 && cx.joined(i) && cx.name_word(i - 1) && !tokens[i - 1].info.not_name_start();
        let before_name = i + 1 < tokens.len() && cx.joined(i + 1) && cx.name_word(i + 1);
        if after_name
            || before_name
            || person_cue(
                cx,
                &Run {
                    first: i,
                    last: i,
                    name: 0,
                },
            )
        {
            continue;
        }
        let o = &found[owner];
        match inside(found, t) {
            // A bare name of its own (`Northrop said`): it joins the owner.
            Some(ci) if found[ci].range == t.range && found[ci].key != o.key => {
                if let Key::Named(k) = &found[ci].key {
                    uses.rekey.insert(k.clone(), owner);
                }
                continue;
            }
            Some(_) => continue,
            None => {}
        }
        if !sentence_initial(cx, i) {
            uses.mid_sentence.insert(t.text);
        }
        let candidate = Candidate {
            range: t.range.clone(),
            key: o.key.clone(),
            kind: o.kind,
            country: o.country,
            rule: if acronym { Rule::Initials } else { Rule::ShortForm },
            full: false,
        };
        uses.extra.push((candidate, t.text));
    }
    uses
}

/// The candidate a token is inside (the first of the longest), asked only
/// of the few tokens that are short forms.
fn inside(found: &[Candidate], t: &Token) -> Option<usize> {
    let mut inside: Option<usize> = None;
    for (ci, c) in found.iter().enumerate() {
        let overlaps = t.range.end > c.range.start && t.range.start < c.range.end;
        if overlaps && inside.is_none_or(|o| found[o].range.len() < c.range.len()) {
            inside = Some(ci);
        }
    }
    inside
}

/// Joins the bare names that are short forms to their owners, and adds the
/// new mentions: initials always, a first word only if seen inside a
/// sentence (`Far from it` is no mention of `Far East Bank`).
fn apply_short_forms(found: &mut Vec<Candidate>, uses: ShortFormUses) {
    let ShortFormUses {
        extra,
        rekey,
        mid_sentence,
    } = uses;
    let rekeyed: Vec<(usize, usize)> = found
        .iter()
        .enumerate()
        .filter_map(|(ci, c)| match &c.key {
            Key::Named(k) => rekey.get(k).map(|&o| (ci, o)),
            _ => None,
        })
        .collect();
    for (ci, owner) in rekeyed {
        let (key, kind, country) = (found[owner].key.clone(), found[owner].kind, found[owner].country);
        let c = &mut found[ci];
        c.key = key;
        c.kind = kind;
        c.country = c.country.or(country);
        c.full = false;
    }
    found.extend(
        extra
            .into_iter()
            .filter(|(c, form)| c.rule == Rule::Initials || mid_sentence.contains(form))
            .map(|(c, _)| c),
    );
}

/// Whether a candidate's name is one word and a legal form (`Boeing Co.`).
fn legal_form_only(cx: &Context, c: &Candidate) -> bool {
    let tokens = cx.tokens;
    let from = tokens.partition_point(|t| t.range.end <= c.range.start);
    let to = tokens.partition_point(|t| t.range.start < c.range.end);
    to == from + 2 && LISTS.legal_forms.contains(tokens[from + 1].text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{lexicon, tokens};

    /// Every cue of a table in the case forms text writes it in, with
    /// near misses (a word that is no cue, a line break inside a cue).
    fn cue_text(table: &[(&[&str], EntityType)]) -> String {
        let mut text = String::new();
        for (seq, _) in table {
            let phrase = seq.join(" ");
            let mut capital = phrase.clone();
            capital[..1].make_ascii_uppercase();
            for form in [
                phrase.clone(),
                capital,
                phrase.to_ascii_uppercase(),
                phrase.replacen(' ', "\n", 1),
            ] {
                text.push_str("Boeing ");
                text.push_str(&form);
                text.push_str(" Boeing and GM.\n");
            }
        }
        text
    }

    /// At every token of a text of cues, the index finds the cue that the
    /// scan of the whole table finds (`org_cue`'s two ways: the cue starting
    /// at the token, or for `last`, ending at it).
    fn check_index(index: &CueIndex, table: &'static [(&'static [&'static str], EntityType)], last: bool) {
        let text = cue_text(table);
        let toks = tokens::tokenize(&text);
        let matches = lexicon::scan(&text);
        let cx = Context::new(&text, &toks, &matches);
        let mut found = 0;
        for (i, t) in toks.iter().enumerate() {
            let start = |seq: &[&str]| if last { (i + 1).checked_sub(seq.len()) } else { Some(i) };
            let fits = |(seq, _): &&(&[&str], EntityType)| start(seq).is_some_and(|from| words_at(&cx, from, seq));
            let scanned = table.iter().find(fits);
            let indexed = index.get(t.text).find(fits);
            assert_eq!(
                scanned,
                indexed,
                "at {:?} in {:?}",
                t.text,
                &text[t.range.start.saturating_sub(40)..t.range.end]
            );
            found += usize::from(indexed.is_some());
        }
        // Each cue at least in lower case and capitalised.
        assert!(found >= 2 * table.len(), "{found} matches for {} cues", table.len());
    }

    #[test]
    fn cue_indices_agree_with_their_tables() {
        check_index(&OWNED, cues::OWNED, false);
        check_index(&MODIFIES, cues::MODIFIES, false);
        check_index(&RELATIONS, cues::RELATIONS, true);
    }

    #[test]
    fn cue_index_lower_cases_ascii_only() {
        let kinds = |word: &str| MODIFIES.get(word).map(|(seq, _)| seq.join(" ")).collect::<Vec<_>>();
        assert_eq!(
            kinds("chief"),
            ["chief executive", "Chief Executive", "chief financial officer"]
        );
        assert_eq!(kinds("CHIEF"), kinds("chief"));
        assert_eq!(kinds("Ceo"), ["CEO"]);
        assert!(kinds("Boeing").is_empty());
        assert!(kinds("spokesmanship-and-more-than-twenty-four-bytes").is_empty());
        assert!(kinds("ÇEO").is_empty());
    }

    #[test]
    fn word_sets_hold_their_lists() {
        let pairs: [(&FxHashSet<&str>, &[&str]); 10] = [
            (&LISTS.not_organization_ends, cues::NOT_ORGANIZATION_ENDS),
            (&LISTS.generic_first_words, cues::GENERIC_FIRST_WORDS),
            (&LISTS.not_names, cues::NOT_NAMES),
            (&LISTS.subject_of, cues::SUBJECT_OF),
            (&LISTS.auxiliaries, cues::AUXILIARIES),
            (&LISTS.person_before, cues::PERSON_BEFORE),
            (&LISTS.personal, cues::PERSONAL),
            (&LISTS.product_verbs, cues::PRODUCT_VERBS),
            (&LISTS.legal_forms, cues::LEGAL_FORMS),
            (&LISTS.prepositions, cues::PREPOSITIONS),
        ];
        // Every word of every list, and case variants of them, are in a set
        // exactly when they are in its list.
        let mut words: Vec<String> = pairs
            .iter()
            .flat_map(|(_, list)| list.iter().map(|w| w.to_string()))
            .collect();
        let variants: Vec<String> = words
            .iter()
            .flat_map(|w| [w.to_ascii_uppercase(), w.to_ascii_lowercase()])
            .collect();
        words.extend(variants);
        words.extend(["Boeing", "", "said.", "co"].map(String::from));
        for (set, list) in pairs {
            assert_eq!(set.len(), list.len(), "a list without repeats");
            for w in &words {
                assert_eq!(set.contains(w.as_str()), list.contains(&w.as_str()), "{w:?}");
            }
        }
    }

    #[test]
    fn key_hash_is_the_hash_of_the_key() {
        // Names with the same key hash the same; others differ.
        let same = [
            ("Northrop Grumman", "northrop  grumman"),
            ("AT&T", "at t"),
            ("Société Générale", "SOCIÉTÉ-GÉNÉRALE"),
        ];
        for (a, b) in same {
            assert_eq!(super::super::key_text(a), super::super::key_text(b));
            assert_eq!(key_hash(a), key_hash(b), "{a:?} {b:?}");
        }
        assert_ne!(key_hash("Boeing"), key_hash("Boeing Co"));
        assert_ne!(key_hash("Société"), key_hash("Societe"));
        // The hash of the key `key_text` makes, hashed character by
        // character: an independent reference, not a copy of the fast path.
        let of_key = |name: &str| {
            use std::hash::Hasher;
            let mut hasher = rustc_hash::FxHasher::default();
            for c in super::super::key_text(name).chars() {
                if c == ' ' {
                    hasher.write_u8(b' ');
                } else {
                    hasher.write_u32(c as u32);
                }
            }
            hasher.finish()
        };
        for name in [
            "Boeing",
            " U.S. Steel ",
            "Société Générale",
            "İSTANBUL",
            "X-37B",
            "Ωmega Ltd.",
            "The Lazarus Group",
            "the  Lazarus Group",
            "\"The\" Group",
            "The",
            "The ",
            "Theta Capital",
            "THE-BANK",
            "Thé Group",
            "the the group",
            "- the Group",
        ] {
            assert_eq!(key_hash(name), of_key(name), "{name:?}");
        }
        assert_eq!(key_hash("The Lazarus Group"), key_hash("Lazarus Group"));
        // Every string of up to 5 pieces drawn from words, separators and
        // letters that lower-case in other ways.
        let pieces = ["the", "The", "THE", " ", "-", "\"", "x", "É", "İ", "th", "e", "Ω"];
        for mut n in 0..pieces.len().pow(5) {
            let mut name = String::new();
            while n > 0 {
                name.push_str(pieces[n % pieces.len()]);
                n /= pieces.len();
            }
            assert_eq!(key_hash(&name), of_key(&name), "{name:?}");
        }
    }
}
