//! Each extractor on its own over arbitrary (cleaned) text, chosen by the
//! first byte: numerals, money, counts, dates, entities, officials. No panic,
//! and every item's span lies inside the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions_extract::extract::{Article, count, date, entity, money, numeral, official, spans::Claimed};
use sanctions_extract::normalize;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let text = normalize::clean(&String::from_utf8_lossy(rest));
    let within = |range: &std::ops::Range<usize>| {
        assert!(range.start <= range.end && range.end <= text.len(), "{range:?} of {}", text.len());
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
    };
    match which % 6 {
        0 => numeral::scan(&text).iter().for_each(|n| within(&n.bytes)),
        1 => money::find(&text, &numeral::scan(&text)).iter().for_each(|m| within(&m.bytes)),
        2 => drop(count::find(&text, &numeral::scan(&text), &Claimed::default())),
        3 => {
            let article = Article::new(&text, chrono::NaiveDate::from_ymd_opt(2025, 11, 6));
            date::find(&text, &article.sentences, article.published, &Claimed::default())
                .iter()
                .for_each(|d| within(&d.bytes));
        }
        4 => {
            let article = Article::new(&text, None);
            let found = entity::find(&article);
            let chars = text.chars().count();
            for e in &found.entities {
                assert!(e.mentions.iter().all(|m| m[0] <= m[1] && m[1] <= chars), "{e:?}");
            }
        }
        _ => {
            let article = Article::new(&text, None);
            let found = entity::find(&article);
            let chars = text.chars().count();
            for o in official::extract(&article, &found) {
                assert!(o.mentions.iter().all(|m| m[0] <= m[1] && m[1] <= chars), "{o:?}");
            }
        }
    }
});
