//! The entity lexicon: the words the entity rules read around names and head
//! words that are no names, heads or descriptors themselves (complement
//! connectors, alias cues, the words that end a descriptor phrase). Data
//! only; `rules` reads it. Names, head words and descriptor nouns are in
//! `extract/lexicon/` (`bodies.rs`, `countries.rs`, `heads.rs`), and the cues
//! of bare names in `extract/lexicon/cues.rs`.

/// Connectors that open a head's complement (`Center for Strategic and
/// International Studies`, `Ministry of People's Armed Forces`):
/// `rules::complement_after` (`org.head_of`).
pub(super) const COMPLEMENT_OPENERS: &[&str] = &["of", "for", "on"];

/// Words that say the next name is another name of the entity before (`also
/// known as the New Romantic Cyber Army Team`), as word sequences: the rule
/// `org.alias_cue` (`rules::alias_cues`); their first words make
/// `rules::CUE_OPENERS`, the tokens that `Context` gathers.
pub(super) const ALIAS_CUES: &[&[&str]] = &[
    &["also", "known", "as"],
    &["formerly", "known", "as"],
    &["known", "as"],
    &["aka"],
    &["a.k.a."],
    &["aliases", "including"],
    &["alias"],
    &["dubbed"],
];

/// Capitalised words whose `'s` stays inside a name (`People's Liberation
/// Army`; a bare apostrophe, `Workers' Party`, always does): `rules::name_start`.
pub(super) const POSSESSIVE_NAME_WORDS: &[&str] = &["People", "Men", "Women", "Children"];

/// Words before the head `Bank` that make a bank a central bank, a government
/// body (`Central Bank`, `Reserve Bank`): `rules::central_bank`.
pub(super) const CENTRAL_BANK_WORDS: &[&str] = &["Central", "Reserve"];

/// Descriptor nouns that take a comma before the name even after a
/// determiner (`its subsidiary, Mammut Diesel`), where others do not (`the
/// company, Mark Chandler,` is a person): `rules::descriptors_at`.
pub(super) const COMMA_DESCRIPTORS: &[&str] = &["subsidiary", "affiliate"];

/// Words that may follow the descriptor that ends an apposition (`Chainalysis,
/// a blockchain analytics firm based in New York`), besides punctuation:
/// `rules::apposition_at` (`org.apposition`).
pub(super) const APPOSITION_ENDS: &[&str] = &["that", "which", "based", "in", "of", "with", "owned", "registered"];

/// Numbers in words that open an apposition to a list of names (`Balanar and
/// Ortex Marine, two shipping firms`): `rules::list_apposition_at`.
pub(super) const LIST_COUNTS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both",
];

/// Lower-case nouns written after a group's name (`the Grand Ravine gang`,
/// `the Sinaloa cartel`, `the Sinbad mixer`): `rules::postposed` (`org.postposed`).
/// They are descriptors (`extract/lexicon/heads.rs`), which gives their type.
/// (Not `militia` nor `rebels`: news names those after the place they hold,
/// `Donbas militia`, `Tigray rebels`.)
pub(super) const POSTPOSED_DESCRIPTORS: &[&str] = &["gang", "cartel", "mixer"];

/// Lower-case words that say what kind of group a name before them is (`the
/// M23 militant group`, `the LockBit ransomware group`): with `group` after
/// them, a postposed descriptor (`rules::postposed`, `org.postposed`). A bare
/// `group` after a name is often a firm's (`the Adani group`): not read.
pub(super) const GROUP_KINDS: &[&str] = &[
    "militant",
    "rebel",
    "armed",
    "terrorist",
    "terror",
    "mercenary",
    "jihadist",
    "extremist",
    "paramilitary",
    "insurgent",
    "separatist",
    "hacking",
    "hacker",
    "ransomware",
    "cybercrime",
    "criminal",
];

/// Head words that open a name (`Bank Melli`, `Bank Rossiya`, `Banco de
/// Venezuela`, `Cartel de los Soles`) and legal forms
/// written before it, as Russian registers do (`OOO Stroygazmontazh`, `JSC
/// Rosneft`): `rules::head_first_candidates` (`org.head_first`). They are
/// head words (`extract/lexicon/heads.rs`).
pub(super) const HEAD_FIRST: &[(&str, crate::record::EntityType)] = &[
    ("Bank", crate::record::EntityType::Company),
    ("Banco", crate::record::EntityType::Company),
    ("Cartel", crate::record::EntityType::Group),
    ("OOO", crate::record::EntityType::Company),
    ("OAO", crate::record::EntityType::Company),
    ("ZAO", crate::record::EntityType::Company),
    ("PAO", crate::record::EntityType::Company),
    ("JSC", crate::record::EntityType::Company),
    ("PJSC", crate::record::EntityType::Company),
];

/// Heads that name a state's legislature alone, after `the` or a country
/// (`the Senate`, `the U.S. Senate`, `the Russian Parliament`), where other
/// bare heads are no names (`the Council`): `rules::head_name`. They are
/// head words (`extract/lexicon/heads.rs`).
pub(super) const LEGISLATURE_HEADS: &[&str] = &["Senate", "Parliament"];

/// Heads that describe a known body before them rather than name a body of
/// their own (`the NATO Alliance` is NATO): no lexicon name joins them
/// (`rules::head_name`).
pub(super) const DESCRIPTIVE_HEADS: &[&str] = &["Alliance"];

/// Heads of works, whose `of` complement is their town (`Wixom Assembly
/// Plant of Wixom`), not part of the name: `rules::complement_after`.
pub(super) const PLACE_HEADS: &[&str] = &["Plant", "Factory", "Works"];

/// Heads of a state's missions abroad, which news names by the state alone
/// (`the Chinese Embassy`, `the U.S. Consulate in Hong Kong`): the country
/// before them is the name's core, not a prefix (`rules::head_name`).
pub(super) const COUNTRY_NAMED_HEADS: &[&str] = &["Embassy", "Consulate"];

/// Arabic's article as names write it, joined by a hyphen to the capitalised
/// word it qualifies (`Hayat Tahrir al-Sham`, `Jaish al-Adl`, `Nasr
/// ad-Din`): such a word is a name word inside a name (`rules::is_name_word`).
pub(super) const ARTICLE_PREFIXES: &[&str] = &[
    "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ud-", "ul-",
];
