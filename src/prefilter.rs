//! What every match of a pattern holds, read from its syntax when the rules
//! compile, so that a search may skip text without it (as ripgrep's regex
//! engine derives its literal prefilters): needed words and digits. A rule's
//! author writes its pattern; the prefilter comes from it.
//!
//! The derivations only look where the syntax proves something: a literal;
//! every branch of an alternation; a repetition that occurs at least once;
//! a part of a concatenation. What they cannot prove, they leave out (a
//! search without a prefilter is slower, never wrong).

use regex_syntax::hir::{Class, Hir, HirKind};

/// The shortest needed word worth a look-up (`eye`, `set`, `add`).
pub(crate) const SHORTEST_WORD: usize = 3;

/// Words in nearly every stretch of news text: a list holding one narrows
/// nothing.
const COMMON: &[&str] = &["the", "and", "for", "that", "with"];

/// Words of which every match of `hir` holds one, where the syntax shows
/// them: a literal; any branch of an alternation, each branch holding one; a
/// repetition that occurs at least once; of a concatenation's parts, the
/// most selective list, or with `leading` the first part's (the words a
/// match starts with). `fold`: in lower case (for patterns that run without
/// case); else as written. Lists with a word shorter than [`SHORTEST_WORD`]
/// narrow nothing and are not taken.
pub(crate) fn needed_words(hir: &Hir, leading: bool, fold: bool) -> Option<Vec<String>> {
    needed_words_of(hir, leading, fold, &|w: &str| w.len() >= SHORTEST_WORD)
}

/// One way to search for a pattern's matches by words (a date rule's
/// anchors): a list of needed words ([`needed_words`]) of one part of the
/// pattern, without a [`COMMON`] word, in which a one-letter word may stand
/// when it is a capital (`Q` of `Q3`): capitals are rare enough to search
/// for. Two anchorings are the same when their words, case and
/// confirmation are, whatever part of which pattern they come from.
#[derive(Debug, Clone)]
pub(crate) struct Anchoring {
    /// The words, as written in the pattern (lower case with `fold`).
    pub words: Vec<String>,
    /// Found in any case: the pattern has a case-insensitive group.
    pub fold: bool,
    /// When every match of the part opens with one of the words: the part's
    /// pattern, which must match where a word is found for a match of the
    /// whole to hold it there (`Jan` of `Janet` is no month name).
    pub confirm: Option<String>,
    /// Which part of the pattern's top-level sequence the words come from.
    pub part: usize,
}

impl PartialEq for Anchoring {
    fn eq(&self, other: &Anchoring) -> bool {
        (&self.words, self.fold, &self.confirm) == (&other.words, other.fold, &other.confirm)
    }
}

/// Whether the regex engine's own prefilter narrows a search for `pattern`
/// well: every match opens with one of a finite set of literals, none
/// shorter than [`SHORTEST_WORD`] or [`COMMON`]. Such a pattern needs no
/// anchors.
pub(crate) fn engine_finds_openings(hir: &Hir) -> bool {
    let seq = regex_syntax::hir::literal::Extractor::new().extract(hir);
    seq.literals().is_some_and(|literals| {
        !literals.is_empty()
            && literals.iter().all(|lit| {
                let word = String::from_utf8_lossy(lit.as_bytes());
                let word = word.trim_end();
                word.len() >= SHORTEST_WORD && !COMMON.contains(&word.to_ascii_lowercase().as_str())
            })
    })
}

/// The ways to anchor a search for `pattern`, one per part of its top-level
/// sequence that has a list, most selective first (empty: nothing narrows
/// the search). Read from the syntax case as written, with case-insensitive
/// groups read as written too and searched in any case.
pub(crate) fn anchorings(pattern: &str) -> Vec<Anchoring> {
    let fold = pattern.contains("(?i");
    let as_written = pattern.replace("(?i:", "(?:").replace("(?i)", "");
    let Ok(hir) = regex_syntax::parse(&as_written) else {
        return Vec::new();
    };
    let allowed = |w: &str| w.len() >= SHORTEST_WORD || (w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase());
    let mut found: Vec<Anchoring> = Vec::new();
    for (index, part) in parts(&hir).into_iter().enumerate() {
        let Some(words) = needed_words_of(part, false, fold, &allowed) else {
            continue;
        };
        if words.iter().any(|w| COMMON.contains(&w.to_ascii_lowercase().as_str()))
            || found.iter().any(|a| a.words == words)
        {
            continue;
        }
        let opens = needed_words_of(part, true, fold, &allowed).as_ref() == Some(&words);
        let confirm = opens.then(|| if fold { format!("(?i:{part})") } else { part.to_string() });
        found.push(Anchoring {
            words,
            fold,
            confirm,
            part: index,
        });
    }
    found.sort_by_key(|a| std::cmp::Reverse(selectivity(&a.words)));
    found
}

fn needed_words_of(hir: &Hir, leading: bool, fold: bool, allowed: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
    let recurse = |h: &Hir, leading: bool| needed_words_of(h, leading, fold, allowed);
    let words = match hir.kind() {
        HirKind::Literal(lit) => {
            let word = String::from_utf8_lossy(&lit.0);
            vec![if fold {
                word.to_ascii_lowercase()
            } else {
                word.into_owned()
            }]
        }
        HirKind::Capture(cap) => recurse(&cap.sub, leading)?,
        HirKind::Repetition(rep) if rep.min > 0 => recurse(&rep.sub, leading)?,
        HirKind::Alternation(branches) => {
            let mut words: Vec<String> = Vec::new();
            for branch in branches {
                for word in recurse(branch, leading)? {
                    if !words.contains(&word) {
                        words.push(word);
                    }
                }
            }
            words
        }
        HirKind::Concat(parts) if leading => recurse(parts.first()?, true)?,
        HirKind::Concat(parts) => parts
            .iter()
            .rev()
            .filter_map(|part| recurse(part, false))
            .max_by_key(|w| selectivity(w))?,
        _ => return None,
    };
    words.iter().all(|w| allowed(w)).then_some(words)
}

/// How well a list of needed words narrows a search: a list without a
/// [`COMMON`] word first, then the shortest word (short words are found
/// everywhere), then the fewer words.
pub(crate) fn selectivity(words: &[String]) -> (bool, usize, std::cmp::Reverse<usize>) {
    let common = words.iter().any(|w| COMMON.contains(&w.to_ascii_lowercase().as_str()));
    let shortest = words.iter().map(String::len).min().unwrap_or(0);
    (!common, shortest, std::cmp::Reverse(words.len()))
}

/// The parts of a pattern's top-level concatenation (the pattern itself when
/// it is none).
pub(crate) fn parts(hir: &Hir) -> Vec<&Hir> {
    match hir.kind() {
        HirKind::Concat(parts) => parts.iter().collect(),
        _ => vec![hir],
    }
}

/// Whether every match of `hir` holds what `leaf` proves of a literal or a
/// class: a concatenation when one of its parts does, an alternation when
/// all its branches do, a repetition when it occurs at least once and its
/// body does.
pub(crate) fn every_match_holds(hir: &Hir, leaf: &dyn Fn(&Hir) -> bool) -> bool {
    match hir.kind() {
        HirKind::Literal(_) | HirKind::Class(_) => leaf(hir),
        HirKind::Concat(parts) => parts.iter().any(|h| every_match_holds(h, leaf)),
        HirKind::Alternation(branches) => branches.iter().all(|h| every_match_holds(h, leaf)),
        HirKind::Repetition(rep) => rep.min > 0 && every_match_holds(&rep.sub, leaf),
        HirKind::Capture(cap) => every_match_holds(&cap.sub, leaf),
        HirKind::Empty | HirKind::Look(_) => false,
    }
}

/// Whether every match of `hir` holds an ASCII digit: a literal holding one,
/// or a class of digits only, covers what it is part of.
pub(crate) fn holds_digit(hir: &Hir) -> bool {
    every_match_holds(hir, &|leaf| match leaf.kind() {
        HirKind::Literal(lit) => lit.0.iter().any(u8::is_ascii_digit),
        HirKind::Class(Class::Unicode(class)) => {
            !class.ranges().is_empty() && class.ranges().iter().all(|r| r.start() >= '0' && r.end() <= '9')
        }
        HirKind::Class(Class::Bytes(class)) => {
            !class.ranges().is_empty() && class.ranges().iter().all(|r| r.start() >= b'0' && r.end() <= b'9')
        }
        _ => false,
    })
}

/// Digits right beside a rule's anchor words, as its pattern places them:
/// the bytes that may stand between the words and a digit after them (`May
/// 27`, `May the 27th`), and between a digit and the words before them (`27th
/// of May`). A window whose anchors have no digit so placed holds no match.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DigitBeside {
    /// Every match has a digit after its anchor word with only these bytes
    /// between (the part of the words holds nothing but one of them).
    pub after: Option<Vec<u8>>,
    /// Every match has a digit before its anchor word with only these bytes
    /// between (the part of the words opens with one of them).
    pub before: Option<Vec<u8>>,
}

impl DigitBeside {
    /// Where the digits of a pattern (`hir`) stand beside the words of its part
    /// `anchoring.part`, as far as the syntax proves it.
    pub(crate) fn of(hir: &Hir, anchoring: &Anchoring) -> DigitBeside {
        let parts = parts(hir);
        let k = anchoring.part;
        let after = if only_words(parts[k]) {
            (k + 1..parts.len())
                .find(|&j| starts_with_digit(parts[j]))
                .and_then(|j| gap(&parts[k + 1..j], Vec::new()))
        } else {
            None
        };
        let before = if anchoring.confirm.is_some() {
            (0..k)
                .rev()
                .find_map(|j| ends_with_digit(parts[j]).map(|tail| (j, tail)))
                .and_then(|(j, tail)| gap(&parts[j + 1..k], tail))
        } else {
            None
        };
        DigitBeside { after, before }
    }

    /// Whether a digit stands after `end` with only `between` bytes before it.
    pub(crate) fn digit_after(between: &[u8], text: &str, end: usize) -> bool {
        let rest = &text.as_bytes()[end..];
        let skip = rest.iter().take_while(|b| between.contains(b)).count();
        rest.get(skip).is_some_and(u8::is_ascii_digit)
    }

    /// Whether a digit stands before `start` with only `between` bytes after it.
    pub(crate) fn digit_before(between: &[u8], text: &str, start: usize) -> bool {
        let head = &text.as_bytes()[..start];
        let skip = head.iter().rev().take_while(|b| between.contains(b)).count();
        head.len() > skip && head[head.len() - skip - 1].is_ascii_digit()
    }
}

/// The bytes the parts may hold, with `tail`, when none is a digit.
fn gap(parts: &[&Hir], mut tail: Vec<u8>) -> Option<Vec<u8>> {
    for part in parts {
        tail.extend(byte_set(part)?);
    }
    tail.sort_unstable();
    tail.dedup();
    (!tail.iter().any(u8::is_ascii_digit)).then_some(tail)
}

/// The bytes a match of `hir` may hold, when all are ASCII.
fn byte_set(hir: &Hir) -> Option<Vec<u8>> {
    Some(match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Vec::new(),
        HirKind::Literal(lit) => lit.0.iter().all(u8::is_ascii).then(|| lit.0.to_vec())?,
        HirKind::Class(_) => run_bytes(hir)?,
        HirKind::Capture(cap) => byte_set(&cap.sub)?,
        HirKind::Repetition(rep) => byte_set(&rep.sub)?,
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            let mut bytes = Vec::new();
            for sub in subs {
                bytes.extend(byte_set(sub)?);
            }
            bytes
        }
    })
}

/// Whether a class holds ASCII digits only.
fn digit_class(hir: &Hir) -> bool {
    run_bytes(hir).is_some_and(|b| !b.is_empty() && b.iter().all(u8::is_ascii_digit))
}

/// Whether every match of `hir` is a literal (before look-arounds): the
/// anchor words are all a match of it holds.
fn only_words(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Literal(_) => true,
        HirKind::Capture(cap) => only_words(&cap.sub),
        HirKind::Alternation(subs) => subs.iter().all(only_words),
        HirKind::Concat(subs) => {
            subs.first().is_some_and(|h| matches!(h.kind(), HirKind::Literal(_)))
                && subs[1..].iter().all(|h| matches!(h.kind(), HirKind::Look(_)))
        }
        _ => false,
    }
}

/// Whether every match of `hir` starts with an ASCII digit.
fn starts_with_digit(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Literal(lit) => lit.0.first().is_some_and(u8::is_ascii_digit),
        HirKind::Class(_) => digit_class(hir),
        HirKind::Capture(cap) => starts_with_digit(&cap.sub),
        HirKind::Repetition(rep) => rep.min > 0 && starts_with_digit(&rep.sub),
        HirKind::Alternation(subs) => subs.iter().all(starts_with_digit),
        HirKind::Concat(subs) => {
            // Look-arounds, and optional parts that open with a digit when
            // they match anything, until a part that must match.
            for sub in subs {
                match sub.kind() {
                    HirKind::Look(_) => continue,
                    HirKind::Repetition(rep) if rep.min == 0 => {
                        if !starts_with_digit(&rep.sub) {
                            return false;
                        }
                    }
                    _ => return starts_with_digit(sub),
                }
            }
            false
        }
        HirKind::Empty | HirKind::Look(_) => false,
    }
}

/// When every match of `hir` has a digit followed only by some bytes, those
/// bytes (`27th`: the letters of the ordinal suffixes).
fn ends_with_digit(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Literal(lit) => lit.0.last().is_some_and(u8::is_ascii_digit).then(Vec::new),
        HirKind::Class(_) => digit_class(hir).then(Vec::new),
        HirKind::Capture(cap) => ends_with_digit(&cap.sub),
        HirKind::Repetition(rep) if rep.min > 0 => ends_with_digit(&rep.sub),
        HirKind::Alternation(subs) => {
            let mut tail = Vec::new();
            for sub in subs {
                tail.extend(ends_with_digit(sub)?);
            }
            Some(tail)
        }
        HirKind::Concat(subs) => {
            // Look-arounds and optional parts at the end may follow the digit.
            let mut tail = Vec::new();
            for sub in subs.iter().rev() {
                if matches!(sub.kind(), HirKind::Look(_)) || sub.properties().minimum_len() == Some(0) {
                    tail.extend(byte_set(sub)?);
                    continue;
                }
                tail.extend(ends_with_digit(sub)?);
                return Some(tail);
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hir(pattern: &str) -> Hir {
        regex_syntax::parse(pattern).expect("pattern parses")
    }

    #[test]
    fn digits_every_match_holds() {
        assert!(holds_digit(&hir(r"(?:a|b)?[0-9]+")));
        assert!(holds_digit(&hir(r"x(?:1|2[a-z])")));
        assert!(!holds_digit(&hir(r"a|[0-9]")));
        assert!(!holds_digit(&hir(r"[0-9]*")));
        assert!(!holds_digit(&hir(r"[0-9a]")));
    }

    #[test]
    fn seeks_step_back_from_the_key() {
        let seek = |p: &str| Seek::of(&hir(p));
        let weekday = seek(r"(?:(?P<rel>last|coming) +)?(?P<wd>Monday|Friday)").expect("a seek");
        assert_eq!(weekday.back, [Back::Run(vec![b' ']), Back::Bytes(6)]);
        assert_eq!(weekday.start("We met   last Friday", 0), Some(7));
        assert_eq!(weekday.start("Friday", 0), Some(0));
        assert_eq!(weekday.start("no day", 0), None);
        // A common word and spaces before the key step back too.
        let day = seek(r"(?:on +)?(?P<span>the +(?P<d>[0-9]{1,2}(?:st|nd|rd|th)))").expect("a seek");
        assert_eq!(day.start("It came on the 2nd.", 0), Some(8));
        // Nothing optional before the key: the engine's own search does.
        assert!(seek(r"(?-u:\b)(?P<y>20[0-9]{2})(?-u:\b)").is_none());
        // An unbounded part other than a run of a class: no seek.
        assert!(seek(r"(?:a.*b)?x").is_none());
    }

    #[test]
    fn anchorings_are_lists_of_parts_most_selective_first() {
        let words = |p: &str| anchorings(p).into_iter().map(|a| a.words.join(" ")).collect::<Vec<_>>();
        assert_eq!(
            words(r"(?:this|last) +(?P<m>March|May)(?-u:\b)"),
            ["this last", "March May"]
        );
        // Common words and short ones are no anchors; a capital may be one.
        assert_eq!(words(r"the +(?:of|to) +[0-9]"), Vec::<String>::new());
        assert_eq!(words(r"(?:quarter|Q)[1-4]"), ["quarter Q"]);
        // Where every match of a part opens with a word, the part confirms a
        // hit; a case-insensitive pattern's words are found in any case.
        let month = &anchorings(r"(?P<m>Jan(?-u:\b)|January) +[0-9]")[0];
        let confirm =
            regex::Regex::new(&format!("^(?:{})", month.confirm.as_ref().expect("a confirm"))).expect("compiles");
        assert!(confirm.is_match("Jan 5") && confirm.is_match("January") && !confirm.is_match("Janet"));
        let ago = &anchorings(r"(?i:[0-9]+ +years +ago)")[0];
        assert_eq!((ago.words.join(" "), ago.fold), ("years".to_string(), true));
    }

    #[test]
    fn needed_words_are_the_most_selective_list() {
        let words = |p: &str| needed_words(&hir(p), false, false);
        assert_eq!(words("(?:this|last) +year"), Some(vec!["year".to_string()]));
        assert_eq!(
            words("(?:Last|last) +x"),
            Some(vec!["Last".to_string(), "last".to_string()])
        );
        // A common word narrows nothing when another list is there.
        assert_eq!(words("(?:end|start) +of +the +week"), Some(vec!["week".to_string()]));
        assert_eq!(
            words("(?:end|start) +of +the"),
            Some(vec!["end".to_string(), "start".to_string()])
        );
        // Short words and optional parts prove nothing.
        assert_eq!(words("(?:of|on) +[0-9]"), None);
        assert_eq!(words("(?:year)? +[0-9]"), None);
        assert_eq!(
            needed_words(&hir("(?:This|Next) +x"), false, true),
            Some(vec!["this".to_string(), "next".to_string()])
        );
    }
}

/// Where a search for a pattern may start, for patterns that open with
/// optional words before a rarer key (`early 2019`, `on the 2nd`, `last
/// Monday`): find the key with a plain pattern, then step back over what
/// may stand before it. The engine's own literal search cannot skip to the
/// key past an optional opening; this can.
#[derive(Debug, Clone)]
pub(crate) struct Seek {
    /// The key, with the word boundaries around it in the pattern.
    key: regex::Regex,
    /// From the key backwards: what may stand before it.
    back: Vec<Back>,
}

/// One step back from a key.
#[derive(Debug, Clone, PartialEq)]
enum Back {
    /// A run of these bytes (a repeated class such as ` +` or `[- ]*`).
    Run(Vec<u8>),
    /// At most this many bytes.
    Bytes(usize),
}

impl Seek {
    /// The seek of a pattern, when it opens with something optional (or a
    /// common word) before a key: the key is the first part of the
    /// top-level sequence (or of the group it opens with) that is neither
    /// optional, nor a look-around, nor a common word or run of spaces.
    pub(crate) fn of(hir: &Hir) -> Option<Seek> {
        let (before, key) = key_of(hir)?;
        let mut back = Vec::new();
        for part in before.iter().rev() {
            steps_back(part, &mut back)?;
        }
        if !back.iter().any(|b| matches!(b, Back::Bytes(n) if *n > 0)) {
            return None;
        }
        let key = regex::Regex::new(&key.to_string()).ok()?;
        Some(Seek { key, back })
    }

    /// Where the first match at or after byte `from` may start at the
    /// earliest (`None`: no match after it).
    pub(crate) fn start(&self, text: &str, from: usize) -> Option<usize> {
        let key = self.key.find_at(text, from)?;
        let bytes = text.as_bytes();
        let mut at = key.start();
        for step in &self.back {
            at = match step {
                Back::Run(set) => at - bytes[..at].iter().rev().take_while(|b| set.contains(b)).count(),
                Back::Bytes(n) => at.saturating_sub(*n),
            };
        }
        Some(text.floor_char_boundary(at).max(from))
    }
}

/// The parts before a pattern's key, and the key (with the look-arounds
/// right before and after it).
fn key_of(hir: &Hir) -> Option<(Vec<Hir>, Hir)> {
    let parts = parts(hir);
    let mut before: Vec<Hir> = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        let optional = part.properties().minimum_len() == Some(0);
        if matches!(part.kind(), HirKind::Look(_)) || optional {
            before.push((*part).clone());
            continue;
        }
        if is_common(part) {
            // A common word or spaces before the key: `the +` of `the
            // +(?P<d>...)`.
            before.push((*part).clone());
            continue;
        }
        if opens_with_common(part) {
            // The key is inside: `(?P<span>the +(?P<d>...))`.
            let inner = match part.kind() {
                HirKind::Capture(cap) => &*cap.sub,
                _ => part,
            };
            let (mut inner_before, key) = key_of(inner)?;
            before.append(&mut inner_before);
            return Some((before, key));
        }
        // The look-arounds right before the key go with it.
        let looks = before
            .iter()
            .rev()
            .take_while(|h| matches!(h.kind(), HirKind::Look(_)))
            .count();
        let mut key = before.split_off(before.len() - looks);
        key.push((*part).clone());
        key.extend(
            parts[k + 1..]
                .iter()
                .take_while(|h| matches!(h.kind(), HirKind::Look(_)))
                .map(|h| (*h).clone()),
        );
        return Some((before, Hir::concat(key)));
    }
    None
}

/// Whether a group's matches open with a common word (`(?P<span>the
/// +...)`).
fn opens_with_common(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Capture(cap) => opens_with_common(&cap.sub),
        HirKind::Concat(parts) => parts.first().is_some_and(is_common),
        _ => false,
    }
}

/// Whether a part is a common word or a run of spaces.
fn is_common(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Literal(lit) => {
            let word = String::from_utf8_lossy(&lit.0).to_ascii_lowercase();
            COMMON.contains(&word.trim())
        }
        HirKind::Repetition(rep) => run_bytes(&rep.sub).is_some_and(|bytes| bytes.iter().all(|b| *b == b' ')),
        _ => false,
    }
}

/// The steps back over one part before a key, appended to `back`; `None`
/// when the part's length is unbounded other than as a run of a class.
fn steps_back(hir: &Hir, back: &mut Vec<Back>) -> Option<()> {
    match hir.kind() {
        HirKind::Look(_) | HirKind::Empty => {}
        HirKind::Capture(cap) => steps_back(&cap.sub, back)?,
        HirKind::Concat(parts) => {
            for part in parts.iter().rev() {
                steps_back(part, back)?;
            }
        }
        HirKind::Repetition(rep) if rep.max.is_none() => back.push(Back::Run(run_bytes(&rep.sub)?)),
        HirKind::Repetition(rep) if rep.max == Some(1) => steps_back(&rep.sub, back)?,
        _ => back.push(Back::Bytes(hir.properties().maximum_len()?)),
    }
    Some(())
}

/// The bytes of a repeated literal byte or class of ASCII bytes.
fn run_bytes(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Literal(lit) if lit.0.len() == 1 => Some(lit.0.to_vec()),
        HirKind::Class(Class::Unicode(class)) => {
            let mut bytes = Vec::new();
            for r in class.ranges() {
                if !r.end().is_ascii() {
                    return None;
                }
                bytes.extend(r.start() as u8..=r.end() as u8);
            }
            Some(bytes)
        }
        HirKind::Class(Class::Bytes(class)) => {
            let mut bytes = Vec::new();
            for r in class.ranges() {
                bytes.extend(r.start()..=r.end());
            }
            Some(bytes)
        }
        _ => None,
    }
}
