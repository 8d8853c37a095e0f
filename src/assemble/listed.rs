//! Names an enumeration gives as the targets of an action, whether or not an
//! extractor knows them: `The sanctions target Ali Kocak, Arkan Mars
//! Petroleum DMCC and the Amran Cement Factory`, `it sanctioned judges A, B
//! and C, as well as prosecutor D`, `Hassan Zarei, a judge, and Ali Nejadian,
//! a commander, were also designated`.
//!
//! A list is read item by item from where it starts: each item is a short
//! description in lower case (`the insurance company`, `judges`), a name of
//! capitalised words (with the particles of names: `of`, `for`, `al`, `bin`,
//! `de`...), then maybe an apposition (`, a Sudanese financier,`) or brackets;
//! items are joined by commas, `and`, `as well as`, `along with`. The list ends
//! at anything else. An item that holds a name the extractors found gives that
//! name; one that holds a country, its actor or a demonym and no such name is
//! not a target (`Russia`, `North Korean Defense Minister` alone); other items
//! need two capitalised words.

use super::facts::{Fact, Facts};
use super::lexicon::{COMPOUND_TAILS, KIN_NOUNS, LIST_DESCRIPTION_STOPS, NAME_JOINERS, NOT_NAMES, SPEECH_AFTER_NAME};
use crate::extract::lexicon::{titles, word_info, words};
use std::ops::Range;

/// How many lower-case words an item's description may have.
const DESCRIPTION_WORDS: usize = 5;
/// How long an apposition may be (bytes).
const APPOSITION_BYTES: usize = 200;
/// How many items a list may have.
const MAX_ITEMS: usize = 40;

/// The names of the list that starts at `from`, up to `end`.
pub(super) fn names(text: &str, from: usize, end: usize, facts: &Facts) -> Vec<String> {
    let mut names = Vec::new();
    let mut at = from;
    for _ in 0..MAX_ITEMS {
        let Some(item) = item(text, at, end) else {
            break;
        };
        if !item.label {
            names.extend(item_names(text, &item.name, facts));
        }
        match separator(text, item.end, end) {
            Some(next) => at = next,
            None => break,
        }
    }
    names
}

/// One item of a list: its name, whether it is no target (a class, `a
/// Specially Designated Global Terrorist`; a speaker, `the Foreign Ministry
/// said`), and where the item ends.
struct Item {
    name: Range<usize>,
    label: bool,
    end: usize,
}

/// The item at `at`: a description, a name, an apposition.
fn item(text: &str, at: usize, end: usize) -> Option<Item> {
    let start = skip_description(text, at, end)?;
    let name = name_at(text, start, end)?;
    // `the Supreme Court judges A`, `Rosneft chief executive B`: the body
    // before a role names whom the person works for; the person is the item.
    let name = role_holder(text, name.end, end).unwrap_or(name);
    let description: Vec<&str> = text[at..start].split_whitespace().collect();
    // `the wife of A`: A is not the one listed.
    let kin = description.ends_with(&["of"]) && description.iter().any(|w| KIN_NOUNS.contains(w));
    let label = kin || description.iter().any(|w| matches!(*w, "a" | "an"));
    // `..., the Foreign Ministry said`: a speaker, not an item.
    let speaks = text[name.end..end]
        .split_whitespace()
        .next()
        .is_some_and(|w| SPEECH_AFTER_NAME.contains(&w.trim_end_matches([',', '.'])));
    let after = skip_apposition(text, name.end, end);
    // `President Vladimir Putin's two daughters`: the possessor is not the
    // item.
    let next = word_at(text, skip_space(text, name.end, end), end);
    let possessor = next.starts_with(char::is_uppercase) && (next.ends_with("'s") || next.ends_with("\u{2019}s"));
    // `Putin's two daughters, A and B`: the kin named after it are items.
    let end = if possessor {
        kin_after(text, name.end, end).unwrap_or(after)
    } else {
        after
    };
    Some(Item {
        name,
        label: label || speaks || possessor,
        end,
    })
}

/// After a possessor's `'s` at `at`, the end of a kin noun phrase closed by a
/// comma (`'s two daughters,`), where the kin's names follow.
fn kin_after(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = &text[at..end];
    let words_end = rest.find(',')?;
    let phrase: Vec<&str> = rest[..words_end].split_whitespace().collect();
    (phrase.len() <= 4 && phrase.iter().skip(1).any(|w| KIN_NOUNS.contains(w))).then_some(at + words_end)
}

/// The name after a role of one or two lower-case words that follow a
/// name at `at` (` judges A`, ` chief executive B`), if there is one.
fn role_holder(text: &str, at: usize, end: usize) -> Option<Range<usize>> {
    let mut pos = skip_space(text, at, end);
    if pos == at {
        return None; // punctuation right after the name
    }
    for _ in 0..2 {
        let word = word_at(text, pos, end);
        let role = !word.is_empty()
            && word.chars().all(|c| c.is_lowercase() || c == '-')
            && !matches!(word, "and" | "or" | "of" | "the" | "a" | "an")
            && !LIST_DESCRIPTION_STOPS.contains(&word);
        if !role {
            return None;
        }
        pos = skip_space(text, pos + word.len(), end);
        if word_at(text, pos, end).starts_with(char::is_uppercase) {
            return name_at(text, pos, end);
        }
    }
    None
}

/// After the lower-case description of an item (`the insurance company `,
/// `two senior Hamas officials`: no, a capital ends it), where its name
/// starts; `None` when a word that ends a list comes first.
fn skip_description(text: &str, at: usize, end: usize) -> Option<usize> {
    let mut pos = skip_space(text, at, end);
    for _ in 0..DESCRIPTION_WORDS {
        let word = word_at(text, pos, end);
        if word.is_empty() {
            return None;
        }
        let first = word.chars().next()?;
        if first.is_uppercase() {
            return Some(pos);
        }
        let bare = word.trim_end_matches([',', ':']);
        if LIST_DESCRIPTION_STOPS.contains(&bare) || !bare.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return None;
        }
        if bare.len() != word.len() && !word.ends_with(':') {
            return None; // a comma inside the description: not an item
        }
        pos = skip_space(text, pos + word.len(), end);
    }
    None
}

/// The name at `at`: capitalised words and the particles between them,
/// ending on a capitalised word.
fn name_at(text: &str, at: usize, end: usize) -> Option<Range<usize>> {
    let mut pos = at;
    let mut last_capital = None;
    loop {
        let word = word_at(text, pos, end);
        if word.is_empty() {
            break;
        }
        // The word without what may close the name after it.
        let core = word.trim_end_matches([',', ';', ':', ')', '"', '\u{201d}']);
        if core.ends_with("'s") || core.ends_with('\u{2019}') || is_compound_adjective(core) {
            break; // `Yonhap's newsletter`: a possessor; `Dubai-based`: an adjective
        }
        let capital = core
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && core.chars().any(char::is_alphabetic);
        if capital {
            last_capital = Some(pos + core.len());
        } else if !(NAME_JOINERS.contains(&core) || titles::NAME_PARTICLES.contains(&core)) || last_capital.is_none() {
            break;
        }
        if core.len() != word.len() {
            break; // punctuation closes the name
        }
        pos = skip_space(text, pos + word.len(), end);
    }
    let name_end = last_capital?;
    // A sentence's last word keeps its full stop out of the name, not its
    // abbreviations (`Co.`, `Ltd.`).
    let name_end = if text[at..name_end].ends_with('.') && !ends_with_abbreviation(&text[at..name_end]) {
        name_end - 1
    } else {
        name_end
    };
    Some(at..name_end)
}

/// `Dubai-based`, `Kremlin-linked`: a capitalised word that is an adjective.
fn is_compound_adjective(word: &str) -> bool {
    word.rsplit_once('-')
        .is_some_and(|(_, tail)| COMPOUND_TAILS.contains(&tail.trim_end_matches(['\'', '\u{2019}', 's'])))
}

/// `Co.`, `Ltd.`, `Inc.`, `PTE. LTD.`, `S.A.`: a full stop that belongs.
fn ends_with_abbreviation(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    let bare = last.trim_end_matches('.');
    bare.len() <= 4 || bare.contains('.')
}

/// After a name, past an apposition (`, a Sudanese financier accused of...,`)
/// or brackets (`(OFAC)`): where the separator may come.
fn skip_apposition(text: &str, at: usize, end: usize) -> usize {
    let rest = &text[at..end];
    if let Some(inner) = rest.strip_prefix(" (")
        && let Some(close) = inner.find(')')
    {
        return at + 2 + close + 1;
    }
    let Some(after_comma) = rest.strip_prefix(", ") else {
        return at;
    };
    let next = after_comma.split_whitespace().next().unwrap_or("");
    let opens = next.chars().next().is_some_and(char::is_lowercase) && !matches!(next, "and" | "as" | "along" | "or");
    if !opens {
        return at;
    }
    // The apposition runs to the next comma or semicolon, which then
    // separates items (`A, director of the B; C, vice chairman of the D`).
    match after_comma.find([',', ';']) {
        Some(comma) if comma <= APPOSITION_BYTES => at + 2 + comma,
        _ => at,
    }
}

/// The start of the next item after a separator at `at` (`, `, `, and `, ` and
/// `, `, as well as `), if one is there.
fn separator(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = &text[at..end];
    for sep in [
        ", as well as ",
        " as well as ",
        ", along with ",
        " along with ",
        ", and ",
        " and ",
        ", ",
        "; and ",
        "; ",
    ] {
        if rest.starts_with(sep) {
            return Some(at + sep.len());
        }
    }
    None
}

/// The names an item gives: the known names inside it, else the item
/// itself when it is no country or demonym and has two capitalised words.
fn item_names(text: &str, name: &Range<usize>, facts: &Facts) -> Vec<String> {
    let inside = |f: &Range<usize>| f.start < name.end && name.start < f.end;
    // `Russian Federal Council speaker Valentina Matvienko`, `the Supreme
    // Court judges A and B`: the body an official heads or works for, before
    // the official or before a role in lower case and a name, is no item of
    // its own.
    let official = facts.officials.iter().find(|f| inside(&f.range)).map(|f| f.range.start);
    let inside_item: Vec<&Fact<&str>> = facts.named.iter().filter(|f| inside(&f.range)).collect();
    let before_role = |k: usize| {
        inside_item.get(k + 1).is_some_and(|next| {
            let gap = text.get(inside_item[k].range.end..next.range.start).unwrap_or("");
            !gap.trim().is_empty()
                && gap
                    .split_whitespace()
                    .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-') && w != "and")
        })
    };
    let known: Vec<String> = inside_item
        .iter()
        .enumerate()
        .filter(|&(k, f)| official.is_none_or(|at| f.range.start >= at) && !before_role(k))
        .map(|(_, f)| f.value.to_string())
        .collect();
    if !known.is_empty() {
        return known;
    }
    let place = |list: &[Fact<&str>]| list.iter().any(|f| inside(&f.range));
    if place(&facts.countries) || place(&facts.demonyms) || facts.actors.iter().any(|f| inside(&f.range)) {
        return Vec::new();
    }
    // Past the title before the name (`Deputy Commander A`, `Dr. B`), not
    // a modifier alone (`Military Housing Establishment`).
    let mut surface = &text[name.clone()];
    let mut rest = surface;
    while let Some((word, after)) = rest.split_once(' ') {
        let info = word_info(word);
        if info.title_head() || info.honorific() {
            surface = after.trim_start();
        } else if !info.title_modifier() {
            break;
        }
        rest = after.trim_start();
    }
    let capitals = surface
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let no_name = |w: &str| {
        let bare = w.trim_end_matches('.');
        NOT_NAMES.contains(&w) || words::MONTHS.contains(&bare) || words::DAYS.contains(&bare)
    };
    // `Vice Minister` (of a name the extractors did not find): an office.
    let office = surface.split_whitespace().all(|w| {
        let info = word_info(w);
        info.title_head() || info.title_modifier()
    });
    if capitals < 2 || office || surface.split_whitespace().any(no_name) {
        return Vec::new();
    }
    vec![surface.to_string()]
}

/// The word at `at` (up to a space), empty at `end`.
fn word_at(text: &str, at: usize, end: usize) -> &str {
    let rest = &text[at..end];
    let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    &rest[..len]
}

/// Past the spaces at `at`.
fn skip_space(text: &str, at: usize, end: usize) -> usize {
    let rest = &text[at..end];
    at + (rest.len() - rest.trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(text: &str, from: &str) -> Vec<String> {
        let at = text.find(from).expect("the list's start is in the text") + from.len();
        names(text, at, text.len(), &Facts::default())
    }

    #[test]
    fn items_are_read_past_descriptions_and_appositions() {
        assert_eq!(
            listed(
                "The sanctions target Ali Kocak Saleh, Arkan Mars Petroleum DMCC and the Amran Cement Factory.",
                "target"
            ),
            ["Ali Kocak Saleh", "Arkan Mars Petroleum DMCC", "Amran Cement Factory"]
        );
        assert_eq!(
            listed(
                "It sanctioned judges Fanny Marta Lopez, Ines Figuera and Juan Carlos Hidalgo, as well as prosecutor Luis Ernesto Duarte, who issued the warrant.",
                "sanctioned"
            ),
            [
                "Fanny Marta Lopez",
                "Ines Figuera",
                "Juan Carlos Hidalgo",
                "Luis Ernesto Duarte"
            ]
        );
        assert_eq!(
            listed(
                "Among them are Musa Salim Dudin, a member of the investment team, and Abdel Hamza Khair, a Sudanese financier.",
                "are"
            ),
            ["Musa Salim Dudin", "Abdel Hamza Khair"]
        );
        assert_eq!(
            listed(
                "They include Sinno Electronics Co. Limited and Asia Pacific Links Ltd.",
                "include"
            ),
            ["Sinno Electronics Co. Limited", "Asia Pacific Links Ltd."]
        );
        assert_eq!(
            listed(
                "Designated were the company Bank of Kunlun (BOK) and Al Saida Stone for Trading.",
                "were"
            ),
            ["Bank of Kunlun", "Al Saida Stone for Trading"]
        );
        assert_eq!(
            listed(
                "Among them are Hwang Pyong-so, director of the General Political Bureau; Choe Ryong-hae, vice chairman of the Central Committee; and Pak Yong-sik, minister.",
                "are"
            ),
            ["Hwang Pyong-so", "Choe Ryong-hae", "Pak Yong-sik"]
        );
        assert_eq!(
            listed(
                "Japan froze the assets of President Vladimir Putin's two daughters, Maria Vorontsova and Katerina Tikhonova.",
                "assets"
            ),
            ["Maria Vorontsova", "Katerina Tikhonova"]
        );
        assert!(listed("It named Vladimir Putin's allies, and more.", "named").is_empty());
        // A body before a role names the holder's employer.
        assert_eq!(
            listed(
                "They include the Supreme Court judges Roger Castillo Obregon and Marlene Tellez, and Rosneft chief executive Igor Sechin.",
                "include"
            ),
            ["Roger Castillo Obregon", "Marlene Tellez", "Igor Sechin"]
        );
    }

    #[test]
    fn lists_end_at_anything_else() {
        // A clause after the list, a lone capitalised word, a month.
        assert_eq!(
            listed("It sanctioned Ali Reza Kocak for his role in the scheme.", "sanctioned"),
            ["Ali Reza Kocak"]
        );
        assert!(listed("It sanctioned Kocak on Monday.", "sanctioned").is_empty());
        assert!(listed("The sanctions took effect in March 2024.", "sanctions").is_empty());
        assert!(listed("The measures, which Brussels adopted, target banks.", "measures").is_empty());
        // A possessor, an adjective, a speaker, a number, an office alone,
        // the one whose kin is listed.
        assert!(listed("Listed were Yonhap's partners.", "were").is_empty());
        assert!(listed("They include Vice Minister of the Interior.", "include").is_empty());
        // Titles before a name no extractor knows are no part of it.
        assert_eq!(
            listed("Designated were Deputy Commander Hossein Taeb and others.", "were"),
            ["Hossein Taeb"]
        );
        assert_eq!(
            listed("It also named the Military Housing Establishment.", "named"),
            ["Military Housing Establishment"]
        );
        assert!(listed("The list names the wife of Foreign Minister Ivan Orlov.", "names").is_empty());
        assert!(listed("It targeted St Petersburg-based firms.", "targeted").is_empty());
        assert!(listed("It sanctioned 20 firms, the Foreign Ministry said.", "firms").is_empty());
        assert!(listed("Council Adds Three Gang Leaders", "Adds").is_empty());
        // A class is no name.
        assert_eq!(
            listed(
                "It designated the Houthis Movement, also known as Ansar Allah, a Specially Designated Global Terrorist.",
                "designated"
            ),
            // `also known as ...` is an apposition.
            ["Houthis Movement"]
        );
    }
}
