//! Lexicons of names: countries, government bodies and international
//! organizations, organization head words, titles, and words that are not
//! names. The tables are data (one file each); this module compiles them once
//! into one Aho-Corasick automaton and answers look-ups.
//!
//! Look-ups, used by the entity and official extractors and by event assembly:
//! - [`country_by_code`] and [`country_by_name`]: a country by its ISO code or
//!   its canonical name.
//! - [`body`]: a government body or organization of the table by any of its
//!   names (`OFAC`, `Treasury Department`), with its type and country.
//! - [`scan`]: every lexicon match in a text, longest first, on word
//!   boundaries, with the context rules for ambiguous names applied; a
//!   country by any surface form (name, alias, abbreviation, capital,
//!   demonym: `U.S.`, `DPRK`, `Pyongyang`, `North Korean`) comes with the
//!   [`Form`] it was found in.

pub mod bodies;
pub mod countries;
pub mod cues;
pub mod heads;
mod table;
pub mod titles;
pub mod words;

pub use bodies::Body;
pub use countries::Country;

use crate::record::EntityType;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use rustc_hash::{FxHashMap, FxHasher};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::LazyLock;

/// How a surface form names a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// The canonical short name (`North Korea`).
    Name,
    /// Another name or an abbreviation (`DPRK`, `Democratic People's Republic of Korea`).
    Alias,
    /// The capital, used for the government (`Pyongyang`).
    Capital,
    /// An adjective or noun of nationality (`North Korean`): not a mention of
    /// the country by itself.
    Demonym,
}

/// What a lexicon surface form stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Country(&'static Country, Form),
    Body(&'static Body),
    /// A longer form that contains a country name but names something else
    /// (`Latin America`, `Washington Post`): matched so that nothing is reported.
    NotCountry,
}

/// One match of [`scan`]: a byte range of the text and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexMatch {
    pub range: Range<usize>,
    pub entry: Entry,
}

struct Lexicon {
    /// Walked anchored by [`scan`] from the places where a match may start.
    automaton: NFA,
    /// The bytes that some pattern starts with.
    first_bytes: [bool; 256],
    /// Per pattern: its entry and whether it needs the ambiguity check.
    patterns: Vec<(Entry, bool)>,
    by_surface: FxHashMap<String, (Entry, bool)>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

fn build() -> Lexicon {
    let mut surfaces: Vec<(String, Entry, bool)> = Vec::new();
    let mut add = |s: &str, entry: Entry, ambiguous: bool| {
        surfaces.push((s.to_string(), entry, ambiguous));
    };
    for body in bodies::BODIES {
        let ambiguous = |s: &str| bodies::AMBIGUOUS_NAMES.contains(&s);
        add(body.name, Entry::Body(body), ambiguous(body.name));
        for alias in body.aliases {
            add(alias, Entry::Body(body), ambiguous(alias));
        }
    }
    for country in countries::COUNTRIES {
        let ambiguous = countries::AMBIGUOUS_NAMES.contains(&country.name);
        add(country.name, Entry::Country(country, Form::Name), ambiguous);
        add(&upper(country.name), Entry::Country(country, Form::Name), true);
        for alias in country.aliases {
            add(alias, Entry::Country(country, Form::Alias), false);
        }
        for capital in country.capitals {
            add(capital, Entry::Country(country, Form::Capital), true);
            add(&upper(capital), Entry::Country(country, Form::Capital), true);
        }
        for demonym in country.demonyms {
            add(demonym, Entry::Country(country, Form::Demonym), false);
        }
    }
    for s in countries::NOT_COUNTRIES.iter().chain(bodies::LABELS) {
        add(s, Entry::NotCountry, false);
    }
    // Currency prefixes are no mention of a country (`US$270.9 million`).
    for s in ["US$", "U.S.$", "A$", "C$", "HK$", "NZ$", "S$"] {
        add(s, Entry::NotCountry, false);
    }
    // The first entry of a surface wins: bodies before countries, so that
    // `Washington Post` is a newspaper.
    let mut by_surface: FxHashMap<String, (Entry, bool)> = FxHashMap::default();
    let mut patterns = Vec::new();
    let mut strings = Vec::new();
    for (s, entry, ambiguous) in surfaces {
        if s.is_empty() || by_surface.contains_key(&s) {
            continue;
        }
        by_surface.insert(s.clone(), (entry, ambiguous));
        patterns.push((entry, ambiguous));
        strings.push(s);
    }
    // An automaton walked anchored: a match must start on a word boundary,
    // and most words start with a byte that no pattern starts with, so
    // [`scan`] walks it from the few places where a match can start instead
    // of running an unanchored search over every byte. A contiguous NFA, not
    // a DFA: the anchored walks never follow failure transitions, and its
    // tables are a fraction of the DFA's (fewer cache misses on each walk's
    // first bytes, a cheaper build at start-up).
    let automaton = NFA::builder()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(&strings)
        .expect("lexicon patterns build");
    let mut first_bytes = [false; 256];
    for s in &strings {
        first_bytes[usize::from(s.as_bytes()[0])] = true;
    }
    Lexicon {
        automaton,
        first_bytes,
        patterns,
        by_surface,
    }
}

fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// A country by any surface form: name, alias, abbreviation, capital or
/// demonym. Case-sensitive first, then in title case; a leading `the ` and a
/// trailing possessive `'s` are ignored (`the U.S.`, `Russia's`). Only the
/// tests look countries up this way; the extractors [`scan`] for them.
#[cfg(test)]
pub fn country(surface: &str) -> Option<(&'static Country, Form)> {
    let s = clean_surface(surface);
    let found = |s: &str| match LEXICON.by_surface.get(s) {
        Some((Entry::Country(c, form), _)) => Some((*c, *form)),
        _ => None,
    };
    found(s).or_else(|| found(&title_case(s)))
}

/// A country by its ISO 3166 alpha-2 code.
pub fn country_by_code(code: &str) -> Option<&'static Country> {
    static BY_CODE: LazyLock<WordMap<&'static Country>> =
        LazyLock::new(|| countries::COUNTRIES.iter().map(|c| (c.code, c)).collect());
    match BY_CODE.get(code) {
        Some(c) => Some(*c),
        None => countries::COUNTRIES.iter().find(|c| c.code.eq_ignore_ascii_case(code)),
    }
}

/// A country by its canonical name (`United States`).
pub fn country_by_name(name: &str) -> Option<&'static Country> {
    countries::COUNTRIES.iter().find(|c| c.name == name)
}

/// A government body or organization of the table by any of its names
/// (`OFAC`, `Treasury Department`).
pub fn body(surface: &str) -> Option<&'static Body> {
    match LEXICON.by_surface.get(clean_surface(surface)) {
        Some((Entry::Body(b), _)) => Some(*b),
        _ => None,
    }
}

fn clean_surface(s: &str) -> &str {
    let s = s.trim();
    let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s);
    s.strip_suffix("'s").or_else(|| s.strip_suffix('\'')).unwrap_or(s)
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// A fast hash map for word look-ups (the name rules ask about every token).
type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<FxHasher>>;

/// What the word tables say of one word. [`word_info`] looks it up once per
/// token (the tokeniser stores it in [`crate::extract::tokens::Token`]), so the
/// name rules ask questions of a token without scanning tables, hashing again
/// or allocating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    flags: u16,
    head: Option<EntityType>,
    descriptor: Option<EntityType>,
}

const TITLE_HEAD: u16 = 1;
const TITLE_MODIFIER: u16 = 1 << 1;
const PORTFOLIO: u16 = 1 << 2;
const SPEECH: u16 = 1 << 3;
const PARTICLE: u16 = 1 << 4;
const NOT_START: u16 = 1 << 5;
const CALENDAR: u16 = 1 << 6;
const COUNTRY: u16 = 1 << 7;
const LEADING_HEAD: u16 = 1 << 8;
const HONORIFIC: u16 = 1 << 9;
/// Flags matched without regard to case (the tables hold them in lower case).
const ANY_CASE: u16 = TITLE_HEAD | TITLE_MODIFIER;
/// Flags matched with a final period ignored (`Corp.`, `Dec.`, `Mr.`).
const UNDOTTED: u16 = CALENDAR | HONORIFIC;

impl WordInfo {
    fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
    /// Ends a title (`Minister`, `analyst`, `Sen.`), in any case.
    pub fn title_head(&self) -> bool {
        self.has(TITLE_HEAD)
    }
    /// May open or qualify a title (`Deputy`, `former`), in any case.
    pub fn title_modifier(&self) -> bool {
        self.has(TITLE_MODIFIER)
    }
    /// A capitalised word of a title's complement (`Affairs`).
    pub fn portfolio(&self) -> bool {
        self.has(PORTFOLIO)
    }
    /// A verb of attribution (`said`, `observed`).
    pub fn speech(&self) -> bool {
        self.has(SPEECH)
    }
    /// A lower-case particle inside names (`bin`, `van`, `al`).
    pub fn particle(&self) -> bool {
        self.has(PARTICLE)
    }
    /// A capitalised word that cannot open a name (`The`, `However`, `Monday`).
    pub fn not_name_start(&self) -> bool {
        self.has(NOT_START | CALENDAR)
    }
    /// A month or day, full or abbreviated.
    pub fn calendar(&self) -> bool {
        self.has(CALENDAR)
    }
    /// Names a country in any form (name, alias, capital, demonym).
    pub fn country(&self) -> bool {
        self.has(COUNTRY)
    }
    /// The type an organization head word gives (`Bank` -> company).
    pub fn head(&self) -> Option<EntityType> {
        self.head
    }
    /// A head that can open a name followed by `of`/`for` (`Ministry of X`).
    pub fn leading_head(&self) -> bool {
        self.has(LEADING_HEAD)
    }
    /// The type a lower-case descriptor introduces (`firm` -> company).
    pub fn descriptor(&self) -> Option<EntityType> {
        self.descriptor
    }
    /// An honorific before a name (`Mr.`, `Dr`, `Hon.`).
    pub fn honorific(&self) -> bool {
        self.has(HONORIFIC)
    }
}

static WORDS: LazyLock<WordMap<WordInfo>> = LazyLock::new(|| {
    let mut map: WordMap<WordInfo> = WordMap::default();
    let mut flag = |words: &[&'static str], flag: u16| {
        for w in words {
            map.entry(w).or_default().flags |= flag;
        }
    };
    flag(titles::TITLE_HEADS, TITLE_HEAD);
    flag(titles::DESCRIPTIVE_ROLES, TITLE_HEAD);
    flag(titles::TITLE_MODIFIERS, TITLE_MODIFIER);
    flag(titles::PORTFOLIO_WORDS, PORTFOLIO);
    flag(titles::SPEECH_VERBS, SPEECH);
    flag(titles::NAME_PARTICLES, PARTICLE);
    flag(words::NOT_NAME_STARTS, NOT_START);
    flag(words::MONTHS, CALENDAR);
    flag(words::DAYS, CALENDAR);
    flag(heads::LEADING_HEADS, LEADING_HEAD);
    flag(titles::HONORIFICS, HONORIFIC);
    for (w, kind) in heads::HEADS {
        map.entry(w).or_default().head = Some(*kind);
    }
    for (w, kind) in heads::DESCRIPTORS {
        map.entry(w).or_default().descriptor = Some(*kind);
    }
    for (surface, (entry, _)) in &LEXICON.by_surface {
        if matches!(entry, Entry::Country(..)) && !surface.contains(' ') {
            let surface: &'static str = Box::leak(surface.clone().into_boxed_str());
            map.entry(surface).or_default().flags |= COUNTRY;
        }
    }
    // Title words in any case: their capitalised forms are entries too, and
    // every entry carries what its lower-case form has in any case, so that
    // one look-up answers for `Minister` and for `State`.
    let any_case: Vec<(&'static str, u16)> = map
        .iter()
        .filter(|(_, info)| info.flags & ANY_CASE != 0)
        .map(|(w, info)| (*w, info.flags & ANY_CASE))
        .collect();
    for (w, flags) in any_case {
        if let Some(first) = w.chars().next().filter(|c| c.is_lowercase()) {
            let capital: String = first.to_uppercase().chain(w.chars().skip(1)).collect();
            let capital: &'static str = Box::leak(capital.into_boxed_str());
            map.entry(capital).or_default().flags |= flags;
        }
    }
    map
});

/// [`WORDS`] in the table the look-ups use.
static TABLE: LazyLock<table::WordTable> = LazyLock::new(|| table::WordTable::new(WORDS.iter().map(|(w, i)| (*w, i))));

/// What the word tables say of `word` (a token's text).
pub fn word_info(word: &str) -> WordInfo {
    word_info_cased(word, is_odd_case(word))
}

/// Whether `word` may be a table word in another case: not all ASCII, or
/// with a capital after its first letter (lower-case and title case forms
/// are entries already).
pub fn is_odd_case(word: &str) -> bool {
    !word.is_ascii() || word.bytes().skip(1).any(|b| b.is_ascii_uppercase())
}

/// [`word_info`] for a caller that knows [`is_odd_case`] of `word` already
/// (the tokeniser learns it while finding the word's end).
pub fn word_info_cased(word: &str, odd_case: bool) -> WordInfo {
    let table = &*TABLE;
    word_info_found(table, word, odd_case, table.get(word))
}

/// [`word_info_cased`] of the word `text[range]`, for the tokeniser: the
/// table reads the word in place, with the bytes after it. Most words are
/// in no odd case and end in no period: their entry is all there is.
#[inline(always)]
pub fn word_info_at(text: &str, range: Range<usize>, odd_case: bool) -> WordInfo {
    let table = &*TABLE;
    let found = table.get_at(text, range.clone());
    if !odd_case && text.as_bytes()[range.end - 1] != b'.' {
        return found.unwrap_or_default();
    }
    word_info_found(table, &text[range], odd_case, found)
}

/// The rest of [`word_info_cased`] once `word` itself is looked up.
#[inline(never)]
fn word_info_found(words: &table::WordTable, word: &str, odd_case: bool, found: Option<WordInfo>) -> WordInfo {
    let mut info = found.unwrap_or_default();
    // Title words in other cases (`MINISTER`, `CHIEF`).
    if odd_case {
        let mut buffer = [0u8; 32];
        let lower = recased(word, &mut buffer, false);
        if let Some(other) = words.get(&lower) {
            info.flags |= other.flags & ANY_CASE;
        }
        // A country in another case (`RUSSIA`); the rules ask it of capitalised words only.
        if !info.country() && word.starts_with(char::is_uppercase) {
            let titled = recased(word, &mut buffer, true);
            if *titled != *word && words.get(&titled).is_some_and(|i| i.country()) {
                info.flags |= COUNTRY;
            }
        }
    }
    // A final period: `Corp.`, `Dec.`.
    if let Some(bare) = word.strip_suffix('.')
        && let Some(other) = words.get(bare)
    {
        info.flags |= other.flags & UNDOTTED;
        info.head = info.head.or(other.head);
    }
    info
}

/// `word` in lower case, or in title case (first letter upper, the rest
/// lower): in `buffer` for short ASCII words, else allocated.
fn recased<'b>(word: &str, buffer: &'b mut [u8; 32], title: bool) -> Cow<'b, str> {
    if word.is_ascii() && word.len() <= buffer.len() {
        let out = &mut buffer[..word.len()];
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        if title && let Some(first) = out.first_mut() {
            first.make_ascii_uppercase();
        }
        Cow::Borrowed(std::str::from_utf8(out).unwrap_or(""))
    } else if title {
        Cow::Owned(title_case(word))
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The type an organization head word gives (`Bank` -> company), if it is one.
/// A final period is ignored (`Corp.`).
#[cfg(test)]
pub fn head_type(word: &str) -> Option<EntityType> {
    word_info(word).head()
}

/// Whether a word ends a title (`Minister`, `analyst`, `Sen.`), in any case.
pub fn is_title_head(word: &str) -> bool {
    word_info(word).title_head()
}

/// Whether a word may open or qualify a title (`Deputy`, `former`).
pub fn is_title_modifier(word: &str) -> bool {
    word_info(word).title_modifier()
}

/// Whether a lower-case word is a particle inside names (`bin`, `van`, `al`).
pub fn is_name_particle(word: &str) -> bool {
    word_info(word).particle()
}

/// Whether a capitalised word cannot open a name (`The`, `However`, `Monday`).
pub fn is_not_name_start(word: &str) -> bool {
    word_info(word).not_name_start()
}

/// Months and days, full or abbreviated.
pub fn is_calendar_word(word: &str) -> bool {
    word_info(word).calendar()
}

/// Every lexicon match in `text`: on word boundaries, the longest at each
/// place, not overlapping. An ambiguous name (a capital, `Chad`, `Bloomberg`)
/// is dropped when it is part of a longer capitalised name: `Seoul National
/// University`, `George Washington`, `Bank of Moscow`.
pub fn scan(text: &str) -> Vec<LexMatch> {
    let lexicon = &*LEXICON;
    let bytes = text.as_bytes();
    let mut out: Vec<LexMatch> = Vec::new();
    let mut covered = 0;
    for start in 0..bytes.len() {
        // A match starts with a pattern's first byte, on a word boundary
        // ([`boundary_before`]), after the last match kept.
        if !lexicon.first_bytes[usize::from(bytes[start])] || start < covered || !boundary_before(bytes, start) {
            continue;
        }
        let Some((end, pattern)) = longest_at(lexicon, bytes, start) else {
            continue;
        };
        covered = end;
        let (entry, ambiguous) = lexicon.patterns[pattern];
        if ambiguous && inside_longer_name(text, start, end) {
            continue;
        }
        out.push(LexMatch {
            range: start..end,
            entry,
        });
    }
    out
}

/// The longest pattern at `start` (on a word boundary) whose end falls on
/// one too: its end and index. The walk is anchored (no failure transitions), so every
/// state on it is a prefix of some pattern that starts at `start`.
fn longest_at(lexicon: &Lexicon, bytes: &[u8], start: usize) -> Option<(usize, usize)> {
    let dfa = &lexicon.automaton;
    let mut sid = dfa.start_state(Anchored::Yes).expect("anchored lexicon automaton");
    let mut longest = None;
    for (at, &b) in bytes.iter().enumerate().skip(start) {
        sid = dfa.next_state(Anchored::Yes, sid, b);
        if !dfa.is_special(sid) {
            continue;
        }
        if dfa.is_dead(sid) {
            break;
        }
        if dfa.is_match(sid) {
            let end = at + 1;
            // A match state also lists the shorter patterns that end here
            // (the suffixes): only the one that starts at `start` counts.
            let found = (0..dfa.match_len(sid))
                .map(|k| dfa.match_pattern(sid, k))
                .find(|&p| dfa.pattern_len(p) == end - start);
            if let Some(p) = found
                && boundary_after(bytes, end)
            {
                longest = Some((end, p.as_usize()));
            }
        }
    }
    longest
}

fn is_alnum_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// A match's edges fall on word boundaries: the character outside an
/// alphanumeric edge is not alphanumeric. This is its start...
fn boundary_before(bytes: &[u8], start: usize) -> bool {
    start == 0 || !is_alnum_byte(bytes[start]) || !is_alnum_byte(bytes[start - 1])
}

/// ...and this its end.
fn boundary_after(bytes: &[u8], end: usize) -> bool {
    end >= bytes.len() || !is_alnum_byte(bytes[end - 1]) || !is_alnum_byte(bytes[end])
}

/// Whether `text[start..end]` is part of a longer capitalised name: a
/// capitalised word right after it, or right before it (not a sentence
/// opener like `In`, nor an abbreviation like `U.S.`), or `X of` right before it.
fn inside_longer_name(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    // (A title after it is no part of it: `Federal Reserve Chairman`.)
    let title_after = |next: &str| {
        is_title_head(next) || {
            let rest = &after[1 + next.len()..];
            is_title_modifier(next) && rest.strip_prefix(' ').map(first_word).is_some_and(is_title_head)
        }
    };
    if let Some(next) = after.strip_prefix(' ').map(first_word)
        && is_capitalized(next)
        && !is_calendar_word(next)
        && !title_after(next)
    {
        return true;
    }
    let before = &text[..start];
    // `National People's Congress`, `Workers' Congress`: a possessive name
    // before it.
    if let Some(head) = before.strip_suffix("'s ").or_else(|| before.strip_suffix("s' ")) {
        let prev = last_word(head);
        if is_capitalized(prev) && !is_not_name_start(prev) && !LEXICON.by_surface.contains_key(prev) {
            return true;
        }
    }
    if let Some(head) = before.strip_suffix(' ') {
        let prev = last_word(head);
        let prev_start = head.len() - prev.len();
        if is_capitalized(prev) && !is_not_name_start(prev) && !prev.ends_with('.') {
            return true;
        }
        if prev == "of" {
            let before_of = last_word(head[..prev_start].trim_end());
            if is_capitalized(before_of) {
                return true;
            }
        }
    }
    false
}

fn first_word(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .unwrap_or(s.len());
    &s[..end]
}

fn last_word(s: &str) -> &str {
    let start = s
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map(|i| i + s[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    &s[start..]
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, String)> {
        scan(text)
            .into_iter()
            .map(|m| {
                let what = match m.entry {
                    Entry::Country(c, form) => format!("{}:{form:?}", c.code),
                    Entry::Body(b) => b.name.to_string(),
                    Entry::NotCountry => "-".to_string(),
                };
                (&text[m.range], what)
            })
            .collect()
    }

    #[test]
    fn countries_by_every_form() {
        assert_eq!(
            found("The U.S. and the DPRK; Seoul said; South Korean firms; the Democratic People's Republic of Korea."),
            [
                ("U.S.", "US:Alias".to_string()),
                ("DPRK", "KP:Alias".into()),
                ("Seoul", "KR:Capital".into()),
                ("South Korean", "KR:Demonym".into()),
                ("Democratic People's Republic of Korea", "KP:Alias".into()),
            ]
        );
        assert_eq!(
            found("SEOUL, Dec. 3 (Yonhap) --")[0],
            ("SEOUL", "KR:Capital".to_string())
        );
        assert_eq!(found("U.S.-sanctioned banks")[0].0, "U.S.");
        assert_eq!(found("DPRK-related")[0].0, "DPRK");
    }

    #[test]
    fn things_that_are_not_countries() {
        // Currency prefixes, longer names, words inside words.
        assert!(found("imported US$270.9 million").iter().all(|(_, w)| w == "-"));
        assert_eq!(found("Latin America and the Washington Post")[0].1, "-");
        assert!(found("Russians").iter().all(|(_, w)| w.ends_with("Demonym")));
        assert!(found("Chinatown Omanis").iter().all(|(_, w)| w.ends_with("Demonym")));
        assert!(
            found("Michael Jordan and George Washington")
                .iter()
                .all(|(_, w)| w == "-")
        );
        assert!(found("Seoul National University").is_empty());
        assert!(found("the Bank of Moscow").is_empty());
        assert_eq!(found("Officials in Jordan said")[0].1, "JO:Name");
    }

    #[test]
    fn bodies_by_every_name() {
        assert_eq!(
            found("the Treasury's Office of Foreign Assets Control (OFAC) or the FBI"),
            [
                ("Treasury", "Department of the Treasury".to_string()),
                (
                    "Office of Foreign Assets Control",
                    "Office of Foreign Assets Control".into()
                ),
                ("OFAC", "Office of Foreign Assets Control".into()),
                ("FBI", "Federal Bureau of Investigation".into()),
            ]
        );
        assert_eq!(found("the UN Security Council")[0].1, "United Nations Security Council");
        assert_eq!(found("Michael Bloomberg said").len(), 0);
    }

    #[test]
    fn a_scan_keeps_the_longest_name_at_each_place() {
        let text = "Washington and Pyongyang met; the Washington Post said North Korean hackers...";
        let found: Vec<&str> = scan(text).iter().map(|m| &text[m.range.clone()]).collect();
        assert_eq!(found, ["Washington", "Pyongyang", "Washington Post", "North Korean"]);
    }

    #[test]
    fn look_ups() {
        let (c, form) = country("DPRK").unwrap();
        assert_eq!((c.name, c.code, form), ("North Korea", "KP", Form::Alias));
        assert_eq!(country("North Korean").unwrap().1, Form::Demonym);
        assert_eq!(country("Seoul").unwrap().0.name, "South Korea");
        assert!(country("Korea").is_none());
        let ofac = body("OFAC").unwrap();
        assert_eq!(
            (ofac.name, ofac.country),
            ("Office of Foreign Assets Control", Some("US"))
        );
        assert_eq!(body("Treasury Department").unwrap().name, "Department of the Treasury");
        assert_eq!(country("the U.S.").unwrap().0.name, "United States");
        assert_eq!(country("Russia's").unwrap().0.code, "RU");
        assert_eq!(
            country("TEHRAN").unwrap(),
            (country_by_code("IR").unwrap(), Form::Capital)
        );
        assert_eq!(country("north korean").unwrap().1, Form::Demonym);
        assert_eq!(country_by_name("United Kingdom").unwrap().code, "GB");
        assert!(country("Treasury").is_none());
        assert_eq!(body("the State Department").unwrap().name, "Department of State");
        assert_eq!(head_type("Corp."), Some(EntityType::Company));
        assert!(is_title_head("Minister") && is_title_head("analyst") && !is_title_head("Korea"));
    }

    #[test]
    fn every_country_code_is_iso_shaped_and_unique() {
        let mut codes: Vec<&str> = countries::COUNTRIES.iter().map(|c| c.code).collect();
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
        codes.sort();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n);
        for body in bodies::BODIES {
            if let Some(code) = body.country {
                assert!(country_by_code(code).is_some(), "{}", body.name);
            }
        }
    }
}

#[cfg(test)]
mod scan_tests {
    use super::*;
    use crate::testing::picker;
    use aho_corasick::{AhoCorasick, AhoCorasickKind};

    /// The definition [`scan`] had: every match of an unanchored overlapping
    /// search, on word boundaries, sorted by start and then longest first;
    /// the first at each place not covered by the last one kept.
    fn scan_spec(automaton: &AhoCorasick, text: &str) -> Vec<LexMatch> {
        let bytes = text.as_bytes();
        let mut candidates: Vec<(usize, usize)> = automaton
            .find_overlapping_iter(text)
            .filter(|m| boundary_before(bytes, m.start()) && boundary_after(bytes, m.end()))
            .map(|m| (m.start(), m.end()))
            .collect();
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::new();
        let mut covered = 0;
        for (start, end) in candidates {
            if start < covered {
                continue;
            }
            covered = end;
            let (entry, ambiguous) = LEXICON.by_surface[&text[start..end]];
            if ambiguous && inside_longer_name(text, start, end) {
                continue;
            }
            out.push(LexMatch {
                range: start..end,
                entry,
            });
        }
        out
    }

    /// Texts of lexicon names, cut, extended, re-cased and glued to each
    /// other and to words: the walk from the places where a match can start
    /// finds what the overlapping search over every byte found.
    #[test]
    fn scan_agrees_with_an_overlapping_search() {
        let mut surfaces: Vec<&str> = LEXICON.by_surface.keys().map(String::as_str).collect();
        surfaces.sort_unstable();
        let spec = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .build(&surfaces)
            .unwrap();
        let glue = [
            " ",
            " ",
            " ",
            "  ",
            "\n",
            "-",
            ".",
            ",",
            "'s ",
            "s' ",
            " of ",
            " of the ",
            " and ",
            "x",
            "É",
            "é",
            "$",
            "(",
            ") ",
            " The ",
            " In ",
            " Minister ",
            " Bank ",
            " said ",
            "7",
            " Dec. ",
            "\"",
        ];
        let mut next = picker(7);
        let (mut found, mut dropped) = (0, 0);
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..1 + next(8) {
                text.push_str(glue[next(glue.len())]);
                let surface = surfaces[next(surfaces.len())];
                let cut = |s: &str, at: usize| {
                    let at = (0..=at.min(s.len()))
                        .rev()
                        .find(|&i| s.is_char_boundary(i))
                        .unwrap_or(0);
                    s[..at].to_string()
                };
                let form = match next(8) {
                    0 => cut(surface, next(surface.len() + 1)),
                    1 => surface.to_uppercase(),
                    2 => format!("{surface}{}", ["s", "n", "an", "-based", "'", ".", "A"][next(7)]),
                    3 => format!("{}{surface}", ["A", "a", "7", "-", "U.S. ", "New "][next(6)]),
                    4 => format!("{surface} {}", surfaces[next(surfaces.len())]),
                    _ => surface.to_string(),
                };
                text.push_str(&form);
            }
            text.push_str(glue[next(glue.len())]);
            let expected = scan_spec(&spec, &text);
            let all = spec.find_overlapping_iter(&text).count();
            assert_eq!(scan(&text), expected, "{text:?}");
            found += expected.len();
            dropped += all - expected.len();
        }
        // Many matches kept, and many more dropped (off boundaries, covered,
        // inside longer names): both halves of the definition are exercised.
        assert!(found > 8000 && dropped > 8000, "{found} kept, {dropped} dropped");
    }
}

#[cfg(test)]
mod word_info_tests {
    use super::*;
    use crate::extract::tokens::{Kind, tokenize};

    /// The tokeniser passes [`is_odd_case`] as it learnt it while finding each
    /// word's end; every table word, in several casings and forms, gets the
    /// same information as a look-up that works it out from the text.
    #[test]
    fn tokeniser_agrees_with_word_info() {
        let mut text = String::new();
        for word in WORDS.keys() {
            for form in [
                word.to_string(),
                word.to_lowercase(),
                word.to_uppercase(),
                title_case(word),
                format!("{word}."),
                format!("{}.", word.to_uppercase()),
                format!("x{word}É"),
                format!("é{}", word.to_uppercase()),
            ] {
                text.push_str(&form);
                text.push(' ');
            }
        }
        text.push_str("RUSSIA MINISTER Dec. Mr. Ji-NA O'BRIEN ÉTAT Zürich 7G Corp. K. U.S.");
        let tokens = tokenize(&text);
        let mut checked = 0;
        for token in tokens.iter().filter(|t| matches!(t.kind, Kind::Word | Kind::Initial)) {
            assert_eq!(token.info, word_info(token.text), "{}", token.text);
            checked += 1;
        }
        assert!(checked > 8 * WORDS.len(), "{checked}");
        let info = |w: &str| tokens.iter().find(|t| t.text == w).expect(w).info;
        assert!(info("RUSSIA").country());
        assert!(info("MINISTER").title_head());
        assert!(info("Corp.").head().is_some());
        assert!(info("Mr.").honorific());
        assert!(!info("Ji-NA").country());
    }

    #[test]
    fn odd_case() {
        let odd: Vec<bool> = [
            "said", "Minister", "MINISTER", "mInister", "Zürich", "État", "K", "Ji-Na",
        ]
        .into_iter()
        .map(is_odd_case)
        .collect();
        assert_eq!(odd, [false, false, true, true, true, true, false, true]);
    }
}
