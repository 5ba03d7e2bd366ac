//! Venting about patients (taxonomy D): labels and slurs (`crate/data/labels.txt`),
//! profanity (weight 2 when aimed at people, 1 otherwise: "fucking knackered after
//! nights" is not about a patient), mockery (eye-rolling and laughing emojis, "lol",
//! scare quotes around someone's words, sarcastic questions), wishing harm, and meme
//! formats ("I hate patients because", "my ick is", "POV:", "top trumps"). Clinical
//! hashtags are not venting: they say where a post comes from (see `context`).
//!
//! Weights follow `detect`: mild sarcasm and eye-rolling 1; labels, profanity at
//! patients, wishing harm and meme formats 2. Venting alone says nothing about patients;
//! scoring counts it with a patient reference. "I need wine 🍷" and "Proud of my team 🙌"
//! are not venting.

use std::sync::LazyLock;

use super::lexicon::Lexicon;
use super::patterns::Patterns;
use super::{re, Hit};
use crate::category::Category;
use crate::text::Doc;

struct Venting {
    labels: Lexicon,
    /// (pattern, group, category, weight)
    patterns: Patterns,
}

static VENTING: LazyLock<Venting> = LazyLock::new(|| {
    use Category::*;
    const PEOPLE: &str = r"(?:patients?|pts?|people|ppl|guy|guys|woman|women|lady|man|men|bloke|family|families|relatives|mum|dad|parents|kids?|drunks?|idiots?|morons?|twats?|pricks?|dickheads?|bastards?|cunts?|bitch|bitches|(?:he|she|they)\s+(?:is|was|are|were))";
    let patterns = vec![
        // Insults that are always about people.
        (
            re(
                r"(?i)\b(?:idiots?|morons?|imbeciles?|cretins?|twats?|pricks?|dickheads?|knobheads?|arseholes?|assholes?|bastards?|cunts?|bellends?|numpties|numpty|muppets?|clowns)\b",
            ),
            0,
            Profanity,
            2,
        ),
        // Profanity or contempt aimed at patients or people.
        (
            re(&format!(
                r"(?i)\b(?:stupid|fucking|effing|bloody|sodding|dumb|thick|useless|pathetic|disgusting|vile|feral|rude|entitled|ungrateful|lazy|selfish)\s+(?:old\s+)?{PEOPLE}\b"
            )),
            0,
            Profanity,
            2,
        ),
        // Profanity on its own: mild, it need not be about anyone.
        (
            re(
                r"(?i)\b(?:fuck(?:ing|ed|s)?|f\*+k(?:ing)?|shit(?:ty)?|bloody|damn|ffs|wtf|bollocks|piss(?:ed)?|crap)\b",
            ),
            0,
            Profanity,
            1,
        ),
        // Laughing and eye-rolling at a story. Two lists: the regex crate finds up to
        // ten literals with a fast prefilter, and scans byte by byte beyond that.
        (re(r"😂|🤣|🙄|🙃|💀|🤦|🤡"), 0, Mockery, 1),
        (re(r"😹|😆|😏|🤢|🤮|😒"), 0, Mockery, 1),
        (
            re(
                r"(?i)\b(?:lol|lmao|lmfao|rofl|iykyk|kmt|smh|bless (?:him|her|them)|the audacity|the entitlement|living the dream|just another (?:day|monday|tuesday|wednesday|thursday|friday|shift)|peak (?:a&e|nhs|ed|er|ambo)|ambo life|genuinely asking|sir,|ma'am,|love\.|smile and wave)\b",
            ),
            0,
            Mockery,
            1,
        ),
        // Scare quotes around someone's words: 'the worst flu of my life'.
        (
            re(r#"(?:^|[\s(])('[^'\n\s]+\s[^'\n]{1,78}'|"[^"\n\s]+\s[^"\n]{1,78}")(?:[^\w]|$)"#),
            1,
            Mockery,
            1,
        ),
        // Superlative insults aimed at patients: "the rudest patients".
        (
            re(
                r"(?i)\b(?:rudest|laziest|dumbest|stupidest|thickest|smelliest|ugliest|fattest|dirtiest|most entitled|most annoying|most demanding|worst)\s+(?:\w+\s+)?(?:patients|pts|people|relatives|families|parents|mums|dads|customers)\b",
            ),
            0,
            Label,
            2,
        ),
        // Sarcastic remarks about patients.
        (
            re(
                r"(?i)(?:\bi'm not a (?:taxi|hotel|waitress|waiter|maid|servant|slave|vending machine)|\b(?:is|isn't|is not|as if (?:it|this|a&e|the ed) (?:is|was)|thinks? (?:the |a&e|ed |er |hospital |we're |we are |i'm |I am )?(?:[\w&]+\s+)?(?:is|are|was)?\s*)a (?:hotel|taxi|restaurant|spa|holiday camp|b&b)\b|\bimagine thinking\b|\bfull moon\b|\bcan i be \d+ (?:hours|hrs|mins|minutes) late\b|\bbeat that\b|\bnot very rock n roll\b|\bif your pain is \d+/10\b|\bI'm not running\b|\bdrop yours below\b)",
            ),
            0,
            Mockery,
            1,
        ),
        // Sweeping claims about patients' behaviour ("patients who swear they floss…",
        // "why do ppl ring 999…"): the frame of most venting memes. Mild alone; with a
        // laugh, an eye-roll or scare quotes it adds up to disparaging.
        (
            re(
                r"(?i)(?:\bwhy do (?:\w+\s+){0,2}?(?:patients|people|ppl|relatives|families|parents)\b|\bwhy are (?:patients|people|ppl|you) like this\b|\bwhy are you like this\b|\bthe amount of (?:patients|people|ppl)\b|\bwho else has\b|\bmy favourite genre\b|\bthat's it\. that's the post\b|\b(?:patients|pts|people|ppl|parents|relatives|families|the ones|those)\s+who\s+(?:\w+\s+)?(?:say|says|think|thinks|swear|swears|refuse|refuses|insist|insists|claim|claims|expect|expects|demand|demands|want|wants|call|ring|come|turn|rock|show|scream|moan|complain|google|tell|ask|never|always|still)\b|\bare (?:always|ALWAYS) (?:the ones|back)\b|\b(?:patients|parents|relatives|families)\s+(?:\w+\s+){0,2}(?:are|is)\s+(?:exhausting|the worst|a nightmare|hell|draining|unbearable|insufferable)\b)",
            ),
            0,
            Meme,
            1,
        ),
        // Wishing harm or boredom on patients.
        (
            re(
                r"(?i)\b(?:(?:i )?hope (?:he|she|they|you|it|that|this)\s+(?:dies|die|rots?|suffers?|chokes?|croaks?|hurts?|dies slowly|never wakes up|bleeds? out)|let (?:him|her|them) (?:suffer|die|rot|wait|bleed)|wish (?:he|she|they)'?d (?:just|hurry|die|go)|(?:he|she|they) deserved? it|deserves? (?:the wait|to (?:suffer|die|wait|rot))|deserved what (?:he|she|they) got|natural selection|darwin award|thinning the herd|serves? (?:him|her|them) right|someone (?:please )?(?:crash|code|die)|please crash|rot in hell|put (?:him|her|them) down|should have let (?:him|her|them) (?:die|go))\b",
            ),
            0,
            WishHarm,
            2,
        ),
        // Meme formats about patients.
        (
            re(
                r"(?i)(?:\bi hate (?:patients|pts|people|relatives|families) (?:because|who|that|when)|\bmy ick is\b|\bthe ick\b|\btop trumps\b|\bpov\s*:|\bthings (?:patients|pts|people) say\b|\bred flag\s*:|\btell me you(?:'re| are) an? [\w ]{1,30} without telling me|\bpatients be like\b|\bnobody\s*:|\bstory time\b|\bguess who (?:was|came|rocked|turned)|\bwhen the (?:patient|pt|family)\b|\bdear patients\b)",
            ),
            0,
            Meme,
            2,
        ),
    ];
    Venting {
        labels: Lexicon::parse(include_str!("../../data/labels.txt"), Label, 2),
        patterns: patterns.into(),
    }
});

/// Finds venting about patients in `doc`.
pub fn detect(doc: &Doc, out: &mut Vec<Hit>) {
    let hay = doc.norm.as_str();
    let v = &*VENTING;
    v.labels.find(hay, out);
    v.patterns.find(hay, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing;

    fn hits(s: &str) -> Vec<(String, Category, u8)> {
        testing::run(detect, s)
    }

    fn has(s: &str, span: &str, c: Category, w: u8) {
        testing::has(detect, s, span, c, w)
    }

    fn max(s: &str) -> u8 {
        hits(s).iter().map(|h| h.2).max().unwrap_or(0)
    }

    #[test]
    fn labels_and_profanity_at_patients() {
        has(
            "junkies will lie straight to your face",
            "junkies",
            Category::Label,
            2,
        );
        has(
            "frequent flyers are all back tonight",
            "frequent flyers",
            Category::Label,
            2,
        );
        has(
            "when the 'social drinker' gets his LFTs back",
            "the 'social drinker'",
            Category::Label,
            2,
        );
        has(
            "anyone else's ED full of idiots tonight?",
            "idiots",
            Category::Profanity,
            2,
        );
        has(
            "another stupid patient",
            "stupid patient",
            Category::Profanity,
            2,
        );
    }

    #[test]
    fn mockery_and_sarcasm() {
        has(
            "frequent flyers are all back tonight lol 🙄 must be a full moon",
            "🙄",
            Category::Mockery,
            1,
        );
        has(
            "frequent flyers are all back tonight lol 🙄 must be a full moon",
            "lol",
            Category::Mockery,
            1,
        );
        has(
            "frequent flyers are all back tonight lol 🙄 must be a full moon",
            "full moon",
            Category::Mockery,
            1,
        );
        has(
            "back in January with 'the worst flu of my life' 😂",
            "'the worst flu of my life'",
            Category::Mockery,
            1,
        );
        has(
            "same 'chest pain' every time. I'm not a taxi, love.",
            "I'm not a taxi",
            Category::Mockery,
            1,
        );
        has(
            "Why do some patients think the emergency department is a hotel?",
            "Why do some patients",
            Category::Meme,
            1,
        );
        has(
            "patients who swear they floss every day",
            "patients who swear",
            Category::Meme,
            1,
        );
        has(
            "why do the rudest patients always book late",
            "rudest patients",
            Category::Label,
            2,
        );
    }

    #[test]
    fn wishing_harm_and_memes() {
        has(
            "the guy who shot that officer. hope he rots.",
            "hope he rots",
            Category::WishHarm,
            2,
        );
        has(
            "honestly natural selection at work",
            "natural selection",
            Category::WishHarm,
            2,
        );
        has(
            "I hate patients because... drop yours below",
            "I hate patients because",
            Category::Meme,
            2,
        );
        has(
            "my ick is when you're 9cm and still asking",
            "my ick is",
            Category::Meme,
            2,
        );
        has(
            "top trumps for the FY group",
            "top trumps",
            Category::Meme,
            2,
        );
        has("POV: the 4th guy this month", "POV:", Category::Meme, 2);
    }

    #[test]
    fn not_venting_about_patients() {
        assert_eq!(max("I need wine 🍷"), 0);
        assert_eq!(
            max("#nursesoftiktok #carehome"),
            0,
            "hashtags say where, not venting"
        );
        assert_eq!(max("Patients who are frail need more time"), 0);
        assert_eq!(max("Proud of my team today 🙌"), 0);
        assert_eq!(max("Grey's Anatomy is the least realistic show ever"), 0);
        assert_eq!(
            max("new bed frame arrived and the instructions are a war crime"),
            0
        );
        assert_eq!(max("fucking knackered after nights"), 1);
        assert_eq!(max("Dad's hip op went well today 🙏"), 0);
        assert_eq!(max("don't put her near the window, it's cold"), 0);
    }
}
