//! Dates and ages. A date of birth ("DOB 3/12/61", "born 12 March 1961") identifies
//! alone (weight 3); a dated event ("on 3rd March", "9/18", "last Tuesday the 14th") is a
//! strong detail (2). An age ("30yo", "aged 82", "in her 80s", "Mrs P (84)") is 2, and 3
//! over 89, which HIPAA treats as identifying.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Captures;

use super::Re;

use super::{claims::Claims, re, Hit};
use crate::category::Category;
use crate::text::Doc;

/// Finds this module's hits in `doc`.
pub fn detect(doc: &Doc, out: &mut Vec<Hit>) {
    let hay = doc.norm.as_str();
    let mut claims = Claims::default();
    dates(hay, &mut claims, out);
    ages(hay, &mut claims, out);
}

// ---- dates ----------------------------------------------------------------------------

const DAY: &str = r"(?:[12][0-9]|3[01]|0?[1-9])";
const ORD: &str = r"(?:st|nd|rd|th)";
/// Month names; "March", "Mar" and "May" only with a capital (they are words too).
const MONTH: &str = r"(?:(?i:january|february|april|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec)|March|Mar|May)\.?";

/// Day and month names: "3rd March 2024", "12 of June", "March 3rd, 2024".
static NAMED: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"\b{DAY}{ORD}?\s+(?:of\s+)?{MONTH}\b(?:,?\s+(?:19|20)[0-9]{{2}}\b|\s+'[0-9]{{2}}\b)?|\b{MONTH}\s+{DAY}{ORD}?\b(?:,?\s+(?:19|20)[0-9]{{2}}\b)?"
    ))
});

/// Numeric dates with a year: "12/03/2024", "3.12.61", "2024-03-12".
static NUMERIC: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"\b([0-9]{1,2})[/.-]([0-9]{1,2})[/.-](?:[0-9]{4}|[0-9]{2})\b|\b(?:19|20)[0-9]{2}-([0-9]{2})-([0-9]{2})\b",
    )
});

/// Day and month alone: "9/18", "on 3/4".
static SHORT: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i:\b(on|since|from|until|till|by|dated|before|after|[a-z]+day)\s+)?\b([0-9]{1,2})/([0-9]{1,2})\b",
    )
});

/// Ordinal days: "last Tuesday the 14th", "on the 3rd", "Tuesday 14th".
static ORDINAL: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(last|this|next|on|since|from|until|till|by)\s+)?(?:((?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+)?(?:the\s+)?([0-9]{{1,2}})({ORD})\b"
    ))
});

/// What makes a date a date of birth.
static BIRTH: LazyLock<Re> = LazyLock::new(|| {
    re(r"(?i)\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|born(?:\s+on)?|birthday(?:\s+is)?)\s*[:-]?\s*")
});

/// Dates: first collected as events (2), then upgraded to births when a cue precedes.
fn dates(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    let from = out.len();
    for m in NAMED.find_iter(hay) {
        claims.push(out, date(m.start(), m.end()));
    }
    for caps in NUMERIC.captures_iter(hay) {
        if numeric_ok(hay, &caps) {
            let m = caps.get(0).map_or(0..0, |m| m.range());
            claims.push(out, date(m.start, m.end));
        }
    }
    for caps in SHORT.captures_iter(hay) {
        if let Some(m) = caps.get(2).filter(|_| short_ok(hay, &caps)) {
            let end = caps.get(3).map_or(m.end(), |m| m.end());
            claims.push(out, date(m.start(), end));
        }
    }
    for caps in ORDINAL.captures_iter(hay) {
        if let Some((start, end)) = ordinal_span(hay, &caps) {
            claims.push(out, date(start, end));
        }
    }
    mark_births(hay, &mut out[from..]);
}

fn date(start: usize, end: usize) -> Hit {
    Hit::new(start, end, Category::Date, 2)
}

/// A date right after "DOB", "born" or "date of birth" becomes a birth date (3), its
/// span taking in the cue.
fn mark_births(hay: &str, hits: &mut [Hit]) {
    for cue in BIRTH.find_iter(hay) {
        if let Some(h) = hits.iter_mut().find(|h| h.start == cue.end()) {
            h.start = cue.start();
            h.weight = 3;
        }
    }
}

fn num(caps: &Captures, i: usize) -> Option<u32> {
    caps.get(i)?.as_str().parse().ok()
}

/// A day and month in either order (D/M or M/D).
fn day_month(a: u32, b: u32) -> bool {
    ((1..=31).contains(&a) && (1..=12).contains(&b))
        || ((1..=12).contains(&a) && (1..=31).contains(&b))
}

fn numeric_ok(hay: &str, caps: &Captures) -> bool {
    let whole = caps.get(0).map_or(0..0, |m| m.range());
    let parts = match (num(caps, 1), num(caps, 2), num(caps, 3), num(caps, 4)) {
        (Some(a), Some(b), _, _) => day_month(a, b),
        (_, _, Some(m), Some(d)) => (1..=12).contains(&m) && (1..=31).contains(&d),
        _ => false,
    };
    parts && !glued(hay, whole.start, whole.end)
}

/// "9/18" alone is a date when it can only be month/day; after "on", "since"… any
/// valid day and month will do. "24/7" and scores ("8/10", "3/15") are not dates.
fn short_ok(hay: &str, caps: &Captures) -> bool {
    let (Some(a), Some(b), Some(m)) = (num(caps, 2), num(caps, 3), caps.get(2)) else {
        return false;
    };
    let end = caps.get(3).map_or(m.end(), |m| m.end());
    if glued(hay, m.start(), end) || (a, b) == (24, 7) {
        return false;
    }
    match caps.get(1) {
        Some(_) => day_month(a, b),
        None => (1..=12).contains(&a) && (13..=31).contains(&b) && b != 15 && b != 20,
    }
}

/// The span of an ordinal day, when it reads as a date: with a weekday or a cue
/// ("on the 3rd"), or ending a clause ("it was the 3rd.") — not "the 3rd time".
fn ordinal_span(hay: &str, caps: &Captures) -> Option<(usize, usize)> {
    let whole = caps.get(0)?;
    let n: u32 = caps.get(3)?.as_str().parse().ok()?;
    if !ordinal_ok(n, caps.get(4)?.as_str()) || glued(hay, whole.start(), whole.end()) {
        return None;
    }
    let weekday = caps.get(2).is_some();
    let cue = caps
        .get(1)
        .is_some_and(|c| !matches!(c.as_str().to_lowercase().as_str(), "last" | "this" | "next"));
    let has_the = whole.as_str().to_lowercase().contains("the ");
    let clause_end = hay[whole.end()..]
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| ".,!?;:)".contains(c));
    let start = if weekday || cue {
        whole.start()
    } else {
        caps.get(3)?.start()
    };
    (weekday || cue || (has_the && clause_end)).then_some((start, whole.end()))
}

/// Whether `suffix` is the right ordinal suffix for day `n` (1st, 2nd, 3rd, 11th…).
fn ordinal_ok(n: u32, suffix: &str) -> bool {
    let want = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    (1..=31).contains(&n) && suffix.eq_ignore_ascii_case(want)
}

/// True when the span continues a longer number ("192.168.1.1", "1/2/3/4", "9/18%").
fn glued(hay: &str, start: usize, end: usize) -> bool {
    let before = hay[..start].chars().next_back();
    let mut after = hay[end..].chars();
    let (a1, a2) = (after.next(), after.next());
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    matches!(before, Some('/' | '.' | '-' | ':')) && digit(hay[..start].chars().rev().nth(1))
        || matches!(a1, Some('%'))
        || matches!(a1, Some('/' | '.' | '-' | ':')) && digit(a2)
}

// ---- ages -----------------------------------------------------------------------------

/// "30yo", "31 y/o M", "30-year-old", "7 years old", "a 29yoF".
static AGE_UNIT: LazyLock<Re> = LazyLock::new(|| {
    re(r"\b([0-9]{1,3})\s?-?\s?(?:yo[mf]?\b|y/o\b|y\.o\.?|(?:years?|yrs?)[\s-]old\b)(?:\s?[MF]\b)?")
});

/// "3-month-old", "6 week old", "2 day old".
static INFANT: LazyLock<Re> =
    LazyLock::new(|| re(r"\b[0-9]{1,2}\s?-?\s?(?:months?|mo|weeks?|wks?|days?)[\s-]old\b"));

/// "aged 82", "age 94".
static AGED: LazyLock<Re> = LazyLock::new(|| re(r"\b(?i:aged?)\s+([0-9]{1,3})\b"));

/// A birthday: "on her 94th", "his 100th birthday".
static BIRTHDAY: LazyLock<Re> = LazyLock::new(|| {
    re(r"(?i)\b(?:her|his|their|your)\s+([0-9]{1,3})(?:st|nd|rd|th)(?:\s+birthday|\s+bday)?\b")
});

/// "in her 80s", "in his early nineties", "a nonagenarian".
static DECADE: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)\bin\s+(?:her|his|their)\s+(?:(?:early|mid|late)[\s-]?)?(?:([1-9])0'?s|(teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b|\b(octogenarian|nonagenarian|centenarian)\b",
    )
});

/// "(84)" after a person: "Mrs P (84)", "Mr Smith (84)", "lady (84)".
static PAREN: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+[A-Z][A-Za-z'-]*\.?|\b[A-Z]\.?|\b(?i:man|woman|lady|gent|gentleman|guy|bloke|boy|girl|male|female|patient|pt|son|daughter|wife|husband|mum|dad|mother|father|grandma|grandad|nan))\s?(\(([0-9]{1,3})\))",
    )
});

/// Ages (2; 3 over 89).
fn ages(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    // The years are the only digits in these matches: read from the match, not from a
    // capture group, which costs the regex a second, slower search of each match.
    for m in AGE_UNIT.find_iter(hay) {
        push_years(m.range(), years(m.as_str()), claims, out);
    }
    for m in INFANT.find_iter(hay) {
        claims.push(out, Hit::new(m.start(), m.end(), Category::Age, 2));
    }
    for m in AGED.find_iter(hay) {
        if !glued(hay, m.start(), m.end()) {
            push_years(m.range(), years(m.as_str()), claims, out);
        }
    }
    for m in BIRTHDAY.find_iter(hay) {
        push_years(m.range(), years(m.as_str()), claims, out);
    }
    for caps in DECADE.captures_iter(hay) {
        if let Some(m) = caps.get(0) {
            let text = m.as_str().to_lowercase();
            let old = text.contains("90")
                || text.contains("nonagen")
                || text.contains("ninet")
                || text.contains("centen");
            claims.push(
                out,
                Hit::new(m.start(), m.end(), Category::Age, if old { 3 } else { 2 }),
            );
        }
    }
    for caps in PAREN.captures_iter(hay) {
        push_age(&caps, 1, 2, claims, out);
    }
}

/// Pushes capture `span` as an age whose years are capture `years` (1–125).
fn push_age(caps: &Captures, span: usize, years: usize, claims: &mut Claims, out: &mut Vec<Hit>) {
    if let Some(m) = caps.get(span) {
        push_years(m.range(), num(caps, years), claims, out);
    }
}

/// Pushes `span` as an age of `years` (1–125; over 89 weighs 3).
fn push_years(span: Range<usize>, years: Option<u32>, claims: &mut Claims, out: &mut Vec<Hit>) {
    let Some(n) = years.filter(|n| (1..=125).contains(n)) else {
        return;
    };
    let weight = if n > 89 { 3 } else { 2 };
    claims.push(out, Hit::new(span.start, span.end, Category::Age, weight));
}

/// The first run of ASCII digits in `text`, as a number.
fn years(text: &str) -> Option<u32> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits = &text[start..];
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing;

    proptest::proptest! {
        /// Reading the years from the match gives what the capture group gave.
        #[test]
        fn years_read_from_the_match_are_the_captured_years(
            hay in testing::texts_of(
                &["1", "84", "123", "7", " ", "-", "yo", "y/o", "years old", "yr-old",
                      "aged ", "age", "her ", "th", "st", " birthday", "M", "x", "/"],
                12,
            )
        ) {
            for re in [&*AGE_UNIT, &*AGED, &*BIRTHDAY] {
                let want: Vec<_> = re
                    .regex()
                    .captures_iter(&hay)
                    .map(|c| (c.get(0).unwrap().range(), num(&c, 1)))
                    .collect();
                let got: Vec<_> = re
                    .regex()
                    .find_iter(&hay)
                    .map(|m| (m.range(), years(m.as_str())))
                    .collect();
                proptest::prop_assert_eq!(got, want, "{} on {:?}", re.as_str(), hay);
            }
        }
    }

    fn found(text: &str) -> Vec<(String, Category, u8)> {
        testing::run(detect, text)
    }

    fn one(text: &str, span: &str, category: Category, weight: u8) {
        testing::one(detect, text, span, category, weight)
    }

    #[test]
    fn patterns_compile() {
        for p in [
            &NAMED, &NUMERIC, &SHORT, &ORDINAL, &BIRTH, &AGE_UNIT, &INFANT, &AGED, &DECADE, &PAREN,
        ] {
            LazyLock::force(p);
        }
    }

    #[test]
    fn dates_of_birth_identify() {
        one("DOB 3/12/61 fyi", "DOB 3/12/61", Category::Date, 3);
        one(
            "she was born 12 March 1961",
            "born 12 March 1961",
            Category::Date,
            3,
        );
        one(
            "date of birth: 1961-03-12",
            "date of birth: 1961-03-12",
            Category::Date,
            3,
        );
    }

    #[test]
    fn dated_events() {
        one("came in on 3rd March", "3rd March", Category::Date, 2);
        one("seen 9/18 in clinic", "9/18", Category::Date, 2);
        one("it was the 3rd.", "3rd", Category::Date, 2);
        one("on the 3rd she fell", "on the 3rd", Category::Date, 2);
        one("admitted 12/03/2024", "12/03/2024", Category::Date, 2);
        one(
            "last Tuesday the 14th",
            "last Tuesday the 14th",
            Category::Date,
            2,
        );
        one(
            "March 3rd, 2024 was wild",
            "March 3rd, 2024",
            Category::Date,
            2,
        );
        one("on 3/4 at night", "3/4", Category::Date, 2);
    }

    #[test]
    fn ages() {
        one("a 29yo in resus", "29yo", Category::Age, 2);
        one("31 y/o M with chest pain", "31 y/o M", Category::Age, 2);
        one("30-year-old man", "30-year-old", Category::Age, 2);
        one("30 year old", "30 year old", Category::Age, 2);
        one("she is 7 years old", "7 years old", Category::Age, 2);
        one("aged 82", "aged 82", Category::Age, 2);
        one("in her 80s", "in her 80s", Category::Age, 2);
        one("my 4yo", "4yo", Category::Age, 2);
        one("Mrs P (84) fell", "(84)", Category::Age, 2);
        one("a 3-month-old", "3-month-old", Category::Age, 2);
    }

    #[test]
    fn ages_over_89_identify() {
        one("92yo", "92yo", Category::Age, 3);
        one("aged 94", "aged 94", Category::Age, 3);
        one("Dot on her 94th 🥳", "her 94th", Category::Age, 3);
        one("his 40th birthday", "his 40th birthday", Category::Age, 2);
        one("in his 90s", "in his 90s", Category::Age, 3);
        one(
            "a lady in her late nineties",
            "in her late nineties",
            Category::Age,
            3,
        );
    }

    #[test]
    fn hard_negatives() {
        for s in [
            "30 years of experience",
            "3 coffees",
            "2 hours",
            "top 10",
            "24/7",
            "1,248 patients",
            "95% CI",
            "5 years ago",
            "pain 8/10",
            "GCS 3/15",
            "the 3rd time this week",
            "I may be late",
            "we march on",
            "2 decades",
            "192.168.1.1",
            "ip 10.0.0.1",
            "May 2024",
            "the hospital is 200 years old",
            "table (12)",
            "the 33rd",
        ] {
            assert!(found(s).is_empty(), "{s:?}: {:?}", found(s));
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "(",
            "DOB",
            "born ",
            "the 99th",
            "😀 3/12/61 😀",
            "/9/18",
            "0/0",
        ] {
            found(s);
        }
    }
}
