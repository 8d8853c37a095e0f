//! The speed of the name extractors (entities, then officials) alone, on one
//! core, over clean article texts: what they cost inside the pipeline, apart
//! from reading, language detection and writing.
//!
//!     cargo run --release --example names_bench [-- FILE.jsonl ...] [--rounds N] [--repeat N]
//!
//! Reads JSONL dumps (`text` of each line; default: the dev corpus), cleans
//! each text as the pipeline does, repeats the set `--repeat` times (default
//! 200) and times `rounds` passes (default 5, best kept) of segmentation
//! (`Article::new`) and of `entity::find` + `official::extract`. Speeds are MB
//! of clean text per second of this thread's CPU time (wall clock beside).

use sanctions_extract::extract::{Article, entity, official, tokens};
use sanctions_extract::normalize;
use serde_json::Value;

#[path = "common/timing.rs"]
mod timing;
use timing::best_of;

#[path = "common/shared.rs"]
mod shared;

fn main() {
    let mut files = Vec::new();
    let mut rounds = 5usize;
    let mut repeat = 200usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(repeat),
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        files.push(shared::shared("dev/articles.jsonl").to_string_lossy().into_owned());
    }
    let mut texts = Vec::new();
    for file in &files {
        let content = std::fs::read_to_string(file).unwrap_or_else(|e| {
            eprintln!("{file}: {e}");
            std::process::exit(2);
        });
        for line in content.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(v) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            if let Some(text) = v.get("text").and_then(Value::as_str) {
                texts.push(normalize::clean(text));
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * repeat;
    let mb = bytes as f64 / 1e6;
    println!("{} articles x {repeat}, {mb:.1} MB of clean text", texts.len());

    let segment = best_of(rounds, || {
        for _ in 0..repeat {
            for text in &texts {
                std::hint::black_box(Article::new(text, None));
            }
        }
    });
    let articles: Vec<Article> = texts.iter().map(|t| Article::new(t, None)).collect();
    let mut found_items = 0;
    let names = best_of(rounds, || {
        found_items = 0;
        for _ in 0..repeat {
            for article in &articles {
                let words = tokens::tokenize(article.text);
                let found = entity::find_in(article, &words);
                let officials = official::extract_in(article, &words, &found);
                found_items += found.entities.len() + officials.len();
            }
        }
    });
    println!(
        "segmentation:          {:6.1} MB/s CPU ({:6.1} MB/s wall)",
        mb / segment.cpu.unwrap_or(segment.wall),
        mb / segment.wall
    );
    println!(
        "entities + officials:  {:6.1} MB/s CPU ({:6.1} MB/s wall), {found_items} items",
        mb / names.cpu.unwrap_or(names.wall),
        mb / names.wall
    );
}
