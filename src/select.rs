//! Which input articles a run processes: its shard of the input (`--shard
//! I/N`), less the articles its databases already hold (a run started again
//! after an interruption).
//!
//! The shard of an article is a hash of its doc_id that never changes between
//! versions, machines or runs (64-bit FNV-1a, then MurmurHash3's final mix so
//! every bit counts), so N machines given the same inputs split them without
//! talking to each other. doc_ids are deterministic (the input's id, or the
//! relative path and line), so a run started again sees the same ones.

use crate::sinks::Held;
use crate::sources::Document;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Shard `index` of `count` (numbered from 1, as `split -n l/K/N` does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// Shard `index` (1 to `count`) of `count`.
    pub fn new(index: u64, count: u64) -> Result<Self, String> {
        if count == 0 {
            return Err(format!("shard {index}/0: there must be at least one shard"));
        }
        if index == 0 {
            return Err(format!(
                "shard 0/{count}: shards are numbered from 1, so 1/{count} to {count}/{count}"
            ));
        }
        if index > count {
            return Err(format!(
                "shard {index}/{count}: there are only {count} shards, 1/{count} to {count}/{count}"
            ));
        }
        Ok(Shard { index, count })
    }

    /// Which shard this is, from 1.
    pub fn index(&self) -> u64 {
        self.index
    }

    /// How many shards the input is split into.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Whether the article with this doc_id falls in this shard.
    pub fn contains(&self, doc_id: &str) -> bool {
        shard_of(doc_id, self.count) == self.index
    }
}

/// The shard (1 to `count`) of a doc_id.
pub fn shard_of(doc_id: &str, count: u64) -> u64 {
    stable_hash(doc_id.as_bytes()) % count.max(1) + 1
}

/// FNV-1a 64 of `bytes`, finished with MurmurHash3's `fmix64`. Fixed forever:
/// machines running different versions must agree on every shard.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

impl FromStr for Shard {
    type Err = String;

    /// `I/N`: `2/4` is the second of four shards.
    fn from_str(s: &str) -> Result<Self, String> {
        let malformed = || format!("expected I/N, shard I of N counted from 1 (such as 2/4), not {s:?}");
        let (index, count) = s.split_once('/').ok_or_else(malformed)?;
        let number = |n: &str| n.trim().parse::<u64>().map_err(|_| malformed());
        Shard::new(number(index)?, number(count)?)
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The articles a run leaves out.
#[derive(Debug, Default)]
pub struct LeftOut {
    other_shards: AtomicU64,
    already_stored: AtomicU64,
}

impl LeftOut {
    /// Articles of the input that belong to other shards.
    pub fn other_shards(&self) -> u64 {
        self.other_shards.load(Ordering::Relaxed)
    }

    /// Articles of this shard that the outputs already held.
    pub fn already_stored(&self) -> u64 {
        self.already_stored.load(Ordering::Relaxed)
    }
}

/// What a run processes of its input.
#[derive(Default)]
pub struct Selection {
    /// Only this shard; `None` for all articles.
    pub shard: Option<Shard>,
    /// What the outputs already hold (skipped), asked article by article;
    /// `None` for nothing.
    pub stored: Option<Box<dyn Held>>,
}

impl Selection {
    /// Whether the article with this doc_id is the run's to process.
    pub fn keeps(&mut self, doc_id: &str) -> bool {
        self.shard.is_none_or(|s| s.contains(doc_id)) && !self.stored.as_mut().is_some_and(|s| s.holds(doc_id))
    }

    /// The documents of the run; the count of those left out grows as they
    /// are read.
    pub fn apply<I>(self, documents: I) -> (impl Iterator<Item = Document> + Send, Arc<LeftOut>)
    where
        I: Iterator<Item = Document> + Send,
    {
        let left = Arc::new(LeftOut::default());
        let counts = Arc::clone(&left);
        let mut stored = self.stored;
        let kept = documents.filter(move |doc| {
            if self.shard.is_some_and(|s| !s.contains(&doc.doc_id)) {
                counts.other_shards.fetch_add(1, Ordering::Relaxed);
                false
            } else if stored.as_mut().is_some_and(|s| s.holds(&doc.doc_id)) {
                counts.already_stored.fetch_add(1, Ordering::Relaxed);
                false
            } else {
                true
            }
        });
        (kept, left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_from_one_to_n() {
        assert_eq!("2/4".parse(), Ok(Shard { index: 2, count: 4 }));
        assert_eq!("1/1".parse(), Ok(Shard { index: 1, count: 1 }));
        for (text, error) in [
            ("0/4", "shard 0/4: shards are numbered from 1, so 1/4 to 4/4"),
            ("5/4", "shard 5/4: there are only 4 shards, 1/4 to 4/4"),
            ("1/0", "shard 1/0: there must be at least one shard"),
            (
                "2",
                "expected I/N, shard I of N counted from 1 (such as 2/4), not \"2\"",
            ),
            (
                "a/4",
                "expected I/N, shard I of N counted from 1 (such as 2/4), not \"a/4\"",
            ),
            (
                "-1/4",
                "expected I/N, shard I of N counted from 1 (such as 2/4), not \"-1/4\"",
            ),
        ] {
            assert_eq!(text.parse::<Shard>(), Err(error.to_string()), "{text}");
        }
        assert_eq!(Shard::new(3, 8).unwrap().to_string(), "3/8");
    }

    /// The hash is part of the interface: machines on different versions must
    /// split an input alike.
    #[test]
    fn the_hash_never_changes() {
        assert_eq!(stable_hash(b"seed-001"), SEED_001_HASH);
        let fixed: Vec<(&str, u64)> = ["seed-001", "dump.jsonl:17", "seeds/004.txt", ""]
            .iter()
            .map(|id| (*id, shard_of(id, 1000)))
            .collect();
        assert_eq!(fixed, FIXED_SHARDS);
    }

    const SEED_001_HASH: u64 = 12_642_871_179_493_350_338;
    const FIXED_SHARDS: [(&str, u64); 4] = [
        ("seed-001", 339),
        ("dump.jsonl:17", 523),
        ("seeds/004.txt", 467),
        ("", 343),
    ];

    #[test]
    fn shards_split_evenly_and_cover_everything() {
        let count = 4;
        let mut sizes = [0usize; 4];
        for i in 0..10_000 {
            let id = format!("dump.jsonl:{i}");
            let owners: Vec<u64> = (1..=count)
                .filter(|&k| Shard::new(k, count).unwrap().contains(&id))
                .collect();
            assert_eq!(owners.len(), 1, "{id} is in exactly one shard");
            sizes[owners[0] as usize - 1] += 1;
        }
        for size in sizes {
            assert!((2300..2700).contains(&size), "{sizes:?}");
        }
    }

    #[test]
    fn a_selection_leaves_out_other_shards_and_stored_articles() {
        let shard = Shard::new(1, 2).unwrap();
        let ids: Vec<String> = (0..100).map(|i| format!("a{i}")).collect();
        let mine: Vec<&String> = ids.iter().filter(|id| shard.contains(id)).collect();
        let stored: std::collections::HashSet<String> = [
            mine[0].clone(),
            ids.iter().find(|id| !shard.contains(id)).unwrap().clone(),
        ]
        .into();
        let selection = Selection {
            shard: Some(shard),
            stored: Some(Box::new(stored)),
        };
        let docs = ids.iter().map(|id| Document::from_text(id.as_str(), "text"));
        let (kept, left) = selection.apply(docs);
        let kept: Vec<String> = kept.map(|d| d.doc_id).collect();
        assert_eq!(kept.len(), mine.len() - 1);
        assert!(!kept.contains(mine[0]));
        assert_eq!(left.other_shards(), (100 - mine.len()) as u64);
        assert_eq!(left.already_stored(), 1);
    }
}
