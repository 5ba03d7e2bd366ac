//! The report a check returns: verdict, kinds, findings (with UTF-16 offsets) and the
//! message. These types are the contract with the CLI's JSON lines and with JavaScript.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::category::Category;

/// How strongly Bedside warns about a draft.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Nothing to say.
    #[default]
    None,
    /// Disparaging but not identifying, or one weak detail.
    Caution,
    /// Identifiable patient, or a reply to a patient's personal approach.
    Warn,
}

/// Which of the two risks a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Identifying, or disparaging, a patient.
    Patient,
    /// Replying to (or making) a personal approach between patient and clinician.
    Approach,
}

/// One span of the draft that matters, in UTF-16 code units (JavaScript string indices).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Start, in UTF-16 code units, inclusive.
    pub start: usize,
    /// End, in UTF-16 code units, exclusive.
    pub end: usize,
    /// What the span is, from the taxonomy in guidance.md.
    pub category: Category,
    /// The span's text, exactly as in the draft.
    pub text: String,
    /// A neutral replacement for the "redact" fix ("a patient", "[age]", "recently"):
    /// always one of a few fixed words, so it is not copied for every finding.
    pub replacement: Cow<'static, str>,
}

/// The rule a warning cites (the built-in rules are fixed text, borrowed, not copied).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Who wrote it, e.g. "GMC".
    pub source: Cow<'static, str>,
    /// The rule in a sentence.
    pub rule: Cow<'static, str>,
}

/// The whole answer for one draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub verdict: Verdict,
    pub kinds: Vec<Kind>,
    pub findings: Vec<Finding>,
    /// Says which pieces add up and which rule applies; empty when the verdict is `none`.
    pub message: String,
    /// The rules cited, for the card's "why?".
    pub citations: Vec<Citation>,
    /// A whole replacement draft, when one fits (the boundary reply after the GMC).
    pub suggestion: Option<String>,
    /// The verdict for each kind apart (`verdict` is the higher): for evaluation, not
    /// part of the JSON contract.
    #[serde(skip)]
    pub by_kind: ByKind,
}

/// A verdict for each kind of risk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ByKind {
    pub patient: Verdict,
    pub approach: Verdict,
}

impl ByKind {
    /// The higher of the two.
    pub fn verdict(self) -> Verdict {
        self.patient.max(self.approach)
    }
}

impl Report {
    /// The report for a draft with nothing to say.
    pub fn clear() -> Report {
        Report {
            verdict: Verdict::None,
            kinds: Vec::new(),
            findings: Vec::new(),
            message: String::new(),
            citations: Vec::new(),
            suggestion: None,
            by_kind: ByKind::default(),
        }
    }
}
