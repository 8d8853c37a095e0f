//! The integration suite: one test binary, shared helpers in `common`.

mod common;
mod contract;

mod bad_input;
mod canonical;
mod cli;
mod corpus;
mod determinism;
mod explain;
mod faults;
mod first_sight;
mod ftm;
mod gold_check;
mod html_benchmark;
mod inputs;
mod peer;
mod regressions;
mod resume;
mod scores;
mod shard;
mod sqlite;
