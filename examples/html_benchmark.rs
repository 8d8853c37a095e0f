//! The article-extraction benchmark: F1, precision and recall of the main text
//! of 181 news pages (token shingles of 4, the benchmark's way), the publication
//! dates against their gold, and the speed of the extraction step on one core.
//!
//!     cargo run --release --example html_benchmark [-- OPTIONS] [DIR]
//!
//! `--pages` prints each page's F1, precision and recall, worst first;
//! `--show ID_PREFIX` prints a page's extracted text and metadata beside its truth;
//! `--dump FILE` writes every extracted body to a JSON file `{id: body}`;
//! `--rounds N` sets the timed rounds (default 5, best kept);
//! `--deep N [--unguarded]` times one page of N nested `<div>`s instead (with
//! `--unguarded`, also html5ever's parse of it without the nesting guard: minutes
//! at 100,000).

use sanctions_extract::normalize::html::{self, benchmark};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut dir = PathBuf::from("tests/data/article-extraction");
    let mut per_page = false;
    let mut rounds = 5usize;
    let mut show: Option<String> = None;
    let mut deep_depth: Option<usize> = None;
    let mut unguarded = false;
    let mut dump: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--pages" => per_page = true,
            "--show" => show = args.next(),
            "--dump" => dump = args.next().map(PathBuf::from),
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            "--deep" => deep_depth = Some(args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000)),
            "--unguarded" => unguarded = true,
            _ => dir = PathBuf::from(arg),
        }
    }
    if let Some(depth) = deep_depth {
        deep(depth, unguarded);
        return;
    }
    let cases = match benchmark::load(&dir) {
        Ok(cases) => cases,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };

    if let Some(prefix) = show {
        for case in cases.iter().filter(|c| c.id.starts_with(&prefix)) {
            let page = html::extract(&case.html);
            let s = benchmark::score(&case.truth, &page.body);
            println!("== {} {}", case.id, case.url);
            println!("precision {:.3} recall {:.3}", s.precision(), s.recall());
            println!(
                "title: {:?}\nurl: {:?}\npublished: {:?} (gold {:?} {:?})\nauthor: {:?}",
                page.title, page.url, page.published, case.published, case.also, page.author
            );
            println!("-- extracted\n{}\n-- truth\n{}", page.body, case.truth);
        }
        return;
    }

    let report = benchmark::run(&cases);
    if let Some(path) = dump {
        let bodies: serde_json::Map<String, serde_json::Value> = report
            .pages
            .iter()
            .zip(&cases)
            .map(|(r, c)| (c.id.clone(), r.page.body.clone().into()))
            .collect();
        let json = serde_json::to_string_pretty(&bodies).unwrap_or_default();
        if let Err(e) = std::fs::write(&path, json) {
            eprintln!("error: {}: {e}", path.display());
        }
    }
    if per_page {
        let mut rows: Vec<_> = report.pages.iter().zip(&cases).collect();
        rows.sort_by(|a, b| a.0.shares.f1().total_cmp(&b.0.shares.f1()));
        for (result, case) in rows {
            let s = result.shares;
            println!(
                "{:.3} p={:.3} r={:.3} {} {}",
                s.f1(),
                s.precision(),
                s.recall(),
                &case.id[..12],
                case.url
            );
        }
    }

    // Speed: the extraction step alone, on this thread, best of several rounds.
    let bytes: usize = cases.iter().map(|c| c.html.len()).sum();
    let mut best = f64::INFINITY;
    for _ in 0..rounds.max(1) {
        let started = Instant::now();
        for case in &cases {
            std::hint::black_box(html::extract(std::hint::black_box(&case.html)));
        }
        best = best.min(started.elapsed().as_secs_f64());
    }

    // The share of that time html5ever's parsing takes.
    let mut parse = f64::INFINITY;
    for _ in 0..rounds.max(1) {
        let started = Instant::now();
        for case in &cases {
            std::hint::black_box(scraper::Html::parse_document(std::hint::black_box(&case.html)));
        }
        parse = parse.min(started.elapsed().as_secs_f64());
    }

    let s = report.scores;
    println!(
        "{} pages: F1 {:.4}  precision {:.4}  recall {:.4}",
        s.pages, s.f1, s.precision, s.recall
    );
    let d = &report.dates;
    println!(
        "publication dates: found on the right day on {}/{} pages that show one ({} show none)",
        d.found, d.dated, d.undated
    );
    for miss in &d.misses {
        println!("  date miss: {miss}");
    }
    println!(
        "speed: {:.0} pages/s, {:.1} MB/s on one core (best of {} rounds over {:.1} MB of HTML)",
        cases.len() as f64 / best,
        bytes as f64 / 1e6 / best,
        rounds.max(1),
        bytes as f64 / 1e6
    );
    println!(
        "of which html5ever parsing {:.0}% ({:.0} pages/s parse only)",
        100.0 * parse / best,
        cases.len() as f64 / parse
    );
}

/// Times the extraction of a page nested `depth` elements deep: as `extract`
/// runs it (deep nesting flattened first), then, with `unguarded`, html5ever's
/// parse of the page as it is and our extraction on that tree.
fn deep(depth: usize, unguarded: bool) {
    let page = format!(
        "<html><body>{}<p>Deep text here.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let started = Instant::now();
    let page_out = html::extract(&page);
    println!(
        "{depth} nested <div>s ({:.1} MB): extract {:.3} s (nesting flattened first); text {:?}",
        page.len() as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        page_out.body
    );
    if !unguarded {
        return;
    }
    let started = Instant::now();
    let doc = scraper::Html::parse_document(&page);
    let parsed = started.elapsed();
    let started = Instant::now();
    let extracted = html::extract_document(&doc);
    println!(
        "  unguarded: html5ever parse {:.2} s, our extraction on that tree {:.3} s; text {:?}",
        parsed.as_secs_f64(),
        started.elapsed().as_secs_f64(),
        extracted.body
    );
}
