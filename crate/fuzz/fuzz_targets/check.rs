//! libFuzzer target for `bedside::check(text, context)`; the body and its assertions are
//! `bedside_fuzz::check` (src/lib.rs), shared with crate/tests/fuzz_regressions.rs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| bedside_fuzz::check(data));
