//! Detectors: each module finds one part of the taxonomy in a [`Doc`] and pushes
//! [`Hit`]s (byte spans of `doc.norm`). They know nothing of scoring or of each other.
//!
//! Weights, which scoring reads (see `score`):
//! - `PatientReference`: 1 = patients as a group ("patients", "frequent flyers"),
//!   2 = one patient ("my patient", "pt", "a 30yo in resus", "the lady in bed 4").
//! - Direct identifiers: 3 = identifies alone (a valid health number, a full name, a date
//!   of birth), 2 = strong detail (an age, a bed number, a dated event).
//! - Indirect identifiers: 1 = common (sex, "a mum"), 2 = specific (occupation,
//!   condition, procedure, drug and dose), 3 = rare (rare disease, unusual equipment).
//! - Context: 1 = generic (today, the ward), 2 = specific (a named hospital, town or
//!   street; an unusual scene; a reply to a review).
//! - Venting: 1 = mild (sarcasm, eye-rolling), 2 = plain (labels, profanity at
//!   patients, wishing harm, meme formats).
//! - Boundary cues: 1 = weak alone, 2 = clear.

pub mod approach;
pub mod boundary;
pub mod claims;
pub mod contact;
pub mod context;
pub mod dates;
pub mod gate;
pub mod hospital;
pub mod indirect;
pub mod lexicon;
pub mod names;
pub mod numbers;
pub mod organisation;
pub mod patterns;
pub mod reference;
pub mod superset;
#[cfg(test)]
mod testing;
pub mod venting;

pub use gate::Re;

use crate::category::Category;
use crate::text::Doc;

/// One thing a detector found: a byte span of `doc.norm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub weight: u8,
}

impl Hit {
    pub fn new(start: usize, end: usize, category: Category, weight: u8) -> Hit {
        Hit {
            start,
            end,
            category,
            weight,
        }
    }
}

/// Something that finds hits in a draft. Built once (patterns compiled), used many times.
pub trait Detector: Send + Sync {
    fn detect(&self, doc: &Doc, out: &mut Vec<Hit>);
}

/// A built-in detector: its patterns are compiled once, on first use.
pub type DetectFn = fn(&Doc, &mut Vec<Hit>);

/// Detectors run on the draft for the patient kind.
pub const PATIENT: &[DetectFn] = &[
    reference::detect,
    names::detect,
    dates::detect,
    numbers::detect,
    contact::detect,
    hospital::detect,
    indirect::detect,
    context::detect,
    venting::detect,
];

/// Detectors run on the draft for outgoing boundary cues.
pub const OUTGOING: &[DetectFn] = &[boundary::detect];

/// Detectors run on the message replied to: incoming approach cues, and whether it is a
/// review (which makes any reply about the reviewer).
pub const INCOMING: &[DetectFn] = &[approach::detect, context::detect_review];

/// Builds the gate over the built-in patterns, once per process: runs the detectors dry
/// (every search finds nothing, nothing compiles) so that each pattern they reach
/// registers with the gate, draft detectors first, then builds the gate's passes. A
/// pattern a detector reaches only after another has matched registers on first use.
pub fn prepare() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let draft = Doc::new(WARM_UP);
        let reply = Doc::new(WARM_UP_CONTEXT);
        let mut out = Vec::new();
        gate::dry_run(|| {
            for f in PATIENT.iter().chain(OUTGOING) {
                f(&draft, &mut out);
            }
            for f in INCOMING {
                f(&reply, &mut out);
            }
        });
        gate::prepare();
    });
}

/// The draft of the dry run (see [`prepare`]). Searches find nothing in a dry run, but
/// word lists still match, and lead some detectors on to further patterns.
const WARM_UP: &str = "Mr K Smith, 84yo M in bed 4 on Ward 9 at St Elsewhere Hospital today, DOB 12/03/1941, NHS 943 476 5919, 07700 900123, SW1A 1AA, pt was a frequent flyer 🙄 ffs. Thanks for the flowers, you treated me, fancy a coffee? DM me x";

/// The message replied to, in the dry run.
const WARM_UP_CONTEXT: &str = "Hi nurse, you looked after my mum on ward 3 last week, thank you! Can I buy you a coffee? ★★★★★ review";

/// Pushes a hit for every match of `re` (or of its capture group `group`, when present).
pub fn push_matches(
    re: &Re,
    hay: &str,
    group: usize,
    category: Category,
    weight: u8,
    out: &mut Vec<Hit>,
) {
    if group == 0 {
        // The whole match: no capture engine needed.
        for m in re.find_iter(hay) {
            out.push(Hit::new(m.start(), m.end(), category, weight));
        }
        return;
    }
    for caps in re.captures_iter(hay) {
        if let Some(m) = caps.get(group) {
            out.push(Hit::new(m.start(), m.end(), category, weight));
        }
    }
}

/// A pattern that is part of the program (a bug, not an input, if it does not parse),
/// registered with the gate and compiled when a search of it first gets through.
///
/// Word boundaries are made ASCII (`\b` becomes `(?-u:\b)`): a Unicode `\b` stops the
/// regex crate's lazy DFA on the first non-ASCII character (an emoji, a curly quote) and
/// falls back to a matcher a hundred times slower. The normalised text has already folded
/// look-alike letters to ASCII, so little is lost.
#[track_caller]
pub fn re(pattern: &str) -> Re {
    Re::new(&ascii_boundaries(pattern))
}

/// Rewrites `\b` and `\B` (but not an escaped backslash followed by `b`) as ASCII-only.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(b @ ('b' | 'B')) => {
                out.push_str("(?-u:\\");
                out.push(b);
                out.push(')');
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_become_ascii_and_escapes_survive() {
        assert_eq!(ascii_boundaries(r"\bpt\B"), r"(?-u:\b)pt(?-u:\B)");
        assert_eq!(ascii_boundaries(r"a\\b\d"), r"a\\b\d");
        assert!(re(r"\bpt\b").is_match("😂 pt 😂"));
        assert!(!re(r"\bpt\b").is_match("apt"));
    }
}
