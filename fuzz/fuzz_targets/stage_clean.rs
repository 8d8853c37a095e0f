//! Cleaning alone (normalize::clean) on arbitrary text: no panic, and no
//! character the clean text promises to be without (tabs, carriage returns).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions_extract::normalize;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let clean = normalize::clean(&text);
    assert!(!clean.contains('\r') && !clean.contains('\t'), "{clean:?}");
});
