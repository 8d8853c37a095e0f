//! Resuming: a run killed (SIGKILL) half-way and started again with the same
//! arguments skips what was stored and ends with one record per article, the
//! same rows as a run that was never interrupted. (PostgreSQL's is in the
//! `postgres` test target.)

use crate::common::*;
use crate::sqlite::dump;
use tempfile::TempDir;

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
