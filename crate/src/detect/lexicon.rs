//! Word lists compiled into the binary (`crate/data/*.txt`) and matched with
//! aho-corasick on whole words, case-insensitively.
//!
//! Data file format: one phrase a line; blank lines and lines starting with `#` are
//! ignored; a line may end with `|N` to give that phrase weight N (default: the list's).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{Detector, Hit};
use crate::category::Category;
use crate::text::Doc;

/// A compiled word list whose matches become hits of one category.
pub struct Lexicon {
    matcher: AhoCorasick,
    weights: Vec<u8>,
    category: Category,
}

impl Lexicon {
    /// Builds a lexicon from a data file's text.
    pub fn parse(data: &str, category: Category, default_weight: u8) -> Lexicon {
        let entries = data.lines().filter_map(|line| {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                return None;
            }
            match line.rsplit_once('|') {
                Some((phrase, w)) if w.trim().parse::<u8>().is_ok() => {
                    Some((phrase.trim().to_string(), w.trim().parse().unwrap_or(default_weight)))
                }
                _ => Some((line.to_string(), default_weight)),
            }
        });
        Lexicon::from_phrases(entries, category)
    }

    /// Builds a lexicon from phrases and their weights (used for policy dictionaries).
    pub fn from_phrases(
        entries: impl IntoIterator<Item = (String, u8)>,
        category: Category,
    ) -> Lexicon {
        let (phrases, weights): (Vec<String>, Vec<u8>) = entries
            .into_iter()
            .filter(|(p, _)| !p.trim().is_empty())
            .unzip();
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .expect("lexicon phrases always build");
        Lexicon {
            matcher,
            weights,
            category,
        }
    }

    /// Whole-word matches in `hay`, as hits.
    pub fn find(&self, hay: &str, out: &mut Vec<Hit>) {
        for m in self.matcher.find_iter(hay) {
            if is_word_boundary(hay, m.start(), m.end()) {
                let weight = self.weights[m.pattern().as_usize()];
                out.push(Hit::new(m.start(), m.end(), self.category, weight));
            }
        }
    }
}

impl Detector for Lexicon {
    fn detect(&self, doc: &Doc, out: &mut Vec<Hit>) {
        self.find(&doc.norm, out);
    }
}

/// True when `hay[start..end]` is not glued to a letter or digit on either side.
pub fn is_word_boundary(hay: &str, start: usize, end: usize) -> bool {
    let before = hay[..start].chars().next_back();
    let after = hay[end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let first = hay[start..].chars().next();
    let last = hay[..end].chars().next_back();
    // A phrase that starts or ends with punctuation ("a&e") needs no boundary there.
    (!glued(before) || !first.is_some_and(|c| c.is_alphanumeric()))
        && (!glued(after) || !last.is_some_and(|c| c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(lex: &Lexicon, s: &str) -> Vec<String> {
        let mut out = Vec::new();
        lex.find(s, &mut out);
        out.iter().map(|h| s[h.start..h.end].to_string()).collect()
    }

    #[test]
    fn matches_whole_words_case_insensitively() {
        let lex = Lexicon::parse("# drugs\nmorphine\nmorphine sulfate|3\n", Category::Drug, 2);
        assert_eq!(spans(&lex, "Gave MORPHINE, then morphine sulfate"), ["MORPHINE", "morphine sulfate"]);
        assert!(spans(&lex, "morphineX").is_empty());
    }

    #[test]
    fn weights_come_from_the_line_or_the_default() {
        let lex = Lexicon::parse("a\nb|3", Category::Drug, 2);
        let mut out = Vec::new();
        lex.find("a b", &mut out);
        assert_eq!(out.iter().map(|h| h.weight).collect::<Vec<_>>(), [2, 3]);
    }
}
