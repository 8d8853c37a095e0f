//! Stopping a batch early, cleanly: a process-wide request that
//! [`Pipeline::run`](crate::Pipeline::run) reads between articles.
//!
//! Signals are process-wide, so the request is too. The binary turns the first
//! SIGINT or SIGTERM into [`request`]; a run then takes no new article, finishes
//! those it has started, writes and commits their records, and returns its
//! summary with [`Summary::stopped`](crate::Summary::stopped) set. A request
//! is never withdrawn: a process that stops once stops for good.
//!
//! The test hook of issue #24 lives here too: with
//! `SANCTIONS_TEST_PAUSE_AFTER_COMMIT` set, the first commit of a database
//! sink says so on standard error and waits for a line (or the end) of
//! standard input, so that a test can interrupt, kill or cut off a run at a
//! known point instead of racing it.

use std::io::{BufRead, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Asks every running batch of this process to stop taking articles. Safe to
/// call from any thread (not from a signal handler: the binary waits for
/// signals on a thread of its own).
pub fn request() {
    REQUESTED.store(true, Ordering::SeqCst);
}

/// Whether a stop was requested.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The environment variable that turns the test hook on.
pub const PAUSE_AFTER_COMMIT: &str = "SANCTIONS_TEST_PAUSE_AFTER_COMMIT";

/// What the hook prints, alone on a line of standard error, when it pauses.
pub const PAUSED: &str = "test hook: paused after the first commit";

/// Called by the database sinks after each commit: the test hook. Costs one
/// `Once` check per commit when the hook is off.
pub(crate) fn committed() {
    static FIRST: Once = Once::new();
    FIRST.call_once(|| {
        if std::env::var_os(PAUSE_AFTER_COMMIT).is_some_and(|v| !v.is_empty()) {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{PAUSED}");
            let _ = err.flush();
            drop(err);
            let _ = std::io::stdin().lock().read_line(&mut String::new());
        }
    });
}
