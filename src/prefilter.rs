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
    let words = match hir.kind() {
        HirKind::Literal(lit) => {
            let word = String::from_utf8_lossy(&lit.0);
            vec![if fold {
                word.to_ascii_lowercase()
            } else {
                word.into_owned()
            }]
        }
        HirKind::Capture(cap) => needed_words(&cap.sub, leading, fold)?,
        HirKind::Repetition(rep) if rep.min > 0 => needed_words(&rep.sub, leading, fold)?,
        HirKind::Alternation(branches) => {
            let mut words: Vec<String> = Vec::new();
            for branch in branches {
                for word in needed_words(branch, leading, fold)? {
                    if !words.contains(&word) {
                        words.push(word);
                    }
                }
            }
            words
        }
        HirKind::Concat(parts) if leading => needed_words(parts.first()?, true, fold)?,
        HirKind::Concat(parts) => parts
            .iter()
            .rev()
            .filter_map(|part| needed_words(part, false, fold))
            .max_by_key(|w| selectivity(w))?,
        _ => return None,
    };
    (words.iter().all(|w| w.len() >= SHORTEST_WORD)).then_some(words)
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
