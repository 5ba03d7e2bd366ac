//! Claims: within one detector, earlier and stronger patterns take a span first, and a
//! later, weaker pattern may not report an overlapping one.

use super::Hit;

/// Bytes already taken by a hit, one bit per byte: a later, weaker hit may not overlap
/// them. Checking or taking a span costs its length in bits, so a check stays linear.
/// Empty hits take no byte but are kept apart: one at `p` still refuses a later hit
/// that has `p` strictly inside it.
#[derive(Default)]
pub struct Claims {
    bits: Vec<u64>,
    points: Vec<usize>,
}

impl Claims {
    /// Pushes `hit` when it overlaps no claimed span, and claims it.
    pub fn push(&mut self, out: &mut Vec<Hit>, hit: Hit) -> bool {
        if self.overlaps(hit.start, hit.end) {
            return false;
        }
        if hit.start == hit.end {
            self.points.push(hit.start);
        } else {
            self.take(hit.start, hit.end);
        }
        out.push(hit);
        true
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        if start == end {
            return self.is_taken(start);
        }
        (start..end).any(|i| self.is_taken(i)) || self.points.iter().any(|&p| start < p && p < end)
    }

    fn is_taken(&self, i: usize) -> bool {
        self.bits
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn take(&mut self, start: usize, end: usize) {
        let words = end.div_ceil(64);
        if self.bits.len() < words {
            self.bits.resize(words, 0);
        }
        for i in start..end {
            self.bits[i / 64] |= 1 << (i % 64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::category::Category;

    #[test]
    fn an_overlapping_later_hit_is_refused() {
        let mut claims = Claims::default();
        let mut out = Vec::new();
        assert!(claims.push(&mut out, Hit::new(5, 10, Category::Name, 3)));
        assert!(!claims.push(&mut out, Hit::new(8, 12, Category::Date, 2)));
        assert!(!claims.push(&mut out, Hit::new(0, 6, Category::Date, 2)));
        assert!(claims.push(&mut out, Hit::new(10, 12, Category::Date, 2)));
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn spans_across_words_of_bits_and_empty_hits_behave_as_intervals() {
        let mut claims = Claims::default();
        let mut out = Vec::new();
        assert!(claims.push(&mut out, Hit::new(60, 70, Category::Name, 3)));
        assert!(!claims.push(&mut out, Hit::new(69, 200, Category::Date, 2)));
        assert!(claims.push(&mut out, Hit::new(70, 200, Category::Date, 2)));
        // An empty hit inside a taken span is refused; one at a free byte is kept.
        assert!(!claims.push(&mut out, Hit::new(65, 65, Category::Date, 2)));
        assert!(claims.push(&mut out, Hit::new(300, 300, Category::Date, 2)));
        // A later hit with that empty hit strictly inside it is refused, as before.
        assert!(!claims.push(&mut out, Hit::new(299, 301, Category::Date, 2)));
        assert!(claims.push(&mut out, Hit::new(300, 301, Category::Date, 2)));
        assert_eq!(out.len(), 4);
    }
}
