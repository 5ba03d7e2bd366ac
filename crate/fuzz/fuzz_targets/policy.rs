//! libFuzzer target for policy parsing (`Engine::from_json`) and checking under the
//! result; the body and its assertions are `bedside_fuzz::policy` (src/lib.rs), shared
//! with crate/tests/fuzz_regressions.rs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| bedside_fuzz::policy(data));
