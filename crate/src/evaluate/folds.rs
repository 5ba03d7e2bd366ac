//! Grouped folds for cross-validation: every group (a brief, a source) goes whole into one
//! of K folds, so no group is ever in training and test at once. The deal is fixed and
//! simple enough to repeat in the trainer (`scripts/train/folds.py` does the same): groups
//! by descending size, then by name; each into the fold with the fewest lines so far
//! (the lowest-numbered on a tie).

use std::collections::HashMap;

use super::Labelled;

/// Which fold each group is in.
#[derive(Debug, Clone)]
pub struct Folds {
    k: usize,
    of_group: HashMap<String, usize>,
}

impl Folds {
    /// The fold of a group (a group the deal never saw goes to fold 0).
    pub fn fold_of(&self, group: &str) -> usize {
        self.of_group.get(group).copied().unwrap_or(0)
    }

    pub fn k(&self) -> usize {
        self.k
    }
}

/// Deals the rows' groups into `k` folds (at least 1).
pub fn assign(rows: &[Labelled], k: usize) -> Folds {
    let k = k.max(1);
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    for r in rows {
        *sizes.entry(r.group.as_str()).or_default() += 1;
    }
    let mut groups: Vec<(&str, usize)> = sizes.into_iter().collect();
    groups.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut load = vec![0usize; k];
    let mut of_group = HashMap::new();
    for (g, n) in groups {
        let f = (0..k).min_by_key(|&f| (load[f], f)).unwrap_or(0);
        load[f] += n;
        of_group.insert(g.to_string(), f);
    }
    Folds { k, of_group }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::parse_jsonl;

    #[test]
    fn groups_stay_whole_and_folds_balance() {
        let mut text = String::new();
        for (g, n) in [("a", 30), ("b", 20), ("c", 20), ("d", 10), ("e", 5)] {
            for _ in 0..n {
                text.push_str(&format!(
                    "{{\"text\":\"t\",\"expect\":\"none\",\"group\":\"{g}\"}}\n"
                ));
            }
        }
        let rows = parse_jsonl(&text).unwrap();
        let f = assign(&rows, 3);
        // a(30) -> 0, b(20) -> 1, c(20) -> 2, d(10) -> 1 or 2 (1: lowest), e(5) -> 2
        assert_eq!(
            ["a", "b", "c", "d", "e"].map(|g| f.fold_of(g)),
            [0, 1, 2, 1, 2]
        );
        assert_eq!(f.k(), 3);
    }
}
