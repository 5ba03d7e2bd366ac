//! Real talk from healthcare subreddits (../shared/corpus/reddit-healthcare.csv, 2,083
//! comments): prints the share that warn and a sample of them to read, and holds that
//! most of it warns about nothing (the comments mostly identify nobody).

mod common;

use bedside::{Engine, Verdict};

#[test]
fn most_real_comments_do_not_warn() {
    let comments = common::real_comments();

    let engine = Engine::default();
    let (mut warn, mut caution) = (Vec::new(), 0usize);
    for c in &comments {
        // The comment is the draft; the post it answers is its context.
        let context = c.title.trim_start_matches("RE: ");
        let r = engine.check(&c.selftext, context);
        match r.verdict {
            Verdict::Warn => warn.push((c, r)),
            Verdict::Caution => caution += 1,
            Verdict::None => {}
        }
    }
    let share = warn.len() as f64 / comments.len() as f64;
    println!(
        "real comments: {} in all, {} warn ({:.1}%), {} caution ({:.1}%)",
        comments.len(),
        warn.len(),
        100.0 * share,
        caution,
        100.0 * caution as f64 / comments.len() as f64
    );
    for (c, r) in warn.iter().step_by((warn.len() / 12).max(1)).take(12) {
        let text: String = c.selftext.chars().take(160).collect();
        println!("  WARN {:?} — {}", r.kinds, text.replace('\n', " "));
    }
    assert!(share <= 0.10, "{:.1}% of real comments warn", 100.0 * share);
}
