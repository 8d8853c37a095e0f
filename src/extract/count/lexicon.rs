//! The count lexicon: counted nouns with their category, the words around
//! a number that make it no count, and the words that join a list of counted
//! nouns. Data only; `rules` and `resolve` read it.

use crate::record::CountCategory;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// Counted nouns as `(singular, plural, category)`, lower case. A plural that
/// is the singular (`aircraft`, `people`) is written twice.
pub const NOUNS: &[(&str, &str, CountCategory)] = {
    use CountCategory::{Aircraft, Entity, Individual, Other, Vessel};
    &[
        // Individuals.
        ("individual", "individuals", Individual),
        ("person", "persons", Individual),
        ("person", "people", Individual),
        ("national", "nationals", Individual),
        ("official", "officials", Individual),
        ("citizen", "citizens", Individual),
        ("executive", "executives", Individual),
        ("officer", "officers", Individual),
        ("man", "men", Individual),
        ("woman", "women", Individual),
        ("child", "children", Individual),
        ("member", "members", Individual),
        ("leader", "leaders", Individual),
        ("minister", "ministers", Individual),
        ("diplomat", "diplomats", Individual),
        ("agent", "agents", Individual),
        ("representative", "representatives", Individual),
        ("businessman", "businessmen", Individual),
        ("businesswoman", "businesswomen", Individual),
        ("businessperson", "businesspeople", Individual),
        ("worker", "workers", Individual),
        ("laborer", "laborers", Individual),
        ("labourer", "labourers", Individual),
        ("crewman", "crewmen", Individual),
        ("seaman", "seamen", Individual),
        ("troop", "troops", Individual),
        ("personnel", "personnel", Individual),
        ("employee", "employees", Individual),
        ("journalist", "journalists", Individual),
        ("reporter", "reporters", Individual),
        ("dissident", "dissidents", Individual),
        ("activist", "activists", Individual),
        ("general", "generals", Individual),
        ("commander", "commanders", Individual),
        ("scientist", "scientists", Individual),
        ("engineer", "engineers", Individual),
        ("banker", "bankers", Individual),
        ("financier", "financiers", Individual),
        ("trader", "traders", Individual),
        ("broker", "brokers", Individual),
        ("facilitator", "facilitators", Individual),
        ("operative", "operatives", Individual),
        ("oligarch", "oligarchs", Individual),
        ("hacker", "hackers", Individual),
        ("smuggler", "smugglers", Individual),
        ("senator", "senators", Individual),
        // Party members as counted in votes (`ten Republicans joined forty Democrats`).
        ("Democrat", "Democrats", Individual),
        ("Republican", "Republicans", Individual),
        ("lawmaker", "lawmakers", Individual),
        ("legislator", "legislators", Individual),
        ("judge", "judges", Individual),
        ("prosecutor", "prosecutors", Individual),
        ("soldier", "soldiers", Individual),
        ("sailor", "sailors", Individual),
        ("seafarer", "seafarers", Individual),
        ("passenger", "passengers", Individual),
        ("student", "students", Individual),
        ("resident", "residents", Individual),
        ("civilian", "civilians", Individual),
        ("victim", "victims", Individual),
        ("prisoner", "prisoners", Individual),
        ("detainee", "detainees", Individual),
        ("defector", "defectors", Individual),
        ("refugee", "refugees", Individual),
        ("migrant", "migrants", Individual),
        ("suspect", "suspects", Individual),
        ("director", "directors", Individual),
        ("manager", "managers", Individual),
        ("owner", "owners", Individual),
        ("shareholder", "shareholders", Individual),
        ("relative", "relatives", Individual),
        ("associate", "associates", Individual),
        ("spy", "spies", Individual),
        ("militant", "militants", Individual),
        ("fighter", "fighters", Individual),
        ("designee", "designees", Individual),
        ("staffer", "staffers", Individual),
        ("crew member", "crew members", Individual),
        ("captain", "captains", Individual),
        ("cadre", "cadres", Individual),
        ("politician", "politicians", Individual),
        ("envoy", "envoys", Individual),
        ("ambassador", "ambassadors", Individual),
        ("adviser", "advisers", Individual),
        ("advisor", "advisors", Individual),
        ("critic", "critics", Individual),
        ("opponent", "opponents", Individual),
        ("candidate", "candidates", Individual),
        ("governor", "governors", Individual),
        ("attorney", "attorneys", Individual),
        ("lawyer", "lawyers", Individual),
        ("colonel", "colonels", Individual),
        ("tycoon", "tycoons", Individual),
        ("athlete", "athletes", Individual),
        ("player", "players", Individual),
        ("son", "sons", Individual),
        ("daughter", "daughters", Individual),
        ("brother", "brothers", Individual),
        ("sister", "sisters", Individual),
        ("wife", "wives", Individual),
        ("magnate", "magnates", Individual),
        ("trafficker", "traffickers", Individual),
        ("American", "Americans", Individual),
        ("Korean", "Koreans", Individual),
        ("Iranian", "Iranians", Individual),
        ("Russian", "Russians", Individual),
        ("Syrian", "Syrians", Individual),
        ("Iraqi", "Iraqis", Individual),
        ("Afghan", "Afghans", Individual),
        ("Pakistani", "Pakistanis", Individual),
        ("Indian", "Indians", Individual),
        ("Israeli", "Israelis", Individual),
        ("Palestinian", "Palestinians", Individual),
        ("Ukrainian", "Ukrainians", Individual),
        ("Belarusian", "Belarusians", Individual),
        ("Turk", "Turks", Individual),
        ("Briton", "Britons", Individual),
        ("German", "Germans", Individual),
        ("Italian", "Italians", Individual),
        ("European", "Europeans", Individual),
        ("Venezuelan", "Venezuelans", Individual),
        ("Cuban", "Cubans", Individual),
        ("Saudi", "Saudis", Individual),
        ("Emirati", "Emiratis", Individual),
        ("Yemeni", "Yemenis", Individual),
        ("Libyan", "Libyans", Individual),
        ("Egyptian", "Egyptians", Individual),
        ("Filipino", "Filipinos", Individual),
        ("Australian", "Australians", Individual),
        ("Canadian", "Canadians", Individual),
        ("Mexican", "Mexicans", Individual),
        ("Brazilian", "Brazilians", Individual),
        ("Nigerian", "Nigerians", Individual),
        ("Somali", "Somalis", Individual),
        ("Lebanese", "Lebanese", Individual),
        // More demonyms of the world's countries (`two Indonesians`, `three
        // Poles`); those of the country lexicon are added (`demonym_nouns`).
        ("Indonesian", "Indonesians", Individual),
        ("Haitian", "Haitians", Individual),
        ("Rwandan", "Rwandans", Individual),
        ("Pole", "Poles", Individual),
        ("Dane", "Danes", Individual),
        ("Swede", "Swedes", Individual),
        ("Finn", "Finns", Individual),
        ("Spaniard", "Spaniards", Individual),
        ("Colombian", "Colombians", Individual),
        ("Nicaraguan", "Nicaraguans", Individual),
        ("Kazakh", "Kazakhs", Individual),
        ("Uzbek", "Uzbeks", Individual),
        ("Tajik", "Tajiks", Individual),
        ("Lithuanian", "Lithuanians", Individual),
        ("Latvian", "Latvians", Individual),
        ("Estonian", "Estonians", Individual),
        ("Moldovan", "Moldovans", Individual),
        ("Armenian", "Armenians", Individual),
        ("Azerbaijani", "Azerbaijanis", Individual),
        ("Jordanian", "Jordanians", Individual),
        ("Kuwaiti", "Kuwaitis", Individual),
        ("Qatari", "Qataris", Individual),
        ("Omani", "Omanis", Individual),
        ("Bahraini", "Bahrainis", Individual),
        ("Algerian", "Algerians", Individual),
        ("Moroccan", "Moroccans", Individual),
        ("Tunisian", "Tunisians", Individual),
        ("Ethiopian", "Ethiopians", Individual),
        ("Eritrean", "Eritreans", Individual),
        ("Kenyan", "Kenyans", Individual),
        ("Ugandan", "Ugandans", Individual),
        ("Malian", "Malians", Individual),
        ("Zimbabwean", "Zimbabweans", Individual),
        ("Bangladeshi", "Bangladeshis", Individual),
        ("Nepali", "Nepalis", Individual),
        ("Malaysian", "Malaysians", Individual),
        ("Singaporean", "Singaporeans", Individual),
        ("Cambodian", "Cambodians", Individual),
        ("Mongolian", "Mongolians", Individual),
        ("Serb", "Serbs", Individual),
        ("Croat", "Croats", Individual),
        ("Bosnian", "Bosnians", Individual),
        ("Hungarian", "Hungarians", Individual),
        ("Romanian", "Romanians", Individual),
        ("Bulgarian", "Bulgarians", Individual),
        ("Cypriot", "Cypriots", Individual),
        ("Austrian", "Austrians", Individual),
        ("Belgian", "Belgians", Individual),
        ("Norwegian", "Norwegians", Individual),
        ("Argentine", "Argentines", Individual),
        ("Chilean", "Chileans", Individual),
        ("Peruvian", "Peruvians", Individual),
        ("Ecuadorian", "Ecuadorians", Individual),
        ("Bolivian", "Bolivians", Individual),
        ("Guatemalan", "Guatemalans", Individual),
        ("Honduran", "Hondurans", Individual),
        ("Salvadoran", "Salvadorans", Individual),
        ("Panamanian", "Panamanians", Individual),
        ("Jamaican", "Jamaicans", Individual),
        ("Ghanaian", "Ghanaians", Individual),
        ("Thai", "Thais", Individual),
        ("Georgian", "Georgians", Individual),
        ("Greek", "Greeks", Individual),
        ("Czech", "Czechs", Individual),
        ("Slovak", "Slovaks", Individual),
        // Entities.
        ("entity", "entities", Entity),
        ("company", "companies", Entity),
        ("firm", "firms", Entity),
        ("business", "businesses", Entity),
        ("bank", "banks", Entity),
        ("institution", "institutions", Entity),
        ("institute", "institutes", Entity),
        ("organization", "organizations", Entity),
        ("organisation", "organisations", Entity),
        ("group", "groups", Entity),
        ("corporation", "corporations", Entity),
        ("subsidiary", "subsidiaries", Entity),
        ("affiliate", "affiliates", Entity),
        ("enterprise", "enterprises", Entity),
        ("exchange", "exchanges", Entity),
        ("airline", "airlines", Entity),
        ("conglomerate", "conglomerates", Entity),
        ("manufacturer", "manufacturers", Entity),
        ("supplier", "suppliers", Entity),
        ("distributor", "distributors", Entity),
        ("refinery", "refineries", Entity),
        ("charity", "charities", Entity),
        ("foundation", "foundations", Entity),
        ("university", "universities", Entity),
        ("laboratory", "laboratories", Entity),
        ("lab", "labs", Entity),
        ("agency", "agencies", Entity),
        ("ministry", "ministries", Entity),
        ("department", "departments", Entity),
        ("outfit", "outfits", Entity),
        ("network", "networks", Entity),
        ("mixer", "mixers", Entity),
        ("insurer", "insurers", Entity),
        ("operator", "operators", Entity),
        ("shipper", "shippers", Entity),
        ("lender", "lenders", Entity),
        ("provider", "providers", Entity),
        ("partnership", "partnerships", Entity),
        ("militia", "militias", Entity),
        ("bureau", "bureaus", Entity),
        ("cartel", "cartels", Entity),
        ("subentity", "subentities", Entity),
        ("importer", "importers", Entity),
        ("exporter", "exporters", Entity),
        ("producer", "producers", Entity),
        ("carmaker", "carmakers", Entity),
        ("automaker", "automakers", Entity),
        // Vessels.
        ("vessel", "vessels", Vessel),
        ("ship", "ships", Vessel),
        ("tanker", "tankers", Vessel),
        ("boat", "boats", Vessel),
        ("freighter", "freighters", Vessel),
        ("supertanker", "supertankers", Vessel),
        ("barge", "barges", Vessel),
        ("trawler", "trawlers", Vessel),
        // Aircraft.
        ("aircraft", "aircraft", Aircraft),
        ("plane", "planes", Aircraft),
        ("airplane", "airplanes", Aircraft),
        ("aeroplane", "aeroplanes", Aircraft),
        ("jet", "jets", Aircraft),
        ("airliner", "airliners", Aircraft),
        ("helicopter", "helicopters", Aircraft),
        // Other counted things.
        ("round", "rounds", Other),
        ("missile", "missiles", Other),
        ("rocket", "rockets", Other),
        ("drone", "drones", Other),
        ("test", "tests", Other),
        ("launch", "launches", Other),
        ("warhead", "warheads", Other),
        ("weapon", "weapons", Other),
        ("address", "addresses", Other),
        ("wallet", "wallets", Other),
        ("account", "accounts", Other),
        ("country", "countries", Other),
        ("nation", "nations", Other),
        ("state", "states", Other),
        ("partner", "partners", Other),
        ("city", "cities", Other),
        ("province", "provinces", Other),
        ("site", "sites", Other),
        ("facility", "facilities", Other),
        ("plant", "plants", Other),
        ("reactor", "reactors", Other),
        ("project", "projects", Other),
        ("shipment", "shipments", Other),
        ("cargo", "cargoes", Other),
        ("container", "containers", Other),
        ("vehicle", "vehicles", Other),
        ("car", "cars", Other),
        ("truck", "trucks", Other),
        ("tank", "tanks", Other),
        ("measure", "measures", Other),
        ("resolution", "resolutions", Other),
        ("sanction", "sanctions", Other),
        ("package", "packages", Other),
        ("case", "cases", Other),
        ("item", "items", Other),
        ("product", "products", Other),
        ("transaction", "transactions", Other),
        ("attack", "attacks", Other),
        ("job", "jobs", Other),
        ("seat", "seats", Other),
        ("vote", "votes", Other),
        ("dealership", "dealerships", Other),
        ("store", "stores", Other),
        ("branch", "branches", Other),
        ("office", "offices", Other),
        ("port", "ports", Other),
        ("unit", "units", Other),
    ]
};

/// Words before a number that make it a label, not a count (`Executive Order
/// 13382`, `Resolution 2270`, `Unit 840`, `section 1`). Compared without case.
pub const LABEL_BEFORE: &[&str] = &[
    "order",
    "orders",
    "e.o",
    "e.o.",
    "eo",
    "resolution",
    "resolutions",
    "unscr",
    "no",
    "no.",
    "nos",
    "number",
    "nr",
    "unit",
    "section",
    "sections",
    "article",
    "articles",
    "chapter",
    "title",
    "flight",
    "room",
    "route",
    "highway",
    "page",
    "pages",
    "vol",
    "volume",
    "part",
    "rule",
    "regulation",
    "decision",
    "paragraph",
    "item",
    "version",
    "model",
    "level",
    "phase",
    "stage",
    "grade",
    "class",
    "block",
    "lot",
    "gate",
    "terminal",
    "platform",
    "apartment",
    "suite",
    "box",
    "station",
    "channel",
    "reactor",
    "tier",
    "category",
    "type",
    "act",
    "law",
    "code",
    "annex",
    "clause",
    "schedule",
    "list",
    "step",
    "week",
    "day",
    "year",
    "years",
    "days",
    "weeks",
    "aged",
    "age",
    "ages",
    "top",
    "district",
    "precinct",
    "zone",
    "sector",
    "line",
    "lines",
    "window",
    "windows",
    "covid",
    "boeing",
    "airbus",
    "shahed",
];

/// Verbs that headlines write in Title Case before a count (`Commerce Adds 37
/// PRC Entities to Entity List`, `U.S. Sanctions 12 Russian Officials`): a
/// capitalised word before a number is a label or a model (`Boeing 737
/// jets`) unless it is one of these. Compared without case.
pub const HEADLINE_VERBS: &[&str] = &[
    "adds",
    "sanctions",
    "targets",
    "blacklists",
    "designates",
    "names",
    "lists",
    "delists",
    "hits",
    "penalizes",
    "penalises",
    "punishes",
    "bans",
    "freezes",
    "charges",
    "indicts",
    "expels",
    "imposes",
];

/// Endings of lower-case adjectives that may be coordinated with a modifier
/// before a counted noun (`300 Russian and international entities`, `five
/// domestic and foreign banks`): `rules::noun_phrase`.
pub const ADJECTIVE_ENDINGS: &[&str] = &["al", "an", "ese", "ic", "ish", "ive", "ary", "ous", "ign", "tic"];

/// Words before a number that make the noun phrase a back-reference to
/// things already counted (`the two nations`, `these 29 vessels`), not a
/// new count.
pub const DEFINITE_BEFORE: &[&str] = &[
    "the", "these", "those", "its", "their", "his", "her", "our", "your", "my", "both", "all", "each", "every", "whose",
];

/// Words that may stand between a number and its noun as modifiers even
/// though they are in lower case (`8 more`, `two named`, `seven institutions`):
/// everything else in lower case must not be a function word.
pub const STOP_WORDS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "for",
    "from",
    "to",
    "by",
    "with",
    "without",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "against",
    "between",
    "among",
    "after",
    "before",
    "since",
    "during",
    "through",
    "across",
    "per",
    "via",
    "than",
    "as",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "where",
    "when",
    "while",
    "if",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "said",
    "says",
    "say",
    "it",
    "its",
    "they",
    "them",
    "their",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "you",
    "your",
    "i",
    "not",
    "no",
    "but",
    "so",
    "because",
    "also",
    "then",
    "there",
    "here",
    "out",
    "up",
    "down",
    "off",
    "times",
    "percent",
    "per cent",
    "pct",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "decades",
    "decade",
    "old",
    "ago",
    "later",
    "earlier",
    "each",
    "every",
    "all",
    "some",
    "any",
    "both",
    "either",
    "neither",
    "other",
    "another",
    "many",
    "much",
    "few",
    "several",
    "most",
    "least",
    "just",
    "only",
    "even",
    "still",
    "already",
    "too",
    "very",
    "or",
    "and",
    "nor",
    "yet",
    "like",
    "including",
    "such",
];

/// Lower-case words that may sit between a number and its noun although
/// they are in [`STOP_WORDS`] (`4 more Iranian entities`, `two other banks`).
pub const MODIFIERS_ALLOWED: &[&str] = &["other", "more", "additional", "new", "further", "such"];

/// Possessive determiners that name the set of a partitive count (`four of
/// his children`, `seven of its officials`): `rules::partitive_set`.
pub const PARTITIVE_POSSESSIVES: &[&str] = &["its", "his", "her", "their", "our", "whose"];

/// Superlatives without the `-est` ending (`seven of the most powerful
/// oligarchs`): `rules::partitive_set`.
pub const SUPERLATIVES: &[&str] = &["most", "top", "best", "worst", "biggest", "largest", "leading"];

/// Lower-case adjectives that pair with `and` between a number and its noun
/// (`five former and current officials`): `rules::noun_phrase`.
pub const PAIRED_ADJECTIVES: &[&str] = &["current", "former", "serving", "retired", "active", "past", "present"];

/// Participles after a definite count that make its noun the targets of an
/// action (`the 11 officials sanctioned`): `rules::definite_targets`.
pub const TARGET_PARTICIPLES: &[&str] = &[
    "sanctioned",
    "designated",
    "blacklisted",
    "targeted",
    "listed",
    "penalized",
    "penalised",
];

/// Words before `a` or `an` that make what it introduces a target of
/// sanctions (`sanctions on a Rwandan minister`, `sanctioned an individual`,
/// `added to the list a company`), as word sequences, the last word next to
/// the article: `resolve::target_articles`.
pub(super) const TARGET_ARTICLE_CUES: &[&[&str]] = &[
    &["sanctions", "on"],
    &["sanctions", "against"],
    &["penalties", "on"],
    &["sanctioned"],
    &["sanctioning"],
    &["designated"],
    &["designating"],
    &["blacklisted"],
    &["blacklisting"],
    &["the", "list"],
    &["sanctions", "list"],
];

/// The nouns of designations, which count one after `a` and a target cue
/// even outside a list (`added to the list an individual`):
/// `resolve::resolve`.
pub(super) const TARGET_ARTICLE_NOUNS: &[&str] = &["individual", "entity", "person"];

/// Words after a number that make it a measure or a label, not a count.
pub const NOT_COUNT_AFTER: &[&str] = &["percent", "per", "pct", "%", "times", "fold"];

/// What the lexicon says of one noun form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub category: CountCategory,
    /// The form counts one (`individual`, `aircraft`).
    pub singular: bool,
    /// The form counts more than one (`individuals`, `people`, `aircraft`).
    pub plural: bool,
    /// A demonym (`Koreans`): a noun only when capitalised.
    pub proper: bool,
}

static INDEX: LazyLock<HashMap<String, Entry>> = LazyLock::new(|| {
    let mut map: HashMap<String, Entry> = HashMap::default();
    for &(singular, plural, category) in NOUNS.iter().chain(demonym_nouns().iter()) {
        let proper = singular.starts_with(char::is_uppercase);
        for (form, is_plural) in [(singular, false), (plural, true)] {
            let entry = map.entry(form.to_ascii_lowercase()).or_insert(Entry {
                category,
                singular: false,
                plural: false,
                proper,
            });
            if is_plural {
                entry.plural = true;
            } else {
                entry.singular = true;
            }
        }
    }
    map
});

/// The nouns of nationality of every country of the country lexicon
/// (`two Paraguayans`, `a Mauritanian`): each demonym there whose plural in
/// `s` is there too, as an individual. (Forms with no plural of their own,
/// `Chinese`, `Swiss`, are adjectives more often than nouns: left out.)
fn demonym_nouns() -> Vec<(&'static str, &'static str, CountCategory)> {
    let mut out = Vec::new();
    for country in crate::extract::lexicon::countries::COUNTRIES {
        for &plural in country.demonyms {
            let Some(singular) = plural.strip_suffix('s') else {
                continue;
            };
            if let Some(&singular) = country.demonyms.iter().find(|d| **d == singular) {
                out.push((singular, plural, CountCategory::Individual));
            }
        }
    }
    out
}

/// The lexicon entry of a noun, in any case.
pub fn noun(word: &str) -> Option<Entry> {
    let mut buffer = [0u8; 20];
    let lower = buffer.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    INDEX.get(std::str::from_utf8(lower).ok()?).copied()
}

pub fn is_stop_word(lower: &str) -> bool {
    STOP_WORDS.contains(&lower)
}

/// List connectors between the elements of a list of counted nouns, longest
/// first (`40 individuals, companies and vessels`, `, and a trading
/// company`): `resolve::coordinated_category` and `resolve::article_after`.
pub(super) const CONNECTORS: &[&str] = &[", and ", ", or ", ", ", " and ", " or "];

/// Lower-case words that may stand before a noun coordinated without a number
/// of its own (`20 individuals and other entities`, `nine individuals and
/// legal entities`, the law's pair of natural and legal persons); other
/// lower-case words end the look-ahead: `resolve::coordinated_category`.
pub(super) const COORDINATED_MODIFIERS: &[&str] = &["other", "related", "associated", "legal"];
