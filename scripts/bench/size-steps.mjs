// The steps tried to shrink the wasm, measured once while choosing the build (2026-11-21,
// on the shared 2-core machine while other builds ran: the timings are wasm in node 20's
// V8 and only good to a factor of about 1.5; sizes are exact). docs/BENCHMARKS.md shows
// them beside this run's figures. Rerun one by hand: change the profile or features, `npm
// run build`, and read the size line it prints.
export const SIZE_STEPS = [
  { step: "start: opt-level z, LTO, 1 codegen unit, regex `perf` (wasm-bindgen's output, name section kept)", raw: 1258, gzip: 429, t280: "116 µs", t5000: "1.5 ms", t100k: "41 ms", kept: "–" },
  { step: "wasm-bindgen `--remove-name-section --remove-producers-section` (the 313 KB name section is only for debugging)", raw: 951, gzip: 354, t280: "122–129 µs", t5000: "1.6–1.9 ms", t100k: "43–127 ms", kept: "✅ shipped" },
  { step: "… + `wasm-opt -Oz` (binaryen 132 from npm; Debian's 108 breaks this wasm)", raw: 870, gzip: 367, t280: "117 µs", t5000: "1.8 ms", t100k: "62 ms", kept: "❌ gzips larger, slower" },
  { step: "… + `wasm-opt -Os` / `-O2` / `-O3` / `-Oz --converge` instead", raw: 879, gzip: 363, t280: "106–108 µs", t5000: "1.4 ms", t100k: "39–42 ms", kept: "❌ all gzip 9–13 KB larger" },
  { step: "`strip = true` in the profile instead of the wasm-bindgen flags", raw: 953, gzip: 354, kept: "❌ also strips `target_features`: wasm-bindgen warns it cannot tell which wasm features are on and falls back to its ABI without reference types (results through a stack slot, a JS-side object heap): 2 KB larger, another glue" },
  { step: "opt-level `s` (name section removed)", raw: 1008, gzip: 375, t280: "82–86 µs", t5000: "1.1–1.2 ms", t100k: "30–93 ms", kept: "❌ +21 KB gz for ~30% speed" },
  { step: "opt-level 3 (name section removed)", raw: 1150, gzip: 433, t280: "69–115 µs", t5000: "0.96–2.5 ms", t100k: "26–86 ms", kept: "❌ +79 KB gz" },
  { step: "regex without any `perf-*` feature (PikeVM only)", raw: 777, gzip: 297, t280: "9.3 ms", t5000: "138 ms", t100k: "4.7 s", kept: "❌ 80× slower" },
  { step: "regex `perf-dfa` only (lazy DFA)", raw: 879, gzip: 335, t280: "125 µs", t5000: "3.5–6.0 ms", t100k: "123–143 ms", kept: "❌ −19 KB gz, 2–3× slower" },
  { step: "regex `perf-dfa`, `perf-literal`", raw: 904, gzip: 341, t280: "136–159 µs", t5000: "2.6–5.9 ms", t100k: "297–459 ms", kept: "❌ −13 KB gz, slower" },
  { step: "regex `perf-dfa`, `perf-literal`, `perf-cache`", raw: 904, gzip: 341, t280: "130–147 µs", t5000: "1.8–4.5 ms", t100k: "206–211 ms", kept: "❌" },
  { step: "regex `perf` without `perf-inline`", raw: 914, gzip: 345, t280: "121–125 µs", t5000: "3.5–5.9 ms", t100k: "87–146 ms", kept: "❌ −9 KB gz, 2× slower" },
];
