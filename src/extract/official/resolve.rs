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

use super::rules::PersonMention;
use crate::extract::Article;
use crate::record::Official;

struct Person {
    mentions: Vec<PersonMention>,
}

impl Person {
    fn full_words<'a>(&self, text: &'a str) -> Vec<Vec<&'a str>> {
        self.mentions
            .iter()
            .filter(|m| m.words >= 2)
            .map(|m| text[m.range.clone()].split(' ').collect())
            .collect()
    }
}

fn words(text: &str, m: &PersonMention) -> Vec<String> {
    text[m.range.clone()].split(' ').map(str::to_string).collect()
}

pub fn resolve(article: &Article, mut mentions: Vec<PersonMention>) -> Vec<Official> {
    let text = article.text;
    mentions.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    let mut people: Vec<Person> = Vec::new();
    let (full, single): (Vec<PersonMention>, Vec<PersonMention>) = mentions.into_iter().partition(|m| m.words >= 2);

    for m in full {
        let w = words(text, &m);
        let same = people.iter_mut().find(|p| {
            p.full_words(text).iter().any(|o| {
                o.len() >= 2
                    && (o.iter().copied().eq(w.iter().map(String::as_str))
                        || (o[0] == w[0] && o[o.len() - 1] == w[w.len() - 1]))
            })
        });
        match same {
            Some(p) => p.mentions.push(m),
            None => people.push(Person { mentions: vec![m] }),
        }
    }

    for m in single {
        let token = &text[m.range.clone()];
        let fits: Vec<usize> = (0..people.len())
            .filter(|&p| {
                people[p]
                    .full_words(text)
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
            Some(p) => people[p].mentions.push(m),
            None if m.title.is_some() => {
                // `Advisor Sullivan` twice is one person.
                let same = people.iter_mut().find(|p| {
                    p.mentions.iter().all(|o| o.words == 1)
                        && p.mentions.iter().any(|o| &text[o.range.clone()] == token)
                });
                match same {
                    Some(p) => p.mentions.push(m),
                    None => people.push(Person { mentions: vec![m] }),
                }
            }
            None => {}
        }
    }

    let mut officials: Vec<(usize, Official)> = people
        .into_iter()
        .filter(|p| p.mentions.iter().any(|m| m.rule != "official.surname"))
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
    let rule = titled.unwrap_or(canonical).rule.to_string();
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
