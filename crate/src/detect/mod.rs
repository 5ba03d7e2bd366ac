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
pub mod casefold;
pub mod claims;
pub mod contact;
pub mod context;
pub mod dates;
pub mod gate;
pub mod hospital;
pub mod indirect;
pub mod lexicon;
pub mod name_words;
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

/// Detectors run on the draft for outgoing boundary cues: its links to care, then the
/// moves that make a reply personal (the engine runs `boundary::moves` only when they can
/// count, see [`crate::Engine::check`]).
pub const OUTGOING: &[DetectFn] = &[boundary::links, boundary::moves];

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
        // Segments: what every draft needs; the moves, needed only in a reply or beside
        // a link to care; the message replied to; and patterns reached later.
        gate::dry_run(|| {
            for f in PATIENT {
                f(&draft, &mut out);
            }
            boundary::links(&draft, &mut out);
            gate::segment();
            boundary::moves(&draft, &mut out);
            gate::segment();
            for f in INCOMING {
                f(&reply, &mut out);
            }
            gate::segment();
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
    re.spans(hay, group, |start, end| {
        out.push(Hit::new(start, end, category, weight));
    });
}

/// A pattern that is part of the program (a bug, not an input, if it does not parse),
/// registered with the gate and compiled when a search of it first gets through.
///
/// Word boundaries, digits and spaces are made ASCII (see [`ascii_classes`]): a Unicode
/// `\b` stops the regex crate's lazy DFA on the first non-ASCII character (an emoji, a
/// curly quote) and falls back to a matcher a hundred times slower, and a Unicode `\d`
/// (hundreds of digits in dozens of scripts) makes searches about three times slower and
/// the gate's automata bigger. The normalised text has already folded look-alike
/// letters, unusual spaces and the digits seen in evasions to ASCII, so little is lost.
#[track_caller]
pub fn re(pattern: &str) -> Re {
    Re::new(&ascii_classes(pattern))
}

/// Whether the byte at `i` is an ASCII word character, as the built-in patterns' `\b`
/// sees it (false past either end).
pub fn is_ascii_word(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// ASCII spaces, as `\s` matches them outside Unicode mode.
const SPACE: &str = r"\t\n\x0B\x0C\r ";

/// Rewrites `\b` and `\B` as ASCII-only, and `\d`, `\D`, `\s`, `\S` as ASCII classes,
/// inside and outside brackets (but not an escaped backslash followed by one of them).
fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut chars = pattern.chars().peekable();
    // How deep inside brackets, and whether a `]` now would be a literal (first in a class).
    let mut depth = 0usize;
    let mut opening = false;
    while let Some(c) = chars.next() {
        let first = std::mem::take(&mut opening);
        match c {
            '[' => {
                depth += 1;
                out.push(c);
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().unwrap_or('^'));
                }
                opening = true;
                continue;
            }
            ']' if depth > 0 && !first => {
                depth -= 1;
                out.push(c);
                continue;
            }
            '\\' => {}
            _ => {
                out.push(c);
                continue;
            }
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        match (e, depth > 0) {
            ('b' | 'B', false) => {
                out.push_str("(?-u:\\");
                out.push(e);
                out.push(')');
            }
            ('d', false) => out.push_str("[0-9]"),
            ('D', false) => out.push_str("[^0-9]"),
            ('d', true) => out.push_str("0-9"),
            ('s', false) => out.push_str(&format!("[{SPACE}]")),
            ('S', false) => out.push_str(&format!("[^{SPACE}]")),
            ('s', true) => out.push_str(SPACE),
            _ => {
                out.push('\\');
                out.push(e);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_digits_and_spaces_become_ascii_and_escapes_survive() {
        assert_eq!(ascii_classes(r"\bpt\B"), r"(?-u:\b)pt(?-u:\B)");
        assert_eq!(ascii_classes(r"a\\b\\d"), r"a\\b\\d");
        assert_eq!(ascii_classes(r"\d+\D"), r"[0-9]+[^0-9]");
        assert_eq!(ascii_classes(r"[\d.]\s"), r"[0-9.][\t\n\x0B\x0C\r ]");
        assert_eq!(
            ascii_classes(r"[^'\n\s]\S"),
            r"[^'\n\t\n\x0B\x0C\r ][^\t\n\x0B\x0C\r ]"
        );
        // A `]` first in a class is a literal; the class goes on to the next one.
        assert_eq!(ascii_classes(r"[]\d]\d"), r"[]0-9][0-9]");
        assert!(re(r"\bbed\s\d\b").is_match("😂 bed 4 😂"));
        assert!(!re(r"\d").is_match("\u{0664}"));
        assert!(!re(r"a\sb").is_match("a\u{2028}b"));
        assert!(re(r"\bpt\b").is_match("😂 pt 😂"));
        assert!(!re(r"\bpt\b").is_match("apt"));
    }
}
