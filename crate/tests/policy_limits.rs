//! A policy of any size is bounded: word lists keep their first `MAX_LIST_ENTRIES` entries
//! of at most `MAX_ENTRY_CHARS` characters, custom patterns their first `MAX_PATTERNS` of
//! at most `MAX_PATTERN_CHARS`; whatever is cut is reported by name, the rest applies, and
//! the extension (extension/src/settings/limits.ts) and admin/README.md state the same caps.

use bedside::policy::{MAX_ENTRY_CHARS, MAX_LIST_ENTRIES, MAX_PATTERNS, MAX_PATTERN_CHARS};
use bedside::{Engine, Policy, PolicyError};
use serde_json::json;

/// A distinct place name per `i` ("Quorn Baa", "Quorn Bab", …): letters only, so no
/// built-in detector (a ward or bed number) claims part of it.
fn place(i: usize) -> String {
    let l = |n: usize| char::from(b'a' + (n % 26) as u8);
    format!("Quorn {}{}{}", l(i / 676 + 1).to_ascii_uppercase(), l(i / 26), l(i))
}

fn fields(errors: &[PolicyError]) -> Vec<&str> {
    let mut f: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    f.sort();
    f
}

#[test]
fn word_lists_keep_their_first_entries_and_drop_overlong_ones_by_name() {
    let mut names: Vec<String> = (0..MAX_LIST_ENTRIES + 100).map(place).collect();
    names[3] = "x".repeat(MAX_ENTRY_CHARS + 1);
    names[4] = "é".repeat(MAX_ENTRY_CHARS); // characters, not bytes: this one fits
    let ignored: Vec<String> = (0..MAX_LIST_ENTRIES + 1).map(|i| format!("word{i}")).collect();
    let (policy, errors) = Policy::from_value(&json!({"wardNames": names, "ignoreWords": ignored}));
    assert_eq!(fields(&errors), ["ignoreWords", "wardNames", "wardNames[3]"]);
    let count = errors.iter().find(|e| e.field == "wardNames").unwrap();
    assert!(count.reason.contains("600 entries") && count.reason.contains("the last 100"), "{count:?}");
    assert!(errors.iter().find(|e| e.field == "wardNames[3]").unwrap().reason.contains("longer than 200 characters"));
    assert_eq!(policy.ward_names.len(), MAX_LIST_ENTRIES - 1);
    assert_eq!(policy.ignore_words.len(), MAX_LIST_ENTRIES);

    // The entries kept apply; the ones cut do not.
    let engine = Engine::new(policy);
    let (ten, cut) = (place(10), place(550));
    let kept = engine.check(&format!("my patient on {ten} today"), "");
    assert!(kept.findings.iter().any(|f| f.text == ten), "{ten}: {kept:?}");
    let r = engine.check(&format!("my patient on {cut} today"), "");
    assert!(!r.findings.iter().any(|f| f.text == cut), "{cut} was cut: {r:?}");
}

#[test]
fn custom_patterns_keep_the_first_ones_and_drop_overlong_ones_by_name() {
    let mut patterns: Vec<_> = (0..MAX_PATTERNS + 50)
        .map(|i| json!({"label": format!("p{i}"), "pattern": format!("QX{i:03}-\\d{{4}}")}))
        .collect();
    patterns[5] = json!({"label": "long", "pattern": "a".repeat(MAX_PATTERN_CHARS + 1)});
    let (engine, errors) = Engine::from_json(&json!({"customPatterns": patterns}).to_string());
    assert_eq!(fields(&errors), ["customPatterns", "customPatterns[5].pattern"]);
    assert!(errors[0].reason.contains("150 entries") || errors[1].reason.contains("150 entries"), "{errors:?}");
    assert_eq!(engine.policy().custom_patterns.len(), MAX_PATTERNS - 1);
    let r = engine.check("my patient QX007-1234 was in today", "");
    assert!(r.findings.iter().any(|f| f.text == "QX007-1234"), "{r:?}");
    let r = engine.check("my patient QX120-1234 was in today", "");
    assert!(!r.findings.iter().any(|f| f.text == "QX120-1234"), "a cut pattern does not apply: {r:?}");
}

#[test]
fn a_capped_policy_survives_a_json_round_trip_without_errors() {
    let names: Vec<String> = (0..MAX_LIST_ENTRIES * 3).map(|i| format!("Site {i}")).collect();
    let patterns: Vec<_> = (0..MAX_PATTERNS * 2).map(|i| json!({"label": "p", "pattern": format!("ZZ{i}")})).collect();
    let (policy, errors) = Policy::from_value(&json!({"hospitalNames": names, "customPatterns": patterns}));
    assert_eq!(fields(&errors), ["customPatterns", "hospitalNames"]);
    let (again, errors) = Policy::from_json(&serde_json::to_string(&policy).unwrap());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(again, policy);
    assert_eq!(again.patterns().len(), MAX_PATTERNS);
}

/// The caps are stated once per language: the extension's must be the core's, and the
/// administrators' guide must give them.
#[test]
fn the_extension_and_the_admin_guide_state_the_same_caps() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let ts = std::fs::read_to_string(format!("{root}/extension/src/settings/limits.ts")).unwrap();
    let guide = std::fs::read_to_string(format!("{root}/admin/README.md")).unwrap();
    // The extension cuts lists and the number of patterns; a pattern's length is checked
    // by the core alone (the extension passes patterns through by index).
    for (name, value) in [
        ("MAX_LIST_ENTRIES", MAX_LIST_ENTRIES),
        ("MAX_ENTRY_CHARS", MAX_ENTRY_CHARS),
        ("MAX_PATTERNS", MAX_PATTERNS),
    ] {
        assert!(ts.contains(&format!("export const {name} = {value};")), "limits.ts: {name} = {value}");
    }
    for (name, value) in [
        ("MAX_LIST_ENTRIES", MAX_LIST_ENTRIES),
        ("MAX_ENTRY_CHARS", MAX_ENTRY_CHARS),
        ("MAX_PATTERNS", MAX_PATTERNS),
        ("MAX_PATTERN_CHARS", MAX_PATTERN_CHARS),
    ] {
        assert!(guide.contains(&format!("**{value}**")), "admin/README.md gives {name} ({value}) in bold");
    }
}
