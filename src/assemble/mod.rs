//! Assemble: sanctions events from the mentions of an article, and canonical
//! events across the articles of a batch.

pub mod canonical;
pub mod events;
pub mod triggers;
