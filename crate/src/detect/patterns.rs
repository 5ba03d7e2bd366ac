//! A list of patterns, each with the category and weight its matches (or its capture
//! group's) report. The gate (see `gate`) skips the patterns that cannot match a draft.

use super::{push_matches, re, Hit, Re};
use crate::category::Category;

/// One pattern and what its matches (or its capture group's) are.
pub struct Pattern {
    pub re: Re,
    /// The capture group whose span is the hit (0: the whole match).
    pub group: usize,
    pub category: Category,
    pub weight: u8,
}

impl Pattern {
    /// Compiles a built-in pattern (see [`re`]).
    #[track_caller]
    pub fn new(pattern: &str, group: usize, category: Category, weight: u8) -> Pattern {
        Pattern {
            re: re(pattern),
            group,
            category,
            weight,
        }
    }

    /// Pushes a hit for every match of the pattern's group in `hay`.
    pub fn find(&self, hay: &str, out: &mut Vec<Hit>) {
        push_matches(&self.re, hay, self.group, self.category, self.weight, out);
    }
}

/// Patterns searched in order.
pub struct Patterns {
    items: Vec<Pattern>,
}

impl Patterns {
    pub fn new(items: Vec<Pattern>) -> Patterns {
        Patterns { items }
    }

    /// Pushes every pattern's hits, in order.
    pub fn find(&self, hay: &str, out: &mut Vec<Hit>) {
        for p in &self.items {
            p.find(hay, out);
        }
    }
}

impl From<Vec<(Re, usize, Category, u8)>> for Patterns {
    fn from(v: Vec<(Re, usize, Category, u8)>) -> Patterns {
        Patterns::new(
            v.into_iter()
                .map(|(re, group, category, weight)| Pattern {
                    re,
                    group,
                    category,
                    weight,
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_reports_in_order_and_groups_pick_the_span() {
        let ps = Patterns::new(vec![
            Pattern::new(r"\bbed (\d+)", 1, Category::BedNumber, 2),
            Pattern::new(r"\btoday\b", 0, Category::Recency, 1),
            Pattern::new(r"\bnever here\b", 0, Category::Rarity, 2),
        ]);
        let hay = "bed 4 today, bed 12";
        let mut out = Vec::new();
        ps.find(hay, &mut out);
        let got: Vec<&str> = out.iter().map(|h| &hay[h.start..h.end]).collect();
        assert_eq!(got, ["4", "12", "today"]);
    }
}
