/**
 * Loads the Rust core (wasm) and the learned scorer's weights (two files of the
 * extension package, never fetched from the network) once per worker life, behind a
 * ready promise, and checks drafts with them. The worker is killed when idle; the next
 * connection starts it again.
 */
import init, { Checker, Scorer } from "bedside-wasm";
import type { Report } from "./protocol";

let ready: Promise<Checker> | null = null;
let scorer: Promise<Scorer | null> | null = null;
/** A draft that reaches every detector, including those that read the reply context. */
const WARM_UP = "warm up";
/** The policy the next checker compiles (see settings/policy.ts); undefined = defaults. */
let policy: Promise<unknown> = Promise.resolve(undefined);

async function packageBytes(path: string): Promise<Uint8Array> {
  const r = await fetch(chrome.runtime.getURL(path));
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

/** The scorer, read once. Without its weights the rules judge alone (and say so). */
export function loadScorer(): Promise<Scorer | null> {
  scorer ??= Promise.all([packageBytes("model/static.bin"), packageBytes("model/head.bin")])
    .then(([s, h]) => new Scorer(s, h))
    .catch((e: unknown) => {
      console.warn(`Bedside: the learned scorer did not load (${String(e)}); the rules judge alone`);
      return null;
    });
  return scorer;
}

/** The checker, compiled on first use. A failed load is retried on the next call. */
function checker(): Promise<Checker> {
  ready ??= init({ module_or_path: chrome.runtime.getURL("bedside_bg.wasm") })
    .then(() => Promise.all([policy, loadScorer()]))
    .then(([p, s]) => {
      const c = new Checker(p);
      if (s) c.useScorer(s);
      // The core compiles its patterns on first use: do it now, at worker start, not
      // on the user's first draft. Later checkers (a new policy) reuse them.
      c.check(WARM_UP, WARM_UP);
      return c;
    })
    .catch((e: unknown) => {
      ready = null;
      throw e;
    });
  return ready;
}

/** Checks a draft that replies to `context` ("" when it replies to nothing), with the
 * rules and the scorer. */
export async function check(text: string, context: string): Promise<Report> {
  const c = await checker();
  return c.check(text, context) as Report;
}

/**
 * The two passes over a draft: `rules` (microseconds, drawn at once) and then, if a scorer
 * is loaded, `full` (the rules and the scorer; milliseconds). `full` is null without a
 * scorer: the rules' report is then the whole answer. The model's pass runs in a later
 * task, so the rules' answer is posted before the worker starts on it.
 */
export async function checkInPasses(text: string, context: string): Promise<{ rules: Report; full: (() => Report) | null }> {
  const c = await checker();
  const rules = c.checkRules(text, context) as Report;
  return { rules, full: c.hasScorer ? () => c.check(text, context) as Report : null };
}

/** Compiles `next` (a policy object, or a promise of one) for every later check, and
 * resolves to the settings the core could not use. The old checker is garbage-collected. */
export async function usePolicy(next: unknown): Promise<{ field: string; reason: string }[]> {
  policy = Promise.resolve(next);
  ready = null;
  return (await checker()).errors ?? [];
}
