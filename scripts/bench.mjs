// `npm run bench`: measures what DESIGN.md's performance budget names and writes
// docs/BENCHMARKS.md. Installs what it needs first (scripts/setup.mjs; a Python venv for
// the other tools). Takes about ten minutes on two cores. Not part of `npm test`.
//
//   node scripts/bench.mjs            the full run; writes docs/BENCHMARKS.md
//   node scripts/bench.mjs --quick    tiny inputs and short runs, to check the harness
//                                     end to end (writes target/bench/BENCHMARKS.quick.md)
//   node scripts/bench.mjs --report   rewrites docs/BENCHMARKS.md from the last full run
//
// 1. the core, native: criterion (crate/benches/check.rs), read from its estimates.json
// 2. the extension's build: wasm size raw and gzipped
// 3. Chromium: check() in the service worker, cold worker starts, worker memory, typing
// 4. other tools (Presidio, scrubadub) on the same 2,083 real comments
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "./build.mjs";
import { runBrowser } from "./bench/browser.mjs";
import { runCriterion } from "./bench/criterion.mjs";
import { buildBenchExtension } from "./bench/extension.mjs";
import { CORPUS, corpusTexts, inputs } from "./bench/inputs.mjs";
import { machine } from "./bench/machine.mjs";
import { runOthers } from "./bench/python.mjs";
import { report } from "./bench/report.mjs";
import { wasmSizes } from "./bench/size.mjs";
import { ROOT, step } from "./lib/run.mjs";
import { setup } from "./setup.mjs";

const quick = process.argv.includes("--quick");
const out = join(ROOT, "target", "bench");
mkdirSync(out, { recursive: true });

// `--report`: rewrite docs/BENCHMARKS.md from the last run's target/bench/results.json.
if (process.argv.includes("--report")) {
  const last = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
  writeFileSync(join(ROOT, "docs", "BENCHMARKS.md"), report(last));
  console.log("bench: rewrote docs/BENCHMARKS.md from target/bench/results.json");
  process.exit(0);
}
const t0 = performance.now();

step("setup", setup);
const results = { quick, date: new Date().toISOString(), machine: machine() };
results.criterion = step("criterion (native core)", () => runCriterion({ quick }));
await step("build the extension", build);
results.size = wasmSizes();
await step("build the bench extension (dist/bench-chromium)", buildBenchExtension);
const corpus = corpusTexts(quick ? 50 : 0);
if (!corpus) console.log(`bench: no corpus at ${CORPUS}: the corpus figures are left out`);
results.browser = await step("Chromium (wasm in the worker, cold starts, memory, typing)",
  () => runBrowser({ inputs: inputs({ quick }), corpus, quick }));
results.machine.chromium = results.browser.chromium;
if (corpus) {
  results.others = step("other tools (Presidio, scrubadub) on the corpus",
    () => runOthers(CORPUS, join(out, "others.json"), quick ? { limit: 50, repeats: 1 } : {}));
}

writeFileSync(join(out, "results.json"), JSON.stringify(results, null, 1));
const doc = quick ? join(out, "BENCHMARKS.quick.md") : join(ROOT, "docs", "BENCHMARKS.md");
mkdirSync(join(doc, ".."), { recursive: true });
writeFileSync(doc, report(results));
console.log(`bench: wrote ${doc} (raw figures: target/bench/results.json) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
