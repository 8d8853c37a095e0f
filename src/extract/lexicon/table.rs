//! The word tables ([`super::WordInfo`] by word) as a hash table made for the
//! tokeniser, which looks up every word of every article.
//!
//! A word of up to 16 bytes is its key: its bytes packed into two integers
//! (zero past its end) and its length. The tokeniser reads the two integers
//! straight from the text, so a look-up is two loads, a multiply and, when a
//! one-byte tag in a small array matches, one compare of integers: no byte
//! hashing loop, no `memcmp` call, and misses (most words) stay in the tag
//! array, which fits in the first-level cache. Longer words (rare in text
//! and in the tables) go to an ordinary map.

use super::WordInfo;
use rustc_hash::FxHashMap;

/// Words up to this many bytes are held in the table itself.
const INLINE: usize = 16;

/// A word as a key: its bytes, zero-padded, and its length.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Key {
    bytes: [u64; 2],
    len: u32,
}

/// A [`Key`] and its entry, in 24 bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    bytes: [u64; 2],
    len: u32,
    info: WordInfo,
}

impl Slot {
    #[inline(always)]
    fn holds(&self, key: &Key) -> bool {
        self.bytes == key.bytes && self.len == key.len
    }
}

/// Open addressing with linear probing, at most a quarter full: a miss
/// (most words) ends after one or two tags.
pub(super) struct WordTable {
    /// Per slot: 0 if empty, else `0x80` and seven bits of the key's hash.
    tags: Box<[u8]>,
    slots: Box<[Slot]>,
    /// The slot index is the hash's top bits: `hash >> shift`.
    shift: u32,
    long: FxHashMap<&'static str, WordInfo>,
}

/// The low `n` bytes of `x` (`n` in 1..=8).
fn low_bytes(x: u64, n: usize) -> u64 {
    x & (u64::MAX >> ((8 - n) * 8))
}

fn read_u64(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"))
}

/// The key of `bytes[start..end]` (at most [`INLINE`] bytes), read in place
/// when the 8 or 16 bytes from `start` are in `bytes` (a word in the text it
/// was found in), else from the word's own bytes.
#[inline(always)]
fn key_at(bytes: &[u8], start: usize, end: usize) -> Key {
    let len = end - start;
    debug_assert!(len <= INLINE);
    if len == 0 {
        return Key::default();
    }
    let available = bytes.len() - start;
    let bytes = if len <= 8 {
        if available >= 8 {
            [low_bytes(read_u64(bytes, start), len), 0]
        } else {
            [read_short(&bytes[start..end]), 0]
        }
    } else if available >= 16 {
        [read_u64(bytes, start), low_bytes(read_u64(bytes, start + 8), len - 8)]
    } else {
        [read_u64(bytes, start), read_short(&bytes[start + 8..end])]
    };
    Key { bytes, len: len as u32 }
}

/// Up to 8 bytes as an integer, zero past their end, without reading past
/// them: two overlapping 4-byte reads, or the first, middle and last byte.
fn read_short(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 4 {
        let low = u32::from_le_bytes(b[..4].try_into().expect("four bytes"));
        let high = u32::from_le_bytes(b[n - 4..].try_into().expect("four bytes"));
        u64::from(low) | u64::from(high) << (8 * (n - 4))
    } else if n > 0 {
        u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1))
    } else {
        0
    }
}

#[inline(always)]
fn hash(key: &Key) -> u64 {
    // A folded multiply (the high and low halves of a 128-bit product
    // xor-ed, as in foldhash): every bit of both integers reaches the top
    // bits, which pick the slot.
    let [a, b] = key.bytes;
    let product = u128::from(a ^ 0x243F_6A88_85A3_08D3) * u128::from(b ^ u64::from(key.len) ^ 0x1319_8A2E_0370_7344);
    (product as u64) ^ (product >> 64) as u64
}

impl WordTable {
    pub(super) fn new<'w>(words: impl ExactSizeIterator<Item = (&'static str, &'w WordInfo)>) -> WordTable {
        let bits = (4 * words.len().max(1)).next_power_of_two().trailing_zeros().max(8);
        let size = 1usize << bits;
        let mut table = WordTable {
            tags: vec![0; size].into_boxed_slice(),
            slots: vec![Slot::default(); size].into_boxed_slice(),
            shift: 64 - bits,
            long: FxHashMap::default(),
        };
        for (word, info) in words {
            if word.len() > INLINE {
                table.long.insert(word, *info);
                continue;
            }
            let key = key_at(word.as_bytes(), 0, word.len());
            let (mut i, tag) = table.start(&key);
            while table.tags[i] != 0 {
                assert!(!table.slots[i].holds(&key), "{word} twice");
                i = (i + 1) & (size - 1);
            }
            table.tags[i] = tag;
            table.slots[i] = Slot {
                bytes: key.bytes,
                len: key.len,
                info: *info,
            };
        }
        table
    }

    /// The first slot to probe for `key`, and its tag.
    #[inline(always)]
    fn start(&self, key: &Key) -> (usize, u8) {
        let h = hash(key);
        (
            (h >> self.shift) as usize,
            0x80 | ((h >> (self.shift - 7)) & 0x7f) as u8,
        )
    }

    #[inline(always)]
    fn find(&self, key: &Key) -> Option<WordInfo> {
        let (mut i, tag) = self.start(key);
        let mask = self.tags.len() - 1;
        loop {
            let t = self.tags[i];
            if t == tag {
                let slot = &self.slots[i];
                if slot.holds(key) {
                    return Some(slot.info);
                }
            } else if t == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The entry of `word`.
    pub(super) fn get(&self, word: &str) -> Option<WordInfo> {
        self.get_at(word, 0..word.len())
    }

    /// The entry of the word `text[range]`: the table reads it in place.
    #[inline(always)]
    pub(super) fn get_at(&self, text: &str, range: std::ops::Range<usize>) -> Option<WordInfo> {
        if range.len() > INLINE {
            return self.get_long(&text[range]);
        }
        self.find(&key_at(text.as_bytes(), range.start, range.end))
    }

    #[cold]
    #[inline(never)]
    fn get_long(&self, word: &str) -> Option<WordInfo> {
        self.long.get(word).copied()
    }

    /// The longest run of slots a look-up may walk (for the tests).
    #[cfg(test)]
    fn longest_probe(&self) -> usize {
        let mut longest = 0;
        let mut run = 0;
        // Twice around, so that a run wrapping past the end is counted whole.
        for i in 0..2 * self.tags.len() {
            if self.tags[i % self.tags.len()] == 0 {
                run = 0;
            } else {
                run += 1;
                longest = longest.max(run);
            }
        }
        longest
    }
}

#[cfg(test)]
mod tests {
    use super::super::{WORDS, title_case};
    use super::*;
    use crate::testing::picker;

    #[test]
    fn short_reads_zero_pad() {
        let mut next = picker(5);
        for _ in 0..10_000 {
            let bytes: Vec<u8> = (0..next(9)).map(|_| 1 + next(255) as u8).collect();
            let mut padded = [0u8; 8];
            padded[..bytes.len()].copy_from_slice(&bytes);
            assert_eq!(read_short(&bytes), u64::from_le_bytes(padded), "{bytes:?}");
        }
    }

    /// The table answers as the map it is built from, for every word of the
    /// map in several forms (cut, extended, re-cased) and for random words,
    /// read alone and in place in a text, near its end and far from it.
    #[test]
    fn table_agrees_with_the_map() {
        let table = WordTable::new(WORDS.iter().map(|(w, i)| (*w, i)));
        let mut words: Vec<&str> = WORDS.keys().copied().collect();
        words.sort_unstable();
        let mut next = picker(11);
        let letters = ["a", "e", "s", "A", "S", "-", "'", ".", "é", "0", "\0", " "];
        let (mut found, mut missed) = (0, 0);
        for round in 0..40_000 {
            let word = words[next(words.len())];
            let form = match next(7) {
                0 => {
                    let mut at = next(word.len() + 1);
                    while !word.is_char_boundary(at) {
                        at -= 1;
                    }
                    word[..at].to_string()
                }
                1 => format!("{word}{}", letters[next(letters.len())]),
                2 => format!("{}{word}", letters[next(letters.len())]),
                3 => word.to_uppercase(),
                4 => title_case(word),
                5 => (0..1 + next(20)).map(|_| letters[next(letters.len())]).collect(),
                _ => word.to_string(),
            };
            let expected = WORDS.get(form.as_str()).copied();
            assert_eq!(table.get(&form), expected, "{form:?}");
            // In place, with text after it or none.
            let after: String = (0..round % 20).map(|_| letters[next(letters.len())]).collect();
            let text = format!("{}{form}{after}", letters[next(letters.len())]);
            let start = text.len() - after.len() - form.len();
            assert_eq!(table.get_at(&text, start..start + form.len()), expected, "{text:?}");
            if expected.is_some() {
                found += 1;
            } else {
                missed += 1;
            }
        }
        assert!(found > 10_000 && missed > 10_000, "{found} found, {missed} missed");
        // Every entry, long ones included.
        for (word, info) in WORDS.iter() {
            assert_eq!(table.get(word), Some(*info), "{word}");
        }
        assert!(!table.long.is_empty());
        // The hash spreads the words: no long walks.
        assert!(table.longest_probe() < 12, "{}", table.longest_probe());
        assert_eq!(std::mem::size_of::<Slot>(), 24);
    }
}
