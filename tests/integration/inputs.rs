//! Every input form of RECORD.md section 1, through the binary.

use crate::common::*;
use std::fs;
use tempfile::TempDir;

fn write(dir: &TempDir, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.path().join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

#[test]
fn text_files_with_and_without_sidecar() {
    let dir = TempDir::new().unwrap();
    write(&dir, "in/story.txt", ENGLISH);
    write(
        &dir,
        "in/story.meta.json",
        r#"{"id": "s-1", "url": "https://news.example/s1", "title": "Story", "published": "2025-11-07", "outlet": "Example"}"#,
    );
    write(&dir, "in/sub/plain.txt", ENGLISH);
    let (records, run) = extract(&["in"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(records.len(), 2);
    let story = by_id(&records, "s-1");
    assert_eq!(status(story), ("ok", None));
    assert_eq!(story["source"]["path"], "in/story.txt");
    assert_eq!(story["source"]["url"], "https://news.example/s1");
    assert_eq!(story["source"]["title"], "Story");
    assert_eq!(story["source"]["published"], "2025-11-07");
    assert_eq!(story["source"]["extra"], serde_json::json!({"outlet": "Example"}));
    assert_eq!(story["text"], ENGLISH);
    assert_eq!(story["language"]["code"], "eng");
    // Without an id, the path relative to the input folder is the id.
    let plain = by_id(&records, "sub/plain.txt");
    assert_eq!(plain["source"]["published"], serde_json::Value::Null);
}

#[test]
fn html_pages_give_main_text_and_metadata() {
    let dir = TempDir::new().unwrap();
    write(
        &dir,
        "site/a.html",
        page("Seoul piles on sanctions", "2017-12-10T09:00:00+09:00", ENGLISH),
    );
    write(&dir, "site/b.HTM", page("Tokyo expands list", "2017-11-07", ENGLISH));
    let (records, run) = extract(&["site"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let a = by_id(&records, "a.html");
    assert_eq!(status(a), ("ok", None));
    assert_eq!(a["source"]["title"], "Seoul piles on sanctions");
    assert_eq!(
        a["source"]["url"],
        "https://news.example/2017-12-10T09:00:00+09:00/story"
    );
    assert_eq!(a["source"]["published"], "2017-12-10T09:00:00+09:00");
    assert_eq!(a["text"], format!("Seoul piles on sanctions\n\n{ENGLISH}"));
    assert_eq!(by_id(&records, "b.HTM")["source"]["published"], "2017-11-07");
}

#[test]
fn jsonl_dumps_with_text_or_html() {
    let dir = TempDir::new().unwrap();
    let html = serde_json::to_string(&page("Title", "2024-01-30", ENGLISH)).unwrap();
    let text = serde_json::to_string(ENGLISH).unwrap();
    write(
        &dir,
        "dump.jsonl",
        format!(
            "{{\"id\": \"j-1\", \"published\": \"2024-04-03\", \"text\": {text}, \"lang\": \"en\", \"tags\": [\"a\"]}}\n\
             {{\"id\": \"j-2\", \"url\": \"https://input.example/2\", \"html\": {html}}}\n\
             {{\"text\": {text}}}\n"
        ),
    );
    let (records, run) = extract(&["dump.jsonl"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<&str> = records.iter().map(|r| r["doc_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["j-1", "j-2", "dump.jsonl:3"]);
    assert_eq!(
        records[0]["source"]["extra"],
        serde_json::json!({"lang": "en", "tags": ["a"]})
    );
    assert_eq!(records[0]["source"]["path"], "dump.jsonl");
    // The input's url wins over the page's canonical link; the page fills the rest.
    assert_eq!(records[1]["source"]["url"], "https://input.example/2");
    assert_eq!(records[1]["source"]["published"], "2024-01-30");
    assert_eq!(records[1]["text"], format!("Title\n\n{ENGLISH}"));
}

#[test]
fn compressed_inputs_read_as_their_inner_form() {
    let dir = TempDir::new().unwrap();
    write(&dir, "in/story.txt.gz", gzip(ENGLISH.as_bytes()));
    write(
        &dir,
        "in/story.meta.json",
        r#"{"id": "gz-text", "published": "2025-11-07"}"#,
    );
    write(
        &dir,
        "in/dump.jsonl.gz",
        gzip(format!("{{\"id\": \"gz-line\", \"text\": {:?}}}\n", ENGLISH).as_bytes()),
    );
    write(
        &dir,
        "in/page.html.zst",
        zstd(page("Zstd page", "2024-05-31", ENGLISH).as_bytes()),
    );
    write(
        &dir,
        "in/dump.ndjson.zst",
        zstd(format!("{{\"id\": \"zst-line\", \"text\": {:?}}}\n", ENGLISH).as_bytes()),
    );
    let (records, run) = extract(&["in"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<&str> = records.iter().map(|r| r["doc_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["gz-line", "zst-line", "page.html.zst", "gz-text"]);
    for record in &records {
        assert_eq!(status(record), ("ok", None));
        assert!(record["text"].as_str().unwrap().ends_with(ENGLISH));
    }
    assert_eq!(by_id(&records, "gz-text")["source"]["published"], "2025-11-07");
    assert_eq!(by_id(&records, "page.html.zst")["source"]["title"], "Zstd page");
}

#[test]
fn warc_and_warc_gz() {
    let dir = TempDir::new().unwrap();
    let mut warc = warc_request("https://news.example/one");
    warc.extend(warc_response(
        "one",
        "https://news.example/one",
        &page("One", "2024-04-03", ENGLISH),
    ));
    warc.extend(warc_response(
        "two",
        "https://news.example/two",
        &page("Two", "2024-04-04", ENGLISH),
    ));
    write(&dir, "crawl/a.warc", &warc);
    // .warc.gz as crawlers write it: one gzip member per record.
    let mut members = gzip(&warc_request("https://news.example/three"));
    members.extend(gzip(&warc_response(
        "three",
        "https://news.example/three",
        &page("Three", "2024-04-05", ENGLISH),
    )));
    write(&dir, "crawl/b.warc.gz", &members);
    let (records, run) = extract(&["crawl"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<&str> = records.iter().map(|r| r["doc_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["urn:uuid:one", "urn:uuid:two", "urn:uuid:three"]);
    let three = &records[2];
    assert_eq!(three["source"]["url"], "https://news.example/three");
    assert_eq!(three["source"]["title"], "Three");
    assert_eq!(three["source"]["published"], "2024-04-05");
    assert_eq!(three["source"]["extra"]["warc_date"], "2024-04-03T12:00:00Z");
    assert_eq!(three["text"], format!("Three\n\n{ENGLISH}"));
}

#[test]
fn standard_input_is_jsonl() {
    let dir = TempDir::new().unwrap();
    let input = format!("{{\"id\": \"in-1\", \"text\": {ENGLISH:?}}}\n{{\"text\": {ENGLISH:?}}}\n");
    let run = run(
        &["extract", "-", "--jsonl", "-", "--quiet"],
        dir.path(),
        Some(input.as_bytes()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let records = parse_records(&run.stdout);
    let ids: Vec<&str> = records.iter().map(|r| r["doc_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["in-1", "stdin:2"]);
    assert_eq!(records[0]["source"]["path"], "-");
    // Without --emit-text there is no text field.
    assert!(records[0].get("text").is_none());
}

#[test]
fn non_english_empty_and_whitespace_articles_are_skipped() {
    let dir = TempDir::new().unwrap();
    write(
        &dir,
        "in/ko.txt",
        "한국 정부는 북한의 대륙간탄도미사일 발사에 대응해 개인 8명과 기관 7곳을 독자 제재 대상으로 지정했다고 외교부가 2일 밝혔다.",
    );
    write(&dir, "in/empty.txt", "");
    write(&dir, "in/blank.txt", " \n\t\r\n ");
    let (records, run) = extract(&["in"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ko = by_id(&records, "ko.txt");
    assert_eq!(status(ko), ("skipped", Some("language:kor")));
    assert_eq!(ko["language"]["code"], "kor");
    assert_eq!(status(by_id(&records, "empty.txt")), ("skipped", Some("empty")));
    assert_eq!(status(by_id(&records, "blank.txt")), ("skipped", Some("empty")));
}

#[test]
fn a_malformed_jsonl_line_is_one_error_record_and_the_run_goes_on() {
    let dir = TempDir::new().unwrap();
    write(
        &dir,
        "dump.jsonl",
        format!(
            "{{\"id\": \"a\", \"text\": {ENGLISH:?}}}\n{{\"id\": \"b\", \"text\": \n{{\"id\": \"c\", \"text\": 42}}\n{{\"id\": \"d\", \"text\": {ENGLISH:?}}}\n"
        ),
    );
    let (records, run) = extract(&["dump.jsonl"], dir.path());
    assert_eq!(run.code, 1, "any failed article makes the exit status 1");
    let ids: Vec<&str> = records.iter().map(|r| r["doc_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "dump.jsonl:2", "c", "d"]);
    let (state, detail) = status(&records[1]);
    assert_eq!(state, "error");
    assert!(
        detail.unwrap().starts_with("dump.jsonl:2: invalid JSON: "),
        "{detail:?}"
    );
    assert_eq!(
        status(&records[2]),
        ("error", Some("dump.jsonl:3: `text` must be a string, found a number"))
    );
    assert_eq!(status(&records[3]), ("ok", None));
}

#[test]
fn unreadable_inputs_become_error_records() {
    let dir = TempDir::new().unwrap();
    let mut truncated = gzip(ENGLISH.as_bytes());
    truncated.truncate(truncated.len() / 2);
    write(&dir, "in/cut.txt.gz", &truncated);
    write(&dir, "in/bad.meta.json", "{not json");
    write(&dir, "in/bad.txt", ENGLISH);
    write(&dir, "in/ok.txt", ENGLISH);
    write(&dir, "report.pdf", "%PDF-1.4");
    // (A missing input is refused before the run: see regressions::i17_4.)
    let (records, run) = extract(&["in", "report.pdf"], dir.path());
    assert_eq!(run.code, 1);
    let ids: Vec<&str> = records.iter().map(|r| r["doc_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["bad.txt", "cut.txt.gz", "ok.txt", "report.pdf"]);
    let detail = |i: usize| status(&records[i]).1.unwrap().to_string();
    assert_eq!(status(&records[0]).0, "error");
    assert!(
        detail(0).starts_with("in/bad.meta.json: invalid metadata JSON"),
        "{}",
        detail(0)
    );
    assert!(detail(1).starts_with("in/cut.txt.gz: read error:"), "{}", detail(1));
    assert_eq!(status(&records[2]), ("ok", None));
    assert!(
        detail(3).starts_with("report.pdf: not a supported input format"),
        "{}",
        detail(3)
    );
}

#[test]
fn unknown_files_in_a_folder_are_skipped_with_one_warning_each() {
    let dir = TempDir::new().unwrap();
    write(&dir, "in/a.txt", ENGLISH);
    write(&dir, "in/notes.docx", "x");
    write(&dir, "in/img/photo.png", "x");
    write(&dir, "in/orphan.meta.json", "{}");
    write(&dir, "in/.hidden/skip.txt", ENGLISH);
    let (records, run) = extract(&["in"], dir.path());
    assert_eq!(run.code, 0);
    assert_eq!(records.len(), 1);
    let warnings: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("warning: ")).collect();
    assert_eq!(
        warnings,
        [
            "warning: in/img/photo.png: skipped, not a supported input format",
            "warning: in/notes.docx: skipped, not a supported input format",
            "warning: in/orphan.meta.json: skipped, metadata sidecar without a .txt article",
        ]
    );
}

#[test]
fn invalid_utf8_is_replaced_and_flagged() {
    let dir = TempDir::new().unwrap();
    let mut bytes = ENGLISH.as_bytes().to_vec();
    bytes.extend_from_slice(b" caf\xe9 \xff\xfe");
    write(&dir, "latin.txt", &bytes);
    let (records, _) = extract(&["latin.txt"], dir.path());
    assert_eq!(status(&records[0]), ("ok", Some("lossy_utf8")));
    assert!(
        records[0]["text"]
            .as_str()
            .unwrap()
            .ends_with("caf\u{FFFD} \u{FFFD}\u{FFFD}")
    );
}

#[test]
fn too_large_articles_are_error_records() {
    let dir = TempDir::new().unwrap();
    write(&dir, "big.txt", ENGLISH.repeat(10));
    write(&dir, "small.txt", ENGLISH);
    let run = run(
        &["extract", ".", "--jsonl", "-", "--quiet", "--max-article-bytes", "1000"],
        dir.path(),
        None,
    );
    let records = parse_records(&run.stdout);
    assert_eq!(run.code, 1);
    assert_eq!(
        status(&records[0]),
        ("error", Some("./big.txt: article larger than the limit of 1000 bytes"))
    );
    assert_eq!(status(&records[1]), ("ok", None));
}
