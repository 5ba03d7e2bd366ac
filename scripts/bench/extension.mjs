// Builds the bench variant of the extension, dist/bench-chromium: dist/probe-chromium unchanged
// except that its worker is tests/bench/worker.ts (the real worker plus a bench hook and
// startup marks) and it has one extra page, bench.html, that wakes the worker over the
// same Port a content script uses. The shipped build (dist/chromium) has no hook.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fail, ROOT, run } from "../lib/run.mjs";

export const BENCH_DIST = join(ROOT, "dist", "bench-chromium");
/** The test build: the typing bench reads the content script's own `bedside:*` measures. */
const SHIPPED = join(ROOT, "dist", "probe-chromium");
const WASM = join(ROOT, "target", "wasm32-unknown-unknown", "release", "bedside.wasm");

/** Builds dist/bench-chromium from dist/chromium (which must be built). */
export async function buildBenchExtension() {
  const gen = join(ROOT, "dist", ".bench-gen");
  rmSync(gen, { recursive: true, force: true });
  // The same glue build.mjs bundles (the glue depends only on the module's interface).
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--remove-name-section", "--remove-producers-section", "--experimental-reset-state-function", "--out-dir", gen, WASM],
    "wasm-bindgen must match Cargo.lock: run `node scripts/setup.mjs`");
  rmSync(BENCH_DIST, { recursive: true, force: true });
  cpSync(SHIPPED, BENCH_DIST, { recursive: true });
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    fail("esbuild is missing: run `npm ci`");
  }
  const common = {
    bundle: true, target: "chrome120", charset: "utf8", logLevel: "warning", legalComments: "none",
    alias: { "bedside-wasm": join(gen, "bedside.js") },
  };
  await esbuild.build({ ...common, entryPoints: [join(ROOT, "tests", "bench", "worker.ts")], format: "esm",
    outfile: join(BENCH_DIST, "background.js") });
  await esbuild.build({ ...common, entryPoints: [join(ROOT, "tests", "bench", "page.ts")], format: "iife",
    outfile: join(BENCH_DIST, "bench-page.js") });
  writeFileSync(join(BENCH_DIST, "bench.html"),
    '<!doctype html><meta charset="utf-8"><title>Bedside bench</title><script src="bench-page.js"></script>\n');
  rmSync(gen, { recursive: true, force: true });
  return BENCH_DIST;
}
