//! The texts the crate's tests read, loaded in one place: the labelled development set
//! and the real healthcare-forum comments (beside the checkout, in ../shared/corpus), and
//! the built corpus (corpus/corpus.jsonl). A file that is missing or does not parse fails
//! the test that asked for it, naming the path: a proof over zero texts proves nothing.
#![allow(dead_code)] // each test file uses some of these

use bedside::evaluate::{parse_jsonl, Labelled};

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/dev.jsonl");
const COMMENTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/corpus/reddit-healthcare.csv"
);
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/corpus.jsonl");

fn labelled(path: &str) -> Vec<Labelled> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path} must be there: {e}"));
    let rows = parse_jsonl(&text).unwrap_or_else(|e| panic!("{path} does not parse: {e}"));
    assert!(!rows.is_empty(), "{path} holds no lines");
    rows
}

/// The labelled development set (322 lines).
pub fn dev_set() -> Vec<Labelled> {
    labelled(DEV)
}

/// The built corpus, every group.
pub fn corpus() -> Vec<Labelled> {
    labelled(CORPUS)
}

/// One real comment: the post it answers (`title`) and the comment itself (`selftext`).
#[derive(serde::Deserialize)]
pub struct Comment {
    pub title: String,
    pub selftext: String,
}

/// The real healthcare-forum comments (2,083).
pub fn real_comments() -> Vec<Comment> {
    let mut reader = csv::Reader::from_path(COMMENTS)
        .unwrap_or_else(|e| panic!("{COMMENTS} must be there: {e}"));
    let rows: Vec<Comment> = reader
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{COMMENTS} does not parse: {e}"));
    assert!(rows.len() > 2000, "{COMMENTS}: the whole file was read");
    rows
}
