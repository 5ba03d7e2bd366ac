//! Supersets: a parsed pattern rewritten into a simpler one that matches everything the
//! original matches (and perhaps more), over bytes, for the gate (see `gate`). Simpler
//! means cheap for the gate's lazy DFAs, each of which runs many patterns at once:
//!
//! - a character class keeps its ASCII part; its other characters become their UTF-8
//!   when there are few, or "any run of non-ASCII bytes" when there are many (`\w`);
//! - counted repetitions lose their large bounds (`{1,78}` becomes `+`), which would
//!   otherwise make the DFA count;
//! - groups stop capturing; Unicode word boundaries are dropped (matching anything);
//! - it is for the text with ASCII letters lowercased (the gate walks that copy): every
//!   letter in it is lowercase, which halves the letters a pass tells apart and so the
//!   memory its states take. Lowercasing keeps ASCII word boundaries where they were.

use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, Hir, HirKind, Look, Repetition,
};

/// Non-ASCII characters in a class up to this many are kept exactly.
const MAX_EXACT: usize = 32;

/// Repetition bounds above this are dropped.
const MAX_BOUND: u32 = 3;

/// A pattern, over bytes, that matches the lowercased text (ASCII letters only) at
/// least wherever `hir` matches the text.
pub fn superset(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty => hir.clone(),
        HirKind::Literal(lit) => Hir::literal(lit.0.to_ascii_lowercase()),
        HirKind::Class(class) => class_superset(class),
        HirKind::Look(look) => match look {
            Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode => Hir::empty(),
            _ => hir.clone(),
        },
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            min: rep.min.min(MAX_BOUND),
            max: rep.max.filter(|&m| m <= MAX_BOUND),
            greedy: true,
            sub: Box::new(superset(&rep.sub)),
        }),
        HirKind::Capture(Capture { sub, .. }) => superset(sub),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(superset).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(superset).collect()),
    }
}

fn class_superset(class: &Class) -> Hir {
    let ranges = match class {
        Class::Bytes(c) => return Hir::class(Class::Bytes(lowercase(c.ranges()))),
        Class::Unicode(c) => c.ranges(),
    };
    let ascii: Vec<ClassBytesRange> = ranges
        .iter()
        .filter(|r| r.start().is_ascii())
        .map(|r| ClassBytesRange::new(r.start() as u8, (r.end() as u32).min(0x7F) as u8))
        .collect();
    let ascii = lowercase(&ascii).ranges().to_vec();
    let mut other: Vec<char> = Vec::new();
    let mut many = false;
    for r in ranges.iter().filter(|r| !r.end().is_ascii()) {
        let from = r.start().max('\u{80}');
        if (r.end() as u32 - from as u32) as usize + other.len() >= MAX_EXACT {
            many = true;
            break;
        }
        other.extend(from..=r.end());
    }
    let mut branches = Vec::new();
    if !ascii.is_empty() {
        branches.push(Hir::class(Class::Bytes(ClassBytes::new(ascii))));
    }
    if many {
        let high = ClassBytes::new([ClassBytesRange::new(0x80, 0xFF)]);
        branches.push(Hir::repetition(Repetition {
            min: 1,
            max: None,
            greedy: true,
            sub: Box::new(Hir::class(Class::Bytes(high))),
        }));
    } else {
        let mut buf = [0; 4];
        branches.extend(
            other
                .iter()
                .map(|c| Hir::literal(c.encode_utf8(&mut buf).as_bytes())),
        );
    }
    Hir::alternation(branches)
}

/// The bytes of `ranges` with ASCII upper-case letters replaced by their lower case.
fn lowercase(ranges: &[ClassBytesRange]) -> ClassBytes {
    let mut class = ClassBytes::new(ranges.iter().copied());
    let mut upper = class.clone();
    upper.intersect(&ClassBytes::new([ClassBytesRange::new(b'A', b'Z')]));
    let lowered = upper
        .ranges()
        .iter()
        .map(|r| ClassBytesRange::new(r.start() + 32, r.end() + 32));
    class.difference(&ClassBytes::new([ClassBytesRange::new(b'A', b'Z')]));
    class.union(&ClassBytes::new(lowered));
    class
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::meta::Regex;
    use regex_automata::util::syntax;

    fn both(pattern: &str) -> (regex::Regex, Regex) {
        let hir = regex_syntax::parse(pattern).unwrap();
        let gate = Regex::builder()
            .syntax(syntax::Config::new().utf8(false))
            .configure(Regex::config().utf8_empty(false))
            .build_from_hir(&superset(&hir))
            .unwrap();
        (regex::Regex::new(pattern).unwrap(), gate)
    }

    /// Whatever the original matches, the superset matches too.
    #[test]
    fn supersets_match_whatever_the_original_matches() {
        let cases: &[(&str, &[&str])] = &[
            (
                r"(?i)\bbed\s+(\d{1,3})\b",
                &["BED 12", "bed\u{2003}4", "Bed 999"],
            ),
            (r"[\w'-]{3,60}'", &["Zoë's'", "naïve-ish'", "abc'"]),
            (r"(?i)kiss", &["KISS", "\u{212A}iss", "ki\u{17F}s"]),
            (r"😂|🤣|🙄", &["lol 🙄"]),
            (r"\b\w+\b", &["Ωmega"]),
            (r"(?m)^x{1,4}\s*$", &["hi\nxx  "]),
            (r"\bMr [A-Z]\b|[A-Z]{2}\d", &["Mr K", "SW1"]),
        ];
        for (pattern, texts) in cases {
            let (original, gate) = both(pattern);
            for text in *texts {
                assert!(original.is_match(text), "{pattern} should match {text}");
                assert!(
                    gate.is_match(text.to_ascii_lowercase().as_bytes()),
                    "{pattern} superset on {text}"
                );
            }
        }
    }

    #[test]
    fn supersets_still_reject_what_has_nothing_in_common() {
        let (_, gate) = both(r"(?i)\bfrequent\s+flyer\b");
        assert!(!gate.is_match(b"the ward was busy"));
    }
}
