//! Extract: rule-based extractors over the clean text of one article.
//!
//! One dimension, one module: its rules (plain data: a name, a pattern, a
//! production), its resolution step (text to value, given the article's
//! context) and its examples (positive, with expected values, and negative)
//! side by side. Every item carries the name of the rule that made it.
//! Extractors see an [`Article`] and return record items with code-point
//! spans; they never do I/O.

mod article;
pub mod entity;
pub mod lexicon;
pub mod official;
pub mod tokens;

pub use article::{Article, parse_published};

use crate::record::{Amount, Count, DateMention, Entity, Official};

/// The mentions found in one article, before events are assembled from them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extractions {
    pub officials: Vec<Official>,
    pub entities: Vec<Entity>,
    pub counts: Vec<Count>,
    pub amounts: Vec<Amount>,
    pub dates: Vec<DateMention>,
}

/// Runs every extractor over an article.
pub fn all(article: &Article) -> Extractions {
    let words = tokens::tokenize(article.text);
    let entities = entity::find_in(article, &words);
    let officials = official::extract_in(article, &words, &entities);
    Extractions {
        officials,
        entities: entities.entities,
        ..Extractions::default()
    }
}
