//! The event assembly lexicon: the words `events.rs` reads around triggers,
//! actors and targets to tell an actor from an object, a target from a
//! bystander and an action's date from its cause's. Data only; the trigger
//! rules and the words that qualify a trigger (modal, negation, adjective
//! cues) are in `triggers.rs`.

/// Prepositions that make the noun after them an object, not an actor
/// (`sanctions on Iran`): `events::is_object`, which `can_act` reads.
pub(super) const OBJECT_MARKERS: &[&str] = &[
    "on",
    "against",
    "to",
    "with",
    "from",
    "of",
    "by",
    "for",
    "toward",
    "towards",
    "into",
    "at",
    "in",
    "over",
    "about",
    "between",
    "including",
    "targeting",
    "like",
    "under",
    "within",
];

/// Words after which a date is that of a cause, not of the action (`in
/// response to the July 4 launch`): `events::action_date` skips such dates.
pub(super) const CAUSE_MARKERS: &[&str] = &[
    "response",
    "following",
    "after",
    "since",
    "amid",
    "because",
    "retaliation",
    "over",
];

/// Words that end an object list: after them, names are no longer targets
/// (`sanctioned Acme Corp for its role`): `events::named_objects`.
pub(super) const OBJECT_BREAKS: &[&str] = &[
    "for",
    "over",
    "because",
    "which",
    "that",
    "who",
    "whose",
    "linked",
    "connected",
    "tied",
    "after",
    "before",
    "since",
    "response",
    "accused",
    "alleged",
    "allegedly",
    "said",
    "says",
    "while",
    "when",
    "by",
    "under",
    "pursuant",
    "according",
    "amid",
    "following",
    "behind",
    "helping",
    "supporting",
    "owned",
    "controlled",
];

/// Nouns after a possessive actor that keep it the actor (`Seoul's willingness
/// to consider`, `Japan's sanctions list`); after other nouns (`Russia's war`,
/// `Iran's missile programs`) the possessive names no actor: `events::can_act`
/// reads the three words after `'s`.
pub(super) const AGENTIVE_NOUNS: &[&str] = &[
    "willingness",
    "decision",
    "plan",
    "plans",
    "move",
    "readiness",
    "intention",
    "bid",
    "effort",
    "efforts",
    "attempt",
    "announcement",
    "sanctions",
    "sanction",
    "government",
    "ministry",
    "cabinet",
    "administration",
    "authorities",
    "treasury",
    "list",
    "blacklist",
    "measures",
    "own",
    "foreign",
    "finance",
    "state",
    "new",
];

/// Words before a country that make it what an action aims at (`sanctions on
/// North Korea`, `to pressure Iran`): `events::target_of`.
pub(super) const TARGET_MARKERS: &[&str] = &[
    "on",
    "against",
    "targeting",
    "target",
    "targets",
    "targeted",
    "at",
    "over",
    "toward",
    "towards",
    "from",
    "upon",
    "of",
    "punish",
    "pressure",
    "sanctioning",
    "sanctioned",
];

/// Auxiliaries that make the trigger after them passive (`were sanctioned`,
/// `has been delisted`), in the two words before it: `events::is_passive`.
pub(super) const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "been", "be", "being", "is", "are", "get", "got"];

/// Verbs of reporting: an actor before a passive trigger with one between
/// them reports the action, and is its subject (`The EU said 20 firms were
/// sanctioned`): `events::subject`.
pub(super) const REPORTING_VERBS: &[&str] = &[
    "said", "says", "announced", "announces", "stated", "confirmed", "confirms", "added", "noted", "reported",
    "told", "declared", "revealed", "disclosed", "published", "explained", "indicated",
];

/// Words between an actor and the noun `sanctions` that keep the actor the
/// owner of the sanctions (`UN sanctions`, `the EU's new sanctions`):
/// `events::modifies`.
pub(super) const NOUN_MODIFIERS: &[&str] = &[
    "new", "fresh", "further", "additional", "other", "own", "earlier", "previous", "existing", "economic",
    "financial", "unilateral", "sweeping", "tough", "tougher", "harsh", "heavy", "broad", "targeted",
];

/// Verbs of speech or reaction: an official before a trigger with one between
/// them speaks of the action rather than takes it (`Maduro condemned the
/// sanctions`). Not `said`: `Trump said he would impose sanctions`.
pub(super) const REACTION_VERBS: &[&str] = &[
    "argued", "claimed", "condemned", "denounced",
    "criticized", "criticised", "slammed", "called", "described", "dismissed", "rejected", "blasted",
    "decried", "protested", "complained", "responded", "reacted", "welcomed",
    "praised", "hailed",
];

/// Words that end a list before its first name (`listed::names`): a verb or
/// preposition means a clause, not an item's description (`the sanctions took
/// effect`, `banks in Russia`).
pub(super) const LIST_DESCRIPTION_STOPS: &[&str] = &[
    "in", "on", "at", "by", "to", "from", "with", "over", "after", "before", "since", "because", "for", "as",
    "which", "who", "whom", "whose", "that", "this", "these", "those", "it", "its", "they", "their", "he", "she",
    "was", "were", "is", "are", "be", "been", "will", "would", "could", "may", "might", "can", "has", "have",
    "had", "not", "no", "said", "says", "took", "take", "takes", "came", "come", "comes", "followed", "also",
    "including", "include", "includes", "included", "than", "but", "or", "and", "if", "when", "while", "under",
    "into", "about", "against", "without", "through", "during", "where", "there", "then",
];

/// Lower-case words that may stand inside a name between capitalised words
/// (`Bank of Kunlun`, `Stone for Trading`, `Juan de la Cruz`, `Ali bin Said`):
/// `listed::names`.
pub(super) const NAME_PARTICLES: &[&str] = &[
    "of", "for", "de", "da", "del", "della", "di", "do", "dos", "das", "du", "la", "le", "van", "von", "der",
    "den", "al", "el", "bin", "ibn", "bint", "ul", "ud", "y", "&",
];

/// Capitalised words that make a list item no name (`March 2024`, `The
/// Treasury`, sentence openers): `listed::names`.
pub(super) const NOT_NAMES: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "This", "These", "Those", "It",
    "He", "She", "They", "We", "In", "On", "At", "A", "An", "Mr", "Mr.", "Ms.", "Mrs.", "One", "Two", "Three",
    "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Several", "Some", "Many", "All",
    "Other", "New", "Adds", "Sanctions",
];

/// Tails of capitalised compound adjectives (`Dubai-based`, `Kremlin-linked`):
/// no name word (`listed::names`).
pub(super) const COMPOUND_TAILS: &[&str] = &[
    "based", "linked", "backed", "owned", "registered", "controlled", "affiliated", "headquartered", "run",
    "born", "led", "made", "flagged", "aligned", "allied", "connected", "related",
];

/// Words after a name that make it a speaker, not a list item (`..., the
/// Foreign Ministry said`): `listed::names`.
pub(super) const SPEECH_AFTER_NAME: &[&str] = &[
    "said", "says", "announced", "reported", "reports", "told", "stated", "added", "noted", "rejected",
    "condemned", "denied", "confirmed", "warned", "responded",
];

/// Words in the eight before a date that make it the day of a remark, not of an
/// action (`speaking Thursday`, `sources on the 2nd`, `told reporters on
/// Monday`): `events::news_day`.
pub(super) const SPEECH_DAY_CUES: &[&str] = &[
    "speaking", "spoke", "said", "says", "told", "stated", "sources", "source", "according", "interview",
    "briefing", "reporters", "remarks", "testified", "testimony", "forum", "conference",
];
