//! Incoming boundary cues, found in the message a draft replies to (taxonomy E): a link
//! to care ("you were my midwife", "it's Lucy from your clinic", "thanks for looking
//! after Mum"), and the personal approach itself — compliments on looks or person,
//! invitations, gifts (above all ones chosen from your profile), "found you on here",
//! requests for personal contact, romantic words and dependency.
//!
//! The care-link patterns are shared with `boundary`, which looks for them in a draft
//! with no context ("you were my patient last month", "I'm the pharmacist who did your
//! flu jab").
//!
//! Weights: 2 = a clear cue, 1 = weak alone (a "Dr Smith" greeting, "love you", ❤️).
//! A message that reads as a friend's, partner's, teammate's, colleague's or date's
//! ("bestie", "since uni", "after handover", "we matched") and has no clear link to
//! care yields nothing; a public thank-you to a team keeps only its clear cues.

use std::sync::LazyLock;

use super::lexicon::Lexicon;
use super::patterns::{Pattern, Patterns};
use super::{re, Hit, Re};
use crate::category::Category;
use crate::text::Doc;

/// A data file's phrases as a regex alternation (longest first, spaces as `\s+`).
pub(crate) fn alternation(data: &str) -> String {
    let mut words: Vec<String> = data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| regex::escape(l).replace(' ', r"\s+"))
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    format!("(?:{})", words.join("|"))
}

/// Fragments the patterns share, as `{NAME}` placeholders.
static VARS: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    vec![
        ("{ROLE}", alternation(include_str!("../../data/approach-roles.txt"))),
        ("{CLIN}", alternation(include_str!("../../data/approach-clinical.txt"))),
        (
            "{PLACE}",
            r"(?:clinic|ward|surgery|practice|hospital|a\s*&\s*e|a\s+and\s+e|er|resus|icu|itu|hdu|ccu|theatres?|maternity|labour\s+ward|delivery\s+suite|outpatients|walk-in(?:\s+cent(?:re|er))?|urgent\s+care|minors|majors|pharmacy|dentist(?:'s)?|dental\s+practice|gp(?:'s)?|physio|rehab|appointment|appt|check-?up|session|consultation|op|operation|department|unit|hospice|care\s+home|nursing\s+home|(?:bed|bay|cubicle|side\s+room)\s*\d+)".to_string(),
        ),
        (
            "{LOOKS}",
            r"(?:gorgeous|stunning|beautiful|handsome|hot|fit|pretty|cute|sexy|fine|lush|peng|buff|attractive|good[\s-]looking|better[\s-]looking|dreamy|a\s+babe|a\s+ten|a\s+10|a\s+snack|a\s+stunner|a\s+hottie|a\s+cutie)".to_string(),
        ),
        (
            "{FOOD}",
            r"(?:coffees?|drinks?|dinner|lunch|brunch|breakfast|meal|bite|food|pints?|cuppa|tea|date|walk|hike|hiking|movie|film|cinema|dance|dancing|clubbing|night\s+out|karaoke|gig|concert|party|bbq|barbecue|picnic|game|duo|ride|drive|spa|catch[\s-]?up|meet[\s-]?up)".to_string(),
        ),
        (
            "{GIFT}",
            r"(?:something|summat|gift|present|pressie|token|flowers|chocolates?|whisky|whiskey|wine|gin|champagne|prosecco|bottle|book|box|card|bouquet|bunch|hamper|voucher|treat|cake|cookies|biscuits|poem|letter|drawing|painting|scarf|jumper|perfume|aftershave|jewellery|jewelry|necklace|bracelet|teddy|lilies|roses|tulips|plant)".to_string(),
        ),
        ("{YOU}", r"(?:you|u|ya|yu)".to_string()),
        ("{MY}", r"(?:my|our|his|her|their|mum's|mom's|dad's|mums|moms|dads)".to_string()),
    ]
});

/// Compiles patterns, filling in the shared `{NAME}` fragments.
pub(crate) fn compile(specs: &[(&str, Category, u8)]) -> Patterns {
    let rules: Vec<Pattern> = specs
        .iter()
        .map(|&(p, category, weight)| {
            let mut pattern = p.to_string();
            for (name, value) in VARS.iter() {
                pattern = pattern.replace(name, value);
            }
            Pattern::new(&ascii_classes(&pattern), 0, category, weight)
        })
        .collect();
    Patterns::new(rules)
}

/// A pattern of another module gated with the patterns compiled here (the gate groups
/// patterns by the file that creates them): boundary's phone numbers, searched beside the
/// moves compiled here, share their passes rather than walk a pass of their own.
pub(crate) fn gated_here(pattern: &str) -> Re {
    re(pattern)
}

/// Word classes and boundaries as ASCII: the text is normalised, and ASCII classes keep
/// every pattern on the fast DFA path (a Unicode `\b` falls back to a slower engine).
fn ascii_classes(pattern: &str) -> String {
    pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\w", r"[0-9A-Za-z_]")
        .replace(r"\s", r"[\t\n\x0B\x0C\r ]")
}

use Category::{CareLink, Compliment, ContactRequest, FoundYou, Gift, Invitation, Romance};

/// Links to care that read the same from either side: the patient's ("you were my
/// midwife", "you did my knee replacement") and the clinician's ("I was your nurse",
/// "saw your name on my list", "from your appointment Thursday").
static CARE: LazyLock<Patterns> = LazyLock::new(|| {
    compile(&[
        // "you were my midwife", "you've been my GP for years", "you were my patient"
        (
            r"(?i)\b{YOU}(?:'ve|'re|re|\s+were|\s+was|\s+are|\s+r|\s+have\s+been|\s+used\s+to\s+be|\s+been)\s+(?:\w+\s+)?{MY}\s+(?:(?:old|usual|regular|lovely|own|main|first|last|actual|named)\s+)?(?:{ROLE}|patient)\b",
            CareLink,
            2,
        ),
        // "I was your nurse", "I'm technically still your midwife", "I'm your dentist"
        (
            r"(?i)\bI(?:'m|m|\s+am|\s+was|'ve\s+been|\s+have\s+been)\s+(?:\w+\s+){0,2}?(?:your|ur|his|her)\s+(?:\w+\s+)?(?:{ROLE})\b",
            CareLink,
            2,
        ),
        // "you're the physio who…", "is this the nurse from…", "I'm the pharmacist who…"
        (
            r"(?i)\b(?:you're|youre|you\s+are|your|ur|u\s+r|are\s+{YOU}|aren't\s+{YOU}|r\s+u|is\s+this|was\s+it|it's|its|it\s+is|this\s+is|I'm|I\s+am|im|I\s+was)\s+(?:[\w'-]+\s+)?(?:the|that|my|your|ur)\s+(?:[\w'-]+\s+){0,2}?{ROLE}(?:\s+[\w'-]+)?\s+(?:who|that|from|at|on|in|with)\b",
            CareLink,
            2,
        ),
        // "the cute pharmacist who sorted my prescription", "the one who did your stitches"
        (
            r"(?i)\bthe\s+(?:[\w'-]+\s+){0,2}?(?:{ROLE}|one)\s+(?:who|that)\s+(?:\w+\s+){0,2}?(?:me|my|your|ur)\s+(?:[\w'-]+\s+){0,2}?(?:{CLIN})\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\bthe\s+(?:[\w'-]+\s+){0,2}?{ROLE}\s+(?:who|that)\s+(?:\w+\s+)?(?:treated|stitched|operated\s+on|delivered|nursed|examined|looked\s+after|cared\s+for|took\s+care\s+of|saw|helped|sorted)\s+(?:me|my|us|mum|mom|dad)\b",
            CareLink,
            2,
        ),
        // "you stitched me up", "you delivered my baby", "you looked after Mum"
        (
            r"(?i)\b(?:{YOU}|who)\s+(?:\w+\s+)?(?:treated|stitched|operated\s+on|delivered|nursed|examined|resuscitated|diagnosed|vaccinated|x-rayed|scanned|discharged|admitted|referred|cared\s+for|saved|patched\s+up|sewed\s+up|stitched\s+up|brought\s+me\s+in|took\s+me\s+in)\s+(?:me|my|mine|us|our|him|her|mum|mom|dad|nan|gran)\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\b{YOU}\s+(?:took|brought)\s+(?:me\s+)?in\b",
            CareLink,
            1,
        ),
        (
            r"(?i)\bsaved\s+(?:my|his|her|our|mum's|dad's)\s+(?:life|leg|arm|eye|sight|baby)\b",
            CareLink,
            2,
        ),
        // "you were in my clinic today", "you came into resus on Friday"
        (
            r"(?i)\b{YOU}\s+(?:were|was|came|come)\s+(?:in|into|to|at|through)\s+(?:my|our|the)\s+(?:[\w'-]+\s+)?{PLACE}\b",
            CareLink,
            2,
        ),
        // "you did my knee replacement", "you took my bloods", "who did your flu jab"
        (
            r"(?i)\b(?:{YOU}|who|that)\s+(?:\w+\s+)?(?:did|done|sorted|sorted\s+out|fixed|took|gave|put|set|pulled|removed|took\s+out|filled|cleaned|checked|dressed|changed|reset|injected|prescribed|stitched|scanned|examined|treated|delivered)\s+(?:me\s+)?(?:my|mine|his|her|our|mum's|mom's|dad's|your|ur)\s+(?:[\w'-]+\s+){0,2}?(?:{CLIN})\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\b(?:I|we)\s+(?:\w+\s+)?(?:did|done|sorted|fixed|took|gave|put|set|pulled|removed|filled|cleaned|checked|dressed|stitched|scanned|examined|treated|delivered|saw|reviewed)\s+(?:you\s+)?(?:your|ur)\s+(?:[\w'-]+\s+){0,2}?(?:{CLIN})\b",
            CareLink,
            2,
        ),
        // "you looked after my dad in hospice", "you delivered my twins", "you saved my life"
        (
            r"(?i)\b{YOU}\s+(?:\w+\s+)?(?:looked\s+after|cared\s+for|took\s+care\s+of|treated|nursed|operated\s+on|delivered|stitched(?:\s+up)?|saved|resuscitated|sectioned|scanned|referred|diagnosed)\s+(?:me|us|him|her|them|{MY}\s+[\w'-]+)\b",
            CareLink,
            2,
        ),
        // "your patient from the diabetes clinic", "your old patient"
        (
            r"(?i)\b(?:your|ur)\s+(?:old\s+|former\s+|ex-?\s*|favourite\s+|favorite\s+)?patient\b",
            CareLink,
            2,
        ),
        // Taking a care question off the practice's channel: "questions about my meds",
        // "easier than ringing the surgery".
        (
            r"(?i)\b(?:questions?|ask\s+you)\s+about\s+my\s+(?:meds|medication|tablets|results|bloods|treatment|scan|op|operation|prescription|dose)\b|\b(?:than|instead\s+of|without)\s+(?:ringing|calling|phoning|booking|going\s+through)\s+(?:the\s+)?(?:surgery|practice|clinic|hospital|reception|ward|111)\b",
            CareLink,
            1,
        ),
        // "thanks for looking after me/my mum"
        (
            r"(?i)\b(?:thanks|thank\s+you|thx|ty|cheers|grateful)\s+(?:\w+\s+){0,3}?for\s+(?:\w+\s+)?(?:looking\s+after|caring\s+for|taking\s+care\s+of|treating|delivering|stitching|nursing|helping|everything\s+you\s+did\s+for|seeing|taking)\s+(?:me|my|mum|mom|dad|us|him|her|them)\b",
            CareLink,
            1,
        ),
        // "in A&E", "taking me to hospital", "at the walk-in centre"
        (
            r"(?i)\b(?:to|in|at|into|from|on)\s+(?:the\s+)?(?:hospital|a\s*&\s*e|a\s+and\s+e|resus|icu|itu|hdu|ccu|maternity|labour\s+ward|delivery\s+suite|outpatients|walk-in(?:\s+cent(?:re|er))?|urgent\s+care|fracture\s+clinic|surgery|dentist(?:'s)?)\b",
            CareLink,
            1,
        ),
        // "it's Lucy from your clinic", "I'm Jayden's mum from the children's ward"
        (
            r"(?i)\b(?:it's|its|it\s+is|this\s+is|I'm|I\s+am|im|me|remember\s+me|I\s+was)\s+(?:[\w'-]+\s+){0,3}?from\s+(?:the\s+|your\s+|ur\s+|\w+'s\s+|\w+day\s+|last\s+)?(?:[\w'-]+\s+){0,2}?{PLACE}\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\bfrom\s+(?:your|ur)\s+(?:[\w'-]+\s+){0,2}?(?:{PLACE}|{CLIN})\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\b(?:from|in|on)\s+(?:bed|bay|cubicle|side\s+room|ward)\s*\d+[a-z]?\b",
            CareLink,
            2,
        ),
        // "my dentist", "my favourite nurse", "her favourite carer", "best nurse ever"
        (
            r"(?i)\b(?:my|our|his|her|mum's|mom's|dad's)\s+(?:(?:old|usual|regular|lovely|favourite|favorite|fave|fav|amazing|wonderful|best|own|new|last)\s+)?{ROLE}\b",
            CareLink,
            1,
        ),
        (
            r"(?i)\b(?:best|favourite|favorite|fave|fav|nicest|kindest)\s+{ROLE}\b",
            CareLink,
            1,
        ),
        (
            r"(?i)\b(?:best|favourite|favorite|fave|fav)\s+patients?\b",
            CareLink,
            2,
        ),
        // "my last appointment", "your next appointment", "my hospital stay", "your notes"
        (
            r"(?i)\b(?:my|your|ur|his|her)\s+(?:(?:last|next|recent|latest|follow[\s-]?up|first|\w+day's|\w+day)\s+)(?:appointment|appt|check-?up|session|scan|op|operation|procedure|consultation|visit)s?\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\b(?:my|your|ur)\s+(?:treatment|hospital\s+stay|stay|op|operation|procedure|check-?up|smear|bloods|blood\s+results|blood\s+test|notes|records|medical\s+records|medical\s+history|discharge|admission|labour|delivery|c-section|stitches)\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\b(?:my|your|ur|the\s+last)\s+(?:appointment|appointments|appt|appts|results|test\s+results|history|scan|surgery|prescription)\b",
            CareLink,
            1,
        ),
        (r"(?i)\bpost[\s-]?op\b", CareLink, 1),
        (
            r"(?i)\b(?:rang|called|phoned)\s+(?:111|999|911|the\s+(?:surgery|practice|clinic|ward|out[\s-]of[\s-]hours))\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\bwhen\s+I\s+was\s+(?:in\s+(?:hospital|labour|labor|resus|a\s*&\s*e)|admitted|on\s+(?:the\s+)?ward|your\s+patient)\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\b(?:I\s+was|I'm|I\s+am|im|it's\s+me,?)\s+the\s+(?:one|guy|girl|lady|man|woman|lad|bloke|patient|chap|fella)\s+(?:with|in|from|who)\b",
            CareLink,
            1,
        ),
        (
            r"(?i)\b(?:good|great|amazing|brilliant|wonderful|so\s+kind|lovely|fantastic)\s+with\s+(?:my\s+\w+|mum|mom|dad|nan|gran|grandma|grandad|grandpa|him|her|my\s+(?:son|daughter|boy|girl|baby))\b",
            CareLink,
            1,
        ),
        (
            r"(?i)\b(?:saw|seen|spotted|noticed|recogni[sz]ed)\s+(?:your|ur)\s+name\s+(?:on|in|come\s+up\s+on)\s+(?:my|the|our)\s+(?:\w+\s+)?(?:list|notes|system|records|board|rota)\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\brecogni[sz]e?d?\s+(?:you|u)\s+from\s+(?:the\s+|my\s+|your\s+|ur\s+)?(?:[\w'-]+\s+)?(?:{PLACE}|{CLIN})\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\b(?:when|once|after|before)\s+(?:you're|you\s+are|youre|ur|u\s+r|you\s+get|you|u)\s+(?:discharged|out\s+of\s+hospital|home\s+from\s+hospital|off\s+the\s+ward)\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\b(?:got|took|found|have|had)\s+(?:your|ur)\s+(?:number|address|details|email)\s+(?:off|from)\s+(?:your|ur|the)\s+(?:notes|records|file|chart|system|form|referral)\b",
            CareLink,
            2,
        ),
        (
            r"(?i)\bhope\s+(?:your|ur|the)\s+(?:[\w'-]+\s+)?(?:{CLIN})\s+(?:is|are|'s|s|has|have|feels?|healing|heals|recovering|settling|settled|behaving|better|ok|okay)\b",
            CareLink,
            1,
        ),
        (
            r"(?i)\bafter\s+(?:your\s+|ur\s+|\w+day's\s+|last\s+|the\s+)(?:session|appointment|appt|op|operation|procedure|scan|treatment|physio|check-?up)\b",
            CareLink,
            1,
        ),
    ])
});

/// Links only a patient's message makes: a greeting by clinical title ("Hi Dr Marsh",
/// "nurse Becca", "@DrRoseGP", "hi doc"), or asking here rather than the practice.
static TITLE: LazyLock<Patterns> = LazyLock::new(|| {
    compile(&[
        (
            r"\b(?i:dr|doctor|nurse|sister|matron|midwife|physio)\.?\s+[A-Z][a-z'-]+",
            CareLink,
            1,
        ),
        (r"(?i)^\W*(?:doc|doctor|nurse)\b", CareLink, 1),
        (r"@(?i:dr|doc|nurse|midwife)[A-Z_]\w*", CareLink, 1),
        (
            r"(?i)\b(?:hi|hey|hiya|heya|hello|thanks|thank\s+you|cheers|morning|evening)\s*,?\s+(?:doc|doctor|nurse|doctor\s+\w+)\b",
            CareLink,
            1,
        ),
        // Asking here instead of through the practice: "didn't want to bother the surgery".
        (
            r"(?i)\b(?:bother|ring|call|phone|book\s+with|go\s+(?:to|through)|wait\s+for)\s+(?:the|my)\s+(?:practice|surgery|clinic|ward|gp|receptionists?|reception|out[\s-]of[\s-]hours)\b",
            CareLink,
            1,
        ),
    ])
});

/// The personal approach itself.
static APPROACH: LazyLock<Patterns> = LazyLock::new(|| {
    compile(&[
        // Found you on here.
        (
            r"(?i)\b(?:found|find|finding|tracked\s+down)\s+(?:you|u|ya|your\s+\w+|ur\s+\w+)\s+(?:on|via|through|over\s+on)\s+(?:here|this|fb|facebook|insta|instagram|ig|twitter|x|tiktok|linkedin|snap|snapchat|google|social\s+media|threads|bluesky|whatsapp|the\s+internet|online)\b",
            FoundYou,
            2,
        ),
        (
            r"(?i)\bfound\s+(?:out\s+)?(?:from|on|via)\s+(?:your|ur)\s+(?:fb|facebook|insta|instagram|ig|profile|page|story|stories|tiktok|twitter|posts?)\b",
            FoundYou,
            2,
        ),
        (
            r"(?i)\b(?:saw|seen|see|spotted|noticed|read)\s+(?:it\s+|that\s+)?(?:on|in)\s+(?:your|ur)\s+(?:insta|instagram|ig|fb|facebook|profile|page|story|stories|tiktok|twitter|posts?|bio|feed)\b",
            FoundYou,
            2,
        ),
        (
            r"(?i)\b(?:saw|seen|found|came\s+across|stumbled\s+(?:on|across)|looked\s+at|checked\s+out)\s+(?:your|ur)\s+(?:profile|page|account|insta|instagram|fb|facebook|tiktok|pics|photos|posts)\b",
            FoundYou,
            1,
        ),
        (r"(?i)\brecogni[sz]e?d?\s+(?:you|u|your|ur)\b", FoundYou, 2),
        (
            r"(?i)\b(?:is\s+this|are\s+{YOU}|r\s+u|was\s+that|aren't\s+{YOU})\s+(?:the|that)\s+(?:[\w'-]+\s+){0,2}?{ROLE}\b",
            FoundYou,
            2,
        ),
        (r"(?i)\b(?:friend|follow)\s+request\b", FoundYou, 2),
        (
            r"(?i)\b(?:added|following|followed|poked|poke)\s+(?:you|u|ya)\b",
            FoundYou,
            2,
        ),
        (r"(?i)\bfollow\s+(?:me\s+)?back\b", FoundYou, 2),
        (
            r"(?i)\b(?:got|found|took|saw|read)\s+(?:ur|your)\s+name\s+(?:off|from|on)\s+(?:ur|your|the)\s+(?:badge|lanyard|name\s*tag|uniform|tunic|scrubs|board|door|letter)\b",
            FoundYou,
            2,
        ),
        (
            r"(?i)\b(?:looked|searched|stalked|googled|tracked)\s+(?:(?:you|u)\s+up|for\s+(?:you|u)|(?:you|u)\b)",
            FoundYou,
            2,
        ),
        (
            r"(?i)\b(?:hope\s+(?:that's|thats|this\s+is|it's|its)\s+ok(?:ay)?|hope\s+you\s+don't\s+mind|hope\s+this\s+isn't\s+(?:weird|inappropriate)|sorry\s+to\s+(?:dm|pm|message)|I\s+know\s+this\s+is\s+(?:weird|unprofessional|inappropriate|strange)|(?:small|smol)\s+world)\b",
            FoundYou,
            1,
        ),
        // Requests for personal contact.
        (
            r"(?i)\b(?:get|have|grab|give\s+me|send\s+me|what's|whats|what\s+is|swap|exchange|share|know)\s+(?:your|ur|yr|numbers)\s+(?:\w+\s+)?(?:number|no|digits|mobile|cell|phone|whatsapp|snap|snapchat|insta|ig|email|address|socials)\b",
            ContactRequest,
            2,
        ),
        (
            r"(?i)\b(?:your|ur|yr)\s+(?:personal|private|home|mobile|own|real)\s+(?:number|phone|email|address|account|profile)\b",
            ContactRequest,
            2,
        ),
        (
            r"(?i)\bcan\s+(?:i|we)\s+(?:\w+\s+)?(?:text|call|ring|message|msg|dm|pm|whatsapp|email|add|follow|facetime|snap|chat\s+(?:to|with))\s+(?:you|u|ya)\b",
            ContactRequest,
            2,
        ),
        (
            r"(?i)\b(?:dm|pm|whatsapp|snap|facetime|inbox)\s+me\b|\bmessage\s+me\s+privately\b",
            ContactRequest,
            2,
        ),
        (
            r"(?i)\b(?:call|text|ring|message|msg)\s+me\b",
            ContactRequest,
            1,
        ),
        (r"(?i)\bdms?\s+(?:are\s+|r\s+)?open\b", ContactRequest, 2),
        (
            r"(?i)\b(?:chat|talk|speak|message|meet|see\s+(?:you|u)|catch\s+up)\s+(?:\w+\s+)?(?:privately|in\s+private|off\s+the\s+record)\b",
            ContactRequest,
            2,
        ),
        (
            r"(?i)\boutside\s+(?:of\s+)?(?:appointments?|the\s+(?:surgery|clinic|practice|hospital|ward)|clinic|surgery|your\s+job)\b",
            ContactRequest,
            2,
        ),
        (
            r"(?i)\b(?:outside\s+(?:of\s+)?work|keep\s+in\s+touch|stay\s+in\s+touch)\b",
            ContactRequest,
            1,
        ),
        (
            r"(?i)\b(?:come|pop|drop|swing|pop\s+in|call)\s+(?:\w+\s+){0,2}?(?:round|over|by)\s+(?:to\s+)?(?:yours|ur\s+(?:house|place|flat)|your\s+(?:house|place|flat|home))\b",
            ContactRequest,
            2,
        ),
        (
            r"(?i)\b(?:to|at|outside|near|round|by)\s+(?:your|ur)\s+(?:house|home|flat|place|door)\b",
            ContactRequest,
            2,
        ),
        (
            r"(?i)\b(?:at|to|round)\s+my\s+(?:place|house|flat)\b",
            ContactRequest,
            1,
        ),
        // Invitations.
        (
            r"(?i)\b(?:you|u)\s+(?:should|must|have\s+to|gotta)\s+(?:come|join\s+us)\b|\bcome\s+along\b|\bjoin\s+us\b|\byou(?:'re|\s+are)\s+invited\b|\bfancy\s+coming\b",
            Invitation,
            2,
        ),
        (
            r"(?i)\b(?:I|i)\s+(?:think|thought|dream)\s+about\s+(?:you|u)\s+(?:a\s+lot|all\s+the\s+time|constantly|every\s+day|so\s+much|loads)\b",
            Romance,
            2,
        ),
        (
            r"(?i)\b(?:fancy|wanna|want\s+to|would\s+you\s+like(?:\s+to)?|would\s+u\s+like(?:\s+to)?|d'you\s+want(?:\s+to)?|do\s+you\s+want\s+to|like\s+to|love\s+to|up\s+for|free\s+for|can\s+i\s+(?:take|buy|get|treat)\s+{YOU}|let\s+me\s+(?:take|buy|get|treat)\s+{YOU}|take\s+{YOU}|shall\s+we|should\s+we|we\s+should|let's|lets|how\s+about|go\s+(?:out\s+)?for|grab|meet\s+(?:up\s+)?for|join\s+me\s+for|come\s+(?:in|round|over|out)\s+for)\s+(?:[\w'-]+\s+){0,3}?{FOOD}\b",
            Invitation,
            2,
        ),
        (
            r"(?i)\b{FOOD}\s*(?:on\s+me|sometime|some\s+time|soon|this\s+week(?:end)?|tonight|later|one\s+day|\?)",
            Invitation,
            2,
        ),
        (
            r"(?i)\btake\s+{YOU}\s+(?:out|to\s+dinner|for\s+(?:a\s+)?(?:meal|dinner|drink|coffee))\b",
            Invitation,
            2,
        ),
        (
            r"(?i)\b(?:fancy|wanna|want\s+to|can\s+we|could\s+we|like\s+to|let's|lets|shall\s+we|should\s+we|we\s+should)\s+(?:\w+\s+)?(?:meet|meeting|hang\s+out|link\s+up|get\s+together|catch\s+up)\b",
            Invitation,
            2,
        ),
        (
            r"(?i)\b(?:meet|meeting)\s+(?:up\s+)?(?:somewhere|sometime|some\s+time|at\s+the|for\s+a|outside)\b",
            Invitation,
            2,
        ),
        (
            r"(?i)\b(?:are|r)\s+{YOU}\s+(?:free|around|busy|about|out)\s+(?:\w+\s+){0,2}?(?:tonight|tomorrow|this\s+weekend|weekend|sat|saturday|sunday|friday|later|on\s+\w+day)\b",
            Invitation,
            1,
        ),
        (
            r"(?i)\b{YOU}\s+out\s+(?:at|in|on|tonight|this)\b|\bwhat\s+(?:are\s+)?{YOU}\s+up\s+to\s+(?:this|at\s+the|on\s+the)?\s*(?:weekend|tonight|later|\w+day)\b|\bI'?m\s+in\s+town\b",
            Invitation,
            1,
        ),
        (
            r"(?i)\b(?:come|coming)\s+to\s+(?:my|the|our)\s+(?:party|ball|wedding|bbq|barbecue|birthday|do|gig)\b|\bprivate\s+(?:session|appointment|consultation|lesson)\b",
            Invitation,
            2,
        ),
        (r"(?i)\bthe\s+ball\b", Invitation, 1),
        // Gifts, above all ones chosen from what you have shared.
        (
            r"(?i)\b(?:got|get|bought|buy|brought|bring|made|make|baked|bake|knitted|knit|wrote|write|sent|send|left|leave|dropped|drop|picked\s+up|ordered)\s+(?:you|u|ya)\s+(?:a\s+|an\s+|some\s+|this\s+|these\s+|that\s+)?(?:(?:little|lil|small|tiny|bottle\s+of|box\s+of|bunch\s+of)\s+)*(?:{GIFT})\b",
            Gift,
            2,
        ),
        (
            r"(?i)\b(?:something|summat|a\s+(?:little|lil|small)\s+(?:something|gift|present|thank[\s-]you|token))\s+(?:for|4)\s+(?:you|u|ya)\b",
            Gift,
            2,
        ),
        (
            r"(?i)\b{GIFT}\s+(?:[\w'-]+\s+){0,4}?(?:for|4)\s+(?:you|u|ya)\b",
            Gift,
            2,
        ),
        (
            r"(?i)\b(?:saw|seen|noticed|read)\s+(?:\w+\s+){0,3}?(?:your|ur)\s+(?:profile|insta|instagram|ig|fb|facebook|page|story|stories|posts?|tiktok)\s+(?:that\s+)?(?:you|u)\s+(?:like|love|liked|loved|enjoy|are\s+into)\b",
            Gift,
            2,
        ),
        (
            r"(?i)\b(?:you|u)\s+(?:mentioned|said|told\s+me)\s+(?:\w+\s+){0,2}?(?:you|u)\s+(?:like|liked|love|loved|enjoy|were\s+into)\b",
            Gift,
            2,
        ),
        (
            r"(?i)\b(?:they're|theyre|it's|its)\s+(?:your|ur)\s+(?:fave|fav|favourite|favorite)\b",
            Gift,
            1,
        ),
        (
            r"(?i)\b(?:flowers|chocolates|whisky|whiskey|bouquet|hamper|lilies|roses|present|pressie|gift|voucher|perfume|aftershave|jewellery|necklace)\b|🎁|💐|🌹",
            Gift,
            1,
        ),
        // Compliments on looks, then on the person.
        (
            r"(?i)\b(?:{YOU}(?:'re|re|\s+are|\s+r|\s+were|\s+look|\s+looked|\s+looking|'re\s+looking)?|ur)\s+(?:(?:so|really|very|well|seriously|proper|absolutely|actually|too|even|such|rly|v|just|honestly)\s+){0,2}{LOOKS}\b",
            Compliment,
            2,
        ),
        (
            r"(?i)\b(?:the|that|my|our|a)\s+(?:\w+\s+)?{LOOKS}\s+(?:\w+\s+)?{ROLE}\b",
            Compliment,
            2,
        ),
        (
            r"(?i)\b(?:gorgeous|beautiful|lovely|pretty|stunning|amazing|cute|sexy|dreamy|piercing)\s+(?:face|eyes|smile|hair|legs|body|voice|hands|laugh|lips)\b",
            Compliment,
            2,
        ),
        (
            r"(?i)\b(?:your|ur)\s+(?:face|eyes|smile|hair|legs|body|voice|laugh|lips|bum|arms)\s+(?:\w+\s+){0,2}?(?:is|are|was|were|made|makes|lit|lights)\b",
            Compliment,
            2,
        ),
        (
            r"(?i)\b(?:your|ur)\s+(?:smile|eyes|face|voice|laugh|lips|legs|body)\b|\b(?:gorgeous|stunning|handsome|sexy|hottie|cutie|stunner|beautiful)\b",
            Compliment,
            1,
        ),
        (
            r"(?i)\b(?:{YOU}(?:'re|re|\s+are|\s+were|\s+was)?|ur|u\s+r)\s+(?:(?:so|really|very|such|just|honestly|the|an?|absolutely)\s+){0,2}(?:lovely|amazing|wonderful|kind|nice|sweet|special|incredible|star|angel|legend|gem|hero|best|fab|fabulous|brilliant|perfect|caring|funny|hilarious)\b|\bbeing\s+so\s+(?:lovely|kind|nice|sweet|amazing|wonderful|caring)\b",
            Compliment,
            1,
        ),
        // Romantic words, and dependency.
        (
            r"(?i)\b(?:fancy|fancied)\s+(?:you|u|ya)\b|\b(?:can't|cant|cannot|can\s+not|haven't|havent|have\s+not)\s+stop(?:ped)?\s+thinking\s+(?:about|of)\s+(?:you|u)\b",
            Romance,
            2,
        ),
        (
            r"(?i)\bthinking\s+(?:about|of)\s+(?:you|u)\b|\b(?:miss|missing)\s+(?:you|u|ya)\b|\blove\s+(?:you|u|ya)\b|\bchemistry\b|\b(?:valentine|girlfriend|boyfriend)\b|\b(?:live|move\s+in)\s+with\s+(?:you|u)\b",
            Romance,
            1,
        ),
        (
            r"(?i)\bcrush\b|\b(?:(?:are|r)\s+(?:you|u)|you're|youre|ur|u\s+r)\s+(?:\w+\s+)?single\b|\bI'?m\s+single\b|\bsingle\s+(?:btw|by\s+the\s+way|now|again|lol|haha)\b",
            Romance,
            2,
        ),
        (
            r"(?i)\b(?:you|u)(?:'re|re|\s+are|\s+r)?\s+on\s+(?:hinge|tinder|bumble|grindr|raya|match\.com|plenty\s+of\s+fish|pof|dating\s+apps?)\b",
            Romance,
            2,
        ),
        (
            r"(?i)\b(?:in\s+love\s+with|falling\s+for|fall\s+for|fallen\s+for|feelings\s+for|fall\s+in\s+love\s+with)\s+(?:you|u)\b|\b(?:go\s+out\s+with|date|marry|kiss)\s+me\b|\bget\s+married\b",
            Romance,
            2,
        ),
        (
            r"(?i)\b(?:a|real|special|our|such\s+a)\s+connection\b|\bfeel\s+(?:something|a\s+spark|the\s+spark|chemistry)\b|\bjust\s+(?:the\s+)?two\s+of\s+us\b|\bhighlight\s+of\s+my\s+(?:day|week|month|year)\b|\bsend\s+(?:me\s+)?(?:pics|nudes)\b",
            Romance,
            2,
        ),
        (
            r"(?i)\b(?:the\s+)?only\s+(?:one|person|thing|reason)\s+(?:who|that|keeping|I)\b|\bonly\s+(?:you|u)\s+(?:understand|get|know|care|listen|help)|\b(?:can't|cant|couldn't)\s+(?:cope|live|go\s+on|manage)\s+without\s+(?:you|u)\b",
            Romance,
            2,
        ),
        (r"😘|💋", Romance, 2),
        (
            r"😍|🥰|❤️?|💕|💖|💗|💓|💞|💘|💝|😻|💌|😚|😙|😉|😏|😜|💍",
            Romance,
            1,
        ),
    ])
});

/// Signs the writer is a friend, partner, teammate, colleague, date or business contact.
static SOCIAL: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(
        include_str!("../../data/approach-social.txt"),
        Category::CareLink,
        1,
    )
});

/// Signs of a public thank-you to a team or service.
static PUBLIC: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(
        include_str!("../../data/approach-public.txt"),
        Category::CareLink,
        1,
    )
});

/// Pushes the links to care found in `hay` (either side's wording). Used on the
/// message replied to, and by `boundary` on a draft.
pub fn care_links(hay: &str, out: &mut Vec<Hit>) {
    CARE.find(hay, out);
}

/// Finds incoming approach cues in the message replied to.
pub fn detect(doc: &Doc, out: &mut Vec<Hit>) {
    let hay = doc.norm.as_str();
    let mut hits = Vec::new();
    care_links(hay, &mut hits);
    TITLE.find(hay, &mut hits);
    APPROACH.find(hay, &mut hits);
    if hits.is_empty() {
        return;
    }
    let clear_care = hits.iter().any(|h| h.category == CareLink && h.weight >= 2);
    if !clear_care && has_any(&SOCIAL, hay) {
        // A friend's, colleague's or date's message: not a patient's approach.
        return;
    }
    if has_any(&PUBLIC, hay) {
        // A thank-you to a whole team: only clear personal cues remain.
        hits.retain(|h| h.weight >= 2);
    }
    out.extend(hits);
}

fn has_any(lex: &Lexicon, hay: &str) -> bool {
    let mut found = Vec::new();
    lex.find(hay, &mut found);
    !found.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::detect::testing::{at_least, strongest};

    fn cats(context: &str) -> Vec<(Category, u8)> {
        strongest(detect, context)
    }

    fn has(context: &str, c: Category, min: u8) -> bool {
        at_least(detect, context, c, min)
    }

    #[test]
    fn care_links_from_the_patients_side() {
        for s in [
            "you sewed up my hand last month",
            "You were my nurse on the cardiac ward",
            "you did my hip replacement in 2022",
            "it's Dave from your Thursday clinic",
            "aren't you the dentist from the practice on High St?",
            "thank you so much for looking after my dad",
            "you delivered my twins!",
            "I was in bay 3 last week",
            "Doc you saved my life last year",
            "hiya, didn't want to bother the surgery but is this rash normal?",
            "Can I ask you about my meds? easier than ringing the surgery",
        ] {
            assert!(has(s, CareLink, 1), "no care link in {s:?}");
        }
        for s in [
            "since you looked after my dad in hospice",
            "Its Kevin, your patient from the diabetes clinic",
            "you nursed my mum through her chemo",
        ] {
            assert!(has(s, CareLink, 2), "no clear care link in {s:?}");
        }
    }

    #[test]
    fn approaches_are_found() {
        assert!(has("you're honestly gorgeous 😍", Compliment, 2));
        assert!(has(
            "can I take you out for dinner sometime?",
            Invitation,
            2
        ));
        assert!(has("fancy grabbing a coffee this week?", Invitation, 2));
        assert!(has("I bought you a bottle of gin 🎁", Gift, 2));
        assert!(has("saw on your insta that you love peonies", Gift, 2));
        assert!(has("tracked you down on Instagram haha", FoundYou, 2));
        assert!(has("sent you a friend request!", FoundYou, 2));
        assert!(has("can I text you sometime?", ContactRequest, 2));
        assert!(has("what's your WhatsApp?", ContactRequest, 2));
        assert!(has("are you single? asking for me 😇", Romance, 2));
        assert!(has("you're the only one who listens to me", Romance, 2));
        assert!(has("hey, any chance you're on Tinder? 😏", Romance, 2));
        assert!(has("I think about you a lot, is that weird", Romance, 2));
        assert!(has(
            "we're having a BBQ saturday, you should come!",
            Invitation,
            2
        ));
    }

    #[test]
    fn friends_and_colleagues_yield_nothing() {
        for s in [
            "love you bestie, you looked gorgeous last night 😘",
            "drinks after handover? I owe you one",
            "since uni we've not had a proper night out, dinner Sat?",
            "we matched on Bumble! coffee this week?",
        ] {
            assert!(cats(s).is_empty(), "hits in {s:?}: {:?}", cats(s));
        }
    }

    #[test]
    fn friends_who_were_also_patients_still_count() {
        // A clear link to care outweighs a friendly word.
        assert!(has("babe you were my midwife!! coffee soon?", CareLink, 2));
    }

    #[test]
    fn a_public_thank_you_keeps_only_clear_cues() {
        let c =
            cats("Thank you to all the staff at the surgery for my flu jab ❤️ you're all stars");
        assert!(c.iter().all(|&(_, w)| w >= 2), "{c:?}");
        assert!(!c.iter().any(|&(k, _)| k != CareLink), "{c:?}");
    }

    #[test]
    fn everyday_words_are_not_cues() {
        for s in [
            "is the lecture theatre booked for Monday?",
            "did the PR pass code review?",
            "how long did it take your channel to grow?",
            "it's Amir from football, pint after training?",
        ] {
            let c = cats(s);
            assert!(
                !c.iter().any(|&(k, _)| k == CareLink),
                "care link in {s:?}: {c:?}"
            );
        }
    }

    #[test]
    fn long_adversarial_text_is_fine() {
        let s = "you you were my the nurse who from your ".repeat(5_000) + "😘 é";
        let doc = Doc::new(&s);
        let mut out = Vec::new();
        detect(&doc, &mut out);
        assert!(out
            .iter()
            .all(|h| h.start <= h.end && h.end <= doc.norm.len()));
    }

    #[test]
    fn spans_lie_on_char_boundaries_of_norm() {
        let doc = Doc::new("Hi Dr Ng 😘 you’re stunning, found you on FB ❤️");
        let mut out = Vec::new();
        detect(&doc, &mut out);
        assert!(!out.is_empty());
        for h in out {
            assert!(doc.norm.is_char_boundary(h.start) && doc.norm.is_char_boundary(h.end));
        }
    }
}
