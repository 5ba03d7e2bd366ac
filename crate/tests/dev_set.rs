//! The targets on the labelled development set (../shared/corpus/dev.jsonl), printed and
//! held. The set sits beside the checkout; when it is absent the test says so and fails.

mod common;

use bedside::evaluate::evaluate;
use bedside::Engine;
use common::dev_set;

#[test]
fn dev_set_targets_hold() {
    let rows = dev_set();
    assert!(rows.len() > 300, "the whole set was read");
    let s = evaluate(&Engine::default(), &rows);
    println!("{s}");
    for m in &s.misses {
        println!("  {m}");
    }
    assert!(
        s.patient_warn_recall.ratio() >= 0.95,
        "patient warn recall {}",
        s.patient_warn_recall
    );
    assert!(
        s.caution_flagged.ratio() >= 0.90,
        "disparaging flagged {}",
        s.caution_flagged
    );
    assert!(
        s.false_warns.ratio() <= 0.03,
        "false warns {}",
        s.false_warns
    );
    assert!(
        s.approach_warn_recall.ratio() >= 0.95,
        "approach warn recall {}",
        s.approach_warn_recall
    );
    assert_eq!(
        s.false_warns_with_context.hit, 0,
        "false warns with a context {}",
        s.false_warns_with_context
    );
}
