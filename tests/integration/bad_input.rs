//! Dirty input: every case ends in the record it should, and the records around
//! it are intact.

use crate::common::*;
use std::fs;
use std::io::Write;
use tempfile::TempDir;

fn write(dir: &TempDir, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.path().join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn truncated(mut bytes: Vec<u8>) -> Vec<u8> {
    bytes.truncate(bytes.len() * 2 / 3);
    bytes
}

#[test]
fn a_folder_of_bad_files_gives_one_exact_record_each() {
    let dir = TempDir::new().unwrap();
    write(&dir, "in/00_good.txt", ENGLISH);
    write(&dir, "in/01_empty.txt", "");
    write(&dir, "in/02_blank.txt", " \n\t\r\n  \n");
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    png.extend((0..4000u32).map(|i| (i * 7 % 256) as u8));
    write(&dir, "in/03_binary.txt", png);
    write(&dir, "in/04_nul.txt", format!("{ENGLISH}\0 It added\0 more."));
    let mut latin1 = ENGLISH.as_bytes().to_vec();
    latin1.extend_from_slice(b" Caf\xe9 owners in Pyongyang.");
    write(&dir, "in/05_latin1.txt", latin1);
    write(&dir, "in/06_cut.txt.gz", truncated(gzip(ENGLISH.repeat(20).as_bytes())));
    write(
        &dir,
        "in/07_cut.txt.zst",
        truncated(zstd(ENGLISH.repeat(20).as_bytes())),
    );
    let mut warc = warc_response("w1", "https://news.example/1", &page("One", "2024-04-03", ENGLISH));
    warc.extend(truncated(warc_response(
        "w2",
        "https://news.example/2",
        &page("Two", "2024-04-04", ENGLISH),
    )));
    write(&dir, "in/08_cut.warc", warc);
    // Lines 5 to 7: invalid UTF-8 inside the text (JSON must be UTF-8: the
    // line is unreadable), an empty text and one of spaces (read, but no
    // article: skipped, as RECORD.md says).
    let mut dump = format!(
        "{{\"id\": \"j1\", \"text\": {ENGLISH:?}}}\n{{\"id\": \"j2\", \"text\": \"unterminated\n\
         {{\"id\": \"j3\", \"text\": [\"not\", \"a\", \"string\"]}}\n{{\"id\": \"j4\", \"text\": {ENGLISH:?}}}\n"
    )
    .into_bytes();
    dump.extend_from_slice(b"{\"id\": \"j5\", \"text\": \"Caf\xe9 owners in Pyongyang were sanctioned.\"}\n");
    dump.extend_from_slice(b"{\"id\": \"j6\", \"text\": \"\"}\n{\"id\": \"j7\", \"text\": \" \\n \"}\n");
    write(&dir, "in/09_dump.jsonl", dump);
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    bomb.write_all(b"{\"id\": \"bomb\", \"text\": \"").unwrap();
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..40 {
        bomb.write_all(&zeros).unwrap();
    }
    bomb.write_all(b"\"}\n").unwrap();
    write(&dir, "in/10_bomb.jsonl.gz", bomb.finish().unwrap());
    write(&dir, "in/11_good.txt", ENGLISH);
    // A page in Latin-1 that does not say so: decoded as UTF-8 with
    // replacement characters, and flagged.
    let mut latin1_page = page("Latin", "2024-04-05", ENGLISH).into_bytes();
    let at = latin1_page.windows(7).position(|w| w == b"</p><p>").unwrap();
    latin1_page.splice(at..at, b" Caf\xe9 owners.".iter().copied());
    write(&dir, "in/12_latin1.html", latin1_page);

    let run = run(
        &[
            "extract",
            "in",
            "--jsonl",
            "-",
            "--emit-text",
            "--quiet",
            "--max-decompressed-bytes",
            "10000000",
        ],
        dir.path(),
        None,
    );
    assert_eq!(run.code, 1, "error records make the exit status 1: {}", run.stderr);
    let records = parse_records(&run.stdout);
    let outcomes: Vec<(String, String, String)> = records
        .iter()
        .map(|r| {
            let (status, detail) = status(r);
            (
                r["doc_id"].as_str().unwrap().to_string(),
                status.to_string(),
                detail.unwrap_or("-").to_string(),
            )
        })
        .collect();
    let expected = [
        ("00_good.txt", "ok", "-"),
        ("01_empty.txt", "skipped", "empty"),
        ("02_blank.txt", "skipped", "empty"),
        ("03_binary.txt", "skipped", "binary"),
        ("04_nul.txt", "ok", "control_characters_removed"),
        ("05_latin1.txt", "ok", "lossy_utf8"),
        ("06_cut.txt.gz", "error", "in/06_cut.txt.gz: read error: "),
        ("07_cut.txt.zst", "error", "in/07_cut.txt.zst: read error: "),
        ("urn:uuid:w1", "ok", "-"),
        (
            "08_cut.warc#2",
            "error",
            "in/08_cut.warc: record 2: truncated: Content-Length is ",
        ),
        ("j1", "ok", "-"),
        ("09_dump.jsonl:2", "error", "in/09_dump.jsonl:2: invalid JSON: "),
        (
            "j3",
            "error",
            "in/09_dump.jsonl:3: `text` must be a string, found an array",
        ),
        ("j4", "ok", "-"),
        (
            "09_dump.jsonl:5",
            "error",
            "in/09_dump.jsonl:5: not valid UTF-8 (byte 26 of the line); JSON text must be UTF-8",
        ),
        ("j6", "skipped", "empty"),
        ("j7", "skipped", "empty"),
        (
            "10_bomb.jsonl.gz:1",
            "error",
            "in/10_bomb.jsonl.gz:1: read error: decompressed size exceeds the limit of 10000000 bytes",
        ),
        ("11_good.txt", "ok", "-"),
        ("12_latin1.html", "ok", "lossy_utf8"),
    ];
    assert_eq!(outcomes.len(), expected.len(), "{outcomes:#?}");
    for ((id, status, detail), (want_id, want_status, want_detail)) in outcomes.iter().zip(expected) {
        assert_eq!((id.as_str(), status.as_str()), (want_id, want_status), "{outcomes:#?}");
        assert!(
            detail.starts_with(want_detail),
            "{id}: {detail:?} should start with {want_detail:?}"
        );
    }
    let good = by_id(&records, "04_nul.txt")["text"].as_str().unwrap().to_string();
    assert_eq!(good, format!("{ENGLISH} It added more."));
    // Text decoded lossily is kept, each bad byte one U+FFFD, never dropped.
    let latin1 = by_id(&records, "05_latin1.txt")["text"].as_str().unwrap().to_string();
    assert_eq!(latin1, format!("{ENGLISH} Caf\u{FFFD} owners in Pyongyang."));
    let page_text = by_id(&records, "12_latin1.html")["text"].as_str().unwrap().to_string();
    assert!(
        page_text.contains(&format!("{ENGLISH} Caf\u{FFFD} owners.")),
        "{page_text}"
    );
}

#[test]
#[ignore = "slow: run by .ci/run in an optimised build (--profile slow-tests)"]
fn a_50_mb_single_line_article_is_processed() {
    let dir = TempDir::new().unwrap();
    let sentence = "The Treasury sanctioned eight North Korean individuals and two entities on Thursday. ";
    let sentences = 50 * 1024 * 1024 / sentence.len();
    let line = sentence.repeat(sentences);
    write(&dir, "a/big.txt", &line);
    write(&dir, "a/small.txt", ENGLISH);
    let run = run(
        &["extract", "a", "--jsonl", "out.jsonl", "--emit-text", "--quiet"],
        dir.path(),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    // parse_records checks every span against the clean text and every
    // mention against its name; what follows checks what was found.
    let records = parse_records(&out);
    assert_eq!(records.len(), 2);
    let big = by_id(&records, "big.txt");
    assert_eq!(status(big), ("ok", None));
    assert_eq!(big["text"], line.trim_end());
    // Every sentence's mentions, from the first to the last.
    let entities = big["entities"].as_array().unwrap();
    assert_eq!(entities.len(), 1, "{}", big["entities"][1]);
    assert_eq!(entities[0]["name"], "Treasury");
    assert_eq!(entities[0]["mentions"].as_array().unwrap().len(), sentences);
    let last = (sentences - 1) * sentence.len();
    assert_eq!(
        entities[0]["mentions"][sentences - 1],
        serde_json::json!([last + 4, last + 12])
    );
    let counts = big["counts"].as_array().unwrap();
    assert_eq!(counts.len(), 2 * sentences);
    for pair in counts.chunks(2) {
        assert_eq!(
            (&pair[0]["value"], &pair[0]["category"]),
            (&8.into(), &"individual".into())
        );
        assert_eq!((&pair[1]["value"], &pair[1]["category"]), (&2.into(), &"entity".into()));
    }
    let dates = big["dates"].as_array().unwrap();
    assert_eq!(dates.len(), sentences);
    assert!(dates.iter().all(|d| d["text"] == "Thursday"));
    // One action, reported in every sentence.
    let events = big["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (&events[0]["authority"], &events[0]["status"], &events[0]["target"]),
        (&"United States".into(), &"imposed".into(), &"North Korea".into())
    );
    assert_eq!(
        events[0]["counts"],
        serde_json::json!([{"value": 8, "category": "individual"}, {"value": 2, "category": "entity"}])
    );
    assert_eq!(events[0]["evidence"].as_array().unwrap().len(), sentences);
    let small = by_id(&records, "small.txt");
    assert_eq!(status(small), ("ok", None));
    assert_eq!(small["text"], ENGLISH);
    assert_eq!(small["counts"].as_array().unwrap().len(), 2);
}

#[test]
#[ignore = "slow: run by .ci/run in an optimised build (--profile slow-tests)"]
fn a_10_mb_article_without_punctuation_is_processed() {
    let dir = TempDir::new().unwrap();
    let words = "sanctions treasury seoul pyongyang designate entities individuals ";
    let text = words.repeat(10 * 1024 * 1024 / words.len());
    write(&dir, "a/flat.txt", &text);
    let run = run(
        &["extract", "a", "--jsonl", "out.jsonl", "--emit-text", "--quiet"],
        dir.path(),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let records = parse_records(&fs::read_to_string(dir.path().join("out.jsonl")).unwrap());
    assert_eq!(records.len(), 1);
    assert_eq!(status(&records[0]), ("ok", None));
    // The whole text is kept; lower-case words with no number, capital or
    // sentence name nothing.
    assert_eq!(records[0]["text"], text.trim_end());
    for field in ["officials", "entities", "counts", "amounts", "dates", "events"] {
        assert_eq!(records[0][field], serde_json::json!([]), "{field}");
    }
}

#[test]
fn huge_attribute_values_do_not_hide_the_text() {
    let dir = TempDir::new().unwrap();
    let html = format!(
        "<html><body><div data-blob=\"{}\"><p>{ENGLISH}</p></div><img alt=\"{}\"></body></html>",
        "x".repeat(5_000_000),
        "y".repeat(1_000_000)
    );
    write(&dir, "page.html", html);
    let (records, run) = extract(&["page.html"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(status(&records[0]), ("ok", None));
    assert_eq!(records[0]["text"], ENGLISH);
}

#[test]
fn a_page_of_100000_nested_elements_is_read_quickly() {
    let dir = TempDir::new().unwrap();
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>{ENGLISH}</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    write(&dir, "deep.html", html);
    write(&dir, "next.txt", ENGLISH);
    let (records, run) = extract(&["."], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(status(by_id(&records, "deep.html")), ("ok", None));
    assert_eq!(by_id(&records, "deep.html")["text"], ENGLISH);
    assert_eq!(status(by_id(&records, "next.txt")), ("ok", None));
}

#[test]
fn emoji_combining_marks_and_right_to_left_text_keep_spans_in_code_points() {
    let dir = TempDir::new().unwrap();
    let text = "🎉👍🏽 The U.S. Treasury (وزارة الخزانة) sanctioned e\u{0301}ight firms. \
                Secretary Janet Yellen said North Korea stole $3 billion on November 6, 2025. 한국 정부도 동참했다.";
    write(&dir, "mixed.txt", text);
    write(&dir, "mixed.meta.json", r#"{"published": "2025-11-07"}"#);
    let (records, run) = extract(&["mixed.txt"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let record = &records[0];
    assert_eq!(status(record), ("ok", None));
    // parse_records checked every span against the clean text; check that
    // there were spans to check.
    let spans = ["officials", "entities", "amounts", "dates"]
        .iter()
        .map(|f| record[f].as_array().unwrap().len())
        .sum::<usize>();
    assert!(spans >= 4, "{record}");
    let clean: Vec<char> = record["text"].as_str().unwrap().chars().collect();
    for entity in record["entities"].as_array().unwrap() {
        for span in entity["mentions"].as_array().unwrap() {
            let (s, e) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
            let surface: String = clean[s..e].iter().collect();
            let names: Vec<&str> = std::iter::once(entity["name"].as_str().unwrap())
                .chain(
                    entity["aliases"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| a.as_str().unwrap()),
                )
                .collect();
            assert!(
                names.iter().any(|n| *n == surface),
                "{surface:?} is not one of {names:?}"
            );
        }
    }
}
