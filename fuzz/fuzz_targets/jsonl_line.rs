//! Arbitrary bytes as a JSONL dump: every line yields exactly one record, and
//! nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions_extract::sources::{Limits, jsonl_documents};
use sanctions_extract::{Config, Pipeline};

fuzz_target!(|data: &[u8]| {
    let pipeline = Pipeline::new(Config { emit_text: true, ..Config::default() });
    let lines = data.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
    let docs = jsonl_documents(Box::new(std::io::Cursor::new(data.to_vec())), "fuzz.jsonl", Limits::default());
    let mut records = 0;
    for doc in docs {
        let record = pipeline.process_unguarded(doc);
        sanctions_extract::record::check_spans(&record).unwrap();
        records += 1;
    }
    assert_eq!(records, lines);
});
