//! Word lists compiled into the binary (`crate/data/*.txt`) and matched with
//! aho-corasick on whole words, case-insensitively: a list that ignores case is stored
//! lowercased and searched over the draft with its ASCII letters lowercased (the gate's
//! copy, see `gate::lowercased`), which an automaton walks faster than one that folds
//! case at every byte.
//!
//! Data file format: one phrase a line; blank lines and lines starting with `#` are
//! ignored; a line may end with `|N` to give that phrase weight N (default: the list's).

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::{gate, Hit};
use crate::category::Category;

/// Compiled word lists whose matches become hits; each phrase keeps its own category
/// and weight, so several lists cost one scan.
pub struct Lexicon {
    matcher: AhoCorasick,
    tags: Vec<(Category, u8)>,
    /// The phrases are lowercased, and so is the text searched.
    ignore_case: bool,
}

/// Lists up to this many phrases are compiled to a full DFA.
const DFA_PHRASES: usize = 400;

/// One data file's phrases with their weights (`phrase|N` lines; `default` otherwise).
fn entries(data: &str, default: u8) -> impl Iterator<Item = (String, u8)> + '_ {
    data.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        match line.rsplit_once('|') {
            Some((phrase, w)) => match w.trim().parse::<u8>() {
                Ok(w) => Some((phrase.trim().to_string(), w)),
                Err(_) => Some((line.to_string(), default)),
            },
            None => Some((line.to_string(), default)),
        }
    })
}

impl Lexicon {
    /// Builds a lexicon from one data file's text, matched case-insensitively.
    pub fn parse(data: &str, category: Category, default_weight: u8) -> Lexicon {
        Lexicon::parse_lists(&[(data, category, default_weight)], true)
    }

    /// Builds one lexicon from several data files: `(text, category, default weight)`.
    /// `ignore_case: false` is for abbreviations ("MS" the disease, not "Ms").
    pub fn parse_lists(lists: &[(&str, Category, u8)], ignore_case: bool) -> Lexicon {
        let tagged = lists.iter().flat_map(|&(data, category, default)| {
            entries(data, default).map(move |(p, w)| (p, category, w))
        });
        Lexicon::build(tagged, ignore_case)
    }

    /// Builds a lexicon from phrases and their weights (used for policy dictionaries).
    pub fn from_phrases(
        entries: impl IntoIterator<Item = (String, u8)>,
        category: Category,
    ) -> Lexicon {
        Lexicon::build(entries.into_iter().map(|(p, w)| (p, category, w)), true)
    }

    fn build(entries: impl Iterator<Item = (String, Category, u8)>, ignore_case: bool) -> Lexicon {
        let (phrases, tags): (Vec<String>, Vec<(Category, u8)>) = entries
            .filter(|(p, _, _)| !p.trim().is_empty())
            .map(|(p, c, w)| match ignore_case {
                true => (p.to_ascii_lowercase(), (c, w)),
                false => (p, (c, w)),
            })
            .unzip();
        // A full DFA reads a draft about a third faster than the default for lists over a
        // hundred phrases (the slurs: 0.64 -> 0.44 us on a 280-character post), and up to
        // a few hundred it stays small (144 KB); the big lists keep the compact automaton.
        let kind = (phrases.len() <= DFA_PHRASES).then_some(AhoCorasickKind::DFA);
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(kind)
            .build(&phrases)
            .expect("lexicon phrases always build");
        Lexicon {
            matcher,
            tags,
            ignore_case,
        }
    }

    /// Whole-word matches in `hay`, as hits.
    pub fn find(&self, hay: &str, out: &mut Vec<Hit>) {
        if self.tags.is_empty() {
            // An empty list (a policy without names) would still read the whole draft.
            return;
        }
        let mut scan = |text: &str| {
            for m in self.matcher.find_iter(text) {
                if is_word_boundary(hay, m.start(), m.end()) {
                    let (category, weight) = self.tags[m.pattern().as_usize()];
                    out.push(Hit::new(m.start(), m.end(), category, weight));
                }
            }
        };
        if self.ignore_case {
            gate::lowercased(hay, scan);
        } else {
            scan(hay);
        }
    }
}

/// A set of lowercase words from a data file (`#` comments and blank lines skipped; a
/// trailing `|flag` is dropped).
pub fn word_set(data: &'static str) -> HashSet<&'static str> {
    data.lines()
        .map(|l| l.split('|').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
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
        assert_eq!(
            spans(&lex, "Gave MORPHINE, then morphine sulfate"),
            ["MORPHINE", "morphine sulfate"]
        );
        assert!(spans(&lex, "morphineX").is_empty());
    }

    #[test]
    fn several_lists_keep_their_categories_and_case_rules() {
        let lex = Lexicon::parse_lists(
            &[
                ("MS\nPE", Category::Condition, 2),
                ("PEG", Category::Equipment, 2),
            ],
            false,
        );
        let mut out = Vec::new();
        lex.find("Ms Smith, MS, on a PEG; pe teacher", &mut out);
        let got: Vec<Category> = out.iter().map(|h| h.category).collect();
        assert_eq!(got, [Category::Condition, Category::Equipment]);
    }

    #[test]
    fn weights_come_from_the_line_or_the_default() {
        let lex = Lexicon::parse("a\nb|3", Category::Drug, 2);
        let mut out = Vec::new();
        lex.find("a b", &mut out);
        assert_eq!(out.iter().map(|h| h.weight).collect::<Vec<_>>(), [2, 3]);
    }
}
