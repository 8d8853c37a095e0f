//! The integration suite: one test binary, shared helpers in `common`.

mod common;
mod contract;

mod cli;
mod corpus;
mod determinism;
mod inputs;
mod peer;
mod sqlite;
