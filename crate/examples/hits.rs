//! Prints every detector hit for a text (and its context), for tuning: `cargo run
//! --example hits -- "TEXT" ["CONTEXT"]`.
use bedside::detect;
use bedside::text::Doc;

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let context = std::env::args().nth(2).unwrap_or_default();
    for (label, s, fns) in [
        ("draft", &text, [detect::PATIENT, detect::OUTGOING].concat()),
        ("context", &context, detect::INCOMING.to_vec()),
    ] {
        let doc = Doc::new(s);
        let mut hits = Vec::new();
        for f in fns {
            f(&doc, &mut hits);
        }
        hits.sort_by_key(|h| h.start);
        for h in hits {
            println!(
                "{label:7} {:?}/{} {:?}",
                h.category,
                h.weight,
                &doc.norm[h.start..h.end]
            );
        }
    }
    let r = bedside::check(&text, &context);
    println!("=> {:?} {:?}: {}", r.verdict, r.kinds, r.message);
}
