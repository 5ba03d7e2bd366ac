//! The fuzz targets' bodies, shared: `fuzz_targets/*.rs` call them under libFuzzer, and
//! `crate/tests/fuzz_regressions.rs` includes this file to replay seeds and crashing
//! inputs through exactly the same code under `cargo test`. Uses only `bedside` and
//! `serde_json`, so it compiles in both places.

use bedside::{Engine, Policy, Report, Verdict};

/// 0xFF never occurs in UTF-8, so it separates the two strings of an input without
/// taking any text away from the fuzzer.
pub const SEPARATOR: u8 = 0xFF;

/// A draft that fires many detectors, so a policy's words and ignores meet real hits.
pub const DRAFT: &str = "my patient in bed 4 at St Elsewhere today, 84yo retired headteacher, \
                         RX123456, Mr K on ward 7B; she found me on here and wants to meet";

/// The `check` target: the input is the draft, then (after the first 0xFF, if any) the
/// message it replies to. Must not panic; every finding must be a valid span of the
/// draft; checking twice must give the same report.
pub fn check(data: &[u8]) {
    let (text, context) = split(data);
    let report = bedside::check(&text, &context);
    assert_valid(&text, &report);
    assert_eq!(
        report,
        bedside::check(&text, &context),
        "checking is deterministic"
    );
}

/// The `policy` target: the input is policy JSON, then (after the first 0xFF, if any) a
/// draft. `Engine::from_json` must not panic; the policy it keeps must survive a JSON
/// round trip unchanged and without errors; checking `DRAFT`, and the input's draft
/// replying to `DRAFT`, under it must give valid reports.
pub fn policy(data: &[u8]) {
    let (json, text) = split(data);
    let (engine, _errors) = Engine::from_json(&json);

    let kept = engine.policy();
    let again = serde_json::to_string(kept).expect("a policy serialises");
    let (reread, errors) = Policy::from_json(&again);
    assert!(
        errors.is_empty(),
        "the kept policy {again} is rejected: {errors:?}"
    );
    assert_eq!(&reread, kept, "the kept policy survives a JSON round trip");

    for (draft, context) in [(DRAFT, ""), (text.as_str(), DRAFT)] {
        let report = engine.check(draft, context);
        assert_valid(draft, &report);
    }
}

/// Splits an input at its first 0xFF into two strings (invalid UTF-8 becomes U+FFFD);
/// the second is empty when there is no 0xFF.
pub fn split(data: &[u8]) -> (String, String) {
    let (a, b) = match data.iter().position(|&b| b == SEPARATOR) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &data[data.len()..]),
    };
    (
        String::from_utf8_lossy(a).into_owned(),
        String::from_utf8_lossy(b).into_owned(),
    )
}

/// Panics unless every finding of `report` is a span of `text` in UTF-16 code units, on
/// character boundaries, whose `text` is exactly that span; and unless the verdict agrees
/// with the kinds, the message and the findings.
pub fn assert_valid(text: &str, report: &Report) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut boundaries = vec![0];
    let mut at = 0;
    for c in text.chars() {
        at += c.len_utf16();
        boundaries.push(at);
    }
    for f in &report.findings {
        assert!(
            f.start <= f.end && f.end <= units.len(),
            "{f:?} is outside the draft"
        );
        assert!(
            boundaries.binary_search(&f.start).is_ok(),
            "{f:?} starts inside a character"
        );
        assert!(
            boundaries.binary_search(&f.end).is_ok(),
            "{f:?} ends inside a character"
        );
        let span = String::from_utf16(&units[f.start..f.end]).expect("a span is valid UTF-16");
        assert_eq!(span, f.text, "a finding's text is its span of the draft");
    }
    let none = report.verdict == Verdict::None;
    assert_eq!(
        none,
        report.kinds.is_empty(),
        "kinds exactly when there is a warning: {report:?}"
    );
    assert_eq!(
        none,
        report.message.is_empty(),
        "a message exactly when there is a warning: {report:?}"
    );
    assert!(
        !none || report.findings.is_empty(),
        "no findings without a warning: {report:?}"
    );
}
