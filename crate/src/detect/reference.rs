//! Patient references: whether a draft is about one patient (weight 2: "my patient",
//! "pt", "the lady in bed 4", "a guy came into resus", "had a 30yo in clinic", "your
//! treatment" said to a patient) or about patients as a group (weight 1: "patients",
//! "frequent flyers", "the ones who…", "anti-vaxxers").
//!
//! Not references: "patient" as an adjective ("be patient", "so patient with"),
//! compounds ("patient safety week", "patient portal", "patient-centred", "patient
//! zero"), numeric aggregates ("1,248 patients"), and the writer's own family ("my 4yo
//! had croup", "Dad's hip op").

use std::sync::LazyLock;

use super::Re;

use super::patterns::{Pattern, Patterns};
use super::{is_ascii_word, re, Hit};
use crate::category::Category;
use crate::text::Doc;

/// Words before "patient" that make it an adjective ("be patient", "so patient").
const ADJECTIVE_BEFORE: &[&str] = &[
    "be",
    "being",
    "been",
    "so",
    "very",
    "more",
    "less",
    "was",
    "were",
    "is",
    "are",
    "am",
    "stay",
    "remain",
    "too",
    "really",
    "how",
    "super",
    "quite",
    "extremely",
    "incredibly",
    "remarkably",
    "infinitely",
    "endlessly",
    "m",
    "re",
    "s",
    "im",
    "youre",
    "hes",
    "shes",
    "most",
    "ever",
    "always",
];

/// Words after "patient" that make a compound about services, not a person.
const COMPOUND_AFTER: &[&str] = &[
    "experience",
    "experiences",
    "safety",
    "portal",
    "portals",
    "centred",
    "centered",
    "care",
    "satisfaction",
    "survey",
    "surveys",
    "feedback",
    "journey",
    "journeys",
    "zero",
    "information",
    "info",
    "leaflet",
    "leaflets",
    "forum",
    "forums",
    "charter",
    "rights",
    "advocate",
    "advocates",
    "advocacy",
    "liaison",
    "group",
    "groups",
    "engagement",
    "participation",
    "voice",
    "voices",
    "outcomes",
    "flow",
    "transport",
    "education",
    "day",
    "week",
    "month",
    "panel",
    "panels",
    "representative",
    "representatives",
    "records",
    "record",
    "notes",
    "data",
    "list",
    "lists",
    "numbers",
    "volume",
    "volumes",
    "safety",
    "population",
    "populations",
    "cohort",
    "demographics",
    "access",
    "choice",
    "ratio",
    "ratios",
    "load",
    "loads",
    "facing",
    "led",
    "reported",
    "partners",
    "services",
    "service",
    "first",
    "story",
    "stories",
    "and",
    "or",
    "with",
];

/// Determiners that single out one patient.
const ONE: &[&str] = &[
    "my",
    "a",
    "an",
    "this",
    "that",
    "the",
    "our",
    "one",
    "another",
    "his",
    "her",
    "their",
    "same",
    "favourite",
    "favorite",
    "first",
    "last",
    "new",
    "difficult",
    "poor",
    "lovely",
    "sweet",
    "dear",
    "sickest",
    "elderly",
    "young",
    "old",
    "little",
    "latest",
    "regular",
    "next",
    "previous",
    "current",
    "former",
    "rudest",
    "worst",
    "best",
];

/// Determiners that make "patient" anyone at all.
const ANY: &[&str] = &["every", "each", "any", "no", "whichever", "as"];

const PERSON: &str = r"(?:lady|ladies|gent|gentleman|man|woman|guy|girl|boy|bloke|chap|fella|feller|fellow|lad|lass|kid|child|baby|teen|teenager|toddler|old boy|old girl|old dear|elf|drunk|junkie|regular|frequent fl[yi]er|one|resident|pt|patient)";

const AGE: &str = r"\d{1,3}\s*(?:yo|y/o|y\.o\.|yrs? old|yr-old|years?[ -]old|-year-old|[MF]\b)";

const LOCATION: &str = r"(?:bed|bay|cubicle|cubie|cube|room|rm|side ?room|resus|majors|minors|hdu|icu|itu|ccu|recovery|the chair|my chair|chair \d+|today|tonight|this (?:morning|afternoon|evening|arvo)|last night|earlier|again|clinic|my clinic|a&e|the department|the dept)";

struct Reference {
    patient: Re,
    /// An age standing alone in a story ("34yo professional cellist"); the word before
    /// it leaves out the writer's own ("my 4yo", "I have a 4yo"), see `bare_ages`.
    bare_age: Re,
    /// "a 29yo firefighter" (not "I have a 4yo", by the word before it).
    det_age: Re,
    /// One patient (weight 2) and patients as a group (weight 1).
    phrases: Patterns,
    arrivals: Re,
}

static REFERENCE: LazyLock<Reference> = LazyLock::new(|| {
    let one = vec![
        // "pt", "pts", "Pt's wife"; not "PT" (physio) nor "pt 2" (part 2).
        re(r"\b[Pp]t(?:'s|s)?\b(?:\s*[.:]?\s*\d)?"),
        // A person placed in a bed, bay, cubicle or clinic: "the lady in bed 4",
        // "woman from bay 3", "lady in today", "the elf in cubicle 6".
        re(&format!(
            r"(?i)(?:\b(?:the|a|an|this|that|my|our|one|another)\s+(?:[\w'-]+\s+){{0,2}}?)?\b{PERSON}\s+(?:in|from|on|at)\s+{LOCATION}(?:\s*\d{{1,3}}[a-z]?)?\b"
        )),
        // A name placed in a bed: "Doris in room 3", "J. Fennimore-Tutt in bay 2".
        re(r"\b[A-Z][\w'-]+\s+in\s+(?i:bed|bay|cubicle|room|rm|side room)\s*\d+"),
        // A bed standing for its patient: "bed 6 again", "cubicle 3 wants".
        re(
            r"(?i)\b(?:bed|bay|cubicle|room|rm)\s+\d{1,3}[a-z]?\s+(?:again|is|has|was|keeps|kept|wants|wanted|needs|just|won't|refusing|refused|pressed|rang|buzzing|screaming|shouting|says|said|asked|called)\b",
        ),
        // An age with a clinical noun or a story frame: "a 29yo firefighter",
        // "my 31 y/o M", "a 16 year old at the…". "my 4yo had croup" is family.
        re(
            r"(?i)\bmy\s+\d{1,3}\s*(?:yo|y/o|y\.o\.|yrs? old|years?[ -]old|-year-old)?\s*(?-i:[MF]\b)|(?i)\bmy\s+\d{1,3}\s*(?:yo|y/o|y\.o\.|yrs? old|years?[ -]old|-year-old)?\s*(?:lady|gent|gentleman|man|woman|guy|chap|bloke|fella|male|female|patient|pt|gymnast|footballer|runner|athlete|dancer)\b",
        ),
        re(&format!(
            r"(?i)\b{AGE}\s*(?:male|female|man|woman|lady|gent|guy|lad|girl|boy|bloke|chap|fella)\b"
        )),
        re(r"\b\d{1,3}\s?[MF]\b"),
        // "my frequent flyer", "our regular", "my lady in bay 2", "this kid".
        re(
            r"(?i)\b(?:my|our)\s+(?:favourite\s+|favorite\s+|little\s+|regular\s+)?(?:frequent fl[yi]er|regular|lady|old lady|old boy|old girl|gent|gentleman|old dear|resident|service user|wheelchair warrior|little warrior)\b",
        ),
        re(
            r"(?i)\b(?:one of (?:my|our) (?:residents|patients|regulars|frequent fl[yi]ers|service users|clients)|a patient of (?:mine|ours))\b",
        ),
        re(
            r"(?i)\bthis\s+(?:kid|lady|gentleman|gent|woman|bloke|fella|chap|old boy|old lady|poor (?:man|woman|lady|guy|kid|girl|boy))\b",
        ),
        re(
            r"(?i)\b(?:elderly|old|little|young)\s+(?:gentleman|gent|lady|boy|girl|guy|chap|fella|man|woman|dear)\b\s+(?:admitted|brought|came|who|with|in|from|on)\b",
        ),
        re(r"(?i)\bthe old (?:boy|girl|dear)\b"),
        // Ordinals and decades: "the 4th guy this month", "40s bloke", "poor guy, 50s".
        re(&format!(
            r"(?i)\bthe\s+(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|umpteenth|latest)\s+{PERSON}\b"
        )),
        re(&format!(
            r"(?i)\b(?:third|fourth|fifth|another|second)\s+{PERSON}\s+(?:from|in|this|today|tonight)\b"
        )),
        re(
            r"(?i)\b[1-9]0s\s+(?:male|female|man|woman|lady|gent|guy|bloke|chap|fella|(?-i:[MF]))\b",
        ),
        re(r"(?i)\bpoor\s+(?:guy|man|woman|lady|kid|girl|boy|chap|fella|lad|lass|soul|sod)\b"),
        re(
            r"(?i)\b(?:elderly|old|little|young)\s+(?:gentleman|gent|lady|boy|girl|guy|chap|fella|man|woman|dear|lad)\s*,",
        ),
        // A person in a place or with a story: "a bloke in Surry Hills", "bloke who works on".
        re(&format!(
            r"(?i)\b(?:a|an|the|this|that)\s+(?:[\w'-]+\s+){{0,2}}?{PERSON}\s+(?:from|in|on|at|out past|near)\s+(?-i:[A-Z][a-z]+)"
        )),
        re(&format!(
            r"(?i)\b{PERSON}\s+who\s+(?:works|worked|used to|lives|lived|is a|was a|runs|owns|teaches|plays)\b"
        )),
        re(&format!(
            r"(?i)\b{PERSON}\s+(?:put|stuck|swallowed|shoved|glued|overdosed|collapsed|self-discharged|absconded|spat|punched)\b"
        )),
        re(r"(?i)\b(?:she's|he's|she is|he is|they're|they are)\s+in\s+(?:with|for)\b"),
        re(r"(?i)\b\w+est\s+resident\b"),
        re(
            r"(?i)\byou (?:only )?(?:attended|missed|cancelled|didn't attend|did not attend|dna'd|declined|refused|stopped|signed|chose)\b",
        ),
        re(
            r"(?i)\bsame\s+(?:old\s+)?(?:woman|lady|man|guy|bloke|fella|gent|chap|patient|pt|kid|girl|boy|caller|family|one)\b",
        ),
        // A singled-out label: "the drunk who", "our frequent flyer Terry".
        re(
            r"(?i)\bthe\s+(?:drunk|junkie|druggie|addict|nutter|psycho|alcoholic|frequent fl[yi]er|regular|time ?waster|attention seeker)\s+(?:who|in|from|on|that)\b",
        ),
        // A scare-quoted type: "another 'allergic to everything except morphine'".
        re(r"(?i)\b(?:another|the|a|an|this|our|my)\s+'[^'\n]{3,60}'"),
        // A family bringing someone in, asking: "a mum brought in her…", "the family of".
        re(
            r"(?i)\b(?:a|the|this)\s+(?:mum|mom|dad|mother|father|parent|parents|family|wife|husband|daughter|son)\s+(?:brought|came|rang|called|wanted|asked|demanded|refused|insisted|screamed|shouted|complained)\b|\bthe family of\b",
        ),
        // Someone's relative in for care: "your mum was in today", "your cousin Trisha was in".
        re(
            r"(?i)\b(?:your|his|her)\s+(?:mum|mom|dad|mother|father|nan|gran|grandad|grandma|cousin|brother|sister|aunt|auntie|uncle|son|daughter|wife|husband|mate|friend|neighbour)\s+(?:(?-i:[A-Z][a-z]+)\s+)?(?:was|were|came|popped|has been)\s+in\b",
        ),
        // Had, saw or treated someone: "had a 30yo in clinic", "had the woman from the
        // chippy", "had the Hornets' new striker in clinic this morning".
        re(&format!(
            r"(?i)\b(?:had|have|got|saw|seen|met|treated|clerked|admitted|triaged|delivered|caught|looked after|looking after|cared for|caring for|nursed|assessed|examined|visited|attended)\s+(?:a|an|the|this|that|another|our|my)\s+(?:(?:[\w'-]+\s+){{0,3}}?{PERSON}\b|(?:[\w'-]+\s+){{0,6}}?(?:in|on)\s+(?:clinic|my ward|the ward|my list|resus|majors|my chair|the chair|my trolley|today|tonight|this morning|this afternoon|last night))"
        )),
        re(
            r"(?i)\b(?:saw|seen|treated|diagnosed)\s+(?:[\w'-]+\s+){1,3}?(?:in|on)\s+(?:clinic|resus|majors|my list|the ward|my ward)\b",
        ),
        re(
            r"(?i)\b(?:catheteri[sz]ed|cannulated|intubated|sutured|stitched up|patched up|resuscitated|did cpr on|defibbed|plastered|splinted|putting a cannula in|delivered (?:twins|a baby|triplets) (?:to|for)|caught baby|home visit(?: today| this morning)? to|house call to|clerked)\s+(?:a|an|the|this|that|my|our|him|her|them|\w+)?\b",
        ),
        re(r"(?i)\b(?:on|in) my (?:trolley|caseload|books|chair|list today)\b"),
        re(
            r"(?-i:\b(?:[Jj]ust |[Ww]e |I )?(?:admitted|discharged|transferred|intubated|resuscitated)\s+(?:him|her|them|a|an|this|(?:Mr|Mrs|Ms|Miss|Sir|Dame|Dr)\.?\s+[A-Z]|[A-Z][a-z]+\s+[A-Z][a-z]+))",
        ),
        re(r"(?i)\b(?:was|got|been|being)\s+admitted\b(?:\s+(?:to|with|for|overnight|last|this))"),
        // Second person to a patient: "your emergency visit", "we transferred you".
        re(
            r"(?i)\b(?:at|during|since|after|from|for|in|on)\s+your\s+(?:last\s+|recent\s+|emergency\s+|first\s+|follow-up\s+|next\s+)?(?:visit|appointment|appt|consultation|consult|admission|stay|procedure|operation|op|surgery|scan|check-?up|session|review|assessment)\b",
        ),
        re(
            r"(?i)\byour\s+(?:treatment|diagnosis|results?|bloods|x-ray|scan results|referral|prescription|meds|medication|tablets|insulin|bp|blood pressure|lower left|lower right|upper left|upper right|molar|tooth|teeth|filling|crown|wound|stitches|pain|symptoms|condition|biopsy|smear|implant|implants|skin|acne|pregnancy|labour|baby's|notes)\b",
        ),
        re(
            r"(?i)\b(?:you were\s+(?:seen|admitted|referred|transferred|discharged|treated|given|prescribed|told|advised|\d{1,2}\s*weeks)|you came (?:in|to us|into)|when you (?:came|were) in|we (?:transferred|referred|admitted|discharged|treated|saw|explained|discussed|recommended|advised|told) (?:you|this|it to you)|as we discussed)\b",
        ),
    ];
    let group = vec![re(
        r"(?i)\b(?:frequent fl[yi]ers|regulars|anti-?vaxx?ers|anti-?vax\s+(?:parents|mums|moms|people|families)|antivaxx?ers|drunks|drunk people|junkies|druggies|addicts|smackheads|crackheads|time[- ]?wasters|hypochondriacs|bed[- ]?blockers|gomers|moaners|whingers|baby daddies|service users|residents|callers|relatives|the ones who|those who|people who\s+(?:refuse|ring|call|come|rock|turn|show|present|self|demand|won't|don't|never|always|think|expect|swear|say)|ppl who|(?:people|ppl|folk|folks)\s+(?:who\s+)?(?:ring|call|phone|dial)\s+(?:999|911|000|112|111|an ambulance)|a regular who|everyone's an expert|the (?:ones|people) who)\b",
    )];
    Reference {
        det_age: re(&format!(
            r"(?i)\b(?:a|an|this|that|the|one|another)\s+{AGE}"
        )),
        bare_age: re(r"(?i)\b(?:\d{1,3}\s*(?:yo|y/o|y\.o\.)|\d{1,3}[ -]year[ -]old)\b"),
        patient: re(
            r"(?i)\b(?:([\w']+)[ \t]+)?(pat(?:ie|ei|i|ia)nts?)(?:('s|s')|(-)|[ \t]+([\w]+))?\b",
        ),
        phrases: Patterns::new(
            one.into_iter()
                .map(|re| (re, 2))
                .chain(group.into_iter().map(|re| (re, 1)))
                .map(|(re, weight)| Pattern {
                    re,
                    group: 0,
                    category: Category::PatientReference,
                    weight,
                })
                .collect(),
        ),
        arrivals: re(
            r"(?i)\b(?:([\w']+)\s+)?((?:came|comes|coming|walked|walks|rolled|rolls|wheeled|stumbled|limped|hobbled|staggered|self-presented|presented|presents|presenting|brought|was brought|got brought)\s+(?:in|into|with|to (?:a&e|resus|ed|er|us|clinic))|(?:rocked|rocks|turned|showed|rolled)\s+up\s+(?:at|in|to|with|again|today|tonight)|(?:was|were|been)\s+in\s+(?:again|today|tonight|this morning|this afternoon|yesterday|earlier|last night))\b",
        ),
    }
});

/// Subjects after which "came in", "turned up" are not about a patient.
const NOT_ARRIVING: &[&str] = &[
    "i", "we", "it", "you", "that", "this", "which", "parcel", "package", "results", "result",
    "letter", "email", "order", "delivery", "money", "pay", "rain", "snow", "sun", "summer",
    "winter", "light", "post", "text", "call", "message", "rota", "news", "heating", "music",
    "volume", "i've", "we've", "i'd", "we'd",
];

/// Finds patient references in `doc`.
pub fn detect(doc: &Doc, out: &mut Vec<Hit>) {
    let hay = doc.norm.as_str();
    let r = &*REFERENCE;
    patient_words(&r.patient, hay, out);
    r.phrases.find(hay, out);
    bare_ages(&r.bare_age, hay, out);
    bare_ages(&r.det_age, hay, out);
    for caps in r.arrivals.captures_iter(hay) {
        let subject = caps.get(1).map_or("", |m| m.as_str()).to_lowercase();
        if let Some(m) = caps.get(2) {
            if !NOT_ARRIVING.contains(&subject.as_str())
                && !m.as_str().to_lowercase().starts_with("turned up the")
            {
                out.push(Hit::new(m.start(), m.end(), Category::PatientReference, 2));
            }
        }
    }
}

/// Ages standing alone in a story; not the writer's own children or relatives.
fn bare_ages(pattern: &Re, hay: &str, out: &mut Vec<Hit>) {
    const OWN: &[&str] = &[
        "my", "our", "your", "his", "her", "their", "have", "has", "got", "i've", "we've", "a",
        "an", "to", "old", "and", "nan's", "mum's", "dad's",
    ];
    let mut last_end = 0;
    for m in pattern.find_iter(hay) {
        let before = word_before(hay, last_end, m.start()).map(str::to_lowercase);
        last_end = m.end();
        if before.as_deref().is_some_and(|b| OWN.contains(&b)) {
            continue;
        }
        out.push(Hit::new(m.start(), m.end(), Category::PatientReference, 2));
    }
}

/// The word right before `start` ("my" in "my 5yo"), after `from`: what the pattern
/// `\b([\w']+)\s+` just before `start` would capture. Searching for the age alone and
/// looking back by hand is several times faster than a pattern that starts with any word.
fn word_before(hay: &str, from: usize, start: usize) -> Option<&str> {
    let before = &hay[from..start];
    let word_end = before.trim_end_matches(['\t', '\n', '\x0B', '\x0C', '\r', ' ']);
    if word_end.len() == before.len() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '\'';
    let run = word_end.trim_end_matches(is_word);
    let word = &word_end[run.len()..];
    // The word starts at the first ASCII word boundary in the run (`\b` is ASCII).
    let base = from + run.len();
    let bytes = hay.as_bytes();
    (0..word.len())
        .filter(|&i| word.is_char_boundary(i))
        .find(|&i| {
            let at = base + i;
            is_ascii_word(bytes, at) != (at > 0 && is_ascii_word(bytes, at - 1))
        })
        .map(|i| &word[i..])
}

/// "patient" and "patients": one patient, a group, or not a person at all.
fn patient_words(pattern: &Re, hay: &str, out: &mut Vec<Hit>) {
    for caps in pattern.captures_iter(hay) {
        let Some(word) = caps.get(2) else { continue };
        let before = caps.get(1).map(|m| m.as_str().to_lowercase());
        let before = before.as_deref().unwrap_or("");
        let after = caps.get(5).map(|m| m.as_str().to_lowercase());
        let hyphen = caps.get(4).is_some();
        let possessive = caps.get(3).is_some();
        let plural = word.as_str().to_lowercase().ends_with('s') && !possessive
            || caps.get(3).is_some_and(|m| m.as_str() == "s'");
        let before_clean: String = before.chars().filter(|c| c.is_alphanumeric()).collect();

        if ADJECTIVE_BEFORE.contains(&before_clean.as_str()) && !possessive {
            continue;
        }
        if hyphen {
            continue;
        }
        if !possessive
            && after
                .as_deref()
                .is_some_and(|a| COMPOUND_AFTER.contains(&a))
        {
            // "a patient with diabetes", "patients and families" are still people.
            let a = after.as_deref().unwrap_or("");
            if !matches!(a, "with" | "and" | "or" | "first") {
                continue;
            }
        }
        // Numeric aggregates ("1,248 patients", "40 patients") identify nobody.
        if before.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let start = match caps.get(1) {
            Some(m) if !plural && (ONE.contains(&before) || ANY.contains(&before)) => m.start(),
            _ => word.start(),
        };
        let end = caps.get(3).map_or(word.end(), |m| m.end());
        // One patient: singled out by a determiner ("a patient", "my patient"), or opening
        // a sentence ("Patient 3 hours late"). Otherwise ("intubated patient") weak.
        let singled = ONE.contains(&before) || caps.get(1).is_none();
        let weight = if plural || !singled { 1 } else { 2 };
        out.push(Hit::new(start, end, Category::PatientReference, weight));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Range = std::ops::Range<usize>;

    /// Each bare age, the word before it and where that word is, as the pattern that
    /// looked back itself found them.
    fn looked_back_by_the_pattern(hay: &str) -> Vec<(Range, Option<String>, Option<Range>)> {
        let old = regex::Regex::new(
            r"(?i)(?:(?-u:\b)([\w']+)[\t\n\x0B\x0C\r ]+)?(?-u:\b)([0-9]{1,3}[\t\n\x0B\x0C\r ]*(?:yo|y/o|y\.o\.)|[0-9]{1,3}[ -]year[ -]old)(?-u:\b)",
        )
        .unwrap();
        old.captures_iter(hay)
            .map(|c| {
                let word = c.get(1);
                (
                    c.get(2).unwrap().range(),
                    word.map(|m| m.as_str().to_string()),
                    word.map(|m| m.range()),
                )
            })
            .collect()
    }

    fn looked_back_by_hand(hay: &str) -> Vec<(Range, Option<String>)> {
        let mut last_end = 0;
        REFERENCE
            .bare_age
            .regex()
            .find_iter(hay)
            .map(|m| {
                let before = word_before(hay, last_end, m.start()).map(str::to_string);
                last_end = m.end();
                (m.range(), before)
            })
            .collect()
    }

    proptest! {
        /// Looking back by hand finds every age the old pattern found, with the same word
        /// before it, however words, spaces, apostrophes and letters outside ASCII fall.
        /// It also finds an age the old pattern swallowed as the word before the next
        /// ("5yo 6yo"), which is an age all the same.
        #[test]
        fn the_word_before_an_age_is_the_one_the_pattern_captured(
            parts in proptest::collection::vec(
                prop::sample::select(vec![
                    "my", "a", "I've", "'", "'tis", " ", "  ", "\t", "\n", "5yo", "84 y/o",
                    "30-year-old", "é", "Zoë", "_x", ",", "-", "😂", "9",
                ]),
                0..12,
            )
        ) {
            let hay: String = parts.concat();
            let by_hand = looked_back_by_hand(&hay);
            let by_pattern = looked_back_by_the_pattern(&hay);
            for (age, word, range) in &by_pattern {
                // A word that was itself an age is now found as one, not as a word.
                let was_age = range.as_ref().is_some_and(|w| {
                    by_hand.iter().any(|(a, _)| a.start < w.end && w.start < a.end)
                });
                let same = |(a, w): &(Range, Option<String>)| a == age && (was_age || w == word);
                prop_assert!(by_hand.iter().any(same), "{:?} in {:?}", age, hay);
            }
            for (age, _) in &by_hand {
                let found = by_pattern.iter().any(|(a, _, _)| a == age);
                let swallowed = by_pattern.iter().any(|(_, _, w)| {
                    w.as_ref().is_some_and(|w| w.start <= age.start && age.end <= w.end)
                });
                prop_assert!(found || swallowed, "{:?} in {:?}", age, hay);
            }
        }
    }

    #[test]
    fn the_writers_own_children_are_not_patients() {
        assert!(hits("my 5yo has been up all night").is_empty());
        assert!(hits("Got a 4yo and a 7yo at home").is_empty());
        has("had a 34yo professional cellist in today", "a 34yo", 2);
        has("34yo professional cellist in today", "34yo", 2);
    }

    fn hits(s: &str) -> Vec<(String, u8)> {
        let doc = Doc::new(s);
        let mut out = Vec::new();
        detect(&doc, &mut out);
        assert!(out.iter().all(|h| h.category == Category::PatientReference));
        out.iter()
            .map(|h| (doc.norm[h.start..h.end].to_string(), h.weight))
            .collect()
    }

    fn has(s: &str, span: &str, w: u8) {
        let found = hits(s);
        assert!(
            found.iter().any(|(t, x)| t == span && *x == w),
            "{s:?}: expected {span:?} weight {w}, got {found:?}"
        );
    }

    fn none(s: &str) {
        let found = hits(s);
        assert!(found.is_empty(), "{s:?}: unexpected {found:?}");
    }

    fn max(s: &str) -> u8 {
        hits(s).iter().map(|h| h.1).max().unwrap_or(0)
    }

    #[test]
    fn one_patient() {
        has("my patient in bed 4", "my patient", 2);
        has("Lost a patient tonight.", "a patient", 2);
        has("for the billing mess, pt is Gary", "pt", 2);
        has("Pt's wife rang again", "Pt's", 2);
        has("the lady in bed 4 wants tea", "the lady in bed 4", 2);
        has("woman from bay 3 is ringing", "woman from bay 3", 2);
        has("a guy came into resus", "came into", 2);
        has("had a 30yo in clinic", "a 30yo", 2);
        has("Interesting case: 34yo professional cellist", "34yo", 2);
        has("the 4th guy this month at Musgrove", "the 4th guy", 2);
        has("bloody hell, she's in with an ectopic", "she's in with", 2);
        has("my 31 y/o M with testicular ca", "my 31 y/o M", 2);
        has("told a 29yo firefighter", "a 29yo", 2);
        has("spotted our frequent flyer Terry", "our frequent flyer", 2);
        has(
            "selfie with my favourite resident Dot",
            "my favourite resident",
            2,
        );
        has("bed 6 again 🙄", "bed 6 again", 2);
        has("Doris in room 3 tried to bite me", "Doris in room 3", 2);
        has("shout out to the drunk who threw up", "the drunk who", 2);
        has("this kid was amazing", "this kid", 2);
        has("a mum brought in her toddler", "a mum brought", 2);
        has(
            "your mum was in today for her warfarin",
            "your mum was in",
            2,
        );
        has(
            "as we discussed at your emergency visit",
            "at your emergency visit",
            2,
        );
        has("We stand by your treatment", "your treatment", 2);
        has("Patient 3 hours late for their appointment", "Patient", 2);
    }

    #[test]
    fn patients_as_a_group() {
        has("why do the rudest patients always book late", "patients", 1);
        has(
            "Dear patients: 'I googled it' is not a history",
            "patients",
            1,
        );
        has("frequent flyers are all back tonight", "frequent flyers", 1);
        has("the ones who refuse the flu jab", "the ones who", 1);
        has(
            "Anti-vax parents in clinic are exhausting",
            "Anti-vax parents",
            1,
        );
        has("Introduce yourself to every patient", "every patient", 1);
        has("the intubated patient needs a line", "patient", 1);
        has("why do ppl ring 999 for a stubbed toe", "ppl ring 999", 1);
        assert_eq!(max("some patients deserve the wait"), 1);
    }

    #[test]
    fn not_a_patient() {
        none("be patient with the new grads");
        none("waiting patiently for my Amazon parcel");
        none("I'm so impatient today");
        none("Fill in the patient experience survey");
        none("It's patient safety week");
        none("log in to the patient portal");
        none("truly patient-centred care");
        none("Code review took 3 hours");
        none("Ward 3 councillors met today");
        none("off to the theatre tonight");
        none("the theatre was packed");
        none("my 4yo had croup last night");
        none("I have a 4yo and a 6yo, send help");
        none("Dad's hip op went well today");
        none("Grandad moved into a care home this month");
        none("client meeting at 10");
        none("in our cohort of 1,248 patients, early mobilisation helped");
        none("I'm patient zero for the office cold");
        none("Dev has been SO patient with the new puppy");
        none("Admitted to the bar today!!!");
        none("my parcel came in today");
        none("Theatre trip with the Year 9s to see Macbeth");
        none("new bed frame arrived");
        none("Flower bed 4 at the allotment is weed-free");
    }
}
