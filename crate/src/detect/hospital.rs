//! Details only a hospital has: bed, bay, cubicle, room and ward numbers ("bed 4",
//! "side room 3", "ward 9"), exact lab values ("Hb 54", "potassium of 7.2", "BP
//! 220/130"), and photos or scans of a patient ("x-ray of his", "look at this CT").
//! All weight 2, except a bare test panel named without a value ("LFTs"): 1.

use std::ops::Range;
use std::sync::LazyLock;

use super::Re;

use super::{claims::Claims, re, Hit};
use crate::category::Category;
use crate::text::Doc;

static PLACE: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)\b(side\s*room|bed\s*space|bed|bay|cubicle|cubie|cube|room|resus|trolley|pod|ward)\s*(?:no\.?\s*|number\s+|#\s*)?([0-9]{1,3}[A-Za-z]?)\b(?:\s+([A-Za-z-]+))?",
    )
});

/// Words after "bed 4" that make the number a quantity ("in bed 4 days").
const QUANTITY: &[&str] = &[
    "hours", "hour", "hrs", "hr", "mins", "minutes", "days", "day", "weeks", "week", "months",
    "years", "times", "nights", "am", "pm", "o'clock", "more", "extra", "beds", "rooms", "bays",
];
/// Words after "ward 3" that make it an electoral ward.
const ELECTORAL: &[&str] = &[
    "councillor",
    "councillors",
    "councilor",
    "councilors",
    "council",
    "election",
    "elections",
    "by-election",
    "candidate",
    "candidates",
    "seat",
    "vote",
    "voters",
    "ballot",
    "residents",
    "member",
    "members",
];

/// Unambiguous analyte names, matched in any case.
const ANALYTES: &str = r"haemoglobin|hemoglobin|hb|potassium|sodium|o2\s+sats|spo2|sats|bac|blood\s+alcohol|inr|glucose|cbg|bgl|blood\s+sugars?|bms?|bp|blood\s+pressure|troponin|trop|lactate|crp|wcc|wbc|platelets|plts?|creatinine|creat|urea|egfr|bilirubin|bili|ketones|hba1c|temperature|temp|heart\s+rate|resp\s+rate|gcs|paracetamol\s+level|salicylate|ammonia|amylase|lipase|d-dimer|ferritin|tsh|magnesium|calcium|albumin|cholesterol|ck|pco2|po2|hco3|ca-?125|ca\s?19-9|cea|afp|psa|b-?hcg|beta\s+hcg|hcg|ldh|vitamin\s+d|b12|folate|ige|esr|procalcitonin|bnp|nt-probnp|viral\s+load|cd4|psa\s+level";
/// Short analyte names that are also words: matched as written.
const ANALYTES_CASED: &str = r"K\+?|Na\+?|HR|RR|ALT|AST|ALP|GGT|pH|Ca|Mg|BE";

static LAB: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?i:{ANALYTES})|{ANALYTES_CASED})(?:\s+(?i:of|was|were|is|at|only|down\s+to|up\s+to|came\s+back(?:\s+at)?)){{0,2}}\s*[:=]?\s*(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]{{1,6}})(?:\.[0-9]+)?(?:/[0-9]{{1,3}})?%?(?:\s+([A-Za-z]+))?"
    ))
});
static PANEL: LazyLock<Re> =
    LazyLock::new(|| re(r"\b(?:LFTs|U&Es|U\+Es|FBC|ABG|VBG|TFTs|coag\s+screen)(?:\b|$)"));

static IMAGE: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:x-?rays?|photos?|pics?|pictures?|images?|scans?|ct|mri|ultrasound|selfie|snap)\s+of\s+(?:his|her|their|the|this|that|a|my|patient|pt|mr|mrs|ms|miss)\b|\bselfies?\s+with\s+(?:my|our|a|the|this)\b|\blook(?:ing)?\s+at\s+(?:this|these)\s+(?:x-?rays?|photos?|pics?|scans?|ct|mri|images?|wounds?|rash)\b",
    )
});

/// Pictures of what identifies patients: a list, board or sheet of them, or their names
/// or dates of birth in a photo ("ignore the names and DOBs on the pic") — 3.
static IDENTIFYING_IMAGE: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:names?|dobs?|dates?\s+of\s+birth|details|hospital\s+numbers?|nhs\s+numbers?|addresses|labels?|wristbands?)\s+(?:\w+\s+){0,3}(?:on|in)\s+(?:the|this|that|my)\s+(?:pic|pics|photo|photos|picture|snap|screenshot|image|selfie|video|vid|story)\b|\b(?:pic|photo|picture|snap|screenshot|image)\s+of\s+(?:the|our|my|today's|tonight's|tomorrow's)\s+(?:theatre\s+list|patient\s+list|handover\s+sheet|whiteboard|board|list|census|notes|chart|drug\s+chart|obs\s+chart)\b",
    )
});

/// Finds this module's hits in `doc`.
pub fn detect(doc: &Doc, out: &mut Vec<Hit>) {
    let hay = doc.norm.as_str();
    let mut claims = Claims::default();
    places(hay, &mut claims, out);
    labs(hay, &mut claims, out);
    for m in IDENTIFYING_IMAGE.find_iter(hay) {
        claims.push(out, Hit::new(m.start(), m.end(), Category::Image, 3));
    }
    for m in IMAGE.find_iter(hay) {
        claims.push(out, Hit::new(m.start(), m.end(), Category::Image, 2));
    }
}

/// "bed 4", "bay 3", "ward 9" (2) — not "bed 4 days" or "ward 3 councillors".
fn places(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    PLACE.spans(hay, 0, |start, end| {
        let place = Place::read(&hay[start..end]);
        let next = place.next.to_ascii_lowercase();
        if QUANTITY.contains(&next.as_str()) || (place.ward && ELECTORAL.contains(&next.as_str())) {
            return;
        }
        let number_end = start + place.number.end;
        if glued(&hay[number_end..]) {
            return;
        }
        claims.push(out, Hit::new(start, number_end, Category::BedNumber, 2));
    });
}

/// The parts of a match of `PLACE`, read from its text: what its capture groups hold,
/// without the regex's second, slower search of each match for them.
#[derive(Debug, PartialEq)]
struct Place<'a> {
    /// The place is a ward (its first word).
    ward: bool,
    /// The number ("4", "12b"): the match's only digits, and a letter glued to them.
    number: Range<usize>,
    /// The word after the number, when the match took one ("" otherwise).
    next: &'a str,
}

impl Place<'_> {
    fn read(matched: &str) -> Place<'_> {
        let bytes = matched.as_bytes();
        let start = bytes
            .iter()
            .position(u8::is_ascii_digit)
            .unwrap_or(bytes.len());
        let digits = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let mut end = start + digits;
        if bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
            end += 1;
        }
        Place {
            ward: matched
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("ward")),
            number: start..end,
            next: matched[end..].trim_start_matches([' ', '\t', '\n', '\x0B', '\x0C', '\r']),
        }
    }
}

/// True when the number continues ("4%", "4/7", "4.5", "4:30"), so is not a bed.
fn glued(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some('%' | '/' | ':') => true,
        Some('.' | ',') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Exact lab values (2); test panels named alone (1).
fn labs(hay: &str, claims: &mut Claims, out: &mut Vec<Hit>) {
    for caps in LAB.captures_iter(hay) {
        let Some(all) = caps.get(0) else { continue };
        let (end, next) = match caps.get(1) {
            Some(word) => (word.start(), word.as_str().to_lowercase()),
            None => (all.end(), String::new()),
        };
        if QUANTITY.contains(&next.as_str()) || next == "years" || next == "yo" {
            continue;
        }
        let end = all.start() + hay[all.start()..end].trim_end().len();
        claims.push(out, Hit::new(all.start(), end, Category::LabValue, 2));
    }
    for m in PANEL.find_iter(hay) {
        claims.push(out, Hit::new(m.start(), m.end(), Category::LabValue, 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing;

    proptest::proptest! {
        /// The parts read from a match are what the pattern's capture groups hold.
        #[test]
        fn place_parts_read_from_the_match_are_the_captured_ones(
            hay in testing::texts_of(
                &["Ward", "bed", "Bay", "side", "room", "space", "no", ".", "number", "#",
                      " ", "\t", "4", "12", "999", "a", "B", "days", "-", "x", "%", "é"],
                12,
            )
        ) {
            let re = PLACE.regex();
            let want: Vec<_> = re
                .captures_iter(&hay)
                .map(|c| {
                    let start = c.get(0).unwrap().start();
                    Place {
                        ward: c.get(1).unwrap().as_str().eq_ignore_ascii_case("ward"),
                        number: c.get(2).unwrap().start() - start..c.get(2).unwrap().end() - start,
                        next: c.get(3).map_or("", |m| m.as_str()),
                    }
                })
                .collect();
            let got: Vec<_> = re.find_iter(&hay).map(|m| Place::read(m.as_str())).collect();
            proptest::prop_assert_eq!(got, want, "{:?}", hay);
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
        for p in [&PLACE, &LAB, &PANEL, &IMAGE, &IDENTIFYING_IMAGE] {
            LazyLock::force(p);
        }
    }

    #[test]
    fn beds_bays_rooms_and_wards() {
        let bed = Category::BedNumber;
        one("the lady in bed 4 again", "bed 4", bed, 2);
        one("bay 3.", "bay 3", bed, 2);
        one("cubicle 6", "cubicle 6", bed, 2);
        one("cubie 2 is kicking off", "cubie 2", bed, 2);
        one("room 12", "room 12", bed, 2);
        one("side room 3", "side room 3", bed, 2);
        one("resus 2", "resus 2", bed, 2);
        one("Ward 9 tonight", "Ward 9", bed, 2);
        one("bed 12A", "bed 12A", bed, 2);
        one("room 101", "room 101", bed, 2);
    }

    #[test]
    fn lab_values() {
        let lab = Category::LabValue;
        one("Hb 54", "Hb 54", lab, 2);
        one("potassium of 7.2!", "potassium of 7.2", lab, 2);
        one("sats 82% on air", "sats 82%", lab, 2);
        one("BAC 0.32", "BAC 0.32", lab, 2);
        one("INR 9 lol", "INR 9", lab, 2);
        one("glucose 45", "glucose 45", lab, 2);
        one("BP 220/130 and", "BP 220/130", lab, 2);
        one("troponin 5000", "troponin 5000", lab, 2);
        one(
            "my pt had a CA-125 of 14,820. beat that",
            "CA-125 of 14,820",
            lab,
            2,
        );
        one("K+ 7.2", "K+ 7.2", lab, 2);
        one("deranged LFTs", "LFTs", lab, 1);
    }

    #[test]
    fn images() {
        let img = Category::Image;
        one("x-ray of his hand", "x-ray of his", img, 2);
        one("photo of her", "photo of her", img, 2);
        one("pic of the wound", "pic of the", img, 2);
        one("CT of this guy", "CT of this", img, 2);
        one("look at this x-ray", "look at this x-ray", img, 2);
        one("snuck a pic of Mr D asleep", "pic of Mr", img, 2);
        one(
            "selfie with my favourite resident",
            "selfie with my",
            img,
            2,
        );
        one(
            "ignore the names and DOBs on the pic 🙈",
            "names and DOBs on the pic",
            img,
            3,
        );
        one(
            "photo of today's theatre list",
            "photo of today's theatre list",
            img,
            3,
        );
    }

    #[test]
    fn hard_negatives() {
        for s in [
            "new bed frame",
            "bedtime",
            "room for improvement",
            "the ward round",
            "ward 3 councillors",
            "Ward 3 election results",
            "stayed in bed 4 days",
            "2 hours in resus",
            "we need 5 more rooms",
            "sat 3 hours",
            "I had 2 sugars",
            "be 5 mins",
            "temp 2 weeks",
            "a bay leaf",
            "room 2%",
        ] {
            assert!(found(s).is_empty(), "{s:?}: {:?}", found(s));
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "bed",
            "bed ",
            "bed 4",
            "Hb",
            "Hb 5.",
            "😀bed 4😀",
            "BP 1/",
        ] {
            found(s);
        }
    }
}
