//! Test helpers every detector module shares: run one detector on a text and read its
//! hits back as (span of the normalised text, category, weight), in order.

use super::DetectFn;
use crate::category::Category;
use crate::text::Doc;

/// The hits `detect` finds in `text`, by start.
pub fn run(detect: DetectFn, text: &str) -> Vec<(String, Category, u8)> {
    let doc = Doc::new(text);
    let mut out = Vec::new();
    detect(&doc, &mut out);
    out.sort_by_key(|h| h.start);
    out.iter()
        .map(|h| (doc.norm[h.start..h.end].to_string(), h.category, h.weight))
        .collect()
}

/// Asserts that `detect` finds exactly one hit in `text`: `span`, of `category`, weighing
/// `weight`.
pub fn one(detect: DetectFn, text: &str, span: &str, category: Category, weight: u8) {
    assert_eq!(
        run(detect, text),
        vec![(span.to_string(), category, weight)],
        "in {text:?}"
    );
}

/// Asserts that `detect` finds `span`, of `category` and `weight`, among its hits.
pub fn has(detect: DetectFn, text: &str, span: &str, category: Category, weight: u8) {
    let found = run(detect, text);
    assert!(
        found
            .iter()
            .any(|(t, c, w)| t == span && *c == category && *w == weight),
        "{text:?}: expected {span:?} {category:?} {weight}, got {found:?}"
    );
}

/// The categories `detect` finds in `text`, each with its strongest weight, sorted.
pub fn strongest(detect: DetectFn, text: &str) -> Vec<(Category, u8)> {
    let mut best: Vec<(Category, u8)> = Vec::new();
    for (_, c, w) in run(detect, text) {
        match best.iter_mut().find(|(k, _)| *k == c) {
            Some((_, b)) => *b = (*b).max(w),
            None => best.push((c, w)),
        }
    }
    best.sort();
    best
}

/// Whether `detect` finds `category` in `text` at weight `min` or more.
pub fn at_least(detect: DetectFn, text: &str, category: Category, min: u8) -> bool {
    strongest(detect, text)
        .iter()
        .any(|&(c, w)| c == category && w >= min)
}

/// Asserts that `detect` finds nothing of `category` in `text`.
pub fn lacks(detect: DetectFn, text: &str, category: Category) {
    let found = run(detect, text);
    assert!(
        !found.iter().any(|(_, c, _)| *c == category),
        "{text:?}: unexpected {category:?} in {found:?}"
    );
}

/// Texts of up to `parts` pieces drawn from `tokens`: for proptests that hold code written
/// by hand to the pattern it reads, on text dense with the cases where they could differ.
pub fn texts_of(
    tokens: &'static [&'static str],
    parts: usize,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::strategy::Strategy;
    proptest::collection::vec(proptest::sample::select(tokens), 0..parts)
        .prop_map(|pieces| pieces.concat())
}
