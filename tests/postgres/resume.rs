//! Resuming into PostgreSQL: a run killed (SIGKILL) half-way and started again
//! ends with the same rows as a run that was never interrupted (SQLite's twin
//! is in the integration suite's `resume.rs`).

use crate::common::*;
use crate::server::*;
use tempfile::TempDir;

pub fn postgres_resumes_after_kill_9(server: &str) {
    let resumed = fresh_database(server, "sanctions_test_resumed");
    let whole = fresh_database(server, "sanctions_test_resumed_whole");
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
