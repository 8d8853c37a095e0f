//! Compiled regexes with a copy per worker thread.
//!
//! A `regex::Regex` keeps its search caches in a pool: the first thread that
//! searches with it owns a cache and takes it without synchronisation, every
//! other thread goes through a mutex for each search. With one regex shared by
//! two workers, a search cost the second worker 25 to 40 ns more (76 to 93 ns
//! where a copy of its own took 51 ns, on short sentences), and an article runs
//! about a hundred searches. A clone of a regex shares its compiled program but
//! has a pool of its own, so [`PerThread`] keeps one clone per worker of the
//! current rayon pool, chosen by the worker's index: each worker owns the
//! caches of its copy.

use std::ops::Deref;
use std::sync::OnceLock;

/// A value built once and cloned for each worker thread; dereferences to the
/// current worker's copy (threads outside a rayon pool share the first copy,
/// and pools with more threads than copies share them round the ring, which is
/// correct, only slower).
pub(crate) struct PerThread<T> {
    make: fn() -> T,
    copies: OnceLock<Box<[T]>>,
}

impl<T: Clone> PerThread<T> {
    /// `make` builds the value the first time one is asked for.
    pub(crate) const fn new(make: fn() -> T) -> Self {
        PerThread {
            make,
            copies: OnceLock::new(),
        }
    }

    fn copies(&self) -> &[T] {
        self.copies.get_or_init(|| {
            // As many copies as cores: the default thread count.
            let n = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 64);
            vec![(self.make)(); n].into_boxed_slice()
        })
    }
}

impl<T: Clone> Deref for PerThread<T> {
    type Target = T;

    fn deref(&self) -> &T {
        let copies = self.copies();
        &copies[rayon::current_thread_index().unwrap_or(0) % copies.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::PerThread;
    use regex::Regex;

    static WORD: PerThread<Regex> = PerThread::new(|| Regex::new(r"\bsanctions?\b").expect("compiles"));

    #[test]
    fn each_worker_searches_with_a_copy_of_its_own() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("pool");
        let copies: Vec<usize> = pool.broadcast(|_| std::ptr::from_ref::<Regex>(&WORD) as usize);
        let outside = std::ptr::from_ref::<Regex>(&WORD) as usize;
        if WORD.copies().len() >= 2 {
            assert_ne!(copies[0], copies[1], "two workers, two copies");
        }
        assert_eq!(copies[0], outside, "outside a pool: the first copy");
        // Every copy is the same regex.
        for copy in WORD.copies() {
            assert!(copy.is_match("new sanctions on") && !copy.is_match("sanctioned"));
        }
    }
}
