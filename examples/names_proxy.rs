//! A recall proxy for the name extractors on real news they were not written
//! on: MEANTIME (120 English Wikinews articles with entity annotations), and a
//! reading aid for TempEval-3 and the article-extraction bodies.
//!
//!     cargo run --release --example names_proxy [-- OPTIONS]
//!
//! MEANTIME's guidelines are not ours, so its annotations are leads, not gold:
//! - organizations: the share of MEANTIME ORG instances with a name (`NAM`
//!   mention) that one of our entities names exactly (name or alias, compared
//!   as the scorer compares names), and the share we name in part (one name
//!   inside the other);
//! - officials: the share of MEANTIME PER instances with a name and a role
//!   (a `NOM`/`APP` mention, or a `NAM` mention longer than the name) that one
//!   of our officials names (name or alias equal, or same first and last word).
//!
//! Options: `--docs` prints the figures per document; `--misses` lists the
//! instances we miss; `--extra` lists what we output that MEANTIME does not
//! mark (to read for false positives); `--dump tempeval|articles` prints our
//! entities and officials for every document of that suite instead (`--dump -`:
//! for the text on standard input; with NAMES_MENTIONS set, every organization
//! mention with its rule and context too);
//! `--peer DIR` sets the peer-suite folder (default `peer-suites` in the shared
//! data folder: `$SANCTIONS_SHARED`, else ../shared beside the repository).
//!
//! Documents of the held-out set are filtered out and never read.

use sanctions_extract::evaluate::normalize_name;
use sanctions_extract::{Config, Document, Pipeline, Record};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[path = "common/shared.rs"]
mod shared;

/// Held out: not to be developed on.
const HELD_OUT: &[&str] = &[
    "CNN_20130322_248",
    "CNN_20130322_314",
    "WSJ_20130322_159",
    "bbc_20130322_1353",
    "bbc_20130322_332",
    "bbc_20130322_721",
    "nyt_20130321_china_pollution",
    "nyt_20130321_cyprus",
    "nyt_20130321_sarcozy",
    "nyt_20130321_women_senate",
    "118147",
    "118175",
    "121134",
    "123881",
    "1007169",
    "39951",
    "143480",
    "100911",
    "108294",
    "1173",
    "87805",
    "61389",
    "113278",
    "113227",
];

struct Options {
    peer: PathBuf,
    docs: bool,
    misses: bool,
    extra: bool,
    dump: Option<String>,
}

fn main() {
    let mut options = Options {
        peer: shared::shared("peer-suites"),
        docs: false,
        misses: false,
        extra: false,
        dump: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--docs" => options.docs = true,
            "--misses" => options.misses = true,
            "--extra" => options.extra = true,
            "--dump" => options.dump = args.next(),
            "--peer" => options.peer = args.next().map(PathBuf::from).unwrap_or(options.peer),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let pipeline = Pipeline::new(Config::default());
    match options.dump.as_deref() {
        Some("tempeval") => {
            let docs = read_lines(&options.peer.join("tempeval3-platinum.jsonl"));
            for d in docs.iter().filter(|d| !held_out(d)) {
                dump(&pipeline, str_of(d, "doc_id"), str_of(d, "text"));
            }
        }
        Some("articles") => {
            let path = options.peer.join("article-extraction/ground-truth.json");
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&path, e));
            let truth: BTreeMap<String, Value> = serde_json::from_str(&text).unwrap_or_else(|e| fail(&path, e));
            for (id, page) in &truth {
                dump(&pipeline, &id[..12], str_of(page, "articleBody"));
            }
        }
        Some("-") => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).unwrap_or_default();
            dump(&pipeline, "stdin", &text);
        }
        Some(other) => {
            eprintln!("unknown suite {other} (tempeval, articles, - for standard input)");
            std::process::exit(2);
        }
        None => meantime(&pipeline, &options),
    }
}

fn fail(path: &std::path::Path, e: impl std::fmt::Display) -> ! {
    eprintln!("{}: {e}", path.display());
    std::process::exit(2)
}

fn read_lines(path: &std::path::Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(path, e));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| fail(path, e)))
        .collect()
}

fn str_of<'a>(v: &'a Value, field: &str) -> &'a str {
    v.get(field).and_then(Value::as_str).unwrap_or("")
}

fn held_out(doc: &Value) -> bool {
    HELD_OUT.contains(&str_of(doc, "doc_id"))
}

fn dump(pipeline: &Pipeline, id: &str, text: &str) {
    let record = pipeline.process(Document::from_text(id, text));
    println!("== {id}");
    if std::env::var_os("NAMES_MENTIONS").is_some() {
        // Every organization mention with its rule and a little context.
        let clean = sanctions_extract::normalize::clean(text);
        let article = sanctions_extract::extract::Article::new(&clean, None);
        let found = sanctions_extract::extract::entity::find(&article);
        for m in &found.mentions {
            let e = &found.entities[m.entity];
            if e.kind == sanctions_extract::record::EntityType::Country {
                continue;
            }
            let from = clean.floor_char_boundary(m.range.start.saturating_sub(40));
            let to = clean.ceil_char_boundary((m.range.end + 30).min(clean.len()));
            println!(
                "  M {:<28} {:<22} {}[{}]{}",
                e.name,
                m.rule.name(),
                clean[from..m.range.start].replace('\n', " "),
                &clean[m.range.clone()],
                clean[m.range.end..to].replace('\n', " ")
            );
        }
    }
    for e in &record.entities {
        let kind = serde_json::to_value(e.kind).unwrap_or_default();
        println!(
            "  E {:<45} {:<18} {:<4} {:?} [{}]",
            e.name,
            kind.as_str().unwrap_or(""),
            e.country.as_deref().unwrap_or(""),
            e.aliases,
            e.rule
        );
    }
    for o in &record.officials {
        println!(
            "  O {:<30} | {} | {} {:?} [{}]",
            o.name,
            o.title.as_deref().unwrap_or("-"),
            o.affiliation.as_deref().unwrap_or("-"),
            o.aliases,
            o.rule
        );
    }
}

/// One MEANTIME instance: its normalised names.
#[derive(Default)]
struct Instance {
    names: BTreeSet<String>,
    titled: bool,
}

#[derive(Default)]
struct Tally {
    total: usize,
    exact: usize,
    partial: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.total += other.total;
        self.exact += other.exact;
        self.partial += other.partial;
    }

    fn show(&self) -> String {
        let share = |n: usize| {
            if self.total == 0 {
                1.0
            } else {
                n as f64 / self.total as f64
            }
        };
        format!(
            "{:>4}/{:<4} {:.3} (in part {:.3})",
            self.exact,
            self.total,
            share(self.exact),
            share(self.exact + self.partial)
        )
    }
}

/// Whether the words of `a` occur in order inside `b` or the other way round.
fn in_part(a: &str, b: &str) -> bool {
    let inside = |x: &str, y: &str| format!(" {y} ").contains(&format!(" {x} "));
    !a.is_empty() && !b.is_empty() && (inside(a, b) || inside(b, a))
}

fn ends(name: &str) -> Option<(String, String)> {
    let words: Vec<&str> = name.split(' ').collect();
    (words.len() >= 2).then(|| (words[0].to_string(), words[words.len() - 1].to_string()))
}

fn meantime(pipeline: &Pipeline, options: &Options) {
    let docs = read_lines(&options.peer.join("meantime-en.jsonl"));
    let mut orgs_all = Tally::default();
    let mut people_all = Tally::default();
    let mut docs_used = 0;
    let mut unmarked_orgs = 0;
    let mut unmarked_people = 0;
    let mut our_orgs = 0;
    let mut our_people = 0;
    for doc in docs.iter().filter(|d| !held_out(d)) {
        docs_used += 1;
        let id = str_of(doc, "doc_id");
        let text = str_of(doc, "text");
        let record: Record = pipeline.process(Document::from_text(id, text));
        let (orgs, people, marked) = instances(doc);

        // Our names, normalised.
        let entity_names: Vec<Vec<String>> = record
            .entities
            .iter()
            .map(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .map(|n| normalize_name(n))
                    .collect()
            })
            .collect();
        let official_names: Vec<Vec<String>> = record
            .officials
            .iter()
            .map(|o| {
                std::iter::once(&o.name)
                    .chain(&o.aliases)
                    .map(|n| normalize_name(n))
                    .collect()
            })
            .collect();

        let mut org_tally = Tally::default();
        let mut missed_orgs = Vec::new();
        for inst in orgs.values() {
            org_tally.total += 1;
            if entity_names.iter().flatten().any(|n| inst.names.contains(n)) {
                org_tally.exact += 1;
            } else if entity_names
                .iter()
                .flatten()
                .any(|n| inst.names.iter().any(|m| in_part(n, m)))
            {
                org_tally.partial += 1;
                missed_orgs.push(format!("~{:?}", inst.names));
            } else {
                missed_orgs.push(format!("{:?}", inst.names));
            }
        }
        let mut people_tally = Tally::default();
        let mut missed_people = Vec::new();
        for inst in people.values().filter(|i| i.titled) {
            people_tally.total += 1;
            let found = official_names.iter().any(|names| {
                names.iter().any(|n| {
                    inst.names.contains(n) || inst.names.iter().any(|m| ends(m).is_some() && ends(m) == ends(n))
                })
            });
            if found {
                people_tally.exact += 1;
            } else {
                missed_people.push(format!("{:?}", inst.names));
            }
        }
        orgs_all.add(&org_tally);
        people_all.add(&people_tally);

        // What we output that MEANTIME marks nowhere.
        let mut extra = Vec::new();
        for (e, names) in record.entities.iter().zip(&entity_names) {
            if e.kind == sanctions_extract::record::EntityType::Country {
                continue;
            }
            our_orgs += 1;
            if !names.iter().any(|n| marked.contains(n)) {
                unmarked_orgs += 1;
                extra.push(format!("E {} ({:?}) [{}]", e.name, e.kind, e.rule));
            }
        }
        for (o, names) in record.officials.iter().zip(&official_names) {
            our_people += 1;
            let person = people.values().any(|inst| {
                names.iter().any(|n| {
                    inst.names.contains(n) || inst.names.iter().any(|m| ends(m).is_some() && ends(m) == ends(n))
                })
            });
            if !person {
                unmarked_people += 1;
                extra.push(format!(
                    "O {} | {} [{}]",
                    o.name,
                    o.title.as_deref().unwrap_or("-"),
                    o.rule
                ));
            }
        }

        if options.docs {
            println!(
                "{id:<8} orgs {}   titled people {}",
                org_tally.show(),
                people_tally.show()
            );
        }
        if options.misses && (!missed_orgs.is_empty() || !missed_people.is_empty()) {
            println!("-- {id} missed:");
            for m in &missed_orgs {
                println!("   ORG {m}");
            }
            for m in &missed_people {
                println!("   PER {m}");
            }
        }
        if options.extra && !extra.is_empty() {
            println!("-- {id} not marked by MEANTIME:");
            for x in &extra {
                println!("   {x}");
            }
        }
    }
    println!("MEANTIME documents (held-out ones excluded): {docs_used}");
    println!("ORG instances named by our entities:        {}", orgs_all.show());
    println!("titled PER instances named by our officials: {}", people_all.show());
    println!("our organizations MEANTIME marks nowhere:   {unmarked_orgs}/{our_orgs}");
    println!("our officials MEANTIME marks nowhere:       {unmarked_people}/{our_people}");
}

/// The ORG and PER instances of a MEANTIME document that have a name, and the
/// normalised text of every mention of any type (what MEANTIME marks).
fn instances(doc: &Value) -> (BTreeMap<String, Instance>, BTreeMap<String, Instance>, BTreeSet<String>) {
    let mut orgs: BTreeMap<String, Instance> = BTreeMap::new();
    let mut people: BTreeMap<String, Instance> = BTreeMap::new();
    let mut marked = BTreeSet::new();
    let empty = Vec::new();
    let mentions = doc.get("entities").and_then(Value::as_array).unwrap_or(&empty);
    for m in mentions {
        let text = str_of(m, "text");
        marked.insert(normalize_name(text));
        let syntactic = str_of(m, "syntactic_type");
        let instance = str_of(m, "instance").to_string();
        let table = match str_of(m, "type") {
            "ORG" => &mut orgs,
            "PER" => &mut people,
            _ => continue,
        };
        // Instance labels carry notes in brackets: `Steve Jobs (CEO of Apple)`.
        let label = instance.split(" (").next().unwrap_or("").trim().to_string();
        match syntactic {
            "NAM" if text.starts_with(char::is_uppercase) || text.starts_with("the ") => {
                let inst = table.entry(instance.clone()).or_default();
                if !text.contains(", ") {
                    inst.names.insert(normalize_name(text));
                }
                if !label.is_empty() && label.starts_with(char::is_uppercase) {
                    inst.names.insert(normalize_name(&label));
                }
                // `Spokeswoman Sandy Angers`: a name mention with its title.
                if text.split_whitespace().count() > label.split_whitespace().count() {
                    inst.titled = true;
                }
            }
            "NOM" | "APP" | "PRE.NOM" => {
                if let Some(inst) = people.get_mut(&instance) {
                    inst.titled = true;
                } else if str_of(m, "type") == "PER" {
                    people.entry(instance).or_default().titled = true;
                }
            }
            _ => {}
        }
    }
    // Instances seen only through descriptions have no name to find.
    orgs.retain(|_, i| !i.names.is_empty());
    people.retain(|_, i| !i.names.is_empty());
    (orgs, people, marked)
}
