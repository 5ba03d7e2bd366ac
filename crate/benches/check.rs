//! Criterion benches for the budget in DESIGN.md: the rules pass on a 280-character post,
//! 5,000 characters, the model's pass (rules and learned scorer) on the same and on 10 and
//! 100 KiB, adversarial inputs of 10 KiB to 1 MiB (to show linear growth), the cost of
//! compiling a policy, and the 2,083 real comments of ../shared/corpus (throughput, for
//! the comparison with other tools). `npm run bench` runs this and reads criterion's
//! estimates into docs/BENCHMARKS.md; scripts/bench/inputs.mjs builds the same inputs
//! for the wasm benches in Chromium (keep the two in step).
//!
//! Before criterion starts, the first check of the process is timed once (it parses the
//! built-in patterns, compiles the gate over them and the regexes the draft can match) and
//! written to target/criterion/first-check.json.

use std::time::Instant;

use criterion::{black_box, BenchmarkId, Criterion, SamplingMode, Throughput};

const POST: &str = "Lady in bay 3 today, 84yo retired headteacher from Hexham, admitted with a fractured NOF after a fall at home. Her husband has dementia so she's been his carer. Lovely woman but the family keep ringing the ward every hour 🙄 #nursing";

/// Text that keeps every detector busy: digits, names, cue words, emoji, repeated.
fn adversarial(bytes: usize) -> String {
    let unit = "pt Mr K 943 476 5919 84yo bed 4 today 07700 900123 my patient 😂 frequent flyer coffee? you treated me 111111111111 J. Whitfield ";
    let text = unit.repeat(bytes / unit.len() + 1);
    text[..text.floor_char_boundary(bytes)].to_string()
}

fn truncate_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The rules pass: the engine with no model (what the worker answers at once).
fn rules_engine() -> bedside::Engine {
    bedside::Engine::default().with_model(None)
}

fn sizes(c: &mut Criterion) {
    let engine = rules_engine();
    let post = truncate_chars(&POST.repeat(2), 280);
    let long = truncate_chars(&POST.repeat(30), 5000);
    c.bench_function("check 280-char post", |b| {
        b.iter(|| engine.check(black_box(&post), ""))
    });
    c.bench_function("check 5000 chars", |b| {
        b.iter(|| engine.check(black_box(&long), ""))
    });

    // The model's pass: the rules and the learned scorer (the built-in weights), as the
    // worker runs it on the settled draft.
    let full = bedside::Engine::default();
    assert!(full.model().is_some(), "the built-in model did not load");
    c.bench_function("model pass 280-char post", |b| {
        b.iter(|| full.check(black_box(&post), ""))
    });
    c.bench_function("model pass 5000 chars", |b| {
        b.iter(|| full.check(black_box(&long), ""))
    });
    long_inputs(c, "model pass adversarial", &full, &[10, 100]);
    long_inputs(c, "adversarial", &engine, &[10, 100, 1024]);
}

/// Adversarial inputs of `kibs` KiB, as group `name`: ten samples of one iteration each
/// (flat), not criterion's 1+2+…+10.
fn long_inputs(c: &mut Criterion, name: &str, engine: &bedside::Engine, kibs: &[usize]) {
    let mut group = c.benchmark_group(name);
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    for &kib in kibs {
        let text = adversarial(kib * 1024);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{kib} KiB")),
            &text,
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

/// The real comments, when ../shared/corpus is there (BEDSIDE_CORPUS overrides the path).
fn corpus_texts() -> Option<Vec<String>> {
    let path = std::env::var("BEDSIDE_CORPUS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/corpus/reddit-healthcare.csv"
        )
        .into()
    });
    let mut reader = csv::Reader::from_path(path).ok()?;
    let col = reader
        .headers()
        .ok()?
        .iter()
        .position(|h| h == "selftext")?;
    let texts = reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| r.get(col).map(str::to_string))
        .collect();
    Some(texts)
}

fn corpus(c: &mut Criterion) {
    let Some(texts) = corpus_texts() else {
        eprintln!(
            "bench: no corpus (../shared/corpus/reddit-healthcare.csv): skipping the corpus bench"
        );
        return;
    };
    let engine = rules_engine();
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("reddit-healthcare", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(engine.check(black_box(t), ""));
            }
        })
    });
    group.finish();
}

/// The process's first check: the gate's preparation, policy compilation, and compiling
/// the regexes of the patterns the draft can match. One shot (once per process).
fn first_check() {
    let t0 = Instant::now();
    let engine = rules_engine();
    let report = engine.check(POST, "");
    let ns = t0.elapsed().as_nanos();
    black_box(report);
    let dir = std::env::var("CRITERION_HOME")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../target/criterion").into());
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(
        format!("{dir}/first-check.json"),
        format!("{{\"ns\": {ns}}}\n"),
    );
}

fn main() {
    first_check();
    let mut c = Criterion::default().configure_from_args();
    sizes(&mut c);
    policy(&mut c);
    corpus(&mut c);
    c.final_summary();
}
