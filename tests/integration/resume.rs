//! Resuming: a run killed (SIGKILL) half-way and started again with the same
//! arguments skips what was stored and ends with one record per article, the
//! same rows as a run that was never interrupted; for SQLite and PostgreSQL.

use crate::common::*;
use crate::sqlite::dump;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// Enough articles for several committed batches (512 records each) before
/// the run ends.
const ARTICLES: i64 = 2500;

/// Starts `sanctions-extract ARGS`, waits until `stored` says some rows were
/// committed, kills it with SIGKILL while it still runs, and returns how many
/// articles it left behind.
fn kill_mid_run(args: &[&str], cwd: &Path, stored: impl Fn() -> i64) -> i64 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sanctions-extract"))
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(600);
    while stored() == 0 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it could be killed: make the input bigger"
        );
        assert!(Instant::now() < deadline, "no batch committed in ten minutes");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the run ended before it could be killed: make the input bigger"
    );
    child.kill().unwrap(); // SIGKILL: no clean-up runs
    child.wait().unwrap();
    let left = stored();
    assert!(
        0 < left && left < ARTICLES,
        "killed half-way: {left} of {ARTICLES} stored"
    );
    left
}

/// The summary of the run started again says how many it skipped.
fn resume(args: &[&str], cwd: &Path, left: i64) {
    let again = run(args, cwd, None);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains(&format!("{ARTICLES} articles read: {} ok", ARTICLES - left))
            && again.stderr.contains(&format!(", {left} already stored\n")),
        "{}",
        again.stderr
    );
}

#[test]
fn sqlite_resumes_after_kill_9() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("dump.jsonl"), big_dump(ARTICLES as usize)).unwrap();
    let db = dir.path().join("resumed.sqlite");
    let count = || {
        rusqlite::Connection::open(&db)
            .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
            .unwrap_or(0)
    };
    let args = ["extract", "dump.jsonl", "--db", "resumed.sqlite", "--threads", "2"];
    let left = kill_mid_run(&args, dir.path(), count);
    resume(&args, dir.path(), left);
    assert_eq!(count(), ARTICLES);

    let whole = run(
        &["extract", "dump.jsonl", "--db", "whole.sqlite", "--quiet"],
        dir.path(),
        None,
    );
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    assert!(
        dump(&db) == dump(&dir.path().join("whole.sqlite")),
        "the resumed database differs"
    );
}

#[test]
fn postgres_resumes_after_kill_9() {
    let Some(server) = postgres_url() else { return };
    let resumed = fresh_database(&server, "sanctions_test_resumed");
    let whole = fresh_database(&server, "sanctions_test_resumed_whole");
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("dump.jsonl"), big_dump(ARTICLES as usize)).unwrap();
    let count = || {
        postgres::Client::connect(&resumed, postgres::NoTls)
            .and_then(|mut c| c.query_one("SELECT count(*) FROM articles", &[]))
            .map_or(0, |row| row.get(0))
    };
    let args = ["extract", "dump.jsonl", "--postgres", &resumed, "--threads", "2"];
    let left = kill_mid_run(&args, dir.path(), count);
    resume(&args, dir.path(), left);
    assert_eq!(count(), ARTICLES);

    let one = run(
        &["extract", "dump.jsonl", "--postgres", &whole, "--quiet"],
        dir.path(),
        None,
    );
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert!(
        postgres_dump(&resumed) == postgres_dump(&whole),
        "the resumed database differs"
    );
}
