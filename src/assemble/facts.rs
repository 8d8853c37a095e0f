//! From extractions to the facts event assembly reads: who can act, which
//! countries are named (demonyms included), counts, dates, names, officials and
//! amounts, each at a byte range of the clean text.

use crate::extract::lexicon;
use crate::extract::{Article, Extractions};
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
/// for: organs of the European Union and of the United Nations act for them.
pub fn international_authority(name: &str) -> &str {
    let words: Vec<&str> = name.split_whitespace().collect();
    let has = |w: &str| words.contains(&w);
    if has("EU") || has("E.U.") || words.first() == Some(&"European") || name.contains("European Union") {
        "European Union"
    } else if name.starts_with("United Nations") || has("UN") || has("U.N.") {
        "United Nations"
    } else {
        name
    }
}

/// The facts of an article.
pub fn facts<'a>(article: &Article, x: &'a Extractions) -> Facts<'a> {
    let found = &x.found;
    let mut facts = Facts::default();
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
        let country_name = || {
            entity
                .country
                .as_deref()
                .and_then(lexicon::country_by_code)
                .map(|c| c.name)
        };
        match entity.kind {
            EntityType::Country => {
                if inside_organization(&m.range) {
                    continue; // `U.S.` in `U.S. Treasury`, `Korea` in `Workers' Party of Korea`
                }
                facts.countries.push(Fact {
                    range: m.range.clone(),
                    value: &entity.name,
                });
                facts.actors.push(Fact {
                    range: m.range.clone(),
                    value: Actor {
                        authority: Cow::Borrowed(&entity.name),
                        agency: None,
                    },
                });
            }
            EntityType::GovernmentBody => {
                if let Some(authority) = country_name() {
                    let agency = Some(Cow::Borrowed(entity.name.as_str()));
                    facts.actors.push(Fact {
                        range: m.range.clone(),
                        value: Actor {
                            authority: Cow::Borrowed(authority),
                            agency,
                        },
                    });
                }
                facts.named.push(Fact {
                    range: m.range.clone(),
                    value: &entity.name,
                });
            }
            EntityType::InternationalOrg => {
                let authority = international_authority(&entity.name);
                let agency = (authority != entity.name).then_some(Cow::Borrowed(entity.name.as_str()));
                facts.actors.push(Fact {
                    range: m.range.clone(),
                    value: Actor {
                        authority: Cow::Borrowed(authority),
                        agency,
                    },
                });
            }
            EntityType::Company | EntityType::Group | EntityType::Organization => {
                facts.named.push(Fact {
                    range: m.range.clone(),
                    value: &entity.name,
                });
            }
        }
    }
    for d in &found.demonyms {
        let name = d.country.name;
        // `the Japanese government`, `South Korean authorities` act.
        if let Some(m) = GOVERNMENT.find(&article.text[d.range.end..]) {
            let range = d.range.start..d.range.end + m.end();
            facts.actors.push(Fact {
                range,
                value: Actor {
                    authority: Cow::Borrowed(name),
                    agency: None,
                },
            });
        }
        facts.demonyms.push(Fact {
            range: d.range.clone(),
            value: name,
        });
    }
    // `the Trump administration` acts for the country of the official named.
    for m in ADMINISTRATION.captures_iter(article.text) {
        let (whole, surname) = (m.get(0).expect("match"), &m[1]);
        let country = x.officials.iter().find_map(|o| {
            let named = o.name.split_whitespace().last() == Some(surname) || o.aliases.iter().any(|a| a == surname);
            named
                .then(|| lexicon::country_by_name(o.affiliation.as_deref()?))
                .flatten()
        });
        if let Some(country) = country {
            let value = Actor {
                authority: Cow::Borrowed(country.name),
                agency: None,
            };
            facts.actors.push(Fact {
                range: whole.range(),
                value,
            });
        }
    }
    for official in &x.officials {
        for span in &official.mentions {
            let range = article.bytes(*span);
            facts.officials.push(Fact {
                range: range.clone(),
                value: &official.name,
            });
            facts.named.push(Fact {
                range,
                value: &official.name,
            });
        }
    }
    for c in &x.counts {
        let value = EventCount {
            value: c.value,
            category: c.category,
        };
        facts.counts.push(Fact {
            range: article.bytes(c.span),
            value,
        });
    }
    for d in &x.dates {
        facts.dates.push(Fact {
            range: article.bytes(d.span),
            value: &d.value,
        });
    }
    for a in &x.amounts {
        let value = EventAmount {
            value: a.value,
            currency: a.currency.clone(),
        };
        facts.amounts.push(Fact {
            range: article.bytes(a.span),
            value,
        });
    }
    for list in [
        &mut facts.countries,
        &mut facts.demonyms,
        &mut facts.named,
        &mut facts.officials,
    ] {
        list.sort_by_key(|f| (f.range.start, f.range.end));
    }
    facts.actors.sort_by_key(|f| (f.range.start, f.range.end));
    facts.counts.sort_by_key(|f| (f.range.start, f.range.end));
    facts.dates.sort_by_key(|f| (f.range.start, f.range.end));
    facts.amounts.sort_by_key(|f| (f.range.start, f.range.end));
    facts
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
            ("NATO", "NATO"),
        ] {
            assert_eq!(international_authority(organ), authority);
        }
    }
}
