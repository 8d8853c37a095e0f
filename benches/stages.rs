//! Per-stage micro-benchmarks over the shipped corpus texts: cleaning,
//! language detection, segmentation, each extractor, event assembly and the
//! writers. Throughput is in bytes of clean text.
//!
//!     cargo bench --bench stages [-- FILTER]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sanctions_extract::extract::{self, Article, count, date, entity, money, numeral, official, spans, tokens};
use sanctions_extract::sinks::{JsonlSink, Sink, SqliteSink};
use sanctions_extract::{Config, Document, Pipeline, Record, assemble, language, normalize, segment};
use std::hint::black_box;
use std::path::Path;

/// The corpus articles' raw texts with their publication dates.
fn corpus() -> Vec<(String, Option<chrono::NaiveDate>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles");
    let mut out = Vec::new();
    let mut paths: Vec<_> = walk(&root);
    paths.sort();
    for path in paths {
        let name = path.to_string_lossy();
        if name.ends_with(".txt") {
            let meta = std::fs::read_to_string(path.with_extension("meta.json")).ok();
            let published = meta
                .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
                .and_then(|v| v["published"].as_str().and_then(extract::parse_published));
            out.push((std::fs::read_to_string(&path).unwrap(), published));
        } else if name.ends_with(".jsonl") {
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let published = v["published"].as_str().and_then(extract::parse_published);
                out.push((v["text"].as_str().unwrap_or_default().to_string(), published));
            }
        }
    }
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn stages(c: &mut Criterion) {
    let raw = corpus();
    let clean: Vec<(String, Option<chrono::NaiveDate>)> = raw.iter().map(|(t, p)| (normalize::clean(t), *p)).collect();
    let raw_bytes: usize = raw.iter().map(|(t, _)| t.len()).sum();
    let bytes: usize = clean.iter().map(|(t, _)| t.len()).sum();
    let articles: Vec<Article> = clean.iter().map(|(t, p)| Article::new(t, *p)).collect();
    let found: Vec<extract::Extractions> = articles.iter().map(extract::all).collect();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(raw_bytes as u64));
    group.bench_function("clean", |b| {
        b.iter(|| {
            raw.iter()
                .map(|(t, _)| normalize::clean(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("language", |b| {
        b.iter(|| {
            clean
                .iter()
                .filter(|(t, _)| language::detect(black_box(t)).is_some())
                .count()
        })
    });
    group.bench_function("segment", |b| {
        b.iter(|| {
            clean
                .iter()
                .map(|(t, _)| segment::sentences(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("tokens", |b| {
        b.iter(|| {
            clean
                .iter()
                .map(|(t, _)| tokens::tokenize(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("entities", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| entity::find(black_box(a)).entities.len())
                .sum::<usize>()
        })
    });
    group.bench_function("officials", |b| {
        b.iter(|| {
            articles
                .iter()
                .zip(&found)
                .map(|(a, f)| official::extract(black_box(a), &f.found).len())
                .sum::<usize>()
        })
    });
    group.bench_function("numerals", |b| {
        b.iter(|| {
            clean
                .iter()
                .map(|(t, _)| numeral::scan(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("money", |b| {
        b.iter(|| {
            clean
                .iter()
                .map(|(t, _)| money::find_in(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("dates", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| date::find(black_box(a.text), &a.sentences, a.published, &spans::Claimed::default()).len())
                .sum::<usize>()
        })
    });
    group.bench_function("counts", |b| {
        b.iter(|| {
            clean
                .iter()
                .map(|(t, _)| count::find(black_box(t), &numeral::scan(t), &spans::Claimed::default()).len())
                .sum::<usize>()
        })
    });
    group.bench_function("all_extractors", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| extract::all(black_box(a)).dates.len())
                .sum::<usize>()
        })
    });
    group.bench_function("events", |b| {
        b.iter(|| {
            articles
                .iter()
                .zip(&found)
                .map(|(a, f)| assemble::events(black_box(a), f).len())
                .sum::<usize>()
        })
    });
    group.finish();

    let pipeline = Pipeline::new(Config::default());
    let records: Vec<Record> = raw
        .iter()
        .enumerate()
        .map(|(i, (t, _))| pipeline.process(Document::from_text(format!("doc-{i}"), t.clone())))
        .collect();
    let mut group = c.benchmark_group("whole");
    group.throughput(Throughput::Bytes(raw_bytes as u64));
    group.bench_function("process", |b| {
        b.iter(|| {
            raw.iter()
                .map(|(t, _)| pipeline.process(Document::from_text("doc", t.clone())).events.len())
                .sum::<usize>()
        })
    });
    group.bench_function("jsonl_write", |b| {
        b.iter(|| {
            let mut sink = JsonlSink::new(Box::new(std::io::sink()), "null");
            for r in &records {
                sink.write(black_box(r)).unwrap();
            }
            sink.finish().unwrap();
        })
    });
    group.sample_size(10);
    group.bench_function("sqlite_write", |b| {
        b.iter(|| {
            let dir = tempfile::TempDir::new().unwrap();
            let mut sink = SqliteSink::open(&dir.path().join("b.sqlite")).unwrap();
            for r in &records {
                sink.write(black_box(r)).unwrap();
            }
            sink.finish().unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
