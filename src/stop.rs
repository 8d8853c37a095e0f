//! Stopping a batch early, cleanly: a process-wide request that
//! [`Pipeline::run`](crate::Pipeline::run) reads between articles.
//!
//! Signals are process-wide, so the request is too. The binary turns the first
//! SIGINT or SIGTERM into [`request`]; a run then takes no new article, finishes
//! those it has started, writes and commits their records, and returns its
//! summary with [`Summary::stopped`](crate::Summary::stopped) set. A request
//! is never withdrawn: a process that stops once stops for good.
//!
//! A run reading standard input may be waiting for more of it when the stop
//! comes: [`Stdin`] reads it so that the wait ends then, as at the end of the
//! input, instead of keeping the process alive until more input comes.
//!
//! The test hook of issue #24 lives here too: with
//! `SANCTIONS_TEST_PAUSE_AFTER_COMMIT` set, the first commit of a database
//! sink says so on standard error and waits for a line (or the end) of
//! standard input, or, when the variable names a FIFO, for the FIFO to be
//! opened and closed (for a run whose standard input is its input), so that
//! a test can interrupt, kill or cut off a run at a known point instead of
//! racing it.

use std::io::{BufRead, Read, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Asks every running batch of this process to stop taking articles. Safe to
/// call from any thread (not from a signal handler: the binary waits for
/// signals on a thread of its own).
pub fn request() {
    REQUESTED.store(true, Ordering::SeqCst);
    #[cfg(unix)]
    if let Some([_, write]) = wake_pipe() {
        // One byte, never read: the read end stays readable for good, as the
        // request stays made. The pipe does not block (O_NONBLOCK).
        // SAFETY: writes one byte from a valid buffer to a descriptor of ours.
        unsafe { libc::write(write, b"!".as_ptr().cast(), 1) };
    }
}

/// A pipe whose read end becomes readable when a stop is requested, for
/// readers that wait on their input and on it at once (`poll`); `None` if it
/// could not be made (then a stop is seen between reads only).
#[cfg(unix)]
fn wake_pipe() -> Option<[libc::c_int; 2]> {
    static PIPE: std::sync::OnceLock<Option<[libc::c_int; 2]>> = std::sync::OnceLock::new();
    *PIPE.get_or_init(|| {
        let mut fds = [0; 2];
        // SAFETY: pipe2 fills the two descriptors of a valid array.
        let made = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) } == 0;
        made.then_some(fds)
    })
}

/// Standard input that ends when a stop is requested, even while it waits
/// for more input: a run reading a pipe that stays open (a producer that has
/// paused, a terminal) stops as it would at the end of its input. Reads file
/// descriptor 0 itself, bypassing the standard library's buffer, so that no
/// input is held where the wait cannot see it.
#[derive(Debug, Default)]
pub struct Stdin;

impl Read for Stdin {
    #[cfg(unix)]
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            if requested() {
                return Ok(0);
            }
            if let Some([wake, _]) = wake_pipe() {
                let mut fds = [
                    libc::pollfd {
                        fd: 0,
                        events: libc::POLLIN,
                        revents: 0,
                    },
                    libc::pollfd {
                        fd: wake,
                        events: libc::POLLIN,
                        revents: 0,
                    },
                ];
                // SAFETY: poll(2) on an array of two initialised pollfds.
                if unsafe { libc::poll(fds.as_mut_ptr(), 2, -1) } < 0 {
                    let err = std::io::Error::last_os_error();
                    if err.kind() == std::io::ErrorKind::Interrupted {
                        continue;
                    }
                    return Err(err);
                }
                if fds[1].revents != 0 {
                    continue;
                }
            }
            // SAFETY: read(2) into a valid buffer of `buf.len()` bytes.
            let n = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
            if n >= 0 {
                return Ok(n as usize);
            }
            let err = std::io::Error::last_os_error();
            if err.kind() != std::io::ErrorKind::Interrupted {
                return Err(err);
            }
        }
    }

    #[cfg(not(unix))]
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if requested() {
            return Ok(0);
        }
        std::io::stdin().read(buf)
    }
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
        if let Some(value) = std::env::var_os(PAUSE_AFTER_COMMIT).filter(|v| !v.is_empty()) {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{PAUSED}");
            let _ = err.flush();
            drop(err);
            #[cfg(unix)]
            {
                use std::os::unix::fs::FileTypeExt;
                let fifo = std::path::Path::new(&value);
                if fifo.metadata().is_ok_and(|m| m.file_type().is_fifo()) {
                    // Opening waits for the test to open it; reading, for it to close it.
                    let _ = std::fs::read(fifo);
                    return;
                }
            }
            let _ = std::io::stdin().lock().read_line(&mut String::new());
        }
    });
}
