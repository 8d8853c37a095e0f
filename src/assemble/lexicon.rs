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
    "said",
    "says",
    "announced",
    "announces",
    "stated",
    "confirmed",
    "confirms",
    "added",
    "noted",
    "reported",
    "told",
    "declared",
    "revealed",
    "disclosed",
    "published",
    "explained",
    "indicated",
];

/// Words between an actor and the noun `sanctions` that keep the actor the
/// owner of the sanctions (`UN sanctions`, `the EU's new sanctions`):
/// `events::modifies`.
pub(super) const NOUN_MODIFIERS: &[&str] = &[
    "new",
    "fresh",
    "further",
    "additional",
    "other",
    "own",
    "earlier",
    "previous",
    "existing",
    "economic",
    "financial",
    "unilateral",
    "sweeping",
    "tough",
    "tougher",
    "harsh",
    "heavy",
    "broad",
    "targeted",
];

/// Verbs of speech or reaction: an official before a trigger with one between
/// them speaks of the action rather than takes it (`Maduro condemned the
/// sanctions`). Not `said`: `Trump said he would impose sanctions`.
pub(super) const REACTION_VERBS: &[&str] = &[
    "argued",
    "claimed",
    "condemned",
    "denounced",
    "criticized",
    "criticised",
    "slammed",
    "called",
    "described",
    "dismissed",
    "rejected",
    "blasted",
    "decried",
    "protested",
    "complained",
    "responded",
    "reacted",
    "welcomed",
    "praised",
    "hailed",
];
