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

/// The approach verdict: `draft` holds the draft's outgoing cues, `context` the incoming
/// cues found in the message replied to.
pub fn approach(draft: &Evidence, context: &Evidence, replying: bool) -> Verdict {
    let incoming = context.sum(Class::Incoming);
    let care = context.weight(Category::CareLink);
    let outgoing = draft.sum(Class::Outgoing);
    // Replying at all to a patient's personal approach, even to refuse, is advised against.
    if replying && care > 0 && incoming >= u32::from(care) + 1 {
        return Verdict::Warn;
    }
    // A clinician approaching a patient: the draft itself links care and a personal move.
    if draft.weight(Category::CareLink) > 0 && outgoing >= 2 {
        return Verdict::Warn;
    }
    if replying && incoming >= 2 && outgoing >= 2 {
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
        let e = ev(&[(Category::Age, 2), (Category::Place, 2), (Category::Recency, 1)]);
        assert_eq!(patient(&e), Verdict::None);
    }

    #[test]
    fn any_reply_to_a_patients_approach_warns() {
        let ctx = ev(&[(Category::CareLink, 2), (Category::Invitation, 2)]);
        assert_eq!(approach(&ev(&[]), &ctx, true), Verdict::Warn);
        assert_eq!(approach(&ev(&[]), &ctx, false), Verdict::None);
    }
}
