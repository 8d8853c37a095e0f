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
    "addition",
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

/// Nouns of those who speak for a country: before `of`, the country after
/// them can act (`the foreign ministers of Australia and Canada announced`):
/// `events::is_object`.
pub(super) const REPRESENTATIVES: &[&str] = &[
    "ministers",
    "minister",
    "leaders",
    "leader",
    "governments",
    "government",
    "heads",
    "representatives",
    "ambassadors",
    "envoys",
    "delegations",
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

/// Words besides the auxiliaries that may stand between a passive's subject
/// and its trigger (`Rosneft has also been designated`):
/// `events::passive_subject`.
pub(super) const PASSIVE_GAP_WORDS: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "now",
    "too",
    "later",
    "subsequently",
    "then",
    "likewise",
    "itself",
    "himself",
    "herself",
];

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

/// Words that end a list before its first name (`listed::names`): a verb or
/// preposition means a clause, not an item's description (`the sanctions took
/// effect`, `banks in Russia`).
pub(super) const LIST_DESCRIPTION_STOPS: &[&str] = &[
    "in",
    "on",
    "at",
    "by",
    "to",
    "from",
    "with",
    "over",
    "after",
    "before",
    "since",
    "because",
    "for",
    "as",
    "which",
    "who",
    "whom",
    "whose",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "they",
    "their",
    "he",
    "she",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "will",
    "would",
    "could",
    "may",
    "might",
    "can",
    "has",
    "have",
    "had",
    "not",
    "no",
    "said",
    "says",
    "took",
    "take",
    "takes",
    "came",
    "come",
    "comes",
    "followed",
    "also",
    "including",
    "include",
    "includes",
    "included",
    "than",
    "but",
    "or",
    "and",
    "if",
    "when",
    "while",
    "under",
    "into",
    "about",
    "against",
    "without",
    "through",
    "during",
    "where",
    "there",
    "then",
];

/// Lower-case words that join the words of an organisation's name (`Bank of
/// Kunlun`, `Stone for Trading`, `Comando do Capital`), besides the particles
/// of people's names (`lexicon::titles::NAME_PARTICLES`): `listed::names`.
pub(super) const NAME_JOINERS: &[&str] = &["of", "for", "do", "du", "ul", "ud", "&"];

/// Capitalised words that make a list item no name (`The Treasury`, `Three
/// Gang Leaders`, sentence openers), besides months and days
/// (`lexicon::words`): `listed::names`.
pub(super) const NOT_NAMES: &[&str] = &[
    "The",
    "This",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "In",
    "On",
    "At",
    "A",
    "An",
    "Mr",
    "Mr.",
    "Ms.",
    "Mrs.",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Several",
    "Some",
    "Many",
    "All",
    "Other",
    "New",
    "Adds",
    "Sanctions",
];

/// Tails of capitalised compound adjectives (`Dubai-based`, `Kremlin-linked`):
/// no name word (`listed::names`).
pub(super) const COMPOUND_TAILS: &[&str] = &[
    "based",
    "linked",
    "backed",
    "owned",
    "registered",
    "controlled",
    "affiliated",
    "headquartered",
    "run",
    "born",
    "led",
    "made",
    "flagged",
    "aligned",
    "allied",
    "connected",
    "related",
];

/// Words after a name that make it a speaker, not a list item (`..., the
/// Foreign Ministry said`): `listed::names`.
pub(super) const SPEECH_AFTER_NAME: &[&str] = &[
    "said",
    "says",
    "announced",
    "reported",
    "reports",
    "told",
    "stated",
    "added",
    "noted",
    "rejected",
    "condemned",
    "denied",
    "confirmed",
    "warned",
    "responded",
];

/// Words in the eight before a date that make it the day of a remark, not of an
/// action (`speaking Thursday`, `sources on the 2nd`, `told reporters on
/// Monday`): `events::news_day`.
pub(super) const SPEECH_DAY_CUES: &[&str] = &[
    "speaking",
    "spoke",
    "said",
    "says",
    "told",
    "stated",
    "sources",
    "source",
    "according",
    "interview",
    "briefing",
    "reporters",
    "remarks",
    "testified",
    "testimony",
    "forum",
    "conference",
];

/// Words after a list of target countries that go on with the clause (`on
/// Albania, Montenegro and North Macedonia for corruption`): a verb there
/// would make the list's end the subject of another clause instead
/// (`events::coordinated_countries`).
pub(super) const LIST_END_PREPOSITIONS: &[&str] = &[
    "for",
    "over",
    "in",
    "on",
    "after",
    "with",
    "under",
    "at",
    "to",
    "as",
    "amid",
    "because",
    "following",
    "by",
    "from",
    "and",
    "who",
    "which",
    "that",
    "pursuant",
    "accused",
    "involved",
    "linked",
    "citing",
    "during",
    "since",
    "until",
    "while",
    "were",
    "was",
];

/// Words of sanctions in the disciplinary sense: sport and its bodies,
/// courts and their parties (`events::disciplinary`).
pub(super) const DISCIPLINARY_WORDS: &[&str] = &[
    "athlete",
    "athletes",
    "doping",
    "anti-doping",
    "WADA",
    "USADA",
    "FIFA",
    "UEFA",
    "IOC",
    "disciplinary",
    "club",
    "clubs",
    "player",
    "players",
    "match",
    "matches",
    "tournament",
    "league",
    "referee",
    "coach",
    "sport",
    "sports",
    "sporting",
    "Olympic",
    "Olympics",
    "competition",
    "court",
    "judge",
    "appellee",
    "appellant",
    "plaintiff",
    "defendant",
    "attorney",
    "attorneys",
    "lawyer",
    "lawyers",
    "bankruptcy",
    "litigation",
    "frivolous",
    "misconduct",
    "counsel",
    "fined",
    "suspended",
    "suspension",
];

/// Words of sanctions between states: who imposes them, what they freeze,
/// what they answer (`events::disciplinary`).
pub(super) const STATE_WORDS: &[&str] = &[
    "Treasury",
    "OFAC",
    "asset freeze",
    "assets",
    "frozen",
    "embargo",
    "export",
    "exports",
    "designated",
    "designation",
    "regime",
    "government",
    "ministry",
    "foreign",
    "nuclear",
    "missile",
    "military",
    "war",
    "terrorist",
    "terrorism",
    "blacklist",
    "Security Council",
    "European Union",
    "EU",
    "Kremlin",
    "invasion",
    "oligarch",
    "oligarchs",
    "entities",
    "diplomatic",
    "embassy",
    "ambassador",
    "State Department",
    "United Nations",
    "UN",
    "minister",
    "president",
    "regime's",
    "junta",
    "troops",
];

/// Tails of compound adjectives that place a target, not whose it is
/// (`a Paris-based radio station`, `UAE-registered firms`): such a country
/// is not what an action aims at (`events::target_of`).
pub(super) const PLACE_TAILS: &[&str] = &["based", "registered", "headquartered", "flagged", "incorporated"];

/// Tails of compound adjectives that name a patron of the target
/// (`the Iran-backed Houthis`, `Russian-supported separatists`): the country
/// supports the group aimed at and is not itself the target
/// (`events::target_of`). Ties of belonging (`Russia-linked`, `state-owned`)
/// are not here: they make the country the target.
pub(super) const PATRON_TAILS: &[&str] = &[
    "backed",
    "supported",
    "sponsored",
    "funded",
    "aligned",
    "allied",
    "affiliated",
    "armed",
    "inspired",
];

/// Nouns for the measures themselves: as the subject of a modal (`the latest
/// sanctions will impose asset freezes`, `the freeze will also affect two
/// banks`) they tell what an action does, not that one is planned
/// (`events::triggers_in`).
pub(super) const MEASURE_NOUNS: &[&str] = &[
    "sanctions",
    "measures",
    "package",
    "freeze",
    "freezes",
    "designation",
    "designations",
    "listing",
    "listings",
    "restrictions",
    "penalties",
    "ban",
    "bans",
];

/// Nouns of the kin and aides of a person: the person they belong to is not
/// the one aimed at (`the wife of Foreign Minister Sergey Lavrov`, `Putin's
/// two daughters`): `events::kin_of`.
pub(super) const KIN_NOUNS: &[&str] = &[
    "wife",
    "husband",
    "spouse",
    "son",
    "sons",
    "daughter",
    "daughters",
    "children",
    "child",
    "mother",
    "father",
    "brother",
    "brothers",
    "sister",
    "sisters",
    "relatives",
    "relative",
    "family",
    "girlfriend",
    "aides",
    "aide",
    "associates",
    "cronies",
    "confidants",
];

/// Nouns after a country that make it a modifier of those aimed at, not an
/// actor (`Myanmar junta leader also sanctioned`, `Iran regime officials`):
/// `events::not_acting`.
pub(super) const TARGET_HEADS: &[&str] = &[
    "junta",
    "regime",
    "generals",
    "military",
    "army",
    "oligarch",
    "oligarchs",
    "nationals",
    "citizens",
    "tycoon",
    "tycoons",
    "militia",
    "militias",
    "proxies",
];

/// Territories whose regime is another country's: an action on `Hong Kong
/// officials` aims at China (`events::target_of`).
pub(super) const TERRITORIES: &[(&str, &str)] = &[("Hong Kong", "China"), ("Macau", "China")];

/// Heads of state and government, foreign and finance ministers of the
/// governments that sanction most, and the EU's leaders, by the authority
/// they speak for, from the public record of their offices (2009-2026). An
/// official of this list needs no affiliation in the text to be the subject
/// of an action (`President Donald Trump threatened sanctions`). Leaders of
/// countries mostly sanctioned (Iran, Venezuela, North Korea) are left out:
/// they are the targets far more often than the actors.
pub(super) const LEADERS: &[(&str, &[&str])] = &[
    (
        "United States",
        &[
            "Barack Obama",
            "Joe Biden",
            "Joseph Biden",
            "Donald Trump",
            "Mike Pence",
            "Kamala Harris",
            "JD Vance",
            "J.D. Vance",
            "Hillary Clinton",
            "John Kerry",
            "Rex Tillerson",
            "Mike Pompeo",
            "Antony Blinken",
            "Marco Rubio",
            "Timothy Geithner",
            "Jack Lew",
            "Steven Mnuchin",
            "Janet Yellen",
            "Scott Bessent",
            "Wilbur Ross",
            "Gina Raimondo",
            "Howard Lutnick",
        ],
    ),
    (
        "United Kingdom",
        &[
            "David Cameron",
            "Theresa May",
            "Boris Johnson",
            "Liz Truss",
            "Rishi Sunak",
            "Keir Starmer",
            "William Hague",
            "Philip Hammond",
            "Jeremy Hunt",
            "Dominic Raab",
            "James Cleverly",
            "David Lammy",
            "Yvette Cooper",
        ],
    ),
    (
        "European Union",
        &[
            "Ursula von der Leyen",
            "Josep Borrell",
            "Kaja Kallas",
            "Federica Mogherini",
            "Catherine Ashton",
            "Charles Michel",
            "Antonio Costa",
            "António Costa",
        ],
    ),
    (
        "Canada",
        &[
            "Stephen Harper",
            "Justin Trudeau",
            "Mark Carney",
            "Chrystia Freeland",
            "Melanie Joly",
            "Mélanie Joly",
            "Anita Anand",
        ],
    ),
    (
        "Australia",
        &[
            "Malcolm Turnbull",
            "Scott Morrison",
            "Anthony Albanese",
            "Julie Bishop",
            "Marise Payne",
            "Penny Wong",
        ],
    ),
    (
        "New Zealand",
        &[
            "Jacinda Ardern",
            "Chris Hipkins",
            "Christopher Luxon",
            "Nanaia Mahuta",
            "Winston Peters",
        ],
    ),
    (
        "Japan",
        &[
            "Shinzo Abe",
            "Yoshihide Suga",
            "Fumio Kishida",
            "Shigeru Ishiba",
            "Sanae Takaichi",
            "Yoshimasa Hayashi",
        ],
    ),
    (
        "South Korea",
        &["Moon Jae-in", "Yoon Suk Yeol", "Yoon Suk-yeol", "Lee Jae-myung"],
    ),
    ("France", &["Francois Hollande", "François Hollande", "Emmanuel Macron"]),
    (
        "Germany",
        &["Angela Merkel", "Olaf Scholz", "Friedrich Merz", "Annalena Baerbock"],
    ),
    (
        "Russia",
        &[
            "Vladimir Putin",
            "Sergei Lavrov",
            "Sergey Lavrov",
            "Mikhail Mishustin",
            "Maria Zakharova",
        ],
    ),
    ("China", &["Xi Jinping", "Li Keqiang", "Li Qiang", "Wang Yi"]),
];

/// The authority a leader of [`LEADERS`] speaks for, by their name as the
/// officials extractor gives it (middle initials aside: `Donald J. Trump`).
pub(super) fn leader_authority(name: &str) -> Option<&'static str> {
    static BY_NAME: std::sync::LazyLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::LazyLock::new(|| {
            LEADERS
                .iter()
                .flat_map(|(authority, people)| people.iter().map(move |p| (*p, *authority)))
                .collect()
        });
    if let Some(authority) = BY_NAME.get(name) {
        return Some(authority);
    }
    // Middle initials aside (`Donald J. Trump`): only names that hold one.
    if !name.split_whitespace().any(|w| w.len() <= 2 && w.ends_with('.')) {
        return None;
    }
    let plain: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !(w.len() <= 2 && w.ends_with('.')))
        .collect();
    BY_NAME.get(plain.join(" ").as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::leader_authority;

    #[test]
    fn leaders_speak_for_their_authority_whatever_their_middle_initial() {
        assert_eq!(leader_authority("Donald Trump"), Some("United States"));
        assert_eq!(leader_authority("Donald J. Trump"), Some("United States"));
        assert_eq!(leader_authority("Ursula von der Leyen"), Some("European Union"));
        assert_eq!(leader_authority("Trump"), None);
        assert_eq!(leader_authority("Nicolas Maduro"), None);
    }
}
