//! Event assembly over the extractions of arbitrary (cleaned) text: no panic,
//! and every event's evidence indexes the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions_extract::extract::{self, Article};
use sanctions_extract::{assemble, normalize};

fuzz_target!(|data: &[u8]| {
    let text = normalize::clean(&String::from_utf8_lossy(data));
    let article = Article::new(&text, chrono::NaiveDate::from_ymd_opt(2025, 11, 6));
    let found = extract::all(&article);
    let chars = text.chars().count();
    for event in assemble::events(&article, &found) {
        assert!(event.evidence.iter().all(|e| e[0] <= e[1] && e[1] <= chars), "{event:?}");
    }
});
