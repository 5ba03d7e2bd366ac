//! Checks text the engine has not seen: every dev-set line three times, then the 2,083
//! real comments twice, then one post again, printing the mean time of each pass. A
//! tuning aid for the lazy DFAs, whose cost on new text (building states) the criterion
//! benches, which repeat one input, do not show.
//! `cargo run --release --example varied_text`
use std::time::Instant;

fn main() {
    let corpus = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/corpus/dev.jsonl"
    ))
    .unwrap();
    let texts: Vec<(String, String)> = corpus
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["text"].as_str().unwrap().to_string(),
                v["context"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let engine = bedside::Engine::default();
    for pass in 0..3 {
        let t = Instant::now();
        for (text, ctx) in &texts {
            std::hint::black_box(engine.check(text, ctx));
        }
        println!(
            "pass {pass}: {:.1} µs per line",
            t.elapsed().as_secs_f64() * 1e6 / texts.len() as f64
        );
    }
    let mut reader = csv::Reader::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/corpus/reddit-healthcare.csv"
    ))
    .unwrap();
    let col = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "selftext")
        .unwrap();
    let comments: Vec<String> = reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| r.get(col).map(str::to_string))
        .collect();
    let bytes: usize = comments.iter().map(|c| c.len()).sum();
    for pass in 0..2 {
        let t = Instant::now();
        for c in &comments {
            std::hint::black_box(engine.check(c, ""));
        }
        let e = t.elapsed().as_secs_f64();
        println!(
            "reddit pass {pass}: {:.1} µs per comment, {:.1} µs per KB",
            e * 1e6 / comments.len() as f64,
            e * 1e6 / (bytes as f64 / 1024.0)
        );
    }
    println!(
        "gate caches: {} KB",
        bedside::detect::gate::cache_bytes() / 1024
    );
    let post = "Lady in bay 3 today, 84yo retired headteacher from Hexham, admitted with a fractured NOF after a fall at home. Her husband has dementia so she's been his carer. Lovely woman but the family keep ringing the ward every hour 🙄 #nursing";
    let text: String = post.repeat(3).chars().take(280).collect();
    let t = Instant::now();
    for _ in 0..10000 {
        std::hint::black_box(engine.check(&text, ""));
    }
    println!(
        "post after corpus: {:.1} µs",
        t.elapsed().as_secs_f64() * 1e6 / 10000.0
    );
}
