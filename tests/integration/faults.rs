//! Faults of a long run (issue #24): signals, a full disk, two runs on one
//! SQLite database. Each run is stopped at a known point by the test hook that
//! pauses it after its first commit (`common::Paused`), never by timing.
//! PostgreSQL lost mid-run is in the `postgres` test target (`lost.rs`).

use crate::common::*;
use crate::sqlite::dump;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

/// The records of one batch, as the sinks commit them.
const BATCH: i64 = 512;

fn count(db: &Path) -> i64 {
    Connection::open(db)
        .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
        .unwrap_or(0)
}

fn integrity(db: &Path) -> String {
    Connection::open(db)
        .and_then(|c| c.query_row("PRAGMA integrity_check", [], |r| r.get(0)))
        .unwrap()
}

/// A folder with the resume dump (`ARTICLES` articles) and the database of
/// one uninterrupted run over it, `whole.sqlite`, to compare with.
fn dump_and_whole_run() -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("dump.jsonl"), big_dump(ARTICLES as usize)).unwrap();
    let whole = run(
        &["extract", "dump.jsonl", "--db", "whole.sqlite", "--quiet"],
        dir.path(),
        None,
    );
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    dir
}

/// A signal while the run is paused after its first commit: the run finishes
/// the articles it took, commits them, prints its summary and exits with
/// `status`; started again it stores the rest, and the database ends as an
/// uninterrupted run's.
fn a_signal_stops_the_run_cleanly(signal: i32, name: &str, status: i32) {
    let dir = dump_and_whole_run();
    let db = dir.path().join("stopped.sqlite");
    let args = ["extract", "dump.jsonl", "--db", "stopped.sqlite", "--threads", "2"];
    let mut paused = Paused::start(&args, dir.path());
    paused.signal(signal);
    paused.wait_for(&format!("{name}: stopping"));
    let stopped = paused.finish();
    assert_eq!(stopped.code, status, "{}", stopped.stderr);
    // The articles taken before the signal: the committed batch and those the
    // bounded queues held, never the whole input.
    let left = count(&db);
    assert!((BATCH..ARTICLES).contains(&left), "{left} of {ARTICLES} stored");
    assert!(
        stopped
            .stderr
            .contains(&format!("{left} records written to stopped.sqlite"))
            && stopped
                .stderr
                .contains(&format!("stopped by {name} before the end of the input")),
        "{}",
        stopped.stderr
    );
    assert_eq!(integrity(&db), "ok");
    resume(&args, dir.path(), left);
    assert!(
        dump(&db) == dump(&dir.path().join("whole.sqlite")),
        "the resumed database differs"
    );
}

#[test]
fn sigint_commits_what_is_done_and_exits_130() {
    a_signal_stops_the_run_cleanly(libc::SIGINT, "SIGINT", 130);
}

#[test]
fn sigterm_commits_what_is_done_and_exits_143() {
    a_signal_stops_the_run_cleanly(libc::SIGTERM, "SIGTERM", 143);
}

/// SIGINT while the run waits for more of its standard input, which stays
/// open: the reader must notice the stop, or the run waits for ever (the
/// helper's watchdog then fails the test). The input is exactly one batch,
/// eight whole chunks: when the hook says that batch is committed, the
/// reader has read every line and sent every chunk, and what it does next
/// is wait for a line that never comes; so the signal always finds it
/// blocked there, never between two lines.
#[test]
fn sigint_stops_a_run_blocked_reading_stdin() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("stdin.sqlite");
    let args = ["extract", "-", "--db", "stdin.sqlite", "--threads", "2"];
    let mut paused = Paused::start_reading(&args, dir.path(), big_dump(BATCH as usize).into_bytes());
    paused.signal(libc::SIGINT);
    paused.wait_for("SIGINT: stopping");
    let stopped = paused.finish();
    assert_eq!(stopped.code, 130, "{}", stopped.stderr);
    assert!(
        stopped
            .stderr
            .contains(&format!("{BATCH} records written to stdin.sqlite"))
            && stopped.stderr.contains("stopped by SIGINT before the end of the input"),
        "{}",
        stopped.stderr
    );
    assert_eq!(integrity(&db), "ok");
    assert_eq!(count(&db), BATCH);
    let ids = doc_ids(&db);
    assert!(
        ids[0].starts_with("copy-00000-") && ids[511].starts_with("copy-00511-"),
        "{ids:?}"
    );
}

#[test]
fn a_second_signal_stops_at_once_and_the_database_stays_whole() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("dump.jsonl"), big_dump(ARTICLES as usize)).unwrap();
    let db = dir.path().join("stopped.sqlite");
    let args = ["extract", "dump.jsonl", "--db", "stopped.sqlite", "--threads", "2"];
    let mut paused = Paused::start(&args, dir.path());
    paused.signal(libc::SIGINT);
    paused.wait_for("SIGINT: stopping");
    // Still paused: the second signal must end the run without the hook's leave.
    paused.signal(libc::SIGINT);
    paused.wait_for("SIGINT: stopped at once");
    let stopped = paused.finish();
    assert_eq!(stopped.code, 130, "{}", stopped.stderr);
    assert_eq!(integrity(&db), "ok");
    assert_eq!(count(&db), BATCH, "only the committed batch stays");
    resume(&args, dir.path(), BATCH);
    assert_eq!(count(&db), ARTICLES);
}

#[test]
fn two_runs_writing_one_sqlite_database_store_every_article_once() {
    let dir = dump_and_whole_run();
    let db = dir.path().join("shared.sqlite");
    let args = [
        "extract",
        "dump.jsonl",
        "--db",
        "shared.sqlite",
        "--threads",
        "1",
        "--quiet",
    ];
    // One run paused after its first batch; a second runs from start to end
    // meanwhile, then the first goes on over the articles the second wrote.
    let first = Paused::start(&args, dir.path());
    let second = run(&args, dir.path(), None);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let first = first.finish();
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(integrity(&db), "ok");
    assert!(
        dump(&db) == dump(&dir.path().join("whole.sqlite")),
        "two runs differ from one"
    );

    // Two started at once, each waiting for the other's lock as it comes.
    let db = dir.path().join("racing.sqlite");
    let args = [
        "extract",
        "dump.jsonl",
        "--db",
        "racing.sqlite",
        "--threads",
        "1",
        "--quiet",
    ];
    let runs: Vec<_> = (0..2)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_sanctions-extract"))
                .args(args)
                .current_dir(dir.path())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in runs {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(integrity(&db), "ok");
    assert!(
        dump(&db) == dump(&dir.path().join("whole.sqlite")),
        "two racing runs differ from one"
    );
}

/// A tmpfs of `size` mounted for the test and unmounted when dropped: a file
/// system that really fills (ENOSPC), as a full output disk does. Needs root
/// (mount(2)); without it the test says it is skipped, and under CI fails.
struct Tmpfs {
    dir: TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = TempDir::new().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output();
        match mounted {
            Ok(out) if out.status.success() => Some(Tmpfs { dir }),
            other => {
                let why = format!("cannot mount a tmpfs (needs root): {other:?}");
                assert!(std::env::var_os("CI").is_none(), "{why}; CI runs as root");
                let test = std::thread::current().name().unwrap_or("a test").to_string();
                let _ = writeln_stderr(&format!("SKIPPED {test}: {why}"));
                None
            }
        }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    /// Fills the file system with `filler` until `left` bytes are free.
    fn fill_leaving(&self, left: u64) -> PathBuf {
        let free = fs_free(self.dir.path());
        assert!(free > left, "the tmpfs has {free} bytes free, less than {left}");
        let filler = self.dir.path().join("filler");
        std::fs::write(&filler, vec![0u8; (free - left) as usize]).unwrap();
        filler
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

fn writeln_stderr(line: &str) -> std::io::Result<()> {
    use std::io::Write;
    writeln!(std::io::stderr(), "{line}")
}

/// Bytes free on the file system holding `path`.
fn fs_free(path: &Path) -> u64 {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: statvfs writes into a zeroed struct of its own type.
    let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::statvfs(c.as_ptr(), &mut stat) }, 0);
    stat.f_bavail as u64 * stat.f_frsize as u64
}

#[test]
fn a_full_disk_stops_the_sqlite_run_and_a_rerun_after_freeing_space_completes() {
    let Some(disk) = Tmpfs::mount("64m") else { return };
    let dir = dump_and_whole_run();
    let needed = std::fs::metadata(dir.path().join("whole.sqlite")).unwrap().len();
    let db = disk.path().join("full.sqlite");
    let args = ["extract", "dump.jsonl", "--db", db.to_str().unwrap(), "--threads", "2"];
    // Room for half the database: the run fills the disk part-way.
    let filler = disk.fill_leaving(needed / 2);
    let full = run(&args, dir.path(), None);
    assert_eq!(full.code, 2, "{}", full.stderr);
    assert!(
        full.stderr
            .contains(&format!("database {}: database or disk is full", db.display())),
        "{}",
        full.stderr
    );
    assert_eq!(integrity(&db), "ok");
    let left = count(&db);
    assert!(left < ARTICLES && left % BATCH == 0, "{left}: whole batches only");

    std::fs::remove_file(filler).unwrap();
    let again = run(&args, dir.path(), None);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stderr.contains(&format!(", {left} already stored")) || left == 0,
        "{}",
        again.stderr
    );
    assert_eq!(integrity(&db), "ok");
    assert!(
        dump(&db) == dump(&dir.path().join("whole.sqlite")),
        "the completed database differs"
    );
}

#[test]
fn a_full_disk_stops_the_jsonl_run_naming_the_file_and_the_cause() {
    let Some(disk) = Tmpfs::mount("256k") else { return };
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("dump.jsonl"), big_dump(300)).unwrap();
    let out = disk.path().join("records.jsonl");
    let full = run(
        &["extract", "dump.jsonl", "--jsonl", out.to_str().unwrap()],
        dir.path(),
        None,
    );
    assert_eq!(full.code, 2, "{}", full.stderr);
    assert!(
        full.stderr
            .contains(&format!("cannot write {}: No space left on device", out.display())),
        "{}",
        full.stderr
    );
}
