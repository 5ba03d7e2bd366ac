//! The text a detector reads: a normalised copy of the draft (evasions folded away) that
//! keeps, for every character, where it came from, so spans map back to the original and
//! then to UTF-16 code units for JavaScript.
//!
//! Normalisation keeps case (names need it) and folds: zero-width and soft-hyphen
//! characters (dropped), full-width forms, styled "bold" or "italic" letters and digits,
//! and the digits of other scripts to ASCII, common Cyrillic/Greek homoglyphs to Latin,
//! curly quotes and dashes to ASCII, and every other Unicode space to a plain space or
//! a newline (so patterns can use ASCII `\s` and `[0-9]`, see `detect::re`). Then it
//! undoes the common ways of writing around a filter: spaced or dotted letters
//! ("p a t i e n t", "p.t" become "patient", "pt") and digits standing for letters
//! inside a word ("p4tient", "b3d" become "patient", "bed").

/// A draft prepared for the detectors.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The draft as the user typed it.
    pub original: &'a str,
    /// The normalised copy every detector matches against.
    pub norm: String,
    /// For each byte of `norm`, the original byte range of the character it came from;
    /// `None` when normalising changed nothing (most drafts), so `norm` is `original`.
    origin: Option<Vec<(u32, u32)>>,
}

impl<'a> Doc<'a> {
    /// Normalises `original`.
    pub fn new(original: &'a str) -> Doc<'a> {
        if untouched(original) {
            return Doc {
                original,
                norm: original.to_string(),
                origin: None,
            };
        }
        Doc::normalised(original)
    }

    /// Normalises `original` character by character, keeping where each came from.
    fn normalised(original: &'a str) -> Doc<'a> {
        let mut chars: Vec<(char, (u32, u32))> = Vec::with_capacity(original.len());
        for (i, c) in original.char_indices() {
            if let Some(folded) = fold(c) {
                chars.push((folded, (i as u32, (i + c.len_utf8()) as u32)));
            }
        }
        unleet(&mut chars);
        let chars = unspace(chars);
        let mut norm = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (c, range) in chars {
            norm.push(c);
            origin.extend(std::iter::repeat_n(range, c.len_utf8()));
        }
        Doc {
            original,
            norm,
            origin: Some(origin),
        }
    }

    /// Maps a byte span of `norm` (on char boundaries) to a byte span of `original`.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let Some(origin) = &self.origin else {
            let at = start.min(self.original.len());
            return (at, end.clamp(at, self.original.len()));
        };
        if start >= end || origin.is_empty() {
            let at = origin
                .get(start)
                .map(|r| r.0 as usize)
                .unwrap_or(self.original.len());
            return (at, at);
        }
        let s = origin[start.min(origin.len() - 1)].0 as usize;
        let e = origin[(end - 1).min(origin.len() - 1)].1 as usize;
        (s, e.max(s))
    }
}

/// True when normalising `original` would change nothing: no character folds, no digit
/// stands for a letter, and no letters are written apart. One cheap pass, so most drafts
/// skip the per-character copy.
fn untouched(original: &str) -> bool {
    let folds = |c: char| !c.is_ascii() && fold(c) != Some(c);
    if !original.is_ascii() && original.chars().any(folds) {
        return false;
    }
    let bytes = original.as_bytes();
    let lower = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_lowercase);
    !bytes.iter().enumerate().any(|(i, &b)| match b {
        // A digit standing for a letter (see `unleet`).
        b'4' | b'3' | b'1' | b'0' | b'5' | b'$' | b'7' => i > 0 && lower(i - 1) && lower(i + 1),
        b' ' | b'.' | b'-' | b'_' | b'*' => starts_a_run(original, i),
        _ => false,
    })
}

/// The same test as the start of a run in `unspace`, for the separator at byte `i`: a
/// letter standing alone before it, and another after it.
fn starts_a_run(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    // Most separators are followed by a word of two ASCII letters or more, or by no
    // letter at all: two bytes tell.
    match (bytes.get(i + 1), bytes.get(i + 2)) {
        (None, _) => return false,
        (Some(a), _) if a.is_ascii() && !a.is_ascii_alphabetic() => return false,
        (Some(a), Some(b)) if a.is_ascii() && b.is_ascii_alphabetic() => return false,
        _ => {}
    }
    let is_letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let mut before = text[..i].chars().rev();
    let mut after = text[i + 1..].chars();
    is_letter(before.next())
        && !is_letter(before.next())
        && is_letter(after.next())
        && !is_letter(after.next())
}

/// Folds one character: `None` drops it, otherwise the character to match against.
fn fold(c: char) -> Option<char> {
    Some(match c {
        // Invisible characters used to break up words.
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' => return None,
        // Full-width ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{3000}'
        | '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}' => ' ',
        '\u{0085}' | '\u{2028}' | '\u{2029}' => '\n',
        // Digits of other scripts, and the "bold" and "double-struck" styled ones.
        '\u{0660}'..='\u{0669}' => digit(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(c as u32 - 0x06F0),
        '\u{0966}'..='\u{096F}' => digit(c as u32 - 0x0966),
        '\u{1D7CE}'..='\u{1D7FF}' => digit((c as u32 - 0x1D7CE) % 10),
        // Styled letters (𝐩𝐚𝐭𝐢𝐞𝐧𝐭, 𝘱𝘵, 𝗯𝗲𝗱), used for emphasis on LinkedIn and X.
        '\u{1D400}'..='\u{1D6A3}' => {
            let i = (c as u32 - 0x1D400) % 52;
            char::from(if i < 26 {
                b'A' + i as u8
            } else {
                b'a' + (i - 26) as u8
            })
        }
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        // Cyrillic and Greek letters that look Latin.
        'а' => 'a',
        'е' => 'e',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' | 'χ' => 'x',
        'і' | 'ι' => 'i',
        'ѕ' => 's',
        'ј' => 'j',
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'Е' | 'Ε' => 'E',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Н' | 'Η' => 'H',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'С' => 'C',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'І' | 'Ι' => 'I',
        _ => c,
    })
}

/// The ASCII digit `n` (0 to 9).
fn digit(n: u32) -> char {
    char::from(b'0' + (n % 10) as u8)
}

/// The letter a digit or sign stands for inside a word ("p4tient", "b3d").
fn leet(c: char) -> Option<char> {
    Some(match c {
        '4' => 'a',
        '3' => 'e',
        '1' => 'i',
        '0' => 'o',
        '5' | '$' => 's',
        '7' => 't',
        _ => return None,
    })
}

/// Replaces digits standing for letters, only between lowercase letters: "p4tient"
/// changes; "30yo", "4x4 bay", "covid19" and codes like "SW1A" do not.
fn unleet(chars: &mut [(char, (u32, u32))]) {
    for i in 1..chars.len().saturating_sub(1) {
        let lower = |j: usize| chars[j].0.is_ascii_lowercase();
        if let Some(l) = leet(chars[i].0) {
            if lower(i - 1) && lower(i + 1) {
                chars[i].0 = l;
            }
        }
    }
}

/// Joins letters written apart: four or more single letters with a space between each
/// ("p a t i e n t"), three or more with a dash, underscore or star ("b-e-d"), or two or
/// more lowercase letters with dots ("p.t", "d.o.b"). Initials like "J. R. Smith" keep their shape.
fn unspace(chars: Vec<(char, (u32, u32))>) -> Vec<(char, (u32, u32))> {
    let n = chars.len();
    let is_letter = |j: usize| j < n && chars[j].0.is_alphabetic();
    let is_sep = |j: usize| j < n && matches!(chars[j].0, ' ' | '.' | '-' | '_' | '*');
    let mut drop = vec![false; n];
    let mut i = 0;
    while i < n {
        // A run starts at a letter that is not glued to a letter before it.
        if !is_letter(i) || (i > 0 && is_letter(i - 1)) {
            i += 1;
            continue;
        }
        let sep = if is_sep(i + 1) { chars[i + 1].0 } else { '\0' };
        let mut letters = 1;
        let mut j = i;
        let mut lowercase = chars[i].0.is_lowercase();
        while sep != '\0'
            && j + 2 < n
            && chars[j + 1].0 == sep
            && is_letter(j + 2)
            && !is_letter(j + 3)
        {
            lowercase &= chars[j + 2].0.is_lowercase();
            j += 2;
            letters += 1;
        }
        let joined = match sep {
            '.' => letters >= 2 && lowercase,
            ' ' => letters >= 4,
            _ => letters >= 3,
        };
        if joined && !is_letter(j + 1) {
            for k in (i + 1..j).step_by(2) {
                drop[k] = true;
            }
        }
        i = j + 1;
    }
    chars
        .into_iter()
        .zip(drop)
        .filter_map(|(c, d)| (!d).then_some(c))
        .collect()
}

/// Converts byte offsets of `s` to UTF-16 code-unit offsets, for many offsets at once.
/// `offsets` must be sorted ascending; each must lie on a char boundary of `s`.
///
/// Counted on bytes: every byte that starts a character is one unit, and a four-byte
/// character (outside the Basic Multilingual Plane) is two.
pub fn utf16_offsets(s: &str, offsets: &[usize]) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(offsets.len());
    let mut units = 0usize;
    let mut at = 0usize;
    for &target in offsets {
        let target = target.min(bytes.len());
        if target > at {
            units += bytes[at..target]
                .iter()
                .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
                .sum::<usize>();
            at = target;
        }
        out.push(units);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `untouched` as first written, a character at a time: the model for the faster one.
    fn untouched_by_chars(original: &str) -> bool {
        let is_letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        let lower = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase());
        let mut prev: Option<char> = None;
        let mut rest = original.chars();
        while let Some(c) = rest.next() {
            if !c.is_ascii() && fold(c) != Some(c) {
                return false;
            }
            let mut ahead = rest.clone();
            let next = ahead.next();
            if leet(c).is_some() && lower(prev) && lower(next) {
                return false;
            }
            if c.is_alphabetic()
                && !is_letter(prev)
                && matches!(next, Some(' ' | '.' | '-' | '_' | '*'))
                && is_letter(ahead.next())
                && !is_letter(ahead.next())
            {
                return false;
            }
            prev = Some(c);
        }
        true
    }

    proptest::proptest! {
        #[test]
        fn untouched_agrees_with_the_character_model(
            text in "[abAB 4$.*_é\u{3B1}\u{1F644}\u{FF41}\u{200B}-]{0,12}"
        ) {
            proptest::prop_assert_eq!(untouched(&text), untouched_by_chars(&text), "{:?}", text);
        }
    }

    #[test]
    fn plain_text_is_unchanged() {
        let d = Doc::new("my patient in bed 4");
        assert_eq!(d.norm, "my patient in bed 4");
        assert_eq!(d.to_original(3, 10), (3, 10));
    }

    #[test]
    fn zero_width_characters_are_dropped_and_spans_map_back() {
        let s = "pa\u{200B}tient 30yo";
        let d = Doc::new(s);
        assert_eq!(d.norm, "patient 30yo");
        let (a, b) = d.to_original(0, 7);
        assert_eq!(&s[a..b], "pa\u{200B}tient");
    }

    #[test]
    fn full_width_digits_and_homoglyphs_fold_to_ascii() {
        let s = "раtient ４５ yo";
        let d = Doc::new(s);
        assert_eq!(d.norm, "patient 45 yo");
        let i = d.norm.find("45").unwrap();
        let (a, b) = d.to_original(i, i + 2);
        assert_eq!(&s[a..b], "４５");
    }

    #[test]
    fn styled_letters_other_digits_and_unicode_spaces_fold_to_ascii() {
        let s = "my 𝐩𝐚𝐭𝐢𝐞𝐧𝐭 in 𝗕𝗲𝗱 𝟰,\u{2028}aged ٨٤\u{1680}today";
        let d = Doc::new(s);
        assert_eq!(d.norm, "my patient in Bed 4,\naged 84 today");
        let i = d.norm.find("Bed").unwrap();
        let (a, b) = d.to_original(i, i + 3);
        assert_eq!(&s[a..b], "𝗕𝗲𝗱");
    }

    #[test]
    fn spaced_and_dotted_letters_are_joined() {
        let s = "my p a t i e n t and the p.t in b-e-d 4";
        let d = Doc::new(s);
        assert_eq!(d.norm, "my patient and the pt in bed 4");
        let i = d.norm.find("patient").unwrap();
        let (a, b) = d.to_original(i, i + "patient".len());
        assert_eq!(&s[a..b], "p a t i e n t");
    }

    #[test]
    fn initials_short_words_and_abbreviations_keep_their_shape() {
        for s in [
            "J. R. Smith",
            "a b c",
            "Plan A. B is fine",
            "I am a nurse",
            "U.S. visa",
            "e.g",
        ] {
            let d = Doc::new(s);
            assert_eq!(d.norm.replace("e.g", "eg"), s.replace("e.g", "eg"), "{s}");
        }
    }

    #[test]
    fn digits_inside_words_become_letters_but_numbers_stay() {
        assert_eq!(Doc::new("my p4ti3nt in b3d 4").norm, "my patient in bed 4");
        assert_eq!(
            Doc::new("30yo, covid19, 4x4, 1,248").norm,
            "30yo, covid19, 4x4, 1,248"
        );
        assert_eq!(Doc::new("NHS 943 476 5919").norm, "NHS 943 476 5919");
    }

    #[test]
    fn a_draft_left_untouched_is_exactly_what_normalising_gives() {
        let samples = [
            "Lady in bay 3 today, 84yo from Hexham 🙄 #nursing",
            "J. R. Smith, a fall, Plan A. B is fine",
            "covid19 4x4 1,248, 3.2kg, A&E",
            "",
        ];
        for s in samples {
            assert!(untouched(s), "{s}");
            let slow = Doc::normalised(s);
            assert_eq!(slow.norm, s);
            let fast = Doc::new(s);
            for (a, b) in s.char_indices().map(|(i, c)| (i, i + c.len_utf8())) {
                assert_eq!(
                    fast.to_original(a, b),
                    slow.to_original(a, b),
                    "{s} {a}..{b}"
                );
                assert_eq!(fast.to_original(a, a), slow.to_original(a, a), "{s} {a}");
            }
        }
        for s in [
            "p4tient",
            "p a t i e n t",
            "pa\u{200B}tient",
            "раtient",
            "p.t",
        ] {
            assert!(!untouched(s), "{s}");
        }
    }

    #[test]
    fn utf16_offsets_agree_with_encode_utf16() {
        let s = "a é 😀 ｐ \u{200B}z 𝔘𝔫";
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let want: Vec<usize> = bounds
            .iter()
            .map(|&b| s[..b].encode_utf16().count())
            .collect();
        assert_eq!(utf16_offsets(s, &bounds), want);
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let s = "😀 bed 4";
        assert_eq!(utf16_offsets(s, &[0, 4, 5, s.len()]), vec![0, 2, 3, 8]);
    }
}
