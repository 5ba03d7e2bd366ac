//! Outgoing boundary cues, found in the draft (taxonomy E): accepting an approach,
//! arranging to meet, sharing a personal number or handle, flirting back, accepting a
//! friend request, a personal refusal, and clinical advice by private message. Also the
//! draft's own links to care ("you were my patient last month"), with the patterns of
//! `approach`, so a clinician approaching a patient with no context is seen.
//!
//! `PersonalRefusal` has two weights: 1 = the advised boundary reply (GMC: "I can't mix
//! social and professional relationships", or a redirect to the practice, reception,
//! 111…), 2 = any other personal refusal ("I'm afraid I can't", "I can't date patients").
//! `Acceptance` 1 is plain politeness ("thank you"), 2 is warmth towards the approach
//! itself ("that's so kind", "thanks for thinking of me", "I'd love to").

use std::sync::LazyLock;

use super::Re;

use super::approach::{alternation, care_links, compile, gated_here};
use super::patterns::Patterns;
use super::{re, Hit};
use crate::category::Category;
use crate::category::Category::{
    Acceptance, ClinicalAdvice, ContactSharing, Flirting, FriendAccept, Meeting, PersonalRefusal,
};
use crate::text::Doc;

static DRUGS: LazyLock<String> =
    LazyLock::new(|| alternation(include_str!("../../data/boundary-drugs.txt")));

static RULES: LazyLock<Patterns> = LazyLock::new(|| {
    let advice = [format!(
        r"(?i)\b(?:take|try|use|apply|start|stop|keep\s+taking|carry\s+on\s+with|double|halve|increase|decrease|reduce|skip|pop|put)\s+(?:(?:a|an|some|the|your|two|2|one|1|more|less|\d+\s*(?:mg|ml|g|tablets?|puffs?|drops?))\s+){{0,2}}?{}\b",
        *DRUGS
    )];
    let mut specs: Vec<(&str, Category, u8)> = vec![
        // Accepting.
        (
            r"(?i)\b(?:i'd|i\s+would|id|i'll|would)\s+love\s+(?:to|that)\b|\b(?:go\s+on\s+then|why\s+not|count\s+me\s+in|i'm\s+in|it's\s+a\s+date|yes\s+(?:pls|please)|yess+|happy\s+to\s+connect|love\s+to|(?:that\s+)?(?:would|'d)\s+be\s+(?:lovely|great|nice|fun|amazing)|sounds?\s+(?:good|great|lovely|fun|perfect|nice|amazing|like\s+a\s+plan)|tempting|you're\s+on)\b",
            Acceptance,
            2,
        ),
        (
            r"(?i)\b(?:yes|yep|yeah|yup)?,?\s*(?:it's|its|that's|thats|that\s+was|it\s+was)\s+me\b|\b(?:busted|guilty|you\s+found\s+me)\b",
            Acceptance,
            2,
        ),
        (
            r"(?i)\b(?:you\s+shouldn't\s+have|you\s+didn't\s+have\s+to|(?:that's|thats|that\s+is|how|so|very)\s+(?:so\s+)?(?:kind|sweet|thoughtful|lovely\s+of\s+you|generous)|thanks\s+for\s+thinking\s+of\s+me|(?:means|meant)\s+(?:a\s+lot|so\s+much)|i'm\s+flattered|very\s+flattering|flattered|you're\s+a\s+legend|cheers|love\s+(?:them|it)|(?:they're|theyre)\s+(?:gorgeous|beautiful|lovely|amazing))\b",
            Acceptance,
            2,
        ),
        (
            r"(?i)\b(?:thank\s+you|thanks|thx|ty|ta)\b|\b(?:sure|yes|yeah|yep|ok|okay|absolutely|definitely|defo|of\s+course|course)\b",
            Acceptance,
            1,
        ),
        // Arranging to meet.
        (
            r"(?i)\b(?:lunch|dinner|coffee|drinks?|brunch|breakfast|a\s+pint|cuppa|it|that|friday|saturday|sunday|\w+day)\s+(?:could|would|should|might)\s+work\b",
            Meeting,
            2,
        ),
        (
            r"(?i)\b(?:i'm|im|i\s+am)\s+(?:free|off|around|about)\s+(?:on\s+|most\s+|this\s+|next\s+|every\s+|all\s+)?(?:\w+days?|tonight|tomorrow|weekend|after|later|then)\b|\bfree\s+(?:most|every|all)\s+\w+|\bI\s+finish\s+(?:at|around|by)\s+\d",
            Meeting,
            2,
        ),
        (
            r"(?i)\b{FOOD}\s+(?:on\s+)?(?:\w+day|tonight|tomorrow|later|this\s+week(?:end)?|next\s+week|sometime|some\s+time|soon)\b|\b{FOOD}\s*\?",
            Meeting,
            2,
        ),
        (
            r"(?i)\blet'?s\s+(?:catch\s+up|meet|grab|get\s+(?:a|some)|go\s+(?:out|for)|hang|do\s+(?:drinks|dinner|lunch|coffee))|\b(?:we\s+should|should\s+we|shall\s+we|wanna|fancy|want\s+to|would\s+you\s+like\s+to|can\s+we|could\s+we|I'd\s+love\s+to)\s+(?:\w+\s+){0,3}?(?:meet|meeting|catch\s+up|hang\s+out|grab|go\s+out|take\s+you|{FOOD})\b",
            Meeting,
            2,
        ),
        (
            r"(?i)\btake\s+(?:you|u)\s+(?:out|to|for)\b|\bmeet\s+(?:you|u)\s+(?:at|there|outside|in)\b|\b(?:where|when|what\s+time)\s+(?:were|are|was)\s+(?:you|u)\s+thinking\b|\bsave\s+me\s+a\s+(?:dance|seat|drink|spot)\b|\bexcuse\s+to\s+see\s+(?:you|u)\b",
            Meeting,
            2,
        ),
        (
            r"(?i)\b(?:meet|meet\s+up|catch\s+up|hang\s+out|link\s+up)\b|\b(?:see|seeing)\s+(?:you|u|ya)\s+(?:at|there|then|soon|sat|on|tomorrow|tonight|again|later)\b|\b(?:might|will|I'll)\s+be\s+(?:out|in\s+town|there|around)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*\?",
            Meeting,
            1,
        ),
        // Sharing personal contact details.
        (
            r"(?i)\bmy\s+(?:personal\s+|mobile\s+|cell\s+|own\s+|home\s+)?(?:number|no|mobile|cell|digits|whatsapp|snap|snapchat|insta|ig|email|handle|address)\s*(?:is|:|'s)|\b(?:text|call|ring|whatsapp|dm|pm|message|msg|snap|email|facetime|add|follow|inbox)\s+me\b|\bdm\s+away\b|\bmy\s+dms?\s+(?:are\s+)?open\b",
            ContactSharing,
            2,
        ),
        (
            r"(?i)\b(?:it's|its|i'm|im|find\s+me|add\s+me|follow\s+me)\s+(?:at\s+|on\s+)?@\w+|\bsent\s+(?:you|u)\s+(?:a\s+)?(?:friend\s+|follow\s+)?request\b|\b(?:I'll|ill|i\s+will|let\s+me|I'm\s+gonna)\s+(?:call|ring|text|message|dm|add|follow|facetime)\s+(?:you|u)\b",
            ContactSharing,
            2,
        ),
        (
            r"(?i)\b(?:keep|stay)\s+in\s+touch\b|\b(?:found|find|added|followed)\s+(?:you|u)\s+on\s+(?:here|fb|facebook|insta|instagram|twitter|tiktok|snap)\b",
            ContactSharing,
            1,
        ),
        // Flirting back.
        (
            r"(?i)\bstop\s+it\b|\bstop{3,}\b|\b(?:you're|youre|ur|you\s+are)\s+not\s+so\s+bad\s+yourself\b|\bmaybe\s*(?:😉|😏|😘|;\))|\bI\s+(?:felt|feel)\s+it\s+too\b|\b(?:i\s+)?(?:enjoy|love|like)\s+our\s+(?:chats|talks|time)\b|\blove\s+(?:you|u)\b|\bsend\s+(?:me\s+)?(?:pics|photos|a\s+pic|nudes|selfies?)\b|😘|💋",
            Flirting,
            2,
        ),
        (
            r"(?i)\b(?:you|u)(?:'re|re|\s+are|\s+were|\s+r)?\s+(?:(?:so|really|very|well|proper|actually|absolutely|such\s+a)\s+)*{LOOKS}\b|\b(?:thought|think)\s+(?:you|u)\s+(?:were|are|was|r)\s+(?:\w+\s+)?(?:cute|gorgeous|hot|lovely|beautiful|fit|pretty|handsome|stunning)\b|\b(?:couldn't|can't|cant|couldnt|can\s+not)\s+stop\s+thinking\s+(?:about|of)\s+(?:you|u)\b|\b(?:falling\s+for|fancy)\s+(?:you|u)\b",
            Flirting,
            2,
        ),
        (
            r"(?i)\bI\s+might\s+be\b|\bcute\b|\b(?:miss|missed)\s+(?:you|u)\b|\b(?:hun|hon|babe|sweetie|sweetheart|darling|lovely|gorgeous)\b\s*[!,.?]?\s*(?:x+)?\s*$|\b(?:hun|hon|babe|sweetie|sweetheart|darling)\b|😉|😏|🙈|😍|🥰|😳|😜|❤️?|💕|😚|😻|🤫",
            Flirting,
            1,
        ),
        (r"(?im)(?:^|\s)x{1,4}\s*$", Flirting, 1),
        // Accepting a friend request.
        (
            r"(?i)\baccepted\b|\baccept(?:ed)?\s+(?:your|ur)\s+(?:friend\s+|follow\s+)?request\b|\b(?:added|add)\s+(?:you\s+|u\s+)?back\b|\bfollow(?:ed|ing)?\s+(?:you\s+|u\s+)?back\b|\bpoke(?:d)?\s+(?:you\s+|u\s+)?back\b|\b(?:i'll|ill|i\s+will)\s+accept\b|\badd\s+me\b",
            FriendAccept,
            2,
        ),
        // The advised boundary reply (weight 1), and other personal refusals (2).
        (
            r"(?i)\b(?:can't|cannot|can\s+not|cant|don't|do\s+not|dont|won't|wont|shouldn't|never)\s+(?:\w+\s+){0,2}?mix\s+(?:my\s+)?(?:social|personal)\s+(?:life\s+)?(?:and|&|with)\s+(?:my\s+)?(?:professional|work)\b|\bkeep\s+(?:my\s+)?(?:personal|social)\s+(?:and|&)\s+(?:professional|work)\s+(?:\w+\s+)?(?:separate|apart)\b|\b(?:don't|do\s+not|can't|cannot|won't|dont|cant)\s+(?:connect|be\s+friends|accept\s+friend\s+requests|interact|communicate|engage)\s+(?:\w+\s+)?(?:with|from)\s+(?:patients|clients|service\s+users)\b",
            PersonalRefusal,
            1,
        ),
        (
            r"(?i)\b(?:please\s+)?(?:contact|call|ring|phone|email|message|get\s+in\s+touch\s+with|speak\s+to|talk\s+to|go\s+through|reach|use)\s+(?:the|our|your|us\s+(?:at|via|through)\s+the)\s+(?:\w+\s+)?(?:practice|surgery|clinic|reception|receptionists|hospital|ward|team|care\s+team|gp|office|front\s+desk|department|pharmacy|patient\s+portal|portal|app|nhs\s+app|helpline|switchboard|official\s+(?:page|account|channels?))\b|\b(?:call|ring|contact)\s+(?:111|999|911|nhs\s+111|your\s+gp)\b|\bbook\s+(?:in\s+)?(?:an?\s+|another\s+)?(?:appointment|appt|consultation|review)\b|\bthrough\s+(?:the\s+)?(?:practice|surgery|clinic|official\s+channels)\b",
            PersonalRefusal,
            1,
        ),
        (
            r"(?i)\b(?:i'm|i\s+am|im)\s+(?:afraid|sorry)\s+(?:but\s+)?i\s+(?:can't|cannot|can\s+not|won't|couldn't)\b|\bsorry,?\s+(?:but\s+)?i\s+(?:can't|cannot|can\s+not|won't|couldn't)\b|\b(?:can't|cannot|can\s+not|won't|shouldn't|not\s+allowed\s+to)\s+(?:\w+\s+){0,2}?(?:meet|date|see|go\s+out\s+with|accept|socialise|socialize|be\s+friends|get\s+involved|cross\s+that\s+line|keep\s+in\s+touch)\b|\bprofessional\s+boundaries\b|\bplease\s+don't\s+(?:come|contact|message|text|visit)\b|\bwe\s+can't\b",
            PersonalRefusal,
            2,
        ),
        // Clinical advice by private message.
        (
            r"(?i)\b(?:increase|decrease|double|halve|reduce)\s+(?:up\s+)?(?:your|the|it|that)\b|\bdouble\s+up\b|\b(?:twice|three\s+times|\d\s+times|once)\s+(?:a|per)\s+day\b|\b\d+\s*(?:mg|mcg|ml)\b",
            ClinicalAdvice,
            2,
        ),
        (
            r"(?i)\b(?:you\s+should|you\s+need\s+to|you'll\s+need\s+to|best\s+to)?\s*get\s+(?:that|it|this|them)\s+(?:checked|looked\s+at|seen\s+to|x-rayed|scanned)\b|\bkeep\s+(?:the|your|it)\s+(?:\w+\s+)?(?:dressing|wound|cast|plaster|stitches|bandage|cut)\s+(?:dry|clean|on|covered)\b|\bkeep\s+the\s+dressing\s+dry\b",
            ClinicalAdvice,
            2,
        ),
        (
            r"(?i)\blooks\s+like\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:gingivitis|infection|eczema|cellulitis|sprain|fracture|thrush|uti|tonsillitis|conjunctivitis|shingles|virus|viral|allergic\s+reaction|dermatitis|psoriasis|impetigo|ringworm|abscess)\b|\byour\s+(?:tsh|bloods|blood\s+results|results|levels|hba1c|iron|ferritin|b12|cholesterol|bp|blood\s+pressure|scan|x-ray|smear|ecg|potassium|sodium|crp|inr|psa|kidney\s+function|liver\s+function|lfts|u&es|fbc|thyroid|sugars?)\s+(?:was|were|is|are|came\s+back|looked|look|'s)\b",
            ClinicalAdvice,
            2,
        ),
        (
            r"(?i)\bnothing\s+to\s+worry\s+about\b|\bshould\s+settle\b|\bfor\s+(?:\d+|a\s+few|two|three|five|seven|ten)\s+days\b|\b(?:rest|ice|elevate)\s+(?:it|the|your)\b|\bfloss\b",
            ClinicalAdvice,
            1,
        ),
    ];
    specs.push((&advice[0], ClinicalAdvice, 2));
    compile(&specs)
});

/// Phone numbers: UK mobiles and landlines, international and North American forms.
static PHONE: LazyLock<Re> = LazyLock::new(|| {
    gated_here(
        r"(?:\+44\s?\(?0?\)?\s?\d{2,4}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\+?1?[\s.-]?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b",
    )
});

/// Words that make a number the practice's, not the clinician's.
static PROFESSIONAL: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:practice|reception|surgery|clinic|office|hospital|switchboard|helpline|team|manager|ward|department|appointments?|booking|call\s+us|ring\s+us|contact\s+us|our)\b",
    )
});

/// The draft's own links to care ("you were my patient", "I was your nurse").
pub fn links(doc: &Doc, out: &mut Vec<Hit>) {
    care_links(&doc.norm, out);
}

/// The moves of a reply that make it personal: accepting, meeting, sharing a number,
/// flirting, befriending, refusing personally, advising by private message. A draft that
/// replies to nothing needs them only beside its own link to care (see `score::approach`).
pub fn moves(doc: &Doc, out: &mut Vec<Hit>) {
    let hay = doc.norm.as_str();
    let mut mine = Vec::new();
    RULES.find(hay, &mut mine);
    for m in PHONE.find_iter(hay) {
        // The 80 bytes before the number, on a char boundary.
        let mut from = m.start().saturating_sub(80);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
        let hit = if PROFESSIONAL.is_match(&hay[from..m.start()]) {
            Hit::new(m.start(), m.end(), PersonalRefusal, 1)
        } else {
            Hit::new(m.start(), m.end(), ContactSharing, 2)
        };
        mine.push(hit);
    }
    drop_refusals_inside_advice(&mut mine);
    out.extend(mine);
}

/// "Sorry, I can't mix social and professional relationships" is the advised reply:
/// a personal-refusal match that overlaps the advised wording is not counted.
fn drop_refusals_inside_advice(hits: &mut Vec<Hit>) {
    let advised: Vec<Hit> = hits
        .iter()
        .copied()
        .filter(|h| h.category == PersonalRefusal && h.weight == 1)
        .collect();
    hits.retain(|h| {
        !(h.category == PersonalRefusal
            && h.weight == 2
            && advised.iter().any(|a| a.start < h.end && h.start < a.end))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::category::Category::CareLink;

    use crate::detect::testing::{at_least, strongest};

    /// Both of the draft's passes, as the engine runs them when moves can count.
    fn both(doc: &Doc, out: &mut Vec<Hit>) {
        links(doc, out);
        moves(doc, out);
    }

    fn categories(draft: &str) -> Vec<(Category, u8)> {
        strongest(both, draft)
    }

    fn has(draft: &str, c: Category, min: u8) -> bool {
        at_least(both, draft, c, min)
    }

    #[test]
    fn accepting_and_meeting() {
        assert!(has("ooh go on then, I'm free Saturday", Acceptance, 2));
        assert!(has("ooh go on then, I'm free Saturday", Meeting, 2));
        assert!(has(
            "dinner would be lovely, Tuesday could work?",
            Meeting,
            2
        ));
        assert!(has(
            "aw you shouldn't have!! they smell amazing",
            Acceptance,
            2
        ));
        assert!(has("let's grab a coffee next week", Meeting, 2));
    }

    #[test]
    fn sharing_contact_and_flirting() {
        assert!(has(
            "sure, 07911 123456, text me whenever",
            ContactSharing,
            2
        ));
        assert!(has("call me on (415) 555-0182 tonight", ContactSharing, 2));
        assert!(has("add me, I'm @dr.sam_runs", ContactSharing, 2));
        assert!(has(
            "haha stop it, you're not so bad yourself 😘",
            Flirting,
            2
        ));
        assert!(has("followed you back 😄", FriendAccept, 2));
    }

    #[test]
    fn a_practice_number_is_a_redirect_not_sharing() {
        let c = categories("Please ring our reception team on 01632 960118 to book.");
        assert!(!c.iter().any(|&(k, _)| k == ContactSharing), "{c:?}");
        assert!(c.contains(&(PersonalRefusal, 1)), "{c:?}");
    }

    #[test]
    fn the_advised_reply_is_weight_one_only() {
        let c = categories(
            "Sorry, I can't mix social and professional relationships — please contact the practice if you need anything.",
        );
        assert!(c.contains(&(PersonalRefusal, 1)), "{c:?}");
        assert!(!c.contains(&(PersonalRefusal, 2)), "{c:?}");
        assert!(has(
            "I'm afraid I can't meet up, but take care!",
            PersonalRefusal,
            2
        ));
    }

    #[test]
    fn clinical_advice_by_message() {
        assert!(has(
            "take ibuprofen with food and rest it",
            ClinicalAdvice,
            2
        ));
        assert!(has(
            "just double up the steroid cream for a week",
            ClinicalAdvice,
            2
        ));
        assert!(has("your potassium was a bit low", ClinicalAdvice, 2));
        assert!(has("you should get that looked at", ClinicalAdvice, 2));
        assert!(!has("looking forward to the weekend!", ClinicalAdvice, 1));
    }

    #[test]
    fn the_draft_can_link_to_care() {
        assert!(has(
            "I was your physio after the op, remember me?",
            CareLink,
            2
        ));
        assert!(has(
            "saw your name on my clinic list this morning",
            CareLink,
            2
        ));
        assert!(has(
            "I'm the nurse who did your dressing on Monday",
            CareLink,
            2
        ));
        assert!(!has("happy to connect! great panel yesterday", CareLink, 1));
    }
}
