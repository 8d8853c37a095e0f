//! Arbitrary bytes as a plain-text article: the pipeline must return a record
//! whose spans index its clean text, and never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions_extract::{Config, Document, Pipeline};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let pipeline = Pipeline::new(Config { emit_text: true, ..Config::default() });
    let record = pipeline.process_unguarded(Document::from_text("fuzz", text));
    sanctions_extract::record::check_spans(&record).unwrap();
});
