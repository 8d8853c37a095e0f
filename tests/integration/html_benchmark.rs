//! The HTML main-text extractor against the article-extraction benchmark (181
//! news pages, read from `peer-suites/article-extraction` in the shared data
//! folder, skipped visibly where it is absent): token-shingle F1, precision and
//! recall must stay at or above the floors in tests/floors/html.json, and every
//! page that shows a publication date must get it (same calendar day as the
//! project's gold, tests/data/article-extraction/published.json). Speed is
//! measured by `examples/html_benchmark.rs`, not here.

#[path = "../../examples/common/html_benchmark.rs"]
mod benchmark;
use std::path::Path;

fn floors() -> serde_json::Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/floors/html.json"))
        .expect("tests/floors/html.json");
    serde_json::from_str(&text).expect("floors are JSON")
}

#[test]
fn article_extraction_benchmark_meets_its_floors() {
    let Some(dir) = crate::common::shared("peer-suites/article-extraction") else {
        return;
    };
    let published = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/article-extraction/published.json");
    let cases = benchmark::load(&dir, &published).expect("benchmark data");
    assert_eq!(cases.len(), 181);
    let report = benchmark::run(&cases);
    let s = report.scores;
    let d = &report.dates;
    println!(
        "{} pages: F1 {:.4} precision {:.4} recall {:.4}; dates {}/{}",
        s.pages, s.f1, s.precision, s.recall, d.found, d.dated
    );
    let floors = floors();
    let floor = |name: &str| floors[name].as_f64().unwrap_or_else(|| panic!("floor {name}"));
    assert!(s.f1 >= floor("f1"), "F1 {:.4} under its floor {}", s.f1, floor("f1"));
    assert!(
        s.precision >= floor("precision"),
        "precision {:.4} under its floor {}",
        s.precision,
        floor("precision")
    );
    assert!(
        s.recall >= floor("recall"),
        "recall {:.4} under its floor {}",
        s.recall,
        floor("recall")
    );
    assert!(
        d.found as f64 >= floor("dates_found"),
        "{} dates found, floor {}",
        d.found,
        floor("dates_found")
    );
    assert!(
        d.misses.is_empty(),
        "publication dates missed on pages that show one:\n{}",
        d.misses.join("\n")
    );
}
