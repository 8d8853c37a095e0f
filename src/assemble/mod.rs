//! Assemble: sanctions events from the mentions of an article, and canonical
//! events across the articles of a batch.

pub mod canonical;
pub(crate) mod events;
pub(crate) mod facts;
mod lexicon;
mod listed;
pub(crate) mod trace;
pub(crate) mod triggers;

use crate::extract::{Article, Extractions};
use crate::record::Event;

/// The sanctions events of an article, from what its extractors found.
pub fn events(article: &Article, found: &Extractions) -> Vec<Event> {
    events::assemble(article, &facts::facts(article, found))
}

/// [`events`], with the decisions that made them: the traced sentences, the
/// article's actors and countries, most named first.
pub(crate) fn explained(article: &Article, found: &Extractions) -> (Vec<Event>, Traced) {
    let mut recorder = trace::Recorder::new(article);
    let events = events::assemble_traced(article, &facts::facts(article, found), &mut recorder);
    let actors = std::mem::take(&mut recorder.actors);
    let countries = std::mem::take(&mut recorder.countries);
    let traced = Traced {
        searched: recorder.searched,
        unsearched: recorder.unsearched.take(),
        sentences: recorder.finish(),
        actors,
        countries,
    };
    (events, traced)
}

/// What [`explained`] recorded besides the events.
pub(crate) struct Traced {
    pub searched: bool,
    pub unsearched: Option<String>,
    pub sentences: Vec<crate::explain::SentenceTrace>,
    pub actors: Vec<String>,
    pub countries: Vec<String>,
}
