/**
 * The bench build's service worker: the real background worker (imported unchanged), plus
 * a hook for the bench runner, `globalThis.__bedsideBench` (checkers with and without the
 * learned scorer), and an answer to the bench
 * page's "bedside:bench:marks" message with this worker life's startup marks. Never
 * shipped: scripts/bench/browser.mjs bundles it into dist/bench-chromium only.
 */
import "./marks";
import "../../extension/src/background";
import init, { Checker } from "bedside-wasm";
import { check, loadScorer } from "../../extension/src/core";

const ready = check("", "").then(() => {
  performance.mark("bedside:bench:ready");
});

function marks(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of performance.getEntriesByType("mark")) {
    if (e.name.startsWith("bedside:")) out[e.name] = e.startTime;
  }
  for (const e of performance.getEntriesByType("resource")) {
    if (e.name.endsWith(".wasm")) {
      const r = e as PerformanceResourceTiming;
      out["bedside:bench:wasm-fetch-start"] = r.startTime;
      out["bedside:bench:wasm-fetch-end"] = r.responseEnd;
    }
  }
  return out;
}

/** A checker with the default policy: `check` is the rules pass alone, or, `withScorer`,
 * the model's pass (the rules and the scorer) as the worker runs it after the debounce. */
async function checker(withScorer: boolean): Promise<Checker> {
  const c = new Checker(undefined);
  if (withScorer) {
    const s = await ready.then(loadScorer);
    if (!s) throw new Error("the bench build has no scorer weights");
    c.useScorer(s);
  }
  return c;
}

/** What the bench runner reaches through `worker.evaluate`. */
const bench = {
  ready,
  Checker,
  checker,
  marks,
  /** The wasm instance's exports (its linear memory among them). */
  exports: () => init(),
};
(globalThis as unknown as { __bedsideBench: typeof bench }).__bedsideBench = bench;

chrome.runtime.onMessage.addListener((msg: unknown, _sender, reply) => {
  if (msg !== "bedside:bench:marks") return false;
  void ready.then(() => reply({ timeOrigin: performance.timeOrigin, marks: marks() }));
  return true;
});
