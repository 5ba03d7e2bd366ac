//! A list of patterns searched as one: a `RegexSet` pass over the text says which
//! patterns match at all, and only those are searched again for their spans. Most
//! patterns match nothing in most drafts, so a check costs about one scan, not one per
//! pattern.

use regex::{Regex, RegexSet};

use super::{push_matches, re, Hit};
use crate::category::Category;

/// One pattern and what its matches (or its capture group's) are.
pub struct Pattern {
    pub re: Regex,
    /// The capture group whose span is the hit (0: the whole match).
    pub group: usize,
    pub category: Category,
    pub weight: u8,
}

impl Pattern {
    /// Compiles a built-in pattern (see [`re`]).
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

/// Patterns gated by one set.
pub struct Patterns {
    items: Vec<Pattern>,
    set: RegexSet,
}

impl Patterns {
    pub fn new(items: Vec<Pattern>) -> Patterns {
        let set = RegexSet::new(items.iter().map(|p| p.re.as_str()))
            .expect("patterns that compile alone compile as a set");
        Patterns { items, set }
    }

    /// The patterns that match somewhere in `hay`.
    pub fn matching<'a>(&'a self, hay: &str) -> impl Iterator<Item = &'a Pattern> + 'a {
        let hits = self.set.matches(hay);
        hits.into_iter().map(move |i| &self.items[i])
    }

    /// Pushes every matching pattern's hits.
    pub fn find(&self, hay: &str, out: &mut Vec<Hit>) {
        for p in self.matching(hay) {
            p.find(hay, out);
        }
    }
}

impl From<Vec<(Regex, usize, Category, u8)>> for Patterns {
    fn from(v: Vec<(Regex, usize, Category, u8)>) -> Patterns {
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
    fn only_matching_patterns_report_and_groups_pick_the_span() {
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
