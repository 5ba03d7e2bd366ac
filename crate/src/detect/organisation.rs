//! The organisation's and the user's own words, from the policy: hospital, ward and place
//! names (identifying places), words to treat as identifying, and custom patterns such as
//! a trust's record-number format. Built once per policy.

use regex::Regex;

use super::lexicon::Lexicon;
use super::{Detector, Hit};
use crate::category::Category;
use crate::policy::Policy;
use crate::text::Doc;

/// The policy's dictionaries and patterns, compiled.
pub struct Organisation {
    places: Lexicon,
    identifying: Lexicon,
    patterns: Vec<Regex>,
}

impl Organisation {
    /// Compiles the policy's words, and takes its patterns as compiled when the policy
    /// was read (`Policy::patterns`): those that do not compile were already reported and
    /// dropped by `Policy::from_value`.
    pub fn new(policy: &Policy) -> Organisation {
        let places = policy
            .hospital_names
            .iter()
            .chain(&policy.ward_names)
            .chain(&policy.place_names)
            .map(|p| (p.clone(), 2));
        let identifying = policy.identifying_words.iter().map(|p| (p.clone(), 2));
        let patterns = policy.patterns();
        Organisation {
            places: Lexicon::from_phrases(places, Category::Place),
            identifying: Lexicon::from_phrases(identifying, Category::Condition),
            patterns,
        }
    }
}

impl Detector for Organisation {
    fn detect(&self, doc: &Doc, out: &mut Vec<Hit>) {
        self.places.find(&doc.norm, out);
        self.identifying.find(&doc.norm, out);
        for re in &self.patterns {
            for m in re.find_iter(&doc.norm) {
                if !m.is_empty() {
                    out.push(Hit::new(m.start(), m.end(), Category::CustomPattern, 3));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::CustomPattern;

    #[test]
    fn finds_named_places_and_custom_patterns() {
        let policy = Policy {
            hospital_names: vec!["St Elsewhere".into()],
            custom_patterns: vec![CustomPattern {
                label: "Trust number".into(),
                pattern: r"RX\d{6}".into(),
            }],
            ..Policy::default()
        };
        let org = Organisation::new(&policy);
        let doc = Doc::new("admitted to st elsewhere, RX123456");
        let mut hits = Vec::new();
        org.detect(&doc, &mut hits);
        let cats: Vec<Category> = hits.iter().map(|h| h.category).collect();
        assert_eq!(cats, [Category::Place, Category::CustomPattern]);
    }
}
