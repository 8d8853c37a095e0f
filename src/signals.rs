//! SIGINT and SIGTERM during `extract`: the first asks the run to stop
//! (`sanctions_extract::stop`), which then takes no new article, commits what
//! it finished, prints its summary and exits with 128 + the signal (130, 143);
//! a second ends the process at once with the same status. Killing at once is
//! safe for the databases: SQLite rolls back the open transaction from its
//! journal and PostgreSQL drops an uncommitted one, so only whole batches stay.
//!
//! The signals are blocked in every thread and taken by one thread of their
//! own with `sigwait`, so nothing runs inside a signal handler.

use std::sync::atomic::{AtomicI32, Ordering};

/// The first signal received, 0 before one.
static RECEIVED: AtomicI32 = AtomicI32::new(0);

/// Starts watching for SIGINT and SIGTERM. Call before any other thread
/// starts: threads inherit the blocked set from their parent.
pub fn watch() {
    // SAFETY: sigset_t is plain data that sigemptyset initialises; the calls
    // only read and write the set and this thread's signal mask.
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::sigaddset(&mut set, libc::SIGTERM);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
        set
    };
    std::thread::spawn(move || {
        loop {
            let mut signal = 0;
            // SAFETY: `set` is initialised and both pointers are valid.
            if unsafe { libc::sigwait(&set, &mut signal) } != 0 {
                continue;
            }
            let name = name(signal);
            if RECEIVED
                .compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                sanctions_extract::stop::request();
                eprintln!(
                    "\n{name}: stopping: no new articles; those in progress are finished and \
                     committed ({name} again stops at once)"
                );
            } else {
                eprintln!("{name}: stopped at once; what was committed stays, and the same command goes on from there");
                // SAFETY: ends the process without running anything more; the
                // databases' own journals keep them whole.
                unsafe { libc::_exit(128 + signal) };
            }
        }
    });
}

/// The signal that stopped the run, if one did: its name and exit status.
pub fn received() -> Option<(&'static str, u8)> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        signal => Some((name(signal), (128 + signal) as u8)),
    }
}

fn name(signal: i32) -> &'static str {
    match signal {
        libc::SIGINT => "SIGINT",
        libc::SIGTERM => "SIGTERM",
        _ => "signal",
    }
}
