//! The sentence a clinician reads: which pieces add up, and which rule applies.

use crate::category::{Category, Class};
use crate::report::{Citation, Kind, Verdict};

/// Joins descriptions as "a, b and c".
fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// Distinct descriptions of the categories in `classes`, in taxonomy order.
fn pieces(categories: &[Category], classes: &[Class]) -> Vec<&'static str> {
    let mut seen = [false; Category::COUNT];
    for &c in categories {
        seen[c as usize] = true;
    }
    Category::ALL
        .iter()
        .filter(|&&c| seen[c as usize] && classes.contains(&c.class()))
        .map(|&c| c.describe())
        .collect()
}

/// Writes the message for a patient verdict.
pub fn patient(verdict: Verdict, categories: &[Category], cite: &[Citation]) -> String {
    let details = pieces(
        categories,
        &[Class::Direct, Class::Indirect, Class::Context],
    );
    let venting = categories.iter().any(|c| c.class() == Class::Venting);
    let rule = cite
        .first()
        .map(|c| format!(" {}: {}", c.source, c.rule))
        .unwrap_or_default();
    match verdict {
        Verdict::None => String::new(),
        Verdict::Warn if details.is_empty() => {
            format!("This could identify a patient.{rule}")
        }
        Verdict::Warn => {
            let lead = if venting {
                "This disparages a patient who could be recognised"
            } else {
                "This could identify a patient"
            };
            format!("{lead}: {} add up.{rule}", list(&details))
        }
        Verdict::Caution if venting => format!(
            "This disparages patients. Even when no one can be identified, it reflects on you and your profession.{rule}"
        ),
        Verdict::Caution => format!(
            "This is about a patient ({}). Alone it may not identify them, but details add up.{rule}",
            if details.is_empty() { "no details yet".to_string() } else { list(&details) }
        ),
    }
}

/// Writes the message for an approach verdict.
pub fn approach(incoming: &[Category], outgoing: &[Category], cite: &[Citation]) -> String {
    let why = pieces(incoming, &[Class::Incoming]);
    let what = pieces(outgoing, &[Class::Outgoing]);
    let rule = cite
        .first()
        .map(|c| format!(" {}: {}", c.source, c.rule))
        .unwrap_or_default();
    let lead = if why.is_empty() && what.is_empty() {
        // The scorer's verdict with no rule span to name: say what the wording reads as.
        "This reads like a personal message to a patient.".to_string()
    } else if why.is_empty() {
        format!("This approaches a patient personally ({}).", list(&what))
    } else if what.is_empty() {
        format!(
            "This replies to a patient's personal approach ({}).",
            list(&why)
        )
    } else {
        format!(
            "This replies to a patient's personal approach ({}) with {}.",
            list(&why),
            list(&what)
        )
    };
    format!("{lead}{rule}")
}

/// The kinds named in a message header, for the CLI's human-readable report.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Patient => "identifiable or disparaged patient",
        Kind::Approach => "reply to a personal approach",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_approach_with_nothing_to_name_says_what_it_reads_as() {
        let m = approach(&[], &[], &[]);
        assert_eq!(m, "This reads like a personal message to a patient.");
        assert!(!m.contains("()"));
    }

    #[test]
    fn names_the_pieces_that_add_up() {
        let m = patient(
            Verdict::Warn,
            &[
                Category::Age,
                Category::Place,
                Category::Recency,
                Category::PatientReference,
            ],
            &[],
        );
        assert_eq!(
            m,
            "This could identify a patient: an age, when it happened and where it happened add up."
        );
    }

    #[test]
    fn a_reply_to_an_approach_names_the_cues() {
        let m = approach(
            &[Category::CareLink, Category::Invitation],
            &[Category::Acceptance],
            &[],
        );
        assert!(
            m.contains("they say you cared for them and an invitation"),
            "{m}"
        );
        assert!(m.contains("with accepting"), "{m}");
    }
}
