//! Entities: the organizations and countries an article names, once each,
//! under a canonical name with the other surface forms as aliases
//! (docs/record.md; ANNOTATION.md "Entities").
//!
//! Rules (`rules.rs`) find candidate mentions: lexicon names of countries and
//! bodies, name shapes with head words, names after descriptors, acronym
//! definitions, alias cues. Resolution (`resolve.rs`) groups mentions by
//! entity, picks the canonical name (the longest full form; for countries the
//! lexicon's common short name) and fills type and country. Examples, positive
//! and negative, are in `examples.rs`.
//!
//! [`find`] returns a [`Found`] with the record's entities and every
//! [`Mention`] as a byte range with the index of its entity; for event
//! assembly, inside the crate, also the lexicon body behind each entity and the
//! demonyms of the text (`North Korean individuals`), which mention no entity
//! but say whose nationals are meant.

mod bare;
mod lexicon;
mod resolve;
mod rules;

#[cfg(test)]
mod examples;

pub(crate) use rules::DemonymMention;

use crate::extract::article::Article;
use crate::extract::lexicon::Body;
use crate::extract::tokens;
use crate::record::Entity;
use crate::rule::Spec;
use std::ops::Range;

/// What groups mentions into one entity.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    /// A country, by ISO code.
    Country(&'static str),
    /// A body of the lexicon, by canonical name.
    Body(&'static str),
    /// Any other name, by its normalised core (without a country prefix).
    Named(String),
}

/// One mention of an entity: a byte range of the clean text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index into [`Found::entities`].
    pub entity: usize,
    /// The byte range of the mention in the clean text.
    pub range: Range<usize>,
    /// The rule that found this mention.
    pub rule: Rule,
}

/// The entities of an article, with their mentions.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The record's entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Every mention, in text order (a prefixed form and its core, such as
    /// `U.S. Treasury` and `Treasury`, are one mention: the longer).
    pub mentions: Vec<Mention>,
    /// Per entity, the lexicon body it is, if any.
    pub(crate) bodies: Vec<Option<&'static Body>>,
    /// Demonyms in text order.
    pub(crate) demonyms: Vec<DemonymMention>,
}

impl Found {
    /// The entity whose mention covers byte `at`, if any (the innermost one).
    #[cfg(test)]
    pub(crate) fn entity_at(&self, at: usize) -> Option<usize> {
        self.mentions
            .iter()
            .filter(|m| m.range.start <= at && at < m.range.end)
            .min_by_key(|m| m.range.len())
            .map(|m| m.entity)
    }

    /// The country an entity is or belongs to (`OFAC` -> United States).
    #[cfg(test)]
    pub(crate) fn country_of(&self, entity: usize) -> Option<&'static crate::extract::lexicon::Country> {
        self.entities
            .get(entity)?
            .country
            .as_deref()
            .and_then(crate::extract::lexicon::country_by_code)
    }

    /// The index of the entity with this canonical name or alias.
    #[cfg(test)]
    pub(crate) fn by_name(&self, name: &str) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.name == name || e.aliases.iter().any(|a| a == name))
    }
}

/// Finds the entities of an article.
pub fn find(article: &Article) -> Found {
    find_in(article, &tokens::tokenize(article.text))
}

/// Finds the entities of an article whose text is already tokenised
/// (`tokens::tokenize(article.text)`, shared with the officials).
pub fn find_in(article: &Article, toks: &[tokens::Token]) -> Found {
    let text = article.text;
    let matches = crate::extract::lexicon::scan(text);
    let cx = rules::Context::new(text, toks, &matches);

    let mut candidates = Vec::new();
    let mut demonyms = Vec::new();
    rules::lexicon_candidates(text, &matches, &mut candidates, &mut demonyms);
    rules::head_candidates(&cx, &mut candidates);
    rules::head_first_candidates(&cx, &mut candidates);
    rules::descriptor_candidates(&cx, &mut candidates);
    rules::apposition_candidates(&cx, &mut candidates);
    let mut more = Vec::new();
    rules::unit_candidates(&cx, &candidates, &mut more);
    rules::lower_case_candidates(&cx, &mut more);
    candidates.append(&mut more);
    bare::candidates(&cx, &candidates, &mut more);
    candidates.append(&mut more);
    bare::short_forms(&cx, &mut candidates);
    candidates.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(b.range.end.cmp(&a.range.end)));
    let acronyms = rules::acronym_definitions(&cx, &mut candidates);
    let aliases = rules::alias_cues(&cx, &candidates, &article.sentences);
    let mut found = resolve::resolve(article, candidates, &acronyms, &aliases);
    found.demonyms = demonyms;
    found
}

/// The first bytes and lengths of a set of words: a test that lets through
/// every word of the set and few others, so that rules look up or compare
/// only the tokens it lets through (alias cues' first words, short forms).
#[derive(Clone, Copy)]
pub(super) struct Shapes {
    /// Per first byte: the lengths of the words, as bits (31 for 31 bytes
    /// or more).
    lengths: [u32; 256],
}

impl Shapes {
    pub(super) const EMPTY: Shapes = Shapes { lengths: [0; 256] };

    const fn bit(word: &str) -> u32 {
        1 << if word.len() < 31 { word.len() } else { 31 }
    }

    pub(super) const fn add(&mut self, word: &str) {
        if let Some(&first) = word.as_bytes().first() {
            self.lengths[first as usize] |= Self::bit(word);
        }
    }

    /// Whether a word of the set starts with `byte`.
    pub(super) const fn starts(&self, byte: u8) -> bool {
        self.lengths[byte as usize] != 0
    }

    /// Whether `word` may be one of the words added (no when it cannot).
    pub(super) fn may_be(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&first| self.may_be_shaped(first, word.len()))
    }

    /// Whether a word of `len` bytes starting with `first` may be one of
    /// the words added: [`Shapes::may_be`] of a word not yet written out.
    pub(super) const fn may_be_shaped(&self, first: u8, len: usize) -> bool {
        self.lengths[first as usize] & (1 << if len < 31 { len } else { 31 }) != 0
    }
}

/// Names as keys: lower case, runs of other characters as one space, no
/// leading `the`.
pub fn key_text(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    if name.is_ascii() {
        // (Most names: byte by byte, without decoding; for ASCII,
        // `is_alphanumeric` and `to_lowercase` are their ASCII forms.)
        for &b in name.as_bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            } else if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
    } else {
        for c in name.chars() {
            if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            } else if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
    }
    // The key holds no white space but single spaces: at most one to trim,
    // and both edits in place (no second copy).
    if out.ends_with(' ') {
        out.pop();
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
    out
}

/// An entity rule: its identity, as data. `RULES[rule as usize]` is its
/// spec; [`Rule::rank`] says how far its type is trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// `country.name`.
    CountryName,
    /// `country.alias`.
    CountryAlias,
    /// `country.capital`.
    CountryCapital,
    /// `body.lexicon`.
    BodyLexicon,
    /// `org.head`.
    Head,
    /// `org.head_of`.
    HeadOf,
    /// `org.descriptor`.
    Descriptor,
    /// `org.descriptor_list`.
    DescriptorList,
    /// `org.apposition`.
    Apposition,
    /// `org.head_first`.
    HeadFirst,
    /// `org.postposed`.
    Postposed,
    /// `org.unit`.
    Unit,
    /// `org.acronym`.
    Acronym,
    /// `org.alias_cue`.
    AliasCue,
    /// `org.bare_possessive`.
    BarePossessive,
    /// `org.bare_modifier`.
    BareModifier,
    /// `org.bare_relation`.
    BareRelation,
    /// `org.bare_defined`.
    BareDefined,
    /// `org.bare_subject`.
    BareSubject,
    /// `org.bare_coordination`.
    BareCoordination,
    /// `org.bare_repeat`.
    BareRepeat,
    /// `org.initials`.
    Initials,
    /// `org.short_form`.
    ShortForm,
    /// `body.lower_case`.
    LowerCase,
}

impl Rule {
    /// Every entity rule, in the order of [`RULES`].
    #[cfg(test)]
    pub(crate) const ALL: [Rule; 24] = [
        Rule::CountryName,
        Rule::CountryAlias,
        Rule::CountryCapital,
        Rule::BodyLexicon,
        Rule::Head,
        Rule::HeadOf,
        Rule::Descriptor,
        Rule::DescriptorList,
        Rule::Apposition,
        Rule::HeadFirst,
        Rule::Postposed,
        Rule::Unit,
        Rule::Acronym,
        Rule::AliasCue,
        Rule::BarePossessive,
        Rule::BareModifier,
        Rule::BareRelation,
        Rule::BareDefined,
        Rule::BareSubject,
        Rule::BareCoordination,
        Rule::BareRepeat,
        Rule::Initials,
        Rule::ShortForm,
        Rule::LowerCase,
    ];

    /// Its name, examples and negatives.
    pub(crate) fn spec(self) -> Spec {
        RULES[self as usize]
    }

    /// The rule's name (the `rule` of its entities).
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// How far its verdict on a type is trusted when mentions disagree
    /// (0 first): the lexicon, then head words, acronyms, appositions,
    /// descriptors, and the rest.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Rule::BodyLexicon | Rule::CountryName | Rule::CountryAlias | Rule::CountryCapital => 0,
            Rule::Head | Rule::HeadOf | Rule::HeadFirst | Rule::Unit | Rule::LowerCase => 1,
            Rule::Acronym => 2,
            Rule::Apposition => 3,
            Rule::Descriptor | Rule::DescriptorList | Rule::Postposed => 4,
            _ => 5,
        }
    }
}

/// The entity rules: name, examples (values `name (type, country)`) and
/// negatives. The matchers are in `rules.rs` (names with heads,
/// descriptors, appositions, units, acronyms, alias cues, the lexicon) and
/// `bare.rs` (bare names, from how the article uses them).
pub(crate) const RULES: &[Spec] = &[
    Spec::new(
        "country.name",
        &[("sanctions on [North Korea] grew", "North Korea (country, KP)")],
        &["North Korean hackers struck again."],
    ),
    Spec::new(
        "country.alias",
        &[
            ("[N. Korea] fired a missile.", "North Korea (country, KP)"),
            ("the [U.S.] said", "United States (country, US)"),
        ],
        &["North Korean hackers struck again."],
    ),
    Spec::new(
        "country.capital",
        &[("[Pyongyang] said the talks were over.", "North Korea (country, KP)")],
        &["the capital said the talks were over."],
    ),
    Spec::new(
        "body.lexicon",
        &[
            ("the [U.S. Treasury] acted", "U.S. Treasury (government_body, US)"),
            ("[OFAC] said", "OFAC (government_body, US)"),
        ],
        &["a treasury of old songs"],
    ),
    Spec::new(
        "org.head",
        &[
            ("[Far East Bank] was named.", "Far East Bank (company)"),
            (
                "the head of the [General Intelligence Service] was named",
                "General Intelligence Service (government_body)",
            ),
            ("analysts at [Quarrel Labs] said", "Quarrel Labs (company)"),
            ("the shipowner [Fjordlast AS] was listed", "Fjordlast AS (company)"),
            (
                "it named [Halcyon Petroleum DMCC] and others",
                "Halcyon Petroleum DMCC (company)",
            ),
            (
                "it named [Lanhe Electronics Co., Limited] and others",
                "Lanhe Electronics Co., Limited (company)",
            ),
            (
                "it named [Keppel Data PTE. LTD] and others",
                "Keppel Data PTE. LTD (company)",
            ),
            ("it named [Orsk Group plc] and others", "Orsk Group plc (company)"),
            (
                "it named [Grupo de Servicios Costa Sol S.A. de C.V.] and others",
                "Grupo de Servicios Costa Sol S.A. de C.V. (company)",
            ),
            (
                "it named [Birchwood Holdings, L.P.] and others",
                "Birchwood Holdings, L.P. (company)",
            ),
            (
                "the [1267 Sanctions Committee] listed him",
                "1267 Sanctions Committee (international_org)",
            ),
            (
                "it named [Blue Harbor Logistics] and others",
                "Blue Harbor Logistics (company)",
            ),
            ("the [Chinese Embassy] said", "Chinese Embassy (government_body, CN)"),
            // Forces and their units, police, intelligence units.
            (
                "the [Rapid Response Battalion] was named",
                "Rapid Response Battalion (government_body)",
            ),
            (
                "officers of the [National Police] were named",
                "National Police (government_body)",
            ),
            (
                "the [Financial Intelligence Unit] said",
                "Financial Intelligence Unit (government_body)",
            ),
            ("the [Southern Command] said", "Southern Command (government_body)"),
            // Works of industry, shipping lines, alliances, clubs.
            (
                "the [Orsk Wheel Tractor Plant] was named",
                "Orsk Wheel Tractor Plant (company)",
            ),
            ("it named [Varna Cement Factory] too", "Varna Cement Factory (company)"),
            (
                "it named [Caspian Shipping Lines] too",
                "Caspian Shipping Lines (company)",
            ),
            (
                "it named the [Islamic Republic of Iran Shipping Lines] too",
                "Islamic Republic of Iran Shipping Lines (company, IR)",
            ),
            ("the [Kivu River Alliance] said", "Kivu River Alliance (group)"),
            (
                "the [Westfield Football Club] said",
                "Westfield Football Club (organization)",
            ),
            ("[Harbor Town FC] won", "Harbor Town FC (organization)"),
            // A legislature by its head alone, after `the` or a country.
            ("the bill passed the [Senate] on Monday", "Senate (government_body)"),
            ("the [U.S. Senate] voted", "U.S. Senate (government_body, US)"),
        ],
        &[
            "Senate Republicans said",
            "the NATO Alliance met",
            "the European Parliament voted and the Parliament said",
            "the Council said",
            "the police said",
            "the unit was named",
            "a cement factory was named",
            "the bank was named.",
            "North Korean hacking groups struck.",
            "a Foreign Terrorist Organization was named.",
            "the embassy said",
            "the Embassy said",
            "Minister of Civil Aviation Ivan Petrov said",
            "the Ministry of Defense and Armed Forces Logistics said",
        ],
    ),
    Spec::new(
        "org.head_of",
        &[
            (
                "the [Ministry of People's Armed Forces] said",
                "Ministry of People's Armed Forces (government_body)",
            ),
            // Portfolios listed with a comma and `and`.
            (
                "the [Ministry of Economy, Trade and Industry] said",
                "Ministry of Economy, Trade and Industry (government_body)",
            ),
            (
                "the [Ministry of the Interior and Administration] said",
                "Ministry of the Interior and Administration (government_body)",
            ),
        ],
        &[
            "the Under Secretary for Terrorism and Financial Intelligence said",
            "Quarrel Labs Inc. of Newbury Park said",
            "Quarrel Technologies of Russia said",
            "the Wixom Assembly Plant of Wixom said",
        ],
    ),
    Spec::new(
        "org.descriptor",
        &[
            ("said the research firm [Chainwise].", "Chainwise (company)"),
            ("the militant group [Jaish al-Nasr] said", "Jaish al-Nasr (group)"),
        ],
        &["said the research firm."],
    ),
    Spec::new(
        "org.descriptor_list",
        &[
            (
                "hacking groups like Bluefang and [Nightcrow] struck",
                "Nightcrow (group)",
            ),
            (
                "as well as the companies Nord Vesta, Kallisto Energy, and [Romvik Trade] were named",
                "Romvik Trade (company)",
            ),
        ],
        &[
            "hacking groups struck again",
            "the companies Sasha lines grew",
            "the firms, Smith said, grew",
        ],
    ),
    Spec::new(
        "org.apposition",
        &[
            (
                "They named [Kaindy Altyn], a small Kyrgyz lender.",
                "Kaindy Altyn (company)",
            ),
            (
                "It hit [Velmora] - the state-owned gold mining company - too.",
                "Velmora (company)",
            ),
            (
                "It named Balanar and [Ortex Marine], two shipping firms, too.",
                "Ortex Marine (company)",
            ),
        ],
        &[
            "They named Ivan Petrov, a small Kyrgyz trader.",
            "It named Ivan Petrov - a retired schoolteacher - too.",
            "As Ortex Marine, two shipping firms said, grew.",
        ],
    ),
    Spec::new(
        "org.head_first",
        &[
            ("sanctions on [Bank Vostrel] and others", "Bank Vostrel (company)"),
            ("the supplier [OOO Tekhnomarin] was named", "OOO Tekhnomarin (company)"),
            ("the [Cartel de los Llanos] was named", "Cartel de los Llanos (group)"),
            (
                "it named [Banco Fenix de Fomento] too",
                "Banco Fenix de Fomento (company)",
            ),
        ],
        &[
            "the World Bank said",
            "the bank said",
            "Bank of Japan said",
            "a Cartel de\nsomething",
        ],
    ),
    Spec::new(
        "org.postposed",
        &[
            (
                "a leader of the [Grand Ravine gang] was named",
                "Grand Ravine gang (group)",
            ),
            (
                "members of Mexico's [Sinaloa cartel] and others",
                "Sinaloa cartel (group)",
            ),
            ("the [Q17 militant group] seized it", "Q17 militant group (group)"),
            ("the [Tren de Vargas gang] grew", "Tren de Vargas gang (group)"),
            ("funds went through the [Blendor mixer] too", "Blendor mixer (company)"),
        ],
        &[
            "the Adani group said",
            "it added the Sahel armed group Jund Furqan to its list",
            "an armed group seized it",
            "the gang leader was named",
            "the Donbas militia fought",
            "the Kremlin gang said",
        ],
    ),
    Spec::new(
        "org.unit",
        &[("[IRGC Unit 840] was named", "IRGC Unit 840 (government_body, IR)")],
        &["Unit 840 was named"],
    ),
    Spec::new(
        "org.acronym",
        &[
            (
                "the National Crime Agency ([NCA]) led the inquiry.",
                "National Crime Agency (government_body, GB)",
            ),
            (
                "sanctions on [Kaloma Oil and Gas Enterprise] (KOGE) were imposed",
                "Kaloma Oil and Gas Enterprise (company)",
            ),
            (
                "the conglomerate GAPSA, or Grupo de Almacenes Portuarios S.A. ([GAPSA]), grew",
                "Grupo de Almacenes Portuarios S.A. (company)",
            ),
        ],
        &["the Specially Designated Nationals (SDN) list grew."],
    ),
    Spec::new(
        "org.alias_cue",
        &[(
            "The Nightcrow Group, also known as [Cobalt Spider], struck.",
            "Nightcrow Group (company)",
        )],
        &["The group, also known for its raids, struck."],
    ),
    Spec::new(
        "org.bare_possessive",
        &[(
            "[Hengtai]'s chief financial officer, Liu Yan, said sales fell.",
            "Hengtai (company)",
        )],
        &["Liu's chief concern, she said, was sales."],
    ),
    Spec::new(
        "org.bare_modifier",
        &[(
            "[Meta Platforms] chief executive Mark Zuckerberg was named.",
            "Meta Platforms (company)",
        )],
        &["Boeing said the tests went well."],
    ),
    Spec::new(
        "org.bare_relation",
        &[("Moshiri resigned as chairman of [USM] on Tuesday.", "USM (company)")],
        &["Moshiri resigned as chairman on Tuesday."],
    ),
    Spec::new(
        "org.bare_defined",
        &[(
            "[Halvorsen Dynamics] (HD) won the contract.",
            "Halvorsen Dynamics (company)",
        )],
        &["General Dynamics won the contract."],
    ),
    Spec::new(
        "org.bare_subject",
        &[(
            "The first [Embraer] E195 flew. Embraer said the tests went well.",
            "Embraer (company)",
        )],
        &["Embraer said the tests went well."],
    ),
    Spec::new(
        "org.bare_coordination",
        &[
            (
                "OFAC had sanctioned Garantex and [Hydra], a darknet marketplace.",
                "Hydra (company)",
            ),
            (
                "The measures hit Sberbank, [Zorvex], Alfa-Bank and others.",
                "Zorvex (company)",
            ),
        ],
        &[
            "Moshiri and Usmanov met in London.",
            "In a note to Sberbank, Zorvex said it would pay.",
        ],
    ),
    Spec::new(
        "org.bare_repeat",
        &[(
            "The first Embraer E195 flew. [Embraer] said the tests went well.",
            "Embraer (company)",
        )],
        &["Embraer said the tests went well."],
    ),
    Spec::new(
        "org.initials",
        &[(
            "The United Auto Workers will own 55 percent; the [UAW] agreed.",
            "United Auto Workers (organization)",
        )],
        &["The UAW agreed."],
    ),
    Spec::new(
        "org.short_form",
        &[(
            "Quillon Airways thanked its staff, and [Quillon] flies on.",
            "Quillon Airways (company)",
        )],
        &["Quillon flies on."],
    ),
    Spec::new(
        "body.lower_case",
        &[
            (
                "Russia's [foreign ministry] said",
                "foreign ministry (government_body, RU)",
            ),
            (
                "to Seoul's [foreign ministry]",
                "foreign ministry (government_body, KR)",
            ),
        ],
        &["the foreign ministry said", "a ministry of culture"],
    ),
];

/// The entity rules and how the corpus test finds their items: every
/// mention, valued `name (type, country)`.
#[cfg(test)]
pub(crate) fn rule_dimension() -> crate::rule::tests::Dimension {
    crate::rule::tests::Dimension {
        name: "entities",
        marked: true,
        specs: Rule::ALL.iter().map(|r| r.spec()).collect(),
        find: |text| {
            let article = Article::new(text, None);
            let found = find(&article);
            found
                .mentions
                .iter()
                .map(|m| {
                    let e = &found.entities[m.entity];
                    let kind = serde_json::to_value(e.kind).expect("a type serializes");
                    let kind = kind.as_str().unwrap_or("?");
                    crate::rule::tests::Found {
                        rule: m.rule.name().to_string(),
                        bytes: m.range.clone(),
                        value: match &e.country {
                            Some(c) => format!("{} ({kind}, {c})", e.name),
                            None => format!("{} ({kind})", e.name),
                        },
                    }
                })
                .collect()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::Shapes;

    /// `key_text` as first written: decoding every character, and copying
    /// the trimmed key.
    fn key_text_by_chars(name: &str) -> String {
        let mut out = String::with_capacity(name.len());
        for c in name.chars() {
            if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            } else if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
        let out = out.trim_end();
        out.strip_prefix("the ").unwrap_or(out).to_string()
    }

    #[test]
    fn shapes_let_through_the_words_added() {
        let words = [
            "GM",
            "Northrop",
            "UAW",
            "Ölkraft",
            "B",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ",
            "Boeing",
        ];
        let mut shapes = Shapes::EMPTY;
        for w in &words[..4] {
            shapes.add(w);
        }
        for w in &words[..4] {
            assert!(shapes.may_be(w), "{w:?}");
        }
        // Another length or first byte: kept out.
        for w in ["GMC", "gm", "Northrops", "UAWU", "Übung", "", "1GM", "Boeing"] {
            assert!(!shapes.may_be(w), "{w:?}");
        }
        // The same first byte and length: let through, and looked up.
        assert!(shapes.may_be("Gm"));
        shapes.add(words[5]);
        assert!(
            shapes.may_be("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKL"),
            "long words share a bit"
        );
    }

    #[test]
    fn key_text_is_key_text_by_chars() {
        let pieces = [
            "the",
            "The",
            "THE",
            " ",
            "  ",
            "\t",
            "\n",
            "-",
            ".",
            "'",
            "&",
            "U.S.",
            "Boeing",
            "Co",
            "İ",
            "Société",
            "Ωmega",
            "x",
            "9",
            "\u{a0}",
            "ǅ",
            "ß",
            "the ",
            "theory",
            "",
        ];
        let mut next = crate::testing::picker(23);
        for _ in 0..20000 {
            let name: String = (0..next(7)).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(super::key_text(&name), key_text_by_chars(&name), "{name:?}");
        }
        // Every byte alone.
        for b in 0u8..0x80 {
            let name = char::from(b).to_string();
            assert_eq!(super::key_text(&name), key_text_by_chars(&name), "{name:?}");
        }
    }
}
