//! The official rules: each finds a person's name with the title or role the
//! text gives, and records its rule name.
//!
//! | rule | pattern | example |
//! |---|---|---|
//! | `official.title_before` | title, then name | `U.S. Treasury Secretary Janet Yellen`, `Under Secretary of the Treasury for Terrorism and Financial Intelligence John Hurley` |
//! | `official.role_before` | lower-case role, then name | `leader Kim Jong Un`, `party treasurer Lee Yang-soo`, `vice president and chairman of Chrysler LLC Jim Press`, `head of research Jane Doe` |
//! | `official.apposition` | name, then `, (a) title` | `Ryan Yoon, a Senior Analyst at Tiger Research` |
//! | `official.title_comma` | title, comma, name | `the firm's chief executive officer, Alan Mulally` |
//! | `official.parenthetical` | name, then a title in brackets | `George Brandis (Queensland, Liberal Party, Attorney-General)` |
//! | `official.colon` | a listed name, then `: title` | `Mohammed Ansari: IRGC-QF official named in ...` |
//! | `official.affiliated` | name `of` an organization | `Ryan Yoon of Tiger Research` |
//! | `official.attribution` | name with a verb of saying | `said Anthony Ruggiero`, `Kim Ji-na said` |
//! | `official.surname` | a later surname alone | `Yoon observed`, `Kim's comments` |
//! | `official.title_list` | a plural title, then two or more names | `Republican Senators Ted Cruz and Marco Rubio`, `Sens. A, B and C` |
//! | `official.role_list` | a lower-case plural role, then two or more names | `two far-right cabinet ministers, A and B`, `the executives of X: A, B and C`, `sanctioned judges A, B and C` |
//!
//! A name is a run of capitalised words (initials, hyphens, particles such as
//! `bin`, `van`, `al-` allowed) that is no country, organization, title word,
//! month or sentence opener. Negative cases: a title without a name (`the
//! Vice Minister highlighted`), organizations (`Foreign Ministry said`),
//! demonyms (`Japanese officials`), generic plurals (`Experts said`).

use super::lexicon::{APPOSITION_ADVERBS, PLACE_PREPOSITIONS, TITLE_ABBREVIATIONS, TITLE_STOPS};
use crate::extract::entity::{Found, Shapes};
use crate::extract::lexicon::titles::{DESCRIPTIVE_ROLES, ROLE_MODIFIERS, SPEECH_VERBS_BEFORE, WEAK_HEADS};
use crate::extract::lexicon::{self, WordInfo};
use crate::extract::tokens::{Gap, Kind, Token};
use crate::rule::Spec;
use std::ops::Range;

/// One mention of a person found by a rule.
#[derive(Debug, Clone)]
pub struct PersonMention {
    /// The name's byte range.
    pub range: Range<usize>,
    /// Number of words in the name (particles and initials included).
    pub words: usize,
    pub title: Option<String>,
    /// A country's canonical name or an organization's name.
    pub affiliation: Option<String>,
    pub rule: Rule,
}

/// An official rule: its identity, as data. `RULES[rule as usize]` is its
/// spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// `official.title_before`.
    TitleBefore,
    /// `official.role_before`.
    RoleBefore,
    /// `official.apposition`.
    Apposition,
    /// `official.title_comma`.
    TitleComma,
    /// `official.parenthetical`.
    Parenthetical,
    /// `official.colon`.
    Colon,
    /// `official.affiliated`.
    Affiliated,
    /// `official.attribution`.
    Attribution,
    /// `official.surname`.
    Surname,
    /// `official.title_list`.
    TitleList,
    /// `official.role_list`.
    RoleList,
}

impl Rule {
    /// Every official rule, in the order of [`RULES`].
    #[cfg(test)]
    pub(crate) const ALL: [Rule; 11] = [
        Rule::TitleBefore,
        Rule::RoleBefore,
        Rule::Apposition,
        Rule::TitleComma,
        Rule::Parenthetical,
        Rule::Colon,
        Rule::Affiliated,
        Rule::Attribution,
        Rule::Surname,
        Rule::TitleList,
        Rule::RoleList,
    ];

    /// The rule's name (the `rule` of its officials).
    pub(crate) fn name(self) -> &'static str {
        RULES[self as usize].name
    }
}

/// The official rules: name, examples (values `name (title, affiliation)`
/// of the official a mention became) and negatives. The matchers are the
/// functions below: [`title_before`] (`official.title_before`,
/// `official.role_before`), [`around_names`] (the others but the last) and
/// [`surnames`] (`official.surname`).
pub(crate) const RULES: &[Spec] = &[
    Spec::new(
        "official.title_before",
        &[(
            "U.S. Treasury Secretary [Janet Yellen] spoke.",
            "Janet Yellen (Treasury Secretary, United States)",
        )],
        &["the Vice Minister highlighted the risks."],
    ),
    Spec::new(
        "official.role_before",
        &[(
            "Later, head of research [Jane Doe] left the bank.",
            "Jane Doe (head of research)",
        )],
        &["Later, the head of research left the bank."],
    ),
    Spec::new(
        "official.apposition",
        &[
            (
                "[Ryan Yoon], a senior analyst at Tiger Research, agreed.",
                "Ryan Yoon (senior analyst, Tiger Research)",
            ),
            (
                "They named [Ivan Petrov], the country's deputy prime minister, too.",
                "Ivan Petrov (deputy prime minister)",
            ),
        ],
        &[
            "Tiger Research, a research firm, agreed.",
            "Tiger Research, the country's largest bank, agreed.",
        ],
    ),
    Spec::new(
        "official.title_comma",
        &[
            (
                "The bank's CEO, [Ken Lewis], warned that costs would stay high.",
                "Ken Lewis (CEO)",
            ),
            // A possessive determiner that opens the sentence, an article.
            ("Its leader, [Ivan Petrov], took over in 2015.", "Ivan Petrov (leader)"),
            (
                "They named a senior official, [Ivan Petrov], too.",
                "Ivan Petrov (senior official)",
            ),
        ],
        &[
            "The bank's CEO warned that costs would stay high.",
            "Its leader said so, Petrov added.",
        ],
    ),
    Spec::new(
        "official.parenthetical",
        &[(
            "[George Brandis] (Queensland, Liberal Party, Attorney-General) voted.",
            "George Brandis (Attorney-General)",
        )],
        &["Queensland (Australia) voted."],
    ),
    Spec::new(
        "official.colon",
        &[(
            "[Claudine Joseph]: principal financier of the gang coalition.",
            "Claudine Joseph (principal financier)",
        )],
        &["Note: principal financier of the gang coalition."],
    ),
    Spec::new(
        "official.affiliated",
        &[("said [Ryan Yoon] of Tiger Research.", "Ryan Yoon (Tiger Research)")],
        &["said the head of Tiger Research."],
    ),
    Spec::new(
        "official.attribution",
        &[
            (
                "Former prime minister [Silvio Berlusconi] said the vote was rigged.",
                "Silvio Berlusconi (former prime minister)",
            ),
            ("said [Anthony Ruggiero].", "Anthony Ruggiero"),
        ],
        &["Experts said the vote was rigged.", "Japanese officials said so."],
    ),
    Spec::new(
        "official.surname",
        &[(
            "said analyst Ryan Yoon. [Yoon] added that risks rose.",
            "Ryan Yoon (analyst)",
        )],
        &["Yoon added that risks rose."],
    ),
    Spec::new(
        "official.title_list",
        &[
            (
                "Republican Senators Ted Cruz and [Marco Rubio] were named.",
                "Marco Rubio (Senator)",
            ),
            (
                "Sens. [Ted Cruz], Marco Rubio and Tom Cotton spoke.",
                "Ted Cruz (Senator)",
            ),
        ],
        &[
            "The Senators met Ted Cruz and Marco Rubio.",
            "Senators Ted Cruz said so.",
        ],
    ),
    Spec::new(
        "official.role_list",
        &[
            (
                "It named two far-right cabinet ministers, Ann Lee and [Bo Park], on Monday.",
                "Bo Park (cabinet minister)",
            ),
            (
                "The list names the executives of Acme Holdings: [Tom Ray], Al Dee and Jo Kim.",
                "Tom Ray (executive, Acme Holdings)",
            ),
            (
                "It also sanctioned judges [Rosa Gil Soto], Luis Mena and Ana Ruiz.",
                "Rosa Gil Soto (judge)",
            ),
            (
                "It named the minister and his deputies Ivan Orlov and [Oleg Popov].",
                "Oleg Popov (deputy)",
            ),
            (
                "It named the businessmen [Ivan Orlov] and Oleg Popov.",
                "Ivan Orlov (businessman)",
            ),
        ],
        &[
            "The ministers met Ann Lee and Bo Park.",
            "The ministers, Ann Lee said, were late.",
            "Two ministers and Ann Lee left.",
        ],
    ),
];

pub struct Context<'t, 'a> {
    pub text: &'a str,
    pub tokens: &'t [Token<'a>],
    /// Per token: the entity whose mention covers it.
    pub entity: Vec<Option<usize>>,
    /// Per token: a demonym covers it (`North Korean`).
    pub demonym: Vec<bool>,
    pub found: &'t Found,
    /// Per token: whether it can be part of a person's name.
    name_tokens: Vec<bool>,
    /// The tokens where a name may start (name words and honorifics), in
    /// order: the rules that look for names walk these, not every token.
    name_starts: Vec<usize>,
}

impl<'t, 'a> Context<'t, 'a> {
    pub fn new(text: &'a str, tokens: &'t [Token<'a>], found: &'t Found) -> Self {
        let mut entity = vec![None; tokens.len()];
        cover(
            tokens,
            found.mentions.iter().map(|m| (m.range.clone(), m.entity)),
            &mut entity,
        );
        let mut demonym = vec![false; tokens.len()];
        cover(
            tokens,
            found.demonyms.iter().map(|d| (d.range.clone(), ())),
            &mut demonym,
        );
        let mut cx = Context {
            text,
            tokens,
            entity,
            demonym,
            found,
            name_tokens: Vec::with_capacity(tokens.len()),
            name_starts: Vec::new(),
        };
        // One pass over the tokens and their two covers, in step.
        for (i, ((t, e), &d)) in tokens.iter().zip(&cx.entity).zip(&cx.demonym).enumerate() {
            let name = e.is_none() && !d && name_word(t);
            cx.name_tokens.push(name);
            if name || t.info.honorific() {
                cx.name_starts.push(i);
            }
        }
        cx
    }

    fn joined(&self, i: usize) -> bool {
        i < self.tokens.len() && self.tokens[i].gap == Gap::Space
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text)
    }

    /// What the word tables say of token `i` (nothing past the end).
    fn info(&self, i: usize) -> WordInfo {
        self.tokens.get(i).map_or_else(WordInfo::default, |t| t.info)
    }

    fn is_country_or_demonym(&self, i: usize) -> bool {
        self.demonym[i]
            || self.entity[i].is_some_and(|e| self.found.entities[e].kind == crate::record::EntityType::Country)
    }

    /// A word that can be part of a person's name.
    fn name_token(&self, i: usize) -> bool {
        self.name_tokens[i]
    }

    fn particle(&self, i: usize) -> bool {
        self.tokens[i].kind == Kind::Word && self.tokens[i].info.particle()
    }

    /// The person name starting at token `i`: its last token and word count.
    /// Up to six words; it ends on a capitalised word.
    pub fn name_at(&self, i: usize) -> Option<(usize, usize, usize)> {
        // Honorifics before a name are not part of it: `Rt. Hon. B. U. Nzeribe`.
        let mut i = i;
        while i < self.tokens.len() && self.tokens[i].info.honorific() && (i == 0 || self.joined(i)) {
            i += 1;
        }
        if i >= self.tokens.len() || !self.name_token(i) || self.tokens[i].info.not_name_start() {
            return None;
        }
        let mut last = i;
        let mut j = i + 1;
        while j < self.tokens.len() && self.joined(j) && j - i < 6 {
            if self.name_token(j) {
                last = j;
            } else if !self.particle(j) {
                break;
            }
            j += 1;
        }
        // `Jim Press,`, `Larry King said`: a surname that is also a title
        // word, after a first name and before no other capitalised word.
        let after_title = i > 0 && self.joined(i) && {
            let p = &self.tokens[i - 1];
            p.is_capitalized() && (p.info.title_head() || p.info.title_modifier())
        };
        if last == i && self.tokens[i].kind == Kind::Word && self.joined(i + 1) && !after_title {
            let surname = self.tokens.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Word
                    && n.is_capitalized()
                    && n.text.chars().skip(1).all(char::is_lowercase)
                    && (n.info.title_head() || n.info.title_modifier())
                    && !n.info.not_name_start()
            });
            let after = self.tokens.get(i + 2);
            let ends = after.is_none_or(|a| {
                !self.joined(i + 2) || a.kind == Kind::Punct || a.kind == Kind::Possessive || a.info.speech()
            });
            if surname && ends && !self.tokens[i].info.title_modifier() {
                last = i + 1;
            }
        }
        if self.tokens[last].kind == Kind::Initial {
            return None;
        }
        Some((i, last, last - i + 1))
    }

    /// Token `i` begins a name that is not the tail of a longer capitalised run.
    fn starts_name(&self, i: usize) -> bool {
        i == 0 || !self.joined(i) || !(self.tokens[i - 1].is_capitalized() || self.particle(i - 1))
    }

    fn range(&self, from: usize, to: usize) -> Range<usize> {
        self.tokens[from].range.start..self.tokens[to].range.end
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.range(from, to)]
    }

    /// The affiliation named by the entity covering token `i`: a country's
    /// name or an organization's.
    fn affiliation_at(&self, i: usize) -> Option<String> {
        if self.demonym[i] {
            let at = self.tokens[i].range.start;
            let d = self
                .found
                .demonyms
                .iter()
                .find(|d| d.range.start <= at && at < d.range.end)?;
            return Some(d.country.name.to_string());
        }
        self.entity[i].map(|e| self.found.entities[e].name.clone())
    }
}

/// A word that can be part of a person's name, unless an entity or a
/// demonym covers it.
#[inline]
fn name_word(t: &Token) -> bool {
    match t.kind {
        Kind::Initial => t.text.len() == 2,
        Kind::Word => {
            let w = t.text;
            if !t.is_capitalized() {
                // `al-Assad`: a lower-case particle joined to a name. (Most
                // words hold no hyphen: the tokeniser knows, and says so
                // before the string search is set up.)
                return t.has_hyphen()
                    && w.split_once('-')
                        .is_some_and(|(p, rest)| lexicon::is_name_particle(p) && rest.starts_with(char::is_uppercase));
            }
            // The word-table flags first: they cost a test each, the
            // letter scan a pass over the word.
            !t.info.honorific()
                && !t.info.title_head()
                && !t.info.title_modifier()
                && !t.info.portfolio()
                && !t.info.calendar()
                && t.info.head().is_none()
                && !t.info.country()
                && t.has_lowercase()
        }
        _ => false,
    }
}

/// Marks each token with the value of the first range, in the order given,
/// that overlaps it; tokens no range overlaps keep what `per` holds.
/// Ranges come in text order (by start), so the first token a range can
/// overlap only moves forward: a cursor finds it, and a binary search if a
/// range ever starts before the one before it.
fn cover<V: Copy, S: Mark<V>>(tokens: &[Token], ranges: impl Iterator<Item = (Range<usize>, V)>, per: &mut [S]) {
    let mut from = 0;
    let mut last_start = 0;
    for (range, what) in ranges {
        if range.start < last_start {
            from = tokens.partition_point(|t| t.range.end <= range.start);
        }
        last_start = range.start;
        while from < tokens.len() && tokens[from].range.end <= range.start {
            from += 1;
        }
        for (slot, t) in per[from..].iter_mut().zip(&tokens[from..]) {
            if t.range.start >= range.end {
                break;
            }
            slot.mark(what);
        }
    }
}

/// A per-token slot that keeps the first value it is given.
trait Mark<V> {
    fn mark(&mut self, value: V);
}

impl<V> Mark<V> for Option<V> {
    fn mark(&mut self, value: V) {
        self.get_or_insert(value);
    }
}

impl Mark<()> for bool {
    fn mark(&mut self, _: ()) {
        *self = true;
    }
}

/// A title cleaned of its leading article, country words and possessives:
/// `the U.S. Treasury Secretary` -> `Treasury Secretary` (and United States).
fn clean_title(cx: &Context, from: usize, to: usize) -> Option<(String, Option<String>)> {
    let mut s = from;
    let mut affiliation = None;
    while s <= to {
        let w = cx.word(s);
        if matches!(
            w,
            "the" | "The" | "a" | "an" | "A" | "An" | "its" | "their" | "his" | "her"
        ) {
            s += 1;
        } else if cx.is_country_or_demonym(s) {
            affiliation = affiliation.or_else(|| cx.affiliation_at(s));
            s += 1;
            while s <= to && cx.is_country_or_demonym(s) && cx.entity[s] == cx.entity[s - 1] {
                s += 1;
            }
        } else if cx.tokens[s].kind == Kind::Possessive || cx.tokens[s].is_punct('-') {
            s += 1;
        } else if let Some(e) = cx.entity[s].filter(|&e| is_employer(cx, e)) {
            // `Apple CEO`, `Disney Chief Executive`: the company is the
            // affiliation (a government body stays: `Treasury Secretary`).
            let mut j = s;
            while j <= to && cx.entity[j] == Some(e) {
                j += 1;
            }
            if j > to {
                break;
            }
            affiliation = affiliation.or_else(|| cx.affiliation_at(s));
            s = j;
        } else {
            break;
        }
    }
    (s <= to).then(|| (cx.slice(s, to).to_string(), affiliation))
}

/// Whether entity `e` is a company, group or other organization (not a
/// country, government body or international organization).
fn is_employer(cx: &Context, e: usize) -> bool {
    use crate::record::EntityType::{Company, Group, Organization};
    matches!(cx.found.entities[e].kind, Company | Group | Organization)
}

/// The complement of a capitalised title head at `h`: `of the Treasury for
/// Terrorism and Financial Intelligence`. Returns the last token of the
/// capitalised run that follows (name included, if any).
fn complement_run(cx: &Context, h: usize) -> Option<usize> {
    let t = cx.tokens;
    if !(cx.joined(h + 1) && matches!(cx.word(h + 1), "of" | "for")) {
        return None;
    }
    let mut j = h + 2;
    if cx.word(j) == "the" {
        j += 1;
    }
    if j >= t.len() || !t[j].is_capitalized() || !cx.joined(j) {
        return None;
    }
    let mut last = j;
    let mut k = j + 1;
    while k < t.len() && cx.joined(k) {
        if t[k].is_capitalized() {
            last = k;
            k += 1;
        } else if matches!(t[k].text, "and" | "of" | "for" | "the" | "on" | "&")
            && t.get(k + 1).is_some_and(|n| n.is_capitalized() || n.text == "the")
        {
            k += 1;
        } else {
            break;
        }
    }
    Some(last)
}

/// The name at the end of a capitalised run `from..=to` that follows a title
/// complement: two name words (and initials), stopping at portfolio words (`...
/// Financial Intelligence John K. Hurley` -> `John K. Hurley`); up to four
/// when a portfolio word stands right before them (`Minister of Energy and
/// Mines Sergio Andrés Mairena Obando`).
fn trailing_name(cx: &Context, from: usize, to: usize) -> Option<(usize, usize)> {
    let long = trailing_words(cx, from, to, 4)?;
    if long.2 > 2 && long.0 > from && cx.tokens[long.0 - 1].info.portfolio() {
        return Some((long.0, long.1));
    }
    trailing_words(cx, from, to, 2).map(|(first, last, _)| (first, last))
}

/// The last `max` name words (and initials) of `from..=to`: first and last
/// token and the word count.
fn trailing_words(cx: &Context, from: usize, to: usize, max: usize) -> Option<(usize, usize, usize)> {
    let mut first = to + 1;
    let mut words = 0;
    let mut k = to;
    while k >= from && (words < max || cx.tokens[k].kind == Kind::Initial) {
        if cx.name_token(k) && !cx.tokens[k].info.not_name_start() {
            if cx.tokens[k].kind != Kind::Initial {
                words += 1;
            }
            first = k;
        } else {
            break;
        }
        if k == 0 {
            break;
        }
        k -= 1;
    }
    if first > to || cx.tokens[first].kind == Kind::Initial || cx.tokens[to].kind == Kind::Initial {
        return None;
    }
    Some((first, to, words))
}

/// Whether token `i` may stand in a title before its head: `Second Vice
/// Foreign`, `National Security Council`, `Treasury Under`, `U.S.`.
fn title_word(cx: &Context, i: usize) -> bool {
    let t = &cx.tokens[i];
    (t.is_capitalized() || t.kind == Kind::Initial)
        && (!t.info.not_name_start() || t.info.title_modifier())
        && (t.info.title_modifier()
            || t.info.title_head()
            || t.info.portfolio()
            || cx.entity[i].is_some()
            || cx.demonym[i])
}

/// `official.title_before` and `official.role_before`.
pub fn title_before(cx: &Context, out: &mut Vec<PersonMention>) {
    for (h, tok) in cx.tokens.iter().enumerate() {
        if !tok.info.title_head() || tok.kind != Kind::Word {
            if let Some(singular) = plural_title(cx, h) {
                out.extend(title_list(cx, h, &singular));
            } else if let Some(singular) = plural_role(cx, h) {
                out.extend(role_list(cx, h, singular));
            }
            continue;
        }
        let mention = if tok.is_capitalized() {
            title_before_name(cx, h)
        } else if tok.is_lower_word() {
            role_before_name(cx, h)
        } else {
            None
        };
        out.extend(mention);
    }
}

/// `official.title_before`: a capitalised title whose last head is `h`, and
/// the name after it (or after its complement): `Foreign Minister Wang Yi`,
/// `South Korea's Foreign Minister Park Jin`.
fn title_before_name(cx: &Context, h: usize) -> Option<PersonMention> {
    let t = cx.tokens;
    // The head is the last title word of its run.
    if cx.joined(h + 1) && title_word(cx, h + 1) && !cx.is_country_or_demonym(h + 1) {
        return None;
    }
    let mut s = h;
    while s > 0 && cx.joined(s) && title_word(cx, s - 1) {
        s -= 1;
    }
    // `South Korea's Foreign Minister`: the possessive's country.
    let possessive_country = (s >= 2 && t[s - 1].kind == Kind::Possessive && cx.is_country_or_demonym(s - 2))
        .then(|| cx.affiliation_at(s - 2))
        .flatten();
    let (title_end, name) = name_after_title(cx, s, h)?;
    // `André Neu, Head of Platform Solutions for Ascom`: a title after
    // a full name and a comma is an apposition, not a title before a name;
    // but not when a full name follows the head (`Valentina Matvienko,
    // Security Council Deputy Chairman Dmitry Medvedev, and ...`), nor after
    // a place (`In New York, Iranian President ...`).
    let full_name_after = name.0 == h + 1 && name.1 > name.0;
    let place_before = s >= 4 && PLACE_PREPOSITIONS.contains(&cx.word(s - 4));
    if s >= 3
        && t[s - 1].is_punct(',')
        && cx.name_token(s - 2)
        && cx.name_token(s - 3)
        && !full_name_after
        && !place_before
    {
        return None;
    }
    let (title, affiliation) = clean_title(cx, s, title_end)?;
    let title = title.trim_end_matches([',', ' ']).to_string();
    Some(PersonMention {
        range: cx.range(name.0, name.1),
        words: name.1 - name.0 + 1,
        title: Some(title),
        affiliation: affiliation.or(possessive_country),
        rule: Rule::TitleBefore,
    })
}

/// The singular of token `h` when it is a capitalised plural title head
/// before a name (`Senators`: `Senator`,
/// `Sens.`: `Senator`, abbreviations written out), when the singular is a
/// title head.
fn plural_title(cx: &Context, h: usize) -> Option<String> {
    let tok = &cx.tokens[h];
    // Most tokens end in no `s`: that test first, as this runs on every
    // token that is no title head; then a name must follow.
    let (stem, dot) = match tok.text.strip_suffix("s.") {
        Some(stem) => (stem, "."),
        None => (tok.text.strip_suffix('s')?, ""),
    };
    if tok.kind != Kind::Word || !cx.joined(h + 1) || !tok.is_capitalized() || !cx.name_token(h + 1) {
        return None;
    }
    let singular: std::borrow::Cow<str> = if dot.is_empty() {
        stem.into()
    } else {
        format!("{stem}{dot}").into()
    };
    if !lexicon::word_info(&singular).title_head() {
        return None;
    }
    let full = TITLE_ABBREVIATIONS
        .iter()
        .find(|(short, _)| short.eq_ignore_ascii_case(&singular))
        .map(|(_, full)| *full);
    Some(full.map_or_else(|| singular.into_owned(), str::to_string))
}

/// `official.title_list`: a plural capitalised title and the two or more
/// names it heads, each an official of the title in the singular:
/// `Republican Senators Ted Cruz and Marco Rubio`, `Sens. A, B and C`.
fn title_list(cx: &Context, h: usize, singular: &str) -> Vec<PersonMention> {
    let mut s = h;
    while s > 0 && cx.joined(s) && title_word(cx, s - 1) {
        s -= 1;
    }
    let names = listed_names(cx, h + 1);
    if names.len() < 2 {
        return Vec::new();
    }
    list_officials(cx, names, s..h, singular, None, Rule::TitleList)
}

/// One official per listed name, each of the title the words from `title.start`
/// to `title.end` (its head, given in the `singular`) make.
fn list_officials(
    cx: &Context,
    names: Vec<NameSpan>,
    title: std::ops::Range<usize>,
    singular: &str,
    affiliation: Option<String>,
    rule: Rule,
) -> Vec<PersonMention> {
    let (s, h) = (title.start, title.end);
    let title = if s < h {
        format!("{} {singular}", cx.slice(s, h - 1))
    } else {
        singular.to_string()
    };
    names
        .into_iter()
        .map(|(first, last, words)| PersonMention {
            range: cx.range(first, last),
            words,
            title: Some(title.clone()),
            affiliation: affiliation.clone(),
            rule,
        })
        .collect()
}

/// The names listed from token `k`: each joined to what precedes it, apart
/// by `, `, ` and ` or `, and `; a place after a name (`Tom Cotton of
/// Arkansas and Pat Toomey of Pennsylvania`) is skipped.
fn listed_names(cx: &Context, k: usize) -> Vec<NameSpan> {
    let t = cx.tokens;
    let mut names: Vec<NameSpan> = Vec::new();
    let mut k = k;
    while let Some(name) = cx.joined(k).then(|| cx.name_at(k)).flatten() {
        names.push(name);
        let mut n = name.1 + 1;
        if cx.word(n) == "of" && cx.joined(n + 1) && t.get(n + 1).is_some_and(|p| p.is_capitalized()) {
            let mut p = n + 1;
            while p < n + 4 && cx.joined(p + 1) && t.get(p + 1).is_some_and(|w| w.is_capitalized()) {
                p += 1;
            }
            n = p + 1;
        }
        // `, `, ` and `, `, and ` before the next name.
        let comma = n < t.len() && t[n].is_punct(',');
        n += usize::from(comma);
        let and = cx.word(n) == "and";
        n += usize::from(and);
        if !comma && !and {
            break;
        }
        k = n;
    }
    names
}

/// The singular of token `h` when it is a lower-case plural role whose
/// singular is a title head (`ministers`, `executives`, `judges`,
/// `deputies`, `businessmen`).
fn plural_role(cx: &Context, h: usize) -> Option<&'static str> {
    let tok = &cx.tokens[h];
    if tok.kind != Kind::Word || !tok.is_lower_word() || !tok.text.ends_with(['s', 'n']) {
        return None;
    }
    let text = tok.text;
    // Most stems are no role's (`sanctions`, `companies`): their shape (first
    // byte and length) says so before one is copied or the word table asked.
    let shaped = |s: &str, ending: &str| {
        let first = s.as_bytes().first().or(ending.as_bytes().first()).copied().unwrap_or(0);
        ROLE_SHAPES.may_be_shaped(first, s.len() + ending.len())
    };
    let stem: std::borrow::Cow<str> = if let Some(s) = text.strip_suffix("ies") {
        if !shaped(s, "y") {
            return None;
        }
        format!("{s}y").into()
    } else if let Some(s) = text.strip_suffix("men") {
        if !shaped(s, "man") {
            return None;
        }
        format!("{s}man").into()
    } else {
        text.strip_suffix('s')?.into()
    };
    if stem.len() < 3 || !ROLE_SHAPES.may_be(&stem) || !lexicon::word_info(&stem).title_head() {
        return None;
    }
    lexicon::titles::TITLE_HEADS
        .iter()
        .chain(DESCRIPTIVE_ROLES)
        .copied()
        .find(|w| *w == stem)
}

/// The singulars [`plural_role`] gives (title heads and descriptive roles),
/// as [`Shapes`]: it runs on every lower-case word ending in `s` or `n`.
const ROLE_SHAPES: Shapes = {
    let mut shapes = Shapes::EMPTY;
    let mut i = 0;
    while i < lexicon::titles::TITLE_HEADS.len() {
        shapes.add(lexicon::titles::TITLE_HEADS[i]);
        i += 1;
    }
    let mut i = 0;
    while i < DESCRIPTIVE_ROLES.len() {
        shapes.add(DESCRIPTIVE_ROLES[i]);
        i += 1;
    }
    shapes
};

/// Whether a title head is weak: a common noun too, or a role that describes
/// ([`WEAK_HEADS`], [`DESCRIPTIVE_ROLES`]).
fn is_weak_head(word: &str) -> bool {
    WEAK_HEADS.contains(&word) || DESCRIPTIVE_ROLES.contains(&word)
}

/// `official.role_list`: a lower-case plural role, its lower-case modifiers
/// before it and an optional complement after it (`of 2Rivers`), then a
/// comma, a colon or nothing, then two or more names, each an official of
/// the role in the singular: `two far-right cabinet ministers, A and B`,
/// `the executives of X: A, B and C`, `sanctioned judges A, B and C`.
fn role_list(cx: &Context, h: usize, singular: &str) -> Vec<PersonMention> {
    let t = cx.tokens;
    let mut k = h + 1;
    let mut affiliation = None;
    if cx.word(k) == "of" && cx.joined(k + 1) {
        let mut p = k + 1;
        let first = p;
        while p < k + 6 && p < t.len() && cx.joined(p) && !t[p].is_lower_word() && t[p].kind != Kind::Punct {
            p += 1;
        }
        if p == first {
            return Vec::new();
        }
        affiliation = cx.entity[first].and_then(|_| cx.affiliation_at(first));
        k = p;
    }
    if t.get(k).is_some_and(|c| c.is_punct(',') || c.is_punct(':')) {
        k += 1;
    }
    let names = listed_names(cx, k);
    // The list must end the phrase: `ministers A and B said` is fine, `the
    // ministers, A said,` is one name and no list.
    if names.len() < 2 {
        return Vec::new();
    }
    let mut s = h;
    while s > 0 && cx.joined(s) && {
        let p = &t[s - 1];
        p.is_lower_word() && (ROLE_MODIFIERS.contains(&p.text) || p.info.title_modifier())
    } {
        s -= 1;
    }
    list_officials(cx, names, s..h, singular, affiliation, Rule::RoleList)
}

/// The name after a capitalised title `s..=h`: after the head's complement
/// (the title then ends before the name), or right after the head. Returns
/// the title's last token and the name's first and last.
fn name_after_title(cx: &Context, s: usize, h: usize) -> Option<(usize, (usize, usize))> {
    let t = cx.tokens;
    if let Some(run_end) = complement_run(cx, h) {
        let (first, last) = trailing_name(cx, h + 2, run_end)?;
        if first <= h + 2 {
            return None;
        }
        return Some((first - 1, (first, last)));
    }
    let (nfirst, last, words) = cx.joined(h + 1).then(|| cx.name_at(h + 1)).flatten()?;
    // `Executive Order 13382`, `General Motors`: a one-word name
    // after a lone noun-like head, or before a number, is no name.
    let lone_weak_head = s == h && is_weak_head(&t[h].text.to_lowercase());
    let numbered = t
        .get(last + 1)
        .is_some_and(|n| n.kind == Kind::Number && n.gap == Gap::Space);
    if words == 1 && (lone_weak_head || numbered) {
        return None;
    }
    Some((h, (nfirst, last)))
}

/// `official.role_before`: a lower-case role whose head is `h`, and the name
/// right after it, or after its complement: `chairman of Chrysler LLC Jim
/// Press`, `head of research Jane Doe`.
fn role_before_name(cx: &Context, h: usize) -> Option<PersonMention> {
    let (name, title_end, of_affiliation) = match cx.joined(h + 1).then(|| cx.name_at(h + 1)).flatten() {
        Some(name) => (name, h, None),
        None => lower_complement(cx, h)?,
    };
    let (nfirst, last, words) = name;
    let s = role_start(cx, h);
    // `European Council chief`: the organization before is the affiliation.
    let affiliation = (s > 0 && cx.joined(s) && (cx.entity[s - 1].is_some() || cx.demonym[s - 1]))
        .then(|| cx.affiliation_at(s - 1))
        .flatten()
        .or(of_affiliation);
    // `official MagSafe`, `fellow Republicans`: a lone noun-like role
    // before one word is no title.
    if words == 1 && s == h && title_end == h && is_weak_head(cx.word(h)) {
        return None;
    }
    let title = cx.slice(s, title_end);
    let title = title
        .strip_prefix("Former ")
        .map_or(title.to_string(), |t| format!("former {t}"));
    Some(PersonMention {
        range: cx.range(nfirst, last),
        words,
        title: Some(title),
        affiliation,
        rule: Rule::RoleBefore,
    })
}

/// A name's first token, last token and word count.
type NameSpan = (usize, usize, usize);

/// The first word of a lower-case role ending at `h`: role and title
/// modifiers (`former party treasurer`, `national security adviser`), titles
/// joined by `and` (`vice president and chairman`), and a capitalised
/// modifier opening a sentence (`Chief executive`, `Former prime minister`).
fn role_start(cx: &Context, h: usize) -> usize {
    let t = cx.tokens;
    let mut s = h;
    while s > 0 && cx.joined(s) {
        let p = &t[s - 1];
        let lower_modifier = p.is_lower_word() && (ROLE_MODIFIERS.contains(&p.text) || p.info.title_modifier());
        let opening = s - 1 == 0 || !cx.joined(s - 1) || t[s - 2].kind == Kind::Punct;
        let capital_modifier = p.is_capitalized() && p.kind == Kind::Word && p.info.title_modifier() && opening;
        let and_title =
            p.text == "and" && s >= 2 && cx.joined(s - 1) && t[s - 2].is_lower_word() && t[s - 2].info.title_head();
        if lower_modifier || capital_modifier {
            s -= 1;
        } else if and_title {
            s -= 2;
        } else {
            break;
        }
    }
    s
}

/// A lower-case role's complement before the name: `of`/`at` and an
/// organization or country (`chairman of Chrysler LLC Jim Press`), or one or
/// two lower-case words (`head of research Jane Doe`). Returns the name, the
/// title's last token and the affiliation.
fn lower_complement(cx: &Context, h: usize) -> Option<(NameSpan, usize, Option<String>)> {
    let t = cx.tokens;
    if !(cx.joined(h + 1) && matches!(cx.word(h + 1), "of" | "at" | "for")) {
        return None;
    }
    let mut k = h + 2;
    if cx.word(k) == "the" {
        k += 1;
    }
    if k >= t.len() || !cx.joined(k) {
        return None;
    }
    if let Some(e) = cx.entity[k] {
        let mut j = k;
        while j + 1 < t.len() && cx.entity[j + 1] == Some(e) && cx.joined(j + 1) {
            j += 1;
        }
        let name = cx.joined(j + 1).then(|| cx.name_at(j + 1)).flatten()?;
        return (name.2 >= 2).then(|| (name, h, cx.affiliation_at(k)));
    }
    let mut j = k;
    while j < t.len() && j < k + 2 && t[j].is_lower_word() && !TITLE_STOPS.contains(&t[j].text) && cx.joined(j) {
        j += 1;
    }
    if j == k || t[k].text == "the" {
        return None;
    }
    let name = cx.joined(j).then(|| cx.name_at(j)).flatten()?;
    (name.2 >= 2).then_some((name, j - 1, None))
}

/// A title phrase starting at token `i` (after `, a`, `: ` or `(`): words up
/// to a head, with a capitalised head's `of`/`for` complement; stops at
/// punctuation or [`TITLE_STOPS`]. Returns (title, affiliation, last token).
fn title_phrase(cx: &Context, i: usize, max: usize) -> Option<(String, Option<String>, usize)> {
    let t = cx.tokens;
    let limit = (i + max).min(t.len());
    for (k, tok) in t.iter().enumerate().take(limit).skip(i) {
        if k > i && !cx.joined(k) {
            return None;
        }
        if tok.kind == Kind::Punct && !tok.is_punct('-') {
            return None;
        }
        if tok.is_lower_word() && TITLE_STOPS.contains(&tok.text) {
            return None;
        }
        if tok.kind == Kind::Word
            && tok.info.title_head()
            && let AtHead::Ends(phrase) = phrase_at_head(cx, i, k)
        {
            return phrase;
        }
    }
    None
}

/// What a title head says of the phrase it is in.
enum AtHead {
    /// A lower-case head inside the phrase: a later head ends it.
    GoesOn,
    /// The phrase ends at this head (or its complement), or is no title.
    Ends(Option<(String, Option<String>, usize)>),
}

/// The title phrase from token `i` whose head word is token `k`: the last
/// head of a capitalised run and its complement; no title if a name or a
/// speech verb follows; the affiliation before a lower-case role, in an
/// employer complement, or after the phrase.
fn phrase_at_head(cx: &Context, i: usize, k: usize) -> AtHead {
    let tok = &cx.tokens[k];
    let (start, mut affiliation) = organization_before_role(cx, i, k);
    let head = if tok.is_capitalized() { last_head(cx, k) } else { k };
    let mut end = head;
    if tok.is_capitalized()
        && let Some(run_end) = complement_run(cx, head)
    {
        end = run_end;
    }
    // `Apple CEO Steve Jobs`: a title before another name is that
    // name's; `a Romanian official said`: a speaker, not an apposition.
    if (cx.joined(end + 1) && cx.name_at(end + 1).is_some()) || cx.info(end + 1).speech() {
        return AtHead::Ends(None);
    }
    if !phrase_ends(cx, end) && tok.is_lower_word() {
        return AtHead::GoesOn;
    }
    // `Chief Operating Officer of AirTran Airways`: a complement that
    // names a company is the affiliation, not part of the title.
    let mut title_end = end;
    if employer_complement(cx, head, end) {
        affiliation = affiliation.or_else(|| cx.affiliation_at(end));
        title_end = head;
    }
    let Some((title, country)) = clean_title(cx, start, title_end) else {
        return AtHead::Ends(None);
    };
    if let Some(a) = organization_after(cx, end) {
        affiliation = affiliation.or_else(|| cx.affiliation_at(a));
    }
    AtHead::Ends(Some((title, affiliation.or(country), end)))
}

/// `First Credit Bank representative`: the organization before a lower-case
/// role (head `k`, phrase from `i`) is its affiliation, and the title starts
/// at the role. Returns where the title starts and that affiliation.
fn organization_before_role(cx: &Context, i: usize, k: usize) -> (usize, Option<String>) {
    if cx.tokens[k].is_lower_word() && k > i && cx.entity[k - 1].is_some() {
        let e = cx.entity[k - 1];
        let mut first = k - 1;
        while first > i && cx.entity[first - 1] == e {
            first -= 1;
        }
        if first == i || matches!(cx.word(first - 1), "a" | "an" | "the") {
            return (k, cx.affiliation_at(k - 1));
        }
    }
    (i, None)
}

/// `General Manager`, `Vice President`: the head is the last title word.
/// `Vice President`, `Chief Operating Officer`, `Chairman and Chief
/// Operating Officer`: the last head of the capitalised run from head `k`.
fn last_head(cx: &Context, k: usize) -> usize {
    let t = cx.tokens;
    let mut head = k;
    let mut j = k + 1;
    while j < t.len() && j < k + 7 && cx.joined(j) {
        let n = &t[j];
        let word = n.kind == Kind::Word && n.is_capitalized() && cx.entity[j].is_none();
        let and = n.text == "and"
            && t.get(j + 1)
                .is_some_and(|m| m.is_capitalized() && m.info.title_modifier() || m.info.title_head());
        if !(word || and) {
            break;
        }
        if word && n.info.title_head() {
            head = j;
        }
        j += 1;
    }
    head
}

/// Whether a phrase may end at token `end`, as a lower-case head must: what
/// follows is no word joined to it, a stop word, a participle (`an Apple
/// Inc. executive overseeing hardware`) or capitalised.
fn phrase_ends(cx: &Context, end: usize) -> bool {
    let t = cx.tokens;
    let next = cx.word(end + 1);
    // `an Apple Inc. executive overseeing hardware`, `a Post columnist
    // murdered in 2018`.
    let participle = next.len() > 4 && (next.ends_with("ing") || next.ends_with("ed"));
    end + 1 >= t.len()
        || t[end + 1].kind != Kind::Word
        || TITLE_STOPS.contains(&next)
        || participle
        || !cx.joined(end + 1)
        || t[end + 1].is_capitalized()
}

/// Whether the complement `head+1..=end` of a title is `of`/`at` an
/// employer (`Chief Operating Officer of AirTran Airways`).
fn employer_complement(cx: &Context, head: usize, end: usize) -> bool {
    if !(end > head && matches!(cx.word(head + 1), "of" | "at")) {
        return false;
    }
    let Some(e) = cx.entity[end].filter(|&e| is_employer(cx, e)) else {
        return false;
    };
    let mut b = end;
    while b > head && cx.entity[b - 1] == Some(e) {
        b -= 1;
    }
    let opener = if cx.word(b - 1) == "the" { b - 2 } else { b - 1 };
    opener == head + 1
}

/// An organization after a title ending at `end`, after `at`, `of`, `on
/// the`, `with`, `for` and a few lower-case words: its first token.
fn organization_after(cx: &Context, end: usize) -> Option<usize> {
    let t = cx.tokens;
    let mut a = end + 1;
    if !matches!(cx.word(a), "at" | "of" | "on" | "with" | "for") {
        return None;
    }
    a += 1;
    if cx.word(a) == "the" {
        a += 1;
    }
    while a < t.len() && t[a].is_lower_word() && a < end + 5 {
        a += 1;
    }
    (a < t.len() && cx.entity[a].is_some() && !cx.is_country_or_demonym(a)).then_some(a)
}

/// Names that start a clause: after start of line, punctuation or a
/// lower-case word; with at least two words.
fn full_names(cx: &Context) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    // A name starts on a name word or an honorific (`name_at`), after the
    // last name found.
    let mut next = 0;
    for &i in &cx.name_starts {
        if i >= next
            && cx.starts_name(i)
            && let Some((first, last, words)) = cx.name_at(i)
        {
            if words >= 2 {
                out.push((first, last, words));
            }
            next = last + 1;
        }
    }
    out
}

/// `official.apposition`, `official.parenthetical`, `official.colon`,
/// `official.affiliated` and `official.attribution`: patterns around a full name.
pub fn around_names(cx: &Context, out: &mut Vec<PersonMention>) {
    for (first, last, words) in full_names(cx) {
        if let Some((title, affiliation, rule)) = around_name(cx, first, last) {
            out.push(PersonMention {
                range: cx.range(first, last),
                words,
                title,
                affiliation,
                rule,
            });
        }
    }
}

/// What a pattern around a name says: title, affiliation and rule.
type Around = (Option<String>, Option<String>, Rule);

/// The first pattern around the full name `first..=last` that fits, in
/// order: apposition, title before a comma, parenthetical, listed name,
/// `of` an organization, attribution.
fn around_name(cx: &Context, first: usize, last: usize) -> Option<Around> {
    let t = cx.tokens;
    let next = last + 1;
    if let Some(found) = apposition(cx, next) {
        return Some(found);
    }
    // A title before a comma: `the firm's chief executive officer, Alan
    // Mulally`, `the Prime Minister of Singapore, Mr. Lee Hsien Loong`.
    if let Some((title, affiliation)) = title_before_comma(cx, first) {
        return Some((Some(title), affiliation, Rule::TitleComma));
    }
    // Parenthetical: `NAME (Queensland, Liberal Party, Attorney-General)`.
    if t.get(next).is_some_and(|c| c.is_punct('('))
        && let Some(title) = parenthetical_title(cx, next + 1)
    {
        return Some((Some(title), None, Rule::Parenthetical));
    }
    if let Some(found) = listed_name(cx, first, next) {
        return Some(found);
    }
    // `NAME of Tiger Research`.
    if cx.word(next) == "of" {
        let mut a = next + 1;
        if cx.word(a) == "the" {
            a += 1;
        }
        while a < t.len() && t[a].is_lower_word() && a < next + 4 {
            a += 1;
        }
        if a < t.len() && cx.entity[a].is_some() && !cx.is_country_or_demonym(a) {
            return Some((None, cx.affiliation_at(a), Rule::Affiliated));
        }
    }
    attribution(cx, first, next).then_some((None, None, Rule::Attribution))
}

/// Apposition after a name, at token `next`: `NAME, a Senior Analyst at
/// Tiger Research`, `NAME, 63, an analyst`, `NAME, the Treasury Department
/// said, an Egyptian businessman`.
fn apposition(cx: &Context, next: usize) -> Option<Around> {
    let t = cx.tokens;
    if !t.get(next).is_some_and(|c| c.is_punct(',')) {
        return None;
    }
    let mut k = next + 1;
    if t.get(k).is_some_and(|n| n.kind == Kind::Number) && t.get(k + 1).is_some_and(|c| c.is_punct(',')) {
        k += 2;
    }
    if let Some(skip) = interjection(cx, k) {
        k = skip;
    }
    // `NAME, formerly an Apple Inc. executive`.
    if APPOSITION_ADVERBS.contains(&cx.word(k)) {
        k += 1;
    }
    if matches!(cx.word(k), "a" | "an" | "the") {
        k += 1;
    }
    // `NAME, Rosneft's chief executive`, `NAME, the country's foreign
    // minister`: the owner of the title, then the title.
    if let Some(after) = possessor(cx, k) {
        k = after;
    }
    let (title, affiliation, _) = title_phrase(cx, k, 9)?;
    Some((Some(title), affiliation, Rule::Apposition))
}

/// The possessor of a title from token `k` (`Rosneft's`, `the country's`,
/// `Vladimir Putin's`): an organization or country the entities found, one
/// lower-case noun, or up to three capitalised words, then `'s`. Returns
/// the token after the `'s`.
fn possessor(cx: &Context, k: usize) -> Option<usize> {
    let t = cx.tokens;
    let first = t.get(k)?;
    if first.kind != Kind::Word {
        return None;
    }
    let mut last = k;
    let entity = cx.entity[k];
    if entity.is_some() {
        while last + 1 < t.len() && cx.entity[last + 1] == entity {
            last += 1;
        }
    } else if first.is_capitalized() {
        while last + 1 < t.len() && last < k + 2 && t[last + 1].kind == Kind::Word && t[last + 1].is_capitalized() {
            last += 1;
        }
    }
    let mark = t.get(last + 1)?;
    (mark.kind == Kind::Possessive && mark.gap == Gap::None && cx.joined(last + 2)).then_some(last + 2)
}

/// A listed name: `• NAME: title ...` at the start of a line. Without a
/// title, a listed name may be anything (`New Release:`).
fn listed_name(cx: &Context, first: usize, next: usize) -> Option<Around> {
    let t = cx.tokens;
    let line_start = first == 0
        || t[first].gap == Gap::Newline
        || (first >= 1 && t[first - 1].kind == Kind::Punct && (first == 1 || t[first - 1].gap == Gap::Newline));
    if !(line_start && t.get(next).is_some_and(|c| c.is_punct(':'))) {
        return None;
    }
    let (title, affiliation, _) = title_phrase(cx, next + 1, 6)?;
    Some((Some(title), affiliation, Rule::Colon))
}

/// Attribution: `said NAME`, `according to NAME`, `NAME said`.
fn attribution(cx: &Context, first: usize, next: usize) -> bool {
    let t = cx.tokens;
    let before = first.checked_sub(1).map_or("", |p| cx.word(p));
    let before2 = first.checked_sub(2).map_or("", |p| cx.word(p));
    let said_before = SPEECH_VERBS_BEFORE.contains(&before) || (before == "to" && before2 == "according");
    // `the state of North Rhine-Westphalia remarked`: after a preposition
    // the name is a place or an organization.
    let after_preposition = matches!(
        before,
        "of" | "in" | "at" | "from" | "to" | "for" | "on" | "by" | "with" | "near"
    );
    let after_possessive = first > 0 && t[first - 1].kind == Kind::Possessive;
    let said_after =
        !after_preposition && !after_possessive && t.get(next).is_some_and(|n| n.is_lower_word() && n.info.speech());
    said_before || said_after
}

/// `the firm's chief executive officer, Alan Mulally`: a title ending in a
/// head (with an `of` complement naming a country or organization, which is
/// the affiliation), a comma, then the name (honorifics skipped), the title
/// opening a clause or after an article or possessive.
fn title_before_comma(cx: &Context, first: usize) -> Option<(String, Option<String>)> {
    let t = cx.tokens;
    let mut f = first;
    while f > 0 && t[f - 1].info.honorific() && cx.joined(f) {
        f -= 1;
    }
    if f < 2 || !t[f - 1].is_punct(',') {
        return None;
    }
    let mut e = f - 2;
    let mut title_end = e;
    let mut affiliation = None;
    if let Some(ent) = cx.entity[e] {
        let mut b = e;
        while b > 0 && cx.entity[b - 1] == Some(ent) {
            b -= 1;
        }
        // `the general secretary of the CNE, NAME`.
        if b >= 3 && cx.word(b - 1) == "the" {
            b -= 1;
        }
        if b >= 2 && matches!(cx.word(b - 1), "of" | "at") && t[b - 2].info.title_head() {
            affiliation = cx.affiliation_at(e);
            e = b - 2;
            title_end = e;
        }
    } else if e >= 3
        && t[e].is_lower_word()
        && cx.word(e - 1) == "the"
        && cx.word(e - 2) == "of"
        && t[e - 3].is_lower_word()
        && t[e - 3].info.title_head()
    {
        // `the former head of the army, NAME`: the complement is part of
        // the title.
        e -= 3;
    }
    if t[e].kind != Kind::Word || !t[e].info.title_head() {
        return None;
    }
    let mut s = e;
    while s > 0 && cx.joined(s) {
        let p = &t[s - 1];
        let titled = p.kind == Kind::Word
            && (p.info.title_head() || p.info.title_modifier() || p.info.portfolio() || p.is_capitalized())
            && !p.info.not_name_start();
        if titled || (p.is_lower_word() && ROLE_MODIFIERS.contains(&p.text)) {
            s -= 1;
        } else if p.text == "and" && s >= 2 && t[s - 2].info.title_head() {
            s -= 2;
        } else {
            break;
        }
    }
    // (`Its director, NAME` opens a sentence; `a senior official, NAME`.)
    let determiner = |w: &str| {
        matches!(
            w,
            "the" | "The" | "its" | "Its" | "their" | "Their" | "his" | "His" | "her" | "Her" | "a" | "A" | "an" | "An"
        ) || matches!(w, "said" | "says")
    };
    // `The feared former head of the army, NAME`: one adjective between.
    let adjective_after_article = s >= 2 && t[s - 1].is_lower_word() && matches!(cx.word(s - 2), "the" | "The");
    let opens = s == 0
        || !cx.joined(s)
        || t[s - 1].kind == Kind::Possessive
        || (t[s - 1].kind == Kind::Punct && !t[s - 1].is_punct(','))
        || determiner(cx.word(s - 1))
        || adjective_after_article;
    // One head word alone (`Senator, John`) is too little, but not after an
    // article or possessive (`The bank's CEO, Ken Lewis`).
    let determined =
        s > 0 && (t[s - 1].kind == Kind::Possessive || matches!(cx.word(s - 1), "the" | "The" | "its" | "Its"));
    if !opens || (s == e && t[e].is_capitalized() && !determined) {
        return None;
    }
    let (title, country) = clean_title(cx, s, title_end)?;
    Some((title, affiliation.or(country)))
}

/// `, the Treasury Department said,` between a name and its apposition:
/// returns the token after the closing comma.
fn interjection(cx: &Context, k: usize) -> Option<usize> {
    let t = cx.tokens;
    let limit = (k + 8).min(t.len());
    for (j, tok) in t.iter().enumerate().take(limit).skip(k) {
        if tok.is_punct(',') {
            return (j > k && cx.info(j - 1).speech()).then_some(j + 1);
        }
        if tok.kind == Kind::Punct {
            return None;
        }
    }
    None
}

/// The title in `(Place, Party, Title)`: the last comma-separated part that
/// opens with a capitalised title head or contains one.
fn parenthetical_title(cx: &Context, open: usize) -> Option<String> {
    let t = cx.tokens;
    let close = (open..t.len().min(open + 30)).find(|&j| t[j].is_punct(')'))?;
    let mut best = None;
    let mut part_start = open;
    for j in open..=close {
        if t[j].is_punct(',') || j == close {
            if part_start < j {
                let has_head = (part_start..j).any(|k| t[k].kind == Kind::Word && t[k].info.title_head());
                if has_head && t[part_start].is_capitalized() {
                    best = Some(cx.slice(part_start, j - 1).to_string());
                }
            }
            part_start = j + 1;
        }
    }
    best
}

/// `official.surname`: a capitalised word alone that is the first or last
/// word of a person's full name (`Yoon observed`, `Kim's comments`).
pub fn surnames(cx: &Context, known: &[&str], out: &mut Vec<PersonMention>) {
    let parts: Vec<&str> = known
        .iter()
        // The first and last word of each name of two words or more.
        .filter_map(|n| Some([n.split_once(' ')?.0, n.rsplit_once(' ')?.1]))
        .flatten()
        .filter(|w| w.chars().count() >= 2)
        .collect();
    if parts.is_empty() {
        return;
    }
    let t = cx.tokens;
    for &i in &cx.name_starts {
        if !cx.name_token(i) || !parts.contains(&t[i].text) {
            continue;
        }
        let alone_before = i == 0 || !cx.joined(i) || !(t[i - 1].is_capitalized() || cx.particle(i - 1));
        let alone_after = i + 1 >= t.len() || !cx.joined(i + 1) || !(t[i + 1].is_capitalized() || cx.particle(i + 1));
        // A title right before: the title rules took it.
        let titled = i > 0 && cx.joined(i) && cx.info(i - 1).title_head();
        if alone_before && alone_after && !titled {
            out.push(PersonMention {
                range: t[i].range.clone(),
                words: 1,
                title: None,
                affiliation: None,
                rule: Rule::Surname,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;
    use crate::testing::picker;

    /// What `Context::new` did before [`cover`]: a binary search per range.
    fn covering_by_search(tokens: &[Token], ranges: &[(Range<usize>, usize)]) -> Vec<Option<usize>> {
        let mut per = vec![None; tokens.len()];
        for (range, what) in ranges {
            let from = tokens.partition_point(|t| t.range.end <= range.start);
            for (i, t) in tokens.iter().enumerate().skip(from) {
                if t.range.start >= range.end {
                    break;
                }
                per[i].get_or_insert(*what);
            }
        }
        per
    }

    #[test]
    fn cover_agrees_with_a_search_per_range() {
        let text = "U.S. Treasury Secretary Janet Yellen met the Bank of Korea in Seoul on Monday.";
        let tokens = tokenize(text);
        let cases: Vec<Vec<(Range<usize>, usize)>> = vec![
            vec![],
            // In text order, one inside another (the first keeps its tokens).
            vec![(0..13, 0), (5..13, 1), (45..58, 2), (62..67, 3)],
            // Starting inside a token, ending inside one, sharing a start.
            vec![(2..9, 0), (2..30, 1), (30..40, 2)],
            // Out of order: the search must be taken again.
            vec![(62..67, 3), (0..4, 0), (45..58, 2), (40..50, 4)],
            // Past the end and empty.
            vec![(70..200, 5), (300..300, 6)],
        ];
        for ranges in cases {
            let mut swept = vec![None; tokens.len()];
            cover(&tokens, ranges.iter().cloned(), &mut swept);
            assert_eq!(swept, covering_by_search(&tokens, &ranges), "{ranges:?}");
            let mut marked = vec![false; tokens.len()];
            cover(&tokens, ranges.iter().map(|(r, _)| (r.clone(), ())), &mut marked);
            let expected: Vec<bool> = covering_by_search(&tokens, &ranges)
                .iter()
                .map(Option::is_some)
                .collect();
            assert_eq!(marked, expected, "{ranges:?}");
        }
        // A concrete value: `Treasury` lies in the first range, `Seoul` in the fourth.
        let mut per = vec![None; tokens.len()];
        cover(&tokens, [(0..13, 0), (5..13, 1), (62..67, 3)].into_iter(), &mut per);
        let at = |word: &str| per[tokens.iter().position(|t| t.text == word).unwrap()];
        assert_eq!((at("Treasury"), at("Seoul"), at("Janet")), (Some(0), Some(3), None));
    }

    /// What [`full_names`] did before it walked `name_starts`: every token.
    fn full_names_by_every_token(cx: &Context) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < cx.tokens.len() {
            let may_start = cx.name_token(i) || cx.tokens[i].info.honorific();
            if may_start
                && cx.starts_name(i)
                && let Some((first, last, words)) = cx.name_at(i)
            {
                if words >= 2 {
                    out.push((first, last, words));
                }
                i = last + 1;
            } else {
                i += 1;
            }
        }
        out
    }

    /// Texts of names, honorifics, titles, countries, organizations and
    /// glue: walking the tokens where a name may start finds the names
    /// (and the surnames) a walk over every token found.
    #[test]
    fn name_starts_find_what_every_token_finds() {
        use crate::extract::{Article, entity};
        let words = [
            "Kim",
            "Jong",
            "Un",
            "Janet",
            "Yellen",
            "Mr.",
            "Dr",
            "Hon.",
            "Rt.",
            "K.",
            "U.S.",
            "al-Assad",
            "bin",
            "van",
            "Minister",
            "Secretary",
            "Treasury",
            "North",
            "Korea",
            "Korean",
            "Seoul",
            "Bank",
            "of",
            "the",
            "The",
            "said",
            "Monday",
            "Larry",
            "King",
            "Press",
            "Jim",
            "OFAC",
            "Ji-na",
            "O'Brien",
            "Émile",
            "ÉMILE",
            "and",
            "in",
            "7",
        ];
        let glue = [" ", " ", " ", ", ", ". ", "\n", " (", ") ", "'s ", ": ", " - "];
        let mut next = picker(9);
        let (mut names, mut alone) = (0, 0);
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..2 + next(24) {
                text.push_str(words[next(words.len())]);
                text.push_str(glue[next(glue.len())]);
            }
            let article = Article::new(&text, None);
            let toks = tokenize(&text);
            let found = entity::find_in(&article, &toks);
            let cx = Context::new(&text, &toks, &found);
            let expected = full_names_by_every_token(&cx);
            assert_eq!(full_names(&cx), expected, "{text:?}");
            names += expected.len();
            // Surnames: the spec walks every token.
            let known: Vec<&str> = expected.iter().map(|&(f, l, _)| cx.slice(f, l)).collect();
            let mut got = Vec::new();
            surnames(&cx, &known, &mut got);
            let mut spec = Vec::new();
            let every: Vec<usize> = (0..toks.len()).collect();
            let walked = Context {
                name_starts: every,
                ..Context::new(&text, &toks, &found)
            };
            surnames(&walked, &known, &mut spec);
            let ranges = |m: &[PersonMention]| m.iter().map(|m| m.range.clone()).collect::<Vec<_>>();
            assert_eq!(ranges(&got), ranges(&spec), "{text:?}");
            alone += spec.len();
        }
        assert!(names > 1000 && alone > 300, "{names} names, {alone} surnames");
    }

    #[test]
    fn lower_case_particles_join_a_name() {
        let tokens = crate::extract::tokens::tokenize("al-Assad della-Rovere al-assad well-known government-Owned");
        let named: Vec<(&str, bool)> = tokens.iter().map(|t| (t.text, name_word(t))).collect();
        assert_eq!(
            named,
            [
                ("al-Assad", true),
                ("della-Rovere", true),
                ("al-assad", false),
                ("well-known", false),
                ("government-Owned", false)
            ]
        );
    }
}
