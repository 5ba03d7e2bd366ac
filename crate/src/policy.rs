//! The settings a check runs under: mode, jurisdiction, organisation dictionaries, custom
//! patterns, per-site switches. Read from JSON one setting at a time, so a bad value is
//! reported by name and falls back to its safe default while every other setting applies.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the extension does with a warn-worthy draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Count warnings on the device, show nothing.
    Audit,
    /// Show warnings in place.
    #[default]
    Warn,
    /// Show warnings and hold the send until the user decides.
    Block,
}

/// Whose rules the warnings cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Jurisdiction {
    /// The general rule, with the UK and US sources.
    #[default]
    General,
    Uk,
    Us,
    Au,
    Ca,
}

/// An organisation's own identifier format, e.g. the trust's record numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomPattern {
    pub label: String,
    pub pattern: String,
}

/// Every setting the core understands. Field names are the managed-policy names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Policy {
    pub mode: Mode,
    pub jurisdiction: Jurisdiction,
    /// Hospital and practice names: identifying places.
    pub hospital_names: Vec<String>,
    /// Ward and unit names: identifying places.
    pub ward_names: Vec<String>,
    /// Towns, villages and streets served: identifying places.
    pub place_names: Vec<String>,
    /// Colleagues' names: not patients, never flagged as names.
    pub staff_names: Vec<String>,
    /// The user's words to ignore.
    pub ignore_words: Vec<String>,
    /// The user's words to treat as identifying.
    pub identifying_words: Vec<String>,
    pub custom_patterns: Vec<CustomPattern>,
}

/// A setting that could not be used, and why. The setting fell back to its default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyError {
    /// The setting's name, e.g. `customPatterns[2].pattern`.
    pub field: String,
    pub reason: String,
}

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "policy setting `{}`: {}", self.field, self.reason)
    }
}

/// Settings the extension owns (sites, override rules…): accepted here so the same
/// policy object can be passed whole, but not used by the core.
const EXTENSION_SETTINGS: &[&str] = &[
    "allowUserOverride",
    "requireJustification",
    "enabledSites",
    "disabledSites",
    "allowPause",
    "supportContact",
    "organisationName",
];

impl Policy {
    /// Reads a policy from JSON text. Never fails: problems are returned beside the
    /// policy, and each broken setting keeps its default.
    pub fn from_json(json: &str) -> (Policy, Vec<PolicyError>) {
        match serde_json::from_str::<Value>(json) {
            Ok(v) => Policy::from_value(&v),
            Err(e) => (
                Policy::default(),
                vec![PolicyError {
                    field: "(policy)".into(),
                    reason: format!("not valid JSON: {e}"),
                }],
            ),
        }
    }

    /// Reads a policy from a JSON value, one setting at a time.
    pub fn from_value(value: &Value) -> (Policy, Vec<PolicyError>) {
        let mut policy = Policy::default();
        let mut errors = Vec::new();
        let Some(map) = value.as_object() else {
            if !value.is_null() {
                errors.push(PolicyError {
                    field: "(policy)".into(),
                    reason: "must be an object of settings".into(),
                });
            }
            return (policy, errors);
        };
        for (key, v) in map {
            match key.as_str() {
                "mode" => set(&mut policy.mode, key, v, &mut errors),
                "jurisdiction" => set(&mut policy.jurisdiction, key, v, &mut errors),
                "hospitalNames" => set(&mut policy.hospital_names, key, v, &mut errors),
                "wardNames" => set(&mut policy.ward_names, key, v, &mut errors),
                "placeNames" => set(&mut policy.place_names, key, v, &mut errors),
                "staffNames" => set(&mut policy.staff_names, key, v, &mut errors),
                "ignoreWords" => set(&mut policy.ignore_words, key, v, &mut errors),
                "identifyingWords" => set(&mut policy.identifying_words, key, v, &mut errors),
                "customPatterns" => {
                    policy.custom_patterns = custom_patterns(v, &mut errors);
                }
                k if EXTENSION_SETTINGS.contains(&k) => {}
                _ => {
                    errors.push(PolicyError {
                        field: key.clone(),
                        reason: "unknown setting (ignored)".into(),
                    });
                }
            }
        }
        (policy, errors)
    }
}

/// Deserialises one setting into `slot`, or records why not and leaves the default.
fn set<T: DeserializeOwned>(slot: &mut T, key: &str, v: &Value, errors: &mut Vec<PolicyError>) {
    match T::deserialize(v) {
        Ok(t) => *slot = t,
        Err(e) => errors.push(PolicyError {
            field: key.to_string(),
            reason: e.to_string(),
        }),
    }
}

/// Reads `customPatterns` entry by entry: a bad entry is dropped and named; the rest stay.
fn custom_patterns(v: &Value, errors: &mut Vec<PolicyError>) -> Vec<CustomPattern> {
    let Some(items) = v.as_array() else {
        errors.push(PolicyError {
            field: "customPatterns".into(),
            reason: "must be a list of {label, pattern}".into(),
        });
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let field = format!("customPatterns[{i}]");
        match CustomPattern::deserialize(item) {
            Ok(p) => match regex::RegexBuilder::new(&p.pattern)
                .size_limit(1 << 20)
                .build()
            {
                Ok(_) => out.push(p),
                Err(e) => errors.push(PolicyError {
                    field: format!("{field}.pattern"),
                    reason: format!("not a valid regular expression: {e}"),
                }),
            },
            Err(e) => errors.push(PolicyError {
                field,
                reason: e.to_string(),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let (p, errors) = Policy::from_json(
            r#"{"mode":"block","jurisdiction":"uk","hospitalNames":["St Elsewhere"],
                "customPatterns":[{"label":"Trust number","pattern":"RX\\d{6}"}]}"#,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(p.mode, Mode::Block);
        assert_eq!(p.jurisdiction, Jurisdiction::Uk);
        assert_eq!(p.hospital_names, ["St Elsewhere"]);
        assert_eq!(p.custom_patterns.len(), 1);
    }

    #[test]
    fn a_bad_setting_is_named_and_the_rest_still_apply() {
        let (p, errors) = Policy::from_json(
            r#"{"mode":"shout","jurisdiction":"us",
                "customPatterns":[{"label":"ok","pattern":"A\\d+"},{"label":"bad","pattern":"(unclosed"}]}"#,
        );
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["customPatterns[1].pattern", "mode"]);
        assert_eq!(p.mode, Mode::Warn, "bad mode falls back to the default");
        assert_eq!(p.jurisdiction, Jurisdiction::Us);
        assert_eq!(p.custom_patterns.len(), 1);
    }

    #[test]
    fn invalid_json_gives_defaults_and_one_error() {
        let (p, errors) = Policy::from_json("{not json");
        assert_eq!(p, Policy::default());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "(policy)");
    }
}
