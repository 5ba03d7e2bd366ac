// The in-browser half of `npm run bench`, in the system Chromium with the bench build of
// the extension (dist/bench-chromium): `check` timed inside the service worker, cold
// worker starts, the worker's memory, and typing into each editor with and without the
// extension (main-thread script time, long tasks, the tab's JS heap).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, EXTENSION_ID } from "../lib/chromium.mjs";
import { ROOT } from "../lib/run.mjs";
import { serve } from "../lib/serve.mjs";
import { BENCH_DIST } from "./extension.mjs";
import { POST } from "./inputs.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Chromium with the bench extension (or none), in a throwaway profile. */
async function launch(extension) {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "bedside-bench-"));
  const args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic"];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 900, height: 900 }, args,
  });
  const worker = extension
    ? context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 15000 }))
    : null;
  return {
    context, worker,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The current live worker of the extension (a stopped worker's handle is closed). */
async function liveWorker(context) {
  const w = context.serviceWorkers().find((x) => x.url().includes(EXTENSION_ID));
  return w ?? context.waitForEvent("serviceworker", { timeout: 15000 });
}

export function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
export const median = (xs) => quantile([...xs].sort((a, b) => a - b), 0.5);

/**
 * Times `check` inside the worker on each input. performance.now() in an extension
 * worker ticks in 100 µs steps, so calls shorter than `minSample` are timed in batches
 * whose length reaches it, and each sample is the batch's time per call.
 */
async function timeChecks(worker, inputs, { minSample = 2, budgetMs = 3000, maxSamples = 1000, minSamples = 10, withScorer = false } = {}) {
  return worker.evaluate(async ({ inputs, minSample, budgetMs, maxSamples, minSamples, withScorer }) => {
    const B = globalThis.__bedsideBench;
    await B.ready;
    const c = await B.checker(withScorer);
    // The clock's step, as observed.
    let step = Infinity;
    for (let i = 0, p = performance.now(); i < 100000; i++) {
      const q = performance.now();
      if (q > p) step = Math.min(step, q - p);
      p = q;
    }
    const out = {};
    for (const [name, text] of Object.entries(inputs)) {
      // Warm up (the JIT's top tier, the regex caches), then estimate one call's time.
      const w0 = performance.now();
      for (let n = 0; n < 5 || (performance.now() - w0 < Math.min(300, budgetMs / 5) && n < 200); n++) c.check(text, "");
      let n = 0;
      const e0 = performance.now();
      while (n < 3 || (performance.now() - e0 < 50 && n < 100)) {
        c.check(text, "");
        n++;
      }
      const est = (performance.now() - e0) / n;
      const batch = Math.max(1, Math.ceil(minSample / Math.max(est, 0.001)));
      const samples = [];
      const t0 = performance.now();
      while (samples.length < maxSamples && (samples.length < minSamples || performance.now() - t0 < budgetMs)) {
        const s = performance.now();
        for (let i = 0; i < batch; i++) c.check(text, "");
        samples.push((performance.now() - s) / batch);
      }
      samples.sort((a, b) => a - b);
      const q = (p) => samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)];
      out[name] = { median: q(0.5), p99: q(0.99), max: samples[samples.length - 1], samples: samples.length, batch,
        chars: text.length };
    }
    return { clockStepMs: step, results: out };
  }, { inputs, minSample, budgetMs, maxSamples, minSamples, withScorer });
}

/** Checks every corpus text `passes` times in the worker; the median pass's texts per second. */
async function corpusThroughput(worker, texts, passes) {
  return worker.evaluate(async ({ texts, passes }) => {
    const B = globalThis.__bedsideBench;
    await B.ready;
    const c = new B.Checker(undefined);
    for (const t of texts.slice(0, 100)) c.check(t, "");
    const times = [];
    const verdicts = {};
    for (let p = 0; p < passes; p++) {
      const t0 = performance.now();
      for (const t of texts) {
        const r = c.check(t, "");
        if (p === 0) verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
      }
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ms = times[Math.floor(times.length / 2)];
    return { texts: texts.length, passes, medianMs: ms, textsPerS: texts.length / (ms / 1000), verdicts };
  }, { texts, passes });
}

/** Sends one CDP command to a target through the (non-flat) Target domain. */
async function onTarget(cdp, targetId, commands) {
  const { sessionId } = await cdp.send("Target.attachToTarget", { targetId, flatten: false });
  const pending = new Map();
  let next = 0;
  const listener = ({ sessionId: s, message }) => {
    if (s !== sessionId) return;
    const m = JSON.parse(message);
    if (m.id !== undefined && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
  };
  cdp.on("Target.receivedMessageFromTarget", listener);
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
    cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
  try {
    const results = [];
    for (const [method, params] of commands) results.push(await send(method, params));
    return results;
  } finally {
    cdp.off("Target.receivedMessageFromTarget", listener);
    await cdp.send("Target.detachFromTarget", { sessionId }).catch(() => {});
  }
}

async function workerTarget(cdp) {
  const { targetInfos } = await cdp.send("Target.getTargets");
  return targetInfos.find((t) => t.type === "service_worker" && t.url.includes(EXTENSION_ID)) ?? null;
}

/** The worker's JS heap (after a GC) and its wasm linear memory, in bytes. */
async function workerMemory(cdp, context) {
  const target = await workerTarget(cdp);
  if (!target) throw new Error("no live worker to measure");
  const [, heap] = await onTarget(cdp, target.targetId, [["HeapProfiler.collectGarbage"], ["Runtime.getHeapUsage"]]);
  const worker = await liveWorker(context);
  const wasm = await worker.evaluate(async () => (await globalThis.__bedsideBench.exports()).memory.buffer.byteLength);
  return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasm };
}

/** Stops the extension's worker (as Chromium does when it is idle) and waits until it is gone. */
async function stopWorker(cdp) {
  await cdp.send("ServiceWorker.stopAllWorkers");
  for (let i = 0; i < 100 && (await workerTarget(cdp)); i++) await sleep(20);
  if (await workerTarget(cdp)) throw new Error("the worker did not stop");
}

/** Cold starts: stop the worker, then time a check sent on a fresh Port from an extension page. */
async function coldStarts(context, page, cdp, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    await stopWorker(cdp);
    await sleep(300);
    const r = await page.evaluate((text) => globalThis.bedsideWake(text), POST);
    const m = r.marks;
    const rel = (name) => m[`bedside:bench:${name}`];
    out.push({
      roundTripMs: r.ms,
      // To the final report: the rules and the scorer, once its weights are read.
      finalMs: r.finalMs,
      verdict: r.verdict,
      // From the page's connect() to the worker's time origin, and the worker's own marks.
      workerStartMs: r.timeOrigin,
      scriptStartMs: rel("script-start"),
      fetchMs: rel("wasm-fetch-end") !== undefined ? rel("wasm-fetch-end") - rel("wasm-fetch-start") : null,
      instantiateMs: rel("instantiated") - rel("instantiate-start"),
      firstCheckMs: rel("ready") - rel("instantiated"),
    });
  }
  return out;
}

/** Warm round trips: the worker alive, a fresh Port each time (as a newly opened tab). */
async function warmTrips(page, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) out.push((await page.evaluate((text) => globalThis.bedsideWake(text), POST)).ms);
  return out;
}

const METRICS = ["ScriptDuration", "TaskDuration", "JSHeapUsedSize"];

async function metrics(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const out = {};
  for (const m of metrics) if (METRICS.includes(m.name)) out[m.name] = m.value;
  return out;
}

/**
 * Types `text` into `selector` key by key, pausing `pauseMs` after each `burst` keys (so
 * the content script's debounce fires and a result is drawn, as when a person pauses).
 * Records the main thread's script and task time for each keystroke and each pause.
 */
async function typeMeasured(page, cdp, selector, text, { burst = 40, pauseMs = 300 } = {}) {
  await page.click(selector);
  await sleep(pauseMs);
  const keys = [];
  const pauses = [];
  let before = await metrics(cdp);
  const t0 = performance.now();
  const keysToType = [...text];
  for (let i = 0; i < keysToType.length; i++) {
    await page.keyboard.type(keysToType[i]);
    const now = await metrics(cdp);
    keys.push({ script: (now.ScriptDuration - before.ScriptDuration) * 1000, task: (now.TaskDuration - before.TaskDuration) * 1000 });
    before = now;
    if ((i + 1) % burst === 0 || i === keysToType.length - 1) {
      await sleep(pauseMs);
      const after = await metrics(cdp);
      pauses.push({ script: (after.ScriptDuration - before.ScriptDuration) * 1000, task: (after.TaskDuration - before.TaskDuration) * 1000 });
      before = after;
    }
  }
  return { keys, pauses, wallMs: performance.now() - t0 };
}

/** The editor fixtures of the e2e tests (real Lexical, Draft, ProseMirror, Quill, Slate), when present. */
const FIXTURE_EDITORS = { lexical: "#box", draft: ".public-DraftEditor-content", prosemirror: ".ProseMirror", quill: ".ql-editor", slate: "[data-slate-editor]" };
const FIXTURES = join(ROOT, "tests", "fixtures", "editors");

/** Builds the editor fixtures' scripts if the e2e suite ships them; null when it does not. */
async function fixtureEditors() {
  if (!existsSync(join(FIXTURES, "build.mjs"))) return null;
  const { buildEditors } = await import(pathToFileURL(join(FIXTURES, "build.mjs")).href);
  await buildEditors();
  return Object.fromEntries(Object.entries(FIXTURE_EDITORS).filter(([n]) => existsSync(join(FIXTURES, `${n}.html`))));
}

/** Opens `url` in a new tab that records long tasks; `measure(page, cdp)` runs in it. */
async function inTab(context, url, measure) {
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      globalThis.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) globalThis.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(url);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await sleep(500);
    return await measure(page, cdp);
  } finally {
    await page.close();
  }
}

/**
 * The main thread's time inside the extension's scripts, from a CPU profile: every sample
 * whose stack holds a frame of a chrome-extension:// script (with what it called: DOM,
 * layout, native code) counts, its time delta added. A sum of sampled times, so it cannot
 * go negative, unlike a difference of two runs' medians.
 */
export function extensionTime(profile) {
  const parent = new Map();
  const own = new Map();
  for (const n of profile.nodes) {
    own.set(n.id, n.callFrame.url.startsWith("chrome-extension://"));
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const inExtension = new Map();
  const holds = (id) => {
    if (inExtension.has(id)) return inExtension.get(id);
    const p = parent.get(id);
    const v = own.get(id) || (p !== undefined && holds(p));
    inExtension.set(id, v);
    return v;
  };
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (holds(id)) us += profile.timeDeltas[i + 1] ?? 0;
  });
  return { ms: us / 1000, samples: profile.samples.length };
}

/** Types `text` into the box `selector` and gathers what the page saw. */
async function typeEditor(page, cdp, selector, text) {
  const lt0 = await page.evaluate(() => globalThis.__longTasks.length);
  await page.evaluate(() => performance.clearMeasures());
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  let r;
  try {
    r = await typeMeasured(page, cdp, selector, text);
  } finally {
    const { profile } = await cdp.send("Profiler.stop");
    r = { ...r, extension: extensionTime(profile) };
    await cdp.send("Profiler.disable");
  }
  const longTasks = await page.evaluate((n) => globalThis.__longTasks.slice(n), lt0);
  const measures = await page.evaluate(() => performance.getEntriesByType("measure")
    .filter((e) => e.name.startsWith("bedside:")).map((e) => ({ name: e.name, duration: e.duration })));
  const drawn = await page.evaluate(() => Number(document.documentElement.dataset.bedsideChecks ?? 0));
  return { ...r, longTasks, measures, checksDrawn: drawn };
}

/**
 * Typing into each editor — tests/bench/typing.html's bare textarea and contenteditable
 * (then the tab's JS heap), and the e2e suite's real editors when present — with or
 * without the extension.
 */
async function typing(extension, benchUrl, fixturesUrl, fixtures, text) {
  const b = await launch(extension);
  try {
    const out = { editors: {} };
    await inTab(b.context, `${benchUrl}typing.html`, async (page, cdp) => {
      for (const [name, selector] of Object.entries({ textarea: "#textarea", contenteditable: "#contenteditable" })) {
        out.editors[name] = await typeEditor(page, cdp, selector, text);
      }
      await cdp.send("HeapProfiler.collectGarbage");
      await sleep(200);
      await cdp.send("HeapProfiler.collectGarbage");
      out.tabHeap = await cdp.send("Runtime.getHeapUsage");
    });
    for (const [name, selector] of Object.entries(fixtures ?? {})) {
      out.editors[name] = await inTab(b.context, `${fixturesUrl}${name}.html`, (page, cdp) => typeEditor(page, cdp, selector, text));
    }
    return out;
  } finally {
    await b.close();
  }
}

/** Runs everything in Chromium; `quick` for the smoke test (tiny inputs, few runs). */
export async function runBrowser({ inputs, corpus, quick = false, log = console.log }) {
  const server = await serve(join(ROOT, "tests", "bench"));
  const fixtureServer = existsSync(FIXTURES) ? await serve(FIXTURES) : null;
  const result = {};
  try {
    const b = await launch(BENCH_DIST);
    try {
      const { context } = b;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${EXTENSION_ID}/bench.html`);
      const cdp = await context.newCDPSession(page);
      result.chromium = (await cdp.send("Browser.getVersion")).product;
      await cdp.send("ServiceWorker.enable");

      log("  cold worker starts");
      result.warmTrips = await warmTrips(page, quick ? 3 : 20);
      result.cold = await coldStarts(context, page, cdp, quick ? 2 : 15);
      // Memory right after a cold start and one check: the worker as it usually lives.
      result.memoryFresh = await workerMemory(cdp, context);

      log("  check() in the worker: the rules pass");
      const worker = await liveWorker(context);
      result.worker = await timeChecks(worker, inputs, quick ? { budgetMs: 200, minSamples: 3 } : {});
      log("  check() in the worker: the model's pass (rules and scorer)");
      const modelInputs = Object.fromEntries(Object.entries(inputs).filter(([k]) => !k.includes("1 MiB")));
      result.workerModel = await timeChecks(worker, modelInputs, { ...(quick ? { budgetMs: 200, minSamples: 3 } : {}), withScorer: true });
      if (corpus) {
        log("  corpus in the worker");
        result.corpus = await corpusThroughput(worker, corpus, quick ? 1 : 3);
      }
      result.memoryAfter = await workerMemory(cdp, context);
    } finally {
      await b.close();
    }

    const text = [...POST.repeat(Math.ceil(2000 / POST.length))].slice(0, quick ? 60 : 2000).join("");
    const fixtures = await fixtureEditors();
    const names = ["textarea", "contenteditable", ...Object.keys(fixtures ?? {})].join(", ");
    log(`  typing ${[...text].length} characters into ${names}, with the extension`);
    result.typingWith = await typing(BENCH_DIST, server.url, fixtureServer?.url, fixtures, text);
    log("  … and without it");
    result.typingWithout = await typing(null, server.url, fixtureServer?.url, fixtures, text);
  } finally {
    await server.close();
    await fixtureServer?.close();
  }
  return result;
}
