//! Personal names. Conservative on purpose: a false name is a false warning.
//!
//! - title and surname ("Mrs Pemberton", "Mr John Smith"): 3; an initial ("Mr K",
//!   "Mrs P."): 2; "Dr" (mostly colleagues, whom policy can list): 2;
//! - initial and surname ("J. Whitfield"): 3;
//! - after a naming cue ("a lady called Ethel", "her name's Gary", "pt is Gary
//!   Flumpkin"): a full name 3, a first name 2;
//! - a known first name and a capitalised surname with no cue ("Gary Flumpkin"): 2 —
//!   as likely a public figure or a friend as a patient, so it needs care around it;
//! - a capitalised name after a person word ("resident Dot", "your cousin Trisha",
//!   "meet Bella") or tagged ("@Kayleigh Brindlecombe"): 2;
//! - a surname labelling a family ("the Henderson baby"): 3;
//! - a known first name in direct address ("Sorry Gary,", "Gary, stop"): 2.
//!
//! Days, months, function words, institutions and famous non-patients ("Dr Google")
//! are never names (`data/ids-name-stopwords.txt`).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::Re;

use super::name_words::{name_words, NAME};
use super::{claims::Claims, lexicon::word_set, re, Hit};
use crate::category::Category;
use crate::text::Doc;

static FIRST_NAMES: LazyLock<HashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/ids-first-names.txt")));
static STOPWORDS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/ids-name-stopwords.txt")));

static TITLED: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"\b(Mr|Mrs|Ms|Miss|Mx|Master|Dr)\.?\s+({NAME}(?:\s+{NAME})?|[A-Z]\b\.?)"
    ))
});
static INITIAL: LazyLock<Re> =
    LazyLock::new(|| re(&format!(r"\b[A-Z]\.\s?(?:[A-Z]\.\s?)?({NAME})\b")));
static CUED: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"\b(?i:(pt|patient)|(called)|(named|(?:her|his|their)\s+name(?:'s|\s+is|\s+was)|name's|goes\s+by|known\s+as))(?:\s+(?i:(is|was)|(called|named)))?\s*[:,]?\s+({NAME}(?:\s+{NAME})?)"
    ))
});
static PERSON_CUED: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"(?:\b(?i:resident|service\s+user|client|baby|little\s+(?:boy|girl|man|lady|one)|meet|say\s+hi\s+to|(?:my|your|his|her|their|our)\s+(?:cousin|sister|brother|aunt|auntie|uncle|neighbour|neighbor|niece|nephew|stepson|stepdaughter|flatmate|housemate))\s+|@)({NAME}(?:\s+{NAME})?)\b"
    ))
});
/// A surname labelling a family or child: "the Henderson baby", "the Okafor twins".
static FAMILY_LABEL: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"\b(?i:the)\s+({NAME})\s+(?i:baby|babies|twins|triplets|family|boy|girl|kid|kids|child|children|lad|brothers|sisters)\b"
    ))
});
static GREETING: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:hi|hey|oh|sorry|thanks|thank\s+you|cheers|dear|bye|night|morning|ok|okay|yes|no|well\s+done|bless)\s*,?\s*$",
    )
});

/// Finds this module's hits in `doc`.
pub fn detect(doc: &Doc, out: &mut Vec<Hit>) {
    let hay = doc.norm.as_str();
    let mut claims = Claims::default();
    titled(hay, &mut claims, out);
    initials(hay, &mut claims, out);
    cued(hay, &mut claims, out);
    person_cued(hay, &mut claims, out);
    family_labels(hay, &mut claims, out);
    pairs_and_address(hay, &mut claims, out);
}

fn is_stop(word: &str) -> bool {
    contains_lowercase(&STOPWORDS, word)
}

fn is_first_name(word: &str) -> bool {
    contains_lowercase(&FIRST_NAMES, word)
}

/// Whether `set` holds `word` lowercased; a name word is short and ASCII, so it is
/// lowercased on the stack.
fn contains_lowercase(set: &HashSet<&str>, word: &str) -> bool {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|w| set.contains(w))
        }
        _ => set.contains(word.to_lowercase().as_str()),
    }
}

/// The end of the leading run of name words in `hay[span]` that are not stopwords
/// (`None` when the first word already is one).
fn names_end(hay: &str, span: Range<usize>) -> Option<(usize, usize)> {
    let mut end = None;
    let mut count = 0;
    let slice = &hay[span.clone()];
    for w in name_words(slice) {
        if is_stop(&slice[w.clone()]) {
            break;
        }
        end = Some(span.start + w.end);
        count += 1;
    }
    end.map(|e| (e, count))
}

/// "Mrs Pemberton", "Mr John Smith" (3); "Mr K", "Dr Patel" (2).
fn titled(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for caps in TITLED.captures_iter(hay) {
        let (Some(all), Some(title), Some(rest)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let initial = rest.as_str().trim_end_matches('.').len() == 1;
        let end = if initial {
            Some(rest.end())
        } else {
            names_end(hay, rest.range()).map(|(e, _)| e)
        };
        let Some(end) = end else { continue };
        let weight = if initial || title.as_str() == "Dr" {
            2
        } else {
            3
        };
        claims.push(out, Hit::new(all.start(), end, Category::Name, weight));
    }
}

/// Words before a capital letter that make it a label, not an initial ("vitamin D.").
const LETTER_TAKERS: &[&str] = &[
    "vitamin",
    "hep",
    "hepatitis",
    "plan",
    "type",
    "grade",
    "class",
    "category",
    "bay",
    "bed",
    "ward",
    "room",
    "level",
    "part",
    "section",
    "step",
    "stage",
    "group",
    "block",
    "wing",
    "unit",
    "floor",
    "row",
    "option",
    "team",
    "side",
    "appendix",
    "figure",
    "table",
    "tier",
    "strep",
];

/// "J. Whitfield", "J.R. Smith" (3).
fn initials(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for caps in INITIAL.captures_iter(hay) {
        let (Some(all), Some(surname)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let before = &hay[..all.start()];
        let prev_word = before
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let label = LETTER_TAKERS.contains(&prev_word.to_lowercase().as_str());
        if before.ends_with('.') || label || is_stop(surname.as_str()) {
            continue;
        }
        claims.push(out, Hit::new(all.start(), surname.end(), Category::Name, 3));
    }
}

/// Names after a cue: "patient Gary Flumpkin", "a lady called Ethel", "her name's Gary".
fn cued(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for caps in CUED.captures_iter(hay) {
        let Some(names) = caps.get(6) else { continue };
        let Some((end, count)) = names_end(hay, names.range()) else {
            continue;
        };
        let first_known = is_first_name(
            hay[names.start()..end]
                .split_whitespace()
                .next()
                .unwrap_or(""),
        );
        // "named", "her name's": any name. "called": a known first name. "pt", "patient":
        // a full name, or a known first name ("pt is Gary").
        let naming = caps.get(3).is_some()
            || (caps.get(1).is_some()
                && caps
                    .get(5)
                    .is_some_and(|m| m.as_str().eq_ignore_ascii_case("named")));
        if naming || first_known || (caps.get(1).is_some() && count == 2) {
            let weight = if count >= 2 { 3 } else { 2 };
            claims.push(out, Hit::new(names.start(), end, Category::Name, weight));
        }
    }
}

/// A name after a person word or an @ ("resident Dot", "@Kayleigh Brindlecombe"): 2.
fn person_cued(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for caps in PERSON_CUED.captures_iter(hay) {
        let Some(names) = caps.get(1) else { continue };
        if let Some((end, _)) = names_end(hay, names.range()) {
            claims.push(out, Hit::new(names.start(), end, Category::Name, 2));
        }
    }
}

/// "the Henderson baby" (3): a surname that names one family.
fn family_labels(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for caps in FAMILY_LABEL.captures_iter(hay) {
        let Some(name) = caps.get(1) else { continue };
        if !is_stop(name.as_str()) && !is_first_name(name.as_str()) {
            claims.push(out, Hit::new(name.start(), name.end(), Category::Name, 3));
        }
    }
}

/// A known first name with a surname ("Gary Flumpkin", 2), or alone in direct address
/// ("Sorry Gary,", "Gary, stop pressing the buzzer", 2).
fn pairs_and_address(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    let words: Vec<Range<usize>> = name_words(hay).collect();
    for (i, w) in words.iter().enumerate() {
        if !is_first_name(&hay[w.clone()]) {
            continue;
        }
        let next = words
            .get(i + 1)
            .filter(|n| hay[w.end..n.start] == *" " && !is_stop(&hay[(*n).clone()]));
        if let Some(n) = next {
            claims.push(out, Hit::new(w.start, n.end, Category::Name, 2));
        } else if addressed(hay, w.clone()) {
            claims.push(out, Hit::new(w.start, w.end, Category::Name, 2));
        }
    }
}

/// Whether the word at `w` is someone spoken to: after a greeting, opening a sentence
/// and followed by a comma, or closing a clause mid-sentence.
fn addressed(hay: &str, w: Range<usize>) -> bool {
    let before = &hay[..w.start];
    // The greeting is in the last few characters: never rescan the whole draft.
    let near = before.char_indices().rev().nth(24).map_or(0, |(i, _)| i);
    let opens = before
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| ".!?\n".contains(c));
    // Called by name mid-sentence: "it's been hard Margaret.", "sorry you feel this way
    // Chloe, but…" — after a lowercase word, before a clause break.
    let vocative = before.ends_with(' ')
        && before
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase())
        && hay[w.end..].starts_with([',', '.', '!', '?']);
    GREETING.is_match(&before[near..]) || (opens && hay[w.end..].starts_with(',')) || vocative
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, u8)> {
        let doc = Doc::new(text);
        let mut out = Vec::new();
        detect(&doc, &mut out);
        out.sort_by_key(|h| h.start);
        assert!(out.iter().all(|h| h.category == Category::Name));
        out.iter()
            .map(|h| (doc.norm[h.start..h.end].to_string(), h.weight))
            .collect()
    }

    fn one(text: &str, span: &str, weight: u8) {
        assert_eq!(found(text), vec![(span.to_string(), weight)], "in {text:?}");
    }

    #[test]
    fn names_after_person_words_and_tags() {
        one(
            "selfie with my favourite resident Dot on her birthday",
            "Dot",
            2,
        );
        one("your cousin Trisha was in clinic", "Trisha", 2);
        one("meet Bella, born at 24 weeks", "Bella", 2);
        one(
            "@Kayleigh Brindlecombe are you ok?",
            "Kayleigh Brindlecombe",
            2,
        );
        assert!(found("let's meet Friday at the ward").is_empty());
        assert!(found("email me @ Monday").is_empty());
    }

    #[test]
    fn patterns_compile_and_lists_load() {
        for p in [
            &TITLED,
            &INITIAL,
            &CUED,
            &PERSON_CUED,
            &FAMILY_LABEL,
            &GREETING,
        ] {
            LazyLock::force(p);
        }
        assert!(is_first_name("Gary") && !is_first_name("Will"));
        assert!(is_stop("Monday") && !is_stop("Flumpkin"));
    }

    #[test]
    fn titles_with_surnames() {
        one("Mrs Pemberton in bay 3", "Mrs Pemberton", 3);
        one("Mr John Smith again", "Mr John Smith", 3);
        one("Mr K kicked off", "Mr K", 2);
        one("Mrs P. again", "Mrs P.", 2);
        one("ask Dr Patel", "Dr Patel", 2);
        one("Mrs Smith Monday", "Mrs Smith", 3);
    }

    #[test]
    fn initials_and_full_names() {
        one("saw J. Whitfield today", "J. Whitfield", 3);
        one("pt is Gary Flumpkin", "Gary Flumpkin", 3);
        one("Thanks Gary Flumpkin", "Gary Flumpkin", 2);
        one("patient Zed Quorbly again", "Zed Quorbly", 3);
    }

    #[test]
    fn first_names_after_a_cue_or_in_address() {
        one("a lady called Ethel", "Ethel", 2);
        one("her name's Zuzana", "Zuzana", 2);
        one("Sorry Gary, no", "Gary", 2);
        one(
            "the last few days have been really hard Margaret. Hopefully",
            "Margaret",
            2,
        );
        one("sorry you feel this way Chloe, but", "Chloe", 2);
        one("Gary, stop pressing the buzzer", "Gary", 2);
        one("named Zed Quorbly", "Zed Quorbly", 3);
    }

    #[test]
    fn hard_negatives() {
        for s in [
            "Monday was awful. Then it got worse.",
            "Went to New York",
            "Dr Google strikes again",
            "I miss you",
            "Will Gary be ok",
            "called Security",
            "Patient Safety Week",
            "vitamin D. Then more",
            "the U.S. Army",
            "Gary said hi",
            "I called Bed Management",
            "Mr Right",
            "The Patient Experience Team",
            "we saw Sarah Street",
        ] {
            assert!(found(s).is_empty(), "{s:?}: {:?}", found(s));
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "Mr",
            "Mr ",
            "J.",
            "called",
            "Gary",
            ",Gary,",
            "😀Gary😀 Flumpkin",
        ] {
            found(s);
        }
    }
}
