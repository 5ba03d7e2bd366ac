//! Context that multiplies indirect identifiers (taxonomy C): when it happened
//! (recency), where (place: generic clinical places weakly, named hospitals, towns,
//! streets and stations strongly), how unusual it was (rarity), and — on the message
//! replied to — whether that message is a patient's review ([`detect_review`]).
//!
//! Weights follow `detect`: recency and generic places 1; named places, rarity and a
//! review 2. "The theatre" alone is entertainment: only clinical phrasing ("in theatre",
//! "theatre list") counts; "Terminal 5" and "ward 3 councillors" are not places of care.

use std::sync::LazyLock;

use super::Re;

use super::patterns::Patterns;
use super::{push_matches, re, Hit};
use crate::category::Category;
use crate::text::Doc;

/// Words that follow "from/in/at" with a capital letter but are not a town.
const NOT_TOWNS: &[&str] = &[
    "I",
    "A",
    "The",
    "This",
    "That",
    "My",
    "Our",
    "Your",
    "His",
    "Her",
    "Their",
    "It",
    "We",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Christmas",
    "Easter",
    "Halloween",
    "Year",
    "Google",
    "Facebook",
    "Instagram",
    "TikTok",
    "YouTube",
    "Twitter",
    "Reddit",
    "Hinge",
    "Tinder",
    "English",
    "Spanish",
    "French",
    "Uni",
    "School",
    "Work",
    "Home",
    "Bed",
    "Bay",
    "Room",
    "Resus",
    "Majors",
    "Minors",
    "Clinic",
    "Theatre",
    "Recovery",
    "Triage",
    "Ward",
    "Unit",
    "Labour",
    "Surgery",
    "Hospital",
    "General",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Team",
    "Band",
    "Covid",
    "Real",
    "Fact",
    "Total",
    "Time",
    "Order",
    "Case",
    "Tears",
    "Love",
    "Scrubs",
    "Casualty",
    "Terminal",
    "Office",
    "Jess",
    "Cubicle",
    "Obs",
    "Nights",
];

struct Context {
    /// (pattern, group, category, weight)
    patterns: Patterns,
    /// A capitalised place name after from/in/at/near/past (group 1).
    town: Re,
}

static CONTEXT: LazyLock<Context> = LazyLock::new(|| {
    use Category::*;
    let patterns = vec![
        // Recency.
        (
            re(
                r"(?i)\b(?:today|tonight|tonite|this (?:morning|afternoon|evening|arvo|week|month|shift|weekend)|last (?:night|shift|week)|yesterday|earlier (?:today|on)|just now|just had|just (?:admitted|discharged|saw|seen|left|delivered|told|said|asked|came|walked|rolled|rang|called|tried|refused|threw|spat|punched|hit|screamed|swore|vomited|puked|coded|died|passed)|right now|as we speak|tmrw|tomorrow|tmw|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|christmas day|new year's eve|boxing day|this am|this pm|overnight)\b",
            ),
            0,
            Recency,
            1,
        ),
        // Generic clinical places.
        (
            re(
                r"(?i)\b(?:(?:on|to|onto|off) (?:the|my|our) (?:ward|unit)|the ward|our ward|my ward|resus|a&e|icu|itu|hdu|picu|nicu|scbu|ccu|cicu|majors|minors|the unit|on the unit|in clinic|at clinic|(?:the|my|our) clinic|(?:hand|fracture|antenatal|sexual health|gum|diabetes|eye|pain|memory|fertility|methadone|inr|day) clinic|day unit|stroke unit|burns unit|labour ward|delivery suite|birth centre|l&d|maternity|my practice|the practice|the surgery|in surgery \d+|the ambulance|ambo|the department|the dept|emerg|in theatres?|to theatres?|theatre list|back to theatre|care home|nursing home|hospice|the pharmacy|the chemist|walk-in centre|urgent care|home visit|house call|the ER|the ED)\b",
            ),
            0,
            Place,
            1,
        ),
        // ED/ER as bare abbreviations (case-sensitive, "ed" is too common).
        (re(r"\b(?:ED|ER|AMU|MAU|SAU|CDU)\b"), 0, Place, 1),
        // A numbered or lettered ward reached by a preposition: "admitted to Ward 23", "on 5B".
        (
            re(
                r"(?i)\b(?:on|to|onto|from|in)\s+((?:ward\s+\d{1,3}[a-z]?|\d{1,2}[A-Z](?:\s+(?:at|in)\b)?))",
            ),
            1,
            Place,
            2,
        ),
        // Named hospitals and practices: "Kingston Hospital", "County General",
        // "Royal Victoria Infirmary", "Rosedene Care Home", "St Mary's".
        (
            re(
                r"\b(?:(?:St\.?|Saint)\s+[A-Z][a-z]+(?:'s)?|(?:[A-Z][a-z]+\s+){1,3}(?:Hospital|Infirmary|General|Medical Centre|Health Centre|Care Home|Nursing Home|Hospice|Surgery|Practice|Clinic|Children's|Memorial|Royal)|the (?:Royal|Christie|Nuffield|Marsden|Walton|Freeman|Princess Anne|General|Infirmary|Priory|Spire|Alder Hey)|[A-Z][a-z]+ GI\b|Leeds GI|Mercy West|Musgrove)\b",
            ),
            0,
            Place,
            2,
        ),
        (re(r"(?i)\bthe royal\b"), 0, Place, 2),
        // Stations, streets, roads: "Station 7", "Elmtree Rd", "the A38", "M62", "route 9".
        (
            re(
                r"\b(?:(?:Fire |Police |Ambulance )?Station \d{1,3}|[A-Z][a-z]+ (?:Rd|Road|St|Street|Lane|Ln|Ave|Avenue|Close|Drive|Way|Crescent|Terrace|Estate|Park|Square|Hill)\b|(?:the|on|off|near) [AMB]\d{1,4}\b|M\d{1,2}\b|[Rr]oute \d{1,3}|High St(?:reet)?)",
            ),
            0,
            Place,
            2,
        ),
        // A small community: "same house on X", "our village", "small town".
        (
            re(
                r"(?i)\b(?:same (?:house|address|street|road|estate|flat|block|building)|our village|in our town|our town|small town|the village|the county|round here|our local|local pub|the docks|the co-op|the uni|the primary|the walmart|zip|postcode)\b",
            ),
            0,
            Place,
            2,
        ),
        // Rarity: the only one, a first, the news.
        (
            re(
                r"(?i)\b(?:the only (?:\w+)|only (?:hospital|one|kid|child|person|case|patient) in|first (?:time|case|one|ever) in (?:my|our|\d+|twenty|thirty|forty)(?: whole)?(?: career| years| town| life)?|first in (?:our town|the county|\d+ years)|in my (?:whole |entire )?career|in \d+ years|never seen (?:before|one|this|that|anything like)|that's a first|one in a million|made the (?:news|papers|headlines)|on the news|in the papers|went viral|gone viral|viral|you might have seen|you(?:'d| would| might) know (?:him|her|them|who)|you know the place|you know who|everyone knows|the whole town|famous|case report|never happened before|freak accident|you couldn't make it up)\b",
            ),
            0,
            Rarity,
            2,
        ),
        // An unusual scene that people would remember.
        (
            re(
                r"(?i)\b(?:superglue|super glue|glued (?:his|her|their) own|tiktok (?:tutorial|challenge|trend)|fancy dress|in (?:a )?(?:full )?[\w-]+ (?:suit|costume)|costume|re-?enacting|stag do|hen do|for a bet|on a dare|chicken shed|bouncy castle|trampoline|lord of the rings|spider-man|nail gun|fish hook|shark|at (?:his|her|their) (?:son's|daughter's|own|wedding|kid's) (?:party|wedding)|at (?:his|her|their) wedding)\b",
            ),
            0,
            Rarity,
            2,
        ),
        // Clinical hashtags: the post comes from a care setting ("#carehome", "#nicunurse").
        (
            re(
                r"(?i)#\w*(?:nurse|nursing|nurs|doctor|doc|medic|medtwitter|paramedic|ambo|ems|ernurse|aande|a_and_e|carehome|dental|dentist|midwife|midwi|tok|hcw|nhs|scrubs|shiftlife|nightshift)\w*",
            ),
            0,
            Place,
            1,
        ),
    ];
    Context {
        patterns: patterns.into(),
        town: re(
            r"\b(?:from|in|at|near|past|out past|outside)\s+((?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?))\b",
        ),
    }
});

/// Finds recency, place and rarity in a draft.
pub fn detect(doc: &Doc, out: &mut Vec<Hit>) {
    let hay = doc.norm.as_str();
    let c = &*CONTEXT;
    c.patterns.find(hay, out);
    for m in c.town.find_iter(hay) {
        let (start, end) = town(m.as_str());
        let first = m.as_str()[start..end]
            .split([' ', '-'])
            .next()
            .unwrap_or("");
        if !NOT_TOWNS.contains(&first) {
            out.push(Hit::new(
                m.start() + start,
                m.start() + end,
                Category::Place,
                2,
            ));
        }
    }
}

/// The town in a match of the town pattern: from its first capital (the words before
/// it are lowercase) to its end. What its capture group holds, without the regex's
/// second, slower search of each match for the group.
fn town(matched: &str) -> (usize, usize) {
    let start = matched
        .find(|c: char| c.is_ascii_uppercase())
        .unwrap_or(matched.len());
    (start, matched.len())
}

static REVIEW: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:[1-5]|one|two|three|four|five|zero|no)[ -]stars?\b|⭐|★|\b(?:left|leaving|leave|writing|wrote|post(?:ed|ing)?|honest|negative|google|yelp|trustpilot)\s+(?:\w+\s+)?review\b|\b(?:worst|best|terrible|awful|rude|useless|incompetent|horrible|shocking)\s+(?:dentist|doctor|gp|practice|clinic|hospital|surgery|service|experience|receptionist|nurse|staff|care|vet|pharmacy|physio|midwife|midwives|therapist|counsellor|counselor|psychologist|psychiatrist|optician|orthodontist|chiropractor|consultant|surgeon|paramedic|ambulance|a&e|er|ward)\b|\bavoid this (?:place|practice|clinic|dentist|surgery|hospital|pharmacy)\b|\bnever going back\b|\bnot impressed\b|\bwould(?:n't| not) recommend\b|\bdo not recommend\b|\bdon't go (?:here|there)\b|\bunprofessional\b|\b(?:charged|billed|overcharged|butchered|ruined|botched)\s+(?:me|my)\b|\btreated me like\b|\blost my (?:paperwork|notes|records|referral)\b|\bwaited \d+\s*(?:minutes|mins|hours|hrs)\b|\bmade my \w+(?:\s+\w+)? (?:worse|so much worse)\b|\boverpriced\b|\brip[- ]off\b)",
    )
});

/// Marks a message replied to that is a patient's review ("1 star", "worst dentist",
/// "avoid this practice"): any reply to it is about the reviewer.
pub fn detect_review(doc: &Doc, out: &mut Vec<Hit>) {
    push_matches(&REVIEW, &doc.norm, 0, Category::ReviewReply, 2, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing;

    proptest::proptest! {
        /// The town read from the match is the span the capture group gave.
        #[test]
        fn the_town_read_from_the_match_is_the_captured_one(
            hay in testing::texts_of(
                &["from", "in", "out past", "near", " ", "  ", "-", "Hexham", "Bay", "St",
                      "x", "A", "b", "é", "9"],
                12,
            )
        ) {
            let re = CONTEXT.town.regex();
            let want: Vec<_> = re
                .captures_iter(&hay)
                .map(|c| c.get(1).unwrap().range())
                .collect();
            let got: Vec<_> = re
                .find_iter(&hay)
                .map(|m| {
                    let (s, e) = town(m.as_str());
                    m.start() + s..m.start() + e
                })
                .collect();
            proptest::prop_assert_eq!(got, want, "{:?}", hay);
        }
    }

    fn has(s: &str, span: &str, c: Category, w: u8) {
        testing::has(detect, s, span, c, w)
    }

    fn lacks(s: &str, c: Category) {
        testing::lacks(detect, s, c)
    }

    fn review(s: &str) -> Vec<String> {
        let doc = Doc::new(s);
        let mut out = Vec::new();
        detect_review(&doc, &mut out);
        assert!(out
            .iter()
            .all(|h| h.category == Category::ReviewReply && h.weight == 2));
        out.iter()
            .map(|h| doc.norm[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn finds_recency() {
        has("told a firefighter today", "today", Category::Recency, 1);
        has("at 6 this morning", "this morning", Category::Recency, 1);
        has("a job on Monday", "on Monday", Category::Recency, 1);
        has(
            "pt just told me vaccines cause autism",
            "just told",
            Category::Recency,
            1,
        );
        has(
            "MRN pressed the bell 40 times this shift",
            "this shift",
            Category::Recency,
            1,
        );
    }

    #[test]
    fn finds_generic_and_named_places() {
        has("a guy came into resus", "resus", Category::Place, 1);
        has("quiet on the ward", "on the ward", Category::Place, 1);
        has(
            "best day at the Christie",
            "the Christie",
            Category::Place,
            2,
        );
        has(
            "the 4th guy this month at Musgrove",
            "Musgrove",
            Category::Place,
            2,
        );
        has(
            "a dad of 3 from Wellington",
            "Wellington",
            Category::Place,
            2,
        );
        has("the only kid in Dunmore", "Dunmore", Category::Place, 2);
        has(
            "born at Kingston Hospital",
            "Kingston Hospital",
            Category::Place,
            2,
        );
        has(
            "a firefighter from Station 7",
            "Station 7",
            Category::Place,
            2,
        );
        has("same house on Elmtree Rd", "same house", Category::Place, 2);
        has("same house on Elmtree Rd", "Elmtree Rd", Category::Place, 2);
        has(
            "admitted to Ward 23 at the Royal",
            "Ward 23",
            Category::Place,
            2,
        );
        has(
            "back to theatre tonight",
            "back to theatre",
            Category::Place,
            1,
        );
        has("sent to theatre", "to theatre", Category::Place, 1);
    }

    #[test]
    fn finds_rarity() {
        has(
            "the only kid in Dunmore",
            "the only kid",
            Category::Rarity,
            2,
        );
        has(
            "First time in my whole career I've seen it",
            "First time in my whole career",
            Category::Rarity,
            2,
        );
        has(
            "you might have seen it",
            "you might have seen",
            Category::Rarity,
            2,
        );
        has(
            "glued her own veneers on with superglue",
            "superglue",
            Category::Rarity,
            2,
        );
    }

    #[test]
    fn ordinary_places_and_times_are_not_context() {
        lacks(
            "Terminal 5 security queue is something else",
            Category::Place,
        );
        lacks("Opening night at the theatre!!", Category::Place);
        lacks("off to the theatre with the Year 9s", Category::Place);
        lacks("Ward 3 by-election count is done", Category::Place);
        lacks("we met in January", Category::Place);
        lacks("Code review took 3 hours", Category::Recency);
        assert!(review("did the PR pass code review?").is_empty());
        assert!(review("avoid sugar after 6pm").is_empty());
    }

    #[test]
    fn recognises_a_patients_review() {
        assert_eq!(
            review("Worst dentist in Hexham. 1 star."),
            ["Worst dentist", "1 star"]
        );
        assert_eq!(
            review("you butchered my teeth, avoid this place"),
            ["butchered my", "avoid this place"]
        );
        assert!(!review("Best dentist in town!! ⭐⭐⭐⭐⭐").is_empty());
        assert!(!review("I left an honest review on Google").is_empty());
        assert!(!review("terrible therapist, made my depression worse").is_empty());
        has(
            "so proud of her 🥹 #carehome",
            "#carehome",
            Category::Place,
            1,
        );
        assert!(
            review("Hi Dr Marsh, it's Lucy from your clinic on Tuesday, hope that's ok").is_empty()
        );
        assert!(review("DRINKS FRIDAY?? it's been ages since uni").is_empty());
    }
}
