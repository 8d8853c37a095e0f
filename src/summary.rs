//! The counts of a finished batch: what [`crate::Pipeline::run`] returns and
//! what a sink is told when the batch ends ([`crate::sinks::Run`]). Below
//! both, so that neither imports the other for it.

use crate::record::{Record, Status};
use std::time::Duration;

/// Counts of a finished batch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Articles read; always `ok + skipped + errors`.
    pub read: u64,
    /// Records of status `ok`.
    pub ok: u64,
    /// Records of status `skipped`.
    pub skipped: u64,
    /// Records of status `error`.
    pub errors: u64,
    /// Events found over all records.
    pub events: u64,
    /// Input bytes of all articles.
    pub bytes: u64,
    /// Wall-clock time of the batch.
    pub elapsed: Duration,
    /// The batch stopped taking articles before the end of its input, as
    /// [`crate::stop::request`] asked: the counts are of what it finished.
    pub stopped: bool,
}

impl Summary {
    /// Counts one record of `bytes` input bytes.
    pub(crate) fn add(&mut self, record: &Record, bytes: u64) {
        self.read += 1;
        match record.status {
            Status::Ok => self.ok += 1,
            Status::Skipped => self.skipped += 1,
            Status::Error => self.errors += 1,
        }
        self.events += record.events.len() as u64;
        self.bytes += bytes;
    }

    /// Input throughput in megabytes (10^6 bytes) per second.
    pub fn mb_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.bytes as f64 / 1e6 / seconds
        } else {
            0.0
        }
    }
}
