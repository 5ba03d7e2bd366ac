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

/// The strongest weight seen for each category, and which classes are present.
#[derive(Debug, Default)]
pub struct Evidence {
    best: Vec<(Category, u8)>,
}

impl Evidence {
    pub fn new(hits: &[Hit]) -> Evidence {
        let mut best: Vec<(Category, u8)> = Vec::new();
        for h in hits {
            match best.iter_mut().find(|(c, _)| *c == h.category) {
                Some((_, w)) => *w = (*w).max(h.weight),
                None => best.push((h.category, h.weight)),
            }
        }
        Evidence { best }
    }

    /// The strongest weight of a category (0 when absent).
    pub fn weight(&self, c: Category) -> u8 {
        self.best
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(0, |(_, w)| *w)
    }

    /// The strongest weight in a class (0 when absent).
    pub fn max(&self, class: Class) -> u8 {
        self.in_class(class).map(|(_, w)| w).max().unwrap_or(0)
    }

    /// The sum, over the class's distinct categories, of each one's strongest weight.
    pub fn sum(&self, class: Class) -> u32 {
        self.in_class(class).map(|(_, w)| u32::from(w)).sum()
    }

    fn in_class(&self, class: Class) -> impl Iterator<Item = (Category, u8)> + '_ {
        self.best
            .iter()
            .copied()
            .filter(move |(c, _)| c.class() == class)
    }
}

/// The patient verdict for a draft's hits.
pub fn patient(e: &Evidence) -> Verdict {
    let reference = e.max(Class::Reference);
    let direct = e.max(Class::Direct);
    let detail = e.sum(Class::Indirect) + e.sum(Class::Direct);
    let context = e.sum(Class::Context);
    let venting = e.max(Class::Venting);

    // Numbers that identify whoever they belong to.
    if e.weight(Category::HealthNumber) >= 3 || e.weight(Category::RecordNumber) >= 3 {
        return Verdict::Warn;
    }
    let about_someone = reference >= 2 || e.weight(Category::ReviewReply) > 0;
    if about_someone {
        let identifiable = direct >= 3
            || (direct >= 2 && detail + context >= 4)
            || (detail >= 3 && context >= 1)
            || (detail >= 2 && context >= 2);
        if identifiable {
            return Verdict::Warn;
        }
        if venting > 0 || detail + context >= 1 {
            return Verdict::Caution;
        }
        return Verdict::None;
    }
    if reference >= 1 && venting > 0 {
        return Verdict::Caution;
    }
    Verdict::None
}

/// The personal approach categories of an incoming message (everything but the care link).
const PERSONAL: [Category; 6] = [
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
        let (personal, clear, kinds) = tally(context, &PERSONAL);
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

    #[test]
    fn a_valid_health_number_warns_alone() {
        assert_eq!(patient(&ev(&[(Category::HealthNumber, 3)])), Verdict::Warn);
    }

    #[test]
    fn one_patient_with_age_place_and_time_warns() {
        let e = ev(&[
            (Category::PatientReference, 2),
            (Category::Age, 2),
            (Category::Condition, 2),
            (Category::Place, 1),
            (Category::Recency, 1),
        ]);
        assert_eq!(patient(&e), Verdict::Warn);
    }

    #[test]
    fn one_weak_detail_is_a_caution() {
        let e = ev(&[(Category::PatientReference, 2), (Category::Recency, 1)]);
        assert_eq!(patient(&e), Verdict::Caution);
    }

    #[test]
    fn disparaging_patients_as_a_group_is_a_caution() {
        let e = ev(&[(Category::PatientReference, 1), (Category::Label, 2)]);
        assert_eq!(patient(&e), Verdict::Caution);
    }

    #[test]
    fn details_without_a_patient_are_nothing() {
        let e = ev(&[
            (Category::Age, 2),
            (Category::Place, 2),
            (Category::Recency, 1),
        ]);
        assert_eq!(patient(&e), Verdict::None);
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
}
