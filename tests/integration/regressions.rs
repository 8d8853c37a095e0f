//! Regression tests named after their issue and item: `i17_1_...` is item 1 of
//! issue 17 (what a new user met in the first hour).

use crate::common::*;
use std::fs;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use tempfile::TempDir;

fn line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text}).to_string() + "\n"
}

/// Runs the binary over `args` in `dir` and insists on exit status 0.
fn ok(args: &[&str], dir: &std::path::Path) -> Run {
    let run = run(args, dir, None);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run
}

#[test]
fn i17_1_articles_with_the_same_id_are_all_kept() {
    let dir = TempDir::new().unwrap();
    let other =
        "The European Union imposed sanctions on three Iranian entities on Monday over drone deliveries to Russia.";
    let dump = line("h1", ENGLISH) + &line("h2", ENGLISH) + &line("h1", other) + &line("h1", ENGLISH);
    fs::write(dir.path().join("dump.jsonl"), dump).unwrap();
    let run = ok(
        &["extract", "dump.jsonl", "--db", "out.sqlite", "--jsonl", "out.jsonl"],
        dir.path(),
    );
    for (location, renamed) in [("dump.jsonl:3", "h1~2"), ("dump.jsonl:4", "h1~3")] {
        let warning = format!(
            "warning: {location}: doc_id \"h1\" is taken by an earlier article of this run; this one is kept as \"{renamed}\""
        );
        assert!(run.stderr.contains(&warning), "{}", run.stderr);
    }
    assert!(
        run.stderr.contains("4 records written to out.jsonl and out.sqlite"),
        "{}",
        run.stderr
    );
    let ids = doc_ids(&dir.path().join("out.sqlite"));
    let db = rusqlite::Connection::open(dir.path().join("out.sqlite")).unwrap();
    assert_eq!(ids, ["h1", "h1~2", "h1~3", "h2"]);
    // The repeat keeps its own article: the EU event is still there.
    let authority: String = db
        .query_row("SELECT authority FROM events WHERE doc_id = 'h1~2'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(authority, "European Union");
    let records = parse_records(&fs::read_to_string(dir.path().join("out.jsonl")).unwrap());
    let jsonl_ids: Vec<&str> = records.iter().map(|r| r["doc_id"].as_str().unwrap()).collect();
    assert_eq!(jsonl_ids, ["h1", "h2", "h1~2", "h1~3"]);

    // The same input again resumes: nothing is processed twice or lost.
    let again = ok(&["extract", "dump.jsonl", "--db", "out.sqlite"], dir.path());
    assert!(
        again
            .stderr
            .contains("4 articles read: 0 ok, 0 skipped, 0 errors, 4 already stored"),
        "{}",
        again.stderr
    );
}

#[test]
fn i17_2_a_second_identical_run_gives_the_same_files() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("in")).unwrap();
    fs::write(dir.path().join("in/a.txt"), ENGLISH).unwrap();
    fs::write(
        dir.path().join("in/b.txt"),
        "Britain imposed sanctions on four Russian individuals on Friday, the Foreign Office said.",
    )
    .unwrap();
    // No output named: the default database, and the events on standard output.
    let first = ok(&["extract", "in", "--events", "-"], dir.path());
    assert_eq!(first.stdout.lines().count(), 2, "{}", first.stdout);
    let second = ok(&["extract", "in", "--events", "-"], dir.path());
    assert_eq!(second.stdout, first.stdout);
    assert!(
        second.stderr.contains(
            "warning: 2 articles not processed again because the database already holds them; \
             --replace processes them again"
        ),
        "{}",
        second.stderr
    );
    assert!(
        second.stderr.contains("2 canonical events written with --events"),
        "{}",
        second.stderr
    );

    // Files beside an existing database: the JSONL file is written anew, so
    // every article is processed for it.
    let args = [
        "extract",
        "in",
        "--jsonl",
        "x.jsonl",
        "--events",
        "y.jsonl",
        "--db",
        "sanctions.sqlite",
    ];
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap();
    ok(&args, dir.path());
    let (records, events) = (read("x.jsonl"), read("y.jsonl"));
    assert_eq!(records.lines().count(), 2);
    assert_eq!(events, first.stdout);
    ok(&args, dir.path());
    assert_eq!((read("x.jsonl"), read("y.jsonl")), (records, events));
}

#[test]
fn i17_4_a_missing_input_is_refused_before_anything_is_written() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), ENGLISH).unwrap();
    let run = run(&["extract", "a.txt", "nope"], dir.path(), None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stderr, "error: nope: No such file or directory (os error 2)\n");
    assert!(!dir.path().join("sanctions.sqlite").exists());
}

#[test]
fn i17_7_an_output_error_says_its_cause_once_with_the_path() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), ENGLISH).unwrap();
    fs::write(
        dir.path().join("notdb.sqlite"),
        "plain text, not a database\n".repeat(100),
    )
    .unwrap();
    for (args, expected) in [
        (
            &["--jsonl", "/proc/nope/x"][..],
            "error: opening the JSONL output: cannot write /proc/nope/x: No such file or directory (os error 2)\n",
        ),
        (
            &["--db", "/nonexistent/dir/x.sqlite"],
            "error: opening the database: database /nonexistent/dir/x.sqlite: cannot create it in \
             /nonexistent/dir: No such file or directory (os error 2)\n",
        ),
        (
            &["--db", "notdb.sqlite"],
            "error: opening the database: database notdb.sqlite: file is not a database\n",
        ),
        (
            &["--jsonl", "/dev/full"],
            "error: the run stopped: cannot write /dev/full: No space left on device (os error 28)\n",
        ),
    ] {
        let mut all = vec!["extract", "a.txt", "--quiet"];
        all.extend_from_slice(args);
        let run = run(&all, dir.path(), None);
        assert_eq!(run.code, 2, "{args:?}");
        assert_eq!(run.stderr, expected, "{args:?}");
    }
}

#[test]
fn i17_9_an_input_without_articles_is_named() {
    let dir = TempDir::new().unwrap();
    fs::create_dir_all(dir.path().join("empty")).unwrap();
    fs::create_dir_all(dir.path().join("others")).unwrap();
    fs::write(dir.path().join("others/table.csv"), "a,b\n").unwrap();
    fs::write(dir.path().join("blank.jsonl"), "\n\n").unwrap();
    let run = ok(
        &["extract", "empty", "others", "blank.jsonl", "--jsonl", "out.jsonl"],
        dir.path(),
    );
    let looked_for = "no articles found (looked for .txt, .html, .htm, .jsonl, .ndjson, .warc, optionally .gz or .zst)";
    for expected in [
        format!("warning: empty: {looked_for}"),
        "warning: others/table.csv: skipped, not a supported input format".to_string(),
        format!("warning: others: {looked_for}"),
        "warning: blank.jsonl: no articles found".to_string(),
        "0 articles read".to_string(),
    ] {
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    }
    // An input that gave articles is not named.
    fs::write(dir.path().join("empty/a.txt"), ENGLISH).unwrap();
    let run = ok(&["extract", "empty", "--jsonl", "out.jsonl"], dir.path());
    assert!(!run.stderr.contains("no articles found"), "{}", run.stderr);
}

#[test]
fn i17_10_compressed_standard_input_is_recognised() {
    let dir = TempDir::new().unwrap();
    let dump = line("a", ENGLISH) + &line("b", ENGLISH);
    for (name, input) in [("gzip", gzip(dump.as_bytes())), ("zstd", zstd(dump.as_bytes()))] {
        let run = run(&["extract", "-", "--jsonl", "-", "--quiet"], dir.path(), Some(&input));
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let records = parse_records(&run.stdout);
        let ids: Vec<&str> = records.iter().map(|r| r["doc_id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["a", "b"], "{name}");
        assert!(records.iter().all(|r| r["status"] == "ok"), "{name}");
    }
}

#[test]
fn i17_11_records_and_events_never_share_standard_output() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), ENGLISH).unwrap();
    let run = run(&["extract", "a.txt", "--jsonl", "-", "--events", "-"], dir.path(), None);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --jsonl - and --events - would mix records and events on standard output: \
         write one of them to a file\n"
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn i17_16_a_missing_password_says_where_one_can_come_from() {
    // A server that asks for a password in clear text, and nothing else.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut len = [0u8; 4];
        conn.read_exact(&mut len).unwrap();
        let mut startup = vec![0u8; u32::from_be_bytes(len) as usize - 4];
        conn.read_exact(&mut startup).unwrap();
        conn.write_all(b"R\0\0\0\x08\0\0\0\x03").unwrap();
    });
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), ENGLISH).unwrap();
    let url = format!("postgres://etl@127.0.0.1:{port}/news");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sanctions-extract"))
        .args(["extract", "a.txt", "--postgres", &url])
        .current_dir(dir.path())
        .env_remove("PGPASSWORD")
        .env("PGPASSFILE", dir.path().join("no-such-pgpass"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(2));
    server.join().unwrap();
    assert_eq!(
        stderr,
        format!(
            "error: opening the PostgreSQL database: PostgreSQL database {url}: the server asks for a \
             password and none was given: set PGPASSWORD, add a line host:port:database:user:password \
             to {}, or put it in the URL\n",
            dir.path().join("no-such-pgpass").display()
        )
    );
}

#[test]
fn i17_17_the_summary_counts_in_plain_english() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), ENGLISH).unwrap();
    let first = ok(&["extract", "a.txt", "--db", "x.sqlite"], dir.path());
    assert!(
        first.stderr.contains("1 article read: 1 ok, 0 skipped, 0 errors\n"),
        "{}",
        first.stderr
    );
    assert!(
        first.stderr.contains("1 record written to x.sqlite; 1 event found\n"),
        "{}",
        first.stderr
    );
    let again = ok(&["extract", "a.txt", "--db", "x.sqlite"], dir.path());
    assert!(
        again.stderr.starts_with(
            "1 article read: 0 ok, 0 skipped, 0 errors, 1 already stored\n\
             warning: 1 article not processed again because the database already holds it; \
             --replace processes it again\n\
             0 records written to x.sqlite; 0 events found\n"
        ),
        "{}",
        again.stderr
    );
}

#[test]
fn i17_20_standard_input_has_one_name() {
    let dir = TempDir::new().unwrap();
    let run = run(
        &["extract", "-", "--jsonl", "-", "--quiet"],
        dir.path(),
        Some(b"{oops\n"),
    );
    assert_eq!(run.code, 1);
    let records = parse_records(&run.stdout);
    assert_eq!(records[0]["doc_id"], "stdin:1");
    assert_eq!(records[0]["source"]["path"], "-");
    let detail = records[0]["status_detail"].as_str().unwrap();
    assert!(detail.starts_with("stdin:1: invalid JSON"), "{detail}");
}

#[test]
fn i17_21_short_flags_for_threads_and_output() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), ENGLISH).unwrap();
    ok(&["extract", "a.txt", "-j", "1", "-o", "out.jsonl", "-q"], dir.path());
    let records = parse_records(&fs::read_to_string(dir.path().join("out.jsonl")).unwrap());
    assert_eq!(records[0]["doc_id"], "a.txt");
}

#[test]
fn i17_22_a_closed_pipe_stops_the_run_quietly() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("dump.jsonl"), big_dump(400)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sanctions-extract"))
        .args(["extract", "dump.jsonl", "--jsonl", "-", "--emit-text", "--threads", "1"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 100];
    child.stdout.as_mut().unwrap().read_exact(&mut head).unwrap();
    drop(child.stdout.take()); // as `| head -c 100` does
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "nothing claimed, nothing complained of");
}
