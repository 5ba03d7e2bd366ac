//! The settings a check runs under: mode, jurisdiction, organisation dictionaries, custom
//! patterns, the user's own word lists (unless the organisation locks them), per-site
//! switches. Read from JSON one setting at a time, so a bad value is reported by name and
//! falls back to its safe default while every other setting applies.

use regex::{Regex, RegexBuilder};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The most entries a word list keeps (`hospitalNames`, `wardNames`, `placeNames`,
/// `staffNames`, `ignoreWords`, `identifyingWords`): the first ones; the rest are cut and
/// reported. The extension has the same caps (extension/src/settings/limits.ts);
/// admin/README.md documents them.
pub const MAX_LIST_ENTRIES: usize = 500;
/// The longest word-list entry kept, in characters (Unicode scalar values); a longer one
/// is dropped and reported.
pub const MAX_ENTRY_CHARS: usize = 200;
/// The most custom patterns read: the first ones; the rest are cut and reported.
pub const MAX_PATTERNS: usize = 100;
/// The longest custom pattern compiled, in characters; a longer one is dropped and reported.
pub const MAX_PATTERN_CHARS: usize = 500;
/// The most memory one compiled custom pattern may take (`regex`'s size limit).
const PATTERN_SIZE_LIMIT: usize = 1 << 20;

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
    /// The user's words to ignore: they quiet only soft findings of the built-in
    /// detectors, never the organisation's names or patterns (see `Engine`).
    pub ignore_words: Vec<String>,
    /// The user's words to treat as identifying.
    pub identifying_words: Vec<String>,
    pub custom_patterns: Vec<CustomPattern>,
    /// `custom_patterns`, compiled when the policy was read (see `Policy::patterns`).
    #[serde(skip)]
    pub compiled: CompiledPatterns,
    /// The organisation locked the user's two word lists: `from_value` drops them.
    pub lock_user_words: bool,
}

/// Custom patterns compiled once, when the policy is read (compiling a pattern is how it
/// is checked): the engine takes them as they are, so no pattern is compiled again per
/// engine or per check. Derived from `custom_patterns`, so neither serialised nor compared.
#[derive(Clone, Default)]
pub struct CompiledPatterns(Vec<Regex>);

impl PartialEq for CompiledPatterns {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for CompiledPatterns {}

impl std::fmt::Debug for CompiledPatterns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CompiledPatterns({})", self.0.len())
    }
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
                "hospitalNames" => set_list(&mut policy.hospital_names, key, v, &mut errors),
                "wardNames" => set_list(&mut policy.ward_names, key, v, &mut errors),
                "placeNames" => set_list(&mut policy.place_names, key, v, &mut errors),
                "staffNames" => set_list(&mut policy.staff_names, key, v, &mut errors),
                "ignoreWords" => set_list(&mut policy.ignore_words, key, v, &mut errors),
                "identifyingWords" => set_list(&mut policy.identifying_words, key, v, &mut errors),
                "lockUserWords" => set(&mut policy.lock_user_words, key, v, &mut errors),
                "customPatterns" => {
                    let (patterns, compiled) = custom_patterns(v, &mut errors);
                    policy.custom_patterns = patterns;
                    policy.compiled = CompiledPatterns(compiled);
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
        if policy.lock_user_words {
            policy.ignore_words.clear();
            policy.identifying_words.clear();
        }
        (policy, errors)
    }
}

impl Policy {
    /// The custom patterns, compiled: as compiled when the policy was read or, for a
    /// policy built in code (which `compiled` does not match), compiled now.
    pub fn patterns(&self) -> Vec<Regex> {
        let cached = &self.compiled.0;
        let same = cached.len() == self.custom_patterns.len()
            && cached.iter().zip(&self.custom_patterns).all(|(r, p)| r.as_str() == p.pattern);
        if same {
            return cached.clone(); // a Regex clone shares its compiled program
        }
        self.custom_patterns
            .iter()
            .filter(|p| p.pattern.chars().count() <= MAX_PATTERN_CHARS)
            .filter_map(|p| compile(&p.pattern).ok())
            .collect()
    }
}

/// Compiles one custom pattern: the one place its limits are set.
fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    #[cfg(test)]
    tests::COMPILED.with(|n| n.set(n.get() + 1));
    RegexBuilder::new(pattern).size_limit(PATTERN_SIZE_LIMIT).build()
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

/// The first `max` of `items`; if there are more, names the list and says how many were cut.
fn capped<'a>(items: &'a [Value], max: usize, key: &str, errors: &mut Vec<PolicyError>) -> &'a [Value] {
    if items.len() > max {
        errors.push(PolicyError {
            field: key.to_string(),
            reason: format!(
                "{} entries, more than the {max} allowed: the last {} were not used",
                items.len(),
                items.len() - max
            ),
        });
    }
    &items[..items.len().min(max)]
}

/// Reads a word list: its first `MAX_LIST_ENTRIES` entries, each of at most
/// `MAX_ENTRY_CHARS` characters; whatever is cut is named. A list of the wrong type is
/// reported and keeps its default, as any setting.
fn set_list(slot: &mut Vec<String>, key: &str, v: &Value, errors: &mut Vec<PolicyError>) {
    let Some(items) = v.as_array() else {
        return set(slot, key, v, errors);
    };
    let kept = Value::Array(capped(items, MAX_LIST_ENTRIES, key, errors).to_vec());
    let mut list: Vec<String> = Vec::new();
    set(&mut list, key, &kept, errors);
    let mut i = 0;
    list.retain(|entry| {
        let fits = entry.chars().count() <= MAX_ENTRY_CHARS;
        if !fits {
            errors.push(PolicyError {
                field: format!("{key}[{i}]"),
                reason: format!("longer than {MAX_ENTRY_CHARS} characters (not used)"),
            });
        }
        i += 1;
        fits
    });
    *slot = list;
}

/// Reads `customPatterns` entry by entry: the first `MAX_PATTERNS`, each compiled once
/// (at most `MAX_PATTERN_CHARS` characters); a bad entry is dropped and named, the rest
/// stay. Returns the patterns kept and, in the same order, their compiled regexes.
fn custom_patterns(v: &Value, errors: &mut Vec<PolicyError>) -> (Vec<CustomPattern>, Vec<Regex>) {
    let Some(items) = v.as_array() else {
        errors.push(PolicyError {
            field: "customPatterns".into(),
            reason: "must be a list of {label, pattern}".into(),
        });
        return (Vec::new(), Vec::new());
    };
    let mut out = Vec::new();
    let mut compiled = Vec::new();
    for (i, item) in capped(items, MAX_PATTERNS, "customPatterns", errors).iter().enumerate() {
        let field = format!("customPatterns[{i}]");
        match CustomPattern::deserialize(item) {
            Ok(p) if p.pattern.chars().count() > MAX_PATTERN_CHARS => errors.push(PolicyError {
                field: format!("{field}.pattern"),
                reason: format!("longer than {MAX_PATTERN_CHARS} characters (not used)"),
            }),
            Ok(p) => match compile(&p.pattern) {
                Ok(re) => {
                    out.push(p);
                    compiled.push(re);
                }
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
    (out, compiled)
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// How many custom patterns this thread has compiled.
        pub(super) static COMPILED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    #[test]
    fn each_pattern_is_compiled_once_not_per_engine_or_check() {
        let (p, errors) = Policy::from_json(
            r#"{"customPatterns":[{"label":"a","pattern":"RX\\d{6}"},{"label":"b","pattern":"MRN-\\d{4}"}]}"#,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(COMPILED.with(|n| n.get()), 2, "compiled once each, when read");
        let engine = crate::Engine::new(p.clone());
        let again = crate::Engine::new(p);
        for _ in 0..20 {
            let r = engine.check("my patient RX123456 in bed 4 today", "");
            assert!(r.findings.iter().any(|f| f.text == "RX123456"), "{r:?}");
            again.check("MRN-1234 today", "");
        }
        assert_eq!(COMPILED.with(|n| n.get()), 2, "not again for an engine or a check");
    }

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
