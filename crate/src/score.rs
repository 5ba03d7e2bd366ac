//! Scoring: turns hits into a verdict per kind, following guidance.md.
//!
//! Patient (kind `patient`):
//! - a number that identifies alone (health, social-security, record number) ⇒ `warn`;
//! - about one patient, with a direct identifier, or details that add up (indirect
//!   identifiers multiplied by when or where) ⇒ `warn`;
//! - disparaging patients while giving such details ⇒ `warn`;
//! - disparaging patients, identifying nobody, or one weak detail ⇒ `caution`.
//!
//! Approach (kind `approach`): a personal reply to a patient's approach, or a clinician
//! approaching a patient personally ⇒ `warn`.

use crate::category::{Category, Class};
use crate::detect::Hit;
use crate::report::Verdict;

/// The strongest weight seen for each category (0: not seen), indexed by category.
#[derive(Debug)]
pub struct Evidence {
    best: [u8; Category::COUNT],
}

impl Evidence {
    pub fn new(hits: &[Hit]) -> Evidence {
        let mut best = [0; Category::COUNT];
        for h in hits {
            let w = &mut best[h.category as usize];
            *w = (*w).max(h.weight);
        }
        Evidence { best }
    }

    /// The strongest weight of a category (0 when absent).
    pub fn weight(&self, c: Category) -> u8 {
        self.best[c as usize]
    }

    /// The strongest weight in a class (0 when absent).
    pub fn max(&self, class: Class) -> u8 {
        self.in_class(class).max().unwrap_or(0)
    }

    /// The sum, over the class's distinct categories, of each one's strongest weight.
    pub fn sum(&self, class: Class) -> u32 {
        self.in_class(class).map(u32::from).sum()
    }

    /// The weights seen in a class.
    fn in_class(&self, class: Class) -> impl Iterator<Item = u8> + '_ {
        Category::ALL
            .iter()
            .filter(move |c| c.class() == class)
            .map(|&c| self.weight(c))
            .filter(|&w| w > 0)
    }
}

/// How far (in bytes) details may sit from the patient they describe: a long post about
/// many things does not add up details from different paragraphs into one person.
const REACH_BEFORE: usize = 200;
const REACH_AFTER: usize = 320;

/// Hits by position, to find those near a person without looking at every hit: the cost
/// of a check stays linear in the length of the draft.
struct Nearby {
    /// Hits no longer than `SHORT` bytes, by start.
    short: Vec<Hit>,
    /// The rare longer ones, looked at for every window.
    long: Vec<Hit>,
}

const SHORT: usize = 256;

impl Nearby {
    fn new(hits: &[Hit]) -> Nearby {
        let mut short = Vec::with_capacity(hits.len());
        let mut long = Vec::new();
        for &h in hits {
            if h.end - h.start <= SHORT {
                short.push(h);
            } else {
                long.push(h);
            }
        }
        short.sort_by_key(|h| h.start);
        Nearby { short, long }
    }

    /// The hits within reach of `anchor` (see `REACH_BEFORE`, `REACH_AFTER`).
    fn around(&self, anchor: &Hit) -> Vec<Hit> {
        let from = anchor.start.saturating_sub(REACH_BEFORE);
        let to = anchor.end + REACH_AFTER;
        // A short hit that ends after `from` starts after `from - SHORT`.
        let first = self
            .short
            .partition_point(|h| h.start < from.saturating_sub(SHORT));
        let short = self.short[first..]
            .iter()
            .take_while(|h| h.start < to)
            .filter(|h| h.end > from);
        let long = self.long.iter().filter(|h| h.end > from && h.start < to);
        let mut near = Vec::with_capacity(self.short.len() - first + self.long.len());
        near.extend(short.chain(long).copied());
        near
    }
}

/// Clinical details: what is wrong, what was done, what they use.
const CLINICAL: &[Category] = &[
    Category::Condition,
    Category::Injury,
    Category::Procedure,
    Category::Drug,
    Category::RareDisease,
    Category::Equipment,
    Category::LabValue,
    Category::Image,
];

/// Personal details: who they are.
const PERSONAL: &[Category] = &[
    Category::Age,
    Category::SexOrRole,
    Category::Occupation,
    Category::FamilyLink,
    Category::Date,
];

/// When and where: the context that multiplies details.
const SETTING: &[Category] = &[
    Category::Recency,
    Category::Place,
    Category::Rarity,
    Category::BedNumber,
    Category::Address,
    Category::Postcode,
];

/// Contact details that identify their owner.
const CONTACT: &[Category] = &[
    Category::Phone,
    Category::Email,
    Category::Address,
    Category::Postcode,
];

impl Evidence {
    /// The sum of the strongest weights of the given categories.
    fn sum_of(&self, cats: &[Category]) -> u32 {
        cats.iter().map(|&c| u32::from(self.weight(c))).sum()
    }

    /// The strongest weight among the given categories.
    fn max_of(&self, cats: &[Category]) -> u8 {
        cats.iter().map(|&c| self.weight(c)).max().unwrap_or(0)
    }
}

/// The patient verdict for a draft's hits. `review`: the draft replies to a review.
pub fn patient(hits: &[Hit], review: bool) -> Verdict {
    let all = Evidence::new(hits);
    // Numbers and pictures that identify whoever they belong to.
    if all.weight(Category::HealthNumber) >= 2
        || all.weight(Category::RecordNumber) >= 3
        || all.weight(Category::CustomPattern) >= 3
        || all.weight(Category::Image) >= 3
    {
        return Verdict::Warn;
    }
    // Each person the draft is about: details count only near them.
    let nearby = Nearby::new(hits);
    let anchors = hits.iter().filter(|h| {
        matches!(h.category, Category::PatientReference | Category::Name) && h.weight >= 2
    });
    let mut verdict = Verdict::None;
    for anchor in anchors {
        verdict = verdict.max(person(&Evidence::new(&nearby.around(anchor)), review));
        if verdict == Verdict::Warn {
            return verdict;
        }
    }
    if review {
        verdict = verdict.max(review_reply(&all));
    }
    if disparaging(hits, &nearby) {
        verdict = verdict.max(Verdict::Caution);
    }
    verdict
}

/// Disparaging patients, even as a group and unidentified: plain venting (a label, a
/// meme format, wishing harm; or two milder cues together) near a reference to patients,
/// or near a care setting. One "lol" beside the word "patients" is not disparaging.
fn disparaging(hits: &[Hit], nearby: &Nearby) -> bool {
    let anchors = hits
        .iter()
        .filter(|h| h.category == Category::PatientReference || h.category == Category::Place);
    anchors.into_iter().any(|a| {
        let near = nearby.around(a);
        let e = Evidence::new(&near);
        // Mild cues add up hit by hit: "why are you like this" and an eye-roll.
        let venting: u32 = near
            .iter()
            .filter(|h| h.category.class() == Class::Venting)
            .map(|h| u32::from(h.weight))
            .sum();
        // A place alone needs the stronger signal: plain venting, not two mild cues.
        venting >= 2 && (a.category == Category::PatientReference || e.max(Class::Venting) >= 2)
    })
}

/// The verdict for the details around one person.
fn person(e: &Evidence, review: bool) -> Verdict {
    let individual = e.weight(Category::PatientReference) >= 2 || review;
    let name = e.weight(Category::Name);
    let clinical = e.sum_of(CLINICAL);
    let personal = e.sum_of(PERSONAL);
    let setting = e.sum_of(SETTING);
    let care = clinical > 0 || e.max_of(&[Category::Place, Category::BedNumber]) > 0;

    // A full name with anything that ties it to care.
    if name >= 3 && (individual || care) {
        return Verdict::Warn;
    }
    if !individual {
        // A first name alone is someone; with clinical details and when or where, a patient.
        return if name >= 2 && clinical >= 2 && setting + personal >= 2 {
            Verdict::Warn
        } else {
            Verdict::None
        };
    }
    // About a patient: a direct identifier, or details that add up.
    // Taxonomy A: names, dates of birth, ages over 89, contact details, exact lab values.
    let strong = name >= 2
        || e.weight(Category::LabValue) >= 2
        || e.weight(Category::Date) >= 3
        || e.weight(Category::Age) >= 3
        || e.max_of(CONTACT) >= 3;
    let details = clinical + personal;
    let identifiable =
        strong || (details >= 3 && setting >= 1) || (details >= 2 && setting >= 2) || details >= 6;
    if identifiable {
        Verdict::Warn
    } else if setting >= 1 || details >= 3 || e.sum(Class::Venting) >= 2 {
        Verdict::Caution
    } else {
        Verdict::None
    }
}

/// A reply to a review discloses when it confirms clinical facts, a visit's date or the
/// reviewer's name; it is a caution when it touches their care at all.
fn review_reply(e: &Evidence) -> Verdict {
    let clinical = e.sum_of(CLINICAL);
    if clinical >= 2 || e.weight(Category::Name) >= 2 || e.weight(Category::Date) >= 2 {
        Verdict::Warn
    } else if clinical > 0 {
        Verdict::Caution
    } else {
        Verdict::None
    }
}

/// The personal approach categories of an incoming message (everything but the care link).
const APPROACHES: [Category; 6] = [
    Category::Compliment,
    Category::Invitation,
    Category::Gift,
    Category::FoundYou,
    Category::ContactRequest,
    Category::Romance,
];

/// Outgoing cues that move a conversation onto a personal footing.
const MOVES: [Category; 4] = [
    Category::Meeting,
    Category::ContactSharing,
    Category::Flirting,
    Category::FriendAccept,
];

/// The sum and the strongest weight of `cats` in `e`, and how many are present.
fn tally(e: &Evidence, cats: &[Category]) -> (u32, u8, usize) {
    let weights = cats.iter().map(|&c| e.weight(c)).filter(|&w| w > 0);
    weights.fold((0, 0, 0), |(sum, max, n), w| {
        (sum + u32::from(w), max.max(w), n + 1)
    })
}

/// True when the draft is the advised boundary reply and nothing more: the GMC wording
/// or a redirect to the practice, with at most plain thanks — no warmth towards the
/// approach, no other refusal, no meeting, contact, flirting or advice.
fn advised_reply(draft: &Evidence) -> bool {
    let only_advised = draft.weight(Category::PersonalRefusal) == 1;
    let others = [
        Category::Acceptance,
        Category::Meeting,
        Category::ContactSharing,
        Category::Flirting,
        Category::FriendAccept,
        Category::ClinicalAdvice,
    ];
    only_advised
        && draft.weight(Category::Acceptance) <= 1
        && others[1..].iter().all(|&c| draft.weight(c) == 0)
}

/// The approach verdict: `draft` holds the draft's outgoing cues (and any link to care
/// in the draft itself), `context` the incoming cues found in the message replied to.
///
/// - Replying to a patient's personal approach warns, whatever the reply — even a polite
///   refusal (MDU/MPS) — unless it is the advised boundary reply alone. An approach is a
///   link to care with a clear personal cue (or, with a clear link, several weak ones),
///   or, with no link to care, two different clear cues (a gift and a meeting, dependency
///   and a request for a home address).
/// - Replying to a patient with clinical advice (any link to care), or with a clear
///   personal move (a clear link to care; meeting, contact, flirting), warns even if
///   they did not approach.
/// - With no approach to answer, a draft that itself links to care and moves personally
///   (invites, flirts, shares contact) is a clinician approaching a patient.
pub fn approach(draft: &Evidence, context: &Evidence, replying: bool) -> Verdict {
    let care = context
        .weight(Category::CareLink)
        .max(draft.weight(Category::CareLink));
    let (moves, moves_max, _) = tally(draft, &MOVES);
    if replying {
        let (personal, clear, kinds) = tally(context, &APPROACHES);
        let approached = (care >= 1 && clear >= 2)
            || (care >= 2 && personal >= 3)
            || (kinds >= 2 && personal >= 4);
        if approached && !advised_reply(draft) {
            return Verdict::Warn;
        }
        let advice = draft.weight(Category::ClinicalAdvice) >= 2;
        if (care >= 1 && advice) || (care >= 2 && moves_max >= 2) {
            return Verdict::Warn;
        }
    }
    let own_care = draft.weight(Category::CareLink);
    if (own_care >= 2 && moves >= 2) || (own_care >= 1 && moves >= 3) {
        return Verdict::Warn;
    }
    Verdict::None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(items: &[(Category, u8)]) -> Evidence {
        let hits: Vec<Hit> = items.iter().map(|&(c, w)| Hit::new(0, 1, c, w)).collect();
        Evidence::new(&hits)
    }

    /// Hits side by side, ten bytes apart, as in a short post.
    fn near(items: &[(Category, u8)]) -> Vec<Hit> {
        items
            .iter()
            .enumerate()
            .map(|(i, &(c, w))| Hit::new(i * 10, i * 10 + 5, c, w))
            .collect()
    }

    use Category::*;

    #[test]
    fn a_health_number_warns_alone() {
        assert_eq!(patient(&near(&[(HealthNumber, 3)]), false), Verdict::Warn);
        assert_eq!(patient(&near(&[(HealthNumber, 2)]), false), Verdict::Warn);
    }

    #[test]
    fn one_patient_with_age_condition_place_and_time_warns() {
        let hits = near(&[
            (PatientReference, 2),
            (Age, 2),
            (Condition, 2),
            (Place, 1),
            (Recency, 1),
        ]);
        assert_eq!(patient(&hits, false), Verdict::Warn);
    }

    #[test]
    fn one_weak_detail_is_a_caution() {
        let hits = near(&[(PatientReference, 2), (Recency, 1)]);
        assert_eq!(patient(&hits, false), Verdict::Caution);
    }

    #[test]
    fn disparaging_patients_as_a_group_is_a_caution() {
        let hits = near(&[(PatientReference, 1), (Label, 2)]);
        assert_eq!(patient(&hits, false), Verdict::Caution);
    }

    #[test]
    fn details_without_a_patient_are_nothing() {
        let hits = near(&[(Age, 2), (Place, 2), (Recency, 1), (Condition, 2)]);
        assert_eq!(patient(&hits, false), Verdict::None);
    }

    #[test]
    fn a_titled_name_with_anything_clinical_warns_but_a_bare_name_needs_more() {
        assert_eq!(
            patient(&near(&[(Name, 3), (Condition, 2)]), false),
            Verdict::Warn
        );
        // "Danny Blaze's ACL op went well": a public figure as likely as a patient.
        assert_eq!(
            patient(&near(&[(Name, 2), (Procedure, 2)]), false),
            Verdict::None
        );
        // But a name given about a patient identifies them.
        assert_eq!(
            patient(&near(&[(PatientReference, 2), (Name, 2)]), false),
            Verdict::Warn
        );
    }

    #[test]
    fn details_far_from_the_patient_do_not_add_up() {
        let mut hits = near(&[(PatientReference, 2), (Recency, 1)]);
        // Three paragraphs later, about something else.
        hits.push(Hit::new(2000, 2005, Age, 2));
        hits.push(Hit::new(2010, 2015, Condition, 2));
        hits.push(Hit::new(2020, 2025, Place, 2));
        assert_eq!(patient(&hits, false), Verdict::Caution);
        let close = near(&[
            (PatientReference, 2),
            (Recency, 1),
            (Age, 2),
            (Condition, 2),
            (Place, 2),
        ]);
        assert_eq!(patient(&close, false), Verdict::Warn);
    }

    #[test]
    fn a_review_reply_warns_when_it_confirms_clinical_facts() {
        assert_eq!(
            patient(&near(&[(Condition, 2), (Procedure, 2)]), true),
            Verdict::Warn
        );
        assert_eq!(
            patient(&near(&[(Phone, 3)]), true),
            Verdict::None,
            "the practice's own number"
        );
        assert_eq!(patient(&near(&[]), true), Verdict::None);
    }

    #[test]
    fn any_reply_to_a_patients_approach_warns() {
        let ctx = ev(&[(Category::CareLink, 2), (Category::Invitation, 2)]);
        assert_eq!(approach(&ev(&[]), &ctx, true), Verdict::Warn);
        assert_eq!(approach(&ev(&[]), &ctx, false), Verdict::None);
    }

    #[test]
    fn even_a_polite_personal_refusal_warns() {
        let ctx = ev(&[(Category::CareLink, 1), (Category::Romance, 2)]);
        let refusal = ev(&[(Category::PersonalRefusal, 2), (Category::Acceptance, 1)]);
        assert_eq!(approach(&refusal, &ctx, true), Verdict::Warn);
    }

    #[test]
    fn the_advised_boundary_reply_alone_does_not_warn() {
        let ctx = ev(&[(Category::CareLink, 2), (Category::FoundYou, 2)]);
        let advised = ev(&[(Category::PersonalRefusal, 1), (Category::Acceptance, 1)]);
        assert_eq!(approach(&advised, &ctx, true), Verdict::None);
        // Warmth towards the approach, or a kiss, makes it personal again.
        let warm = ev(&[(Category::PersonalRefusal, 1), (Category::Acceptance, 2)]);
        assert_eq!(approach(&warm, &ctx, true), Verdict::Warn);
        let kiss = ev(&[(Category::PersonalRefusal, 1), (Category::Flirting, 1)]);
        assert_eq!(approach(&kiss, &ctx, true), Verdict::Warn);
    }

    #[test]
    fn weak_cues_alone_are_not_an_approach() {
        // "Thank you Dr Lee ❤️" answered with "thank you!": a public thank-you.
        let ctx = ev(&[(Category::CareLink, 1), (Category::Romance, 1)]);
        let thanks = ev(&[(Category::Acceptance, 1)]);
        assert_eq!(approach(&thanks, &ctx, true), Verdict::None);
        // A friend's invitation with no link to care.
        let friend = ev(&[(Category::Invitation, 2)]);
        let yes = ev(&[(Category::Acceptance, 2), (Category::Meeting, 2)]);
        assert_eq!(approach(&yes, &friend, true), Verdict::None);
    }

    #[test]
    fn two_clear_cues_without_a_care_link_are_an_approach() {
        let ctx = ev(&[(Category::Gift, 2), (Category::Invitation, 2)]);
        assert_eq!(
            approach(&ev(&[(Category::Acceptance, 1)]), &ctx, true),
            Verdict::Warn
        );
    }

    #[test]
    fn advice_or_a_personal_move_to_a_patient_warns() {
        let ctx = ev(&[(Category::CareLink, 2)]);
        let advice = ev(&[(Category::ClinicalAdvice, 2)]);
        assert_eq!(approach(&advice, &ctx, true), Verdict::Warn);
        let drink = ev(&[(Category::Meeting, 2)]);
        assert_eq!(approach(&drink, &ctx, true), Verdict::Warn);
        let glad = ev(&[(Category::Acceptance, 1)]);
        assert_eq!(approach(&glad, &ctx, true), Verdict::None);
    }

    #[test]
    fn a_clinician_approaching_a_patient_warns_without_context() {
        let d = ev(&[(Category::CareLink, 2), (Category::Meeting, 2)]);
        assert_eq!(approach(&d, &ev(&[]), false), Verdict::Warn);
        // A link to care alone ("hope the knee is better after Thursday") is fine.
        let d = ev(&[(Category::CareLink, 2), (Category::Flirting, 1)]);
        assert_eq!(approach(&d, &ev(&[]), false), Verdict::None);
        // A personal move with no link to care is none of our business.
        let d = ev(&[(Category::Meeting, 2), (Category::Flirting, 2)]);
        assert_eq!(approach(&d, &ev(&[]), false), Verdict::None);
    }

    /// What lets `Engine::check` skip `boundary::moves` for a draft that replies to
    /// nothing and has no link to care: no set of moves can then make a verdict.
    #[test]
    fn without_a_reply_or_a_link_to_care_no_moves_count() {
        let outgoing = [
            Category::Acceptance,
            Category::Meeting,
            Category::ContactSharing,
            Category::Flirting,
            Category::FriendAccept,
            Category::PersonalRefusal,
            Category::ClinicalAdvice,
        ];
        for set in 0u32..1 << outgoing.len() {
            for weight in 1..=3 {
                let moves: Vec<(Category, u8)> = outgoing
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| set & (1 << i) != 0)
                    .map(|(_, &c)| (c, weight))
                    .collect();
                assert_eq!(approach(&ev(&moves), &ev(&[]), false), Verdict::None);
            }
        }
    }
}
