//! Timing shared by the example benchmarks (`#[path]`-included by each).

use std::time::Instant;

/// The best (least) wall-clock and thread CPU times of `rounds` runs, in seconds.
pub struct Timing {
    pub wall: f64,
    pub cpu: Option<f64>,
}

pub fn best_of(rounds: usize, mut run: impl FnMut()) -> Timing {
    let mut best = Timing {
        wall: f64::INFINITY,
        cpu: None,
    };
    for _ in 0..rounds.max(1) {
        let cpu_start = thread_cpu_seconds();
        let started = Instant::now();
        run();
        best.wall = best.wall.min(started.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu_seconds()) {
            best.cpu = Some(best.cpu.map_or(b - a, |c: f64| c.min(b - a)));
        }
    }
    best
}

/// CPU time this thread has run, from Linux's `/proc/thread-self/schedstat`
/// (nanoseconds on the CPU); `None` elsewhere.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}
