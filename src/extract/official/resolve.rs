//! From person mentions to officials: one official per person, under the
//! fullest name in the article, shorter forms as aliases, the most specific
//! title (the longest the article gives), the first affiliation.
//!
//! Full names join when they are equal or agree on first and last word
//! (`John Hurley` = `John K. Hurley`). A one-word mention (`Nelson`, `Kim`)
//! joins the full name whose first or last word it is; when several fit
//! (`Kim Ji-na` and `Kim Jong Un`), the one with the same title, else the
//! nearest before it, else the nearest after. A one-word name with a title and
//! no full name (`Advisor Sullivan`) is an official of its own.

use super::rules::{PersonMention, Rule};
use crate::extract::Article;
use crate::record::Official;

struct Person<'a> {
    mentions: Vec<PersonMention>,
    /// The words of each full-name mention (two words or more), in the order
    /// of `mentions`.
    full_words: Vec<Vec<&'a str>>,
}

impl<'a> Person<'a> {
    fn new(text: &'a str, m: PersonMention) -> Self {
        let mut person = Person {
            mentions: Vec::new(),
            full_words: Vec::new(),
        };
        person.push(text, m);
        person
    }

    fn push(&mut self, text: &'a str, m: PersonMention) {
        if m.words >= 2 {
            self.full_words.push(words(text, &m));
        }
        self.mentions.push(m);
    }
}

fn words<'a>(text: &'a str, m: &PersonMention) -> Vec<&'a str> {
    text[m.range.clone()].split(' ').collect()
}

pub fn resolve(article: &Article, mut mentions: Vec<PersonMention>) -> Vec<Official> {
    let text = article.text;
    mentions.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    let mut people: Vec<Person> = Vec::new();
    let (full, single): (Vec<PersonMention>, Vec<PersonMention>) = mentions.into_iter().partition(|m| m.words >= 2);

    for m in full {
        let w = words(text, &m);
        let same = people.iter_mut().find(|p| {
            p.full_words
                .iter()
                .any(|o| o.len() >= 2 && (*o == w || (o[0] == w[0] && o[o.len() - 1] == w[w.len() - 1])))
        });
        match same {
            Some(p) => p.push(text, m),
            None => people.push(Person::new(text, m)),
        }
    }

    for m in single {
        let token = &text[m.range.clone()];
        let fits: Vec<usize> = (0..people.len())
            .filter(|&p| {
                people[p]
                    .full_words
                    .iter()
                    .any(|w| w.len() >= 2 && (w[0] == token || w[w.len() - 1] == token))
            })
            .collect();
        let chosen = match fits.len() {
            0 => None,
            1 => Some(fits[0]),
            _ => {
                let titled = m.title.as_ref().and_then(|t| {
                    fits.iter()
                        .copied()
                        .find(|&p| people[p].mentions.iter().any(|o| o.title.as_ref() == Some(t)))
                });
                let before = fits
                    .iter()
                    .copied()
                    .filter_map(|p| {
                        let last = people[p]
                            .mentions
                            .iter()
                            .filter(|o| o.words >= 2 && o.range.start < m.range.start)
                            .map(|o| o.range.start)
                            .max()?;
                        Some((last, p))
                    })
                    .max()
                    .map(|(_, p)| p);
                titled.or(before).or(Some(fits[0]))
            }
        };
        match chosen {
            Some(p) => people[p].push(text, m),
            None if m.title.is_some() => {
                // `Advisor Sullivan` twice is one person.
                let same = people.iter_mut().find(|p| {
                    p.mentions.iter().all(|o| o.words == 1)
                        && p.mentions.iter().any(|o| &text[o.range.clone()] == token)
                });
                match same {
                    Some(p) => p.push(text, m),
                    None => people.push(Person::new(text, m)),
                }
            }
            None => {}
        }
    }

    let mut officials: Vec<(usize, Official)> = people
        .into_iter()
        .filter(|p| p.mentions.iter().any(|m| m.rule != Rule::Surname))
        .map(|p| official_of(article, p))
        .collect();
    officials.sort_by_key(|(first, _)| *first);
    officials.into_iter().map(|(_, o)| o).collect()
}

fn official_of(article: &Article, mut person: Person) -> (usize, Official) {
    let text = article.text;
    person.mentions.sort_by_key(|m| (m.range.start, m.range.end));
    person.mentions.dedup_by(|a, b| {
        a.range == b.range && {
            // Keep the richer of two readings of one name.
            if b.title.is_none() {
                b.title = a.title.take();
                b.rule = a.rule;
            }
            if b.affiliation.is_none() {
                b.affiliation = a.affiliation.take();
            }
            true
        }
    });
    let surface = |m: &PersonMention| text[m.range.clone()].to_string();
    let canonical = person
        .mentions
        .iter()
        .max_by(|a, b| {
            a.words
                .cmp(&b.words)
                .then(a.range.len().cmp(&b.range.len()))
                .then(b.range.start.cmp(&a.range.start))
        })
        .expect("a person has a mention");
    let name = surface(canonical);
    let mut aliases: Vec<String> = Vec::new();
    for m in &person.mentions {
        let s = surface(m);
        if s != name && !aliases.contains(&s) {
            aliases.push(s);
        }
    }
    let titled = person.mentions.iter().filter(|m| m.title.is_some()).max_by(|a, b| {
        let len = |m: &PersonMention| m.title.as_ref().map_or(0, |t| t.len());
        len(a).cmp(&len(b)).then(b.range.start.cmp(&a.range.start))
    });
    let title = titled.and_then(|m| m.title.clone());
    let rule = titled.unwrap_or(canonical).rule.name().to_string();
    let affiliation = person.mentions.iter().find_map(|m| m.affiliation.clone());
    let first = person.mentions[0].range.start;
    let official = Official {
        name,
        title,
        affiliation,
        aliases,
        mentions: person.mentions.iter().map(|m| article.span(m.range.clone())).collect(),
        rule,
    };
    (first, official)
}
