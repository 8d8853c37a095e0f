//! Officials: every named person the article gives a title, office or role,
//! once each, under the fullest form of the name, with the most specific title
//! (without the country adjective or article), the affiliation when the text
//! gives it, and later short forms (`Nelson`, `Kim`) as aliases (docs/record.md
//! and ANNOTATION.md "Officials").
//!
//! Rules (`rules.rs`) find person mentions from patterns of news writing, not
//! from a list of names: a title before the name, an apposition after it, a
//! bracketed or listed role, `NAME of ORGANIZATION`, attribution (`said
//! NAME`), and later surname-only mentions. Resolution (`resolve.rs`) joins
//! mentions into people. They need the article's entities, so that
//! organizations and countries are never taken for names and can be
//! affiliations. Examples are in `examples.rs`.

mod lexicon;
mod resolve;
mod rules;

#[cfg(test)]
mod examples;

use crate::extract::Article;
use crate::extract::entity::Found;
use crate::extract::tokens;
use crate::record::Official;

/// The officials of an article, given its entities.
pub fn extract(article: &Article, entities: &Found) -> Vec<Official> {
    extract_in(article, &tokens::tokenize(article.text), entities)
}

/// The officials of an article whose text is already tokenised
/// (`tokens::tokenize(article.text)`, shared with the entities).
pub fn extract_in(article: &Article, toks: &[tokens::Token], entities: &Found) -> Vec<Official> {
    let text = article.text;
    let cx = rules::Context::new(text, toks, entities);
    let mut mentions = Vec::new();
    rules::title_before(&cx, &mut mentions);
    rules::around_names(&cx, &mut mentions);
    let known: Vec<&str> = mentions
        .iter()
        .filter(|m| m.words >= 2)
        .map(|m| &text[m.range.clone()])
        .collect();
    rules::surnames(&cx, &known, &mut mentions);
    resolve::resolve(article, mentions)
}

/// The official rules and how the corpus test finds their items: every
/// mention a rule made, valued `name (title, affiliation)` of the official
/// it became.
#[cfg(test)]
pub(crate) fn rule_dimension() -> crate::rule::tests::Dimension {
    crate::rule::tests::Dimension {
        name: "officials",
        marked: true,
        specs: rules::Rule::ALL.iter().map(|r| rules::RULES[*r as usize]).collect(),
        find: |text| {
            let article = Article::new(text, None);
            let toks = tokens::tokenize(text);
            let entities = crate::extract::entity::find_in(&article, &toks);
            let cx = rules::Context::new(text, &toks, &entities);
            let mut mentions = Vec::new();
            rules::title_before(&cx, &mut mentions);
            rules::around_names(&cx, &mut mentions);
            let known: Vec<&str> = mentions
                .iter()
                .filter(|m| m.words >= 2)
                .map(|m| &text[m.range.clone()])
                .collect();
            rules::surnames(&cx, &known, &mut mentions);
            let made: Vec<(rules::Rule, std::ops::Range<usize>)> =
                mentions.iter().map(|m| (m.rule, m.range.clone())).collect();
            let officials = resolve::resolve(&article, mentions);
            let span = |r: &std::ops::Range<usize>| [text[..r.start].chars().count(), text[..r.end].chars().count()];
            made.into_iter()
                .filter_map(|(rule, bytes)| {
                    let o = officials.iter().find(|o| o.mentions.contains(&span(&bytes)))?;
                    let parts: Vec<&str> = [o.title.as_deref(), o.affiliation.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect();
                    let value = if parts.is_empty() {
                        o.name.clone()
                    } else {
                        format!("{} ({})", o.name, parts.join(", "))
                    };
                    Some(crate::rule::tests::Found {
                        rule: rule.name().to_string(),
                        bytes,
                        value,
                    })
                })
                .collect()
        },
    }
}
