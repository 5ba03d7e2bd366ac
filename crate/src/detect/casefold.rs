//! Case-insensitive patterns, searched over lowercased text. The regex crate finds few
//! literals in `(?i)today|tonight` (every mix of cases is one) and so scans the draft
//! byte by byte; the same pattern without its upper-case letters, over the draft with
//! ASCII letters lowercased, finds `today` and `tonight` with a literal prefilter, about
//! three times faster. Lowercasing ASCII keeps every byte offset. Only patterns that then
//! start with a few literals are rewritten (see [`MAX_PREFIXES`]).
//!
//! The rewrite is exact only for a pattern that ignores ASCII case everywhere: every
//! class that holds an ASCII letter holds it in both cases, and no literal holds one.
//! Then a character matches a class exactly when its lowercase matches the class without
//! `A-Z`, word boundaries do not depend on case, and so the two searches find the same
//! spans. Anything else (`[A-Z]`, a `(?-i:…)` part) is left alone.

use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind,
    Repetition,
};

/// The most literals a rewrite may start with. The prefilter the regex crate builds for
/// a few dozen literals (Teddy) is fast; for more (`the ward`, `the unit`, `the clinic`…)
/// it stops at every common prefix, and a lowered search was slower than the original.
const MAX_PREFIXES: usize = 32;

/// The pattern to search lowercased text with, when `hir` ignores ASCII case, has a
/// letter whose case it ignores, and then starts with a few literals; `None` otherwise.
pub fn lowered(hir: &Hir) -> Option<Hir> {
    let mut folds = false;
    let out = lower(hir, &mut folds)?;
    let mut prefixes = Extractor::new().extract(&out);
    prefixes.optimize_for_prefix_by_preference();
    let few = prefixes.len().is_some_and(|n| n <= MAX_PREFIXES);
    (folds && few).then_some(out)
}

fn lower(hir: &Hir, folds: &mut bool) -> Option<Hir> {
    Some(match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => hir.clone(),
        HirKind::Literal(lit) => {
            if lit.0.iter().any(u8::is_ascii_alphabetic) {
                return None;
            }
            hir.clone()
        }
        HirKind::Class(Class::Unicode(class)) => {
            let has = |c: u8| {
                let c = char::from(c);
                class
                    .ranges()
                    .iter()
                    .any(|r| r.start() <= c && c <= r.end())
            };
            *folds |= both_cases(has)?;
            let mut class = class.clone();
            class.difference(&ClassUnicode::new([ClassUnicodeRange::new('A', 'Z')]));
            Hir::class(Class::Unicode(class))
        }
        HirKind::Class(Class::Bytes(class)) => {
            let has = |c: u8| {
                class
                    .ranges()
                    .iter()
                    .any(|r| r.start() <= c && c <= r.end())
            };
            *folds |= both_cases(has)?;
            let mut class = class.clone();
            class.difference(&ClassBytes::new([ClassBytesRange::new(b'A', b'Z')]));
            Hir::class(Class::Bytes(class))
        }
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: Box::new(lower(&rep.sub, folds)?),
            ..rep.clone()
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            sub: Box::new(lower(&cap.sub, folds)?),
            ..cap.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(
            subs.iter()
                .map(|h| lower(h, folds))
                .collect::<Option<_>>()?,
        ),
        HirKind::Alternation(subs) => Hir::alternation(
            subs.iter()
                .map(|h| lower(h, folds))
                .collect::<Option<_>>()?,
        ),
    })
}

/// For a class (given by membership of ASCII bytes): `None` if it holds some ASCII letter
/// in one case only, otherwise whether it holds any letter in both.
fn both_cases(has: impl Fn(u8) -> bool) -> Option<bool> {
    let mut any = false;
    for lower in b'a'..=b'z' {
        let (l, u) = (has(lower), has(lower.to_ascii_uppercase()));
        if l != u {
            return None;
        }
        any |= l;
    }
    Some(any)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowered_pattern(pattern: &str) -> Option<String> {
        lowered(&regex_syntax::parse(pattern).unwrap()).map(|h| h.to_string())
    }

    #[test]
    fn only_patterns_that_ignore_ascii_case_everywhere_are_rewritten() {
        assert!(lowered_pattern(r"(?i)\btoday\b").is_some());
        assert!(lowered_pattern(r"(?i)(?:bed|bay)\s*(\d+)").is_some());
        assert!(lowered_pattern(r"\btoday\b").is_none());
        assert!(lowered_pattern(r"(?i)bed\s+[A-Z]").is_some());
        assert!(lowered_pattern(r"(?i)bed (?-i:[A-Z])").is_none());
        assert!(lowered_pattern(r"(?i)bed (?-i:Ward)").is_none());
        assert!(lowered_pattern(r"[0-9]+").is_none());
    }

    /// The lowered pattern over lowercased text finds the original's spans and groups.
    #[test]
    fn the_rewrite_finds_the_same_spans_over_lowercased_text() {
        let cases: &[(&str, &[&str])] = &[
            (
                r"(?i)\b(?:today|this (?:morning|week))\b",
                &["TODAY and This Morning", "todays", "This WEEK."],
            ),
            (
                r"(?i)\b(bed|bay)\s*(\d+)([a-z])?",
                &["Bed 4A, BAY 12 and bed9c"],
            ),
            (r"(?i)kiss|ſt", &["KISS \u{212A}iss \u{17F}T ST"]),
            (r"(?i)\bcafé\b", &["CAFÉ Café café"]),
        ];
        for (pattern, texts) in cases {
            let original = regex::Regex::new(pattern).unwrap();
            let rewritten = regex::Regex::new(&lowered_pattern(pattern).unwrap()).unwrap();
            for text in *texts {
                let lower = text.to_ascii_lowercase();
                let spans = |re: &regex::Regex, hay: &str| -> Vec<Vec<Option<(usize, usize)>>> {
                    re.captures_iter(hay)
                        .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                        .collect()
                };
                assert_eq!(
                    spans(&original, text),
                    spans(&rewritten, &lower),
                    "{pattern} on {text:?}"
                );
            }
        }
    }
}
