/**
 * Loads the Rust core (wasm) once per worker life, behind a ready promise, and checks
 * drafts with it. The worker is killed when idle; the next connection starts it again.
 */
import init, { Checker } from "bedside-wasm";
import type { Report } from "./protocol";

let ready: Promise<Checker> | null = null;
/** A draft that reaches every detector, including those that read the reply context. */
const WARM_UP = "warm up";
/** The policy the next checker compiles (see settings/policy.ts); undefined = defaults. */
let policy: Promise<unknown> = Promise.resolve(undefined);

/** The checker, compiled on first use. A failed load is retried on the next call. */
function checker(): Promise<Checker> {
  ready ??= Promise.all([init({ module_or_path: chrome.runtime.getURL("bedside_bg.wasm") }), policy])
    .then(([, p]) => {
      const c = new Checker(p);
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

/** Checks a draft that replies to `context` ("" when it replies to nothing). */
export async function check(text: string, context: string): Promise<Report> {
  const c = await checker();
  return c.check(text, context) as Report;
}

/** Compiles `next` (a policy object, or a promise of one) for every later check, and
 * resolves to the settings the core could not use. The old checker is garbage-collected. */
export async function usePolicy(next: unknown): Promise<{ field: string; reason: string }[]> {
  policy = Promise.resolve(next);
  ready = null;
  return (await checker()).errors ?? [];
}
