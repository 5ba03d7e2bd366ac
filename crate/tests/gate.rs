//! The gate (crate/src/detect/gate.rs) only ever saves work: every detector finds exactly
//! the same hits with its searches gated as without, on the dev set, on the real comments
//! and on arbitrary text; and preparing the engine registers every built-in pattern, so
//! no pattern is left ungated in use.

mod common;

use bedside::detect::{self, gate, Hit};
use bedside::text::Doc;
use proptest::prelude::*;

/// Every detector's hits on `text`, in order: the draft's and the reply's detectors.
fn hits(doc: &Doc) -> Vec<Hit> {
    let mut out = Vec::new();
    for f in detect::PATIENT
        .iter()
        .chain(detect::OUTGOING)
        .chain(detect::INCOMING)
    {
        f(doc, &mut out);
    }
    out
}

fn assert_same(text: &str) {
    let doc = Doc::new(text);
    let plain = hits(&doc);
    let gated = gate::scope(&doc.norm, || hits(&doc));
    assert_eq!(gated, plain, "gated and plain hits differ on {text:?}");
}

/// The dev set's drafts and contexts, and the real comments: every text there is.
fn corpus_texts() -> Vec<String> {
    let dev = common::dev_set()
        .into_iter()
        .flat_map(|l| [l.text, l.context.all()]);
    let comments = common::real_comments().into_iter().map(|c| c.selftext);
    dev.chain(comments).filter(|t| !t.is_empty()).collect()
}

#[test]
fn gated_hits_equal_plain_hits_on_the_corpus() {
    bedside::detect::prepare();
    let texts = corpus_texts();
    assert!(
        texts.len() > 2000,
        "the dev set and the real comments were read ({} texts)",
        texts.len()
    );
    for text in &texts {
        assert_same(text);
    }
    eprintln!("compared {} texts", texts.len());
}

#[test]
fn preparing_registers_every_built_in_pattern() {
    bedside::detect::prepare();
    let engine = bedside::Engine::default();
    for text in corpus_texts().iter().take(400) {
        engine.check(
            text,
            "thanks so much for looking after my mum, coffee sometime?",
        );
    }
    let (registered, covered) = gate::coverage();
    assert!(registered > 100, "only {registered} patterns registered");
    assert_eq!(
        covered, registered,
        "patterns registered after prepare() are searched ungated until the next scope: \
         give detect::WARM_UP something that reaches them"
    );
}

/// Text built from words the patterns look for, digits, and awkward Unicode (case folds
/// such as the Kelvin sign and long s, which a byte superset must still let through).
fn drafty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("my patient "),
        Just("pt "),
        Just("84yo "),
        Just("bed 4 "),
        Just("today "),
        Just("Mr K Smith "),
        Just("943 476 5919 "),
        Just("SW1A 1AA "),
        Just("you treated me "),
        Just("coffee? "),
        Just("\u{212A}iss "),
        Just("a\u{17F}ked "),
        Just("Zoë "),
        Just("\u{2003}"),
        Just("😂"),
        Just("frequent flyer "),
        Just("on Ward 9 "),
    ]
    .prop_map(str::to_string);
    let any = "\\PC{0,8}";
    prop::collection::vec(prop_oneof![3 => piece, 1 => any], 0..20).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn gated_hits_equal_plain_hits_on_arbitrary_text(text in drafty()) {
        bedside::detect::prepare();
        assert_same(&text);
    }
}
