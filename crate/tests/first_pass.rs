//! The rules pass the extension draws first (`Engine::check_rules`) against the full
//! check with the committed scorer, on the corpus: the first pass never warns where the
//! full check does not (so a warning drawn first never falls), and the scorer's vetoes
//! do quiet some of the rules' own warnings (so the cap is needed at all).

mod common;

use bedside::{Engine, Verdict};

#[test]
fn a_warning_drawn_first_never_falls_and_vetoes_act() {
    let rows = common::corpus();
    let with_model = Engine::default();
    assert!(with_model.model().is_some(), "the committed scorer is built in");
    let rules_alone = Engine::default().with_model(None);
    let (mut first_warns, mut vetoed) = (0, 0);
    for r in rows.iter().step_by(5) {
        let first = with_model.check_rules_thread(&r.text, &r.context);
        let full = with_model.check_thread(&r.text, &r.context);
        if first.verdict == Verdict::Warn {
            first_warns += 1;
            assert_eq!(full.verdict, Verdict::Warn, "{}: the first pass warns, the full check does not: {}", r.id, r.text);
        }
        let alone = rules_alone.check_thread(&r.text, &r.context);
        if alone.verdict == Verdict::Warn && full.verdict != Verdict::Warn {
            vetoed += 1;
        }
    }
    assert!(first_warns > 0, "some lines warn in the first pass (a number that identifies alone)");
    assert!(vetoed > 0, "the scorer vetoes some of the rules' warnings");
}
