//! The entity rules: each finds candidate mentions of organizations and
//! countries, with the rule name that the record reports.
//!
//! | rule | finds | example |
//! |---|---|---|
//! | `country.name`, `country.alias`, `country.capital` | a country of the lexicon | `U.S.`, `DPRK`, `Pyongyang said` |
//! | `body.lexicon` | a body of the lexicon, with a country prefix if any | `U.S. Treasury`, `OFAC` |
//! | `org.head` | capitalised words ending in a head | `Far East Bank`, `TRM Labs` |
//! | `org.head_of` | a head with an `of`/`for` complement | `Ministry of People's Armed Forces` |
//! | `org.descriptor` | a name after a descriptor noun | `research firm Chainalysis` |
//! | `org.descriptor_list` | names listed after a plural descriptor | `groups like Lazarus and Kimsuky` |
//! | `org.apposition` | a name before `, a ... firm` or `- the ... company` | `Chainalysis, a blockchain analytics firm` |
//! | `org.head_first` | a head word that opens the name | `Bank Melli`, `OOO Stroygazmontazh` |
//! | `org.postposed` | a name before a lower-case group noun | `the Grand Ravine gang` |
//! | `org.unit` | a numbered unit of a known body | `IRGC Unit 840` |
//! | `org.acronym` | an acronym defined in the text | `Office of Foreign Assets Control (OFAC)` |
//! | `org.alias_cue` | a name given as another's alias | `also known as the New Romantic Cyber Army Team` |
//! | `body.lower_case` | a ministry in lower case after a country's possessive | `China's foreign ministry` |
//!
//! Negative cases the rules keep out (see `examples.rs`): demonyms alone
//! (`North Korean hackers`), generic descriptions (`hacking groups`, `the
//! bank`), bare heads (`the Council`), titles (`Under Secretary for Terrorism
//! and Financial Intelligence`), lists that are not organizations
//! (`Specially Designated Nationals (SDN)`).

use super::lexicon::{
    ALIAS_CUES, APPOSITION_ENDS, ARTICLE_PREFIXES, CENTRAL_BANK_WORDS, COMMA_DESCRIPTORS, COMPLEMENT_OPENERS,
    COUNTRY_NAMED_HEADS, DESCRIPTIVE_HEADS, GROUP_KINDS, HEAD_FIRST, LEGISLATURE_HEADS, LIST_COUNTS, PLACE_HEADS,
    POSSESSIVE_NAME_WORDS, POSTPOSED_DESCRIPTORS,
};
use super::{Key, Rule, Shapes};
use crate::extract::lexicon::{self, Entry, Form, LexMatch};
use crate::extract::tokens::{Gap, Kind, Token};
use crate::record::EntityType;
use std::ops::Range;

/// One mention found by a rule, before mentions are grouped into entities.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub range: Range<usize>,
    pub key: Key,
    pub kind: EntityType,
    /// ISO code of the entity's country, when the mention says.
    pub country: Option<&'static str>,
    pub rule: Rule,
    /// Whether the surface is the entity's name in full (not an acronym or a
    /// capital): only full forms become canonical names.
    pub full: bool,
}

/// A demonym in the text (`North Korean`): not a mention of the country, but
/// what the events step needs to find targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemonymMention {
    pub range: Range<usize>,
    pub country: &'static lexicon::Country,
}

/// The alias cues' first words, as [`Shapes`]: a quick test for every token.
const CUE_OPENERS: Shapes = {
    let mut shapes = Shapes::EMPTY;
    let mut i = 0;
    while i < ALIAS_CUES.len() {
        shapes.add(ALIAS_CUES[i][0]);
        i += 1;
    }
    shapes
};

/// The first bytes of the tokens that [`Context`] gathers: commas, dashes,
/// opening parentheses and alias cues' first words.
const TRIGGER_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    table[b',' as usize] = true;
    table[b'-' as usize] = true;
    table[b'(' as usize] = true;
    let mut b = 0;
    while b < 256 {
        table[b] |= CUE_OPENERS.starts(b as u8);
        b += 1;
    }
    table
};

/// Lexicon matches as candidates; country prefixes of bodies (`U.S. Treasury`,
/// `South Korean Foreign Ministry`) make longer aliases.
pub fn lexicon_candidates(
    text: &str,
    matches: &[LexMatch],
    out: &mut Vec<Candidate>,
    demonyms: &mut Vec<DemonymMention>,
) {
    for (i, m) in matches.iter().enumerate() {
        match m.entry {
            Entry::Country(country, form) => {
                let rule = match form {
                    Form::Name => Rule::CountryName,
                    Form::Alias => Rule::CountryAlias,
                    Form::Capital => Rule::CountryCapital,
                    Form::Demonym => {
                        demonyms.push(DemonymMention {
                            range: m.range.clone(),
                            country,
                        });
                        continue;
                    }
                };
                out.push(Candidate {
                    range: m.range.clone(),
                    key: Key::Country(country.code),
                    kind: EntityType::Country,
                    country: Some(country.code),
                    rule,
                    full: form == Form::Name,
                });
            }
            Entry::Body(body) => {
                let full = !is_acronym_text(&text[m.range.clone()]);
                out.push(Candidate {
                    range: m.range.clone(),
                    key: Key::Body(body.name),
                    kind: body.kind,
                    country: body.country,
                    rule: Rule::BodyLexicon,
                    full,
                });
                if let Some(prefix) = i
                    .checked_sub(1)
                    .and_then(|p| country_prefix(text, &matches[p], m.range.start))
                {
                    out.push(Candidate {
                        range: prefix.0..m.range.end,
                        key: Key::Body(body.name),
                        kind: body.kind,
                        country: body.country.or(Some(prefix.1)),
                        rule: Rule::BodyLexicon,
                        full,
                    });
                }
            }
            Entry::NotCountry => {}
        }
    }
}

/// A country name, abbreviation or demonym right before `at` (one space
/// between): its start and country code.
fn country_prefix(text: &str, m: &LexMatch, at: usize) -> Option<(usize, &'static str)> {
    let Entry::Country(country, form) = m.entry else {
        return None;
    };
    if form == Form::Capital || m.range.end + 1 != at || text.as_bytes()[m.range.end] != b' ' {
        return None;
    }
    Some((m.range.start, country.code))
}

fn is_acronym_text(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && s.chars().all(|c| !c.is_lowercase())
}

/// What the name-shape rules need to know about each token.
pub struct Context<'t, 'a> {
    pub text: &'a str,
    pub tokens: &'t [Token<'a>],
    /// Per token: the lexicon match covering it, if any.
    pub lexicon: Vec<Option<usize>>,
    pub matches: &'t [LexMatch],
    /// Per token: whether it can be part of an organization's name.
    name_words: Vec<bool>,
    /// The tokens that open a rule's trigger, gathered in one pass, so that
    /// the rules that start from a rare token visit those instead of every
    /// token: commas
    /// ([`apposition_candidates`]), opening parentheses
    /// ([`acronym_definitions`]) and the first words of alias cues
    /// ([`alias_cues`]).
    commas: Vec<usize>,
    /// Dashes set off by spaces (`Minerven - the state-owned gold mining
    /// company -`), which open appositions as commas do.
    dashes: Vec<usize>,
    parens: Vec<usize>,
    cue_starts: Vec<usize>,
    /// Head words ([`head_candidates`]) and descriptors
    /// ([`descriptor_candidates`]), by the word table.
    heads: Vec<usize>,
    descriptors: Vec<usize>,
}

impl<'t, 'a> Context<'t, 'a> {
    pub fn new(text: &'a str, tokens: &'t [Token<'a>], matches: &'t [LexMatch]) -> Self {
        // One pass, each vector written once.
        let mut lexicon = Vec::with_capacity(tokens.len());
        let mut name_words = Vec::with_capacity(tokens.len());
        let (mut commas, mut dashes, mut parens, mut cue_starts) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut heads, mut descriptors) = (Vec::new(), Vec::new());
        let mut m = 0;
        for (i, t) in tokens.iter().enumerate() {
            while m < matches.len() && matches[m].range.end <= t.range.start {
                m += 1;
            }
            lexicon.push((m < matches.len() && matches[m].range.start < t.range.end).then_some(m));
            name_words.push(is_name_word(t));
            if t.info.head().is_some() {
                heads.push(i);
            }
            if t.info.descriptor().is_some() {
                descriptors.push(i);
            }
        }
        // (A loop of its own: one table look-up for most tokens.)
        for (i, t) in tokens.iter().enumerate() {
            let Some(&first) = t.text.as_bytes().first() else {
                continue;
            };
            if !TRIGGER_BYTES[usize::from(first)] {
                continue;
            }
            match (t.kind, first) {
                (Kind::Punct, b',') => commas.push(i),
                _ if is_spaced_dash(t) => dashes.push(i),
                (Kind::Punct, b'(') => parens.push(i),
                _ if CUE_OPENERS.may_be(t.text) && ALIAS_CUES.iter().any(|cue| cue[0] == t.text) => cue_starts.push(i),
                _ => {}
            }
        }
        Context {
            text,
            tokens,
            lexicon,
            matches,
            name_words,
            commas,
            dashes,
            parens,
            cue_starts,
            heads,
            descriptors,
        }
    }

    pub(super) fn entry(&self, i: usize) -> Option<Entry> {
        self.lexicon[i].map(|m| self.matches[m].entry)
    }

    /// A token inside a lexicon body or a country name (not a demonym).
    pub(super) fn in_lexicon_name(&self, i: usize) -> bool {
        matches!(
            self.entry(i),
            Some(Entry::Body(_) | Entry::NotCountry | Entry::Country(_, Form::Name | Form::Alias | Form::Capital))
        )
    }

    pub(super) fn is_country_word(&self, i: usize) -> Option<&'static str> {
        match self.entry(i) {
            Some(Entry::Country(c, _)) => Some(c.code),
            _ => None,
        }
    }

    /// A capitalised word that can be part of an organization's name.
    pub(super) fn name_word(&self, i: usize) -> bool {
        self.name_words[i]
    }

    /// Token `i` continues the name of token `i - 1` on the same line.
    pub(super) fn joined(&self, i: usize) -> bool {
        i < self.tokens.len() && self.tokens[i].gap != Gap::Newline
    }
}

/// A dash with a space before it, as news sets off an apposition (`X - the
/// state-owned company -`), not a hyphen inside a word or a range.
fn is_spaced_dash(t: &Token) -> bool {
    t.kind == Kind::Punct && t.text == "-" && t.gap == Gap::Space
}

/// A capitalised word that can be part of an organization's name (not a
/// hyphenated adjective such as `Delhi-based`), or a dotted abbreviation.
fn is_name_word(t: &Token) -> bool {
    match t.kind {
        Kind::Word => {}
        Kind::Initial => return t.text.len() > 2,
        _ => return false,
    }
    // Most words are lower case: the first byte says so without decoding.
    let capitalized = match t.text.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => t.is_capitalized(),
    };
    if !capitalized {
        // `Hayat Tahrir al-Sham`, `Jund al-Furqan`: Arabic's article joined
        // to a capitalised word goes on a name. (Its hyphen is the third or
        // fourth byte: most words are passed over at once.)
        let b = t.text.as_bytes();
        if b.get(2) != Some(&b'-') && b.get(3) != Some(&b'-') {
            return false;
        }
        return ARTICLE_PREFIXES.iter().any(|p| {
            t.text
                .strip_prefix(p)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
        });
    }
    if !t.text.bytes().any(|b| b == b'-' || b == b'\'') {
        return true;
    }
    let adjective = || {
        t.text
            .rsplit_once('-')
            .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase))
    };
    // `We've`, `I'll`: contractions.
    let contraction = || {
        t.text
            .split_once('\'')
            .is_some_and(|(_, tail)| tail.len() <= 2 && tail.bytes().all(|b| b.is_ascii_lowercase()))
    };
    !adjective() && !contraction()
}

/// `org.head` and `org.head_of`: names that end in a head word (`Far East
/// Bank`), or start with one and go on with `of`/`for` (`Ministry of People's
/// Armed Forces`, `Foundation for Defense of Democracies`). A country or
/// demonym in front is a prefix (`South Korean Foreign Ministry` = `Foreign
/// Ministry` of KR), and so is a country possessive (`South Korea's Foreign
/// Ministry`).
pub fn head_candidates(cx: &Context, out: &mut Vec<Candidate>) {
    heads_at(cx, cx.heads.iter().copied(), out);
}

/// [`head_candidates`] over some tokens in text order: every head word (the
/// rest are passed over), and what follows a name found belongs to it.
fn heads_at(cx: &Context, at: impl Iterator<Item = usize>, out: &mut Vec<Candidate>) {
    // The tokens before it are done.
    let mut next = 0;
    for i in at {
        if i < next {
            continue;
        }
        if let Some(last) = head_name(cx, i, out) {
            next = last.max(i) + 1;
        }
    }
}

/// The name whose head word is token `i`, if `i` is a capitalised head that
/// ends a name: its words before the head, its complement after it, its
/// country prefix; pushes its candidates (when it is an organization's name)
/// and returns its last token.
#[inline]
fn head_name(cx: &Context, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
    let tokens = cx.tokens;
    let t = &tokens[i];
    let kind = t.info.head().filter(|_| t.is_capitalized() && !cx.in_lexicon_name(i))?;
    if name_goes_on(cx, i) {
        return None;
    }
    let first = legal_form_start(cx, i).unwrap_or_else(|| name_start(cx, i, kind));
    // `the 1718 Sanctions Committee`: a committee named by the number of the
    // UN resolution that set it up is the UN's.
    let (first, kind) = match numbered_committee(cx, first, i) {
        Some(number) => (number, EntityType::InternationalOrg),
        None => (first, kind),
    };
    let (last, has_complement) = complement_after(cx, i, first);
    let last = legal_form_tail(cx, last);
    let (core, mut country) = name_core(cx, first, i);
    // `the Chinese Embassy`: a mission is named by its country alone.
    let core = if core == i && country.is_some() && COUNTRY_NAMED_HEADS.contains(&t.text) {
        first
    } else {
        core
    };
    // `the Senate`, `the U.S. Senate`: a legislature is named by its head.
    let legislature = core == i
        && !has_complement
        && LEGISLATURE_HEADS.contains(&t.text)
        && (country.is_some()
            || (first == i && i > 0 && tokens[i - 1].text.eq_ignore_ascii_case("the") && !named_longer(cx, i)));
    let core_ok = core < i || (has_complement && t.info.leading_head()) || legislature;
    // `Head of Fundamental Research`: a title's complement, not an organization.
    // (A firm is a firm wherever it stands: `Chief Operating Officer of
    // AirTran Airways`, unless its head is a portfolio: `Minister of Civil
    // Aviation`.)
    let in_title = first >= 2
        && (kind != EntityType::Company || t.info.portfolio())
        && matches!(tokens[first - 1].text, "of" | "for")
        && tokens[first - 2].is_capitalized()
        && tokens[first - 2].info.title_head();
    // `Ministry of Defense and Armed Forces Logistics`: a firm's head after
    // `of` a body's leading head ends that body's complement, no firm.
    let in_title = in_title
        || (first >= 2
            && kind == EntityType::Company
            && matches!(tokens[first - 1].text, "of" | "for")
            && tokens[first - 2].is_capitalized()
            && tokens[first - 2].info.leading_head()
            && tokens[first - 2].info.head() != Some(EntityType::Company));
    // `Xinhua News Agency`: a lexicon name with a head after it is one name.
    // (`the NATO Alliance` is NATO: a descriptive head after a known body.)
    let lexicon_before = first > 0
        && cx.joined(first)
        && matches!(cx.entry(first - 1), Some(Entry::Body(_)))
        && tokens[first - 1].kind != Kind::Possessive
        && !DESCRIPTIVE_HEADS.contains(&t.text);
    let first = if lexicon_before {
        lexicon_start(cx, first - 1)
    } else {
        first
    };
    let core = if lexicon_before { first } else { core };
    let core_ok = (core_ok || lexicon_before) && !in_title;
    let kind = central_bank(cx, core, i, last).unwrap_or(kind);
    // `UN Human Rights Council` is an organ of the UN: the lexicon body's type.
    let kind = match lexicon_before.then(|| cx.entry(first)).flatten() {
        Some(Entry::Body(body)) => {
            country = country.or(body.country);
            body.kind
        }
        _ => kind,
    };
    if core_ok && core <= last {
        let name = HeadName {
            first,
            core,
            head: i,
            last,
            kind,
            country: country.or_else(|| possessive_country(cx, first)),
            has_complement,
            lexicon_before,
        };
        push_head_name(cx, &name, out);
    }
    Some(last)
}

/// Whether the article names the head at token `i` with a word before it
/// elsewhere (`the European Parliament ... the Parliament`): then the head
/// alone is a short form of that name, no name of its own.
fn named_longer(cx: &Context, i: usize) -> bool {
    let head = cx.tokens[i].text;
    cx.heads
        .iter()
        .any(|&j| j != i && j > 0 && cx.tokens[j].text == head && cx.joined(j) && cx.tokens[j - 1].is_capitalized())
}

/// Whether the name goes on past the head word at `i`: the head ends the
/// name unless a capitalised word follows; a legal form always ends it, and a
/// title after it is no part of it (`Chrysler LLC Jim Press`, `Deutsche Bank
/// Chairman`).
#[inline]
fn name_goes_on(cx: &Context, i: usize) -> bool {
    let tokens = cx.tokens;
    let t = &tokens[i];
    let legal_form = lexicon::cues::LEGAL_FORMS.contains(&t.text) && t.text != "Group";
    let title_after = tokens
        .get(i + 1)
        .is_some_and(|n| n.info.title_head() || n.info.title_modifier());
    cx.joined(i + 1) && cx.name_word(i + 1) && !cx.in_lexicon_name(i + 1) && !legal_form && !title_after
}

/// The first word of the name before the head word at `i` (of type `kind`):
/// capitalised name words joined to it, through possessives inside a name
/// and `and`/`&` inside a body's name.
#[inline]
fn name_start(cx: &Context, i: usize, kind: EntityType) -> usize {
    let tokens = cx.tokens;
    let mut first = i;
    while first > 0 && cx.joined(first) {
        let p = first - 1;
        // `Workers' Party`, `People's Liberation Army`, `Attorney's Office`
        // are names; `Xi's Communist Party`, `NASA's Office` are not.
        let possessive_inside = tokens[p].kind == Kind::Possessive
            && p > 0
            && cx.name_word(p - 1)
            && cx.is_country_word(p - 1).is_none()
            && !cx.in_lexicon_name(p - 1)
            && tokens[p].gap == Gap::None
            && (tokens[p].text == "'"
                || POSSESSIVE_NAME_WORDS.contains(&tokens[p - 1].text)
                || tokens[p - 1].info.title_head());
        if possessive_inside {
            first = p - 1;
            continue;
        }
        // `Environment and Public Works Committee`, `Food and Drug
        // Administration`, `Procter & Gamble Co.`: words joined by `and`
        // in a body's name (or before any head, by `&`), not a list of
        // names (`Boeing and Lockheed Martin Corp.`).
        let joins = (tokens[p].text == "and"
            && p > 0
            && (kind == EntityType::GovernmentBody || tokens[p - 1].info.portfolio()))
            || (tokens[p].is_punct('&') && p > 0);
        // `Grupo de Administración Empresarial S.A.`, `Banco de Venezuela`:
        // Spanish and Portuguese names join words by `de`, `del`, `do`, `da`.
        let joins = joins
            || (kind == EntityType::Company
                && matches!(tokens[p].text, "de" | "del" | "do" | "da")
                && p > 0
                && tokens[p - 1].text.chars().any(|c| c.is_lowercase()));
        if joins
            && cx.joined(p)
            && cx.name_word(p - 1)
            && !cx.in_lexicon_name(p - 1)
            && cx.is_country_word(p - 1).is_none()
            && !tokens[p - 1].info.not_name_start()
            && !tokens[p - 1].info.title_head()
        {
            first = p - 1;
            continue;
        }
        if !cx.name_word(p) || cx.in_lexicon_name(p) && cx.is_country_word(p).is_none() {
            break;
        }
        // A legal form ends the name before it (`Acme Co. Beta Ltd`).
        if abbreviated_legal_form(&tokens[p]) {
            break;
        }
        // `General Intelligence Service`, `Ryonbong Trading General Corp.`:
        // inside a body's or a company's name, `General` is no title.
        let adjective = tokens[p].text == "General";
        if tokens[p].info.not_name_start() || (tokens[p].info.title_head() && !adjective) {
            break;
        }
        // `Islamic Republic of Iran Shipping Lines`: a country's long name
        // goes whole into the name.
        first = if cx.is_country_word(p).is_some() {
            lexicon_start(cx, p)
        } else {
            p
        };
    }
    first
}

/// Whether token `i` is a legal form written after a company's name (`Inc.`,
/// `Ltd`, `L.P.`, `DMCC`), not a head word that may take a complement
/// (`Company for Oil Products Imports`) or start a list (`Group`).
fn abbreviated_legal_form(t: &Token) -> bool {
    lexicon::cues::LEGAL_FORMS.contains(&t.text)
        && !matches!(
            t.text,
            "Company" | "Corporation" | "Group" | "Holding" | "Holdings" | "Limited"
        )
}

/// `Church Joint Venture, L.P.`, `Acme Trading, Inc.`: a legal form after a
/// comma belongs to the name before the comma; where that name starts.
fn legal_form_start(cx: &Context, i: usize) -> Option<usize> {
    let tokens = cx.tokens;
    if i < 2 || !abbreviated_legal_form(&tokens[i]) || !tokens[i - 1].is_punct(',') || !cx.joined(i - 1) {
        return None;
    }
    let p = i - 2;
    if !cx.name_word(p) || cx.in_lexicon_name(p) || tokens[p].info.title_head() || abbreviated_legal_form(&tokens[p]) {
        return None;
    }
    Some(name_start(cx, p, EntityType::Company))
}

/// `Sinno Electronics Co., Limited`, `Consultancy PTE. LTD`, `Acme Co Ltd`:
/// legal forms after the name's last token `last`, joined to it or after a
/// comma or period, belong to it; the new last token.
fn legal_form_tail(cx: &Context, mut last: usize) -> usize {
    let tokens = cx.tokens;
    loop {
        // `S.A. de C.V.`: Mexico's form goes on after `de`.
        if tokens.get(last + 1).is_some_and(|t| t.text == "de")
            && tokens
                .get(last + 2)
                .is_some_and(|t| matches!(t.text, "C.V." | "R.L." | "CV" | "RL"))
            && cx.joined(last + 2)
        {
            last += 2;
            continue;
        }
        let mut j = last + 1;
        let punct =
            j < tokens.len() && (tokens[j].is_punct(',') || tokens[j].is_punct('.')) && tokens[j].gap == Gap::None;
        if punct {
            j += 1;
        }
        // (`En+ Group plc`: British writing puts it in lower case.)
        let legal = j < tokens.len()
            && cx.joined(j)
            && (tokens[j].is_capitalized() && lexicon::cues::LEGAL_FORMS.contains(&tokens[j].text)
                || tokens[j].text == "plc" && !punct)
            && !(punct && matches!(tokens[j].text, "Group" | "Holding" | "Holdings"));
        if !legal {
            return last;
        }
        last = j;
    }
}

/// `the 1718 Sanctions Committee`: the number of a UN resolution (three or
/// four digits) right before a name from `first` to a head `Committee` at
/// `head`; the number's token.
fn numbered_committee(cx: &Context, first: usize, head: usize) -> Option<usize> {
    let tokens = cx.tokens;
    let n = first.checked_sub(1)?;
    let number = &tokens[n];
    let digits = number.text.len();
    (tokens[head].text == "Committee"
        && cx.joined(first)
        && number.kind == Kind::Number
        && (3..=4).contains(&digits)
        && number.text.bytes().all(|b| b.is_ascii_digit()))
    .then_some(n)
}

/// The complement after the head word at `i` of a name starting at `first`
/// (`of People's Armed Forces`, `for Defense of Democracies`): the name's last
/// token, and whether there is one.
#[inline]
fn complement_after(cx: &Context, i: usize, first: usize) -> (usize, bool) {
    let tokens = cx.tokens;
    let n = tokens.len();
    // `Secretary of the Air Force for Acquisition Sue Payton`: inside a
    // title's complement, what follows the head is the title's.
    let in_title_complement = first >= 3
        && tokens[first - 1].text == "the"
        && matches!(tokens[first - 2].text, "of" | "for")
        && tokens[first - 3].is_capitalized()
        && tokens[first - 3].info.title_head();
    // `Giant Bicycles Inc. of Newbury Park`: a legal form ends the name.
    let legal_form = abbreviated_legal_form(&tokens[i]);
    // `Positive Technologies of Russia`: a firm's head before `of` and a
    // country says where the firm is.
    let firm = tokens[i].info.head() == Some(EntityType::Company) && !tokens[i].info.leading_head();
    // `Wixom Assembly Plant of Wixom`: a works' complement is its town.
    let works = PLACE_HEADS.contains(&tokens[i].text);
    let mut last = i;
    let mut j = i + 1;
    let mut has_complement = false;
    while !in_title_complement
        && !legal_form
        && !works
        && j < n
        && cx.joined(j)
        && tokens[j].is_lower_word()
        && COMPLEMENT_OPENERS.contains(&tokens[j].text)
    {
        let mut k = j + 1;
        if k < n && tokens[k].text == "the" {
            k += 1;
        }
        let Some(end) = complement_end(cx, k) else { break };
        if firm && (k..=end).all(|c| cx.is_country_word(c).is_some()) {
            break;
        }
        last = end;
        has_complement = true;
        j = end + 1;
    }
    (last, has_complement)
}

/// Leading country words of a name from `first` to the head word at `head`
/// are a prefix, not the core of the name: where the core starts, and the
/// country of the prefix.
#[inline]
fn name_core(cx: &Context, first: usize, head: usize) -> (usize, Option<&'static str>) {
    let mut core = first;
    let mut country = None;
    while core < head {
        match cx.is_country_word(core) {
            Some(code) if matches!(cx.entry(core), Some(Entry::Country(_, Form::Demonym | Form::Alias))) => {
                country = Some(code);
                core = lexicon_end(cx, core) + 1;
            }
            _ => break,
        }
    }
    (core, country)
}

/// The first token of the lexicon name whose last token is `end`.
#[inline]
fn lexicon_start(cx: &Context, end: usize) -> usize {
    let mut f = end;
    while f > 0 && cx.lexicon[f - 1].is_some() && cx.lexicon[f - 1] == cx.lexicon[end] {
        f -= 1;
    }
    f
}

/// A name found around a head word, by token indices.
struct HeadName {
    first: usize,
    /// Where the name starts without its country prefix.
    core: usize,
    head: usize,
    last: usize,
    kind: EntityType,
    country: Option<&'static str>,
    has_complement: bool,
    /// The name starts with a lexicon body's name (`Xinhua News Agency`).
    lexicon_before: bool,
}

/// The candidates of a name found around a head word: its core, and the name
/// with its country prefix when it has one.
fn push_head_name(cx: &Context, name: &HeadName, out: &mut Vec<Candidate>) {
    let tokens = cx.tokens;
    let &HeadName {
        first,
        core,
        head,
        last,
        kind,
        country,
        has_complement,
        lexicon_before,
    } = name;
    let rule = if has_complement { Rule::HeadOf } else { Rule::Head };
    // `Boeing-Air Force`: a compound of two names before a body's
    // head; the body's name starts after the hyphen.
    let mut start = tokens[core].range.start;
    if kind == EntityType::GovernmentBody
        && core < head
        && let Some(hyphen) = name_compound(tokens[core].text)
    {
        start += hyphen + 1;
    }
    let core_range = start..tokens[last].range.end;
    // `Microsoft Corp.`: a lexicon name with a legal form is the lexicon's.
    let legal_form_of = match cx.entry(first) {
        Some(Entry::Body(body))
            if lexicon_before
                && (first..=last).all(|k| {
                    cx.lexicon[k] == cx.lexicon[first] || lexicon::cues::LEGAL_FORMS.contains(&tokens[k].text)
                }) =>
        {
            Some(body)
        }
        _ => None,
    };
    let key = match legal_form_of {
        Some(body) => Key::Body(body.name),
        None => Key::Named(name_key(&cx.text[core_range.clone()])),
    };
    out.push(Candidate {
        range: core_range,
        key: key.clone(),
        kind,
        country,
        rule,
        full: true,
    });
    if core > first {
        out.push(Candidate {
            range: tokens[first].range.start..tokens[last].range.end,
            key,
            kind,
            country,
            rule,
            full: true,
        });
    }
}

/// The key of an organization's name, the same however its legal form is
/// written or whether it has one (`Church Joint Venture, L.P.` and `Church
/// Joint Venture, LP`, `Halden Motor Co., Ltd.` and `Halden Motor Company`);
/// a legal form of its own stays (`Arkan Petroleum DMCC` and `Arkan
/// Petroleum FZE` are two companies).
pub(super) fn name_key(name: &str) -> String {
    let mut key = if name.contains('.') {
        super::key_text(&name.replace('.', ""))
    } else {
        super::key_text(name)
    };
    while let Some((rest, last)) = key.rsplit_once(' ')
        && matches!(
            last,
            "co" | "company" | "corp" | "corporation" | "ltd" | "limited" | "inc" | "incorporated" | "llc" | "plc"
        )
    {
        let len = rest.len();
        key.truncate(len);
    }
    key
}

/// `Boeing-Air`, `Israel-Hamas`: two capitalised names of three letters or
/// more joined by a hyphen (not `al-Assad`, `Ji-na`, `Kyong-Hyok`); the
/// hyphen's byte offset.
pub(super) fn name_compound(word: &str) -> Option<usize> {
    let (head, tail) = word.split_once('-')?;
    let capitalised = |s: &str| {
        s.starts_with(char::is_uppercase)
            && s.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && s.chars().skip(1).any(char::is_lowercase)
    };
    (capitalised(head) && capitalised(tail) && !tail.contains('-')).then_some(head.len())
}

/// A central bank is a government body, not a firm: `Central Bank`, `Reserve
/// Bank`, `Bank of Japan` (a bank named after a country alone).
fn central_bank(cx: &Context, core: usize, head: usize, last: usize) -> Option<EntityType> {
    if cx.tokens[head].text != "Bank" {
        return None;
    }
    let premodified = (core..head).any(|k| CENTRAL_BANK_WORDS.contains(&cx.tokens[k].text));
    let of_country = core == head
        && last > head + 1
        && cx.tokens[head + 1].text == "of"
        && (head + 2..=last).all(|k| cx.is_country_word(k).is_some());
    (premodified || of_country).then_some(EntityType::GovernmentBody)
}

/// The last token of the lexicon match covering token `i`.
fn lexicon_end(cx: &Context, i: usize) -> usize {
    let mut j = i;
    while j + 1 < cx.tokens.len() && cx.lexicon[j + 1].is_some() && cx.lexicon[j + 1] == cx.lexicon[i] {
        j += 1;
    }
    j
}

/// A complement starting at token `k`: capitalised words joined by `and`,
/// `of`, `for`, `the`, inner possessives. Returns its last token. An `and`
/// before another organization's name (with its own head) ends it.
fn complement_end(cx: &Context, k: usize) -> Option<usize> {
    let tokens = cx.tokens;
    let n = tokens.len();
    if k >= n || !cx.joined(k) || !cx.name_word(k) || tokens[k].info.not_name_start() {
        return None;
    }
    let mut last = k;
    let mut j = k + 1;
    while j < n && cx.joined(j) {
        let t = &tokens[j];
        // `National Endowment for Democracy President Carl Gershman`: a
        // capitalised title after the complement is a person's.
        if t.is_capitalized() && t.info.title_head() {
            break;
        }
        if cx.name_word(j) || (t.kind == Kind::Possessive && t.gap == Gap::None && j + 1 < n && cx.name_word(j + 1)) {
            if t.kind != Kind::Possessive {
                last = j;
            }
            j += 1;
        } else if let Some(end) = portfolio_list(cx, j) {
            // `Ministry of Economy, Trade and Industry`.
            last = end;
            break;
        } else if t.is_lower_word() && matches!(t.text, "and" | "of" | "for" | "the") {
            let mut next = j + 1;
            if next < n && tokens[next].text == "the" {
                if t.text == "and" {
                    break;
                }
                next += 1;
            }
            if next >= n || !cx.name_word(next) || !cx.joined(next) {
                break;
            }
            if t.text == "and" && starts_new_org(cx, next) {
                break;
            }
            j = next;
        } else {
            break;
        }
    }
    Some(last)
}

/// Whether the capitalised words from `i` on contain a head word.
/// `, Trade and Industry` at token `j` (a comma) inside a body's complement:
/// portfolios listed with a comma and `and`, which end the name; their last
/// token. Each item is one or two portfolio words (`Economic Affairs,
/// Education and Research`).
fn portfolio_list(cx: &Context, j: usize) -> Option<usize> {
    let tokens = cx.tokens;
    if !tokens[j].is_punct(',') {
        return None;
    }
    let item = |k: usize| -> Option<usize> {
        let mut last = None;
        let mut k = k;
        while k < tokens.len() && cx.joined(k) && tokens[k].info.portfolio() && tokens[k].is_capitalized() {
            last = Some(k);
            k += 1;
            if last.is_some_and(|l| l - j > 8) {
                return None;
            }
        }
        last
    };
    let mut k = j + 1;
    loop {
        let last = item(k)?;
        let next = tokens.get(last + 1)?;
        if next.is_punct(',') {
            k = last + 2;
        } else if next.text == "and" {
            let end = item(last + 2)?;
            // The name ends there: no name word goes on.
            let goes_on = cx.joined(end + 1) && cx.name_word(end + 1);
            return (!goes_on).then_some(end);
        } else {
            return None;
        }
    }
}

fn starts_new_org(cx: &Context, i: usize) -> bool {
    let mut j = i;
    while j < cx.tokens.len() && cx.name_word(j) {
        // (`Ministry of the Interior and Administration`: a portfolio.)
        if (cx.tokens[j].info.head().is_some() && !cx.tokens[j].info.portfolio()) || cx.in_lexicon_name(j) {
            return true;
        }
        j += 1;
    }
    false
}

/// `Russia's Central Bank`: the country of a possessive right before token `first`.
fn possessive_country(cx: &Context, first: usize) -> Option<&'static str> {
    let p = first.checked_sub(1)?;
    if cx.tokens[p].kind != Kind::Possessive {
        return None;
    }
    cx.is_country_word(p.checked_sub(1)?)
}

/// A run of 1 to 4 capitalised words starting at `i`, none of them a sentence
/// opener, title, month or lexicon name; returns its last token.
fn plain_name(cx: &Context, i: usize) -> Option<usize> {
    let tokens = cx.tokens;
    if i >= tokens.len() || !cx.name_word(i) || tokens[i].info.not_name_start() {
        return None;
    }
    let mut last = i;
    while last + 1 < tokens.len() && cx.joined(last + 1) && cx.name_word(last + 1) && last - i < 3 {
        last += 1;
    }
    if last + 1 < tokens.len() && cx.joined(last + 1) && cx.name_word(last + 1) {
        return None;
    }
    for (j, tok) in tokens.iter().enumerate().take(last + 1).skip(i) {
        if cx.in_lexicon_name(j) || tok.info.title_head() || tok.info.calendar() || cx.is_country_word(j).is_some() {
            return None;
        }
    }
    Some(last)
}

fn named(cx: &Context, from: usize, to: usize, kind: EntityType, rule: Rule) -> Candidate {
    let range = cx.tokens[from].range.start..cx.tokens[to].range.end;
    Candidate {
        key: Key::Named(name_key(&cx.text[range.clone()])),
        range,
        kind,
        country: None,
        rule,
        full: true,
    }
}

/// `org.descriptor` and `org.descriptor_list`: `research firm Chainalysis`,
/// `its subsidiary, Mammut Diesel`, `hacking groups like Lazarus and Kimsuky`.
pub fn descriptor_candidates(cx: &Context, out: &mut Vec<Candidate>) {
    descriptors_at(cx, cx.descriptors.iter().copied(), out);
}

/// [`descriptor_candidates`] over some tokens: every descriptor (the rest
/// are passed over).
fn descriptors_at(cx: &Context, at: impl Iterator<Item = usize>, out: &mut Vec<Candidate>) {
    let tokens = cx.tokens;
    for i in at {
        let t = &tokens[i];
        // (The word table first: it is a field, the case a decoding.)
        let Some(kind) = t.info.descriptor() else {
            continue;
        };
        if !t.is_lower_word() {
            continue;
        }
        if POSTPOSED_DESCRIPTORS.contains(&t.text) {
            postposed(cx, i, i, kind, out);
        } else if t.text == "group"
            && i > 0
            && cx.joined(i)
            && tokens[i - 1].is_lower_word()
            && GROUP_KINDS.contains(&tokens[i - 1].text)
        {
            // `the M23 militant group`, `the LockBit ransomware group`.
            postposed(cx, i - 1, i, kind, out);
        }
        // `its subsidiary, Mammut Diesel`, `European aircraft manufacturer,
        // Airbus,`; but `the company, Mark Chandler,` is a person: after a
        // determiner, only a subsidiary takes the comma, and the name after a
        // comma ends the phrase.
        let mut j = i + 1;
        let mut comma = false;
        if j < tokens.len() && tokens[j].is_punct(',') {
            let determined = i > 0
                && matches!(
                    tokens[i - 1].text,
                    "the" | "The" | "its" | "his" | "her" | "their" | "our" | "this" | "that" | "whose"
                );
            if COMMA_DESCRIPTORS.contains(&t.text) || !determined {
                j += 1;
                comma = true;
            }
        }
        // A plural descriptor takes a name only in a list (`the companies SUV
        // lines` is no company).
        let singular = !t.text.ends_with('s') || t.text.ends_with("ss");
        if singular
            && cx.joined(j)
            && let Some(last) = plain_name(cx, j)
            && (!comma || tokens.get(last + 1).is_none_or(|n| n.is_punct(',') || n.is_punct('.')))
        {
            out.push(named(cx, j, last, kind, Rule::Descriptor));
            continue;
        }
        // A list after `like`, `such as`, `including`; or, after a plural,
        // right after it (`the companies Nord Axis, BX Energy and Romarine
        // AS`, `two Chinese groups, Wuhan Global and Wuhan Tongsheng`) when
        // the list has two names or more.
        let mut k = i + 1;
        let direct = match tokens.get(k).map(|t| t.text) {
            Some("like" | "including") => {
                k += 1;
                false
            }
            Some("such") if tokens.get(k + 1).is_some_and(|t| t.text == "as") => {
                k += 2;
                false
            }
            _ if !singular && cx.joined(j) => {
                k = j;
                true
            }
            _ => continue,
        };
        let (items, coordinated) = name_list(cx, k, out);
        if direct && (items.len() < 2 || !coordinated) {
            continue;
        }
        for (from, to) in items.into_iter().flatten() {
            out.push(named(cx, from, to, kind, Rule::DescriptorList));
        }
    }
}

/// `org.postposed`: `the Grand Ravine gang`, `Mexico's Sinaloa cartel`, `the
/// M23 militant group`: a name of one to four capitalised words right before
/// the descriptor phrase from token `i` to `end`. The name with its
/// descriptor and without it are mentions of one entity (news writes both).
fn postposed(cx: &Context, i: usize, end: usize, kind: EntityType, out: &mut Vec<Candidate>) {
    let tokens = cx.tokens;
    if i == 0 || !cx.joined(i) || !cx.name_word(i - 1) {
        return;
    }
    // `the Sahel armed group Jund al-Furqan`: a name after the descriptor is
    // the one it introduces; the word before says where.
    if cx.joined(end + 1) && cx.name_word(end + 1) {
        return;
    }
    let mut first = i - 1;
    while first > 0 && cx.joined(first) && cx.name_word(first - 1) && i - first < 4 {
        first -= 1;
    }
    // The sentence's first word is a name only if no opener or title.
    if plain_name(cx, first) != Some(i - 1) || tokens[i - 1].info.head().is_some() {
        return;
    }
    let first = joined_runs_before(cx, first);
    let bare = named(cx, first, i - 1, kind, Rule::Postposed);
    let range = tokens[first].range.start..tokens[end].range.end;
    out.push(Candidate {
        range,
        key: bare.key.clone(),
        kind,
        country: None,
        rule: Rule::Postposed,
        full: true,
    });
    out.push(bare);
}

/// `Tren de Aragua`, `Jaish al Adl`: runs of name words joined by one or two
/// particles (`de`, `de los`, `al`: the name particles of
/// `lexicon::titles::NAME_PARTICLES`) before the run starting at `first`;
/// where the whole name starts.
fn joined_runs_before(cx: &Context, mut first: usize) -> usize {
    let tokens = cx.tokens;
    loop {
        let mut p = first;
        while p > 0 && first - p < 2 && cx.joined(p) && is_particle(&tokens[p - 1]) {
            p -= 1;
        }
        if p == first || p == 0 || !cx.joined(p) || !cx.name_word(p - 1) {
            return first;
        }
        let mut f = p - 1;
        while f > 0 && cx.joined(f) && cx.name_word(f - 1) && p - f < 3 {
            f -= 1;
        }
        if plain_name(cx, f) != Some(p - 1) {
            return first;
        }
        first = f;
    }
}

/// `org.head_first`: `Bank Melli`, `Bank Rossiya`, `OOO Stroygazmontazh`,
/// `Cartel de los Soles`, `Banco Guarani de Fomento`: a head word that opens
/// the name (a bank's, a cartel's or a legal form written first), then one to
/// three capitalised words, maybe joined by one or two name particles (`de`,
/// `de los`). A name word before the head makes it a head after a name
/// (`World Bank`).
pub fn head_first_candidates(cx: &Context, out: &mut Vec<Candidate>) {
    let tokens = cx.tokens;
    for &i in &cx.heads {
        let t = &tokens[i];
        let Some(&(_, kind)) = HEAD_FIRST.iter().find(|(w, _)| *w == t.text) else {
            continue;
        };
        if i > 0 && cx.joined(i) && (cx.name_word(i - 1) || tokens[i - 1].kind == Kind::Possessive) {
            continue;
        }
        let (mut last, mut words) = (i, 0);
        while words < 3 {
            // `Cartel de los Soles`: particles before a name word.
            let mut k = last + 1;
            while k < tokens.len() && k - last <= 2 && cx.joined(k) && is_particle(&tokens[k]) {
                k += 1;
            }
            let name_word = k < tokens.len()
                && cx.joined(k)
                && cx.name_word(k)
                && !cx.in_lexicon_name(k)
                && cx.is_country_word(k).is_none()
                && !tokens[k].info.title_head()
                && !tokens[k].info.calendar()
                && !tokens[k].info.not_name_start();
            if !name_word {
                break;
            }
            last = k;
            words += 1;
        }
        let name_after = last > i && (last + 1 >= tokens.len() || !cx.joined(last + 1) || !cx.name_word(last + 1));
        if name_after {
            out.push(named(cx, i, last, kind, Rule::HeadFirst));
        }
    }
}

/// A lower-case particle of a name (`de`, `los`, `al`, `bin`).
fn is_particle(t: &Token) -> bool {
    t.kind == Kind::Word && t.info.particle()
}

/// The names of a list from token `k` (`Microsoft, IBM and Hewlett-Packard`):
/// per item, the first and last tokens of a new name (`None` for a lexicon
/// name or a name found already, which the list steps over), and whether an
/// `and` or `or` joins its last item.
fn name_list(cx: &Context, mut k: usize, found: &[Candidate]) -> (Vec<Option<(usize, usize)>>, bool) {
    let tokens = cx.tokens;
    let mut items = Vec::new();
    let (mut coordinated, mut and_before) = (false, false);
    while k < tokens.len() {
        let known = found
            .iter()
            .filter(|c| c.range.start == tokens[k].range.start)
            .map(|c| c.range.end)
            .max();
        let last = if cx.lexicon[k].is_some() && cx.in_lexicon_name(k) && cx.is_country_word(k).is_none() {
            items.push(None);
            lexicon_end(cx, k)
        } else if let Some(end) = known.filter(|_| cx.name_word(k)) {
            items.push(None);
            tokens.partition_point(|t| t.range.end <= end).saturating_sub(1).max(k)
        } else if let Some(last) = plain_name(cx, k) {
            items.push(Some((k, last)));
            last
        } else {
            break;
        };
        if and_before {
            coordinated = true;
            break;
        }
        k = last + 1;
        if k < tokens.len() && tokens[k].is_punct(',') {
            k += 1;
        }
        if k < tokens.len() && matches!(tokens[k].text, "and" | "or") {
            and_before = true;
            k += 1;
        }
        if k >= tokens.len() || !cx.joined(k) {
            break;
        }
    }
    (items, coordinated)
}

/// `org.apposition`: `Chainalysis, a blockchain analytics firm`, `Minerven -
/// the state-owned gold mining company -`: a name followed by a comma or a
/// spaced dash, an article and up to four words ending in a descriptor.
pub fn apposition_candidates(cx: &Context, out: &mut Vec<Candidate>) {
    let tokens = cx.tokens;
    let n = tokens.len();
    // Commas and dashes in text order (most texts have no spaced dash).
    let merged: Vec<usize>;
    let marks: &[usize] = if cx.dashes.is_empty() {
        &cx.commas
    } else {
        let mut all: Vec<usize> = cx.commas.iter().chain(&cx.dashes).copied().collect();
        all.sort_unstable();
        merged = all;
        &merged
    };
    // From each comma before an article back to the name before it: the
    // name is the run of joined name words that ends at the comma, taken
    // from its first word as a plain name (`apposition_by_names` in the
    // tests is the definition that walks every run).
    for &comma in marks {
        if comma == 0 || comma + 2 >= n {
            continue;
        }
        let counted = list_count(&tokens[comma + 1]);
        if !counted && !matches!(tokens[comma + 1].text, "a" | "an" | "the" | "another") {
            continue;
        }
        let last = comma - 1;
        if !cx.name_word(last) {
            continue;
        }
        let mut i = last;
        while i > 0 && cx.name_word(i - 1) && cx.joined(i) {
            i -= 1;
        }
        if plain_name(cx, i) != Some(last) {
            continue;
        }
        if counted {
            list_apposition_at(cx, i, last, out);
        } else {
            apposition_at(cx, i, last, out);
        }
    }
}

/// A number that opens an apposition to a list (`A and B, two shipping
/// firms`): a numeral in digits or one of [`LIST_COUNTS`].
fn list_count(t: &Token) -> bool {
    (t.kind == Kind::Number && t.text.bytes().all(|b| b.is_ascii_digit())) || LIST_COUNTS.contains(&t.text)
}

/// `Balanar and Ortex Marine, two shipping firms`, `A, B, and C, three
/// Dubai-based companies`: the names of a list (tokens up to `last`, its
/// last name from `i`) before a number and a descriptor phrase; two names
/// or more, each a plain name, joined by commas and `and`.
fn list_apposition_at(cx: &Context, i: usize, last: usize, out: &mut Vec<Candidate>) {
    let Some(kind) = apposition_kind(cx, last) else {
        return;
    };
    let tokens = cx.tokens;
    let mut items = vec![(i, last)];
    let mut first = i;
    while first >= 2 && cx.joined(first) {
        let mut p = first - 1;
        if tokens[p].text == "and" && p >= 1 && cx.joined(p) {
            p -= 1;
            if tokens[p].is_punct(',') && p >= 1 {
                p -= 1;
            }
        } else if tokens[p].is_punct(',') && p >= 1 {
            p -= 1;
        } else {
            break;
        }
        if !cx.name_word(p) {
            break;
        }
        let mut f = p;
        while f > 0 && cx.name_word(f - 1) && cx.joined(f) {
            f -= 1;
        }
        if plain_name(cx, f) != Some(p) {
            break;
        }
        items.push((f, p));
        first = f;
    }
    // (`Smith, two firms said`: one name is no list.)
    if items.len() >= 2 {
        for (from, to) in items.into_iter().rev() {
            out.push(named(cx, from, to, kind, Rule::Apposition));
        }
    }
}

/// The descriptor phrase after `NAME,` (tokens `i..=last`, the comma and an
/// article after them): a name followed by `, a` and up to four words ending
/// in a descriptor.
fn apposition_at(cx: &Context, i: usize, last: usize, out: &mut Vec<Candidate>) {
    if let Some(kind) = apposition_kind(cx, last) {
        out.push(named(cx, i, last, kind, Rule::Apposition));
    }
}

/// The type the descriptor phrase after `NAME,` (the name's last token
/// `last`, the comma and an article or number after it) gives, if it is one.
fn apposition_kind(cx: &Context, last: usize) -> Option<EntityType> {
    let tokens = cx.tokens;
    let n = tokens.len();
    let mut k = last + 3;
    let limit = (k + 6).min(n);
    // `a Dubai-based shipping firm`, `another U.S. car maker`, `the
    // world's largest planemaker`.
    let modifier = |k: usize| {
        let t = &tokens[k];
        (t.kind == Kind::Word && !t.is_capitalized())
            || t.kind == Kind::Initial
            || t.kind == Kind::Possessive
            || cx.is_country_word(k).is_some()
    };
    while k < limit && modifier(k) {
        if let Some(kind) = tokens[k].info.descriptor() {
            let ends = tokens
                .get(k + 1)
                .is_none_or(|t| t.kind == Kind::Punct || APPOSITION_ENDS.contains(&t.text));
            return ends.then_some(kind);
        }
        k += 1;
    }
    None
}

/// `org.unit`: a numbered unit of a body: `IRGC Unit 840`, `GRU Unit 29155`.
pub fn unit_candidates(cx: &Context, found: &[Candidate], out: &mut Vec<Candidate>) {
    let tokens = cx.tokens;
    for c in found {
        if c.kind != EntityType::GovernmentBody {
            continue;
        }
        let i = tokens.partition_point(|t| t.range.start < c.range.end + 1);
        if tokens.get(i).is_none_or(|t| t.range.start != c.range.end + 1) {
            continue;
        }
        if tokens[i].text == "Unit"
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == Kind::Number && t.gap == Gap::Space)
        {
            let range = c.range.start..tokens[i + 1].range.end;
            out.push(Candidate {
                key: Key::Named(super::key_text(&cx.text[range.clone()])),
                range,
                kind: c.kind,
                country: c.country,
                rule: Rule::Unit,
                full: true,
            });
        }
    }
}

/// Portfolios whose ministry news writes in lower case after a country's
/// possessive (`Russia's foreign ministry`): `body.lower_case`.
const LOWER_CASE_PORTFOLIOS: &[&str] = &[
    "foreign", "finance", "defence", "defense", "interior", "justice", "trade",
];

/// `body.lower_case`: a ministry in lower case after a country's possessive
/// (`China's foreign ministry`), named as written, of that country.
pub fn lower_case_candidates(cx: &Context, out: &mut Vec<Candidate>) {
    let tokens = cx.tokens;
    for i in 0..tokens.len().saturating_sub(1) {
        // `ministry` first: one comparison for most tokens.
        if tokens[i + 1].text != "ministry" || !LOWER_CASE_PORTFOLIOS.contains(&tokens[i].text) {
            continue;
        }
        let Some(country) = possessive_country(cx, i) else {
            continue;
        };
        let range = tokens[i].range.start..tokens[i + 1].range.end;
        out.push(Candidate {
            key: Key::Named(super::key_text(&cx.text[range.clone()])),
            range,
            kind: EntityType::GovernmentBody,
            country: Some(country),
            rule: Rule::LowerCase,
            full: true,
        });
    }
}

/// `org.acronym`: `LONG NAME (ACR)` where the capitals of the long name spell
/// the acronym; the long name must be a candidate already (so `Specially
/// Designated Nationals (SDN)`, a list, is not an organization). Returns the
/// acronym texts with the candidate they stand for.
pub fn acronym_definitions(cx: &Context, found: &mut Vec<Candidate>) -> Vec<(String, usize)> {
    let tokens = cx.tokens;
    let mut out = Vec::new();
    for &i in &cx.parens {
        if i == 0 {
            continue;
        }
        let mut k = i + 1;
        while k < tokens.len() && (tokens[k].is_punct('"') || tokens[k].text == "the") {
            k += 1;
        }
        let Some(acr) = tokens.get(k).filter(|a| a.is_acronym() || a.kind == Kind::Initial) else {
            continue;
        };
        let mut close = k + 1;
        while close < tokens.len() && tokens[close].is_punct('"') {
            close += 1;
        }
        if !tokens.get(close).is_some_and(|c| c.is_punct(')')) {
            continue;
        }
        let end = tokens[i - 1].range.end;
        let Some(ci) = found
            .iter()
            .enumerate()
            .filter(|(_, c)| c.range.end == end && c.kind != EntityType::Country)
            .max_by_key(|(_, c)| c.range.len())
            .map(|(ci, _)| ci)
        else {
            continue;
        };
        let long = &cx.text[found[ci].range.clone()];
        if spells(long, acr.text) {
            out.push((acr.text.to_string(), ci));
        } else if let Some(longer) = spelling_extension(cx, &found[ci], acr.text) {
            found.push(longer);
            out.push((acr.text.to_string(), found.len() - 1));
        }
    }
    out
}

/// `Myanma Oil and Gas Enterprise (MOGE)`: a name found short of what its
/// acronym spells (`Gas Enterprise`), taken back over capitalised words and
/// the connectors inside a name (`and`, `&`, `of`, `for`) up to where it
/// spells the acronym, as a candidate of the acronym rule.
fn spelling_extension(cx: &Context, c: &Candidate, acronym: &str) -> Option<Candidate> {
    let tokens = cx.tokens;
    let mut first = tokens.partition_point(|t| t.range.start < c.range.start);
    if tokens.get(first).is_none_or(|t| t.range.start != c.range.start) {
        return None;
    }
    for _ in 0..6 {
        let p = first.checked_sub(1).filter(|&p| cx.joined(p + 1))?;
        let t = &tokens[p];
        let connector = matches!(t.text, "and" | "of" | "for") || t.is_punct('&');
        first = if connector && p > 0 && cx.joined(p) && cx.name_word(p - 1) {
            p - 1
        } else if cx.name_word(p) && !t.info.not_name_start() && !cx.in_lexicon_name(p) {
            p
        } else {
            return None;
        };
        let range = tokens[first].range.start..c.range.end;
        if spells(&cx.text[range.clone()], acronym) {
            return Some(Candidate {
                key: Key::Named(name_key(&cx.text[range.clone()])),
                range,
                kind: c.kind,
                country: c.country,
                rule: Rule::Acronym,
                full: true,
            });
        }
    }
    None
}

/// Whether the capitals of `long`'s words spell `acronym` (`Office of Foreign
/// Assets Control` -> `OFAC`), allowing a country prefix not to count.
pub(super) fn spells(long: &str, acronym: &str) -> bool {
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    // (A dotted abbreviation gives all its letters: `S.A.` spells `SA`.)
    let initials: String = long
        .split([' ', '-'])
        .flat_map(|w| {
            let dotted = w.len() > 2 && w.ends_with('.') && w.bytes().step_by(2).all(|b| b.is_ascii_uppercase());
            w.chars().take(if dotted { w.len() } else { 1 })
        })
        .filter(|c| c.is_uppercase())
        .collect();
    if initials == letters || (initials.len() > letters.len() && initials.ends_with(&letters)) {
        return true;
    }
    // `JSC EuroSibEnergo (ESE)`: the capitals of a name written in one word.
    let last_word = long.rsplit(' ').next().unwrap_or(long);
    let capitals: String = last_word.chars().filter(|c| c.is_uppercase()).collect();
    letters.len() >= 2 && last_word.chars().any(char::is_lowercase) && capitals == letters
}

/// `org.alias_cue`: `..., which also goes under aliases including the New
/// Romantic Cyber Army Team`: the capitalised name after the cue, and the
/// last organization candidate before it in the sentence. Returns (name range,
/// candidate index).
pub fn alias_cues(cx: &Context, found: &[Candidate], sentences: &[Range<usize>]) -> Vec<(Range<usize>, usize)> {
    let tokens = cx.tokens;
    let mut out = Vec::new();
    for &i in &cx.cue_starts {
        let Some(cue) = ALIAS_CUES.iter().find(|cue| {
            cue.iter()
                .enumerate()
                .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.text == *w))
        }) else {
            continue;
        };
        let mut j = i + cue.len();
        if tokens.get(j).is_some_and(|t| t.text == "the") {
            j += 1;
        }
        if j >= tokens.len() || !cx.name_word(j) {
            continue;
        }
        let mut last = j;
        while last + 1 < tokens.len() && cx.joined(last + 1) && cx.name_word(last + 1) {
            last += 1;
        }
        let at = tokens[i].range.start;
        let sentence = sentences
            .iter()
            .find(|s| s.start <= at && at < s.end)
            .cloned()
            .unwrap_or(0..at);
        let owner = found
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind != EntityType::Country && c.range.end <= at && c.range.start >= sentence.start)
            .max_by_key(|(_, c)| c.range.end)
            .map(|(ci, _)| ci);
        if let Some(ci) = owner {
            out.push((tokens[j].range.start..tokens[last].range.end, ci));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens;

    /// Words and signs that the name-shape rules react to, for generated
    /// texts: names, lexicon names, titles, calendar words, articles,
    /// descriptors and their modifiers, alias cues, brackets, line breaks.
    const WORDS: &[&str] = &[
        "Chainalysis",
        "Elliptic",
        "Far",
        "East",
        "Bank",
        "Mammut",
        "Diesel",
        "Boeing",
        "Treasury",
        "OFAC",
        "Iran",
        "North",
        "Korean",
        "U.S.",
        "President",
        "Monday",
        "The",
        "In",
        "a",
        "an",
        "the",
        "another",
        "firm",
        "company",
        "maker",
        "blockchain",
        "analytics",
        "Dubai-based",
        "car",
        "world's",
        "largest",
        "that",
        "which",
        "based",
        "in",
        ",",
        ",",
        ",",
        ".",
        "(",
        ")",
        "\"",
        "'s",
        "\n",
        "also",
        "known",
        "as",
        "aka",
        "a.k.a.",
        "dubbed",
        "alias",
        "formerly",
        "and",
        "of",
        "said",
        "KMCTC",
        "Group",
        "Ltd.",
        "Al-Qaeda",
        "we've",
        ", a blockchain analytics firm",
        ", the world's largest maker,",
        ", another U.S. car maker which",
        ", a firm",
        ", an Iran company in",
        ", a Dubai-based shipping company",
        ", a\nfirm",
        "U.S.-China",
        "North Korea's",
        "South",
        "Korea",
        "Treasury Department",
        "al-Qaeda",
        "US$",
        "38 North",
        "Washington",
        "Post",
        "Iran-Iraq",
        "Syria-Iraq",
    ];

    fn texts() -> impl Iterator<Item = String> {
        let mut next = crate::testing::picker(17);
        (0..3000).map(move |_| {
            let len = 1 + next(30);
            let mut text = String::new();
            for _ in 0..len {
                let w = WORDS[next(WORDS.len())];
                if !text.is_empty() && !w.starts_with([',', '.', ')', '\'', '\n']) && !text.ends_with('\n') {
                    text.push(' ');
                }
                text.push_str(w);
            }
            text
        })
    }

    /// `apposition_candidates` as first written: every run of name words
    /// taken as a plain name, then the comma and article after it.
    fn apposition_by_names(cx: &Context, out: &mut Vec<Candidate>) {
        let tokens = cx.tokens;
        let n = tokens.len();
        let mut i = 0;
        while i < n {
            let starts = cx.name_word(i) && (i == 0 || !cx.name_word(i - 1) || !cx.joined(i));
            let Some(last) = starts.then(|| plain_name(cx, i)).flatten() else {
                i += 1;
                continue;
            };
            let comma = last + 1;
            if comma + 2 < n && (tokens[comma].is_punct(',') || is_spaced_dash(&tokens[comma])) {
                if list_count(&tokens[comma + 1]) {
                    list_apposition_at(cx, i, last, out);
                } else if matches!(tokens[comma + 1].text, "a" | "an" | "the" | "another") {
                    apposition_at(cx, i, last, out);
                }
            }
            i = last + 1;
        }
    }

    fn summary(found: &[Candidate]) -> Vec<(Range<usize>, Key, EntityType, Rule)> {
        found
            .iter()
            .map(|c| (c.range.clone(), c.key.clone(), c.kind, c.rule))
            .collect()
    }

    #[test]
    fn apposition_from_commas_is_apposition_from_names() {
        let mut found = 0;
        for text in texts() {
            let toks = tokens::tokenize(&text);
            let matches = lexicon::scan(&text);
            let cx = Context::new(&text, &toks, &matches);
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            apposition_candidates(&cx, &mut fast);
            apposition_by_names(&cx, &mut slow);
            assert_eq!(summary(&fast), summary(&slow), "{text:?}");
            found += fast.len();
        }
        assert!(found > 50, "{found} appositions");
    }

    #[test]
    fn head_and_descriptor_rules_over_their_lists_are_the_rules_over_all_tokens() {
        let mut found = [0, 0];
        for text in texts() {
            let toks = tokens::tokenize(&text);
            let matches = lexicon::scan(&text);
            let cx = Context::new(&text, &toks, &matches);
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            head_candidates(&cx, &mut fast);
            heads_at(&cx, 0..toks.len(), &mut slow);
            assert_eq!(summary(&fast), summary(&slow), "{text:?}");
            found[0] += fast.len();
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            descriptor_candidates(&cx, &mut fast);
            descriptors_at(&cx, 0..toks.len(), &mut slow);
            assert_eq!(summary(&fast), summary(&slow), "{text:?}");
            found[1] += fast.len();
        }
        assert!(found[0] > 500 && found[1] > 100, "{found:?} heads, descriptors");
    }

    #[test]
    fn trigger_lists_hold_the_tokens_the_rules_test() {
        let mut cues = 0;
        for text in texts() {
            let toks = tokens::tokenize(&text);
            let matches = lexicon::scan(&text);
            let cx = Context::new(&text, &toks, &matches);
            let all = |test: &dyn Fn(&Token) -> bool| (0..toks.len()).filter(|&i| test(&toks[i])).collect::<Vec<_>>();
            assert_eq!(cx.commas, all(&|t| t.is_punct(',')), "{text:?}");
            assert_eq!(cx.dashes, all(&is_spaced_dash), "{text:?}");
            assert_eq!(cx.parens, all(&|t| t.is_punct('(')), "{text:?}");
            assert_eq!(cx.heads, all(&|t| t.info.head().is_some()), "{text:?}");
            assert_eq!(cx.descriptors, all(&|t| t.info.descriptor().is_some()), "{text:?}");
            let opens = all(&|t| ALIAS_CUES.iter().any(|cue| cue[0] == t.text));
            assert_eq!(cx.cue_starts, opens, "{text:?}");
            cues += opens.len();
            // Per token, the first match that ends after its start, if it
            // starts before its end (the definition walking the tokens).
            let mut m = 0;
            for (i, t) in toks.iter().enumerate() {
                while m < matches.len() && matches[m].range.end <= t.range.start {
                    m += 1;
                }
                let first = (m < matches.len() && matches[m].range.start < t.range.end).then_some(m);
                assert_eq!(cx.lexicon[i], first, "token {i} of {text:?}");
            }
        }
        assert!(cues > 100, "{cues} cue words");
    }
}
