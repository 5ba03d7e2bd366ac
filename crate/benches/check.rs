//! Criterion benches for the budget in DESIGN.md: a 280-character post, 5,000
//! characters, adversarial inputs of 10 KiB to 1 MiB (to show linear growth), and the
//! cost of compiling a policy.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const POST: &str = "Lady in bay 3 today, 84yo retired headteacher from Hexham, admitted with a fractured NOF after a fall at home. Her husband has dementia so she's been his carer. Lovely woman but the family keep ringing the ward every hour 🙄 #nursing";

/// Text that keeps every detector busy: digits, names, cue words, emoji, repeated.
fn adversarial(bytes: usize) -> String {
    let unit = "pt Mr K 943 476 5919 84yo bed 4 today 07700 900123 my patient 😂 frequent flyer coffee? you treated me 111111111111 J. Whitfield ";
    unit.repeat(bytes / unit.len() + 1)[..bytes].to_string()
}

fn truncate_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn sizes(c: &mut Criterion) {
    let engine = bedside::Engine::default();
    let post = truncate_chars(&POST.repeat(2), 280);
    let long = truncate_chars(&POST.repeat(30), 5000);
    c.bench_function("check 280-char post", |b| {
        b.iter(|| engine.check(black_box(&post), ""))
    });
    c.bench_function("check 5000 chars", |b| {
        b.iter(|| engine.check(black_box(&long), ""))
    });

    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    for kib in [10usize, 100, 1024] {
        let text = adversarial(kib * 1024);
        let text = &text[..text.floor_char_boundary(text.len())];
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{kib} KiB")),
            text,
            |b, t| b.iter(|| engine.check(black_box(t), "")),
        );
    }
    group.finish();
}

fn policy(c: &mut Criterion) {
    let json = r#"{"mode":"block","jurisdiction":"uk","hospitalNames":["St Elsewhere","Royal Hexham"],"wardNames":["Ward 9","Larch"],"customPatterns":[{"label":"Trust number","pattern":"RX\\d{6}"}]}"#;
    c.bench_function("compile policy", |b| {
        b.iter(|| bedside::Engine::from_json(black_box(json)))
    });
}

criterion_group!(benches, sizes, policy);
criterion_main!(benches);
