//! Arbitrary bytes as an HTML page: extraction must not panic, and spans must
//! index the clean text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions_extract::sources::Content;
use sanctions_extract::{Config, Document, Pipeline};

fuzz_target!(|data: &[u8]| {
    let mut doc = Document::from_text("fuzz", "");
    doc.content = Content::Html(String::from_utf8_lossy(data).into_owned());
    let pipeline = Pipeline::new(Config { emit_text: true, ..Config::default() });
    let record = pipeline.process_unguarded(doc);
    sanctions_extract::record::check_spans(&record).unwrap();
});
