//! Matching: a cardinal, then up to six modifier words, then a counted noun
//! from the lexicon (`eight North Korean individuals`, `29 shadow vessels`,
//! `seven named Iranian or Iranian-linked officials`).
//!
//! A number is no count when it is a label (`Executive Order 13382`, `Unit
//! 840`), a back-reference (`the two nations`, `its 12 vessels`), a partitive
//! (`two of the sanctioned entities`), part of a compound adjective
//! (`17-page`, `five-year`), a percentage or a multiplier (`50 percent`, `3
//! times`), vague (`one or more`), or inside a sum or a date (the caller
//! passes their spans).

use super::lexicon::{self, Entry};
use crate::extract::numeral::Numeral;
use crate::extract::spans::Claimed;
use crate::record::CountCategory;
use crate::rule::Spec;
use std::ops::Range;

/// A count rule: how the number and its noun were read. Each has its name,
/// examples (values as `value category`) and negatives ([`Rule::spec`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A cardinal, up to six modifiers, a counted noun: `29 shadow vessels`.
    NumberNoun,
    /// `a` counting one inside a list of counts: `a trading company`.
    ListArticle,
    /// One number over nouns of several categories: `40 individuals, companies
    /// and vessels`, category `other`.
    MixedList,
    /// A number of a set named by a possessive or a superlative: `eight of
    /// Russia's largest banks`, `four of his children`.
    Partitive,
    /// A part of a set counted before: `two of the same companies`, `60
    /// entities, 24 of them Chinese`. A count of the article, no total of an
    /// event (ANNOTATION.md).
    Subset,
    /// `a` or `an` counting one right after words that name targets of
    /// sanctions, in a list of such (`sanctions on [a Rwandan government
    /// minister] and [a senior member]`) or with a designation's noun (`added
    /// to the list [an individual]`).
    TargetArticle,
    /// A definite number whose noun the words after it name as the targets
    /// of an action, told for the first time: `the [11 officials] sanctioned`.
    DefiniteTargets,
}

impl Rule {
    /// Every count rule.
    #[cfg(test)]
    pub(crate) const ALL: [Rule; 7] = [
        Rule::NumberNoun,
        Rule::ListArticle,
        Rule::MixedList,
        Rule::Partitive,
        Rule::Subset,
        Rule::TargetArticle,
        Rule::DefiniteTargets,
    ];

    /// The rule's name (the `rule` of its counts).
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// Its name, examples and negatives.
    pub(crate) const fn spec(self) -> Spec {
        match self {
            Rule::NumberNoun => Spec::new(
                "count.number_noun",
                &[
                    ("sanctioned [eight North Korean individuals]", "8 individual"),
                    ("and [29 shadow vessels]", "29 vessel"),
                    ("Commerce Adds [37 PRC Entities] to Entity List", "37 entity"),
                    ("sanctions on [300 Russian and international entities]", "300 entity"),
                    // Nouns of nationality from the country lexicon.
                    ("It named [three Mauritanians] and others.", "3 individual"),
                    ("[94 critics] lost their citizenship.", "94 individual"),
                    ("It listed [two fuel importers].", "2 entity"),
                ],
                &[
                    "between the two nations",
                    "two of the sanctioned entities",
                    "a 22-year-old man",
                    "Boeing 737 jets",
                    "or the other six members of the center",
                    "two Airbus A320 Jets",
                ],
            ),
            Rule::ListArticle => Spec::new(
                "count.list_article",
                &[("one individual, two banks, and [a trading company]", "1 entity")],
                &["a trading company"],
            ),
            Rule::MixedList => Spec::new(
                "count.mixed_list",
                &[
                    ("penalties on [40 individuals], companies and vessels", "40 other"),
                    (
                        "[nine Russia-linked individuals] and legal entities were named",
                        "9 other",
                    ),
                ],
                &["10 companies and banks"],
            ),
            Rule::Partitive => Spec::new(
                "count.partitive",
                &[
                    ("It hit [eight of Russia's largest banks] too.", "8 entity"),
                    ("It named [seven of its former and current officials].", "7 individual"),
                    ("He froze the assets of [four of his children].", "4 individual"),
                    ("It listed [seven of the richest oligarchs].", "7 individual"),
                ],
                &["two of the sanctioned entities", "one of the banks", "two of its own"],
            ),
            Rule::Subset => Spec::new(
                "count.subset",
                &[
                    ("It named [two of the same companies] again.", "2 entity"),
                    ("It named 60 entities, [24 of them] Chinese.", "24 entity"),
                ],
                &[
                    "two of the sanctioned entities",
                    "Two of them said so.",
                    "It named 60 entities. Two of them are Chinese.",
                ],
            ),
            Rule::TargetArticle => Spec::new(
                "count.target_article",
                &[
                    (
                        "It imposed sanctions on [a Rwandan government minister] and a senior member of a group.",
                        "1 individual",
                    ),
                    (
                        "It imposed sanctions on a Rwandan government minister and [a senior member] of a group.",
                        "1 individual",
                    ),
                    (
                        "The committee added to the list [an individual] who ran ships.",
                        "1 individual",
                    ),
                    ("Britain also sanctioned [an entity] in Dubai.", "1 entity"),
                ],
                &[
                    "Britain jointly sanctioned a Russian national they named.",
                    "The cartel was designated a foreign terrorist organization.",
                    "It imposed sanctions on a country.",
                    "It imposed sanctions on a network of firms.",
                    "a company was sanctioned",
                    "sanctions on an individual basis",
                ],
            ),
            Rule::DefiniteTargets => Spec::new(
                "count.definite_targets",
                &[(
                    "He said the [11 officials] sanctioned had crushed freedoms.",
                    "11 individual",
                )],
                &[
                    "between the two nations",
                    "It named 11 officials. The 11 officials sanctioned had crushed freedoms.",
                    "the two officials said",
                ],
            ),
        }
    }
}

// The rules under the names the matching code uses.
pub(crate) const NUMBER_NOUN: Rule = Rule::NumberNoun;
pub(crate) const LIST_ARTICLE: Rule = Rule::ListArticle;
pub(crate) const MIXED_LIST: Rule = Rule::MixedList;
pub(crate) const PARTITIVE: Rule = Rule::Partitive;
pub(crate) const SUBSET: Rule = Rule::Subset;
pub(crate) const TARGET_ARTICLE: Rule = Rule::TargetArticle;
pub(crate) const DEFINITE_TARGETS: Rule = Rule::DefiniteTargets;

/// Most words between a number and its noun.
const MAX_MODIFIERS: usize = 6;

/// A match: the number, the noun, the modifiers between them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub bytes: Range<usize>,
    pub value: u64,
    pub entry: Entry,
    pub noun: Range<usize>,
    pub modifier: Option<Range<usize>>,
    pub rule: Rule,
}

/// Every number-noun match of `text`, skipping numerals inside `taken`.
pub(crate) fn matches(text: &str, numerals: &[Numeral], taken: &Claimed) -> Vec<Hit> {
    let mut out = Vec::new();
    for n in numerals {
        let value = n.value.to_f64();
        if !n.glued.is_empty() || !n.integer || !(1.0..=1e12).contains(&value) {
            continue;
        }
        if taken.overlaps(&n.bytes) {
            continue;
        }
        let (at, rule) = if counts_here(text, n) {
            (n.bytes.end, NUMBER_NOUN)
        } else if let Some(found) = partitive_set(text, n) {
            found
        } else {
            if let Some(hit) = of_them(text, n, out.last()).or_else(|| definite_targets(text, n, &out)) {
                out.push(hit);
            }
            continue;
        };
        if let Some((noun, entry, modifier)) = noun_phrase(text, at, value == 1.0 && rule == NUMBER_NOUN) {
            out.push(Hit {
                bytes: n.bytes.start..noun.end,
                value: value as u64,
                entry,
                noun,
                modifier,
                rule,
            });
        }
    }
    out
}

/// The context of the numeral allows a count: no label or determiner before,
/// no hyphen, percent or partitive after.
fn counts_here(text: &str, n: &Numeral) -> bool {
    let bytes = text.as_bytes();
    let start = n.bytes.start;
    if start > 0 && matches!(bytes[start - 1], b'-' | b'/' | b'#' | b'.' | b':' | b'$') {
        return false;
    }
    let before = previous_token(text, start);
    if lexicon::LABEL_BEFORE.iter().any(|w| before.eq_ignore_ascii_case(w))
        || lexicon::DEFINITE_BEFORE.iter().any(|w| before.eq_ignore_ascii_case(w))
    {
        return false;
    }
    let lower = before.to_ascii_lowercase();
    let function_word = lexicon::is_stop_word(&lower) || lexicon::MODIFIERS_ALLOWED.contains(&lower.as_str());
    // `the other six members`, `its additional 12 vessels`: a determiner
    // before the modifier makes a back-reference.
    if lexicon::MODIFIERS_ALLOWED.contains(&lower.as_str()) {
        let before_start = start - (text[..start].len() - text[..start].trim_end_matches(' ').len()) - before.len();
        let second = previous_token(text, before_start);
        if lexicon::DEFINITE_BEFORE.iter().any(|w| second.eq_ignore_ascii_case(w)) {
            return false;
        }
    }
    // `Boeing 737 jets`, `iPhone 4 owners`: a name before the number makes it
    // a model or a label.
    // (A headline's verb is in Title Case: `Commerce Adds 37 PRC Entities`.)
    let headline_verb = lexicon::HEADLINE_VERBS.contains(&lower.as_str());
    if before.bytes().any(|b| b.is_ascii_uppercase()) && !before.ends_with('.') && !function_word && !headline_verb {
        return false;
    }
    // `the big three carmakers` (a back-reference), `five new 737 aircraft`
    // (a count, then a model number).
    if !before.is_empty() && !function_word && !headline_verb && !before.ends_with('.') {
        let before_start = start - (text[..start].len() - text[..start].trim_end_matches(' ').len()) - before.len();
        let second = previous_token(text, before_start);
        if lexicon::DEFINITE_BEFORE.iter().any(|w| second.eq_ignore_ascii_case(w))
            || crate::extract::numeral::value_of(second).is_some()
        {
            return false;
        }
    }
    let end = n.bytes.end;
    match bytes.get(end) {
        Some(b'-') if bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic) => return false,
        Some(b'%') => return false,
        _ => {}
    }
    let rest = &text[end..];
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    for not in lexicon::NOT_COUNT_AFTER {
        if starts_with_word(rest, not) {
            return false;
        }
    }
    !(starts_with_word(rest, "of")
        || rest.starts_with("or more")
        || rest.starts_with("or fewer")
        || rest.starts_with("or so"))
}

/// `eight of Russia's largest banks`, `four of his children`, `seven of the
/// richest oligarchs`: a number (no count by [`counts_here`] only for its
/// `of`) before a set named by a possessive, or by `the` and a superlative;
/// `two of the same companies`, a part of a set counted before. Returns where
/// the set's noun phrase is read from (before the space of its first word)
/// and the rule. `two of the sanctioned entities` (a set named before) is no
/// count.
fn partitive_set(text: &str, n: &Numeral) -> Option<(usize, Rule)> {
    let end = n.bytes.end;
    let rest = text[end..].strip_prefix(" of ")?;
    let before = previous_token(text, n.bytes.start);
    if lexicon::DEFINITE_BEFORE.iter().any(|w| before.eq_ignore_ascii_case(w))
        || lexicon::LABEL_BEFORE.iter().any(|w| before.eq_ignore_ascii_case(w))
    {
        return None;
    }
    let of_end = end + 3;
    let w = word_at(text, of_end + 1)?;
    let word = &text[w.clone()];
    if lexicon::PARTITIVE_POSSESSIVES.contains(&word) {
        return Some((w.end, PARTITIVE));
    }
    // `Russia's`: a capitalised name's possessive.
    if word.starts_with(|c: char| c.is_ascii_uppercase()) && rest[word.len()..].starts_with("'s ") {
        return Some((w.end + 2, PARTITIVE));
    }
    if word == "the" {
        let next = word_at(text, next_word_start(text, w.end)?)?;
        let adjective = &text[next.clone()];
        let superlative =
            (adjective.len() > 5 && adjective.ends_with("est")) || lexicon::SUPERLATIVES.contains(&adjective);
        // `two of the same companies`: a part of a set counted before, named again.
        if adjective == "same" {
            return Some((w.end, SUBSET));
        }
        return superlative.then_some((w.end, PARTITIVE));
    }
    None
}

/// Most bytes between a count and the `N of them` that counts a part of it.
const OF_THEM_REACH: usize = 160;

/// `60 entities, 24 of them Chinese`: a number of a set just counted, in the
/// same sentence, counts what that count counts. `previous` is the last count
/// found before the number.
fn of_them(text: &str, n: &Numeral, previous: Option<&Hit>) -> Option<Hit> {
    let them = text[n.bytes.end..].strip_prefix(" of them")?;
    if them.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let previous = previous.filter(|p| p.bytes.end <= n.bytes.start && n.bytes.start - p.bytes.end <= OF_THEM_REACH)?;
    let between = &text[previous.bytes.end..n.bytes.start];
    if between.contains(". ") || between.contains('\n') || between.contains(';') {
        return None;
    }
    let noun = n.bytes.end + 4..n.bytes.end + 8;
    Some(Hit {
        bytes: n.bytes.start..noun.end,
        value: n.value.to_f64() as u64,
        entry: previous.entry,
        noun,
        modifier: None,
        rule: SUBSET,
    })
}

/// `the 11 officials sanctioned`: `the`, a number no count before gave with
/// its category, a noun of individuals or entities, and a participle that
/// makes them the targets of an action (`count.definite_targets`).
fn definite_targets(text: &str, n: &Numeral, earlier: &[Hit]) -> Option<Hit> {
    if !previous_token(text, n.bytes.start).eq_ignore_ascii_case("the") || !text[n.bytes.end..].starts_with(' ') {
        return None;
    }
    let (noun, entry, modifier) = noun_phrase(text, n.bytes.end, false)?;
    let rest = text[noun.end..].strip_prefix(' ')?;
    if !lexicon::TARGET_PARTICIPLES.iter().any(|p| starts_with_word(rest, p))
        || !matches!(entry.category, CountCategory::Individual | CountCategory::Entity)
    {
        return None;
    }
    let value = n.value.to_f64() as u64;
    if earlier
        .iter()
        .any(|h| h.value == value && h.entry.category == entry.category)
    {
        return None;
    }
    Some(Hit {
        bytes: n.bytes.start..noun.end,
        value,
        entry,
        noun,
        modifier,
        rule: DEFINITE_TARGETS,
    })
}

/// The word before byte `at` (letters and inner dots, `E.O.`), skipping spaces.
pub(crate) fn previous_token(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end_matches(' ');
    let start = head.len()
        - head
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_alphabetic() || *b == b'.')
            .count();
    &head[start..]
}

fn starts_with_word(s: &str, word: &str) -> bool {
    s.len() >= word.len()
        && s.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        && s.as_bytes().get(word.len()).is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// A word of a noun phrase: letters with inner hyphens or apostrophes
/// (`Iranian-linked`, `long-time`). Returns its range, or `None` at anything
/// else (punctuation, digits, end of text).
pub(crate) fn word_at(text: &str, at: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    if !bytes.get(at)?.is_ascii_alphabetic() {
        return None;
    }
    let mut k = at;
    while k < bytes.len() {
        let b = bytes[k];
        let initial_dot = b == b'.' && k > at && bytes[k - 1].is_ascii_uppercase() && is_initials(bytes, at);
        if b.is_ascii_alphabetic()
            || initial_dot
            || (b == b'-' && bytes.get(k + 1).is_some_and(u8::is_ascii_alphabetic))
        {
            k += 1;
        } else {
            break;
        }
    }
    if k < bytes.len() && bytes[k].is_ascii_digit() {
        return None;
    }
    Some(at..k)
}

/// The end of ` (6)` right after byte `at`, if it is there.
fn repeated_in_digits(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix(" (")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && rest[digits..].starts_with(')')).then_some(at + 2 + digits + 1)
}

/// Initials with dots start at `at` (`U.S.`, `U.N.`): letters and dots
/// alternate for at least two letters.
fn is_initials(bytes: &[u8], at: usize) -> bool {
    bytes.len() >= at + 4
        && bytes[at].is_ascii_uppercase()
        && bytes[at + 1] == b'.'
        && bytes[at + 2].is_ascii_uppercase()
        && bytes[at + 3] == b'.'
}

/// The start of the word after a word ending at `end`, when one space
/// separates them.
pub(crate) fn next_word_start(text: &str, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (bytes.get(end) == Some(&b' ') && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic)).then_some(end + 1)
}

/// The noun a number counts, read from byte `at` (right after the numeral or
/// the article): the noun, its entry and the modifiers before it.
pub(crate) fn noun_phrase(text: &str, at: usize, one: bool) -> Option<(Range<usize>, Entry, Option<Range<usize>>)> {
    // `six (6) individuals`: legal writing repeats the number in digits.
    let at = repeated_in_digits(text, at).unwrap_or(at);
    // `three "core government financial institutions"`: a quoted phrase.
    let quoted = text[at..].starts_with(" \"") && text.as_bytes().get(at + 2).is_some_and(u8::is_ascii_alphabetic);
    let mut k = if quoted { at + 2 } else { next_word_start(text, at)? };
    let mut first_modifier: Option<usize> = None;
    let mut last_modifier_end = 0;
    for _ in 0..=MAX_MODIFIERS {
        let w = word_at(text, k)?;
        let word = &text[w.clone()];
        if let Some(entry) = countable(word, one) {
            // In a compound the last noun is the head (`bank representatives`).
            let next = next_word_start(text, w.end).and_then(|s| word_at(text, s));
            // A singular demonym is an adjective before a noun phrase (`a
            // Rwandan government minister`); its plural is always a noun.
            let head_later = next
                .as_ref()
                .is_some_and(|nw| countable(&text[nw.clone()], one).is_some())
                || (entry.proper && one && noun_phrase(text, w.end, one).is_some());
            if !head_later {
                let modifier = first_modifier.map(|s| s..last_modifier_end);
                return Some((w, entry, modifier));
            }
        } else {
            let lower = word.to_ascii_lowercase();
            let coordinator = lower == "and" || lower == "or";
            if coordinator {
                // `Iranian or Iranian-linked officials`: only between modifiers.
                let next = next_word_start(text, w.end).and_then(|s| word_at(text, s))?;
                let next_word = &text[next.clone()];
                // `Russian and international entities`: a lower-case
                // adjective, known by its ending.
                let adjective_like = next_word.starts_with(|c: char| c.is_ascii_uppercase())
                    || next_word.contains('-')
                    || lexicon::PAIRED_ADJECTIVES.contains(&next_word)
                    || (next_word.len() > 4 && lexicon::ADJECTIVE_ENDINGS.iter().any(|e| next_word.ends_with(e)));
                if first_modifier.is_none() || !adjective_like || countable(next_word, one).is_some() {
                    return None;
                }
            } else if (lexicon::is_stop_word(&lower) && !lexicon::MODIFIERS_ALLOWED.contains(&lower.as_str()))
                || crate::extract::numeral::value_of(word).is_some()
            {
                return None;
            }
        }
        first_modifier.get_or_insert(w.start);
        last_modifier_end = w.end;
        k = next_word_start(text, w.end)?;
    }
    None
}

/// The lexicon entry of `word` when it can be the counted noun of a number
/// (`one` wants a singular form, more a plural; demonyms need a capital).
pub(crate) fn countable(word: &str, one: bool) -> Option<Entry> {
    let entry = lexicon::noun(word)?;
    let agrees = if one { entry.singular } else { entry.plural };
    let cased = !entry.proper || word.starts_with(|c: char| c.is_ascii_uppercase());
    (agrees && cased).then_some(entry)
}
