//! From extractions to the facts event assembly reads: who can act, which
//! countries are named (demonyms included), counts, dates, names, officials and
//! amounts, each at a byte range of the clean text.

use crate::extract::lexicon;
use crate::extract::{Article, Extractions, entity};
use crate::per_thread::PerThread;
use crate::record::{EntityType, EventAmount, EventCount};
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;

/// Something an extractor found, at a byte range of the article's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact<T> {
    pub range: Range<usize>,
    pub value: T,
}

/// Who can act: an authority (canonical country or international organization)
/// and the body that acted, if the mention is a body.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor<'a> {
    pub authority: Cow<'a, str>,
    pub agency: Option<Cow<'a, str>>,
}

/// What the assembler reads, each list sorted by position. Names and values
/// are borrowed from the extractions (an article has a few hundred facts;
/// only the few that make events are copied).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts<'a> {
    /// Mentions of governments, their bodies and international organizations.
    pub actors: Vec<Fact<Actor<'a>>>,
    /// Mentions of a country (names, abbreviations, capitals), valued with its
    /// canonical name.
    pub countries: Vec<Fact<&'a str>>,
    /// Demonyms (`North Korean individuals`): they name whose nationals or
    /// networks are meant, never who acts.
    pub demonyms: Vec<Fact<&'a str>>,
    pub counts: Vec<Fact<EventCount>>,
    /// TIMEX3 values.
    pub dates: Vec<Fact<&'a str>>,
    /// Organizations and people that can be named targets (canonical names).
    pub named: Vec<Fact<&'a str>>,
    pub officials: Vec<Fact<&'a str>>,
    /// The mentions of officials whose country is known (by their
    /// affiliation), valued with it: an official can be the subject of an
    /// action (`President Donald Trump threatened sanctions`).
    pub speakers: Vec<Fact<&'a str>>,
    pub amounts: Vec<Fact<EventAmount>>,
}

/// After a demonym, words that make it a government (`Japanese government`).
static GOVERNMENT: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^\s+(?:government|administration|authorities|cabinet|foreign\s+ministry|regime)(?-u:\b)")
        .expect("pattern compiles")
});

/// `the Trump administration`, `the Biden Administration`.
static ADMINISTRATION: PerThread<Regex> =
    PerThread::new(|| Regex::new(r"(?-u:\b)([A-Z][a-z]+)\s+[Aa]dministration(?-u:\b)").expect("pattern compiles"));

/// The authority an international organization or one of its organs acts
/// for: organs of the European Union and of the United Nations act for them,
/// and so do the Security Council's numbered sanctions committees (`the 1718
/// Committee`).
pub fn international_authority(name: &str) -> &str {
    let words: Vec<&str> = name.split_whitespace().collect();
    let has = |w: &str| words.contains(&w);
    if has("EU") || has("E.U.") || words.first() == Some(&"European") || name.contains("European Union") {
        "European Union"
    } else if name.starts_with("United Nations")
        || name == "Security Council"
        || has("UN")
        || has("U.N.")
        || has("UNSC")
        || (has("Committee") && words.first().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit())))
    {
        "United Nations"
    } else {
        name
    }
}

/// The facts of an article: those of the entity mentions and demonyms, of
/// `the Trump administration`, of the officials, counts, dates and amounts,
/// each list sorted by position.
pub fn facts<'a>(article: &Article, x: &'a Extractions) -> Facts<'a> {
    let mut facts = Facts::default();
    facts.add_mentions(&x.found);
    facts.add_demonyms(article, &x.found);
    facts.add_administrations(article, x);
    facts.add_extractions(article, x);
    facts.sort();
    facts
}

impl<'a> Facts<'a> {
    /// The entity mentions: countries (those inside an organization's name
    /// aside) and bodies of a country are actors, so are international
    /// organizations; bodies and other organizations can be named targets.
    fn add_mentions(&mut self, found: &'a entity::Found) {
        let organization_ranges: Vec<&std::ops::Range<usize>> = found
            .mentions
            .iter()
            .filter(|m| found.entities[m.entity].kind != EntityType::Country)
            .map(|m| &m.range)
            .collect();
        let inside_organization = |r: &std::ops::Range<usize>| {
            organization_ranges
                .iter()
                .any(|o| o.start <= r.start && r.end <= o.end && o.len() > r.len())
        };
        for m in &found.mentions {
            let entity = &found.entities[m.entity];
            let range = || m.range.clone();
            let name = entity.name.as_str();
            match entity.kind {
                EntityType::Country => {
                    if inside_organization(&m.range) {
                        continue; // `U.S.` in `U.S. Treasury`, `Korea` in `Workers' Party of Korea`
                    }
                    self.countries.push(Fact {
                        range: range(),
                        value: name,
                    });
                    self.add_actor(range(), name, None);
                }
                EntityType::GovernmentBody => {
                    let country = entity.country.as_deref().and_then(lexicon::country_by_code);
                    if let Some(country) = country {
                        self.add_actor(range(), country.name, Some(name));
                    }
                    self.named.push(Fact {
                        range: range(),
                        value: name,
                    });
                }
                EntityType::InternationalOrg => {
                    let authority = international_authority(name);
                    let agency = (authority != name).then_some(name);
                    self.add_actor(range(), authority, agency);
                }
                EntityType::Company | EntityType::Group | EntityType::Organization => {
                    self.named.push(Fact {
                        range: range(),
                        value: name,
                    });
                }
            }
        }
    }

    /// An actor at `range`: an authority, and the body that acted if any.
    fn add_actor(&mut self, range: Range<usize>, authority: &'a str, agency: Option<&'a str>) {
        self.actors.push(Fact {
            range,
            value: Actor {
                authority: Cow::Borrowed(authority),
                agency: agency.map(Cow::Borrowed),
            },
        });
    }

    /// The demonyms, and `the Japanese government`, `South Korean
    /// authorities` as actors.
    fn add_demonyms(&mut self, article: &Article, found: &'a entity::Found) {
        for d in &found.demonyms {
            let name = d.country.name;
            if let Some(m) = GOVERNMENT.find(&article.text[d.range.end..]) {
                self.add_actor(d.range.start..d.range.end + m.end(), name, None);
            }
            self.demonyms.push(Fact {
                range: d.range.clone(),
                value: name,
            });
        }
    }

    /// `the Trump administration` acts for the country of the official named.
    fn add_administrations(&mut self, article: &Article, x: &'a Extractions) {
        for m in ADMINISTRATION.captures_iter(article.text) {
            let (whole, surname) = (m.get(0).expect("match"), &m[1]);
            let country = x.officials.iter().find_map(|o| {
                let named = o.name.split_whitespace().last() == Some(surname) || o.aliases.iter().any(|a| a == surname);
                named
                    .then(|| {
                        o.affiliation
                            .as_deref()
                            .and_then(lexicon::country_by_name)
                            .map(|c| c.name)
                            .or_else(|| super::lexicon::leader_authority(&o.name))
                    })
                    .flatten()
            });
            if let Some(country) = country {
                self.add_actor(whole.range(), country, None);
            }
        }
    }

    /// The officials' mentions (named targets too), counts, dates and amounts.
    fn add_extractions(&mut self, article: &Article, x: &'a Extractions) {
        for official in &x.officials {
            let country = official
                .affiliation
                .as_deref()
                .and_then(|a| country_of(x, a))
                .map(|c| c.name)
                .or_else(|| super::lexicon::leader_authority(&official.name));
            for span in &official.mentions {
                let range = article.bytes(*span);
                if let Some(country) = country {
                    self.speakers.push(Fact {
                        range: range.clone(),
                        value: country,
                    });
                }
                self.officials.push(Fact {
                    range: range.clone(),
                    value: &official.name,
                });
                self.named.push(Fact {
                    range,
                    value: &official.name,
                });
            }
        }
        for c in &x.counts {
            // `60 entities, 24 of them Chinese`: a part of a total, which the
            // event holds (ANNOTATION.md).
            if c.rule == crate::extract::count::Rule::Subset.name() {
                continue;
            }
            let value = EventCount {
                value: c.value,
                category: c.category,
            };
            self.counts.push(Fact {
                range: article.bytes(c.span),
                value,
            });
        }
        for d in &x.dates {
            self.dates.push(Fact {
                range: article.bytes(d.span),
                value: &d.value,
            });
        }
        for a in &x.amounts {
            let value = EventAmount {
                value: a.value,
                currency: a.currency.clone(),
            };
            self.amounts.push(Fact {
                range: article.bytes(a.span),
                value,
            });
        }
    }

    /// Every list in text order.
    fn sort(&mut self) {
        for list in [
            &mut self.countries,
            &mut self.demonyms,
            &mut self.named,
            &mut self.officials,
            &mut self.speakers,
        ] {
            list.sort_by_key(|f| (f.range.start, f.range.end));
        }
        self.actors.sort_by_key(|f| (f.range.start, f.range.end));
        self.counts.sort_by_key(|f| (f.range.start, f.range.end));
        self.dates.sort_by_key(|f| (f.range.start, f.range.end));
        self.amounts.sort_by_key(|f| (f.range.start, f.range.end));
    }
}

/// The country an affiliation stands for: a country, or a body of one
/// (`U.S. State Department`).
fn country_of(x: &Extractions, affiliation: &str) -> Option<&'static lexicon::Country> {
    lexicon::country_by_name(affiliation).or_else(|| {
        let entity = x.found.entities.iter().find(|e| e.name == affiliation)?;
        match entity.kind {
            EntityType::Country => lexicon::country_by_name(&entity.name),
            EntityType::GovernmentBody => lexicon::country_by_code(entity.country.as_deref()?),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::international_authority;

    #[test]
    fn organs_act_for_their_organization() {
        for (organ, authority) in [
            ("Council of the European Union", "European Union"),
            ("European Council", "European Union"),
            ("European Union", "European Union"),
            ("EU Council", "European Union"),
            ("United Nations Security Council", "United Nations"),
            ("UN Security Council", "United Nations"),
            ("1718 Sanctions Committee", "United Nations"),
            ("Security Council", "United Nations"),
            ("NATO", "NATO"),
        ] {
            assert_eq!(international_authority(organ), authority);
        }
    }
}
