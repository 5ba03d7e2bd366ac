//! Times a process's first check (preparing the gate, compiling what the draft needs)
//! and the second: `cargo run --release --example first_check`.
use std::time::Instant;

fn main() {
    let post = "Lady in bay 3 today, 84yo retired headteacher from Hexham, admitted with a fractured NOF after a fall at home. Her husband has dementia so she's been his carer. Lovely woman but the family keep ringing the ward every hour 🙄 #nursing";
    let t = Instant::now();
    let engine = bedside::Engine::default();
    let built = t.elapsed();
    engine.check(post, "");
    let first = t.elapsed();
    let t2 = Instant::now();
    engine.check(post, "");
    let (registered, covered) = bedside::detect::gate::coverage();
    println!(
        "engine {:.1} ms, first check {:.1} ms in all, second {:.1} µs; {covered} of {registered} patterns gated",
        built.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3,
        t2.elapsed().as_secs_f64() * 1e6
    );
}
