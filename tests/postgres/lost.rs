//! PostgreSQL lost mid-run (issue #24): the test starts a throwaway cluster of
//! its own from the PostgreSQL binaries, pauses a run after its first commit
//! (the test hook), stops the server, lets the run go on, then starts the
//! server again and resumes.
//!
//! The binaries come from `SANCTIONS_TEST_PG_BIN` (which `.ci/run` sets) or
//! `/usr/lib/postgresql/*/bin`. Without them the test is reported ignored,
//! saying why; under CI (`CI` set) it fails instead.

use crate::common::*;
use crate::server::{postgres_count, postgres_dump};
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

/// Where to find `initdb` and `pg_ctl`: `Ok(None)` when they are absent
/// outside CI (the test is then ignored), an error when absent under CI.
pub fn binaries() -> Result<Option<PathBuf>, String> {
    let mut candidates: Vec<PathBuf> = std::env::var_os("SANCTIONS_TEST_PG_BIN")
        .map(PathBuf::from)
        .into_iter()
        .collect();
    let mut installed: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path().join("bin")).collect())
        .unwrap_or_default();
    installed.sort();
    candidates.extend(installed.into_iter().rev());
    match candidates
        .into_iter()
        .find(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
    {
        Some(bin) => Ok(Some(bin)),
        None if std::env::var_os("CI").is_some() => {
            Err("CI must have the PostgreSQL binaries (SANCTIONS_TEST_PG_BIN or /usr/lib/postgresql/*/bin)".into())
        }
        None => Ok(None),
    }
}

/// A throwaway cluster on a free loopback port, run as `postgres` when the
/// test runs as root (the server refuses root); stopped when dropped.
struct Cluster {
    bin: PathBuf,
    dir: TempDir,
    port: u16,
}

impl Cluster {
    fn start(bin: &Path) -> Cluster {
        let dir = TempDir::new().unwrap();
        if is_root() {
            Command::new("chown").arg("postgres:").arg(dir.path()).status().unwrap();
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let cluster = Cluster {
            bin: bin.to_path_buf(),
            dir,
            port,
        };
        cluster.run(
            "initdb",
            &[
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
                "-D",
            ],
            &[cluster.data()],
        );
        cluster.up();
        cluster
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn up(&self) {
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {} -k {} -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("server.log");
        self.run(
            "pg_ctl",
            &["-w", "-o", &options, "-l"],
            &[log, "-D".into(), self.data(), "start".into()],
        );
    }

    /// Stops the server as an administrator would (`pg_ctl stop -m fast`:
    /// clients are disconnected, their open transactions rolled back).
    fn down(&self) {
        self.run("pg_ctl", &["-w", "-m", "fast", "-D"], &[self.data(), "stop".into()]);
    }

    fn run(&self, tool: &str, args: &[&str], paths: &[PathBuf]) {
        let mut command = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(self.bin.join(tool));
            c
        } else {
            Command::new(self.bin.join(tool))
        };
        let out = command.args(args).args(paths).output().unwrap();
        assert!(
            out.status.success(),
            "{tool} {args:?} {paths:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new(if is_root() { "runuser" } else { "true" })
            .args(if is_root() {
                vec!["-u", "postgres", "--"]
            } else {
                vec![]
            })
            .arg(self.bin.join("pg_ctl"))
            .args(["-m", "immediate", "-D"])
            .arg(self.data())
            .arg("stop")
            .output();
        if !is_root() {
            let _ = Command::new(self.bin.join("pg_ctl"))
                .args(["-m", "immediate", "-D"])
                .arg(self.data())
                .arg("stop")
                .output();
        }
    }
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn create_database(server: &str, name: &str) -> String {
    let mut admin = postgres::Client::connect(server, postgres::NoTls).unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let base = server
        .strip_suffix("/postgres")
        .expect("the cluster's URL ends in /postgres");
    format!("{base}/{name}")
}

pub fn a_lost_postgres_server_stops_the_run_and_a_rerun_completes(bin: &Path) {
    let cluster = Cluster::start(bin);
    let url = create_database(&cluster.url(), "lost");
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("dump.jsonl"), big_dump(ARTICLES as usize)).unwrap();
    let args = ["extract", "dump.jsonl", "--postgres", &url, "--threads", "2"];

    let paused = Paused::start(&args, dir.path());
    cluster.down();
    let lost = paused.finish();
    assert_eq!(lost.code, 2, "{}", lost.stderr);
    assert!(
        lost.stderr
            .contains(&format!("error: the run stopped: PostgreSQL database {url}: ")),
        "{}",
        lost.stderr
    );
    assert!(
        lost.stderr.contains("lost the connection to the server"),
        "{}",
        lost.stderr
    );

    cluster.up();
    // Whole batches only: the one committed before the server went.
    assert_eq!(postgres_count(&url, "SELECT count(*) FROM articles"), 512);
    resume(&args, dir.path(), 512);
    assert_eq!(postgres_count(&url, "SELECT count(*) FROM articles"), ARTICLES);

    let whole = create_database(&cluster.url(), "whole");
    let one = run(
        &["extract", "dump.jsonl", "--postgres", &whole, "--quiet"],
        dir.path(),
        None,
    );
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert!(
        postgres_dump(&url) == postgres_dump(&whole),
        "the resumed database differs"
    );
}
