//! Times each detector on the same text, to find the slow ones (a tuning aid, not a bench).
//! `cargo run --release --example profile_detectors -- 20` (the post repeated 20 times).
use bedside::detect::{self, Hit};
use bedside::text::Doc;
use std::time::Instant;

fn main() {
    let post = "Lady in bay 3 today, 84yo retired headteacher from Hexham, admitted with a fractured NOF after a fall at home. Her husband has dementia so she's been his carer. Lovely woman but the family keep ringing the ward every hour 🙄 #nursing ";
    let reps: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let text = post.repeat(reps);
    let doc = Doc::new(&text);
    let names = [
        "reference",
        "names",
        "dates",
        "numbers",
        "contact",
        "hospital",
        "indirect",
        "context",
        "venting",
    ];
    let all: Vec<(&str, detect::DetectFn)> = names
        .iter()
        .copied()
        .zip(detect::PATIENT.iter().copied())
        .chain([
            ("boundary", detect::OUTGOING[0]),
            ("approach", detect::INCOMING[0]),
            ("review", detect::INCOMING[1]),
        ])
        .collect();
    bedside::detect::prepare();
    // Inside one gate scope, as in a check: the passes run once (timed first), then each
    // detector searches only the patterns they let through.
    bedside::detect::gate::scope(&doc.norm, || {
        let t = Instant::now();
        for (_, f) in &all {
            let mut v = Vec::new();
            f(&doc, &mut v);
        }
        println!(
            "first run, with the gate's passes: {:.1} µs",
            t.elapsed().as_secs_f64() * 1e6
        );
        time_each(&all, &doc, reps);
    });
}

fn time_each(all: &[(&str, detect::DetectFn)], doc: &Doc, reps: usize) {
    for &(name, f) in all {
        let n = 2000 / reps.max(1);
        let t = Instant::now();
        let mut v: Vec<Hit> = Vec::new();
        for _ in 0..n {
            v.clear();
            f(doc, &mut v);
        }
        println!(
            "{name:10} {:8.1} µs per {} bytes",
            t.elapsed().as_secs_f64() * 1e6 / n as f64,
            doc.norm.len()
        );
    }
}
