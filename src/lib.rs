//! sanctions-extract: turn news articles into a sanctions-event database.
//!
//! A [`Pipeline`] built from a [`Config`] turns each input [`Document`] into one
//! article [`Record`] (the contract of docs/record.md); [`Pipeline::run`] streams many
//! documents through worker threads into a [`sinks::Sink`] (JSONL, SQLite,
//! PostgreSQL, FollowTheMoney).
//!
//! ```
//! use sanctions_extract::{Config, Document, Pipeline, Status};
//!
//! let pipeline = Pipeline::new(Config::default());
//! let record = pipeline.process(Document::from_text(
//!     "example-1",
//!     "The U.S. Treasury sanctioned eight North Korean individuals on Thursday.",
//! ));
//! assert_eq!(record.status, Status::Ok);
//! assert_eq!(record.language.unwrap().code, "eng");
//! ```
//!
//! Stages live in their own modules: [`sources`] read inputs, [`normalize`]
//! cleans text, [`language`] checks it is English, [`segment`] splits sentences,
//! [`sinks`] write records (JSONL, SQLite, PostgreSQL, FtM entities); [`select`] picks a
//! run's shard of the input and skips what its databases already hold. See ARCHITECTURE.md for the map.

#![warn(missing_docs)]

pub mod assemble;
pub mod decimal;
pub mod error;
pub mod evaluate;
pub mod explain;
pub mod extract;
pub mod gold_check;
pub mod language;
pub mod normalize;
mod per_thread;
pub mod pipeline;
pub(crate) mod prefilter;
pub mod record;
pub(crate) mod rule;
pub mod segment;
pub mod select;
pub mod sinks;
pub mod sources;
pub mod stop;
pub mod summary;
#[cfg(test)]
mod testing;
mod window;

pub use error::Error;
pub use pipeline::{Config, Pipeline};
pub use record::{Record, Status};
pub use sources::{Document, Inputs, Limits};
pub use summary::Summary;

/// The README's Rust examples, compiled as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
