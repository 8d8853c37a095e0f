//! HTML extraction alone (normalize::html::extract) on arbitrary bytes as a
//! page: no panic, and the text it gives survives cleaning.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions_extract::normalize::{self, html};

fuzz_target!(|data: &[u8]| {
    let page = html::extract(&String::from_utf8_lossy(data));
    normalize::clean(&page.text());
});
