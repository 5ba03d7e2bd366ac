//! Claims: within one detector, earlier and stronger patterns take a span first, and a
//! later, weaker pattern may not report an overlapping one.

use std::collections::BTreeMap;

use super::Hit;

/// Spans already taken by a hit: a later, weaker pattern may not overlap them.
/// Kept spans are disjoint, so one look-up answers "does this overlap?" (O(log n)).
#[derive(Default)]
pub struct Claims(BTreeMap<usize, usize>);

impl Claims {
    /// Pushes `hit` when it overlaps no claimed span, and claims it.
    pub fn push(&mut self, out: &mut Vec<Hit>, hit: Hit) -> bool {
        if self.overlaps(hit.start, hit.end) {
            return false;
        }
        self.0.insert(hit.start, hit.end);
        out.push(hit);
        true
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        let last_before_end = self.0.range(..end.max(start + 1)).next_back();
        last_before_end.is_some_and(|(_, &e)| e > start)
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
}
