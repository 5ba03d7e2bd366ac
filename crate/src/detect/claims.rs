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
        words(start, end).any(|(w, mask)| self.bits.get(w).is_some_and(|b| b & mask != 0))
            || self.points.iter().any(|&p| start < p && p < end)
    }

    fn is_taken(&self, i: usize) -> bool {
        self.bits
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn take(&mut self, start: usize, end: usize) {
        let n = end.div_ceil(64);
        if self.bits.len() < n {
            self.bits.resize(n, 0);
        }
        for (w, mask) in words(start, end) {
            self.bits[w] |= mask;
        }
    }
}

/// The words of bits a non-empty span `start..end` touches, each with the mask of its
/// bits inside the span: a span costs a step per 64 bytes, not per byte.
fn words(start: usize, end: usize) -> impl Iterator<Item = (usize, u64)> {
    (start / 64..end.div_ceil(64)).map(move |w| {
        let base = w * 64;
        let lo = start.max(base) - base;
        let hi = end.min(base + 64) - base;
        (w, (u64::MAX >> (64 - (hi - lo))) << lo)
    })
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

    proptest::proptest! {
        /// The same answers as claiming byte by byte.
        #[test]
        fn claims_agree_with_a_byte_by_byte_model(
            spans in proptest::collection::vec((0usize..300, 0usize..140), 1..40)
        ) {
            let mut claims = Claims::default();
            let mut out = Vec::new();
            let mut taken = [false; 500];
            let mut points = Vec::new();
            for (start, len) in spans {
                let end = start + len;
                let model = if start == end {
                    !taken[start]
                } else {
                    !(start..end).any(|i| taken[i]) && !points.iter().any(|&p| start < p && p < end)
                };
                let got = claims.push(&mut out, Hit::new(start, end, Category::Name, 1));
                proptest::prop_assert_eq!(got, model, "{}..{}", start, end);
                if model {
                    if start == end {
                        points.push(start);
                    }
                    taken[start..end].iter_mut().for_each(|t| *t = true);
                }
            }
        }
    }
}
