//! Capitalised name words ("Smith", "O'Brien", "McDonald", "Smith-Jones"), found by a
//! scanner written by hand. `names` reads every one in a draft, and most drafts have
//! several (sentence openings): a regex search per word cost more than the scan of the
//! whole draft. The scanner finds exactly what the pattern [`NAME`] between ASCII word
//! boundaries finds, in the same order (a proptest holds the two together).

use std::ops::Range;

use super::is_ascii_word;

/// One capitalised name word, as a pattern (the scanner's specification, and a part of
/// the patterns in `names`).
pub const NAME: &str = r"(?:O'|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?";

/// The name words of `hay`, left to right, as `\b{NAME}\b` (ASCII `\b`) finds them.
pub fn name_words(hay: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = hay.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Every match starts with a capital, and never just after a word character.
        while let Some(skip) = bytes[at..].iter().position(u8::is_ascii_uppercase) {
            let start = at + skip;
            at = start + 1;
            if start > 0 && is_ascii_word(bytes, start - 1) {
                continue;
            }
            if let Some(end) = name_at(bytes, start) {
                at = end;
                return Some(start..end);
            }
        }
        None
    })
}

/// The end of a name word starting at `start`: the prefixes in the pattern's order of
/// preference, then none.
fn name_at(bytes: &[u8], start: usize) -> Option<usize> {
    let at = |i: usize| bytes.get(start + i).copied();
    // The lengths of the prefixes found here ("O'", "Mc" or "Mac"), then none.
    let prefixes: &[usize] = match (at(0), at(1), at(2)) {
        (Some(b'O'), Some(b'\''), _) | (Some(b'M'), Some(b'c'), _) => &[2, 0],
        (Some(b'M'), Some(b'a'), Some(b'c')) => &[3, 0],
        _ => &[0],
    };
    prefixes
        .iter()
        .find_map(|&prefix| capitalised(bytes, start + prefix))
}

/// `[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b` at `i`. Each run of lowercase letters is taken whole:
/// a shorter one would leave a letter next, where neither a hyphen nor a boundary can be.
fn capitalised(bytes: &[u8], i: usize) -> Option<usize> {
    let part = |i: usize| -> Option<usize> {
        if !bytes.get(i)?.is_ascii_uppercase() {
            return None;
        }
        let lower = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        (lower > 0).then_some(i + 1 + lower)
    };
    // Each part ends on a lowercase letter: a boundary follows unless a word character does.
    let end = part(i)?;
    if bytes.get(end) == Some(&b'-') {
        if let Some(hyphenated) = part(end + 1).filter(|&e| !is_ascii_word(bytes, e)) {
            return Some(hyphenated);
        }
    }
    (!is_ascii_word(bytes, end)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing;

    fn words(hay: &str) -> Vec<&str> {
        name_words(hay).map(|r| &hay[r]).collect()
    }

    #[test]
    fn finds_plain_prefixed_and_hyphenated_names() {
        assert_eq!(
            words("Lady from Hexham, O'Brien and McDonald-Smith; Mack, NOF, iPhone, O'b"),
            ["Lady", "Hexham", "O'Brien", "McDonald-Smith", "Mack"]
        );
        assert_eq!(words("MaryJane Smith9 Jones-"), ["Jones"]);
    }

    proptest::proptest! {
        /// The same spans as the pattern, on text full of the cases that differ.
        #[test]
        fn finds_what_the_pattern_finds(
            hay in testing::texts_of(
                &["O'", "Mc", "Mac", "M", "O", "A", "Bb", "a", "b", "-", " ", "'", "_", "9", "é"],
                10,
            )
        ) {
            let pattern = regex::Regex::new(&format!(r"(?-u:\b){NAME}(?-u:\b)")).unwrap();
            let want: Vec<Range<usize>> = pattern.find_iter(&hay).map(|m| m.range()).collect();
            let got: Vec<Range<usize>> = name_words(&hay).collect();
            proptest::prop_assert_eq!(got, want, "{:?}", hay);
        }
    }
}
