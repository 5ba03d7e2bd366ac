//! The user's own word lists against the organisation's policy: an ignored word quiets
//! only a soft finding of the built-in detectors — never the organisation's hospital, ward
//! or place names, never its custom patterns, never a checksummed health number — and
//! with `lockUserWords` the organisation turns both of the user's lists off. The rules
//! judge alone here: what is under test is which findings a word list may quiet, not the
//! scorer's verdict (which may veto a rules warning: engine.rs `stand`).

use bedside::{Category, Engine, Report, Verdict};
use serde_json::json;

fn engine(policy: serde_json::Value) -> Engine {
    let (engine, errors) = Engine::from_json(&policy.to_string());
    assert!(errors.is_empty(), "{errors:?}");
    engine.with_model(None)
}

/// The categories of the findings over `span` (a substring of the draft).
fn over(report: &Report, text: &str, span: &str) -> Vec<Category> {
    let at = text.find(span).expect("span in draft");
    // Findings are in UTF-16 units; these drafts are ASCII.
    let (s, e) = (at, at + span.len());
    report
        .findings
        .iter()
        .filter(|f| f.start < e && s < f.end)
        .map(|f| f.category)
        .collect()
}

const HOSPITAL: &str = "Worked at st elsewhere with my patient who was so rude";

#[test]
fn an_ignored_word_leaves_the_organisations_hospital_name() {
    let org = json!({ "hospitalNames": ["St Elsewhere"] });
    let plain = engine(org.clone()).check(HOSPITAL, "");
    assert_eq!(over(&plain, HOSPITAL, "st elsewhere"), [Category::Place], "control: {plain:?}");
    assert_eq!(plain.verdict, Verdict::Warn);

    for word in ["elsewhere", "St Elsewhere", "st"] {
        let mut p = org.clone();
        p["ignoreWords"] = json!([word]);
        let r = engine(p).check(HOSPITAL, "");
        assert_eq!(over(&r, HOSPITAL, "st elsewhere"), [Category::Place], "ignoreWords [{word}]: {r:?}");
        assert_eq!(r.verdict, Verdict::Warn, "ignoreWords [{word}] did not lower the verdict");
    }
}

#[test]
fn an_ignored_word_leaves_the_organisations_ward_and_place_names() {
    let text = "my patient from Larchford on Willow Unit was so rude today";
    let org = json!({ "wardNames": ["Willow Unit"], "placeNames": ["Larchford"] });
    let mut p = org.clone();
    p["ignoreWords"] = json!(["Willow", "Larchford"]);
    let r = engine(p).check(text, "");
    assert_eq!(over(&r, text, "Willow Unit"), [Category::Place], "{r:?}");
    assert_eq!(over(&r, text, "Larchford"), [Category::Place], "{r:?}");
}

#[test]
fn an_ignored_word_leaves_a_custom_pattern() {
    let text = "Patient RX123456 was rude again";
    let org = json!({ "customPatterns": [{ "label": "Trust number", "pattern": "RX\\d{6}" }] });
    for word in ["RX123456", "rx123456"] {
        let mut p = org.clone();
        p["ignoreWords"] = json!([word]);
        let r = engine(p).check(text, "");
        assert_eq!(over(&r, text, "RX123456"), [Category::CustomPattern], "ignoreWords [{word}]: {r:?}");
        assert_eq!(r.verdict, Verdict::Warn);
    }
}

#[test]
fn an_ignored_word_leaves_a_checksummed_nhs_number() {
    let text = "pt 943 476 5919 back in again";
    let control = engine(json!({})).check(text, "");
    assert_eq!(over(&control, text, "943 476 5919"), [Category::HealthNumber], "control: {control:?}");
    for word in ["943 476 5919", "5919", "943"] {
        let r = engine(json!({ "ignoreWords": [word] })).check(text, "");
        assert_eq!(over(&r, text, "943 476 5919"), [Category::HealthNumber], "ignoreWords [{word}]: {r:?}");
        assert_eq!(r.verdict, Verdict::Warn);
    }
}

#[test]
fn an_ignored_word_quiets_a_soft_built_in_finding() {
    let text = "My patient in bed 4 today, 84yo retired headteacher with dementia";
    let control = engine(json!({})).check(text, "");
    assert_eq!(over(&control, text, "headteacher"), [Category::Occupation], "control: {control:?}");
    let r = engine(json!({ "ignoreWords": ["headteacher"] })).check(text, "");
    assert!(over(&r, text, "headteacher").is_empty(), "the ignored word is no finding: {r:?}");
    // The rest of the draft is still judged.
    assert!(!over(&r, text, "bed 4").is_empty(), "{r:?}");
}

#[test]
fn staff_names_still_quiet_a_colleagues_name() {
    let text = "Thanks Dr Patel, I'll pass it on to the team";
    let r = engine(json!({ "staffNames": ["Dr Patel"] })).check(text, "");
    assert!(over(&r, text, "Dr Patel").is_empty(), "{r:?}");
}

#[test]
fn locked_user_words_are_not_used() {
    let text = "My patient in bed 4 today, 84yo retired headteacher, loves gardening";
    let user = json!({ "ignoreWords": ["headteacher"], "identifyingWords": ["gardening"] });
    let unlocked = engine(user.clone()).check(text, "");
    assert!(over(&unlocked, text, "headteacher").is_empty(), "control: {unlocked:?}");
    assert!(!over(&unlocked, text, "gardening").is_empty(), "control: {unlocked:?}");

    for lock in [json!(true)] {
        let mut p = user.clone();
        p["lockUserWords"] = lock;
        let (engine, errors) = Engine::from_json(&p.to_string());
        assert!(errors.is_empty(), "lockUserWords is a known setting: {errors:?}");
        assert!(engine.policy().ignore_words.is_empty() && engine.policy().identifying_words.is_empty());
        let r = engine.check(text, "");
        assert_eq!(over(&r, text, "headteacher"), [Category::Occupation], "the ignored word is not used: {r:?}");
        assert!(over(&r, text, "gardening").is_empty(), "the identifying word is not used: {r:?}");
    }
    // `false` leaves them alone, and a wrong type is named and falls back to unlocked.
    let mut p = user.clone();
    p["lockUserWords"] = json!(false);
    assert!(over(&engine(p).check(text, ""), text, "headteacher").is_empty());
    let mut p = user;
    p["lockUserWords"] = json!("yes");
    let (engine, errors) = Engine::from_json(&p.to_string());
    assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["lockUserWords"]);
    assert_eq!(engine.policy().ignore_words, ["headteacher"]);
}
