//! From candidate mentions to entities: acronyms and alias cues join their
//! entity, mentions inside a longer organization name give way to it, and each
//! group of mentions becomes one entity with a canonical name (the longest full
//! form in the article; a country's common short name), aliases (the other
//! surface forms), a type and a country.

use super::rules::Candidate;
use super::{Found, Key, Mention, Rule};
use crate::extract::Article;
use crate::extract::lexicon::{self, Body};
use crate::record::{Entity, EntityType};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// The entities of an article from its candidate mentions: alias cues and
/// acronyms make mentions, mentions inside longer names go, and the rest are
/// grouped by key into entities.
pub fn resolve(
    article: &Article,
    mut candidates: Vec<Candidate>,
    acronyms: &[(String, usize)],
    alias_cues: &[(Range<usize>, usize)],
) -> Found {
    // Names given as aliases replace what the rules made of them.
    let mut extra = alias_mentions(&candidates, alias_cues);
    acronym_mentions(article.text, &candidates, acronyms, &mut extra);
    let cue_ranges: Vec<Range<usize>> = alias_cues.iter().map(|(r, _)| r.clone()).collect();
    candidates.retain(|c| !cue_ranges.iter().any(|r| overlaps(r, &c.range)) || c.kind == EntityType::Country);
    // Bare or descriptor names where an acronym's mention is: the acronym's.
    let acronym_at: Vec<Range<usize>> = extra
        .iter()
        .filter(|c| c.rule == Rule::Acronym)
        .map(|c| c.range.clone())
        .collect();
    if !acronym_at.is_empty() {
        candidates.retain(|c| c.rule.rank() < 4 || !acronym_at.contains(&c.range));
    }
    candidates.extend(extra);
    let candidates = outermost(candidates);
    entities_of(article, &candidates)
}

/// Names given as aliases (`also known as ...`): mentions of their owner.
fn alias_mentions(candidates: &[Candidate], alias_cues: &[(Range<usize>, usize)]) -> Vec<Candidate> {
    let mut extra = Vec::new();
    for (range, owner) in alias_cues {
        let owner = &candidates[*owner];
        extra.push(Candidate {
            range: range.clone(),
            key: owner.key.clone(),
            kind: owner.kind,
            country: owner.country,
            rule: Rule::AliasCue,
            full: false,
        });
    }
    extra
}

/// Every use of a defined acronym is a mention of its entity, unless another
/// organization's candidate is there.
fn acronym_mentions(text: &str, candidates: &[Candidate], acronyms: &[(String, usize)], extra: &mut Vec<Candidate>) {
    for (acronym, owner) in acronyms {
        let owner = &candidates[*owner];
        for at in occurrences(text, acronym) {
            let range = at..at + acronym.len();
            // (A bare or descriptor name that is the acronym itself is the
            // acronym's.)
            let clash = candidates.iter().any(|c| {
                overlaps(&c.range, &range)
                    && c.key != owner.key
                    && c.kind != EntityType::Country
                    && !(c.range == range && c.rule.rank() >= 4)
            });
            if !clash {
                extra.push(Candidate {
                    range,
                    key: owner.key.clone(),
                    kind: owner.kind,
                    country: owner.country,
                    rule: Rule::Acronym,
                    full: false,
                });
            }
        }
    }
}

/// The candidates in text order, without those inside a longer name and
/// duplicates: an organization mention inside a longer one of another entity
/// is part of that name (`IRGC` in `IRGC Unit 840`); countries inside names
/// stay.
fn outermost(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    // (Without extra candidates, they come sorted: no sort then.)
    let order = |a: &Candidate, b: &Candidate| a.range.start.cmp(&b.range.start).then(b.range.end.cmp(&a.range.end));
    if !candidates.is_sorted_by(|a, b| order(a, b).is_le()) {
        candidates.sort_by(order);
    }
    let inside = inside_other_names(&candidates);
    let mut candidates: Vec<Candidate> = candidates
        .into_iter()
        .zip(inside)
        .filter(|(_, inside)| !inside)
        .map(|(c, _)| c)
        .collect();
    candidates.dedup_by(|a, b| a.range == b.range && a.key == b.key);
    candidates
}

/// Candidates grouped by key into entities, in order of first mention; of
/// overlapping mentions of one entity the longest is kept.
fn entities_of(article: &Article, candidates: &[Candidate]) -> Found {
    // Group by key, in order of first mention (indices, no key copies): the
    // candidates sorted by group (stable: text order inside each), in one
    // vector rather than one per group.
    let mut index_of: FxHashMap<&Key, usize> =
        FxHashMap::with_capacity_and_hasher(candidates.len(), Default::default());
    let mut grouped: Vec<(usize, &Candidate)> = Vec::with_capacity(candidates.len());
    for c in candidates {
        let next = index_of.len();
        grouped.push((*index_of.entry(&c.key).or_insert(next), c));
    }
    grouped.sort_by_key(|&(g, _)| g);
    let members: Vec<&Candidate> = grouped.iter().map(|&(_, c)| c).collect();

    let mut found = Found {
        entities: Vec::with_capacity(index_of.len()),
        mentions: Vec::with_capacity(candidates.len()),
        bodies: Vec::with_capacity(index_of.len()),
        demonyms: Vec::new(),
    };
    let mut at = 0;
    for run in grouped.chunk_by(|a, b| a.0 == b.0) {
        let group = &members[at..at + run.len()];
        at += run.len();
        let key = &group[0].key;
        let index = found.entities.len();
        let (entity, body) = entity_of(article, key, group);
        found.entities.push(entity);
        found.bodies.push(body);
        // Mentions: the longest of overlapping ones.
        let mut last_end = 0;
        for c in group {
            if c.range.start < last_end {
                continue;
            }
            last_end = c.range.end;
            found.mentions.push(Mention {
                entity: index,
                range: c.range.clone(),
                rule: c.rule,
            });
        }
    }
    found.mentions.sort_by_key(|m| (m.range.start, m.range.end));
    found
}

/// For candidates sorted by (start, end descending): whether each organization
/// candidate lies inside a longer organization candidate of another entity. One
/// sweep keeping the two farthest-reaching organization candidates of different
/// entities seen so far, so long articles stay linear.
fn inside_other_names(sorted: &[Candidate]) -> Vec<bool> {
    let mut best: Option<&Candidate> = None;
    let mut second: Option<&Candidate> = None;
    let mut inside = Vec::with_capacity(sorted.len());
    for c in sorted {
        if c.kind == EntityType::Country {
            inside.push(false);
            continue;
        }
        let other = match best {
            Some(b) if b.key != c.key => Some(b),
            _ => second,
        };
        inside.push(other.is_some_and(|o| o.range.end >= c.range.end && o.range.len() > c.range.len()));
        match best {
            Some(b) if c.range.end <= b.range.end => {
                if c.key != b.key && second.is_none_or(|s| c.range.end > s.range.end) {
                    second = Some(c);
                }
            }
            Some(b) => {
                if c.key != b.key {
                    second = Some(b);
                }
                best = Some(c);
            }
            None => best = Some(c),
        }
    }
    inside
}

fn entity_of(article: &Article, key: &Key, group: &[&Candidate]) -> (Entity, Option<&'static Body>) {
    let text = article.text;
    // The surface with runs of white space as one space (copied only then).
    let surface = |c: &Candidate| -> String {
        let s = &text[c.range.clone()];
        // (ASCII text is tested byte by byte; the ASCII white space other
        // than ' ' is what `char::is_whitespace` says it is.)
        let other_space = if s.is_ascii() {
            s.bytes().any(|b| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))
        } else {
            s.contains(|ch: char| ch.is_whitespace() && ch != ' ')
        };
        let plain = !other_space && !s.as_bytes().windows(2).any(|w| w == b"  ");
        if plain {
            s.to_string()
        } else {
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        }
    };
    let best = group
        .iter()
        .min_by_key(|c| c.rule.rank())
        .expect("a group has a candidate");
    let body = match key {
        Key::Body(name) => lexicon::body(name),
        _ => None,
    };
    let (name, rule) = match key {
        Key::Country(code) => {
            let country = lexicon::country_by_code(code).expect("lexicon code");
            (country.name.to_string(), best.rule)
        }
        _ => {
            let canonical = group
                .iter()
                .filter(|c| c.full)
                .max_by(|a, b| {
                    a.range
                        .len()
                        .cmp(&b.range.len())
                        .then(b.range.start.cmp(&a.range.start))
                })
                .or_else(|| group.iter().max_by_key(|c| c.range.len()))
                .expect("a group has a candidate");
            (surface(canonical), canonical.rule)
        }
    };
    let mut aliases: Vec<String> = Vec::new();
    for c in group {
        let raw = &text[c.range.clone()];
        if raw == name || aliases.iter().any(|a| a == raw) {
            continue;
        }
        let s = surface(c);
        if s != name && !aliases.contains(&s) {
            aliases.push(s);
        }
    }
    let mut mentions: Vec<[usize; 2]> = Vec::with_capacity(group.len());
    let mut last_end = 0;
    for c in group {
        if c.range.start < last_end {
            continue;
        }
        last_end = c.range.end;
        mentions.push(article.span(c.range.clone()));
    }
    let country = group.iter().find_map(|c| c.country).map(str::to_string);
    let entity = Entity {
        name,
        kind: best.kind,
        country,
        aliases,
        mentions,
        rule: rule.name().to_string(),
    };
    (entity, body)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Byte offsets of `needle` in `text` on word boundaries.
fn occurrences(text: &str, needle: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    text.match_indices(needle)
        .map(|(at, _)| at)
        .filter(|&at| {
            let end = at + needle.len();
            (at == 0 || !word(bytes[at - 1])) && (end == bytes.len() || !word(bytes[end]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// The ASCII white space `entity_of` tests bytes for is exactly what
    /// `char::is_whitespace` says of ASCII, less the plain space.
    #[test]
    fn ascii_white_space_is_unicode_white_space() {
        for b in 0u8..0x80 {
            let listed = matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
            assert_eq!(listed, (b as char).is_whitespace() && b != b' ', "{b:#x}");
        }
    }
}
