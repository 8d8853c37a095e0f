//! Byte ranges that extractors have claimed, kept sorted and merged so that
//! asking whether a match overlaps one of them takes a binary search, not a
//! walk over all of them (a long text holds thousands).

use std::ops::Range;

/// A set of byte ranges, sorted and disjoint.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Claimed(Vec<Range<usize>>);

impl Claimed {
    /// The union of `ranges`, in any order.
    pub fn new(ranges: impl IntoIterator<Item = Range<usize>>) -> Self {
        let mut all: Vec<Range<usize>> = ranges.into_iter().filter(|r| r.start < r.end).collect();
        all.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(all.len());
        for r in all {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Claimed(merged)
    }

    /// `r` shares at least one byte with a claimed range.
    pub fn overlaps(&self, r: &Range<usize>) -> bool {
        // The first claimed range that ends after `r` starts.
        let i = self.0.partition_point(|c| c.end <= r.start);
        self.0.get(i).is_some_and(|c| c.start < r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::Claimed;

    #[test]
    fn overlaps() {
        let claimed = Claimed::new([10..20, 0..5, 15..25, 30..30]);
        assert_eq!(claimed, Claimed(vec![0..5, 10..25]));
        assert!(claimed.overlaps(&(4..6)));
        assert!(claimed.overlaps(&(24..40)));
        assert!(!claimed.overlaps(&(5..10)));
        assert!(!claimed.overlaps(&(25..30)));
        assert!(!Claimed::default().overlaps(&(0..1)));
    }
}
