//! The trigger lexicon: phrases of news writing that report a sanctions action,
//! each with the status it reports and a rule name.
//!
//! Patterns are case-insensitive and ASCII-only (`\w` is `[0-9A-Za-z_]`, `.` and
//! negated classes match any byte): they run on the sentence's bytes, which keeps
//! their lazy DFAs small (Unicode word classes inside bounded repetitions made
//! the trigger search half of the whole pipeline's time). A pattern may
//! capture a `gap` (the words between a verb and its sanctions noun): the gap is
//! rejected when it holds a word that opens a new clause (`announced that it would
//! review sanctions` is not an announcement of sanctions). Strong triggers stand
//! alone; weak ones (`targeted`, `added`) count only near a sanctions word and
//! with a counted or named target.

use super::lexicon::DISCIPLINARY_WORDS;
use crate::per_thread::PerThread;
use crate::prefilter;
use crate::record::EventStatus;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{Anchored, Input, hybrid};
use std::cell::RefCell;
use std::sync::LazyLock;

/// How much a trigger proves by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    Strong,
    Weak,
}

/// Which words before a trigger decide whether it is a verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A phrase that is verbal by construction (`imposed sanctions on`).
    Phrase,
    /// A participle or verb that is also an adjective (`the designated persons`):
    /// it triggers only when used as a verb.
    VerbOnly,
    /// A phrase in the passive voice (`sanctions were imposed`): what it acts
    /// on stands before it.
    Passive,
}

#[derive(Debug)]
pub struct TriggerRule {
    pub name: &'static str,
    pub status: EventStatus,
    pub strength: Strength,
    pub form: Form,
    pub pattern: &'static str,
    /// Phrases with what the rule must find in brackets, and the status it
    /// gives: (`OFAC [designated] the bank`, `imposed`). Read by the tests
    /// only, as `negatives` is.
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: &'static [(&'static str, &'static str)],
    /// Phrases it must not find.
    #[cfg_attr(not(test), allow(dead_code))]
    pub negatives: &'static [&'static str],
}

use EventStatus::{Imposed, Lifted, Planned};
use Form::{Passive, Phrase, VerbOnly};
use Strength::{Strong, Weak};

/// Verbs that act on a sanctions noun (`impose`, `announce`, `unveil`...).
macro_rules! acts_on_sanctions {
    ($verbs:literal) => {
        concat!(
            r"(?-u:\b)(?:",
            $verbs,
            r")(?P<gap>(?:\s+[\w.'-]+){0,6}?)\s+(?:sanctions?(?:\s+(?:package|resolution|list|regime))?|penalties|embargo(?:es)?|asset\s+freezes?|(?:travel|entry)\s+bans?|(?:punitive|restrictive|economic|financial)\s+measures|measures\s+(?:against|on|targeting))(?-u:\b)"
        )
    };
}

pub const RULES: &[TriggerRule] = &[
    // Imposed.
    TriggerRule {
        name: "imposed.acts_on_sanctions",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        pattern: acts_on_sanctions!(
            r"impos\w*|slap\w*|levi\w*|levy\w*|announc\w*|unveil\w*|reveal\w*|adopt\w*|approv\w*|agree\w*|introduc\w*|expand\w*|extend\w*|tighten\w*|broaden\w*|reimpos\w*|strengthen\w*|intensif\w*|ramp\w*\s+up|step\w*\s+up|widen\w*|issu\w*|enact\w*|pass\w*|launch\w*|roll\w*\s+out"
        ),
        examples: &[
            ("[imposed new sanctions]", "imposed"),
            ("[announced sanctions] against", "imposed"),
            ("[slapped an asset freeze]", "imposed"),
        ],
        negatives: &["imposed a curfew"],
    },
    TriggerRule {
        name: "imposed.sanctions_were_imposed",
        status: Imposed,
        strength: Strong,
        form: Passive,
        pattern: r"(?-u:\b)(?:sanctions?|penalties|measures|designations)(?:\s+(?:resolution|package|measures))?(?P<gap>(?:\s+[\w.'-]+){0,3}?)\s+(?:(?:was|were|have\s+been|has\s+been|had\s+been|are|is|being)\s+)?(?:imposed|adopted|approved|unveiled|announced|slapped|levied|passed)(?-u:\b)",
        examples: &[
            ("[sanctions were imposed]", "imposed"),
            ("the [sanctions package was adopted]", "imposed"),
        ],
        negatives: &["sanctions were discussed"],
    },
    TriggerRule {
        name: "imposed.sanction_verb",
        status: Imposed,
        strength: Strong,
        form: VerbOnly,
        pattern: r"(?-u:\b)(?:sanctioned|sanctioning|sanctions\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|several|dozens|another))(?-u:\b)",
        examples: &[
            ("Treasury [sanctioned] eight individuals", "imposed"),
            ("[sanctions 16] entities", "imposed"),
        ],
        negatives: &["sanctions regime"],
    },
    TriggerRule {
        name: "imposed.designate",
        status: Imposed,
        strength: Strong,
        form: VerbOnly,
        pattern: r"(?-u:\b)designat(?:e|es|ed|ing)(?-u:\b)",
        examples: &[("OFAC [designated] the bank", "imposed")],
        negatives: &["a designer bag"],
    },
    TriggerRule {
        name: "imposed.blacklist",
        status: Imposed,
        strength: Strong,
        form: VerbOnly,
        pattern: r"(?-u:\b)blacklist(?:s|ed|ing)?(?-u:\b)",
        examples: &[("Washington [blacklisted] the shipping firm", "imposed")],
        negatives: &["black list"],
    },
    TriggerRule {
        name: "imposed.add_to_list",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:add|adds|added|adding|put|puts|putting|placed?|places|placing|includ(?:e|es|ed|ing))(?-u:\b)[^.;]{0,100}?(?-u:\b)(?:to|on|in)\s+(?:(?:the|its|their|a|his|her|[A-Z][\w.]*'s)\s+)?(?:[\w.-]+\s+){0,4}?\x22?(?:(?:sanctions?|sanctioned|blacklist|black|entity|sdn|designation|designated|nationals|persons|terror\w*|watch|consolidated|end-user|unverified|restricted|control)\s+list|blacklist|list\s+of\s+(?:sanctioned|designated|blacklisted|specially|blocked|persons|individuals|entities|companies|organizations|organisations|people))(?-u:\b)",
        examples: &[
            ("[added the firm to the Entity List]", "imposed"),
            ("Commerce [Adds 37 PRC Entities to Entity List]", "imposed"),
            ("NSO Group was [put on a US \"entity list]\"", "imposed"),
            ("[put 12 people on its sanctions list]", "imposed"),
            ("[added five companies to the list of sanctioned] entities", "imposed"),
            ("[included in Japan's blacklist]", "imposed"),
            ("were [included in the list of persons] and entities", "imposed"),
        ],
        negatives: &[
            "add all 51 airlines to the list of air carriers barred from the EU",
            "added to the list of candidates",
        ],
    },
    TriggerRule {
        name: "imposed.expand_list",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:expand\w*|extend\w*|lengthen\w*|updat\w*)\s+(?:its|the|their|a)\s+(?:[\w.-]+\s+){0,2}?(?:sanctions|blacklist|designation)\s+list(?-u:\b)",
        examples: &[("[expanded its sanctions list]", "imposed")],
        negatives: &["expanded its product list"],
    },
    TriggerRule {
        name: "imposed.freeze_assets",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:freez(?:e|es|ing)|froze)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?assets(?-u:\b)",
        examples: &[
            ("[froze the assets]", "imposed"),
            ("will [freeze their overseas assets]", "imposed"),
        ],
        negatives: &["froze the accounts"],
    },
    TriggerRule {
        name: "imposed.blocked_property",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)identif(?:y|ies|ied|ying)(?-u:\b)[^.;]{0,80}?\s+as\s+blocked\s+property(?-u:\b)",
        examples: &[("[identified the tanker as blocked property]", "imposed")],
        negatives: &["identified the tanker as a risk"],
    },
    TriggerRule {
        name: "imposed.block_property",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        // The words of the U.S. orders (`blocking property and interests in
        // property`), with its article: `blocked property` alone is a noun.
        pattern: r"(?-u:\b)block(?:s|ed|ing)?\s+(?:all|the)\s+property(?-u:\b)",
        examples: &[
            ("the order [blocks all property] of", "imposed"),
            ("an order [blocking the property] of seven officials", "imposed"),
        ],
        negatives: &["the blocked property was sold"],
    },
    TriggerRule {
        name: "imposed.entry_ban",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        // Counter-sanctions are often entry bans on named officials; the
        // objects stand inside the phrase.
        pattern: r"(?-u:\b)(?:bann(?:ed|ing)|bans?|barr(?:ed|ing)|bars?)(?-u:\b)[^.;]{0,120}?\s+from\s+entering(?-u:\b)",
        examples: &[
            (
                "Russia [banned the prime minister and ten ministers from entering] the country",
                "imposed",
            ),
            ("they have been [barred from entering] Russia", "imposed"),
        ],
        negatives: &["banned the import of steel", "barred from the meeting"],
    },
    TriggerRule {
        name: "imposed.hit_with",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:hit|slapped|targeted|punished)\s+with\s+(?:[\w-]+\s+){0,3}?sanctions(?-u:\b)",
        // The verbs, not `with`: they open every match, and `with` is in
        // most sentences.
        examples: &[("[hit with new sanctions]", "imposed")],
        negatives: &["hit with tariffs"],
    },
    TriggerRule {
        name: "imposed.target",
        status: Imposed,
        strength: Weak,
        form: VerbOnly,
        // Whole word forms, so that the noun (`target`) and `targeting` are
        // not searched for it.
        pattern: r"(?-u:\b)(?:targets|targeted|targetted)(?-u:\b)",
        // `targetted`: a common misspelling.
        examples: &[
            ("[targets] three banks", "imposed"),
            ("have [targetted] 81 people", "imposed"),
        ],
        negatives: &["a target date"],
    },
    TriggerRule {
        name: "imposed.sanctions_targeting",
        status: Imposed,
        strength: Weak,
        form: Phrase,
        pattern: r"(?-u:\b)(?:sanctions|measures|designations|action|actions)\s+(?:[\w-]+\s+){0,2}?targeting(?-u:\b)",
        examples: &[("[sanctions targeting] the shipping network", "imposed")],
        negatives: &["ads targeting"],
    },
    TriggerRule {
        name: "imposed.added",
        status: Imposed,
        strength: Weak,
        form: VerbOnly,
        // Whole word forms, so that `additional`, `address` or `add` are not
        // searched for it.
        pattern: r"(?-u:\b)(?:adds|added|adding)(?-u:\b)",
        examples: &[("[added] three people", "imposed")],
        negatives: &["an additional fee"],
    },
    // Planned.
    TriggerRule {
        name: "planned.consider",
        status: Planned,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:consider\w*|weigh\w*|mull\w*|eye\w*|draft\w*|prepar\w*|propos\w*|threaten\w*|seek\w*|push\w*\s+for|call\w*\s+for)(?P<gap>(?:\s+[\w.'-]+){0,4}?)\s+(?:sanctions?|sanctioning|imposing|designating|blacklisting|restrictive\s+measures|penalties)(?-u:\b)",
        examples: &[
            ("[considering sanctions]", "planned"),
            ("[threatened new sanctions]", "planned"),
        ],
        negatives: &["considering tariffs"],
    },
    TriggerRule {
        name: "planned.plan_to",
        status: Planned,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:plan(?:s|ned|ning)?|intend\w*|aim\w*|vow\w*|pledg\w*|expect\w*|set|poised|likely|ready|open|willing)\s+to(?P<gap>(?:\s+[\w.'-]+){0,3}?)\s+(?:sanctions?|sanctioning|impose|designate|blacklist|target)(?-u:\b)",
        examples: &[("[plans to impose]", "planned"), ("[ready to sanction]", "planned")],
        negatives: &["plans to visit"],
    },
    TriggerRule {
        name: "planned.sanctions_plan",
        status: Planned,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:sanctions\s+(?:plans?|proposals?|threats?)|threats?\s+of\s+(?:[\w-]+\s+){0,2}?sanctions)(?-u:\b)",
        examples: &[
            ("[sanctions proposals]", "planned"),
            ("[threats of more sanctions]", "planned"),
        ],
        negatives: &["sanctions regime"],
    },
    TriggerRule {
        name: "planned.coming",
        status: Planned,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:new|more|further|additional)\s+sanctions\s+(?:were|are|would\s+be|will\s+be)\s+(?:coming|forthcoming|on\s+the\s+way|in\s+the\s+works)(?-u:\b)",
        examples: &[("[more sanctions were on the way]", "planned")],
        negatives: &["more sanctions were imposed"],
    },
    // Lifted.
    TriggerRule {
        name: "lifted.lifts_sanctions",
        status: Lifted,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:lift\w*|eas(?:e|es|ed|ing)|suspend\w*|waiv\w*|remov\w*|rescind\w*|revok\w*|roll\w*\s+back|terminat\w*|end(?:s|ed|ing)?|unfr(?:eeze|eezes|eezing|oze))(?P<gap>(?:\s+[\w.'-]+){0,4}?)\s+(?:sanctions|restrictions|asset\s+freezes?|embargo|designations?|the\s+freeze)(?-u:\b)",
        examples: &[
            ("[lifted sanctions]", "lifted"),
            ("[eased some of the restrictions]", "lifted"),
        ],
        negatives: &["lifted the ban"],
    },
    TriggerRule {
        name: "lifted.remove_from_list",
        status: Lifted,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:remov\w*|delet\w*|drop\w*|tak(?:e|es|en|ing)|took|strik\w*|struck)(?-u:\b)[^.;]{0,100}?(?-u:\b)(?:off|from)\s+(?:the|its|their|a|[A-Z][\w.]*'s)\s+(?:[\w.-]+\s+){0,4}?(?:(?:sanctions?|sanctioned|blacklist|black|entity|sdn|designation|designated|nationals|persons|terror\w*|watch|consolidated|end-user|unverified|restricted|control)\s+list|blacklist|list\s+of\s+(?:sanctioned|designated|blacklisted|specially|blocked))(?-u:\b)",
        examples: &[
            ("[removed the bank from the SDN list]", "lifted"),
            ("[took him off its sanctions list]", "lifted"),
        ],
        negatives: &["removed him from the list of candidates", "dropped from the list"],
    },
    TriggerRule {
        name: "lifted.delist",
        status: Lifted,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:delist\w*|de-list\w*|unblock\w*)(?-u:\b)",
        examples: &[("[delisted] three individuals", "lifted")],
        negatives: &["listed three individuals"],
    },
];

/// Words that open a new clause: a gap holding one breaks the phrase.
pub const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "while", "but", "because", "if", "when", "after", "before", "although",
    "though", "unless", "until", "since", "whether", "where", "and", "or", "said", "says",
];

/// Words before a trigger that make it planned rather than done.
pub const MODAL_WORDS: &[&str] = &[
    "will",
    "would",
    "could",
    "may",
    "might",
    "shall",
    "should",
    "can",
    "consider",
    "considers",
    "considering",
    "considered",
    "plan",
    "plans",
    "planning",
    "planned",
    "possibility",
    "likely",
    "threatens",
    "threatened",
    "threatening",
    "propose",
    "proposes",
    "proposed",
    "proposing",
    "weighing",
    "intends",
    "intend",
    "ready",
    "prepared",
    "open",
];

/// Words before a trigger that deny it.
pub const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];

/// Words before a trigger that make it a power to act, not an action (`will
/// allow it to impose sanctions`).
pub const CAPABILITY: &[&str] = &[
    "allow",
    "allows",
    "allowed",
    "allowing",
    "enable",
    "enables",
    "enabling",
    "authorize",
    "authorizes",
    "authorized",
    "authorise",
    "authorises",
    "authority",
    "powers",
    "ability",
];

/// Heads of the names of laws, bodies and days that hold the word
/// `Sanctions` (`the Russia Sanctions Act`, `the Anti-Foreign Sanctions Law`,
/// `the 1718 Sanctions Committee`, `Anti-Sanctions Day`): a trigger whose
/// capitalised sanctions word such a name goes on with is a name, not an
/// action.
pub const NAME_HEADS: &[&str] = &[
    "Act",
    "Law",
    "Bill",
    "Regulations",
    "Regulation",
    "Ordinance",
    "Decree",
    "Committee",
    "Commission",
    "Day",
    "Program",
    "Programme",
    "Policy",
    "Office",
    "Division",
    "Unit",
    "Coordinator",
    "Team",
    "Monitoring",
    "Council",
    "Authority",
];

/// Numbers in words and ordinals: before a participle they make it an
/// adjective (`the third sanctioned entity`, `29 sanctioned vessels`).
pub const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "some", "more", "most",
];

/// Words before a participle that make it an adjective (`the sanctioned banks`).
pub const ADJECTIVE_CUES: &[&str] = &[
    "the",
    "a",
    "an",
    "these",
    "those",
    "this",
    "that",
    "its",
    "their",
    "our",
    "his",
    "her",
    "all",
    "any",
    "some",
    "other",
    "newly",
    "previously",
    "already",
    "specially",
    "recently",
    "of",
    "for",
    "with",
    "against",
    "being",
];

/// Words that make a sentence one about sanctions, for weak triggers.
pub(crate) static SANCTIONS_WORD: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:sanction\w*|designat\w+|blacklist\w*|embargo\w*|asset\s+freeze|sdn|restrictive\s+measures|entity\s+list)(?-u:\b)")
        .expect("pattern compiles")
});

/// The compiled rules, in table order, for searching a sentence's bytes.
pub(crate) static COMPILED: PerThread<Vec<(&'static TriggerRule, regex::bytes::Regex)>> = PerThread::new(|| {
    RULES
        .iter()
        .map(|rule| {
            let regex = regex::bytes::RegexBuilder::new(rule.pattern)
                .case_insensitive(true)
                .unicode(false)
                .build()
                .unwrap_or_else(|e| panic!("trigger {} does not compile: {e}", rule.name));
            (rule, regex)
        })
        .collect()
});

/// The rules again, for anchored searches: each rule whose matches open
/// with a word of its first list ([`Prefilter::opens`]) is tried only where
/// such a word starts a word, anchored there, so a search stops where the
/// pattern can no longer match instead of reading the rest of the sentence
/// (and back again for the match's start); `None` for the other rules. A
/// forward lazy DFA each, of the same syntax as [`COMPILED`]'s: an anchored
/// search needs no reverse automaton and no prefilter, which the regex crate
/// would build at start-up.
pub(crate) static ANCHORED: LazyLock<Vec<Option<hybrid::dfa::DFA>>> = LazyLock::new(|| {
    RULES
        .iter()
        .zip(PREFILTERS.iter())
        .map(|(rule, prefilter)| {
            prefilter.opens.then(|| {
                hybrid::dfa::DFA::builder()
                    .syntax(
                        regex_automata::util::syntax::Config::new()
                            .case_insensitive(true)
                            .unicode(false)
                            .utf8(false),
                    )
                    .thompson(regex_automata::nfa::thompson::Config::new().which_captures(WhichCaptures::None))
                    .build(rule.pattern)
                    .unwrap_or_else(|e| panic!("trigger {} does not compile: {e}", rule.name))
            })
        })
        .collect()
});

thread_local! {
    /// Each thread's caches of the [`ANCHORED`] automata.
    static ANCHORED_CACHES: RefCell<Vec<Option<hybrid::dfa::Cache>>> = RefCell::new(
        ANCHORED.iter().map(|dfa| dfa.as_ref().map(hybrid::dfa::DFA::create_cache)).collect(),
    );
}

/// Where the match of rule `k` (one of [`ANCHORED`]) that starts at `start`
/// in `sentence` ends, if one starts there: leftmost-first, as the regex
/// crate reads the rule. `None` also when the rule is not one of them.
pub(crate) fn anchored_match_end(k: usize, sentence: &[u8], start: usize) -> Option<usize> {
    let dfa = ANCHORED[k].as_ref()?;
    let input = Input::new(sentence).span(start..sentence.len()).anchored(Anchored::Yes);
    let found = ANCHORED_CACHES.with(|caches| {
        let mut caches = caches.borrow_mut();
        let cache = caches[k].as_mut().expect("a cache for each automaton");
        dfa.try_search_fwd(cache, &input)
    });
    match found {
        Ok(end) => end.map(|m| m.offset()),
        // The lazy DFA gave up (its cache cleared too often): the rule's
        // regex, which falls back to another engine, says whether its
        // leftmost match from `start` starts there.
        Err(_) => COMPILED[k]
            .1
            .find_at(sentence, start)
            .filter(|m| m.start() == start)
            .map(|m| m.end()),
    }
}

impl TriggerRule {
    /// Its name, examples and negatives.
    #[cfg(test)]
    pub(crate) fn spec(&self) -> crate::rule::Spec {
        crate::rule::Spec::new(self.name, self.examples, self.negatives)
    }
}

/// The trigger rules and how the corpus test finds their items: every
/// match of each rule's pattern, valued by the rule's status.
#[cfg(test)]
pub(crate) fn rule_dimension() -> crate::rule::tests::Dimension {
    crate::rule::tests::Dimension {
        name: "triggers",
        marked: true,
        specs: RULES.iter().map(TriggerRule::spec).collect(),
        find: |text| {
            COMPILED
                .iter()
                .flat_map(|(rule, regex)| {
                    let status = serde_json::to_value(rule.status).expect("a status serializes");
                    let status = status.as_str().unwrap_or("?").to_string();
                    regex
                        .find_iter(text.as_bytes())
                        .map(move |m| crate::rule::tests::Found {
                            rule: rule.name.to_string(),
                            bytes: m.range(),
                            value: status.clone(),
                        })
                })
                .collect()
        },
    }
}

/// A set of trigger rules, rule `k` (of [`RULES`] and [`COMPILED`]) as bit
/// `k`: as wide as the rule table, so rules can be added without a cap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuleSet([u64; RULE_WORDS]);

/// The 64-bit words of a [`RuleSet`].
const RULE_WORDS: usize = RULES.len().div_ceil(64);

impl RuleSet {
    pub const EMPTY: RuleSet = RuleSet([0; RULE_WORDS]);

    pub fn insert(&mut self, k: usize) {
        self.0[k / 64] |= 1 << (k % 64);
    }

    pub fn contains(&self, k: usize) -> bool {
        self.0[k / 64] & (1 << (k % 64)) != 0
    }

    /// The rules of both sets.
    pub fn and(mut self, other: RuleSet) -> RuleSet {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a &= b;
        }
        self
    }

    /// The rules of either set.
    pub fn or(mut self, other: RuleSet) -> RuleSet {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
        self
    }

    /// The rules of this set that are not in `other`.
    pub fn without(mut self, other: RuleSet) -> RuleSet {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a &= !b;
        }
        self
    }

    /// The rules in the set, in order.
    #[cfg(test)]
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..RULE_WORDS).flat_map(move |w| {
            let mut bits = self.0[w];
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let k = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    w * 64 + k
                })
            })
        })
    }
}

/// Every rule's prefilter ([`Prefilter::of`] its pattern), by rule index.
pub static PREFILTERS: LazyLock<Vec<Prefilter>> = LazyLock::new(|| {
    RULES
        .iter()
        .map(|rule| Prefilter::of(rule.pattern).unwrap_or_else(|why| panic!("trigger {}: {why}", rule.name)))
        .collect()
});

/// Every rule's needed words (both lists) in one automaton (ASCII, any case,
/// overlapping matches reported), and for each word the rules that need it.
pub static NEEDS: LazyLock<Needs> = LazyLock::new(|| {
    let mut words: Vec<Word> = Vec::new();
    let mut any_second = RuleSet::EMPTY;
    for (k, prefilter) in PREFILTERS.iter().enumerate() {
        let lists = [(&prefilter.first, false), (&prefilter.second, true)];
        for (list, is_second) in lists {
            for word in list {
                let i = words.iter().position(|w| w.word == *word).unwrap_or_else(|| {
                    words.push(Word {
                        word: word.clone(),
                        ..Word::default()
                    });
                    words.len() - 1
                });
                let w = &mut words[i];
                if is_second {
                    w.second.insert(k);
                } else {
                    w.first.insert(k);
                    if prefilter.opens {
                        w.opens.insert(k);
                    }
                }
            }
        }
        if prefilter.second.is_empty() {
            any_second.insert(k);
        }
    }
    // A DFA whatever the number of words: the builder's default picks one
    // only up to 100 patterns, and the NFA it picks above that is slower
    // (docs/performance.md).
    // The disciplinary words ride along (patterns after the needed words):
    // an article whose searched sentences hold fewer than three of them is
    // not disciplinary, and is never searched for them again.
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(
            words
                .iter()
                .map(|w| w.word.as_str())
                .chain(DISCIPLINARY_WORDS.iter().copied()),
        )
        .expect("needed words compile");
    Needs {
        automaton,
        words,
        any_second,
    }
});

/// The needed words of all rules, for one pass over a text.
pub struct Needs {
    /// All words, pattern `i` for `words[i]`.
    pub automaton: AhoCorasick,
    pub words: Vec<Word>,
    /// The rules without a second list: they need no second word.
    pub any_second: RuleSet,
}

/// One needed word and the rules that need it.
#[derive(Default)]
pub struct Word {
    pub word: String,
    /// The rules having it in their first list, when it starts a word.
    pub first: RuleSet,
    /// The rules having it in their second list, when it starts a word.
    pub second: RuleSet,
    /// The rules whose matches open with it (at a word start).
    pub opens: RuleSet,
}

impl Word {
    /// `first` and `second` for the word inside another word: without the
    /// rules whose matches open with it.
    pub fn inside(&self) -> (RuleSet, RuleSet) {
        (self.first.without(self.opens), self.second.without(self.opens))
    }
}

/// What a rule's search needs, derived from its pattern's syntax when the
/// rules are compiled: words (lower case, found in any case) of which every
/// match holds one, in up to two lists drawn from different parts of the
/// pattern, and whether every match opens with a word of the first list at a
/// word start. A sentence without a word of each list is not searched, and
/// a rule whose matches open with a word is tried only where one starts a
/// word (`ANCHORED`).
#[derive(Debug, Clone, PartialEq)]
pub struct Prefilter {
    pub first: Vec<String>,
    /// Empty: no second list.
    pub second: Vec<String>,
    pub opens: bool,
}

impl Prefilter {
    /// The prefilter of `pattern`, or why none can be derived (a pattern
    /// without a list of needed words would be searched in every sentence).
    pub fn of(pattern: &str) -> Result<Prefilter, String> {
        use regex_syntax::hir::{HirKind, Look};
        let hir = ascii_syntax(pattern);
        let parts: Vec<&regex_syntax::hir::Hir> = match hir.kind() {
            HirKind::Concat(parts) => parts.iter().collect(),
            _ => vec![&hir],
        };
        let lists: Vec<(usize, Vec<String>)> = parts
            .iter()
            .enumerate()
            .filter_map(|(k, part)| prefilter::needed_words(part, false, true).map(|words| (k, words)))
            .collect();
        // The opening list: the words the part after a leading `\b` starts
        // with, when every literal a match can start with starts with one.
        let opening = match parts.first().map(|p| p.kind()) {
            Some(HirKind::Look(Look::WordAscii)) if parts.len() > 1 => prefilter::needed_words(parts[1], true, true)
                .filter(|words| opens_with(&hir, words))
                .map(|words| (1, words)),
            _ => None,
        };
        let opening = opening.as_ref();
        let best = |skip: Option<usize>| {
            lists
                .iter()
                .filter(|(k, _)| Some(*k) != skip)
                .max_by_key(|(_, words)| prefilter::selectivity(words))
        };
        let (first, opens) = match opening {
            Some(list) => (list, true),
            None => (best(None).ok_or("no part of the pattern holds a needed word")?, false),
        };
        let second = best(Some(first.0))
            .map(|(_, words)| words.clone())
            // A word in both lists could not say which list it stands for.
            .filter(|words| !words.iter().any(|w| first.1.contains(w)))
            .unwrap_or_default();
        Ok(Prefilter {
            first: first.1.clone(),
            second,
            opens,
        })
    }
}

/// Whether every match of `hir` starts with one of `words` (each starting
/// with a letter): each literal its matches can start with (a finite set)
/// starts with a word.
fn opens_with(hir: &regex_syntax::hir::Hir, words: &[String]) -> bool {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    if !words.iter().all(|w| w.starts_with(|c: char| c.is_ascii_alphabetic())) {
        return false;
    }
    let prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    prefixes.literals().is_some_and(|literals| {
        literals.iter().all(|lit| {
            let lit = String::from_utf8_lossy(lit.as_bytes()).to_ascii_lowercase();
            words.iter().any(|w| lit.starts_with(w.as_str()))
        })
    })
}

/// The syntax of a trigger pattern as the prefilters read it: bytes, ASCII
/// classes, case as written (the patterns run case-insensitively; their
/// literals are lower case).
fn ascii_syntax(pattern: &str) -> regex_syntax::hir::Hir {
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .expect("pattern parses")
}

/// Whether every match of `pattern` holds one of `needs`, read from the syntax
/// of the pattern (ASCII, case as written): a literal holding a needed word
/// covers what it is part of ([`crate::prefilter::every_match_holds`]).
#[cfg(test)]
pub(crate) fn holds_needed_word(pattern: &str, needs: &[&str]) -> bool {
    use regex_syntax::hir::HirKind;
    let hir = ascii_syntax(pattern);
    crate::prefilter::every_match_holds(&hir, &|leaf| match leaf.kind() {
        HirKind::Literal(lit) => {
            let lit = String::from_utf8_lossy(&lit.0).to_ascii_lowercase();
            needs.iter().any(|n| lit.contains(n))
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match of a rule holds a word of each list of its derived
    /// prefilter, as an independent reading of the syntax proves
    /// ([`crate::prefilter::every_match_holds`]), and every rule has one.
    #[test]
    fn every_match_holds_its_needed_words() {
        let mut wrong = Vec::new();
        for (rule, prefilter) in RULES.iter().zip(PREFILTERS.iter()) {
            for list in [&prefilter.first, &prefilter.second] {
                let words: Vec<&str> = list.iter().map(String::as_str).collect();
                if !list.is_empty() && !holds_needed_word(rule.pattern, &words) {
                    wrong.push(rule.name);
                }
            }
            if prefilter.first.is_empty() {
                wrong.push(rule.name);
            }
        }
        assert!(wrong.is_empty(), "matches without a needed word: {wrong:?}");
    }

    /// Every rule whose prefilter says its matches open with a word of its
    /// first list finds no match that does not, on its examples and on text
    /// made to tempt it (the words inside other words).
    #[test]
    fn derived_prefilters_are_those_of_their_patterns() {
        let of = |p: &str| Prefilter::of(p).unwrap();
        let p = of(r"(?-u:\b)(?:sanctioned|sanctions\s+\d+)");
        assert_eq!(
            (p.first.as_slice(), p.opens),
            (&["sanctioned".to_string(), "sanctions".to_string()][..], true)
        );
        let p = of(r"(?-u:\b)(?:impos\w*|reimpos\w*)(?:\s+\w+){0,3}?\s+(?:sanctions?|embargo)");
        assert_eq!(p.first, ["impos", "reimpos"]);
        assert_eq!(p.second, ["sanction", "embargo"]);
        assert!(p.opens);
        // No `\b` before the first word: matches may open anywhere.
        assert!(!of(r"\w*sanctioned").opens);
        // A branch without a word of the first part: no opening list.
        let p = of(r"(?-u:\b)(?:sanctioned|\d+)\s+entities");
        assert_eq!(
            (p.first.as_slice(), p.second.is_empty(), p.opens),
            (&["entities".to_string()][..], true, false)
        );
        // Words too short to narrow anything are not taken.
        assert_eq!(of(r"(?-u:\b)designat(?:e|es|ed|ing)").second, Vec::<String>::new());
        assert!(Prefilter::of(r"\d+\s+\w+").is_err());
        // Every rule of the table has one.
        assert_eq!(PREFILTERS.len(), RULES.len());
    }

    #[test]
    fn rule_sets_hold_any_number_of_rules() {
        let mut set = RuleSet::EMPTY;
        for k in [0, 5, RULES.len() - 1] {
            set.insert(k);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 5, RULES.len() - 1]);
        assert!(set.contains(5) && !set.contains(4));
        let mut other = RuleSet::EMPTY;
        other.insert(5);
        assert_eq!(set.and(other), other);
        assert_eq!(set.without(other).iter().collect::<Vec<_>>(), [0, RULES.len() - 1]);
        assert_eq!(RuleSet::EMPTY.or(other), other);
    }
}
