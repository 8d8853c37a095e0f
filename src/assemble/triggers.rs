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

use crate::per_thread::PerThread;
use crate::record::EventStatus;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;
use std::sync::LazyLock;

/// How much a trigger proves by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    Strong,
    Weak,
}

/// Which of a rule's lists of needed words its matches open with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opens {
    /// Neither list: a match may start anywhere.
    Anywhere,
    /// Every match starts with a word of `needs`, at a word start.
    WithNeeds,
    /// Every match starts with a word of `also_needs`, at a word start.
    WithAlsoNeeds,
}

/// Which words before a trigger decide whether it is a verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A phrase that is verbal by construction (`imposed sanctions on`).
    Phrase,
    /// A participle or verb that is also an adjective (`the designated persons`):
    /// it triggers only when used as a verb.
    VerbOnly,
}

#[derive(Debug)]
pub struct TriggerRule {
    pub name: &'static str,
    pub status: EventStatus,
    pub strength: Strength,
    pub form: Form,
    pub pattern: &'static str,
    /// Words (ASCII, any case) of which every match holds one: a sentence
    /// without any is not searched with this rule. A test proves it from the
    /// pattern's syntax.
    pub needs: &'static [&'static str],
    /// A second such list (empty: none): every match holds a word of each,
    /// so a sentence is searched only when it holds both. `needs` is mostly
    /// the sanctions noun, common in the articles that matter; this is mostly
    /// the verb, which narrows them down.
    pub also_needs: &'static [&'static str],
    /// Which list every match opens with, at a word start (the pattern
    /// begins with `\b`): the search of a sentence then starts at the first
    /// word of that list there, and a word of it inside another word (`eas`
    /// in `measures`, `set` in `assets`) does not make the sentence a
    /// candidate. A test proves it from the pattern's syntax.
    pub opens: Opens,
    /// Phrases with what the rule must find in brackets: `OFAC [designated] the bank`.
    pub examples: &'static [&'static str],
    /// Phrases it must not find.
    pub not: &'static [&'static str],
}

use EventStatus::{Imposed, Lifted, Planned};
use Form::{Phrase, VerbOnly};
use Opens::{Anywhere, WithAlsoNeeds, WithNeeds};
use Strength::{Strong, Weak};

/// Verbs that act on a sanctions noun (`impose`, `announce`, `unveil`...).
macro_rules! acts_on_sanctions {
    ($verbs:literal) => {
        concat!(
            r"(?-u:\b)(?:",
            $verbs,
            r")(?P<gap>(?:\s+[\w.'-]+){0,6}?)\s+(?:sanctions?(?:\s+(?:package|resolution|list|regime))?|penalties|embargo(?:es)?|asset\s+freezes?|travel\s+bans?|(?:punitive|restrictive|economic|financial)\s+measures|measures\s+(?:against|on|targeting))(?-u:\b)"
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
        needs: &["sanction", "penalties", "embargo", "freeze", "travel", "measures"],
        also_needs: &[
            "impos",
            // Also in `impos`, but this rule's matches open with it.
            "reimpos",
            "slap",
            "levi",
            "levy",
            "announc",
            "unveil",
            "reveal",
            "adopt",
            "approv",
            "agree",
            "introduc",
            "expand",
            "extend",
            "tighten",
            "broaden",
            "strengthen",
            "intensif",
            "ramp",
            "step",
            "widen",
            "issu",
            "enact",
            "pass",
            "launch",
            "roll",
        ],
        opens: WithAlsoNeeds,
        examples: &[
            "[imposed new sanctions]",
            "[announced sanctions] against",
            "[slapped an asset freeze]",
        ],
        not: &["imposed a curfew"],
    },
    TriggerRule {
        name: "imposed.sanctions_were_imposed",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:sanctions?|penalties|measures|designations)(?:\s+(?:resolution|package|measures))?(?P<gap>(?:\s+[\w.'-]+){0,3}?)\s+(?:(?:was|were|have\s+been|has\s+been|had\s+been|are|is|being)\s+)?(?:imposed|adopted|approved|unveiled|announced|slapped|levied|passed)(?-u:\b)",
        needs: &["sanction", "penalties", "measures", "designations"],
        also_needs: &[
            "imposed",
            "adopted",
            "approved",
            "unveiled",
            "announced",
            "slapped",
            "levied",
            "passed",
        ],
        opens: WithNeeds,
        examples: &["[sanctions were imposed]", "the [sanctions package was adopted]"],
        not: &["sanctions were discussed"],
    },
    TriggerRule {
        name: "imposed.sanction_verb",
        status: Imposed,
        strength: Strong,
        form: VerbOnly,
        pattern: r"(?-u:\b)(?:sanctioned|sanctioning|sanctions\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|several|dozens|another))(?-u:\b)",
        needs: &["sanction"],
        also_needs: &[],
        opens: WithNeeds,
        examples: &["Treasury [sanctioned] eight individuals", "[sanctions 16] entities"],
        not: &["sanctions regime"],
    },
    TriggerRule {
        name: "imposed.designate",
        status: Imposed,
        strength: Strong,
        form: VerbOnly,
        pattern: r"(?-u:\b)designat(?:e|es|ed|ing)(?-u:\b)",
        needs: &["designat"],
        also_needs: &[],
        opens: WithNeeds,
        examples: &["OFAC [designated] the bank"],
        not: &["a designer bag"],
    },
    TriggerRule {
        name: "imposed.blacklist",
        status: Imposed,
        strength: Strong,
        form: VerbOnly,
        pattern: r"(?-u:\b)blacklist(?:s|ed|ing)?(?-u:\b)",
        needs: &["blacklist"],
        also_needs: &[],
        opens: WithNeeds,
        examples: &["Washington [blacklisted] the shipping firm"],
        not: &["black list"],
    },
    TriggerRule {
        name: "imposed.add_to_list",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:add|adds|added|adding|put|puts|putting|placed?|places|placing|includ(?:e|es|ed|ing))(?-u:\b)[^.;]{0,100}?(?-u:\b)(?:to|on|in)\s+(?:the|its|their|a|his|her|[A-Z][\w.]*'s)\s+(?:[\w.-]+\s+){0,4}?(?:(?:sanctions?|sanctioned|blacklist|black|entity|sdn|designation|designated|nationals|persons|terror\w*|watch|consolidated|end-user|unverified|restricted|control)\s+list|blacklist|list\s+of\s+(?:sanctioned|designated|blacklisted|specially|blocked|persons|individuals|entities|companies|organizations|organisations|people))(?-u:\b)",
        needs: &["list"],
        also_needs: &["add", "put", "plac", "includ"],
        opens: WithAlsoNeeds,
        examples: &[
            "[added the firm to the Entity List]",
            "[put 12 people on its sanctions list]",
            "[added five companies to the list of sanctioned] entities",
            "[included in Japan's blacklist]",
            "were [included in the list of persons] and entities",
        ],
        not: &[
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
        needs: &["list"],
        also_needs: &["expand", "extend", "lengthen", "updat"],
        opens: WithAlsoNeeds,
        examples: &["[expanded its sanctions list]"],
        not: &["expanded its product list"],
    },
    TriggerRule {
        name: "imposed.freeze_assets",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:freez(?:e|es|ing)|froze)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?assets(?-u:\b)",
        needs: &["assets"],
        also_needs: &["freez", "froze"],
        opens: WithAlsoNeeds,
        examples: &["[froze the assets]", "will [freeze their overseas assets]"],
        not: &["froze the accounts"],
    },
    TriggerRule {
        name: "imposed.blocked_property",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)identif(?:y|ies|ied|ying)(?-u:\b)[^.;]{0,80}?\s+as\s+blocked\s+property(?-u:\b)",
        needs: &["blocked"],
        also_needs: &[],
        opens: Anywhere,
        examples: &["[identified the tanker as blocked property]"],
        not: &["identified the tanker as a risk"],
    },
    TriggerRule {
        name: "imposed.hit_with",
        status: Imposed,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:hit|slapped|targeted|punished)\s+with\s+(?:[\w-]+\s+){0,3}?sanctions(?-u:\b)",
        needs: &["sanctions"],
        // The verbs, not `with`: they open every match, and `with` is in
        // most sentences.
        also_needs: &["hit", "slapped", "targeted", "punished"],
        opens: WithAlsoNeeds,
        examples: &["[hit with new sanctions]"],
        not: &["hit with tariffs"],
    },
    TriggerRule {
        name: "imposed.target",
        status: Imposed,
        strength: Weak,
        form: VerbOnly,
        // Whole word forms, so that the noun (`target`) and `targeting` are
        // not searched for it.
        pattern: r"(?-u:\b)(?:targets|targeted)(?-u:\b)",
        needs: &["targets", "targeted"],
        also_needs: &[],
        opens: WithNeeds,
        examples: &["[targets] three banks"],
        not: &["a target date"],
    },
    TriggerRule {
        name: "imposed.sanctions_targeting",
        status: Imposed,
        strength: Weak,
        form: Phrase,
        pattern: r"(?-u:\b)(?:sanctions|measures|designations|action|actions)\s+(?:[\w-]+\s+){0,2}?targeting(?-u:\b)",
        needs: &["targeting"],
        also_needs: &[],
        opens: Anywhere,
        examples: &["[sanctions targeting] the shipping network"],
        not: &["ads targeting"],
    },
    TriggerRule {
        name: "imposed.added",
        status: Imposed,
        strength: Weak,
        form: VerbOnly,
        // Whole word forms, so that `additional`, `address` or `add` are not
        // searched for it.
        pattern: r"(?-u:\b)(?:adds|added|adding)(?-u:\b)",
        needs: &["adds", "added", "adding"],
        also_needs: &[],
        opens: WithNeeds,
        examples: &["[added] three people"],
        not: &["an additional fee"],
    },
    // Planned.
    TriggerRule {
        name: "planned.consider",
        status: Planned,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:consider\w*|weigh\w*|mull\w*|eye\w*|draft\w*|prepar\w*|propos\w*|threaten\w*|seek\w*|push\w*\s+for|call\w*\s+for)(?P<gap>(?:\s+[\w.'-]+){0,4}?)\s+(?:sanctions?|sanctioning|imposing|designating|blacklisting|restrictive\s+measures|penalties)(?-u:\b)",
        needs: &[
            "sanction",
            "imposing",
            "designating",
            "blacklisting",
            "measures",
            "penalties",
        ],
        also_needs: &[
            "consider", "weigh", "mull", "eye", "draft", "prepar", "propos", "threaten", "seek", "push", "call",
        ],
        opens: WithAlsoNeeds,
        examples: &["[considering sanctions]", "[threatened new sanctions]"],
        not: &["considering tariffs"],
    },
    TriggerRule {
        name: "planned.plan_to",
        status: Planned,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:plan(?:s|ned|ning)?|intend\w*|aim\w*|vow\w*|pledg\w*|expect\w*|set|poised|likely|ready|open|willing)\s+to(?P<gap>(?:\s+[\w.'-]+){0,3}?)\s+(?:sanctions?|sanctioning|impose|designate|blacklist|target)(?-u:\b)",
        needs: &["sanction", "impose", "designate", "blacklist", "target"],
        also_needs: &[
            "plan", "intend", "aim", "vow", "pledg", "expect", "set", "poised", "likely", "ready", "open", "willing",
        ],
        opens: WithAlsoNeeds,
        examples: &["[plans to impose]", "[ready to sanction]"],
        not: &["plans to visit"],
    },
    TriggerRule {
        name: "planned.sanctions_plan",
        status: Planned,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:sanctions\s+(?:plans?|proposals?|threats?)|threats?\s+of\s+(?:[\w-]+\s+){0,2}?sanctions)(?-u:\b)",
        needs: &["sanctions"],
        also_needs: &["plan", "proposal", "threat"],
        opens: Anywhere,
        examples: &["[sanctions proposals]", "[threats of more sanctions]"],
        not: &["sanctions regime"],
    },
    TriggerRule {
        name: "planned.coming",
        status: Planned,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:new|more|further|additional)\s+sanctions\s+(?:were|are|would\s+be|will\s+be)\s+(?:coming|forthcoming|on\s+the\s+way|in\s+the\s+works)(?-u:\b)",
        needs: &["sanctions"],
        also_needs: &["coming", "way", "works"],
        opens: Anywhere,
        examples: &["[more sanctions were on the way]"],
        not: &["more sanctions were imposed"],
    },
    // Lifted.
    TriggerRule {
        name: "lifted.lifts_sanctions",
        status: Lifted,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:lift\w*|eas(?:e|es|ed|ing)|suspend\w*|waiv\w*|remov\w*|rescind\w*|revok\w*|roll\w*\s+back|terminat\w*|end(?:s|ed|ing)?|unfr(?:eeze|eezes|eezing|oze))(?P<gap>(?:\s+[\w.'-]+){0,4}?)\s+(?:sanctions|restrictions|asset\s+freezes?|embargo|designations?|the\s+freeze)(?-u:\b)",
        needs: &["sanctions", "restrictions", "freeze", "embargo", "designation"],
        also_needs: &[
            "lift", "eas", "suspend", "waiv", "remov", "rescind", "revok", "roll", "terminat", "end", "unfr",
        ],
        opens: WithAlsoNeeds,
        examples: &["[lifted sanctions]", "[eased some of the restrictions]"],
        not: &["lifted the ban"],
    },
    TriggerRule {
        name: "lifted.remove_from_list",
        status: Lifted,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:remov\w*|delet\w*|drop\w*|tak(?:e|es|en|ing)|took|strik\w*|struck)(?-u:\b)[^.;]{0,100}?(?-u:\b)(?:off|from)\s+(?:the|its|their|a|[A-Z][\w.]*'s)\s+(?:[\w.-]+\s+){0,4}?(?:(?:sanctions?|sanctioned|blacklist|black|entity|sdn|designation|designated|nationals|persons|terror\w*|watch|consolidated|end-user|unverified|restricted|control)\s+list|blacklist|list\s+of\s+(?:sanctioned|designated|blacklisted|specially|blocked))(?-u:\b)",
        needs: &["list"],
        also_needs: &["remov", "delet", "drop", "tak", "took", "strik", "struck"],
        opens: WithAlsoNeeds,
        examples: &[
            "[removed the bank from the SDN list]",
            "[took him off its sanctions list]",
        ],
        not: &["removed him from the list of candidates", "dropped from the list"],
    },
    TriggerRule {
        name: "lifted.delist",
        status: Lifted,
        strength: Strong,
        form: Phrase,
        pattern: r"(?-u:\b)(?:delist\w*|de-list\w*|unblock\w*)(?-u:\b)",
        needs: &["delist", "de-list", "unblock"],
        also_needs: &[],
        opens: WithNeeds,
        examples: &["[delisted] three individuals"],
        not: &["listed three individuals"],
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
    Regex::new(r"(?i)(?-u:\b)(?:sanction\w*|designat\w+|blacklist\w*|embargo\w*|asset\s+freeze|sdn|restrictive\s+measures)(?-u:\b)")
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

/// Every rule's needed words (both lists) in one automaton (ASCII, any case,
/// overlapping matches reported), and for each word the rules (bit `k` for
/// `COMPILED[k]`) that need it.
pub static NEEDS: LazyLock<Needs> = LazyLock::new(|| {
    assert!(RULES.len() <= 32, "rule masks are u32");
    let mut words: Vec<Word> = Vec::new();
    let mut any_second = 0;
    for (k, rule) in RULES.iter().enumerate() {
        let bit = 1 << k;
        let lists = [(rule.needs, false), (rule.also_needs, true)];
        for (list, is_second) in lists {
            let opening = rule.opens
                == if is_second {
                    Opens::WithAlsoNeeds
                } else {
                    Opens::WithNeeds
                };
            for &word in list {
                let i = words.iter().position(|w| w.word == word).unwrap_or_else(|| {
                    words.push(Word {
                        word,
                        ..Word::default()
                    });
                    words.len() - 1
                });
                let w = &mut words[i];
                if is_second {
                    w.second |= bit;
                } else {
                    w.first |= bit;
                }
                if opening {
                    w.opens |= bit;
                }
            }
        }
        // A word in both lists would open matches through one and not the
        // other: `Word::inside` could not tell which.
        assert!(
            !rule.needs.iter().any(|w| rule.also_needs.contains(w)),
            "{}: a word in both lists",
            rule.name
        );
        if rule.also_needs.is_empty() {
            any_second |= bit;
        }
    }
    // A DFA whatever the number of words: the builder's default picks one
    // only up to 100 patterns, and the NFA it picks above that is slower
    // (docs/performance.md).
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words.iter().map(|w| w.word))
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
    /// The rules whose `also_needs` is empty: they need no second word.
    pub any_second: u32,
}

/// One needed word and the rules (bit `k` for `COMPILED[k]`) that need it.
#[derive(Default)]
pub struct Word {
    pub word: &'static str,
    /// The rules having it in `needs`, when it starts a word.
    pub first: u32,
    /// The rules having it in `also_needs`, when it starts a word.
    pub second: u32,
    /// The rules whose matches open with it (at a word start).
    pub opens: u32,
}

impl Word {
    /// `first` and `second` for the word inside another word: without the
    /// rules whose matches open with it.
    pub fn inside(&self) -> (u32, u32) {
        (self.first & !self.opens, self.second & !self.opens)
    }
}

/// The syntax of a trigger pattern as the proofs read it: bytes, ASCII classes.
#[cfg(test)]
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
/// covers what it is part of ([`crate::testing::every_match_holds`]).
#[cfg(test)]
pub(crate) fn holds_needed_word(pattern: &str, needs: &[&str]) -> bool {
    use regex_syntax::hir::HirKind;
    let hir = ascii_syntax(pattern);
    crate::testing::every_match_holds(&hir, &|leaf| match leaf.kind() {
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

    /// Every rule finds each of its examples whole and none of its negatives.
    #[test]
    fn every_rule_matches_its_examples_and_not_its_negatives() {
        let mut wrong = Vec::new();
        for (rule, regex) in COMPILED.iter() {
            if rule.examples.is_empty() {
                wrong.push(format!("{} has no example", rule.name));
            }
            for example in rule.examples {
                let (open, close) = (example.find('[').unwrap(), example.find(']').unwrap());
                let text = example.replace(['[', ']'], "");
                let found = regex.find(text.as_bytes()).map(|m| m.range());
                if found != Some(open..close - 1) {
                    let found = found.map(|r| &text[r]);
                    wrong.push(format!("{} finds {found:?} in {example:?}", rule.name));
                }
            }
            for text in rule.not {
                if let Some(m) = regex.find(text.as_bytes()) {
                    wrong.push(format!("{} finds {:?} in {text:?}", rule.name, &text[m.range()]));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// Every match of a rule holds one of its `needs` (and one of its
    /// `also_needs`, when it has them).
    #[test]
    fn every_match_holds_a_needed_word() {
        let mut wrong = Vec::new();
        for rule in RULES {
            if rule.needs.is_empty() || !holds_needed_word(rule.pattern, rule.needs) {
                wrong.push(rule.name);
            }
            if !rule.also_needs.is_empty() && !holds_needed_word(rule.pattern, rule.also_needs) {
                wrong.push(rule.name);
            }
        }
        assert!(wrong.is_empty(), "matches without a needed word: {wrong:?}");
    }

    /// Whether every match of `pattern` starts at a `\b` with one of
    /// `words` (each starting with a letter), read from its syntax: the
    /// pattern opens with `(?-u:\b)` and each literal its matches can start
    /// with (a finite set) starts with a word.
    fn opens_with(pattern: &str, words: &[&str]) -> bool {
        use regex_syntax::hir::literal::{ExtractKind, Extractor};
        use regex_syntax::hir::{HirKind, Look};
        let hir = super::ascii_syntax(pattern);
        let HirKind::Concat(parts) = hir.kind() else {
            return false;
        };
        if !matches!(parts[0].kind(), HirKind::Look(Look::WordAscii)) {
            return false;
        }
        if !words.iter().all(|w| w.starts_with(|c: char| c.is_ascii_alphabetic())) {
            return false;
        }
        let prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
        prefixes.literals().is_some_and(|literals| {
            literals.iter().all(|lit| {
                let lit = String::from_utf8_lossy(lit.as_bytes()).to_ascii_lowercase();
                words.iter().any(|w| lit.starts_with(w))
            })
        })
    }

    /// Every rule that says its matches open with one of its lists does.
    #[test]
    fn every_rule_opens_as_declared() {
        assert!(opens_with(r"(?-u:\b)(?:sanctioned|sanctions\s+\d+)", &["sanction"]));
        assert!(!opens_with(r"(?-u:\b)reimposed", &["impos"]), "a word inside a literal");
        assert!(
            !opens_with(r"(?-u:\b)\w*sanctioned", &["sanction"]),
            "a repetition before it"
        );
        assert!(!opens_with(r"sanctioned", &["sanction"]), "no word boundary");
        assert!(
            !opens_with(r"(?-u:\b)(?:sanctioned|lifted)", &["sanction"]),
            "a branch without it"
        );
        let mut wrong = Vec::new();
        for rule in RULES {
            let list = match rule.opens {
                Opens::Anywhere => continue,
                Opens::WithNeeds => rule.needs,
                Opens::WithAlsoNeeds => rule.also_needs,
            };
            if !opens_with(rule.pattern, list) {
                wrong.push(rule.name);
            }
        }
        assert!(
            wrong.is_empty(),
            "matches that do not open with a needed word: {wrong:?}"
        );
    }
}
