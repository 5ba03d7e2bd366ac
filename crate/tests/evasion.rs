//! Writing around the detector still detects: zero-width characters, look-alike
//! letters, spaced or dotted letters, leetspeak and full-width digits. The spans found
//! point at the text exactly as typed.

use bedside::{check, Category, Verdict};

const BASE: &str = "my patient in bed 4 today, 84yo retired headteacher with dementia";

fn assert_warns_like_base(text: &str) {
    assert_eq!(
        check(BASE, "").verdict,
        Verdict::Warn,
        "the plain draft warns"
    );
    let r = check(text, "");
    assert_eq!(r.verdict, Verdict::Warn, "{text:?}: {}", r.message);
    let units: Vec<u16> = text.encode_utf16().collect();
    for f in &r.findings {
        assert_eq!(String::from_utf16(&units[f.start..f.end]).unwrap(), f.text);
    }
}

#[test]
fn zero_width_characters_inside_words() {
    assert_warns_like_base(
        &BASE
            .replace("patient", "pa\u{200B}ti\u{200D}ent")
            .replace("dementia", "dem\u{FEFF}entia"),
    );
}

#[test]
fn look_alike_letters() {
    // Cyrillic а, е, о in place of Latin letters.
    let r = check(
        "my раtiеnt in bed 4 today, 84yo retired headteacher with dеmеntia",
        "",
    );
    assert_eq!(r.verdict, Verdict::Warn, "{}", r.message);
    assert!(r
        .findings
        .iter()
        .any(|f| f.category == Category::PatientReference && f.text == "my раtiеnt"));
}

#[test]
fn spaced_and_dotted_letters() {
    let r = check(
        "my p a t i e n t in bed 4 today, 84yo retired headteacher with dementia",
        "",
    );
    assert_eq!(r.verdict, Verdict::Warn, "{}", r.message);
    assert!(
        r.findings.iter().any(|f| f.text.contains("p a t i e n t")),
        "{:?}",
        r.findings
    );
    assert_warns_like_base("the p.t in b-e-d 4 today, 84yo retired headteacher with dementia");
}

#[test]
fn leetspeak_inside_words() {
    assert_warns_like_base("my p4ti3nt in b3d 4 today, 84yo retired headteacher with d3mentia");
}

#[test]
fn full_width_digits_in_a_health_number() {
    let r = check("NHS ９４３ ４７６ ５９１９ can you chase the bloods", "");
    assert_eq!(r.verdict, Verdict::Warn, "{}", r.message);
    let f = r
        .findings
        .iter()
        .find(|f| f.category == Category::HealthNumber)
        .expect("found");
    assert_eq!(f.text, "９４３ ４７６ ５９１９");
}

#[test]
fn evasion_folding_does_not_invent_warnings() {
    for s in [
        "Be patient with yourself, growth takes time",
        "a b c d e f is the alphabet song",
        "covid19 booster clinic opens at 9",
    ] {
        assert_eq!(check(s, "").verdict, Verdict::None, "{s}");
    }
}
