//! The hand-written encoder computes what PyTorch computes: a small student with random
//! weights (`crate/tests/data/encoder-parity.bin`, two layers, written with the
//! probabilities PyTorch gives it by `scripts/train/parity_fixture.py`) must give the same
//! probabilities here, for drafts short and long (windows), empty, and with threads.

use std::sync::Arc;

use bedside::engine::Engine;
use bedside::model::Model;
use bedside::policy::Policy;
use bedside::thread;

#[test]
fn the_encoder_gives_pytorchs_probabilities() {
    let builtin = bedside::model::builtin().expect("the committed model loads");
    let head = include_bytes!("data/encoder-parity.bin");
    let model = Model::with_head(builtin.embeddings.clone(), head).expect("the fixture head loads");
    assert!(model.head.encoder.as_ref().is_some_and(|e| e.layers.len() == 2), "the fixture has a two-layer encoder");
    let engine = Engine::new(Policy::default()).with_model(Some(Arc::new(model)));
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("data/encoder-parity.json")).expect("the fixture's JSON");
    assert!(cases.len() >= 5);
    for case in &cases {
        let text = case["text"].as_str().unwrap();
        let thread = thread::from_value(case.get("context")).unwrap();
        let got = engine.explain(text, &thread).expect("a model is loaded").probabilities;
        let want: Vec<f64> = case["probabilities"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        for (g, w) in got.iter().zip(&want) {
            assert!(
                (f64::from(*g) - w).abs() < 2e-4,
                "{text:?}: Rust {got:?}, PyTorch {want:?}"
            );
        }
    }
}
