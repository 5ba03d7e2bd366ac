//! Where someone can be reached: email addresses (3), postcodes and ZIP codes, and
//! street addresses.
//!
//! - UK postcode, full ("SW1A 1AA"): 3; outward code alone ("NE46") after "in",
//!   "from", "postcode"…: 2. Areas come from `data/ids-uk-postcode-areas.txt`.
//! - US ZIP after a state abbreviation or "zip": ZIP+4 3, five digits 2.
//! - Street address with a house number ("12 Elmtree Rd", "42 Wallaby Way"): 3; a named
//!   street alone ("on Queen St", "Elmtree Road"): 2. Street types come from
//!   `data/ids-street-types.txt`; generic names ("High Street", "Memory Lane") from
//!   `data/ids-street-stopwords.txt` are not streets.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::Re;

use super::{claims::Claims, lexicon::word_set, re, Hit};
use crate::category::Category;
use crate::text::Doc;

static AREAS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/ids-uk-postcode-areas.txt")));
static STREET_STOPWORDS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| word_set(include_str!("../../data/ids-street-stopwords.txt")));
const STREET_TYPES: &str = include_str!("../../data/ids-street-types.txt");

static EMAIL: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b",
    )
});
static POSTCODE: LazyLock<Re> =
    LazyLock::new(|| re(r"(?i)\b([A-Z]{1,2})[0-9][A-Z0-9]?\s?[0-9]([A-Z]{2})\b"));
static OUTWARD: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"\b(?i:(postcode|post\s+code)|lives\s+in|living\s+in|from|in|near|around)\s+(([A-Z]{2})[0-9][0-9A-Z]?)\b",
    )
});
static ZIP: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?:\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY),?|\b(?i:zip\s*code|zipcode|zip)\s*[:#]?(?:\s*is)?)\s+([0-9]{5}(?:-[0-9]{4})?)\b",
    )
});

/// Street types as a regex alternation, longest first; `bare` leaves out those marked
/// `|n` (not used for a named street alone).
fn street_types(bare: bool) -> String {
    let mut types: Vec<&str> = STREET_TYPES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| !(bare && l.ends_with("|n")))
        .map(|l| l.split('|').next().unwrap_or(l))
        .collect();
    types.sort_by_key(|t| std::cmp::Reverse(t.len()));
    types
        .iter()
        .map(|t| regex::escape(t))
        .collect::<Vec<_>>()
        .join("|")
}

/// "12 Elmtree Rd", "221B Baker Street", "42 Wallaby Way".
static NUMBERED: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"\b[0-9]{{1,5}}[A-Za-z]?,?\s+(?:[A-Z][a-z']+\s+){{0,2}}[A-Z][a-z']+\s+(?i:{})\b\.?",
        street_types(false)
    ))
});
/// "Queen St", "Great Ormond Street" (type capitalised).
static NAMED: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:[A-Z][a-z']+\s+)?[A-Z][a-z']+\s+(?:{})\b",
        street_types(true)
    ))
});

/// Finds this module's hits in `doc`.
pub fn detect(doc: &Doc, out: &mut Vec<Hit>) {
    let hay = doc.norm.as_str();
    let mut claims = Claims::default();
    for m in EMAIL.find_iter(hay) {
        claims.push(out, Hit::new(m.start(), m.end(), Category::Email, 3));
    }
    postcodes(hay, &mut claims, out);
    zips(hay, &mut claims, out);
    addresses(hay, &mut claims, out);
}

/// Full UK postcodes (3), then outward codes after a cue (2).
fn postcodes(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for caps in POSTCODE.captures_iter(hay) {
        let (Some(all), Some(area), Some(inward)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let inward = inward.as_str().to_uppercase();
        // Inward letters never use C I K M O V; "2nd", "3rd" are ordinals, not postcodes.
        let letters_ok = !inward.contains(['C', 'I', 'K', 'M', 'O', 'V'])
            && !["ST", "ND", "RD", "TH"].contains(&inward.as_str());
        if letters_ok && AREAS.contains(area.as_str().to_uppercase().as_str()) {
            claims.push(out, Hit::new(all.start(), all.end(), Category::Postcode, 3));
        }
    }
    for caps in OUTWARD.captures_iter(hay) {
        let (Some(code), Some(area)) = (caps.get(2), caps.get(3)) else {
            continue;
        };
        // Areas that are also clinical shorthand ("in CT2", "in ST3", "FY1", "CO2",
        // "pH7", "HR1") need the word "postcode".
        let shorthand = ["CT", "ST", "FY", "CO", "PH", "HR"].contains(&area.as_str());
        if AREAS.contains(area.as_str()) && (!shorthand || caps.get(1).is_some()) {
            claims.push(
                out,
                Hit::new(code.start(), code.end(), Category::Postcode, 2),
            );
        }
    }
}

/// US ZIP codes after a state or "zip": ZIP+4 3, five digits 2.
fn zips(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for caps in ZIP.captures_iter(hay) {
        if let Some(m) = caps.get(1) {
            let weight = if m.as_str().len() > 5 { 3 } else { 2 };
            claims.push(
                out,
                Hit::new(m.start(), m.end(), Category::Postcode, weight),
            );
        }
    }
}

/// Street addresses: with a house number (3), then named streets alone (2).
fn addresses(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for m in NUMBERED.find_iter(hay) {
        claims.push(out, Hit::new(m.start(), m.end(), Category::Address, 3));
    }
    for m in NAMED.find_iter(hay) {
        if let Some(start) = street_name_start(hay, m.start(), m.as_str()) {
            claims.push(out, Hit::new(start, m.end(), Category::Address, 2));
        }
    }
}

/// Where a named street really starts: a leading word that opens a sentence or is
/// generic ("Visited Queen St", "The Road") is dropped; `None` if nothing is left that
/// names a street ("High Street", "Memory Lane").
fn street_name_start(hay: &str, start: usize, text: &str) -> Option<usize> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let opens = hay[..start]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| ".!?\n".contains(c));
    let generic = |w: &str| STREET_STOPWORDS.contains(w.to_lowercase().as_str());
    match words.as_slice() {
        [first, name, _] if opens || generic(first) => {
            let offset = text.find(name)?;
            (!generic(name)).then_some(start + offset)
        }
        [first, ..] => (!generic(first)).then_some(start),
        [] => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing;

    fn found(text: &str) -> Vec<(String, Category, u8)> {
        testing::run(detect, text)
    }

    fn one(text: &str, span: &str, category: Category, weight: u8) {
        testing::one(detect, text, span, category, weight)
    }

    #[test]
    fn patterns_compile_and_lists_load() {
        for p in [&EMAIL, &POSTCODE, &OUTWARD, &ZIP, &NUMBERED, &NAMED] {
            LazyLock::force(p);
        }
        assert!(AREAS.contains("NE") && AREAS.contains("SW") && !AREAS.contains("QQ"));
        assert!(street_types(false).contains("Dr") && !street_types(true).contains("Dr"));
    }

    #[test]
    fn emails() {
        one(
            "email me: jo.bloggs+ward@nhs.net.",
            "jo.bloggs+ward@nhs.net",
            Category::Email,
            3,
        );
        assert!(found("@handle and a@b").is_empty());
    }

    #[test]
    fn postcodes_and_zips() {
        one("lives at SW1A 1AA", "SW1A 1AA", Category::Postcode, 3);
        one("ne46 4lt", "ne46 4lt", Category::Postcode, 3);
        one("she's from NE46", "NE46", Category::Postcode, 2);
        one("postcode CT2", "CT2", Category::Postcode, 2);
        one("Austin, TX 78701", "78701", Category::Postcode, 2);
        one("zip code 90210-1234", "90210-1234", Category::Postcode, 3);
    }

    #[test]
    fn street_addresses() {
        one(
            "lives at 12 Elmtree Rd.",
            "12 Elmtree Rd.",
            Category::Address,
            3,
        );
        one(
            "42 Wallaby Way, Sydney",
            "42 Wallaby Way",
            Category::Address,
            3,
        );
        one(
            "221B Baker street",
            "221B Baker street",
            Category::Address,
            3,
        );
        one("lives on Queen St", "Queen St", Category::Address, 2);
        one("on Elmtree Road", "Elmtree Road", Category::Address, 2);
        one("Visited Queen St", "Queen St", Category::Address, 2);
        one(
            "Visited Great Ormond Street",
            "Great Ormond Street",
            Category::Address,
            2,
        );
        one(
            "near Great Ormond Street",
            "Great Ormond Street",
            Category::Address,
            2,
        );
        one("12 High Street", "12 High Street", Category::Address, 3);
    }

    #[test]
    fn hard_negatives() {
        for s in [
            "the road to recovery",
            "The Road to Recovery",
            "high street shops",
            "the High Street shops",
            "down Memory Lane",
            "No Way",
            "in CT2 now",
            "an ST3 in A&E",
            "FY1 on nights",
            "B12 levels",
            "in M1 traffic",
            "on the 2nd floor",
            "top 10 Road Trips",
            "in 2 days",
            "ZIP 123",
            "1,248 patients",
            "ask Dr Smith",
        ] {
            assert!(found(s).is_empty(), "{s:?}: {:?}", found(s));
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["", "@", "a@", "12", "12 ", "St", "😀 Queen St 😀", "NE46"] {
            found(s);
        }
    }
}
