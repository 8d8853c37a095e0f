//! Assemble: sanctions events from the mentions of an article, and canonical
//! events across the articles of a batch.

pub mod canonical;
pub(crate) mod events;
pub(crate) mod facts;
mod lexicon;
pub(crate) mod triggers;

use crate::extract::{Article, Extractions};
use crate::record::Event;

/// The sanctions events of an article, from what its extractors found.
pub fn events(article: &Article, found: &Extractions) -> Vec<Event> {
    events::assemble(article, &facts::facts(article, found))
}
