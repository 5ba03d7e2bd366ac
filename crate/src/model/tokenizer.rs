//! The model's tokenizer: BERT's uncased WordPiece, as all-MiniLM-L6-v2 (and so the static
//! embeddings distilled from it) was trained with. Lowercases, folds Latin accents, drops
//! control characters, splits on whitespace and punctuation (each punctuation character a
//! token of its own, CJK ideographs too), then cuts each word into the longest pieces the
//! vocabulary has (`##` marks a piece inside a word). A word with no cut is unknown and
//! dropped, as model2vec drops `[UNK]` before pooling.
//!
//! The trainer reads token ids from this tokenizer (`bedside features`), so training and
//! the shipped model tokenize the same way by construction.

use std::collections::HashMap;

/// Longest word cut into pieces; longer ones are unknown (BERT's limit).
const MAX_WORD_CHARS: usize = 100;

/// A WordPiece vocabulary: token -> id.
pub struct Vocab {
    ids: HashMap<Box<str>, u32>,
}

/// A token of the draft: its id, and the byte span of the word it came from in the text
/// given to [`Vocab::tokenize`] (pieces of one word share the word's span).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub id: u32,
    pub start: usize,
    pub end: usize,
}

impl Vocab {
    /// Builds the vocabulary from its tokens, in id order.
    pub fn new<'a>(tokens: impl IntoIterator<Item = &'a str>) -> Vocab {
        let ids = tokens
            .into_iter()
            .enumerate()
            .map(|(i, t)| (Box::from(t), i as u32))
            .collect();
        Vocab { ids }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Appends the known tokens of `text` to `out`.
    pub fn tokenize(&self, text: &str, out: &mut Vec<Token>) {
        let mut word = String::new();
        let mut start = 0;
        let mut piece = String::new();
        for (i, c) in text.char_indices() {
            if c.is_whitespace() || is_control(c) {
                self.word(&word, start, i, &mut piece, out);
                word.clear();
                continue;
            }
            if is_punctuation(c) || is_cjk(c) {
                self.word(&word, start, i, &mut piece, out);
                word.clear();
                push_folded(c, &mut word);
                self.word(&word, i, i + c.len_utf8(), &mut piece, out);
                word.clear();
                continue;
            }
            if word.is_empty() {
                start = i;
            }
            push_folded(c, &mut word);
        }
        self.word(&word, start, text.len(), &mut piece, out);
    }

    /// Cuts one lowercased word into pieces, or nothing if it has no cut.
    fn word(&self, word: &str, start: usize, end: usize, piece: &mut String, out: &mut Vec<Token>) {
        if word.is_empty() || word.chars().count() > MAX_WORD_CHARS {
            return;
        }
        let mark = out.len();
        let mut at = 0;
        while at < word.len() {
            let mut cut = word.len();
            let found = loop {
                piece.clear();
                if at > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&word[at..cut]);
                if let Some(&id) = self.ids.get(piece.as_str()) {
                    break Some(id);
                }
                // The next shorter cut on a character boundary.
                match word[at..cut].char_indices().next_back() {
                    Some((i, _)) if i > 0 => cut = at + i,
                    _ => break None,
                }
            };
            match found {
                Some(id) => {
                    out.push(Token { id, start, end });
                    at = cut;
                }
                None => {
                    out.truncate(mark);
                    return;
                }
            }
        }
    }
}

fn is_control(c: char) -> bool {
    c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// ASCII punctuation and symbols, and the common Unicode punctuation blocks.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32,
            0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF
            | 0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003 | 0x3008..=0x3011
            | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// Lowercases `c` and folds a Latin accent away ("É" -> "e"), as BERT's uncased
/// normaliser does by decomposing and dropping the marks.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        out.push(fold_accent(l));
    }
}

fn fold_accent(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocab {
        Vocab::new(["[PAD]", "[UNK]", "my", "patient", "in", "bed", "4", "!", "un", "##believ", "##able", "cafe", ",", "x"])
    }

    fn ids(v: &Vocab, s: &str) -> Vec<u32> {
        let mut out = Vec::new();
        v.tokenize(s, &mut out);
        out.iter().map(|t| t.id).collect()
    }

    #[test]
    fn splits_lowercases_and_cuts_words() {
        let v = vocab();
        assert_eq!(ids(&v, "My PATIENT in bed 4!"), [2, 3, 4, 5, 6, 7]);
        assert_eq!(ids(&v, "unbelievable"), [8, 9, 10]);
        assert_eq!(ids(&v, "Café,x"), [11, 12, 13]);
        // A word with no cut is dropped whole, not in part.
        assert_eq!(ids(&v, "unbelievablez my"), [2]);
        assert!(ids(&v, "🙈\u{0} \u{fffd}").is_empty());
    }

    #[test]
    fn tokens_carry_their_word_span() {
        let v = vocab();
        let mut out = Vec::new();
        let text = "oh unbelievable!";
        v.tokenize(text, &mut out);
        assert_eq!(out.len(), 4);
        assert!(out[..3].iter().all(|t| &text[t.start..t.end] == "unbelievable"));
        assert_eq!(&text[out[3].start..out[3].end], "!");
    }
}
