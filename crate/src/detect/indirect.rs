//! Indirect identifiers (taxonomy B): sex or life role, occupation or public role,
//! condition, injury, procedure, drug and dose, rare disease, family link, equipment.
//!
//! Word lists live in `crate/data/*.txt` (whole words, case-insensitive, via
//! [`Lexicon`]); short clinical abbreviations that collide with ordinary words in
//! another case ("MS" vs "Ms", "PEG" vs "peg") are matched case-sensitively; phrases
//! with structure (doses, "dad of 3", "her husband", "hip #", "31 y/o M") are patterns.
//!
//! Weights follow `detect`: sex/role 1, family 1 (2 when it is someone's relative),
//! occupation/condition/injury/procedure/drug/equipment 2, rare disease 3.
//! These hits say nothing about a patient by themselves; scoring only counts them
//! next to a patient reference.

use std::sync::LazyLock;

use super::lexicon::Lexicon;
use super::patterns::Patterns;
use super::{re, Hit};
use crate::category::Category;
use crate::text::Doc;

struct Indirect {
    /// Every word list, case-insensitive, in one automaton.
    words: Lexicon,
    /// Abbreviations, case-sensitive ("MS", not "Ms").
    abbreviations: Lexicon,
    /// (pattern, capture group, category, weight)
    patterns: Patterns,
}

static INDIRECT: LazyLock<Indirect> = LazyLock::new(|| {
    use Category::*;
    let words = Lexicon::parse_lists(
        &[
            (include_str!("../../data/sex-roles.txt"), SexOrRole, 1),
            (include_str!("../../data/occupations.txt"), Occupation, 2),
            (include_str!("../../data/conditions.txt"), Condition, 2),
            (include_str!("../../data/injuries.txt"), Injury, 2),
            (include_str!("../../data/procedures.txt"), Procedure, 2),
            (include_str!("../../data/drugs.txt"), Drug, 2),
            (include_str!("../../data/rare-diseases.txt"), RareDisease, 3),
            (include_str!("../../data/family.txt"), FamilyLink, 1),
            (include_str!("../../data/equipment.txt"), Equipment, 2),
        ],
        true,
    );
    let abbreviations = Lexicon::parse_lists(
        &[
            (
                include_str!("../../data/conditions-abbrev.txt"),
                Condition,
                2,
            ),
            (
                include_str!("../../data/equipment-abbrev.txt"),
                Equipment,
                2,
            ),
        ],
        false,
    );
    let patterns = vec![
        // A dose: "40 mg", "2.5mg", "10 units".
        (
            re(
                r"(?i)\b\d+(?:\.\d+)?\s?(?:mg|mcg|µg|ug|micrograms?|milligrams?|ml|mls|units?|iu|mmol)\b",
            ),
            0,
            Drug,
            2,
        ),
        // A changed dose: "the bigger dose of morphine".
        (
            re(
                r"(?i)\b(?:bigger|higher|increased|double|doubled|lower|extra|max|maximum|loading|top-up)\s+(?:the\s+)?dose\b",
            ),
            0,
            Drug,
            2,
        ),
        // Sex after an age: "31 y/o M", "45F", "58M".
        (
            re(r"\b\d{1,3}\s*(?:yo|y/o|y\.o\.|yrs?|years?[ -]old|yr-old)?\s*([MF])\b"),
            1,
            SexOrRole,
            1,
        ),
        // A cancer by site: "testicular ca".
        (
            re(
                r"(?i)\b(?:testicular|breast|lung|bowel|prostate|pancreatic|ovarian|cervical|gastric|oesophageal|esophageal|colorectal|renal|bladder|skin|liver|rectal|colon|oral|throat|stomach|brain|thyroid|endometrial|uterine)\s+ca\b",
            ),
            0,
            Condition,
            2,
        ),
        // Weeks of pregnancy: "you were 39 weeks", "born at 24 weeks", "32/40".
        (
            re(
                r"(?i)\b(?:(?:was|were|is|at|born at)\s+\d{1,2}(?:\+\d)?\s*(?:weeks|wks)\b|\d{1,2}(?:\+\d)?/40\b|\d{1,2}\s*weeks\s+pregnant\b)",
            ),
            0,
            Condition,
            2,
        ),
        // A fracture in shorthand: "NOF #", "bilateral femur #".
        (
            re(
                r"(?i)\b(?:nof|femur|femoral|tib/fib|tib|fib|wrist|ankle|hip|radius|radial|ulna|humerus|humeral|clavicle|rib|ribs|skull|pelvis|pelvic|scaphoid|jaw|nose|orbital|[ctl]\d{1,2}|metacarpal|metatarsal|colles)\s?#",
            ),
            0,
            Injury,
            2,
        ),
        // Someone's relative: "her husband", "his wife", "pt's daughter".
        (
            re(
                r"(?i)\b(?:her|his|their|pt's|patient's)\s+(?:(?:ex|new|late|elderly|teenage|adult|little|youngest|eldest|older|younger|own|poor)\s+)?(?:husband|wife|partner|boyfriend|girlfriend|bf|gf|fianc[eé]e?|sons?|daughters?|kids|children|child|baby|mum|mom|mother|dad|father|parents|brother|sister|family|carer|nan|gran|grandson|granddaughter|grandkids|twin|relatives|next of kin|nok)\b",
            ),
            0,
            FamilyLink,
            2,
        ),
        // A parent's count of children: "dad of 3", "mum to twins".
        (
            re(
                r"(?i)\b(?:mum|mom|mother|dad|father|grandmother|grandfather|nan|grandad|grandma|grandpa)\s+(?:of|to)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twins|triplets)\b",
            ),
            0,
            FamilyLink,
            2,
        ),
        // Work, current or former: "works down at the docks", "used to drive the van".
        (
            re(
                r"(?i)\b(?:works|worked|working|used to work)\s+(?:as|at|for|on|down at|in)\b|\bused to (?:be|drive|run|teach|play|own|coach|manage)\b",
            ),
            0,
            Occupation,
            2,
        ),
    ];
    Indirect {
        words,
        abbreviations,
        patterns: patterns.into(),
    }
});

/// Finds indirect identifiers in `doc`.
pub fn detect(doc: &Doc, out: &mut Vec<Hit>) {
    let hay = doc.norm.as_str();
    let d = &*INDIRECT;
    d.words.find(hay, out);
    d.abbreviations.find(hay, out);
    d.patterns.find(hay, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing;

    fn has(s: &str, span: &str, c: Category, w: u8) {
        testing::has(detect, s, span, c, w)
    }

    fn lacks(s: &str, c: Category) {
        testing::lacks(detect, s, c)
    }

    #[test]
    fn finds_occupations_and_public_roles() {
        has(
            "a 29yo firefighter from Station 7",
            "firefighter",
            Category::Occupation,
            2,
        );
        has(
            "she does hair on Queen St",
            "does hair",
            Category::Occupation,
            2,
        );
        has(
            "local councillor, you'd know him",
            "local councillor",
            Category::Occupation,
            2,
        );
        has(
            "Young chap, works down at the docks.",
            "works down at",
            Category::Occupation,
            2,
        );
        has(
            "used to be the headmaster at St Aidan's",
            "headmaster",
            Category::Occupation,
            2,
        );
    }

    #[test]
    fn finds_conditions_including_abbreviations() {
        has(
            "she's a known absconder and has Korsakoff's",
            "Korsakoff's",
            Category::Condition,
            2,
        );
        has(
            "my 31 y/o M with testicular ca came in",
            "testicular ca",
            Category::Condition,
            2,
        );
        has(
            "58M, ESRD, refuses dialysis",
            "ESRD",
            Category::Condition,
            2,
        );
        has("came in with DKA again", "DKA", Category::Condition, 2);
        has("Ehlers-Danlos AND MS", "MS", Category::Condition, 2);
        has("OD'd on her bf's oxy", "OD", Category::Condition, 2);
    }

    #[test]
    fn abbreviations_are_case_sensitive() {
        lacks("Ms. Trundlebee, your plan", Category::Condition);
        lacks("pm me later", Category::Condition);
    }

    #[test]
    fn finds_injuries_procedures_and_drugs() {
        has(
            "40s male trapped, bilateral femur #",
            "femur #",
            Category::Injury,
            2,
        );
        has(
            "with a shark bite from surfing",
            "shark bite",
            Category::Injury,
            2,
        );
        has(
            "something stuck up there",
            "something stuck up there",
            Category::Injury,
            2,
        );
        has(
            "came in for cycle 3 of chemo",
            "chemo",
            Category::Procedure,
            2,
        );
        has(
            "glued her own veneers on",
            "veneers",
            Category::Procedure,
            2,
        );
        has(
            "the bigger dose of morphine",
            "bigger dose",
            Category::Drug,
            2,
        );
        has("the bigger dose of morphine", "morphine", Category::Drug, 2);
        has("gave 40 mg of it", "40 mg", Category::Drug, 2);
    }

    #[test]
    fn finds_rare_diseases_family_and_equipment() {
        has("a kid with progeria", "progeria", Category::RareDisease, 3);
        has(
            "fibrodysplasia ossificans progressiva",
            "fibrodysplasia ossificans progressiva",
            Category::RareDisease,
            3,
        );
        has(
            "this one's a dad of 3 from Wellington",
            "dad of 3",
            Category::FamilyLink,
            2,
        );
        has(
            "her husband is a cop",
            "her husband",
            Category::FamilyLink,
            2,
        );
        has("Delivered twins tonight", "twins", Category::FamilyLink, 1);
        has(
            "the only kid with one in his wheelchair",
            "wheelchair",
            Category::Equipment,
            2,
        );
        has("fed through his PEG", "PEG", Category::Equipment, 2);
    }

    #[test]
    fn finds_sex_after_an_age() {
        has("my 31 y/o M with", "M", Category::SexOrRole, 1);
        has("pt today: 45F, bariatric", "F", Category::SexOrRole, 1);
        has("a woman on 5B", "woman", Category::SexOrRole, 1);
    }

    #[test]
    fn ordinary_words_are_not_clinical() {
        for s in [
            "Code review took 3 hours",
            "the theatre was packed",
            "Ward 3 by-election count is done",
            "cold coffee again",
            "a peg on the washing line",
            "meal prep for the week",
            "I'm so burnt out",
            "Opening night at the theatre!! Break a leg",
        ] {
            for c in [
                Category::Condition,
                Category::Procedure,
                Category::Injury,
                Category::Drug,
                Category::Equipment,
            ] {
                lacks(s, c);
            }
        }
    }
}
