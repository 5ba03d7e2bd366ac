//! Text that is not English chat — other languages and pidgin, code and stack traces, link
//! dumps, bot commands, emoji-only and keyboard mash (the harmless lines of corpus brief
//! `h06-other-languages-code-links`) — must not false-warn more than English chat (the
//! harmless real healthcare-forum comments and the friends-and-family brief `n01`).
//! Judged out of fold, as `bedside eval --folds 5` does: each line by the committed head
//! trained without its group, so the model is never graded on lines it learned.

mod common;

use std::collections::HashMap;

use bedside::evaluate::{self, Folded, Judge, Share};
use bedside::{Engine, Verdict};

const OTHER: &str = "h06-other-languages-code-links";
const CHAT: [&str; 2] = ["reddit-healthcare", "n01-friends-family-partners"];
const FOLDS: usize = 5;

#[test]
fn other_languages_code_and_links_do_not_false_warn_more_than_english_chat() {
    let rows = common::corpus();
    let engine = Engine::default();
    let model = engine.model().expect("the built-in model loads").clone();
    let judge = Folded::committed(engine.policy(), &model, FOLDS).expect("the fold heads load");
    let deal = evaluate::folds::assign(&rows, FOLDS);

    let mut false_warn: HashMap<&str, Share> = HashMap::new();
    let mut warned = Vec::new();
    for row in rows.iter().filter(|r| r.expect == Verdict::None) {
        let side = if row.group == OTHER {
            "other"
        } else if CHAT.contains(&row.group.as_str()) {
            "chat"
        } else {
            continue;
        };
        let got = judge.judge(row, Some(deal.fold_of(&row.group)));
        let warns = got.patient == Verdict::Warn || got.approach == Verdict::Warn;
        false_warn.entry(side).or_default().add(warns);
        if warns && side == "other" {
            warned.push(row.text.chars().take(100).collect::<String>());
        }
    }
    let (other, chat) = (false_warn["other"], false_warn["chat"]);
    println!(
        "false warn out of fold: other text {}/{} ({:.1}%), English chat {}/{} ({:.1}%)",
        other.hit,
        other.of,
        100.0 * other.ratio(),
        chat.hit,
        chat.of,
        100.0 * chat.ratio()
    );
    for w in &warned {
        println!("  other text warned: {w}");
    }
    assert!(
        other.of >= 150,
        "the other-text lines are there ({})",
        other.of
    );
    assert!(
        chat.of >= 1500,
        "the English chat lines are there ({})",
        chat.of
    );
    assert!(
        other.ratio() <= chat.ratio(),
        "other text false-warns on {:.1}%, English chat on {:.1}%",
        100.0 * other.ratio(),
        100.0 * chat.ratio()
    );
}
