//! Fuzz regressions: every input that once crashed a fuzz target (kept in
//! `crate/fuzz/regressions/<target>/`, named after the bug) and every seed
//! (`crate/fuzz/seeds/<target>/`) is replayed through the targets' own bodies, so a fixed
//! crash stays fixed under plain `cargo test`. To add one, copy the artifact libFuzzer
//! wrote (`crate/fuzz/artifacts/<target>/crash-…`) into the regressions folder.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "../fuzz/src/lib.rs"]
mod fuzz;

/// The files in `crate/fuzz/<dir>/<target>/`, sorted.
fn inputs(dir: &str, target: &str) -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(dir)
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_file()
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    files
}

/// Runs `target` on each input; names every input that panics.
fn replay(files: &[PathBuf], target: fn(&[u8])) {
    let failed: Vec<String> = files
        .iter()
        .filter(|f| {
            let data = fs::read(f).unwrap();
            std::panic::catch_unwind(|| target(&data)).is_err()
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(failed.is_empty(), "these inputs fail: {failed:#?}");
}

#[test]
fn seeds_pass_the_check_target() {
    let seeds = inputs("seeds", "check");
    assert!(seeds.len() >= 5, "the check target keeps its seed corpus");
    replay(&seeds, fuzz::check);
}

#[test]
fn seeds_pass_the_policy_target() {
    let seeds = inputs("seeds", "policy");
    assert!(seeds.len() >= 5, "the policy target keeps its seed corpus");
    replay(&seeds, fuzz::policy);
}

#[test]
fn past_check_crashes_stay_fixed() {
    replay(&inputs("regressions", "check"), fuzz::check);
}

#[test]
fn past_policy_crashes_stay_fixed() {
    replay(&inputs("regressions", "policy"), fuzz::policy);
}

/// The invariants themselves can fail: a finding off a character boundary is caught.
#[test]
#[should_panic(expected = "inside a character")]
fn the_invariants_reject_a_span_that_splits_a_character() {
    let mut report = bedside::check("my patient in bed 4 today, 84yo retired headteacher", "");
    assert!(!report.findings.is_empty());
    let text = "😂y patient in bed 4 today, 84yo retired headteacher";
    report.findings[0].start = 1;
    fuzz::assert_valid(text, &report);
}

#[test]
fn the_input_splits_at_the_first_0xff() {
    assert_eq!(
        fuzz::split(b"a\xffb\xffc"),
        ("a".into(), "b\u{FFFD}c".into())
    );
    assert_eq!(fuzz::split(b"only"), ("only".into(), String::new()));
}
