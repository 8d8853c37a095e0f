//! The article-extraction benchmark: F1, precision and recall of the main text
//! of 181 news pages (token shingles of 4, the benchmark's way), the publication
//! dates against their gold, and the speed of the extraction step on one core.
//!
//!     cargo run --release --example html_benchmark [-- OPTIONS] [DIR]
//!
//! DIR is the benchmark's folder (`ground-truth.json`, `html/`), by default
//! `peer-suites/article-extraction` in the shared data folder
//! (`$SANCTIONS_SHARED`, else ../shared beside the repository); the gold
//! publication dates are the project's, tests/data/article-extraction/published.json.
//!
//! `--pages` prints each page's F1, precision and recall, worst first;
//! `--show ID_PREFIX` prints a page's extracted text and metadata beside its truth;
//! `--dump FILE` writes every extracted body to a JSON file `{id: body}`;
//! `--rounds N` sets the timed rounds (default 5, best kept);
//! `--deep N [--unguarded]` times one page of N nested `<div>`s instead (with
//! `--unguarded`, also html5ever's parse of it without the nesting guard: minutes
//! at 100,000).

use sanctions_extract::normalize::html;

#[path = "common/html_benchmark.rs"]
mod benchmark;
use std::path::PathBuf;
use std::time::Instant;

#[path = "common/timing.rs"]
mod timing;
use timing::best_of;

#[path = "common/shared.rs"]
mod shared;

fn main() {
    let mut dir = shared::shared("peer-suites/article-extraction");
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
    let published = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/article-extraction/published.json");
    let cases = match benchmark::load(&dir, &published) {
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

    // Speed: the extraction step alone, on this thread, best of several rounds,
    // in CPU time of this thread (what one core does, whatever else runs on the
    // machine) and in wall-clock time.
    let bytes: usize = cases.iter().map(|c| c.html.len()).sum();
    let extract = best_of(rounds, || {
        for case in &cases {
            std::hint::black_box(html::extract(std::hint::black_box(&case.html)));
        }
    });
    // The share of that time html5ever's parsing takes.
    let parse = best_of(rounds, || {
        for case in &cases {
            std::hint::black_box(scraper::Html::parse_document(std::hint::black_box(&case.html)));
        }
    });

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
    let pages = cases.len() as f64;
    match (extract.cpu, parse.cpu) {
        (Some(cpu), Some(parse_cpu)) => println!(
            "speed: {:.0} pages/s, {:.1} MB/s of CPU time on one core (wall clock {:.0} pages/s); \
             html5ever parsing is {:.0}% of it",
            pages / cpu,
            bytes as f64 / 1e6 / cpu,
            pages / extract.wall,
            100.0 * parse_cpu / cpu
        ),
        _ => println!(
            "speed: {:.0} pages/s, {:.1} MB/s wall clock on one thread; html5ever parsing is {:.0}% of it",
            pages / extract.wall,
            bytes as f64 / 1e6 / extract.wall,
            100.0 * parse.wall / extract.wall
        ),
    }
    println!(
        "(best of {} rounds over {} pages, {:.1} MB of HTML)",
        rounds.max(1),
        cases.len(),
        bytes as f64 / 1e6
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
