//! The professional rules a warning cites (from guidance.md), chosen by jurisdiction.

use std::borrow::Cow;

use crate::policy::Jurisdiction;
use crate::report::{Citation, Kind};

/// The boundary reply to offer instead of a personal answer, after the GMC.
pub const BOUNDARY_REPLY: &str = "I can't mix social and professional relationships — please contact the practice if you need anything.";

const fn cite(source: &'static str, rule: &'static str) -> Citation {
    Citation {
        source: Cow::Borrowed(source),
        rule: Cow::Borrowed(rule),
    }
}

/// Rules about identifying or disparaging patients.
fn patient(j: Jurisdiction) -> Vec<Citation> {
    let gmc = cite(
        "GMC, Using social media as a medical professional (2024)",
        "Confidentiality applies online as offline: details harmless alone can add up so that a patient, or someone close to them, recognises the case.",
    );
    let nmc = cite(
        "NMC Code 20.10",
        "Sharing confidential information or making inappropriate comments about patients online puts registration at risk.",
    );
    let hipaa = cite(
        "HIPAA Safe Harbor, 45 CFR 164.514(b)(2)",
        "Names, places smaller than a state, dates other than the year, ages over 89, numbers and any other unique characteristic identify a patient.",
    );
    let ama = cite(
        "AMA Code of Medical Ethics, Opinion 2.3.2",
        "Refrain from posting identifiable patient information online; privacy settings are not absolute.",
    );
    let ncsbn = cite(
        "NCSBN, A Nurse's Guide to the Use of Social Media",
        "Never give any detail that could identify a patient; never disparage patients, even unidentified ones.",
    );
    match j {
        Jurisdiction::General => vec![gmc, hipaa],
        Jurisdiction::Uk => vec![
            gmc,
            nmc,
            cite(
                "GDC Standards 4.2.3 / HCPC social media guidance",
                "Do not post information or comments about patients or service users on social networking sites.",
            ),
        ],
        Jurisdiction::Us => vec![hipaa, ama, ncsbn],
        Jurisdiction::Au => vec![cite(
            "AHPRA social media guidance (2019)",
            "Confidentiality and professional, respectful communication about patients apply online, in closed groups too.",
        )],
        Jurisdiction::Ca => vec![cite(
            "CMPA (2014)",
            "A patient's location and one clinical fact can be enough to identify them.",
        )],
    }
}

/// Rules about personal approaches between patients and clinicians.
fn approach(j: Jurisdiction) -> Vec<Citation> {
    let gmc = cite(
        "GMC, Maintaining personal and professional boundaries (2013, paras 4–6)",
        "If a patient pursues a personal relationship, stay polite and re-establish the professional boundary; do not mix social and professional relationships.",
    );
    let mdu = cite(
        "MDU / MPS / MDDUS",
        "Replying to a patient's advance through a social network is inappropriate, even to refuse politely: keep a record and tell a colleague.",
    );
    match j {
        Jurisdiction::Us => vec![
            cite(
                "NCSBN, A Nurse's Guide to the Use of Social Media",
                "Keep professional boundaries online; do not have personal online relationships with patients.",
            ),
            cite(
                "AMA Code of Medical Ethics, Opinion 2.3.2",
                "Maintain appropriate boundaries of the patient-physician relationship online.",
            ),
        ],
        Jurisdiction::Au => vec![cite(
            "AHPRA social media guidance (2019)",
            "Professional boundaries with patients apply online as offline.",
        )],
        Jurisdiction::Ca => vec![cite(
            "CMPA (2014)",
            "Avoid personal online relationships with patients; keep communication professional.",
        )],
        Jurisdiction::General | Jurisdiction::Uk => vec![gmc, mdu],
    }
}

/// The citations for a kind of warning.
pub fn citations(kind: Kind, j: Jurisdiction) -> Vec<Citation> {
    match kind {
        Kind::Patient => patient(j),
        Kind::Approach => approach(j),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_jurisdiction_cites_its_own_regulator() {
        let first = |k, j| citations(k, j)[0].source.clone();
        assert!(first(Kind::Patient, Jurisdiction::Uk).starts_with("GMC"));
        assert!(first(Kind::Patient, Jurisdiction::Us).starts_with("HIPAA"));
        assert!(first(Kind::Patient, Jurisdiction::Au).starts_with("AHPRA"));
        assert!(first(Kind::Patient, Jurisdiction::Ca).starts_with("CMPA"));
        let general: Vec<_> = citations(Kind::Patient, Jurisdiction::General)
            .into_iter()
            .map(|c| c.source)
            .collect();
        assert!(general[0].starts_with("GMC") && general[1].starts_with("HIPAA"));
    }
}
