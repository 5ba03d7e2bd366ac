//! Properties over arbitrary input: no panic, offsets are valid UTF-16 spans of the
//! draft on character boundaries whose text matches, findings are in order and never
//! overlap (so every redaction is well defined), and checking is deterministic.

use proptest::prelude::*;

/// UTF-16 offsets that fall on character boundaries of `s`.
fn boundaries(s: &str) -> Vec<usize> {
    let mut b = vec![0];
    let mut units = 0;
    for c in s.chars() {
        units += c.len_utf16();
        b.push(units);
    }
    b
}

/// Text assembled from clinical words, digits and awkward Unicode, so detectors fire.
fn drafty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("my patient ".to_string()),
        Just("pt ".to_string()),
        Just("84yo ".to_string()),
        Just("bed 4 ".to_string()),
        Just("today ".to_string()),
        Just("Mr K ".to_string()),
        Just("943 476 5919 ".to_string()),
        Just("\u{200B}".to_string()),
        Just("😂".to_string()),
        Just("é".to_string()),
        Just("ｐ".to_string()),
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check_offsets(text: &str, context: &str) {
    let r = bedside::check(text, context);
    let units: Vec<u16> = text.encode_utf16().collect();
    let ok = boundaries(text);
    for f in &r.findings {
        assert!(
            f.start <= f.end && f.end <= units.len(),
            "{f:?} outside {text:?}"
        );
        assert!(
            ok.binary_search(&f.start).is_ok(),
            "start splits a char: {f:?}"
        );
        assert!(ok.binary_search(&f.end).is_ok(), "end splits a char: {f:?}");
        let span = String::from_utf16(&units[f.start..f.end]).unwrap();
        assert_eq!(span, f.text, "finding text is the span of the draft");
    }
    for pair in r.findings.windows(2) {
        assert!(pair[0].end <= pair[1].start, "findings overlap: {pair:?}");
    }
    assert_eq!(r, bedside::check(text, context), "deterministic");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode_never_panics_and_offsets_are_valid(text in "\\PC*", context in "\\PC{0,40}") {
        check_offsets(&text, &context);
    }

    #[test]
    fn clinical_text_offsets_are_valid(text in drafty(), context in drafty()) {
        check_offsets(&text, &context);
    }

    #[test]
    fn arbitrary_policies_never_panic(json in "\\PC{0,80}", mode in "[a-z]{0,6}", pattern in "\\PC{0,12}") {
        let _ = bedside::Engine::from_json(&json);
        let policy = serde_json::json!({"mode": mode, "customPatterns": [{"label": "p", "pattern": pattern}], "hospitalNames": [pattern.clone()]});
        let (engine, _errors) = bedside::Engine::from_json(&policy.to_string());
        check_offsets_with(&engine, &format!("at {pattern} today my patient"));
    }
}

fn check_offsets_with(engine: &bedside::Engine, text: &str) {
    let r = engine.check(text, "");
    let len = text.encode_utf16().count();
    for f in &r.findings {
        assert!(f.start <= f.end && f.end <= len);
    }
}
