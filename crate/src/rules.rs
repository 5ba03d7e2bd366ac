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

const GMC_PATIENT: Citation = cite(
    "GMC, Using social media as a medical professional (2024)",
    "Confidentiality applies online as offline: details harmless alone can add up so that a patient, or someone close to them, recognises the case.",
);
const NMC: Citation = cite(
    "NMC Code 20.10",
    "Sharing confidential information or making inappropriate comments about patients online puts registration at risk.",
);
const GDC_HCPC: Citation = cite(
    "GDC Standards 4.2.3 / HCPC social media guidance",
    "Do not post information or comments about patients or service users on social networking sites.",
);
const HIPAA: Citation = cite(
    "HIPAA Safe Harbor, 45 CFR 164.514(b)(2)",
    "Names, places smaller than a state, dates other than the year, ages over 89, numbers and any other unique characteristic identify a patient.",
);
const AMA_PATIENT: Citation = cite(
    "AMA Code of Medical Ethics, Opinion 2.3.2",
    "Refrain from posting identifiable patient information online; privacy settings are not absolute.",
);
const NCSBN_PATIENT: Citation = cite(
    "NCSBN, A Nurse's Guide to the Use of Social Media",
    "Never give any detail that could identify a patient; never disparage patients, even unidentified ones.",
);
const AHPRA_PATIENT: Citation = cite(
    "AHPRA social media guidance (2019)",
    "Confidentiality and professional, respectful communication about patients apply online, in closed groups too.",
);
const CMPA_PATIENT: Citation = cite(
    "CMPA (2014)",
    "A patient's location and one clinical fact can be enough to identify them.",
);

const GMC_BOUNDARIES: Citation = cite(
    "GMC, Maintaining personal and professional boundaries (2013, paras 4–6)",
    "If a patient pursues a personal relationship, stay polite and re-establish the professional boundary; do not mix social and professional relationships.",
);
const MDU: Citation = cite(
    "MDU / MPS / MDDUS",
    "Replying to a patient's advance through a social network is inappropriate, even to refuse politely: keep a record and tell a colleague.",
);
const NCSBN_BOUNDARIES: Citation = cite(
    "NCSBN, A Nurse's Guide to the Use of Social Media",
    "Keep professional boundaries online; do not have personal online relationships with patients.",
);
const AMA_BOUNDARIES: Citation = cite(
    "AMA Code of Medical Ethics, Opinion 2.3.2",
    "Maintain appropriate boundaries of the patient-physician relationship online.",
);
const AHPRA_BOUNDARIES: Citation = cite(
    "AHPRA social media guidance (2019)",
    "Professional boundaries with patients apply online as offline.",
);
const CMPA_BOUNDARIES: Citation = cite(
    "CMPA (2014)",
    "Avoid personal online relationships with patients; keep communication professional.",
);

/// Rules about identifying or disparaging patients.
fn patient(j: Jurisdiction) -> &'static [Citation] {
    static GENERAL: [Citation; 2] = [GMC_PATIENT, HIPAA];
    static UK: [Citation; 3] = [GMC_PATIENT, NMC, GDC_HCPC];
    static US: [Citation; 3] = [HIPAA, AMA_PATIENT, NCSBN_PATIENT];
    static AU: [Citation; 1] = [AHPRA_PATIENT];
    static CA: [Citation; 1] = [CMPA_PATIENT];
    match j {
        Jurisdiction::General => &GENERAL,
        Jurisdiction::Uk => &UK,
        Jurisdiction::Us => &US,
        Jurisdiction::Au => &AU,
        Jurisdiction::Ca => &CA,
    }
}

/// Rules about personal approaches between patients and clinicians.
fn approach(j: Jurisdiction) -> &'static [Citation] {
    static GENERAL: [Citation; 2] = [GMC_BOUNDARIES, MDU];
    static US: [Citation; 2] = [NCSBN_BOUNDARIES, AMA_BOUNDARIES];
    static AU: [Citation; 1] = [AHPRA_BOUNDARIES];
    static CA: [Citation; 1] = [CMPA_BOUNDARIES];
    match j {
        Jurisdiction::Us => &US,
        Jurisdiction::Au => &AU,
        Jurisdiction::Ca => &CA,
        Jurisdiction::General | Jurisdiction::Uk => &GENERAL,
    }
}

/// The citations for a kind of warning.
pub fn citations(kind: Kind, j: Jurisdiction) -> &'static [Citation] {
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
            .iter()
            .map(|c| &c.source)
            .collect();
        assert!(general[0].starts_with("GMC") && general[1].starts_with("HIPAA"));
    }
}
