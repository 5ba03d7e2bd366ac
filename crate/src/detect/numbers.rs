//! Numbers that identify a person: health and social-security numbers (recognised by
//! their layout and checksum, or by a keyword), record numbers and incident numbers
//! after a keyword, and phone numbers.

use std::sync::LazyLock;

use super::Re;

use super::claims::Claims;
use super::{re, Hit};
use crate::category::Category;
use crate::text::Doc;

/// Finds this module's hits in `doc`.
pub fn detect(doc: &Doc, out: &mut Vec<Hit>) {
    let hay = doc.norm.as_str();
    let mut claims = Claims::default();
    keyword_numbers(hay, &mut claims, out);
    checksum_numbers(hay, &mut claims, out);
    phones(hay, &mut claims, out);
}

// ---- keywords -------------------------------------------------------------------------

/// A run of 4–16 digits with single spaces or dashes between them.
const DIGITS: &str = r"[0-9](?:[ -]?[0-9]){3,15}";

static HEALTH_KEYWORD: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:nhs|chi|medicare|ihi|phn|ohip|health\s*card|hcn|ssn|ss#|social\s+security|social\s+insurance|sin)(?:\s*(?:number|no\.?|num|#))?\s*(?:is|was)?\s*[:#]?\s*({DIGITS})\b"
    ))
});

static RECORD_KEYWORD: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"(?:\b(?i:mrn|medical\s+record(?:\s+(?:number|no\.?|#))?|hosp(?:ital)?\s*(?:number|no\.?|num|#|id)|patient\s*(?:id|number|no\.?)|chart\s*(?:#|number|no\.?)|case\s*(?:number|no\.?)|unit\s*(?:number|no\.?)|k\s*(?:number|no\.?)|(?:medicaid|medicare|insurance|member|subscriber|policy|health\s+plan|beneficiary|account)\s*(?:id|number|no\.?|#))|\b(?:NHI|UR|URN)(?:\s*(?:number|no\.?|#))?)\s*(?:is|was)?\s*[:#]?\s*([A-Za-z]{{3}}[0-9]{{2}}[A-Za-z]{{2}}|[A-Za-z]{{0,3}}{DIGITS}[A-Za-z]{{0,2}})\b"
    ))
});

static INCIDENT_KEYWORD: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:job|incident|cad|datix|ref(?:erence)?|(?:run|log|case|call|event)\s*(?:number|no\.?|num|#))(?:\s*(?:number|no\.?|num|#))?\s*(?:is|was)?\s*[:#]?\s*([0-9]{3,12}(?:-[0-9]{1,8})?)\b",
    )
});

/// Numbers named by a keyword: record numbers (3), health numbers (3 when a checksum
/// passes, else 2), incident or job numbers (2).
fn keyword_numbers(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for caps in RECORD_KEYWORD.captures_iter(hay) {
        if let Some(m) = caps.get(1).filter(|m| isolated(hay, m.start(), m.end())) {
            claims.push(out, Hit::new(m.start(), m.end(), Category::RecordNumber, 3));
        }
    }
    for caps in HEALTH_KEYWORD.captures_iter(hay) {
        if let Some(m) = caps.get(1).filter(|m| isolated(hay, m.start(), m.end())) {
            let d = digits(m.as_str());
            let weight = if any_checksum(&d) { 3 } else { 2 };
            if d.len() >= 8 {
                claims.push(
                    out,
                    Hit::new(m.start(), m.end(), Category::HealthNumber, weight),
                );
            }
        }
    }
    for caps in INCIDENT_KEYWORD.captures_iter(hay) {
        if let Some(m) = caps.get(1).filter(|m| isolated(hay, m.start(), m.end())) {
            claims.push(
                out,
                Hit::new(m.start(), m.end(), Category::IncidentNumber, 2),
            );
        }
    }
}

// ---- checksums ------------------------------------------------------------------------

/// A layout and the check that a number in that layout must pass.
struct Format {
    pattern: LazyLock<Re>,
    valid: fn(&[u8]) -> bool,
}

static FORMATS: [Format; 6] = [
    // NHS (3 3 4 or plain) and CHI (6 4 or plain).
    Format {
        pattern: LazyLock::new(|| re(r"\b(?:[0-9]{3} ?[0-9]{3} ?[0-9]{4}|[0-9]{6}[ -][0-9]{4})\b")),
        valid: nhs_or_chi,
    },
    // US SSN, dashed or spaced.
    Format {
        pattern: LazyLock::new(|| {
            re(r"\b(?:[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{3} [0-9]{2} [0-9]{4})\b")
        }),
        valid: ssn,
    },
    // Australian Medicare, grouped 4 5 1 (and the issue number).
    Format {
        pattern: LazyLock::new(|| re(r"\b[2-6][0-9]{3} [0-9]{5} [0-9](?: ?[0-9])?\b")),
        valid: medicare_au,
    },
    // Australian IHI.
    Format {
        pattern: LazyLock::new(|| re(r"\b8003 ?60[0-9]{2} ?[0-9]{4} ?[0-9]{4}\b")),
        valid: ihi,
    },
    // Canadian SIN, grouped 3 3 3.
    Format {
        pattern: LazyLock::new(|| re(r"\b[0-9]{3}[ -][0-9]{3}[ -][0-9]{3}\b")),
        valid: sin,
    },
    // US Medicare Beneficiary Identifier (letters exclude S, L, O, I, B, Z).
    Format {
        pattern: LazyLock::new(|| {
            re(
                r"\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y]{2}[0-9]{2}\b",
            )
        }),
        valid: |_| true,
    },
];

/// Health and social-security numbers recognised by layout and checksum (weight 3).
fn checksum_numbers(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for format in &FORMATS {
        for m in format.pattern.find_iter(hay) {
            let s = m.as_str();
            // A plain 10-digit number starting 02/03/04/07/08 is an Australian phone.
            let au_phone =
                s.len() == 10 && matches!(s.as_bytes()[..2], [b'0', b'2'..=b'4' | b'7' | b'8']);
            if !au_phone && isolated(hay, m.start(), m.end()) && (format.valid)(&digits(s)) {
                claims.push(out, Hit::new(m.start(), m.end(), Category::HealthNumber, 3));
            }
        }
    }
}

/// The decimal digits of `s`, as numbers.
fn digits(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// Whether any checksum scheme of this length accepts the digits (keyword numbers).
fn any_checksum(d: &[u8]) -> bool {
    match d.len() {
        9 => ssn(d) || sin(d),
        10 => nhs_or_chi(d) || medicare_au(d) || luhn(d),
        11 => medicare_au(d),
        16 => ihi(d),
        _ => false,
    }
}

/// NHS and CHI numbers share the mod-11 check; a CHI starts with a DDMMYY birth date,
/// and NHS numbers never start with 0, so a leading 0 must be a CHI date.
fn nhs_or_chi(d: &[u8]) -> bool {
    if d.len() != 10 || d.iter().all(|&x| x == d[0]) || !mod11(d) {
        return false;
    }
    d[0] != 0 || ddmmyy(d)
}

/// The NHS/CHI modulus-11 check: weights 10..2 on the first nine digits.
fn mod11(d: &[u8]) -> bool {
    let sum: u32 = d[..9]
        .iter()
        .zip((2..=10u32).rev())
        .map(|(&x, w)| u32::from(x) * w)
        .sum();
    let check = (11 - sum % 11) % 11;
    check != 10 && check == u32::from(d[9])
}

/// Whether the first six digits are a real DDMMYY date.
fn ddmmyy(d: &[u8]) -> bool {
    let day = d[0] * 10 + d[1];
    let month = d[2] * 10 + d[3];
    let max = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=max).contains(&day)
}

/// US SSN rules: area not 000, 666 or 900–999; group not 00; serial not 0000.
fn ssn(d: &[u8]) -> bool {
    if d.len() != 9 {
        return false;
    }
    let area = u32::from(d[0]) * 100 + u32::from(d[1]) * 10 + u32::from(d[2]);
    area != 0 && area != 666 && area < 900 && d[3..5] != [0, 0] && d[5..] != [0, 0, 0, 0]
}

/// Australian Medicare: first digit 2–6, check digit = weighted sum (1,3,7,9,…) mod 10.
fn medicare_au(d: &[u8]) -> bool {
    if !(d.len() == 10 || d.len() == 11) || !(2..=6).contains(&d[0]) {
        return false;
    }
    let sum: u32 = d[..8]
        .iter()
        .zip([1, 3, 7, 9, 1, 3, 7, 9])
        .map(|(&x, w)| u32::from(x) * w)
        .sum();
    sum % 10 == u32::from(d[8])
}

/// Australian Individual Healthcare Identifier: 16 digits, prefix 800360, Luhn.
fn ihi(d: &[u8]) -> bool {
    d.len() == 16 && d.starts_with(&[8, 0, 0, 3, 6, 0]) && luhn(d)
}

/// Canadian SIN: 9 digits, Luhn, not starting 0 or 8.
fn sin(d: &[u8]) -> bool {
    d.len() == 9 && d[0] != 0 && d[0] != 8 && luhn(d)
}

/// The Luhn (mod 10) check over all digits, the last being the check digit.
fn luhn(d: &[u8]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            let x = u32::from(x) * if i % 2 == 1 { 2 } else { 1 };
            if x > 9 {
                x - 9
            } else {
                x
            }
        })
        .sum();
    !d.is_empty() && sum.is_multiple_of(10)
}

/// True unless the span is glued to more of a number: "1,248", "3.14159", "12/2024",
/// "£1234567890", "10:30".
fn isolated(hay: &str, start: usize, end: usize) -> bool {
    let before: Vec<char> = hay[..start].chars().rev().take(2).collect();
    let mut after = hay[end..].chars();
    let (a1, a2) = (after.next(), after.next());
    let digit = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit());
    let glued_before = match before.first() {
        Some('/' | ':' | '+' | '$' | '£' | '€') => true,
        Some('.' | ',' | '-') => digit(before.get(1)),
        _ => false,
    };
    let glued_after = match a1 {
        Some('/' | ':' | '%') => true,
        Some('.' | ',' | '-') => digit(a2.as_ref()),
        _ => false,
    };
    !glued_before && !glued_after
}

// ---- phones ---------------------------------------------------------------------------

static PHONES: LazyLock<Re> = LazyLock::new(|| {
    re(concat!(
        // UK mobile: 07xxx xxxxxx, +44 7xxx xxxxxx.
        r"(?:\+44\s?(?:\(0\)\s?)?7[0-9]{3}|\b07[0-9]{3})\s?[0-9]{3}\s?[0-9]{3}\b",
        // UK geographic: 01xxx xxxxxx, 01xx xxx xxxx, 02x xxxx xxxx, 03xx xxx xxxx.
        r"|(?:\+44\s?(?:\(0\)\s?)?|\b0)(?:1[0-9]{3}\s?[0-9]{3}\s?[0-9]{3}|1[0-9]{2}\s?[0-9]{3}\s?[0-9]{4}|2[0-9]\s?[0-9]{4}\s?[0-9]{4}|3[0-9]{2}\s?[0-9]{3}\s?[0-9]{4})\b",
        // Australian mobile and landline.
        r"|(?:\+61\s?4|\b04)[0-9]{2}\s?[0-9]{3}\s?[0-9]{3}\b",
        r"|(?:\+61\s?[2378]|\(0[2378]\)|\b0[2378])\s?[0-9]{4}\s?[0-9]{4}\b",
        // North American: (555) 123-4567, 555-123-4567, 555.123.4567, +1 555 123 4567.
        r"|(?:\+1[\s.-]?)?(?:\([2-9][0-9]{2}\)\s?|\b[2-9][0-9]{2}[-.\s])[0-9]{3}[-.\s][0-9]{4}\b",
    ))
});

/// Phone numbers (weight 3).
fn phones(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for m in PHONES.find_iter(hay) {
        if isolated(hay, m.start(), m.end()) {
            claims.push(out, Hit::new(m.start(), m.end(), Category::Phone, 3));
        }
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

    fn d(s: &str) -> Vec<u8> {
        digits(s)
    }

    #[test]
    fn patterns_compile() {
        for f in &FORMATS {
            LazyLock::force(&f.pattern);
        }
        LazyLock::force(&HEALTH_KEYWORD);
        LazyLock::force(&RECORD_KEYWORD);
        LazyLock::force(&INCIDENT_KEYWORD);
        LazyLock::force(&PHONES);
    }

    #[test]
    fn checksums_accept_valid_and_reject_invalid_numbers() {
        assert!(nhs_or_chi(&d("9434765919")));
        assert!(!nhs_or_chi(&d("9434765918")));
        assert!(!nhs_or_chi(&d("4444444444")), "repeated digits");
        assert!(nhs_or_chi(&d("0101001231")), "CHI with a date");
        assert!(mod11(&d("0040001237")));
        assert!(
            !nhs_or_chi(&d("0040001237")),
            "leading 0 needs a DDMMYY date"
        );
        assert!(ssn(&d("123456789")));
        assert!(!ssn(&d("666456789")) && !ssn(&d("923456789")) && !ssn(&d("000456789")));
        assert!(!ssn(&d("123006789")) && !ssn(&d("123450000")));
        assert!(medicare_au(&d("2123456701")));
        assert!(!medicare_au(&d("2123456711")));
        assert!(!medicare_au(&d("1123456701")), "first digit 2-6");
        assert!(ihi(&d("8003601234567894")));
        assert!(!ihi(&d("8003601234567893")));
        assert!(sin(&d("130692544")));
        assert!(!sin(&d("130692545")));
        assert!(
            luhn(&d("846454288")) && !sin(&d("846454288")),
            "first digit 8"
        );
    }

    #[test]
    fn nhs_numbers_with_valid_checksums_identify() {
        one(
            "NHS 943 476 5919 in the notes",
            "943 476 5919",
            Category::HealthNumber,
            3,
        );
        one("pt 9434765919", "9434765919", Category::HealthNumber, 3);
        one("CHI 010100 1231", "010100 1231", Category::HealthNumber, 3);
        one("chi: 0101001231", "0101001231", Category::HealthNumber, 3);
        one(
            "NHS no 943 476 5918",
            "943 476 5918",
            Category::HealthNumber,
            2,
        );
    }

    #[test]
    fn other_health_numbers() {
        one("SSN 123-45-6789", "123-45-6789", Category::HealthNumber, 3);
        one(
            "her SSN is 123456789",
            "123456789",
            Category::HealthNumber,
            3,
        );
        one(
            "ssn 666-45-6789 lol",
            "666-45-6789",
            Category::HealthNumber,
            2,
        );
        one(
            "MBI 1EG4-TE5-MK73",
            "1EG4-TE5-MK73",
            Category::HealthNumber,
            3,
        );
        one(
            "card 2123 45670 1",
            "2123 45670 1",
            Category::HealthNumber,
            3,
        );
        one(
            "IHI 8003 6012 3456 7894",
            "8003 6012 3456 7894",
            Category::HealthNumber,
            3,
        );
        one("sin 130 692 544", "130 692 544", Category::HealthNumber, 3);
        one("got 130-692-544", "130-692-544", Category::HealthNumber, 3);
    }

    #[test]
    fn numbers_failing_checksums_are_not_health_numbers() {
        assert!(found("ref 943 476 5918")
            .iter()
            .all(|h| h.1 != Category::HealthNumber));
        assert!(found("943 476 5918")
            .iter()
            .all(|h| h.1 != Category::HealthNumber));
        assert!(found("000-12-3456 and 123-00-4567").is_empty());
        assert!(found("2123 45671 1").is_empty());
    }

    #[test]
    fn record_and_incident_numbers_need_a_keyword() {
        one("MRN 12345678", "12345678", Category::RecordNumber, 3);
        one(
            "her Medicaid ID is 98765432A, ok?",
            "98765432A",
            Category::RecordNumber,
            3,
        );
        one(
            "insurance member # 44-1234567",
            "44-1234567",
            Category::RecordNumber,
            3,
        );
        one("hosp no: K123456", "K123456", Category::RecordNumber, 3);
        one(
            "hospital number 1234 5678",
            "1234 5678",
            Category::RecordNumber,
            3,
        );
        one("NHI ABC1234", "ABC1234", Category::RecordNumber, 3);
        one("UR number 556677", "556677", Category::RecordNumber, 3);
        one("chart # 998877", "998877", Category::RecordNumber, 3);
        one("job 4417 was grim", "4417", Category::IncidentNumber, 2);
        one("incident #20931", "20931", Category::IncidentNumber, 2);
        one("CAD 123", "123", Category::IncidentNumber, 2);
        assert!(found("ur 12345 minutes late").is_empty(), "'ur' is 'your'");
        assert!(found("a job 12 hours long").is_empty());
    }

    #[test]
    fn phone_numbers() {
        one("ring 07700 900123", "07700 900123", Category::Phone, 3);
        one("+44 7700 900123", "+44 7700 900123", Category::Phone, 3);
        one("0161 496 0000 x", "0161 496 0000", Category::Phone, 3);
        one("020 7946 0000", "020 7946 0000", Category::Phone, 3);
        one("call (555) 123-4567", "(555) 123-4567", Category::Phone, 3);
        one("call 555-123-4567", "555-123-4567", Category::Phone, 3);
        one("0412 345 678", "0412 345 678", Category::Phone, 3);
        one("0412345678", "0412345678", Category::Phone, 3);
        one("(02) 9876 5432", "(02) 9876 5432", Category::Phone, 3);
    }

    #[test]
    fn hard_negatives() {
        for s in [
            "call 111",
            "dial 999 or 911",
            "in 2024",
            "£1,248.00 for 1,248 patients",
            "at 10:30",
            "version 1.2.3.4",
            "5919 1234567890",
            "3 coffees and 2 hours",
            "1234567890",
            "ids 30 40 50 60 70",
            "12/03/2024",
        ] {
            assert!(found(s).is_empty(), "{s:?}: {:?}", found(s));
        }
    }

    #[test]
    fn claims_keep_the_first_overlapping_span() {
        let mut c = Claims::default();
        let mut out = Vec::new();
        assert!(c.push(&mut out, Hit::new(5, 10, Category::Phone, 3)));
        assert!(!c.push(&mut out, Hit::new(0, 6, Category::Phone, 3)));
        assert!(!c.push(&mut out, Hit::new(9, 12, Category::Phone, 3)));
        assert!(!c.push(&mut out, Hit::new(6, 7, Category::Phone, 3)));
        assert!(c.push(&mut out, Hit::new(10, 12, Category::Phone, 3)));
        assert!(c.push(&mut out, Hit::new(0, 5, Category::Phone, 3)));
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["", "#", "£", "😀0412345678😀", "MRN", "NHS 9", "+", "1-"] {
            found(s);
        }
    }
}
